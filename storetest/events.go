package storetest

import (
	"time"

	"github.com/qinglang/qinglang"
)

// Event builders for platform "p1".

func roomStart(id, room string, ts time.Time, host string) qinglang.Event {
	return qinglang.Event{Type: qinglang.RoomStart, ID: id, Platform: "p1", Room: room, TS: ts,
		Host: host, Operator: "op-" + host, Merchant: "m1", Agency: "mcn1", Title: "燃咔果冻 专场"}
}

func speech(id, room string, ts time.Time, text string) qinglang.Event {
	return qinglang.Event{Type: qinglang.Speech, ID: id, Platform: "p1", Room: room, TS: ts,
		Speaker: "h1", Text: text, EndTS: ptr(ts.Add(3 * time.Second))}
}

func comment(id, room string, ts time.Time, user string) qinglang.Event {
	return qinglang.Event{Type: qinglang.Comment, ID: id, Platform: "p1", Room: room, TS: ts,
		User: user, IP: "36.112.4.17", Device: "d9", Text: "真给力，3颗就瘦了3.2斤"}
}

func order(id, room, product string, ts time.Time, qty, amount int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Order, ID: id, Platform: "p1", Room: room, TS: ts,
		User: "buyer-" + id, Product: product, Qty: qty, AmountFen: amount}
}

func listing(id, room, product string, ts time.Time, price int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Listing, ID: id, Platform: "p1", Room: room, TS: ts,
		Product: product, Title: "燃咔果冻 20颗装", Merchant: "m1", Category: qinglang.CatFood,
		PriceFen: price, OriginalPriceFen: ptr(int64(19900)), Brand: "燃咔"}
}

func account(id, user string, ts time.Time, followers int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Account, ID: id, Platform: "p1", TS: ts,
		User: user, CreatedAt: ptr(t0.AddDate(0, 0, -3)), Followers: ptr(followers)}
}

func roomEnd(id, room string, ts time.Time) qinglang.Event {
	return qinglang.Event{Type: qinglang.RoomEnd, ID: id, Platform: "p1", Room: room, TS: ts}
}

func testAddEventRejectsBadInput(f *fixture) {
	tx := f.begin()
	_, err := tx.AddEvent(f.ctx, nil, "o1")
	wantCode(f.t, "AddEvent(nil)", err, qinglang.EINVALID)
	ev := speech("e1", "r1", t0, "x")
	_, err = tx.AddEvent(f.ctx, &ev, "")
	wantCode(f.t, "AddEvent with no origin", err, qinglang.EINVALID)
}

func testAddEventIdempotentByID(f *fixture) {
	tx := f.begin()
	ev := speech("e1", "r1", t0, "第一句")
	if !f.addIn(tx, ev) {
		f.t.Fatal("first AddEvent = false, want true")
	}
	again := speech("e1", "r1", at(time.Minute), "另一句") // same id, other origin and content
	if f.addIn(tx, again) {
		f.t.Error("AddEvent of an id stored before = true, want false")
	}
	other := ev
	other.Platform = "p2" // ids are unique per platform
	if !f.addIn(tx, other) {
		f.t.Error("AddEvent of the same id on another platform = false, want true")
	}
	noID1, noID2 := speech("", "r1", at(time.Second), "无编号一"), speech("", "r1", at(time.Second), "无编号二")
	if !f.addIn(tx, noID1) || !f.addIn(tx, noID2) {
		f.t.Error("AddEvent of events without id and with their own origins = false, want true")
	}
	f.commit(tx)
	got := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if len(got) != 3 || got[0].Text != "第一句" {
		f.t.Errorf("Events = %v, want the first e1 and the two events without id", got)
	}
}

// testAddEventIdempotentByOrigin: an event without an id is known by its
// origin; one with an id by (platform, id) alone, its origin not kept.
func testAddEventIdempotentByOrigin(f *fixture) {
	tx := f.begin()
	a, b := speech("", "r1", t0, "一"), speech("", "r1", at(time.Second), "二")
	if added, err := tx.AddEvent(f.ctx, &a, "stream:7"); err != nil || !added {
		f.t.Fatalf("first AddEvent = %v, %v; want true", added, err)
	}
	if added, err := tx.AddEvent(f.ctx, &b, "stream:7"); err != nil || added {
		f.t.Errorf("AddEvent of another event without id from the same origin = %v, %v; want false", added, err)
	}
	withID := speech("e3", "r1", at(2*time.Second), "三")
	if added, err := tx.AddEvent(f.ctx, &withID, "stream:7"); err != nil || !added {
		f.t.Errorf("AddEvent of an event with an id from a used origin = %v, %v; want true (known by its id)", added, err)
	}
	f.commit(tx)
	got := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if len(got) != 2 || got[0].Text != "一" || got[1].ID != "e3" {
		f.t.Errorf("Events = %+v, want the first event without id and e3", got)
	}
}

