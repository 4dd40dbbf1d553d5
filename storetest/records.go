package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// record builds a record of the kind with the id, its body naming it, as
// the enforcement packages would; mutate sets the rest.
func record(kind qinglang.RecordKind, id string, mutate ...func(*qinglang.Record)) qinglang.Record {
	body, _ := json.Marshal(map[string]any{"id": id, "kind": kind})
	rec := qinglang.Record{Kind: kind, ID: id, Body: body}
	for _, m := range mutate {
		m(&rec)
	}
	return rec
}

// putRecords puts the records in one committed transaction, in order, and
// returns them as stored.
func (f *fixture) putRecords(recs ...qinglang.Record) []qinglang.Record {
	f.t.Helper()
	tx := f.begin()
	for i := range recs {
		if err := tx.PutRecord(f.ctx, &recs[i]); err != nil {
			f.t.Fatalf("PutRecord(%s/%s): %v", recs[i].Kind, recs[i].ID, err)
		}
	}
	f.commit(tx)
	return recs
}

// recordPage reads one page of records for a filter and returns their ids
// and the next cursor.
func (f *fixture) recordPage(flt qinglang.RecordFilter) (string, string) {
	f.t.Helper()
	page, err := f.s.Records(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("Records(%+v): %v", flt, err)
	}
	if page.Records == nil {
		f.t.Errorf("Records(%+v).Records is nil, want a list", flt)
	}
	ids := make([]string, len(page.Records))
	for i, r := range page.Records {
		if r.Kind != flt.Kind {
			f.t.Errorf("Records(%+v) holds %s/%s of another kind", flt, r.Kind, r.ID)
		}
		ids[i] = r.ID
	}
	return strings.Join(ids, " "), page.Next
}

// recordIDs lists every record of a filter, page by page, and the number
// of pages.
func (f *fixture) recordIDs(flt qinglang.RecordFilter) ([]string, int) {
	f.t.Helper()
	var all []string
	pages := 0
	for {
		ids, next := f.recordPage(flt)
		pages++
		if ids != "" {
			all = append(all, strings.Split(ids, " ")...)
		}
		if next == "" {
			return all, pages
		}
		if pages > 100 {
			f.t.Fatal("paging does not end")
		}
		flt.Cursor = next
	}
}

