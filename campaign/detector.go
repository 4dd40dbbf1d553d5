package campaign

import (
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
)

// Detector finds campaigns in a stream of events. It is not safe for
// concurrent use: feed it from one goroutine (or guard it).
type Detector struct {
	cfg Config

	plats   []*platform
	platIdx map[string]int32

	accounts  pages[account]
	freeAccts []uint32
	liveAccts int
	rooms     []room
	freeRooms []uint32
	liveRooms int
	scripts   scriptTable
	log       []action

	now int64 // latest event time seen, unix ms

	camps campaignSet // campaigns reported, by id
	ar    arena       // copies of the strings kept

	// scratch of the streaming layer
	norm   textnorm.Normalizer
	runes  []rune
	nums   []number
	sh     []uint32
	mbuf   []byte
	cls    []claim
	shDone bool // sh holds the shingles of runes
	sig    signature
	keys   [lshBands]uint64
}

// New returns a Detector with cfg (zero fields take the defaults).
func New(cfg Config) *Detector {
	return &Detector{cfg: cfg.withDefaults(), platIdx: make(map[string]int32), camps: newCampaignSet()}
}

// withDefaults fills the zero fields of c.
func (c Config) withDefaults() Config {
	if c.Window <= 0 {
		c.Window = 7 * 24 * time.Hour
	}
	if c.NewAccountAge <= 0 {
		c.NewAccountAge = 30 * 24 * time.Hour
	}
	if c.MaxRooms <= 0 {
		c.MaxRooms = 200_000
	}
	if c.MaxAccounts <= 0 {
		c.MaxAccounts = 5_000_000
	}
	if c.MaxScripts <= 0 {
		c.MaxScripts = 2_000_000
	}
	if c.MaxActions <= 0 {
		c.MaxActions = 20_000_000
	}
	return c
}

// Observe feeds one event of the contract. Every type may come; the ones
// not used are ignored cheaply. Comments, orders, accounts (created_at),
// speech (the host's calls to action: 扣1, 打在公屏上, 抽奖, 点赞到 ...),
// room_start (merchant, host) and room_end matter. Events of different
// rooms may arrive out of time order; per room they must be in order.
func (d *Detector) Observe(ev *qinglang.Event) {
	if ev == nil {
		return
	}
	switch ev.Type {
	case qinglang.Comment, qinglang.Order, qinglang.Account, qinglang.Speech, qinglang.RoomStart, qinglang.RoomEnd:
	default:
		return
	}
	ts := ev.TS.UnixMilli()
	d.now = max(d.now, ts)
	p := d.platform(ev.Platform)
	switch ev.Type {
	case qinglang.Comment:
		if ev.User != "" && ev.Room != "" {
			d.comment(p, ev, ts)
		}
	case qinglang.Order:
		if ev.User != "" {
			a := d.accounts.at(d.account(p, ev.User, ts))
			merchant := ""
			if ev.Room != "" {
				merchant = d.rooms[d.room(p, ev.Room, ts)].merchant
			}
			a.addOrder(ts, merchant)
		}
	case qinglang.Account:
		if ev.User != "" && ev.CreatedAt != nil {
			d.accounts.at(d.account(p, ev.User, ts)).created = ev.CreatedAt.UnixMilli()
		}
	case qinglang.Speech:
		if ev.Room == "" || ev.Text == "" {
			return
		}
		r := &d.rooms[d.room(p, ev.Room, ts)]
		if isCall(d.norm.Normalize(ev.Text).Norm) {
			c := call{start: ts, end: ts}
			if ev.EndTS != nil && ev.EndTS.UnixMilli() > ts {
				c.end = ev.EndTS.UnixMilli()
			}
			if ph := callPhrase(ev.Text); ph != "" {
				runes, _ := maskNumbers(d.norm.Normalize(ph).Norm, nil, nil)
				c.phrase = string(runes)
				c.sh = shingles(runes, nil)
			}
			r.addCall(c)
		}
	case qinglang.RoomStart:
		if ev.Room != "" {
			r := &d.rooms[d.room(p, ev.Room, ts)]
			r.merchant, r.host, r.start = d.ar.clone(ev.Merchant), d.ar.clone(ev.Host), ts
		}
	case qinglang.RoomEnd:
		if ev.Room != "" {
			r := &d.rooms[d.room(p, ev.Room, ts)]
			r.ended, r.end = true, ts
		}
	}
}

