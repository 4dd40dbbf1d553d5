package campaign

import (
	"math"
	"slices"
	"time"
)

// The cross-room stage works on a view: one platform's actions in the
// window, with tallies per script cluster, room and account, the accounts'
// own evidence and the lockstep pairs. Groups are then found by linking
// the posters of seed scripts, the accounts in lockstep, the accounts
// posting unbought commercial speech in the same rooms and the posters
// sharing a network or device of their own, and each group is judged
// (judge.go).

// Bits of an account's own evidence (view.ev).
const (
	evNoBuyTM  uint8 = 1 << iota // a testimonial without an order from the room's merchant before it
	evContra                     // contradicts itself, before any order
	evNew                        // younger than Config.NewAccountAge at its first comment
	evDevice                     // a device used by other accounts too
	evLockstep                   // in lockstep with another account
	evCross                      // that lockstep spans rooms
	evHop                        // hops through hopNets networks in one room (a proxy pool)
	evPromo                      // writes far more unbought commercial speech than the platform's viewers do (baserate.go)
)

// view is the cross-room stage's picture of one platform's window.
type view struct {
	d     *Detector
	p     *platform
	since int64 // window start, unix ms
	acts  []action

	// actions by account: acts[ord[aOff[a]:aOff[a+1]]] are account a's
	// (a is a slot of d.accounts), in log order.
	aOff []int32
	ord  []int32

	// posters: one (script<<32|account, comments) per pair, sorted;
	// script s's run is posters[sOff[s]:sOff[s]+sDeg[s]].
	posters []kv
	sOff    []int32
	sDeg    []int32 // distinct posters
	sCmt    []int32 // comments
	sCall   []int32 // comments answering a call to action
	sTM     []int32 // testimonial comments
	sCrowd  []int32 // comments in crowd moments (crowdKey accounts in one room and bucket)
	sPromo  []int32 // commercial comments (fPromo)
	script  []bool  // can be a script: has content, not the crowd's (see isScript)
	elig    []bool  // a script posted by two accounts or more

	// keys: one (hash of room, script, bucket; index in acts) per action
	// with a script, sorted by key
	keys []kv

	// links: per linked room, the accounts posting unbought commercial
	// speech there (see promoLinks)
	links    [][]uint32
	linkRoom map[uint32]bool
	burst    map[uint32]int32 // accounts in a burst of unbought commercial speech: its number (burst.go)
	// webs: the webs of private scripts that count, each a sorted group
	// of accounts judged on its own; webScript: their private scripts
	// (web.go)
	webs      [][]uint32
	webScript map[uint32]bool
	// webBound: the private scripts that are their web's knots' own
	// (at least half of the posters are knots) or of its sheet
	// (sheetScripts); one ties its poster
	webBound map[uint32]bool
	nBursts  int32

	rTotal []int32 // comments per room slot
	rOff   []int32 // commenters of room r: rAccts[rOff[r]:rOff[r+1]] (lazy)
	rAccts []uint32

	ev []uint8 // own evidence per account slot

	// base rates (baserate.go): comments with content and unbought
	// commercial comments per account slot and per room slot, and the
	// platform's share of the latter
	aAll, aPromo []int32
	rAll, rPromo []int32
	qPromo       float64
	promoted     []bool // per room slot: a promoted room (baserate.go)
	all, promo   int64  // the platform's comments with content, and unbought commercial ones

	lock *lockstep
	wide *wideFarms // devices and networks that are farms across platforms (nil: one platform)
	// farm: accounts linked through a farm's phone (linkFarms) or IPv6
	// /64 (linkNetFarms), whose unbought commercial speech anywhere is
	// the farm's; across: of them,
	// those on a phone that vouches for its accounts over every platform
	// (wide.go)
	farm, across map[uint32]bool
	phones       map[uint64][]uint32 // accounts on each phone of minMembers accounts or more (sharedPhones, lazy)
	prefixes     map[uint64][]uint32 // accounts on each IPv6 /64 of farmAccounts accounts or more (sharedPrefixes, lazy)
	famPhones    map[uint64][]string // phones of a family's size with two praising accounts or more: their merchants (praisingPhones, lazy)
	why          string              // why the last group judged was not a campaign (for tests)
}

