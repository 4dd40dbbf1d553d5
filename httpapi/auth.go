package httpapi

import (
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// publicPaths are the routes outside /public/ that need no token: probes,
// metrics, the version and the OpenAPI document.
var publicPaths = map[string]bool{
	"/healthz":         true,
	"/readyz":          true,
	"/metrics":         true,
	"/v1/openapi.json": true,
	"/v1/version":      true,
}

// public reports whether the route needs no token: the public disclosure
// under /public/, health, readiness, metrics, the version and the OpenAPI
// document.
func (rt route) public() bool {
	return publicPaths[rt.Path] || strings.HasPrefix(rt.Path, "/public/")
}

// Route is one route of the API as Routes lists it.
type Route struct {
	Method string // GET, POST, DELETE
	Path   string // a ServeMux pattern's path, with {id}-style wildcards
	// Public routes need no token even when the server requires tokens.
	Public bool
}

// Routes returns every route of the API, in the order of the one table:
// what the OpenAPI document describes.
func Routes() []Route {
	out := make([]Route, len(routes))
	for i, rt := range routes {
		out[i] = Route{Method: rt.Method, Path: rt.Path, Public: rt.public()}
	}
	return out
}

// authenticate runs before every route that is not public. With
// RequireAuth it reads the bearer token (Authorization: Bearer <token>),
// has the enforcement service authenticate it and returns r carrying its
// principal; a missing or bad token answers 401 with one message whatever
// was wrong. Without RequireAuth, r is returned as it is: it acts as the
// open-mode administrator. With a Limiter, a principal over its rate
// answers 429 with Retry-After (whole seconds, rounded up). ok is false
// when the answer has been written.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (_ *http.Request, ok bool) {
	if !s.RequireAuth {
		return r, true
	}
	if s.Enforcement == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EUNAVAILABLE, "服务器要求令牌，但执法功能（保管令牌）未启用",
			"the server requires tokens but enforcement, which keeps them, is not configured"))
		return r, false
	}
	secret, err := authz.ParseBearer(r.Header.Get("Authorization"))
	if err != nil {
		s.writeError(w, r, errUnauthenticated())
		return r, false
	}
	p, err := s.Enforcement.Authenticate(r.Context(), secret)
	switch qinglang.Code(err) {
	case "":
	case qinglang.EUNAUTHENTICATED, qinglang.ENOTFOUND, qinglang.EINVALID:
		s.logger().DebugContext(r.Context(), "authentication failed", slog.String("path", r.URL.Path))
		s.writeError(w, r, errUnauthenticated())
		return r, false
	default: // the store is down: not the caller's fault
		s.writeError(w, r, err)
		return r, false
	}
	if s.Limiter != nil {
		if allowed, wait := s.Limiter.Allow(p, s.clock()); !allowed {
			secs := max(int64(math.Ceil(wait.Seconds())), 1)
			w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
			s.writeError(w, r, qinglang.Errorf(qinglang.ERATELIMITED, "请求过于频繁：请 %d 秒后重试",
				"too many requests: retry in %d s", secs))
			return r, false
		}
	}
	return r.WithContext(withPrincipal(r.Context(), p)), true
}

// errUnauthenticated is the one answer to a request without a valid token,
// whatever was wrong with it (missing, another scheme, malformed, unknown,
// expired, revoked), so that the answer tells nothing about a token.
func errUnauthenticated() error {
	return qinglang.Errorf(qinglang.EUNAUTHENTICATED,
		"需要有效的 API 令牌：请在请求头中发送 Authorization: Bearer <令牌>（令牌须有效、未过期、未吊销）",
		"a valid API token is required: send Authorization: Bearer <token> (a token that is valid, unexpired and not revoked)")
}

// errForbidden is the answer to a principal whose role may not do act at
// all (authz.Can), whatever it acts on.
func errForbidden(p qinglang.Principal, act authz.Action) error {
	return qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %q 无权执行 %s", "role %q may not do %s", p.Role, act)
}

// allowed checks that the principal of r may do act on data that belongs
// to no platform, region or room (rules, lint, the registry, spot checks),
// and answers the error when it may not.
func (s *Server) allowed(w http.ResponseWriter, r *http.Request, act authz.Action) bool {
	if err := authz.Check(principalOf(r), act, authz.Resource{}); err != nil {
		s.writeError(w, r, err)
		return false
	}
	return true
}

// hideMissing returns err, or notFound when err is ENOTFOUND: a thing the
// store does not have and one authz.Check hides from the principal then
// answer with the same 404, word for word, so that an id of another
// platform tells nothing.
func hideMissing(err, notFound error) error {
	if qinglang.Code(err) == qinglang.ENOTFOUND {
		return notFound
	}
	return err
}

// listScope narrows a list of data kept per platform (findings, campaigns)
// to what p may see, before the store is asked. An admin lists what it
// asks for. A platform, reviewer or operator token lists its own platform
// only: platform is set to it, and a platform or room filter naming what
// p may not see makes none true (the answer is then an empty list, not an
// error, as a filter that matches nothing). A regulator sees these only
// through cases, in its jurisdiction: what (Chinese, English) names the
// data in the 403 that points it to /v1/cases. A role that may not do act
// is EFORBIDDEN.
func listScope(p qinglang.Principal, act authz.Action, platform *string, room string, what [2]string) (none bool, err error) {
	if !authz.Can(p, act) {
		return false, errForbidden(p, act)
	}
	switch p.Role {
	case qinglang.RoleAdmin:
		return false, nil
	case qinglang.RoleRegulator:
		return false, qinglang.Errorf(qinglang.EFORBIDDEN,
			"%[1]s不属于任何辖区：监管令牌通过本辖区的案件查看，请用 GET /v1/cases 与 GET /v1/cases/{id}",
			"%[2]s are in no jurisdiction: a regulator sees them through the cases of its region; use GET /v1/cases and GET /v1/cases/{id}",
			what[0], what[1])
	}
	none = *platform != "" && *platform != p.Platform
	*platform = p.Platform
	if p.Platform == "" || room != "" && !authz.Visible(p, authz.Resource{Platform: p.Platform, Room: room}) {
		none = true
	}
	return none, nil
}

// visibleFinding reports whether p may see finding f.
func visibleFinding(p qinglang.Principal, f *qinglang.Finding) bool {
	return authz.Visible(p, authz.Resource{Platform: f.Platform, Room: f.Room})
}