func testPutRecordAndRead(f *fixture) {
	body := json.RawMessage("{ \"z\": 1,\n\t\"a\" : [ 2 , 3 ],  \"名\": \"上海\" }")
	rec := record(qinglang.RecCase, "case_a", func(r *qinglang.Record) {
		r.Platform, r.CaseID, r.Subject, r.State = "p1", "case_a", "merchant:m1", "open"
		r.Due = at(3 * time.Hour).Add(1500 * time.Nanosecond) // +08:00, below a microsecond
		r.Scopes = []string{"room:r2", "region:310101", "room:r2"}
		r.Body = body
	})
	before := time.Now().Add(-time.Second)
	stored := f.putRecords(rec)[0]
	if stored.CreatedAt.Before(before) || stored.CreatedAt.After(time.Now().Add(time.Second)) ||
		!stored.UpdatedAt.Equal(stored.CreatedAt) {
		f.t.Errorf("PutRecord set CreatedAt %v, UpdatedAt %v; want both about now and equal", stored.CreatedAt, stored.UpdatedAt)
	}
	if !sameStrings(stored.Scopes, []string{"region:310101", "room:r2"}) {
		f.t.Errorf("PutRecord left scopes %q, want them sorted without repeats", stored.Scopes)
	}
	got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a")
	if err != nil {
		f.t.Fatalf("Record: %v", err)
	}
	wantDue := at(3 * time.Hour).Add(time.Microsecond)
	if got.Kind != qinglang.RecCase || got.ID != "case_a" || got.Platform != "p1" || got.CaseID != "case_a" ||
		got.Subject != "merchant:m1" || got.State != "open" || !got.Due.Equal(wantDue) ||
		!got.CreatedAt.Equal(stored.CreatedAt) || !got.UpdatedAt.Equal(stored.UpdatedAt) ||
		!sameStrings(got.Scopes, []string{"region:310101", "room:r2"}) {
		f.t.Errorf("Record = %+v, want the record put %+v (due %v)", got, stored, wantDue)
	}
	if !stored.Due.Equal(wantDue) {
		f.t.Errorf("PutRecord left Due %v, want it as stored %v", stored.Due, wantDue)
	}
	if got.Due.Location() != time.UTC || got.CreatedAt.Location() != time.UTC || got.UpdatedAt.Location() != time.UTC {
		f.t.Errorf("Record times %v, %v, %v; want them in UTC", got.Due, got.CreatedAt, got.UpdatedAt)
	}
	if string(got.Body) != string(body) {
		f.t.Errorf("Body = %q, want the body byte for byte %q", got.Body, body)
	}

	// The same id in another kind is another record.
	f.putRecords(record(qinglang.RecMeasure, "case_a"))
	f.putRecords(record(qinglang.RecCase, "case_b"))
	if got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a"); err != nil || string(got.Body) != string(body) {
		f.t.Errorf("Record(case case_a) after a measure case_a = %+v, %v; want the case unchanged", got, err)
	}
	if got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_b"); err != nil || len(got.Scopes) != 0 ||
		!got.Due.IsZero() || got.Platform != "" {
		f.t.Errorf("Record(case_b) = %+v, %v; want no scopes, no due, no platform", got, err)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase}); ids != "case_b case_a" {
		f.t.Errorf("Records(case) = %q, want case_b case_a", ids)
	}

	// Replaced: CreatedAt stays, UpdatedAt moves, the scopes are replaced,
	// the due time cleared, and the record comes first.
	time.Sleep(2 * time.Millisecond)
	replaced := f.putRecords(record(qinglang.RecCase, "case_a", func(r *qinglang.Record) {
		r.Platform, r.CaseID, r.Subject, r.State = "p1", "case_a", "merchant:m1", "closed"
		r.Scopes = []string{"region:310101"}
	}))[0]
	if !replaced.CreatedAt.Equal(stored.CreatedAt) || !replaced.UpdatedAt.After(stored.UpdatedAt) {
		f.t.Errorf("replacing PutRecord set CreatedAt %v, UpdatedAt %v; want CreatedAt %v kept and a later UpdatedAt",
			replaced.CreatedAt, replaced.UpdatedAt, stored.CreatedAt)
	}
	got, err = f.s.Record(f.ctx, qinglang.RecCase, "case_a")
	if err != nil || got.State != "closed" || !got.Due.IsZero() || !sameStrings(got.Scopes, []string{"region:310101"}) ||
		!got.CreatedAt.Equal(stored.CreatedAt) || !got.UpdatedAt.Equal(replaced.UpdatedAt) ||
		string(got.Body) != string(replaced.Body) {
		f.t.Errorf("Record after the replace = %+v, %v; want state closed, no due, scope region:310101, CreatedAt kept", got, err)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase}); ids != "case_a case_b" {
		f.t.Errorf("Records(case) after replacing case_a = %q, want case_a case_b (the put last first, once each)", ids)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase, Oldest: true}); ids != "case_a case_b" {
		f.t.Errorf("Records(case, oldest) after replacing case_a = %q, want case_a case_b (the order first put)", ids)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase, AnyScope: []string{"room:r2"}}); ids != "" {
		f.t.Errorf("Records(case, scope room:r2, which was replaced) = %q, want none", ids)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase, DueBefore: at(24 * time.Hour)}); ids != "" {
		f.t.Errorf("Records(case, due before, the due time cleared) = %q, want none", ids)
	}
}

func testRecordNotFound(f *fixture) {
	f.putRecords(record(qinglang.RecCase, "case_a"))
	_, err := f.s.Record(f.ctx, qinglang.RecCase, "case_nosuchcase")
	wantCode(f.t, "Record(unknown id)", err, qinglang.ENOTFOUND)
	_, err = f.s.Record(f.ctx, qinglang.RecMeasure, "case_a")
	wantCode(f.t, "Record(another kind's id)", err, qinglang.ENOTFOUND)
	tx := f.begin()
	_, err = tx.GetRecord(f.ctx, qinglang.RecCase, "case_nosuchcase")
	wantCode(f.t, "GetRecord(unknown id)", err, qinglang.ENOTFOUND)
	_ = tx.Rollback()
}

