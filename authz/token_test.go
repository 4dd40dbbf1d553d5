package authz

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var secretRE = regexp.MustCompile(`^qlt_([a-z2-7]{16})_[a-z2-7]{52}$`)

func TestGenerate(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		secret, id, err := Generate()
		if err != nil {
			t.Fatal(err)
		}
		m := secretRE.FindStringSubmatch(secret)
		if m == nil || len(secret) != SecretLen {
			t.Fatalf("secret %q is not in the documented format", secret)
		}
		if m[1] != id {
			t.Fatalf("id %q is not the one in the secret %q", id, secret)
		}
		if got, err := IDOf(secret); err != nil || got != id {
			t.Fatalf("IDOf(%q) = %q, %v; want %q", secret, got, err, id)
		}
		if seen[secret] || seen[id] {
			t.Fatalf("Generate repeated itself: %q", secret)
		}
		seen[secret], seen[id] = true, true
	}
}

func TestHash(t *testing.T) {
	// SHA-256 of "abc" (FIPS 180-2 test vector).
	if got, want := Hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("Hash(abc) = %s, want %s", got, want)
	}
	secret, _, _ := Generate()
	if h := Hash(secret); !validHash(h) || strings.Contains(h, secret) {
		t.Errorf("Hash(secret) = %q", h)
	}
}

func TestIDOfRejects(t *testing.T) {
	good, _, _ := Generate()
	id := good[4:20]
	key := good[21:]
	for name, s := range map[string]string{
		"empty":              "",
		"no prefix":          "xyz_" + id + "_" + key,
		"upper case":         strings.ToUpper(good),
		"short key":          "qlt_" + id + "_" + key[:51],
		"long key":           "qlt_" + id + "_" + key + "a",
		"bad separator":      "qlt_" + id + "-" + key,
		"not base32":         "qlt_" + id + "_" + key[:51] + "1",
		"non-canonical tail": "qlt_" + id + "_" + key[:51] + "b", // the last character carries one bit: a or q
		"id not base32":      "qlt_" + "0" + id[1:] + "_" + key,
	} {
		if _, err := IDOf(s); qinglang.Code(err) != qinglang.EUNAUTHENTICATED {
			t.Errorf("%s: IDOf(%q) = %v, want EUNAUTHENTICATED", name, s, err)
		}
	}
}

func TestParseBearer(t *testing.T) {
	secret, _, _ := Generate()
	for _, h := range []string{"Bearer " + secret, "bearer " + secret, "BEARER   " + secret, "  Bearer " + secret + " "} {
		got, err := ParseBearer(h)
		if err != nil || got != secret {
			t.Errorf("ParseBearer(%q) = %q, %v; want the secret", h, got, err)
		}
	}
	for _, h := range []string{"", "   ", secret, "Basic " + secret, "Bearer", "Bearer ", "Bearer qlt_abc", "Token " + secret} {
		got, err := ParseBearer(h)
		if qinglang.Code(err) != qinglang.EUNAUTHENTICATED || got != "" {
			t.Errorf("ParseBearer(%q) = %q, %v; want EUNAUTHENTICATED", h, got, err)
			continue
		}
		if strings.Contains(err.Error(), "qlt_abc") || strings.Contains(err.Error(), secret) {
			t.Errorf("ParseBearer(%q): the error repeats the secret: %v", h, err)
		}
	}
}

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// newToken returns a valid token of role with its secret.
func newToken(t *testing.T, role qinglang.Role) (Token, string) {
	t.Helper()
	secret, id, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	tok := Token{ID: id, Name: "测试 " + string(role), Role: role, CreatedAt: t0, Hash: Hash(secret)}
	switch role {
	case qinglang.RoleRegulator:
		tok.Region = "310000"
	case qinglang.RolePlatform, qinglang.RoleReviewer:
		tok.Platform = "douyin"
	case qinglang.RoleOperator:
		tok.Platform, tok.Rooms = "douyin", []string{"r1", "r2"}
	}
	return tok, secret
}

func TestMatches(t *testing.T) {
	tok, secret := newToken(t, qinglang.RolePlatform)
	if !tok.Matches(secret) {
		t.Error("the token does not match its own secret")
	}
	other, _, _ := Generate()
	for _, s := range []string{other, "", secret[:len(secret)-1], strings.ToUpper(secret), tok.Hash} {
		if tok.Matches(s) {
			t.Errorf("the token matches %q", s)
		}
	}
	if (Token{}).Matches("") {
		t.Error("a token without a hash matches the empty secret")
	}
}

func TestUsable(t *testing.T) {
	tok, _ := newToken(t, qinglang.RoleReviewer)
	if err := tok.Usable(t0.Add(1000 * time.Hour)); err != nil {
		t.Errorf("a token without expiry: %v", err)
	}
	tok.ExpiresAt = t0.Add(24 * time.Hour)
	if err := tok.Usable(tok.ExpiresAt.Add(-time.Nanosecond)); err != nil {
		t.Errorf("just before expiry: %v", err)
	}
	for _, now := range []time.Time{tok.ExpiresAt, tok.ExpiresAt.Add(time.Hour)} {
		err := tok.Usable(now)
		if qinglang.Code(err) != qinglang.EUNAUTHENTICATED || !strings.Contains(err.Error(), "过期") {
			t.Errorf("at %v: %v, want expired", now, err)
		}
	}
	tok.RevokedAt = t0.Add(time.Hour)
	err := tok.Usable(t0.Add(2 * time.Hour))
	if qinglang.Code(err) != qinglang.EUNAUTHENTICATED || !strings.Contains(err.Error(), "revoked") {
		t.Errorf("revoked: %v", err)
	}
}

