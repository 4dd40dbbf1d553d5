package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Defaults of Grouping. They are the project's choices, not numbers from
// a rule.
const (
	DefaultWindow      = 30 * 24 * time.Hour
	DefaultMinSeverity = qinglang.SeverityMedium
)

// DefaultSubjects are the subject kinds that open cases by default: the
// host and the live room.
var DefaultSubjects = []qinglang.SubjectKind{qinglang.SubjectHost, qinglang.SubjectRoom}

// Grouping says how findings become cases. A zero field takes its default.
// The YAML tags name the keys LoadGrouping reads; read a file with
// LoadGrouping, not yaml.Unmarshal, which knows neither the "d" suffix of
// a window nor the checks.
type Grouping struct {
	// Subjects are the kinds of subject a case is about; a finding is
	// placed in one case per subject of these kinds (default host, room).
	Subjects []qinglang.SubjectKind `yaml:"subjects"`
	// Window: a finding joins its subject's case that is not closed and
	// was opened at most Window before (default 30 days; YAML "30d",
	// "720h").
	Window time.Duration `yaml:"window"`
	// MinSeverity is the least severity of a finding that opens a case
	// (default medium); a less severe one still joins an open case.
	MinSeverity qinglang.Severity `yaml:"min_severity"`
}

// DefaultGrouping returns the default grouping.
func DefaultGrouping() Grouping {
	return Grouping{Subjects: slices.Clone(DefaultSubjects), Window: DefaultWindow, MinSeverity: DefaultMinSeverity}
}

// withDefaults returns g with its zero fields set to their defaults.
func (g Grouping) withDefaults() Grouping {
	if len(g.Subjects) == 0 {
		g.Subjects = DefaultSubjects
	}
	if g.Window == 0 {
		g.Window = DefaultWindow
	}
	if g.MinSeverity == "" {
		g.MinSeverity = DefaultMinSeverity
	}
	return g
}

