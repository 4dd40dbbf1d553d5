// Package server assembles `qinglang serve`: the store, the durable log (an
// embedded NATS JetStream server or an external one), one pipeline worker
// per log partition, and the HTTP API. Tests start the whole program with
// Start and stop it with Shutdown.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/console"
	"github.com/qinglang/qinglang/detect"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/lint"
	"github.com/qinglang/qinglang/metrics"
	"github.com/qinglang/qinglang/natsbus"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/policy"
	"github.com/qinglang/qinglang/postgres"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/rules"
	"github.com/qinglang/qinglang/sqlite"
)

// Config is everything `qinglang serve` can be told.
type Config struct {
	// DataDir holds the SQLite database and the embedded log's files.
	DataDir string
	// Listen is the API's address, e.g. 127.0.0.1:8080 (port 0: any).
	Listen string
	// DB is empty for SQLite in DataDir, or a postgres:// URL.
	DB string
	// NATSURL is empty for the embedded NATS server, or an external one.
	NATSURL string
	// NATSPort is the embedded server's client port (0: any free port).
	NATSPort int
	// Partitions of the log: the unit of parallelism and room affinity.
	Partitions int
	// BatchSize is the most log messages a worker takes per transaction.
	BatchSize int
	// MaxBodyBytes limits one POST /v1/events body.
	MaxBodyBytes int64
	// Retention is how long the log keeps events (the store keeps them
	// as evidence regardless).
	Retention time.Duration
	Version   string
	Logger    *slog.Logger
	// RulesDirs are folders of rule packs loaded after the built-in pack.
	RulesDirs []string
	// Detectors makes each partition's detector set; nil runs the
	// built-in detectors with the rule packs.
	Detectors func() []pipeline.Detector
	// Registry is the actor registry the qualification checks read
	// (merchants' licences, hosts); nil checks only AI-host labels. It is
	// ignored when RegistrySource is set.
	Registry *registry.Registry
	// RegistrySource is where the actor registry is kept: it is loaded
	// from there at start, reloaded (POST /v1/registry/reload, SIGHUP) and
	// saved to by imports (POST /v1/registry/import). Nil: Registry as
	// given, no reload or import.
	RegistrySource *registry.Source
	// ReverifyEvery is the re-verification interval of the due lists
	// (0: registry.DefaultReverifyEvery).
	ReverifyEvery time.Duration
	// Brands is the brand registry of the brand checks; nil runs none.
	Brands *brands.Registry
	// LoadBrands reads the brand registry again on a reload; nil keeps
	// Brands.
	LoadBrands func() (*brands.Registry, error)

	// Auth requires an API token on every request but the public ones
	// (health, readiness, metrics, the OpenAPI document, the version and
	// /public/). Off, every request acts as an admin: open mode, for a
	// trial on one's own machine and for tests.
	Auth bool
	// RateLimits are the per-token request rates by role when Auth is on
	// (a role missing here has authz.DefaultLimits).
	RateLimits map[qinglang.Role]authz.Limit
	// Policy proposes graduated measures; nil: the built-in policy.
	Policy *policy.Policy
	// Grouping says which findings open cases; zero: the default.
	Grouping casework.Grouping
	// Regions maps a platform to the administrative division code of its
	// seat: the jurisdiction its cases fall in.
	Regions map[string]string
	// AuditKey, when set (at least 32 bytes), keys the audit log's
	// hashes (HMAC-SHA256): a rewrite of the whole log then needs the key.
	AuditKey []byte
	// Webhooks delivers findings, measures, notices and directives to the
	// platforms' webhook endpoints.
	Webhooks bool
	// IntakeInterval and SweepInterval pace the enforcement stage (0:
	// DefaultIntakeInterval, DefaultSweepInterval).
	IntakeInterval time.Duration
	SweepInterval  time.Duration
	// NoEnforcement runs no enforcement stage (findings open no cases).
	NoEnforcement bool
	// RetentionYears, when set (at least enforce.MinRetentionYears),
	// purges once a day what is older, except rooms under legal hold; 0
	// keeps everything.
	RetentionYears int

	// Campaigns makes the campaign detector (coordinated comments across
	// rooms) for a sliding window; nil runs no campaign stage.
	Campaigns func(window time.Duration) qinglang.CampaignDetector
	// CampaignInterval is how often the campaign stage judges; 0 runs no
	// campaign stage (`serve` sets DefaultCampaignInterval).
	CampaignInterval time.Duration
	// CampaignWindow is the campaigns' sliding window: the detector's, and
	// what is restored and replayed at start. Zero: DefaultCampaignWindow.
	CampaignWindow time.Duration
}

