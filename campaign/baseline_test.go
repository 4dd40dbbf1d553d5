package campaign

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
)

// dupBaseline is the naive detector the benchmarks compare with: group
// identical normalised texts and accuse every account of a text that at
// least k accounts posted. Repeated text alone is not the signal: it
// accuses chanting fans, "1" floods and lottery crowds.
type dupBaseline struct {
	k     int
	norm  textnorm.Normalizer
	users map[string]uint32
	texts map[string]uint32
	pairs map[uint64]struct{} // text<<32 | user
}

func newDupBaseline(k int) *dupBaseline {
	return &dupBaseline{k: k, users: map[string]uint32{}, texts: map[string]uint32{}, pairs: map[uint64]struct{}{}}
}

func (b *dupBaseline) Observe(ev *qinglang.Event) {
	if ev.Type != qinglang.Comment {
		return
	}
	n := b.norm.Normalize(ev.Text).Norm
	t, ok := b.texts[n]
	if !ok {
		t = uint32(len(b.texts))
		b.texts[n] = t
	}
	u, ok := b.users[ev.User]
	if !ok {
		u = uint32(len(b.users))
		b.users[ev.User] = u
	}
	b.pairs[uint64(t)<<32|uint64(u)] = struct{}{}
}

// accused returns the accounts of every text posted by k accounts or more.
func (b *dupBaseline) accused() map[string]bool {
	perText := make(map[uint32][]uint32)
	for p := range b.pairs {
		perText[uint32(p>>32)] = append(perText[uint32(p>>32)], uint32(p))
	}
	names := make([]string, len(b.users))
	for name, u := range b.users {
		names[u] = name
	}
	out := map[string]bool{}
	for _, us := range perText {
		if len(us) >= b.k {
			for _, u := range us {
				out[names[u]] = true
			}
		}
	}
	return out
}

// TestBaselineOnHardCases shows why the detector is not exact-duplicate
// grouping: on the organic hard cases the baseline accuses hundreds of
// innocent viewers, the detector none; on the jelly crew both find it.
func TestBaselineOnHardCases(t *testing.T) {
	for _, oc := range organicCases {
		w := newWorld(3)
		oc.build(w)
		evs := w.sorted()
		b := newDupBaseline(5)
		for _, ev := range evs {
			b.Observe(ev)
		}
		acc := detectEvery(New(Config{}), evs, 10*time.Minute)
		t.Logf("%-18s baseline accuses %4d innocent accounts, the detector %d", oc.name, len(b.accused()), len(accused(acc)))
		if len(accused(acc)) != 0 {
			t.Errorf("%s: the detector accused %d", oc.name, len(accused(acc)))
		}
		if oc.name == "chanting-room-900" && len(b.accused()) < 500 {
			t.Errorf("the baseline should accuse the chanting fans, accused %d", len(b.accused()))
		}
	}
	w := jellyWorld()
	b := newDupBaseline(5)
	for _, ev := range w.sorted() {
		b.Observe(ev)
	}
	p, r, f, _, _ := prf(b.accused(), w.crew)
	t.Logf("jelly crew: baseline P %.3f R %.3f F1 %.3f", p, r, f)
	if r < 0.9 || p > 0.9 {
		t.Errorf("the baseline finds the naive crew (recall %.2f) along with fans (precision %.2f)", r, p)
	}
}

// BenchmarkBaselineObserve is the baseline's per-comment cost on the same
// stream as BenchmarkObserveComment.
func BenchmarkBaselineObserve(b *testing.B) {
	const n = 1 << 20
	var evs []qinglang.Event
	g := &benchGen{rng: rand.New(rand.NewPCG(1, 2)), rooms: 2000, accounts: 300_000, crews: 3, start: t0}
	g.stream(n, func(ev *qinglang.Event) { evs = append(evs, *ev) })
	b.ResetTimer()
	d := newDupBaseline(5)
	for i := range b.N {
		if i%len(evs) == 0 && i > 0 {
			b.StopTimer()
			d = newDupBaseline(5)
			runtime.GC()
			b.StartTimer()
		}
		d.Observe(&evs[i%len(evs)])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "µs/comment")
}

// BenchmarkBaselineJudge is the baseline's grouping over the window of
// BenchmarkJudge.
func BenchmarkBaselineJudge(b *testing.B) {
	n := benchN()
	d := newDupBaseline(5)
	g := &benchGen{rng: rand.New(rand.NewPCG(3, 4)), rooms: max(200, n/2000), accounts: max(10_000, n/8), crews: 4, start: t0}
	g.stream(n, d.Observe)
	b.ResetTimer()
	var acc map[string]bool
	for range b.N {
		acc = d.accused()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/judge")
	names := make([]string, 0, len(acc))
	for u := range acc {
		names = append(names, u)
	}
	slices.Sort(names)
	b.Logf("baseline accuses %d accounts", len(names))
}
