package authz

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// The token format (see the package comment):
//
//	qlt_<id>_<secret>
//
// id is 10 random bytes and secret 32 random bytes, both in lower-case
// base32 (RFC 4648 alphabet a–z 2–7) without padding: 16 and 52
// characters, 73 in all.
const (
	// Prefix starts every secret, so that secret scanners and people
	// recognise a leaked Qinglang token.
	Prefix = "qlt_"
	// IDLen is the length of a token id.
	IDLen = 16
	// SecretLen is the length of a whole secret.
	SecretLen = len(Prefix) + IDLen + 1 + keyLen

	idBytes  = 10
	keyBytes = 32
	keyLen   = 52 // base32 of 32 bytes without padding
)

// b32 is lower-case base32 without padding.
var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// decodes reports whether s is the canonical b32 spelling of n bytes
// (the unused low bits of the last character are zero).
func decodes(s string, n int) bool {
	b, err := b32.DecodeString(s)
	return err == nil && len(b) == n && b32.EncodeToString(b) == s
}

// Generate returns a new token's secret, to show once to whoever asked for
// it, and the token's id, which is part of the secret and public. Store
// Hash(secret), never the secret.
func Generate() (secret, id string, err error) {
	var buf [idBytes + keyBytes]byte
	if _, err := rand.Read(buf[:]); err != nil {
		return "", "", qinglang.Wrap(qinglang.EINTERNAL, err, "无法生成令牌", "cannot generate a token")
	}
	id = b32.EncodeToString(buf[:idBytes])
	return Prefix + id + "_" + b32.EncodeToString(buf[idBytes:]), id, nil
}

// Hash returns the SHA-256 of the secret in hex: what is stored. A secret
// carries 256 random bits, so a fast unsalted hash is enough; nobody can
// guess a secret from its hash.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// IDOf returns the id embedded in a secret, so that the server finds the
// token's record by id and then checks the secret with Token.Matches. A
// secret not in the format answers EUNAUTHENTICATED (the message never
// repeats the secret).
func IDOf(secret string) (string, error) {
	bad := qinglang.Errorf(qinglang.EUNAUTHENTICATED, "令牌格式无效（应为 qlt_ 开头）", "malformed token (it should start with qlt_)")
	if len(secret) != SecretLen || !strings.HasPrefix(secret, Prefix) {
		return "", bad
	}
	id, key, ok := strings.Cut(secret[len(Prefix):], "_")
	if !ok || !validID(id) || len(key) != keyLen {
		return "", bad
	}
	if !decodes(key, keyBytes) {
		return "", bad
	}
	return id, nil
}

// validID reports whether id is in the format Generate makes.
func validID(id string) bool {
	return len(id) == IDLen && decodes(id, idBytes)
}

// ParseBearer returns the secret of an Authorization header value
// ("Bearer qlt_…"; the scheme is case-insensitive, RFC 7235). A missing
// header, another scheme or a malformed token answers EUNAUTHENTICATED.
func ParseBearer(header string) (string, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return "", qinglang.Errorf(qinglang.EUNAUTHENTICATED, "缺少令牌（请求头 Authorization: Bearer <令牌>）",
			"missing token (header Authorization: Bearer <token>)")
	}
	scheme, secret, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", qinglang.Errorf(qinglang.EUNAUTHENTICATED, "认证方式应为 Bearer", "the authorization scheme should be Bearer")
	}
	secret = strings.TrimLeft(secret, " ")
	if _, err := IDOf(secret); err != nil {
		return "", err
	}
	return secret, nil
}

