package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
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

// brokenPack misspells a key on line 7.
const brokenPack = "pack: mine\nversion: 1\nrules:\n  - id: my.rule\n    kind: claim\n    claim_type: quality\n    serverity: high\n"

// postPath posts body to path and returns the status and the answer.
func postPath(t *testing.T, base, path, body string) (int, []byte) {
	t.Helper()
	resp, err := client.Post(base+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return resp.StatusCode, b
}

// A valid user pack reloaded over HTTP adds a rule that then fires on a
// comment and in lint; a broken pack is refused with every problem listed
// and the rules in use keep firing.
func TestRulesReloadOverHTTP(t *testing.T) {
	dir := t.TempDir()
	cfg, logs := testConfig(t, t.TempDir())
	cfg.RulesDirs = []string{dir}
	m := startServer(t, cfg, logs)
	base := m.URL()
	comment := func(id, room string) string {
		return fmt.Sprintf(`{"type":"comment","id":%q,"ts":%q,"room":%q,"user":"u1","text":"这个宇宙无敌好用"}`, id, at(time.Second), room)
	}
	cosmic := func(room string) []qinglang.Finding {
		return allFindings(t, m, url.Values{"room": {room}, "rule": {"my.cosmic"}})
	}

	// Before the reload: the term is nobody's.
	postOK(t, m, comment("c1", "r-before")+"\n")
	waitProcessed(t, m, 1)
	if got := cosmic("r-before"); len(got) != 0 {
		t.Fatalf("findings before the reload: %+v", got)
	}

	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(userPack), 0o600); err != nil {
		t.Fatal(err)
	}
	code, b := postPath(t, base, "/v1/rules/reload", "")
	var reloaded struct {
		Rules int      `json:"rules"`
		Packs []string `json:"packs"`
	}
	decodeJSON(t, b, &reloaded)
	if code != http.StatusOK || !strings.Contains(strings.Join(reloaded.Packs, ","), "mine") {
		t.Fatalf("reload = %d %s", code, b)
	}
	postOK(t, m, comment("c2", "r-after")+"\n")
	waitFor(t, settle, func() string { return "no my.cosmic finding in r-after" },
		func() bool { return len(cosmic("r-after")) == 1 })

	// Lint uses the reloaded rules too.
	code, b = postPath(t, base, "/v1/lint", `{"text":"家人们\n这个宇宙无敌好用"}`)
	if code != http.StatusOK || !strings.Contains(string(b), `"rule":"my.cosmic"`) || !strings.Contains(string(b), `"high":true`) {
		t.Fatalf("lint after the reload = %d %s", code, b)
	}

	// A broken pack: 400 with the problem, and the user rule still fires.
	if err := os.WriteFile(filepath.Join(dir, "zz-broken.yaml"), []byte(brokenPack), 0o600); err != nil {
		t.Fatal(err)
	}
	code, b = postPath(t, base, "/v1/rules/reload", "")
	var refused struct {
		Error struct {
			Code     string `json:"code"`
			Problems []struct {
				File  string `json:"file"`
				Line  int    `json:"line"`
				Field string `json:"field"`
			} `json:"problems"`
		} `json:"error"`
	}
	decodeJSON(t, b, &refused)
	if code != http.StatusBadRequest || refused.Error.Code != "invalid" || len(refused.Error.Problems) == 0 {
		t.Fatalf("reload of a broken pack = %d %s", code, b)
	}
	named := false
	for _, p := range refused.Error.Problems {
		named = named || strings.HasSuffix(p.File, "zz-broken.yaml") && p.Line == 7 && p.Field == "serverity"
	}
	if !named {
		t.Errorf("problems %+v do not name zz-broken.yaml:7 serverity", refused.Error.Problems)
	}
	postOK(t, m, comment("c3", "r-still")+"\n")
	waitFor(t, settle, func() string { return "no my.cosmic finding in r-still" },
		func() bool { return len(cosmic("r-still")) == 1 })
	if rs := m.Rules(); rs == nil {
		t.Fatal("no rules in use")
	} else if _, ok := rs.Rule("my.cosmic"); !ok {
		t.Error("the user rule is gone after a refused reload")
	}
}
