package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/storetest"
)

// BenchmarkAddEvents writes batches of 1000 mixed events to a SQLite file
// with AddEvents, one transaction per batch, as a worker does, and reports
// events/s. Each commit syncs the WAL (synchronous=FULL), so the figure
// depends on the disk.
func BenchmarkAddEvents(b *testing.B) {
	storetest.BenchAddEvents(b, openBench(b, sqlite.Open, filepath.Join(b.TempDir(), "bench.db")), 1000)
}

// BenchmarkAddEventsScratch is BenchmarkAddEvents on a scratch file
// (OpenScratch), as the offline scan writes.
func BenchmarkAddEventsScratch(b *testing.B) {
	storetest.BenchAddEvents(b, openBench(b, sqlite.OpenScratch, filepath.Join(b.TempDir(), "bench.db")), 1000)
}

// BenchmarkAddEventsMemory is BenchmarkAddEvents on ":memory:": the cost of
// the SQL and encoding alone, without the disk.
func BenchmarkAddEventsMemory(b *testing.B) {
	storetest.BenchAddEvents(b, openBench(b, sqlite.Open, sqlite.Memory), 1000)
}

// BenchmarkAddEventEach is BenchmarkAddEvents with one AddEvent per event,
// on a durable file and on a scratch one.
func BenchmarkAddEventEach(b *testing.B) {
	b.Run("durable", func(b *testing.B) {
		storetest.BenchAddEventEach(b, openBench(b, sqlite.Open, filepath.Join(b.TempDir(), "bench.db")), 1000)
	})
	b.Run("scratch", func(b *testing.B) {
		storetest.BenchAddEventEach(b, openBench(b, sqlite.OpenScratch, filepath.Join(b.TempDir(), "bench.db")), 1000)
	})
}

// openBench opens a store for a benchmark, closed when it ends.
func openBench[S qinglang.Store](b *testing.B, open func(context.Context, string) (S, error), path string) qinglang.Store {
	b.Helper()
	s, err := open(context.Background(), path)
	if err != nil {
		b.Fatalf("open %s: %v", path, err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}
