package enforce

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// Token record states (the lookup column; an expired token stays active:
// expiry is a time, read from the token).
const (
	tokenActive  = "active"
	tokenRevoked = "revoked"
)

// storedToken is a token record's body. authz.Token leaves its hash out
// of JSON so that it never reaches a client; the store keeps it beside.
type storedToken struct {
	Token authz.Token `json:"token"`
	Hash  string      `json:"hash"`
}

// unauthenticated is the one answer to a secret that does not
// authenticate, whatever failed: it never says which part, nor repeats the
// secret.
func unauthenticated() error {
	return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "令牌无效、已过期或已吊销", "the token is invalid, expired or revoked")
}

// decoyHash is compared against when no token has the secret's id, so that
// an unknown id costs what a known one does.
var decoyHash = authz.Hash("qlt_decoy")

// Authenticate returns the principal of a token's secret: its id picks the
// record, its hash must match in constant time, and the token must be
// usable now (not revoked, not expired). Any of these failing is one
// EUNAUTHENTICATED error. A store that fails otherwise (unavailable)
// returns its own error: the server is down, the token not refused.
func (s *Service) Authenticate(ctx context.Context, secret string) (qinglang.Principal, error) {
	id, err := authz.IDOf(secret)
	if err != nil {
		return qinglang.Principal{}, unauthenticated()
	}
	var st storedToken
	_, err = s.readJSON(ctx, qinglang.RecToken, id, &st)
	switch {
	case qinglang.Code(err) == qinglang.ENOTFOUND:
		authz.Token{Hash: decoyHash}.Matches(secret)
		return qinglang.Principal{}, unauthenticated()
	case err != nil:
		return qinglang.Principal{}, err
	}
	tok := st.Token
	tok.Hash = st.Hash
	if tok.ID != id || !tok.Matches(secret) || tok.Usable(s.now()) != nil {
		return qinglang.Principal{}, unauthenticated()
	}
	return tok.Principal(), nil
}

// CreateToken issues a token: an admin any, a platform the platform,
// reviewer and operator tokens of its own platform (authz.CheckToken; an
// empty platform is the issuer's own). A
// token another principal may not issue is EFORBIDDEN: nothing exists yet
// to hide. The secret is in the answer only; the store keeps its hash and
// the audit log neither.
func (s *Service) CreateToken(ctx context.Context, p qinglang.Principal, r TokenRequest) (NewToken, error) {
	if !authz.Can(p, authz.TokensManage) {
		return NewToken{}, qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %q 无权签发令牌", "role %q may not issue tokens", p.Role)
	}
	if r.Platform == "" && p.Role != qinglang.RoleAdmin && r.Role != qinglang.RoleAdmin && r.Role != qinglang.RoleRegulator {
		r.Platform = p.Platform // a platform issues for its own platform
	}
	tok := authz.Token{Name: r.Name, Role: r.Role, Platform: r.Platform, Region: r.Region,
		Rooms: slices.Clone(r.Rooms), CreatedAt: s.now(), ExpiresAt: r.ExpiresAt.UTC()}
	if err := authz.CheckToken(p, tok); err != nil {
		if qinglang.Code(err) == qinglang.ENOTFOUND {
			return NewToken{}, qinglang.Errorf(qinglang.EFORBIDDEN, "只能为本平台签发平台、审核员或运营者令牌",
				"a platform issues only platform, reviewer and operator tokens of its own platform")
		}
		return NewToken{}, err
	}
	secret, id, err := authz.Generate()
	if err != nil {
		return NewToken{}, err
	}
	tok.ID, tok.Hash = id, authz.Hash(secret)
	if err := tok.Validate(); err != nil {
		return NewToken{}, err
	}
	err = s.inTx(ctx, func(c *change) error {
		if err := c.putToken(ctx, tok); err != nil {
			return err
		}
		return s.audit(ctx, c, p, "token.create", "token:"+tok.ID, tok) // no hash: its JSON has none
	})
	if err != nil {
		return NewToken{}, err
	}
	tok.Hash = ""
	return NewToken{Token: tok, Secret: secret}, nil
}

// BootstrapToken issues an admin token as qinglang.System: what the
// operator of the server runs against the database (`qinglang token
// create`) to get the first token.
func (s *Service) BootstrapToken(ctx context.Context, name string) (NewToken, error) {
	return s.CreateToken(ctx, qinglang.System, TokenRequest{Name: name, Role: qinglang.RoleAdmin})
}

// Tokens lists the tokens p manages, revoked and expired ones included,
// the most recently changed first: an admin every token, a platform those
// of its platform. Other roles are EFORBIDDEN.
func (s *Service) Tokens(ctx context.Context, p qinglang.Principal) ([]authz.Token, error) {
	if !authz.Can(p, authz.TokensManage) {
		return nil, qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %q 无权管理令牌", "role %q may not manage tokens", p.Role)
	}
	f := qinglang.RecordFilter{Kind: qinglang.RecToken}
	if p.Role != qinglang.RoleAdmin {
		if p.Platform == "" {
			return []authz.Token{}, nil
		}
		f.Platform = p.Platform
	}
	recs, err := s.allRecords(ctx, f)
	if err != nil {
		return nil, err
	}
	out := []authz.Token{}
	for _, rec := range recs {
		var st storedToken
		if err := json.Unmarshal(rec.Body, &st); err != nil {
			return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "令牌记录 %s 无法解读", "token record %s cannot be read", rec.ID)
		}
		if authz.CheckToken(p, st.Token) == nil {
			out = append(out, st.Token)
		}
	}
	return out, nil
}

// RevokeToken revokes a token for good. A token p does not manage is
// ENOTFOUND, as a missing one is; revoking a revoked token is ECONFLICT.
func (s *Service) RevokeToken(ctx context.Context, p qinglang.Principal, id string) (authz.Token, error) {
	var out authz.Token
	err := s.inTx(ctx, func(c *change) error {
		var st storedToken
		if _, err := c.get(ctx, qinglang.RecToken, id, &st); err != nil {
			return notFound(err)
		}
		tok := st.Token
		if err := authz.CheckToken(p, tok); err != nil {
			return err
		}
		if !tok.RevokedAt.IsZero() {
			return qinglang.Errorf(qinglang.ECONFLICT, "令牌 %s 已于 %s 吊销", "token %s was revoked at %s",
				id, tok.RevokedAt.Format("2006-01-02T15:04:05Z07:00"))
		}
		tok.RevokedAt = s.now()
		tok.Hash = st.Hash
		if err := c.putToken(ctx, tok); err != nil {
			return err
		}
		tok.Hash = ""
		out = tok
		return s.audit(ctx, c, p, "token.revoke", "token:"+id, tok)
	})
	return out, err
}

// putToken stores tok with its hash.
func (c *change) putToken(ctx context.Context, tok authz.Token) error {
	state := tokenActive
	if !tok.RevokedAt.IsZero() {
		state = tokenRevoked
	}
	rec := qinglang.Record{Kind: qinglang.RecToken, ID: tok.ID, Platform: tok.Platform, State: state}
	return c.put(ctx, rec, storedToken{Token: tok, Hash: tok.Hash})
}
