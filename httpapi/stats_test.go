package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/metrics"
)

// statsFinding is a finding of rule on platform/room at ts with evidence.
func statsFinding(rule, platform, room string, ts time.Time, sev qinglang.Severity, evidence string) qinglang.Finding {
	f := testFinding("f_"+rule, platform, room, sev)
	f.Rule, f.TS, f.Evidence = rule, ts, json.RawMessage(evidence)
	return f
}

func TestStatsTally(t *testing.T) {
	since := time.Date(2026, 3, 1, 10, 30, 0, 0, time.UTC) // 18:30 in Beijing
	until := since.Add(3 * time.Hour)
	tl := newStatsTally(since, until, "hour")
	for i := range 25 { // 25 rules, rule r00 with the most findings
		for range 25 - i {
			f := statsFinding(fmt.Sprintf("r%02d", i), "pa", fmt.Sprintf("room%02d", i%12), since.Add(time.Duration(i)*5*time.Minute),
				qinglang.SeverityHigh, `{"category":"food"}`)
			tl.add(&f)
		}
	}
	other := statsFinding("x", "pb", "", since.Add(2*time.Hour+59*time.Minute), qinglang.SeverityLow, `["no object"]`)
	other.Kind = qinglang.KindListing
	tl.add(&other)
	before := statsFinding("x", "pb", "rb", since.Add(-time.Second), qinglang.SeverityLow, `{}`)
	after := statsFinding("x", "pb", "rb", until, qinglang.SeverityLow, `{}`)
	tl.add(&before)
	tl.add(&after)
	out := tl.result()

	const total = 25*26/2 + 1
	if out.Total != total || out.ByKind["claim"] != total-1 || out.ByKind["listing"] != 1 ||
		out.BySeverity["high"] != total-1 || out.ByCategory["food"] != total-1 || out.ByCategory["unknown"] != 1 ||
		out.ByPlatform["pa"] != total-1 || out.ByPlatform["pb"] != 1 {
		t.Errorf("counts %d %v %v %v %v", out.Total, out.ByKind, out.BySeverity, out.ByCategory, out.ByPlatform)
	}
	// Buckets from 18:00 Beijing time: 18:00, 19:00, 20:00 and 21:00 (the
	// period ends at 21:30).
	if len(out.Buckets) != 4 || !out.Buckets[0].Start.Equal(time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)) ||
		out.Buckets[0].Start.Format(time.RFC3339) != "2026-03-01T18:00:00+08:00" {
		t.Fatalf("buckets %+v", out.Buckets)
	}
	var sum int64
	for _, b := range out.Buckets {
		sum += b.Total
	}
	// Rules r00..r05 (at 0..25 min from 18:30) fall in 18:00; the one
	// listing finding in the last bucket.
	if sum != total || out.Buckets[0].Total != 25+24+23+22+21+20 || out.Buckets[3].ByKind["listing"] != 1 {
		t.Errorf("bucket totals %d, %+v", sum, out.Buckets)
	}
	if len(out.ByRule) != statsTopRules || out.ByRule[0] != (ruleCount{"r00", 25}) || out.ByRule[19] != (ruleCount{"r19", 6}) {
		t.Errorf("by rule %+v", out.ByRule)
	}
	// room00 holds r00, r12 and r24 (25 + 13 + 1), room01 r01 and r13
	// (24 + 12), ...
	if len(out.TopRooms) != statsTopRooms || out.TopRooms[0] != (roomCount{"pa", "room00", 39}) || out.TopRooms[1] != (roomCount{"pa", "room01", 36}) {
		t.Errorf("top rooms %+v", out.TopRooms)
	}

	// Days are Beijing days.
	days := newStatsTally(time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), "day")
	late := statsFinding("x", "pa", "r1", time.Date(2026, 3, 1, 16, 30, 0, 0, time.UTC), qinglang.SeverityLow, `{}`)  // 00:30 on the 2nd
	early := statsFinding("x", "pa", "r1", time.Date(2026, 3, 1, 17, 30, 0, 0, time.UTC), qinglang.SeverityLow, `{}`) // 01:30 on the 2nd
	days.add(&late)                                                                                                   // before the period
	days.add(&early)
	d := days.result()
	if len(d.Buckets) != 2 || d.Buckets[0].Start.Format(time.RFC3339) != "2026-03-02T00:00:00+08:00" ||
		d.Buckets[0].Total != 1 || d.Total != 1 || len(d.ByRule) != 1 || len(d.TopRooms) != 1 {
		t.Errorf("days %+v", d)
	}
	if n := statsBucketCount(since, since.Add(2000*time.Hour), time.Hour); n != 2001 {
		t.Errorf("bucket count %d, want 2001 (the first bucket starts before since)", n)
	}
}

