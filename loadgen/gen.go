package loadgen

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/qinglang/qinglang"
)

// cst is the +08:00 offset the generated times carry (China Standard Time).
var cst = time.FixedZone("CST", 8*3600)

// probePair names the events of one latency probe: an order of a fresh
// product, then a listing of it whose original price is five times what
// the order paid, which price.fake_original reports. A claim probe has no
// order, and listing names its speech event (the finding cites it).
type probePair struct {
	order, listing string
}

// batch is one POST's worth of events.
type batch struct {
	events []qinglang.Event
	probes []probePair
}

// product is one item the simulated rooms sell. Its price never changes
// during a run, so ordinary listings and orders never look like a fake
// original price: only probes do.
type product struct {
	id       string
	title    string
	brand    string
	category qinglang.Category
	priceFen int64
}

// room is one simulated broadcast.
type room struct {
	id       string
	host     string
	merchant string
	started  bool
}

// generator makes contract events for one run. It is used by one goroutine.
type generator struct {
	rng      *rand.Rand
	runID    string
	platform string
	rooms    []room
	products []product
	now      func() time.Time

	seq        int64 // events made
	probeSeq   int64 // probes made
	probeEvery int   // 0: no probes
	// claimProbes makes probes of host speech with a false sales claim
	// instead of crossed-out prices.
	claimProbes bool
	sinceProbe  int // ordinary events since the last probe
}

// newGenerator returns a generator of events named after runID.
func newGenerator(runID, platform string, rooms, probeEvery int, seed uint64, now func() time.Time) *generator {
	g := &generator{
		rng:        rand.New(rand.NewPCG(seed, seed^0x5bd1e995)),
		runID:      runID,
		platform:   platform,
		probeEvery: probeEvery,
		now:        now,
	}
	g.rooms = make([]room, rooms)
	for i := range g.rooms {
		g.rooms[i] = room{
			id:       fmt.Sprintf("%s-r%d", runID, i),
			host:     fmt.Sprintf("%s-h%d", runID, i),
			merchant: fmt.Sprintf("%s-m%d", runID, i%50),
		}
	}
	g.products = make([]product, 200)
	for i := range g.products {
		n := nouns[g.rng.IntN(len(nouns))]
		g.products[i] = product{
			id:       fmt.Sprintf("%s-p%d", runID, i),
			title:    fmt.Sprintf("%s %s %d号", brands[i%len(brands)], n.name, i),
			brand:    brands[i%len(brands)],
			category: n.cat,
			priceFen: int64(990 + g.rng.IntN(60)*500),
		}
	}
	return g
}

// batch returns n events (fewer only when n < 1), with a probe wherever
// one is due and both its events fit.
func (g *generator) batch(n int) *batch {
	b := &batch{events: make([]qinglang.Event, 0, n)}
	for len(b.events) < n {
		if g.probeEvery > 0 && g.sinceProbe >= g.probeEvery-2 && len(b.events)+2 <= n {
			if g.claimProbes {
				filler, speech := g.next(), g.claimProbe()
				b.events = append(b.events, filler, speech)
				b.probes = append(b.probes, probePair{listing: speech.ID})
			} else {
				order, listing := g.probe()
				b.events = append(b.events, order, listing)
				b.probes = append(b.probes, probePair{order: order.ID, listing: listing.ID})
			}
			g.sinceProbe = 0
			continue
		}
		b.events = append(b.events, g.next())
		g.sinceProbe++
	}
	return b
}

// ts returns the current time at +08:00, to the millisecond.
func (g *generator) ts() time.Time { return g.now().In(cst).Truncate(time.Millisecond) }

// base returns an event of type t in room r with a fresh id.
func (g *generator) base(t qinglang.EventType, r *room, ts time.Time) qinglang.Event {
	g.seq++
	return qinglang.Event{
		Type:     t,
		TS:       ts,
		ID:       fmt.Sprintf("%s-%d", g.runID, g.seq),
		Platform: g.platform,
		Room:     r.id,
	}
}

