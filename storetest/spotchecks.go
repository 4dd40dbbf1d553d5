package storetest

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// sample builds a spot-check record of product on platform tested at
// tested, its body naming it as package spotcheck's Stored would.
func sample(id, product, platform string, pass bool, tested time.Time) qinglang.SpotCheckRecord {
	body, _ := json.Marshal(map[string]any{"result": map[string]any{
		"product": product, "batch": "B1", "platform": platform, "pass": pass, "tested_at": tested}})
	return qinglang.SpotCheckRecord{
		ID: id, Product: product, Batch: "B1", Platform: platform, Pass: pass, TestedAt: tested, Body: body,
	}
}

// addSpotChecks adds the records in one committed transaction and returns
// them as stored and whether each was added.
func (f *fixture) addSpotChecks(recs ...qinglang.SpotCheckRecord) ([]qinglang.SpotCheckRecord, []bool) {
	f.t.Helper()
	tx := f.begin()
	added := make([]bool, len(recs))
	for i := range recs {
		a, err := tx.AddSpotCheck(f.ctx, &recs[i])
		if err != nil {
			f.t.Fatalf("AddSpotCheck(%s): %v", recs[i].ID, err)
		}
		added[i] = a
	}
	f.commit(tx)
	return recs, added
}

// spotCheckPage reads one page of spot checks for a filter and returns
// their ids and the next cursor.
func (f *fixture) spotCheckPage(flt qinglang.SpotCheckFilter) (string, string) {
	f.t.Helper()
	page, err := f.s.SpotChecks(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("SpotChecks(%+v): %v", flt, err)
	}
	if page.SpotChecks == nil {
		f.t.Errorf("SpotChecks(%+v).SpotChecks is nil, want a list", flt)
	}
	ids := make([]string, len(page.SpotChecks))
	for i, r := range page.SpotChecks {
		ids[i] = r.ID
	}
	return strings.Join(ids, " "), page.Next
}

func testAddSpotCheckAndRead(f *fixture) {
	rec := sample("sc_a", "p", "p1", false, at(time.Hour))
	rec.Body = json.RawMessage("{\n  \"result\": {\"product\": \"p\"}\n}")
	stored, added := f.addSpotChecks(rec)
	if !added[0] || stored[0].RecordedAt.IsZero() {
		f.t.Fatalf("AddSpotCheck(new) = %v, recorded at %v; want true and a time", added[0], stored[0].RecordedAt)
	}
	got, err := f.s.SpotCheck(f.ctx, "sc_a")
	if err != nil {
		f.t.Fatalf("SpotCheck: %v", err)
	}
	if got.ID != "sc_a" || got.Product != "p" || got.Batch != "B1" || got.Platform != "p1" || got.Pass ||
		!got.TestedAt.Equal(at(time.Hour)) || !got.RecordedAt.Equal(stored[0].RecordedAt) {
		f.t.Errorf("SpotCheck = %+v, want the record added %+v", got, stored[0])
	}
	if got.TestedAt.Location() != time.UTC || got.RecordedAt.Location() != time.UTC {
		f.t.Errorf("SpotCheck times = %v, %v; want them in UTC", got.TestedAt, got.RecordedAt)
	}
	if string(got.Body) != string(rec.Body) {
		f.t.Errorf("Body = %s, want the body as given %s", got.Body, rec.Body)
	}

	// Recorded again, later and with another body: nothing changes.
	time.Sleep(2 * time.Millisecond)
	again := sample("sc_a", "p", "p1", true, at(time.Hour))
	againStored, added := f.addSpotChecks(again)
	if added[0] {
		f.t.Error("AddSpotCheck of a stored id = true, want false")
	}
	if !againStored[0].RecordedAt.Equal(stored[0].RecordedAt) {
		f.t.Errorf("AddSpotCheck of a stored id set RecordedAt %v, want the stored %v", againStored[0].RecordedAt, stored[0].RecordedAt)
	}
	after, err := f.s.SpotCheck(f.ctx, "sc_a")
	if err != nil || after.Pass || string(after.Body) != string(rec.Body) || !after.RecordedAt.Equal(got.RecordedAt) {
		f.t.Errorf("SpotCheck after a repeated add = %+v, %v; want the first record unchanged", after, err)
	}
	if ids, _ := f.spotCheckPage(qinglang.SpotCheckFilter{}); ids != "sc_a" {
		f.t.Errorf("SpotChecks = %q, want one record", ids)
	}

	// No platform: the default one.
	noPlatform := sample("sc_b", "p", "", true, at(2*time.Hour))
	stored, _ = f.addSpotChecks(noPlatform)
	if stored[0].Platform != qinglang.DefaultPlatform {
		f.t.Errorf("AddSpotCheck left platform %q, want %q", stored[0].Platform, qinglang.DefaultPlatform)
	}
	if got, err := f.s.SpotCheck(f.ctx, "sc_b"); err != nil || got.Platform != qinglang.DefaultPlatform || !got.Pass {
		f.t.Errorf("SpotCheck(no platform) = %+v, %v; want platform %q, passed", got, err, qinglang.DefaultPlatform)
	}
}