// newView builds the view of platform p over the window [since, end].
func (d *Detector) newView(p *platform, since, end int64) *view {
	v := &view{d: d, p: p, since: since, acts: make([]action, 0, len(d.log))}
	sinceMin, endMin := uint32(max(since, 0)/60_000), uint32(max(end, 0)/60_000)
	for _, x := range d.log {
		if x.minute >= sinceMin && x.minute <= endMin && d.accounts.at(x.acct).plat == p.idx {
			v.acts = append(v.acts, x)
		}
	}
	na, ns, nr := d.accounts.len(), d.scripts.list.len(), len(d.rooms)
	// actions by account (counting sort, stable)
	v.aOff = make([]int32, na+1)
	for _, x := range v.acts {
		v.aOff[x.acct+1]++
	}
	for i := 1; i <= na; i++ {
		v.aOff[i] += v.aOff[i-1]
	}
	v.ord = make([]int32, len(v.acts))
	fill := slices.Clone(v.aOff[:na])
	for i, x := range v.acts {
		v.ord[fill[x.acct]] = int32(i)
		fill[x.acct]++
	}
	// tallies
	v.sDeg, v.sCmt, v.sCall, v.sTM, v.sPromo = make([]int32, ns), make([]int32, ns), make([]int32, ns), make([]int32, ns), make([]int32, ns)
	v.sOff = make([]int32, ns)
	v.rTotal = make([]int32, nr)
	v.posters = make([]kv, 0, len(v.acts))
	for _, x := range v.acts {
		n := int32(x.n)
		v.rTotal[x.room] += n
		if x.script == noScript {
			continue
		}
		v.sCmt[x.script] += n
		if x.flags&fAfterCall != 0 {
			v.sCall[x.script] += n
		}
		if x.flags&fTestimonial != 0 {
			v.sTM[x.script] += n
		}
		if x.flags&fPromo != 0 {
			v.sPromo[x.script] += n
		}
		v.posters = append(v.posters, kv{k: uint64(x.script)<<32 | uint64(x.acct), v: uint64(x.n)})
	}
	v.posters = sortKV(v.posters, nil)
	out := v.posters[:0]
	for _, x := range v.posters {
		if n := len(out); n > 0 && out[n-1].k == x.k {
			out[n-1].v += x.v
			continue
		}
		out = append(out, x)
	}
	v.posters = out
	for i, x := range v.posters {
		s := uint32(x.k >> 32)
		if v.sDeg[s] == 0 {
			v.sOff[s] = int32(i)
		}
		v.sDeg[s]++
	}
	v.crowds()
	v.script, v.elig = make([]bool, ns), make([]bool, ns)
	for s := range ns {
		v.script[s] = v.isScript(uint32(s))
		v.elig[s] = v.script[s] && v.sDeg[s] >= 2
	}
	v.ownEvidence()
	v.baseRates()
	v.promoLinks()
	v.recurringLinks()
	v.scriptWebs()
	v.promoBursts()
	v.lock = v.lockstep()
	for _, e := range v.lock.edges {
		for _, a := range [2]uint32{e.a, e.b} {
			v.ev[a] |= evLockstep
			if e.multi {
				v.ev[a] |= evCross
			}
		}
	}
	return v
}

// isScript reports whether cluster s can be a crew's script: it has
// content (not a chant or a "1"), it is not the crowd answering the
// host's call to action, and it is not mostly posted in crowd moments
// (hundreds typing it within minutes: a chant, a lottery phrase).
func (v *view) isScript(s uint32) bool {
	sc := v.d.scripts.list.at(s)
	if !sc.live || v.sCmt[s] == 0 {
		return false
	}
	if sc.contentFree && float64(v.sTM[s]) < 0.5*float64(v.sCmt[s]) {
		return false
	}
	cmts := float64(v.sCmt[s])
	return float64(v.sCall[s]) < ctaExplained*cmts && float64(v.sCrowd[s]) < crowdScript*cmts
}

