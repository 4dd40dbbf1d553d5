package loadgen

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// checkRequired returns what a generated event lacks under the contract.
func checkRequired(ev *qinglang.Event) string {
	switch {
	case ev.ID == "" || len(ev.ID) > qinglang.MaxIDBytes:
		return "id"
	case ev.Type.NeedsRoom() && ev.Room == "":
		return "room"
	}
	switch ev.Type {
	case qinglang.RoomStart:
		if ev.Host == "" {
			return "host"
		}
	case qinglang.Speech:
		if ev.Speaker == "" || ev.Text == "" || len([]rune(ev.Text)) > qinglang.MaxSpeechTextRunes {
			return "speech"
		}
	case qinglang.Comment:
		if ev.User == "" || ev.Text == "" || len([]rune(ev.Text)) > qinglang.MaxCommentTextRunes {
			return "comment"
		}
	case qinglang.Order:
		if ev.User == "" || ev.Product == "" || ev.Qty < 1 || ev.AmountFen < 0 {
			return "order"
		}
	case qinglang.Listing:
		if ev.Product == "" || ev.Title == "" || ev.Merchant == "" || !ev.Category.Known() || ev.PriceFen <= 0 {
			return "listing"
		}
	default:
		return "type"
	}
	return ""
}

func TestGeneratorMakesContractEvents(t *testing.T) {
	g := newGenerator("run1", "load", 30, 50, 42, time.Now)
	seen := map[string]bool{}
	types := map[qinglang.EventType]int{}
	rooms := map[string]bool{}
	probes := map[string]bool{}
	var all []qinglang.Event
	for range 100 {
		b := g.batch(97)
		if len(b.events) != 97 {
			t.Fatalf("batch of %d events, want 97", len(b.events))
		}
		index := map[string]int{}
		for i := range b.events {
			index[b.events[i].ID] = i
		}
		for _, p := range b.probes {
			o, l := b.events[index[p.order]], b.events[index[p.listing]]
			if index[p.listing] != index[p.order]+1 || o.Room != l.Room || o.Product != l.Product ||
				!o.TS.Before(l.TS) || *l.OriginalPriceFen != 5*o.UnitPriceFen() {
				t.Errorf("bad probe: order %+v listing %+v", o, l)
			}
			probes[p.listing] = true
		}
		all = append(all, b.events...)
	}
	for i := range all {
		ev := &all[i]
		if what := checkRequired(ev); what != "" {
			t.Fatalf("event %+v lacks %s", ev, what)
		}
		if seen[ev.ID] || !strings.HasPrefix(ev.ID, "run1-") || !strings.HasPrefix(ev.Room, "run1-") {
			t.Fatalf("id %q room %q: ids must be unique and carry the run id", ev.ID, ev.Room)
		}
		seen[ev.ID] = true
		types[ev.Type]++
		rooms[ev.Room] = true
		if d := time.Since(ev.TS); d < -time.Minute || d > time.Minute {
			t.Fatalf("ts %s is not around now", ev.TS)
		}
		raw, _ := json.Marshal(ev)
		if !strings.Contains(string(raw), "+08:00\"") || ev.Platform != "load" {
			t.Fatalf("event %s lacks the +08:00 offset or the platform", raw)
		}
	}
	for _, typ := range []qinglang.EventType{qinglang.RoomStart, qinglang.Speech, qinglang.Comment, qinglang.Order, qinglang.Listing} {
		if types[typ] == 0 {
			t.Errorf("no %s events in %d", typ, len(all))
		}
	}
	if len(rooms) != 30 || types[qinglang.RoomStart] != 30 {
		t.Errorf("%d rooms, %d room_start, want 30 each", len(rooms), types[qinglang.RoomStart])
	}
	if want := len(all) / 50; len(probes) < want-10 || len(probes) > want+10 {
		t.Errorf("%d probes in %d events, want about one in 50", len(probes), len(all))
	}

	// The fake-original rule (a listing's original price above the lowest
	// unit price its product sold at before) fires on the probes only.
	lowest := map[string]int64{}
	fired := 0
	for i := range all {
		ev := &all[i]
		switch ev.Type {
		case qinglang.Order:
			if low, ok := lowest[ev.Product]; !ok || ev.UnitPriceFen() < low {
				lowest[ev.Product] = ev.UnitPriceFen()
			}
		case qinglang.Listing:
			low, ok := lowest[ev.Product]
			if ok && ev.OriginalPriceFen != nil && *ev.OriginalPriceFen > low {
				fired++
				if !probes[ev.ID] {
					t.Errorf("ordinary listing %+v looks like a fake original price", ev)
				}
			}
		}
	}
	if fired != len(probes) {
		t.Errorf("rule fired %d times for %d probes", fired, len(probes))
	}
}

func TestGeneratorProbeNeedsRoom(t *testing.T) {
	g := newGenerator("r", "load", 1, 2, 1, time.Now)
	if b := g.batch(1); len(b.events) != 1 || len(b.probes) != 0 {
		t.Errorf("batch of 1: %d events, %d probes; a probe does not fit", len(b.events), len(b.probes))
	}
	if b := g.batch(2); len(b.probes) != 1 {
		t.Errorf("batch of 2 with a probe due: %d probes", len(b.probes))
	}
	g = newGenerator("r", "load", 1, 0, 1, time.Now)
	if b := g.batch(500); len(b.probes) != 0 {
		t.Errorf("probes off, got %d", len(b.probes))
	}
}
