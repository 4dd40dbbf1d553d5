package enforce

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/notice"
)

func TestDecideMeasureApprovesAndIssuesTheNotice(t *testing.T) {
	e := cwSetup(t)
	c, m := e.proposed()
	e.clock.Advance(time.Hour)
	now := e.clock.Now()

	// A reviewer of another platform does not see the measure at all.
	_, _, err := e.svc.DecideMeasure(e.ctx, cwOther, m.ID, MeasureDecision{Approve: true})
	cwCode(t, "decide by another platform", err, qinglang.ENOTFOUND)
	_, _, err = e.svc.DecideMeasure(e.ctx, cwShanghai, m.ID, MeasureDecision{Approve: true})
	cwCode(t, "decide by a regulator", err, qinglang.EFORBIDDEN)

	got, n, err := e.svc.DecideMeasure(e.ctx, cwReviewer, m.ID, MeasureDecision{Approve: true, Reason: "证据充分"})
	if err != nil {
		t.Fatalf("DecideMeasure: %v", err)
	}
	if got.State != qinglang.MeasureActive || got.DecidedBy != cwReviewer.Name || !got.DecidedAt.Equal(now) ||
		!got.StartsAt.Equal(now) || !got.EndsAt.Equal(now.Add(7*24*time.Hour)) {
		t.Errorf("measure = %+v; want active from now for 7 days, decided by the reviewer", got)
	}
	if n == nil {
		t.Fatal("no notice")
	}
	// Order 117 art. 14: facts, reasons, basis, duration, appeal channel.
	if miss := notice.Check(*n); miss != nil {
		t.Errorf("notice misses %v", miss)
	}
	for what, text := range map[string]string{
		"facts":    n.Facts,
		"reasons":  n.Reasons,
		"basis":    n.Basis,
		"duration": n.Duration,
		"appeal":   n.Appeal,
	} {
		if strings.TrimSpace(text) == "" {
			t.Errorf("notice %s is empty", what)
		}
	}
	if !strings.Contains(n.Facts, "主播宣称茶饮可治疗糖尿病") || !strings.Contains(n.Basis, "《广告法》第十七条") ||
		!strings.Contains(n.Duration, "7 天") || !strings.Contains(n.Appeal, "违规申诉") ||
		!n.AppealBy.Equal(now.Add(7*24*time.Hour)) || strings.Contains(n.Facts, "u_8812345") {
		t.Errorf("notice = %+v", n)
	}
	stored, err := e.svc.Notice(e.ctx, cwOperator, n.ID)
	if err != nil || stored.ID != n.ID {
		t.Errorf("Notice by the room's operator = %+v, %v", stored.ID, err)
	}
	_, err = e.svc.Notice(e.ctx, cwOther, n.ID)
	cwCode(t, "Notice by another platform", err, qinglang.ENOTFOUND)
	_, err = e.svc.Notice(e.ctx, cwAdmin, "ntc_missing")
	cwCode(t, "missing notice", err, qinglang.ENOTFOUND)

	if v := e.view(c.ID); v.Case.State != qinglang.CaseNotified {
		t.Errorf("case = %s; want notified", v.Case.State)
	}
	want := []string{"case.open", "case.propose", "case.decide", "case.notify"}
	if got := e.auditActions("case:" + c.ID); !slices.Equal(got, want) {
		t.Errorf("case audit = %v, want %v", got, want)
	}
	if got := e.auditActions("measure:" + m.ID); !slices.Equal(got, []string{"measure.propose", "measure.approve"}) {
		t.Errorf("measure audit = %v", got)
	}
	_, _, err = e.svc.DecideMeasure(e.ctx, cwReviewer, m.ID, MeasureDecision{Approve: true})
	cwCode(t, "deciding twice", err, qinglang.ECONFLICT)
}

