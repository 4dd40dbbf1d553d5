package sim

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
)

// never is a time no process reaches.
const never = math.MaxInt64 / 4

// roomGen generates one broadcast (one slot on one day) as a lazy stream.
// Several processes run in the room: the host's script, background
// comments, orders and bursts of comments (waves). Each knows only when it
// acts next; what it emits is decided when the room's next event is taken,
// so that a listing sees every order of the platform before its time.
type roomGen struct {
	w     *world
	s     *slot
	day   int
	order int // tie-break between rooms with events at the same instant
	id    string
	pfx   string // event id prefix
	rng   *rand.Rand
	crng  *rand.Rand // false claims: which sentences, which claim
	start int64
	end   int64
	n     int // events emitted
	limit int // 0 or the cap on events
	done  bool
	ended bool // room_end buffered

	audience int
	fans     int     // viewer slots that come back every day
	cRate    float64 // background comments per second
	oRate    float64 // orders per second
	scale    float64 // rate and burst scale under a cap
	boostAt  int64   // last call to action
	big      bool

	lineup  []lineItem
	cur     int // product being presented
	flash   int // product on a flash sale, or -1
	blocks  int
	closing bool  // the closing words are queued
	lottery int64 // earliest time of the next lottery

	scriptAt  int64
	steps     []step
	commentAt int64
	orderAt   int64
	waves     []wave

	buf  [2]*qinglang.Event
	nbuf int
	head int

	organic int    // organic comments so far (crews keep to a share of them)
	sides   []side // crews at work, hard cases
	nat     map[uint32]bool
	natAddr string // the one address of the NAT crowd (hard cases)

	keyAt   int64
	keyRank uint8
}

// lineItem is one product in the room's cart today.
type lineItem struct {
	p        *product
	guest    bool
	listed   bool
	dayPrice int64 // today's everyday price in this room
	price    int64 // current listed price
	orig     int64 // current crossed-out price, 0 for none
	fake     bool  // orig is a fake original price
	onFlash  bool
	onLaunch bool
	crossed  bool // a crossed-out price was tried today
}

// newRoom prepares slot s's broadcast of day d.
func newRoom(w *world, s *slot, d int) *roomGen {
	r := &roomGen{w: w, s: s, day: d, order: d*len(w.slots) + s.idx, flash: -1}
	r.rng = rand.New(rand.NewPCG(w.seed, hash(w.seed, uint64(s.idx), uint64(d))))
	r.crng = rand.New(rand.NewPCG(w.seed, hash(w.seed, uint64(s.idx), uint64(d), 0xc1a1)))
	date := w.at(w.dayStart(d)).Format("20060102")
	r.id = "r" + strconv.Itoa(s.idx) + "-" + date
	r.pfx = s.plat.name + "-" + r.id + "-"
	r.start = w.dayStart(d) + int64(r.rng.IntN(30*60))*1000 + int64(r.rng.IntN(1000))
	r.end = r.start + w.dur
	r.audience = max(20, int(float64(s.audience)*(0.7+0.6*r.rng.Float64())))
	r.big = r.audience >= 3000
	r.fans = r.audience * 6 / 10
	r.cRate = min(4, max(0.02, float64(r.audience)/3000))
	r.oRate = max(0.003, float64(r.audience)/50000)
	r.scale = 1
	if lim := w.cfg.EventsPerRoom; lim > 0 {
		r.limit = lim
		secs := float64(w.dur) / 1000
		est := secs*(r.cRate*1.6+r.oRate*2+0.3) + 20
		r.scale = min(1, float64(lim)/est)
		r.cRate *= r.scale
		r.oRate *= r.scale
	}
	r.boostAt = -never
	r.lottery = r.start + int64(between(r.rng, 3, 10))*60000
	r.buildLineup()
	r.scriptAt = r.start
	r.steps = append(r.steps, step{kind: stepRoomStart})
	for i := range r.lineup {
		r.steps = append(r.steps, step{kind: stepList, prod: i, mode: listEveryday})
	}
	for range between(r.rng, 2, 4) {
		r.steps = append(r.steps, step{kind: stepSay, text: pick(r.rng, sayGreeting)})
	}
	r.commentAt = r.start + int64(between(r.rng, 2000, 10000))
	r.orderAt = r.start + 60000 + expGap(r.rng, r.oRate)
	if r.big {
		for t := r.start + int64(between(r.rng, 5, 15))*60000; t < r.end; t += int64(between(r.rng, 12, 25)) * 60000 {
			r.addWave(waveChant, t, pick(r.rng, cmtChants))
		}
	}
	if w.cfg.Hard.on() {
		r.sides = append(r.sides, newHardRun(r))
	}
	for _, c := range w.crews {
		if c.works(s.idx, d) {
			r.sides = append(r.sides, newCrewRun(r, c))
		}
	}
	r.updateKey()
	return r
}

// side is a process of a room beside the organic ones: a crew at work or
// the hard cases. Each draws from a random stream of its own, so that the
// organic processes draw the same numbers with or without it.
type side interface {
	nextAt() int64 // when it acts next; never when done
	run(r *roomGen, at int64)
}

// buildLineup puts the merchant's goods and the guest goods in the cart,
// with today's prices.
func (r *roomGen) buildLineup() {
	w := r.w
	for k := range r.s.products {
		p := &r.s.products[k]
		r.lineup = append(r.lineup, lineItem{p: p, dayPrice: dayPrice(w.seed, p, r.day, false)})
	}
	for _, g := range r.s.guests {
		p := &w.slots[g[0]].products[g[1]]
		r.lineup = append(r.lineup, lineItem{p: p, guest: true, dayPrice: dayPrice(w.seed, p, r.day, true)})
	}
}

