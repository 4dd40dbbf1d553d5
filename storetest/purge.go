package storetest

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
)

// purge runs PurgeEvidence and checks what it reports deleting.
func (f *fixture) purge(before time.Time, keep []qinglang.RoomKey, wantEvents, wantFindings int64) {
	f.t.Helper()
	events, findings, err := f.s.PurgeEvidence(f.ctx, before, keep)
	if err != nil {
		f.t.Fatalf("PurgeEvidence(%v, keep %v): %v", before, keep, err)
	}
	if events != wantEvents || findings != wantFindings {
		f.t.Errorf("PurgeEvidence(%v, keep %v) deleted %d events and %d findings, want %d and %d",
			before, keep, events, findings, wantEvents, wantFindings)
	}
}

// room reads the summary of a broadcast of p1 or fails the test.
func (f *fixture) room(room string) qinglang.RoomSummary {
	f.t.Helper()
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: room})
	if err != nil {
		f.t.Fatalf("Room(%s): %v", room, err)
	}
	return sum
}

// allFindings lists the ids of every finding, newest first.
func (f *fixture) allFindings() []string {
	f.t.Helper()
	return f.findingIDs(qinglang.FindingFilter{Limit: 1000})
}

// testPurgeEvidence purges the evidence before a cut: old events with
// their orders, listings and accounts rows and old findings go, recent
// ones and those of the rooms kept stay, and everything that is not
// evidence is left alone.
func testPurgeEvidence(f *fixture) {
	cut := at(24 * time.Hour)
	f.purge(cut, nil, 0, 0) // an empty store

	held := comment("d1", "rd", at(time.Hour), "u9")
	held.Platform = "" // the default platform, kept by a key naming none
	lastU2 := account("a3", "u2", at(48*time.Hour), 30)
	f.add(
		// Old, of room r1: purged.
		roomStart("e1", "r1", t0, "h1"), comment("e2", "r1", at(time.Minute), "u1"),
		order("e3", "r1", "pa", at(2*time.Minute), 1, 100), // the cheapest order of pa
		listing("e4", "r1", "pa", at(3*time.Minute), 5990), roomEnd("e5", "r1", at(time.Hour)),
		// Old, of the kept room r2 (and rd, on the default platform).
		roomStart("k1", "r2", t0, "h2"), comment("k2", "r2", at(time.Minute), "u1"),
		order("k3", "r2", "pa", at(10*time.Minute), 1, 500), listing("k4", "r2", "pa", at(11*time.Minute), 4990),
		held,
		// Old, without a room: purged by their ts.
		account("a1", "u1", at(time.Hour), 10), listing("l1", "", "pb", at(2*time.Hour), 2990),
		account("a2", "u2", at(time.Hour), 20), account("a4", "u3", at(time.Hour), 40),
		// Recent, from the cut on: kept.
		roomStart("n1", "r3", cut, "h3"), comment("n2", "r3", at(25*time.Hour), "u1"),
		order("n3", "r3", "pa", at(26*time.Hour), 1, 300), listing("n4", "", "pb", at(48*time.Hour), 2890),
		lastU2,
	)
	fs := f.addFindings(
		claim("old-r1", at(30*time.Minute)),
		func() qinglang.Finding { fd := claim("old-r2", at(30*time.Minute)); fd.Room = "r2"; return fd }(),
		func() qinglang.Finding { fd := claim("old-none", at(time.Hour)); fd.Room = ""; return fd }(),
		func() qinglang.Finding { fd := claim("at-cut", cut); fd.Room = "r3"; return fd }(),
		func() qinglang.Finding { fd := claim("new-r1", at(30*time.Hour)); return fd }(),
	)
	oldR1, oldR2, oldNone, atCut, newR1 := fs[0].ID, fs[1].ID, fs[2].ID, fs[3].ID, fs[4].ID

	// What is not evidence.
	f.putRecords(record(qinglang.RecCase, "case_a", func(r *qinglang.Record) { r.Scopes = []string{"room:r1"} }))
	tx := f.begin()
	if err := tx.LinkFinding(f.ctx, "case_a", oldR1); err != nil {
		f.t.Fatalf("LinkFinding: %v", err)
	}
	entry := f.appendAudit(tx, qinglang.AuditEntry{At: at(time.Minute), Actor: "alice", Action: "case.open", Object: "case:case_a"}, nil)
	f.commit(tx)
	f.putCampaigns(crew("cmp_a", at(time.Hour), []string{"r1"}, "u1", "u2"))
	f.addSpotChecks(sample("sc_a", "pa", "p1", false, at(time.Hour)))

	keptR2, keptR3 := f.room("r2"), f.room("r3")
	keep := []qinglang.RoomKey{{Platform: "p1", Room: "r2"}, {Room: "rd"}, {Platform: "p9", Room: "r1"}}
	f.purge(cut, keep, 9, 2) // e1-e5, a1, l1, a2, a4; old-r1, old-none

	// Events and rooms.
	_, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	wantCode(f.t, "Room(r1, purged)", err, qinglang.ENOTFOUND)
	if got := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"}); len(got) != 0 {
		f.t.Errorf("Events(r1) after the purge = %v, want none", ids(got))
	}
	if got := jsonOf(f.t, f.room("r2")); got != jsonOf(f.t, keptR2) {
		f.t.Errorf("Room(r2, kept) after the purge = %s\nwant it unchanged %s", got, jsonOf(f.t, keptR2))
	}
	if got := jsonOf(f.t, f.room("r3")); got != jsonOf(f.t, keptR3) {
		f.t.Errorf("Room(r3, recent) after the purge = %s\nwant it unchanged %s", got, jsonOf(f.t, keptR3))
	}
	if got := ids(f.events(qinglang.EventFilter{Platform: "p1", Room: "r2"})); !sameStrings(got, []string{"k1", "k2", "k3", "k4"}) {
		f.t.Errorf("Events(r2, kept) = %v, want k1 k2 k3 k4", got)
	}
	if got := ids(f.events(qinglang.EventFilter{Room: "rd"})); !sameStrings(got, []string{"d1"}) {
		f.t.Errorf("Events(rd, kept on the default platform) = %v, want d1", got)
	}
	scanned, _ := f.scanAll(qinglang.EventScan{})
	if want := []string{"k1", "k2", "k3", "k4", "d1", "n1", "n2", "n3", "n4", "a3"}; !sameStrings(scanned, want) {
		f.t.Errorf("ScanEvents after the purge = %v, want %v", scanned, want)
	}

	// Orders, listings and accounts.
	tx = f.begin()
	if o, err := tx.LowestOrder(f.ctx, "p1", "pa", t0, at(72*time.Hour)); err != nil || o == nil || o.EventID != "n3" {
		f.t.Errorf("LowestOrder(pa) after the purge = %+v, %v; want n3 (e3 purged)", o, err)
	}
	if o, err := tx.LastOrderBefore(f.ctx, "p1", "pa", cut); err != nil || o == nil || o.EventID != "k3" {
		f.t.Errorf("LastOrderBefore(pa, cut) after the purge = %+v, %v; want k3 (kept)", o, err)
	}
	if n, err := tx.UserOrders(f.ctx, "p1", "buyer-e3", at(72*time.Hour)); err != nil || n != 0 {
		f.t.Errorf("UserOrders(buyer of e3) after the purge = %d, %v; want 0", n, err)
	}
	if n, qty, err := tx.RoomOrders(f.ctx, "p1", "r1", at(72*time.Hour)); err != nil || n != 0 || qty != 0 {
		f.t.Errorf("RoomOrders(r1) after the purge = %d, %d, %v; want 0, 0", n, qty, err)
	}
	if n, _, err := tx.RoomOrders(f.ctx, "p1", "r2", at(72*time.Hour)); err != nil || n != 1 {
		f.t.Errorf("RoomOrders(r2, kept) after the purge = %d, %v; want 1", n, err)
	}
	if got, err := tx.ComparedListings(f.ctx, "p1", "pa", t0.Add(-time.Hour), cut, 10); err != nil || !sameStrings(ids(got), []string{"k4"}) {
		f.t.Errorf("ComparedListings(pa) after the purge = %v, %v; want k4", ids(got), err)
	}
	_ = tx.Rollback()
	if got, err := f.s.Listings(f.ctx, "p1", "pa"); err != nil || !sameStrings(ids(got), []string{"k4"}) {
		f.t.Errorf("Listings(pa) after the purge = %v, %v; want k4", ids(got), err)
	}
	if got, err := f.s.ProductListings(f.ctx, "pb"); err != nil || !sameStrings(ids(got), []string{"n4"}) {
		f.t.Errorf("ProductListings(pb) after the purge = %v, %v; want n4", ids(got), err)
	}
	for _, u := range []string{"u1", "u3"} {
		_, err := f.s.Account(f.ctx, "p1", u)
		wantCode(f.t, "Account("+u+", purged)", err, qinglang.ENOTFOUND)
	}
	if acc, err := f.s.Account(f.ctx, "p1", "u2"); err != nil || acc.ID != "a3" {
		f.t.Errorf("Account(u2) after the purge = %+v, %v; want a3, its latest", acc, err)
	}

	// Findings.
	if got, want := f.allFindings(), []string{newR1, atCut, oldR2}; !sameStrings(got, want) {
		f.t.Errorf("Findings after the purge = %v, want %v", got, want)
	}
	for _, id := range []string{oldR1, oldNone} {
		_, err := f.s.Finding(f.ctx, id)
		wantCode(f.t, "Finding(purged)", err, qinglang.ENOTFOUND)
	}
	if got := f.findingIDs(qinglang.FindingFilter{Platform: "p1", Room: "r1"}); !sameStrings(got, []string{newR1}) {
		f.t.Errorf("Findings(r1) after the purge = %v, want %s", got, newR1)
	}
	if sum := f.room("r2"); sum.Findings != 1 {
		f.t.Errorf("Room(r2).Findings after the purge = %d, want 1", sum.Findings)
	}

	// What is not evidence is left alone.
	if _, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a"); err != nil {
		f.t.Errorf("Record(case_a) after the purge: %v", err)
	}
	if got, err := f.s.CasesOfFinding(f.ctx, oldR1); err != nil || !sameStrings(got, []string{"case_a"}) {
		f.t.Errorf("CasesOfFinding(purged finding) = %v, %v; want case_a (the links are the enforcement layer's)", got, err)
	}
	if got, err := f.s.AuditEntries(f.ctx, "", 0, 0); err != nil || len(got) != 1 || !sameEntry(got[0], entry) {
		f.t.Errorf("AuditEntries after the purge = %+v, %v; want the one entry", got, err)
	}
	if got := f.campaignIDs(qinglang.CampaignFilter{Room: "r1"}); got != "cmp_a" {
		f.t.Errorf("Campaigns(room r1) after the purge = %q, want cmp_a", got)
	}
	if _, err := f.s.Campaign(f.ctx, "cmp_a"); err != nil {
		f.t.Errorf("Campaign(cmp_a) after the purge: %v", err)
	}
	if _, err := f.s.SpotCheck(f.ctx, "sc_a"); err != nil {
		f.t.Errorf("SpotCheck(sc_a) after the purge: %v", err)
	}

	// Again: nothing to do. An earlier cut neither.
	f.purge(cut, keep, 0, 0)
	f.purge(at(12*time.Hour), keep, 0, 0)

	// New events of a purged room start it again.
	f.add(comment("e6", "r1", at(50*time.Hour), "u1"))
	if sum := f.room("r1"); sum.Events[qinglang.Comment] != 1 || len(sum.Events) != 1 || sum.Host != "" ||
		!sum.FirstTS.Equal(at(50*time.Hour)) || sum.StartedAt != nil || sum.EndedAt != nil {
		f.t.Errorf("Room(r1) after a new event = %+v; want one comment and nothing of the purged events", sum)
	}

	// Without keep, the kept rooms go too.
	f.purge(cut, nil, 5, 1) // k1-k4, d1; old-r2
	_, err = f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r2"})
	wantCode(f.t, "Room(r2, purged without keep)", err, qinglang.ENOTFOUND)
	if got, want := f.allFindings(), []string{newR1, atCut}; !sameStrings(got, want) {
		f.t.Errorf("Findings after purging without keep = %v, want %v", got, want)
	}
}