// comment is the streaming layer for one comment: normalise, mask numbers,
// shingle, MinHash and LSH into a script cluster, update the account and
// log the action.
func (d *Detector) comment(p *platform, ev *qinglang.Event, ts int64) {
	ri := d.room(p, ev.Room, ts)
	ai := d.account(p, ev.User, ts)
	r, a := &d.rooms[ri], d.accounts.at(ai)
	norm := d.norm.Normalize(ev.Text).Norm
	d.runes, d.nums = maskNumbers(norm, d.runes, d.nums[:0])
	d.mbuf = d.mbuf[:0]
	for _, c := range d.runes {
		d.mbuf = utf8.AppendRune(d.mbuf, c)
	}
	var masked string
	if len(d.mbuf) > 0 {
		masked = unsafe.String(&d.mbuf[0], len(d.mbuf)) // scratch view, never kept
	}
	d.cls = d.cls[:0]
	d.shDone = false
	var flags uint8
	if len(d.nums) > 0 {
		flags |= fNumber
	}
	sc := noScript
	key := hashString(masked)
	if info, ok := p.exact.get(key); ok && masked != "" {
		// a text seen before: its cluster and its reading are known
		sc = uint32(info)
		flags |= uint8(info >> 32)
		s := d.scripts.list.at(sc)
		s.last = max(s.last, ts)
		s.comments++
		if flags&fTestimonial != 0 && len(d.nums) > 0 {
			d.cls = extractClaims(d.runes, d.nums, masked, d.cls)
		}
	} else if masked != "" {
		if len(d.nums) > 0 && !isQuestion(masked) {
			d.cls = extractClaims(d.runes, d.nums, masked, d.cls)
		}
		sh := d.shingles()
		if isTestimonial(masked) || hasResult(d.cls) {
			flags |= fTestimonial | fPromo
			if isUse(masked) || hasResult(d.cls) {
				flags |= fUse
			}
		} else if isPromo(masked) {
			flags |= fPromo
		}
		if len(sh) <= contentFreeShingles && flags&fTestimonial == 0 {
			flags |= fContentFree
		}
		sc = d.scripts.assign(p, masked, &d.ar, sh, flags&fTestimonial != 0, ts, &d.sig, &d.keys)
		d.scripts.remember(p, sc, key, flags&(fTestimonial|fPromo|fContentFree|fUse))
	}
	if r.answersCall(ts, masked, d.shingles, flags&fContentFree != 0) {
		flags |= fAfterCall
	}
	flags &^= fContentFree

	if a.first == 0 || ts < a.first {
		a.first = ts
	}
	if k, ok := a.addIP(ev.IP, ri, &d.ar); ok {
		p.nets.add(k, 1)
	}
	if a.addDevice(ev.Device, &d.ar) {
		p.devices.add(a.devHash, 1)
	}
	if flags&fTestimonial != 0 {
		if len(d.cls) > 0 {
			text := d.ar.clone(ev.Text)
			for _, c := range d.cls {
				c.ts, c.room, c.text = ts, ri, text
				a.addClaim(c)
			}
		}
	}
	if sc != noScript && (!d.scripts.list.at(sc).contentFree || flags&fTestimonial != 0) {
		if i := a.sampleSlot(ri, sc, flags&fTestimonial != 0); i >= 0 {
			a.setSample(i, sample{id: d.ar.clone(ev.ID), text: d.ar.clone(ev.Text), room: ri, script: sc, ts: ts, tm: flags&fTestimonial != 0})
		}
	}
	r.last = max(r.last, ts)
	d.logAction(ai, ri, sc, ts, flags)
	if len(d.log) >= d.cfg.MaxActions {
		d.shedActions()
	}
	if d.scripts.live >= d.cfg.MaxScripts {
		d.shedScripts()
	}
}

// platform returns the state of a platform, made on first sight.
func (d *Detector) platform(name string) *platform {
	if name == "" {
		name = qinglang.DefaultPlatform
	}
	if i, ok := d.platIdx[name]; ok {
		return d.plats[i]
	}
	p := newPlatform(int32(len(d.plats)), name)
	d.plats = append(d.plats, p)
	d.platIdx[p.name] = p.idx
	return p
}