// commercial reports whether script cluster s is mostly commercial speech
// (testimonials, urging, vouching, praise): what a crew is paid to post.
func (v *view) commercial(s uint32) bool { return 2*v.sPromo[s] >= v.sCmt[s] }

// crowds sorts the actions by (room, script, bucket) and counts the
// comments of each script posted in crowd moments.
func (v *view) crowds() {
	bucketMin := uint32(bucket.Minutes())
	v.keys = make([]kv, 0, len(v.acts))
	for i, x := range v.acts {
		if x.script != noScript {
			k := mix64(uint64(x.room)<<32|uint64(x.script)) + uint64(x.minute/bucketMin)*0x9e3779b97f4a7c15
			v.keys = append(v.keys, kv{k: k, v: uint64(i)})
		}
	}
	v.keys = sortKV(v.keys, nil)
	v.sCrowd = make([]int32, len(v.sDeg))
	var accts []uint32
	for i := 0; i < len(v.keys); {
		j := i + 1
		for j < len(v.keys) && v.keys[j].k == v.keys[i].k {
			j++
		}
		if j-i >= crowdKey {
			accts = accts[:0]
			n := int32(0)
			for _, x := range v.keys[i:j] {
				accts = append(accts, v.acts[x.v].acct)
				n += int32(v.acts[x.v].n)
			}
			slices.Sort(accts)
			if len(slices.Compact(accts)) >= crowdKey {
				v.sCrowd[v.acts[v.keys[i].v].script] += n
			}
		}
		i = j
	}
}

// run returns the posters of script s.
func (v *view) run(s uint32) []kv {
	return v.posters[v.sOff[s] : v.sOff[s]+v.sDeg[s]]
}

// actsOf returns the indexes in v.acts of account a's actions.
func (v *view) actsOf(a uint32) []int32 { return v.ord[v.aOff[a]:v.aOff[a+1]] }

// ownEvidence sets the evidence bits every account earns on its own.
func (v *view) ownEvidence() {
	d := v.d
	v.ev = make([]uint8, d.accounts.len())
	newAge := d.cfg.NewAccountAge.Milliseconds()
	for ai := range d.accounts.len() {
		a := d.accounts.at(uint32(ai))
		if !a.live || a.plat != v.p.idx || v.aOff[ai] == v.aOff[ai+1] {
			continue
		}
		var e uint8
		if a.created != 0 && a.first != 0 && a.first-a.created < newAge {
			e |= evNew
		}
		for _, dev := range a.devices {
			if v.p.devices.count(hashString(dev)) >= 2 {
				e |= evDevice
			}
		}
		if len(a.contradictions(v.since, true)) > 0 {
			e |= evContra
		}
		if a.hopMax >= hopNets {
			e |= evHop
		}
		for _, i := range v.actsOf(uint32(ai)) {
			x := &v.acts[i]
			if x.flags&fTestimonial != 0 && x.script != noScript && v.elig[x.script] && !v.boughtBefore(a, x) {
				e |= evNoBuyTM
				break
			}
		}
		v.ev[ai] = e
	}
}

// boughtBefore reports whether account a ordered from the merchant of
// action x's room before (or in the minute of) x. A testimonial of use in
// a cluster of few posters (吃了10天瘦了21.4斤, 叶黄素酯片真的好用) needs
// an order at least useLag before it: goods ordered minutes ago have not
// been used, and a crew buying for cover posts its sheet right after its
// orders. A common review (用了一个月了，还不错, posted by many) keeps the
// same-broadcast order as its backing: it is what a returning buyer says
// when ordering again.
func (v *view) boughtBefore(a *account, x *action) bool {
	if x.flags&fUse != 0 && x.script != noScript && v.sDeg[x.script] <= webMaxPosters {
		return v.orderedBefore(a, x, useLag)
	}
	return v.orderedBefore(a, x, 0)
}