func testPutRecordRejectsBadInput(f *fixture) {
	tx := f.begin()
	wantCode(f.t, "PutRecord(nil)", tx.PutRecord(f.ctx, nil), qinglang.EINVALID)
	for name, mutate := range map[string]func(*qinglang.Record){
		"no kind":             func(r *qinglang.Record) { r.Kind = "" },
		"unknown kind":        func(r *qinglang.Record) { r.Kind = "verdict" },
		"no id":               func(r *qinglang.Record) { r.ID = "" },
		"body not JSON":       func(r *qinglang.Record) { r.Body = json.RawMessage(`{"id":`) },
		"no body":             func(r *qinglang.Record) { r.Body = nil },
		"two JSON values":     func(r *qinglang.Record) { r.Body = json.RawMessage(`{} {}`) },
		"body not UTF-8":      func(r *qinglang.Record) { r.Body = json.RawMessage("{\"a\":\"\xff\"}") },
		"empty scope":         func(r *qinglang.Record) { r.Scopes = []string{"room:r1", ""} },
		"id with NUL":         func(r *qinglang.Record) { r.ID = "case\x00a" },
		"platform not UTF-8":  func(r *qinglang.Record) { r.Platform = "p\xfe" },
		"scope with NUL":      func(r *qinglang.Record) { r.Scopes = []string{"room:\x00"} },
		"state with NUL byte": func(r *qinglang.Record) { r.State = "open\x00" },
	} {
		rec := record(qinglang.RecCase, "case_bad", mutate)
		wantCode(f.t, "PutRecord("+name+")", tx.PutRecord(f.ctx, &rec), qinglang.EINVALID)
	}
	_ = tx.Rollback()
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase}); ids != "" {
		f.t.Errorf("Records after rejected puts = %q, want none", ids)
	}
}

func testGetRecordOwnWrites(f *fixture) {
	stored := f.putRecords(record(qinglang.RecCase, "case_a", func(r *qinglang.Record) {
		r.State, r.Scopes = "open", []string{"region:310101"}
	}))[0]
	tx := f.begin()
	got, err := tx.GetRecord(f.ctx, qinglang.RecCase, "case_a")
	if err != nil || got.State != "open" || !got.CreatedAt.Equal(stored.CreatedAt) ||
		!sameStrings(got.Scopes, []string{"region:310101"}) || string(got.Body) != string(stored.Body) {
		f.t.Fatalf("GetRecord = %+v, %v; want the committed record %+v", got, err, stored)
	}
	got.State, got.Scopes = "assigned", []string{"region:310101", "region:320102"}
	got.Body = json.RawMessage(`{"id":"case_a","state":"assigned"}`)
	if err := tx.PutRecord(f.ctx, &got); err != nil {
		f.t.Fatalf("PutRecord in the transaction: %v", err)
	}
	again, err := tx.GetRecord(f.ctx, qinglang.RecCase, "case_a")
	if err != nil || again.State != "assigned" || !again.CreatedAt.Equal(stored.CreatedAt) ||
		!sameStrings(again.Scopes, []string{"region:310101", "region:320102"}) || string(again.Body) != string(got.Body) {
		f.t.Errorf("GetRecord after a put in the transaction = %+v, %v; want its own write", again, err)
	}
	fresh := record(qinglang.RecCase, "case_b")
	if err := tx.PutRecord(f.ctx, &fresh); err != nil {
		f.t.Fatalf("PutRecord(case_b): %v", err)
	}
	if got, err := tx.GetRecord(f.ctx, qinglang.RecCase, "case_b"); err != nil || got.ID != "case_b" {
		f.t.Errorf("GetRecord(case_b, put in the transaction) = %+v, %v; want it", got, err)
	}
	if err := tx.Rollback(); err != nil {
		f.t.Fatalf("Rollback: %v", err)
	}
	if got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a"); err != nil || got.State != "open" ||
		!sameStrings(got.Scopes, []string{"region:310101"}) {
		f.t.Errorf("Record after the rollback = %+v, %v; want the committed record", got, err)
	}
	_, err = f.s.Record(f.ctx, qinglang.RecCase, "case_b")
	wantCode(f.t, "Record(rolled back)", err, qinglang.ENOTFOUND)
}

// testGetRecordSerialisesWriters runs read-modify-writes of one record
// from several goroutines, each in a transaction of its own: GetRecord
// makes them wait for each other, so no increment is lost.
func testGetRecordSerialisesWriters(f *fixture) {
	f.putRecords(record(qinglang.RecDeduction, "ded_a", func(r *qinglang.Record) { r.Body = json.RawMessage(`{"n":0}`) }))
	const writers, each = 6, 5
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, writers*each)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range each {
				errs <- func() error {
					tx, err := f.s.Begin(f.ctx)
					if err != nil {
						return err
					}
					defer tx.Rollback()
					rec, err := tx.GetRecord(f.ctx, qinglang.RecDeduction, "ded_a")
					if err != nil {
						return fmt.Errorf("GetRecord: %w", err)
					}
					var v struct{ N int }
					if err := json.Unmarshal(rec.Body, &v); err != nil {
						return err
					}
					time.Sleep(time.Millisecond) // widen the window a lost update needs
					rec.Body = json.RawMessage(fmt.Sprintf(`{"n":%d}`, v.N+1))
					if err := tx.PutRecord(f.ctx, &rec); err != nil {
						return fmt.Errorf("PutRecord: %w", err)
					}
					return tx.Commit()
				}()
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			f.t.Errorf("read-modify-write: %v", err)
		}
	}
	got, err := f.s.Record(f.ctx, qinglang.RecDeduction, "ded_a")
	if err != nil || string(got.Body) != fmt.Sprintf(`{"n":%d}`, writers*each) {
		f.t.Errorf("Record after %d increments = %s, %v; want n %d (none lost)", writers*each, got.Body, err, writers*each)
	}
}

