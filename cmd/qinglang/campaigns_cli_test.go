package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// crewAccounts are the accounts of the crew in testdata/crew.jsonl: three
// evenings of one merchant's rooms (r1, r2, r3), six accounts made four
// days before on one /24 sharing three devices, posting three weight-loss
// testimonial scripts (numbers varied; k01 says 瘦35斤 one evening and
// 瘦16.6斤 the next) within a minute of the host's call to action, never
// buying; beside them forty viewers chat (a few common phrases) and buy.
var crewAccounts = []string{"k01", "k02", "k03", "k04", "k05", "k06"}

// checkCrewCampaign checks a campaign finding's accounts: at least three,
// all of the crew.
func checkCrewCampaign(t *testing.T, accounts []string) {
	t.Helper()
	if len(accounts) < 3 {
		t.Errorf("campaign of %v, want at least three crew accounts", accounts)
	}
	for _, a := range accounts {
		if !slices.Contains(crewAccounts, a) {
			t.Errorf("campaign accuses %s, who is not of the crew %v", a, crewAccounts)
		}
	}
}

// TestScanFindsTheCrew: scan runs the campaign detector and prints its
// findings with the others, in every format, each campaign once.
func TestScanFindsTheCrew(t *testing.T) {
	r := runCLI(t, nil, "scan", "--format", "ndjson", "testdata/crew.jsonl")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	ids := map[string]int{}
	others := 0
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(make([]byte, 64<<10), 8<<20)
	for sc.Scan() {
		var f struct {
			ID       string   `json:"id"`
			Kind     string   `json:"kind"`
			Rule     string   `json:"rule"`
			Accounts []string `json:"accounts"`
			Evidence struct {
				ID      string            `json:"id"`
				Members []json.RawMessage `json:"members"`
			} `json:"evidence"`
		}
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("ndjson line: %v\n%s", err, sc.Text())
		}
		if f.Kind != "campaign" {
			others++
			continue
		}
		ids[f.ID]++
		if f.Rule != "campaign.coordinated_comments" || f.Evidence.ID != f.ID || len(f.Evidence.Members) != len(f.Accounts) {
			t.Errorf("campaign finding %s: rule %s, evidence of %s with %d members for %d accounts", f.ID, f.Rule, f.Evidence.ID, len(f.Evidence.Members), len(f.Accounts))
		}
		checkCrewCampaign(t, f.Accounts)
	}
	if len(ids) == 0 || others == 0 {
		t.Fatalf("%d campaign findings and %d others, want both (the crew's testimonials are claims too)\n%s", len(ids), others, r.stderr)
	}
	for id, n := range ids {
		if n != 1 {
			t.Errorf("campaign %s printed %d times, want once", id, n)
		}
	}

	j := runCLI(t, nil, "scan", "--format", "json", "testdata/crew.jsonl")
	var fs []struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &fs); err != nil || j.code != exitFindings {
		t.Fatalf("json: exit %d, %v", j.code, err)
	}
	if !slices.ContainsFunc(fs, func(f struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
	}) bool {
		return f.Kind == "campaign"
	}) {
		t.Error("json output has no campaign finding")
	}
	tb := runCLI(t, nil, "scan", "testdata/crew.jsonl")
	if tb.code != exitFindings || !strings.Contains(tb.stdout, "campaign.coordinated_comments") || !strings.Contains(tb.stdout, "职业弹幕团伙") {
		t.Errorf("table: exit %d, no campaign row:\n%s", tb.code, tb.stdout)
	}
}

// TestCampaignsCommand: `qinglang campaigns` over a store holding the
// crew's events finds the crew, saves it, and keeps its id on a second
// run; a period without comments finds nothing (exit 0).
func TestCampaignsCommand(t *testing.T) {
	dir := t.TempDir()
	storeWith(t, dir, "testdata/crew.jsonl").Close()

	text := runCLI(t, nil, "campaigns", "--data-dir", dir)
	if text.code != exitFindings || !strings.Contains(text.stdout, "团伙 campaign cmp_") || !strings.Contains(text.stdout, "证据 evidence") ||
		!strings.Contains(text.stdout, "话术示例 example scripts") {
		t.Fatalf("text: exit %d\n%s\n%s", text.code, text.stdout, text.stderr)
	}
	saved := runCLI(t, nil, "campaigns", "--data-dir", dir, "--format", "ndjson", "--save", "--since", "720h")
	if saved.code != exitFindings || !strings.Contains(saved.stderr, "saved ") {
		t.Fatalf("ndjson --save: exit %d\n%s", saved.code, saved.stderr)
	}
	var first []string
	for _, line := range strings.Split(strings.TrimSpace(saved.stdout), "\n") {
		var c struct {
			ID      string `json:"id"`
			Members []struct {
				User string `json:"user"`
			} `json:"members"`
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("ndjson line: %v\n%s", err, line)
		}
		var users []string
		for _, m := range c.Members {
			users = append(users, m.User)
		}
		checkCrewCampaign(t, users)
		first = append(first, c.ID)
	}
	again := runCLI(t, nil, "campaigns", "--db", "sqlite:"+filepath.Join(dir, "qinglang.db"), "--format", "json", "--save")
	var cs []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(again.stdout), &cs); err != nil || again.code != exitFindings {
		t.Fatalf("json: exit %d, %v\n%s", again.code, err, again.stderr)
	}
	var second []string
	for _, c := range cs {
		second = append(second, c.ID)
	}
	slices.Sort(first)
	slices.Sort(second)
	if !slices.Equal(first, second) || !strings.Contains(again.stderr, "0 of them changed") {
		t.Errorf("second run: %v (%s), want the same ids %v and nothing changed", second, again.stderr, first)
	}

	none := runCLI(t, nil, "campaigns", "--data-dir", dir, "--until", "2025-06-09T00:00:00+08:00", "--since", "48h")
	if none.code != exitOK || !strings.Contains(none.stdout, "no campaigns") {
		t.Errorf("a period without comments: exit %d\n%s", none.code, none.stdout)
	}
}

