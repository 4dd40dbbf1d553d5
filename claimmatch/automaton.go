package claimmatch

import (
	"slices"
	"unicode/utf8"
)

// automaton is an Aho–Corasick automaton over the runes of a text. Runes
// that occur in no keyword map to symbol 0 and send the automaton back to
// the root in one step; the root's transitions are a dense table, every
// other state keeps its edges sorted in one flat array (CSR), so the
// automaton stays small for packs of 50,000 terms.
type automaton struct {
	symLow  *[0x10000]uint16 // rune < 0x10000 → symbol (0: in no keyword)
	symHigh map[rune]uint32  // rarer runes → symbol
	root    []int32          // symbol → state reached from the root (0: root)
	st      []state          // the states, 0 is the root
	edgeSym []uint32
	edgeTo  []int32
	dict    []int32 // first state after s on its suffix chain ending a keyword, -1 none
	kw      []int32 // keyword ending exactly at state s, -1 none
	kwLen   []int32 // length in bytes of keyword k
}

// state holds what the scan loop reads of a state, side by side.
type state struct {
	lo, hi uint32 // edges: edgeSym/edgeTo[lo:hi], sorted by symbol
	fail   int32
	report int32 // first state on the suffix chain (this one included) ending a keyword, -1 none
}

// hit is one occurrence of keyword kw ending at byte end.
type hit struct {
	kw  int32
	end int32
}

// newAutomaton builds the automaton of keys; keyword k is keys[k]. Keys
// must be distinct and non-empty.
func newAutomaton(keys []string) *automaton {
	a := &automaton{symLow: new([0x10000]uint16), symHigh: map[rune]uint32{}}
	nsym := uint32(1)
	symOf := func(r rune) uint32 {
		if r < 0x10000 {
			if s := a.symLow[r]; s != 0 {
				return uint32(s)
			}
			if nsym < 0xFFFF {
				a.symLow[r] = uint16(nsym)
				nsym++
				return nsym - 1
			}
		}
		if s, ok := a.symHigh[r]; ok {
			return s
		}
		a.symHigh[r] = nsym
		nsym++
		return nsym - 1
	}

	// The trie, with edges keyed by (state, symbol).
	type edge struct {
		from int32
		sym  uint32
		to   int32
	}
	child := map[uint64]int32{}
	var edges []edge
	a.kw = []int32{-1}
	a.kwLen = make([]int32, len(keys))
	for k, key := range keys {
		a.kwLen[k] = int32(len(key))
		s := int32(0)
		for _, r := range key {
			sym := symOf(r)
			id := uint64(s)<<32 | uint64(sym)
			nx, ok := child[id]
			if !ok {
				nx = int32(len(a.kw))
				a.kw = append(a.kw, -1)
				child[id] = nx
				edges = append(edges, edge{s, sym, nx})
			}
			s = nx
		}
		a.kw[s] = int32(k)
	}
	n := len(a.kw)
	byFrom := func(x, y edge) int {
		if x.from != y.from {
			return int(x.from - y.from)
		}
		return int(x.sym) - int(y.sym)
	}
	slices.SortFunc(edges, byFrom)

	// Renumber the states breadth first, so that the shallow states a
	// scan spends its time in sit together in the cache.
	first := make([]int32, n+1) // edges of old state s: edges[first[s]:first[s+1]]
	for _, e := range edges {
		first[e.from+1]++
	}
	for i := 0; i < n; i++ {
		first[i+1] += first[i]
	}
	renum := make([]int32, n)
	order := make([]int32, 1, n) // old ids in breadth-first order
	for q := 0; q < len(order); q++ {
		for _, e := range edges[first[order[q]]:first[order[q]+1]] {
			renum[e.to] = int32(len(order))
			order = append(order, e.to)
		}
	}
	kw := make([]int32, n)
	for newID, old := range order {
		kw[newID] = a.kw[old]
	}
	a.kw = kw
	for i := range edges {
		edges[i].from, edges[i].to = renum[edges[i].from], renum[edges[i].to]
	}
	slices.SortFunc(edges, byFrom)

	a.st = make([]state, n)
	a.edgeSym = make([]uint32, len(edges))
	a.edgeTo = make([]int32, len(edges))
	for i, e := range edges {
		if a.st[e.from].hi == 0 {
			a.st[e.from].lo = uint32(i)
		}
		a.st[e.from].hi = uint32(i + 1)
		a.edgeSym[i], a.edgeTo[i] = e.sym, e.to
	}
	a.root = make([]int32, nsym)
	for i := a.st[0].lo; i < a.st[0].hi; i++ {
		a.root[a.edgeSym[i]] = a.edgeTo[i]
	}

	// Failure links in breadth-first order.
	a.dict = make([]int32, n)
	a.st[0].report, a.dict[0] = -1, -1
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for i := a.st[s].lo; i < a.st[s].hi; i++ {
			c, sym := a.edgeTo[i], a.edgeSym[i]
			f := int32(0)
			if s != 0 {
				f = a.step(a.st[s].fail, sym)
			}
			a.st[c].fail = f
			a.dict[c] = a.st[f].report
			a.st[c].report = a.st[f].report
			if a.kw[c] >= 0 {
				a.st[c].report = c
			}
			queue = append(queue, c)
		}
	}
	return a
}

// next returns the state s goes to on sym, or -1 when s has no such edge.
func (a *automaton) next(s int32, sym uint32) int32 {
	lo, hi := a.st[s].lo, a.st[s].hi
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if a.edgeSym[i] == sym {
				return a.edgeTo[i]
			}
		}
		return -1
	}
	for lo < hi {
		mid := (lo + hi) / 2
		switch v := a.edgeSym[mid]; {
		case v == sym:
			return a.edgeTo[mid]
		case v < sym:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// step is the full transition: it follows failure links until an edge on
// sym is found, ending at the root.
func (a *automaton) step(s int32, sym uint32) int32 {
	for s != 0 {
		if nx := a.next(s, sym); nx >= 0 {
			return nx
		}
		s = a.st[s].fail
	}
	return a.root[sym]
}

// find appends to hits every occurrence of every keyword in t, in order of
// their end (and, at one end, longest first).
func (a *automaton) find(t string, hits []hit) []hit {
	s := int32(0)
	symLow, root, st := a.symLow, a.root, a.st
	for i := 0; i < len(t); {
		var sym uint32
		switch c := t[i]; {
		case c < utf8.RuneSelf:
			sym = uint32(symLow[c])
			i++
		case c&0xF0 == 0xE0 && i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80:
			// Three bytes: CJK. Overlong and surrogate forms decode to
			// runes no keyword holds unless it holds them too.
			sym = uint32(symLow[uint16(c&0x0F)<<12|uint16(t[i+1]&0x3F)<<6|uint16(t[i+2]&0x3F)])
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(t[i:])
			i += size
			if r < 0x10000 {
				sym = uint32(symLow[r])
			} else {
				sym = a.symHigh[r]
			}
		}
		if sym == 0 {
			s = 0
			continue
		}
		for {
			if s == 0 {
				s = root[sym]
				break
			}
			if nx := a.next(s, sym); nx >= 0 {
				s = nx
				break
			}
			s = st[s].fail
		}
		for o := st[s].report; o >= 0; o = a.dict[o] {
			hits = append(hits, hit{kw: a.kw[o], end: int32(i)})
		}
	}
	return hits
}
