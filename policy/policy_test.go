package policy

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// validYAML uses every field of a policy.
const validYAML = `name: test
version: "2"
subjects: [host, merchant]
points:
  severity:
    low: 0.5
    medium: 1
    high: 3
    critical: 5
  rules:
    ad.*: 0.5
    ad.medical.*: 4
    ad.medical.cure: 6
    qualification.unknown_host: 0
expiry: 30d
ladder:
  - at: 2
    measure: warning
    auto: true
  - at: 4
    measure: limit_functions
    duration: 3d
    auto: true
  - at: 6
    measure: limit_traffic
    duration: 7d
    auto: true
  - at: 8
    measure: suspend_live
    duration: 1d12h
  - at: 12
    measure: blacklist
    duration: 90d
    auto: false
    basis: 黑名单依据
    basis_en: blacklist basis
caps:
  overall: 180d
  measures:
    suspend_live: 30d
    blacklist: 90d
basis: 默认依据
basis_en: default basis
appeal:
  channel: 申诉入口
  channel_en: appeal entry
  within: 7d
`

// mustLoad loads a policy that must be valid.
func mustLoad(t *testing.T, text string) *Policy {
	t.Helper()
	p, err := Load("test.yaml", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// problemsOf loads a policy that must be invalid and returns its problems.
func problemsOf(t *testing.T, text string) qinglang.Problems {
	t.Helper()
	p, err := Load("bad.yaml", strings.NewReader(text))
	if err == nil {
		t.Fatalf("Load accepted an invalid policy: %+v", p)
	}
	if p != nil {
		t.Errorf("Load returned a policy with its error")
	}
	var probs qinglang.Problems
	if !errors.As(err, &probs) {
		t.Fatalf("error %T is not qinglang.Problems: %v", err, err)
	}
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("code %q, want %q", qinglang.Code(err), qinglang.EINVALID)
	}
	for _, pr := range probs {
		if pr.File != "bad.yaml" || pr.Reason == "" || pr.ReasonEN == "" {
			t.Errorf("problem without file or both reasons: %+v", pr)
		}
	}
	return probs
}

// lineOf returns the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the test policy", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

// edit replaces old (which must occur once) in validYAML.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := validYAML
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.Count(s, pairs[i]) != 1 {
			t.Fatalf("%q occurs %d times", pairs[i], strings.Count(s, pairs[i]))
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// wantProblem checks that probs hold a problem on line about field whose
// English reason contains reason.
func wantProblem(t *testing.T, probs qinglang.Problems, line int, field, reason string) {
	t.Helper()
	for _, p := range probs {
		if p.Line == line && p.Field == field && strings.Contains(p.ReasonEN, reason) {
			return
		}
	}
	t.Errorf("no problem on line %d, field %q, reason %q; got:\n%v", line, field, reason, probs)
}

func TestLoadValid(t *testing.T) {
	p := mustLoad(t, validYAML)
	if p.Name != "test" || p.Version != "2" || p.File != "test.yaml" || p.ID() != "test@2" {
		t.Errorf("name, version, file = %q, %q, %q", p.Name, p.Version, p.File)
	}
	if len(p.Subjects) != 2 || !p.AppliesTo(qinglang.SubjectHost) || p.AppliesTo(qinglang.SubjectAgency) {
		t.Errorf("subjects = %v", p.Subjects)
	}
	if p.Expiry != 30*Day || p.Caps.Overall != 180*Day || p.Caps.Measures[qinglang.MeasureBlacklist] != 90*Day {
		t.Errorf("expiry %v, caps %+v", p.Expiry, p.Caps)
	}
	if len(p.Ladder) != 5 {
		t.Fatalf("ladder = %+v", p.Ladder)
	}
	want := Step{At: 8, Measure: qinglang.MeasureSuspendLive, Duration: 36 * time.Hour}
	if p.Ladder[3] != want {
		t.Errorf("step 3 = %+v, want %+v", p.Ladder[3], want)
	}
	if s := p.Ladder[4]; s.Basis != "黑名单依据" || s.BasisEN != "blacklist basis" || s.Auto {
		t.Errorf("step 4 = %+v", s)
	}
	if !p.Ladder[0].Auto || p.Ladder[0].Duration != 0 {
		t.Errorf("step 0 = %+v", p.Ladder[0])
	}
	if p.Appeal != (Appeal{Channel: "申诉入口", ChannelEN: "appeal entry", Within: 7 * Day}) {
		t.Errorf("appeal = %+v", p.Appeal)
	}
	if p.Basis != "默认依据" || p.BasisEN != "default basis" {
		t.Errorf("basis = %q, %q", p.Basis, p.BasisEN)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestPointsFor(t *testing.T) {
	p := mustLoad(t, validYAML)
	for _, c := range []struct {
		rule string
		sev  qinglang.Severity
		want float64
	}{
		{"ad.medical.cure", qinglang.SeverityCritical, 6},   // exact
		{"ad.medical.cancer", qinglang.SeverityCritical, 4}, // the longer prefix
		{"ad.absolute.best", qinglang.SeverityHigh, 0.5},    // the shorter prefix
		{"ad.medical", qinglang.SeverityHigh, 0.5},          // "ad.medical.*" needs the dot
		{"qualification.unknown_host", qinglang.SeverityLow, 0},
		{"price.fake_original", qinglang.SeverityLow, 0.5}, // by severity
		{"price.fake_original", qinglang.SeverityMedium, 1},
		{"price.fake_original", qinglang.SeverityHigh, 3},
		{"price.fake_original", qinglang.SeverityCritical, 5},
		{"price.fake_original", "urgent", 0},
		{"adx", qinglang.SeverityHigh, 3}, // "ad.*" does not match
	} {
		if got := p.PointsFor(c.rule, c.sev); got != c.want {
			t.Errorf("PointsFor(%q, %q) = %v, want %v", c.rule, c.sev, got, c.want)
		}
	}
}

func TestClone(t *testing.T) {
	p := mustLoad(t, validYAML)
	c := p.Clone()
	c.Ladder[0].At = 99
	c.Points.Severity[qinglang.SeverityLow] = 99
	c.Points.Rules["ad.*"] = 99
	c.Caps.Measures[qinglang.MeasureBlacklist] = time.Hour
	c.Subjects[0] = qinglang.SubjectRoom
	if p.Ladder[0].At != 2 || p.Points.Severity[qinglang.SeverityLow] != 0.5 || p.Points.Rules["ad.*"] != 0.5 ||
		p.Caps.Measures[qinglang.MeasureBlacklist] != 90*Day || p.Subjects[0] != qinglang.SubjectHost {
		t.Errorf("changing the clone changed the original: %+v", p)
	}
}

func TestParentAndLine(t *testing.T) {
	for in, want := range map[string]string{
		"ladder[2].at":           "ladder[2]",
		"ladder[2]":              "ladder",
		"points.rules[ad.med.*]": "points.rules",
		"points.severity.low":    "points.severity",
		"name":                   "",
	} {
		if got := parent(in); got != want {
			t.Errorf("parent(%q) = %q, want %q", in, got, want)
		}
	}
	p := mustLoad(t, validYAML)
	if got, want := p.line("ladder[3].auto"), lineOf(t, validYAML, "  - at: 8"); got != want {
		t.Errorf("a missing key is on line %d, want its step's %d", got, want)
	}
	if got := (&Policy{}).line("ladder[3].at"); got != 0 {
		t.Errorf("a policy built in code has line %d", got)
	}
}
