package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpotcheckPlan(t *testing.T) {
	args := []string{"spotcheck", "plan", "--candidates", "testdata/spotcheck/candidates.csv", "--n", "2", "--seed", "7", "--format", "json"}
	r := runCLI(t, nil, args...)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"candidates.csv:5: category:", "candidates.csv:6: findings:", "candidates.csv:7: product:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	var got struct {
		Candidates int `json:"candidates"`
		Picks      []struct {
			Rank      int    `json:"rank"`
			Explain   string `json:"explain"`
			ExplainEN string `json:"explain_en"`
		} `json:"picks"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Candidates != 3 || len(got.Picks) != 2 || got.Picks[0].Explain == "" || got.Picks[0].ExplainEN == "" {
		t.Errorf("plan: %+v", got)
	}
	if again := runCLI(t, nil, args...); again.stdout != r.stdout {
		t.Errorf("the same seed gave another plan")
	}
	r = runCLI(t, nil, "spotcheck", "plan", "--candidates", "testdata/spotcheck/candidates_bad.csv", "--n", "1")
	if r.code != exitBadInput || !strings.Contains(r.stderr, "candidates_bad.csv:2: product:") {
		t.Errorf("no good row: exit %d\n%s", r.code, r.stderr)
	}
}

func TestSpotcheckRecord(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, nil, "spotcheck", "record", "--results", "testdata/spotcheck/results.csv",
		"--listings", "testdata/spotcheck/listings.csv", "-o", dir)
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"发现 findings: 2", "下架通知", "Delisting notice", "公示记录 public record", "failed 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, " e3:") {
		t.Errorf("listing e3 of another batch was affected")
	}
	for _, name := range []string{"result-01-notice-p1.txt", "result-01-notice-p2.json", "result-01-record.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	rec, _ := os.ReadFile(filepath.Join(dir, "result-01-record.json"))
	if strings.Contains(string(rec), "e1") || strings.Contains(string(rec), "r1") {
		t.Errorf("the public record holds event ids or rooms:\n%s", rec)
	}
	r = runCLI(t, nil, "spotcheck", "record", "--results", "testdata/spotcheck/results.csv",
		"--listings", "testdata/spotcheck/listings.csv", "--format", "json")
	var got struct {
		Results int `json:"results"`
		Failed  []struct {
			Outcome struct {
				Notices []json.RawMessage `json:"notices"`
			} `json:"outcome"`
		} `json:"failed"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got.Results != 2 || len(got.Failed) != 1 || len(got.Failed[0].Outcome.Notices) != 2 {
		t.Errorf("json: %v %+v", err, got)
	}
	bad := filepath.Join(dir, "listings_bad.csv")
	os.WriteFile(bad, []byte("platform,product,merchant,event_id\np1,shirt-1,,e9\n"), 0o644)
	r = runCLI(t, nil, "spotcheck", "record", "--results", "testdata/spotcheck/results.csv", "--listings", bad)
	if r.code != exitBadInput || !strings.Contains(r.stderr, "listings_bad.csv:2: merchant:") {
		t.Errorf("bad listing: exit %d\n%s", r.code, r.stderr)
	}
}