// orderedBefore reports whether account a ordered from the merchant of
// action x's room at least lag before x (lag 0: before or in its minute).
func (v *view) orderedBefore(a *account, x *action, lag time.Duration) bool {
	return a.boughtFrom(v.d.rooms[x.room].merchant, int64(x.minute+1)*60_000-lag.Milliseconds())
}

// promoLinks finds, per promoted room (more unbought commercial speech
// than the platform's rate explains, baserate.go), the accounts that
// posted commercial speech (a testimonial, urging, vouching) without an
// order from the room's merchant before it; a room where at least
// seedMinPosters did so, and
// linkMulti of them in promoRooms rooms or more, links them all (and is a
// linked room). This is the coarse script
// of the cross-room stage: paraphrased crews that rarely repeat a
// phrasing still say the same commercial things, unbought, in the same
// rooms.
func (v *view) promoLinks() {
	var pr []kv
	for i := range v.acts {
		x := &v.acts[i]
		if !v.unboughtPromo(x) || !v.promoted[x.room] {
			continue
		}
		pr = append(pr, kv{k: uint64(x.room)<<32 | uint64(x.acct)})
	}
	pr = sortKV(pr, nil)
	pr = slices.CompactFunc(pr, func(a, b kv) bool { return a.k == b.k })
	rooms := make(map[uint32]int32)
	for _, x := range pr {
		rooms[uint32(x.k)]++
	}
	v.linkRoom = make(map[uint32]bool)
	for i := 0; i < len(pr); {
		j, multi := i, 0
		for ; j < len(pr) && pr[j].k>>32 == pr[i].k>>32; j++ {
			if rooms[uint32(pr[j].k)] >= promoRooms {
				multi++
			}
		}
		if j-i >= seedMinPosters && multi >= linkMulti {
			l := make([]uint32, 0, j-i)
			for _, x := range pr[i:j] {
				l = append(l, uint32(x.k))
			}
			v.links = append(v.links, l)
			v.linkRoom[uint32(pr[i].k>>32)] = true
		}
		i = j
	}
}

// columnWeight is Fraudar's weight of a column posted by deg accounts:
// popular columns count little.
func columnWeight(deg int) float64 { return 1 / math.Log(float64(deg)+popularC) }

// seeds returns the script clusters whose posters mostly carry evidence
// of their own.
func (v *view) seeds() []uint32 {
	var out []uint32
	for s := range v.sDeg {
		if !v.elig[s] || v.sDeg[s] < seedMinPosters {
			continue
		}
		run := v.run(uint32(s))
		own := 0
		for _, x := range run {
			// a testimonial without a purchase is what onlookers write
			// too, once; it counts when the account repeats this script
			// or writes far more unbought commercial speech than they do
			// (evPromo)
			ev := v.ev[uint32(x.k)]
			if ev&^evNoBuyTM != 0 || (ev&evNoBuyTM != 0 && x.v >= 2) {
				own++
			}
		}
		if own >= seedMinPosters && float64(own) >= seedShare*float64(len(run)) {
			out = append(out, uint32(s))
		}
	}
	return out
}

// groups links the posters of seed scripts and the accounts in lockstep
// and returns the linked groups of at least minMembers accounts, each
// sorted, in order of their first account.
func (v *view) groups(seeds []uint32) [][]uint32 {
	uf := newUnionFind()
	for _, s := range seeds {
		run := v.run(s)
		first := uint32(run[0].k)
		for _, x := range run[1:] {
			uf.union(first, uint32(x.k))
		}
	}
	for _, e := range v.lock.edges {
		uf.union(e.a, e.b)
	}
	for _, l := range v.links {
		for _, a := range l[1:] {
			uf.union(l[0], a)
		}
	}
	v.linkInfra(seeds, uf)
	v.linkFarms(uf)
	v.linkNetFarms(uf)
	byRoot := make(map[uint32][]uint32)
	for _, a := range uf.keys() {
		r := uf.find(a)
		byRoot[r] = append(byRoot[r], a)
	}
	var out [][]uint32
	for _, g := range byRoot {
		if len(g) >= minMembers || v.acrossAny(g) {
			slices.Sort(g)
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []uint32) int { return int(a[0]) - int(b[0]) })
	return out
}

