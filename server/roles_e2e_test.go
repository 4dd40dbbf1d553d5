package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/server"
)

// matrixRoles are the tokens of the role matrix, in the order of its
// columns: an admin, a regulator of Shanghai (310000), platform pa, a
// reviewer of pa, an operator of pa running room r1, and platform pb.
var matrixRoles = []string{"admin", "regulator", "pa", "reviewer", "operator", "pb"}

// matrixRow is one request of the role matrix, made with every token in
// turn (the columns' order): want is the status each answers, written as
// the test expects them so that any change of who may do what shows up as
// a change of this table.
type matrixRow struct {
	route string // the route's pattern, as httpapi.Routes lists it
	owner string // whose objects fill the target: pa, pb, or "" for none
	// target is the path and query; {name} is filled with the owner's
	// object of that name (matrixFixture.objs); {new-token} and
	// {new-webhook} with one made afresh for each token.
	target string
	ctype  string // Content-Type of the body ("" for application/json)
	body   string
	// before runs once before the row (to prepare its object); save, when
	// set, keeps the id of the first 2xx answer as the owner's object of
	// that name.
	before func(fx *matrixFixture, owner string)
	save   string
	want   string // admin regulator pa reviewer operator pb
}

// roleMatrix walks every route that needs a token, with each token, on
// objects of pa and of pb. Rows run in order: those that change things
// (a measure rejected, another proposed, approved, appealed and reviewed)
// are placed so that the first token allowed succeeds and the next ones
// allowed meet the changed state (409): a 409 says the token got past
// authorisation. 404 is what a token may not see (exactly like a missing
// thing), 403 what it sees but may not do.
//
// want lists the statuses of admin, regulator, pa, reviewer, operator, pb.
var roleMatrix = []matrixRow{
	{route: "GET /v1/me", target: "/v1/me", want: "200 200 200 200 200 200"},
	{route: "POST /v1/events", owner: "pa", target: "/v1/events", ctype: "application/x-ndjson",
		body: `{"type":"comment","id":"mx-pa","ts":"2026-01-05T20:00:00+08:00","platform":"pa","room":"r1","user":"u9","text":"好"}`,
		want: "200 403 200 403 403 400"},
	{route: "POST /v1/events", owner: "pb", target: "/v1/events", ctype: "application/x-ndjson",
		body: `{"type":"comment","id":"mx-pb","ts":"2026-01-05T20:00:00+08:00","platform":"pb","room":"rb","user":"u9","text":"好"}`,
		want: "200 403 400 403 403 200"},
	{route: "GET /v1/findings", owner: "pa", target: "/v1/findings?platform=pa", want: "200 403 200 200 200 200"},
	{route: "GET /v1/findings", owner: "pb", target: "/v1/findings?platform=pb", want: "200 403 200 200 200 200"},
	{route: "GET /v1/findings/stream", owner: "pa", target: "/v1/findings/stream?platform=pa", want: "200 403 200 200 200 200"},
	{route: "GET /v1/findings/stream", owner: "pb", target: "/v1/findings/stream?platform=pb", want: "200 403 200 200 200 200"},
	{route: "GET /v1/findings/{id}", owner: "pa", target: "/v1/findings/{finding}", want: "200 404 200 200 200 404"},
	{route: "GET /v1/findings/{id}", owner: "pb", target: "/v1/findings/{finding}", want: "200 404 404 404 404 200"},
	// Confirming the finding changes nothing of its cases, whose measure
	// awaits its decision; each review replaces the one before.
	{route: "POST /v1/findings/{id}/review", owner: "pa", target: "/v1/findings/{finding}/review",
		body: `{"decision":"confirm","reason":"回放核实"}`, want: "200 404 200 200 403 404"},
	{route: "POST /v1/findings/{id}/review", owner: "pb", target: "/v1/findings/{finding}/review",
		body: `{"decision":"confirm","reason":"回放核实"}`, want: "200 404 404 404 404 200"},
	{route: "GET /v1/reviews", target: "/v1/reviews", want: "200 403 200 200 200 200"},
	{route: "GET /v1/stats/findings", owner: "pa", target: "/v1/stats/findings?platform=pa", want: "200 403 200 200 200 200"},
	{route: "GET /v1/stats/findings", owner: "pb", target: "/v1/stats/findings?platform=pb&bucket=day", want: "200 403 200 200 200 200"},
	{route: "GET /v1/rooms", owner: "pa", target: "/v1/rooms?platform=pa", want: "200 403 200 200 200 200"},
	{route: "GET /v1/rooms", owner: "pb", target: "/v1/rooms?platform=pb", want: "200 403 200 200 200 200"},
	{route: "GET /v1/campaigns", owner: "pa", target: "/v1/campaigns?platform=pa", want: "200 403 200 200 403 200"},
	{route: "GET /v1/campaigns", owner: "pb", target: "/v1/campaigns?platform=pb", want: "200 403 200 200 403 200"},
	{route: "GET /v1/campaigns/{id}", owner: "pa", target: "/v1/campaigns/{campaign}", want: "200 404 200 200 403 404"},
	{route: "GET /v1/campaigns/{id}", owner: "pb", target: "/v1/campaigns/{campaign}", want: "200 404 404 404 404 200"},
	{route: "GET /v1/rooms/{id}", owner: "pa", target: "/v1/rooms/r1?platform=pa", want: "200 404 200 200 200 404"},
	{route: "GET /v1/rooms/{id}", owner: "pb", target: "/v1/rooms/rb?platform=pb", want: "200 404 404 404 404 200"},
	{route: "GET /v1/rooms/{id}/events", owner: "pa", target: "/v1/rooms/r1/events?platform=pa", want: "200 404 200 200 200 404"},
	{route: "GET /v1/rooms/{id}/events", owner: "pb", target: "/v1/rooms/rb/events?platform=pb", want: "200 404 404 404 404 200"},
	{route: "POST /v1/lint", target: "/v1/lint", body: `{"text":"这款果冻包治百病","category":"food"}`, want: "200 200 200 200 200 200"},
	{route: "GET /v1/rules", target: "/v1/rules", want: "200 200 200 200 200 200"},
	{route: "POST /v1/rules/reload", target: "/v1/rules/reload", want: "200 403 403 403 403 403"},
	{route: "GET /v1/registry", target: "/v1/registry", want: "200 200 200 200 403 200"},
	{route: "GET /v1/registry/export", target: "/v1/registry/export", want: "200 200 200 200 403 200"},
	{route: "GET /v1/registry/due", target: "/v1/registry/due", want: "200 200 200 200 403 200"},
	{route: "GET /v1/registry/report", target: "/v1/registry/report?period=2026-01", want: "200 200 200 200 403 200"},
	{route: "GET /v1/registry/{kind}", target: "/v1/registry/merchants", want: "200 200 200 200 403 200"},
	{route: "GET /v1/registry/{kind}/{id}", target: "/v1/registry/merchants/m-food", want: "200 200 200 200 403 200"},
	{route: "POST /v1/registry/reload", target: "/v1/registry/reload", want: "200 403 403 403 403 403"},
	{route: "POST /v1/registry/import", target: "/v1/registry/import?kind=merchants", ctype: "text/csv",
		body: matrixMerchants, want: "200 403 403 403 403 403"},
	{route: "POST /v1/spotchecks", target: "/v1/spotchecks",
		body: `[{"product":"jam-9","platform":"pa","merchant":"m7","category":"food","lab":"示例检测所（虚构）","sampled_at":"2026-01-02","tested_at":"2026-01-03","pass":true}]`,
		want: "200 200 403 403 403 403"},
	{route: "GET /v1/spotchecks", target: "/v1/spotchecks", want: "200 200 200 200 403 200"},
	{route: "GET /v1/spotchecks/{id}", target: "/v1/spotchecks/{spotcheck}", want: "200 200 200 200 403 200"},
	{route: "GET /v1/spotchecks/{id}/notices/{platform}", owner: "pa", target: "/v1/spotchecks/{spotcheck}/notices/pa", want: "200 200 200 200 403 404"},
	{route: "GET /v1/spotchecks/{id}/notices/{platform}", owner: "pb", target: "/v1/spotchecks/{spotcheck}/notices/pb", want: "200 200 404 404 403 200"},
	{route: "GET /v1/cases", owner: "pa", target: "/v1/cases?platform=pa", want: "200 200 200 200 200 200"},
	{route: "GET /v1/cases", owner: "pb", target: "/v1/cases?platform=pb", want: "200 200 200 200 200 200"},
	{route: "GET /v1/cases/{id}", owner: "pa", target: "/v1/cases/{case}", want: "200 200 200 200 200 404"},
	{route: "GET /v1/cases/{id}", owner: "pb", target: "/v1/cases/{case}", want: "200 404 404 404 404 200"},
	{route: "POST /v1/cases/{id}/actions", owner: "pa", target: "/v1/cases/{case}/actions", body: `{"kind":"comment","text":"已核查直播回放"}`,
		want: "200 200 200 200 403 404"},
	{route: "POST /v1/cases/{id}/actions", owner: "pb", target: "/v1/cases/{case}/actions", body: `{"kind":"comment","text":"已核查直播回放"}`,
		want: "200 404 404 404 404 200"},
	// The policy's measure: the admin rejects it, the others allowed find
	// it decided.
	{route: "POST /v1/measures/{id}/decision", owner: "pa", target: "/v1/measures/{measure}/decision",
		body: `{"approve":false,"reason":"证据不足"}`, want: "200 403 409 409 403 404"},
	{route: "POST /v1/measures/{id}/decision", owner: "pb", target: "/v1/measures/{measure}/decision",
		body: `{"approve":false,"reason":"证据不足"}`, want: "200 404 404 404 404 409"},
	// The admin proposes a warning; the case then has a measure proposed.
	{route: "POST /v1/cases/{id}/measures", owner: "pa", target: "/v1/cases/{case}/measures", save: "warning",
		body: `{"kind":"warning","reason":"首次违规，予以警告"}`, want: "201 403 409 409 403 404"},
	{route: "POST /v1/cases/{id}/measures", owner: "pb", target: "/v1/cases/{case}/measures", save: "warning",
		body: `{"kind":"warning","reason":"首次违规，予以警告"}`, want: "201 404 404 404 404 409"},
	// A reviewer outside the matrix approves the warning; the admin
	// appeals it, which may be done once.
	{route: "POST /v1/measures/{id}/appeals", owner: "pa", target: "/v1/measures/{warning}/appeals", save: "appeal",
		before: (*matrixFixture).approveWarning, body: `{"grounds":"主播已当场更正"}`, want: "201 403 409 403 409 404"},
	{route: "POST /v1/measures/{id}/appeals", owner: "pb", target: "/v1/measures/{warning}/appeals", save: "appeal",
		before: (*matrixFixture).approveWarning, body: `{"grounds":"主播已当场更正"}`, want: "201 404 404 404 404 409"},
	{route: "POST /v1/appeals/{id}/review", owner: "pa", target: "/v1/appeals/{appeal}/review",
		body: `{"upheld":true,"outcome":"维持警告"}`, want: "200 403 409 409 403 404"},
	{route: "POST /v1/appeals/{id}/review", owner: "pb", target: "/v1/appeals/{appeal}/review",
		body: `{"upheld":true,"outcome":"维持警告"}`, want: "200 404 404 404 404 409"},
	{route: "GET /v1/notices/{id}", owner: "pa", target: "/v1/notices/{notice}", want: "200 200 200 200 200 404"},
	{route: "GET /v1/notices/{id}", owner: "pb", target: "/v1/notices/{notice}", want: "200 404 404 404 404 200"},
	{route: "GET /v1/cases/{id}/evidence", owner: "pa", target: "/v1/cases/{case}/evidence", want: "200 200 200 403 403 404"},
	{route: "GET /v1/cases/{id}/evidence", owner: "pb", target: "/v1/cases/{case}/evidence", want: "200 404 404 404 404 200"},
	{route: "POST /v1/cases/{id}/regulatory-actions", owner: "pa", target: "/v1/cases/{case}/regulatory-actions",
		body: `{"kind":"guidance","text":"请加强直播前自查"}`, want: "201 201 403 403 403 404"},
	{route: "POST /v1/cases/{id}/regulatory-actions", owner: "pb", target: "/v1/cases/{case}/regulatory-actions",
		body: `{"kind":"guidance","text":"请加强直播前自查"}`, want: "201 404 404 404 404 403"},
	{route: "POST /v1/directives", owner: "pa", target: "/v1/directives",
		body: `{"kind":"request_to_act","region":"310101","platform":"pa","text":"请核查","deadline":"{deadline}"}`,
		want: "201 201 403 403 403 403"},
	{route: "POST /v1/directives", owner: "pb", target: "/v1/directives",
		body: `{"kind":"request_to_act","region":"320101","platform":"pb","text":"请核查","deadline":"{deadline}"}`,
		want: "201 403 403 403 403 403"},
	{route: "GET /v1/directives", target: "/v1/directives", want: "200 200 200 200 403 200"},
	{route: "GET /v1/directives/{id}", owner: "pa", target: "/v1/directives/{directive}", want: "200 200 200 200 404 404"},
	{route: "GET /v1/directives/{id}", owner: "pb", target: "/v1/directives/{directive}", want: "200 404 404 404 404 200"},
	{route: "POST /v1/directives/{id}/answers", owner: "pa", target: "/v1/directives/{directive}/answers",
		body: `{"step":"acknowledge"}`, want: "200 403 409 403 404 404"},
	{route: "POST /v1/directives/{id}/answers", owner: "pb", target: "/v1/directives/{directive}/answers",
		body: `{"step":"acknowledge"}`, want: "200 404 404 404 404 409"},
	{route: "POST /v1/disputes", owner: "pa", target: "/v1/disputes", body: `{"platform":"pa","room":"r1","user":"u9"}`,
		want: "200 404 200 403 403 404"},
	{route: "POST /v1/disputes", owner: "pb", target: "/v1/disputes", body: `{"platform":"pb","room":"rb","user":"u9"}`,
		want: "200 404 404 404 404 200"},
	{route: "POST /v1/tokens", owner: "pa", target: "/v1/tokens", body: `{"name":"审核员","role":"reviewer","platform":"pa"}`,
		want: "201 403 201 403 403 403"},
	{route: "POST /v1/tokens", owner: "pb", target: "/v1/tokens", body: `{"name":"审核员","role":"reviewer","platform":"pb"}`,
		want: "201 403 403 403 403 201"},
	{route: "GET /v1/tokens", target: "/v1/tokens", want: "200 403 200 403 403 200"},
	{route: "DELETE /v1/tokens/{id}", owner: "pa", target: "/v1/tokens/{new-token}", want: "200 404 200 403 404 404"},
	{route: "DELETE /v1/tokens/{id}", owner: "pb", target: "/v1/tokens/{new-token}", want: "200 404 404 404 404 200"},
	{route: "POST /v1/webhooks", owner: "pa", target: "/v1/webhooks", body: `{"url":"https://hooks.example.com/pa","platform":"pa"}`,
		want: "201 404 201 403 404 404"},
	{route: "POST /v1/webhooks", owner: "pb", target: "/v1/webhooks", body: `{"url":"https://hooks.example.com/pb","platform":"pb"}`,
		want: "201 404 404 404 404 201"},
	{route: "GET /v1/webhooks", target: "/v1/webhooks", want: "200 403 200 403 403 200"},
	{route: "DELETE /v1/webhooks/{id}", owner: "pa", target: "/v1/webhooks/{new-webhook}", want: "204 404 204 403 404 404"},
	{route: "DELETE /v1/webhooks/{id}", owner: "pb", target: "/v1/webhooks/{new-webhook}", want: "204 404 404 404 404 204"},
	{route: "GET /v1/webhooks/{id}/deliveries", owner: "pa", target: "/v1/webhooks/{webhook}/deliveries", want: "200 404 200 403 404 404"},
	{route: "GET /v1/webhooks/{id}/deliveries", owner: "pb", target: "/v1/webhooks/{webhook}/deliveries", want: "200 404 404 404 404 200"},
	{route: "GET /v1/audit", target: "/v1/audit", want: "200 200 200 403 403 200"},
	{route: "GET /v1/audit/verify", target: "/v1/audit/verify", want: "200 200 403 403 403 403"},
}

