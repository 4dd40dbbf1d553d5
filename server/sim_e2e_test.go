package server_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestSimulatedWeek runs eight simulated days of several rooms on two
// platforms through the server and compares the crossed-out price findings
// with the simulator's ground truth: every fake listing is found and
// nothing else (precision and recall 1).
func TestSimulatedWeek(t *testing.T) {
	m := newServer(t)
	fakes := map[string]bool{}
	honest := 0
	cfg := sim.Config{
		Seed: 3, Rooms: 4, Days: 8, Duration: 30 * time.Minute, EventsPerRoom: 200,
		Platforms: []string{"douyin", "kuaishou"},
		Labels: func(l sim.Label) {
			if l.Kind != sim.LabelFakeOriginal {
				return
			}
			if l.Fake {
				fakes[l.EventID] = true
			} else {
				honest++
			}
		},
	}
	var events []qinglang.Event
	if err := sim.Generate(cfg, func(ev *qinglang.Event) error { events = append(events, *ev); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(fakes) < 3 || honest < 10 {
		t.Fatalf("the simulation has %d fake and %d honest crossed-out prices; choose a config with more", len(fakes), honest)
	}

	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	const batch = 500
	for from := 0; from < len(events); from += batch {
		if err := m.Ingester().Ingest(ctx, events[from:min(from+batch, len(events))]); err != nil {
			t.Fatalf("Ingest events %d…: %v", from, err)
		}
	}
	waitProcessed(t, m, len(events))

	found := map[string]bool{}
	for _, f := range priceFindings(t, m) {
		if len(f.EventIDs) == 0 {
			t.Errorf("finding %s names no event", f.ID)
			continue
		}
		if found[f.EventIDs[0]] {
			t.Errorf("two findings about listing %s", f.EventIDs[0])
		}
		found[f.EventIDs[0]] = true
	}
	var missed, wrong []string
	for id := range fakes {
		if !found[id] {
			missed = append(missed, id)
		}
	}
	for id := range found {
		if !fakes[id] {
			wrong = append(wrong, id)
		}
	}
	slices.Sort(missed)
	slices.Sort(wrong)
	if len(missed) > 0 || len(wrong) > 0 {
		t.Errorf("%d events, %d fake and %d honest crossed-out prices: missed %v, flagged honest %v",
			len(events), len(fakes), honest, missed, wrong)
	}
	t.Logf("%d events, %d fake crossed-out prices found, %d honest ones left alone", len(events), len(fakes), honest)
}
