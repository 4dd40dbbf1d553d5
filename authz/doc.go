// Package authz decides who may call the API and what they may do: API
// tokens, roles and their scopes, the permission table and rate limits
// per token. It is pure domain: the store keeps the tokens and the HTTP
// layer calls these functions.
//
// # Tokens
//
// A token's secret reads
//
//	qlt_<id>_<key>
//
// "qlt_" marks it as a Qinglang token (for people and secret scanners); id
// is 10 random bytes and key 32 random bytes (256 bits), both in lower-case
// base32 without padding, 16 and 52 characters: 73 characters in all,
// with nothing to escape in a header, a URL or a shell. The id is public
// and is the token's record id: the server takes it from the secret
// (IDOf), loads that one record and compares Hash(secret) with the stored
// hash in constant time (Token.Matches). Only the SHA-256 of the secret is
// stored; the secret is shown once, when the token is made (Generate).
//
// A request authenticates with:
//
//	secret, err := authz.ParseBearer(r.Header.Get("Authorization"))
//	id, _ := authz.IDOf(secret) // ParseBearer checked the format
//	tok, err := store.Token(ctx, id)
//	if err != nil || !tok.Matches(secret) { /* EUNAUTHENTICATED */ }
//	if err := tok.Usable(now); err != nil { /* EUNAUTHENTICATED */ }
//	p := tok.Principal()
//
// # Roles and scopes
//
// Token.Validate checks that each role carries its scope and nothing else:
// admin none, regulator a region (a 6-digit administrative division code;
// Covers says which regions it sees), platform and reviewer a platform,
// operator a platform and its rooms.
//
// # Authorisation
//
// Can answers from the permission table alone (action.go: role × Action,
// the one place it is written). Visible answers whether a principal may
// see a Resource at all: a platform its own platform's data, an operator
// its own rooms, a regulator what lies in its jurisdiction. Check combines
// the two as the API answers: a resource the caller may not see is
// ENOTFOUND, indistinguishable from a missing one; one it may see but its
// role may not act on is EFORBIDDEN. CheckToken does the same for
// managing tokens, so that a platform manages only its own platform's
// tokens and never mints an admin or a regulator token.
//
// # Rate limits
//
// Limiter (made by NewLimiter) keeps one token bucket per token id, with
// a rate and a burst per role (DefaultLimits) and bounded memory: idle
// buckets are dropped and their number is capped.
package authz
