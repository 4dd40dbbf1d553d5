package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// userPack is a valid user pack with one rule.
const userPack = `pack: mine
version: 1
rules:
  - id: my.cosmic
    kind: claim
    claim_type: quality
    severity: high
    terms: [宇宙无敌]
    basis: 测试依据
    basis_en: test basis
    message: 测试
    message_en: test
    examples:
      match: [{text: 这个宇宙无敌}]
      no_match: [{text: 这个一般}]
`

// SIGHUP reloads the rule packs of a running `qinglang serve`: a valid
// user pack is taken, a broken one is refused with its problems in the log
// and the rules in use stay.
func TestSIGHUPReloadsRules(t *testing.T) {
	rulesDir := t.TempDir()
	p := startServe(t, t.TempDir(), "--rules", rulesDir)
	hasCosmic := func() bool {
		var list struct {
			Rules []struct {
				ID string `json:"id"`
			} `json:"rules"`
		}
		p.getJSON(t, "/v1/rules", &list)
		for _, r := range list.Rules {
			if r.ID == "my.cosmic" {
				return true
			}
		}
		return false
	}
	waitLog := func(what string) {
		t.Helper()
		deadline := time.Now().Add(settle)
		for !strings.Contains(p.logs.String(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("the log never said %q", what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if hasCosmic() {
		t.Fatal("the user rule is in use before the reload")
	}

	if err := os.WriteFile(filepath.Join(rulesDir, "mine.yaml"), []byte(userPack), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitLog("packs=default,mine")
	if !hasCosmic() {
		t.Fatal("the user rule is not in use after SIGHUP")
	}

	broken := "pack: mine\nversion: 1\nrules:\n  - id: my.rule\n    kind: claim\n    claim_type: quality\n    serverity: high\n"
	if err := os.WriteFile(filepath.Join(rulesDir, "zz-broken.yaml"), []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitLog("zz-broken.yaml:7")
	if !strings.Contains(p.logs.String(), "invalid rule packs") {
		t.Errorf("the log does not say the packs were refused")
	}
	if !hasCosmic() {
		t.Error("the rules in use changed after a refused reload")
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.exitCode(t); code != exitOK {
		t.Fatalf("serve exited with %d after SIGTERM", code)
	}
}
