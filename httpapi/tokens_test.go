package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/enforce"
)

func TestPostToken(t *testing.T) {
	var got enforce.TokenRequest
	f := &fakeEnforcement{CreateTokenFn: func(_ context.Context, _ qinglang.Principal, r enforce.TokenRequest) (enforce.NewToken, error) {
		got = r
		tok := testToken()
		tok.Role, tok.Platform, tok.Rooms, tok.ExpiresAt = r.Role, r.Platform, r.Rooms, r.ExpiresAt
		return enforce.NewToken{Token: tok, Secret: "qlt_secret_shown_once"}, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/tokens", `{"name":"直播间运营","role":"operator","platform":"pa","rooms":["r1","r2"],"expires_at":"2026-12-31T23:59:59+08:00"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Name != "直播间运营" || got.Role != qinglang.RoleOperator || got.Platform != "pa" || !slices.Equal(got.Rooms, []string{"r1", "r2"}) ||
		!got.ExpiresAt.Equal(time.Date(2026, 12, 31, 23, 59, 59, 0, cst)) {
		t.Errorf("request %+v", got)
	}
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q: the secret must not be cached", rec.Header().Get("Cache-Control"))
	}
	var nt enforce.NewToken
	decode(t, rec.Body.Bytes(), &nt)
	if nt.Secret != "qlt_secret_shown_once" || nt.Token.ID != "tok_1" || strings.Contains(rec.Body.String(), "must-never-appear") {
		t.Errorf("answer %s", rec.Body)
	}
	postJSON(t, s, "/v1/tokens", `{"name":"监管","role":"regulator","region":"310000"}`)
	if got.Region != "310000" || !got.ExpiresAt.IsZero() {
		t.Errorf("request %+v", got)
	}
	for body, field := range map[string]string{
		`{"name":"x"}`:               "role",
		`{"name":"x","role":"root"}`: "role",
		`{"name":"x","role":"admin","expires_at":"明天"}`: "expires_at",
		`{"name":"x","role":"admin","rooms":"r1"}`:      "rooms",
		`{"name":"x","role":"admin","secret":"mine"}`:   "secret",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/tokens", body), field)
	}
}

func TestGetTokens(t *testing.T) {
	f := &fakeEnforcement{TokensFn: func(context.Context, qinglang.Principal) ([]authz.Token, error) {
		return []authz.Token{testToken()}, nil
	}}
	rec := serve(t, enforcing(f), http.MethodGet, "/v1/tokens", nil)
	var list struct {
		Tokens []authz.Token `json:"tokens"`
	}
	decode(t, rec.Body.Bytes(), &list)
	if rec.Code != http.StatusOK || len(list.Tokens) != 1 || list.Tokens[0].Name != "李审核" {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "must-never-appear") || strings.Contains(rec.Body.String(), "hash") {
		t.Errorf("the list shows a hash: %s", rec.Body)
	}
	f.TokensFn = func(context.Context, qinglang.Principal) ([]authz.Token, error) { return nil, nil }
	rec = serve(t, enforcing(f), http.MethodGet, "/v1/tokens", nil)
	if strings.TrimSpace(rec.Body.String()) != `{"tokens":[]}` {
		t.Errorf("empty list %s", rec.Body)
	}
}

func TestDeleteToken(t *testing.T) {
	f := &fakeEnforcement{RevokeTokenFn: func(_ context.Context, _ qinglang.Principal, id string) (authz.Token, error) {
		tok := testToken()
		if id != tok.ID {
			return authz.Token{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有令牌 %s", "no token %s", id)
		}
		tok.RevokedAt = t0
		return tok, nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodDelete, "/v1/tokens/tok_1", nil)
	var tok authz.Token
	decode(t, rec.Body.Bytes(), &tok)
	if rec.Code != http.StatusOK || !tok.RevokedAt.Equal(t0) {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, s, http.MethodDelete, "/v1/tokens/tok_9", nil), http.StatusNotFound, qinglang.ENOTFOUND)
}