func testDuplicateStoresNothingElse(f *fixture) {
	f.add(roomStart("e1", "r1", t0, "h1"), order("e2", "r1", "p", at(time.Minute), 1, 500),
		listing("e3", "r1", "p", at(time.Minute), 5990), account("e4", "u1", at(time.Minute), 10))
	tx := f.begin()
	dups := []qinglang.Event{
		roomStart("e1", "r1", at(-time.Hour), "imposter"), // earlier ts, other host
		order("e2", "r1", "p", at(2*time.Minute), 1, 100), // cheaper
		listing("e3", "r1", "p", at(2*time.Minute), 1),
		account("e4", "u1", at(time.Hour), 99), // later: would win if stored
	}
	for _, ev := range dups {
		if f.addIn(tx, ev) {
			f.t.Errorf("AddEvent(duplicate %s %s) = true, want false", ev.Type, ev.ID)
		}
	}
	o, err := tx.LowestOrder(f.ctx, "p1", "p", t0, at(time.Hour))
	if err != nil || o == nil || o.AmountFen != 500 {
		f.t.Errorf("LowestOrder after a duplicate order = %+v, %v; want the stored 500 fen order only", o, err)
	}
	f.commit(tx)
	if got, err := f.s.Listings(f.ctx, "p1", "p"); err != nil || len(got) != 1 || got[0].PriceFen != 5990 {
		f.t.Errorf("Listings after a duplicate = %v, %v; want the one stored", got, err)
	}
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || *acc.Followers != 10 {
		f.t.Errorf("Account after a duplicate = %+v, %v; want followers 10", acc, err)
	}
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	if err != nil {
		f.t.Fatalf("Room: %v", err)
	}
	if sum.Host != "h1" || !sum.FirstTS.Equal(t0) || sum.Events[qinglang.RoomStart] != 1 || sum.Events[qinglang.Order] != 1 {
		f.t.Errorf("Room after duplicates = %+v; want host h1, first ts %v, one room_start, one order", sum, t0)
	}
}

func testDuplicateAcrossTransactions(f *fixture) {
	f.add(comment("e1", "r1", t0, "u1"))
	tx := f.begin()
	if f.addIn(tx, comment("e1", "r1", t0, "u1")) {
		f.t.Error("AddEvent of an id committed before = true, want false")
	}
	f.commit(tx)
	if n := len(f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})); n != 1 {
		f.t.Errorf("Events = %d events, want 1", n)
	}
}

func testRollbackDiscards(f *fixture) {
	tx := f.begin()
	f.addIn(tx, roomStart("e1", "r1", t0, "h1"))
	f.addIn(tx, order("e2", "r1", "p", at(time.Minute), 1, 500))
	f.addIn(tx, listing("e3", "r1", "p", at(time.Minute), 5990))
	f.addIn(tx, account("e4", "u1", t0, 1))
	fd := qinglang.Finding{Kind: qinglang.KindClaim, Rule: "r", Severity: qinglang.SeverityLow, Platform: "p1", Room: "r1", TS: t0, DedupKey: "k"}
	if _, err := tx.AddFinding(f.ctx, &fd); err != nil {
		f.t.Fatalf("AddFinding: %v", err)
	}
	if err := tx.Rollback(); err != nil {
		f.t.Fatalf("Rollback: %v", err)
	}
	if err := tx.Rollback(); err != nil {
		f.t.Errorf("second Rollback = %v, want nil", err)
	}
	if n := len(f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})); n != 0 {
		f.t.Errorf("Events after Rollback = %d events, want 0", n)
	}
	_, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	wantCode(f.t, "Room after Rollback", err, qinglang.ENOTFOUND)
	_, err = f.s.Finding(f.ctx, fd.ID)
	wantCode(f.t, "Finding after Rollback", err, qinglang.ENOTFOUND)
	_, err = f.s.Account(f.ctx, "p1", "u1")
	wantCode(f.t, "Account after Rollback", err, qinglang.ENOTFOUND)
	if got, err := f.s.Listings(f.ctx, "p1", "p"); err != nil || len(got) != 0 {
		f.t.Errorf("Listings after Rollback = %v, %v; want none", got, err)
	}
	tx2 := f.begin()
	if o, err := tx2.LowestOrder(f.ctx, "p1", "p", t0, at(time.Hour)); err != nil || o != nil {
		f.t.Errorf("LowestOrder after Rollback = %+v, %v; want nil", o, err)
	}
	if !f.addIn(tx2, roomStart("e1", "r1", t0, "h1")) {
		f.t.Error("AddEvent of a rolled back event = false, want true")
	}
	f.commit(tx2)
}

