package sim

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// stepKind is one kind of step of the host's script.
type stepKind uint8

const (
	stepRoomStart stepKind = iota
	stepList               // show a product or change its price
	stepSay                // one speech segment
	stepPrice              // announce the current price (expands to segments)
)

// listMode says how a listing step prices its product.
type listMode uint8

const (
	listEveryday listMode = iota // today's everyday price, no crossed-out price
	listDiscount                 // a discount with a crossed-out price, honest or fake
	listFlash                    // a short flash sale
	listRevert                   // back to the everyday price after a flash sale
	listLaunch                   // a launch-day price far below the everyday one
)

// cue is what a speech segment sets off in the audience.
type cue uint8

const (
	cueNone    cue = iota
	cueCTA         // "想要的扣1": a flood of 1s and a wave of orders
	cueLottery     // "评论区打'…'": many viewers type the phrase
	cueChant       // "家人们冲冲冲"
)

// step is one step of the script.
type step struct {
	kind stepKind
	prod int
	mode listMode
	text string
	cue  cue
	arg  string // the phrase the audience will type
	// claim marks a segment of a false marketing claim.
	claim bool
}

// runScript carries out the script's next step at time at.
func (r *roomGen) runScript(at int64) {
	st := r.steps[0]
	r.steps = r.steps[1:]
	gap := int64(between(r.rng, 300, 1500))
	switch st.kind {
	case stepRoomStart:
		ev := r.event(qinglang.RoomStart, at)
		ev.Host, ev.Operator, ev.Agency, ev.Merchant = r.s.host, r.s.operator, r.s.agency, r.s.merchant
		ev.Title = r.fillText(pick(r.rng, roomTitles), -1)
		r.push(ev)
		gap = int64(between(r.rng, 1000, 3000))
	case stepList:
		if r.room(1) {
			r.push(r.listing(at, st.prod, st.mode))
		}
		gap = int64(between(r.rng, 1000, 4000))
	case stepPrice:
		segs := r.segments(r.priceLine(st.prod))
		more := make([]step, 0, len(segs)+len(r.steps))
		for _, s := range segs {
			more = append(more, step{kind: stepSay, text: s, prod: st.prod})
		}
		r.steps = append(more, r.steps...)
		r.scriptAt = at
		r.plan(at)
		return
	case stepSay:
		dur := int64(utf8.RuneCountInString(st.text)) * int64(between(r.rng, 180, 300))
		if at+dur >= r.end || !r.paced(at, 1) {
			break
		}
		if st.cue == cueNone && r.scale < 1 && r.rng.Float64() >= r.scale {
			gap += dur // said, but not kept under the cap
			break
		}
		ev := r.event(qinglang.Speech, at)
		ev.Speaker, ev.Text, ev.EndTS = r.s.host, st.text, r.timeAt(at+dur)
		if st.claim && r.w.cfg.Labels != nil {
			r.w.cfg.Labels(Label{EventID: ev.ID, Kind: LabelClaim, Fake: true, Platform: ev.Platform,
				Room: ev.Room, TS: ev.TS, Product: r.lineup[st.prod].p.id})
		}
		r.push(ev)
		gap += dur
		r.onCue(at+dur, st)
	}
	r.scriptAt = at + gap
	r.plan(r.scriptAt)
}

// onCue starts what a segment sets off, from when it is said.
func (r *roomGen) onCue(at int64, st step) {
	switch st.cue {
	case cueCTA:
		r.boostAt = at
		r.addWave(waveFlood, at+int64(between(r.rng, 500, 2500)), "")
	case cueLottery:
		r.addWave(waveLottery, at+int64(between(r.rng, 1000, 4000)), st.arg)
	case cueChant:
		r.addWave(waveChant, at+int64(between(r.rng, 1000, 3000)), st.arg)
	}
}