func TestProposeAndRejectAMeasure(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	e.intake(e.finding("r1", "claim.health.cure", qinglang.SeverityMedium, "k1")) // 1 point: a case, no measure
	c := e.caseOf(qinglang.SubjectHost, "h1")
	if c.State != qinglang.CaseOpen {
		t.Fatalf("case = %s; want open", c.State)
	}
	for _, tc := range []struct {
		name string
		r    MeasureRequest
	}{
		{"over the kind's cap", MeasureRequest{Kind: qinglang.MeasureSuspendLive, Days: 31, Reason: "x"}},
		{"over the overall cap", MeasureRequest{Kind: qinglang.MeasureBlacklist, Days: 400, Reason: "x"}},
		{"open-ended", MeasureRequest{Kind: qinglang.MeasureLimitTraffic, Reason: "x"}},
		{"a warning with a duration", MeasureRequest{Kind: qinglang.MeasureWarning, Days: 1, Reason: "x"}},
		{"no reason", MeasureRequest{Kind: qinglang.MeasureLimitTraffic, Days: 3}},
		{"unknown kind", MeasureRequest{Kind: "ban_forever", Days: 3, Reason: "x"}},
	} {
		_, err := e.svc.ProposeMeasure(e.ctx, cwReviewer, c.ID, tc.r)
		cwCode(t, tc.name, err, qinglang.EINVALID)
	}
	_, err := e.svc.ProposeMeasure(e.ctx, cwStranger, c.ID, MeasureRequest{Kind: qinglang.MeasureWarning, Reason: "x"})
	cwCode(t, "an operator of another room", err, qinglang.ENOTFOUND)
	_, err = e.svc.ProposeMeasure(e.ctx, cwOperator, c.ID, MeasureRequest{Kind: qinglang.MeasureWarning, Reason: "x"})
	cwCode(t, "the room's operator", err, qinglang.EFORBIDDEN)

	m, err := e.svc.ProposeMeasure(e.ctx, cwReviewer, c.ID, MeasureRequest{Kind: qinglang.MeasureLimitTraffic, Days: 10,
		Reason: "多次夸大宣传", ReasonEN: "repeated exaggeration"})
	if err != nil {
		t.Fatalf("ProposeMeasure: %v", err)
	}
	if m.State != qinglang.MeasureProposed || m.Duration != 10*24*time.Hour || m.Auto || m.Standing != 1 || m.Basis == "" {
		t.Errorf("measure = %+v", m)
	}
	if got := e.view(c.ID).Case.State; got != qinglang.CaseMeasureProposed {
		t.Errorf("case = %s; want measure_proposed", got)
	}
	_, err = e.svc.ProposeMeasure(e.ctx, cwReviewer, c.ID, MeasureRequest{Kind: qinglang.MeasureWarning, Reason: "x"})
	cwCode(t, "a second proposal", err, qinglang.ECONFLICT)

	got, n, err := e.svc.DecideMeasure(e.ctx, cwPlatform, m.ID, MeasureDecision{Reason: "证据不足"})
	if err != nil || n != nil || got.State != qinglang.MeasureRejected || got.DecidedBy != cwPlatform.Name {
		t.Fatalf("reject = %+v, %v, %v", got, n, err)
	}
	if got := e.view(c.ID).Case.State; got != qinglang.CaseInReview {
		t.Errorf("case = %s; want back in review", got)
	}
	_, _, err = e.svc.DecideMeasure(e.ctx, cwPlatform, m.ID, MeasureDecision{Approve: true})
	cwCode(t, "approving a rejected measure", err, qinglang.ECONFLICT)
}

func TestSweepMeasuresLiftsExpiredOnes(t *testing.T) {
	e := cwSetup(t)
	_, m, _ := e.decided(cwReviewer)
	e.clock.Advance(24 * time.Hour)
	if lifted, err := e.svc.SweepMeasures(e.ctx); err != nil || len(lifted) != 0 {
		t.Fatalf("early sweep = %+v, %v; want nothing lifted", lifted, err)
	}
	e.clock.Advance(6 * 24 * time.Hour) // the 7 days are up
	lifted, err := e.svc.SweepMeasures(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(lifted, func(l qinglang.Measure) bool { return l.ID == m.ID }); i < 0 ||
		lifted[i].State != qinglang.MeasureLifted {
		t.Fatalf("lifted = %+v; want %s lifted", lifted, m.ID)
	}
	rec, err := e.store.Record(e.ctx, qinglang.RecMeasure, m.ID)
	if err != nil || rec.State != string(qinglang.MeasureLifted) || !rec.Due.IsZero() {
		t.Errorf("stored = %+v, %v; want lifted without a timer", rec, err)
	}
	if got := e.auditActions("measure:" + m.ID); got[len(got)-1] != "measure.lift" {
		t.Errorf("measure audit = %v", got)
	}
	if again, err := e.svc.SweepMeasures(e.ctx); err != nil || len(again) != 0 {
		t.Errorf("second sweep = %+v, %v; want nothing", again, err)
	}
}
