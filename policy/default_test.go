package policy

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestDefaultLoads(t *testing.T) {
	p := Default()
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if p.File != DefaultFile || p.Name != "default" {
		t.Errorf("file %q, name %q", p.File, p.Name)
	}
	// Modelled on the 12-point systems: the strictest step at 12, a
	// blacklist with a stated duration, every step reviewed from the
	// suspension on.
	last := p.Ladder[len(p.Ladder)-1]
	if last.At != 12 || last.Measure != qinglang.MeasureBlacklist || last.Duration <= 0 || last.Auto {
		t.Errorf("last step = %+v", last)
	}
	var kinds []qinglang.MeasureKind
	for _, s := range p.Ladder {
		kinds = append(kinds, s.Measure)
		if s.Measure.Strictness() >= qinglang.MeasureSuspendLive.Strictness() && s.Auto {
			t.Errorf("step %+v applies without a reviewer", s)
		}
		if s.Measure.Lasts() && (s.Duration <= 0 || s.Duration > p.Caps.Overall) {
			t.Errorf("step %+v is open-ended or over the cap", s)
		}
	}
	want := []qinglang.MeasureKind{qinglang.MeasureWarning, qinglang.MeasureLimitFunctions, qinglang.MeasureLimitTraffic,
		qinglang.MeasureSuspendLive, qinglang.MeasureRevokeSelling, qinglang.MeasureBlacklist}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("ladder measures = %v, want %v", kinds, want)
	}
	for _, sev := range severities {
		if v := p.PointsFor("x.y", sev); v < 0.5 || v > 12 {
			t.Errorf("%s deducts %v, outside 0.5–12", sev, v)
		}
	}
	// Default returns a copy.
	p.Ladder[0].At = 99
	if Default().Ladder[0].At == 99 {
		t.Errorf("Default shares its policy")
	}
}

// The embedded file is the one in the folder, so that its comments are the
// ones reviewed.
func TestDefaultYAMLIsLoadable(t *testing.T) {
	p, err := Load(DefaultFile, bytes.NewReader(defaultYAML))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(defaultYAML), "[R]") || !strings.Contains(string(defaultYAML), "[S]") {
		t.Errorf("the default policy's comments do not cite domain.md's marks")
	}
	if p.Expiry != 365*Day {
		t.Errorf("expiry = %v", p.Expiry)
	}
}

// One critical finding on a clean record crosses several nodes; the
// strictest of them applies.
func TestDefaultCriticalOnCleanRecord(t *testing.T) {
	p := Default()
	f := qinglang.Finding{ID: "f1", Rule: "ad.medical.cure", Severity: qinglang.SeverityCritical}
	pr, err := p.Propose(nil, []Deduction{p.Deduct(host, f, t0)}, t0)
	if err != nil || pr == nil {
		t.Fatalf("Propose = %+v, %v", pr, err)
	}
	if len(pr.Crossed) < 3 || pr.Kind != qinglang.MeasureSuspendLive || pr.Auto {
		t.Errorf("proposal: %+v", pr)
	}
	if !strings.Contains(pr.Reason, "取最严措施：暂停直播") {
		t.Errorf("Reason = %q", pr.Reason)
	}
}

func TestDefaultPointsByRule(t *testing.T) {
	p := Default()
	for _, c := range []struct {
		rule string
		sev  qinglang.Severity
		want float64
	}{
		{"counterfeit.slang_with_brand", qinglang.SeverityCritical, 12}, // exact
		{"counterfeit.replica", qinglang.SeverityHigh, 6},               // prefix
		{"ad.absolute.hundred_percent", qinglang.SeverityHigh, 0.5},     // prefix
		{"qualification.unknown_host", qinglang.SeverityLow, 0},
		{"price.fake_original", qinglang.SeverityHigh, 3}, // severity
	} {
		if got := p.PointsFor(c.rule, c.sev); got != c.want {
			t.Errorf("PointsFor(%q, %q) = %v, want %v", c.rule, c.sev, got, c.want)
		}
	}
}

// High findings, one a week, climb the whole ladder: each crossing gives
// one proposal, and the fourth reaches the blacklist at 12.
func TestDefaultSequenceReachesStrictest(t *testing.T) {
	p := Default()
	var history []Deduction
	var got []qinglang.MeasureKind
	var last *Proposal
	for i := range 4 {
		at := t0.Add(time.Duration(i) * 7 * Day)
		f := qinglang.Finding{ID: "f" + num(float64(i)), Rule: "price.fake_original", Severity: qinglang.SeverityHigh}
		d := p.Deduct(host, f, at)
		pr, err := p.Propose(history, []Deduction{d}, at)
		if err != nil {
			t.Fatal(err)
		}
		if pr != nil {
			got = append(got, pr.Kind)
			last = pr
		}
		history = append(history, d)
	}
	want := []qinglang.MeasureKind{qinglang.MeasureWarning, qinglang.MeasureLimitTraffic, qinglang.MeasureSuspendLive, qinglang.MeasureBlacklist}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("measures = %v, want %v", got, want)
	}
	if last.Standing != 12 || !reflect.DeepEqual(last.Crossed, []float64{10, 12}) || last.Duration != 365*Day ||
		!strings.Contains(last.Basis, "第十四条") {
		t.Errorf("last proposal: %+v", last)
	}
	m := last.Measure("case-9", t0.Add(21*Day))
	if m.State != qinglang.MeasureProposed || m.Policy != "default@1" {
		t.Errorf("blacklist measure: %+v", m)
	}
}