func (c *Config) defaults() {
	if c.DataDir == "" {
		c.DataDir = "qinglang-data"
	}
	if c.Listen == "" {
		c.Listen = "127.0.0.1:8080"
	}
	if c.Partitions <= 0 {
		c.Partitions = 8
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 1024
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
}

// Main is a running server.
type Main struct {
	cfg     Config
	log     *slog.Logger
	metrics *metrics.Metrics
	store   qinglang.Store
	// detectors is the process's detector set (rules reload through it).
	detectors *detect.Set
	// reloading serialises rule reloads, so that the last one loaded is the
	// one in use.
	reloading sync.Mutex
	embedded  *natsbus.Embedded
	natsURL   string
	bus       *natsbus.Bus
	api       *httpapi.Server
	http      *http.Server
	addr      net.Addr

	// processed counts the events the workers committed.
	processed atomic.Int64

	// registry is the actor and brand registries in use.
	registry atomic.Pointer[registryState]

	// enforce is the enforcement loop; enforcement its stage (nil when
	// disabled).
	enforce     *enforce.Service
	enforcement *enforcementStage
	adminToken  string

	// campaigns is the campaign stage, nil when disabled.
	campaigns *campaignStage

	stopWorkers context.CancelFunc
	workers     sync.WaitGroup
	workerErr   error
}

// Start opens the store and the log, starts the workers and the API, and
// returns when the API accepts connections.
func Start(ctx context.Context, cfg Config) (_ *Main, err error) {
	cfg.defaults()
	m := &Main{cfg: cfg, log: cfg.Logger, metrics: metrics.New()}
	defer func() {
		if err != nil {
			m.stopWorkersAndWait()
			_ = m.stopCampaigns(context.Background(), true)
			m.stopEnforcement()
			m.close()
		}
	}()
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法创建数据目录 %s", "cannot create the data directory %s", cfg.DataDir)
	}
	rs, err := rules.Load(cfg.RulesDirs...)
	if err != nil {
		return nil, err
	}
	if err := m.loadRegistries(); err != nil {
		return nil, err
	}
	reg := m.registry.Load()
	if m.detectors, err = detect.NewSet(rs, detect.WithRegistry(reg.reg), detect.WithBrands(reg.brands)); err != nil {
		return nil, err
	}
	if m.store, err = openStore(ctx, cfg); err != nil {
		return nil, err
	}
	url := cfg.NATSURL
	if url == "" {
		if m.embedded, err = natsbus.StartEmbedded(filepath.Join(cfg.DataDir, "nats"), cfg.NATSPort); err != nil {
			return nil, err
		}
		url = m.embedded.ClientURL()
		m.log.Info("embedded NATS JetStream started", "url", url)
	}
	m.natsURL = url
	m.bus, err = natsbus.Connect(ctx, natsbus.Options{URL: url, Partitions: cfg.Partitions, MaxAge: cfg.Retention, Logger: m.log})
	if err != nil {
		return nil, err
	}
	// The campaign state is rebuilt from the store before the workers
	// start: what they store from then on is handed to the stage live.
	if stage := newCampaignStage(m); stage != nil {
		if err := stage.restore(ctx); err != nil {
			return nil, err
		}
		m.campaigns = stage
		go stage.run()
	}
	m.startWorkers()
	if err := m.startEnforcement(); err != nil {
		return nil, err
	}
	if cfg.Auth {
		if err := m.bootstrapAdmin(ctx); err != nil {
			return nil, err
		}
	}

	m.api = &httpapi.Server{
		Store:        m.store,
		Ingest:       ingester{m},
		Feed:         m.bus.Feed(),
		Metrics:      m.metrics,
		Ready:        map[string]func(context.Context) error{"store": m.store.Ping, "log": m.bus.Ready},
		MaxBodyBytes: cfg.MaxBodyBytes,
		Version:      cfg.Version,
		Logger:       m.log,
		Lint:         m.lint,
		Rules:        m.Rules,
		ReloadRules:  m.reloadRules,
		Registry:     m,
		SpotChecks:   m,
		Enforcement:  m.enforce,
		RequireAuth:  cfg.Auth,
	}
	if cfg.Auth {
		if m.api.Limiter, err = authz.NewLimiter(authz.LimiterConfig{Limits: cfg.RateLimits}); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法监听 %s", "cannot listen on %s", cfg.Listen)
	}
	m.addr = ln.Addr()
	m.http = &http.Server{Handler: withConsole(m.api.Handler()), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := m.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("HTTP server stopped", "err", err)
		}
	}()
	m.log.Info("qinglang serving", "url", m.URL(), "store", storeName(cfg), "partitions", cfg.Partitions)
	return m, nil
}

