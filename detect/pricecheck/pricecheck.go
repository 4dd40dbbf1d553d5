// Package pricecheck finds fictitious crossed-out ("original") prices: a
// listing whose compared price is higher than what the product really sold
// for before (原价1980现价298 while it sold at 298 all week).
//
// The rule (明码标价和禁止价格欺诈规定, 2022): a compared price with no
// stated source must not exceed the seller's lowest transaction price in the
// 7 days before the comparison; with no sale in those 7 days, the last
// transaction price before it. shared domain facts rate the rule's numbers
// [U] (unverified), so they live in Config, in one place.
package pricecheck

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
)

// Rule is the id of the finding this detector reports.
const Rule = "price.fake_original"

// Basis is what a finding cites. The article numbers are the project's
// reading of the texts (13: the compared price and its 7-day bound; 19(3):
// false price comparison is price fraud) and of Order 117 art. 32 (a
// compared price must be shown with its basis); correct them here.
const (
	Basis   = "《明码标价和禁止价格欺诈规定》第十三条、第十九条第（三）项；《直播电商监督管理办法》第三十二条"
	BasisEN = "Provisions on Clearly Marked Prices and Prohibition of Price Fraud (2022), art. 13 and art. 19(3); Live E-commerce Supervision Measures (Order 117), art. 32"
)

// Config holds the rule's numbers.
type Config struct {
	// Window is how far back the lowest transaction price is taken
	// (7 days in the pricing rules).
	Window time.Duration
	// HighRatio: a compared price at least this many times the reference
	// is severity high; below it, medium.
	HighRatio float64
	// CriticalRatio: at least this many times the reference is critical.
	CriticalRatio float64
	// LateOrderHorizon: an order re-checks the listings up to this long
	// after it. Inside Window a late order can lower a listing's
	// reference price; past it, it can still be the last sale before a
	// window without sales. Past the horizon a late order is not looked at.
	LateOrderHorizon time.Duration
	// MaxRecheck bounds the listings one order re-checks.
	MaxRecheck int
}

// DefaultConfig is the rule as written.
var DefaultConfig = Config{Window: 7 * 24 * time.Hour, HighRatio: 2, CriticalRatio: 5,
	LateOrderHorizon: 30 * 24 * time.Hour, MaxRecheck: 100}

// Detector checks every listing that shows an original price.
type Detector struct {
	cfg Config
}

// New returns a Detector with cfg (zero fields take DefaultConfig's).
func New(cfg Config) *Detector {
	if cfg.Window <= 0 {
		cfg.Window = DefaultConfig.Window
	}
	if cfg.HighRatio <= 0 {
		cfg.HighRatio = DefaultConfig.HighRatio
	}
	if cfg.CriticalRatio <= 0 {
		cfg.CriticalRatio = DefaultConfig.CriticalRatio
	}
	if cfg.LateOrderHorizon <= 0 {
		cfg.LateOrderHorizon = DefaultConfig.LateOrderHorizon
	}
	if cfg.MaxRecheck <= 0 {
		cfg.MaxRecheck = DefaultConfig.MaxRecheck
	}
	return &Detector{cfg: cfg}
}

var _ pipeline.Detector = (*Detector)(nil)

// Name implements pipeline.Detector.
func (d *Detector) Name() string { return "pricecheck" }

// Evidence is what a finding shows: the prices compared and the order the
// reference price comes from.
type Evidence struct {
	Product          string              `json:"product"`
	Title            string              `json:"title"`
	Merchant         string              `json:"merchant"`
	Category         qinglang.Category   `json:"category"`
	ListingEventID   string              `json:"listing_event_id,omitempty"`
	ListingTS        time.Time           `json:"listing_ts"`
	PriceFen         int64               `json:"price_fen"`
	OriginalPriceFen int64               `json:"original_price_fen"`
	Reference        string              `json:"reference"` // lowest_in_window or last_before_window
	ReferencePrice   int64               `json:"reference_price_fen"`
	WindowFrom       time.Time           `json:"window_from"`
	WindowTo         time.Time           `json:"window_to"`
	Ratio            float64             `json:"ratio"`
	Order            *qinglang.OrderFact `json:"order"`
}

