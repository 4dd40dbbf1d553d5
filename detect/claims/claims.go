// Package claims finds false or misleading marketing in what is said and
// written in a live room: host speech, bullet comments and listing titles,
// matched against the rule packs (package rules) with one automaton
// (package claimmatch).
//
// Speech arrives as ASR segments that split sentences, so speech is matched
// over a window of the room's recent segments: "吃了三天" + "瘦了五斤" is one
// claim, reported once, when the segment that completes it arrives.
package claims

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/rules"
)

// Window bounds: a claim may span the current segment and the ones before
// it within this many segments and this much time.
const (
	windowSegments = 3
	windowSpan     = 30 * time.Second
)

// Detector is the claims detector. Its rules can be swapped while it runs
// (Reload); each Detect uses one consistent rule set.
type Detector struct {
	current atomic.Pointer[compiled]
}

type compiled struct {
	set     *rules.Set
	rules   map[string]rules.Rule // by id
	matcher *claimmatch.Matcher
}

// New compiles the rule set.
func New(set *rules.Set) (*Detector, error) {
	d := &Detector{}
	if err := d.Reload(set); err != nil {
		return nil, err
	}
	return d, nil
}

// Reload compiles set and, only if that succeeds, swaps it in.
func (d *Detector) Reload(set *rules.Set) error {
	m, err := claimmatch.Compile(set.Rules)
	if err != nil {
		return err
	}
	byID := make(map[string]rules.Rule, len(set.Rules))
	for _, r := range set.Rules {
		byID[r.ID] = r
	}
	d.current.Store(&compiled{set: set, rules: byID, matcher: m})
	return nil
}

// Rules returns the rule set in use and its compiled matcher: the pair the
// last successful Reload (or New) swapped in, consistent with each other.
func (d *Detector) Rules() (*rules.Set, *claimmatch.Matcher) {
	c := d.current.Load()
	return c.set, c.matcher
}

var _ pipeline.Detector = (*Detector)(nil)

// Name implements pipeline.Detector.
func (d *Detector) Name() string { return "claims" }

// roomState is what the detector keeps per room.
type roomState struct {
	// category is the category of the product last listed in the room:
	// what the host and the viewers are talking about.
	category qinglang.Category
	// segments are the room's recent speech segments, oldest first.
	segments []segment
	// product is the product last listed in the room.
	product string
	// stock are the room's open "only N left" claims (scarcity.go).
	stock []stockClaim
}

type segment struct {
	id   string
	ts   time.Time
	text string
}

// Evidence is what a claims finding shows.
type Evidence struct {
	Where     rules.Source      `json:"where"`
	Category  qinglang.Category `json:"category"`
	Text      string            `json:"text"`    // the text matched against (for speech: the window)
	Matched   string            `json:"matched"` // the original span that matched
	Start     int               `json:"start"`   // byte offsets of Matched in Text
	End       int               `json:"end"`
	Numbers   []float64         `json:"numbers,omitempty"`
	ClaimType rules.ClaimType   `json:"claim_type"`
	Message   string            `json:"message"`
	MessageEN string            `json:"message_en"`
	Rewrite   string            `json:"rewrite,omitempty"`
	RewriteEN string            `json:"rewrite_en,omitempty"`
	Product   string            `json:"product,omitempty"`

	// Cross-checks against the store's facts (nil when not made).
	// BuyerOrders: for a testimonial in a comment, the orders its author
	// had placed on the platform before it.
	BuyerChecked bool   `json:"buyer_checked,omitempty"`
	BuyerOrders  *int64 `json:"buyer_orders,omitempty"`
	// ClaimedSales is the sales figure claimed; ObservedOrders and
	// ObservedQty are the orders and items seen in the room before it.
	ClaimedSales   *int64 `json:"claimed_sales,omitempty"`
	ObservedOrders *int64 `json:"observed_orders,omitempty"`
	ObservedQty    *int64 `json:"observed_qty,omitempty"`
}