// acrossAny reports whether one of accounts is on a phone that vouches
// for its accounts over every platform (farmsAcross): on this platform
// the phone may carry fewer than minMembers of them.
func (v *view) acrossAny(accounts []uint32) bool {
	return slices.ContainsFunc(accounts, func(a uint32) bool { return v.across[a] })
}

// linkInfra links the posters of seed scripts who share a network (/24,
// /64) or a device that mostly they use: one crew's phones posting
// different scripts in the same burst.
func (v *view) linkInfra(seeds []uint32, uf *unionFind) {
	var posters []uint32
	for _, s := range seeds {
		for _, x := range v.run(s) {
			posters = append(posters, uint32(x.k))
		}
	}
	slices.Sort(posters)
	posters = slices.Compact(posters)
	byNet := make(map[uint64][]uint32)
	byDev := make(map[uint64][]uint32)
	for _, a := range posters {
		acc := v.d.accounts.at(a)
		for _, k := range acc.nets {
			byNet[k] = append(byNet[k], a)
		}
		for _, dev := range acc.devices {
			h := hashString(dev)
			byDev[h] = append(byDev[h], a)
		}
	}
	link := func(l []uint32, least int, total int64) {
		if len(l) >= least && float64(len(l)) >= netPurity*float64(total) {
			for _, a := range l[1:] {
				uf.union(l[0], a)
			}
		}
	}
	for k, l := range byNet {
		link(l, minMembers, v.p.nets.count(k))
	}
	for k, l := range byDev {
		link(l, 2, v.p.devices.count(k))
	}
}

// linkFarms links the accounts of each phone farm that posted unbought
// commercial speech in the window: a farm is a device used by
// farmAccounts accounts or more (more than a family shares), at least
// netPurity of them (and minMembers) posting such speech. A crew
// spreading one line per account over many accounts and rooms shows no
// script of its own, but its accounts come from the few phones it has.
// The group is judged on its evidence afterwards (group.infra marks the
// device as its own).
func (v *view) linkFarms(uf *unionFind) {
	v.linkShared(uf, true, v.p.devices.count, v.wide.devices(), deviceKeys)
}

// deviceKeys appends the keys of a's devices.
func deviceKeys(a *account, keys []uint64) []uint64 {
	for _, dev := range a.devices {
		keys = append(keys, hashString(dev))
	}
	return keys
}

// netKeys appends the keys of a's networks (/24, /64).
func netKeys(a *account, keys []uint64) []uint64 { return append(keys, a.nets...) }

// linkNetFarms does the same for networks (/24, /64): a crew working
// from one office subnet, a phone and lines of its own per account. A
// carrier NAT range serves thousands who mostly chat; a home or office
// network serves a few. Only a /64 makes its accounts a farm's
// (linkShared).
func (v *view) linkNetFarms(uf *unionFind) {
	v.linkShared(uf, false, v.p.nets.count, v.wide.networks(), netKeys)
}

// linkShared links, for each key (a device, a network) that count says
// farmAccounts accounts or more used in the window, its accounts that
// posted unbought commercial speech, when they are at least minMembers
// and netPurity of its accounts; and, for each key of wide (a farm
// counted over every platform), this platform's accounts that did so.
// keysOf appends an account's distinct keys. The accounts linked on a
// phone (keys are devices) or on an IPv6 /64 are a farm's (view.farm; on
// a phone, view.across too): one operator's, as no stranger shares a
// phone or a subscriber's prefix. Those linked on an IPv4 /24 are not: a
// crew exiting through a carrier NAT range can make most of its accounts,
// and the viewers behind it who praise once would be taken for the
// crew's (TestCarrierNATBesideCrewNotFarm).
func (v *view) linkShared(uf *unionFind, phones bool, count func(uint64) int64, wide map[uint64]bool, keysOf func(a *account, keys []uint64) []uint64) {
	byKey := make(map[uint64][]uint32)
	var keys []uint64
	for a := range v.aPromo {
		if v.aPromo[a] == 0 {
			continue
		}
		keys = keysOf(v.d.accounts.at(uint32(a)), keys[:0])
		for _, k := range keys {
			if l := byKey[k]; l != nil || count(k) >= farmAccounts || wide[k] {
				byKey[k] = append(l, uint32(a))
			}
		}
	}
	if v.farm == nil {
		v.farm, v.across = make(map[uint32]bool), make(map[uint32]bool)
	}
	vouch := v.wide.vouches()
	for k, l := range byKey {
		if wide[k] || (len(l) >= minMembers && float64(len(l)) >= netPurity*float64(count(k))) {
			if phones {
				uf.find(l[0]) // a phone's only account on this platform may be a group (view.across)
			}
			for _, a := range l {
				uf.union(l[0], a)
				if phones || subscriberPrefix(k) {
					v.farm[a] = true
				}
				if phones {
					v.across[a] = v.across[a] || vouch[k]
				}
			}
		}
	}
}