func testDefaultPlatform(f *fixture) {
	ev := speech("e1", "r1", t0, "无平台")
	ev.Platform = ""
	f.add(ev)
	got := f.events(qinglang.EventFilter{Platform: qinglang.DefaultPlatform, Room: "r1"})
	if len(got) != 1 || got[0].Platform != qinglang.DefaultPlatform {
		f.t.Fatalf("Events on the default platform = %+v, want the event with platform %q", got, qinglang.DefaultPlatform)
	}
	if _, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: qinglang.DefaultPlatform, Room: "r1"}); err != nil {
		f.t.Errorf("Room on the default platform: %v", err)
	}
	tx := f.begin()
	dup := ev
	dup.Platform = qinglang.DefaultPlatform
	if f.addIn(tx, dup) {
		f.t.Error("AddEvent of the same id naming the default platform = true, want false")
	}
}

func testRoomSummary(f *fixture) {
	f.add(
		speech("e2", "r1", at(time.Minute), "大家好"), // stored before room_start, ts after it
		roomStart("e1", "r1", t0, "h1"),
		comment("e3", "r1", at(2*time.Minute), "u1"),
		comment("e4", "r1", at(3*time.Minute), "u2"),
		comment("e5", "r1", at(4*time.Minute), "u3"),
		order("e6", "r1", "p", at(5*time.Minute), 1, 5990),
		listing("e7", "r1", "p", at(30*time.Second), 5990),
		roomEnd("e8", "r1", at(time.Hour)),
		speech("e9", "r2", at(2*time.Hour), "别的直播间"),
	)
	f.addFindings(
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r1", TS: t0, DedupKey: "1"},
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r1", TS: t0, DedupKey: "2"},
		qinglang.Finding{Kind: qinglang.KindClaim, Rule: "a", Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r2", TS: t0, DedupKey: "3"},
	)
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	if err != nil {
		f.t.Fatalf("Room: %v", err)
	}
	if sum.Platform != "p1" || sum.Room != "r1" || sum.Host != "h1" || sum.Operator != "op-h1" ||
		sum.Merchant != "m1" || sum.Agency != "mcn1" || sum.Title != "燃咔果冻 专场" {
		f.t.Errorf("Room people and title = %+v, want those of room_start e1", sum)
	}
	if sum.StartedAt == nil || !sum.StartedAt.Equal(t0) {
		f.t.Errorf("StartedAt = %v, want %v", sum.StartedAt, t0)
	}
	if sum.EndedAt == nil || !sum.EndedAt.Equal(at(time.Hour)) {
		f.t.Errorf("EndedAt = %v, want %v", sum.EndedAt, at(time.Hour))
	}
	if !sum.FirstTS.Equal(t0) || !sum.LastTS.Equal(at(time.Hour)) {
		f.t.Errorf("FirstTS, LastTS = %v, %v; want %v, %v", sum.FirstTS, sum.LastTS, t0, at(time.Hour))
	}
	want := map[qinglang.EventType]int64{qinglang.RoomStart: 1, qinglang.Speech: 1, qinglang.Comment: 3,
		qinglang.Order: 1, qinglang.Listing: 1, qinglang.RoomEnd: 1}
	if len(sum.Events) != len(want) {
		f.t.Errorf("Events by type = %v, want %v", sum.Events, want)
	}
	for typ, n := range want {
		if sum.Events[typ] != n {
			f.t.Errorf("Events[%s] = %d, want %d", typ, sum.Events[typ], n)
		}
	}
	if sum.Findings != 2 {
		f.t.Errorf("Findings = %d, want 2", sum.Findings)
	}
	_, err = f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "nope"})
	wantCode(f.t, "Room(unknown)", err, qinglang.ENOTFOUND)
	_, err = f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p2", Room: "r1"})
	wantCode(f.t, "Room(other platform)", err, qinglang.ENOTFOUND)
}

