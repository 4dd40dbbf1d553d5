package policy

import (
	"reflect"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestProposeStrictestOfSeveral(t *testing.T) {
	p := mustLoad(t, validYAML)
	history := []Deduction{ded("a", 3, -1)}
	pr, err := p.Propose(history, []Deduction{ded("b", 4, 0)}, t0)
	if err != nil || pr == nil {
		t.Fatalf("Propose = %v, %v", pr, err)
	}
	if pr.Before != 3 || pr.Standing != 7 || pr.Points != 4 || !reflect.DeepEqual(pr.Crossed, []float64{4, 6}) {
		t.Errorf("numbers: %+v", pr)
	}
	if pr.Kind != qinglang.MeasureLimitTraffic || pr.Duration != 7*Day || !pr.Auto || pr.Step != 2 || pr.Subject != host {
		t.Errorf("measure: %+v", pr)
	}
	if want := "累计扣分 3 → 7，跨越 4、6 分节点，取最严措施：限制流量 7 天（自动执行）"; pr.Reason != want {
		t.Errorf("Reason = %q, want %q", pr.Reason, want)
	}
	if want := "points 3 → 7, crossing the 4 and 6 point thresholds; the strictest measure applies: limited traffic for 7 days (applied automatically)"; pr.ReasonEN != want {
		t.Errorf("ReasonEN = %q, want %q", pr.ReasonEN, want)
	}
	if pr.Basis != "默认依据" || pr.BasisEN != "default basis" || pr.Policy != "test" || pr.Version != "2" {
		t.Errorf("basis and policy: %+v", pr)
	}
	if pr.Appeal != "申诉入口" || pr.AppealEN != "appeal entry" || pr.AppealWithin != 7*Day {
		t.Errorf("appeal: %+v", pr)
	}
}

func TestProposeOneThreshold(t *testing.T) {
	p := mustLoad(t, validYAML)
	pr, err := p.Propose([]Deduction{ded("a", 7, 0)}, []Deduction{ded("b", 1.5, 1)}, t0.Add(Day))
	if err != nil || pr == nil {
		t.Fatalf("Propose = %v, %v", pr, err)
	}
	if pr.Kind != qinglang.MeasureSuspendLive || pr.Auto || !reflect.DeepEqual(pr.Crossed, []float64{8}) {
		t.Errorf("proposal: %+v", pr)
	}
	if want := "累计扣分 7 → 8.5，跨越 8 分节点，措施：暂停直播 36 小时（待人工复核）"; pr.Reason != want {
		t.Errorf("Reason = %q, want %q", pr.Reason, want)
	}
	if want := "points 7 → 8.5, crossing the 8 point threshold; measure: live streaming suspended for 36 hours (awaiting a reviewer)"; pr.ReasonEN != want {
		t.Errorf("ReasonEN = %q", pr.ReasonEN)
	}
}

// A step's own basis replaces the policy's; three thresholds read as a list.
func TestProposeStepBasis(t *testing.T) {
	p := mustLoad(t, validYAML)
	pr, err := p.Propose([]Deduction{ded("a", 5, 0)}, []Deduction{ded("b", 7, 0)}, t0)
	if err != nil || pr == nil {
		t.Fatalf("Propose = %v, %v", pr, err)
	}
	if pr.Kind != qinglang.MeasureBlacklist || pr.Duration != 90*Day || pr.Basis != "黑名单依据" || pr.BasisEN != "blacklist basis" ||
		!reflect.DeepEqual(pr.Crossed, []float64{6, 8, 12}) {
		t.Errorf("proposal: %+v", pr)
	}
	if want := "points 5 → 12, crossing the 6, 8 and 12 point thresholds; the strictest measure applies: blacklisted for 90 days (awaiting a reviewer)"; pr.ReasonEN != want {
		t.Errorf("ReasonEN = %q", pr.ReasonEN)
	}
}

func TestProposeNothingCrossed(t *testing.T) {
	p := mustLoad(t, validYAML)
	for _, c := range []struct {
		name    string
		history []Deduction
		add     []Deduction
		at      time.Time
	}{
		{"below the first node", nil, []Deduction{ded("a", 1.5, 0)}, t0},
		{"between nodes", []Deduction{ded("a", 4.5, 0)}, []Deduction{ded("b", 1, 0)}, t0},
		{"above the last node", []Deduction{ded("a", 13, 0)}, []Deduction{ded("b", 3, 0)}, t0},
		{"zero points", []Deduction{ded("a", 3.5, 0)}, []Deduction{ded("b", 0, 0)}, t0},
		{"a finding already counted", []Deduction{ded("a", 3, 0)}, []Deduction{ded("a", 3, 0)}, t0},
		{"nothing to add", []Deduction{ded("a", 3, 0)}, nil, t0},
		{"the deduction is already expired", nil, []Deduction{ded("a", 5, -40)}, t0},
	} {
		pr, err := p.Propose(c.history, c.add, c.at)
		if err != nil || pr != nil {
			t.Errorf("%s: Propose = %+v, %v; want nil, nil", c.name, pr, err)
		}
	}
}

// Points that have expired no longer count, so a node is crossed again.
func TestProposeAfterExpiry(t *testing.T) {
	p := mustLoad(t, validYAML)
	history := []Deduction{ded("a", 4, 0)}
	at := t0.Add(31 * Day)
	pr, err := p.Propose(history, []Deduction{{Subject: host, FindingID: "b", Points: 2}}, at)
	if err != nil || pr == nil {
		t.Fatalf("Propose = %v, %v", pr, err)
	}
	if pr.Before != 0 || pr.Standing != 2 || pr.Kind != qinglang.MeasureWarning {
		t.Errorf("proposal: %+v", pr)
	}
}

func TestProposeSkipsOtherSubjects(t *testing.T) {
	p := mustLoad(t, validYAML)
	history := []Deduction{{Subject: other, FindingID: "x", Points: 10, At: t0}}
	pr, err := p.Propose(history, []Deduction{ded("a", 2, 0)}, t0)
	if err != nil || pr == nil || pr.Before != 0 || pr.Kind != qinglang.MeasureWarning {
		t.Errorf("Propose = %+v, %v", pr, err)
	}
}

func TestProposeErrors(t *testing.T) {
	p := mustLoad(t, validYAML)
	for name, add := range map[string][]Deduction{
		"two subjects":          {ded("a", 1, 0), {Subject: other, Points: 1, At: t0}},
		"negative points":       {ded("a", -1, 0)},
		"a subject not covered": {{Subject: agency, Points: 5, At: t0}},
	} {
		pr, err := p.Propose(nil, add, t0)
		if pr != nil || qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: Propose = %+v, %v; want an EINVALID error", name, pr, err)
		}
	}
}

