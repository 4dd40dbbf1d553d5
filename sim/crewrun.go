package sim

import (
	"cmp"
	"math"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strconv"

	"github.com/qinglang/qinglang"
)

// crewState is one crew over the whole run: its members, its network and
// what each member has said so far.
type crewState struct {
	idx     int
	cfg     Crew
	h       uint64
	members []crewMember
	rooms   []bool // by slot: the crew works for this merchant
	days    []bool // by day; nil for every day
	days0   int    // identical scripts: the days of use they all name
	net     [3]byte
	net6    [8]byte
}

// crewMember is one account of a crew.
type crewMember struct {
	id         string
	g          int // index among the members of every crew (platform bitmaps)
	h          uint64
	device     string
	created    int64 // unix milliseconds
	followers  int64
	days       int // days of use in the member's testimonials
	v6         bool
	contradict bool
	buyer      bool
	results    int // personal results given so far
}

// initCrews lays out the crews of the run. Members are accounts like any
// viewer's ("u" and a number), numbered above every platform's viewers.
func (w *world) initCrews() {
	base := 0
	for _, p := range w.plats {
		base = max(base, int(p.pop))
	}
	g := 0
	for i, c := range w.cfg.Crews {
		cs := &crewState{idx: i, cfg: c, h: hash(w.seed, saltCrew, uint64(i))}
		cs.days0 = crewDays[hash(cs.h, 1)%uint64(len(crewDays))]
		nh := hash(cs.h, 2)
		cs.net = [3]byte{v4Firsts[nh%uint64(len(v4Firsts))], byte(nh >> 8), byte(nh >> 16)}
		pre := v6Prefixes[(nh>>24)%uint64(len(v6Prefixes))]
		copy(cs.net6[:], pre)
		for j := len(pre); j < 8; j++ {
			cs.net6[j] = byte(nh >> (8 * j))
		}
		cs.rooms = make([]bool, len(w.slots))
		merchants := c.Merchants
		if len(merchants) == 0 {
			merchants = w.quietest(c.Reach)
		}
		for _, m := range merchants {
			cs.rooms[m] = true
		}
		if len(c.Days) > 0 {
			cs.days = make([]bool, w.cfg.Days)
			for _, d := range c.Days {
				cs.days[d] = true
			}
		}
		cs.members = make([]crewMember, c.Accounts)
		for k := range cs.members {
			m := &cs.members[k]
			m.h = hash(cs.h, 3, uint64(k))
			m.g = g
			m.id = userID(uint32(base + 7 + 3*g + int(m.h%3)))
			g++
			dev := hash(cs.h, 4, uint64(k))
			if c.Devices > 0 {
				dev = hash(cs.h, 5, uint64(k%c.Devices))
			}
			m.device = "dv" + strconv.FormatUint(dev&0xffffffffffff, 16)
			var age int64 // days
			if c.Age == AgeAged {
				age = 2*365 + int64(hash(m.h, 1)%(6*365))
				m.followers = min(500000, int64(3*math.Pow(max(1e-9, 1-unit(hash(m.h, 2))), -1.4))-3)
			} else {
				age = 1 + int64(hash(m.h, 1)%20)
				m.followers = int64(hash(m.h, 2) % 30)
			}
			m.created = w.base - age*86400000 - int64(hash(m.h, 3)%86400)*1000
			m.days = crewDays[hash(m.h, 4)%uint64(len(crewDays))]
			m.v6 = unit(hash(m.h, 5)) < c.IPv6
			m.contradict = unit(hash(m.h, 6)) < c.Contradict
			m.buyer = unit(hash(m.h, 7)) < c.Buyers
		}
		w.crews = append(w.crews, cs)
	}
	for _, p := range w.plats {
		p.crewSeen = make([]uint64, (g+63)/64)
	}
}

// quietest returns the n slots with the smallest audience.
func (w *world) quietest(n int) []int {
	idx := make([]int, len(w.slots))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(w.slots[a].audience, w.slots[b].audience) })
	return idx[:n]
}

// works reports whether the crew works in slot s's broadcast of day d.
func (c *crewState) works(s, d int) bool {
	return c.rooms[s] && (c.days == nil || c.days[d])
}