// Detect implements pipeline.Detector.
func (d *Detector) Detect(ctx context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	ev := in.Event
	c := &scan{compiled: d.current.Load(), ctx: ctx, facts: in.Facts}
	var st *roomState
	if in.Room != nil {
		st = in.Room.State("claims", func() any { return &roomState{} }).(*roomState)
		c.room = st
	}
	switch ev.Type {
	case qinglang.Order:
		if st == nil {
			return nil, nil
		}
		return checkStock(st, ev)
	case qinglang.Listing:
		if st != nil && ev.Category != "" {
			st.category = ev.Category
		}
		if st != nil {
			st.product = ev.Product
		}
		return c.findings(ev, rules.SourceTitle, ev.Category, ev.Title, nil, 0, []string{ev.ID})
	case qinglang.Comment:
		return c.findings(ev, rules.SourceComment, st.categoryOr(), ev.Text, nil, 0, []string{ev.ID})
	case qinglang.Speech:
		if st == nil {
			return c.findings(ev, rules.SourceSpeech, "", ev.Text, nil, 0, []string{ev.ID})
		}
		text, starts, ids := st.window(ev)
		from := 0
		if len(starts) > 0 {
			from = starts[len(starts)-1]
		}
		return c.findings(ev, rules.SourceSpeech, st.categoryOr(), text, starts, from, ids)
	}
	return nil, nil
}

func (st *roomState) categoryOr() qinglang.Category {
	if st == nil || st.category == "" {
		return qinglang.CatGeneral
	}
	return st.category
}

// window adds the segment to the room's recent speech and returns the text
// to match (recent segments joined as they are, so that a claim split over
// segments matches), the byte offsets where each segment after the first
// starts in it (the last is where the new segment starts), and the ids of
// the segments it holds. The matcher takes the starts as clause
// boundaries for its context guards: a question or a denial in one
// segment is not read into the next.
func (st *roomState) window(ev *qinglang.Event) (text string, starts []int, ids []string) {
	keep := st.segments[:0]
	for _, s := range st.segments {
		if ev.TS.Sub(s.ts) <= windowSpan {
			keep = append(keep, s)
		}
	}
	if len(keep) >= windowSegments {
		keep = keep[len(keep)-windowSegments+1:]
	}
	st.segments = append(keep, segment{id: ev.ID, ts: ev.TS, text: ev.Text})
	var b strings.Builder
	for i, s := range st.segments {
		if i > 0 {
			starts = append(starts, b.Len())
		}
		b.WriteString(s.text)
		if s.id != "" {
			ids = append(ids, s.id)
		}
	}
	return b.String(), starts, ids
}

// scan is one Detect: the rules in use and the store's facts (nil when the
// detector runs without a store).
type scan struct {
	*compiled
	ctx   context.Context
	facts qinglang.Facts
	room  *roomState // nil for events without a room
}

// findings matches text, whose segments after the first start at starts,
// and reports every match that ends in text[from:] (earlier ones were
// reported with an earlier segment).
func (c *scan) findings(ev *qinglang.Event, where rules.Source, cat qinglang.Category, text string, starts []int, from int, ids []string) ([]qinglang.Finding, error) {
	if text == "" {
		return nil, nil
	}
	if cat == "" {
		cat = qinglang.CatGeneral
	}
	var out []qinglang.Finding
	for _, m := range c.matcher.ScanSegments(text, starts, claimmatch.Context{Category: cat, Where: where}) {
		if m.End <= from {
			continue
		}
		r, ok := c.rules[m.RuleID]
		if !ok {
			continue
		}
		ev2 := Evidence{Where: where, Category: cat, Text: text, Matched: m.Text, Start: m.Start, End: m.End,
			Numbers: m.Numbers, ClaimType: r.ClaimType, Message: r.Message, MessageEN: r.MessageEN,
			Rewrite: r.Rewrite, RewriteEN: r.RewriteEN, Product: ev.Product}
		eventIDs := ids
		if m.Start >= from && ev.ID != "" {
			eventIDs = []string{ev.ID} // the claim lies in the new segment alone
		}
		f := qinglang.Finding{
			Kind:      r.Kind,
			Rule:      r.ID,
			Severity:  r.Severity,
			Platform:  ev.Platform,
			Room:      ev.Room,
			TS:        ev.TS,
			EventIDs:  append([]string(nil), eventIDs...),
			Summary:   fmt.Sprintf("「%s」%s", m.Text, r.Message),
			SummaryEN: fmt.Sprintf("%q: %s", m.Text, r.MessageEN),
			Basis:     r.Basis,
			BasisEN:   r.BasisEN,
			DedupKey:  dedupKey(ev, where, m.Text),
		}
		if c.facts != nil {
			var err error
			switch {
			case r.ClaimType == rules.ClaimReview && where == rules.SourceComment && ev.User != "":
				err = c.checkBuyer(ev, &f, &ev2)
			case r.ClaimType == rules.ClaimSales && ev.Room != "":
				err = c.checkSales(ev, &f, &ev2, text[m.End:])
			}
			if err != nil {
				return nil, err
			}
		}
		if c.room != nil && r.ClaimType == rules.ClaimSales && where != rules.SourceComment &&
			strings.Contains(m.Text, "剩") && len(m.Numbers) > 0 {
			c.room.noteStock(eventIDs, ev.TS, m.Text, m.Numbers[0])
		}
		raw, err := json.Marshal(ev2)
		if err != nil {
			return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码证据", "cannot encode evidence")
		}
		f.Evidence = raw
		out = append(out, f)
	}
	return out, nil
}