// plan queues the next block of the script when the queue runs dry: the
// next product's introduction, price and calls to action, or the closing.
func (r *roomGen) plan(at int64) {
	if len(r.steps) > 0 || at >= r.end {
		return
	}
	r.scriptAt = at + int64(between(r.rng, 3000, 15000))
	if r.closing {
		return
	}
	if r.end-at < 3*60000 {
		for _, s := range sayClosing {
			r.say(s, cueNone, "", -1)
		}
		r.closing = true
		return
	}
	r.blocks++
	if r.flash >= 0 {
		r.steps = append(r.steps, step{kind: stepList, prod: r.flash, mode: listRevert})
		r.say(pick(r.rng, sayRevert), cueNone, "", r.flash)
		r.flash = -1
	}
	if r.rng.IntN(5) == 0 {
		r.cur = r.rng.IntN(len(r.lineup))
	} else {
		r.cur = (r.cur + 1) % len(r.lineup)
	}
	p := r.cur
	li := &r.lineup[p]
	mode := listEveryday
	switch {
	case li.p.launch && r.day == 0 && !li.guest && !li.crossed:
		mode, li.crossed = listLaunch, true
	case li.p.launch && r.day <= 7:
		// A quiet week after the launch: everyday prices only, so that a
		// later honest crossed-out price sits above the launch price,
		// which is older than the seven days the rule looks back.
	case r.day >= 1 && !li.crossed && r.rng.Float64() < 0.45:
		mode, li.crossed = listDiscount, true
	case r.rng.Float64() < 0.08:
		mode, r.flash = listFlash, p
	}
	if p == 0 && r.rng.IntN(2) == 0 {
		r.say("第一个链接就是它，{b}{n}", cueNone, "", p)
	} else {
		r.say(pick(r.rng, sayIntro), cueNone, "", p)
	}
	talk := catalog[li.p.cat].talk
	order := r.rng.Perm(len(talk))
	for i := range between(r.rng, 3, 7) {
		r.say(talk[order[i%len(order)]], cueNone, "", p)
	}
	if mode != listEveryday {
		r.steps = append(r.steps, step{kind: stepList, prod: p, mode: mode})
	}
	r.steps = append(r.steps, step{kind: stepPrice, prod: p})
	if r.rng.Float64() < 0.75 {
		r.say(pick(r.rng, sayCTA), cueCTA, "", p)
	}
	fill := r.rng.IntN(len(sayFiller))
	for i := range between(r.rng, 1, 4) {
		r.say(sayFiller[(fill+i*5)%len(sayFiller)], cueNone, "", p)
	}
	if at >= r.lottery {
		r.lottery = at + int64(between(r.rng, 10, 20))*60000
		phrase := r.fillText(pick(r.rng, catalog[li.p.cat].lottery), p)
		r.say(pick(r.rng, sayLottery), cueLottery, phrase, p)
	}
	if r.rng.Float64() < 0.1 {
		r.say(pick(r.rng, sayChantCue), cueChant, pick(r.rng, cmtChants[:3]), p)
	}
}

// say queues a sentence as one or two segments; the cue goes with the
// last one. A share of the ordinary sentences about a product (no cue)
// turns into a false claim.
func (r *roomGen) say(tmpl string, c cue, arg string, prod int) {
	claim := c == cueNone && prod >= 0 && r.falseClaim()
	if claim {
		tmpl = r.claimText(prod)
	}
	text := r.fillText(strings.ReplaceAll(tmpl, "{l}", arg), prod)
	segs := r.segments(text)
	for i, s := range segs {
		st := step{kind: stepSay, text: s, prod: prod, claim: claim}
		if i == len(segs)-1 {
			st.cue, st.arg = c, r.fillText(arg, prod)
		}
		r.steps = append(r.steps, st)
	}
}

// Segment lengths of the simulated speech recogniser, in characters.
const (
	minSeg = 5
	maxSeg = 40
)

// segments cuts a sentence the way speech recognition does: at most 40
// characters a segment, and now and then a sentence split across two at a
// comma. Parts shorter than 5 characters stay joined.
func (r *roomGen) segments(text string) []string {
	n := utf8.RuneCountInString(text)
	i := strings.Index(text, "，")
	if i < 0 || (n <= maxSeg && (n < 16 || r.rng.Float64() >= 0.35)) {
		if n > maxSeg {
			return []string{string([]rune(text)[:maxSeg])}
		}
		return []string{text}
	}
	a, b := text[:i], text[i+len("，"):]
	if utf8.RuneCountInString(a) < minSeg || utf8.RuneCountInString(b) < minSeg {
		return []string{text}
	}
	return append(r.segments(a), r.segments(b)...)
}

