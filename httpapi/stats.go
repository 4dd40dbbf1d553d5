package httpapi

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/enforce"
)

// Bounds of GET /v1/stats/findings.
const (
	// statsWindow is the period counted when since is not given.
	statsWindow = 24 * time.Hour
	// maxStatsRead is how many findings (and, apart, how many campaigns
	// and cases) one answer reads at most; past it the counts are of the
	// first ones read and the answer says truncated.
	maxStatsRead = 100_000
	// maxStatsBuckets bounds the buckets of one answer.
	maxStatsBuckets = 2000
	// statsTopRules and statsTopRooms are how many rules and rooms the
	// answer ranks.
	statsTopRules = 20
	statsTopRooms = 10
	// statsPage is the page size the counts are read with.
	statsPage = 1000
)

// unknownCategory counts the findings whose evidence names no category.
const unknownCategory = "unknown"

// statsZone is the zone day buckets follow: China Standard Time, where the
// broadcasts take place (hour buckets are the same in UTC).
var statsZone = time.FixedZone("CST", 8*3600)

// statsBuckets are the bucket sizes of the query parameter bucket.
var statsBuckets = map[string]time.Duration{"hour": time.Hour, "day": 24 * time.Hour}

// findingStats answers GET /v1/stats/findings: counts of the findings
// with ts in [Since, Until).
type findingStats struct {
	Since  time.Time `json:"since"`
	Until  time.Time `json:"until"`
	Bucket string    `json:"bucket"`
	Total  int64     `json:"total"`
	// Buckets cover [Since, Until) without gaps, the first starting at
	// Since rounded down to its hour or (Beijing time) day.
	Buckets    []statsBucket    `json:"buckets"`
	ByRule     []ruleCount      `json:"by_rule"`
	ByKind     map[string]int64 `json:"by_kind"`
	BySeverity map[string]int64 `json:"by_severity"`
	// ByCategory counts by the "category" of a finding's evidence (a
	// finding has no category of its own), "unknown" when it names none.
	ByCategory map[string]int64 `json:"by_category"`
	ByPlatform map[string]int64 `json:"by_platform"`
	TopRooms   []roomCount      `json:"top_rooms"`
	// Campaigns is the number of campaigns last seen in the period;
	// absent for a role that may not read campaigns.
	Campaigns *int64 `json:"campaigns,omitempty"`
	// Cases counts the cases the principal sees; absent without an
	// enforcement service.
	Cases *caseCounts `json:"cases,omitempty"`
	// Lag is the processing lag since the server started; absent when
	// nothing was processed.
	Lag *lagStats `json:"lag,omitempty"`
	// Truncated says that more than maxStatsRead findings, campaigns or
	// cases matched: the counts are of the first read.
	Truncated bool `json:"truncated"`
}

// statsBucket counts the findings of one hour or day.
type statsBucket struct {
	Start      time.Time        `json:"start"`
	Total      int64            `json:"total"`
	ByKind     map[string]int64 `json:"by_kind"`
	BySeverity map[string]int64 `json:"by_severity"`
}

// ruleCount is the number of findings of one rule.
type ruleCount struct {
	Rule  string `json:"rule"`
	Count int64  `json:"count"`
}

// roomCount is the number of findings of one broadcast.
type roomCount struct {
	Platform string `json:"platform"`
	Room     string `json:"room"`
	Count    int64  `json:"count"`
}

// caseCounts counts cases by state: every case not closed (the work at
// hand, whenever opened) and the cases closed in the period.
type caseCounts struct {
	ByState map[string]int64 `json:"by_state"`
}

// lagStats summarises the processing lag histogram (metrics): how many
// batches were processed since the server started, their mean lag, and
// the upper bound of the histogram bucket that holds the 95th percentile.
type lagStats struct {
	Batches     uint64  `json:"batches"`
	MeanSeconds float64 `json:"mean_seconds"`
	P95Seconds  float64 `json:"p95_seconds"`
}

// statsTally counts findings into a findingStats: newStatsTally, add each
// finding, then result. It is pure (no I/O, no clock).
type statsTally struct {
	out   findingStats
	size  time.Duration
	rules map[string]int64
	rooms map[qinglang.RoomKey]int64
}

// newStatsTally starts counting the findings of [since, until) into
// buckets of bucket ("hour" or "day"), which must be fewer than
// maxStatsBuckets (statsBucketCount).
func newStatsTally(since, until time.Time, bucket string) *statsTally {
	t := &statsTally{size: statsBuckets[bucket], rules: map[string]int64{}, rooms: map[qinglang.RoomKey]int64{},
		out: findingStats{Since: since, Until: until, Bucket: bucket, Buckets: []statsBucket{}, ByRule: []ruleCount{},
			ByKind: map[string]int64{}, BySeverity: map[string]int64{}, ByCategory: map[string]int64{},
			ByPlatform: map[string]int64{}, TopRooms: []roomCount{}}}
	for start := bucketStart(since, t.size); start.Before(until); start = start.Add(t.size) {
		t.out.Buckets = append(t.out.Buckets, statsBucket{Start: start, ByKind: map[string]int64{}, BySeverity: map[string]int64{}})
	}
	return t
}

