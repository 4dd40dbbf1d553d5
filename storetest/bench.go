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

// BenchAddEvents writes batches of batch mixed events (MixedEvent) to s,
// one transaction per batch, as a worker does, and reports events/s. Engines
// call it from their BenchmarkAddEvents.
func BenchAddEvents(b *testing.B, s qinglang.Store, batch int) {
	ctx := context.Background()
	base := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("", 8*3600))
	next := 0
	for b.Loop() {
		tx, err := s.Begin(ctx)
		if err != nil {
			b.Fatalf("Begin: %v", err)
		}
		for range batch {
			ev := MixedEvent(next, base)
			added, err := tx.AddEvent(ctx, &ev, fmt.Sprintf("bench:%d", next))
			if err != nil || !added {
				b.Fatalf("AddEvent(%d) = %v, %v", next, added, err)
			}
			next++
		}
		if err := tx.Commit(); err != nil {
			b.Fatalf("Commit: %v", err)
		}
	}
	b.ReportMetric(float64(next)/b.Elapsed().Seconds(), "events/s")
}