// next returns one ordinary event: the room's room_start the first time a
// room is picked, then comments, speech, orders and listings.
func (g *generator) next() qinglang.Event {
	r := &g.rooms[g.rng.IntN(len(g.rooms))]
	ts := g.ts()
	if !r.started {
		r.started = true
		ev := g.base(qinglang.RoomStart, r, ts)
		ev.Host = r.host
		ev.Operator = r.host + "-op"
		ev.Merchant = r.merchant
		ev.Title = titles[g.rng.IntN(len(titles))]
		return ev
	}
	p := &g.products[g.rng.IntN(len(g.products))]
	switch x := g.rng.IntN(100); {
	case x < 55:
		ev := g.base(qinglang.Comment, r, ts)
		ev.User = fmt.Sprintf("%s-u%d", g.runID, g.rng.IntN(100000))
		ev.Text = comments[g.rng.IntN(len(comments))]
		ev.IP = fmt.Sprintf("10.%d.%d.%d", g.rng.IntN(256), g.rng.IntN(256), 1+g.rng.IntN(254))
		ev.Device = fmt.Sprintf("d%08x", g.rng.Uint32())
		return ev
	case x < 80:
		ev := g.base(qinglang.Speech, r, ts)
		ev.Speaker = r.host
		ev.Text = fmt.Sprintf(speeches[g.rng.IntN(len(speeches))], p.title)
		end := ts.Add(time.Duration(2+g.rng.IntN(8)) * time.Second)
		ev.EndTS = &end
		return ev
	case x < 92:
		ev := g.base(qinglang.Order, r, ts)
		ev.User = fmt.Sprintf("%s-u%d", g.runID, g.rng.IntN(100000))
		ev.Product = p.id
		ev.Qty = int64(1 + g.rng.IntN(3))
		ev.AmountFen = ev.Qty * p.priceFen
		return ev
	default:
		ev := g.base(qinglang.Listing, r, ts)
		g.fillListing(&ev, r, p)
		if g.rng.IntN(2) == 0 {
			// An honest original price: what the product sells for.
			orig := p.priceFen
			ev.OriginalPriceFen = &orig
		}
		return ev
	}
}

// fillListing sets the listing fields of ev for product p in room r.
func (g *generator) fillListing(ev *qinglang.Event, r *room, p *product) {
	ev.Product = p.id
	ev.Title = p.title
	ev.Merchant = r.merchant
	ev.Category = p.category
	ev.Brand = p.brand
	ev.PriceFen = p.priceFen
}

// probe returns a probe: an order of a product never seen before at price
// P, and a second later in the same room a listing of it showing an
// original price of 5P.
func (g *generator) probe() (order, listing qinglang.Event) {
	r := &g.rooms[g.rng.IntN(len(g.rooms))]
	g.probeSeq++
	p := product{
		id:       fmt.Sprintf("%s-probe%d", g.runID, g.probeSeq),
		title:    fmt.Sprintf("压测探针商品 load probe %d", g.probeSeq),
		category: qinglang.CatGeneral,
		priceFen: int64(1000 + g.rng.IntN(9000)),
	}
	ts := g.ts()
	order = g.base(qinglang.Order, r, ts.Add(-time.Second))
	order.User = fmt.Sprintf("%s-u%d", g.runID, g.rng.IntN(100000))
	order.Product = p.id
	order.Qty = 1
	order.AmountFen = p.priceFen
	listing = g.base(qinglang.Listing, r, ts)
	g.fillListing(&listing, r, &p)
	orig := 5 * p.priceFen
	listing.OriginalPriceFen = &orig
	return order, listing
}

// claimProbe returns host speech claiming a sales figure ("已售N万单"),
// which the default pack's sales.fake_data rule reports. The figure is the
// probe's number, so every probe is a claim of its own (a claim the host
// repeats is one finding per room).
func (g *generator) claimProbe() qinglang.Event {
	r := &g.rooms[g.rng.IntN(len(g.rooms))]
	g.probeSeq++
	ev := g.base(qinglang.Speech, r, g.ts())
	ev.Speaker = r.host
	ev.Text = fmt.Sprintf("家人们这款已售%d万单了，压测探针 load probe", g.probeSeq)
	return ev
}

// noun is a kind of product and its category.
type noun struct {
	name string
	cat  qinglang.Category
}

var nouns = []noun{
	{"坚果礼盒", qinglang.CatFood}, {"手工牛肉干", qinglang.CatFood},
	{"保湿面霜", qinglang.CatCosmetics}, {"氨基酸洗面奶", qinglang.CatCosmetics},
	{"纯棉T恤", qinglang.CatApparel}, {"羽绒服", qinglang.CatApparel},
	{"蓝牙耳机", qinglang.CatElectronics}, {"充电宝", qinglang.CatElectronics},
	{"不粘锅", qinglang.CatHousehold}, {"收纳箱", qinglang.CatHousehold},
	{"赣南脐橙", qinglang.CatAgri}, {"五常大米", qinglang.CatAgri},
	{"银手镯", qinglang.CatJewelry}, {"帆布包", qinglang.CatGeneral},
}

var brands = []string{"山野", "小满", "禾木", "青岚", "云朵", "拾光", "北屿", "南枝"}

var titles = []string{
	"宠粉福利专场", "源头好物直发", "秋冬上新", "家居好物分享", "产地直播 新鲜直达",
}

var speeches = []string{
	"欢迎新进直播间的家人们，点点关注不迷路，今天给大家带来%s",
	"这款%s给大家争取到了直播间专属价，喜欢的可以去小黄车看看",
	"%s库存不多了，需要的家人们抓紧时间下单",
	"有问题可以打在公屏上，%s的尺码和规格主播一一解答",
	"我们支持七天无理由退货，%s运费险也给大家安排上了",
	"三二一上链接，%s已经上架了",
}

var comments = []string{
	"主播好", "已拍", "666", "这个多少钱", "有没有大码", "发什么快递", "什么时候发货",
	"上次买的很好用", "能便宜点吗", "颜色好看", "已关注", "二号链接还有吗", "求讲解一下",
}
