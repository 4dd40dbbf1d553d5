package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// The principals of the authentication and scope tests.
var (
	adminP     = qinglang.Principal{Name: "管理员", Role: qinglang.RoleAdmin}
	regulatorP = qinglang.Principal{Name: "上海市监", Role: qinglang.RoleRegulator, Region: "310000"}
	platformA  = qinglang.Principal{Name: "平台甲", Role: qinglang.RolePlatform, Platform: "pa"}
	platformB  = qinglang.Principal{Name: "平台乙", Role: qinglang.RolePlatform, Platform: "pb"}
	reviewerA  = qinglang.Principal{Name: "审核甲", Role: qinglang.RoleReviewer, Platform: "pa"}
	operatorA  = qinglang.Principal{Name: "运营甲", Role: qinglang.RoleOperator, Platform: "pa", Rooms: []string{"r1"}}
)

// authFixture is a server that requires tokens, with a fake enforcement
// service that knows the secrets bearer made.
type authFixture struct {
	s *Server
	f *fakeEnforcement

	mu      sync.Mutex
	secrets map[string]qinglang.Principal
}

// newAuthFixture returns a server with RequireAuth whose enforcement
// service authenticates the secrets of fx.bearer; any other secret is
// refused with a message of the service's own.
func newAuthFixture(t *testing.T) *authFixture {
	t.Helper()
	fx := &authFixture{secrets: map[string]qinglang.Principal{}}
	fx.f = &fakeEnforcement{AuthenticateFn: func(_ context.Context, secret string) (qinglang.Principal, error) {
		fx.mu.Lock()
		defer fx.mu.Unlock()
		p, ok := fx.secrets[secret]
		if !ok {
			return qinglang.Principal{}, qinglang.Errorf(qinglang.EUNAUTHENTICATED, "令牌已吊销", "the token is revoked")
		}
		return p, nil
	}}
	fx.s = newServer(nil)
	fx.s.RequireAuth = true
	fx.s.Enforcement = fx.f
	return fx
}

// bearer mints a secret for p (with a token id of its own) and returns the
// Authorization header's value.
func (fx *authFixture) bearer(t *testing.T, p qinglang.Principal) string {
	t.Helper()
	secret, id, err := authz.Generate()
	if err != nil {
		t.Fatal(err)
	}
	p.TokenID = id
	fx.mu.Lock()
	defer fx.mu.Unlock()
	fx.secrets[secret] = p
	return "Bearer " + secret
}

// serve serves a request with the Authorization header auth ("" for none)
// and the other headers given.
func (fx *authFixture) serve(t *testing.T, auth, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	if auth != "" {
		header = append(header, "Authorization", auth)
	}
	return serve(t, fx.s, method, target, body, header...)
}

// as serves a request as p with a fresh token.
func (fx *authFixture) as(t *testing.T, p qinglang.Principal, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	return fx.serve(t, fx.bearer(t, p), method, target, body, header...)
}

// routeTarget is a path that matches rt, its wildcards filled in.
func routeTarget(rt route) string {
	r := strings.NewReplacer("{id}", "x1", "{kind}", "x1", "{platform}", "x1")
	return r.Replace(rt.Path)
}

func TestRoutesExported(t *testing.T) {
	rs := Routes()
	if len(rs) != len(routes) {
		t.Fatalf("%d routes, want %d", len(rs), len(routes))
	}
	var public []string
	for i, r := range rs {
		if r.Method != routes[i].Method || r.Path != routes[i].Path {
			t.Errorf("route %d is %s %s, want %s", i, r.Method, r.Path, routes[i].pattern())
		}
		if r.Public {
			public = append(public, r.Method+" "+r.Path)
		}
	}
	want := []string{"GET /public/spotchecks", "GET /public/spotchecks.json", "GET /public/spotchecks.atom",
		"GET /public/cases", "GET /public/cases.json", "GET /public/cases.atom",
		"GET /v1/openapi.json", "GET /v1/version", "GET /healthz", "GET /readyz", "GET /metrics"}
	if !slices.Equal(public, want) {
		t.Errorf("public routes %v, want %v", public, want)
	}
}

// TestAuthRequired checks every route that is not public answers 401, with
// the Bearer challenge and one message, whatever is wrong with the token,
// and that only a well-formed secret reaches the service.
func TestAuthRequired(t *testing.T) {
	fx := newAuthFixture(t)
	unknown, _, err := authz.Generate()
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct{ name, auth string }{
		{"none", ""},
		{"scheme", "Basic dXNlcjpwYXNz"},
		{"empty", "Bearer "},
		{"malformed", "Bearer qlt_tooshort"},
		{"not ours", "Bearer ghp_0123456789abcdef"},
		{"unknown", "Bearer " + unknown},
	}
	var first string
	for _, rt := range routes {
		if rt.public() {
			continue
		}
		for _, b := range bad {
			rec := fx.serve(t, b.auth, rt.Method, routeTarget(rt), strings.NewReader("{}"), "Content-Type", "application/json")
			e := wantError(t, rec, http.StatusUnauthorized, qinglang.EUNAUTHENTICATED)
			if got := rec.Header().Get("WWW-Authenticate"); got != `Bearer realm="qinglang"` {
				t.Errorf("%s %s: WWW-Authenticate %q", rt.pattern(), b.name, got)
			}
			msg := e.Error.Message + " / " + e.Error.MessageEN
			if first == "" {
				first = msg
			}
			if msg != first {
				t.Errorf("%s, %s token: message %q, want the same as always %q", rt.pattern(), b.name, msg, first)
			}
		}
	}
	if !strings.Contains(first, "Authorization: Bearer") || strings.Contains(first, "the token is revoked") {
		t.Errorf("message %q", first)
	}
	calls := fx.f.Calls()
	if want := len(routes) - len(publicPaths) - 6; len(calls) != want || slices.ContainsFunc(calls, func(c string) bool { return c != "Authenticate" }) {
		t.Errorf("the service was called %d times (%v), want Authenticate once per route for the well-formed unknown secret (%d)",
			len(calls), calls, want)
	}
}

