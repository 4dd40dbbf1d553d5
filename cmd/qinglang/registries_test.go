package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestScanRegistryAndBrands scans listings and a room start against the
// fixture registries: every new check fires once, the compatibility
// listing raises no brand finding.
func TestScanRegistryAndBrands(t *testing.T) {
	r := runCLI(t, nil, "scan", "--format", "ndjson", "--registry", "testdata/registry", "--brands", "testdata/brands.yaml",
		"--registry-salt", "cli-test-salt-0123456789", "testdata/registry_brands.jsonl")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	byEvent := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var f struct {
			Rule     string          `json:"rule"`
			EventIDs []string        `json:"event_ids"`
			Evidence json.RawMessage `json:"evidence"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		for _, id := range f.EventIDs {
			byEvent[id] = append(byEvent[id], f.Rule)
		}
		if f.Rule == "brand.unauthorised" && !strings.Contains(string(f.Evidence), `"authorisation"`) {
			t.Errorf("unauthorised without the authorisation: %s", line)
		}
	}
	for id, want := range map[string]string{
		"q1": "ai_host.unlabelled", "q2": "qualification.missing_licence", "q3": "qualification.expired_licence",
		"q4": "brand.unauthorised", "q5": "counterfeit.slang_with_brand",
	} {
		if !strings.Contains(strings.Join(byEvent[id], " "), want) {
			t.Errorf("event %s: rules %v, want %s", id, byEvent[id], want)
		}
	}
	if len(byEvent["q6"]) != 0 {
		t.Errorf("compatibility listing: %v", byEvent["q6"])
	}
	if strings.Contains(r.stderr, "random salt") {
		t.Errorf("a salt was given: %s", r.stderr)
	}
}

func TestScanBadRegistry(t *testing.T) {
	r := runCLI(t, nil, "scan", "--registry", "testdata/registry_bad", "testdata/example.jsonl")
	if r.code != exitBadInput {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "merchants.csv:2: uscc:") {
		t.Errorf("stderr should name file:line: field:\n%s", r.stderr)
	}
	r = runCLI(t, nil, "scan", "--brands", "testdata/nonexistent.yaml", "testdata/example.jsonl")
	if r.code != exitBadInput {
		t.Errorf("missing brand file: exit %d, want 2", r.code)
	}
}
