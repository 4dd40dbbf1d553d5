package sim

import (
	"math"
	"math/rand/v2"
)

// splitmix is the SplitMix64 finaliser: a fast, well-mixed hash of x.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hash mixes a seed and values into one deterministic 64-bit value. Facts
// that must stay the same wherever they are looked at (a user's device, a
// product's regular price) are hashes rather than draws from a generator.
func hash(seed uint64, vals ...uint64) uint64 {
	h := splitmix(seed)
	for _, v := range vals {
		h = splitmix(h ^ v)
	}
	return h
}

// unit maps a hash to [0, 1).
func unit(h uint64) float64 { return float64(h>>11) / (1 << 53) }

// Salts keep hashes of different facts apart.
const (
	saltProduct uint64 = iota + 1
	saltDayPrice
	saltUser
	saltDevice
	saltIP
	saltAccount
	saltSlot
	saltViewer
	saltGuest
	saltCrew
	saltHard
)

// expGap draws an exponential waiting time in milliseconds for a Poisson
// process of rate per second, at least 1 ms.
func expGap(r *rand.Rand, rate float64) int64 {
	if rate <= 0 {
		return math.MaxInt64 / 4
	}
	return max(1, int64(r.ExpFloat64()/rate*1000))
}

// between draws uniformly from [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
