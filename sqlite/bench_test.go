package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/storetest"
)

// BenchmarkAddEvents writes batches of 1000 mixed events to a SQLite file,
// one transaction per batch, as a worker does, and reports events/s. Each
// commit syncs the WAL (synchronous=FULL), so the figure depends on the disk.
func BenchmarkAddEvents(b *testing.B) {
	benchAddEvents(b, filepath.Join(b.TempDir(), "bench.db"))
}

// BenchmarkAddEventsMemory is BenchmarkAddEvents on ":memory:": the cost of
// the SQL and encoding alone, without the disk.
func BenchmarkAddEventsMemory(b *testing.B) {
	benchAddEvents(b, sqlite.Memory)
}

func benchAddEvents(b *testing.B, path string) {
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	defer s.Close()
	storetest.BenchAddEvents(b, s, 1000)
}
