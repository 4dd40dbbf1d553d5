package campaign

import "slices"

// Lockstep (after SynchroTrap, Cao et al. 2014): two accounts act in
// lockstep when many of their actions match — the same script cluster in
// the same room in the same time bucket. Their similarity is the Jaccard
// similarity of their sets of (room, script, bucket) actions. Only
// scripts that can be a crew's (view.eligible), are not popular and are
// commercial speech (view.commercial: fans greeting the host in the same
// minutes of every broadcast are in step too) count, and a key posted by
// more than lockstepMaxKey accounts is a crowd moment and is skipped. Two
// buyers whose every match is a line about goods both had ordered, at a
// single moment (one room, one bucket), are not in lockstep: after an order
// wave, buyers review what they just got in the same few words in the
// same minute (回购第4次了, 收到了，和主播说的一样). A crew whose members all
// buy comes back to match again, burst after burst.

// lockstep holds the pairs in lockstep of one view.
type lockstep struct {
	edges []lockEdge
	keys  []int32            // distinct keys per account slot
	adj   map[uint32][]int32 // account → indexes of its edges
}

// lockEdge is one pair of accounts in lockstep.
type lockEdge struct {
	a, b  uint32 // account slots, a < b
	m     int32  // matched keys
	sim   float64
	multi bool // matches in more than one room
}

// pairStat counts the matches of a pair.
type pairStat struct {
	m      int32
	room   uint32
	multi  bool
	moment uint64 // (room, bucket) of the first match
	again  bool   // matches at another moment too
	unsold bool   // a match where one of the two had not ordered before
}

// lockstep computes the lockstep pairs of the view.
func (v *view) lockstep() *lockstep {
	ls := &lockstep{keys: make([]int32, v.d.accounts.len()), adj: make(map[uint32][]int32)}
	pairs := make(map[uint64]pairStat)
	var accts, bought []uint32
	keys := v.keys
	bucketMin := uint32(bucket.Minutes())
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].k == keys[i].k {
			j++
		}
		first := &v.acts[keys[i].v]
		s, room := first.script, first.room
		moment := uint64(room)<<32 | uint64(first.minute/bucketMin)
		accts, bought = accts[:0], bought[:0]
		if v.elig[s] && v.sDeg[s] <= popularScript && v.commercial(s) {
			for _, x := range keys[i:j] {
				accts = append(accts, v.acts[x.v].acct)
			}
			slices.Sort(accts)
			accts = slices.Compact(accts)
			for _, x := range keys[i:j] {
				if ax := &v.acts[x.v]; v.boughtBefore(v.d.accounts.at(ax.acct), ax) {
					bought = append(bought, ax.acct)
				}
			}
			slices.Sort(bought)
		}
		for _, a := range accts {
			ls.keys[a]++
		}
		if len(accts) >= 2 && len(accts) <= lockstepMaxKey {
			for x := 0; x < len(accts); x++ {
				for y := x + 1; y < len(accts); y++ {
					pk := uint64(accts[x])<<32 | uint64(accts[y])
					st, ok := pairs[pk]
					if !ok {
						st.room, st.moment = room, moment
					} else {
						st.multi = st.multi || st.room != room
						st.again = st.again || st.moment != moment
					}
					if !st.unsold {
						_, bx := slices.BinarySearch(bought, accts[x])
						_, by := slices.BinarySearch(bought, accts[y])
						st.unsold = !bx || !by
					}
					st.m++
					pairs[pk] = st
				}
			}
		}
		i = j
	}
	for pk, st := range pairs {
		if st.m < lockstepMinMatches || !st.unsold && !st.again {
			continue
		}
		a, b := uint32(pk>>32), uint32(pk)
		sim := float64(st.m) / float64(ls.keys[a]+ls.keys[b]-st.m)
		if sim < lockstepMinSim {
			continue
		}
		ls.edges = append(ls.edges, lockEdge{a: a, b: b, m: st.m, sim: sim, multi: st.multi})
	}
	slices.SortFunc(ls.edges, func(x, y lockEdge) int {
		if x.a != y.a {
			return int(x.a) - int(y.a)
		}
		return int(x.b) - int(y.b)
	})
	for i, e := range ls.edges {
		ls.adj[e.a] = append(ls.adj[e.a], int32(i))
		ls.adj[e.b] = append(ls.adj[e.b], int32(i))
	}
	return ls
}

// partner returns the best lockstep similarity of account a with an
// account that in(b) accepts, and whether that lockstep spans rooms.
func (ls *lockstep) partner(a uint32, in func(b uint32) bool) (best float64, multi bool) {
	for _, i := range ls.adj[a] {
		e := &ls.edges[i]
		b := e.a
		if b == a {
			b = e.b
		}
		if in(b) {
			best = max(best, e.sim)
			multi = multi || e.multi
		}
	}
	return best, multi
}
