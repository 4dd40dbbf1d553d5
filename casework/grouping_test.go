package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var (
	hostH1 = qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"}
	roomR1 = qinglang.Subject{Kind: qinglang.SubjectRoom, Platform: "p1", ID: "r1"}
)

func finding(id string, sev qinglang.Severity) qinglang.Finding {
	return qinglang.Finding{ID: id, Kind: qinglang.KindClaim, Rule: "ad.absolute", Severity: sev,
		Platform: "p1", Room: "r1", TS: t0.Add(-time.Minute)}
}

// resolved is f with the subjects a caller resolves from room r1: the
// host (platform left to the finding), the operator, the merchant, and
// no agency.
func resolved(f qinglang.Finding) Resolved {
	return Resolved{Finding: f, Subjects: []qinglang.Subject{
		{Kind: qinglang.SubjectHost, ID: "h1"},
		{Kind: qinglang.SubjectOperator, Platform: "p1", ID: "o1"},
		{Kind: qinglang.SubjectMerchant, Platform: "p1", ID: "m1"},
		{Kind: qinglang.SubjectAgency, Platform: "p1"},
	}}
}

// existing is a case about s in state state opened at opened, holding
// findings (with spare capacity, to catch writes into it).
func existing(id string, s qinglang.Subject, state qinglang.CaseState, opened time.Time, findings ...string) qinglang.Case {
	c := qinglang.Case{ID: id, Subject: s, State: state, OpenedAt: opened,
		Findings: append(make([]string, 0, 8), findings...), Rooms: append(make([]string, 0, 8), "r0")}
	c.Title, c.TitleEN = Title(s, qinglang.KindListing, len(findings))
	return c
}

func TestPlanOpensCases(t *testing.T) {
	f := finding("f_1", qinglang.SeverityHigh)
	ps := Plan(DefaultGrouping(), resolved(f), nil, t0)
	if len(ps) != 2 {
		t.Fatalf("%d placements, want 2 (host, room): %+v", len(ps), ps)
	}
	idRE := regexp.MustCompile(`^case_[0-9a-f]{16}$`)
	for i, s := range []qinglang.Subject{hostH1, roomR1} {
		p := ps[i]
		sum := sha256.Sum256([]byte(s.Key() + "\x00f_1"))
		wantID := "case_" + hex.EncodeToString(sum[:8])
		zh, en := Title(s, qinglang.KindClaim, 1)
		want := qinglang.Case{ID: wantID, Subject: s, State: qinglang.CaseOpen, Title: zh, TitleEN: en,
			Findings: []string{"f_1"}, Rooms: []string{"r1"}, OpenedAt: t0,
			SharedWith: []string{}, Comments: []qinglang.CaseComment{}}
		if !p.New || p.Subject != s || !reflect.DeepEqual(p.Case, want) || !idRE.MatchString(p.Case.ID) {
			t.Errorf("placement %d:\n got %+v\nwant %+v", i, p.Case, want)
		}
		wantCh := Change{CaseID: wantID, Action: ActOpen, To: qinglang.CaseOpen, By: Actor{Name: "qinglang", Role: qinglang.RoleAdmin},
			At: t0, Details: Details{Subject: &s, FindingID: "f_1", Room: "r1"}}
		if !reflect.DeepEqual(p.Change, wantCh) {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, p.Change, wantCh)
		}
	}
	if ps[0].Case.Title != "主播 h1：虚假宣传" || ps[0].Case.TitleEN != "Host h1: false claims" {
		t.Errorf("title %q / %q", ps[0].Case.Title, ps[0].Case.TitleEN)
	}
}

