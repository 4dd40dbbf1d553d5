package storetest

import (
	"fmt"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

func testFactsSeeOwnWrites(f *fixture) {
	tx := f.begin()
	f.addIn(tx, order("e1", "r1", "p", t0, 2, 1000))
	low, err := tx.LowestOrder(f.ctx, "p1", "p", t0, at(time.Hour))
	if err != nil || low == nil || low.EventID != "e1" {
		f.t.Fatalf("LowestOrder in the writing transaction = %+v, %v; want e1", low, err)
	}
	last, err := tx.LastOrderBefore(f.ctx, "p1", "p", at(time.Hour))
	if err != nil || last == nil || last.EventID != "e1" {
		f.t.Fatalf("LastOrderBefore in the writing transaction = %+v, %v; want e1", last, err)
	}
	f.commit(tx)
	tx2 := f.begin()
	if low, err := tx2.LowestOrder(f.ctx, "p1", "p", t0, at(time.Hour)); err != nil || low == nil || low.EventID != "e1" {
		f.t.Errorf("LowestOrder in a later transaction = %+v, %v; want e1", low, err)
	}
}

func testLowestOrderWindow(f *fixture) {
	west := time.FixedZone("", -5*3600)
	f.add(
		order("e1", "r1", "p", t0, 1, 9000),                           // at from: inclusive
		order("e2", "r2", "p", at(time.Hour), 3, 2400),                // unit 800
		order("e3", "r1", "p", at(2*time.Hour).In(west), 2, 1601),     // unit 800 (rounded down), later
		order("e4", "r1", "p", at(3*time.Hour), 1, 100),               // at to: excluded
		order("e5", "r1", "p", at(-time.Second), 1, 50),               // before from
		order("e6", "r1", "other", at(time.Hour), 1, 10),              // other product
		order("e7", "r1", "p", at(90*time.Minute).UTC(), 10, 100000),  // unit 10000
		order("e8", "r1", "p", at(150*time.Minute).In(west), 1, 9000), // inside, dear
	)
	other := order("e9", "r1", "p", at(time.Hour), 1, 1)
	other.Platform = "p2"
	f.add(other)

	tx := f.begin()
	low, err := tx.LowestOrder(f.ctx, "p1", "p", t0, at(3*time.Hour))
	if err != nil {
		f.t.Fatalf("LowestOrder: %v", err)
	}
	if low == nil || low.EventID != "e2" {
		f.t.Fatalf("LowestOrder = %+v, want e2 (unit 800, earlier of two)", low)
	}
	want := qinglang.OrderFact{EventID: "e2", Room: "r2", User: "buyer-e2", TS: at(time.Hour), Qty: 3, AmountFen: 2400, UnitPriceFen: 800}
	if low.Room != want.Room || low.User != want.User || !low.TS.Equal(want.TS) || low.Qty != want.Qty ||
		low.AmountFen != want.AmountFen || low.UnitPriceFen != want.UnitPriceFen {
		f.t.Errorf("LowestOrder = %+v, want %+v", *low, want)
	}
	if _, off := low.TS.Zone(); off != 8*3600 {
		f.t.Errorf("LowestOrder ts offset = %d, want 28800 (as sent)", off)
	}

	cases := []struct {
		name     string
		from, to time.Time
		want     string // "" for none
	}{
		{"from inclusive", t0, at(time.Hour), "e1"},
		{"to exclusive", at(time.Hour + time.Microsecond), at(3 * time.Hour), "e3"},
		{"to exclusive at the cheapest", at(2*time.Hour + time.Minute), at(3 * time.Hour), "e8"},
		{"last order at to", at(3 * time.Hour), at(3*time.Hour + time.Microsecond), "e4"},
		{"across offsets", at(89 * time.Minute).In(west), at(91 * time.Minute).UTC(), "e7"},
		{"empty window", at(10 * time.Hour), at(11 * time.Hour), ""},
		{"before everything", at(-time.Hour), at(-time.Second), ""},
	}
	for _, c := range cases {
		got, err := tx.LowestOrder(f.ctx, "p1", "p", c.from, c.to)
		switch {
		case err != nil:
			f.t.Errorf("LowestOrder(%s): %v", c.name, err)
		case c.want == "" && got != nil:
			f.t.Errorf("LowestOrder(%s) = %+v, want nil", c.name, got)
		case c.want != "" && (got == nil || got.EventID != c.want):
			f.t.Errorf("LowestOrder(%s) = %+v, want %s", c.name, got, c.want)
		}
	}
	if got, err := tx.LowestOrder(f.ctx, "p1", "none", t0, at(time.Hour)); err != nil || got != nil {
		f.t.Errorf("LowestOrder(unknown product) = %+v, %v; want nil", got, err)
	}
	if got, err := tx.LowestOrder(f.ctx, "p2", "p", t0, at(3*time.Hour)); err != nil || got == nil || got.EventID != "e9" {
		f.t.Errorf("LowestOrder(platform p2) = %+v, %v; want e9", got, err)
	}
}

func testLastOrderBefore(f *fixture) {
	f.add(
		order("e2", "r1", "p", at(2*time.Hour), 1, 200),
		order("e1", "r1", "p", t0, 1, 100),
		order("e3", "r1", "p", at(3*time.Hour).UTC(), 1, 300),
		order("x1", "r1", "other", at(150*time.Minute), 1, 1),
	)
	tx := f.begin()
	cases := []struct {
		before time.Time
		want   string
	}{
		{at(3 * time.Hour), "e2"}, // before is exclusive
		{at(3*time.Hour + time.Microsecond), "e3"},
		{at(10 * time.Hour), "e3"},
		{at(time.Hour), "e1"},
		{t0, ""},
	}
	for _, c := range cases {
		got, err := tx.LastOrderBefore(f.ctx, "p1", "p", c.before)
		switch {
		case err != nil:
			f.t.Errorf("LastOrderBefore(%v): %v", c.before, err)
		case c.want == "" && got != nil:
			f.t.Errorf("LastOrderBefore(%v) = %+v, want nil", c.before, got)
		case c.want != "" && (got == nil || got.EventID != c.want):
			f.t.Errorf("LastOrderBefore(%v) = %+v, want %s", c.before, got, c.want)
		}
	}
	got, err := tx.LastOrderBefore(f.ctx, "p1", "p", at(time.Hour))
	if err == nil && got != nil && (got.AmountFen != 100 || got.UnitPriceFen != 100 || got.User != "buyer-e1") {
		f.t.Errorf("LastOrderBefore = %+v, want e1's amount, unit price and user", got)
	}
}

// buyerOrder is an order by the given user.
func buyerOrder(id, room, user string, ts time.Time, qty int64) qinglang.Event {
	o := order(id, room, "p", ts, qty, 100*qty)
	o.User = user
	return o
}

func testUserOrders(f *fixture) {
	other := buyerOrder("x1", "r1", "u1", t0, 1)
	other.Platform = "p2"
	f.add(
		buyerOrder("e1", "r1", "u1", t0, 1),
		buyerOrder("e2", "r2", "u1", at(time.Hour), 3), // another room counts
		buyerOrder("e3", "r1", "u2", at(time.Minute), 1),
		other,
	)
	tx := f.begin()
	defer tx.Rollback()
	f.addIn(tx, buyerOrder("e4", "r1", "u1", at(2*time.Hour), 1)) // own write
	cases := []struct {
		platform, user string
		before         time.Time
		want           int64
	}{
		{"p1", "u1", t0, 0}, // before is exclusive
		{"p1", "u1", at(time.Microsecond), 1},
		{"p1", "u1", at(time.Hour), 1},
		{"p1", "u1", at(2 * time.Hour), 2},
		{"p1", "u1", at(3 * time.Hour), 3}, // sees the transaction's own write
		{"p1", "u2", at(3 * time.Hour), 1},
		{"p1", "nobody", at(3 * time.Hour), 0},
		{"p2", "u1", at(3 * time.Hour), 1},
	}
	for _, c := range cases {
		got, err := tx.UserOrders(f.ctx, c.platform, c.user, c.before)
		if err != nil || got != c.want {
			f.t.Errorf("UserOrders(%s, %s, %v) = %d, %v; want %d", c.platform, c.user, c.before, got, err, c.want)
		}
	}
}

func testRoomOrders(f *fixture) {
	other := buyerOrder("x1", "r1", "u1", t0, 7)
	other.Platform = "p2"
	f.add(
		buyerOrder("e1", "r1", "u1", t0, 2),
		buyerOrder("e2", "r1", "u2", at(time.Hour), 3),
		buyerOrder("e3", "r2", "u1", at(time.Minute), 5), // another room
		other,
	)
	tx := f.begin()
	defer tx.Rollback()
	f.addIn(tx, buyerOrder("e4", "r1", "u3", at(2*time.Hour), 4)) // own write
	cases := []struct {
		platform, room string
		before         time.Time
		orders, qty    int64
	}{
		{"p1", "r1", t0, 0, 0}, // before is exclusive
		{"p1", "r1", at(time.Microsecond), 1, 2},
		{"p1", "r1", at(2 * time.Hour), 2, 5},
		{"p1", "r1", at(3 * time.Hour), 3, 9}, // sees the transaction's own write
		{"p1", "r2", at(3 * time.Hour), 1, 5},
		{"p1", "none", at(3 * time.Hour), 0, 0},
		{"p2", "r1", at(3 * time.Hour), 1, 7},
	}
	for _, c := range cases {
		n, qty, err := tx.RoomOrders(f.ctx, c.platform, c.room, c.before)
		if err != nil || n != c.orders || qty != c.qty {
			f.t.Errorf("RoomOrders(%s, %s, %v) = %d, %d, %v; want %d, %d", c.platform, c.room, c.before, n, qty, err, c.orders, c.qty)
		}
	}
}

// concurrentAdds runs n goroutines that each store one event in a
// transaction of their own, all released at once, and returns how many were
// told the event was added.
func concurrentAdds(f *fixture, n int, mk func(i int) (qinglang.Event, string)) int {
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		mu    sync.Mutex
		added int
		errs  []error
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ev, origin := mk(i)
			<-start
			err := func() error {
				tx, err := f.s.Begin(f.ctx)
				if err != nil {
					return fmt.Errorf("Begin: %w", err)
				}
				defer tx.Rollback()
				ok, err := tx.AddEvent(f.ctx, &ev, origin)
				if err != nil {
					return fmt.Errorf("AddEvent: %w", err)
				}
				if err := tx.Commit(); err != nil {
					return fmt.Errorf("Commit: %w", err)
				}
				if ok {
					mu.Lock()
					added++
					mu.Unlock()
				}
				return nil
			}()
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		f.t.Errorf("concurrent writer: %v", err)
	}
	return added
}

