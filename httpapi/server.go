// Package httpapi serves Qinglang's HTTP API under /v1: who the caller is
// (/v1/me), event ingestion, findings (paged and as a live Server-Sent
// Events stream), their review and counts for a dashboard, campaigns of
// coordinated comments, rooms and their evidence, the pre-broadcast
// self-check (lint), the rule packs in use and their reload, the actor
// registry (records, re-verification, the identity report, reload and
// import), spot-check results with their delisting notices, the public
// disclosure of failed spot checks under /public (HTML, JSON and Atom),
// health, readiness, metrics and the OpenAPI 3.1 document that describes
// all of it (openapi.json, embedded and served at /v1/openapi.json).
//
// Every route is listed once, in routes; the same table registers the
// handlers and is checked against the OpenAPI document by the tests.
//
// # Authentication and scope
//
// With Server.RequireAuth, every route but the public ones (/healthz,
// /readyz, /metrics, /v1/openapi.json, /v1/version and everything under
// /public/) needs an API token, Authorization: Bearer <token>: without a
// valid one the answer is 401, with the same message whatever was wrong.
// The token's principal (its role and scope: package authz) makes the
// request, and with Server.Limiter each token has its rate (429 with
// Retry-After past it). Every route then answers within the principal's
// scope: what it may not see answers 404 exactly as a missing thing does,
// what it sees but its role may not do answers 403. A platform token sends
// and reads its own platform's data only (an event naming no platform is
// its platform's); an operator its own rooms; a regulator reads findings
// through the cases of its jurisdiction. The registry, shared by every
// platform, is reloaded and imported by an admin only.
//
// WITHOUT RequireAuth THERE IS NO AUTHENTICATION AT ALL: every request,
// from anyone who can reach the port, acts as an administrator ("open
// mode") and may do everything, tokens and the audit log included. Open
// mode is for a trial on one's own machine and for tests; never expose
// such a server to a network.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/lint"
	"github.com/qinglang/qinglang/metrics"
	"github.com/qinglang/qinglang/rules"
)

// DefaultMaxBodyBytes is the largest request body POST /v1/events reads when
// Server.MaxBodyBytes is zero.
const DefaultMaxBodyBytes = 16 << 20

// KeepAliveInterval is how often an idle finding stream sends a comment so
// that proxies and clients keep the connection open.
const KeepAliveInterval = 15 * time.Second

// ReadyTimeout bounds each readiness check of GET /readyz.
const ReadyTimeout = 2 * time.Second

// Server is Qinglang's HTTP API. Fill in the fields, then serve Handler().
// A nil Store, Ingest or Feed makes the routes that need it answer 503.
type Server struct {
	Store   qinglang.Store
	Ingest  qinglang.Ingester
	Feed    qinglang.FindingFeed
	Metrics *metrics.Metrics // nil: Handler creates a fresh set
	// Ready holds named readiness checks (for example "store", "bus") run
	// by GET /readyz.
	Ready map[string]func(context.Context) error
	// MaxBodyBytes limits the body of POST /v1/events; zero means
	// DefaultMaxBodyBytes.
	MaxBodyBytes int64
	Version      string       // reported by GET /v1/version; empty means "dev"
	Logger       *slog.Logger // nil: logs are discarded

	// Lint checks a script's lines or a product list against the rules in
	// use (POST /v1/lint); nil makes that route answer 503.
	Lint func(ctx context.Context, items []lint.Item) ([]lint.Finding, error)
	// Rules returns the rule set in use (GET /v1/rules); nil: 503.
	Rules func() *rules.Set
	// ReloadRules reloads the rule packs and returns the new set (POST
	// /v1/rules/reload). An error of type rules.Problems means the packs
	// are invalid and the rules in use stay: the answer is 400 listing
	// every problem. Nil: 503.
	ReloadRules func(ctx context.Context) (*rules.Set, error)

	// Registry is the actor registry in use (/v1/registry routes); nil:
	// those routes answer 503.
	Registry RegistryService
	// SpotChecks records spot-check results (POST /v1/spotchecks); nil:
	// that route answers 503. Recorded results are read from Store.
	SpotChecks SpotCheckService
	// Enforcement is the enforcement loop behind the routes of cases,
	// measures, notices, appeals, directives, disputes, tokens, webhooks,
	// the audit log, finding reviews and the public case feed; nil: those
	// routes answer 503 (and GET /v1/stats/findings counts no cases).
	Enforcement Enforcement

	// RequireAuth makes every route but the public ones need an API token
	// (Authorization: Bearer <token>), authenticated by Enforcement (nil:
	// those routes answer 503); the request acts as the token's principal.
	// Off, every request acts as an administrator with no token at all:
	// open mode, for a trial on one's own machine and for tests only.
	RequireAuth bool
	// Limiter, when set, limits the requests of each token (429 with
	// Retry-After past its rate).
	Limiter *authz.Limiter

	// keepAlive overrides KeepAliveInterval and readyTimeout overrides
	// ReadyTimeout (tests shorten them).
	keepAlive    time.Duration
	readyTimeout time.Duration
	// now overrides time.Now (tests fix the day).
	now func() time.Time

	metricsOnce    sync.Once
	metricsHandler http.Handler

	doneOnce sync.Once
	stopOnce sync.Once
	done     chan struct{}
}