func TestProposalMeasure(t *testing.T) {
	p := mustLoad(t, validYAML)
	auto, err := p.Propose(nil, []Deduction{ded("a", 5, 0)}, t0)
	if err != nil || auto == nil || !auto.Auto {
		t.Fatalf("Propose = %+v, %v", auto, err)
	}
	at := t0.Add(time.Minute)
	m := auto.Measure("case-1", at)
	want := qinglang.Measure{
		CaseID: "case-1", Subject: host, Kind: qinglang.MeasureLimitFunctions, State: qinglang.MeasureActive,
		Duration: 3 * Day, Points: 5, Standing: 5, Auto: true,
		Reason: auto.Reason, ReasonEN: auto.ReasonEN, Basis: "默认依据", BasisEN: "default basis",
		Policy: "test@2", ProposedAt: at, DecidedAt: at, DecidedBy: "policy:test",
		StartsAt: at, EndsAt: at.Add(3 * Day),
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("auto measure:\n got %+v\nwant %+v", m, want)
	}

	review, err := p.Propose([]Deduction{ded("a", 5, 0)}, []Deduction{ded("b", 3, 0)}, t0)
	if err != nil || review == nil || review.Auto {
		t.Fatalf("Propose = %+v, %v", review, err)
	}
	m = review.Measure("case-2", at)
	if m.State != qinglang.MeasureProposed || m.Kind != qinglang.MeasureSuspendLive || m.Auto || m.Duration != 36*time.Hour ||
		!m.DecidedAt.IsZero() || m.DecidedBy != "" || !m.StartsAt.IsZero() || !m.EndsAt.IsZero() || !m.ProposedAt.Equal(at) {
		t.Errorf("measure for review: %+v", m)
	}
}

// An automatic warning is issued and ends at once.
func TestProposalMeasureWarning(t *testing.T) {
	p := mustLoad(t, validYAML)
	pr, err := p.Propose(nil, []Deduction{ded("a", 2, 0)}, t0)
	if err != nil || pr == nil {
		t.Fatalf("Propose = %+v, %v", pr, err)
	}
	m := pr.Measure("c", t0)
	if m.State != qinglang.MeasureActive || m.Duration != 0 || !m.EndsAt.Equal(t0) {
		t.Errorf("warning: %+v", m)
	}
	if pr.Reason != "累计扣分 0 → 2，跨越 2 分节点，措施：警告（自动执行）" {
		t.Errorf("Reason = %q", pr.Reason)
	}
}

func TestMeasureText(t *testing.T) {
	zh, en := MeasureText(qinglang.MeasureSuspendLive, 7*Day)
	if zh != "暂停直播 7 天" || en != "live streaming suspended for 7 days" {
		t.Errorf("MeasureText = %q, %q", zh, en)
	}
	zh, en = MeasureText(qinglang.MeasureWarning, 0)
	if zh != "警告" || en != "warning" {
		t.Errorf("MeasureText = %q, %q", zh, en)
	}
}
