package httpapi

import (
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/enforce"
)

// tokenRequest is the body of POST /v1/tokens (enforce.TokenRequest, its
// expiry an RFC 3339 time).
type tokenRequest struct {
	Name      string        `json:"name"`
	Role      qinglang.Role `json:"role"`
	Platform  string        `json:"platform"`
	Region    string        `json:"region"`
	Rooms     []string      `json:"rooms"`
	ExpiresAt string        `json:"expires_at"`
}

// tokenList answers GET /v1/tokens.
type tokenList struct {
	Tokens []authz.Token `json:"tokens"`
}

// postToken creates an API token and answers it with its secret, 201. The
// secret appears in this answer only (it is stored hashed), so the answer
// must not be cached.
func (s *Server) postToken(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req tokenRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case req.Role == "":
		s.writeError(w, r, missingOneOf("role", qinglang.Roles))
		return
	case !req.Role.Known():
		s.writeError(w, r, mustBeOneOf("role", req.Role, qinglang.Roles))
		return
	}
	expires, err := bodyTime("expires_at", req.ExpiresAt)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	nt, err := enf.CreateToken(r.Context(), principalOf(r), enforce.TokenRequest{Name: req.Name, Role: req.Role,
		Platform: req.Platform, Region: req.Region, Rooms: req.Rooms, ExpiresAt: expires})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, r, http.StatusCreated, nt)
}

// getTokens lists the tokens the principal may see (never their secrets).
func (s *Server) getTokens(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	ts, err := enf.Tokens(r.Context(), principalOf(r))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, tokenList{Tokens: nonNil(ts)})
}

// deleteToken revokes a token for good and answers it as revoked.
func (s *Server) deleteToken(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	t, err := enf.RevokeToken(r.Context(), principalOf(r), r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, t)
}
