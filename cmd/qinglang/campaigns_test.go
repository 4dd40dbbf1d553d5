package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/campaign"
	"github.com/qinglang/qinglang/contract"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/sqlite"
)

// sameScript is a fake qinglang.CampaignDetector: three or more accounts
// posting one script — a text with a number, the numbers masked — are a
// campaign (its bodies are real campaign.Campaign JSON, through changeOf).
// It records what it was restored with and the event times it was judged
// at.
type sameScript struct {
	users    map[string][]string
	last     map[string]time.Time
	reported map[string]int
	restored []string
	judged   []time.Time
	latest   time.Time
}

func newSameScript() *sameScript {
	return &sameScript{users: map[string][]string{}, last: map[string]time.Time{}, reported: map[string]int{}}
}

func (d *sameScript) Observe(ev *qinglang.Event) {
	if ev.TS.After(d.latest) {
		d.latest = ev.TS
	}
	if ev.Type != qinglang.Comment {
		return
	}
	script := maskDigits(ev.Text)
	if script == ev.Text { // no number: not a testimonial
		return
	}
	if !slices.Contains(d.users[script], ev.User) {
		d.users[script] = append(d.users[script], ev.User)
		d.last[script] = ev.TS
	}
}

// maskDigits replaces each run of digits (and decimal points) with N.
func maskDigits(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '.' && in {
			if !in {
				b.WriteByte('N')
			}
			in = true
			continue
		}
		in = false
		b.WriteRune(r)
	}
	return b.String()
}

func (d *sameScript) campaign(text string) campaign.Campaign {
	c := campaign.Campaign{ID: fmt.Sprintf("cmp_%x", sha256.Sum256([]byte(text)))[:16], Platform: "default", Score: 0.8,
		Severity: qinglang.SeverityHigh, FirstSeen: d.last[text].Add(-time.Minute), LastSeen: d.last[text],
		Rooms: []campaign.Room{{Room: "r1", Members: len(d.users[text])}}, Evidence: campaign.Evidence{MedianAgeDays: -1},
		Scripts: []campaign.Script{{Cluster: "k", Examples: []string{text}}}}
	for _, u := range d.users[text] {
		c.Members = append(c.Members, campaign.Member{User: u})
	}
	return c
}

func (d *sameScript) Judge(time.Time) []qinglang.CampaignChange {
	d.judged = append(d.judged, d.latest)
	var out []qinglang.CampaignChange
	for text, users := range d.users {
		before, known := d.reported[text]
		if len(users) < 3 || len(users) == before {
			continue
		}
		d.reported[text] = len(users)
		ch, _ := changeOf(d.campaign(text))
		ch.New, ch.Added = !known, users[before:]
		out = append(out, ch)
	}
	return out
}

func (d *sameScript) Restore(recs []qinglang.CampaignRecord) error {
	for _, r := range recs {
		d.restored = append(d.restored, r.ID)
	}
	return nil
}

func (d *sameScript) Campaigns() []qinglang.CampaignChange {
	var out []qinglang.CampaignChange
	for text := range d.reported {
		ch, _ := changeOf(d.campaign(text))
		out = append(out, ch)
	}
	return out
}

func (d *sameScript) Count() int { return len(d.reported) }