// matrixMerchants is the registry's merchants file (imported as it is).
const matrixMerchants = "id,name,uscc\nm-food,鲜食小铺（虚构）,91440101MA5CJQ4N59\n"

// TestRoleMatrix starts a server that requires tokens, on SQLite and on
// PostgreSQL, and walks every route of the API with a token of each role
// (roleMatrix); public routes answer without a token, every other route
// answers 401 without one, and a token past its rate 429.
func TestRoleMatrix(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { runRoleMatrix(t, "") })
	t.Run("postgres", func(t *testing.T) { runRoleMatrix(t, postgresSchema(t)) })
}

// matrixFixture is a server with a token per role and objects of pa and
// pb.
type matrixFixture struct {
	t      *testing.T
	m      *server.Main
	tokens map[string]string            // secret by role column, and "decider-pa", "decider-pb"
	objs   map[string]map[string]string // object id by owner and name
}

func runRoleMatrix(t *testing.T, db string) {
	regDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(regDir, "merchants.csv"), []byte(matrixMerchants), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, logs := campaignConfig(t, t.TempDir(), &detectors{})
	cfg.DB = db
	cfg.Auth = true
	cfg.IntakeInterval = 50 * time.Millisecond
	cfg.SweepInterval = 100 * time.Millisecond
	cfg.Regions = map[string]string{"pa": "310101", "pb": "320101"}
	cfg.RegistrySource = &registry.Source{Path: regDir, Salt: []byte("role-matrix-salt-0123456789")}
	fx := &matrixFixture{t: t, m: startServer(t, cfg, logs), tokens: map[string]string{},
		objs: map[string]map[string]string{"pa": {}, "pb": {}, "": {}}}

	for role, r := range map[string]enforce.TokenRequest{
		"admin":      {Name: "运维", Role: qinglang.RoleAdmin},
		"regulator":  {Name: "上海市场监管", Role: qinglang.RoleRegulator, Region: "310000"},
		"pa":         {Name: "平台甲治理", Role: qinglang.RolePlatform, Platform: "pa"},
		"reviewer":   {Name: "平台甲审核", Role: qinglang.RoleReviewer, Platform: "pa"},
		"operator":   {Name: "直播间 r1 运营", Role: qinglang.RoleOperator, Platform: "pa", Rooms: []string{"r1"}},
		"pb":         {Name: "平台乙治理", Role: qinglang.RolePlatform, Platform: "pb"},
		"decider-pa": {Name: "平台甲复核", Role: qinglang.RoleReviewer, Platform: "pa"},
		"decider-pb": {Name: "平台乙复核", Role: qinglang.RoleReviewer, Platform: "pb"},
	} {
		fx.tokens[role] = fx.mint(r).Secret
	}
	fx.setup()

	// Every route is in the matrix, or public.
	mux := http.NewServeMux()
	for _, r := range httpapi.Routes() {
		mux.HandleFunc(r.Method+" "+r.Path, func(http.ResponseWriter, *http.Request) {})
	}
	covered := map[string]bool{}
	for _, row := range roleMatrix {
		covered[row.route] = true
	}
	var public []httpapi.Route
	for _, r := range httpapi.Routes() {
		switch pattern := r.Method + " " + r.Path; {
		case r.Public:
			public = append(public, r)
		case !covered[pattern]:
			t.Errorf("%s is not in the role matrix", pattern)
		}
	}

	var got []string
	failed := false
	for _, row := range roleMatrix {
		if row.before != nil {
			row.before(fx, row.owner)
		}
		var codes []string
		for _, role := range matrixRoles {
			target := fx.fill(row.owner, row.target)
			req := routeRequest(t, row.route, target, mux)
			code, body := fx.do(fx.tokens[role], req.Method, target, row.ctype, fx.fill(row.owner, row.body))
			codes = append(codes, strconv.Itoa(code))
			if row.save != "" && code/100 == 2 && fx.objs[row.owner][row.save] == "" {
				fx.objs[row.owner][row.save] = idOf(t, body)
			}
			if code/100 == 5 {
				t.Errorf("%s %s as %s: %d %s", row.route, row.owner, role, code, body)
			}
		}
		line := strings.Join(codes, " ")
		got = append(got, fmt.Sprintf("%-45s %-2s %s", row.route, row.owner, line))
		if line != row.want {
			failed = true
			t.Errorf("%s (%s's): %s, want %s", row.route, row.owner, line, row.want)
		}
	}
	if failed {
		t.Logf("the matrix as served (admin regulator pa reviewer operator pb):\n%s", strings.Join(got, "\n"))
	}

	// Without a token (or with a revoked one) every route but the public
	// ones is 401; public ones answer without a token.
	revoked := fx.mint(enforce.TokenRequest{Name: "已吊销", Role: qinglang.RolePlatform, Platform: "pa"})
	if _, err := fx.m.Enforcement().RevokeToken(context.Background(), qinglang.System, revoked.Token.ID); err != nil {
		t.Fatal(err)
	}
	for _, r := range httpapi.Routes() {
		target := strings.NewReplacer("{id}", "x1", "{kind}", "merchants", "{platform}", "pa").Replace(r.Path)
		for _, secret := range []string{"", revoked.Secret} {
			code, body := fx.do(secret, r.Method, target, "", "{}")
			switch {
			case r.Public && code != http.StatusOK:
				t.Errorf("public %s %s without a token: %d %s", r.Method, target, code, body)
			case !r.Public && code != http.StatusUnauthorized:
				t.Errorf("%s %s without a valid token: %d %s", r.Method, target, code, body)
			}
		}
	}
	if len(public) != 11 {
		t.Errorf("%d public routes: %v", len(public), public)
	}

	// A token past its rate is 429 with Retry-After.
	limited := false
	for range 200 {
		code, _, header := fx.send(fx.tokens["operator"], http.MethodGet, "/v1/rules", "", "")
		if code == http.StatusTooManyRequests {
			if s, err := strconv.Atoi(header.Get("Retry-After")); err != nil || s < 1 {
				t.Errorf("Retry-After %q", header.Get("Retry-After"))
			}
			limited = true
			break
		}
	}
	if !limited {
		t.Error("200 requests of an operator's token at once were not limited")
	}
}