func testRecordsFilters(f *fixture) {
	cs := func(id, platform, subject, state string, due time.Time, scopes ...string) qinglang.Record {
		return record(qinglang.RecCase, id, func(r *qinglang.Record) {
			r.Platform, r.CaseID, r.Subject, r.State, r.Due, r.Scopes = platform, id, subject, state, due, scopes
		})
	}
	ms := func(id, caseID string) qinglang.Record {
		return record(qinglang.RecMeasure, id, func(r *qinglang.Record) {
			r.Platform, r.CaseID, r.State, r.Scopes = "p1", caseID, "open", []string{"region:310101"}
		})
	}
	f.putRecords(
		cs("c1", "p1", "merchant:m1", "open", at(time.Hour), "region:310101", "room:r1"),
		cs("c2", "p2", "merchant:m2", "closed", time.Time{}, "region:320102"),
		cs("c3", "p1", "merchant:m1", "escalated", at(5*time.Hour), "region:31", "room:r_1"),
		cs("c4", "p1", "merchant:m3", "open", time.Time{}, "Region:310000", "region:3", "x:\U0010FFFFy"),
		cs("c5", "p3", "host:h1", "open", at(-time.Hour).UTC(), "room:r10", "region:上海浦东"),
		ms("m1", "c1"), ms("m2", "c1"), ms("m3", "c2"),
	)
	cases := []struct {
		name string
		flt  qinglang.RecordFilter
		want string // most recently put first
	}{
		{"none", qinglang.RecordFilter{}, "c5 c4 c3 c2 c1"},
		{"platform", qinglang.RecordFilter{Platform: "p1"}, "c4 c3 c1"},
		{"case", qinglang.RecordFilter{CaseID: "c2"}, "c2"},
		{"subject", qinglang.RecordFilter{Subject: "merchant:m1"}, "c3 c1"},
		{"one state", qinglang.RecordFilter{States: []string{"closed"}}, "c2"},
		{"any of the states", qinglang.RecordFilter{States: []string{"open", "escalated"}}, "c5 c4 c3 c1"},
		{"due before, exclusive", qinglang.RecordFilter{DueBefore: at(time.Hour)}, "c5"},
		{"due before", qinglang.RecordFilter{DueBefore: at(6 * time.Hour)}, "c5 c3 c1"},
		{"scope prefix", qinglang.RecordFilter{ScopePrefix: "region:31"}, "c3 c1"},
		{"scope prefix, shorter", qinglang.RecordFilter{ScopePrefix: "region:3"}, "c4 c3 c2 c1"},
		{"scope prefix, case-sensitive", qinglang.RecordFilter{ScopePrefix: "Region:31"}, "c4"},
		{"scope prefix, _ is no wildcard", qinglang.RecordFilter{ScopePrefix: "room:r_"}, "c3"},
		{"scope prefix, % is no wildcard", qinglang.RecordFilter{ScopePrefix: "room:%"}, ""},
		{"scope prefix, exact and longer", qinglang.RecordFilter{ScopePrefix: "room:r1"}, "c5 c1"},
		{"scope prefix, Chinese", qinglang.RecordFilter{ScopePrefix: "region:上海"}, "c5"},
		{"scope prefix, the last code point", qinglang.RecordFilter{ScopePrefix: "x:\U0010FFFF"}, "c4"},
		{"any scope", qinglang.RecordFilter{AnyScope: []string{"room:r1", "region:320102"}}, "c2 c1"},
		{"any scope is exact", qinglang.RecordFilter{AnyScope: []string{"room:r", "region:31031"}}, ""},
		{"prefix or any scope", qinglang.RecordFilter{ScopePrefix: "region:32", AnyScope: []string{"room:r10"}}, "c5 c2"},
		{"scope and platform", qinglang.RecordFilter{ScopePrefix: "region:31", Platform: "p1", States: []string{"open"}}, "c1"},
		{"oldest", qinglang.RecordFilter{Oldest: true}, "c1 c2 c3 c4 c5"},
		{"oldest with a filter", qinglang.RecordFilter{Oldest: true, States: []string{"open"}, Platform: "p1"}, "c1 c4"},
		{"nothing matches", qinglang.RecordFilter{Subject: "nobody"}, ""},
	}
	for _, c := range cases {
		c.flt.Kind = qinglang.RecCase
		if got, _ := f.recordPage(c.flt); got != c.want {
			f.t.Errorf("Records(%s) = %q, want %q", c.name, got, c.want)
		}
	}
	if got, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecMeasure, CaseID: "c1"}); got != "m2 m1" {
		f.t.Errorf("Records(measures of case c1) = %q, want m2 m1", got)
	}
	if got, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecMeasure, ScopePrefix: "region:31"}); got != "m3 m2 m1" {
		f.t.Errorf("Records(measures, scope prefix) = %q, want m3 m2 m1 (the kind's records only)", got)
	}
	if got, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecNotice}); got != "" {
		f.t.Errorf("Records(notices) = %q, want none", got)
	}
	page, err := f.s.Records(f.ctx, qinglang.RecordFilter{Kind: qinglang.RecCase, ScopePrefix: "region:3"})
	if err != nil || len(page.Records) != 4 {
		f.t.Fatalf("Records(scope prefix region:3) = %+v, %v; want 4 records", page, err)
	}
	wantScopes := map[string][]string{
		"c1": {"region:310101", "room:r1"},
		"c2": {"region:320102"},
		"c3": {"region:31", "room:r_1"},
		"c4": {"Region:310000", "region:3", "x:\U0010FFFFy"},
	}
	for _, r := range page.Records {
		if !sameStrings(r.Scopes, wantScopes[r.ID]) {
			f.t.Errorf("Records: %s has scopes %q, want all of its scopes %q", r.ID, r.Scopes, wantScopes[r.ID])
		}
		if len(r.Body) == 0 || r.CreatedAt.IsZero() {
			f.t.Errorf("Records: %s = %+v, want its body and times", r.ID, r)
		}
	}
	_, err = f.s.Records(f.ctx, qinglang.RecordFilter{})
	wantCode(f.t, "Records(no kind)", err, qinglang.EINVALID)
	_, err = f.s.Records(f.ctx, qinglang.RecordFilter{Kind: "verdict"})
	wantCode(f.t, "Records(unknown kind)", err, qinglang.EINVALID)
}

