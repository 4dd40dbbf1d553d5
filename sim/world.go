package sim

import (
	"math"
	"strconv"
	"time"
)

// world is the state of one run that outlives a single broadcast: the
// platforms with their viewers, and the slots (one merchant and its daily
// broadcast each) with their products and price histories. Its size grows
// with the number of rooms, never with the number of events.
type world struct {
	cfg   Config
	seed  uint64
	loc   *time.Location
	base  int64 // cfg.Start in unix milliseconds
	dur   int64 // broadcast length in milliseconds
	share float64
	plats []*platform
	slots []slot
	crews []*crewState
}

// platform is one tenant: its viewer population and which of them the
// platform has already told Qinglang about (an account event).
type platform struct {
	idx   int
	name  string
	pop   uint32   // viewers are u0 .. u(pop-1)
	seen  []uint64 // bit per viewer: account event emitted
	slots []int    // slots broadcasting on this platform
	// crewSeen has a bit per crew member: account event emitted.
	crewSeen []uint64
	// family maps each viewer in a family (HardCases.Families) to the
	// family's key; nil without families.
	family map[uint32]uint32
}

// accountDue marks u as told about and reports whether it was not before.
func (p *platform) accountDue(u uint32) bool {
	w, b := u/64, uint64(1)<<(u%64)
	if p.seen[w]&b != 0 {
		return false
	}
	p.seen[w] |= b
	return true
}

// accountSeen reports whether u's account event was emitted.
func (p *platform) accountSeen(u uint32) bool { return p.seen[u/64]&(1<<(u%64)) != 0 }

// product is one of a merchant's goods; its id stays the same every day.
type product struct {
	id       string // "m12-p3"
	merchant string
	cat      uint8 // index into catalog
	item     uint8
	spec     uint8
	brand    int8 // index into the category's brands, -1 for none
	regular  int64
	launch   bool      // launched on day 0 at a deep discount, then a quiet week
	hist     priceHist // sales on the product's platform, all rooms
}

// brandName returns the product's brand or "".
func (p *product) brandName() string {
	if p.brand < 0 {
		return ""
	}
	return catalog[p.cat].brands[p.brand]
}

// name returns the goods' name, e.g. "果冻".
func (p *product) name() string { return catalog[p.cat].items[p.item].name }

// title returns the listing title, e.g. "燃咔果冻 20颗装".
func (p *product) title() string {
	it := catalog[p.cat].items[p.item]
	return p.brandName() + it.name + " " + it.specs[p.spec]
}

// slot is one merchant and the live room that broadcasts for it every day.
// An influencer ("达人") room has an MCN agency and also sells a few guest
// products of other merchants of the same platform, so a product's orders
// come from several rooms.
type slot struct {
	idx        int
	plat       *platform
	merchant   string
	brand      string // the merchant's house brand
	host       string
	nick       string
	operator   string
	agency     string
	influencer bool
	region     int
	audience   int // typical online viewers
	products   []product
	guests     [][2]int // {slot, product} of guest goods
	buyers     [16]uint32
	nbuyers    int
	// past are buyers with the day of their order, kept for the buyers'
	// reviews of the hard cases (HardCases.Reviews) only.
	past  []pastBuyer
	npast int
	// families are the merchant's families of the hard cases
	// (HardCases.Families), their viewers.
	families [][]uint32
}

// addBuyer remembers a recent buyer of the room (for reviews).
func (s *slot) addBuyer(u uint32) {
	s.buyers[s.nbuyers%len(s.buyers)] = u
	s.nbuyers++
}

// pastBuyer is a buyer of a slot and the day of the order.
type pastBuyer struct {
	u   uint32
	day int
}

// maxPast bounds the buyers a slot remembers for reviews.
const maxPast = 512

// addPastBuyer remembers a buyer for the reviews of later days.
func (s *slot) addPastBuyer(u uint32, day int) {
	if len(s.past) < maxPast {
		s.past = append(s.past, pastBuyer{u, day})
	} else {
		s.past[s.npast%maxPast] = pastBuyer{u, day}
	}
	s.npast++
}

// regions is how many provinces viewers and rooms are spread over.
const regions = 31