// routeRequest checks that target is served by route and returns a
// request for it.
func routeRequest(t *testing.T, route, target string, mux *http.ServeMux) *http.Request {
	t.Helper()
	method, _, _ := strings.Cut(route, " ")
	req, err := http.NewRequest(method, "http://qinglang.invalid"+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, pattern := mux.Handler(req); pattern != route {
		t.Fatalf("%s %s is served by %q, not %s", method, target, pattern, route)
	}
	return req
}

// mint makes a token as the system.
func (fx *matrixFixture) mint(r enforce.TokenRequest) enforce.NewToken {
	fx.t.Helper()
	nt, err := fx.m.Enforcement().CreateToken(context.Background(), qinglang.System, r)
	if err != nil {
		fx.t.Fatalf("token %s: %v", r.Name, err)
	}
	return nt
}

// fill replaces the {name} placeholders of s with the owner's objects,
// making {new-token} and {new-webhook} afresh.
func (fx *matrixFixture) fill(owner, s string) string {
	fx.t.Helper()
	if strings.Contains(s, "{new-token}") {
		nt := fx.mint(enforce.TokenRequest{Name: "待吊销", Role: qinglang.RoleReviewer, Platform: owner})
		s = strings.ReplaceAll(s, "{new-token}", nt.Token.ID)
	}
	if strings.Contains(s, "{new-webhook}") {
		s = strings.ReplaceAll(s, "{new-webhook}", fx.webhook(owner))
	}
	s = strings.ReplaceAll(s, "{deadline}", time.Now().Add(72*time.Hour).UTC().Format(time.RFC3339))
	for name, id := range fx.objs[owner] {
		s = strings.ReplaceAll(s, "{"+name+"}", url.PathEscape(id))
	}
	for name, id := range fx.objs[""] {
		s = strings.ReplaceAll(s, "{"+name+"}", url.PathEscape(id))
	}
	if left := placeholder.FindString(s); left != "" {
		fx.t.Fatalf("%q has no object %s", owner, left)
	}
	return s
}

// placeholder is a {name} of a matrix row's target or body.
var placeholder = regexp.MustCompile(`\{[a-z][a-z-]*\}`)

// send makes a request with a token ("" for none) and returns the status,
// the answer and its header. A stream is closed once it has answered. A
// 429 is returned as it is.
func (fx *matrixFixture) send(secret, method, target, ctype, body string) (int, []byte, http.Header) {
	fx.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, fx.m.URL()+target, r)
	if err != nil {
		fx.t.Fatal(err)
	}
	if body != "" {
		if ctype == "" {
			ctype = "application/json"
		}
		req.Header.Set("Content-Type", ctype)
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		fx.t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp.StatusCode, nil, resp.Header
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		fx.t.Fatalf("%s %s: %v", method, target, err)
	}
	return resp.StatusCode, b, resp.Header
}