func testSpotCheckNotFound(f *fixture) {
	_, err := f.s.SpotCheck(f.ctx, "sc_nosuchresult")
	wantCode(f.t, "SpotCheck(unknown)", err, qinglang.ENOTFOUND)
}

func testAddSpotCheckRejectsBadInput(f *fixture) {
	tx := f.begin()
	_, err := tx.AddSpotCheck(f.ctx, nil)
	wantCode(f.t, "AddSpotCheck(nil)", err, qinglang.EINVALID)
	for name, mutate := range map[string]func(*qinglang.SpotCheckRecord){
		"no id":          func(r *qinglang.SpotCheckRecord) { r.ID = "" },
		"no product":     func(r *qinglang.SpotCheckRecord) { r.Product = "" },
		"no tested_at":   func(r *qinglang.SpotCheckRecord) { r.TestedAt = time.Time{} },
		"body not JSON":  func(r *qinglang.SpotCheckRecord) { r.Body = json.RawMessage(`{"result":`) },
		"no body":        func(r *qinglang.SpotCheckRecord) { r.Body = nil },
		"empty body":     func(r *qinglang.SpotCheckRecord) { r.Body = json.RawMessage{} },
		"blank body":     func(r *qinglang.SpotCheckRecord) { r.Body = json.RawMessage("  ") },
		"body two texts": func(r *qinglang.SpotCheckRecord) { r.Body = json.RawMessage(`{} {}`) },
	} {
		rec := sample("sc_bad", "p", "p1", false, t0)
		mutate(&rec)
		_, err := tx.AddSpotCheck(f.ctx, &rec)
		wantCode(f.t, "AddSpotCheck("+name+")", err, qinglang.EINVALID)
	}
	_ = tx.Rollback()
	if ids, _ := f.spotCheckPage(qinglang.SpotCheckFilter{}); ids != "" {
		f.t.Errorf("SpotChecks after rejected adds = %q, want none", ids)
	}
}