// Token is a stored API token: who holds it, its role and scope, and the
// hash of its secret.
type Token struct {
	ID   string        `json:"id"`
	Name string        `json:"name"` // who or what holds it, for people and the audit log
	Role qinglang.Role `json:"role"`
	// Platform scopes platform, reviewer and operator tokens.
	Platform string `json:"platform,omitempty"`
	// Region scopes regulator tokens (a 6-digit administrative division
	// code; see Covers).
	Region string `json:"region,omitempty"`
	// Rooms scopes operator tokens: the rooms it runs on its platform.
	Rooms     []string  `json:"rooms,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// ExpiresAt, when set, is the first instant the token is refused.
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// RevokedAt, when set, is when the token was revoked; a revoked
	// token is refused for good.
	RevokedAt time.Time `json:"revoked_at,omitzero"`
	// Hash is Hash(secret). It is never sent to clients; a store keeps it
	// in a column of its own.
	Hash string `json:"-"`
}

// Matches reports whether secret is the token's secret, comparing hashes
// in constant time.
func (t Token) Matches(secret string) bool {
	if t.Hash == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(Hash(secret)), []byte(t.Hash)) == 1
}

// Usable returns an EUNAUTHENTICATED error when the token is revoked or
// expired at now, nil otherwise.
func (t Token) Usable(now time.Time) error {
	if !t.RevokedAt.IsZero() {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "令牌 %s 已吊销", "token %s has been revoked", t.ID)
	}
	if !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt) {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "令牌 %s 已过期", "token %s has expired", t.ID)
	}
	return nil
}

// Validate checks the record and its scope by role; each role carries its
// scope and nothing else:
//
//	admin      no platform, no region, no rooms
//	regulator  a region (6-digit code); no platform, no rooms
//	platform   a platform; no region, no rooms
//	reviewer   a platform; no region, no rooms
//	operator   a platform and at least one room; no region
//
// It also wants an id in Generate's format, a name, a SHA-256 hex hash
// and an expiry, if any, after the creation.
func (t Token) Validate() error {
	invalid := func(zh, en string, args ...any) error {
		return qinglang.Errorf(qinglang.EINVALID, "令牌 %q："+zh, "token %q: "+en, append([]any{t.ID}, args...)...)
	}
	switch {
	case !validID(t.ID):
		return invalid("id 格式无效（应为 %d 位小写 base32）", "malformed id (want %d lower-case base32 characters)", IDLen)
	case strings.TrimSpace(t.Name) == "":
		return invalid("缺少名称", "missing name")
	case !validHash(t.Hash):
		return invalid("哈希无效（应为 64 位小写十六进制 SHA-256）", "bad hash (want 64 lower-case hex digits of SHA-256)")
	case !t.Role.Known():
		return invalid("未知角色 %q（应为 %s）", "unknown role %q (want one of %s)", t.Role, roleList())
	case !t.ExpiresAt.IsZero() && !t.ExpiresAt.After(t.CreatedAt):
		return invalid("过期时间应晚于创建时间", "the expiry should be after the creation")
	}
	needPlatform := t.Role == qinglang.RolePlatform || t.Role == qinglang.RoleReviewer || t.Role == qinglang.RoleOperator
	switch {
	case needPlatform && t.Platform == "":
		return invalid("角色 %s 需要平台", "role %s needs a platform", t.Role)
	case !needPlatform && t.Platform != "":
		return invalid("角色 %s 不应限定平台", "role %s takes no platform", t.Role)
	case t.Role == qinglang.RoleRegulator && !ValidRegion(t.Region):
		return invalid("监管令牌需要 6 位行政区划代码（如 310000），而不是 %q",
			"a regulator token needs a 6-digit administrative division code (e.g. 310000), not %q", t.Region)
	case t.Role != qinglang.RoleRegulator && t.Region != "":
		return invalid("角色 %s 不应限定区域", "role %s takes no region", t.Role)
	case t.Role == qinglang.RoleOperator && len(t.Rooms) == 0:
		return invalid("运营者令牌需要至少一个直播间", "an operator token needs at least one room")
	case t.Role != qinglang.RoleOperator && len(t.Rooms) > 0:
		return invalid("角色 %s 不应限定直播间", "role %s takes no rooms", t.Role)
	}
	for i, room := range t.Rooms {
		if strings.TrimSpace(room) == "" {
			return invalid("第 %d 个直播间为空", "room %d is empty", i+1)
		}
		if slices.Contains(t.Rooms[:i], room) {
			return invalid("直播间 %q 重复", "room %q appears twice", room)
		}
	}
	return nil
}

// validHash reports whether h is a SHA-256 in lower-case hex, as Hash
// writes it.
func validHash(h string) bool {
	if len(h) != 2*sha256.Size {
		return false
	}
	for _, c := range h {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func roleList() string {
	names := make([]string, len(qinglang.Roles))
	for i, r := range qinglang.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// Principal returns who makes a request with this token.
func (t Token) Principal() qinglang.Principal {
	return qinglang.Principal{
		TokenID:  t.ID,
		Name:     t.Name,
		Role:     t.Role,
		Platform: t.Platform,
		Region:   t.Region,
		Rooms:    slices.Clone(t.Rooms),
	}
}