// testPurgeRoomAcrossCut purges broadcasts that span the cut: what is
// left of them is summarised as if the purged events had never been
// stored.
func testPurgeRoomAcrossCut(f *fixture) {
	cut := at(24 * time.Hour)
	second := qinglang.Event{Type: qinglang.RoomStart, ID: "s2", Platform: "p1", Room: "r1", TS: at(30 * time.Hour),
		Host: "h2", Merchant: "m2"} // no operator, agency or title
	f.add(
		// r1: started again after the cut.
		roomStart("s1", "r1", t0, "h1"), comment("c1", "r1", at(10*time.Minute), "u1"), roomEnd("x1", "r1", at(time.Hour)),
		second, comment("c2", "r1", at(31*time.Hour), "u2"), roomEnd("x2", "r1", at(32*time.Hour)),
		// r2: its start purged, a comment after the cut left.
		roomStart("s3", "r2", t0, "h3"), comment("c3", "r2", at(time.Minute), "u1"),
		roomEnd("x3", "r2", at(25*time.Hour)), comment("c4", "r2", at(26*time.Hour), "u1"),
		// r3: a comment before its start purged.
		comment("c5", "r3", at(time.Hour), "u1"), roomStart("s4", "r3", at(26*time.Hour), "h4"),
		comment("c6", "r3", at(27*time.Hour), "u2"),
	)
	before := f.room("r1")
	if before.Title == "" || before.Operator == "" {
		f.t.Fatalf("Room(r1) before the purge = %+v, want the title and operator of s1", before)
	}
	f.purge(cut, nil, 6, 0) // s1 c1 x1, s3 c3, c5

	r1 := f.room("r1")
	if r1.Host != "h2" || r1.Merchant != "m2" || r1.Operator != "" || r1.Agency != "" || r1.Title != "" ||
		r1.StartedAt == nil || !r1.StartedAt.Equal(at(30*time.Hour)) || r1.EndedAt == nil || !r1.EndedAt.Equal(at(32*time.Hour)) ||
		!r1.FirstTS.Equal(at(30*time.Hour)) || !r1.LastTS.Equal(at(32*time.Hour)) {
		f.t.Errorf("Room(r1) after the purge = %+v; want only what s2 and x2 say, from %v to %v", r1, at(30*time.Hour), at(32*time.Hour))
	}
	if want := map[qinglang.EventType]int64{qinglang.RoomStart: 1, qinglang.Comment: 1, qinglang.RoomEnd: 1}; jsonOf(f.t, r1.Events) != jsonOf(f.t, want) {
		f.t.Errorf("Room(r1).Events after the purge = %v, want %v", r1.Events, want)
	}
	r2 := f.room("r2")
	if r2.Host != "" || r2.Title != "" || r2.StartedAt != nil || r2.EndedAt == nil || !r2.EndedAt.Equal(at(25*time.Hour)) ||
		!r2.FirstTS.Equal(at(25*time.Hour)) || !r2.LastTS.Equal(at(26*time.Hour)) {
		f.t.Errorf("Room(r2) after the purge = %+v; want no host nor start, ended %v, from %v to %v",
			r2, at(25*time.Hour), at(25*time.Hour), at(26*time.Hour))
	}
	if want := map[qinglang.EventType]int64{qinglang.Comment: 1, qinglang.RoomEnd: 1}; jsonOf(f.t, r2.Events) != jsonOf(f.t, want) {
		f.t.Errorf("Room(r2).Events after the purge = %v, want %v", r2.Events, want)
	}
	r3 := f.room("r3")
	if r3.Host != "h4" || r3.Operator != "op-h4" || r3.StartedAt == nil || !r3.StartedAt.Equal(at(26*time.Hour)) ||
		!r3.FirstTS.Equal(at(26*time.Hour)) || !r3.LastTS.Equal(at(27*time.Hour)) {
		f.t.Errorf("Room(r3) after the purge = %+v; want host h4 from s4, from %v to %v", r3, at(26*time.Hour), at(27*time.Hour))
	}
	if want := map[qinglang.EventType]int64{qinglang.RoomStart: 1, qinglang.Comment: 1}; jsonOf(f.t, r3.Events) != jsonOf(f.t, want) {
		f.t.Errorf("Room(r3).Events after the purge = %v, want %v", r3.Events, want)
	}
	if got := ids(f.events(qinglang.EventFilter{Platform: "p1", Room: "r2"})); !sameStrings(got, []string{"x3", "c4"}) {
		f.t.Errorf("Events(r2) after the purge = %v, want x3 c4", got)
	}

	// Events stored later fold into what is left.
	f.add(comment("c7", "r2", at(20*time.Hour), "u3"), roomStart("s5", "r2", at(40*time.Hour), "h5"))
	r2 = f.room("r2")
	if r2.Host != "h5" || r2.Events[qinglang.Comment] != 2 || !r2.FirstTS.Equal(at(20*time.Hour)) || !r2.LastTS.Equal(at(40*time.Hour)) {
		f.t.Errorf("Room(r2) after more events = %+v; want host h5, 2 comments, from %v to %v", r2, at(20*time.Hour), at(40*time.Hour))
	}
	f.purge(cut, nil, 1, 0) // c7
	f.purge(cut, nil, 0, 0)
}

