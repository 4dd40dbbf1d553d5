package natsbus

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// benchEvents is a batch of n comments of about 200 bytes encoded, spread
// over 100 rooms.
func benchEvents(tb testing.TB, n int) []qinglang.Event {
	ts := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	evs := make([]qinglang.Event, n)
	for i := range evs {
		evs[i] = qinglang.Event{Type: qinglang.Comment, TS: ts.Add(time.Duration(i) * time.Millisecond),
			ID: fmt.Sprintf("c-%08d", i), Platform: "douyin", Room: fmt.Sprintf("room-%03d", i%100),
			User: fmt.Sprintf("u%07d", i), IP: "36.112.4.17", Device: "d-9f2c", Text: "真给力，3颗就瘦了3.2斤"}
	}
	line, _ := json.Marshal(&evs[0])
	if len(line) < 170 || len(line) > 240 {
		tb.Fatalf("bench event is %d bytes, want about 200", len(line))
	}
	return evs
}

// BenchmarkIngest measures events per second through Ingest into the
// embedded server's file store, in batches of 1000 events of ~200 bytes.
func BenchmarkIngest(b *testing.B) {
	e, _ := startServer(b)
	bus := connect(b, e.ClientURL(), Options{Partitions: 8})
	evs := benchEvents(b, 1000)
	ctx := context.Background()
	b.SetBytes(int64(len(evs)) * 200)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if err := bus.Ingest(ctx, evs); err != nil {
			b.Fatalf("Ingest: %v", err)
		}
	}
	b.ReportMetric(float64(b.N*len(evs))/time.Since(start).Seconds(), "events/s")
}

// BenchmarkIngestParallel is BenchmarkIngest with concurrent callers, as
// under many HTTP clients.
func BenchmarkIngestParallel(b *testing.B) {
	e, _ := startServer(b)
	bus := connect(b, e.ClientURL(), Options{Partitions: 8})
	evs := benchEvents(b, 1000)
	ctx := context.Background()
	b.SetBytes(int64(len(evs)) * 200)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := bus.Ingest(ctx, evs); err != nil {
				b.Errorf("Ingest: %v", err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N*len(evs))/time.Since(start).Seconds(), "events/s")
}

// BenchmarkIngestConsume measures events per second from Ingest through
// Consume (batches of up to 64 messages, acknowledged) with a handler that
// only decodes.
func BenchmarkIngestConsume(b *testing.B) {
	e, _ := startServer(b)
	bus := connect(b, e.ClientURL(), Options{Partitions: 8})
	evs := benchEvents(b, 1000)
	ctx := context.Background()
	c := newCollector()
	runConsume(b, bus, 64, func(ctx context.Context, p int, msgs []Message) error {
		n := 0
		for _, m := range msgs {
			d, err := DecodeMessage(m.Data)
			if err != nil {
				return err
			}
			n += len(d)
		}
		c.mu.Lock()
		c.n += n
		c.mu.Unlock()
		return nil
	})
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if err := bus.Ingest(ctx, evs); err != nil {
			b.Fatalf("Ingest: %v", err)
		}
	}
	c.waitCount(b, b.N*len(evs))
	b.ReportMetric(float64(b.N*len(evs))/time.Since(start).Seconds(), "events/s")
}
