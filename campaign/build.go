package campaign

import (
	"cmp"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
)

// Reason codes of a Member.
const (
	ReasonScript          = "script"                        // posted the campaign's scripts in its rooms
	ReasonNoPurchase      = "testimonial_no_purchase"       // result testimonial without an order before it
	ReasonRightAfterOrder = "testimonial_right_after_order" // a testimonial of use less than 12 hours after ordering (useLag): the goods cannot have been used
	ReasonContradiction   = "contradiction"                 // its own testimonials disagree
	ReasonNewAccount      = "new_account"                   // younger than Config.NewAccountAge
	ReasonSharedNetwork   = "shared_network"                // on a /24 or /64 the crew has to itself
	ReasonSharedDevice    = "shared_device"                 // a device used by other members
	ReasonLockstep        = "lockstep"                      // same scripts, rooms and minutes as another member
	ReasonCrossRoom       = "cross_room_lockstep"           // that lockstep spans rooms
	ReasonBurst           = "burst"                         // posted in a burst with other members
	ReasonProxyHop        = "proxy_hop"                     // hops through networks within one room (a proxy pool)
	ReasonSpread          = "spread"                        // posted the scripts in several of the campaign's rooms
	ReasonMerchants       = "several_merchants"             // praised goods of several merchants without buying
	ReasonDenseCore       = "dense_core"                    // in the densest block of accounts × (room, script)
	ReasonHeavyPromoter   = "heavy_promoter"                // far more unbought commercial speech than others write (baserate.go)
	ReasonScriptWeb       = "script_web"                    // posted the group's private scripts, unbought (web.go)
	ReasonCrewPhone       = "crew_phone"                    // on one of the crew's phones, which makes it the crew's however little it wrote: a farm's (used by 5 accounts or more, at least half of them members), or one whose every other account is a member (two or more) while it praised unbought (group.crewMates)
	ReasonCrewPrefix      = "crew_prefix"                   // on the crew's IPv6 /64, one subscriber's prefix used by 5 accounts or more, at least half of them members, which makes it the crew's however little it wrote (group.crewMates)
)