func testRecordsPaging(f *fixture) {
	const n = 25
	recs := make([]qinglang.Record, n)
	for i := range recs {
		recs[i] = record(qinglang.RecDeduction, fmt.Sprintf("ded_%02d", i), func(r *qinglang.Record) {
			r.Platform, r.Scopes = "p1", []string{"region:310101"}
		})
	}
	for i := range recs { // one transaction each: put in this order
		f.putRecords(recs[i])
	}
	oldest := make([]string, n)
	newest := make([]string, n)
	for i := range recs {
		oldest[i], newest[n-1-i] = recs[i].ID, recs[i].ID
	}
	flt := qinglang.RecordFilter{Kind: qinglang.RecDeduction, ScopePrefix: "region:31", Limit: 10}
	if got, pages := f.recordIDs(flt); pages != 3 || !sameStrings(got, newest) {
		f.t.Errorf("paged ids = %v in %d pages\nwant %v in 3", got, pages, newest)
	}
	flt.Oldest = true
	if got, pages := f.recordIDs(flt); pages != 3 || !sameStrings(got, oldest) {
		f.t.Errorf("paged ids, oldest first = %v in %d pages\nwant %v in 3", got, pages, oldest)
	}
	if got, pages := f.recordIDs(qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: 5}); pages != 5 || !sameStrings(got, newest) {
		f.t.Errorf("paged ids by 5 = %v in %d pages, want %v in 5", got, pages, newest)
	}

	// Putting a record again brings it to the front; oldest first it stays.
	f.putRecords(record(qinglang.RecDeduction, "ded_03", func(r *qinglang.Record) { r.Platform = "p1" }))
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: 2}); ids != "ded_03 ded_24" {
		f.t.Errorf("after putting ded_03 again: %q, want it first", ids)
	}
	if got, _ := f.recordIDs(qinglang.RecordFilter{Kind: qinglang.RecDeduction, Oldest: true, Limit: 7}); !sameStrings(got, oldest) {
		f.t.Errorf("oldest first after putting ded_03 again = %v, want %v (the order first put)", got, oldest)
	}

	for _, limit := range []int{-1, 1001} {
		_, err := f.s.Records(f.ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: limit})
		wantCode(f.t, fmt.Sprintf("Records(limit %d)", limit), err, qinglang.EINVALID)
	}
	if _, err := f.s.Records(f.ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: 1000}); err != nil {
		f.t.Errorf("Records(limit 1000): %v", err)
	}
	_, newestNext := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: 1})
	_, oldestNext := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecDeduction, Limit: 1, Oldest: true})
	if newestNext == "" || oldestNext == "" {
		f.t.Fatalf("pages of 1 of %d records have no next page", n)
	}
	for _, c := range []struct {
		cursor string
		oldest bool
	}{
		{"!!!", false},
		{"bm90IGEgY3Vyc29y", false}, // "not a cursor"
		{encodeFindingCursorLike(), false},
		{"YzE6NQ", false}, // "c1:5", a campaigns cursor
		{oldestNext, false},
		{newestNext, true},
		{"!!!", true},
	} {
		_, err := f.s.Records(f.ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction, Cursor: c.cursor, Oldest: c.oldest})
		wantCode(f.t, fmt.Sprintf("Records(cursor %q, oldest %v)", c.cursor, c.oldest), err, qinglang.EINVALID)
	}
}

