package campaign

import (
	"cmp"
	"math"
	"slices"
)

// Bursts across scripts. A crew told to "go" posts its lines within a
// minute or two, but a paraphrasing crew's lines fall into different
// script clusters, so no (room, script, bucket) key holds them together
// and lockstep needs two matches per pair that sparse members never
// make. What the moment shows is that several accounts said the same
// commercial thing, unbought, together, far beyond what the room says in
// such minutes. Onlookers' praise comes in surges too (a product shown,
// a price cut), so a window must pass two tests against the room itself:
//
//   - its share: the unbought commercial comments among all comments
//     with content of those minutes, against the room's share over the
//     window (binomial), so a surge of every kind of comment proves
//     nothing;
//   - its count: against the counts of the room's other windows
//     (negative binomial with their mean and variance, the window
//     itself left out), so a room whose praise comes in waves proves
//     nothing by one more wave.
//
// Both are corrected for the number of windows of the broadcast.

// promoBurst is one unbought commercial comment of a room.
type promoBurst struct {
	room, minute, acct, script uint32
	n                          int32
}

// promoBursts finds the bursts of every room: windows of burstWindow in
// which burstMin accounts or more posted related unbought commercial
// speech (v.unboughtPromo, v.related) that passes both tests at
// burstAlpha. The accounts of each burst are linked, its room is a
// linked room, and v.burst records each account's first burst.
func (v *view) promoBursts() {
	v.burst = make(map[uint32]int32)
	var l []promoBurst
	for i := range v.acts {
		if x := &v.acts[i]; v.unboughtPromo(x) {
			l = append(l, promoBurst{x.room, x.minute, x.acct, x.script, int32(x.n)})
		}
	}
	if len(l) == 0 {
		return
	}
	slices.SortFunc(l, func(a, b promoBurst) int {
		if a.room != b.room {
			return int(a.room) - int(b.room)
		}
		return int(a.minute) - int(b.minute)
	})
	perMin := v.minuteCounts()
	for lo := 0; lo < len(l); {
		hi := lo
		for hi < len(l) && l[hi].room == l[lo].room {
			hi++
		}
		v.roomBursts(l[lo:hi], l, perMin)
		lo = hi
	}
}

// roomBursts finds the bursts of one room's unbought commercial comments
// (sorted by minute); all holds those of every room of the platform.
func (v *view) roomBursts(room, all []promoBurst, perMin minuteCounts) {
	r := room[0].room
	w := uint32(burstWindow.Minutes())
	start, span := v.roomSpan(r, room[0].minute, room[len(room)-1].minute)
	tiles := max(1, int(span/w))
	// distinct accounts per tile of w minutes, for the count test
	counts := make([]float64, tiles)
	for i := 0; i < len(room); {
		t := min(tiles-1, int((room[i].minute-start)/w))
		j := i
		var seen []uint32
		for ; j < len(room) && min(tiles-1, int((room[j].minute-start)/w)) == t; j++ {
			if !slices.Contains(seen, room[j].acct) {
				seen = append(seen, room[j].acct)
			}
		}
		counts[t] = float64(len(seen))
		i = j
	}
	share := max(float64(v.rPromo[r])/float64(max(1, v.rAll[r])), minRate)
	var accts []uint32
	for i := 0; i < len(room); {
		accts = accts[:0]
		j := i
		for ; j < len(room) && room[j].minute < room[i].minute+w; j++ {
			accts = append(accts, room[j].acct)
		}
		slices.Sort(accts)
		accts = slices.Compact(accts)
		if len(accts) < burstMin || !v.burstRare(r, room[i].minute, len(accts), share, counts, start, perMin) {
			i++
			continue
		}
		in := v.burstCore(room, all, i, j, len(accts))
		if len(in) >= burstMin {
			id := v.nBursts
			v.nBursts++
			v.links = append(v.links, in)
			v.linkRoom[r] = true
			for _, a := range in {
				if _, ok := v.burst[a]; !ok {
					v.burst[a] = id
				}
			}
		}
		i = j
	}
}

// burstCore returns the accounts of the burst room[i:j] (k accounts)
// whose line says the same thing as the burst's other lines far more often
// than it says it to the room's other praise: a crew's paraphrases of one
// script idea are each other's neighbours, while an onlooker's common
// praise (相信主播的眼光, 这个真的好用) resembles a line or two of any
// burst because it resembles a share of everything said. A line of an
// account is in when, of the k−1 other accounts, the number with a
// related line would be improbable (binomial tail below burstAlpha) at
// the rate at which the line relates to a sample of the room's unbought
// commercial comments outside the window (burstBaseline of them, topped
// up from the platform's other rooms when the room has said too little,
// as at the start of a broadcast; the rate smoothed by one related and
// one unrelated line, so that a line with nothing to compare with is
// taken to relate to half of everything).
func (v *view) burstCore(room, all []promoBurst, i, j, k int) []uint32 {
	base := v.burstBaseline(room, all, i, j)
	var in, others []uint32
	for p := i; p < j; p++ {
		if slices.Contains(in, room[p].acct) {
			continue
		}
		others = others[:0]
		for q := i; q < j; q++ {
			if a := room[q].acct; a != room[p].acct && !slices.Contains(others, a) && v.related(room[p].script, room[q].script) {
				others = append(others, a)
			}
		}
		if len(others) == 0 {
			continue
		}
		rel := 0
		for _, b := range base {
			if b.acct != room[p].acct && v.related(room[p].script, b.script) {
				rel++
			}
		}
		rate := (float64(rel) + 1) / (float64(len(base)) + 2)
		if binomialTail(len(others), k-1, rate) < burstAlpha {
			in = append(in, room[p].acct)
		}
	}
	slices.Sort(in)
	return in
}

