package policy

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// codePolicy is a valid policy built in code.
func codePolicy() *Policy {
	return &Policy{
		Name: "code", Version: "1",
		Subjects: []qinglang.SubjectKind{qinglang.SubjectMerchant},
		Points: Points{Severity: map[qinglang.Severity]float64{
			qinglang.SeverityLow: 1, qinglang.SeverityMedium: 2, qinglang.SeverityHigh: 4, qinglang.SeverityCritical: 6,
		}},
		Expiry: 365 * Day,
		Ladder: []Step{
			{At: 2, Measure: qinglang.MeasureWarning, Auto: true},
			{At: 4, Measure: qinglang.MeasureLimitTraffic, Duration: 7 * Day, Auto: true},
			{At: 6, Measure: qinglang.MeasureSuspendLive, Duration: 7 * Day},
			{At: 12, Measure: qinglang.MeasureBlacklist, Duration: 180 * Day},
		},
		Caps:    Caps{Overall: 365 * Day},
		Basis:   "依据",
		BasisEN: "basis",
		Appeal:  Appeal{Channel: "渠道", ChannelEN: "channel", Within: 7 * Day},
	}
}

// validateProblems returns the problems Validate finds in p.
func validateProblems(t *testing.T, p *Policy) qinglang.Problems {
	t.Helper()
	err := p.Validate()
	if err == nil {
		return nil
	}
	var probs qinglang.Problems
	if !errors.As(err, &probs) {
		t.Fatalf("Validate error %T is not qinglang.Problems", err)
	}
	return probs
}