func testLinkFinding(f *fixture) {
	tx := f.begin()
	for _, l := range [][2]string{{"case_2", "fnd_a"}, {"case_1", "fnd_a"}, {"case_1", "fnd_b"}, {"case_2", "fnd_a"}} {
		if err := tx.LinkFinding(f.ctx, l[0], l[1]); err != nil {
			f.t.Fatalf("LinkFinding(%s, %s): %v", l[0], l[1], err)
		}
	}
	f.commit(tx)
	tx = f.begin()
	if err := tx.LinkFinding(f.ctx, "case_1", "fnd_a"); err != nil { // linked before, in another transaction
		f.t.Fatalf("LinkFinding again: %v", err)
	}
	wantCode(f.t, "LinkFinding(no case)", tx.LinkFinding(f.ctx, "", "fnd_a"), qinglang.EINVALID)
	wantCode(f.t, "LinkFinding(no finding)", tx.LinkFinding(f.ctx, "case_1", ""), qinglang.EINVALID)
	f.commit(tx)
	tx = f.begin()
	if err := tx.LinkFinding(f.ctx, "case_3", "fnd_a"); err != nil {
		f.t.Fatalf("LinkFinding(case_3): %v", err)
	}
	_ = tx.Rollback()
	for finding, want := range map[string][]string{
		"fnd_a": {"case_2", "case_1"}, // the first linked first
		"fnd_b": {"case_1"},
		"fnd_c": {},
	} {
		got, err := f.s.CasesOfFinding(f.ctx, finding)
		if err != nil || got == nil || !sameStrings(got, want) {
			f.t.Errorf("CasesOfFinding(%s) = %#v, %v; want %q", finding, got, err, want)
		}
	}
}

// genesis is the Prev of the first audit entry in these tests (package
// audit's Genesis).
var genesis = strings.Repeat("0", 64)

// sealed returns e as the entry after prev, with a hash over its fields as
// package audit would seal it (the store only keeps it).
func sealed(prev *qinglang.AuditEntry, e qinglang.AuditEntry) qinglang.AuditEntry {
	e.Seq, e.Prev = 1, genesis
	if prev != nil {
		e.Seq, e.Prev = prev.Seq+1, prev.Hash
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%d|%s|%s|%s|%s|%s|%s",
		e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Object, e.Data, e.Prev))
	e.Hash = hex.EncodeToString(sum[:])
	return e
}

// appendAudit appends e, sealed after the last entry, in tx, checks that
// build saw want as the last entry, and returns the entry stored.
func (f *fixture) appendAudit(tx qinglang.Tx, e qinglang.AuditEntry, want *qinglang.AuditEntry) qinglang.AuditEntry {
	f.t.Helper()
	got, err := tx.AppendAudit(f.ctx, func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error) {
		switch {
		case want == nil && prev != nil:
			f.t.Errorf("AppendAudit(%s): build saw %+v, want nil (the log is empty)", e.Action, prev)
		case want != nil && (prev == nil || !sameEntry(*prev, *want)):
			f.t.Errorf("AppendAudit(%s): build saw %+v, want the last entry %+v", e.Action, prev, want)
		}
		return sealed(prev, e), nil
	})
	if err != nil {
		f.t.Fatalf("AppendAudit(%s): %v", e.Action, err)
	}
	return got
}

// sameEntry reports whether a and b are the same entry, byte for byte.
func sameEntry(a, b qinglang.AuditEntry) bool {
	return a.Seq == b.Seq && a.At.Equal(b.At) && a.Actor == b.Actor && a.Action == b.Action &&
		a.Object == b.Object && string(a.Data) == string(b.Data) && a.Prev == b.Prev && a.Hash == b.Hash
}

// auditSeqs returns the seqs of entries.
func auditSeqs(entries []qinglang.AuditEntry) []int64 {
	out := make([]int64, len(entries))
	for i, e := range entries {
		out[i] = e.Seq
	}
	return out
}