// campaign builds the report of a judged group from its members.
func (g *group) campaign() Campaign {
	v, d := g.v, g.v.d
	set := g.set(func(c *candidate) bool { return c.member })
	ev, _, _ := g.evidence(set)
	// the crew evidence is that of the members judged on their own;
	// their phone mates add to the counts, not to the certainty
	_, e, _ := g.evidence(g.set(func(c *candidate) bool { return c.member && !c.mate }))
	c := Campaign{Platform: v.p.name, Evidence: ev}
	c.Score = score(e, len(set))

	type roomTally struct {
		members     map[uint32]bool
		comments    int
		first, last int64
	}
	type scriptTally struct {
		members  map[uint32]bool
		comments int
		rooms    map[uint32]bool
	}
	rooms := make(map[uint32]*roomTally)
	scripts := make(map[uint32]*scriptTally)
	points := make(map[pointKey]map[uint32]int)
	var first, last int64
	for _, i := range set {
		cd := &g.cands[i]
		a := d.accounts.at(cd.acct)
		m := Member{User: a.user, Orders: 0}
		if a.created != 0 {
			t := time.UnixMilli(a.created).UTC()
			m.CreatedAt = &t
		}
		m.Orders = a.orders(v.since)
		m.IPs = slices.Clone(a.ips)
		m.Devices = slices.Clone(a.devices)
		m.Contradictions = a.contradictions(v.since, false)
		var mf, ml int64
		seenRoom := make(map[uint32]bool)
		for _, j := range v.actsOf(cd.acct) {
			x := &v.acts[j]
			if !seenRoom[x.room] {
				seenRoom[x.room] = true
				m.Rooms++
			}
			if !g.isRoom[x.room] {
				continue
			}
			t := int64(x.minute) * 60_000
			n := int(x.n)
			m.Comments += n
			if mf == 0 || t < mf {
				mf = t
			}
			ml = max(ml, t)
			rt := rooms[x.room]
			if rt == nil {
				rt = &roomTally{members: make(map[uint32]bool), first: t}
				rooms[x.room] = rt
			}
			rt.comments += n
			rt.members[cd.acct] = true
			rt.first, rt.last = min(rt.first, t), max(rt.last, t)
			if !g.scripted(x) { // as the judgement counted it: its scripts, or the coarse script
				continue
			}
			m.Scripted += n
			if g.isScr[x.script] {
				st := scripts[x.script]
				if st == nil {
					st = &scriptTally{members: make(map[uint32]bool), rooms: make(map[uint32]bool)}
					scripts[x.script] = st
				}
				st.members[cd.acct] = true
				st.comments += n
				st.rooms[x.room] = true
			}
			pk := pointKey{x.minute, x.room, x.script}
			if points[pk] == nil {
				points[pk] = make(map[uint32]int)
			}
			points[pk][cd.acct] += n
			if first == 0 || t < first {
				first = t
			}
			last = max(last, t+59_999)
		}
		m.FirstSeen, m.LastSeen = time.UnixMilli(mf).UTC(), time.UnixMilli(ml+59_999).UTC()
		m.Reasons = g.reasons(cd)
		c.Members = append(c.Members, m)
	}
	slices.SortFunc(c.Members, func(a, b Member) int { return cmp.Compare(a.User, b.User) })
	c.FirstSeen, c.LastSeen = time.UnixMilli(first).UTC(), time.UnixMilli(last).UTC()

	for r, rt := range rooms {
		rm := &d.rooms[r]
		room := Room{Room: rm.id, Merchant: rm.merchant, Members: len(rt.members), Comments: rt.comments,
			Total: int(v.rTotal[r]), FirstSeen: time.UnixMilli(rt.first).UTC(), LastSeen: time.UnixMilli(rt.last + 59_999).UTC()}
		if room.Total > 0 {
			room.Share = float64(room.Comments) / float64(room.Total)
		}
		c.Rooms = append(c.Rooms, room)
	}
	slices.SortFunc(c.Rooms, func(a, b Room) int {
		return cmp.Or(a.FirstSeen.Compare(b.FirstSeen), cmp.Compare(a.Room, b.Room))
	})
	for s, st := range scripts {
		sc := d.scripts.list.at(s)
		c.Scripts = append(c.Scripts, Script{
			Cluster:  scriptID(v.p.name, sc.text),
			Examples: g.examples(set, s, sc.text),
			Members:  len(st.members),
			Comments: st.comments,
			Rooms:    len(st.rooms),
			Others:   max(0, int(v.sDeg[s])-len(st.members)),
		})
	}
	slices.SortFunc(c.Scripts, func(a, b Script) int {
		return cmp.Or(cmp.Compare(b.Comments, a.Comments), cmp.Compare(a.Cluster, b.Cluster))
	})
	c.Timeline = g.timeline(points)
	c.EventIDs = g.eventIDs(set)
	c.Severity = severity(&c)
	return c
}

// pointKey is one bucket of the timeline.
type pointKey struct {
	minute       uint32
	room, script uint32
}

// reasons returns a member's reason codes.
func (g *group) reasons(c *candidate) []string {
	ev := g.v.ev[c.acct]
	var out []string
	add := func(ok bool, r string) {
		if ok {
			out = append(out, r)
		}
	}
	add(c.sActs > 0, ReasonScript)
	add(c.mate && !c.prefixMate, ReasonCrewPhone)
	add(c.prefixMate, ReasonCrewPrefix)
	add(c.noOrderTM, ReasonNoPurchase)
	add(c.afterOrderTM, ReasonRightAfterOrder)
	add(ev&evContra != 0, ReasonContradiction)
	add(ev&evNew != 0, ReasonNewAccount)
	add(c.infraNet, ReasonSharedNetwork)
	add(c.infraDev, ReasonSharedDevice)
	add(c.lock > 0, ReasonLockstep)
	add(c.lockMulti, ReasonCrossRoom)
	add(c.burst || c.promoBurst, ReasonBurst)
	add(c.hop, ReasonProxyHop)
	add(c.rooms >= 2, ReasonSpread)
	add(c.adMerch >= 2, ReasonMerchants)
	add(c.core, ReasonDenseCore)
	add(c.heavy, ReasonHeavyPromoter)
	add(c.webTied(), ReasonScriptWeb)
	return out
}

