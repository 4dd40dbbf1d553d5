// Package sim simulates organic live-commerce rooms as a stream of events
// of the Qinglang contract (shared/spec/events.md): hosts reading scripts,
// viewers greeting, asking, chanting and flooding "1" after a call to
// action, lotteries, orders, accounts behind shared carrier NAT addresses,
// listings whose crossed-out prices are honest or, for a configurable
// share, fake, and, for another share, hosts making false marketing
// claims. It feeds demos, tests, benchmarks, the load generator and the
// campaign evaluation (package campaigneval).
//
// Two more things can be turned on, both off by default:
//
//   - Crews (Config.Crews) of paid fake commenters (职业弹幕人) posting
//     scripted testimonials, with configurable camouflage: paraphrased
//     scripts, proxy pools, aged accounts, filler chatter, camouflage
//     purchases, low rates over many rooms. Each comment and order of a
//     crew is labelled LabelCrew (Label.Crew, Label.User, Label.Role).
//     ParseCrew and CrewPresets read crews from a command line.
//   - Hard cases (Config.Hard) of organic behaviour that looks like a
//     campaign and is not: a fan chant by a thousand viewers, a crowd
//     behind one carrier NAT address, loyal fans in every broadcast of
//     their merchant, buyers' reviews with numbers.
//
// Labels (Config.Labels) tell the ground truth: LabelFakeOriginal for
// crossed-out prices, LabelClaim for false claims, LabelCrew for crews.
//
// A run is deterministic: the same Config gives byte-identical output. It
// streams: memory grows with the number of rooms, not with the number of
// events.
package sim

import (
	"bufio"
	"io"
	"time"

	"github.com/qinglang/qinglang"
)

// Config describes a simulated run.
type Config struct {
	Seed      int64         // deterministic: same Config -> byte-identical output
	Rooms     int           // concurrent broadcasts per day, 1 .. MaxRooms
	Platforms []string      // platform (tenant) names; default ["default"]
	Start     time.Time     // simulated start; events carry +08:00 offsets. Zero: DefaultStart
	Duration  time.Duration // length of each broadcast, 1 minute .. 23 hours; zero: 2h
	Days      int           // days of broadcasts; earlier days build the price history. Zero: 1
	// EventsPerRoom caps the events of each room on each day (at least 2);
	// 0 is the natural rhythm. Under a cap comments and orders thin out
	// evenly and the room still ends at its time.
	EventsPerRoom int
	// FakePriceShare is the share of crossed-out-price listings whose
	// original price is fake; 0 means DefaultFakePriceShare, a negative
	// value none.
	FakePriceShare float64
	// FalseClaimShare is the share of host speech segments that are false
	// marketing claims (disease cures, weight loss in numbers, absolute
	// terms, fake authority, guarantees, fake scarcity), each labelled
	// LabelClaim; 0 means DefaultFalseClaimShare, a negative value none.
	FalseClaimShare float64
	// Crews are crews of paid fake commenters at work in the run; none by
	// default. See Crew.
	Crews []Crew
	// Hard turns on organic hard cases for campaign detection; all off by
	// default. See HardCases.
	Hard HardCases
	// Labels, if set, is told the ground truth of each labelled event,
	// just before the event is emitted.
	Labels func(l Label)
}

// Defaults and limits of Config.
const (
	MaxRooms              = 100000
	MaxDays               = 400
	DefaultFakePriceShare = 0.15
	DefaultDuration       = 2 * time.Hour
)

// DefaultStart is the start of a run that names none: an evening in June
// 2025, Beijing time.
var DefaultStart = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))

// Label kinds.
const (
	// LabelFakeOriginal labels a listing with a crossed-out price; Fake
	// tells whether it breaks the seven-day lowest-price rule. The kind is
	// the id of the rule that should fire.
	LabelFakeOriginal = "price.fake_original"
	// LabelClaim labels a host speech segment that is a false marketing
	// claim (Fake is always true; organic segments carry no label). A
	// sentence cut across two segments labels both. Product is the
	// product being presented.
	LabelClaim = "claim"
)

// Label is the ground truth of one event.
type Label struct {
	EventID  string    `json:"event_id"`
	Kind     string    `json:"kind"`
	Fake     bool      `json:"fake"`
	Platform string    `json:"platform"`
	Room     string    `json:"room,omitempty"`
	TS       time.Time `json:"ts"`
	// For LabelClaim: Product. For LabelFakeOriginal: the listing's product and prices, and the
	// price the rule compares with (lowest unit price of the seven days
	// before, or the last sale before).
	Product          string `json:"product,omitempty"`
	PriceFen         int64  `json:"price_fen,omitempty"`
	OriginalPriceFen int64  `json:"original_price_fen,omitempty"`
	ReferenceFen     int64  `json:"reference_fen,omitempty"`
	// For LabelCrew: the crew's name, the member account and the role of
	// the event (RoleScript, RoleFiller, RoleOrder); Product for orders.
	Crew string `json:"crew,omitempty"`
	User string `json:"user,omitempty"`
	Role string `json:"role,omitempty"`
}

