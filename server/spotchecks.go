package server

import (
	"context"
	"slices"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/spotcheck"
)

// RecordSpotChecks implements httpapi.SpotCheckService. Each result is
// stored in its own transaction with the findings it leads to: a failure
// becomes a finding on the latest listing of the product in every room of
// every platform (the store's listing events), a delisting notice per
// platform and a public record (in the stored body). New findings go to the
// live feed. Listings that come later are found by the relisted detector.
func (m *Main) RecordSpotChecks(ctx context.Context, results []spotcheck.Result) ([]httpapi.SpotCheckRecorded, error) {
	out := make([]httpapi.SpotCheckRecorded, 0, len(results))
	for _, r := range results {
		if ferr := r.Validate(); ferr != nil {
			return out, qinglang.Errorf(qinglang.EINVALID, "抽检结果 %s 无效：%s", "spot-check result %s is invalid: %s", r.Product, ferr.Error())
		}
		done, found, err := m.recordSpotCheck(ctx, r)
		if err != nil {
			return out, err
		}
		if len(found) > 0 {
			for _, f := range found {
				m.metrics.Findings.WithLabelValues(string(f.Kind), string(f.Severity)).Inc()
			}
			if err := m.bus.PublishFindings(found); err != nil {
				m.log.Warn("could not publish spot-check findings to the live feed", "spot_check", done.ID, "err", err)
			}
		}
		out = append(out, done)
	}
	return out, nil
}

func (m *Main) recordSpotCheck(ctx context.Context, r spotcheck.Result) (httpapi.SpotCheckRecorded, []qinglang.Finding, error) {
	var outcome spotcheck.Outcome
	if !r.Pass {
		events, err := m.store.ProductListings(ctx, r.Product)
		if err != nil {
			return httpapi.SpotCheckRecorded{}, nil, err
		}
		outcome = spotcheck.Effects(r, spotcheck.LatestListings(events))
	}
	rec, err := spotcheck.Stored{Result: r, Outcome: outcome}.Record()
	if err != nil {
		return httpapi.SpotCheckRecorded{}, nil, err
	}
	done := httpapi.SpotCheckRecorded{ID: rec.ID, Pass: r.Pass, Findings: len(outcome.Drafts), Platforms: []string{}}
	for _, n := range outcome.Notices {
		done.Platforms = append(done.Platforms, n.Platform)
	}
	slices.Sort(done.Platforms)
	tx, err := m.store.Begin(ctx)
	if err != nil {
		return done, nil, err
	}
	defer func() { _ = tx.Rollback() }()
	if done.Added, err = tx.AddSpotCheck(ctx, &rec); err != nil || !done.Added {
		return done, nil, err
	}
	var found []qinglang.Finding
	for _, d := range outcome.Drafts {
		f := d.Finding()
		added, err := tx.AddFinding(ctx, &f)
		if err != nil {
			return done, nil, err
		}
		if added {
			found = append(found, f)
		}
	}
	if err := tx.Commit(); err != nil {
		return done, nil, err
	}
	return done, found, nil
}