// do is send that waits out the rate limit (Retry-After) and tries again:
// the matrix makes many requests with each token at once.
func (fx *matrixFixture) do(secret, method, target, ctype, body string) (int, []byte) {
	fx.t.Helper()
	for range 60 {
		code, b, header := fx.send(secret, method, target, ctype, body)
		if code != http.StatusTooManyRequests {
			return code, b
		}
		wait, _ := strconv.Atoi(header.Get("Retry-After"))
		time.Sleep(time.Duration(max(wait, 1)) * time.Second)
	}
	fx.t.Fatalf("%s %s: still rate limited", method, target)
	return 0, nil
}

// ok makes a request as role that must succeed and decodes its answer
// into v (when not nil).
func (fx *matrixFixture) ok(role, method, target, body string, v any) {
	fx.t.Helper()
	code, b := fx.do(fx.tokens[role], method, target, "", body)
	if code/100 != 2 {
		fx.t.Fatalf("%s %s as %s: %d %s", method, target, role, code, b)
	}
	if v != nil {
		decodeJSON(fx.t, b, v)
	}
}

// idOf reads the id of an answer: {"id"} or the id of its first object
// field that has one.
func idOf(t *testing.T, b []byte) string {
	t.Helper()
	var m map[string]json.RawMessage
	decodeJSON(t, b, &m)
	var id string
	if raw, ok := m["id"]; ok && json.Unmarshal(raw, &id) == nil {
		return id
	}
	for _, raw := range m {
		var inner struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &inner) == nil && inner.ID != "" {
			return inner.ID
		}
	}
	t.Fatalf("no id in %s", b)
	return ""
}

