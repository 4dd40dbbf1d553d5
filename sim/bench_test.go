package sim

import (
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// benchGenerate runs Generate b.N times and reports events per second and
// the largest live heap seen during a run.
func benchGenerate(b *testing.B, cfg Config) {
	b.ReportAllocs()
	var events int64
	var peak uint64
	var ms runtime.MemStats
	start := time.Now()
	for b.Loop() {
		var n int64
		err := Generate(cfg, func(*qinglang.Event) error {
			n++
			if n%500_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		events += n
	}
	secs := time.Since(start).Seconds()
	b.ReportMetric(float64(events)/secs, "events/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/run")
	if peak > 0 {
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	}
}

func BenchmarkGenerate(b *testing.B) {
	benchGenerate(b, Config{Seed: 1, Rooms: 50, Duration: 30 * time.Minute})
}

// BenchmarkGenerateThousands is the scale case: 5,000 rooms at once.
func BenchmarkGenerateThousands(b *testing.B) {
	benchGenerate(b, Config{Seed: 1, Rooms: 5000, Duration: 20 * time.Minute, Platforms: []string{"a", "b", "c"}})
}

func BenchmarkWriteJSONL(b *testing.B) {
	cfg := Config{Seed: 1, Rooms: 50, Duration: 30 * time.Minute}
	var events int64
	start := time.Now()
	for b.Loop() {
		n, err := WriteJSONL(io.Discard, cfg)
		if err != nil {
			b.Fatal(err)
		}
		events += n
	}
	b.ReportMetric(float64(events)/time.Since(start).Seconds(), "events/s")
}
