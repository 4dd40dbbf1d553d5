package enforce

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/sqlstore"
)

// cwT0 is when the case-work tests start: 2025-06-01 10:00 in Shanghai.
var cwT0 = time.Date(2025, 6, 1, 2, 0, 0, 0, time.UTC)

// cwClock is a clock the test moves by hand.
type cwClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *cwClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *cwClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// cwEnv is a Service over a fresh SQLite store with a hand-moved clock.
type cwEnv struct {
	t     *testing.T
	ctx   context.Context
	path  string
	store *sqlstore.Store
	clock *cwClock
	svc   *Service
}

// The principals of the case-work tests. Platform p1 lies in region
// 310101 (a district of Shanghai).
var (
	cwAdmin     = qinglang.Principal{TokenID: "tok_admin", Name: "管理员", Role: qinglang.RoleAdmin}
	cwPlatform  = qinglang.Principal{TokenID: "tok_plat1", Name: "张审核", Role: qinglang.RolePlatform, Platform: "p1"}
	cwPlatform2 = qinglang.Principal{TokenID: "tok_plat2", Name: "李复核", Role: qinglang.RolePlatform, Platform: "p1"}
	cwOther     = qinglang.Principal{TokenID: "tok_other", Name: "他台", Role: qinglang.RolePlatform, Platform: "p2"}
	cwReviewer  = qinglang.Principal{TokenID: "tok_rev", Name: "王审核员", Role: qinglang.RoleReviewer, Platform: "p1"}
	cwOperator  = qinglang.Principal{TokenID: "tok_op", Name: "运营者甲", Role: qinglang.RoleOperator, Platform: "p1",
		Rooms: []string{"r1", "r2"}}
	cwStranger = qinglang.Principal{TokenID: "tok_op9", Name: "运营者乙", Role: qinglang.RoleOperator, Platform: "p1",
		Rooms: []string{"r9"}}
	cwShanghai  = qinglang.Principal{TokenID: "tok_sh", Name: "上海市监局", Role: qinglang.RoleRegulator, Region: "310000"}
	cwGuangdong = qinglang.Principal{TokenID: "tok_gd", Name: "广东省监局", Role: qinglang.RoleRegulator, Region: "440000"}
)

// cwSetup opens a store in a temporary directory and a Service over it;
// mod changes the Config before New.
func cwSetup(t *testing.T, mod ...func(*Config)) *cwEnv {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	clock := &cwClock{t: cwT0}
	st.Now = clock.Now
	cfg := Config{Store: st, Now: clock.Now, Regions: map[string]string{"p1": "310101"}, Generator: "qinglang test"}
	for _, m := range mod {
		m(&cfg)
	}
	svc, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return &cwEnv{t: t, ctx: ctx, path: path, store: st, clock: clock, svc: svc}
}

// room stores the start of a broadcast with its host and operator, and a
// line of speech (event id room+"-speech").
func (e *cwEnv) room(room, host string) {
	e.t.Helper()
	ts := e.clock.Now().Add(-time.Hour)
	evs := []qinglang.Event{
		{Type: qinglang.RoomStart, TS: ts, ID: room + "-start", Platform: "p1", Room: room, Host: host,
			Operator: "op1", Merchant: "m1", Title: "好物直播间"},
		{Type: qinglang.Speech, TS: ts.Add(30 * time.Minute), ID: room + "-speech", Platform: "p1", Room: room,
			Speaker: host, Text: "这款茶喝了能治糖尿病，不用吃药"},
		{Type: qinglang.Comment, TS: ts.Add(31 * time.Minute), ID: room + "-comment", Platform: "p1", Room: room,
			User: "u_8812345", Text: "真的吗"},
	}
	tx, err := e.store.Begin(e.ctx)
	if err != nil {
		e.t.Fatalf("Begin: %v", err)
	}
	for i := range evs {
		if _, err := tx.AddEvent(e.ctx, &evs[i], "test:"+evs[i].ID); err != nil {
			e.t.Fatalf("AddEvent: %v", err)
		}
	}
	if err := tx.Commit(); err != nil {
		e.t.Fatalf("Commit: %v", err)
	}
}

