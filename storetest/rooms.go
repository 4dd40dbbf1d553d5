package storetest

import (
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// onPlatform returns ev on another platform.
func onPlatform(ev qinglang.Event, platform string) qinglang.Event {
	ev.Platform = platform
	return ev
}

// roomKeys lists the rooms of a page as platform/room.
func roomKeys(rs []qinglang.RoomSummary) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Platform + "/" + r.Room
	}
	return strings.Join(out, " ")
}

// rooms reads a page of rooms or fails the test.
func (f *fixture) rooms(flt qinglang.RoomFilter) qinglang.RoomPage {
	f.t.Helper()
	page, err := f.s.Rooms(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("Rooms(%+v): %v", flt, err)
	}
	if page.Rooms == nil {
		f.t.Errorf("Rooms(%+v).Rooms is nil, want a list", flt)
	}
	return page
}

func testRooms(f *fixture) {
	if page := f.rooms(qinglang.RoomFilter{}); len(page.Rooms) != 0 || page.Next != "" {
		f.t.Errorf("Rooms of an empty store = %+v, want none", page)
	}
	f.add(
		roomStart("a1", "r1", t0, "h1"),
		comment("a2", "r1", at(10*time.Minute), "u1"),
		roomEnd("a3", "r1", at(time.Hour)),
		speech("b1", "r2", at(2*time.Hour), "第二场"),
		speech("c1", "r3", at(30*time.Minute), "第三场"),
		comment("d1", "r5", at(90*time.Minute), "u2"), // r4 and r5 end at the same time: by room
		comment("d2", "r4", at(90*time.Minute), "u3"),
		onPlatform(speech("x1", "r1", at(3*time.Hour), "别的平台"), "p2"),
	)
	f.add(comment("a4", "r1", at(20*time.Minute), "u4")) // a later batch, within r1's span
	f.addFindings(
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r1", TS: t0, DedupKey: "1"},
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r1", TS: t0, DedupKey: "2"},
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p2", Room: "r1", TS: t0, DedupKey: "3"},
	)

	all := f.rooms(qinglang.RoomFilter{})
	if got, want := roomKeys(all.Rooms), "p2/r1 p1/r2 p1/r4 p1/r5 p1/r1 p1/r3"; got != want || all.Next != "" {
		f.t.Fatalf("Rooms = %q (next %q), want %q: the most recently active first, then by platform and room", got, all.Next, want)
	}
	// Each summary is the one Room answers.
	for _, r := range all.Rooms {
		one, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: r.Platform, Room: r.Room})
		if err != nil {
			f.t.Fatalf("Room(%s/%s): %v", r.Platform, r.Room, err)
		}
		if got, want := jsonOf(f.t, r), jsonOf(f.t, one); got != want {
			f.t.Errorf("Rooms holds %s, want what Room answers %s", got, want)
		}
	}
	r1 := all.Rooms[4]
	if r1.Findings != 2 || r1.Events[qinglang.Comment] != 2 || r1.Events[qinglang.RoomStart] != 1 || r1.Host != "h1" ||
		r1.EndedAt == nil || !r1.LastTS.Equal(at(time.Hour)) {
		f.t.Errorf("p1/r1 = %+v, want 2 findings, 2 comments, host h1, ended at its last event", r1)
	}
	if got := roomKeys(f.rooms(qinglang.RoomFilter{Platform: "p1"}).Rooms); got != "p1/r2 p1/r4 p1/r5 p1/r1 p1/r3" {
		f.t.Errorf("Rooms(platform p1) = %q", got)
	}
	if got := roomKeys(f.rooms(qinglang.RoomFilter{Platform: "p3"}).Rooms); got != "" {
		f.t.Errorf("Rooms(platform p3) = %q, want none", got)
	}
	if got := roomKeys(f.rooms(qinglang.RoomFilter{Since: at(90 * time.Minute)}).Rooms); got != "p2/r1 p1/r2 p1/r4 p1/r5" {
		f.t.Errorf("Rooms(since 90 min, inclusive) = %q", got)
	}
	if got := roomKeys(f.rooms(qinglang.RoomFilter{Platform: "p1", Since: at(90*time.Minute + time.Microsecond)}).Rooms); got != "p1/r2" {
		f.t.Errorf("Rooms(p1 since just after 90 min) = %q", got)
	}

	// Pages of two, and of one within the tie, hold every room once in order.
	for _, limit := range []int{1, 2, 5} {
		var seen []qinglang.RoomSummary
		flt := qinglang.RoomFilter{Limit: limit}
		for range 10 {
			page := f.rooms(flt)
			if len(page.Rooms) > limit {
				f.t.Fatalf("limit %d: a page of %d", limit, len(page.Rooms))
			}
			seen = append(seen, page.Rooms...)
			if page.Next == "" {
				break
			}
			flt.Cursor = page.Next
		}
		if got := roomKeys(seen); got != roomKeys(all.Rooms) {
			f.t.Errorf("pages of %d = %q, want %q", limit, got, roomKeys(all.Rooms))
		}
	}
	first := f.rooms(qinglang.RoomFilter{Platform: "p1", Limit: 3})
	if first.Next == "" || roomKeys(first.Rooms) != "p1/r2 p1/r4 p1/r5" {
		f.t.Fatalf("first page of p1 = %+v", first)
	}
	if got := roomKeys(f.rooms(qinglang.RoomFilter{Platform: "p1", Limit: 3, Cursor: first.Next}).Rooms); got != "p1/r1 p1/r3" {
		f.t.Errorf("second page of p1 = %q", got)
	}
	// An exactly full last page has no next.
	if page := f.rooms(qinglang.RoomFilter{Platform: "p1", Limit: 5}); page.Next != "" || len(page.Rooms) != 5 {
		f.t.Errorf("Rooms(p1, limit 5) = %d rooms, next %q; want 5 and no next", len(page.Rooms), page.Next)
	}
}

func testRoomsValidation(f *fixture) {
	f.add(speech("e1", "r1", t0, "x"))
	for _, limit := range []int{-1, 1001} {
		_, err := f.s.Rooms(f.ctx, qinglang.RoomFilter{Limit: limit})
		wantCode(f.t, "Rooms with a bad limit", err, qinglang.EINVALID)
	}
	for _, cursor := range []string{"nope", "!!", "czE6MTA"} { // the last is a findings cursor
		_, err := f.s.Rooms(f.ctx, qinglang.RoomFilter{Cursor: cursor})
		wantCode(f.t, "Rooms with cursor "+cursor, err, qinglang.EINVALID)
	}
	if page := f.rooms(qinglang.RoomFilter{Limit: 1000}); len(page.Rooms) != 1 {
		f.t.Errorf("Rooms(limit 1000) = %+v, want the one room", page)
	}
}