func openStore(ctx context.Context, cfg Config) (qinglang.Store, error) {
	return OpenStore(ctx, cfg.DB, cfg.DataDir)
}

// withConsole serves the web console under /console/ (its assets only: its
// data comes from the API, with the user's token), redirects / to it, and
// leaves everything else to the API.
func withConsole(api http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(console.Prefix, console.Handler())
	mux.Handle("GET /{$}", http.RedirectHandler(console.Prefix, http.StatusFound))
	mux.Handle("/", api)
	return mux
}

// OpenStore opens the store `serve` uses with the database URL db and the
// data directory: PostgreSQL for a postgres:// URL, else SQLite (see
// SQLitePath). Other tools (`qinglang campaigns`) open it the same way.
func OpenStore(ctx context.Context, db, dataDir string) (qinglang.Store, error) {
	if isPostgres(db) {
		return postgres.Open(ctx, db)
	}
	path, err := SQLitePath(db, dataDir)
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, path)
}

// SQLitePath returns the SQLite file of db ("sqlite:PATH") or, for an
// empty db, qinglang.db in dataDir. A db that is neither (nor a
// postgres:// URL, for which the path is "") is an EINVALID error.
func SQLitePath(db, dataDir string) (string, error) {
	if isPostgres(db) {
		return "", nil
	}
	if db != "" && !strings.HasPrefix(db, "sqlite:") {
		return "", qinglang.Errorf(qinglang.EINVALID, "不支持的数据库地址 %q：应为 postgres://… 或 sqlite:路径", "unsupported database URL %q: want postgres://… or sqlite:PATH", db)
	}
	if path := strings.TrimPrefix(db, "sqlite:"); path != "" {
		return path, nil
	}
	return filepath.Join(dataDir, "qinglang.db"), nil
}

func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

func storeName(cfg Config) string {
	if strings.HasPrefix(cfg.DB, "postgres") {
		return "postgres"
	}
	return "sqlite"
}

// URL is the API's base URL.
func (m *Main) URL() string { return "http://" + m.addr.String() }

// NATSURL is the URL of the NATS server the log runs on (the embedded
// one's, or Config.NATSURL); platforms publish raw events there.
func (m *Main) NATSURL() string { return m.natsURL }

// Store is the server's store (tests and the demo read it).
func (m *Main) Store() qinglang.Store { return m.store }

// Ingester puts events into the log as POST /v1/events does.
func (m *Main) Ingester() qinglang.Ingester { return ingester{m} }

// Processed is how many events the workers of this process committed
// (duplicates included).
func (m *Main) Processed() int64 { return m.processed.Load() }