// Detect implements pipeline.Detector. A listing is checked against the
// orders stored before it; an order re-checks the listings after it, so
// the verdict does not depend on which arrived first (platforms often send
// orders late, and rooms of one product are handled by different workers).
func (d *Detector) Detect(ctx context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	ev := in.Event
	switch ev.Type {
	case qinglang.Listing:
		if ev.OriginalPriceFen == nil {
			return nil, nil
		}
		f, err := d.check(ctx, in.Facts, ev)
		if f == nil || err != nil {
			return nil, err
		}
		return []qinglang.Finding{*f}, nil
	case qinglang.Order:
		listings, err := in.Facts.ComparedListings(ctx, ev.Platform, ev.Product, ev.TS, ev.TS.Add(d.cfg.LateOrderHorizon), d.cfg.MaxRecheck)
		if err != nil {
			return nil, err
		}
		var out []qinglang.Finding
		unit := ev.UnitPriceFen()
		for i := range listings {
			if *listings[i].OriginalPriceFen <= unit {
				continue // this order cannot make that compared price false
			}
			f, err := d.check(ctx, in.Facts, &listings[i])
			if err != nil {
				return nil, err
			}
			if f != nil {
				out = append(out, *f)
			}
		}
		return out, nil
	}
	return nil, nil
}

// check applies the rule to one listing that shows an original price.
func (d *Detector) check(ctx context.Context, facts qinglang.Facts, ev *qinglang.Event) (*qinglang.Finding, error) {
	original := *ev.OriginalPriceFen
	from, to := ev.TS.Add(-d.cfg.Window), ev.TS
	ref := "lowest_in_window"
	order, err := facts.LowestOrder(ctx, ev.Platform, ev.Product, from, to)
	if err != nil {
		return nil, err
	}
	if order == nil {
		ref = "last_before_window"
		if order, err = facts.LastOrderBefore(ctx, ev.Platform, ev.Product, from); err != nil {
			return nil, err
		}
	}
	// Never sold: the compared price cannot be checked against
	// transactions, so no finding is made.
	if order == nil || original <= order.UnitPriceFen {
		return nil, nil
	}
	ratio := float64(original) / float64(max(order.UnitPriceFen, 1))
	evidence := Evidence{
		Product: ev.Product, Title: ev.Title, Merchant: ev.Merchant, Category: ev.Category,
		ListingEventID: ev.ID, ListingTS: ev.TS, PriceFen: ev.PriceFen, OriginalPriceFen: original,
		Reference: ref, ReferencePrice: order.UnitPriceFen, WindowFrom: from, WindowTo: to,
		Ratio: float64(int(ratio*100)) / 100, Order: order,
	}
	raw, err := json.Marshal(evidence)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码证据", "cannot encode evidence")
	}
	ids := []string{}
	for _, id := range []string{ev.ID, order.EventID} {
		if id != "" {
			ids = append(ids, id)
		}
	}
	when := "前 7 日内最低成交价"
	whenEN := "lowest transaction price in the 7 days before"
	if ref == "last_before_window" {
		when, whenEN = "前 7 日无成交，此前最后一次成交价", "last transaction price (no sale in the 7 days before)"
	}
	return &qinglang.Finding{
		Kind:     qinglang.KindClaim,
		Rule:     Rule,
		Severity: d.severity(ratio),
		Platform: ev.Platform,
		Room:     ev.Room,
		TS:       ev.TS,
		EventIDs: ids,
		Summary: fmt.Sprintf("商品「%s」划线原价 %s 高于%s %s，涉嫌虚构原价",
			ev.Title, yuan(original), when, yuan(order.UnitPriceFen)),
		SummaryEN: fmt.Sprintf("Listing %q shows an original price of %s, above the %s of %s: a fictitious original price",
			ev.Title, yuan(original), whenEN, yuan(order.UnitPriceFen)),
		Basis:    Basis,
		BasisEN:  BasisEN,
		Evidence: raw,
		DedupKey: fmt.Sprintf("%s|%d|%d", ev.Product, original, ev.PriceFen),
	}, nil
}

func (d *Detector) severity(ratio float64) qinglang.Severity {
	switch {
	case ratio >= d.cfg.CriticalRatio:
		return qinglang.SeverityCritical
	case ratio >= d.cfg.HighRatio:
		return qinglang.SeverityHigh
	}
	return qinglang.SeverityMedium
}

// yuan formats fen as ¥12.34.
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s¥%d.%02d", sign, fen/100, fen%100)
}
