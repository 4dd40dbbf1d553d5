package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanContractExample scans the contract's own example: it is valid;
// its only order comes after the listing, so no price can be compared; its
// speech and comment make the false claims the example was written to show.
func TestScanContractExample(t *testing.T) {
	r := runCLI(t, nil, "scan", "--format", "ndjson", "testdata/example.jsonl")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "events 5,") || !strings.Contains(r.stderr, "rejected 0") {
		t.Errorf("stderr %q: want 5 events, 0 rejected", r.stderr)
	}
	byEvent := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var f struct {
			Rule     string   `json:"rule"`
			EventIDs []string `json:"event_ids"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if f.Rule == "price.fake_original" {
			t.Errorf("no price can be compared in the example, got %s", line)
		}
		for _, id := range f.EventIDs {
			byEvent[id] = append(byEvent[id], f.Rule)
		}
	}
	// e3: 吃了它三天瘦五斤，全网销量第一 (two claims); e4: a testimonial.
	if len(byEvent["e3"]) < 2 || len(byEvent["e4"]) < 1 {
		t.Errorf("findings by event = %v, want at least two on the speech e3 and one on the comment e4", byEvent)
	}
}

// contractFields are the fields every finding has (shared/spec/events.md,
// "Findings"); accounts only for campaigns.
var contractFields = []string{"id", "kind", "rule", "severity", "platform", "room", "ts", "event_ids", "summary", "basis", "evidence"}

func checkFinding(t *testing.T, obj map[string]any) {
	t.Helper()
	for _, k := range contractFields {
		if _, ok := obj[k]; !ok {
			t.Errorf("finding lacks %q: %v", k, obj)
		}
	}
	if obj["rule"] != "price.fake_original" || obj["room"] != "r1" || obj["kind"] != "claim" {
		t.Errorf("finding = %v, want rule price.fake_original about room r1", obj)
	}
	ids, _ := obj["event_ids"].([]any)
	if len(ids) != 2 || ids[0] != "l1" || ids[1] != "o2" {
		t.Errorf("event_ids = %v, want [l1 o2]", obj["event_ids"])
	}
}

// TestScanFakePrice scans a hand-made fictitious crossed-out price in each
// output format: exit 1 and the finding in the output.
func TestScanFakePrice(t *testing.T) {
	t.Run("ndjson", func(t *testing.T) {
		r := runCLI(t, nil, "scan", "--format", "ndjson", "testdata/fake_price.jsonl")
		if r.code != exitFindings {
			t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
		}
		n := 0
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			var obj map[string]any
			if err := json.Unmarshal(sc.Bytes(), &obj); err != nil {
				t.Fatalf("line %d of ndjson output is not one JSON object: %v\n%s", n+1, err, sc.Text())
			}
			checkFinding(t, obj)
			n++
		}
		if n != 1 {
			t.Errorf("%d findings, want 1:\n%s", n, r.stdout)
		}
	})
	t.Run("json", func(t *testing.T) {
		r := runCLI(t, nil, "scan", "--format", "json", "testdata/fake_price.jsonl")
		if r.code != exitFindings {
			t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
		}
		var fs []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil {
			t.Fatalf("json output: %v\n%s", err, r.stdout)
		}
		if len(fs) != 1 {
			t.Fatalf("%d findings, want 1", len(fs))
		}
		checkFinding(t, fs[0])
	})
	t.Run("table", func(t *testing.T) {
		r := runCLI(t, nil, "scan", "testdata/fake_price.jsonl")
		if r.code != exitFindings {
			t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
		}
		for _, want := range []string{"price.fake_original", "r1", "critical", "¥1980.00"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("table lacks %q:\n%s", want, r.stdout)
			}
		}
	})
	t.Run("stdin", func(t *testing.T) {
		f, err := os.Open("testdata/fake_price.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := runCLI(t, f, "scan", "--format", "ndjson", "-")
		if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("exit %d with %q, want 1 and one finding", r.code, r.stdout)
		}
	})
}

// TestScanBadLine: a bad line among good ones is exit 2 with the line and
// field on stderr, and the good lines' findings still printed.
func TestScanBadLine(t *testing.T) {
	r := runCLI(t, nil, "scan", "--format", "ndjson", "testdata/bad_line.jsonl")
	if r.code != exitBadInput {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, `line 3, field "qty"`) || !strings.Contains(r.stderr, `第 3 行 字段 "qty"`) {
		t.Errorf("stderr does not name line 3 and field qty in both languages:\n%s", r.stderr)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &obj); err != nil {
		t.Fatalf("want the good lines' one finding on stdout: %v\n%s", err, r.stdout)
	}
	checkFinding(t, obj)
}

// TestUsageErrors: every way of calling the command wrongly is exit 2.
func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"scan"},
		{"scan", "a", "b"},
		{"scan", "--bogus", "testdata/example.jsonl"},
		{"scan", "--format", "xml", "testdata/example.jsonl"},
		{"scan", filepath.Join(t.TempDir(), "missing.jsonl")},
		{"--bogus"},
		{"serve", "--bogus"},
		{"sim", "--rooms", "many"},
		{"sim", "--rooms", "0"},
		{"version", "extra"},
	} {
		r := runCLI(t, nil, args...)
		if r.code != exitBadInput {
			t.Errorf("qinglang %s: exit %d, want 2\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
		if strings.TrimSpace(r.stderr) == "" {
			t.Errorf("qinglang %s: nothing on stderr", strings.Join(args, " "))
		}
	}
}

func TestVersion(t *testing.T) {
	r := runCLI(t, nil, "version")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "qinglang ") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, sub := range []string{"", "scan", "serve", "sim", "demo", "load", "version", "campaigns"} {
		args := []string{"--help"}
		name := "qinglang"
		if sub != "" {
			args = []string{sub, "--help"}
			name += " " + sub
		}
		r := runCLI(t, nil, args...)
		if r.code != exitOK {
			t.Errorf("%s --help: exit %d\n%s", name, r.code, r.stderr)
		}
		if !strings.Contains(r.stdout, name) || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%s --help does not show its usage:\n%s", name, r.stdout)
		}
	}
}

// TestSim: the same seed gives the same events, and they are all valid.
func TestSim(t *testing.T) {
	args := []string{"sim", "--seed", "7", "--rooms", "2", "--duration", "10m"}
	a, b := runCLI(t, nil, args...), runCLI(t, nil, args...)
	if a.code != exitOK || b.code != exitOK {
		t.Fatalf("exit %d and %d\n%s", a.code, b.code, a.stderr)
	}
	if a.stdout != b.stdout {
		t.Fatal("two runs with --seed 7 differ")
	}
	n := strings.Count(a.stdout, "\n")
	if n < 100 {
		t.Fatalf("only %d events", n)
	}
	r := runCLI(t, bytes.NewReader([]byte(a.stdout)), "scan", "--format", "ndjson", "-")
	if r.code != exitOK && r.code != exitFindings {
		t.Fatalf("scanning sim output: exit %d\n%s", r.code, tail(r.stderr, 4000))
	}
	if !strings.Contains(r.stderr, "rejected 0,") {
		t.Errorf("scanning sim output rejected events:\n%s", tail(r.stderr, 4000))
	}
}

func TestMonitorLink(t *testing.T) {
	got := monitorLink("http://127.0.0.1:8080", "qlt_a_b", "default", "r2-20250619")
	want := "http://127.0.0.1:8080/console/#token=qlt_a_b&next=%23%2Fmonitor%3Fplatform%3Ddefault%26room%3Dr2-20250619"
	if got != want {
		t.Errorf("monitorLink = %s, want %s", got, want)
	}
	if got := monitorLink("http://h", "", "p", "r"); got != "http://h/console/#/monitor?platform=p&room=r" {
		t.Errorf("without a token: %s", got)
	}
}