// testPurgeKeepsHeldAccount purges the latest account event of a user
// while an older one of a room kept stays: it is the user's account again.
func testPurgeKeepsHeldAccount(f *fixture) {
	inRoom := func(ev qinglang.Event, room string) qinglang.Event { ev.Room = room; return ev }
	f.add(
		inRoom(account("a1", "u1", at(time.Hour), 10), "hold"),
		account("a2", "u1", at(2*time.Hour), 20),
		inRoom(account("a3", "u2", at(time.Hour), 30), "hold"),
		account("a4", "u2", at(48*time.Hour), 40),
		account("a5", "u3", at(time.Hour), 50),
	)
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || acc.ID != "a2" {
		f.t.Fatalf("Account(u1) before the purge = %+v, %v; want a2", acc, err)
	}
	f.purge(at(24*time.Hour), []qinglang.RoomKey{{Platform: "p1", Room: "hold"}}, 2, 0) // a2, a5
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || acc.ID != "a1" || acc.Followers == nil || *acc.Followers != 10 {
		f.t.Errorf("Account(u1) after the purge = %+v, %v; want a1, the one kept", acc, err)
	}
	if acc, err := f.s.Account(f.ctx, "p1", "u2"); err != nil || acc.ID != "a4" {
		f.t.Errorf("Account(u2) after the purge = %+v, %v; want a4, its latest", acc, err)
	}
	_, err := f.s.Account(f.ctx, "p1", "u3")
	wantCode(f.t, "Account(u3, purged)", err, qinglang.ENOTFOUND)
	if n := f.roomCount("hold"); n != 2 {
		f.t.Errorf("Room(hold) counts %d events after the purge, want 2", n)
	}
	f.add(account("a6", "u1", at(90*time.Minute), 60)) // later than a1: the account
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || acc.ID != "a6" {
		f.t.Errorf("Account(u1) after a later account event = %+v, %v; want a6", acc, err)
	}
}