// dayPrice is a product's everyday price on a day: mostly the regular
// price, sometimes raised or trimmed; guest goods sell a little cheaper in
// an influencer's room ("达人专属价").
func dayPrice(seed uint64, p *product, day int, guest bool) int64 {
	u := unit(hash(seed, saltDayPrice, uint64(len(p.id)), hashString(p.id), uint64(day)))
	f := 1.0
	switch {
	case u < 0.12:
		f = 1.15
	case u < 0.22:
		f = 0.92
	}
	if guest {
		f *= 0.9
	}
	return nicePrice(int64(float64(p.regular) * f))
}

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Processes of a room, in the order they win a tie.
const (
	procEnd = iota
	procScript
	procOrder
	procComment
	procWave
	procSide
)

// nextAction returns the earliest pending action. Listings (rank 0) go
// before anything else at the same instant, in every room, so that a
// listing never sees an order of its own instant.
func (r *roomGen) nextAction() (at int64, rank uint8, proc, wi int) {
	at, rank, proc = r.end, 1, procEnd
	if r.limit > 0 && r.n >= r.limit-1 {
		return
	}
	try := func(a int64, rk uint8, p, i int) {
		if a < r.end && (a < at || (a == at && rk < rank)) {
			at, rank, proc, wi = a, rk, p, i
		}
	}
	if len(r.steps) > 0 {
		var rk uint8 = 1
		if r.steps[0].kind == stepList {
			rk = 0
		}
		try(r.scriptAt, rk, procScript, 0)
	}
	try(r.orderAt, 1, procOrder, 0)
	try(r.commentAt, 1, procComment, 0)
	for i := range r.waves {
		try(r.waves[i].next, 1, procWave, i)
	}
	for i, sd := range r.sides {
		try(sd.nextAt(), 1, procSide, i)
	}
	return
}

// updateKey caches when the room's next event is.
func (r *roomGen) updateKey() {
	if r.head < r.nbuf {
		r.keyAt, r.keyRank = r.buf[r.head].TS.UnixMilli(), 1
		return
	}
	r.keyAt, r.keyRank, _, _ = r.nextAction()
}

// next returns the room's next event; r.done tells whether it was the
// last. It returns nil when the action due emitted nothing (an order of
// goods not listed yet, a crew under its share): the room's next event
// may then come after another room's, and the caller must re-key.
func (r *roomGen) next() *qinglang.Event {
	if r.head >= r.nbuf {
		r.head, r.nbuf = 0, 0
		r.fill()
		if r.nbuf == 0 {
			r.updateKey()
			return nil
		}
	}
	ev := r.buf[r.head]
	r.buf[r.head] = nil
	r.head++
	r.n++
	if r.ended && r.head >= r.nbuf {
		r.done = true
	}
	r.updateKey()
	return ev
}

// fill runs the next action, which buffers zero, one or two events.
func (r *roomGen) fill() {
	at, _, proc, wi := r.nextAction()
	switch proc {
	case procEnd:
		r.push(r.event(qinglang.RoomEnd, at))
		r.ended = true
	case procScript:
		r.runScript(at)
	case procOrder:
		r.runOrder(at)
		r.orderAt = at + expGap(r.rng, r.oRate*(1+2*r.boost(at)))
	case procComment:
		r.runComment(at)
		r.commentAt = at + expGap(r.rng, r.cRate*(1+0.5*r.boost(at)))
	case procWave:
		r.runWave(at, wi)
	case procSide:
		r.sides[wi].run(r, at)
	}
}

// room returns whether n more events fit under the cap (keeping one for
// room_end).
func (r *roomGen) room(n int) bool { return r.limit == 0 || r.n+r.nbuf+n <= r.limit-1 }

// paced reports whether n more events fit under the cap and under an even
// spread of the cap over the broadcast, so that a capped room thins out
// rather than falling silent early. Listings are not paced.
func (r *roomGen) paced(at int64, n int) bool {
	if r.limit == 0 {
		return true
	}
	lim := float64(r.limit)
	budget := lim*float64(at-r.start)/float64(r.end-r.start) + 0.05*lim + float64(2*len(r.lineup)) + 4
	return float64(r.n+r.nbuf+n) <= budget && r.room(n)
}

// boost is 1 right after a call to action and decays over a minute or two.
func (r *roomGen) boost(at int64) float64 {
	d := at - r.boostAt
	if d < 0 || d > 10*60000 {
		return 0
	}
	return math.Exp(-float64(d) / 90000)
}

// push buffers an event.
func (r *roomGen) push(ev *qinglang.Event) {
	r.buf[r.nbuf] = ev
	r.nbuf++
}

// event starts an event of the room with its id.
func (r *roomGen) event(t qinglang.EventType, at int64) *qinglang.Event {
	return &qinglang.Event{
		Type:     t,
		TS:       r.w.at(at),
		ID:       r.pfx + strconv.Itoa(r.n+r.nbuf),
		Platform: r.s.plat.name,
		Room:     r.id,
	}
}

// timeAt returns a pointer to the time of ms, for optional fields.
func (r *roomGen) timeAt(ms int64) *time.Time {
	t := r.w.at(ms)
	return &t
}
