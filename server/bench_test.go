package server

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// benchEvents is a simulated evening: ~50 rooms, one day, with ids.
func benchEvents(b *testing.B) []qinglang.Event {
	b.Helper()
	var evs []qinglang.Event
	err := sim.Generate(sim.Config{Seed: 42, Rooms: 50, Days: 2, Duration: 20 * time.Minute}, func(ev *qinglang.Event) error {
		evs = append(evs, *ev)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return evs
}

// BenchmarkEndToEnd measures events/s from Ingest (durably in the
// embedded JetStream file store) to committed in SQLite with the
// detectors run: the whole serve path but HTTP.
//
//	go test -run '^$' -bench 'EndToEnd' -benchtime 3x ./server
func BenchmarkEndToEnd(b *testing.B) {
	events := benchEvents(b)
	const batch = 1000
	ctx := context.Background()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m, err := Start(ctx, Config{DataDir: b.TempDir(), Listen: "127.0.0.1:0",
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		done := make(chan error, 4)
		for w := 0; w < 4; w++ {
			go func(w int) {
				for lo := w * batch; lo < len(events); lo += 4 * batch {
					if err := m.Ingester().Ingest(ctx, events[lo:min(lo+batch, len(events))]); err != nil {
						done <- err
						return
					}
				}
				done <- nil
			}(w)
		}
		for w := 0; w < 4; w++ {
			if err := <-done; err != nil {
				b.Fatal(err)
			}
		}
		ingested := time.Since(start)
		for testutil.ToFloat64(m.Metrics().EventsProcessed) < float64(len(events)) {
			time.Sleep(5 * time.Millisecond)
		}
		total += time.Since(start)
		b.StopTimer()
		b.ReportMetric(float64(len(events))/ingested.Seconds(), "ingest-events/s")
		if err := m.Shutdown(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(events)*b.N)/total.Seconds(), "events/s")
	b.ReportMetric(float64(len(events)), "events/op")
}
