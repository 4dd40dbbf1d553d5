// Package relisted keeps a failed spot check in force: a product whose
// latest laboratory result failed must stay off sale on every platform, so
// a listing of it that arrives after the result (a new listing, a
// re-listing, a listing on another platform) is a finding. The listings on
// sale when the result was recorded are found by package spotcheck's
// Effects; this detector covers those that come later.
//
// The latest result of the product decides: a later passing re-test (of
// any batch) lifts the failure. Listing events name no batch, so a failure
// of one batch reaches every listing of the product.
package relisted

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/spotcheck"
)

// Rule is the id of the finding this detector reports.
const Rule = "spotcheck.relisted"

// Detector checks listing events against the recorded spot checks.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

var _ pipeline.Detector = (*Detector)(nil)

// Name implements pipeline.Detector.
func (*Detector) Name() string { return "relisted" }

// Evidence is what a finding shows: the result that keeps the product off
// sale and the listing that ignored it.
type Evidence struct {
	SpotCheck   string            `json:"spot_check"`
	Product     string            `json:"product"`
	Batch       string            `json:"batch,omitempty"`
	Category    qinglang.Category `json:"category,omitempty"`
	Lab         string            `json:"lab"`
	TestedAt    time.Time         `json:"tested_at"`
	FailedItems []spotcheck.Item  `json:"failed_items"`
	Merchant    string            `json:"merchant,omitempty"`
	Title       string            `json:"title,omitempty"`
}

// Detect implements pipeline.Detector.
func (*Detector) Detect(ctx context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	ev := in.Event
	if ev.Type != qinglang.Listing || ev.Product == "" || in.Facts == nil {
		return nil, nil
	}
	rec, err := in.Facts.LatestSpotCheck(ctx, ev.Product, ev.TS)
	if err != nil || rec == nil || rec.Pass {
		return nil, err
	}
	st, err := spotcheck.Decode(*rec)
	if err != nil {
		return nil, err
	}
	r := st.Result
	sev := qinglang.SeverityHigh
	if spotcheck.IsCritical(r.Category) {
		sev = qinglang.SeverityCritical
	}
	basis, basisEN := spotcheck.BasisText(r.Category)
	raw, err := json.Marshal(Evidence{SpotCheck: rec.ID, Product: r.Product, Batch: r.Batch, Category: r.Category,
		Lab: r.Lab, TestedAt: r.TestedAt, FailedItems: r.FailedItems, Merchant: ev.Merchant, Title: ev.Title})
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "编码证据失败", "encoding the evidence failed")
	}
	var ids []string
	if ev.ID != "" {
		ids = []string{ev.ID}
	}
	day := r.TestedAt.Format(time.DateOnly)
	return []qinglang.Finding{{
		Kind: qinglang.KindListing, Rule: Rule, Severity: sev,
		Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids,
		Summary: fmt.Sprintf("抽检不合格商品再次上架：商品 %s 于 %s 经 %s 检验不合格（抽检 %s），商家 %s 仍在上架销售",
			r.Product, day, r.Lab, rec.ID, ev.Merchant),
		SummaryEN: fmt.Sprintf("Product listed after a failed spot check: %s failed testing at %s on %s (spot check %s), yet merchant %s lists it",
			r.Product, r.Lab, day, rec.ID, ev.Merchant),
		Basis: basis, BasisEN: basisEN,
		Evidence: raw,
		// One finding per failure, platform room and merchant: a price
		// change of the same listing is not a new finding.
		DedupKey: rec.ID + "\x00" + ev.Merchant + "\x00" + ev.Product,
	}}, nil
}