// listing emits product prod's listing at at, priced by mode. A discount
// looks up the platform's sales: an honest crossed-out price is the lowest
// unit price of the last seven days (or the last sale before), a fake one
// far above it; with no sale ever, no crossed-out price is shown.
func (r *roomGen) listing(at int64, prod int, mode listMode) *qinglang.Event {
	li := &r.lineup[prod]
	p := li.p
	li.listed, li.orig, li.fake, li.onFlash, li.onLaunch = true, 0, false, false, false
	li.price = li.dayPrice
	var label *Label
	switch mode {
	case listLaunch:
		li.price, li.onLaunch = nicePrice(li.dayPrice/2), true
	case listFlash:
		li.price, li.onFlash = nicePrice(li.dayPrice*7/10), true
	case listDiscount:
		// A crossed-out price is shown only where an honest one could be:
		// the product sold, and above the discount. Of those, a share is
		// fake: the everyday price under an inflated "original".
		ref, sold := p.hist.reference(at)
		cut := min(li.dayPrice, nicePrice(int64(float64(li.dayPrice)*(0.6+0.3*r.rng.Float64()))))
		switch {
		case !sold || ref <= cut:
			li.price = cut
		case r.rng.Float64() < r.w.share:
			li.orig, li.fake = inflate(ref, 3+4*r.rng.Float64()), true
		default:
			li.price, li.orig = cut, ref
		}
		if li.orig > 0 {
			label = &Label{Kind: LabelFakeOriginal, Fake: li.fake, Product: p.id,
				PriceFen: li.price, OriginalPriceFen: li.orig, ReferenceFen: ref}
		}
	}
	ev := r.event(qinglang.Listing, at)
	ev.Product, ev.Title, ev.Merchant = p.id, p.title(), p.merchant
	ev.Category, ev.PriceFen, ev.Brand = catalog[p.cat].cat, li.price, p.brandName()
	if li.orig > 0 {
		o := li.orig
		ev.OriginalPriceFen = &o
	}
	if label != nil && r.w.cfg.Labels != nil {
		label.EventID, label.Platform, label.Room, label.TS = ev.ID, ev.Platform, ev.Room, ev.TS
		r.w.cfg.Labels(*label)
	}
	return ev
}

// priceLine is what the host says about product prod's current price.
func (r *roomGen) priceLine(prod int) string {
	li := &r.lineup[prod]
	switch {
	case li.orig > 0 && li.fake:
		return r.fillText(pick(r.rng, sayPriceFake), prod)
	case li.orig > 0:
		return r.fillText(pick(r.rng, sayPriceHonest), prod)
	case li.onFlash:
		return r.fillText(pick(r.rng, sayFlash), prod)
	case li.onLaunch:
		return r.fillText(pick(r.rng, sayLaunch), prod)
	}
	return r.fillText(pick(r.rng, sayPrice), prod)
}

// fillText replaces the placeholders of a template for product prod (or
// the room's house brand when prod < 0).
func (r *roomGen) fillText(tmpl string, prod int) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 || i+2 >= len(tmpl) || tmpl[i+2] != '}' {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		b.WriteString(r.placeholder(tmpl[i+1], prod))
		tmpl = tmpl[i+3:]
	}
}

// placeholder returns the value of one placeholder letter.
func (r *roomGen) placeholder(c byte, prod int) string {
	var li *lineItem
	if prod >= 0 {
		li = &r.lineup[prod]
	}
	switch c {
	case 'h':
		return r.s.nick
	case 'b':
		if li != nil && li.p.brand >= 0 {
			return li.p.brandName()
		}
		return r.s.brand
	}
	if li == nil {
		return ""
	}
	switch c {
	case 'n':
		return li.p.name()
	case 't':
		return li.p.title()
	case 'k':
		return strconv.Itoa(prod + 1)
	case 'p':
		return yuan(li.price)
	case 'o':
		return yuan(li.orig)
	}
	return ""
}