// newWorld lays out platforms, merchants and products from cfg.
func newWorld(cfg Config) *world {
	w := &world{
		cfg:   cfg,
		seed:  uint64(cfg.Seed),
		loc:   time.FixedZone("CST", 8*3600),
		base:  cfg.Start.UnixMilli(),
		dur:   cfg.Duration.Milliseconds(),
		share: cfg.FakePriceShare,
	}
	for i, name := range cfg.Platforms {
		w.plats = append(w.plats, &platform{idx: i, name: name})
	}
	w.slots = make([]slot, cfg.Rooms)
	for i := range w.slots {
		p := w.plats[i%len(w.plats)]
		p.slots = append(p.slots, i)
	}
	for _, p := range w.plats {
		p.pop = uint32(max(5000, 300*len(p.slots)))
		p.seen = make([]uint64, (p.pop+63)/64)
	}
	for i := range w.slots {
		w.initSlot(i)
	}
	for i := range w.slots {
		w.initGuests(i)
	}
	w.initFamilies()
	w.initCrews()
	return w
}

// initSlot draws a merchant, its goods and its room.
func (w *world) initSlot(i int) {
	s := &w.slots[i]
	s.idx = i
	s.plat = w.plats[i%len(w.plats)]
	n := strconv.Itoa(i)
	s.merchant = "m" + n
	s.host = "h" + n
	s.operator = "op" + n
	h := hash(w.seed, saltSlot, uint64(i))
	s.nick = hostNicks[h%uint64(len(hostNicks))]
	s.region = int(h>>8) % regions
	s.influencer = unit(hash(h, 1)) < 0.4
	if s.influencer {
		s.agency = "mcn" + strconv.Itoa(int(hash(h, 2)%uint64(max(1, w.cfg.Rooms/25)+1)))
	}
	// Audience: every platform's first room is a head host; the rest follow
	// a heavy tail (median around 600 online viewers).
	if len(s.plat.slots) > 0 && s.plat.slots[0] == i {
		s.audience = 8000 + int(hash(h, 3)%12000)
	} else {
		a := 600 * pareto(unit(hash(h, 3)))
		s.audience = int(min(12000, max(40, a)))
	}
	main := catByWeight(unit(hash(h, 4)))
	spec := &catalog[main]
	s.brand = spec.brands[hash(h, 5)%uint64(len(spec.brands))]
	np := 5 + int(hash(h, 6)%4)
	s.products = make([]product, np)
	for k := range s.products {
		ph := hash(w.seed, saltProduct, uint64(i), uint64(k))
		ci := main
		if k >= 3 && unit(ph) < 0.35 { // a side line of goods
			ci = catByWeight(unit(hash(ph, 1)))
			if len(spec.sideCats) > 0 {
				ci = catIndex(spec.sideCats[int(ph>>40)%len(spec.sideCats)])
			}
		}
		c := &catalog[ci]
		p := &s.products[k]
		p.id = s.merchant + "-p" + strconv.Itoa(k)
		p.merchant = s.merchant
		p.cat = uint8(ci)
		p.item = uint8(hash(ph, 2) % uint64(len(c.items)))
		p.spec = uint8(hash(ph, 3) % uint64(len(c.items[p.item].specs)))
		p.brand = int8(hash(ph, 4) % uint64(len(c.brands)))
		if ci == main {
			p.brand = int8(indexOf(c.brands, s.brand))
		}
		if unit(hash(ph, 5)) < c.noBrand {
			p.brand = -1
		}
		span := float64(c.maxFen - c.minFen)
		p.launch = unit(hash(ph, 8)) < 0.15
		p.regular = nicePrice(c.minFen + int64(span*unit(hash(ph, 6))*unit(hash(ph, 7))))
	}
}

// initGuests gives an influencer room one or two products of other
// merchants on its platform.
func (w *world) initGuests(i int) {
	s := &w.slots[i]
	if !s.influencer || len(s.plat.slots) < 2 {
		return
	}
	h := hash(w.seed, saltGuest, uint64(i))
	for g := range 1 + int(h%2) {
		gh := hash(h, uint64(g))
		j := s.plat.slots[gh%uint64(len(s.plat.slots))]
		if j == i {
			continue
		}
		k := int((gh >> 32) % uint64(len(w.slots[j].products)))
		s.guests = append(s.guests, [2]int{j, k})
	}
}

// pareto maps u in [0, 1) to a heavy-tailed value with median about 1.
func pareto(u float64) float64 {
	return 0.56 * math.Pow(max(1e-9, 1-u), -1/1.2)
}

// indexOf returns the index of s in xs, or 0.
func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return 0
}

// dayStart is the earliest time a broadcast of day d may start.
func (w *world) dayStart(d int) int64 { return w.base + int64(d)*24*3600*1000 }

// at converts unix milliseconds to a time at +08:00.
func (w *world) at(ms int64) time.Time { return time.UnixMilli(ms).In(w.loc) }
