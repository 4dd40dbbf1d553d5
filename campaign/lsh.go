package campaign

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
)

// noScript is the script of a comment with no text left after
// normalisation (only emoji or punctuation).
const noScript = ^uint32(0)

// script is one script cluster: comments whose masked 2-gram shingle sets
// are similar (clusterJaccard) to one of its exemplars. Clusters are per
// platform, so the same script in two rooms is the same cluster.
type script struct {
	plat        int32
	live        bool
	contentFree bool                   // its first text is content-free (扣1, 冲冲冲)
	text        string                 // masked normalised text of its first comment
	exemplars   [maxExemplars][]uint32 // shingle sets comments are compared with
	nex         uint8
	keys        []uint64 // LSH band keys registered for the exemplars
	exact       []uint64 // keys of the platform's exact-text cache pointing here
	last        int64    // unix ms of its last comment
	comments    int64
}

// scriptTable holds the script clusters of all platforms, indexed by
// slot; freed slots are reused.
type scriptTable struct {
	list pages[script]
	u32  slab[uint32]
	u64  slab[uint64]
	free []uint32
	live int
	at   [lshBands]int32 // scratch: free slots of the band keys in assign
}

// assign puts a comment (its masked runes and shingles) into a cluster of
// platform p and returns the cluster's slot. sig and keys are scratch.
func (t *scriptTable) assign(p *platform, masked string, ar *arena, sh []uint32, testimonial bool, ts int64, sig *signature, keys *[lshBands]uint64) uint32 {
	if len(sh) == 0 {
		return noScript
	}
	minhash(sh, sig)
	bandKeys(sig, keys)
	best, bestJ := noScript, 0.0
	var seen [lshBands]uint32
	nseen := 0
	p.bands.reserve(lshBands)
	p.bands.touch(keys[:])
	for b, k := range keys {
		cv, ok, at := p.bands.find(k)
		t.at[b] = int32(at)
		if !ok {
			t.at[b] = int32(at)
			continue
		}
		t.at[b] = -1
		c := uint32(cv)
		if slices.Contains(seen[:nseen], c) {
			continue
		}
		seen[nseen] = c
		nseen++
		s := t.list.at(c)
		for _, ex := range s.exemplars[:s.nex] {
			if j := jaccard(sh, ex); j > bestJ || (j == bestJ && c < best) {
				best, bestJ = c, j
			}
		}
	}
	if best != noScript && bestJ >= clusterJaccard {
		s := t.list.at(best)
		s.last = max(s.last, ts)
		s.comments++
		if bestJ < exemplarNovelty && int(s.nex) < maxExemplars {
			s.exemplars[s.nex] = t.u32.copyOf(sh)
			s.nex++
			t.register(p, best, keys)
		}
		return best
	}
	var c uint32
	if n := len(t.free); n > 0 {
		c = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		c = t.list.add()
	}
	t.live++
	*t.list.at(c) = script{
		keys:        t.u64.take(lshBands)[:0],
		exact:       t.u64.take(4)[:0],
		plat:        p.idx,
		live:        true,
		contentFree: len(sh) <= contentFreeShingles && !testimonial,
		text:        ar.clone(masked),
		nex:         1,
		last:        ts,
		comments:    1,
	}
	t.list.at(c).exemplars[0] = t.u32.copyOf(sh)
	t.register(p, c, keys)
	return c
}

// remember caches the cluster and the reading (flags) of a masked text
// by its hash, so that a repeat skips shingling, MinHash, LSH and the
// lexicons. At most maxExact texts are cached per cluster.
func (t *scriptTable) remember(p *platform, c uint32, key uint64, flags uint8) {
	if c == noScript {
		return
	}
	s := t.list.at(c)
	if len(s.exact) >= maxExact {
		return
	}
	if p.exact.putNew(key, uint64(c)|uint64(flags)<<32) {
		s.exact = append(s.exact, key)
	}
}

// register points the band keys not taken yet at cluster c (t.at holds
// where the last assign found them free, or -1).
func (t *scriptTable) register(p *platform, c uint32, keys *[lshBands]uint64) {
	s := t.list.at(c)
	for b, k := range keys {
		if t.at[b] >= 0 && p.bands.putAt(int(t.at[b]), k, uint64(c)) {
			s.keys = append(s.keys, k)
		}
	}
}

// evict frees the clusters of platform set plats whose last comment is
// before cutoff (unix ms), and reports how many it freed.
func (t *scriptTable) evict(plats []*platform, cutoff int64) int {
	n := 0
	for c := range t.list.len() {
		s := t.list.at(uint32(c))
		if !s.live || s.last >= cutoff {
			continue
		}
		t.drop(plats[s.plat], uint32(c))
		n++
	}
	return n
}

// drop frees cluster c.
func (t *scriptTable) drop(p *platform, c uint32) {
	s := t.list.at(c)
	for _, k := range s.keys {
		p.bands.del(k, uint64(c))
	}
	for _, k := range s.exact {
		if v, ok := p.exact.get(k); ok && uint32(v) == c {
			p.exact.del(k, v)
		}
	}
	*t.list.at(c) = script{}
	t.free = append(t.free, c)
	t.live--
}

// scriptID is the stable id of a cluster: its platform and first text.
func scriptID(platform, text string) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], hashString(platform+"\x00"+text))
	return "scr_" + hex.EncodeToString(b[:6])
}
