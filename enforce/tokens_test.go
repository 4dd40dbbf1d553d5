package enforce

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

func TestTokenLifecycle(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc

	boot, err := s.BootstrapToken(ctx, "ops")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := s.Authenticate(ctx, boot.Secret)
	if err != nil {
		t.Fatal(err)
	}
	if admin.Role != qinglang.RoleAdmin || admin.TokenID != boot.Token.ID || admin.Name != "ops" {
		t.Fatalf("bootstrap principal %+v", admin)
	}

	exp := rgT0.Add(24 * time.Hour)
	plat, err := s.CreateToken(ctx, admin, TokenRequest{Name: "douyin gov", Role: qinglang.RolePlatform,
		Platform: "douyin", ExpiresAt: exp})
	if err != nil {
		t.Fatal(err)
	}
	if plat.Token.Hash != "" || !strings.HasPrefix(plat.Secret, authz.Prefix) {
		t.Fatalf("new token %+v", plat)
	}
	pp, err := s.Authenticate(ctx, plat.Secret)
	if err != nil {
		t.Fatal(err)
	}
	if pp.Role != qinglang.RolePlatform || pp.Platform != "douyin" || pp.TokenID != plat.Token.ID {
		t.Fatalf("platform principal %+v", pp)
	}

	// A platform issues its own platform's tokens (an empty platform is
	// its own) and nothing else.
	rev, err := s.CreateToken(ctx, pp, TokenRequest{Name: "reviewer 1", Role: qinglang.RoleReviewer})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Token.Platform != "douyin" {
		t.Fatalf("reviewer token platform %q", rev.Token.Platform)
	}
	for _, r := range []TokenRequest{
		{Name: "root", Role: qinglang.RoleAdmin},
		{Name: "samr", Role: qinglang.RoleRegulator, Region: "310000"},
		{Name: "ks", Role: qinglang.RolePlatform, Platform: "kuaishou"},
	} {
		_, err := s.CreateToken(ctx, pp, r)
		rgWantCode(t, err, qinglang.EFORBIDDEN)
	}
	rp, err := s.Authenticate(ctx, rev.Secret)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateToken(ctx, rp, TokenRequest{Name: "x", Role: qinglang.RoleReviewer})
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.Tokens(ctx, rp)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.CreateToken(ctx, admin, TokenRequest{Name: "bad", Role: qinglang.RoleRegulator, Region: "31"})
	rgWantCode(t, err, qinglang.EINVALID)

	// Listing: the platform sees its platform's tokens, the admin all.
	ids := func(ts []authz.Token) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.ID)
		}
		return out
	}
	mine, err := s.Tokens(ctx, pp)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(mine); len(got) != 2 || got[0] != rev.Token.ID || got[1] != plat.Token.ID {
		t.Fatalf("platform lists %v", got)
	}
	all, err := s.Tokens(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("admin lists %v", ids(all))
	}

	// Revoking: a foreign token is not found; the own one stops working.
	_, err = s.RevokeToken(ctx, pp, boot.Token.ID)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.RevokeToken(ctx, pp, "nosuchtoken")
	rgWantCode(t, err, qinglang.ENOTFOUND)
	env.clock.Add(time.Minute)
	revoked, err := s.RevokeToken(ctx, pp, rev.Token.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !revoked.RevokedAt.Equal(rgT0.Add(time.Minute)) || revoked.Hash != "" {
		t.Fatalf("revoked %+v", revoked)
	}
	_, err = s.Authenticate(ctx, rev.Secret)
	rgWantCode(t, err, qinglang.EUNAUTHENTICATED)
	_, err = s.RevokeToken(ctx, pp, rev.Token.ID)
	rgWantCode(t, err, qinglang.ECONFLICT)
	rec, err := env.store.Record(ctx, qinglang.RecToken, rev.Token.ID)
	if err != nil || rec.State != "revoked" || rec.Platform != "douyin" {
		t.Fatalf("revoked record %+v, %v", rec, err)
	}

	// Expiry.
	env.clock.Add(24 * time.Hour)
	_, err = s.Authenticate(ctx, plat.Secret)
	rgWantCode(t, err, qinglang.EUNAUTHENTICATED)
	if _, err := s.Authenticate(ctx, boot.Secret); err != nil {
		t.Fatal(err)
	}

	// The audit log names every change and holds no secret and no hash.
	got := env.auditActions(t, "")
	want := []string{"token.create", "token.create", "token.create", "token.revoke"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("audit %v, want %v", got, want)
	}
	for _, e := range env.audit(t, "") {
		for _, secret := range []string{boot.Secret, plat.Secret, rev.Secret} {
			if strings.Contains(string(e.Data), secret) || strings.Contains(string(e.Data), authz.Hash(secret)) {
				t.Fatalf("audit entry %d holds a secret or its hash: %s", e.Seq, e.Data)
			}
		}
	}
}

func TestAuthenticateSaysNothingOfWhatFailed(t *testing.T) {
	env := rgSetup(t, nil)
	tok, err := env.svc.BootstrapToken(env.ctx, "ops")
	if err != nil {
		t.Fatal(err)
	}
	other, _, _ := authz.Generate()
	// The same id with another key: the format holds, the hash does not.
	i := len(tok.Secret) - 10
	flip := map[bool]string{true: "b", false: "a"}[tok.Secret[i] == 'a']
	wrongKey := tok.Secret[:i] + flip + tok.Secret[i+1:]
	if id, err := authz.IDOf(wrongKey); err != nil || id != tok.Token.ID {
		t.Fatalf("wrong key %v, %v", id, err)
	}
	var msgs []string
	for _, secret := range []string{"", "qlt_nonsense", other, wrongKey} {
		_, err := env.svc.Authenticate(env.ctx, secret)
		rgWantCode(t, err, qinglang.EUNAUTHENTICATED)
		if secret != "" && strings.Contains(err.Error(), secret) {
			t.Fatalf("the error repeats the secret: %v", err)
		}
		msgs = append(msgs, err.Error())
	}
	for _, m := range msgs[1:] {
		if m != msgs[0] {
			t.Fatalf("messages differ: %q and %q", msgs[0], m)
		}
	}
}