// storeWith opens a fresh SQLite store in dir holding the events of the
// JSON Lines file name, stored in one transaction in file order.
func storeWith(t *testing.T, dir, name string) qinglang.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "qinglang.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var evs []qinglang.Event
	var origins []string
	err = contract.Decode(f, func(ev qinglang.Event, pos contract.Position) error {
		evs, origins = append(evs, ev), append(origins, fmt.Sprintf("%s:%d", name, pos.Line))
		return nil
	}, func(p contract.Problem) error { return p })
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.AddEvents(ctx, evs, origins); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRunCampaignsFindsSavesAndKeepsIDs(t *testing.T) {
	ctx := context.Background()
	store := storeWith(t, t.TempDir(), "testdata/crew.jsonl")
	o := campaignsOptions{since: 7 * 24 * time.Hour, format: "json"}
	var out, errw bytes.Buffer
	det := newSameScript()
	n, err := runCampaigns(ctx, store, det, o, time.Time{}, &out, &errw)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no campaign found in the crew fixture\n%s", errw.String())
	}
	var cs []campaign.Campaign
	if err := json.Unmarshal(out.Bytes(), &cs); err != nil || len(cs) != n {
		t.Fatalf("json output %v: %s", err, out.String())
	}
	for _, c := range cs {
		for _, m := range c.Members {
			if !strings.HasPrefix(m.User, "k") {
				t.Errorf("campaign %s accuses viewer %s; the crew is k01..k06", c.ID, m.User)
			}
		}
	}
	// Judged every 5 minutes of event time (three evenings of 16
	// minutes: at least 6 times), and once more at the end.
	if len(det.judged) < 7 {
		t.Errorf("judged %d times (at %v), want every 5 minutes of event time and at the end", len(det.judged), det.judged)
	}
	for i := 1; i < len(det.judged)-1; i++ {
		if gap := det.judged[i].Sub(det.judged[i-1]); gap < 5*time.Minute {
			t.Errorf("judged %v after the previous judgement, want at least 5 minutes of event time", gap)
		}
	}
	if !strings.Contains(errw.String(), "replayed 204 events") {
		t.Errorf("stderr %q does not report the replay", errw.String())
	}

	// --save stores them; a second run restores them, keeps their ids
	// and changes nothing.
	o.save = true
	errw.Reset()
	if _, err := runCampaigns(ctx, store, newSameScript(), o, time.Time{}, &bytes.Buffer{}, &errw); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errw.String(), fmt.Sprintf("saved %d campaigns, %d of them changed", n, n)) {
		t.Errorf("first save: %s", errw.String())
	}
	page, err := store.Campaigns(ctx, qinglang.CampaignFilter{})
	if err != nil || len(page.Campaigns) != n {
		t.Fatalf("stored campaigns %+v, %v; want %d", page.Campaigns, err, n)
	}
	f, err := store.Finding(ctx, cs[0].ID)
	if err != nil || f.Kind != qinglang.KindCampaign {
		t.Fatalf("finding of %s: %+v, %v", cs[0].ID, f, err)
	}
	again := newSameScript()
	errw.Reset()
	if _, err := runCampaigns(ctx, store, again, o, time.Time{}, &bytes.Buffer{}, &errw); err != nil {
		t.Fatal(err)
	}
	if len(again.restored) != n || !strings.Contains(errw.String(), "0 of them changed") {
		t.Errorf("second run restored %v and said %q; want the %d stored campaigns, nothing changed", again.restored, errw.String(), n)
	}
}

