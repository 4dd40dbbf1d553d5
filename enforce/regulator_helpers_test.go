package enforce

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/sqlstore"
)

// rgT0 is when the tests of this file's group start (10:00 in Beijing).
var rgT0 = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)

// rgClock is a clock the tests move by hand.
type rgClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *rgClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *rgClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// rgEnv is a Service over a fresh SQLite store, with an injected clock
// and the records OnChange heard of.
type rgEnv struct {
	ctx   context.Context
	store *sqlstore.Store
	svc   *Service
	clock *rgClock

	mu      sync.Mutex
	changed []qinglang.Record
}

// rgSetup opens a store in a temporary directory and a Service over it;
// mod, when not nil, adjusts the config first.
func rgSetup(t *testing.T, mod func(*Config)) *rgEnv {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	env := &rgEnv{ctx: ctx, store: st, clock: &rgClock{t: rgT0}}
	st.Now = env.clock.Now
	cfg := Config{Store: st, Now: env.clock.Now, OnChange: func(rec qinglang.Record) {
		env.mu.Lock()
		defer env.mu.Unlock()
		env.changed = append(env.changed, rec)
	}}
	if mod != nil {
		mod(&cfg)
	}
	if env.svc, err = New(cfg); err != nil {
		t.Fatal(err)
	}
	return env
}

// changes returns the records OnChange heard of so far.
func (e *rgEnv) changes() []qinglang.Record {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.changed)
}

// putCase stores a case as the service does.
func (e *rgEnv) putCase(t *testing.T, cs qinglang.Case) qinglang.Case {
	t.Helper()
	err := e.svc.inTx(e.ctx, func(c *change) error { return c.putCase(e.ctx, &cs) })
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// audit returns every audit entry of an object ("" for all).
func (e *rgEnv) audit(t *testing.T, object string) []qinglang.AuditEntry {
	t.Helper()
	es, err := e.store.AuditEntries(e.ctx, object, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// auditActions returns the actions of the audit entries of an object.
func (e *rgEnv) auditActions(t *testing.T, object string) []string {
	t.Helper()
	var out []string
	for _, a := range e.audit(t, object) {
		out = append(out, a.Action)
	}
	return out
}

// The principals of the tests.
var (
	rgAdmin    = qinglang.Principal{Name: "admin", Role: qinglang.RoleAdmin}
	rgDouyin   = qinglang.Principal{Name: "douyin-gov", Role: qinglang.RolePlatform, Platform: "douyin"}
	rgKuaishou = qinglang.Principal{Name: "ks-gov", Role: qinglang.RolePlatform, Platform: "kuaishou"}
	rgReviewer = qinglang.Principal{Name: "rev", Role: qinglang.RoleReviewer, Platform: "douyin"}
	rgOperator = qinglang.Principal{Name: "op", Role: qinglang.RoleOperator, Platform: "douyin", Rooms: []string{"r1"}}
)

// rgRegulator is a regulator of region.
func rgRegulator(region string) qinglang.Principal {
	return qinglang.Principal{Name: "samr-" + region, Role: qinglang.RoleRegulator, Region: region}
}

// rgWantCode fails unless err has the code.
func rgWantCode(t *testing.T, err error, want qinglang.ErrorCode) {
	t.Helper()
	if got := qinglang.Code(err); got != want {
		t.Fatalf("error code %q (%v), want %q", got, err, want)
	}
}

// rgCase is a case about a host on douyin in Shanghai's Pudong district.
func rgCase(id string) qinglang.Case {
	return qinglang.Case{ID: id, Subject: qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "douyin", ID: "h1"},
		State: qinglang.CaseInReview, Title: "主播 h1：虚假宣传", Findings: []string{"f1"}, Rooms: []string{"r1"},
		Region: "310115", OpenedAt: rgT0, SharedWith: []string{}, Comments: []qinglang.CaseComment{}}
}
