package policy

import (
	"bytes"
	_ "embed"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// Policy is one graduated-measure ladder: how many points a finding
// deducts, how long they count, and which measure each points threshold
// brings, within stated caps. Build one with Load (or Default); a Policy
// built in code should be checked with Validate.
type Policy struct {
	Name    string // [a-z0-9._-]; names the policy in measures ("policy:<name>")
	Version string
	// File is where the policy was read from (problems name it).
	File string
	// Subjects are the kinds of subject the ladder applies to.
	Subjects []qinglang.SubjectKind
	Points   Points
	// Expiry is how long a deduction counts towards the standing.
	Expiry time.Duration
	// Ladder is the steps in increasing order of their thresholds.
	Ladder []Step
	Caps   Caps
	// Basis and BasisEN cite the platform rule and the law; a step may
	// give its own.
	Basis   string
	BasisEN string
	Appeal  Appeal

	// Where the parser found each field (field → line) and which fields it
	// could not read, so that Validate reports the file's lines and does
	// not report a field twice. Nil for a policy built in code.
	lines map[string]int
	bad   map[string]bool
}

// Points are what a finding deducts: by rule when a rule entry matches
// (an exact rule id, else the longest prefix entry "prefix*"), else by
// severity.
type Points struct {
	Severity map[qinglang.Severity]float64
	Rules    map[string]float64
}

// Step is one node of the ladder: when the standing reaches At, Measure
// applies for Duration.
type Step struct {
	At      float64
	Measure qinglang.MeasureKind
	// Duration is required for a lasting measure and must be 0 for a
	// warning or a removal of content.
	Duration time.Duration
	// Auto: applied without a reviewer; otherwise proposed for review.
	Auto bool
	// Basis and BasisEN override the policy's basis for this step (both
	// or neither).
	Basis   string
	BasisEN string
}

// Caps bound the durations: Overall every measure's, Measures a kind's.
type Caps struct {
	Overall  time.Duration
	Measures map[qinglang.MeasureKind]time.Duration
}

// Appeal is how and how long a subject may appeal a measure (Order 117
// art. 14: a notice states the appeal channel).
type Appeal struct {
	Channel   string
	ChannelEN string
	Within    time.Duration
}

// ID names the policy with its version, "name@version", as measures
// record it.
func (p *Policy) ID() string { return p.Name + "@" + p.Version }

// AppliesTo reports whether the policy's ladder applies to subjects of
// kind k.
func (p *Policy) AppliesTo(k qinglang.SubjectKind) bool { return slices.Contains(p.Subjects, k) }

// PointsFor is what a finding of the rule and severity deducts: an exact
// rule entry, else the longest matching prefix entry, else the severity's
// points (0 for an unknown severity).
func (p *Policy) PointsFor(rule string, sev qinglang.Severity) float64 {
	if v, ok := p.Points.Rules[rule]; ok && !strings.HasSuffix(rule, "*") {
		return v
	}
	best, pts := -1, 0.0
	for k, v := range p.Points.Rules {
		prefix, ok := strings.CutSuffix(k, "*")
		if ok && strings.HasPrefix(rule, prefix) && len(prefix) > best {
			best, pts = len(prefix), v
		}
	}
	if best >= 0 {
		return pts
	}
	return p.Points.Severity[sev]
}

// Clone returns a deep copy of the policy.
func (p *Policy) Clone() *Policy {
	c := *p
	c.Subjects = slices.Clone(p.Subjects)
	c.Points.Severity = maps.Clone(p.Points.Severity)
	c.Points.Rules = maps.Clone(p.Points.Rules)
	c.Ladder = slices.Clone(p.Ladder)
	c.Caps.Measures = maps.Clone(p.Caps.Measures)
	c.lines = maps.Clone(p.lines)
	c.bad = maps.Clone(p.bad)
	return &c
}

// defaultYAML is the default policy, modelled on the 12-point systems of
// the large platforms.
//
//go:embed default.yaml
var defaultYAML []byte

// DefaultFile is how problems name the embedded default policy: its path
// in the repository.
const DefaultFile = "policy/default.yaml"

var loadDefault = sync.OnceValue(func() *Policy {
	p, err := Load(DefaultFile, bytes.NewReader(defaultYAML))
	if err != nil {
		panic("policy: the embedded default policy is invalid:\n" + err.Error())
	}
	return p
})

// Default returns the embedded default policy (policy/default.yaml), a
// copy the caller may change.
func Default() *Policy { return loadDefault().Clone() }

// line returns the line of field in the policy's file: the field's own,
// else its closest parent's (a missing key is reported on the mapping
// that lacks it); 0 when unknown.
func (p *Policy) line(field string) int {
	for f := field; ; f = parent(f) {
		if l, ok := p.lines[f]; ok {
			return l
		}
		if f == "" {
			return 0
		}
	}
}

// unread reports whether the parser could not read field or one of its
// parents (and so has reported it already).
func (p *Policy) unread(field string) bool {
	for f := field; f != ""; f = parent(f) {
		if p.bad[f] {
			return true
		}
	}
	return false
}

// parent returns the field that holds field: "ladder[2]" for
// "ladder[2].at", "ladder" for "ladder[2]", "points.rules" for
// "points.rules[ad.*]", "" at the top.
func parent(field string) string {
	if strings.HasSuffix(field, "]") {
		if i := strings.LastIndexByte(field, '['); i >= 0 {
			return field[:i]
		}
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		return field[:i]
	}
	return ""
}