// route is one entry of the API: a method, a ServeMux path pattern and the
// handler. The OpenAPI document must list exactly these.
type route struct {
	Method string
	Path   string
	handle func(s *Server, w http.ResponseWriter, r *http.Request)
}

// pattern is the route's Go 1.22 ServeMux pattern.
func (rt route) pattern() string { return rt.Method + " " + rt.Path }

// routes is the one table of the API.
var routes = []route{
	{http.MethodGet, "/v1/me", (*Server).getMe},
	{http.MethodPost, "/v1/events", (*Server).postEvents},
	{http.MethodGet, "/v1/findings", (*Server).getFindings},
	{http.MethodGet, "/v1/findings/stream", (*Server).streamFindings},
	{http.MethodGet, "/v1/findings/{id}", (*Server).getFinding},
	{http.MethodPost, "/v1/findings/{id}/review", (*Server).postFindingReview},
	{http.MethodGet, "/v1/reviews", (*Server).getReviews},
	{http.MethodGet, "/v1/stats/findings", (*Server).getFindingStats},
	{http.MethodGet, "/v1/campaigns", (*Server).getCampaigns},
	{http.MethodGet, "/v1/campaigns/{id}", (*Server).getCampaign},
	{http.MethodGet, "/v1/rooms", (*Server).getRooms},
	{http.MethodGet, "/v1/rooms/{id}", (*Server).getRoom},
	{http.MethodGet, "/v1/rooms/{id}/events", (*Server).getRoomEvents},
	{http.MethodPost, "/v1/lint", (*Server).postLint},
	{http.MethodGet, "/v1/rules", (*Server).getRules},
	{http.MethodPost, "/v1/rules/reload", (*Server).postRulesReload},
	{http.MethodGet, "/v1/registry", (*Server).getRegistry},
	{http.MethodGet, "/v1/registry/export", (*Server).getRegistryExport},
	{http.MethodGet, "/v1/registry/due", (*Server).getRegistryDue},
	{http.MethodGet, "/v1/registry/report", (*Server).getRegistryReport},
	{http.MethodGet, "/v1/registry/{kind}", (*Server).getRegistryKind},
	{http.MethodGet, "/v1/registry/{kind}/{id}", (*Server).getRegistryRecord},
	{http.MethodPost, "/v1/registry/reload", (*Server).postRegistryReload},
	{http.MethodPost, "/v1/registry/import", (*Server).postRegistryImport},
	{http.MethodPost, "/v1/spotchecks", (*Server).postSpotChecks},
	{http.MethodGet, "/v1/spotchecks", (*Server).getSpotChecks},
	{http.MethodGet, "/v1/spotchecks/{id}", (*Server).getSpotCheck},
	{http.MethodGet, "/v1/spotchecks/{id}/notices/{platform}", (*Server).getSpotCheckNotice},
	{http.MethodGet, "/v1/cases", (*Server).getCases},
	{http.MethodGet, "/v1/cases/{id}", (*Server).getCase},
	{http.MethodPost, "/v1/cases/{id}/actions", (*Server).postCaseAction},
	{http.MethodPost, "/v1/cases/{id}/measures", (*Server).postCaseMeasure},
	{http.MethodGet, "/v1/cases/{id}/evidence", (*Server).getCaseEvidence},
	{http.MethodPost, "/v1/cases/{id}/regulatory-actions", (*Server).postRegulatoryAction},
	{http.MethodPost, "/v1/measures/{id}/decision", (*Server).postMeasureDecision},
	{http.MethodPost, "/v1/measures/{id}/appeals", (*Server).postMeasureAppeal},
	{http.MethodPost, "/v1/appeals/{id}/review", (*Server).postAppealReview},
	{http.MethodGet, "/v1/notices/{id}", (*Server).getNotice},
	{http.MethodPost, "/v1/directives", (*Server).postDirective},
	{http.MethodGet, "/v1/directives", (*Server).getDirectives},
	{http.MethodGet, "/v1/directives/{id}", (*Server).getDirective},
	{http.MethodPost, "/v1/directives/{id}/answers", (*Server).postDirectiveAnswer},
	{http.MethodPost, "/v1/disputes", (*Server).postDispute},
	{http.MethodPost, "/v1/tokens", (*Server).postToken},
	{http.MethodGet, "/v1/tokens", (*Server).getTokens},
	{http.MethodDelete, "/v1/tokens/{id}", (*Server).deleteToken},
	{http.MethodPost, "/v1/webhooks", (*Server).postWebhook},
	{http.MethodGet, "/v1/webhooks", (*Server).getWebhooks},
	{http.MethodDelete, "/v1/webhooks/{id}", (*Server).deleteWebhook},
	{http.MethodGet, "/v1/webhooks/{id}/deliveries", (*Server).getWebhookDeliveries},
	{http.MethodGet, "/v1/audit", (*Server).getAudit},
	{http.MethodGet, "/v1/audit/verify", (*Server).getAuditVerify},
	{http.MethodGet, "/public/spotchecks", (*Server).getPublicSpotChecks},
	{http.MethodGet, "/public/spotchecks.json", (*Server).getPublicSpotChecksJSON},
	{http.MethodGet, "/public/spotchecks.atom", (*Server).getPublicSpotChecksAtom},
	{http.MethodGet, "/public/cases", (*Server).getPublicCases},
	{http.MethodGet, "/public/cases.json", (*Server).getPublicCasesJSON},
	{http.MethodGet, "/public/cases.atom", (*Server).getPublicCasesAtom},
	{http.MethodGet, "/v1/openapi.json", (*Server).getOpenAPI},
	{http.MethodGet, "/v1/version", (*Server).getVersion},
	{http.MethodGet, "/healthz", (*Server).getHealthz},
	{http.MethodGet, "/readyz", (*Server).getReadyz},
	{http.MethodGet, "/metrics", (*Server).getMetrics},
}

