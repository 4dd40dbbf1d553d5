package storetest

import (
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
)

// testComparedListings checks the window (from exclusive, to inclusive,
// across offsets), that only listings with an original price come back,
// oldest first and as sent, and the platform and product.
func testComparedListings(f *fixture) {
	west := time.FixedZone("", -5*3600)
	noOriginal := listing("n1", "r1", "p", at(30*time.Minute), 4990)
	noOriginal.OriginalPriceFen = nil
	otherPlatform := listing("x2", "r1", "p", at(30*time.Minute), 1)
	otherPlatform.Platform = "p2"
	f.add(
		listing("l3", "r1", "p", at(2*time.Hour).In(west), 3990), // at to: included
		listing("l0", "r1", "p", t0, 5990),                       // at from: excluded
		noOriginal,
		listing("l1", "", "p", at(time.Minute).UTC(), 5590),
		listing("l4", "r1", "p", at(2*time.Hour+time.Microsecond), 3890), // after to
		listing("l2", "r2", "p", at(time.Hour), 4590),
		listing("x1", "r1", "other", at(time.Hour), 100),
		otherPlatform,
		order("o1", "r1", "p", at(time.Hour), 1, 100),
	)
	tx := f.begin()
	defer tx.Rollback()
	got, err := tx.ComparedListings(f.ctx, "p1", "p", t0, at(2*time.Hour), 0)
	if err != nil {
		f.t.Fatalf("ComparedListings: %v", err)
	}
	if want := []string{"l1", "l2", "l3"}; !sameStrings(ids(got), want) {
		f.t.Fatalf("ComparedListings ids = %v, want %v (from exclusive, to inclusive, original price only, oldest first)", ids(got), want)
	}
	if _, off := got[2].TS.Zone(); off != -5*3600 || got[2].OriginalPriceFen == nil || *got[2].OriginalPriceFen != 19900 || got[2].PriceFen != 3990 {
		f.t.Errorf("ComparedListings[2] = %+v, want l3 as sent (offset -05:00, original price 19900)", got[2])
	}
	cases := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"from just before the first", t0.Add(-time.Microsecond), at(time.Minute), []string{"l0", "l1"}},
		{"to just before a listing", t0, at(time.Hour - time.Microsecond), []string{"l1"}},
		{"across offsets", at(time.Minute).In(west), at(2 * time.Hour).UTC(), []string{"l2", "l3"}},
		{"empty window", at(3 * time.Hour), at(4 * time.Hour), []string{}},
	}
	for _, c := range cases {
		got, err := tx.ComparedListings(f.ctx, "p1", "p", c.from, c.to, 10)
		if err != nil || !sameStrings(ids(got), c.want) {
			f.t.Errorf("ComparedListings(%s) = %v, %v; want %v", c.name, ids(got), err, c.want)
		}
	}
	if got, err := tx.ComparedListings(f.ctx, "p2", "p", t0, at(time.Hour), 10); err != nil || !sameStrings(ids(got), []string{"x2"}) {
		f.t.Errorf("ComparedListings(p2) = %v, %v; want [x2]", ids(got), err)
	}
	if got, err := tx.ComparedListings(f.ctx, "p1", "none", t0, at(time.Hour), 10); err != nil || got == nil || len(got) != 0 {
		f.t.Errorf("ComparedListings(unknown product) = %v, %v; want an empty list", got, err)
	}
}

// testComparedListingsOwnWritesAndLimit checks that the writing
// transaction sees its own listings, and the limit (<= 0 means 100).
func testComparedListingsOwnWritesAndLimit(f *fixture) {
	const n = 130
	evs := make([]qinglang.Event, n)
	origins := make([]string, n)
	for i := range n {
		evs[i], origins[i] = listing(fmt.Sprintf("l%03d", i), "r1", "p", at(time.Duration(n-i)*time.Minute), int64(1000+i)), fmt.Sprintf("lim:%d", i)
	}
	tx := f.begin()
	f.addBatch(tx, evs, origins)
	got, err := tx.ComparedListings(f.ctx, "p1", "p", t0, at(24*time.Hour), 3)
	if err != nil {
		f.t.Fatalf("ComparedListings in the writing transaction: %v", err)
	}
	if want := []string{"l129", "l128", "l127"}; !sameStrings(ids(got), want) {
		f.t.Errorf("ComparedListings(limit 3) in the writing transaction = %v, want %v (oldest first)", ids(got), want)
	}
	for _, limit := range []int{0, -1} {
		got, err := tx.ComparedListings(f.ctx, "p1", "p", t0, at(24*time.Hour), limit)
		if err != nil || len(got) != 100 || got[0].ID != "l129" || got[99].ID != "l030" {
			f.t.Errorf("ComparedListings(limit %d) = %d listings, %v; want the 100 oldest", limit, len(got), err)
		}
	}
	f.commit(tx)
	tx = f.begin()
	defer tx.Rollback()
	if got, err := tx.ComparedListings(f.ctx, "p1", "p", t0, at(24*time.Hour), 1000); err != nil || len(got) != n {
		f.t.Errorf("ComparedListings after commit = %d listings, %v; want %d", len(got), err, n)
	}
}
