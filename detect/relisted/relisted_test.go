package relisted

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/spotcheck"
)

// facts answers LatestSpotCheck from a list of records, as the store does.
type facts struct {
	qinglang.Facts
	recs []qinglang.SpotCheckRecord
}

func (f facts) LatestSpotCheck(_ context.Context, product string, at time.Time) (*qinglang.SpotCheckRecord, error) {
	var best *qinglang.SpotCheckRecord
	for i, r := range f.recs {
		if r.Product == product && !r.TestedAt.After(at) && (best == nil || r.TestedAt.After(best.TestedAt)) {
			best = &f.recs[i]
		}
	}
	return best, nil
}

func record(t *testing.T, pass bool, tested time.Time, cat qinglang.Category) qinglang.SpotCheckRecord {
	t.Helper()
	r := spotcheck.Result{Product: "sku-1", Batch: "B1", Platform: "p1", Lab: "省质检院", Category: cat,
		SampledAt: tested.Add(-48 * time.Hour), TestedAt: tested, Pass: pass}
	if !pass {
		r.FailedItems = []spotcheck.Item{{Name: "菌落总数", Measured: "5.2e5", Limit: "1e5", Unit: "CFU/g"}}
	}
	rec, err := spotcheck.Stored{Result: r, Outcome: spotcheck.Effects(r, nil)}.Record()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func listing(ts time.Time, platform string) *qinglang.Event {
	return &qinglang.Event{Type: qinglang.Listing, ID: "l-" + platform, Platform: platform, Room: "r9",
		TS: ts, Product: "sku-1", Merchant: "m2", Title: "果冻", PriceFen: 990}
}

func TestRelisted(t *testing.T) {
	t0 := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	failed := record(t, false, t0, qinglang.CatFood)
	passed := record(t, true, t0.Add(72*time.Hour), qinglang.CatFood)
	d := New()
	cases := []struct {
		name string
		recs []qinglang.SpotCheckRecord
		ev   *qinglang.Event
		want int
	}{
		{"listed after the failure, another platform", []qinglang.SpotCheckRecord{failed}, listing(t0.Add(time.Hour), "p2"), 1},
		{"listed before the result", []qinglang.SpotCheckRecord{failed}, listing(t0.Add(-time.Hour), "p2"), 0},
		{"a later pass lifts it", []qinglang.SpotCheckRecord{failed, passed}, listing(t0.Add(96*time.Hour), "p1"), 0},
		{"between failure and pass", []qinglang.SpotCheckRecord{failed, passed}, listing(t0.Add(24*time.Hour), "p1"), 1},
		{"no spot check", nil, listing(t0, "p1"), 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs, err := d.Detect(context.Background(), &pipeline.Input{Event: c.ev, Facts: facts{recs: c.recs}})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != c.want {
				t.Fatalf("%d findings, want %d: %+v", len(fs), c.want, fs)
			}
			if c.want == 0 {
				return
			}
			f := fs[0]
			if f.Rule != Rule || f.Kind != qinglang.KindListing || f.Severity != qinglang.SeverityCritical || f.Platform != c.ev.Platform {
				t.Errorf("finding = %+v", f)
			}
			if !strings.Contains(f.Summary, failed.ID) || !strings.Contains(f.Basis, "食品安全法") {
				t.Errorf("summary/basis do not name the spot check and the law: %s / %s", f.Summary, f.Basis)
			}
			var e Evidence
			if err := json.Unmarshal(f.Evidence, &e); err != nil || e.SpotCheck != failed.ID || len(e.FailedItems) != 1 || e.Lab != "省质检院" {
				t.Errorf("evidence = %s (%v)", f.Evidence, err)
			}
		})
	}
}

func TestRelistedIgnoresOtherEvents(t *testing.T) {
	failed := record(t, false, time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), qinglang.CatCosmetics)
	ev := &qinglang.Event{Type: qinglang.Order, Product: "sku-1", TS: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)}
	fs, err := New().Detect(context.Background(), &pipeline.Input{Event: ev, Facts: facts{recs: []qinglang.SpotCheckRecord{failed}}})
	if err != nil || len(fs) != 0 {
		t.Fatalf("an order gave %v %v", fs, err)
	}
	fs, err = New().Detect(context.Background(), &pipeline.Input{Event: listing(ev.TS, "p1"), Facts: facts{recs: []qinglang.SpotCheckRecord{failed}}})
	if err != nil || len(fs) != 1 || fs[0].Severity != qinglang.SeverityHigh {
		t.Fatalf("a cosmetics failure: %v %v, want one high finding", fs, err)
	}
}
