package campaign

import (
	"math"
	"slices"
)

// Script webs. A sparse crew posts a line or two per broadcast, evenly,
// so it shows neither bursts nor lockstep, and per account its unbought
// praise is no more than an onlooker's. What it cannot avoid is its
// script sheet: its lines are paraphrases of a few specific testimonials
// (吃了7天瘦了8斤 / 才7天就掉了8斤), so they fall into small script
// clusters that only its members post, and each member, posting two or
// three lines over the days, lands in two or three of them. The accounts
// and the small clusters form a web; onlookers' praise ("挺划算的", "主播
// 推荐的都靠谱") falls into popular clusters, and when an onlooker's
// specific line happens to resemble a stranger's, the two share one
// small cluster and nothing else.
//
// A private script is a script cluster posted by at most webMaxPosters
// accounts in the window, at least two of them (and at least groupScript
// of its posters) writing it as unbought commercial speech. A web is a
// connected set of accounts linked through private scripts; its knots
// are the accounts posting unbought in two private scripts or more. A web
// counts only when it has more knots than chance gives its own accounts:
// each unbought commercial comment lands in a private script at the
// window's rate, the higher of two measures: the share of all unbought
// commercial comments in private scripts, and the mean over the accounts
// with unbought commercial speech of the share of theirs (a loud crew's
// hundreds of lines in its own big clusters drown the onlookers' rate in
// the first and would make their chance webs look improbable; a few
// heavy onlookers raise the first above the second). So an account of
// the web (one private script at least) is a knot with probability
// P(X ≥ 2 | X ≥ 1) over its own comments; the web's knots must exceed
// the sum of these beyond chance (Poisson tail, corrected for the number
// of webs, below webAlpha). Where onlookers' own specific praise falls
// into small clusters, their webs have the knots this predicts and prove
// nothing. The accounts of a web
// that counts are judged as a group of their own (v.webs; merged with
// other links, a web would lend its evidence to onlookers linked only by
// the coarse script), and its private scripts tie a candidate to it
// (group.webTies): two of them, or one that is the knots' own line, a
// bound script (v.webBound: at least half of its unbought posters are
// knots, or it is of the web's sheet, see sheetScripts). A crew member
// posting once in the window is found that way; an onlooker whose line
// resembles a crew's lands in a script that many others post too (the
// knots are few in it), or, in a bound one, is outnumbered by the knots
// beside it.

// scriptWebs finds the webs of private scripts that count (v.webs) and
// marks their scripts in v.webScript, the bound ones in v.webBound; the
// webs take in their sheets (sheetScripts).
func (v *view) scriptWebs() {
	v.webScript = make(map[uint32]bool)
	v.webBound = make(map[uint32]bool)
	// (script, account) pairs of unbought commercial speech in small
	// clusters, and the comments of it
	var ps []kv
	for i := range v.acts {
		x := &v.acts[i]
		if x.script == noScript || v.sDeg[x.script] < 2 || v.sDeg[x.script] > webMaxPosters || !v.unboughtPromo(x) {
			continue
		}
		ps = append(ps, kv{k: uint64(x.script)<<32 | uint64(x.acct), v: uint64(x.n)})
	}
	if len(ps) == 0 || v.promo == 0 {
		return
	}
	ps = sortKV(ps, nil)
	private := make(map[uint32][]uint32) // private script → its unbought posters
	knots := make(map[uint32]int32)      // account → private scripts posted
	uf := newUnionFind()
	inPrivate := make(map[uint32]int64) // account → its comments in private scripts
	for i := 0; i < len(ps); {
		s := uint32(ps[i].k >> 32)
		i0, j := i, i
		var accts []uint32
		for ; j < len(ps) && uint32(ps[j].k>>32) == s; j++ {
			if a := uint32(ps[j].k); !slices.Contains(accts, a) {
				accts = append(accts, a)
			}
		}
		i = j
		if len(accts) < 2 || float64(len(accts)) < groupScript*float64(v.sDeg[s]) {
			continue
		}
		private[s] = accts
		for k := i0; k < j; k++ {
			inPrivate[uint32(ps[k].k)] += int64(ps[k].v)
		}
		for _, a := range accts {
			knots[a]++
			uf.union(accts[0], a)
		}
	}
	if len(private) == 0 {
		return
	}
	// each web's knots against what its own accounts would show at the
	// platform's rate: an account of a web posted one private script at
	// least, and is a knot at that rate with P(X ≥ 2 | X ≥ 1), X its
	// unbought commercial comments landing in private scripts
	small, mean, speakers := int64(0), 0.0, 0
	for a, n := range v.aPromo {
		if n > 0 {
			small += inPrivate[uint32(a)]
			mean += min(1, float64(inPrivate[uint32(a)])/float64(n))
			speakers++
		}
	}
	rho := max(float64(small)/float64(v.promo), mean/float64(max(1, speakers)))
	webs := make(map[uint32][]uint32)
	for _, a := range uf.keys() {
		r := uf.find(a)
		webs[r] = append(webs[r], a)
	}
	roots := make([]uint32, 0, len(webs))
	for r, w := range webs {
		if len(w) >= minMembers {
			roots = append(roots, r)
		}
	}
	slices.Sort(roots)
	for _, r := range roots {
		w := webs[r]
		k, expected := 0, 0.0
		for _, a := range w {
			if knots[a] >= 2 {
				k++
			}
			expected += knotChance(int(v.aPromo[a]), rho)
		}
		if k < webMinKnots || float64(len(roots))*poissonTail(k, expected) >= webAlpha {
			continue
		}
		slices.Sort(w)
		v.webs = append(v.webs, w)
		for _, a := range w {
			for _, i := range v.actsOf(a) {
				if s := v.acts[i].script; s != noScript && private[s] != nil && !v.webScript[s] {
					v.webScript[s] = true
					v.webBound[s] = boundScript(private[s], knots)
				}
			}
		}
	}
	v.sheetScripts(private)
}

