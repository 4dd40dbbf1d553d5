package sim

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// TestPriceLabels proves the labels: it recomputes, from the orders the
// run emitted, the price the seven-day rule compares each crossed-out
// price with, and checks every honest listing keeps to it and every fake
// one breaks it. Orders from every room of the platform count.
func TestPriceLabels(t *testing.T) {
	cfg := Config{Seed: 5, Rooms: 30, Days: 9, Duration: time.Hour, Platforms: []string{"a", "b"}}
	evs, labels := run(t, cfg)
	byID := map[string]Label{}
	for _, l := range labels {
		if l.Kind != LabelFakeOriginal {
			continue
		}
		if _, dup := byID[l.EventID]; dup {
			t.Fatalf("two labels for %s", l.EventID)
		}
		byID[l.EventID] = l
	}
	type ord struct {
		ts   time.Time
		unit int64
		room string // the room's slot: the same every day
	}
	orders := map[string][]ord{} // platform|product
	var honest, fake, crossRoom, olderCheaper int
	for _, ev := range evs {
		key := ev.Platform + "|" + ev.Product
		switch ev.Type {
		case qinglang.Order:
			orders[key] = append(orders[key], ord{ev.TS, ev.UnitPriceFen(), slotOf(ev.Room)})
		case qinglang.Listing:
			l, labelled := byID[ev.ID]
			if ev.OriginalPriceFen == nil {
				if labelled {
					t.Fatalf("%s: labelled but shows no crossed-out price", ev.ID)
				}
				continue
			}
			if !labelled {
				t.Fatalf("%s: crossed-out price without a label", ev.ID)
			}
			orig := *ev.OriginalPriceFen
			from := ev.TS.Add(-7 * 24 * time.Hour)
			ref, lastBefore, found := int64(-1), int64(-1), false
			var refRooms map[string]bool
			var allMin int64 = -1
			for _, o := range orders[key] {
				if !o.ts.Before(ev.TS) {
					break
				}
				lastBefore = o.unit
				if allMin < 0 || o.unit < allMin {
					allMin = o.unit
				}
				if o.ts.Before(from) {
					continue
				}
				switch {
				case !found || o.unit < ref:
					ref, found, refRooms = o.unit, true, map[string]bool{o.room: true}
				case o.unit == ref:
					refRooms[o.room] = true
				}
			}
			if !found {
				ref = lastBefore
			}
			if ref < 0 {
				t.Fatalf("%s: crossed-out price on a product never sold", ev.ID)
			}
			if l.ReferenceFen != ref || l.OriginalPriceFen != orig || l.PriceFen != ev.PriceFen || l.Product != ev.Product {
				t.Fatalf("%s: label %+v, recomputed reference %d", ev.ID, l, ref)
			}
			if l.Fake {
				fake++
				if orig <= ref {
					t.Errorf("%s: fake label but original %d <= lowest %d", ev.ID, orig, ref)
				}
				continue
			}
			honest++
			if orig > ref {
				t.Errorf("%s: honest label but original %d > lowest %d", ev.ID, orig, ref)
			}
			if found && !refRooms[slotOf(ev.Room)] {
				crossRoom++
			}
			if allMin < ref {
				olderCheaper++
			}
		}
	}
	share := float64(fake) / float64(fake+honest)
	t.Logf("crossed-out listings: %d honest, %d fake (%.2f); honest set by another room: %d; cheaper sale older than 7 days ignored: %d",
		honest, fake, share, crossRoom, olderCheaper)
	if honest < 50 || fake < 10 {
		t.Fatalf("too few labelled listings: %d honest, %d fake", honest, fake)
	}
	if share < 0.07 || share > 0.3 {
		t.Errorf("fake share %.2f far from %.2f", share, DefaultFakePriceShare)
	}
	if crossRoom == 0 {
		t.Error("no honest listing whose lowest price was set in another room")
	}
	if olderCheaper == 0 {
		t.Error("no honest listing above a cheaper sale older than seven days")
	}
}

func TestNoFakes(t *testing.T) {
	_, labels := run(t, Config{Seed: 2, Rooms: 6, Days: 3, Duration: time.Hour, FakePriceShare: -1})
	for _, l := range labels {
		if l.Kind == LabelFakeOriginal && l.Fake {
			t.Fatalf("fake label with FakePriceShare < 0: %+v", l)
		}
	}
	if len(labels) == 0 {
		t.Fatal("no labelled listings")
	}
}

// TestStaircase compares priceHist with a brute-force scan.
func TestStaircase(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var h priceHist
		var all []sale
		at := int64(0)
		for range 300 {
			at += int64(r.IntN(3 * 24 * 3600 * 1000))
			if r.IntN(3) == 0 {
				q := at + int64(r.IntN(1000)) + 1
				want, wok := brute(all, q)
				got, ok := h.reference(q)
				if got != want || ok != wok {
					t.Fatalf("trial %d: reference(%d) = %d %v, want %d %v", trial, q, got, ok, want, wok)
				}
				continue
			}
			p := int64(1 + r.IntN(8)*1000)
			h.record(at, p)
			all = append(all, sale{at, p})
			if len(h.stair) > 9 {
				t.Fatalf("staircase grew to %d", len(h.stair))
			}
		}
	}
}

func brute(all []sale, t int64) (int64, bool) {
	lo, found := int64(0), false
	for _, s := range all {
		if s.at >= t-week && s.at < t && (!found || s.price < lo) {
			lo, found = s.price, true
		}
	}
	if found {
		return lo, true
	}
	if len(all) == 0 {
		return 0, false
	}
	return all[len(all)-1].price, true
}

func TestPriceFormats(t *testing.T) {
	for fen, want := range map[int64]string{5990: "59.9", 29800: "298", 5999: "59.99", 198000: "1980", 905: "9.05", 0: "0"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %q, want %q", fen, got, want)
		}
	}
	for in, want := range map[int64]int64{5990: 5990, 6100: 5990, 29800: 29800, 196680: 198000, 50: 90} {
		if got := nicePrice(in); got != want {
			t.Errorf("nicePrice(%d) = %d, want %d", in, got, want)
		}
	}
	if got := inflate(29800, 6.6); got != 198000 {
		t.Errorf("inflate(298, 6.6) = %d, want 1980 yuan", got)
	}
	for ref := int64(90); ref < 2_000_000; ref = ref*3/2 + 7 {
		if o := inflate(ref, 3); o <= ref {
			t.Fatalf("inflate(%d) = %d, not above", ref, o)
		}
	}
}

// slotOf strips the date from a room id: "r3-20250612" -> "r3".
func slotOf(room string) string { return strings.Split(room, "-")[0] }
