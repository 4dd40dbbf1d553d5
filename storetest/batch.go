package storetest

import (
	"fmt"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// addBatch calls AddEvents in tx and checks that the result is aligned with
// the input.
func (f *fixture) addBatch(tx qinglang.Tx, evs []qinglang.Event, origins []string) []bool {
	f.t.Helper()
	added, err := tx.AddEvents(f.ctx, evs, origins)
	if err != nil {
		f.t.Fatalf("AddEvents(%d events): %v", len(evs), err)
	}
	if len(added) != len(evs) {
		f.t.Fatalf("AddEvents(%d events) returned %d results", len(evs), len(added))
	}
	return added
}

// wantAdded compares AddEvents' result with want, naming each mismatch.
func (f *fixture) wantAdded(what string, evs []qinglang.Event, got, want []bool) {
	f.t.Helper()
	for i := range want {
		if got[i] != want[i] {
			f.t.Errorf("%s: added[%d] (%s %q) = %v, want %v", what, i, evs[i].Type, evs[i].ID, got[i], want[i])
		}
	}
}

// roomCount returns the number of events of room r1 on p1 by Room.
func (f *fixture) roomCount(room string) int64 {
	f.t.Helper()
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: room})
	if err != nil {
		f.t.Fatalf("Room(%s): %v", room, err)
	}
	var n int64
	for _, c := range sum.Events {
		n += c
	}
	return n
}

func testAddEventsRejectsBadInput(f *fixture) {
	tx := f.begin()
	_, err := tx.AddEvents(f.ctx, []qinglang.Event{speech("e1", "r1", t0, "x")}, nil)
	wantCode(f.t, "AddEvents with fewer origins than events", err, qinglang.EINVALID)
	bad := speech("e2", "r1", time.Time{}, "no ts")
	_, err = tx.AddEvents(f.ctx, []qinglang.Event{speech("e1", "r1", t0, "x"), bad}, []string{"o1", "o2"})
	wantCode(f.t, "AddEvents with an event without ts", err, qinglang.EINVALID)
	_, err = tx.AddEvents(f.ctx, []qinglang.Event{speech("e1", "r1", t0, "x")}, []string{""})
	wantCode(f.t, "AddEvents with an empty origin", err, qinglang.EINVALID)
	if added, err := tx.AddEvents(f.ctx, nil, nil); err != nil || len(added) != 0 {
		f.t.Errorf("AddEvents(empty) = %v, %v; want an empty result", added, err)
	}
	f.commit(tx)
	if got := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"}); len(got) != 0 {
		f.t.Errorf("Events after rejected batches = %v, want none (nothing of an invalid batch is written)", ids(got))
	}
}