// Validate reports every problem of g as qinglang.Problems (fields named
// as in YAML: "subjects[1]", "window", "min_severity"), or nil.
func (g Grouping) Validate() error {
	var ps qinglang.Problems
	bad := func(field, zh, en string, args ...any) {
		ps = append(ps, qinglang.Problem{Field: field, Reason: fmt.Sprintf(zh, args...), ReasonEN: fmt.Sprintf(en, args...)})
	}
	for i, k := range g.Subjects {
		field := fmt.Sprintf("subjects[%d]", i)
		switch {
		case !k.Known():
			bad(field, "未知的主体类型 %q（可用：%s）", "unknown subject kind %q (known: %s)", k, kindList())
		case slices.Index(g.Subjects, k) < i:
			bad(field, "主体类型 %s 重复", "subject kind %s is repeated", k)
		}
	}
	if g.Window < 0 {
		bad("window", "时间窗须为正数", "the window must be positive")
	}
	if g.MinSeverity != "" && g.MinSeverity.Rank() == 0 {
		bad("min_severity", "未知的严重程度 %q（可用：low、medium、high、critical）",
			"unknown severity %q (known: low, medium, high, critical)", g.MinSeverity)
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// kindList lists the subject kinds for a problem's reason.
func kindList() string {
	names := make([]string, len(qinglang.SubjectKinds))
	for i, k := range qinglang.SubjectKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// Resolved is a finding with the subjects it is about. The caller
// resolves the host, operator, merchant and agency from the finding's
// room; the room itself is taken from the finding and need not be listed.
// A subject with no ID is skipped; one with no platform takes the
// finding's.
type Resolved struct {
	Finding  qinglang.Finding
	Subjects []qinglang.Subject
}

// Placement is where Plan puts a finding for one subject: in a case it
// joins (New false: Case is that case with the finding added and the
// title recounted) or in a new case (New true: Case is filled in, to be
// created). Change is the entry for the audit log, made by qinglang.System.
//
// A store that other writers update at the same time should apply a join
// as "add the finding and the room, set the titles" rather than write the
// whole Case back.
type Placement struct {
	Subject qinglang.Subject
	New     bool
	Case    qinglang.Case
	Change  Change
}

// Plan places finding r.Finding in one case per subject of the kinds g
// names, in the order g names them: for each subject, the most recently
// opened of its cases in open (ties: the smaller id) that is not closed
// and was opened no earlier than g.Window before at; with none, a new
// case, when the finding is at least g.MinSeverity. A subject already
// holding the finding in any of its cases in open (closed ones too) gets
// no placement: a finding seen twice is placed once. open may hold cases
// of other subjects; they are ignored. at is the time of placing (the new
// case's OpenedAt); a replay passes the finding's own time.
//
// A new case's id depends only on its subject and its first finding
// (CaseID), so planning the same finding twice gives the same case. A
// finding without an id is not placed.
func Plan(g Grouping, r Resolved, open []qinglang.Case, at time.Time) []Placement {
	f := r.Finding
	if f.ID == "" {
		return nil
	}
	g = g.withDefaults()
	var out []Placement
	for _, s := range subjects(g, r) {
		key := s.Key()
		best, held := -1, false
		for i, c := range open {
			if c.Subject.Key() != key {
				continue
			}
			if slices.Contains(c.Findings, f.ID) {
				held = true
				break
			}
			if c.State == qinglang.CaseClosed || c.OpenedAt.Before(at.Add(-g.Window)) {
				continue
			}
			if best < 0 || c.OpenedAt.After(open[best].OpenedAt) ||
				(c.OpenedAt.Equal(open[best].OpenedAt) && c.ID < open[best].ID) {
				best = i
			}
		}
		switch {
		case held:
		case best >= 0:
			out = append(out, join(open[best], f, at))
		case f.Severity.Rank() >= g.MinSeverity.Rank():
			out = append(out, openCase(s, f, at))
		}
	}
	return out
}

// subjects returns the subjects of r that g groups by, in g's order of
// kinds, each once.
func subjects(g Grouping, r Resolved) []qinglang.Subject {
	f := r.Finding
	all := slices.Clone(r.Subjects)
	if f.Room != "" {
		all = append(all, qinglang.Subject{Kind: qinglang.SubjectRoom, Platform: f.Platform, ID: f.Room})
	}
	var out []qinglang.Subject
	seen := map[string]bool{}
	for _, k := range g.Subjects {
		for _, s := range all {
			if s.Kind != k || s.ID == "" {
				continue
			}
			if s.Platform == "" {
				s.Platform = f.Platform
			}
			if !seen[s.Key()] {
				seen[s.Key()] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// join adds f to c.
func join(c qinglang.Case, f qinglang.Finding, at time.Time) Placement {
	n := c
	n.Findings = append(slices.Clip(c.Findings), f.ID)
	if f.Room != "" && !slices.Contains(c.Rooms, f.Room) {
		n.Rooms = append(slices.Clip(c.Rooms), f.Room)
	}
	n = Retitle(n)
	return Placement{Subject: c.Subject, Case: n, Change: Change{
		CaseID: c.ID, Action: ActAddFinding, From: c.State, To: c.State,
		By: ActorOf(qinglang.System), At: at, Details: Details{FindingID: f.ID, Room: f.Room},
	}}
}

// openCase opens a case about s with f.
func openCase(s qinglang.Subject, f qinglang.Finding, at time.Time) Placement {
	c := qinglang.Case{
		ID:         CaseID(s, f.ID),
		Subject:    s,
		State:      qinglang.CaseOpen,
		Findings:   []string{f.ID},
		Rooms:      []string{},
		OpenedAt:   at,
		SharedWith: []string{},
		Comments:   []qinglang.CaseComment{},
	}
	if f.Room != "" {
		c.Rooms = append(c.Rooms, f.Room)
	}
	c.Title, c.TitleEN = Title(s, f.Kind, 1)
	return Placement{Subject: s, New: true, Case: c, Change: Change{
		CaseID: c.ID, Action: ActOpen, To: qinglang.CaseOpen, By: ActorOf(qinglang.System), At: at,
		Details: Details{Subject: &s, FindingID: f.ID, Room: f.Room},
	}}
}

// CaseID is the id of the case about subject s opened with the finding
// firstFinding: "case_" and 16 hex digits of a SHA-256 of both.
func CaseID(s qinglang.Subject, firstFinding string) string {
	h := sha256.New()
	h.Write([]byte(s.Key()))
	h.Write([]byte{0})
	h.Write([]byte(firstFinding))
	return "case_" + hex.EncodeToString(h.Sum(nil)[:8])
}