// examples returns up to 5 distinct member texts of script s.
func (g *group) examples(set []int, s uint32, fallback string) []string {
	var out []string
	for _, i := range set {
		a := g.v.d.accounts.at(g.cands[i].acct)
		if a.x == nil {
			continue
		}
		for _, sm := range a.x.samples {
			if sm.script == s && g.isRoom[sm.room] && !slices.Contains(out, sm.text) {
				out = append(out, sm.text)
				if len(out) == 5 {
					return out
				}
			}
		}
	}
	if len(out) == 0 && fallback != "" {
		out = append(out, fallback)
	}
	return out
}

// eventIDs returns ids of member comments in the campaign's scripts and
// rooms, taking members in turn so that they spread, at most MaxEventIDs.
func (g *group) eventIDs(set []int) []string {
	var out []string
	for round := 0; round < maxAccountSamples && len(out) < MaxEventIDs; round++ {
		for _, i := range set {
			a := g.v.d.accounts.at(g.cands[i].acct)
			if a.x == nil || round >= len(a.x.samples) {
				continue
			}
			sm := a.x.samples[round]
			if sm.id != "" && g.isScr[sm.script] && g.isRoom[sm.room] && sm.ts >= g.v.since {
				out = append(out, sm.id)
				if len(out) == MaxEventIDs {
					break
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// timeline turns the (minute, room, script) tallies into Points, oldest
// first; beyond MaxTimeline points, buckets double in length until they
// fit.
func (g *group) timeline(points map[pointKey]map[uint32]int) []Point {
	type key = pointKey
	width := uint32(1)
	for {
		agg := make(map[key]map[uint32]int)
		for k, ms := range points {
			b := key{k.minute / width * width, k.room, k.script}
			if agg[b] == nil {
				agg[b] = make(map[uint32]int)
			}
			for a, n := range ms {
				agg[b][a] += n
			}
		}
		if len(agg) <= MaxTimeline {
			out := make([]Point, 0, len(agg))
			for k, ms := range agg {
				n := 0
				for _, c := range ms {
					n += c
				}
				out = append(out, Point{
					Minute:   time.UnixMilli(int64(k.minute) * 60_000).UTC(),
					Room:     g.v.d.rooms[k.room].id,
					Cluster:  scriptID(g.v.p.name, g.v.d.scripts.list.at(k.script).text),
					Comments: n,
					Members:  len(ms),
				})
			}
			slices.SortFunc(out, func(a, b Point) int {
				return cmp.Or(a.Minute.Compare(b.Minute), cmp.Compare(a.Room, b.Room), cmp.Compare(a.Cluster, b.Cluster))
			})
			return out
		}
		width *= 2
	}
}

// score is how sure the judgement is: the crew evidence, discounted for
// small groups (3 members: ×0.79, 10 and more: ×1).
func score(e float64, members int) float64 {
	return e * (0.7 + 0.3*min(1, float64(members)/10))
}

// severity maps a campaign to a severity: critical when it is sure
// (score ≥ criticalScore) and either its members wrote at least
// criticalShare of a room's comments or it spans merchants; high when
// score ≥ highScore and it has at least smallCampaign members; medium
// otherwise (small or less certain groups).
func severity(c *Campaign) qinglang.Severity {
	dominates := false
	for _, r := range c.Rooms {
		dominates = dominates || r.Share >= criticalShare
	}
	switch {
	case c.Score >= criticalScore && (dominates || c.Evidence.Merchants >= 2):
		return qinglang.SeverityCritical
	case c.Score >= highScore && len(c.Members) >= smallCampaign:
		return qinglang.SeverityHigh
	}
	return qinglang.SeverityMedium
}