// testAddEventsMixedDuplicates sends one batch of new events, duplicates of
// stored ones (by id and by origin) and events repeated within the batch:
// only the new ones, each the first time, are stored with their rows.
func testAddEventsMixedDuplicates(f *fixture) {
	noID := comment("", "r1", at(-time.Minute), "u0")
	tx := f.begin()
	f.addBatch(tx,
		[]qinglang.Event{roomStart("s1", "r1", t0, "h1"), order("o1", "r1", "p", at(time.Minute), 1, 500),
			listing("l1", "r1", "p", at(time.Minute), 5990), account("a1", "u1", at(time.Minute), 10), noID},
		[]string{"b1:1", "b1:2", "b1:3", "b1:4", "b1:5"})
	f.commit(tx)

	noIDNew := comment("", "r1", at(3*time.Minute), "u9")
	evs := []qinglang.Event{
		speech("e1", "r1", at(2*time.Minute), "新的"),        // 0 new
		order("o1", "r1", "p", at(2*time.Minute), 1, 100),  // 1 stored before (id), cheaper
		comment("", "r1", at(2*time.Minute), "imposter"),   // 2 stored before (origin b1:5)
		order("o2", "r1", "p", at(3*time.Minute), 2, 1200), // 3 new
		listing("l1", "r1", "p", at(3*time.Minute), 1),     // 4 stored before (id)
		account("a1", "u1", at(time.Hour), 99),             // 5 stored before (id), later
		order("o2", "r1", "p", at(4*time.Minute), 1, 1),    // 6 repeats 3 (id), cheaper
		noIDNew, // 7 new, no id
		comment("", "r1", at(5*time.Minute), "repeat"),    // 8 repeats 7 (origin)
		listing("l2", "", "p", at(4*time.Minute), 4990),   // 9 new, no room
		account("a2", "u2", at(time.Minute), 5),           // 10 new
		account("a2", "u2", at(2*time.Minute), 6),         // 11 repeats 10 (id), later
		roomStart("s1", "r1", at(-time.Hour), "imposter"), // 12 stored before (id)
		speech("e1", "r1", at(6*time.Minute), "重复"),       // 13 repeats 0 (id)
		order("o1", "r1", "p", at(7*time.Minute), 1, 50),  // 14 new: platform p2 below
	}
	evs[14].Platform = "p2" // the same id on another platform is another event
	origins := []string{"b2:0", "b2:1", "b1:5", "b2:3", "b2:4", "b2:5", "b2:6", "b2:7", "b2:7", "b2:9",
		"b2:10", "b2:11", "b2:12", "b2:13", "b2:14"}
	want := []bool{true, false, false, true, false, false, false, true, false, true, true, false, false, false, true}
	tx = f.begin()
	got := f.addBatch(tx, evs, origins)
	f.wantAdded("AddEvents(mixed)", evs, got, want)
	if low, err := tx.LowestOrder(f.ctx, "p1", "p", t0, at(time.Hour)); err != nil || low == nil || low.EventID != "o1" || low.UnitPriceFen != 500 {
		f.t.Errorf("LowestOrder = %+v, %v; want o1 at 500 (no duplicate order stored)", low, err)
	}
	again := f.addBatch(tx, evs, origins) // the whole batch again, same transaction
	f.wantAdded("AddEvents(same batch again)", evs, again, make([]bool, len(evs)))
	f.commit(tx)

	gotIDs := ids(f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"}))
	if want := []string{"", "s1", "o1", "l1", "e1", "o2", ""}; !sameStrings(gotIDs, want) {
		f.t.Errorf("Events ids = %q, want %q", gotIDs, want)
	}
	if evs := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1", Types: []qinglang.EventType{qinglang.Comment}}); len(evs) != 2 || evs[1].User != "u9" {
		f.t.Errorf("comments = %+v, want the first one and u9's (not its repeat)", evs)
	}
	if got, err := f.s.Listings(f.ctx, "p1", "p"); err != nil || !sameStrings(ids(got), []string{"l1", "l2"}) || got[0].PriceFen != 5990 {
		f.t.Errorf("Listings = %+v, %v; want l1 at 5990 and l2", got, err)
	}
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || *acc.Followers != 10 {
		f.t.Errorf("Account(u1) = %+v, %v; want followers 10 (duplicate not stored)", acc, err)
	}
	if acc, err := f.s.Account(f.ctx, "p1", "u2"); err != nil || *acc.Followers != 5 {
		f.t.Errorf("Account(u2) = %+v, %v; want followers 5 (the first of the batch)", acc, err)
	}
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	if err != nil {
		f.t.Fatalf("Room: %v", err)
	}
	if sum.Host != "h1" || !sum.FirstTS.Equal(at(-time.Minute)) || sum.Events[qinglang.Order] != 2 ||
		sum.Events[qinglang.Comment] != 2 || sum.Events[qinglang.Speech] != 1 || sum.Events[qinglang.RoomStart] != 1 {
		f.t.Errorf("Room = %+v; want host h1, first ts %v, 2 orders, 2 comments, 1 speech, 1 room_start", sum, at(-time.Minute))
	}
	tx = f.begin()
	defer tx.Rollback()
	if low, err := tx.LowestOrder(f.ctx, "p2", "p", t0, at(time.Hour)); err != nil || low == nil || low.EventID != "o1" {
		f.t.Errorf("LowestOrder(p2) = %+v, %v; want o1 of platform p2", low, err)
	}
}