func testLatestSpotCheck(f *fixture) {
	f.addSpotChecks(
		sample("sc_1", "p", "p1", true, t0),
		sample("sc_3", "p", "p2", false, at(2*time.Hour).UTC()), // another platform counts
		sample("sc_2", "p", "p1", true, at(time.Hour)),          // recorded later, tested earlier
		sample("sc_x", "other", "p1", false, at(90*time.Minute)),
	)
	tx := f.begin()
	cases := []struct {
		at   time.Time
		want string // "" for none
	}{
		{at(-time.Second), ""},
		{t0, "sc_1"}, // at is inclusive
		{at(time.Hour - time.Microsecond), "sc_1"},
		{at(time.Hour), "sc_2"},
		{at(90 * time.Minute), "sc_2"}, // not the other product's
		{at(2 * time.Hour).In(time.FixedZone("", -5*3600)), "sc_3"},
		{at(10 * time.Hour), "sc_3"},
	}
	for _, c := range cases {
		got, err := tx.LatestSpotCheck(f.ctx, "p", c.at)
		switch {
		case err != nil:
			f.t.Errorf("LatestSpotCheck(%v): %v", c.at, err)
		case c.want == "" && got != nil:
			f.t.Errorf("LatestSpotCheck(%v) = %+v, want nil", c.at, got)
		case c.want != "" && (got == nil || got.ID != c.want):
			f.t.Errorf("LatestSpotCheck(%v) = %+v, want %s", c.at, got, c.want)
		}
	}
	got, err := tx.LatestSpotCheck(f.ctx, "p", at(10*time.Hour))
	if err == nil && got != nil && (got.Platform != "p2" || got.Pass || !got.TestedAt.Equal(at(2*time.Hour)) ||
		got.RecordedAt.IsZero() || len(got.Body) == 0) {
		f.t.Errorf("LatestSpotCheck = %+v, want sc_3 whole", got)
	}
	if got, err := tx.LatestSpotCheck(f.ctx, "none", at(10*time.Hour)); err != nil || got != nil {
		f.t.Errorf("LatestSpotCheck(unknown product) = %+v, %v; want nil", got, err)
	}

	// The transaction's own write, not committed, is seen by it.
	own := sample("sc_4", "p", "p3", false, at(3*time.Hour))
	if added, err := tx.AddSpotCheck(f.ctx, &own); err != nil || !added {
		f.t.Fatalf("AddSpotCheck(sc_4) = %v, %v; want true", added, err)
	}
	if got, err := tx.LatestSpotCheck(f.ctx, "p", at(3*time.Hour)); err != nil || got == nil || got.ID != "sc_4" {
		f.t.Errorf("LatestSpotCheck in the writing transaction = %+v, %v; want sc_4", got, err)
	}
	if err := tx.Rollback(); err != nil {
		f.t.Fatalf("Rollback: %v", err)
	}
	tx2 := f.begin()
	if got, err := tx2.LatestSpotCheck(f.ctx, "p", at(3*time.Hour)); err != nil || got == nil || got.ID != "sc_3" {
		f.t.Errorf("LatestSpotCheck after the rollback = %+v, %v; want sc_3", got, err)
	}
	_ = tx2.Rollback()
	if _, err := f.s.SpotCheck(f.ctx, "sc_4"); qinglang.Code(err) != qinglang.ENOTFOUND {
		f.t.Errorf("SpotCheck(rolled back) error %v, want ENOTFOUND", err)
	}
}

func testProductListings(f *fixture) {
	onP2 := listing("b1", "r9", "p", at(30*time.Minute).UTC(), 4990)
	onP2.Platform = "p2"
	sameTS := listing("b2", "", "p", at(time.Hour), 3990)
	sameTS.Platform = "p2"
	f.add(
		listing("a2", "r1", "p", at(time.Hour), 5990),
		onP2,
		listing("a1", "r1", "p", t0, 5990),
		listing("x1", "r1", "other", at(10*time.Minute), 100),
	)
	f.add(sameTS) // stored after a2, at the same ts
	got, err := f.s.ProductListings(f.ctx, "p")
	if err != nil {
		f.t.Fatalf("ProductListings: %v", err)
	}
	if !sameStrings(ids(got), []string{"a1", "b1", "a2", "b2"}) {
		f.t.Fatalf("ProductListings ids = %v, want [a1 b1 a2 b2] (oldest first, then as stored)", ids(got))
	}
	if got[1].Platform != "p2" || got[1].Room != "r9" || got[1].PriceFen != 4990 || got[1].Merchant != "m1" {
		f.t.Errorf("ProductListings[1] = %+v, want the p2 listing as sent", got[1])
	}
	if _, off := got[0].TS.Zone(); off != 8*3600 {
		f.t.Errorf("ProductListings[0] ts offset = %d, want 28800 (as sent)", off)
	}
	if none, err := f.s.ProductListings(f.ctx, "none"); err != nil || none == nil || len(none) != 0 {
		f.t.Errorf("ProductListings(unknown product) = %v, %v; want an empty list", none, err)
	}
}

