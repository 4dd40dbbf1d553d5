package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// run collects the events and labels of a run.
func run(t testing.TB, cfg Config) ([]*qinglang.Event, []Label) {
	t.Helper()
	var evs []*qinglang.Event
	var labels []Label
	cfg.Labels = func(l Label) { labels = append(labels, l) }
	if err := Generate(cfg, func(ev *qinglang.Event) error { evs = append(evs, ev); return nil }); err != nil {
		t.Fatal(err)
	}
	return evs, labels
}

// jsonl returns the JSON Lines of a run.
func jsonl(t testing.TB, cfg Config) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := WriteJSONL(&b, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := int64(bytes.Count(b.Bytes(), []byte("\n"))); got != n {
		t.Fatalf("WriteJSONL reported %d events, wrote %d lines", n, got)
	}
	return b.Bytes()
}

var small = Config{Seed: 7, Rooms: 4, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"}}

func TestDeterministic(t *testing.T) {
	a, b := jsonl(t, small), jsonl(t, small)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of one config differ")
	}
	if len(a) < 10000 {
		t.Fatalf("suspiciously small output: %d bytes", len(a))
	}
	other := small
	other.Seed = 8
	if bytes.Equal(a, jsonl(t, other)) {
		t.Fatal("different seeds give the same output")
	}
}

// TestWellFormed checks every event against the contract's rules, written
// out here independently of the contract package, and the room's
// bookkeeping: room_start first, room_end last, accounts before a user's
// first comment or order, orders at the price listed in the room.
func TestWellFormed(t *testing.T) {
	wellFormed(t, small)
}

// wellFormed runs cfg and checks every event as TestWellFormed says.
func wellFormed(t *testing.T, cfg Config) {
	t.Helper()
	data := jsonl(t, cfg)
	ids := map[string]bool{}
	var last time.Time
	started, ended := map[string]bool{}, map[string]bool{}
	accounts := map[string]bool{}
	prices := map[string]int64{} // room|product -> listed price
	types := map[qinglang.EventType]int{}
	plats := map[string]bool{}
	for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		var ev qinglang.Event
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("line %d (%s): "+format, append([]any{i + 1, line}, args...)...)
		}
		types[ev.Type]++
		plats[ev.Platform] = true
		if len(line) > qinglang.MaxEventBytes {
			fail("event over 64 KiB")
		}
		if !ev.Type.Known() {
			fail("unknown type")
		}
		var raw map[string]any
		_ = json.Unmarshal(line, &raw)
		ts, _ := raw["ts"].(string)
		if !strings.HasSuffix(ts, "+08:00") {
			fail("ts %q has no +08:00 offset", ts)
		}
		if _, err := time.Parse(time.RFC3339Nano, ts); err != nil {
			fail("ts: %v", err)
		}
		if ev.TS.Before(last) {
			fail("ts goes back from %v", last)
		}
		last = ev.TS
		if ev.ID == "" || ids[ev.ID] {
			fail("id empty or repeated")
		}
		ids[ev.ID] = true
		for _, id := range []string{ev.ID, ev.Room, ev.User, ev.Product, ev.Merchant, ev.Host, ev.Speaker, ev.Device, ev.Platform} {
			if len(id) > qinglang.MaxIDBytes {
				fail("id-like field over 128 bytes: %q", id)
			}
		}
		if ev.Type.NeedsRoom() && ev.Room == "" {
			fail("no room")
		}
		key := ev.Platform + "|" + ev.Room
		if ev.Room != "" {
			if !started[key] && ev.Type != qinglang.RoomStart {
				fail("event before room_start")
			}
			if ended[key] {
				fail("event after room_end")
			}
		}
		switch ev.Type {
		case qinglang.RoomStart:
			if ev.Host == "" || ev.Title == "" || started[key] {
				fail("bad room_start")
			}
			started[key] = true
		case qinglang.RoomEnd:
			ended[key] = true
		case qinglang.Speech:
			n := utf8.RuneCountInString(ev.Text)
			if ev.Speaker == "" || n < minSeg || n > maxSeg || ev.EndTS == nil || !ev.EndTS.After(ev.TS) {
				fail("bad speech segment")
			}
		case qinglang.Comment:
			if ev.User == "" || ev.Text == "" || utf8.RuneCountInString(ev.Text) > qinglang.MaxCommentTextRunes {
				fail("bad comment")
			}
			if _, err := netip.ParseAddr(ev.IP); err != nil || ev.Device == "" {
				fail("bad ip or device")
			}
			if !accounts[ev.Platform+"|"+ev.User] {
				fail("comment before the user's account event")
			}
		case qinglang.Order:
			if ev.User == "" || ev.Product == "" || ev.Qty < 1 || ev.AmountFen < 0 {
				fail("bad order")
			}
			if !accounts[ev.Platform+"|"+ev.User] {
				fail("order before the user's account event")
			}
			if p, ok := prices[key+"|"+ev.Product]; !ok || ev.AmountFen != p*ev.Qty {
				fail("amount %d is not qty x listed price %d", ev.AmountFen, p)
			}
		case qinglang.Listing:
			if ev.Product == "" || ev.Title == "" || ev.Merchant == "" || !ev.Category.Known() || ev.PriceFen <= 0 {
				fail("bad listing")
			}
			if o := ev.OriginalPriceFen; o != nil && *o <= ev.PriceFen {
				fail("crossed-out price not above the price")
			}
			prices[key+"|"+ev.Product] = ev.PriceFen
		case qinglang.Account:
			if ev.User == "" || ev.CreatedAt == nil || !ev.CreatedAt.Before(ev.TS) || ev.Followers == nil || *ev.Followers < 0 {
				fail("bad account")
			}
			if accounts[ev.Platform+"|"+ev.User] {
				fail("second account event for a user")
			}
			accounts[ev.Platform+"|"+ev.User] = true
		}
	}
	for k := range started {
		if !ended[k] {
			t.Errorf("room %s never ended", k)
		}
	}
	if len(started) != cfg.Rooms*max(1, cfg.Days) {
		t.Errorf("%d broadcasts, want %d", len(started), cfg.Rooms*max(1, cfg.Days))
	}
	for _, ty := range qinglang.EventTypes {
		if types[ty] == 0 {
			t.Errorf("no %s events", ty)
		}
	}
	want := cfg.Platforms
	if len(want) == 0 {
		want = []string{qinglang.DefaultPlatform}
	}
	for _, p := range want {
		if !plats[p] {
			t.Errorf("platforms %v: no %s", plats, p)
		}
	}
	if len(plats) != len(want) {
		t.Errorf("platforms %v, want %v", plats, want)
	}
}