// testAddEventsLargeBatch sends batches larger than one multi-row
// statement, then a batch overlapping them.
func testAddEventsLargeBatch(f *fixture) {
	const n = 1200
	mk := func(from, to int) ([]qinglang.Event, []string) {
		evs, origins := make([]qinglang.Event, 0, to-from), make([]string, 0, to-from)
		for i := from; i < to; i++ {
			evs = append(evs, MixedEvent(i, t0))
			origins = append(origins, fmt.Sprintf("big:%d", i))
		}
		return evs, origins
	}
	evs, origins := mk(0, n)
	tx := f.begin()
	for i, ok := range f.addBatch(tx, evs, origins) {
		if !ok {
			f.t.Fatalf("AddEvents(%d new events): added[%d] = false", n, i)
		}
	}
	f.commit(tx)
	evs, origins = mk(n-300, n+300) // 300 stored, 300 new
	tx = f.begin()
	added := f.addBatch(tx, evs, origins)
	for i, ok := range added {
		if want := i >= 300; ok != want {
			f.t.Fatalf("AddEvents(overlapping batch): added[%d] (%s) = %v, want %v", i, evs[i].ID, ok, want)
		}
	}
	f.commit(tx)
	var total int64
	for r := range 20 {
		total += f.roomCount(fmt.Sprintf("room-%d", r))
	}
	// Account events have no room: 4 in every 100.
	if want := int64(n + 300 - (n+300)/100*4); total != want {
		f.t.Errorf("events counted in rooms = %d, want %d", total, want)
	}
	listings, err := f.s.Listings(f.ctx, "p1", "p0")
	if err != nil {
		f.t.Fatalf("Listings: %v", err)
	}
	wantListings := 0
	for i := range n + 300 {
		if ev := MixedEvent(i, t0); ev.Type == qinglang.Listing && ev.Product == "p0" {
			wantListings++
		}
	}
	if len(listings) != wantListings {
		f.t.Errorf("Listings(p0) = %d, want %d", len(listings), wantListings)
	}
}

// testConcurrentOverlappingBatches writes two overlapping batches from two
// transactions at once, retrying one that fails as unavailable (a deadlock
// on PostgreSQL), as a worker does: every event is stored once.
func testConcurrentOverlappingBatches(f *fixture) {
	const n = 900
	all := make([]qinglang.Event, n)
	origins := make([]string, n)
	for i := range n {
		all[i], origins[i] = MixedEvent(i, t0), fmt.Sprintf("conc:%d", i)
	}
	parts := [][2]int{{0, 600}, {300, 900}}
	counts := make([]int, len(parts))
	errs := make([]error, len(parts))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for p, r := range parts {
		wg.Go(func() {
			<-start
			for attempt := 0; ; attempt++ {
				n, err := func() (int, error) {
					tx, err := f.s.Begin(f.ctx)
					if err != nil {
						return 0, err
					}
					defer tx.Rollback()
					added, err := tx.AddEvents(f.ctx, all[r[0]:r[1]], origins[r[0]:r[1]])
					if err != nil {
						return 0, err
					}
					n := 0
					for _, ok := range added {
						if ok {
							n++
						}
					}
					return n, tx.Commit()
				}()
				if qinglang.Code(err) == qinglang.EUNAVAILABLE && attempt < 5 {
					continue
				}
				counts[p], errs[p] = n, err
				return
			}
		})
	}
	close(start)
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			f.t.Fatalf("writer %d: %v", p, err)
		}
	}
	if counts[0]+counts[1] != n {
		f.t.Errorf("writers told %d + %d events added, want %d in all", counts[0], counts[1], n)
	}
	var total int64
	for r := range 20 {
		total += f.roomCount(fmt.Sprintf("room-%d", r))
	}
	if want := int64(n - n/100*4); total != want {
		f.t.Errorf("events counted in rooms = %d, want %d (each stored once)", total, want)
	}
	if got := f.events(qinglang.EventFilter{Platform: "p1", Room: "room-0"}); len(got) != n/20 {
		f.t.Errorf("Events(room-0) = %d events, want %d", len(got), n/20)
	}
}