// sheetScripts gives each web that counts the detached private scripts
// of the merchants it works, when they are more than chance gives there.
// A sparse crew's members who post one line of its sheet in the window
// are knots of nothing: two of them posting the same line make a private
// script apart from the web, detached (no unbought poster in any web).
// Onlookers make detached private scripts too, at a rate measured on the
// platform's other merchants: the detached scripts elsewhere per unbought
// commercial comment of accounts outside the webs there (one added to
// each count, so that none elsewhere does not make a rate of zero). At
// that rate the web's merchants (those whose rooms the web praised
// unbought) expect so many among their own such comments; when the
// detached scripts all of whose unbought lines are in those merchants'
// rooms are more than that beyond chance (Poisson tail, corrected for the
// number of webs, below webAlpha), they are the web's sheet: each is
// bound, and its posters join the web to be judged with it. Where the
// crew's lines are no more common than onlookers' own small clusters,
// nothing is added.
func (v *view) sheetScripts(private map[uint32][]uint32) {
	if len(v.webs) == 0 {
		return
	}
	inWeb := make(map[uint32]bool)
	for _, w := range v.webs {
		for _, a := range w {
			inWeb[a] = true
		}
	}
	// the detached private scripts, in order, with the rooms of their
	// unbought lines
	var detached []uint32
	for s, accts := range private {
		if !v.webScript[s] && !slices.ContainsFunc(accts, func(a uint32) bool { return inWeb[a] }) {
			detached = append(detached, s)
		}
	}
	if len(detached) == 0 {
		return
	}
	slices.Sort(detached)
	rooms := make(map[uint32][]uint32, len(detached))
	for _, s := range detached {
		for _, a := range private[s] {
			for _, i := range v.actsOf(a) {
				if x := &v.acts[i]; x.script == s && v.unboughtPromo(x) && !slices.Contains(rooms[s], x.room) {
					rooms[s] = append(rooms[s], x.room)
				}
			}
		}
	}
	var roomPromo map[uint32]int64 // unbought commercial comments of accounts outside the webs, per room (lazy)
	for wi, w := range v.webs {
		merchants := make(map[string]bool)
		for _, a := range w {
			for _, i := range v.actsOf(a) {
				if x := &v.acts[i]; v.unboughtPromo(x) {
					merchants[v.d.rooms[x.room].merchant] = true
				}
			}
		}
		works := func(r uint32) bool { return merchants[v.d.rooms[r].merchant] }
		var here []uint32
		there := 0
		for _, s := range detached {
			if v.webBound[s] { // another web's sheet
				continue
			}
			if !slices.ContainsFunc(rooms[s], func(r uint32) bool { return !works(r) }) {
				here = append(here, s)
			} else {
				there++
			}
		}
		if len(here) == 0 {
			continue
		}
		if roomPromo == nil {
			roomPromo = make(map[uint32]int64)
			for i := range v.acts {
				if x := &v.acts[i]; !inWeb[x.acct] && v.unboughtPromo(x) {
					roomPromo[x.room] += int64(x.n)
				}
			}
		}
		var promoHere, promoThere int64
		for r, n := range roomPromo {
			if works(r) {
				promoHere += n
			} else {
				promoThere += n
			}
		}
		expected := float64(there+1) / float64(promoThere+1) * float64(promoHere)
		if float64(len(v.webs))*poissonTail(len(here), expected) >= webAlpha {
			continue
		}
		for _, s := range here {
			v.webScript[s], v.webBound[s] = true, true
			w = append(w, private[s]...)
		}
		slices.Sort(w)
		v.webs[wi] = slices.Compact(w)
	}
}

// boundScript reports whether a private script posted by accts is its
// web's knots' own: at least half of its posters are knots.
func boundScript(accts []uint32, knots map[uint32]int32) bool {
	k := 0
	for _, a := range accts {
		if knots[a] >= 2 {
			k++
		}
	}
	return k > 0 && 2*k >= len(accts)
}

// webTies counts, per candidate, the group's private scripts it posted
// as unbought commercial speech (candidate.web) and marks those who
// posted a bound one (candidate.bound).
func (g *group) webTies() {
	v := g.v
	var seen []uint32
	for ci := range g.cands {
		c := &g.cands[ci]
		seen = seen[:0]
		for _, i := range v.actsOf(c.acct) {
			x := &v.acts[i]
			if !v.webScript[x.script] || !g.isScr[x.script] || !v.unboughtPromo(x) || slices.Contains(seen, x.script) {
				continue
			}
			seen = append(seen, x.script)
			c.web++
			c.bound = c.bound || v.webBound[x.script]
		}
	}
}

// webTied reports whether c is tied to its web: a knot, in two of its
// private scripts or more, or the poster of a bound one. Any other single
// private script is no tie: an onlooker's line that resembles a crew's
// lands in the crew's cluster too.
func (c *candidate) webTied() bool { return c.web >= 2 || c.bound }

// webKnot reports whether c is one of its web's knots.
func (c *candidate) webKnot() bool { return c.web >= 2 }

// knotChance is P(X ≥ 2 | X ≥ 1) for X ~ Binomial(n, q).
func knotChance(n int, q float64) float64 {
	if n < 2 || q <= 0 {
		return 0
	}
	if q >= 1 {
		return 1
	}
	none := math.Pow(1-q, float64(n))
	one := float64(n) * q * math.Pow(1-q, float64(n-1))
	return max(0, 1-none-one) / (1 - none)
}
