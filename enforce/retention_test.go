package enforce

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

// TestPurge keeps the rooms of a case under legal hold, deletes the old
// evidence of other rooms and the cases closed before the cut, refuses a
// retention under three years, and audits itself.
func TestPurge(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	e.room("r2", "h2")
	e.intake(e.finding("r1", "ad.medical.cure", qinglang.SeverityHigh, "k1"), e.finding("r2", "ad.medical.cure", qinglang.SeverityHigh, "k2"))

	held := e.caseOf(qinglang.SubjectRoom, "r1")
	if _, err := e.svc.ActOnCase(e.ctx, cwAdmin, held.ID, casework.Action{Kind: casework.ActLegalHold, Hold: true}); err != nil {
		t.Fatal(err)
	}
	closed := e.caseOf(qinglang.SubjectHost, "h2")
	if _, err := e.svc.ActOnCase(e.ctx, cwAdmin, closed.ID, casework.Action{Kind: casework.ActClose, Reason: "已整改 / corrected"}); err != nil {
		t.Fatal(err)
	}

	if _, err := e.svc.Purge(e.ctx, 2); qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("a 2-year retention: %v, want EINVALID", err)
	}
	// Three years later nothing is newer than the cut.
	e.clock.Advance(3*365*24*time.Hour + 48*time.Hour)
	rep, err := e.svc.Purge(e.ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 3 || rep.Findings != 1 || rep.Cases != 1 || rep.Held != 1 {
		t.Errorf("purge = %+v, want 3 events and 1 finding of r2, 1 closed case, 1 held room", rep)
	}
	if _, err := e.store.Room(e.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"}); err != nil {
		t.Errorf("the held room was purged: %v", err)
	}
	if _, err := e.store.Room(e.ctx, qinglang.RoomKey{Platform: "p1", Room: "r2"}); qinglang.Code(err) != qinglang.ENOTFOUND {
		t.Errorf("room r2 was kept: %v", err)
	}
	if _, err := e.svc.Case(e.ctx, cwAdmin, closed.ID); qinglang.Code(err) != qinglang.ENOTFOUND {
		t.Errorf("the old closed case was kept: %v", err)
	}
	if _, err := e.svc.Case(e.ctx, cwAdmin, held.ID); err != nil {
		t.Errorf("the held case was purged: %v", err)
	}
	if got := e.auditActions(""); got[len(got)-1] != "retention.purge" {
		t.Errorf("last audit action %q, want retention.purge", got[len(got)-1])
	}
	if rep, err := e.svc.VerifyAudit(e.ctx); err != nil || !rep.OK {
		t.Errorf("audit after the purge: %+v %v", rep, err)
	}
}