// testPurgeManyBatches purges more events and findings than one batch
// holds, those of a room kept spread among them.
func testPurgeManyBatches(f *fixture) {
	const old, held, recent, oldFindings = 11000, 3000, 500, 5200
	cut := at(24 * time.Hour)
	evs := make([]qinglang.Event, 0, old+held+recent)
	origins := make([]string, 0, cap(evs))
	for i := range old + held {
		ts := t0.Add(time.Duration(i) * time.Second)
		room := "big"
		if i%((old+held)/held) == 0 && i/((old+held)/held) < held {
			room = "hold"
		}
		evs = append(evs, comment(fmt.Sprintf("c%d", i), room, ts, fmt.Sprintf("u%d", i%50)))
	}
	for i := range recent {
		evs = append(evs, comment(fmt.Sprintf("n%d", i), "big", cut.Add(time.Duration(i)*time.Second), "u1"))
	}
	for i := range evs {
		origins = append(origins, fmt.Sprintf("many:%d", i))
	}
	tx := f.begin()
	f.addBatch(tx, evs, origins)
	for i := range oldFindings + 10 {
		fd := claim(fmt.Sprintf("k%d", i), t0.Add(time.Duration(i)*time.Second))
		if i >= oldFindings {
			fd.TS = cut.Add(time.Duration(i) * time.Second)
		}
		if i%100 == 0 {
			fd.Room = "hold"
		}
		if _, err := tx.AddFinding(f.ctx, &fd); err != nil {
			f.t.Fatalf("AddFinding: %v", err)
		}
	}
	f.commit(tx)
	heldEvents := f.roomCount("hold")
	keep := []qinglang.RoomKey{{Platform: "p1", Room: "hold"}}
	f.purge(cut, keep, old+held-heldEvents, oldFindings-oldFindings/100)
	if n := f.roomCount("big"); n != recent {
		f.t.Errorf("Room(big) counts %d events after the purge, want %d", n, recent)
	}
	if sum := f.room("big"); !sum.FirstTS.Equal(cut) {
		f.t.Errorf("Room(big).FirstTS after the purge = %v, want %v", sum.FirstTS, cut)
	}
	if n := f.roomCount("hold"); n != heldEvents {
		f.t.Errorf("Room(hold) counts %d events after the purge, want %d", n, heldEvents)
	}
	if got := f.events(qinglang.EventFilter{Platform: "p1", Room: "big", Limit: 10000}); len(got) != recent {
		f.t.Errorf("Events(big) after the purge = %d events, want %d", len(got), recent)
	}
	if got := f.allFindings(); len(got) != oldFindings/100+10 {
		f.t.Errorf("Findings after the purge = %d, want %d", len(got), oldFindings/100+10)
	}
	f.purge(cut, keep, 0, 0)
}

