package pricecheck

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
)

// facts is a fake qinglang.Facts over lists of orders and listings.
type facts struct {
	orders   []qinglang.OrderFact
	listings []qinglang.Event
}

func (f facts) ComparedListings(_ context.Context, _, _ string, from, to time.Time, limit int) ([]qinglang.Event, error) {
	var out []qinglang.Event
	for _, l := range f.listings {
		if l.TS.After(from) && !l.TS.After(to) && l.OriginalPriceFen != nil && len(out) < limit {
			out = append(out, l)
		}
	}
	return out, nil
}

func (f facts) LowestOrder(_ context.Context, _, _ string, from, to time.Time) (*qinglang.OrderFact, error) {
	var best *qinglang.OrderFact
	for i, o := range f.orders {
		if !o.TS.Before(from) && o.TS.Before(to) && (best == nil || o.UnitPriceFen < best.UnitPriceFen) {
			best = &f.orders[i]
		}
	}
	return best, nil
}

func (f facts) LastOrderBefore(_ context.Context, _, _ string, before time.Time) (*qinglang.OrderFact, error) {
	var last *qinglang.OrderFact
	for i, o := range f.orders {
		if o.TS.Before(before) && (last == nil || o.TS.After(last.TS)) {
			last = &f.orders[i]
		}
	}
	return last, nil
}

func (f facts) UserOrders(context.Context, string, string, time.Time) (int64, error) {
	return 0, nil
}

func (f facts) RoomOrders(context.Context, string, string, time.Time) (int64, int64, error) {
	return 0, 0, nil
}

func (f facts) LatestSpotCheck(context.Context, string, time.Time) (*qinglang.SpotCheckRecord, error) {
	return nil, nil
}

var cst = time.FixedZone("CST", 8*3600)

func day(d int) time.Time { return time.Date(2025, 6, d, 20, 0, 0, 0, cst) }

func listing(ts time.Time, price, original int64) *qinglang.Event {
	return &qinglang.Event{Type: qinglang.Listing, ID: "l1", TS: ts, Platform: "default", Room: "r1",
		Product: "p1", Title: "燃咔果冻 20颗装", Merchant: "m1", Category: qinglang.CatFood,
		PriceFen: price, OriginalPriceFen: &original}
}

func order(id string, ts time.Time, unit int64) qinglang.OrderFact {
	return qinglang.OrderFact{EventID: id, Room: "r0", User: "u1", TS: ts, Qty: 1, AmountFen: unit, UnitPriceFen: unit}
}

