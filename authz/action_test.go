package authz

import (
	"testing"

	"github.com/qinglang/qinglang"
)

// matrixRoles are the columns of wantMatrix.
var matrixRoles = []qinglang.Role{
	qinglang.RoleAdmin, qinglang.RoleRegulator, qinglang.RolePlatform, qinglang.RoleReviewer, qinglang.RoleOperator,
}

// wantMatrix is the permission table as the tests expect it, written out
// so that a change to the permissions shows up here as a diff. Columns:
// admin, regulator, platform, reviewer, operator; x allowed, . denied.
var wantMatrix = map[Action]string{
	//                    ARPVO
	"events.write":      "x.x..",
	"findings.read":     "xxxxx",
	"findings.review":   "x.xx.",
	"campaigns.read":    "xxxx.",
	"rooms.read":        "xxxxx",
	"lint.use":          "xxxxx",
	"rules.read":        "xxxxx",
	"rules.reload":      "x....",
	"registry.read":     "xxxx.",
	"registry.write":    "x.x..",
	"spotchecks.read":   "xxxx.",
	"spotchecks.write":  "xx...",
	"cases.read":        "xxxxx",
	"cases.write":       "x.xx.",
	"measures.decide":   "x.xx.",
	"notices.read":      "xxxxx",
	"appeals.file":      "x.x.x",
	"appeals.review":    "x.xx.",
	"directives.send":   "xx...",
	"directives.answer": "x.x..",
	"directives.read":   "xxxx.",
	"actions.record":    "xx...",
	"disputes.answer":   "x.x..",
	"evidence.export":   "xxx..",
	"tokens.manage":     "x.x..",
	"webhooks.manage":   "x.x..",
	"audit.read":        "xxx..",
	"audit.verify":      "xx...",
	"public.read":       "xxxxx",
}

func TestPermissionMatrix(t *testing.T) {
	if len(matrixRoles) != len(qinglang.Roles) {
		t.Fatalf("the test knows %d roles, the root package %d", len(matrixRoles), len(qinglang.Roles))
	}
	if len(wantMatrix) != len(Actions) {
		t.Errorf("the test lists %d actions, the package %d", len(wantMatrix), len(Actions))
	}
	for _, act := range Actions {
		row, ok := wantMatrix[act]
		if !ok {
			t.Errorf("the test does not expect action %s", act)
			continue
		}
		if _, ok := permissions[act]; !ok {
			t.Errorf("%s is missing from the permission table", act)
		}
		for j, role := range matrixRoles {
			want := row[j] == 'x'
			if got := Can(qinglang.Principal{Role: role, TokenID: "t"}, act); got != want {
				t.Errorf("Can(%s, %s) = %v, want %v", role, act, got, want)
			}
		}
	}
	if len(permissions) != len(Actions) {
		t.Errorf("the permission table has %d rows for %d actions", len(permissions), len(Actions))
	}
}

func TestCanUnknown(t *testing.T) {
	for _, act := range Actions {
		got := Can(qinglang.Principal{}, act)
		if got != (act == PublicRead) {
			t.Errorf("Can(no role, %s) = %v", act, got)
		}
		if Can(qinglang.Principal{Role: "owner"}, act) != (act == PublicRead) {
			t.Errorf("Can(unknown role, %s) = %v", act, got)
		}
	}
	if Can(qinglang.System, "events.delete") {
		t.Error("an unknown action is allowed")
	}
	if !Can(qinglang.System, AuditVerify) {
		t.Error("the system principal is not admin")
	}
	if Action("events.delete").Known() || !EventsWrite.Known() {
		t.Error("Known is wrong")
	}
}
