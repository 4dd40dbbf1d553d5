package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// MixedEvent returns the i-th event of a realistic mix: half comments, a
// quarter speech, then orders, listings, accounts and room starts, spread
// over 20 rooms.
func MixedEvent(i int, base time.Time) qinglang.Event {
	ev := qinglang.Event{
		ID: fmt.Sprintf("ev-%d", i), Platform: "p1", Room: fmt.Sprintf("room-%d", i%20),
		TS: base.Add(time.Duration(i) * 10 * time.Millisecond),
	}
	switch n := i % 100; {
	case n < 50:
		ev.Type, ev.User, ev.IP, ev.Device, ev.Text = qinglang.Comment, fmt.Sprintf("u%d", i%5000), "36.112.4.17", "d9", "真给力，3颗就瘦了3.2斤"
	case n < 75:
		ev.Type, ev.Speaker, ev.Text = qinglang.Speech, "h1", "家人们这款果冻吃了它三天瘦五斤，全网销量第一，今天直播间福利价只要五十九块九"
	case n < 90:
		ev.Type, ev.User, ev.Product, ev.Qty, ev.AmountFen = qinglang.Order, fmt.Sprintf("u%d", i%5000), fmt.Sprintf("p%d", i%50), 1, 5990
	case n < 95:
		ev.Type, ev.Product, ev.Title, ev.Merchant, ev.Category, ev.PriceFen = qinglang.Listing, fmt.Sprintf("p%d", i%50), "燃咔果冻 20颗装", "m1", qinglang.CatFood, 5990
	case n < 99:
		created, followers := base.AddDate(0, 0, -3), int64(i%100)
		ev.Type, ev.Room, ev.User, ev.CreatedAt, ev.Followers = qinglang.Account, "", fmt.Sprintf("u%d", i%5000), &created, &followers
	default:
		ev.Type, ev.Host, ev.Title = qinglang.RoomStart, "h1", "专场"
	}
	return ev
}

// BenchAddEvents writes batches of batch mixed events (MixedEvent, each
// with an id) to s with AddEvents, one transaction per batch, as a worker
// does, and reports events/s. Engines call it from their BenchmarkAddEvents.
func BenchAddEvents(b *testing.B, s qinglang.Store, batch int) {
	benchAdd(b, s, batch, func(ctx context.Context, tx qinglang.Tx, evs []qinglang.Event, origins []string) error {
		added, err := tx.AddEvents(ctx, evs, origins)
		if err != nil {
			return err
		}
		for i, ok := range added {
			if !ok {
				return fmt.Errorf("AddEvents: event %s reported a duplicate", evs[i].ID)
			}
		}
		return nil
	})
}

// BenchAddEventEach is BenchAddEvents calling AddEvent once per event: the
// figure AddEvents is measured against.
func BenchAddEventEach(b *testing.B, s qinglang.Store, batch int) {
	benchAdd(b, s, batch, func(ctx context.Context, tx qinglang.Tx, evs []qinglang.Event, origins []string) error {
		for i := range evs {
			added, err := tx.AddEvent(ctx, &evs[i], origins[i])
			if err != nil {
				return err
			}
			if !added {
				return fmt.Errorf("AddEvent: event %s reported a duplicate", evs[i].ID)
			}
		}
		return nil
	})
}

func benchAdd(b *testing.B, s qinglang.Store, batch int, add func(context.Context, qinglang.Tx, []qinglang.Event, []string) error) {
	ctx := context.Background()
	base := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("", 8*3600))
	evs := make([]qinglang.Event, batch)
	origins := make([]string, batch)
	next := 0
	for b.Loop() {
		b.StopTimer()
		for i := range batch {
			evs[i], origins[i] = MixedEvent(next+i, base), fmt.Sprintf("bench:%d", next+i)
		}
		b.StartTimer()
		tx, err := s.Begin(ctx)
		if err != nil {
			b.Fatalf("Begin: %v", err)
		}
		if err := add(ctx, tx, evs, origins); err != nil {
			b.Fatalf("batch from event %d: %v", next, err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatalf("Commit: %v", err)
		}
		next += batch
	}
	b.ReportMetric(float64(next)/b.Elapsed().Seconds(), "events/s")
}