func testConcurrentDuplicateByID(f *fixture) {
	const n = 8
	added := concurrentAdds(f, n, func(i int) (qinglang.Event, string) {
		return order("same", "r1", "p", at(time.Duration(i)*time.Second), 1, int64(100+i)), fmt.Sprintf("writer-%d", i)
	})
	if added != 1 {
		f.t.Errorf("%d concurrent writers of one (platform, id): %d told added, want exactly 1", n, added)
	}
	evs := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if len(evs) != 1 {
		f.t.Fatalf("Events after concurrent duplicates = %d events, want 1", len(evs))
	}
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	if err != nil || sum.Events[qinglang.Order] != 1 {
		f.t.Errorf("Room = %+v, %v; want one order", sum, err)
	}
	tx := f.begin()
	defer tx.Rollback()
	low, err := tx.LowestOrder(f.ctx, "p1", "p", at(-time.Hour), at(time.Hour))
	if err != nil || low == nil || low.AmountFen != evs[0].AmountFen {
		f.t.Errorf("LowestOrder = %+v, %v; want the one order stored (%d fen)", low, err, evs[0].AmountFen)
	}
}

func testConcurrentDuplicateByOrigin(f *fixture) {
	const n = 8
	added := concurrentAdds(f, n, func(i int) (qinglang.Event, string) {
		return comment("", "r1", at(time.Duration(i)*time.Second), fmt.Sprintf("u%d", i)), "stream:42"
	})
	if added != 1 {
		f.t.Errorf("%d concurrent writers of one origin: %d told added, want exactly 1", n, added)
	}
	if evs := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"}); len(evs) != 1 {
		f.t.Errorf("Events after concurrent duplicates = %d events, want 1", len(evs))
	}
}