// finding stores a finding of the room at the clock's time minus 20
// minutes and returns it with its id.
func (e *cwEnv) finding(room, rule string, sev qinglang.Severity, key string) qinglang.Finding {
	e.t.Helper()
	f := qinglang.Finding{
		Kind: qinglang.KindClaim, Rule: rule, Severity: sev, Platform: "p1", Room: room,
		TS: e.clock.Now().Add(-20 * time.Minute), EventIDs: []string{room + "-speech"}, Accounts: []string{"u_8812345"},
		Summary: "主播宣称茶饮可治疗糖尿病（" + key + "）", SummaryEN: "the host claims the tea cures diabetes (" + key + ")",
		Basis: "《广告法》第十七条", BasisEN: "Advertising Law, art. 17", DedupKey: key,
	}
	tx, err := e.store.Begin(e.ctx)
	if err != nil {
		e.t.Fatalf("Begin: %v", err)
	}
	if _, err := tx.AddFinding(e.ctx, &f); err != nil {
		e.t.Fatalf("AddFinding: %v", err)
	}
	if err := tx.Commit(); err != nil {
		e.t.Fatalf("Commit: %v", err)
	}
	return f
}

// intake feeds findings to OnFindings and fails the test on an error.
func (e *cwEnv) intake(fs ...qinglang.Finding) Intake {
	e.t.Helper()
	in, err := e.svc.OnFindings(e.ctx, fs)
	if err != nil {
		e.t.Fatalf("OnFindings: %v", err)
	}
	return in
}

// caseOf returns the stored case about subject kind:p1:id.
func (e *cwEnv) caseOf(kind qinglang.SubjectKind, id string) qinglang.Case {
	e.t.Helper()
	page, err := e.svc.Cases(e.ctx, cwAdmin, CaseFilter{Subject: qinglang.Subject{Kind: kind, Platform: "p1", ID: id}.Key()})
	if err != nil || len(page.Cases) == 0 {
		e.t.Fatalf("Cases(%s %s) = %+v, %v; want a case", kind, id, page, err)
	}
	return page.Cases[0]
}

// view returns a case's view as the admin sees it.
func (e *cwEnv) view(id string) CaseView {
	e.t.Helper()
	v, err := e.svc.Case(e.ctx, cwAdmin, id)
	if err != nil {
		e.t.Fatalf("Case(%s): %v", id, err)
	}
	return v
}

// auditActions lists the actions of the audit entries of an object.
func (e *cwEnv) auditActions(object string) []string {
	e.t.Helper()
	es, err := e.store.AuditEntries(e.ctx, object, 0, 0)
	if err != nil {
		e.t.Fatalf("AuditEntries(%s): %v", object, err)
	}
	out := make([]string, len(es))
	for i, en := range es {
		out[i] = en.Action
	}
	return out
}

// cwCode asserts that err has the code want.
func cwCode(t *testing.T, what string, err error, want qinglang.ErrorCode) {
	t.Helper()
	if got := qinglang.Code(err); got != want {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, want)
	}
}

// proposed runs a critical finding of room r1 (host h1) through intake and
// returns the host's case and the suspension proposed on it.
func (e *cwEnv) proposed() (qinglang.Case, qinglang.Measure) {
	e.t.Helper()
	e.room("r1", "h1")
	in := e.intake(e.finding("r1", "claim.health.cure", qinglang.SeverityCritical, "k1"))
	c := e.caseOf(qinglang.SubjectHost, "h1")
	for _, m := range in.Proposed {
		if m.CaseID == c.ID {
			return c, m
		}
	}
	e.t.Fatalf("no measure proposed on case %s: %+v", c.ID, in)
	return c, qinglang.Measure{}
}

// decided is proposed, then the suspension approved by p.
func (e *cwEnv) decided(p qinglang.Principal) (qinglang.Case, qinglang.Measure, qinglang.Notice) {
	e.t.Helper()
	c, m := e.proposed()
	m, n, err := e.svc.DecideMeasure(e.ctx, p, m.ID, MeasureDecision{Approve: true, Reason: "证据充分"})
	if err != nil || n == nil {
		e.t.Fatalf("DecideMeasure = %v, %v", n, err)
	}
	return c, m, *n
}
