package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testSalt = "cli-test-salt-0123456789"

func TestRegistryCheck(t *testing.T) {
	r := runCLI(t, nil, "registry", "check", "testdata/registry_full", "--on", "2026-07-01", "--registry-salt", testSalt)
	if r.code != exitOK || !strings.Contains(r.stdout, "errors 0") || !strings.Contains(r.stdout, "merchants 2") {
		t.Fatalf("good registry: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, nil, "registry", "check", "testdata/registry_bad", "--registry-salt", testSalt)
	if r.code != exitBadInput || !strings.Contains(r.stdout, "merchants.csv:2: uscc:") || !strings.Contains(r.stdout, "errors 1") {
		t.Fatalf("bad registry: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r = runCLI(t, nil, "registry", "check", "testdata/registry_full", "--on", "July"); r.code != exitBadInput {
		t.Errorf("bad --on: exit %d", r.code)
	}
}

func TestRegistryExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, nil, "registry", "export", "testdata/registry_full", "--format", "csv", "-o", filepath.Join(dir, "csv"), "--registry-salt", testSalt)
	if r.code != exitOK {
		t.Fatalf("csv: exit %d\n%s", r.code, r.stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "csv", "licences.csv")); err != nil || !strings.Contains(string(b), "JY14401010000001") {
		t.Fatalf("licences.csv: %v %q", err, b)
	}
	out := filepath.Join(dir, "r.json")
	r = runCLI(t, nil, "registry", "export", filepath.Join(dir, "csv"), "--format", "json", "-o", out, "--registry-salt", testSalt)
	if r.code != exitOK {
		t.Fatalf("json: exit %d\n%s", r.code, r.stderr)
	}
	r = runCLI(t, nil, "registry", "check", out, "--registry-salt", testSalt)
	if r.code != exitOK || !strings.Contains(r.stdout, "merchants 2") {
		t.Fatalf("re-import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r = runCLI(t, nil, "registry", "export", "testdata/registry_full", "--format", "csv"); r.code != exitBadInput {
		t.Errorf("csv without -o: exit %d", r.code)
	}
}

func TestRegistryDue(t *testing.T) {
	r := runCLI(t, nil, "registry", "due", "testdata/registry_full", "--on", "2026-07-01", "--format", "json", "--registry-salt", testSalt)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var got struct {
		Items []dueRow `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, it := range got.Items {
		status[it.ID] = it.Status
	}
	if status["m-new"] != "never" || status["m-food"] != "overdue" || status["p1"] != "" {
		t.Errorf("due: %v", status)
	}
	// A longer period: m-food is not yet overdue, p1 still fine.
	r = runCLI(t, nil, "registry", "due", "testdata/registry_full", "--on", "2026-07-01", "--every", "365d", "--overdue", "--format", "csv", "--registry-salt", testSalt)
	if r.code != exitOK || strings.Contains(r.stdout, "m-food") || !strings.Contains(r.stdout, "m-new,") {
		t.Errorf("overdue, 365d: exit %d\n%s", r.code, r.stdout)
	}
	if r = runCLI(t, nil, "registry", "due", "testdata/registry_full", "--every", "3h"); r.code != exitBadInput {
		t.Errorf("--every 3h: exit %d", r.code)
	}
}

func TestRegistryReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.csv")
	r := runCLI(t, nil, "registry", "report", "testdata/registry_full", "--period", "2026-07", "-o", out, "--registry-salt", testSalt)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "report_from,report_to,") || !strings.Contains(string(b), "2026-01-01,2026-06-30,merchant,m-food") {
		t.Fatalf("report: %v\n%s", err, b)
	}
	r = runCLI(t, nil, "registry", "report", "testdata/registry_full", "--period", "2026-06")
	if r.code != exitBadInput || !strings.Contains(r.stderr, "January and July") {
		t.Errorf("June: exit %d\n%s", r.code, r.stderr)
	}
	r = runCLI(t, nil, "registry", "report", "testdata/registry_full", "--period", "2026-06", "--any-month", "--registry-salt", testSalt)
	if r.code != exitOK || !strings.Contains(r.stdout, "2025-12-01,2026-05-31,") {
		t.Errorf("June, any month: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
