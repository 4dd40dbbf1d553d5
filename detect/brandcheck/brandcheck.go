// Package brandcheck turns the brand registry's checks (package brands) into
// findings: a listing naming a brand its merchant is not authorised to sell,
// counterfeit slang next to a brand name in a listing title or in the host's
// speech, and a price far below the brand's reference floor.
//
// Without a brand registry the detector does nothing.
package brandcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/pipeline"
)

// Detector checks listings and host speech against a brand registry. The
// checker is safe for concurrent use, so one Detector serves every
// partition.
type Detector struct {
	checker atomic.Pointer[brands.Checker]
}

// New returns a detector over c; a nil c gives a detector that finds
// nothing.
func New(c *brands.Checker) *Detector {
	d := &Detector{}
	d.checker.Store(c)
	return d
}

// Swap puts another checker in use for the events detected from now on
// (nil: none).
func (d *Detector) Swap(c *brands.Checker) { d.checker.Store(c) }

var _ pipeline.Detector = (*Detector)(nil)

// Name implements pipeline.Detector.
func (d *Detector) Name() string { return "brandcheck" }

// Evidence is what a finding shows: the brands.Result (rule, span in the
// original text, brand, authorisation looked up, prices compared) and the
// event it was found in.
type Evidence struct {
	brands.Result
	Product  string            `json:"product,omitempty"`
	Title    string            `json:"title,omitempty"`
	Text     string            `json:"text,omitempty"` // the speech segment
	Merchant string            `json:"merchant,omitempty"`
	Category qinglang.Category `json:"category,omitempty"`
}

// Detect implements pipeline.Detector.
func (d *Detector) Detect(_ context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	checker := d.checker.Load()
	if checker == nil || checker.Registry == nil {
		return nil, nil
	}
	ev := in.Event
	var rs []brands.Result
	ev2 := Evidence{}
	switch ev.Type {
	case qinglang.Listing:
		l := brands.Listing{Title: ev.Title, Merchant: ev.Merchant, Category: ev.Category,
			PriceFen: ev.PriceFen, Brand: ev.Brand, At: ev.TS}
		if ev.OriginalPriceFen != nil {
			l.OriginalPriceFen = *ev.OriginalPriceFen
		}
		rs = checker.CheckListing(l)
		ev2 = Evidence{Product: ev.Product, Title: ev.Title, Merchant: ev.Merchant, Category: ev.Category}
	case qinglang.Speech:
		if in.Room == nil {
			return nil, nil
		}
		start := in.Room.Start
		if start == nil || start.Host == "" || ev.Speaker != start.Host {
			return nil, nil
		}
		rs = checker.CheckSpeech(ev.Text, start.Merchant, ev.TS)
		ev2 = Evidence{Text: ev.Text, Merchant: start.Merchant}
	default:
		return nil, nil
	}
	out := make([]qinglang.Finding, 0, len(rs))
	for _, r := range rs {
		e := ev2
		e.Result = r
		raw, err := json.Marshal(e)
		if err != nil {
			return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码证据", "cannot encode evidence")
		}
		kind := r.Kind
		if kind == "" {
			kind = qinglang.KindListing
		}
		ids := []string{}
		if ev.ID != "" {
			ids = append(ids, ev.ID)
		}
		subject, subjectEN := fmt.Sprintf("商品「%s」", ev.Title), fmt.Sprintf("Listing %q", ev.Title)
		if ev.Type == qinglang.Speech {
			subject, subjectEN = fmt.Sprintf("主播 %s 口播", ev.Speaker), fmt.Sprintf("Host %s said", ev.Speaker)
		}
		key := ev.Product
		if ev.Type == qinglang.Speech {
			key = ev.ID
			if key == "" {
				key = ev.TS.Format("2006-01-02T15:04:05.999999999Z07:00") + "|" + ev.Speaker
			}
		}
		out = append(out, qinglang.Finding{
			Kind: kind, Rule: r.Rule, Severity: r.Severity,
			Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids,
			Summary:   subject + "：" + r.Message,
			SummaryEN: subjectEN + ": " + r.MessageEN,
			Basis:     r.Basis, BasisEN: r.BasisEN, Evidence: raw,
			DedupKey: fmt.Sprintf("%s|%s|%s|%s|%d", string(ev.Type), key, r.Brand, r.Span.Source, r.Span.Start),
		})
	}
	return out, nil
}
