package casework

import (
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// wantRoles is the role table as the brief states it.
var wantRoles = map[qinglang.Role][]ActionKind{
	qinglang.RoleReviewer: {ActAssign, ActStartReview, ActPropose, ActDecide, ActNotify, ActReviewAppeal, ActClose, ActComment},
	qinglang.RolePlatform: {ActAssign, ActStartReview, ActPropose, ActDecide, ActNotify, ActReviewAppeal,
		ActClose, ActReopen, ActComment, ActPublish, ActUnpublish, ActLegalHold},
	qinglang.RoleRegulator: {ActComment, ActPublish, ActUnpublish, ActLegalHold, ActSetRegion, ActEscalate,
		ActSupervise, ActShare},
	qinglang.RoleOperator: {ActAppeal, ActComment},
	qinglang.RoleAdmin:    ActionKinds,
}

func TestRoleActions(t *testing.T) {
	for _, r := range qinglang.Roles {
		if got := RoleActions(r); !slices.Equal(got, wantRoles[r]) {
			t.Errorf("RoleActions(%s) = %v, want %v", r, got, wantRoles[r])
		}
	}
	if got := RoleActions("root"); got != nil {
		t.Errorf("RoleActions(root) = %v", got)
	}
	if Permits("root", ActComment) || Permits(qinglang.RoleAdmin, ActOpen) {
		t.Error("Permits grants what it should not")
	}
}

// TestApplyEnforcesRoles takes every action as every role, in a state that
// allows it.
func TestApplyEnforcesRoles(t *testing.T) {
	principals := []qinglang.Principal{admin, reviewer, platform, regulator, operator, qinglang.System}
	for _, p := range principals {
		for _, k := range ActionKinds {
			t.Run(string(p.Role)+"/"+p.Name+"/"+string(k), func(t *testing.T) {
				c := caseIn(legal[k][0])
				if k == ActUnpublish {
					c.Published = true
				}
				_, ch, err := Apply(c, validAction(k), p, t0)
				if !slices.Contains(wantRoles[p.Role], k) {
					wantCode(t, err, qinglang.EFORBIDDEN)
					kzh, _ := k.Name()
					if msg := err.Error(); !strings.Contains(msg, string(p.Role)) || !strings.Contains(msg, kzh) ||
						!strings.Contains(msg, string(k)) {
						t.Errorf("error does not name the role and the action: %v", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if ch.By.Name != p.Name || ch.By.Role != p.Role {
					t.Errorf("by = %+v", ch.By)
				}
			})
		}
	}
}