func TestPlanIsDeterministic(t *testing.T) {
	f := finding("f_1", qinglang.SeverityHigh)
	a := Plan(DefaultGrouping(), resolved(f), nil, t0)
	b := Plan(DefaultGrouping(), resolved(f), nil, t0.Add(5*time.Hour))
	for i := range a {
		if a[i].Case.ID != b[i].Case.ID || a[i].Case.Title != b[i].Case.Title {
			t.Errorf("planned twice: %s and %s", a[i].Case.ID, b[i].Case.ID)
		}
	}
	if c := Plan(DefaultGrouping(), resolved(finding("f_2", qinglang.SeverityHigh)), nil, t0); c[0].Case.ID == a[0].Case.ID {
		t.Error("another first finding gave the same id")
	}
	if a[0].Case.ID == a[1].Case.ID {
		t.Error("host and room cases share an id")
	}
	if CaseID(hostH1, "f_1") == CaseID(qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p2", ID: "h1"}, "f_1") {
		t.Error("the platform does not count in the id")
	}
	// A planned case, once stored, holds the finding: planning it again
	// places nothing.
	var open []qinglang.Case
	for _, p := range a {
		open = append(open, p.Case)
	}
	if ps := Plan(DefaultGrouping(), resolved(f), open, t0); len(ps) != 0 {
		t.Errorf("placed twice: %+v", ps)
	}
}