func TestCampaignsUsageErrors(t *testing.T) {
	dir := t.TempDir()
	storeWith(t, dir, "testdata/crew.jsonl").Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"campaigns", "--data-dir", dir, "--format", "xml"}, "unknown format"},
		{[]string{"campaigns", "--data-dir", filepath.Join(dir, "nope")}, "no database at"},
		{[]string{"campaigns", "--data-dir", dir, "--until", "yesterday"}, "RFC 3339"},
		{[]string{"campaigns", "--data-dir", dir, "--since", "0s"}, "--since must be > 0"},
		{[]string{"campaigns", "--db", "mysql://x"}, "unsupported database URL"},
		{[]string{"campaigns", "extra"}, "unknown command"},
		{[]string{"eval", "campaigns", "--set", "nope"}, "unknown scenario set \"nope\" (one of: matrix"},
		{[]string{"eval", "campaigns", "--heldout", "--set", "matrix"}, "conflicts with --set"},
	} {
		r := runCLI(t, nil, c.args...)
		if r.code != exitBadInput || !strings.Contains(r.stderr, c.want) {
			t.Errorf("qinglang %s: exit %d, stderr %q; want 2 and %q", strings.Join(c.args, " "), r.code, r.stderr, c.want)
		}
	}
}

// TestEvalCampaigns runs the campaign evaluation's development set and
// checks the report's shape (its figures are package campaigneval's).
func TestEvalCampaigns(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and judges every scenario of the development set")
	}
	r := runCLI(t, nil, "eval", "campaigns", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, tail(r.stderr, 4000))
	}
	var rep struct {
		Contenders []string          `json:"contenders"`
		Results    []json.RawMessage `json:"results"`
		Summary    []json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, tail(r.stdout, 2000))
	}
	if !slices.Contains(rep.Contenders, "campaign") || len(rep.Results) == 0 || len(rep.Summary) == 0 {
		t.Errorf("report has contenders %v, %d results, %d summaries", rep.Contenders, len(rep.Results), len(rep.Summary))
	}
	if !strings.Contains(r.stderr, "[1/") {
		t.Errorf("no progress on stderr: %q", tail(r.stderr, 400))
	}
}

// TestServeKeepsCampaignsAcrossKill: serve finds the crew of events sent
// over HTTP; after a kill -9 and a restart the campaign is restored from
// the store with its id, the replay does not report it again, and the
// store still holds it once.
func TestServeKeepsCampaignsAcrossKill(t *testing.T) {
	dir := t.TempDir()
	p := startServe(t, dir, "--campaign-interval", "200ms")
	body, err := os.ReadFile("testdata/crew.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Post(p.url+"/v1/events", "application/x-ndjson", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /v1/events = %d", resp.StatusCode)
	}
	var before []qinglang.Finding
	deadline := time.Now().Add(settle)
	for len(before) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no campaign finding within the deadline")
		}
		time.Sleep(200 * time.Millisecond)
		before = p.findings(t, "campaign.coordinated_comments")
	}
	p.waitStable(t)
	time.Sleep(time.Second) // a few judgements more: the campaign is complete
	before = p.findings(t, "campaign.coordinated_comments")
	for _, f := range before {
		checkCrewCampaign(t, f.Accounts)
	}
	p.kill()

	q := startServe(t, dir, "--campaign-interval", "200ms")
	deadline = time.Now().Add(settle)
	for q.metric(t, "qinglang_campaigns") < float64(len(before)) {
		if time.Now().After(deadline) {
			t.Fatalf("the restarted server holds %v campaigns, want %d", q.metric(t, "qinglang_campaigns"), len(before))
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // judgements after the replay
	after := q.findings(t, "campaign.coordinated_comments")
	if len(after) != len(before) {
		t.Fatalf("campaign findings %d after the restart, want the %d from before", len(after), len(before))
	}
	byID := map[string]qinglang.Finding{}
	for _, f := range before {
		byID[f.ID] = f
	}
	for _, f := range after {
		b, ok := byID[f.ID]
		if !ok || !f.DetectedAt.Equal(b.DetectedAt) {
			t.Errorf("after the restart %s (detected %v) was reported again or is new; before: %+v", f.ID, f.DetectedAt, b)
		}
	}
	var list struct {
		Campaigns []struct{ ID string } `json:"campaigns"`
	}
	q.getJSON(t, "/v1/campaigns?account=k02", &list)
	if len(list.Campaigns) == 0 || byID[list.Campaigns[0].ID].ID == "" {
		t.Errorf("GET /v1/campaigns?account=k02 = %+v, want the campaign found before", list)
	}
}