// fixedFor returns the two personal results every member of a crew with
// identical scripts copies: the jelly case's 35 and 16.6 for the first
// crew on weight-loss goods, others drawn.
func (c *crewState) fixedFor(b *crewBank) [2]float64 {
	if c.idx == 0 {
		return b.fixed
	}
	x, y := b.result(hash(c.h, 6)), b.result(hash(c.h, 7))
	if y == x {
		y = x + 1
	}
	return [2]float64{x, y}
}

// crewAct is a planned comment or order of a crew member.
type crewAct struct {
	at     int64
	member int
	idea   int // the burst's script idea, or -1 for any
	order  bool
}

// crewRun is one crew at work in one broadcast. It is a side process of
// the room with a random stream of its own.
type crewRun struct {
	c        *crewState
	rng      *rand.Rand
	bank     *crewBank
	fixed    [2]float64
	prod     int   // lineup index of the goods the script praises
	active   []int // members at work today, in turn order
	plan     []crewAct
	q        float64 // share volume: crew comments per organic comment
	tick     int64   // share volume: next even tick or burst; never otherwise
	from, to int64
	posted   int
	turn     int
}

// newCrewRun plans crew c's work in room r.
func newCrewRun(r *roomGen, c *crewState) *crewRun {
	w, s, cfg := r.w, r.s, &c.cfg
	cr := &crewRun{c: c, tick: never}
	cr.rng = rand.New(rand.NewPCG(w.seed, hash(w.seed, saltCrew, uint64(c.idx), uint64(s.idx), uint64(r.day))))
	cr.bank = bankFor(catalog[s.products[0].cat].cat)
	cr.fixed = c.fixedFor(cr.bank)
	margin := min(60000, w.dur/10)
	cr.from, cr.to = r.start+margin, r.end-margin
	cr.active = cr.rng.Perm(len(c.members))
	if cfg.RoomMembers > 0 {
		cr.active = cr.active[:cfg.RoomMembers]
	}
	switch {
	case cfg.Share > 0:
		cr.q = cfg.Share / (1 - cfg.Share)
		cr.tick = cr.from + cr.rng.Int64N(30000)
	case cfg.PerAccount > 0:
		who := make([]int, 0, cfg.PerAccount*len(cr.active))
		for range cfg.PerAccount {
			who = append(who, cr.active...)
		}
		cr.rng.Shuffle(len(who), func(i, j int) { who[i], who[j] = who[j], who[i] })
		cr.schedule(who)
	default:
		n := between(cr.rng, cfg.RoomComments[0], cfg.RoomComments[1])
		if cfg.RoomMembers == 0 {
			cr.active = cr.active[:max(1, min(n, len(cr.active)))]
		}
		who := make([]int, n)
		for i := range who {
			who[i] = cr.active[i%len(cr.active)]
		}
		cr.schedule(who)
	}
	for _, m := range cr.active {
		if c.members[m].buyer {
			cr.plan = append(cr.plan, crewAct{at: cr.from + cr.rng.Int64N(max(1, cr.to-cr.from)), member: m, idea: -1, order: true})
		}
	}
	cr.sort()
	return cr
}

// schedule plans one comment by each of who, evenly or in bursts.
func (cr *crewRun) schedule(who []int) {
	span := max(1, cr.to-cr.from)
	if cr.c.cfg.Timing == TimingEven {
		for _, m := range who {
			cr.plan = append(cr.plan, crewAct{at: cr.from + cr.rng.Int64N(span), member: m, idea: -1})
		}
		return
	}
	for i := 0; i < len(who); {
		size := min(len(who)-i, between(cr.rng, 3, max(3, len(cr.active))))
		at := cr.from + cr.rng.Int64N(max(1, span-120000))
		idea := cr.rng.IntN(len(cr.bank.ideas))
		for range size {
			cr.plan = append(cr.plan, crewAct{at: at, member: who[i], idea: idea})
			at += int64(between(cr.rng, 1000, 8000))
			i++
		}
	}
}