// burstBaseline samples, evenly, up to burstBaseline of the room's
// unbought commercial comments outside room[i:j], and tops the sample up
// from the other rooms of all when the room has fewer than half that.
func (v *view) burstBaseline(room, all []promoBurst, i, j int) []promoBurst {
	out := make([]promoBurst, 0, burstBaseline)
	outside := len(room) - (j - i)
	step := max(1, float64(outside)/burstBaseline)
	for f := 0.0; int(f) < outside && len(out) < burstBaseline; f += step {
		q := int(f)
		if q >= i {
			q += j - i
		}
		out = append(out, room[q])
	}
	if len(out) >= burstBaseline/2 {
		return out
	}
	r := room[0].room
	need := burstBaseline - len(out)
	step = max(1, float64(len(all))/float64(need))
	for f := 0.0; int(f) < len(all) && len(out) < burstBaseline; f += step {
		if x := all[int(f)]; x.room != r {
			out = append(out, x)
		}
	}
	return out
}

// burstRare reports whether k accounts in the window of room r starting
// at minute passes both tests (see the top of this file).
func (v *view) burstRare(r, minute uint32, k int, share float64, counts []float64, start uint32, perMin minuteCounts) bool {
	w := uint32(burstWindow.Minutes())
	tiles := float64(len(counts))
	said := perMin.sum(r, minute, minute+w)
	if tiles*binomialTail(k, int(max(said, int32(k))), share) >= burstAlpha {
		return false
	}
	// the other tiles: those the window does not touch
	t0, t1 := int((minute-start)/w), int((minute+w-1-start)/w)
	var sum, sq, n float64
	for t, c := range counts {
		if t == t0 || t == t1 {
			continue
		}
		sum += c
		sq += c * c
		n++
	}
	if n < 2 {
		return true // a broadcast of one or two windows has nothing to compare with
	}
	mean := max(sum/n, minRate)
	return tiles*negBinomialTail(k, mean, sq/n-(sum/n)*(sum/n)) < burstAlpha
}

// minuteCounts are the comments with content per (room, minute) of the
// view: key room<<32|minute, value the count, sorted by key.
type minuteCounts []kv

// minuteCounts counts the view's comments with content per (room,
// minute).
func (v *view) minuteCounts() minuteCounts {
	mc := make([]kv, 0, len(v.acts))
	for i := range v.acts {
		x := &v.acts[i]
		if x.script != noScript && !v.d.scripts.list.at(x.script).contentFree {
			mc = append(mc, kv{k: uint64(x.room)<<32 | uint64(x.minute), v: uint64(x.n)})
		}
	}
	mc = sortKV(mc, nil)
	out := mc[:0]
	for _, x := range mc {
		if n := len(out); n > 0 && out[n-1].k == x.k {
			out[n-1].v += x.v
			continue
		}
		out = append(out, x)
	}
	return out
}

// sum is the number of comments with content in room r in the minutes
// [from, to).
func (mc minuteCounts) sum(r, from, to uint32) int32 {
	lo, hi := uint64(r)<<32|uint64(from), uint64(r)<<32|uint64(to)
	i, _ := slices.BinarySearchFunc(mc, lo, func(x kv, k uint64) int { return cmp.Compare(x.k, k) })
	n := int32(0)
	for ; i < len(mc) && mc[i].k < hi; i++ {
		n += int32(mc[i].v)
	}
	return n
}

// related reports whether script clusters a and b say the same thing:
// the same cluster, or first texts sharing burstRelated of their
// shingles (paraphrases of one script idea).
func (v *view) related(a, b uint32) bool {
	if a == b {
		return true
	}
	sa, sb := v.d.scripts.list.at(a), v.d.scripts.list.at(b)
	if sa.nex == 0 || sb.nex == 0 {
		return false
	}
	return jaccard(sa.exemplars[0], sb.exemplars[0]) >= burstRelated
}

// roomSpan is when room r went on the air within the window, in unix
// minutes (its start, or its first comment there, first), and for how
// many minutes (to its end, or its last comment, last; at least one).
func (v *view) roomSpan(r, first, last uint32) (start, minutes uint32) {
	rm := &v.d.rooms[r]
	lo, hi := int64(first)*60_000, int64(last+1)*60_000
	if rm.start > 0 && rm.start >= v.since && rm.start < lo {
		lo = rm.start
	}
	if rm.end > hi {
		hi = rm.end
	}
	return uint32(lo / 60_000), uint32(max(1, (hi-lo)/60_000))
}

// poissonTail is P(X ≥ k) for X ~ Poisson(mu).
func poissonTail(k int, mu float64) float64 {
	if k <= 0 {
		return 1
	}
	if mu <= 0 {
		return 0
	}
	sum, term := 0.0, math.Exp(-mu)
	for i := range k {
		sum += term
		term *= mu / float64(i+1)
	}
	return max(0, 1-sum)
}

// negBinomialTail is P(X ≥ k) for a count with the given mean and
// variance: negative binomial when the variance exceeds the mean
// (overdispersed), Poisson otherwise.
func negBinomialTail(k int, mean, variance float64) float64 {
	if variance <= mean*1.0001 {
		return poissonTail(k, mean)
	}
	size := mean * mean / (variance - mean)
	p := mean / (size + mean)
	term := math.Exp(size * math.Log1p(-p)) // P(X = 0)
	sum := 0.0
	for i := range k {
		sum += term
		term *= (float64(i) + size) / float64(i+1) * p
	}
	return max(0, 1-sum)
}
