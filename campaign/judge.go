package campaign

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// A group (accounts linked by seed scripts, lockstep or unbought
// commercial speech in the same rooms) is judged in four steps: its
// scripts (the clusters it owns) and rooms; its candidates (the group and
// every other poster of its scripts) with their ties to it, one of them
// being the dense core of candidates × (room, script) columns (peel.go);
// its members, the candidates whose own evidence ties them to it; and
// the crew evidence of the members, which must be commercial speech and
// more than repetition.

// candidate is one account considered for a group.
type candidate struct {
	acct         uint32
	scripted     int32   // comments in the group's scripts and rooms
	sActs        int32   // such actions
	rooms        int32   // group rooms it posted the group's scripts in
	ownRooms     int32   // of them, rooms where it posted one of the group's own clusters (not only the coarse script)
	ownScripted  int32   // its comments in the group's own clusters (not the coarse script)
	hop          bool    // hops through a proxy pool (evHop)
	noOrderTM    bool    // one of them is a testimonial without any order from the merchant before it
	afterOrderTM bool    // one of them is a testimonial of use whose orders came less than useLag before it
	noBuyAd      bool    // one of them is commercial speech without an order before it
	adShared     bool    // one such in a script cluster another such candidate posted too
	adMerch      int32   // merchants it praised so, unbought
	burst        bool    // one of them shares its (room, script, bucket) with two other candidates
	promoBurst   bool    // in a burst of unbought commercial speech in one of the group's rooms (burst.go)
	heavy        bool    // writes far more unbought commercial speech than everyone else (baserate.go)
	web          int32   // the group's private scripts it posted, unbought (web.go); two tie it to a web
	bound        bool    // one of them is a bound script, the web's knots' own (web.go), which ties it too
	lock         float64 // best lockstep similarity with another candidate
	lockMulti    bool    // that lockstep spans rooms
	infra        bool    // on a network or device the group has to itself
	infraNet     bool    // on a network the group has to itself
	infraDev     bool    // on a device the group has to itself
	mate         bool    // a member only for being on one of the crew's phones or IPv6 /64s (group.crewMates)
	prefixMate   bool    // of them, one on its /64, not its phones
	core         bool    // in the densest block
	strong       bool    // tied by lockstep, infrastructure, hopping, a contradiction or spread
	member       bool
}

// noBuyTM reports whether one of c's actions is a testimonial without an
// order backing it: none before it, or only one too recent for a
// testimonial of use.
func (c *candidate) noBuyTM() bool { return c.noOrderTM || c.afterOrderTM }

// group is a group under judgement.
type group struct {
	v       *view
	scripts []uint32 // sorted
	rooms   []uint32 // sorted
	isScr   map[uint32]bool
	isRoom  map[uint32]bool
	cands   []candidate // sorted by account slot
	idx     map[uint32]int
	web     bool // a web of private scripts (web.go): they tie its candidates
}