// account returns the slot of a platform's user, made on first sight.
// Users are keyed by a 64-bit hash of their id: two ids of one platform
// colliding (about 1 in 10^6 for a window of 5M accounts) would be taken
// for one account.
func (d *Detector) account(p *platform, user string, ts int64) uint32 {
	h := hashString(user)
	if i, ok := p.users.get(h); ok {
		a := d.accounts.at(uint32(i))
		a.last = max(a.last, ts)
		return uint32(i)
	}
	if d.liveAccts >= d.cfg.MaxAccounts {
		d.shedAccounts()
	}
	var i uint32
	if n := len(d.freeAccts); n > 0 {
		i = d.freeAccts[n-1]
		d.freeAccts = d.freeAccts[:n-1]
	} else {
		i = d.accounts.add()
	}
	*d.accounts.at(i) = account{key: h, plat: p.idx, live: true, user: d.ar.clone(user), last: ts, lastAct: -1}
	p.users.putNew(h, uint64(i))
	d.liveAccts++
	return i
}

// room returns the slot of a platform's room, made on first sight (keyed
// by a hash of its id, like accounts).
func (d *Detector) room(p *platform, id string, ts int64) uint32 {
	h := hashString(id)
	if i, ok := p.rooms.get(h); ok {
		r := &d.rooms[i]
		r.last = max(r.last, ts)
		return uint32(i)
	}
	if d.liveRooms >= d.cfg.MaxRooms {
		d.shedRooms()
	}
	var i uint32
	if n := len(d.freeRooms); n > 0 {
		i = d.freeRooms[n-1]
		d.freeRooms = d.freeRooms[:n-1]
	} else {
		i = uint32(len(d.rooms))
		d.rooms = append(d.rooms, room{})
	}
	d.rooms[i] = room{key: h, plat: p.idx, live: true, id: d.ar.clone(id), last: ts}
	p.rooms.putNew(h, uint64(i))
	d.liveRooms++
	return i
}

// Judge runs the cross-room stage over the sliding window ending at now
// (zero: the latest event time seen) and returns the campaigns that are
// new or grew since the last Judge, with stable ids. It first drops the
// state older than the window. Each platform is judged on its own view;
// with several, every view is built first, so that devices and networks
// can be counted over all of them (wide.go).
func (d *Detector) Judge(now time.Time) []Change {
	end := d.now
	if !now.IsZero() {
		end = now.UnixMilli()
	}
	since := end - d.cfg.Window.Milliseconds()
	d.evict(since)
	var changes []Change
	var views []*view
	for _, p := range d.plats {
		if v := d.newView(p, since, end); len(v.acts) > 0 {
			views = append(views, v)
		}
	}
	if len(views) > 1 {
		wide := d.farmsAcross(views)
		for _, v := range views {
			v.wide = wide
		}
	}
	for i, v := range views {
		views[i] = nil // judged views can go
		judge := func(comp []uint32, web bool) {
			if g := v.judgeGroup(comp, web); g != nil {
				if ch, ok := d.camps.update(g.campaign()); ok {
					changes = append(changes, ch)
				}
			}
		}
		for _, comp := range v.groups(v.seeds()) {
			judge(comp, false)
		}
		for _, comp := range v.webs {
			judge(comp, true)
		}
	}
	return d.relate(changes, time.UnixMilli(end).UTC())
}

// Restore seeds campaigns reported before (read back from the store after
// a restart, before the window's events are replayed) so that their ids
// are kept and only new members are reported as Added.
func (d *Detector) Restore(cs []Campaign) {
	for _, c := range cs {
		d.camps.restore(c)
	}
}

// Campaigns returns the current campaigns, newest first.
func (d *Detector) Campaigns() []Campaign { return d.camps.list() }

// shingles returns the shingles of the current comment's masked runes,
// computed once.
func (d *Detector) shingles() []uint32 {
	if !d.shDone {
		d.sh = shingles(d.runes, d.sh)
		d.shDone = true
	}
	return d.sh
}

// accountOf returns the slot of a platform's user, if known (for tests
// and reports).
func (d *Detector) accountOf(platform, user string) (uint32, bool) {
	i, ok := d.platIdx[platform]
	if !ok {
		return 0, false
	}
	a, ok := d.plats[i].users.get(hashString(user))
	return uint32(a), ok
}