// checkBuyer compares a testimonial in a comment with the orders its author
// had placed on the platform before it. An effect testimonial from an
// account that never bought anything is the signature of paid comments:
// the finding says so and its severity rises one step.
func (c *scan) checkBuyer(ev *qinglang.Event, f *qinglang.Finding, e *Evidence) error {
	n, err := c.facts.UserOrders(c.ctx, ev.Platform, ev.User, ev.TS)
	if err != nil {
		return err
	}
	e.BuyerChecked, e.BuyerOrders = true, &n
	if n == 0 {
		f.Summary += "；该账号此前未在本平台下过单"
		f.SummaryEN += "; the account had placed no order on the platform before"
		f.Severity = raise(f.Severity)
	}
	return nil
}

// checkSales compares a claimed sales figure with the orders seen in the
// room before it. The figure may count the product across all channels, so
// a claim above the room's orders is stated, not judged: the severity stays
// the rule's. after is the text following the match.
func (c *scan) checkSales(ev *qinglang.Event, f *qinglang.Finding, e *Evidence, after string) error {
	_, size := utf8.DecodeRuneInString(after)
	claimed, ok := claimedSales(e.Matched, after[:size], e.Numbers)
	if !ok {
		return nil
	}
	orders, qty, err := c.facts.RoomOrders(c.ctx, ev.Platform, ev.Room, ev.TS)
	if err != nil {
		return err
	}
	e.ClaimedSales, e.ObservedOrders, e.ObservedQty = &claimed, &orders, &qty
	if claimed > orders {
		f.Summary += fmt.Sprintf("；直播间内已见订单 %d 单", orders)
		f.SummaryEN += fmt.Sprintf("; orders seen in this room: %d", orders)
	}
	return nil
}

// claimedSales reads the sales figure a claim states: its first number,
// times 万 or 亿 when the matched text (or the character next after it)
// has one. Stock left (只剩3件), a sum of money (销售额) and a rate
// (每秒卖出) are not sales figures.
func claimedSales(matched, next string, numbers []float64) (int64, bool) {
	if len(numbers) == 0 || strings.ContainsAny(matched, "剩额每") {
		return 0, false
	}
	n, s := numbers[0], matched+next
	if i := strings.IndexAny(s, "万亿"); i >= 0 {
		if strings.HasPrefix(s[i:], "亿") {
			n *= 1e8
		} else {
			n *= 1e4
		}
	}
	return int64(math.Round(n)), true
}

// raise returns the severity one step up (critical stays critical).
func raise(s qinglang.Severity) qinglang.Severity {
	switch s {
	case qinglang.SeverityLow:
		return qinglang.SeverityMedium
	case qinglang.SeverityMedium:
		return qinglang.SeverityHigh
	case qinglang.SeverityHigh:
		return qinglang.SeverityCritical
	}
	return s
}

// eventKey identifies the event a finding is made on: its id, or for an
// event without one its type, time and author.
func eventKey(ev *qinglang.Event) string {
	if ev.ID != "" {
		return ev.ID
	}
	return fmt.Sprintf("%s@%s@%s%s%s", ev.Type, ev.TS.Format(time.RFC3339Nano), ev.User, ev.Speaker, ev.Product)
}

// dedupKey decides when a claim is a new finding. The host repeating a
// claim through a broadcast (or a title shown again) is one finding per
// room, rule and phrase, made at its first occurrence; each viewer's comment
// is its own finding, since every testimonial is separate evidence.
func dedupKey(ev *qinglang.Event, where rules.Source, matched string) string {
	if where == rules.SourceComment {
		return fmt.Sprintf("%s|%s|%s", eventKey(ev), where, matched)
	}
	return fmt.Sprintf("%s|%s", where, matched)
}