// TestPublicRoutesNeedNoToken checks the public routes answer without a
// token, and ignore a bad one, on a server that requires tokens.
func TestPublicRoutesNeedNoToken(t *testing.T) {
	fx := newAuthFixture(t)
	fx.f.Err = qinglang.Errorf(qinglang.EUNAVAILABLE, "存储不可用", "the store is down")
	for _, rt := range routes {
		if !rt.public() {
			continue
		}
		for _, auth := range []string{"", "Bearer qlt_nonsense"} {
			rec := fx.serve(t, auth, rt.Method, routeTarget(rt), nil)
			if rec.Code == http.StatusUnauthorized || rec.Code == http.StatusForbidden {
				t.Errorf("%s with %q: %d %s", rt.pattern(), auth, rec.Code, rec.Body)
			}
		}
	}
	for _, target := range []string{"/healthz", "/v1/version", "/v1/openapi.json", "/metrics", "/readyz"} {
		if rec := fx.serve(t, "", http.MethodGet, target, nil); rec.Code != http.StatusOK {
			t.Errorf("%s: %d %s", target, rec.Code, rec.Body)
		}
	}
	if slices.Contains(fx.f.Calls(), "Authenticate") {
		t.Errorf("a public route authenticated: %v", fx.f.Calls())
	}
}