func testAppendAuditChain(f *fixture) {
	odd := json.RawMessage("{ \"z\": 1,\n\t\"a\" : [ 2 , 3 ],\"m\":{\"y\":null,\"b\":\"上海\"}  }")
	tx := f.begin()
	e1 := f.appendAudit(tx, qinglang.AuditEntry{At: at(time.Minute).Add(7 * time.Microsecond), Actor: "alice",
		Action: "case.open", Object: "case:c1", Data: odd}, nil)
	f.commit(tx)
	if e1.Seq != 1 || e1.Prev != genesis || e1.At.Location() != time.UTC || !e1.At.Equal(at(time.Minute).Add(7*time.Microsecond)) {
		f.t.Errorf("first entry = %+v, want seq 1 after the genesis, At in UTC", e1)
	}

	tx = f.begin()
	e2 := f.appendAudit(tx, qinglang.AuditEntry{At: at(2 * time.Minute), Actor: "bob", Action: "case.note",
		Object: "case:c2"}, &e1) // no data
	e3 := f.appendAudit(tx, qinglang.AuditEntry{At: at(3 * time.Minute), Actor: "alice", Action: "case.close",
		Object: "case:c1", Data: json.RawMessage(`null`)}, &e2) // the transaction's own entry
	f.commit(tx)

	tx = f.begin()
	f.appendAudit(tx, qinglang.AuditEntry{At: at(4 * time.Minute), Actor: "eve", Action: "case.reopen", Object: "case:c1"}, &e3)
	if err := tx.Rollback(); err != nil {
		f.t.Fatalf("Rollback: %v", err)
	}
	tx = f.begin()
	e4 := f.appendAudit(tx, qinglang.AuditEntry{At: at(5 * time.Minute), Actor: "system", Action: "token.issue",
		Data: json.RawMessage(`[1,"two",{"3":4}]`)}, &e3) // the rolled back entry is gone
	f.commit(tx)
	if e4.Seq != 4 {
		f.t.Errorf("entry after a rolled back one has seq %d, want 4", e4.Seq)
	}

	all, err := f.s.AuditEntries(f.ctx, "", 0, 0)
	if err != nil {
		f.t.Fatalf("AuditEntries: %v", err)
	}
	want := []qinglang.AuditEntry{e1, e2, e3, e4}
	if len(all) != len(want) {
		f.t.Fatalf("AuditEntries = seqs %v, want 1 2 3 4", auditSeqs(all))
	}
	for i := range want {
		if !sameEntry(all[i], want[i]) {
			f.t.Errorf("AuditEntries[%d] = %+v\nwant %+v", i, all[i], want[i])
		}
		if all[i].At.Location() != time.UTC {
			f.t.Errorf("AuditEntries[%d].At = %v, want UTC", i, all[i].At)
		}
		if i > 0 && all[i].Prev != all[i-1].Hash {
			f.t.Errorf("AuditEntries[%d].Prev = %s, want the hash before it %s", i, all[i].Prev, all[i-1].Hash)
		}
	}
	if string(all[0].Data) != string(odd) {
		f.t.Errorf("Data = %q, want it byte for byte %q", all[0].Data, odd)
	}
	if len(all[1].Data) != 0 || string(all[2].Data) != "null" {
		f.t.Errorf("Data of entries 2 and 3 = %q, %q; want none and null", all[1].Data, all[2].Data)
	}
	for _, c := range []struct {
		object string
		after  int64
		limit  int
		want   []int64
	}{
		{"case:c1", 0, 0, []int64{1, 3}},
		{"case:c1", 1, 0, []int64{3}},
		{"case:c2", 0, 10000, []int64{2}},
		{"case:c9", 0, 0, []int64{}},
		{"", 1, 2, []int64{2, 3}},
		{"", 3, 0, []int64{4}},
		{"", 4, 0, []int64{}},
	} {
		got, err := f.s.AuditEntries(f.ctx, c.object, c.after, c.limit)
		if err != nil || got == nil || fmt.Sprint(auditSeqs(got)) != fmt.Sprint(c.want) {
			f.t.Errorf("AuditEntries(%q, after %d, limit %d) = seqs %v, %v; want %v", c.object, c.after, c.limit, auditSeqs(got), err, c.want)
		}
	}
	for _, limit := range []int{-1, 10001} {
		_, err := f.s.AuditEntries(f.ctx, "", 0, limit)
		wantCode(f.t, fmt.Sprintf("AuditEntries(limit %d)", limit), err, qinglang.EINVALID)
	}
}