func (cr *crewRun) sort() {
	slices.SortStableFunc(cr.plan, func(a, b crewAct) int { return cmp.Compare(a.at, b.at) })
}

func (cr *crewRun) nextAt() int64 {
	if len(cr.plan) > 0 && cr.plan[0].at < cr.tick {
		return cr.plan[0].at
	}
	return cr.tick
}

func (cr *crewRun) run(r *roomGen, at int64) {
	if len(cr.plan) == 0 || cr.tick < cr.plan[0].at {
		cr.onTick(r, at)
		return
	}
	a := cr.plan[0]
	cr.plan = cr.plan[1:]
	if a.order {
		cr.order(r, at, a.member)
	} else {
		cr.say(r, at, a.member, a.idea)
	}
}

// onTick keeps a share-volume crew at its share of the room's comments:
// spread evenly, one comment per tick while under the share; in bursts,
// every few minutes as many as the share asks for until the next burst,
// projecting the organic comments so far.
func (cr *crewRun) onTick(r *roomGen, at int64) {
	elapsed := float64(max(60000, at-r.start))
	if cr.c.cfg.Timing == TimingEven {
		if float64(cr.posted) < cr.q*float64(r.organic)+1 {
			cr.say(r, at, cr.active[cr.rng.IntN(len(cr.active))], -1)
		}
		rate := cr.q * max(r.cRate, float64(r.organic)/elapsed*1000) * 1.25
		cr.tick = at + expGap(cr.rng, rate)
	} else {
		next := at + int64(between(cr.rng, 120, 360))*1000
		proj := float64(r.organic) * float64(min(next, cr.to)-r.start) / elapsed
		pending := 0
		for _, a := range cr.plan {
			if !a.order {
				pending++
			}
		}
		size := min(400, int(math.Ceil(cr.q*proj))-cr.posted-pending)
		idea := cr.rng.IntN(len(cr.bank.ideas))
		gap := min(6000, 120000/max(1, int64(size)))
		t := at
		for range size {
			cr.plan = append(cr.plan, crewAct{at: t, member: cr.active[cr.turn%len(cr.active)], idea: idea})
			cr.turn++
			t += 1 + cr.rng.Int64N(2*gap)
		}
		cr.sort()
		cr.tick = next
	}
	if cr.tick >= cr.to {
		cr.tick = never
	}
}

// say posts one comment by member m: a script (of idea, or any) or, for
// a share of them, filler.
func (cr *crewRun) say(r *roomGen, at int64, m, idea int) {
	mem := &cr.c.members[m]
	if !cr.greet(r, at, mem) {
		return
	}
	role, text := RoleScript, ""
	if f := cr.c.cfg.Filler; f > 0 && cr.rng.Float64() < f {
		role, text = RoleFiller, cr.filler(r, at)
	} else {
		text = cr.script(r, mem, idea)
	}
	ev := r.event(qinglang.Comment, at)
	ev.User, ev.Text, ev.IP, ev.Device = mem.id, text, cr.ip(r, mem), mem.device
	cr.label(r, ev, mem, role)
	r.push(ev)
	cr.posted++
}

// script writes member mem's next scripted comment. A member gives the
// same personal result every time, except a contradicting one, who
// alternates between two.
func (cr *crewRun) script(r *roomGen, mem *crewMember, idea int) string {
	b := cr.bank
	if idea < 0 {
		idea = cr.rng.IntN(len(b.ideas))
	}
	identical := cr.c.cfg.Scripts == ScriptsIdentical
	var x, x2 float64
	d := mem.days
	if identical {
		x, x2, d = cr.fixed[mem.h%2], cr.fixed[1-mem.h%2], cr.c.days0
	} else {
		x, x2 = b.result(hash(mem.h, 8)), b.result(hash(mem.h, 9))
		if x2 == x {
			x2 = x + 2
		}
	}
	if b.ideas[idea].result {
		if mem.contradict && mem.results%2 == 1 {
			x = x2
		}
		mem.results++
	}
	return r.fillText(b.text(cr.rng, idea, x, d, identical, cr.c.cfg.Paraphrase), cr.prod)
}

