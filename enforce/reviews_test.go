package enforce

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

// rvOpen runs a medium finding of room r1 (host h1) through intake: it
// opens a case about the host and one about the room, both open (one point
// proposes no measure), and returns the finding and the two cases.
func rvOpen(e *cwEnv) (qinglang.Finding, qinglang.Case, qinglang.Case) {
	e.t.Helper()
	e.room("r1", "h1")
	f := e.finding("r1", "claim.exaggeration", qinglang.SeverityMedium, "k1")
	if in := e.intake(f); len(in.Opened) != 2 || len(in.Proposed) != 0 {
		e.t.Fatalf("intake = %+v; want two cases opened and no measure", in)
	}
	host, room := e.caseOf(qinglang.SubjectHost, "h1"), e.caseOf(qinglang.SubjectRoom, "r1")
	if host.State != qinglang.CaseOpen || room.State != qinglang.CaseOpen {
		e.t.Fatalf("cases %s, %s; want both open", host.State, room.State)
	}
	return f, host, room
}

// rvReview reviews a finding as p and fails the test on an error.
func rvReview(e *cwEnv, p qinglang.Principal, id, decision, reason string) Review {
	e.t.Helper()
	rv, err := e.svc.ReviewFinding(e.ctx, p, id, decision, reason)
	if err != nil {
		e.t.Fatalf("ReviewFinding(%s, %s) as %s: %v", id, decision, p.Name, err)
	}
	return rv
}

// rvAudit returns the audit entries of an object.
func rvAudit(e *cwEnv, object string) []qinglang.AuditEntry {
	e.t.Helper()
	es, err := e.store.AuditEntries(e.ctx, object, 0, 0)
	if err != nil {
		e.t.Fatalf("AuditEntries(%s): %v", object, err)
	}
	return es
}