// bucketStart rounds t down to the start of its bucket of size (an hour,
// or a day in statsZone), in statsZone.
func bucketStart(t time.Time, size time.Duration) time.Time {
	t = t.In(statsZone)
	if size == time.Hour {
		return t.Truncate(time.Hour)
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, statsZone)
}

// statsBucketCount is how many buckets of size [since, until) takes.
func statsBucketCount(since, until time.Time, size time.Duration) int64 {
	first := bucketStart(since, size)
	return int64((until.Sub(first) + size - 1) / size)
}

// add counts finding f; one outside the period is left out.
func (t *statsTally) add(f *qinglang.Finding) {
	if f.TS.Before(t.out.Since) || !f.TS.Before(t.out.Until) || len(t.out.Buckets) == 0 {
		return
	}
	kind, sev := string(f.Kind), string(f.Severity)
	t.out.Total++
	t.out.ByKind[kind]++
	t.out.BySeverity[sev]++
	t.out.ByCategory[categoryOf(f.Evidence)]++
	t.out.ByPlatform[f.Platform]++
	t.rules[f.Rule]++
	if f.Room != "" {
		t.rooms[qinglang.RoomKey{Platform: f.Platform, Room: f.Room}]++
	}
	// statsZone has no daylight saving time: every day is 24 hours.
	i := int(bucketStart(f.TS, t.size).Sub(t.out.Buckets[0].Start) / t.size)
	if i >= 0 && i < len(t.out.Buckets) {
		b := &t.out.Buckets[i]
		b.Total++
		b.ByKind[kind]++
		b.BySeverity[sev]++
	}
}

// result returns the counts, the rules and rooms ranked by count (then by
// name) and cut to their tops.
func (t *statsTally) result() findingStats {
	out := t.out
	for rule, n := range t.rules {
		out.ByRule = append(out.ByRule, ruleCount{Rule: rule, Count: n})
	}
	slices.SortFunc(out.ByRule, func(a, b ruleCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule))
	})
	out.ByRule = out.ByRule[:min(len(out.ByRule), statsTopRules)]
	for key, n := range t.rooms {
		out.TopRooms = append(out.TopRooms, roomCount{Platform: key.Platform, Room: key.Room, Count: n})
	}
	slices.SortFunc(out.TopRooms, func(a, b roomCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Room, b.Room))
	})
	out.TopRooms = out.TopRooms[:min(len(out.TopRooms), statsTopRooms)]
	return out
}

// categoryOf reads the "category" of a finding's evidence, "unknown"
// when it has none.
func categoryOf(evidence json.RawMessage) string {
	var ev struct {
		Category string `json:"category"`
	}
	if len(evidence) == 0 || json.Unmarshal(evidence, &ev) != nil || ev.Category == "" {
		return unknownCategory
	}
	return ev.Category
}

