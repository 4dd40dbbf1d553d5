package loadgen

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// MaxSamples is how many samples a latency distribution keeps. Beyond it a
// uniform reservoir (Vitter's algorithm R) stands for all of them, and the
// report says the percentiles were estimated from a sample.
const MaxSamples = 1_000_000

// samples records durations and answers exact percentiles of what it holds.
// It is safe for concurrent use.
type samples struct {
	mu    sync.Mutex
	limit int
	vals  []time.Duration
	n     int64 // every sample offered, kept or not
	max   time.Duration
	rng   *rand.Rand
}

// newSamples returns a distribution keeping at most limit samples, with a
// reservoir seeded from seed.
func newSamples(limit int, seed uint64) *samples {
	return &samples{limit: limit, rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
}

// add records one duration.
func (s *samples) add(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	if d > s.max {
		s.max = d
	}
	if len(s.vals) < s.limit {
		s.vals = append(s.vals, d)
		return
	}
	if j := s.rng.Int64N(s.n); j < int64(s.limit) {
		s.vals[j] = d
	}
}

// summary is what a distribution reports.
type summary struct {
	count   int64 // every sample offered
	sampled bool  // percentiles come from a reservoir, not from every sample
	max     time.Duration
	p       []time.Duration // in the order of the requested percentiles
}

// summarize sorts a copy of the kept samples and returns the requested
// percentiles (0 < p <= 100) by the nearest-rank method, zero when empty.
func (s *samples) summarize(ps ...float64) summary {
	s.mu.Lock()
	vals := slices.Clone(s.vals)
	out := summary{count: s.n, sampled: s.n > int64(len(s.vals)), max: s.max}
	s.mu.Unlock()
	slices.Sort(vals)
	out.p = make([]time.Duration, len(ps))
	for i, p := range ps {
		out.p[i] = percentile(vals, p)
	}
	return out
}

// percentile returns the nearest-rank p-th percentile of sorted values:
// the smallest value with at least p% of the values at or below it.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