// unionFind is a disjoint-set forest over account slots.
type unionFind struct {
	parent map[uint32]uint32
	order  []uint32 // keys in insertion order
}

func newUnionFind() *unionFind { return &unionFind{parent: make(map[uint32]uint32)} }

func (u *unionFind) find(a uint32) uint32 {
	p, ok := u.parent[a]
	if !ok {
		u.parent[a] = a
		u.order = append(u.order, a)
		return a
	}
	r := a
	for p != r {
		r = p
		p = u.parent[r]
	}
	for a != r { // path compression
		next := u.parent[a]
		u.parent[a] = r
		a = next
	}
	return r
}

func (u *unionFind) union(a, b uint32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

func (u *unionFind) keys() []uint32 { return u.order }

// sharedPhones returns, for each device used by minMembers accounts or
// more (hashed), the window's accounts on it (built on first use: one
// pass over the account slots per view, however many campaigns ask).
func (v *view) sharedPhones() map[uint64][]uint32 {
	if v.phones == nil {
		v.phones = v.onKeys(deviceKeys, func(k uint64) bool { return v.p.devices.count(k) >= minMembers })
	}
	return v.phones
}

// sharedPrefixes returns the accounts in the window on each IPv6 /64
// that farmAccounts accounts or more used (built on first use).
func (v *view) sharedPrefixes() map[uint64][]uint32 {
	if v.prefixes == nil {
		v.prefixes = v.onKeys(netKeys, func(k uint64) bool { return subscriberPrefix(k) && v.p.nets.count(k) >= farmAccounts })
	}
	return v.prefixes
}

// onKeys returns the accounts of the window on each key (of keysOf) that
// keep accepts, in account order.
func (v *view) onKeys(keysOf func(a *account, keys []uint64) []uint64, keep func(k uint64) bool) map[uint64][]uint32 {
	on := make(map[uint64][]uint32)
	var keys []uint64
	for a := range len(v.aOff) - 1 {
		if v.aOff[a] == v.aOff[a+1] {
			continue
		}
		keys = keysOf(v.d.accounts.at(uint32(a)), keys[:0])
		for _, k := range keys {
			if keep(k) {
				on[k] = append(on[k], uint32(a))
			}
		}
	}
	return on
}

// commenters returns the distinct accounts that commented in room r in
// the window (built for every room on first use).
func (v *view) commenters(r uint32) []uint32 {
	if v.rOff == nil {
		ra := make([]kv, 0, len(v.acts))
		for _, x := range v.acts {
			ra = append(ra, kv{k: uint64(x.room)<<32 | uint64(x.acct)})
		}
		ra = sortKV(ra, nil)
		v.rOff = make([]int32, len(v.d.rooms)+1)
		v.rAccts = v.rAccts[:0]
		for i, x := range ra {
			if i > 0 && ra[i-1].k == x.k {
				continue
			}
			v.rAccts = append(v.rAccts, uint32(x.k))
			v.rOff[x.k>>32+1]++
		}
		for i := 1; i < len(v.rOff); i++ {
			v.rOff[i] += v.rOff[i-1]
		}
	}
	return v.rAccts[v.rOff[r]:v.rOff[r+1]]
}