func testRoomAcrossTransactions(f *fixture) {
	f.add(comment("e2", "r1", at(time.Minute), "u1"), roomStart("e1", "r1", t0, "h1"))
	f.add(comment("e3", "r1", at(-time.Minute), "u2"), roomEnd("e4", "r1", at(time.Hour)))
	f.add(speech("e5", "r1", at(2*time.Hour), "结束后的字幕"))
	sum, err := f.s.Room(f.ctx, qinglang.RoomKey{Platform: "p1", Room: "r1"})
	if err != nil {
		f.t.Fatalf("Room: %v", err)
	}
	if sum.Host != "h1" || sum.StartedAt == nil || !sum.StartedAt.Equal(t0) {
		f.t.Errorf("Room host and start = %q, %v; want h1, %v (kept from the first batch)", sum.Host, sum.StartedAt, t0)
	}
	if sum.EndedAt == nil || !sum.EndedAt.Equal(at(time.Hour)) {
		f.t.Errorf("EndedAt = %v, want %v", sum.EndedAt, at(time.Hour))
	}
	if !sum.FirstTS.Equal(at(-time.Minute)) || !sum.LastTS.Equal(at(2*time.Hour)) {
		f.t.Errorf("FirstTS, LastTS = %v, %v; want %v, %v", sum.FirstTS, sum.LastTS, at(-time.Minute), at(2*time.Hour))
	}
	if sum.Events[qinglang.Comment] != 2 || sum.Events[qinglang.Speech] != 1 {
		f.t.Errorf("Events by type = %v, want 2 comments and 1 speech", sum.Events)
	}
}