func TestPlanJoins(t *testing.T) {
	older := existing("case_b", hostH1, qinglang.CaseInReview, t0.Add(-20*24*time.Hour), "f_a")
	newer := existing("case_c", hostH1, qinglang.CaseNotified, t0.Add(-10*24*time.Hour), "f_b", "f_c")
	tieLow := existing("case_a", hostH1, qinglang.CaseOpen, t0.Add(-10*24*time.Hour), "f_d")
	otherHost := existing("case_d", qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h2"}, qinglang.CaseOpen, t0)
	otherPlatform := existing("case_e", qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p2", ID: "h1"}, qinglang.CaseOpen, t0)
	f := finding("f_1", qinglang.SeverityMedium)
	tests := []struct {
		name string
		open []qinglang.Case
		want string
	}{
		{"the only one", []qinglang.Case{older}, "case_b"},
		{"the newest", []qinglang.Case{older, newer, otherHost, otherPlatform}, "case_c"},
		{"ties go to the smaller id", []qinglang.Case{newer, tieLow, older}, "case_a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.open)
			ps := Plan(DefaultGrouping(), resolved(f), tt.open, t0)
			if len(ps) != 2 || ps[0].New || !ps[1].New {
				t.Fatalf("placements %+v", ps)
			}
			p := ps[0]
			var was qinglang.Case
			for _, c := range tt.open {
				if c.ID == tt.want {
					was = c
				}
			}
			c := p.Case
			if c.ID != tt.want || !slices.Equal(c.Findings, append(slices.Clone(was.Findings), "f_1")) ||
				!slices.Equal(c.Rooms, []string{"r0", "r1"}) || c.State != was.State {
				t.Errorf("joined %+v", c)
			}
			zh, en := Title(hostH1, qinglang.KindListing, len(was.Findings)+1)
			if c.Title != zh || c.TitleEN != en {
				t.Errorf("title %q / %q, want %q / %q", c.Title, c.TitleEN, zh, en)
			}
			wantCh := Change{CaseID: tt.want, Action: ActAddFinding, From: was.State, To: was.State,
				By: ActorOf(qinglang.System), At: t0, Details: Details{FindingID: "f_1", Room: "r1"}}
			if !reflect.DeepEqual(p.Change, wantCh) {
				t.Errorf("change %+v", p.Change)
			}
			for i := range tt.open { // the caller's cases are not written to
				if !reflect.DeepEqual(tt.open[i], before[i]) || slices.Contains(tt.open[i].Findings[:cap(tt.open[i].Findings)], "f_1") {
					t.Errorf("case %s changed in place", tt.open[i].ID)
				}
			}
		})
	}
	// A room already in the case is not added again.
	inRoom := existing("case_b", hostH1, qinglang.CaseOpen, t0, "f_a")
	inRoom.Rooms = []string{"r1"}
	if ps := Plan(DefaultGrouping(), resolved(f), []qinglang.Case{inRoom}, t0); !slices.Equal(ps[0].Case.Rooms, []string{"r1"}) {
		t.Errorf("rooms %v", ps[0].Case.Rooms)
	}
}

func TestPlanWindowAndClosed(t *testing.T) {
	g := DefaultGrouping()
	g.Window = 7 * 24 * time.Hour
	f := finding("f_1", qinglang.SeverityMedium)
	tests := []struct {
		name  string
		c     qinglang.Case
		joins bool
	}{
		{"opened exactly a window ago", existing("case_x", hostH1, qinglang.CaseOpen, t0.Add(-g.Window)), true},
		{"opened just before the window", existing("case_x", hostH1, qinglang.CaseOpen, t0.Add(-g.Window-time.Nanosecond)), false},
		{"opened after the finding's time", existing("case_x", hostH1, qinglang.CaseOpen, t0.Add(time.Hour)), true},
		{"closed", existing("case_x", hostH1, qinglang.CaseClosed, t0.Add(-time.Hour)), false},
		{"reviewed", existing("case_x", hostH1, qinglang.CaseReviewed, t0.Add(-time.Hour)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Plan(g, resolved(f), []qinglang.Case{tt.c}, t0)
			p := ps[0]
			if p.Subject != hostH1 {
				t.Fatalf("first placement for %v", p.Subject)
			}
			if joined := !p.New && p.Case.ID == "case_x"; joined != tt.joins {
				t.Errorf("joined = %v, want %v (%+v)", joined, tt.joins, p.Case)
			}
			if !tt.joins && (p.Case.ID != CaseID(hostH1, "f_1") || p.Case.State != qinglang.CaseOpen) {
				t.Errorf("new case %+v", p.Case)
			}
		})
	}
}

func TestPlanMinSeverity(t *testing.T) {
	hostCase := existing("case_h", hostH1, qinglang.CaseOpen, t0.Add(-time.Hour), "f_0")
	high := DefaultGrouping()
	high.MinSeverity = qinglang.SeverityHigh
	tests := []struct {
		name string
		g    Grouping
		sev  qinglang.Severity
		open []qinglang.Case
		want []string // "join:<id>" or "new:<subject key>"
	}{
		{"low opens nothing", DefaultGrouping(), qinglang.SeverityLow, nil, nil},
		{"unknown severity opens nothing", DefaultGrouping(), "", nil, nil},
		{"low joins an open case", DefaultGrouping(), qinglang.SeverityLow, []qinglang.Case{hostCase}, []string{"join:case_h"}},
		{"medium opens by default", DefaultGrouping(), qinglang.SeverityMedium, []qinglang.Case{hostCase},
			[]string{"join:case_h", "new:room:p1:r1"}},
		{"medium is below high", high, qinglang.SeverityMedium, nil, nil},
		{"critical is above high", high, qinglang.SeverityCritical, nil, []string{"new:host:p1:h1", "new:room:p1:r1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(Plan(tt.g, resolved(finding("f_1", tt.sev)), tt.open, t0)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func summary(ps []Placement) []string {
	var out []string
	for _, p := range ps {
		if p.New {
			out = append(out, "new:"+p.Subject.Key())
		} else {
			out = append(out, "join:"+p.Case.ID)
		}
	}
	return out
}

func TestPlanDuplicates(t *testing.T) {
	f := finding("f_1", qinglang.SeverityHigh)
	tests := []struct {
		name string
		open []qinglang.Case
		want []string
	}{
		{"in an open case", []qinglang.Case{existing("case_h", hostH1, qinglang.CaseInReview, t0.Add(-time.Hour), "f_0", "f_1")},
			[]string{"new:room:p1:r1"}},
		{"in a closed case", []qinglang.Case{existing("case_h", hostH1, qinglang.CaseClosed, t0.Add(-90*24*time.Hour), "f_1")},
			[]string{"new:room:p1:r1"}},
		{"in an old case, with a newer one open", []qinglang.Case{
			existing("case_h", hostH1, qinglang.CaseClosed, t0.Add(-90*24*time.Hour), "f_1"),
			existing("case_i", hostH1, qinglang.CaseOpen, t0.Add(-time.Hour), "f_2")},
			[]string{"new:room:p1:r1"}},
		{"in the room's case only", []qinglang.Case{existing("case_r", roomR1, qinglang.CaseOpen, t0, "f_1")},
			[]string{"new:host:p1:h1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(Plan(DefaultGrouping(), resolved(f), tt.open, t0)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlanSubjects(t *testing.T) {
	f := finding("f_1", qinglang.SeverityHigh)
	r := resolved(f)
	tests := []struct {
		name     string
		subjects []qinglang.SubjectKind
		r        Resolved
		want     []string
	}{
		{"in the grouping's order", []qinglang.SubjectKind{qinglang.SubjectOperator, qinglang.SubjectHost},
			r, []string{"new:operator:p1:o1", "new:host:p1:h1"}},
		{"a subject without id is skipped", []qinglang.SubjectKind{qinglang.SubjectMerchant, qinglang.SubjectAgency},
			r, []string{"new:merchant:p1:m1"}},
		{"the room listed too is placed once", nil,
			Resolved{Finding: f, Subjects: append([]qinglang.Subject{roomR1, {Kind: qinglang.SubjectRoom, ID: "r1"}}, r.Subjects...)},
			[]string{"new:host:p1:h1", "new:room:p1:r1"}},
		{"the same host twice", nil,
			Resolved{Finding: f, Subjects: []qinglang.Subject{hostH1, {Kind: qinglang.SubjectHost, ID: "h1"}}},
			[]string{"new:host:p1:h1", "new:room:p1:r1"}},
		{"a finding without a room", nil,
			Resolved{Finding: qinglang.Finding{ID: "f_9", Severity: qinglang.SeverityHigh, Platform: "p1"}, Subjects: r.Subjects},
			[]string{"new:host:p1:h1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Grouping{Subjects: tt.subjects} // zero fields: defaults
			if got := summary(Plan(g, tt.r, nil, t0)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if ps := Plan(DefaultGrouping(), Resolved{Finding: qinglang.Finding{Severity: qinglang.SeverityHigh, Room: "r1"}}, nil, t0); ps != nil {
		t.Errorf("a finding without an id was placed: %+v", ps)
	}
	noRoom := Plan(DefaultGrouping(), Resolved{Finding: qinglang.Finding{ID: "f_9", Severity: qinglang.SeverityHigh, Platform: "p1"},
		Subjects: []qinglang.Subject{hostH1}}, nil, t0)
	if len(noRoom) != 1 || noRoom[0].Case.Rooms == nil || len(noRoom[0].Case.Rooms) != 0 {
		t.Errorf("case without a room: %+v", noRoom)
	}
}

func TestGroupingValidate(t *testing.T) {
	if err := DefaultGrouping().Validate(); err != nil {
		t.Errorf("default: %v", err)
	}
	if err := (Grouping{}).Validate(); err != nil {
		t.Errorf("zero: %v", err)
	}
	g := Grouping{
		Subjects:    []qinglang.SubjectKind{qinglang.SubjectHost, "shop", qinglang.SubjectHost},
		Window:      -time.Hour,
		MinSeverity: "severe",
	}
	err := g.Validate()
	wantCode(t, err, qinglang.EINVALID)
	var fields []string
	for _, p := range err.(qinglang.Problems) {
		fields = append(fields, p.Field)
		if p.Reason == "" || p.ReasonEN == "" {
			t.Errorf("problem without a reason: %+v", p)
		}
	}
	if want := []string{"subjects[1]", "subjects[2]", "window", "min_severity"}; !slices.Equal(fields, want) {
		t.Errorf("fields %v, want %v", fields, want)
	}
	if g := (Grouping{}).withDefaults(); !reflect.DeepEqual(g, DefaultGrouping()) {
		t.Errorf("zero grouping with defaults = %+v", g)
	}
}