// rvStanding is the standing of host h1.
func rvStanding(e *cwEnv) float64 {
	e.t.Helper()
	v, err := e.svc.standing(e.ctx, qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"})
	if err != nil {
		e.t.Fatalf("standing: %v", err)
	}
	return v
}

func TestReviewConfirmStartsTheReview(t *testing.T) {
	e := cwSetup(t)
	f, host, room := rvOpen(e)
	e.clock.Advance(time.Minute)
	rv := rvReview(e, cwReviewer, f.ID, ReviewConfirm, "")
	if rv.ID != reviewID(f.ID) || !strings.HasPrefix(rv.ID, "rvw_") || rv.FindingID != f.ID || rv.Decision != ReviewConfirm ||
		rv.By != cwReviewer.Name || !rv.At.Equal(e.clock.Now()) || rv.Platform != "p1" || rv.Room != "r1" ||
		!slices.Equal(rv.Cases, []string{host.ID, room.ID}) && !slices.Equal(rv.Cases, []string{room.ID, host.ID}) {
		t.Errorf("review = %+v", rv)
	}
	for _, c := range []qinglang.Case{host, room} {
		now := e.view(c.ID).Case
		if now.State != qinglang.CaseInReview {
			t.Errorf("case %s is %s; want in_review", c.ID, now.State)
		}
		es := rvAudit(e, "case:"+c.ID)
		last := es[len(es)-1]
		var data struct {
			Action   string         `json:"action"`
			ReviewID string         `json:"review_id"`
			Reviewer casework.Actor `json:"reviewer"`
		}
		if err := json.Unmarshal(last.Data, &data); err != nil {
			t.Fatal(err)
		}
		if last.Action != "case.start_review" || !strings.HasPrefix(last.Actor, cwReviewer.Name) || data.Action != "start_review" ||
			data.ReviewID != rv.ID || data.Reviewer.Name != cwReviewer.Name {
			t.Errorf("last audit entry of %s = %s by %s, %s", c.ID, last.Action, last.Actor, last.Data)
		}
	}
	stored, err := e.store.Record(e.ctx, qinglang.RecReview, rv.ID)
	if err != nil || stored.Platform != "p1" || stored.State != ReviewConfirm || !slices.Equal(stored.Scopes, []string{"room:r1"}) {
		t.Errorf("stored review = %+v, %v", stored, err)
	}
	if rvStanding(e) != 1 {
		t.Errorf("standing = %v; a confirmed finding keeps its point", rvStanding(e))
	}

	// Confirmed again: the cases are in review already; the review is
	// replaced, and the audit log keeps both.
	e.clock.Advance(time.Minute)
	again := rvReview(e, cwPlatform, f.ID, ReviewConfirm, "复核无误")
	if again.ID != rv.ID || again.By != cwPlatform.Name || again.Reason != "复核无误" {
		t.Errorf("second review = %+v", again)
	}
	list, next, err := e.svc.Reviews(e.ctx, cwAdmin, "", 0)
	if err != nil || len(list) != 1 || list[0].By != cwPlatform.Name || next != "" {
		t.Errorf("Reviews = %+v, %q, %v; want the one review, replaced", list, next, err)
	}
	es := rvAudit(e, "review:"+rv.ID)
	if len(es) != 2 || es[0].Action != "finding.review" || es[1].Action != "finding.review" {
		t.Fatalf("review audit = %+v", es)
	}
	var second reviewAudit
	if err := json.Unmarshal(es[1].Data, &second); err != nil || second.Previous != ReviewConfirm || second.By != cwPlatform.Name {
		t.Errorf("second entry = %s, %v", es[1].Data, err)
	}
}

func TestReviewDismissWithdrawsPoints(t *testing.T) {
	e := cwSetup(t)
	host, m := e.proposed() // a critical finding: 8 points, a suspension proposed
	f := host.Findings[0]
	if rvStanding(e) != 8 {
		t.Fatalf("standing = %v; want 8", rvStanding(e))
	}
	_, err := e.svc.ReviewFinding(e.ctx, cwPlatform, f, ReviewDismiss, "  ")
	cwCode(t, "dismiss without a reason", err, qinglang.EINVALID)

	rv := rvReview(e, cwPlatform, f, ReviewDismiss, "回放核实：主播原话为“不能治病”，系转写错误")
	if rvStanding(e) != 0 {
		t.Errorf("standing after the dismissal = %v; want 0", rvStanding(e))
	}
	ds, err := e.store.Records(e.ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction})
	if err != nil || len(ds.Records) != 0 {
		t.Errorf("deductions = %+v, %v; want none", ds.Records, err)
	}
	room := e.caseOf(qinglang.SubjectRoom, "r1")
	for _, id := range []string{host.ID, room.ID} {
		v := e.view(id)
		if len(v.Case.Comments) != 1 || !strings.Contains(v.Case.Comments[0].Text, "转写错误") ||
			v.Case.Comments[0].Author != cwPlatform.Name {
			t.Errorf("comments of %s = %+v", id, v.Case.Comments)
		}
		// The proposal stays for a person to reject.
		if v.Case.State != qinglang.CaseMeasureProposed {
			t.Errorf("case %s is %s; want measure_proposed still", id, v.Case.State)
		}
	}
	if v := e.view(host.ID); len(v.Measures) != 1 || v.Measures[0].ID != m.ID || v.Measures[0].State != qinglang.MeasureProposed {
		t.Errorf("measures = %+v", v.Measures)
	}
	es := rvAudit(e, "review:"+rv.ID)
	var data reviewAudit
	if len(es) != 1 || json.Unmarshal(es[0].Data, &data) != nil || len(data.Withdrawn) != 2 || data.Reason == "" {
		t.Errorf("review audit = %+v", es)
	}

	// The finding fed again deducts nothing: it was dismissed.
	fd, err := e.store.Finding(e.ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	e.intake(fd)
	if rvStanding(e) != 0 {
		t.Errorf("standing after intake of a dismissed finding = %v; want 0", rvStanding(e))
	}

	// Confirmed after all: it counts again, from now.
	e.clock.Advance(time.Hour)
	rvReview(e, cwPlatform2, f, ReviewConfirm, "")
	if rvStanding(e) != 8 {
		t.Errorf("standing after the confirmation = %v; want 8 again", rvStanding(e))
	}
	if got := e.view(host.ID).Case.State; got != qinglang.CaseMeasureProposed {
		t.Errorf("host case is %s; want measure_proposed", got)
	}
}

func TestReviewEscalateSetsADueDate(t *testing.T) {
	e := cwSetup(t)
	f, host, room := rvOpen(e)
	// The room's case is due sooner already: that stays.
	soon := e.clock.Now().Add(2 * time.Hour)
	if _, err := e.svc.ActOnCase(e.ctx, cwPlatform, room.ID, casework.Action{Kind: casework.ActAssign, Assignee: "赵审核", DueAt: soon}); err != nil {
		t.Fatal(err)
	}
	rvReview(e, cwReviewer, f.ID, ReviewEscalate, "疑似团伙操控")
	due := e.clock.Now().Add(EscalationDue)
	h := e.view(host.ID).Case
	if h.State != qinglang.CaseInReview || !h.DueAt.Equal(due) || h.Assignee != cwReviewer.Name || len(h.Comments) != 1 ||
		!strings.Contains(h.Comments[0].Text, "24") || !strings.Contains(h.Comments[0].Text, "疑似团伙操控") {
		t.Errorf("host case = %+v", h)
	}
	r := e.view(room.ID).Case
	if r.State != qinglang.CaseInReview || !r.DueAt.Equal(soon) || r.Assignee != "赵审核" || len(r.Comments) != 1 {
		t.Errorf("room case = %+v; want in review, its earlier due date and assignee kept", r)
	}
	want := []string{"case.open", "case.start_review", "case.assign", "case.comment"}
	if got := e.auditActions("case:" + host.ID); !slices.Equal(got, want) {
		t.Errorf("host audit = %v, want %v", got, want)
	}
}

func TestReviewScope(t *testing.T) {
	e := cwSetup(t)
	f, _, _ := rvOpen(e)
	for _, tc := range []struct {
		p    qinglang.Principal
		want qinglang.ErrorCode
	}{
		{cwOther, qinglang.ENOTFOUND}, {cwStranger, qinglang.ENOTFOUND}, {cwShanghai, qinglang.ENOTFOUND},
		{cwOperator, qinglang.EFORBIDDEN},
	} {
		_, err := e.svc.ReviewFinding(e.ctx, tc.p, f.ID, ReviewConfirm, "")
		cwCode(t, "review as "+tc.p.Name, err, tc.want)
	}
	_, err := e.svc.ReviewFinding(e.ctx, cwAdmin, "f_missing", ReviewConfirm, "")
	cwCode(t, "review of a missing finding", err, qinglang.ENOTFOUND)
	_, err = e.svc.ReviewFinding(e.ctx, cwAdmin, f.ID, "approve", "")
	cwCode(t, "unknown decision", err, qinglang.EINVALID)
	_, err = e.svc.ReviewFinding(e.ctx, cwAdmin, f.ID, ReviewConfirm, strings.Repeat("长", MaxReviewReason+1))
	cwCode(t, "reason too long", err, qinglang.EINVALID)

	rvReview(e, cwReviewer, f.ID, ReviewConfirm, "")
	g := e.finding("r2", "claim.exaggeration", qinglang.SeverityLow, "k2")
	rvReview(e, cwAdmin, g.ID, ReviewDismiss, "误报")
	for _, tc := range []struct {
		p    qinglang.Principal
		want []string
	}{
		{cwAdmin, []string{g.ID, f.ID}}, {cwPlatform, []string{g.ID, f.ID}}, {cwReviewer, []string{g.ID, f.ID}},
		{cwOperator, []string{g.ID, f.ID}}, {cwStranger, nil}, {cwOther, nil},
	} {
		list, _, err := e.svc.Reviews(e.ctx, tc.p, "", 0)
		var got []string
		for _, rv := range list {
			got = append(got, rv.FindingID)
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("Reviews as %s = %v, %v; want %v", tc.p.Name, got, err, tc.want)
		}
	}
	_, _, err = e.svc.Reviews(e.ctx, cwShanghai, "", 0)
	cwCode(t, "Reviews as a regulator", err, qinglang.EFORBIDDEN)
	_, _, err = e.svc.Reviews(e.ctx, cwAdmin, "", 1001)
	cwCode(t, "Reviews with a bad limit", err, qinglang.EINVALID)
	first, next, err := e.svc.Reviews(e.ctx, cwPlatform, "", 1)
	if err != nil || len(first) != 1 || next == "" {
		t.Fatalf("first page = %+v, %q, %v", first, next, err)
	}
	second, last, err := e.svc.Reviews(e.ctx, cwPlatform, next, 1)
	if err != nil || len(second) != 1 || second[0].FindingID != f.ID || last != "" {
		t.Errorf("second page = %+v, %q, %v", second, last, err)
	}
}

// TestReviewActsAsSystemForAReviewerWhoMayNot checks a case action the
// reviewer's role may not take is taken by the system, with the reviewer
// named in the audit data.
func TestReviewActsAsSystemForAReviewerWhoMayNot(t *testing.T) {
	e := cwSetup(t)
	f, host, _ := rvOpen(e)
	rv := Review{ID: reviewID(f.ID), FindingID: f.ID, Decision: ReviewConfirm, Platform: "p1", Room: "r1"}
	err := e.svc.inTx(e.ctx, func(c *change) error {
		cs, err := c.getCase(e.ctx, host.ID)
		if err != nil {
			return err
		}
		trail, err := e.svc.reviewCase(e.ctx, c, cwOperator, rv, cs, e.svc.now())
		if err != nil {
			return err
		}
		for _, a := range trail {
			if err := e.svc.audit(e.ctx, c, a.by, a.action, a.object, a.data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.view(host.ID).Case.State; got != qinglang.CaseInReview {
		t.Errorf("case is %s; want in_review", got)
	}
	es := rvAudit(e, "case:"+host.ID)
	last := es[len(es)-1]
	var data reviewEffect
	if err := json.Unmarshal(last.Data, &data); err != nil {
		t.Fatal(err)
	}
	if last.Actor != qinglang.System.Name || data.By.Name != qinglang.System.Name || data.Reviewer.Name != cwOperator.Name ||
		data.ReviewID != rv.ID {
		t.Errorf("audit entry by %s: %s", last.Actor, last.Data)
	}
}
