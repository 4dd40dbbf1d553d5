package casework

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/qinglang/qinglang"
)

func TestLoadGrouping(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want Grouping
	}{
		{"every key", "subjects: [host, merchant, agency]\nwindow: 14d\nmin_severity: high\n",
			Grouping{Subjects: []qinglang.SubjectKind{"host", "merchant", "agency"}, Window: 14 * 24 * time.Hour, MinSeverity: "high"}},
		{"block list and a Go duration", "# grouping\nsubjects:\n  - room\nwindow: 36h\n",
			Grouping{Subjects: []qinglang.SubjectKind{"room"}, Window: 36 * time.Hour, MinSeverity: "medium"}},
		{"empty file", "", DefaultGrouping()},
		{"only a comment", "# nothing to change\n", DefaultGrouping()},
		{"one key", "min_severity: low\n",
			Grouping{Subjects: DefaultSubjects, Window: DefaultWindow, MinSeverity: "low"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := LoadGrouping("g.yaml", strings.NewReader(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("got %+v, want %+v", g, tt.want)
			}
		})
	}
}

// problem is the part of a qinglang.Problem a test checks.
type problem struct {
	line  int
	field string
	says  string // part of the English reason
}

func TestLoadGroupingProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []problem
	}{
		{"unknown key", "subjects: [host]\nwindw: 30d\n", []problem{{2, "windw", "unknown key (known: subjects, window, min_severity)"}}},
		{"duplicate key", "window: 30d\nsubjects: [room]\nwindow: 7d\n", []problem{{3, "window", "duplicate key (already on line 1)"}}},
		{"unknown subject kind", "subjects:\n  - host\n  - shop\n", []problem{{3, "subjects[1]", `unknown subject kind "shop"`}}},
		{"repeated subject kind", "subjects: [host, room, host]\n", []problem{{1, "subjects[2]", "subject kind host is repeated"}}},
		{"no subject kinds", "subjects: []\n", []problem{{1, "subjects", "at least one subject kind"}}},
		{"subjects not a list", "subjects: host\n", []problem{{1, "subjects", "must be a list"}}},
		{"subject kind not a value", "subjects:\n  - {kind: host}\n", []problem{{2, "subjects[0]", "must be a single value"}}},
		{"window without unit", "window: 30\n", []problem{{1, "window", `"30" should be days`}}},
		{"window in weeks", "window: 4w\n", []problem{{1, "window", `"4w" should be days`}}},
		{"window zero", "window: 0d\n", []problem{{1, "window", "must be positive"}}},
		{"window negative", "window: -2h\n", []problem{{1, "window", "must be positive"}}},
		{"window fractional days", "window: 1.5d\n", []problem{{1, "window", "number of days"}}},
		{"window a list", "window: [30d]\n", []problem{{1, "window", "must be a single value"}}},
		{"unknown severity", "min_severity: severe\n", []problem{{1, "min_severity", `unknown severity "severe"`}}},
		{"empty value", "subjects: [host]\nwindow:\n", []problem{{2, "window", "empty value"}}},
		{"not a mapping", "- host\n- room\n", []problem{{1, "", "must be a mapping"}}},
		{"two documents", "window: 7d\n---\nwindow: 8d\n", []problem{{2, "", "one YAML document only"}}},
		{"syntax error", "subjects:\n  - host\n window: 3d\n", []problem{{3, "", "malformed YAML"}}},
		{"unclosed list", "window: 7d\nsubjects: [host, room\nmin_severity: low\n", []problem{{2, "", "malformed YAML"}}},
		{"every problem at once",
			"subjects: [host, shop]\nwindow: 30\nmin_severity: severe\ncolour: red\n",
			[]problem{
				{1, "subjects[1]", `unknown subject kind "shop"`},
				{2, "window", "should be days"},
				{3, "min_severity", `unknown severity "severe"`},
				{4, "colour", "unknown key"},
			}},
		{"validation problems get lines",
			"# a comment\nmin_severity: severe\nsubjects:\n  - host\n  - host\n",
			[]problem{
				{2, "min_severity", `unknown severity "severe"`},
				{5, "subjects[1]", "subject kind host is repeated"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := LoadGrouping("conf/grouping.yaml", strings.NewReader(tt.yaml))
			if err == nil {
				t.Fatalf("no error; got %+v", g)
			}
			wantCode(t, err, qinglang.EINVALID)
			var ps qinglang.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("not Problems: %v", err)
			}
			if len(ps) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(ps), len(tt.want), err)
			}
			for i, w := range tt.want {
				p := ps[i]
				if p.File != "conf/grouping.yaml" || p.Line != w.line || p.Field != w.field ||
					!strings.Contains(p.ReasonEN, w.says) || p.Reason == "" {
					t.Errorf("problem %d = %+v, want line %d, field %q, saying %q", i, p, w.line, w.field, w.says)
				}
			}
			if !reflect.DeepEqual(g, Grouping{}) {
				t.Errorf("a grouping came with problems: %+v", g)
			}
		})
	}
}

func TestLoadGroupingReadError(t *testing.T) {
	_, err := LoadGrouping("g.yaml", iotest.ErrReader(errors.New("disk on fire")))
	wantCode(t, err, qinglang.EUNAVAILABLE)
	if !strings.Contains(err.Error(), "g.yaml") || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("error %v", err)
	}
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30d", 30 * 24 * time.Hour, true},
		{" 1d ", 24 * time.Hour, true},
		{"720h", 720 * time.Hour, true},
		{"90m", 90 * time.Minute, true},
		{"1h30m", 90 * time.Minute, true},
		{"0d", 0, false},
		{"0s", 0, false},
		{"-1d", 0, false},
		{"d", 0, false},
		{"30", 0, false},
		{"", 0, false},
		{"99999999999d", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseWindow(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseWindow(%q) = %v, %v", tt.in, got, err)
		}
		if err != nil && qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("ParseWindow(%q): code %s", tt.in, qinglang.Code(err))
		}
	}
}