// testDeleteRecord deletes records: the record and its scopes go, the
// rest stays; a record that does not exist is no error.
func testDeleteRecord(f *fixture) {
	f.putRecords(
		record(qinglang.RecCase, "case_a", func(r *qinglang.Record) { r.Scopes = []string{"region:310101", "room:r1"} }),
		record(qinglang.RecCase, "case_b", func(r *qinglang.Record) { r.Scopes = []string{"region:310102"} }),
		record(qinglang.RecMeasure, "case_a", func(r *qinglang.Record) { r.Scopes = []string{"region:310101"} }),
	)
	tx := f.begin()
	entry := f.appendAudit(tx, qinglang.AuditEntry{At: at(time.Minute), Actor: "alice", Action: "case.open", Object: "case:case_a"}, nil)
	if err := tx.LinkFinding(f.ctx, "case_a", "fnd_a"); err != nil {
		f.t.Fatalf("LinkFinding: %v", err)
	}
	f.commit(tx)

	// Rolled back: nothing is deleted.
	tx = f.begin()
	if err := tx.DeleteRecord(f.ctx, qinglang.RecCase, "case_a"); err != nil {
		f.t.Fatalf("DeleteRecord: %v", err)
	}
	_, err := tx.GetRecord(f.ctx, qinglang.RecCase, "case_a")
	wantCode(f.t, "GetRecord after DeleteRecord in the transaction", err, qinglang.ENOTFOUND)
	_ = tx.Rollback()
	if got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a"); err != nil || !sameStrings(got.Scopes, []string{"region:310101", "room:r1"}) {
		f.t.Errorf("Record after a rolled back DeleteRecord = %+v, %v; want it with its scopes", got, err)
	}

	tx = f.begin()
	if err := tx.DeleteRecord(f.ctx, qinglang.RecCase, "case_a"); err != nil {
		f.t.Fatalf("DeleteRecord: %v", err)
	}
	if err := tx.DeleteRecord(f.ctx, qinglang.RecCase, "case_a"); err != nil {
		f.t.Errorf("DeleteRecord of a record deleted in the transaction: %v", err)
	}
	if err := tx.DeleteRecord(f.ctx, qinglang.RecNotice, "case_nosuch"); err != nil {
		f.t.Errorf("DeleteRecord of a record that does not exist: %v", err)
	}
	f.commit(tx)
	tx = f.begin()
	wantCode(f.t, "DeleteRecord(unknown kind)", tx.DeleteRecord(f.ctx, "verdict", "case_b"), qinglang.EINVALID)
	wantCode(f.t, "DeleteRecord(no id)", tx.DeleteRecord(f.ctx, qinglang.RecCase, ""), qinglang.EINVALID)
	_ = tx.Rollback()

	_, err = f.s.Record(f.ctx, qinglang.RecCase, "case_a")
	wantCode(f.t, "Record(deleted)", err, qinglang.ENOTFOUND)
	for _, flt := range []qinglang.RecordFilter{
		{Kind: qinglang.RecCase},
		{Kind: qinglang.RecCase, Oldest: true},
		{Kind: qinglang.RecCase, ScopePrefix: "region:3101"},
	} {
		if ids, _ := f.recordPage(flt); ids != "case_b" {
			f.t.Errorf("Records(%+v) after DeleteRecord = %q, want case_b", flt, ids)
		}
	}
	for _, flt := range []qinglang.RecordFilter{
		{Kind: qinglang.RecCase, ScopePrefix: "room:"},
		{Kind: qinglang.RecCase, AnyScope: []string{"region:310101"}},
	} {
		if ids, _ := f.recordPage(flt); ids != "" {
			f.t.Errorf("Records(%+v) after DeleteRecord = %q, want none (its scopes are gone)", flt, ids)
		}
	}
	if got, err := f.s.Record(f.ctx, qinglang.RecMeasure, "case_a"); err != nil || !sameStrings(got.Scopes, []string{"region:310101"}) {
		f.t.Errorf("Record(measure case_a) after deleting the case case_a = %+v, %v; want it with its scope", got, err)
	}
	if got, err := f.s.AuditEntries(f.ctx, "", 0, 0); err != nil || len(got) != 1 || !sameEntry(got[0], entry) {
		f.t.Errorf("AuditEntries after DeleteRecord = %+v, %v; want the entry kept", got, err)
	}
	if got, err := f.s.CasesOfFinding(f.ctx, "fnd_a"); err != nil || !sameStrings(got, []string{"case_a"}) {
		f.t.Errorf("CasesOfFinding after DeleteRecord = %v, %v; want case_a (not the store's to delete)", got, err)
	}

	// Put again, it is a new record: no scope of the old one comes back.
	again := f.putRecords(record(qinglang.RecCase, "case_a", func(r *qinglang.Record) {
		r.Scopes = []string{"region:320102"}
		r.Body = json.RawMessage(`{"id":"case_a","again":true}`)
	}))[0]
	if got, err := f.s.Record(f.ctx, qinglang.RecCase, "case_a"); err != nil || !sameStrings(got.Scopes, []string{"region:320102"}) ||
		string(got.Body) != string(again.Body) {
		f.t.Errorf("Record after putting case_a again = %+v, %v; want the new record only", got, err)
	}
	if ids, _ := f.recordPage(qinglang.RecordFilter{Kind: qinglang.RecCase, Oldest: true}); ids != "case_b case_a" {
		f.t.Errorf("Records(oldest) after putting case_a again = %q, want case_b case_a", ids)
	}
}