// webhook registers a webhook of owner as the admin and returns its id.
func (fx *matrixFixture) webhook(owner string) string {
	fx.t.Helper()
	var nw struct {
		Endpoint struct {
			ID string `json:"id"`
		} `json:"endpoint"`
		ID string `json:"id"`
	}
	fx.ok("admin", http.MethodPost, "/v1/webhooks",
		fmt.Sprintf(`{"url":"https://hooks.example.com/%s","platform":%q}`, owner, owner), &nw)
	if nw.Endpoint.ID != "" {
		return nw.Endpoint.ID
	}
	return nw.ID
}

// approveWarning has a reviewer outside the matrix approve the owner's
// warning, and keeps its notice.
func (fx *matrixFixture) approveWarning(owner string) {
	fx.t.Helper()
	var decided struct {
		Notice *qinglang.Notice `json:"notice"`
	}
	fx.ok("decider-"+owner, http.MethodPost, "/v1/measures/"+fx.objs[owner]["warning"]+"/decision",
		`{"approve":true,"reason":"证据确凿"}`, &decided)
	if decided.Notice == nil {
		fx.t.Fatalf("approving %s's warning issued no notice", owner)
	}
	fx.objs[owner]["notice"] = decided.Notice.ID
}

// setup sends each platform's broadcast as the admin — a host's false
// claims (a case, whose measure the policy proposes), a crew's comments (a
// campaign) and a consumer's order — and a listing of a product both
// platforms sell, records a failed spot check of it, and makes a directive
// and a webhook of each platform. It returns once the cases have settled:
// a finding arriving later could supersede the measure the matrix decides.
func (fx *matrixFixture) setup() {
	t := fx.t
	ts := time.Now().UTC().Add(-time.Hour)
	at := func(i int) string { return ts.Add(time.Duration(i) * time.Second).Format(time.RFC3339Nano) }
	var evs []string
	for _, p := range []struct{ platform, room, host string }{{"pa", "r1", "h1"}, {"pb", "rb", "hb"}} {
		evs = append(evs,
			fmt.Sprintf(`{"type":"room_start","id":"%s-0","platform":%q,"room":%q,"ts":%q,"host":%q,"operator":"o-%[1]s","title":"果冻专场"}`,
				p.platform, p.platform, p.room, at(0), p.host),
			fmt.Sprintf(`{"type":"speech","id":"%s-1","platform":%q,"room":%q,"ts":%q,"speaker":%q,"text":"这款果冻包治百病，三天根治糖尿病"}`,
				p.platform, p.platform, p.room, at(1), p.host),
			fmt.Sprintf(`{"type":"listing","id":"%s-2","platform":%q,"ts":%q,"product":"honey-1","title":"蜂蜜 500g","merchant":"m-food","category":"food","price_fen":5990}`,
				p.platform, p.platform, at(2)),
			fmt.Sprintf(`{"type":"order","id":"%s-3","platform":%q,"room":%q,"ts":%q,"user":"u9","product":"jelly-1","qty":1,"amount_fen":5990}`,
				p.platform, p.platform, p.room, at(3)))
		for i := 1; i <= 3; i++ {
			evs = append(evs, fmt.Sprintf(`{"type":"comment","id":"%s-c%d","platform":%q,"room":%q,"ts":%q,"user":"u%d","text":%q}`,
				p.platform, i, p.platform, p.room, at(3+i), i, crewText))
		}
	}
	var res ingestResult
	fx.ok("admin", http.MethodPost, "/v1/events", strings.Join(evs, "\n"), &res)
	if res.Accepted != len(evs) {
		t.Fatalf("setup events: %+v", res)
	}
	waitProcessed(t, fx.m, len(evs))

	// A failed spot check of honey-1, sold on both platforms.
	tested := time.Now().Add(-24 * time.Hour).Format(time.DateOnly)
	var rec struct {
		Recorded []struct {
			ID        string   `json:"id"`
			Platforms []string `json:"platforms"`
		} `json:"recorded"`
	}
	code, b := fx.do(fx.tokens["admin"], http.MethodPost, "/v1/spotchecks", "text/csv",
		"product,batch,platform,merchant,category,lab,sampled_at,tested_at,pass,failed_items\n"+
			"honey-1,B2026,pa,m-food,food,示例检测所（虚构）,"+tested+","+tested+",不合格,铅|0.8|0.5|mg/kg\n")
	if code != http.StatusOK {
		t.Fatalf("spot check: %d %s", code, b)
	}
	decodeJSON(t, b, &rec)
	if len(rec.Recorded) != 1 || !slices.Equal(rec.Recorded[0].Platforms, []string{"pa", "pb"}) {
		t.Fatalf("spot check: %s", b)
	}
	fx.objs[""]["spotcheck"] = rec.Recorded[0].ID

	for _, p := range []struct{ owner, room, host string }{{"pa", "r1", "h1"}, {"pb", "rb", "hb"}} {
		o := fx.objs[p.owner]
		waitFor(t, settle, func() string { return "no campaign of " + p.owner }, func() bool {
			var cs campaignList
			fx.ok("admin", http.MethodGet, "/v1/campaigns?platform="+p.owner, "", &cs)
			if len(cs.Campaigns) == 0 {
				return false
			}
			o["campaign"] = cs.Campaigns[0].ID
			return true
		})
		// The host's case, with the measure the policy proposed, once
		// neither has changed for two seconds.
		var seen string
		since := time.Now()
		waitFor(t, settle, func() string { return "no settled case with a proposed measure for " + p.host + ": " + seen }, func() bool {
			var page enforce.CasePage
			fx.ok("admin", http.MethodGet, "/v1/cases?subject="+url.QueryEscape("host:"+p.owner+":"+p.host), "", &page)
			if len(page.Cases) == 0 {
				return false
			}
			var view enforce.CaseView
			fx.ok("admin", http.MethodGet, "/v1/cases/"+page.Cases[0].ID, "", &view)
			now := ""
			for _, ms := range view.Measures {
				if ms.State == qinglang.MeasureProposed {
					o["case"], o["measure"] = view.Case.ID, ms.ID
					now = fmt.Sprintf("%s %s %d findings", view.Case.ID, ms.ID, len(view.Case.Findings))
				}
			}
			if now == "" || now != seen {
				seen, since = now, time.Now()
				return false
			}
			return time.Since(since) >= 2*time.Second
		})
		var fs findingPage
		fx.ok("admin", http.MethodGet, "/v1/findings?platform="+p.owner+"&room="+p.room, "", &fs)
		if len(fs.Findings) == 0 {
			t.Fatalf("no finding in %s/%s", p.owner, p.room)
		}
		o["finding"] = fs.Findings[0].ID
		// A directive about the case, and a webhook.
		region := map[string]string{"pa": "310101", "pb": "320101"}[p.owner]
		var d qinglang.Directive
		fx.ok("admin", http.MethodPost, "/v1/directives", fmt.Sprintf(
			`{"kind":"request_to_act","region":%q,"platform":%q,"case_id":%q,"text":"请核查并处置","deadline":%q}`,
			region, p.owner, o["case"], time.Now().Add(72*time.Hour).UTC().Format(time.RFC3339)), &d)
		o["directive"] = d.ID
		o["webhook"] = fx.webhook(p.owner)
	}
}