// judgeGroup judges the linked accounts comp (a web of private scripts
// when web is set) and returns the group with its members marked, or nil
// when it is no campaign.
func (v *view) judgeGroup(comp []uint32, web bool) *group {
	g := &group{v: v, isScr: make(map[uint32]bool), isRoom: make(map[uint32]bool), idx: make(map[uint32]int), web: web}
	// its scripts: eligible clusters it owns
	cnt := make(map[uint32]int32)
	var seen []uint32
	for _, a := range comp {
		seen = seen[:0]
		for _, i := range v.actsOf(a) {
			s := v.acts[i].script
			if s == noScript || !v.script[s] || slices.Contains(seen, s) {
				continue
			}
			seen = append(seen, s)
			cnt[s]++
		}
	}
	for s, c := range cnt {
		// a crew's script is commercial speech: fans' greetings in step
		// at every broadcast, or a crew's filler, are not
		if (c >= 2 || v.sPromo[s] > 0) && float64(c) >= groupScript*float64(v.sDeg[s]) && v.commercial(s) {
			g.scripts = append(g.scripts, s)
			g.isScr[s] = true
		}
	}
	if len(g.scripts) == 0 {
		v.why = "no scripts"
		return nil
	}
	slices.Sort(g.scripts)
	for _, a := range comp {
		for _, i := range v.actsOf(a) {
			x := &v.acts[i]
			coarse := x.flags&fPromo != 0 && (v.linkRoom[x.room] || v.farm[a]) && x.script != noScript && v.script[x.script] && !v.boughtBefore(v.d.accounts.at(a), x)
			if (g.isScr[x.script] || coarse) && !g.isRoom[x.room] {
				g.isRoom[x.room] = true
				g.rooms = append(g.rooms, x.room)
			}
		}
	}
	slices.Sort(g.rooms)
	// candidates
	accts := slices.Clone(comp)
	for _, s := range g.scripts {
		for _, x := range v.run(s) {
			accts = append(accts, uint32(x.k))
		}
	}
	slices.Sort(accts)
	accts = slices.Compact(accts)
	g.cands = make([]candidate, len(accts))
	for i, a := range accts {
		g.cands[i].acct = a
		g.idx[a] = i
	}
	g.features()
	if g.web {
		g.webTies()
	}
	g.infra()
	g.peel()
	g.membership()
	members := g.set(func(c *candidate) bool { return c.member })
	// a phone that vouches for its accounts over every platform (wide.go:
	// farmAccounts of them praised unbought) may show one or two of them
	// here
	least := minMembers
	if g.acrossOnly(members) {
		least = 1
	}
	if len(members) < least {
		v.why = fmt.Sprintf("members %d", len(members))
		return nil
	}
	// a crew shows itself in more than one line per account: at least
	// minMembers members posted its scripts twice or more, or are tied by
	// lockstep, infrastructure or a contradiction
	active := g.set(func(c *candidate) bool { return c.member && (c.scripted >= 2 || c.strong) })
	if len(active) < least {
		v.why = fmt.Sprintf("active members %d", len(active))
		return nil
	}
	if ev, e, hard := g.evidence(members); e < minEvidence || hard < minHard || ev.Promotional < minPromo {
		v.why = fmt.Sprintf("evidence %.2f hard %.2f promo %.2f: %+v", e, hard, ev.Promotional, ev)
		return nil
	}
	g.crewMates(members)
	return g
}