func TestValidate(t *testing.T) {
	for _, role := range qinglang.Roles {
		tok, _ := newToken(t, role)
		if err := tok.Validate(); err != nil {
			t.Errorf("%s: %v", role, err)
		}
	}
	for _, tc := range []struct {
		role qinglang.Role
		edit func(*Token)
		want string // in the English message
	}{
		{qinglang.RoleAdmin, func(t *Token) { t.Platform = "douyin" }, "role admin takes no platform"},
		{qinglang.RoleAdmin, func(t *Token) { t.Region = "310000" }, "role admin takes no region"},
		{qinglang.RoleAdmin, func(t *Token) { t.Rooms = []string{"r1"} }, "role admin takes no rooms"},
		{qinglang.RoleRegulator, func(t *Token) { t.Region = "" }, "6-digit"},
		{qinglang.RoleRegulator, func(t *Token) { t.Region = "31000" }, "6-digit"},
		{qinglang.RoleRegulator, func(t *Token) { t.Region = "31000x" }, "6-digit"},
		{qinglang.RoleRegulator, func(t *Token) { t.Region = "001000" }, "6-digit"},
		{qinglang.RoleRegulator, func(t *Token) { t.Platform = "douyin" }, "role regulator takes no platform"},
		{qinglang.RoleRegulator, func(t *Token) { t.Rooms = []string{"r1"} }, "role regulator takes no rooms"},
		{qinglang.RolePlatform, func(t *Token) { t.Platform = "" }, "role platform needs a platform"},
		{qinglang.RolePlatform, func(t *Token) { t.Region = "310000" }, "role platform takes no region"},
		{qinglang.RolePlatform, func(t *Token) { t.Rooms = []string{"r1"} }, "role platform takes no rooms"},
		{qinglang.RoleReviewer, func(t *Token) { t.Platform = "" }, "role reviewer needs a platform"},
		{qinglang.RoleReviewer, func(t *Token) { t.Rooms = []string{"r1"} }, "role reviewer takes no rooms"},
		{qinglang.RoleOperator, func(t *Token) { t.Platform = "" }, "role operator needs a platform"},
		{qinglang.RoleOperator, func(t *Token) { t.Rooms = nil }, "at least one room"},
		{qinglang.RoleOperator, func(t *Token) { t.Rooms = []string{"r1", " "} }, "room 2 is empty"},
		{qinglang.RoleOperator, func(t *Token) { t.Rooms = []string{"r1", "r1"} }, `room "r1" appears twice`},
		{qinglang.RoleOperator, func(t *Token) { t.Region = "310000" }, "role operator takes no region"},
		{qinglang.RolePlatform, func(t *Token) { t.Role = "owner" }, `unknown role "owner"`},
		{qinglang.RolePlatform, func(t *Token) { t.ID = "abc" }, "malformed id"},
		{qinglang.RolePlatform, func(t *Token) { t.Name = " " }, "missing name"},
		{qinglang.RolePlatform, func(t *Token) { t.Hash = "" }, "bad hash"},
		{qinglang.RolePlatform, func(t *Token) { t.Hash = strings.ToUpper(t.Hash) }, "bad hash"},
		{qinglang.RolePlatform, func(t *Token) { t.ExpiresAt = t.CreatedAt }, "expiry"},
	} {
		tok, _ := newToken(t, tc.role)
		tc.edit(&tok)
		err := tok.Validate()
		var e *qinglang.Error
		if qinglang.Code(err) != qinglang.EINVALID || !errors.As(err, &e) || !strings.Contains(e.MessageEN, tc.want) {
			t.Errorf("%s: Validate() = %v, want EINVALID with %q", tc.role, err, tc.want)
			continue
		}
		if e.Message == "" || e.Message == e.MessageEN {
			t.Errorf("%s: no Chinese message: %v", tc.role, err)
		}
	}
}

func TestPrincipal(t *testing.T) {
	tok, _ := newToken(t, qinglang.RoleOperator)
	p := tok.Principal()
	want := qinglang.Principal{TokenID: tok.ID, Name: tok.Name, Role: qinglang.RoleOperator, Platform: "douyin", Rooms: []string{"r1", "r2"}}
	if p.TokenID != want.TokenID || p.Name != want.Name || p.Role != want.Role || p.Platform != want.Platform ||
		p.Region != "" || strings.Join(p.Rooms, ",") != "r1,r2" {
		t.Errorf("Principal() = %+v, want %+v", p, want)
	}
	p.Rooms[0] = "r9"
	if tok.Rooms[0] != "r1" {
		t.Error("the principal shares its rooms with the token")
	}
	reg, _ := newToken(t, qinglang.RoleRegulator)
	if p := reg.Principal(); p.Region != "310000" || p.Platform != "" || p.Role != qinglang.RoleRegulator {
		t.Errorf("regulator principal %+v", p)
	}
}
