package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRegistryAndSpotcheckOnServer drives a running `qinglang serve`
// from the CLI: registry import (a bad row reported by line, the good rows
// kept and saved), registry reload, SIGHUP, and spotcheck record --server.
func TestRegistryAndSpotcheckOnServer(t *testing.T) {
	regDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(regDir, "merchants.csv"), []byte("id,name,uscc\nm-food,鲜食小铺（虚构）,91440101MA5CJQ4N59\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := startServe(t, t.TempDir(), "--registry", regDir, "--registry-salt", "cli-test-salt-0123456789")

	upload := filepath.Join(t.TempDir(), "merchants.csv")
	if err := os.WriteFile(upload, []byte("id,name,uscc\nm-food,鲜食小铺（虚构）,91440101MA5CJQ4N59\nm-new,新店（虚构）,91350200776049653A\nm-bad,坏行,123\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "registry", "import", "--server", p.url, upload)
	if r.code != exitBadInput || !strings.Contains(r.stderr, ":4: uscc") || !strings.Contains(r.stdout, "merchants 2") {
		t.Fatalf("import: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	saved, _ := os.ReadFile(filepath.Join(regDir, "merchants.csv"))
	if !strings.Contains(string(saved), "m-new") {
		t.Errorf("merchants.csv was not saved: %s", saved)
	}

	if err := os.WriteFile(filepath.Join(regDir, "platforms.csv"), []byte("id,name\np1,示例平台（虚构）\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, "registry", "reload", "--server", p.url)
	if r.code != 0 || !strings.Contains(r.stdout, "platforms 1") {
		t.Fatalf("reload: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(regDir, "agencies.csv"), []byte("id,name\na1,星光（虚构）\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(settle)
	for {
		var info struct {
			Counts map[string]int `json:"counts"`
		}
		p.getJSON(t, "/v1/registry", &info)
		if info.Counts["agencies"] == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP did not reload the registry: %v", info.Counts)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// A listing, then a failed spot check recorded through the CLI.
	resp, err := http.Post(p.url+"/v1/events", "application/x-ndjson", bytes.NewBufferString(
		`{"type":"listing","id":"e1","platform":"p1","ts":"2026-06-01T10:00:00+08:00","product":"honey-1","title":"蜂蜜","merchant":"m-food","category":"food","price_fen":5990}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	deadline = time.Now().Add(settle)
	for {
		var page struct {
			Findings []struct{} `json:"findings"`
		}
		p.getJSON(t, "/v1/findings?kind=qualification", &page)
		if len(page.Findings) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the listing was not processed")
		}
		time.Sleep(50 * time.Millisecond)
	}
	r = runCLI(t, nil, "spotcheck", "record", "--server", p.url, "--results", "testdata/spotcheck/results.csv")
	if r.code != exitFindings || !strings.Contains(r.stdout, "不合格 FAILED") || !strings.Contains(r.stdout, "/public/spotchecks") {
		t.Fatalf("spotcheck record --server: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, nil, "spotcheck", "record", "--server", p.url, "--results", "testdata/spotcheck/results.csv", "--listings", "x.csv")
	if r.code != exitBadInput {
		t.Errorf("--server with --listings: exit %d, want 2", r.code)
	}
	r = runCLI(t, nil, "registry", "reload", "--server", "http://127.0.0.1:1")
	if r.code != exitFailure {
		t.Errorf("unreachable server: exit %d, want 3", r.code)
	}
}
