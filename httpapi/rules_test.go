package httpapi

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/lint"
	"github.com/qinglang/qinglang/rules"
)

// lintServer is a server whose Lint checks against the built-in pack.
func lintServer(t *testing.T) *Server {
	t.Helper()
	set, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := claimmatch.Compile(set.Rules)
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(nil)
	s.Lint = func(_ context.Context, items []lint.Item) ([]lint.Finding, error) {
		return lint.Check(set, m, items), nil
	}
	s.Rules = func() *rules.Set { return set }
	return s
}

// lintAnswer is POST /v1/lint's answer as a test reads it.
type lintAnswer struct {
	Findings []lint.Finding `json:"findings"`
	High     bool           `json:"high"`
}

func TestLintScript(t *testing.T) {
	s := lintServer(t)
	rec := serve(t, s, http.MethodPost, "/v1/lint",
		strings.NewReader(`{"text":"家人们晚上好\n这款茶喝了能根治失眠","category":"food"}`), "Content-Type", "application/json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var a lintAnswer
	decode(t, rec.Body.Bytes(), &a)
	if !a.High || len(a.Findings) == 0 {
		t.Fatalf("answer %+v, want a high finding", a)
	}
	f := a.Findings[0]
	if f.Line != 2 || f.Column < 1 || f.Category != "food" || f.Basis == "" || f.Text != "这款茶喝了能根治失眠" {
		t.Errorf("finding %+v, want line 2 of the food script with its basis", f)
	}

	rec = serve(t, s, http.MethodPost, "/v1/lint", strings.NewReader(`{"text":"今天给大家带来一款红茶"}`))
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || a.High || a.Findings == nil || len(a.Findings) != 0 {
		t.Errorf("a clean script: %d %s", rec.Code, rec.Body)
	}
}

func TestLintProducts(t *testing.T) {
	rec := serve(t, lintServer(t), http.MethodPost, "/v1/lint",
		strings.NewReader(`{"products":[{"title":"纯棉T恤","category":"apparel"},{"title":"高仿名牌包 1:1复刻","category":"apparel"}]}`))
	var a lintAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || len(a.Findings) == 0 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	for _, f := range a.Findings {
		if f.Line != 2 {
			t.Errorf("finding for product %d, want only the second: %+v", f.Line, f)
		}
	}
}

// Bad bodies answer 400 naming the field; a nil Lint answers 503; a body
// over the limit 413.
func TestLintRefusals(t *testing.T) {
	s := lintServer(t)
	bad := []struct{ body, want string }{
		{`{"text":"好","category":"toys"}`, "field category"},
		{`{"products":[{"title":"好包"},{"title":"鞋","category":"toys"}]}`, "index 1, field category"},
		{`{"products":[{"title":""}]}`, "index 0, field title"},
		{`{"text":"好","products":[]}`, "not both"},
		{`{}`, "want text"},
		{`{"txt":"好"}`, "txt"},
		{`{"text":"好"} {}`, "after the JSON object"},
		{`[]`, "JSON object"},
	}
	for _, b := range bad {
		rec := serve(t, s, http.MethodPost, "/v1/lint", strings.NewReader(b.body))
		e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, b.want) {
			t.Errorf("%s: message %q lacks %q", b.body, e.Error.MessageEN, b.want)
		}
	}
	rec := serve(t, s, http.MethodPost, "/v1/lint", strings.NewReader(`{"text":"好"}`), "Content-Type", "text/csv")
	wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)

	big := `{"text":"` + strings.Repeat("好", MaxLintBytes/3+1) + `"}`
	wantError(t, serve(t, s, http.MethodPost, "/v1/lint", strings.NewReader(big)), http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)

	wantError(t, serve(t, newServer(nil), http.MethodPost, "/v1/lint", strings.NewReader(`{"text":"好"}`)),
		http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

func TestGetRules(t *testing.T) {
	rec := serve(t, lintServer(t), http.MethodGet, "/v1/rules", nil)
	var list struct {
		Rules []struct {
			ID, File, Basis, Message string
			Line                     int
			Categories               []string
		} `json:"rules"`
		Packs []string `json:"packs"`
	}
	decode(t, rec.Body.Bytes(), &list)
	if rec.Code != http.StatusOK || len(list.Rules) < 50 || len(list.Packs) == 0 {
		t.Fatalf("status %d, %d rules, packs %v", rec.Code, len(list.Rules), list.Packs)
	}
	for _, r := range list.Rules {
		if !strings.HasPrefix(r.File, "rules/packs/default/") || r.Line < 1 || r.Basis == "" || r.Message == "" || r.Categories == nil {
			t.Fatalf("rule %+v lacks its file, line or text", r)
		}
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/v1/rules", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

func TestRulesReload(t *testing.T) {
	s := newServer(nil)
	wantError(t, serve(t, s, http.MethodPost, "/v1/rules/reload", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)

	dir := t.TempDir()
	s.ReloadRules = func(context.Context) (*rules.Set, error) { return rules.Load(dir) }
	rec := serve(t, s, http.MethodPost, "/v1/rules/reload", nil)
	var ok struct {
		Rules int      `json:"rules"`
		Packs []string `json:"packs"`
	}
	decode(t, rec.Body.Bytes(), &ok)
	if rec.Code != http.StatusOK || ok.Rules < 50 || len(ok.Packs) == 0 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}

	bad := "pack: mine\nversion: 1\nrules:\n  - id: my.rule\n    kind: claim\n    claim_type: quality\n    serverity: high\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	rec = serve(t, s, http.MethodPost, "/v1/rules/reload", nil)
	wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
	var e struct {
		Error struct {
			Problems []struct {
				File, Field, Reason, ReasonEN string
				Line                          int
			} `json:"problems"`
		} `json:"error"`
	}
	decode(t, rec.Body.Bytes(), &e)
	var named bool
	for _, p := range e.Error.Problems {
		if strings.HasSuffix(p.File, "mine.yaml") && p.Line == 7 && p.Field == "serverity" && p.Reason != "" {
			named = true
		}
	}
	if !named {
		t.Errorf("problems %+v do not name mine.yaml:7 serverity", e.Error.Problems)
	}
}