func TestDetect(t *testing.T) {
	week := []qinglang.OrderFact{order("o1", day(5), 29800), order("o2", day(8), 29800), order("o3", day(10), 31000)}
	tests := []struct {
		name     string
		orders   []qinglang.OrderFact
		ev       *qinglang.Event
		want     bool
		severity qinglang.Severity
		ref      string
		orderID  string
	}{
		{"fake original far above the week's lowest", week, listing(day(11), 29800, 198000), true, qinglang.SeverityCritical, "lowest_in_window", "o1"},
		{"original equal to the lowest is honest", week, listing(day(11), 25900, 29800), false, "", "", ""},
		{"original below the lowest is honest", week, listing(day(11), 25900, 29000), false, "", "", ""},
		{"slightly above the lowest is medium", week, listing(day(11), 25900, 31000), true, qinglang.SeverityMedium, "lowest_in_window", "o1"},
		{"no sale in 7 days: the last one before counts", []qinglang.OrderFact{order("o9", day(1), 5990)}, listing(day(20), 5990, 19900), true, qinglang.SeverityHigh, "last_before_window", "o9"},
		{"an order at the listing's own ts is not before it", []qinglang.OrderFact{order("o5", day(11), 100)}, listing(day(11), 25900, 29800), false, "", "", ""},
		{"never sold: nothing to compare", nil, listing(day(11), 29800, 198000), false, "", "", ""},
		{"no original price: no claim", week, &qinglang.Event{Type: qinglang.Listing, TS: day(11), Product: "p1", PriceFen: 100}, false, "", "", ""},
	}
	d := New(Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := d.Detect(context.Background(), &pipeline.Input{Event: tt.ev, Facts: facts{orders: tt.orders}})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(fs) == 1; got != tt.want || len(fs) > 1 {
				t.Fatalf("findings = %d, want finding: %v", len(fs), tt.want)
			}
			if !tt.want {
				return
			}
			f := fs[0]
			if f.Rule != Rule || f.Kind != qinglang.KindClaim || f.Severity != tt.severity {
				t.Errorf("rule/kind/severity = %s/%s/%s, want %s/claim/%s", f.Rule, f.Kind, f.Severity, Rule, tt.severity)
			}
			if f.Basis == "" || !strings.Contains(f.Summary, "虚构原价") || f.SummaryEN == "" {
				t.Errorf("summary/basis missing: %+v", f)
			}
			var ev Evidence
			if err := json.Unmarshal(f.Evidence, &ev); err != nil {
				t.Fatal(err)
			}
			if ev.Reference != tt.ref || ev.Order == nil || ev.Order.EventID != tt.orderID || ev.ReferencePrice != ev.Order.UnitPriceFen {
				t.Errorf("evidence = %+v, want reference %s from order %s", ev, tt.ref, tt.orderID)
			}
			if ev.OriginalPriceFen != *tt.ev.OriginalPriceFen || ev.PriceFen != tt.ev.PriceFen {
				t.Errorf("evidence prices = %d/%d", ev.OriginalPriceFen, ev.PriceFen)
			}
			if len(f.EventIDs) != 2 || f.EventIDs[0] != "l1" || f.EventIDs[1] != tt.orderID {
				t.Errorf("event_ids = %v", f.EventIDs)
			}
		})
	}
}

func TestDedupKeyStableForSameClaim(t *testing.T) {
	d := New(Config{})
	f := facts{orders: []qinglang.OrderFact{order("o1", day(5), 29800)}}
	a, _ := d.Detect(context.Background(), &pipeline.Input{Event: listing(day(6), 29800, 198000), Facts: f})
	b, _ := d.Detect(context.Background(), &pipeline.Input{Event: listing(day(6).Add(time.Hour), 29800, 198000), Facts: f})
	c, _ := d.Detect(context.Background(), &pipeline.Input{Event: listing(day(6), 29800, 99000), Facts: f})
	if a[0].DedupKey != b[0].DedupKey {
		t.Error("re-showing the same listing should not make a new finding")
	}
	if a[0].DedupKey == c[0].DedupKey {
		t.Error("a different original price is a different claim")
	}
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{0: "¥0.00", 5990: "¥59.90", 198000: "¥1980.00", -5: "-¥0.05"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %s, want %s", fen, got, want)
		}
	}
}

func TestLateOrderRechecksLaterListings(t *testing.T) {
	d := New(Config{})
	fake, honest, far := listing(day(11), 29800, 198000), listing(day(12), 25900, 29800), listing(day(11).Add(40*24*time.Hour), 29800, 198000)
	fake.ID, honest.ID, far.ID = "l-fake", "l-honest", "l-far"
	late := order("o-late", day(9), 29800)
	f := facts{orders: []qinglang.OrderFact{late}, listings: []qinglang.Event{*fake, *honest, *far}}
	ev := &qinglang.Event{Type: qinglang.Order, ID: "o-late", TS: day(9), Platform: "default", Room: "r0",
		Product: "p1", User: "u1", Qty: 1, AmountFen: 29800}
	fs, err := d.Detect(context.Background(), &pipeline.Input{Event: ev, Facts: f})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].EventIDs[0] != "l-fake" {
		t.Fatalf("findings = %+v, want exactly the fake listing re-checked (the honest one passes, the far one is past the horizon)", fs)
	}
	direct, _ := d.Detect(context.Background(), &pipeline.Input{Event: fake, Facts: f})
	if len(direct) != 1 || direct[0].DedupKey != fs[0].DedupKey || direct[0].Room != fs[0].Room {
		t.Error("a finding reached from the order side must be the same finding as from the listing side")
	}
}