func TestEmitErrorStops(t *testing.T) {
	boom := errors.New("boom")
	n := 0
	err := Generate(small, func(*qinglang.Event) error {
		n++
		if n == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || n != 10 {
		t.Fatalf("err %v after %d events, want boom after 10", err, n)
	}
}

func TestCap(t *testing.T) {
	cfg := Config{Seed: 3, Rooms: 3, Duration: time.Hour, EventsPerRoom: 150}
	evs, _ := run(t, cfg)
	per := map[string]int{}
	lastOf := map[string]*qinglang.Event{}
	for i, ev := range evs {
		if i > 0 && ev.TS.Before(evs[i-1].TS) {
			t.Fatalf("event %s at %v goes back from %v", ev.ID, ev.TS, evs[i-1].TS)
		}
		room := ev.Room
		if room == "" { // account events belong to the room by id
			room = ev.ID[len("default-"):strings.LastIndexByte(ev.ID, '-')]
		}
		per[room]++
		lastOf[room] = ev
	}
	if len(per) != 3 {
		t.Fatalf("rooms: %v", per)
	}
	for room, n := range per {
		if n > 150 || n < 100 {
			t.Errorf("room %s: %d events, want 100..150", room, n)
		}
		if lastOf[room].Type != qinglang.RoomEnd {
			t.Errorf("room %s does not end with room_end", room)
		}
	}
	// Thinned, not truncated: comments keep coming until near the end.
	starts, lastComment := map[string]time.Time{}, map[string]time.Time{}
	for _, ev := range evs {
		switch ev.Type {
		case qinglang.RoomStart:
			starts[ev.Room] = ev.TS
		case qinglang.Comment:
			lastComment[ev.Room] = ev.TS
		}
	}
	for room, s := range starts {
		if lastComment[room].Before(s.Add(48 * time.Minute)) {
			t.Errorf("room %s: last comment at %v, start %v: the cap truncated the room", room, lastComment[room], s)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []Config{
		{Rooms: 0},
		{Rooms: MaxRooms + 1},
		{Rooms: 1, Days: -1},
		{Rooms: 1, Duration: time.Second},
		{Rooms: 1, Duration: 24 * time.Hour},
		{Rooms: 1, EventsPerRoom: 1},
		{Rooms: 1, FakePriceShare: 1.5},
		{Rooms: 1, Platforms: []string{"a", "a"}},
		{Rooms: 1, Platforms: []string{""}},
	} {
		err := Generate(c, func(*qinglang.Event) error { return nil })
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%+v: got %v, want an invalid-config error", c, err)
		}
	}
}

func TestDaysFollowEachOther(t *testing.T) {
	evs, _ := run(t, Config{Seed: 1, Rooms: 2, Days: 3, Duration: 10 * time.Minute})
	days := map[string]bool{}
	for _, ev := range evs {
		if ev.Type == qinglang.RoomStart {
			days[ev.TS.Format("2006-01-02")] = true
			if _, off := ev.TS.Zone(); off != 8*3600 {
				t.Fatalf("offset %d", off)
			}
		}
	}
	if len(days) != 3 || !days["2025-06-12"] || !days["2025-06-14"] {
		t.Fatalf("broadcast days %v", days)
	}
}