// crewMates makes members of the other accounts on the crew's phones and
// IPv6 /64s. A farm's phone (a device used by farmAccounts accounts or
// more in the window, more than a family shares, at least netPurity of
// them members) is the crew's, and so is every account on it, the ones
// that only chat to look ordinary too. A phone of a family's size whose
// every account but one is a member (two or more) is the crew's as well,
// and its last account is when it posted unbought commercial speech; a
// member or two beside others say nothing of them (candidate.mate). A
// /64 is one subscriber's prefix (subscriberPrefix): one used by
// farmAccounts accounts or more, at least netPurity of them members, is
// the crew's line like a farm's phone (candidate.prefixMate). An IPv4 /24
// is not: a carrier NAT range serves strangers beside the crew.
func (g *group) crewMates(members []int) {
	v := g.v
	onDev := make(map[string]int32)
	for _, i := range members {
		for _, dev := range v.d.accounts.at(g.cands[i].acct).devices {
			onDev[dev]++
		}
	}
	// in device order: the candidates' order reaches the report
	for _, dev := range slices.Sorted(maps.Keys(onDev)) {
		n, h := onDev[dev], hashString(dev)
		total := v.p.devices.count(h)
		farm := total >= farmAccounts && float64(n) >= netPurity*float64(total)
		ours := total < farmAccounts && n >= 2 && int64(n)+1 >= total
		if !farm && !ours {
			continue
		}
		for _, a := range v.sharedPhones()[h] {
			if farm || v.aPromo[a] > 0 {
				g.addMate(a, false)
			}
		}
	}
	onNet := make(map[uint64]int32)
	for _, i := range members {
		for _, k := range v.d.accounts.at(g.cands[i].acct).nets {
			if subscriberPrefix(k) {
				onNet[k]++
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(onNet)) {
		n, total := onNet[k], v.p.nets.count(k)
		if total < farmAccounts || float64(n) < netPurity*float64(total) {
			continue
		}
		for _, a := range v.sharedPrefixes()[k] {
			g.addMate(a, true)
		}
	}
}

// addMate makes account a a member for being on the crew's phone (on its
// /64 when prefix is set), unless it is a member already.
func (g *group) addMate(a uint32, prefix bool) {
	i, ok := g.idx[a]
	if !ok {
		i = len(g.cands)
		g.cands = append(g.cands, candidate{acct: a})
		g.idx[a] = i
	}
	if c := &g.cands[i]; !c.member {
		c.member, c.mate, c.prefixMate = true, true, prefix
	}
}

// acrossOnly reports whether every candidate of set is linked through a
// farm counted over every platform (view.across) and on a phone the
// group has to itself (candidate.infraDev: a household's phone is not).
func (g *group) acrossOnly(set []int) bool {
	for _, i := range set {
		if c := &g.cands[i]; !g.v.across[c.acct] || !c.infraDev {
			return false
		}
	}
	return len(set) > 0
}

// set returns the indexes of the candidates ok accepts.
func (g *group) set(ok func(c *candidate) bool) []int {
	var out []int
	for i := range g.cands {
		if ok(&g.cands[i]) {
			out = append(out, i)
		}
	}
	return out
}

// scripted reports whether action x is in the group's scripts and rooms,
// or is unbought commercial speech in one of the linked rooms (the coarse
// script, view.promoLinks).
func (g *group) scripted(x *action) bool {
	if !g.isRoom[x.room] || x.script == noScript {
		return false
	}
	if g.isScr[x.script] {
		return true
	}
	v := g.v
	return x.flags&fPromo != 0 && (v.linkRoom[x.room] || v.farm[x.acct]) && v.script[x.script] && !v.boughtBefore(v.d.accounts.at(x.acct), x)
}

// features fills the candidates' script counts, testimonials, bursts and
// lockstep.
func (g *group) features() {
	v := g.v
	bucketMin := uint32(bucket.Minutes())
	burst := make(map[uint64]int32)
	keyOf := make(map[uint64]*action) // an action of each key
	keysOf := make([][]uint64, len(g.cands))
	var rooms, own []uint32
	var merchants []string
	for ci := range g.cands {
		c := &g.cands[ci]
		a := v.d.accounts.at(c.acct)
		c.hop = v.ev[c.acct]&evHop != 0
		_, c.promoBurst = v.burst[c.acct]
		rooms, merchants, own = rooms[:0], merchants[:0], own[:0]
		for _, i := range v.actsOf(c.acct) {
			x := &v.acts[i]
			if !g.scripted(x) {
				continue
			}
			if g.isScr[x.script] {
				c.ownScripted += int32(x.n)
				if !slices.Contains(own, x.room) {
					own = append(own, x.room)
					c.ownRooms++
				}
			}
			c.scripted += int32(x.n)
			c.sActs++
			if !slices.Contains(rooms, x.room) {
				rooms = append(rooms, x.room)
				c.rooms++
			}
			if x.flags&fPromo != 0 && !v.boughtBefore(a, x) {
				c.noBuyAd = true
				if x.flags&fTestimonial != 0 {
					if v.orderedBefore(a, x, 0) {
						c.afterOrderTM = true
					} else {
						c.noOrderTM = true
					}
				}
				if m := v.d.rooms[x.room].merchant; m != "" && !slices.Contains(merchants, m) {
					merchants = append(merchants, m)
					c.adMerch++
				}
			}
			k := mix64(uint64(x.room)<<32|uint64(x.script)) + uint64(x.minute/bucketMin)*0x9e3779b97f4a7c15
			if !slices.Contains(keysOf[ci], k) {
				keysOf[ci] = append(keysOf[ci], k)
				burst[k]++
				keyOf[k] = x
			}
		}
	}
	// script clusters where two candidates or more posted unbought
	// commercial speech
	adScr := make(map[uint32][]int)
	for ci := range g.cands {
		c := &g.cands[ci]
		if !c.noBuyAd {
			continue
		}
		for _, i := range v.actsOf(c.acct) {
			x := &v.acts[i]
			if x.flags&fPromo != 0 && g.scripted(x) && !slices.Contains(adScr[x.script], ci) && !v.boughtBefore(v.d.accounts.at(c.acct), x) {
				adScr[x.script] = append(adScr[x.script], ci)
			}
		}
	}
	for _, cs := range adScr {
		if len(cs) >= 2 {
			for _, ci := range cs {
				g.cands[ci].adShared = true
			}
		}
	}
	in := func(b uint32) bool {
		j, ok := g.idx[b]
		return ok && g.cands[j].sActs > 0
	}
	inStep := make(map[uint64]bool)     // keys of three candidates or more, by whether chance explains them
	spread := make(map[uint64][2]int32) // (room, script) → its posters there and the broadcast's minutes
	for ci := range g.cands {
		c := &g.cands[ci]
		for _, k := range keysOf[ci] {
			if burst[k] < 3 {
				continue
			}
			sync, ok := inStep[k]
			if !ok {
				sync = g.synchronous(keyOf[k], burst[k], spread)
				inStep[k] = sync
			}
			c.burst = c.burst || sync
		}
		if c.sActs > 0 {
			c.lock, c.lockMulti = v.lock.partner(c.acct, in)
		}
	}
}

// synchronous reports whether n candidates posting x's script in x's room
// within one bucket is more than chance gives that script there: a
// line many of the room's viewers write (a buyer's common review, 收到了
// 和主播说的一样) has three posters in some bucket of a long broadcast
// without anyone arranging it. The script's posters in the room, spread
// evenly over the room's broadcast in the window, give the mean number
// in one bucket; n must exceed it with a Poisson tail below burstAlpha
// over the number of buckets of the broadcast.
func (g *group) synchronous(x *action, n int32, spread map[uint64][2]int32) bool {
	rs := uint64(x.room)<<32 | uint64(x.script)
	ps, ok := spread[rs]
	if !ok {
		ps = g.v.postersIn(x)
		spread[rs] = ps
	}
	buckets := max(1, float64(ps[1])/bucket.Minutes())
	return poissonTail(int(n), float64(ps[0])/buckets) < burstAlpha/buckets
}

// postersIn returns the number of accounts that posted x's script in x's
// room in the window, and the minutes of that room's broadcast.
func (v *view) postersIn(x *action) [2]int32 {
	posters := int32(0)
	first, last := x.minute, x.minute
	for _, ps := range v.run(x.script) {
		in := false
		for _, i := range v.actsOf(uint32(ps.k)) {
			if y := &v.acts[i]; y.room == x.room && y.script == x.script {
				in = true
				first, last = min(first, y.minute), max(last, y.minute)
			}
		}
		if in {
			posters++
		}
	}
	_, minutes := v.roomSpan(x.room, first, last)
	return [2]int32{posters, int32(minutes)}
}

// infra marks the candidates on a network (/24, /64) or device that the
// group's posters use far more than the other commenters of its rooms. A
// phone of a family's size (fewer than farmAccounts accounts) counts
// only when the group's merchants hold more phones with praising
// accounts than chance gives (family.go): families share phones too.
func (g *group) infra() {
	v := g.v
	posters := 0
	netCnt := make(map[uint64]int32)
	devCnt := make(map[string]int32)
	for i := range g.cands {
		c := &g.cands[i]
		if c.sActs == 0 {
			continue
		}
		posters++
		a := v.d.accounts.at(c.acct)
		for _, k := range a.nets {
			netCnt[k]++
		}
		for _, dev := range a.devices {
			devCnt[dev]++
		}
	}
	if posters == 0 {
		return
	}
	// the other commenters of the group's rooms
	others := 0
	otherNet := make(map[uint64]int32)
	seen := make(map[uint32]bool)
	for _, r := range g.rooms {
		for _, a := range v.commenters(r) {
			if seen[a] {
				continue
			}
			seen[a] = true
			if j, ok := g.idx[a]; ok && g.cands[j].sActs > 0 {
				continue
			}
			others++
			for _, k := range v.d.accounts.at(a).nets {
				if _, ok := netCnt[k]; ok {
					otherNet[k]++
				}
			}
		}
	}
	// a network or phone of a family's size (fewer than farmAccounts
	// accounts: a home line, a shared phone) is the group's own only when
	// its merchants have more praising phones of that size than chance
	// gives (family.go)
	familyOwn := sync.OnceValue(g.familyPhonesOwn)
	own := make(map[uint64]bool)
	for k, n := range netCnt {
		if n < minMembers {
			continue
		}
		lift := float64(n) / float64(posters)
		if others > 0 {
			lift -= float64(otherNet[k]) / float64(others)
		}
		total := v.p.nets.count(k)
		if lift >= infraLift && float64(n) >= netPurity*float64(total) && (total >= farmAccounts || familyOwn()) {
			own[k] = true
		}
	}
	// a phone that vouches for its accounts over every platform is the
	// crew's own too, however few of them this group has (wide.go), when
	// it has farmAccounts accounts here or passes the family test: one
	// household's accounts on every platform make five and more too
	vouch := v.wide.vouches()
	for i := range g.cands {
		c := &g.cands[i]
		if c.sActs == 0 {
			continue
		}
		a := v.d.accounts.at(c.acct)
		for _, k := range a.nets {
			if own[k] {
				c.infraNet = true
			}
		}
		for _, dev := range a.devices {
			h := hashString(dev)
			n, total := devCnt[dev], v.p.devices.count(h)
			ours := n >= 2 && float64(n) >= netPurity*float64(total) && (total >= farmAccounts || familyOwn())
			if ours || (vouch[h] && (total >= farmAccounts || familyOwn())) {
				c.infraDev = true
			}
		}
		c.infra = c.infraNet || c.infraDev
	}
}

// peel marks the candidates in the densest block of candidates × the
// group's (room, script) columns.
func (g *group) peel() {
	v := g.v
	type col struct{ room, script uint32 }
	colIdx := make(map[col]int32)
	var cols []col
	pg := &peelGraph{accounts: len(g.cands), prior: make([]float64, len(g.cands))}
	for ci := range g.cands {
		c := &g.cands[ci]
		if c.sActs == 0 {
			continue
		}
		ev := v.ev[c.acct]
		p := 0.0
		if c.noBuyTM() {
			p += priorNoBuyTM
		}
		if ev&evContra != 0 {
			p += priorContra
		}
		if ev&evNew != 0 {
			p += priorNew
		}
		if c.infra {
			p += priorInfra
		} else if c.hop {
			p += priorInfra / 2
		}
		if c.lock > 0 {
			p += priorLockstep
		}
		pg.prior[ci] = p
		var mine []int32
		for _, i := range v.actsOf(c.acct) {
			x := &v.acts[i]
			if !g.scripted(x) {
				continue
			}
			k := col{x.room, x.script}
			j, ok := colIdx[k]
			if !ok {
				j = int32(len(cols))
				colIdx[k] = j
				cols = append(cols, k)
			}
			if !slices.Contains(mine, j) {
				mine = append(mine, j)
				pg.edges = append(pg.edges, [2]int32{int32(ci), j})
			}
		}
	}
	// column degrees: every poster of the column, in or out of the group
	deg := make([]int, len(cols))
	for _, s := range g.scripts {
		for _, x := range v.run(s) {
			var rooms []uint32
			for _, i := range v.actsOf(uint32(x.k)) {
				if y := &v.acts[i]; y.script == s && !slices.Contains(rooms, y.room) {
					rooms = append(rooms, y.room)
					if j, ok := colIdx[col{y.room, s}]; ok {
						deg[j]++
					}
				}
			}
		}
	}
	pg.columns = len(cols)
	pg.colW = make([]float64, len(cols))
	for j := range cols {
		pg.colW[j] = columnWeight(deg[j])
	}
	in, _ := peel(pg)
	for ci := range g.cands {
		g.cands[ci].core = in[ci] && g.cands[ci].sActs > 0
	}
}

// membership marks the candidates whose own evidence ties them to the
// group: they posted its scripts in its rooms, and they are in lockstep
// with another poster, share a network or device the group has to
// itself, hop through a proxy pool, contradict themselves without a
// purchase, posted its scripts in spreadRooms rooms, said unbought
// commercial things in a burst (burst.go), or, in a script web, posted
// two of its private scripts (web.go); or they posted a bound script of
// a script web, the line of its knots (web.go); or they posted a testimonial
// without a purchase in the dense core or in a (room, script, bucket)
// burst that chance does not explain (synchronous) and repeat the
// group's own clusters (not the coarse script: a viewer praising twice in
// a promoted room repeats nothing of a crew's) or are heavy promoters; or, heavy promoters only, posted unbought commercial speech in promoRooms of its
// rooms or in a script cluster where another candidate did so. Onlookers
// write a line or two of unbought praise too (baserate.go): that alone is
// never enough. Fans and buyers who once wrote something similar are
// left out.
func (g *group) membership() {
	// heavy promoters among the candidates: tested against what everyone
	// else writes, the family being the candidates with unbought
	// commercial speech, not the whole platform
	var tested []uint32
	for _, ci := range g.set(func(c *candidate) bool { return c.noBuyAd }) {
		tested = append(tested, g.cands[ci].acct)
	}
	q := g.v.rateWithout(tested)
	for ci := range g.cands {
		c := &g.cands[ci]
		if c.sActs == 0 {
			continue
		}
		ev := g.v.ev[c.acct]
		c.heavy = ev&evPromo != 0 || g.v.heavy(c.acct, q, len(tested))
		c.strong = c.lock > 0 || c.infra || c.hop || ev&evContra != 0 || c.ownRooms >= spreadRooms || (c.noBuyAd && c.promoBurst) || c.webKnot()
		c.member = c.strong || c.bound ||
			(c.noBuyTM() && (c.core || c.burst) && (c.heavy || c.ownScripted >= 2)) ||
			(c.noBuyAd && c.heavy && (c.rooms >= promoRooms || c.adShared))
	}
}