func testSpotChecksFiltersAndPaging(f *fixture) {
	const n = 25
	recs := make([]qinglang.SpotCheckRecord, n)
	for i := range recs {
		product, platform := "p", "p1"
		if i%5 == 0 {
			product = "q"
		}
		if i%3 == 0 {
			platform = "p2"
		}
		recs[i] = sample(fmt.Sprintf("sc_%02d", i), product, platform, i%2 == 0, at(time.Duration(n-i)*time.Minute))
	}
	for i := range recs { // one transaction each: recorded in this order
		f.addSpotChecks(recs[i])
	}
	matches := func(flt qinglang.SpotCheckFilter) []string {
		var want []string
		for i := n - 1; i >= 0; i-- { // the most recently recorded first
			r := recs[i]
			if (flt.Product == "" || r.Product == flt.Product) && (flt.Platform == "" || r.Platform == flt.Platform) &&
				(!flt.FailedOnly || !r.Pass) {
				want = append(want, r.ID)
			}
		}
		return want
	}
	for name, flt := range map[string]qinglang.SpotCheckFilter{
		"none":                    {},
		"product":                 {Product: "p"},
		"platform":                {Platform: "p2"},
		"failed only":             {FailedOnly: true},
		"failed product platform": {FailedOnly: true, Product: "p", Platform: "p1"},
		"nothing matches":         {Product: "none"},
	} {
		want := matches(flt)
		var got []string
		cursor, pages := "", 0
		for {
			flt.Cursor, flt.Limit = cursor, 4
			ids, next := f.spotCheckPage(flt)
			pages++
			if ids != "" {
				got = append(got, strings.Fields(ids)...)
			}
			if next == "" {
				break
			}
			if pages > n {
				f.t.Fatalf("SpotChecks(%s): paging does not end", name)
			}
			cursor = next
		}
		wantPages := max(1, (len(want)+3)/4)
		if !sameStrings(got, want) || pages != wantPages {
			f.t.Errorf("SpotChecks(%s) = %v in %d pages\nwant %v in %d", name, got, pages, want, wantPages)
		}
	}
	if ids, next := f.spotCheckPage(qinglang.SpotCheckFilter{}); len(strings.Fields(ids)) != n || next != "" {
		f.t.Errorf("SpotChecks(default limit) = %d records, next %q; want all %d and no next", len(strings.Fields(ids)), next, n)
	}
	// A repeated add does not move a record to the front.
	f.addSpotChecks(recs[3])
	if ids, _ := f.spotCheckPage(qinglang.SpotCheckFilter{Limit: 2}); ids != "sc_24 sc_23" {
		f.t.Errorf("after adding sc_03 again: %q, want sc_24 sc_23", ids)
	}
}

func testSpotChecksValidation(f *fixture) {
	for _, limit := range []int{-1, 1001} {
		_, err := f.s.SpotChecks(f.ctx, qinglang.SpotCheckFilter{Limit: limit})
		wantCode(f.t, fmt.Sprintf("SpotChecks(limit %d)", limit), err, qinglang.EINVALID)
	}
	for _, c := range []string{"!!!", "bm90IGEgY3Vyc29y", encodeFindingCursorLike(), "YzE6NQ" /* a campaigns cursor, "c1:5" */} {
		_, err := f.s.SpotChecks(f.ctx, qinglang.SpotCheckFilter{Cursor: c})
		wantCode(f.t, fmt.Sprintf("SpotChecks(cursor %q)", c), err, qinglang.EINVALID)
	}
	if _, err := f.s.SpotChecks(f.ctx, qinglang.SpotCheckFilter{Limit: 1000}); err != nil {
		f.t.Errorf("SpotChecks(limit 1000): %v", err)
	}
}
