package httpapi

import (
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// meAnswer answers GET /v1/me: the principal making the request and what
// its role may do.
type meAnswer struct {
	qinglang.Principal
	// Actions are the actions of authz.Actions the principal's role may do
	// (authz.Can), in that order: a console shows only what they allow.
	// What it may do them on is its scope (platform, region, rooms).
	Actions []authz.Action `json:"actions"`
}

// getMe answers who makes the request: the token's principal (never its
// secret), or the open-mode administrator on a server without tokens, with
// the actions its role may do.
func (s *Server) getMe(w http.ResponseWriter, r *http.Request) {
	p := principalOf(r)
	out := meAnswer{Principal: p, Actions: []authz.Action{}}
	for _, act := range authz.Actions {
		if authz.Can(p, act) {
			out.Actions = append(out.Actions, act)
		}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}