// Metrics is the server's metrics registry.
func (m *Main) Metrics() *metrics.Metrics { return m.metrics }

// ingester counts what the HTTP API and the demo put into the log.
type ingester struct{ m *Main }

func (i ingester) Ingest(ctx context.Context, events []qinglang.Event) error {
	return i.m.bus.Ingest(ctx, events)
}

// Shutdown stops accepting requests, lets the workers finish and commit the
// batches in hand, then closes the log and the store.
func (m *Main) Shutdown(ctx context.Context) error {
	var errs []error
	if m.http != nil {
		m.api.Shutdown()
		if err := m.http.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	stopped := true // the workers stopped: nothing feeds the campaign stage any more
	if m.stopWorkers != nil {
		done := make(chan struct{})
		go func() { m.stopWorkersAndWait(); close(done) }()
		select {
		case <-done:
		case <-ctx.Done():
			stopped = false
			errs = append(errs, qinglang.Wrap(qinglang.EUNAVAILABLE, ctx.Err(),
				"工作者未能在期限内处理完手上的事件", "the workers did not finish the work in hand in time"))
		}
	}
	if m.workerErr != nil {
		errs = append(errs, m.workerErr)
	}
	if err := m.stopCampaigns(ctx, stopped); err != nil {
		errs = append(errs, err)
	}
	m.stopEnforcement()
	m.close()
	return errors.Join(errs...)
}

// stopCampaigns ends the campaign stage: once the workers stopped, it
// observes what they handed over, judges a last time and stores the
// changes (within ctx). When the workers did not stop, it only stops
// retrying stores, so that workers waiting on its queue can finish.
func (m *Main) stopCampaigns(ctx context.Context, workersStopped bool) error {
	stage := m.campaigns
	if stage == nil {
		return nil
	}
	if !workersStopped {
		stage.giveUp()
		return nil
	}
	return stage.close(ctx)
}

// stopWorkersAndWait stops the log consumers; each finishes and commits
// the batch in hand first.
func (m *Main) stopWorkersAndWait() {
	if m.stopWorkers != nil {
		m.stopWorkers()
		m.workers.Wait()
	}
}

func (m *Main) close() {
	if m.bus != nil {
		_ = m.bus.Close()
	}
	if m.embedded != nil {
		m.embedded.Close()
	}
	if m.store != nil {
		_ = m.store.Close()
	}
}

// newEngine gives each partition its own Engine and detectors.
func (m *Main) newEngine() *pipeline.Engine {
	detectors := m.cfg.Detectors
	if detectors == nil {
		detectors = m.detectors.Detectors
	}
	return pipeline.NewEngine(detectors()...)
}

// ReloadRules loads the rule packs again (the built-in pack, then
// Config.RulesDirs) and, only if every pack is valid, swaps them in for the
// claims detector of every partition and for lint. When a pack is invalid
// the rules in use stay and the error, of type rules.Problems, lists every
// problem with file, line and field.
func (m *Main) ReloadRules(ctx context.Context) error {
	_, err := m.reloadRules(ctx)
	return err
}

// reloadRules is ReloadRules returning the set now in use.
func (m *Main) reloadRules(context.Context) (*rules.Set, error) {
	m.reloading.Lock()
	defer m.reloading.Unlock()
	rs, err := rules.Load(m.cfg.RulesDirs...)
	if err != nil {
		return nil, err
	}
	if err := m.detectors.Reload(rs); err != nil {
		return nil, err
	}
	return rs, nil
}

// Rules returns the rule set in use.
func (m *Main) Rules() *rules.Set {
	rs, _ := m.detectors.Rules()
	return rs
}

// lint checks items against the rules the claims detector uses now.
func (m *Main) lint(_ context.Context, items []lint.Item) ([]lint.Finding, error) {
	rs, matcher := m.detectors.Rules()
	return lint.Check(rs, matcher, items), nil
}

// Feed is the live feed of new findings.
func (m *Main) Feed() qinglang.FindingFeed { return m.bus.Feed() }