func testAppendAuditRejects(f *fixture) {
	entry := qinglang.AuditEntry{At: at(time.Minute), Actor: "alice", Action: "case.open", Object: "case:c1"}
	try := func(name string, build func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error), code qinglang.ErrorCode) {
		f.t.Helper()
		tx := f.begin()
		_, err := tx.AppendAudit(f.ctx, build)
		wantCode(f.t, "AppendAudit("+name+")", err, code)
		_ = tx.Rollback()
	}
	withSeq := func(seq int64) func(*qinglang.AuditEntry) (qinglang.AuditEntry, error) {
		return func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error) {
			e := sealed(prev, entry)
			e.Seq = seq
			return e, nil
		}
	}
	try("seq 2 first", withSeq(2), qinglang.EINVALID)
	try("seq 0 first", withSeq(0), qinglang.EINVALID)
	try("nil build", nil, qinglang.EINVALID)

	tx := f.begin()
	first := f.appendAudit(tx, entry, nil)
	f.commit(tx)
	try("seq repeated", withSeq(1), qinglang.EINVALID)
	try("seq skipped", withSeq(3), qinglang.EINVALID)
	try("build fails", func(*qinglang.AuditEntry) (qinglang.AuditEntry, error) {
		return qinglang.AuditEntry{}, qinglang.Errorf(qinglang.ECONFLICT, "测试", "test")
	}, qinglang.ECONFLICT)
	for name, mutate := range map[string]func(*qinglang.AuditEntry){
		"no time":            func(e *qinglang.AuditEntry) { e.At = time.Time{} },
		"below microseconds": func(e *qinglang.AuditEntry) { e.At = e.At.Add(time.Nanosecond) },
		"data not JSON":      func(e *qinglang.AuditEntry) { e.Data = json.RawMessage(`{"a":`) },
		"actor with NUL":     func(e *qinglang.AuditEntry) { e.Actor = "a\x00" },
		"object not UTF-8":   func(e *qinglang.AuditEntry) { e.Object = "case:\xff" },
	} {
		try(name, func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error) {
			e := sealed(prev, entry)
			mutate(&e)
			return e, nil
		}, qinglang.EINVALID)
	}
	all, err := f.s.AuditEntries(f.ctx, "", 0, 0)
	if err != nil || len(all) != 1 || !sameEntry(all[0], first) {
		f.t.Errorf("AuditEntries after refused appends = %+v, %v; want the one entry appended", all, err)
	}
}

// testConcurrentAppendAudit appends from several goroutines at once, each
// entry in a transaction of its own: the log's seq has no gap and every
// build saw the entry its entry follows.
func testConcurrentAppendAudit(f *fixture) {
	const writers, each = 8, 4
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		mu    sync.Mutex
		saw   = map[int64]string{} // seq built → the prev hash its build saw
		errs  []error
	)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for k := range each {
				err := func() error {
					tx, err := f.s.Begin(f.ctx)
					if err != nil {
						return fmt.Errorf("Begin: %w", err)
					}
					defer tx.Rollback()
					e := qinglang.AuditEntry{At: at(time.Duration(w*each+k) * time.Second), Actor: fmt.Sprintf("writer-%d", w),
						Action: "test.append", Object: fmt.Sprintf("writer:%d", w), Data: json.RawMessage(fmt.Sprintf(`{"k": %d}`, k))}
					_, err = tx.AppendAudit(f.ctx, func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error) {
						sealedE := sealed(prev, e)
						mu.Lock()
						saw[sealedE.Seq] = sealedE.Prev
						mu.Unlock()
						return sealedE, nil
					})
					if err != nil {
						return fmt.Errorf("AppendAudit: %w", err)
					}
					return tx.Commit()
				}()
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		f.t.Errorf("concurrent append: %v", err)
	}
	all, err := f.s.AuditEntries(f.ctx, "", 0, 0)
	if err != nil {
		f.t.Fatalf("AuditEntries: %v", err)
	}
	if len(all) != writers*each {
		f.t.Fatalf("AuditEntries after %d concurrent appends = %d entries", writers*each, len(all))
	}
	for i, e := range all {
		wantPrev := genesis
		if i > 0 {
			wantPrev = all[i-1].Hash
		}
		if e.Seq != int64(i+1) || e.Prev != wantPrev || saw[e.Seq] != wantPrev {
			f.t.Errorf("entry %d = seq %d prev %s, its build saw prev %s; want seq %d after %s",
				i, e.Seq, e.Prev, saw[e.Seq], i+1, wantPrev)
		}
	}
	for w := range writers {
		if got, err := f.s.AuditEntries(f.ctx, fmt.Sprintf("writer:%d", w), 0, 0); err != nil || len(got) != each {
			f.t.Errorf("AuditEntries(writer:%d) = %d entries, %v; want %d", w, len(got), err, each)
		}
	}
}
