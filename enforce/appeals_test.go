package enforce

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/notice"
)

func TestAppealOverturnedByAnotherPerson(t *testing.T) {
	e := cwSetup(t)
	c, m, _ := e.decided(cwPlatform)
	e.clock.Advance(2 * 24 * time.Hour)

	_, err := e.svc.FileAppeal(e.ctx, cwStranger, m.ID, "不是我的直播间")
	cwCode(t, "appeal by an operator of another room", err, qinglang.ENOTFOUND)
	_, err = e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "  ")
	cwCode(t, "appeal without grounds", err, qinglang.EINVALID)

	a, err := e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "该茶饮为已备案保健食品，主播口误")
	if err != nil {
		t.Fatalf("FileAppeal: %v", err)
	}
	if !strings.HasPrefix(a.ID, "apl_") || a.State != qinglang.AppealFiled || a.FiledBy != cwOperator.Name ||
		a.CaseID != c.ID || a.MeasureID != m.ID {
		t.Errorf("appeal = %+v", a)
	}
	_, err = e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "再次申诉")
	cwCode(t, "a second appeal", err, qinglang.ECONFLICT)
	if got := e.view(c.ID).Case.State; got != qinglang.CaseAppealed {
		t.Errorf("case = %s; want appealed", got)
	}

	// Who decided the measure may not review the appeal against it.
	_, _, err = e.svc.ReviewAppeal(e.ctx, cwPlatform, a.ID, AppealReview{Outcome: "维持"})
	cwCode(t, "review by the decider", err, qinglang.EFORBIDDEN)
	_, _, err = e.svc.ReviewAppeal(e.ctx, cwOther, a.ID, AppealReview{Outcome: "撤销"})
	cwCode(t, "review by another platform", err, qinglang.ENOTFOUND)

	e.clock.Advance(time.Hour)
	now := e.clock.Now()
	got, n, err := e.svc.ReviewAppeal(e.ctx, cwPlatform2, a.ID, AppealReview{Outcome: "经核实产品为备案保健食品，原措施撤销"})
	if err != nil {
		t.Fatalf("ReviewAppeal: %v", err)
	}
	if got.State != qinglang.AppealOverturned || got.ReviewedBy != cwPlatform2.Name || !got.ReviewedAt.Equal(now) {
		t.Errorf("appeal = %+v", got)
	}
	if n.Kind != qinglang.NoticeAppealResult || n.MeasureID != m.ID || notice.Check(n) != nil ||
		!strings.Contains(n.Facts, "撤销") {
		t.Errorf("result notice = %+v (misses %v)", n, notice.Check(n))
	}
	v := e.view(c.ID)
	if v.Case.State != qinglang.CaseReviewed || len(v.Notices) != 2 || len(v.Appeals) != 1 {
		t.Errorf("view: case %s, %d notices, %d appeals", v.Case.State, len(v.Notices), len(v.Appeals))
	}
	i := slices.IndexFunc(v.Measures, func(x qinglang.Measure) bool { return x.ID == m.ID })
	if i < 0 || v.Measures[i].State != qinglang.MeasureRevoked || !v.Measures[i].EndsAt.Equal(now) {
		t.Errorf("measures = %+v; want %s revoked now", v.Measures, m.ID)
	}
	rec, err := e.store.Record(e.ctx, qinglang.RecMeasure, m.ID)
	if err != nil || !rec.Due.IsZero() {
		t.Errorf("a revoked measure keeps a timer: %+v, %v", rec.Due, err)
	}
	want := []string{"measure.propose", "measure.approve", "measure.revoke"}
	if got := e.auditActions("measure:" + m.ID); !slices.Equal(got, want) {
		t.Errorf("measure audit = %v, want %v", got, want)
	}
	_, _, err = e.svc.ReviewAppeal(e.ctx, cwAdmin, a.ID, AppealReview{Outcome: "again"})
	cwCode(t, "reviewing twice", err, qinglang.ECONFLICT)
}

func TestAppealUpheldKeepsTheMeasure(t *testing.T) {
	e := cwSetup(t)
	_, m, _ := e.decided(cwAdmin)
	a, err := e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "处罚过重")
	if err != nil {
		t.Fatal(err)
	}
	got, n, err := e.svc.ReviewAppeal(e.ctx, cwPlatform2, a.ID, AppealReview{Upheld: true, Outcome: "事实清楚，维持原措施"})
	if err != nil || got.State != qinglang.AppealUpheld || notice.Check(n) != nil || n.Appeal == "" {
		t.Fatalf("ReviewAppeal = %+v, %+v, %v", got, n, err)
	}
	rec, err := e.store.Record(e.ctx, qinglang.RecMeasure, m.ID)
	if err != nil || rec.State != string(qinglang.MeasureActive) || !rec.Due.Equal(m.EndsAt) {
		t.Errorf("measure = %+v, %v; want still active until its end", rec, err)
	}
}

func TestReviewerDecidesButDoesNotReviewTheAppeal(t *testing.T) {
	e := cwSetup(t)
	_, m, _ := e.decided(cwReviewer)
	a, err := e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "处罚过重")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = e.svc.ReviewAppeal(e.ctx, cwReviewer, a.ID, AppealReview{Outcome: "维持"})
	cwCode(t, "the deciding reviewer reviews", err, qinglang.EFORBIDDEN)
}

func TestAppealWindow(t *testing.T) {
	e := cwSetup(t)
	_, m, n := e.decided(cwPlatform)
	e.clock.Advance(n.AppealBy.Sub(e.clock.Now()) + time.Second)
	_, err := e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "迟到的申诉")
	cwCode(t, "appeal after AppealBy", err, qinglang.ECONFLICT)

	// A proposal that nobody decided cannot be appealed.
	e2 := cwSetup(t)
	_, p := e2.proposed()
	_, err = e2.svc.FileAppeal(e2.ctx, cwOperator, p.ID, "尚未决定")
	cwCode(t, "appeal of a proposal", err, qinglang.ECONFLICT)
	_, err = e2.svc.FileAppeal(e2.ctx, cwOperator, "msr_missing", "x")
	cwCode(t, "appeal of a missing measure", err, qinglang.ENOTFOUND)
}

func TestAppealOfALiftedWarning(t *testing.T) {
	e := cwSetup(t)
	e.room("r2", "h2")
	in := e.intake(e.finding("r2", "claim.exaggeration", qinglang.SeverityHigh, "k1"))
	// A warning ends when it is issued; the sweep lifts it, and it may
	// still be appealed within the window.
	e.clock.Advance(time.Minute)
	if lifted, err := e.svc.SweepMeasures(e.ctx); err != nil || len(lifted) != 2 {
		t.Fatalf("sweep = %+v, %v; want both warnings lifted", lifted, err)
	}
	if _, err := e.svc.FileAppeal(e.ctx, cwOperator, in.Proposed[0].ID, "首次违规，请求撤销警告"); err != nil {
		t.Errorf("FileAppeal of a lifted warning: %v", err)
	}
}
