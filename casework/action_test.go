package casework

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestNames(t *testing.T) {
	seen := map[string]ActionKind{}
	for _, k := range append(ActionKinds, ActOpen, ActAddFinding) {
		zh, en := k.Name()
		if zh == string(k) || en == "" || strings.ContainsAny(zh, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s has no Chinese name: %q / %q", k, zh, en)
		}
		if other, dup := seen[zh]; dup {
			t.Errorf("%s and %s are both called %s", k, other, zh)
		}
		seen[zh] = k
	}
	if zh, en := ActionKind("x").Name(); zh != "x" || en != "x" {
		t.Errorf("unknown action named %q / %q", zh, en)
	}
	for _, s := range qinglang.CaseStates {
		if zh, en := StateName(s); zh == string(s) || en == "" {
			t.Errorf("state %s has no names: %q / %q", s, zh, en)
		}
	}
	if zh, _ := StateName("x"); zh != "x" {
		t.Errorf("unknown state named %q", zh)
	}
	if !ActComment.Known() || ActOpen.Known() || ActionKind("x").Known() {
		t.Error("Known is wrong")
	}
}

func TestActionCheck(t *testing.T) {
	tests := []struct {
		a       Action
		wantErr string // part of the English message; "" for none
	}{
		{Action{Kind: ActAssign, Assignee: "w"}, ""},
		{Action{Kind: ActAssign, Assignee: " "}, "missing: assignee"},
		{Action{Kind: ActAssign, Assignee: strings.Repeat("w", MaxIDBytes+1)}, "at most 128 bytes"},
		{Action{Kind: ActAssign, Assignee: "w", DueAt: t0}, "must be later than now"},
		{Action{Kind: ActPropose, MeasureID: "m", Reason: strings.Repeat("因", MaxTextRunes+1)}, "reason is at most"},
		{Action{Kind: ActNotify}, ""},
		{Action{Kind: ActNotify, NoticeID: strings.Repeat("n", MaxIDBytes+1)}, "notice_id is at most"},
		{Action{Kind: ActAppeal}, "missing: appeal_id"},
		{Action{Kind: ActReviewAppeal, DecidedBy: "li", Outcome: qinglang.AppealUpheld}, "missing: appeal_id"},
		{Action{Kind: ActReviewAppeal, AppealID: "a", Outcome: qinglang.AppealUpheld}, "who decided the measure"},
		{Action{Kind: ActReviewAppeal, AppealID: "a", DecidedBy: "li", Outcome: "maybe"}, `not "maybe"`},
		{Action{Kind: ActClose, Reason: "结案"}, ""},
		{Action{Kind: ActReopen}, "missing: reason"},
		{Action{Kind: ActComment, Text: strings.Repeat("字", MaxTextRunes)}, ""},
		{Action{Kind: ActSetRegion, Region: "31000a"}, "six-digit"},
		{Action{Kind: ActShare, Region: "3100000"}, "six-digit"},
		{Action{Kind: ActPublish}, ""},
	}
	for _, tt := range tests {
		err := tt.a.check(t0)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%+v: %v", tt.a, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.(*qinglang.Error).MessageEN, tt.wantErr)):
			t.Errorf("%+v: error %v, want one saying %q", tt.a, err, tt.wantErr)
		case err != nil && qinglang.Code(err) != qinglang.EINVALID:
			t.Errorf("%+v: code %s", tt.a, qinglang.Code(err))
		}
	}
}