func TestGetFindingStats(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var filters []qinglang.FindingFilter
	var campaignFilter qinglang.CampaignFilter
	var caseFilters []enforce.CaseFilter
	s := newServer(nil)
	s.now = func() time.Time { return now }
	s.Store = &fakeStore{
		FindingsFn: func(_ context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
			filters = append(filters, f)
			if f.Cursor == "" {
				return qinglang.FindingPage{Findings: []qinglang.Finding{
					statsFinding("a", "pa", "r1", now.Add(-time.Hour), qinglang.SeverityHigh, `{"category":"cosmetics"}`),
				}, Next: "p2"}, nil
			}
			return qinglang.FindingPage{Findings: []qinglang.Finding{
				statsFinding("b", "pa", "r2", now.Add(-2*time.Hour), qinglang.SeverityLow, `{}`),
			}}, nil
		},
		CampaignsFn: func(_ context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
			campaignFilter = f
			c1, c2 := testCampaign(t), testCampaign(t)
			c1.LastSeen, c2.LastSeen = now.Add(-time.Hour), now.Add(time.Hour) // c2 after the period
			return qinglang.CampaignPage{Campaigns: []qinglang.CampaignRecord{c1, c2}}, nil
		},
	}
	s.Enforcement = &fakeEnforcement{CasesFn: func(_ context.Context, _ qinglang.Principal, f enforce.CaseFilter) (enforce.CasePage, error) {
		caseFilters = append(caseFilters, f)
		c := testCase()
		c.State = f.State
		switch f.State {
		case qinglang.CaseOpen, qinglang.CaseInReview:
			return enforce.CasePage{Cases: []qinglang.Case{c, c}}, nil
		case qinglang.CaseClosed:
			in, before, old := c, c, c
			in.ClosedAt, in.UpdatedAt = now.Add(-time.Hour), now.Add(-time.Hour)
			before.ClosedAt, before.UpdatedAt = now.Add(-48*time.Hour), now.Add(-time.Minute) // closed before, changed since
			old.ClosedAt, old.UpdatedAt = now.Add(-72*time.Hour), now.Add(-72*time.Hour)
			return enforce.CasePage{Cases: []qinglang.Case{in, before, old}, Next: "never read"}, nil
		}
		return enforce.CasePage{}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/stats/findings?platform=pa", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if len(filters) != 2 || filters[0].Platform != "pa" || !filters[0].Since.Equal(now.Add(-24*time.Hour)) ||
		!filters[0].Until.Equal(now) || filters[0].Limit != statsPage || filters[1].Cursor != "p2" {
		t.Errorf("finding filters %+v", filters)
	}
	if campaignFilter.Platform != "pa" || !campaignFilter.Since.Equal(now.Add(-24*time.Hour)) || !campaignFilter.OmitBody {
		t.Errorf("campaign filter %+v", campaignFilter)
	}
	if len(caseFilters) != len(qinglang.CaseStates) || caseFilters[0].Platform != "pa" {
		t.Errorf("case filters %+v", caseFilters)
	}
	var out findingStats
	decode(t, rec.Body.Bytes(), &out)
	if out.Total != 2 || out.Bucket != "hour" || len(out.Buckets) != 24 || out.ByCategory["cosmetics"] != 1 ||
		out.ByCategory["unknown"] != 1 || out.Campaigns == nil || *out.Campaigns != 1 || out.Truncated || out.Lag != nil {
		t.Errorf("stats %s", rec.Body)
	}
	if out.Cases == nil || out.Cases.ByState["open"] != 2 || out.Cases.ByState["in_review"] != 2 || out.Cases.ByState["closed"] != 1 ||
		len(out.Cases.ByState) != 3 {
		t.Errorf("cases %+v", out.Cases)
	}

	// By day over a given period, with the lag of what was processed; an
	// operator counts its room's findings, not campaigns.
	filters = nil
	s.Enforcement = nil
	s.Metrics = metrics.New()
	s.Metrics.ProcessingLag.Observe(0.02)
	s.Metrics.ProcessingLag.Observe(0.5)
	rec = serveAs(t, s, operatorA, http.MethodGet, "/v1/stats/findings?bucket=day&since=2026-02-27T00:00:00%2B08:00&until=2026-03-01T00:00:00%2B08:00", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var op findingStats
	decode(t, rec.Body.Bytes(), &op)
	if len(op.Buckets) != 2 || op.Campaigns != nil || op.Cases != nil || op.Lag == nil || op.Lag.Batches != 2 ||
		op.Lag.MeanSeconds != 0.26 || op.Lag.P95Seconds != 0.512 {
		t.Errorf("operator's stats %s", rec.Body)
	}
	if len(filters) == 0 || filters[0].Platform != "pa" || filters[0].Room != "r1" {
		t.Errorf("operator's filters %+v", filters)
	}

	// Another platform's counts are empty, without asking the store.
	filters = nil
	rec = serveAs(t, s, platformB, http.MethodGet, "/v1/stats/findings?platform=pa", nil)
	var none findingStats
	decode(t, rec.Body.Bytes(), &none)
	if rec.Code != http.StatusOK || none.Total != 0 || len(none.Buckets) != 24 || filters != nil || none.Campaigns != nil {
		t.Errorf("pb asking for pa: %d %s, store %v", rec.Code, rec.Body, filters)
	}
}

func TestGetFindingStatsTruncated(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	page := make([]qinglang.Finding, statsPage)
	for i := range page {
		page[i] = statsFinding("a", "pa", "r1", now.Add(-time.Minute), qinglang.SeverityLow, `{}`)
	}
	reads := 0
	s := newServer(nil)
	s.now = func() time.Time { return now }
	s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		reads++
		return qinglang.FindingPage{Findings: page, Next: "more"}, nil // without end
	}, CampaignsFn: func(context.Context, qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
		return qinglang.CampaignPage{}, nil
	}}
	rec := serveAs(t, s, reviewerA, http.MethodGet, "/v1/stats/findings", nil)
	var out findingStats
	decode(t, rec.Body.Bytes(), &out)
	if rec.Code != http.StatusOK || !out.Truncated || out.Total != maxStatsRead || reads != maxStatsRead/statsPage+1 {
		t.Errorf("%d: total %d truncated %v after %d reads", rec.Code, out.Total, out.Truncated, reads)
	}
}

func TestGetFindingStatsBadParameters(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{}
	for _, c := range []struct{ query, param string }{
		{"bucket=week", "bucket"},
		{"since=2026-03-01", "since"},
		{"since=2026-03-01T00:00:00Z&until=2026-03-01T00:00:00Z", "until"},
		{"since=2030-01-01T00:00:00Z", "until"}, // after now
		{"since=2020-01-01T00:00:00Z&until=2021-01-01T00:00:00Z", "bucket"},
		{"since=2010-01-01T00:00:00Z&until=2021-01-01T00:00:00Z&bucket=day", "bucket"},
		{"limit=5", ""}, // unknown parameters are ignored, as elsewhere
	} {
		rec := serve(t, s, http.MethodGet, "/v1/stats/findings?"+c.query, nil)
		if c.param == "" {
			if rec.Code == http.StatusBadRequest {
				t.Errorf("%s: %s", c.query, rec.Body)
			}
			continue
		}
		e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, c.param+"=") {
			t.Errorf("%s: %q does not name %s", c.query, e.Error.MessageEN, c.param)
		}
	}
	twoRooms := operatorA
	twoRooms.Rooms = []string{"r1", "r2"}
	e := wantError(t, serveAs(t, s, twoRooms, http.MethodGet, "/v1/stats/findings", nil), http.StatusBadRequest, qinglang.EINVALID)
	if !strings.Contains(e.Error.MessageEN, "r1, r2") {
		t.Errorf("%+v", e.Error)
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/v1/stats/findings", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}
