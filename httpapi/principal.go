package httpapi

import (
	"context"
	"net/http"

	"github.com/qinglang/qinglang"
)

// principalKey is the context key of the principal making a request.
type principalKey struct{}

// openPrincipal is who makes a request when the server does not check
// tokens (Server.RequireAuth off, "open mode"): an administrator, so that
// anyone who reaches the server may do anything. Open mode is for a trial
// on one's own machine and for tests; with RequireAuth the principal is
// the bearer token's (authenticate).
var openPrincipal = qinglang.Principal{Name: "open", Role: qinglang.RoleAdmin}

// withPrincipal returns ctx carrying p as the principal of the request.
func withPrincipal(ctx context.Context, p qinglang.Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// principalOf returns the principal making r: the one set with
// withPrincipal, or the open-mode administrator when none is set.
func principalOf(r *http.Request) qinglang.Principal {
	if p, ok := r.Context().Value(principalKey{}).(qinglang.Principal); ok {
		return p
	}
	return openPrincipal
}
