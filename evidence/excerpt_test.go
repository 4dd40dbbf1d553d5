package evidence

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// roomLines returns n speech events of room, one a second, ids room-0 …
func roomLines(room string, n int) []qinglang.Event {
	out := make([]qinglang.Event, n)
	for i := range out {
		out[i] = qinglang.Event{Type: qinglang.Speech, TS: at(0, 0).Add(time.Duration(i) * time.Second),
			ID: fmt.Sprintf("%s-%d", room, i), Platform: "dy", Room: room, Text: "x"}
	}
	return out
}

// shown renders an excerpt's lines as ids, "*" before a hit and "…" for
// a gap.
func shown(ex excerpt) []string {
	var out []string
	for _, l := range ex.Lines {
		switch {
		case l.Event == nil:
			out = append(out, "…")
		case l.Hit:
			out = append(out, "*"+l.Event.ID)
		default:
			out = append(out, l.Event.ID)
		}
	}
	return out
}

func hitIDs(ids ...string) func(*qinglang.Event) bool {
	return func(e *qinglang.Event) bool { return slices.Contains(ids, e.ID) }
}

func TestExcerptsWindowsAndGaps(t *testing.T) {
	tl := newTimelines(roomLines("a", 30))
	for name, c := range map[string]struct {
		hits []string
		want []string
	}{
		"one hit":      {[]string{"a-10"}, []string{"a-8", "a-9", "*a-10", "a-11", "a-12"}},
		"at the start": {[]string{"a-0"}, []string{"*a-0", "a-1", "a-2"}},
		"at the end":   {[]string{"a-29"}, []string{"a-27", "a-28", "*a-29"}},
		"apart": {[]string{"a-2", "a-20"},
			[]string{"a-0", "a-1", "*a-2", "a-3", "a-4", "…", "a-18", "a-19", "*a-20", "a-21", "a-22"}},
		"overlapping": {[]string{"a-10", "a-13"},
			[]string{"a-8", "a-9", "*a-10", "a-11", "a-12", "*a-13", "a-14", "a-15"}},
		"touching": {[]string{"a-10", "a-15"},
			[]string{"a-8", "a-9", "*a-10", "a-11", "a-12", "a-13", "a-14", "*a-15", "a-16", "a-17"}},
	} {
		t.Run(name, func(t *testing.T) {
			ex := tl.excerpts(hitIDs(c.hits...), 2)
			if len(ex) != 1 {
				t.Fatalf("%d excerpts, want 1", len(ex))
			}
			if got := shown(ex[0]); !slices.Equal(got, c.want) {
				t.Errorf("lines = %v, want %v", got, c.want)
			}
		})
	}
	if ex := tl.excerpts(hitIDs("nothing"), 2); len(ex) != 0 {
		t.Errorf("excerpts without a hit: %v", ex)
	}
}

func TestExcerptsByRoom(t *testing.T) {
	events := append(roomLines("b", 5), roomLines("a", 5)...)
	events = append(events, qinglang.Event{Type: qinglang.Order, TS: at(0, 2), ID: "o", Platform: "dy", Room: "a"})
	ex := newTimelines(events).excerpts(hitIDs("b-4", "a-0", "o"), 1)
	if len(ex) != 2 || ex[0].Room != "a" || ex[1].Room != "b" {
		t.Fatalf("excerpts = %+v, want rooms a then b", ex)
	}
	if got := shown(ex[0]); !slices.Equal(got, []string{"*a-0", "a-1"}) {
		t.Errorf("room a = %v (orders are no lines of an excerpt)", got)
	}
	if got := shown(ex[1]); !slices.Equal(got, []string{"b-3", "*b-4"}) {
		t.Errorf("room b = %v", got)
	}
}

func TestFindingViews(t *testing.T) {
	b := testBundle()
	b.Findings = append(b.Findings, qinglang.Finding{ID: "other-platform", Platform: "ks", EventIDs: []string{"s07"}})
	views := findingViews(&b, newTimelines(b.Events))
	if len(views) != 3 {
		t.Fatalf("%d views", len(views))
	}
	if v := views[1]; len(v.Others) != 1 || v.Others[0].ID != "o1" || !slices.Equal(v.Missing, []string{"gone-1"}) {
		t.Errorf("f-camp: others %v, missing %v", v.Others, v.Missing)
	}
	// An id names an event of the finding's own platform only.
	if v := views[2]; len(v.Excerpts) != 0 || !slices.Equal(v.Missing, []string{"s07"}) {
		t.Errorf("a finding on another platform matched: %+v", v)
	}
}