// Handler returns the API's handler: every route of the table behind the
// request logging, metrics and panic-recovery middleware, with JSON answers
// for unknown routes (404) and wrong methods (405), and every route that is
// not public behind authentication and the rate limit (authenticate). It
// sets s.Metrics when it is nil.
func (s *Server) Handler() http.Handler {
	if s.Metrics == nil {
		s.Metrics = metrics.New()
	}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt.pattern(), func(w http.ResponseWriter, r *http.Request) {
			if !rt.public() {
				var ok bool
				if r, ok = s.authenticate(w, r); !ok {
					return
				}
			}
			rt.handle(s, w, r)
		})
	}
	return s.observe(mux)
}

// Shutdown ends every open finding stream and makes new ones end at once.
// Call it when the server stops (for example with
// http.Server.RegisterOnShutdown), since http.Server.Shutdown waits for
// streams that would otherwise never end. It is safe to call more than once.
func (s *Server) Shutdown() {
	s.stopOnce.Do(func() { close(s.doneChan()) })
}

// doneChan is closed by Shutdown.
func (s *Server) doneChan() chan struct{} {
	s.doneOnce.Do(func() { s.done = make(chan struct{}) })
	return s.done
}

// logger returns the configured logger or one that discards.
func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// maxBody returns the body limit of POST /v1/events.
func (s *Server) maxBody() int64 {
	if s.MaxBodyBytes > 0 {
		return s.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}

// keepAliveEvery returns the keep-alive interval of finding streams.
func (s *Server) keepAliveEvery() time.Duration {
	if s.keepAlive > 0 {
		return s.keepAlive
	}
	return KeepAliveInterval
}

// clock returns the current time.
func (s *Server) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// readyWithin returns the time each readiness check is given.
func (s *Server) readyWithin() time.Duration {
	if s.readyTimeout > 0 {
		return s.readyTimeout
	}
	return ReadyTimeout
}