// normalize fills defaults and checks the limits.
func (c Config) normalize() (Config, error) {
	if len(c.Platforms) == 0 {
		c.Platforms = []string{qinglang.DefaultPlatform}
	}
	if c.Start.IsZero() {
		c.Start = DefaultStart
	}
	if c.Duration == 0 {
		c.Duration = DefaultDuration
	}
	if c.Days == 0 {
		c.Days = 1
	}
	switch {
	case c.FakePriceShare == 0:
		c.FakePriceShare = DefaultFakePriceShare
	case c.FakePriceShare < 0:
		c.FakePriceShare = 0
	}
	switch {
	case c.FalseClaimShare == 0:
		c.FalseClaimShare = DefaultFalseClaimShare
	case c.FalseClaimShare < 0:
		c.FalseClaimShare = 0
	}
	bad := func(zh, en string, args ...any) (Config, error) {
		return c, qinglang.Errorf(qinglang.EINVALID, "模拟配置无效："+zh, "invalid simulation config: "+en, args...)
	}
	switch {
	case c.Rooms < 1 || c.Rooms > MaxRooms:
		return bad("房间数须在 1 到 %d 之间，实为 %d", "rooms must be 1 to %d, got %d", MaxRooms, c.Rooms)
	case c.Days < 1 || c.Days > MaxDays:
		return bad("天数须在 1 到 %d 之间，实为 %d", "days must be 1 to %d, got %d", MaxDays, c.Days)
	case c.Duration < time.Minute || c.Duration > 23*time.Hour:
		return bad("时长须在 1 分钟到 23 小时之间，实为 %v", "duration must be 1m to 23h, got %v", c.Duration)
	case c.EventsPerRoom < 0 || c.EventsPerRoom == 1:
		return bad("每场事件上限须为 0 或至少 2，实为 %d", "events per room must be 0 or at least 2, got %d", c.EventsPerRoom)
	case c.FakePriceShare > 1:
		return bad("虚假原价比例须在 0 到 1 之间，实为 %v", "fake price share must be 0 to 1, got %v", c.FakePriceShare)
	case c.FalseClaimShare > 0.5:
		return bad("虚假宣传话术比例须在 0 到 0.5 之间，实为 %v", "false claim share must be 0 to 0.5, got %v", c.FalseClaimShare)
	}
	seen := map[string]bool{}
	for _, p := range c.Platforms {
		if p == "" || len(p) > 48 || seen[p] {
			return bad("平台名须非空、不超过 48 字节且不重复：%q", "platform names must be non-empty, at most 48 bytes and distinct: %q", p)
		}
		seen[p] = true
	}
	if err := c.Hard.check(); err != nil {
		return c, err
	}
	if err := normalizeCrews(&c); err != nil {
		return c, err
	}
	return c, nil
}

// Generate emits the run's events in global ts order, merged across rooms,
// and stops at the first error emit returns. Each event is newly allocated;
// emit may keep it.
func Generate(cfg Config, emit func(*qinglang.Event) error) error {
	cfg, err := cfg.normalize()
	if err != nil {
		return err
	}
	w := newWorld(cfg)
	var h roomHeap
	day := 0
	for {
		for day < cfg.Days && (len(h) == 0 || w.dayStart(day) <= h[0].at) {
			for i := range w.slots {
				h.push(newRoom(w, &w.slots[i], day))
			}
			day++
		}
		if len(h) == 0 {
			return nil
		}
		r := h[0].r
		ev := r.next()
		if ev == nil {
			h.fix()
			continue
		}
		if err := emit(ev); err != nil {
			return err
		}
		if r.done {
			h.pop()
		} else {
			h.fix()
		}
	}
}

// WriteJSONL runs Generate and writes the events to w as JSON Lines, the
// contract's wire format: each line is what encoding/json makes of a
// qinglang.Event (HTML characters left unescaped). It returns the number
// of events written.
func WriteJSONL(w io.Writer, cfg Config) (n int64, err error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	var line []byte
	err = Generate(cfg, func(ev *qinglang.Event) error {
		line = append(appendEvent(line[:0], ev), '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
		n++
		return nil
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return n, err
}

// roomHeap orders rooms by their next event: time, then listings first,
// then the room's fixed order. Keys sit in the heap itself, not behind the
// room pointer, so sifting through a hundred thousand rooms stays in cache.
type roomHeap []heapItem

type heapItem struct {
	at  int64
	tie int64 // rank<<40 | room order
	r   *roomGen
}

func itemOf(r *roomGen) heapItem {
	return heapItem{at: r.keyAt, tie: int64(r.keyRank)<<40 | int64(r.order), r: r}
}

func (h roomHeap) less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].tie < h[j].tie
}

func (h *roomHeap) push(r *roomGen) {
	*h = append(*h, itemOf(r))
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *roomHeap) pop() {
	s := *h
	last := len(s) - 1
	s[0] = s[last]
	s[last] = heapItem{}
	*h = s[:last]
	if last > 0 {
		h.down(0)
	}
}

// fix re-reads the key of the top room and restores the heap.
func (h roomHeap) fix() {
	h[0] = itemOf(h[0].r)
	h.down(0)
}

func (h roomHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
