package sim

import (
	"math"
	"net/netip"
	"slices"
	"strconv"

	"github.com/qinglang/qinglang"
)

// waveKind is a kind of burst of comments.
type waveKind uint8

const (
	waveFlood   waveKind = iota // "1", "111", "扣1" right after a call to action
	waveLottery                 // the lottery phrase, typed by many within two minutes
	waveChant                   // a fan chant repeated by hundreds ("家人们冲冲冲")
)

// wave is a burst of comments in progress.
type wave struct {
	kind waveKind
	next int64   // time of its next comment
	gap  float64 // mean milliseconds between comments
	left int
	text string
}

// addWave starts a burst at at. Its size follows the room's audience; a
// head room's chants always reach well over a hundred viewers.
func (r *roomGen) addWave(k waveKind, at int64, text string) {
	a := float64(r.audience)
	var n, window float64
	switch k {
	case waveFlood:
		n = min(200, max(5, a*(0.005+0.015*r.rng.Float64())))
		window = float64(between(r.rng, 15, 40)) * 1000
	case waveLottery:
		n = min(800, max(8, a*(0.01+0.03*r.rng.Float64())))
		window = float64(between(r.rng, 80, 115)) * 1000
	case waveChant:
		n = min(400, max(5, a*(0.015+0.025*r.rng.Float64())))
		if r.big {
			n = max(n, 160)
		}
		window = float64(between(r.rng, 120, 240)) * 1000
	}
	left := int(n * r.scale)
	if left < 1 {
		return
	}
	r.waves = append(r.waves, wave{kind: k, next: at, gap: window / float64(left), left: left, text: text})
}

// runWave posts the next comment of wave i.
func (r *roomGen) runWave(at int64, i int) {
	w := &r.waves[i]
	u := r.viewer(r.rng.IntN(r.audience))
	var text string
	switch w.kind {
	case waveFlood:
		text = pick(r.rng, cmtFlood)
	case waveLottery, waveChant:
		text = r.fillText(w.text, -1)
		if x := r.rng.Float64(); x < 0.08 {
			text += pick(r.rng, cmtDecor)
		} else if x < 0.12 {
			text += text
		}
	}
	r.comment(at, u, text)
	w.left--
	if w.left == 0 {
		r.waves = slices.Delete(r.waves, i, i+1)
		return
	}
	w.next = at + max(1, int64(r.rng.ExpFloat64()*w.gap))
}

// runComment posts one background comment: greetings (most at the start),
// questions, reactions, talk about the goods, buyers' reviews, onlookers'
// praise, chants, chat.
func (r *roomGen) runComment(at int64) {
	u := r.activeViewer()
	x := r.rng.Float64()
	early := at-r.start < 10*60000
	var text string
	switch {
	case x < 0.10 || (early && x < 0.35):
		text = pick(r.rng, cmtGreeting)
	case x < 0.28:
		if r.rng.IntN(2) == 0 {
			text = pick(r.rng, cmtAsk)
		} else {
			text = pick(r.rng, catalog[r.lineup[r.cur].p.cat].asks)
		}
	case x < 0.50:
		text = pick(r.rng, cmtReaction)
	case x < 0.64:
		text = pick(r.rng, cmtProduct)
	case x < 0.69 && r.s.nbuyers > 0:
		// A real buyer, from today or an earlier day, tells how it went.
		u = r.s.buyers[r.rng.IntN(min(r.s.nbuyers, len(r.s.buyers)))]
		text = pick(r.rng, cmtReview)
	case x < 0.72:
		// An onlooker praises the goods or vouches for the host without
		// an order here (bought in a shop, heard from a friend, a fan):
		// innocent commercial speech, unbought.
		text = pick(r.rng, cmtPraise)
	case x < 0.78:
		text = pick(r.rng, cmtChants)
	default:
		text = pick(r.rng, cmtChat)
	}
	if r.rng.Float64() < 0.08 {
		text += pick(r.rng, cmtDecor)
	}
	r.comment(at, u, r.fillText(text, r.cur))
}

// runOrder places one order, mostly for the product on screen.
func (r *roomGen) runOrder(at int64) {
	idx := r.cur
	if r.rng.Float64() >= 0.6 {
		idx = r.rng.IntN(len(r.lineup))
	}
	li := &r.lineup[idx]
	if !li.listed {
		return
	}
	u := r.viewer(int(float64(r.audience) * math.Pow(r.rng.Float64(), 2)))
	qty := int64(1)
	switch x := r.rng.Float64(); {
	case x < 0.02:
		qty = 5
	case x < 0.06:
		qty = 3
	case x < 0.20:
		qty = 2
	}
	if !r.greet(at, u) {
		return
	}
	ev := r.event(qinglang.Order, at)
	ev.User, ev.Product, ev.Qty, ev.AmountFen = userID(u), li.p.id, qty, li.price*qty
	r.push(ev)
	li.p.hist.record(at, li.price)
	r.s.addBuyer(u)
	if r.w.cfg.Hard.Reviews {
		r.s.addPastBuyer(u, r.day)
	}
}