// TestAuthWithoutEnforcement checks a server that requires tokens but has
// no enforcement service to check them answers 503, not 401 or 200.
func TestAuthWithoutEnforcement(t *testing.T) {
	s := newServer(nil)
	s.RequireAuth = true
	for _, target := range []string{"/v1/findings", "/v1/rules", "/v1/cases"} {
		e := wantError(t, serve(t, s, http.MethodGet, target, nil, "Authorization", "Bearer qlt_x"),
			http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
		if !strings.Contains(e.Error.MessageEN, "requires tokens") {
			t.Errorf("%s: %q", target, e.Error.MessageEN)
		}
	}
	if rec := serve(t, s, http.MethodGet, "/healthz", nil); rec.Code != http.StatusOK {
		t.Errorf("/healthz: %d", rec.Code)
	}
}

// TestAuthStoreDown checks a service that cannot check a token (its store
// is down) answers 503: the token may well be good.
func TestAuthStoreDown(t *testing.T) {
	fx := newAuthFixture(t)
	auth := fx.bearer(t, platformA)
	fx.f.AuthenticateFn = func(context.Context, string) (qinglang.Principal, error) {
		return qinglang.Principal{}, qinglang.Errorf(qinglang.EUNAVAILABLE, "存储不可用", "the store is down")
	}
	wantError(t, fx.serve(t, auth, http.MethodGet, "/v1/rules", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// TestAuthPrincipalReachesHandlers checks the token's principal is the
// one the handlers and the service see.
func TestAuthPrincipalReachesHandlers(t *testing.T) {
	fx := newAuthFixture(t)
	var got qinglang.Principal
	fx.f.TokensFn = func(_ context.Context, p qinglang.Principal) ([]authz.Token, error) {
		got = p
		return nil, nil
	}
	if rec := fx.as(t, reviewerA, http.MethodGet, "/v1/tokens", nil); rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if got.Role != qinglang.RoleReviewer || got.Platform != "pa" || got.TokenID == "" || got.Name != reviewerA.Name {
		t.Errorf("principal %+v", got)
	}
}

// TestRateLimited checks every route that is not public answers 429 past
// the token's rate, with Retry-After in whole seconds rounded up, and that
// other tokens keep their own rate.
func TestRateLimited(t *testing.T) {
	fx := newAuthFixture(t)
	lim, err := authz.NewLimiter(authz.LimiterConfig{Limits: map[qinglang.Role]authz.Limit{
		qinglang.RolePlatform: {Rate: 0.4, Burst: 1}, // an empty bucket refills one request in 2.5 s
	}})
	if err != nil {
		t.Fatal(err)
	}
	fx.s.Limiter = lim
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	fx.s.now = func() time.Time { return now }
	auth := fx.bearer(t, platformA)
	if rec := fx.serve(t, auth, http.MethodGet, "/v1/rules", nil); rec.Code == http.StatusTooManyRequests {
		t.Fatalf("the first request was limited: %s", rec.Body)
	}
	for _, rt := range routes {
		if rt.public() {
			continue
		}
		rec := fx.serve(t, auth, rt.Method, routeTarget(rt), strings.NewReader("{}"), "Content-Type", "application/json")
		wantError(t, rec, http.StatusTooManyRequests, qinglang.ERATELIMITED)
		if got := rec.Header().Get("Retry-After"); got != "3" {
			t.Errorf("%s: Retry-After %q, want 3 (2.5 s rounded up)", rt.pattern(), got)
		}
	}
	// Another token of the same role has a bucket of its own, and public
	// routes are not limited.
	if rec := fx.as(t, platformA, http.MethodGet, "/v1/rules", nil); rec.Code == http.StatusTooManyRequests {
		t.Errorf("another token was limited: %s", rec.Body)
	}
	if rec := fx.serve(t, auth, http.MethodGet, "/v1/version", nil); rec.Code != http.StatusOK {
		t.Errorf("a public route was limited: %d", rec.Code)
	}
	// Time refills the bucket.
	now = now.Add(3 * time.Second)
	if rec := fx.serve(t, auth, http.MethodGet, "/v1/rules", nil); rec.Code == http.StatusTooManyRequests {
		t.Errorf("still limited after Retry-After: %s", rec.Body)
	}
}

// TestOpenModeIsAdmin checks that without RequireAuth a request needs no
// token, ignores one, and acts as the open-mode administrator, unlimited.
func TestOpenModeIsAdmin(t *testing.T) {
	var got []qinglang.Principal
	f := &fakeEnforcement{TokensFn: func(_ context.Context, p qinglang.Principal) ([]authz.Token, error) {
		got = append(got, p)
		return nil, nil
	}}
	s := enforcing(f)
	lim, err := authz.NewLimiter(authz.LimiterConfig{Limits: map[qinglang.Role]authz.Limit{
		qinglang.RoleAdmin: {Rate: 0.001, Burst: 1},
	}})
	if err != nil {
		t.Fatal(err)
	}
	s.Limiter = lim
	for range 3 {
		for _, auth := range []string{"", "Bearer qlt_nonsense"} {
			if rec := serve(t, s, http.MethodGet, "/v1/tokens", nil, "Authorization", auth); rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
		}
	}
	if len(got) != 6 || slices.ContainsFunc(got, func(p qinglang.Principal) bool { return p.Name != "open" || p.Role != qinglang.RoleAdmin }) {
		t.Errorf("principals %+v", got)
	}
	if slices.Contains(f.Calls(), "Authenticate") {
		t.Errorf("open mode authenticated: %v", f.Calls())
	}
}

// forbiddenRequest is a request a role may not make.
type forbiddenRequest struct {
	p                    qinglang.Principal
	method, target, body string
	ct                   string
	say                  string // what the message must say, if anything
}

// TestForbiddenByRole checks each route whose action some role may not do
// answers that role 403, before reading its body or needing its service.
func TestForbiddenByRole(t *testing.T) {
	reqs := []forbiddenRequest{
		{reviewerA, http.MethodPost, "/v1/events", goodSpeech, "application/x-ndjson", "events.write"},
		{regulatorP, http.MethodPost, "/v1/events", goodSpeech, "", ""},
		{operatorA, http.MethodPost, "/v1/events", goodSpeech, "", ""},
		{regulatorP, http.MethodGet, "/v1/findings", "", "", "/v1/cases"},
		{regulatorP, http.MethodGet, "/v1/findings?platform=pa", "", "", "/v1/cases"},
		{regulatorP, http.MethodGet, "/v1/findings/stream", "", "", "/v1/cases"},
		{regulatorP, http.MethodGet, "/v1/stats/findings", "", "", "/v1/cases"},
		{regulatorP, http.MethodGet, "/v1/stats/findings?platform=pa&bucket=day", "", "", "/v1/cases"},
		{regulatorP, http.MethodGet, "/v1/rooms", "", "", "/v1/cases"},
		{operatorA, http.MethodGet, "/v1/campaigns", "", "", "campaigns.read"},
		{regulatorP, http.MethodGet, "/v1/campaigns", "", "", "/v1/cases"},
		{platformA, http.MethodPost, "/v1/rules/reload", "", "", "rules.reload"},
		{reviewerA, http.MethodPost, "/v1/rules/reload", "", "", ""},
		{operatorA, http.MethodGet, "/v1/registry", "", "", "registry.read"},
		{operatorA, http.MethodGet, "/v1/registry/export", "", "", ""},
		{operatorA, http.MethodGet, "/v1/registry/due", "", "", ""},
		{operatorA, http.MethodGet, "/v1/registry/report?period=2026-01", "", "", ""},
		{operatorA, http.MethodGet, "/v1/registry/merchants", "", "", ""},
		{operatorA, http.MethodGet, "/v1/registry/merchants/m1", "", "", ""},
		{platformA, http.MethodPost, "/v1/registry/reload", "", "", "only an admin"},
		{reviewerA, http.MethodPost, "/v1/registry/reload", "", "", "registry.write"},
		{platformA, http.MethodPost, "/v1/registry/import", "{}", "application/json", "only an admin"},
		{regulatorP, http.MethodPost, "/v1/registry/import", "{}", "application/json", "registry.write"},
		{platformA, http.MethodPost, "/v1/spotchecks", "[]", "application/json", "spotchecks.write"},
		{reviewerA, http.MethodPost, "/v1/spotchecks", "[]", "application/json", ""},
		{operatorA, http.MethodGet, "/v1/spotchecks", "", "", "spotchecks.read"},
		{operatorA, http.MethodGet, "/v1/spotchecks/s1", "", "", ""},
		{operatorA, http.MethodGet, "/v1/spotchecks/s1/notices/pa", "", "", ""},
		{platformA, http.MethodGet, "/v1/audit/verify", "", "", "audit.verify"},
		{reviewerA, http.MethodGet, "/v1/audit/verify", "", "", ""},
	}
	fx := newAuthFixture(t) // no store, no services: 403 comes first
	for _, req := range reqs {
		var header []string
		if req.ct != "" {
			header = []string{"Content-Type", req.ct}
		}
		rec := fx.as(t, req.p, req.method, req.target, strings.NewReader(req.body), header...)
		e := wantError(t, rec, http.StatusForbidden, qinglang.EFORBIDDEN)
		if !strings.Contains(e.Error.MessageEN, req.say) || !strings.Contains(e.Error.Message, string(req.p.Role)) && req.say != "/v1/cases" {
			t.Errorf("%s %s as %s: %+v, want it to say %s", req.method, req.target, req.p.Role, e.Error, req.say)
		}
	}
	// The roles that may get past the check go on to what is missing.
	wantError(t, fx.as(t, platformA, http.MethodPost, "/v1/events", nil), http.StatusBadRequest, qinglang.EINVALID)
	wantError(t, fx.as(t, regulatorP, http.MethodGet, "/v1/registry", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	wantError(t, fx.as(t, adminP, http.MethodPost, "/v1/registry/reload", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	wantError(t, fx.as(t, regulatorP, http.MethodPost, "/v1/spotchecks", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// scopeStore is a store of findings, rooms and campaigns of two platforms,
// pa and pb: rooms r1 and r2 of pa, rb of pb.
func scopeStore(t *testing.T, calls *[]string) *fakeStore {
	findings := map[string]qinglang.Finding{
		"f_a1": testFinding("f_a1", "pa", "r1", qinglang.SeverityHigh),
		"f_a2": testFinding("f_a2", "pa", "r2", qinglang.SeverityHigh),
		"f_b":  testFinding("f_b", "pb", "rb", qinglang.SeverityHigh),
	}
	rooms := map[qinglang.RoomKey]bool{{Platform: "pa", Room: "r1"}: true, {Platform: "pa", Room: "r2"}: true,
		{Platform: "pb", Room: "rb"}: true}
	note := func(s string) {
		if calls != nil {
			*calls = append(*calls, s)
		}
	}
	return &fakeStore{
		FindingFn: func(_ context.Context, id string) (qinglang.Finding, error) {
			note("Finding " + id)
			if f, ok := findings[id]; ok {
				return f, nil
			}
			return qinglang.Finding{}, qinglang.Errorf(qinglang.ENOTFOUND, "存储：无 %s", "store: no %s", id)
		},
		FindingsFn: func(_ context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
			note("Findings " + f.Platform + "/" + f.Room)
			// A store that ignores the platform: the handler still
			// answers only what the principal may see.
			var out []qinglang.Finding
			for _, id := range []string{"f_a1", "f_a2", "f_b"} {
				if fd := findings[id]; f.Room == "" || fd.Room == f.Room {
					out = append(out, fd)
				}
			}
			return qinglang.FindingPage{Findings: out}, nil
		},
		RoomFn: func(_ context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
			note("Room " + key.Platform + "/" + key.Room)
			if !rooms[key] {
				return qinglang.RoomSummary{}, qinglang.Errorf(qinglang.ENOTFOUND, "存储：无 %s", "store: no %s", key.Room)
			}
			return testRoom(key), nil
		},
		EventsFn: func(_ context.Context, f qinglang.EventFilter) ([]qinglang.Event, error) {
			note("Events " + f.Platform + "/" + f.Room)
			return nil, nil
		},
		CampaignFn: func(_ context.Context, id string) (qinglang.CampaignRecord, error) {
			note("Campaign " + id)
			c := testCampaign(t)
			c.ID, c.Platform, c.Rooms = id, "pa", []string{"r1"}
			switch id {
			case "c_a1":
			case "c_a12":
				c.Rooms = []string{"r1", "r2"}
			case "c_b":
				c.Platform, c.Rooms = "pb", []string{"rb"}
			default:
				return qinglang.CampaignRecord{}, qinglang.Errorf(qinglang.ENOTFOUND, "存储：无 %s", "store: no %s", id)
			}
			return c, nil
		},
		CampaignsFn: func(_ context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
			note("Campaigns " + f.Platform)
			a, b := testCampaign(t), testCampaign(t)
			a.ID, a.Platform, a.Rooms = "c_a1", "pa", []string{"r1"}
			b.ID, b.Platform, b.Rooms = "c_b", "pb", []string{"rb"}
			return qinglang.CampaignPage{Campaigns: []qinglang.CampaignRecord{a, b}}, nil
		},
	}
}

// TestScopedObjectsOfOthersAreNotFound checks a finding, a room (and its
// events) and a campaign the principal may not see answer 404 word for
// word as a missing one does, and that those it may see answer.
func TestScopedObjectsOfOthersAreNotFound(t *testing.T) {
	fx := newAuthFixture(t)
	fx.s.Store = scopeStore(t, nil)
	cases := []struct {
		p          qinglang.Principal
		target, id string // a 404 is compared with that of target with id zz, which nothing has
		want       int
	}{
		{platformA, "/v1/findings/f_b", "f_b", http.StatusNotFound},
		{reviewerA, "/v1/findings/f_b", "f_b", http.StatusNotFound},
		{operatorA, "/v1/findings/f_a2", "f_a2", http.StatusNotFound},
		{operatorA, "/v1/findings/f_b", "f_b", http.StatusNotFound},
		{regulatorP, "/v1/findings/f_a1", "f_a1", http.StatusNotFound},
		{platformA, "/v1/rooms/rb?platform=pb", "rb", http.StatusNotFound},
		{platformA, "/v1/rooms/rb/events?platform=pb", "rb", http.StatusNotFound},
		{operatorA, "/v1/rooms/r2", "r2", http.StatusNotFound},
		{operatorA, "/v1/rooms/r2/events", "r2", http.StatusNotFound},
		{regulatorP, "/v1/rooms/r1?platform=pa", "r1", http.StatusNotFound},
		{platformA, "/v1/campaigns/c_b", "c_b", http.StatusNotFound},
		{reviewerA, "/v1/campaigns/c_b", "c_b", http.StatusNotFound},
		{regulatorP, "/v1/campaigns/c_a1", "c_a1", http.StatusNotFound},
		{operatorA, "/v1/campaigns/c_b", "c_b", http.StatusNotFound},
		{operatorA, "/v1/campaigns/c_a12", "c_a12", http.StatusNotFound},
		// An operator sees a campaign of its own rooms but may not read it.
		{operatorA, "/v1/campaigns/c_a1", "", http.StatusForbidden},
		// What each may see.
		{platformA, "/v1/findings/f_a2", "", http.StatusOK},
		{platformB, "/v1/findings/f_b", "", http.StatusOK},
		{operatorA, "/v1/findings/f_a1", "", http.StatusOK},
		{adminP, "/v1/findings/f_b", "", http.StatusOK},
		{platformA, "/v1/rooms/r2", "", http.StatusOK},
		{operatorA, "/v1/rooms/r1/events", "", http.StatusOK},
		{platformB, "/v1/rooms/rb", "", http.StatusOK},
		{adminP, "/v1/rooms/rb?platform=pb", "", http.StatusOK},
		{reviewerA, "/v1/campaigns/c_a12", "", http.StatusOK},
		{platformB, "/v1/campaigns/c_b", "", http.StatusOK},
	}
	for _, c := range cases {
		rec := fx.as(t, c.p, http.MethodGet, c.target, nil)
		if rec.Code != c.want {
			t.Errorf("%s as %s %s: %d %s, want %d", c.target, c.p.Role, c.p.Platform, rec.Code, rec.Body, c.want)
			continue
		}
		if c.want != http.StatusNotFound {
			continue
		}
		miss := fx.as(t, c.p, http.MethodGet, strings.Replace(c.target, c.id, "zz", 1), nil)
		wantError(t, miss, http.StatusNotFound, qinglang.ENOTFOUND)
		if strings.ReplaceAll(rec.Body.String(), c.id, "zz") != miss.Body.String() {
			t.Errorf("%s as %s: %s differs from a missing one's %s", c.target, c.p.Role, rec.Body, miss.Body)
		}
	}
}

// TestRoomPlatformDefaultsToTheTokens checks a room named without a
// platform is looked up on the token's platform.
func TestRoomPlatformDefaultsToTheTokens(t *testing.T) {
	var calls []string
	fx := newAuthFixture(t)
	fx.s.Store = scopeStore(t, &calls)
	fx.as(t, platformB, http.MethodGet, "/v1/rooms/rb", nil)
	fx.as(t, adminP, http.MethodGet, "/v1/rooms/rb", nil)
	fx.as(t, platformA, http.MethodGet, "/v1/rooms/rb?platform=pb", nil) // not asked
	if want := []string{"Room pb/rb", "Findings pb/rb", "Room default/rb"}; !slices.Equal(calls, want) {
		t.Errorf("store calls %v, want %v", calls, want)
	}
}

// TestListsScoped checks the lists of findings and campaigns hold what the
// principal may see only, a filter naming another platform answering an
// empty list without asking the store.
func TestListsScoped(t *testing.T) {
	twoRooms := operatorA
	twoRooms.Rooms = []string{"r1", "r2"}
	cases := []struct {
		p      qinglang.Principal
		target string
		ids    []string
		calls  []string
	}{
		{adminP, "/v1/findings", []string{"f_a1", "f_a2", "f_b"}, []string{"Findings /"}},
		{platformA, "/v1/findings", []string{"f_a1", "f_a2"}, []string{"Findings pa/"}},
		{platformA, "/v1/findings?platform=pa&room=r2", []string{"f_a2"}, []string{"Findings pa/r2"}},
		{platformA, "/v1/findings?platform=pb", []string{}, nil},
		{reviewerA, "/v1/findings?platform=pb&room=rb", []string{}, nil},
		{platformB, "/v1/findings", []string{"f_b"}, []string{"Findings pb/"}},
		{operatorA, "/v1/findings", []string{"f_a1"}, []string{"Findings pa/r1"}},
		{operatorA, "/v1/findings?room=r2", []string{}, nil},
		{operatorA, "/v1/findings?platform=pb&room=r1", []string{}, nil},
		{twoRooms, "/v1/findings?room=r2", []string{"f_a2"}, []string{"Findings pa/r2"}},
		{adminP, "/v1/campaigns", []string{"c_a1", "c_b"}, []string{"Campaigns "}},
		{platformA, "/v1/campaigns", []string{"c_a1"}, []string{"Campaigns pa"}},
		{reviewerA, "/v1/campaigns?platform=pb", []string{}, nil},
	}
	for _, c := range cases {
		var calls []string
		fx := newAuthFixture(t)
		fx.s.Store = scopeStore(t, &calls)
		rec := fx.as(t, c.p, http.MethodGet, c.target, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s as %s: %d %s", c.target, c.p.Role, rec.Code, rec.Body)
			continue
		}
		var page struct {
			Findings  []struct{ ID string } `json:"findings"`
			Campaigns []struct{ ID string } `json:"campaigns"`
		}
		decode(t, rec.Body.Bytes(), &page)
		ids := []string{}
		for _, f := range page.Findings {
			ids = append(ids, f.ID)
		}
		for _, c := range page.Campaigns {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(ids, c.ids) || !slices.Equal(calls, c.calls) {
			t.Errorf("%s as %s %s: %v with store calls %v, want %v with %v", c.target, c.p.Role, c.p.Platform, ids, calls, c.ids, c.calls)
		}
	}
	fx := newAuthFixture(t)
	fx.s.Store = scopeStore(t, nil)
	e := wantError(t, fx.as(t, twoRooms, http.MethodGet, "/v1/findings", nil), http.StatusBadRequest, qinglang.EINVALID)
	if !strings.Contains(e.Error.MessageEN, "room") || !strings.Contains(e.Error.MessageEN, "r1, r2") {
		t.Errorf("%+v", e.Error)
	}
}

// TestEventsOfAnotherPlatform checks a platform token's events: those of
// its platform and those naming none (or "default") are accepted as its
// platform's, those of another platform rejected per line or index,
// field platform, without holding back the others.
func TestEventsOfAnotherPlatform(t *testing.T) {
	fx := newAuthFixture(t)
	var got []qinglang.Event
	fx.s.Ingest = &fakeIngester{IngestFn: func(_ context.Context, events []qinglang.Event) error {
		got = append(got, events...)
		return nil
	}}
	pa := `{"type":"comment","id":"e1","ts":"2025-06-12T20:00:00+08:00","platform":"pa","room":"r1","user":"u1","text":"好"}`
	pb := `{"type":"comment","id":"e2","ts":"2025-06-12T20:00:00+08:00","platform":"pb","room":"r1","user":"u1","text":"好"}`
	none := `{"type":"comment","id":"e3","ts":"2025-06-12T20:00:00+08:00","room":"r1","user":"u1","text":"好"}`
	def := `{"type":"comment","id":"e4","ts":"2025-06-12T20:00:00+08:00","platform":"default","room":"r1","user":"u1","text":"好"}`

	rec := fx.as(t, platformA, http.MethodPost, "/v1/events", strings.NewReader(strings.Join([]string{pa, pb, none, def}, "\n")))
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var res result
	decode(t, rec.Body.Bytes(), &res)
	if res.Accepted != 3 || res.Rejected != 1 || len(res.Errors) != 1 {
		t.Fatalf("result %+v", res)
	}
	if p := res.Errors[0]; p.Line != 2 || p.Index != nil || p.Field != "platform" || p.ID != "e2" ||
		!strings.Contains(p.ReasonEN, `"pb"`) || !strings.Contains(p.Reason, `"pa"`) {
		t.Errorf("problem %+v", p)
	}
	if len(got) != 3 || slices.ContainsFunc(got, func(ev qinglang.Event) bool { return ev.Platform != "pa" }) {
		t.Errorf("ingested %+v", got)
	}

	// A JSON array names the index; an admin's events keep their platform.
	got = nil
	rec = fx.as(t, platformB, http.MethodPost, "/v1/events", strings.NewReader("["+pa+","+pb+"]"))
	var arr result
	decode(t, rec.Body.Bytes(), &arr)
	if arr.Accepted != 1 || len(arr.Errors) != 1 || arr.Errors[0].Index == nil || *arr.Errors[0].Index != 0 || arr.Errors[0].Field != "platform" {
		t.Errorf("result %+v", arr)
	}
	got = nil
	fx.as(t, adminP, http.MethodPost, "/v1/events", strings.NewReader(pb+"\n"+none))
	if len(got) != 2 || got[0].Platform != "pb" || got[1].Platform != qinglang.DefaultPlatform {
		t.Errorf("admin's events %+v", got)
	}

	// Nothing of its own: 400 with the problems, nothing ingested.
	got = nil
	rec = fx.as(t, platformA, http.MethodPost, "/v1/events", strings.NewReader(pb))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var none400 result
	decode(t, rec.Body.Bytes(), &none400)
	if none400.Accepted != 0 || none400.Rejected != 1 || none400.Errors[0].Field != "platform" || got != nil {
		t.Errorf("result %+v, ingested %v", none400, got)
	}
}

// TestStreamScoped checks a finding stream sends only what its token may
// see, live and replayed, and that a Last-Event-ID of another platform's
// finding is as unknown as a missing one.
func TestStreamScoped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// open starts a stream as p on a server of its own (each fixture
	// serves one subscription).
	open := func(p qinglang.Principal, query, lastEventID string) (*bufio.Reader, chan qinglang.Finding) {
		t.Helper()
		fx := newStreamFixture(t)
		auth := newAuthFixture(t)
		fx.s.RequireAuth, fx.s.Enforcement = true, auth.f
		fx.s.Store = scopeStore(t, nil)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, fx.ts.URL+"/v1/findings/stream"+query, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", auth.bearer(t, p))
		if lastEventID != "" {
			req.Header.Set("Last-Event-ID", lastEventID)
		}
		resp, err := fx.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		checkAgainstDoc(t, req, resp.StatusCode, resp.Header, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
		br := bufio.NewReader(resp.Body)
		if line, err := br.ReadString('\n'); err != nil || !strings.HasPrefix(line, ":") {
			t.Fatalf("first line %q, %v", line, err)
		}
		return br, recvWithin(t, fx.subs, "subscription")
	}

	// Live: another platform's finding, then a room not the operator's,
	// then its own.
	br, ch := open(operatorA, "", "")
	ch <- testFinding("f_b", "pb", "rb", qinglang.SeverityHigh)
	ch <- testFinding("f_a2", "pa", "r2", qinglang.SeverityHigh)
	ch <- testFinding("f_a1", "pa", "r1", qinglang.SeverityHigh)
	if ev := readEvent(t, br); ev["id"] != "f_a1" {
		t.Errorf("operator got %v first, want f_a1", ev)
	}

	// A platform filter naming another platform sends nothing.
	br, ch = open(platformA, "?platform=pb", "")
	ch <- testFinding("f_b", "pb", "rb", qinglang.SeverityHigh)
	ch <- testFinding("f_a1", "pa", "r1", qinglang.SeverityHigh)
	close(ch)
	if rest, _ := io.ReadAll(br); strings.Contains(string(rest), "event: finding") {
		t.Errorf("a stream of pb for pa sent %s", rest)
	}

	// Replay: the store ignores the platform, the stream does not.
	br, ch = open(platformB, "", "f_b")
	ch <- testFinding("f_b2", "pb", "rb", qinglang.SeverityHigh)
	for _, want := range []string{"f_b", "f_b2"} {
		if ev := readEvent(t, br); ev["id"] != want {
			t.Errorf("replay got %v, want %s", ev, want)
		}
	}

	// Another platform's id as Last-Event-ID: nothing replayed, the same
	// comment as for an unknown id.
	br, ch = open(platformA, "", "f_b")
	ch <- testFinding("f_a1", "pa", "r1", qinglang.SeverityHigh)
	line, _ := br.ReadString('\n')
	for line == "\n" {
		line, _ = br.ReadString('\n')
	}
	if !strings.Contains(line, `unknown Last-Event-ID "f_b"`) {
		t.Errorf("first line %q", line)
	}
	if ev := readEvent(t, br); ev["id"] != "f_a1" {
		t.Errorf("got %v, want f_a1", ev)
	}
}

// routeActions is the action of each route that needs a token, as the
// handler or the enforcement service checks it.
var routeActions = map[string]authz.Action{
	"GET /v1/me":                                 authz.PublicRead, // any token: it only says who it is
	"POST /v1/events":                            authz.EventsWrite,
	"GET /v1/findings":                           authz.FindingsRead,
	"GET /v1/findings/stream":                    authz.FindingsRead,
	"GET /v1/findings/{id}":                      authz.FindingsRead,
	"POST /v1/findings/{id}/review":              authz.FindingsReview,
	"GET /v1/reviews":                            authz.FindingsRead,
	"GET /v1/stats/findings":                     authz.FindingsRead,
	"GET /v1/rooms":                              authz.RoomsRead,
	"GET /v1/campaigns":                          authz.CampaignsRead,
	"GET /v1/campaigns/{id}":                     authz.CampaignsRead,
	"GET /v1/rooms/{id}":                         authz.RoomsRead,
	"GET /v1/rooms/{id}/events":                  authz.RoomsRead,
	"POST /v1/lint":                              authz.LintUse,
	"GET /v1/rules":                              authz.RulesRead,
	"POST /v1/rules/reload":                      authz.RulesReload,
	"GET /v1/registry":                           authz.RegistryRead,
	"GET /v1/registry/export":                    authz.RegistryRead,
	"GET /v1/registry/due":                       authz.RegistryRead,
	"GET /v1/registry/report":                    authz.RegistryRead,
	"GET /v1/registry/{kind}":                    authz.RegistryRead,
	"GET /v1/registry/{kind}/{id}":               authz.RegistryRead,
	"POST /v1/registry/reload":                   authz.RegistryWrite,
	"POST /v1/registry/import":                   authz.RegistryWrite,
	"POST /v1/spotchecks":                        authz.SpotchecksWrite,
	"GET /v1/spotchecks":                         authz.SpotchecksRead,
	"GET /v1/spotchecks/{id}":                    authz.SpotchecksRead,
	"GET /v1/spotchecks/{id}/notices/{platform}": authz.SpotchecksRead,
	"GET /v1/cases":                              authz.CasesRead,
	"GET /v1/cases/{id}":                         authz.CasesRead,
	"POST /v1/cases/{id}/actions":                authz.CasesWrite,
	"POST /v1/cases/{id}/measures":               authz.MeasuresDecide,
	"GET /v1/cases/{id}/evidence":                authz.EvidenceExport,
	"POST /v1/cases/{id}/regulatory-actions":     authz.ActionsRecord,
	"POST /v1/measures/{id}/decision":            authz.MeasuresDecide,
	"POST /v1/measures/{id}/appeals":             authz.AppealsFile,
	"POST /v1/appeals/{id}/review":               authz.AppealsReview,
	"GET /v1/notices/{id}":                       authz.NoticesRead,
	"POST /v1/directives":                        authz.DirectivesSend,
	"GET /v1/directives":                         authz.DirectivesRead,
	"GET /v1/directives/{id}":                    authz.DirectivesRead,
	"POST /v1/directives/{id}/answers":           authz.DirectivesAnswer,
	"POST /v1/disputes":                          authz.DisputesAnswer,
	"POST /v1/tokens":                            authz.TokensManage,
	"GET /v1/tokens":                             authz.TokensManage,
	"DELETE /v1/tokens/{id}":                     authz.TokensManage,
	"POST /v1/webhooks":                          authz.WebhooksManage,
	"GET /v1/webhooks":                           authz.WebhooksManage,
	"DELETE /v1/webhooks/{id}":                   authz.WebhooksManage,
	"GET /v1/webhooks/{id}/deliveries":           authz.WebhooksManage,
	"GET /v1/audit":                              authz.AuditRead,
	"GET /v1/audit/verify":                       authz.AuditVerify,
}

// forbiddenBeyondTable are the routes that answer 403 to a role the
// permission table lets do their action: a regulator listing what it sees
// through cases.
var forbiddenBeyondTable = []string{"GET /v1/findings", "GET /v1/findings/stream", "GET /v1/reviews",
	"GET /v1/stats/findings", "GET /v1/rooms"}

// TestOpenAPISecurity keeps the document's security true: a public route
// has no security and no 401; any other is marked bearerAuth and documents
// 401 and 429, and 403 when some role may not do its action — and, outside
// the enforcement routes (whose service refuses for reasons of its own),
// only then.
func TestOpenAPISecurity(t *testing.T) {
	root := loadDoc(t)
	scheme := object(object(object(root, "components"), "securitySchemes"), "bearerAuth")
	if scheme["type"] != "http" || scheme["scheme"] != "bearer" {
		t.Errorf("bearerAuth %v", scheme)
	}
	if desc, _ := object(root, "info")["description"].(string); !strings.Contains(desc, "OPEN MODE") {
		t.Errorf("info.description does not warn about open mode: %q", desc)
	}
	for _, rt := range routes {
		op := object(object(object(root, "paths"), rt.Path), strings.ToLower(rt.Method))
		responses := object(op, "responses")
		has := func(status string) bool { _, ok := responses[status]; return ok }
		security, _ := json.Marshal(op["security"])
		if rt.public() {
			if op["security"] != nil || has("401") || has("403") || has("429") {
				t.Errorf("public %s has security %s or 401/403/429", rt.pattern(), security)
			}
			continue
		}
		if string(security) != `[{"bearerAuth":[]}]` || !has("401") || !has("429") {
			t.Errorf("%s: security %s, 401 %v, 429 %v", rt.pattern(), security, has("401"), has("429"))
		}
		act, ok := routeActions[rt.pattern()]
		if !ok {
			t.Errorf("%s has no action in routeActions", rt.pattern())
			continue
		}
		refused := slices.Contains(forbiddenBeyondTable, rt.pattern()) ||
			slices.ContainsFunc(qinglang.Roles, func(r qinglang.Role) bool { return !authz.Can(qinglang.Principal{Role: r}, act) })
		enforcement := slices.ContainsFunc(enforcementPrefixes, func(p string) bool { return strings.HasPrefix(rt.Path, p) })
		if refused && !has("403") || !refused && has("403") && !enforcement {
			t.Errorf("%s (%s): 403 documented %v, some role refused %v", rt.pattern(), act, has("403"), refused)
		}
	}
}