func TestValidateCodePolicy(t *testing.T) {
	if err := codePolicy().Validate(); err != nil {
		t.Fatalf("a valid policy: %v", err)
	}
	for _, c := range []struct {
		name   string
		change func(p *Policy)
		field  string
		reason string
	}{
		{"no name", func(p *Policy) { p.Name = "" }, "name", "missing"},
		{"bad name", func(p *Policy) { p.Name = "My Policy" }, "name", "may hold only"},
		{"long name", func(p *Policy) { p.Name = strings.Repeat("a", MaxNameBytes+1) }, "name", "at most 64 bytes"},
		{"no version", func(p *Policy) { p.Version = " " }, "version", "missing"},
		{"no subjects", func(p *Policy) { p.Subjects = nil }, "subjects", "at least one kind"},
		{"unknown subject", func(p *Policy) { p.Subjects = append(p.Subjects, "shop") }, "subjects[1]", `unknown subject "shop"`},
		{"repeated subject", func(p *Policy) { p.Subjects = append(p.Subjects, qinglang.SubjectMerchant) }, "subjects[1]", "repeated (already subjects[0])"},
		{"missing severity", func(p *Policy) { delete(p.Points.Severity, qinglang.SeverityHigh) }, "points.severity.high", "missing"},
		{"unknown severity", func(p *Policy) { p.Points.Severity["urgent"] = 9 }, "points.severity.urgent", `unknown severity "urgent"`},
		{"negative severity", func(p *Policy) { p.Points.Severity[qinglang.SeverityLow] = -0.5 }, "points.severity.low", "must not be negative: -0.5"},
		{"decreasing severity", func(p *Policy) { p.Points.Severity[qinglang.SeverityCritical] = 3 }, "points.severity.critical", "must not be below those for high (4)"},
		{"negative rule", func(p *Policy) { p.Points.Rules = map[string]float64{"ad.*": -1} }, "points.rules[ad.*]", "must not be negative"},
		{"star inside", func(p *Policy) { p.Points.Rules = map[string]float64{"ad.*.best": 1} }, "points.rules[ad.*.best]", "neither a rule id nor a prefix"},
		{"bare star", func(p *Policy) { p.Points.Rules = map[string]float64{"*": 1} }, "points.rules[*]", "a bare *"},
		{"no expiry", func(p *Policy) { p.Expiry = 0 }, "expiry", "positive expiry"},
		{"no overall cap", func(p *Policy) { p.Caps.Overall = 0 }, "caps.overall", "no measure may be open-ended"},
		{"cap of a warning", func(p *Policy) {
			p.Caps.Measures = map[qinglang.MeasureKind]time.Duration{qinglang.MeasureWarning: Day}
		}, "caps.measures.warning", "needs no cap"},
		{"unknown cap", func(p *Policy) { p.Caps.Measures = map[qinglang.MeasureKind]time.Duration{"ban": Day} }, "caps.measures.ban", `unknown measure "ban"`},
		{"zero cap", func(p *Policy) {
			p.Caps.Measures = map[qinglang.MeasureKind]time.Duration{qinglang.MeasureSuspendLive: 0}
		}, "caps.measures.suspend_live", "must be positive"},
		{"cap over overall", func(p *Policy) {
			p.Caps.Measures = map[qinglang.MeasureKind]time.Duration{qinglang.MeasureBlacklist: 400 * Day}
		}, "caps.measures.blacklist", "over the overall cap caps.overall (365 days)"},
		{"empty ladder", func(p *Policy) { p.Ladder = nil }, "ladder", "at least one step"},
		{"zero threshold", func(p *Policy) { p.Ladder[0].At = 0 }, "ladder[0].at", "must be positive"},
		{"duplicate threshold", func(p *Policy) { p.Ladder[2].At = 4 }, "ladder[2].at", "the threshold 4 is repeated (already ladder[1])"},
		{"unordered thresholds", func(p *Policy) { p.Ladder[2].At = 3 }, "ladder[2].at", "3 is not above 4"},
		{"no measure", func(p *Policy) { p.Ladder[1].Measure = "" }, "ladder[1].measure", "missing: the measure"},
		{"unknown measure", func(p *Policy) { p.Ladder[1].Measure = "shadow_ban" }, "ladder[1].measure", `unknown measure "shadow_ban"`},
		{"lasting without duration", func(p *Policy) { p.Ladder[1].Duration = 0 }, "ladder[1].duration", "needs a positive duration"},
		{"open-ended blacklist", func(p *Policy) { p.Ladder[3].Duration = 0 }, "ladder[3].duration", "no open-ended measures"},
		{"warning with duration", func(p *Policy) { p.Ladder[0].Duration = Day }, "ladder[0].duration", "a warning has no duration"},
		{"over the kind's cap", func(p *Policy) {
			p.Caps.Measures = map[qinglang.MeasureKind]time.Duration{qinglang.MeasureSuspendLive: 3 * Day}
		}, "ladder[2].duration", "the duration 7 days is over the cap caps.measures.suspend_live (3 days)"},
		{"over the overall cap", func(p *Policy) { p.Ladder[3].Duration = 366 * Day }, "ladder[3].duration", "over the overall cap caps.overall (365 days)"},
		{"milder measure", func(p *Policy) { p.Ladder[2].Measure = qinglang.MeasureLimitFunctions }, "ladder[2].measure", "must not be milder"},
		{"same measure shorter", func(p *Policy) {
			p.Ladder[3] = Step{At: 12, Measure: qinglang.MeasureSuspendLive, Duration: 3 * Day}
		}, "ladder[3].duration", "must not last less"},
		{"basis without English", func(p *Policy) { p.Ladder[3].Basis = "第十四条" }, "ladder[3].basis_en", "both Chinese"},
		{"basis without Chinese", func(p *Policy) { p.Ladder[3].BasisEN = "art. 14" }, "ladder[3].basis", "both Chinese"},
		{"no basis", func(p *Policy) { p.BasisEN = "" }, "basis_en", "missing"},
		{"no appeal channel", func(p *Policy) { p.Appeal.Channel = "" }, "appeal.channel", "missing"},
		{"no appeal limit", func(p *Policy) { p.Appeal.Within = -Day }, "appeal.within", "positive time limit"},
	} {
		p := codePolicy()
		c.change(p)
		probs := validateProblems(t, p)
		if len(probs) != 1 || probs[0].Field != c.field || !strings.Contains(probs[0].ReasonEN, c.reason) {
			t.Errorf("%s: problems = %v; want one about %s: %q", c.name, probs, c.field, c.reason)
			continue
		}
		if probs[0].Line != 0 || probs[0].File != "" {
			t.Errorf("%s: a policy built in code has file %q line %d", c.name, probs[0].File, probs[0].Line)
		}
	}
}

// Equal strictness: a later step may repeat a measure for longer.
func TestValidateRepeatedMeasure(t *testing.T) {
	p := codePolicy()
	p.Ladder = append(p.Ladder[:3], Step{At: 8, Measure: qinglang.MeasureSuspendLive, Duration: 14 * Day}, p.Ladder[3])
	if err := p.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestLoadThresholdOrder(t *testing.T) {
	text := edit(t, "  - at: 6\n", "  - at: 4\n", "  - at: 8\n", "  - at: 3\n")
	probs := problemsOf(t, text)
	second := lineOf(t, text, "  - at: 4")
	third := strings.Count(text[:strings.LastIndex(text, "  - at: 4")], "\n") + 1 // the repeated 4
	wantProblem(t, probs, third, "ladder[2].at", "the threshold 4 is repeated (already ladder[1] (line "+itoa(second)+"))")
	wantProblem(t, probs, lineOf(t, text, "  - at: 3"), "ladder[3].at", "3 is not above 4, the threshold of the step before (ladder[1] (line "+itoa(second)+"))")
	if len(probs) != 2 {
		t.Errorf("%d problems, want 2:\n%v", len(probs), probs)
	}
	if !strings.Contains(probs[0].Reason, "已见于 ladder[1]（第 "+itoa(second)+" 行）") {
		t.Errorf("Chinese reason %q", probs[0].Reason)
	}
}

func itoa(n int) string { return num(float64(n)) }