// comment posts text by viewer u.
func (r *roomGen) comment(at int64, u uint32, text string) {
	if !r.greet(at, u) {
		return
	}
	ev := r.event(qinglang.Comment, at)
	ev.User, ev.Text, ev.IP, ev.Device = userID(u), text, r.ip(u), r.device(u)
	r.push(ev)
	r.organic++
}

// greet makes room for an event by u, first buffering u's account event
// if the platform has not told of u yet. It reports false when the cap
// leaves no room.
func (r *roomGen) greet(at int64, u uint32) bool {
	p := r.s.plat
	if p.accountSeen(u) {
		return r.paced(at, 1)
	}
	if !r.paced(at, 2) {
		return false
	}
	p.accountDue(u)
	h := hash(r.w.seed, saltAccount, uint64(p.idx), uint64(u))
	var age int64 // days
	switch x := unit(h); {
	case x < 0.05:
		age = 3 + int64(hash(h, 1)%28)
	case x < 0.25:
		age = 30 + int64(hash(h, 1)%335)
	default:
		age = 365 + int64(hash(h, 1)%(8*365))
	}
	created := r.w.base - age*86400000 - int64(hash(h, 2)%86400)*1000
	followers := min(500000, int64(3*math.Pow(max(1e-9, 1-unit(hash(h, 3))), -1.4))-3)
	ev := r.event(qinglang.Account, at)
	ev.Room = ""
	ev.User, ev.CreatedAt, ev.Followers = userID(u), r.timeAt(created), &followers
	r.push(ev)
	return true
}

// activeViewer draws a commenter: a few regulars comment a lot.
func (r *roomGen) activeViewer() uint32 {
	x := r.rng.Float64()
	return r.viewer(int(float64(r.audience) * x * x * x))
}

// viewer maps a viewer slot of the room to a user. The first slots are
// the room's fans, the same users every day; the rest drop in.
func (r *roomGen) viewer(k int) uint32 {
	pop := uint64(r.s.plat.pop)
	if k < r.fans {
		return uint32(hash(r.w.seed, saltViewer, uint64(r.s.idx), uint64(k)) % pop)
	}
	return uint32(hash(r.w.seed, saltViewer, uint64(r.s.idx), uint64(r.day)+1<<32, uint64(k)) % pop)
}

// userID names viewer u.
func userID(u uint32) string { return "u" + strconv.FormatUint(uint64(u), 10) }

// device returns u's device fingerprint, the same everywhere.
func (r *roomGen) device(u uint32) string {
	if dev, ok := r.familyDevice(u); ok {
		return dev
	}
	h := hash(r.w.seed, saltDevice, uint64(r.s.plat.idx), uint64(u))
	return "dv" + strconv.FormatUint(h&0xffffffffffff, 16)
}

// Address plans. natCarriers are mobile carrier gateway blocks: a third of
// a room's viewers are local and reach it through one of a few NAT
// addresses of the room's province (four, plus one per thousand viewers),
// dozens of honest users behind one IP.
var (
	natCarriers = [][2]byte{{117, 136}, {112, 96}, {223, 104}}
	v4Firsts    = []byte{36, 39, 58, 60, 61, 110, 113, 114, 115, 116, 119, 121, 122, 123, 124,
		125, 171, 175, 180, 182, 183, 218, 220, 221, 222}
	v6Prefixes = [][]byte{{0x24, 0x0e}, {0x24, 0x09, 0x8a}, {0x24, 0x08, 0x84}}
)

// ip returns the address u comments from in this broadcast.
func (r *roomGen) ip(u uint32) string {
	if r.nat != nil && r.nat[u] {
		return r.natAddr
	}
	if ip, ok := r.familyIP(u); ok {
		return ip
	}
	h := hash(r.w.seed, saltIP, uint64(r.s.plat.idx), uint64(u))
	if hash(h, 1<<40|uint64(r.s.idx))%100 < 35 {
		c := natCarriers[r.s.region%len(natCarriers)]
		j := byte((h >> 8) % uint64(4+r.audience/1000))
		return netip.AddrFrom4([4]byte{c[0], c[1], byte(r.s.region), 16 + j}).String()
	}
	d := hash(h, 2<<40|uint64(r.day))
	if d%100 < 22 {
		return v6Addr(d)
	}
	return netip.AddrFrom4([4]byte{v4Firsts[int(d>>8)%len(v4Firsts)], byte(d >> 16), byte(d >> 24),
		1 + byte(d>>32)%254}).String()
}

// v6Addr returns a carrier IPv6 address drawn from hash d.
func v6Addr(d uint64) string {
	var b [16]byte
	pre := v6Prefixes[int(d>>8)%len(v6Prefixes)]
	copy(b[:], pre)
	x, y := hash(d, 1), hash(d, 2)
	for i := len(pre); i < 16; i++ {
		if i < 8 {
			b[i] = byte(x >> (8 * i))
		} else {
			b[i] = byte(y >> (8 * (i - 8)))
		}
	}
	return netip.AddrFrom16(b).String()
}