func TestRunCampaignsPeriodAndPlatform(t *testing.T) {
	ctx := context.Background()
	store := storeWith(t, t.TempDir(), "testdata/crew.jsonl")
	var out, errw bytes.Buffer
	// The period before the broadcasts holds no comment.
	until := time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC)
	n, err := runCampaigns(ctx, store, newSameScript(), campaignsOptions{since: 24 * time.Hour, format: "text"}, until, &out, &errw)
	if err != nil || n != 0 || !strings.Contains(out.String(), "no campaigns") || !strings.Contains(errw.String(), "replayed 0 events") {
		t.Errorf("before the broadcasts: %d, %v\n%s%s", n, err, out.String(), errw.String())
	}
	out.Reset()
	n, err = runCampaigns(ctx, store, newSameScript(), campaignsOptions{since: 7 * 24 * time.Hour, format: "text", platform: "elsewhere"}, time.Time{}, &out, &errw)
	if err != nil || n != 0 {
		t.Errorf("another platform: %d, %v\n%s", n, err, out.String())
	}
	empty := t.TempDir()
	s, err := sqlite.Open(ctx, filepath.Join(empty, "qinglang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out.Reset()
	n, err = runCampaigns(ctx, s, newSameScript(), campaignsOptions{since: time.Hour, format: "ndjson"}, time.Time{}, &out, &errw)
	if err != nil || n != 0 || out.Len() != 0 {
		t.Errorf("an empty store: %d, %v, %q", n, err, out.String())
	}
}

func TestCampaignsTextSummary(t *testing.T) {
	c := campaign.Campaign{ID: "cmp_1", Platform: "douyin", Score: 0.91, Severity: qinglang.SeverityCritical,
		Members: []campaign.Member{{User: "k01", Contradictions: [][2]string{{"瘦了35斤", "瘦了16.6斤"}}}, {User: "k02"}},
		Rooms:   []campaign.Room{{Room: "r1", Members: 2, Comments: 8, Share: 0.25}},
		Scripts: []campaign.Script{{Examples: []string{"吃了两周瘦了5斤"}, Members: 2, Comments: 8, Rooms: 1}},
		Evidence: campaign.Evidence{Comments: 8, SharedIP: 2, NewAccounts: 2, MedianAgeDays: 4, TestimonialsNoBuy: 2,
			Contradicting: 1, Synchrony: 0.8, AfterCallShare: 0.5, RoomShare: 0.25},
		Related: []campaign.Related{{ID: "cmp_2", Platform: "kuaishou", Devices: []string{"dv9"}, Networks: []string{"61.3.4.0/24"}}}}
	ch, err := changeOf(c)
	if err != nil {
		t.Fatal(err)
	}
	ch.New = true
	var b bytes.Buffer
	if err := writeCampaigns(&b, "text", []qinglang.CampaignChange{ch}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cmp_1", "critical", "0.91", "members (2): k01, k02", "r1", "占 share 25%",
		"共用网段 sharing a network 2", "未购买却发效果证言 testimonials without a purchase 2", "「吃了两周瘦了5斤」",
		"自相矛盾 contradiction: k01 「瘦了35斤」 vs 「瘦了16.6斤」", "【新 new】",
		"关联团伙 related campaigns (1): cmp_2（kuaishou；共用设备 devices 1，网段 networks 1：61.3.4.0/24, dv9）"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
	if got := listSome([]string{"a", "b", "c"}, 2); got != "a, b … 等另外 1 个 / and 1 more" {
		t.Errorf("listSome = %q", got)
	}
}

// TestKeepFlags: a campaign new in the run stays new when reported again
// (grown, or only related to another), and the accounts added add up.
func TestKeepFlags(t *testing.T) {
	first := qinglang.CampaignChange{New: true, Added: []string{"k02", "k01"}}
	grew := keepFlags(first, qinglang.CampaignChange{Added: []string{"k03", "k01"}})
	if !grew.New || !slices.Equal(grew.Added, []string{"k01", "k02", "k03"}) {
		t.Errorf("after growing: %v %v", grew.New, grew.Added)
	}
	related := keepFlags(grew, qinglang.CampaignChange{})
	if !related.New || !slices.Equal(related.Added, grew.Added) {
		t.Errorf("after a relation: %v %v", related.New, related.Added)
	}
	if old := keepFlags(qinglang.CampaignChange{}, qinglang.CampaignChange{Added: []string{"k09"}}); old.New || !slices.Equal(old.Added, []string{"k09"}) {
		t.Errorf("a campaign from before the run: %v %v", old.New, old.Added)
	}
}

// TestCampaignBodyMatchesTheAPIDocument: what the adapter stores as a
// campaign's body (and GET /v1/campaigns/{id} serves) validates against
// the OpenAPI document's Campaign schema, even for a campaign whose lists
// the detector left nil.
func TestCampaignBodyMatchesTheAPIDocument(t *testing.T) {
	c := campaign.Campaign{ID: "cmp_1", Platform: "default", Severity: qinglang.SeverityHigh,
		Members: []campaign.Member{{User: "k01"}}, Scripts: []campaign.Script{{Cluster: "k"}},
		Related: []campaign.Related{{ID: "cmp_2", Platform: "kuaishou", Networks: []string{"61.3.4.0/24"}}}}
	ch, err := changeOf(c)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Record.ID != "cmp_1" || !slices.Equal(ch.Record.Members, []string{"k01"}) || ch.Record.Rooms == nil ||
		ch.Finding.ID != "cmp_1" || ch.Finding.Kind != qinglang.KindCampaign {
		t.Fatalf("change = %+v", ch)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(httpapi.OpenAPI()))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	if err := comp.AddResource("https://qinglang.invalid/openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile("https://qinglang.invalid/openapi.json#/components/schemas/Campaign")
	if err != nil {
		t.Fatal(err)
	}
	body, err := jsonschema.UnmarshalJSON(bytes.NewReader(ch.Record.Body))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(body); err != nil {
		t.Errorf("the stored body does not match the Campaign schema: %v\n%s", err, ch.Record.Body)
	}
}

// TestCampaignDetectorRestoreKeepsIDs: records the adapter made restore
// into package campaign's detector; an unreadable one is named.
func TestCampaignDetectorRestoreKeepsIDs(t *testing.T) {
	ch, err := changeOf(campaign.Campaign{ID: "cmp_9", Platform: "default", Severity: qinglang.SeverityMedium,
		Members: []campaign.Member{{User: "k01"}, {User: "k02"}, {User: "k03"}}})
	if err != nil {
		t.Fatal(err)
	}
	d := newCampaignDetector(0, nil)
	err = d.Restore([]qinglang.CampaignRecord{ch.Record, {ID: "cmp_bad", Body: json.RawMessage(`[1]`)}})
	if err == nil || !strings.Contains(err.Error(), "cmp_bad") {
		t.Errorf("Restore with an unreadable body: %v, want an error naming cmp_bad", err)
	}
	got := d.Campaigns()
	if len(got) != 1 || got[0].Record.ID != "cmp_9" || d.Count() != 1 {
		t.Errorf("Campaigns after Restore = %+v, want cmp_9", got)
	}
}