func testEvents(f *fixture) {
	utc := speech("e3", "r1", t0.Add(90*time.Second).UTC(), "UTC 时间") // between e2 and e4 as an instant
	nanos := comment("e5", "r1", time.Date(2025, 6, 12, 20, 5, 0, 123456789, cst), "u1")
	west := comment("e6", "r1", time.Date(2025, 6, 12, 7, 6, 0, 0, time.FixedZone("", -5*3600)), "u2") // 20:06 +08:00
	f.add(
		comment("e4", "r1", at(2*time.Minute), "u3"),
		roomStart("e1", "r1", t0, "h1"),
		west, nanos, utc,
		speech("e2", "r1", at(time.Minute), "大家好"),
		speech("x1", "r2", at(time.Minute), "别的直播间"),
	)
	all := f.events(qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if want := []string{"e1", "e2", "e3", "e4", "e5", "e6"}; !sameStrings(ids(all), want) {
		f.t.Fatalf("Events ids = %v, want %v (by ts across offsets)", ids(all), want)
	}
	for _, pair := range []struct{ got, want qinglang.Event }{{all[2], utc}, {all[4], nanos}, {all[5], west}} {
		if g, w := jsonOf(f.t, pair.got), jsonOf(f.t, pair.want); g != w {
			f.t.Errorf("stored event came back as\n%s\nwant\n%s", g, w)
		}
	}
	if _, off := all[5].TS.Zone(); off != -5*3600 {
		f.t.Errorf("event e6 offset = %d, want -18000 (as sent)", off)
	}
	if _, off := all[0].TS.Zone(); off != 8*3600 {
		f.t.Errorf("event e1 offset = %d, want 28800 (as sent)", off)
	}
	if all[1].EndTS == nil || !all[1].EndTS.Equal(at(time.Minute+3*time.Second)) {
		f.t.Errorf("speech end_ts = %v, want %v", all[1].EndTS, at(time.Minute+3*time.Second))
	}

	checks := []struct {
		name string
		flt  qinglang.EventFilter
		want []string
	}{
		{"types", qinglang.EventFilter{Types: []qinglang.EventType{qinglang.Comment}}, []string{"e4", "e5", "e6"}},
		{"two types", qinglang.EventFilter{Types: []qinglang.EventType{qinglang.Speech, qinglang.RoomStart}}, []string{"e1", "e2", "e3"}},
		{"from inclusive", qinglang.EventFilter{From: at(time.Minute)}, []string{"e2", "e3", "e4", "e5", "e6"}},
		{"to exclusive", qinglang.EventFilter{To: at(2 * time.Minute)}, []string{"e1", "e2", "e3"}},
		{"from and to across offsets", qinglang.EventFilter{From: at(90 * time.Second).UTC(), To: at(6 * time.Minute).UTC()}, []string{"e3", "e4", "e5"}},
		{"limit", qinglang.EventFilter{Limit: 2}, []string{"e1", "e2"}},
		{"types, window and limit", qinglang.EventFilter{Types: []qinglang.EventType{qinglang.Comment}, From: at(3 * time.Minute), Limit: 1}, []string{"e5"}},
	}
	for _, c := range checks {
		c.flt.Platform, c.flt.Room = "p1", "r1"
		if got := ids(f.events(c.flt)); !sameStrings(got, c.want) {
			f.t.Errorf("Events(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	if got := f.events(qinglang.EventFilter{Platform: "p2", Room: "r1"}); len(got) != 0 {
		f.t.Errorf("Events on another platform = %v, want none", ids(got))
	}
	_, err := f.s.Events(f.ctx, qinglang.EventFilter{Platform: "p1", Room: "r1", Limit: -1})
	wantCode(f.t, "Events(limit -1)", err, qinglang.EINVALID)
}

func testListings(f *fixture) {
	noRoom := listing("e2", "", "p", at(time.Hour), 4990)
	noRoom.OriginalPriceFen = nil
	f.add(
		listing("e3", "r1", "p", at(2*time.Hour), 3990),
		noRoom,
		listing("e1", "r1", "p", t0, 5990),
		listing("x1", "r1", "other", at(time.Minute), 100),
	)
	got, err := f.s.Listings(f.ctx, "p1", "p")
	if err != nil {
		f.t.Fatalf("Listings: %v", err)
	}
	if !sameStrings(ids(got), []string{"e1", "e2", "e3"}) {
		f.t.Fatalf("Listings ids = %v, want [e1 e2 e3] (oldest first)", ids(got))
	}
	if got[0].PriceFen != 5990 || got[0].OriginalPriceFen == nil || *got[0].OriginalPriceFen != 19900 ||
		got[0].Category != qinglang.CatFood || got[0].Brand != "燃咔" || got[0].Merchant != "m1" {
		f.t.Errorf("Listings[0] = %+v, want the listing as sent", got[0])
	}
	if got[1].OriginalPriceFen != nil || got[1].Room != "" {
		f.t.Errorf("Listings[1] = %+v, want no original price and no room", got[1])
	}
	if none, err := f.s.Listings(f.ctx, "p2", "p"); err != nil || len(none) != 0 {
		f.t.Errorf("Listings on another platform = %v, %v; want none", ids(none), err)
	}
}

func testAccountLatest(f *fixture) {
	f.add(account("a1", "u1", t0, 10), account("a3", "u1", at(2*time.Hour), 30), account("a2", "u1", at(time.Hour), 20))
	other := account("b1", "u1", at(3*time.Hour), 99)
	other.Platform = "p2"
	f.add(other)
	acc, err := f.s.Account(f.ctx, "p1", "u1")
	if err != nil {
		f.t.Fatalf("Account: %v", err)
	}
	if acc.ID != "a3" || acc.Followers == nil || *acc.Followers != 30 || acc.CreatedAt == nil || !acc.CreatedAt.Equal(t0.AddDate(0, 0, -3)) {
		f.t.Errorf("Account = %+v, want a3 (latest by ts) with followers 30", acc)
	}
	f.add(account("a4", "u1", at(4*time.Hour), 40))
	if acc, err := f.s.Account(f.ctx, "p1", "u1"); err != nil || acc.ID != "a4" {
		f.t.Errorf("Account after a later event = %+v, %v; want a4", acc, err)
	}
	_, err = f.s.Account(f.ctx, "p1", "nobody")
	wantCode(f.t, "Account(unknown)", err, qinglang.ENOTFOUND)
}