// filler is ordinary chatter from the organic phrase pools.
func (cr *crewRun) filler(r *roomGen, at int64) string {
	var pool []string
	switch cr.rng.IntN(6) {
	case 0:
		pool = cmtGreeting
	case 1:
		pool = cmtAsk
		if cr.rng.IntN(2) == 0 {
			pool = catalog[r.lineup[r.cur].p.cat].asks
		}
	case 2:
		pool = cmtReaction
	case 3:
		pool = cmtProduct
	case 4:
		pool = cmtChat
	default:
		pool = cmtChants
	}
	return r.fillText(pick(cr.rng, pool), r.cur)
}

// order places a camouflage purchase of the praised goods (or, before
// they are listed, of the goods on screen). It goes neither into the
// price history nor among the room's buyers, so that the organic rooms
// draw the same as without the crew.
func (cr *crewRun) order(r *roomGen, at int64, m int) {
	li := &r.lineup[cr.prod]
	if !li.listed {
		li = &r.lineup[r.cur]
	}
	mem := &cr.c.members[m]
	if !li.listed || !cr.greet(r, at, mem) {
		return
	}
	ev := r.event(qinglang.Order, at)
	ev.User, ev.Product, ev.Qty, ev.AmountFen = mem.id, li.p.id, 1, li.price
	cr.label(r, ev, mem, RoleOrder)
	r.push(ev)
}

// greet makes room for one event by mem, first buffering the account
// event if the platform has not told of mem yet.
func (cr *crewRun) greet(r *roomGen, at int64, mem *crewMember) bool {
	p := r.s.plat
	w, b := mem.g/64, uint64(1)<<(mem.g%64)
	if p.crewSeen[w]&b != 0 {
		return r.room(1)
	}
	if !r.room(2) {
		return false
	}
	p.crewSeen[w] |= b
	followers := mem.followers
	ev := r.event(qinglang.Account, at)
	ev.Room = ""
	ev.User, ev.CreatedAt, ev.Followers = mem.id, r.timeAt(mem.created), &followers
	r.push(ev)
	return true
}

// ip returns the address mem posts from: in the crew's /24 (or /64), or,
// comment by comment, from a proxy pool over many networks, a third of
// them exits at the carrier NAT gateways of the room's province, the very
// addresses local viewers share.
func (cr *crewRun) ip(r *roomGen, mem *crewMember) string {
	h := hash(mem.h, 10, uint64(r.s.idx), uint64(r.day))
	if cr.c.cfg.Network == NetProxy {
		h = hash(h, cr.rng.Uint64())
	}
	if cr.c.cfg.Network == NetSubnet {
		if mem.v6 {
			var b [16]byte
			copy(b[:8], cr.c.net6[:])
			iid := hash(mem.h, 11)
			for i := 8; i < 16; i++ {
				b[i] = byte(iid >> (8 * (i - 8)))
			}
			return netip.AddrFrom16(b).String()
		}
		n := cr.c.net
		return netip.AddrFrom4([4]byte{n[0], n[1], n[2], 2 + byte(h%250)}).String()
	}
	switch {
	case mem.v6:
		return v6Addr(h)
	case h%100 < 35:
		c := natCarriers[r.s.region%len(natCarriers)]
		j := byte((h >> 8) % uint64(4+r.audience/1000))
		return netip.AddrFrom4([4]byte{c[0], c[1], byte(r.s.region), 16 + j}).String()
	}
	return netip.AddrFrom4([4]byte{v4Firsts[(h>>8)%uint64(len(v4Firsts))], byte(h >> 16), byte(h >> 24),
		1 + byte(h>>32)%254}).String()
}

// label tells Config.Labels about a crew event.
func (cr *crewRun) label(r *roomGen, ev *qinglang.Event, mem *crewMember, role string) {
	if f := r.w.cfg.Labels; f != nil {
		f(Label{EventID: ev.ID, Kind: LabelCrew, Fake: true, Platform: ev.Platform, Room: ev.Room, TS: ev.TS,
			Product: ev.Product, Crew: cr.c.cfg.Name, User: mem.id, Role: role})
	}
}
