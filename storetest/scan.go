package storetest

import (
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
)

// scanAll pages through ScanEvents with sc, limit events a page, and
// returns the ids in the order returned and the number of pages.
func (f *fixture) scanAll(sc qinglang.EventScan) ([]string, int) {
	f.t.Helper()
	var got []string
	pages := 0
	for {
		evs, next, err := f.s.ScanEvents(f.ctx, sc)
		if err != nil {
			f.t.Fatalf("ScanEvents(%+v): %v", sc, err)
		}
		if evs == nil {
			f.t.Errorf("ScanEvents(%+v) returned nil, want a list", sc)
		}
		pages++
		got = append(got, ids(evs)...)
		if next == "" {
			return got, pages
		}
		if pages > 1000 {
			f.t.Fatal("ScanEvents paging does not end")
		}
		sc.After = next
	}
}

// Events come in the order stored, across rooms and platforms, whatever
// their ts; filters narrow them; pages continue with next.
func testScanEventsOrderAndFilters(f *fixture) {
	f.add(comment("c3", "r1", at(3*time.Minute), "u1"), speech("s1", "r2", at(time.Minute), "大家好"))
	other := comment("c9", "r1", at(2*time.Minute), "u1")
	other.Platform = "p2"
	f.add(roomStart("rs", "r2", t0, "h1"), other, account("a1", "u1", at(-48*time.Hour), 5),
		comment("c4", "r2", at(4*time.Minute).UTC(), "u2"), order("o1", "r1", "p", at(5*time.Minute), 1, 100))
	all := []string{"c3", "s1", "rs", "c9", "a1", "c4", "o1"}
	cases := []struct {
		name string
		sc   qinglang.EventScan
		want []string
	}{
		{"all, in the order stored", qinglang.EventScan{}, all},
		{"one platform", qinglang.EventScan{Platform: "p1"}, []string{"c3", "s1", "rs", "a1", "c4", "o1"}},
		{"types", qinglang.EventScan{Types: []qinglang.EventType{qinglang.Comment, qinglang.Account}}, []string{"c3", "c9", "a1", "c4"}},
		{"from inclusive", qinglang.EventScan{From: at(2 * time.Minute).UTC()}, []string{"c3", "c9", "c4", "o1"}},
		{"to exclusive", qinglang.EventScan{To: at(2 * time.Minute)}, []string{"s1", "rs", "a1"}},
		{"from and to across offsets", qinglang.EventScan{From: at(time.Minute), To: at(4 * time.Minute).UTC()}, []string{"c3", "s1", "c9"}},
		{"nothing in range", qinglang.EventScan{From: at(time.Hour)}, nil},
	}
	for _, c := range cases {
		for _, limit := range []int{0, 2} {
			sc := c.sc
			sc.Limit = limit
			got, _ := f.scanAll(sc)
			if !sameStrings(got, c.want) {
				f.t.Errorf("ScanEvents(%s, limit %d) = %v, want %v", c.name, limit, got, c.want)
			}
		}
	}
	if got, pages := f.scanAll(qinglang.EventScan{Limit: 3}); len(got) != 7 || pages != 3 {
		f.t.Errorf("7 events by 3 = %d events in %d pages, want 3 pages", len(got), pages)
	}
	if _, pages := f.scanAll(qinglang.EventScan{Limit: 7}); pages != 1 {
		f.t.Errorf("a page ending at the last event has a next page (%d pages)", pages)
	}
	evs, _, err := f.s.ScanEvents(f.ctx, qinglang.EventScan{Types: []qinglang.EventType{qinglang.Comment}, Limit: 1, From: at(4 * time.Minute)})
	if err != nil || len(evs) != 1 || !evs[0].TS.Equal(at(4*time.Minute)) {
		f.t.Fatalf("ScanEvents(c4) = %+v, %v", evs, err)
	}
	if _, off := evs[0].TS.Zone(); off != 0 || evs[0].User != "u2" {
		f.t.Errorf("ScanEvents returned %+v, want c4 as it was sent (UTC)", evs[0])
	}
}

// EventMark marks where the stored events end: a scan through it stops
// there, however many events are stored after.
func testEventMark(f *fixture) {
	empty, err := f.s.EventMark(f.ctx)
	if err != nil || empty.Through == "" || !empty.Latest.IsZero() {
		f.t.Fatalf("EventMark(empty store) = %+v, %v; want a position and no latest time", empty, err)
	}
	f.add(comment("c1", "r1", at(time.Minute), "u1"), comment("c2", "r2", at(9*time.Minute), "u2"))
	if got, _ := f.scanAll(qinglang.EventScan{Through: empty.Through}); len(got) != 0 {
		f.t.Errorf("scan through the empty store's mark = %v, want nothing", got)
	}
	mark, err := f.s.EventMark(f.ctx)
	if err != nil {
		f.t.Fatalf("EventMark: %v", err)
	}
	if !mark.Latest.Equal(at(9 * time.Minute)) {
		f.t.Errorf("Latest = %v, want %v (the latest ts stored)", mark.Latest, at(9*time.Minute))
	}
	f.add(comment("c3", "r1", at(2*time.Minute), "u1"), comment("c4", "r3", at(3*time.Minute), "u3"))
	if got, _ := f.scanAll(qinglang.EventScan{Through: mark.Through, Limit: 1}); !sameStrings(got, []string{"c1", "c2"}) {
		f.t.Errorf("scan through the mark = %v, want [c1 c2], not the events stored after", got)
	}
	if got, _ := f.scanAll(qinglang.EventScan{After: mark.Through}); !sameStrings(got, []string{"c3", "c4"}) {
		f.t.Errorf("scan after the mark = %v, want [c3 c4]", got)
	}
	later, err := f.s.EventMark(f.ctx)
	if err != nil || later.Through == mark.Through || !later.Latest.Equal(mark.Latest) {
		f.t.Errorf("EventMark after more events = %+v, %v; want a later position and the same latest ts", later, err)
	}
}

func testScanEventsValidation(f *fixture) {
	f.add(comment("c1", "r1", t0, "u1"))
	for _, limit := range []int{-1, 10001} {
		_, _, err := f.s.ScanEvents(f.ctx, qinglang.EventScan{Limit: limit})
		wantCode(f.t, fmt.Sprintf("ScanEvents(limit %d)", limit), err, qinglang.EINVALID)
	}
	for _, c := range []string{"!!!", "bm90IGEgY3Vyc29y", "czE6NQ"} {
		_, _, err := f.s.ScanEvents(f.ctx, qinglang.EventScan{After: c})
		wantCode(f.t, fmt.Sprintf("ScanEvents(after %q)", c), err, qinglang.EINVALID)
		_, _, err = f.s.ScanEvents(f.ctx, qinglang.EventScan{Through: c})
		wantCode(f.t, fmt.Sprintf("ScanEvents(through %q)", c), err, qinglang.EINVALID)
	}
}
