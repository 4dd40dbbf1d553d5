package evidence

import (
	"slices"

	"github.com/qinglang/qinglang"
)

// ContextLines is how many lines of the same room the report shows before
// and after each event a finding names.
const ContextLines = 5

// line is one line of an excerpt: an event, marked when a finding names
// it, or a gap (Event nil) where lines were left out.
type line struct {
	Event *qinglang.Event
	Hit   bool
}

// excerpt is the part of one room's transcript and comments around the
// events a finding names.
type excerpt struct {
	Platform, Room string
	Lines          []line
}

// timelines holds each room's speech and comments in order of time.
type timelines struct {
	rooms map[qinglang.RoomKey][]*qinglang.Event
	keys  []qinglang.RoomKey // sorted
}

func newTimelines(events []qinglang.Event) timelines {
	t := timelines{rooms: map[qinglang.RoomKey][]*qinglang.Event{}}
	for _, e := range byRoomAndTime(events, qinglang.Speech, qinglang.Comment) {
		k := e.RoomKey()
		if _, ok := t.rooms[k]; !ok {
			t.keys = append(t.keys, k)
		}
		t.rooms[k] = append(t.rooms[k], e)
	}
	return t
}

// excerpts returns, room by room, the lines within n of each event hit
// reports true for, those marked; runs of lines that do not touch are
// separated by a gap.
func (t timelines) excerpts(hit func(*qinglang.Event) bool, n int) []excerpt {
	var out []excerpt
	for _, k := range t.keys {
		lines := t.rooms[k]
		var hits []int
		for i, e := range lines {
			if hit(e) {
				hits = append(hits, i)
			}
		}
		if len(hits) == 0 {
			continue
		}
		ex := excerpt{Platform: k.Platform, Room: k.Room}
		next := 0 // the first line not yet shown
		for _, h := range hits {
			from, to := max(h-n, next), min(h+n+1, len(lines))
			if from > next && next > 0 {
				ex.Lines = append(ex.Lines, line{})
			}
			for i := from; i < to; i++ {
				ex.Lines = append(ex.Lines, line{Event: lines[i], Hit: hit(lines[i])})
			}
			next = max(next, to)
		}
		out = append(out, ex)
	}
	return out
}

// findingView is a finding as the report shows it: with the excerpts
// around the speech and comments it names, the other events it names
// (orders, listings, ...) and the ids it names that the bundle lacks.
type findingView struct {
	qinglang.Finding
	Excerpts []excerpt
	Others   []*qinglang.Event
	Missing  []string
}

// named reports whether finding f names event e: its id is one of the
// finding's event ids on the finding's platform.
func named(f *qinglang.Finding, e *qinglang.Event) bool {
	return e.ID != "" && (f.Platform == "" || e.Platform == f.Platform) && slices.Contains(f.EventIDs, e.ID)
}

// findingViews prepares the findings of b for the report, in the
// bundle's order.
func findingViews(b *Bundle, t timelines) []findingView {
	out := make([]findingView, len(b.Findings))
	for i := range b.Findings {
		f := &b.Findings[i]
		v := findingView{Finding: *f, Excerpts: t.excerpts(func(e *qinglang.Event) bool { return named(f, e) }, ContextLines)}
		found := map[string]bool{}
		for j := range b.Events {
			e := &b.Events[j]
			if !named(f, e) {
				continue
			}
			found[e.ID] = true
			if e.Type != qinglang.Speech && e.Type != qinglang.Comment {
				v.Others = append(v.Others, e)
			}
		}
		slices.SortStableFunc(v.Others, func(a, b *qinglang.Event) int { return a.TS.Compare(b.TS) })
		for _, id := range f.EventIDs {
			if !found[id] && !slices.Contains(v.Missing, id) {
				v.Missing = append(v.Missing, id)
			}
		}
		out[i] = v
	}
	return out
}
