package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

// Every example of the built-in pack passes: what `qinglang rules test`
// checks, run in CI.
func TestDefaultPackExamples(t *testing.T) {
	set, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := claimmatch.Compile(set.Rules)
	if err != nil {
		t.Fatal(err)
	}
	if n := testExamples(set, m, func(line string) { t.Error(line) }, false); n != 0 {
		t.Errorf("%d examples fail", n)
	}
	if len(set.Rules) < 50 {
		t.Errorf("the default pack has %d rules", len(set.Rules))
	}
}

func TestRulesCommands(t *testing.T) {
	if r := runCLI(t, nil, "rules", "test"); r.code != exitOK || !strings.Contains(r.stdout, "0 failed") {
		t.Errorf("rules test: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "rules", "lint"); r.code != exitOK || !strings.Contains(r.stdout, "packs valid") {
		t.Errorf("rules lint: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A broken user pack: exit 2, the problem named by file, line and field.
	dir := t.TempDir()
	bad := "pack: mine\nversion: 1\nrules:\n  - id: my.rule\n    kind: claim\n    claim_type: quality\n    serverity: high\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "rules", "lint", "--rules", dir)
	if r.code != exitBadInput || !strings.Contains(r.stderr, "mine.yaml:7") || !strings.Contains(r.stderr, "serverity") {
		t.Errorf("broken pack: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// An example that fails: exit 1, the rule named.
	wrong := `pack: mine
version: 1
rules:
  - id: my.best
    kind: claim
    claim_type: quality
    severity: medium
    terms: [宇宙无敌]
    basis: 测试
    basis_en: test
    message: 测试
    message_en: test
    examples:
      match: [{text: 这个一般}]
      no_match: [{text: 普通}]
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(wrong), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, "rules", "test", "--rules", dir)
	if r.code != exitFindings || !strings.Contains(r.stdout, "FAIL my.best") || !strings.Contains(r.stdout, "mine.yaml") {
		t.Errorf("failing example: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestLintScriptAndProducts(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "script.txt")
	if err := os.WriteFile(script, []byte("家人们晚上好\n这款茶喝了能根治失眠\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "lint", "--category", "food", script)
	if r.code != exitFindings || !strings.Contains(r.stdout, "script.txt:2:") || !strings.Contains(r.stdout, "依据 basis") {
		t.Errorf("lint script: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	clean := filepath.Join(dir, "clean.txt")
	if err := os.WriteFile(clean, []byte("家人们晚上好\n今天给大家带来一款红茶\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "lint", clean); r.code != exitOK {
		t.Errorf("a clean script: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	products := filepath.Join(dir, "products.csv")
	if err := os.WriteFile(products, []byte("title,category,price\n高仿名牌包 1:1复刻,apparel,199\n纯棉T恤,apparel,59\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, "lint", "--format", "json", products)
	if r.code != exitFindings || !strings.Contains(r.stdout, `"line": 2`) || strings.Contains(r.stdout, `"line": 3`) {
		t.Errorf("lint products: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "lint", "--category", "toys", clean); r.code != exitBadInput {
		t.Errorf("unknown category: exit %d", r.code)
	}
}

// A user pack that replaces a lexicon and a guard set of the default pack
// says so in `rules lint`.
func TestRulesLintNamesOverriddenLexiconsAndGuards(t *testing.T) {
	dir := t.TempDir()
	pack := `pack: mine
version: 1
lexicons:
  lump: ["@lump", 甲亢]
guards:
  denial:
    not_after: [不能, 不是]
    within_before: 1
rules: []
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(pack), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "rules", "lint", "--rules", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "overridden lexicon: lump") || !strings.Contains(r.stdout, "overridden guard set: denial") {
		t.Errorf("rules lint: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