// getFindingStats answers counts of the findings of a period (by default
// the last 24 hours) for a dashboard: by hour or day, rule, kind,
// severity, category, platform and room, with the campaigns last seen in
// it, the cases by state and the processing lag. It reads the findings
// through the store's pages, scoped like GET /v1/findings (a platform or
// reviewer token its own platform's, an operator token one of its rooms;
// a regulator: 403), at most maxStatsRead of them.
func (s *Server) getFindingStats(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := qinglang.FindingFilter{
		Platform: q.id("platform"),
		Room:     q.id("room"),
		Since:    q.time("since"),
		Until:    q.time("until"),
		Limit:    statsPage,
	}
	bucket := q.choice("bucket", "hour", "hour", "day")
	if q.err == nil {
		switch {
		case f.Until.IsZero() && f.Since.IsZero():
			f.Until = s.clock()
			f.Since = f.Until.Add(-statsWindow)
		case f.Until.IsZero():
			f.Until = s.clock()
		case f.Since.IsZero():
			f.Since = f.Until.Add(-statsWindow)
		}
		if !f.Until.After(f.Since) {
			q.fail("until", f.Until.Format(time.RFC3339), "必须晚于 since（未给出 until 时为当前时间）",
				"must be later than since (now when until is not given)")
		} else if n := statsBucketCount(f.Since, f.Until, statsBuckets[bucket]); n > maxStatsBuckets {
			q.fail("bucket", bucket, fmt.Sprintf("时段分成 %d 个区间，最多 %d 个：请缩短时段或按天统计", n, maxStatsBuckets),
				fmt.Sprintf("the period makes %d buckets, at most %d: shorten it or count by day", n, maxStatsBuckets))
		}
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	p := principalOf(r)
	none, ok := s.findingScope(w, r, &f.Platform, &f.Room)
	if !ok {
		return
	}
	tally := newStatsTally(f.Since, f.Until, bucket)
	var truncated bool
	var err error
	if !none {
		if truncated, err = s.tallyFindings(r.Context(), p, f, tally); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	out := tally.result()
	out.Truncated = truncated
	if !none && authz.Can(p, authz.CampaignsRead) {
		n, more, err := s.countCampaigns(r.Context(), f)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		out.Campaigns, out.Truncated = &n, out.Truncated || more
	}
	if !none && s.Enforcement != nil {
		cs, more, err := s.countCases(r.Context(), p, f)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		out.Cases, out.Truncated = cs, out.Truncated || more
	}
	out.Lag = s.processingLag()
	s.writeJSON(w, r, http.StatusOK, out)
}

// tallyFindings counts the findings of f that p may see into t, page by
// page; truncated reports that more than maxStatsRead matched.
func (s *Server) tallyFindings(ctx context.Context, p qinglang.Principal, f qinglang.FindingFilter, t *statsTally) (truncated bool, err error) {
	read := 0
	for {
		page, err := s.Store.Findings(ctx, f)
		if err != nil {
			return false, err
		}
		for i := range page.Findings {
			if read == maxStatsRead {
				return true, nil
			}
			read++
			if p.Role == qinglang.RoleAdmin || visibleFinding(p, &page.Findings[i]) {
				t.add(&page.Findings[i])
			}
		}
		if page.Next == "" {
			return false, nil
		}
		f.Cursor = page.Next
	}
}

// countCampaigns counts the campaigns last seen in [f.Since, f.Until) of
// f's platform and room; more reports that more than maxStatsRead matched.
func (s *Server) countCampaigns(ctx context.Context, f qinglang.FindingFilter) (n int64, more bool, err error) {
	cf := qinglang.CampaignFilter{Platform: f.Platform, Room: f.Room, Since: f.Since, Limit: statsPage, OmitBody: true}
	read := 0
	for {
		page, err := s.Store.Campaigns(ctx, cf)
		if err != nil {
			return 0, false, err
		}
		for _, c := range page.Campaigns {
			if read == maxStatsRead {
				return n, true, nil
			}
			read++
			if c.LastSeen.Before(f.Until) {
				n++
			}
		}
		if page.Next == "" {
			return n, false, nil
		}
		cf.Cursor = page.Next
	}
}

// countCases counts the cases p sees on f's platform by state: every case
// not closed, and those closed in [f.Since, f.Until). more reports that
// more than maxStatsRead were read.
func (s *Server) countCases(ctx context.Context, p qinglang.Principal, f qinglang.FindingFilter) (*caseCounts, bool, error) {
	out := &caseCounts{ByState: map[string]int64{}}
	read := 0
	for _, st := range qinglang.CaseStates {
		cf := enforce.CaseFilter{State: st, Platform: f.Platform, Limit: statsPage}
	pages:
		for {
			page, err := s.Enforcement.Cases(ctx, p, cf)
			if err != nil {
				return nil, false, err
			}
			for _, c := range page.Cases {
				if read == maxStatsRead {
					return out, true, nil
				}
				read++
				if f.Room != "" && !slices.Contains(c.Rooms, f.Room) {
					continue
				}
				if st == qinglang.CaseClosed {
					if c.UpdatedAt.Before(f.Since) {
						break pages // the most recently changed come first: the rest closed before
					}
					if c.ClosedAt.Before(f.Since) || !c.ClosedAt.Before(f.Until) {
						continue
					}
				}
				out.ByState[string(st)]++
			}
			if page.Next == "" {
				break
			}
			cf.Cursor = page.Next
		}
	}
	return out, false, nil
}

// processingLag summarises the processing lag histogram of s.Metrics, or
// returns nil when nothing was processed.
func (s *Server) processingLag() *lagStats {
	if s.Metrics == nil {
		return nil
	}
	families, err := s.Metrics.Registry.Gather()
	if err != nil {
		return nil
	}
	for _, fam := range families {
		if fam.GetName() != "qinglang_processing_lag_seconds" || len(fam.GetMetric()) == 0 {
			continue
		}
		h := fam.GetMetric()[0].GetHistogram()
		count := h.GetSampleCount()
		if count == 0 {
			return nil
		}
		out := &lagStats{Batches: count, MeanSeconds: h.GetSampleSum() / float64(count)}
		want := uint64(math.Ceil(0.95 * float64(count)))
		for _, b := range h.GetBucket() {
			out.P95Seconds = b.GetUpperBound()
			if b.GetCumulativeCount() >= want {
				break
			}
		}
		if math.IsInf(out.P95Seconds, 0) {
			out.P95Seconds = 0
		}
		return out
	}
	return nil
}
