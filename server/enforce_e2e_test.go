package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, to tamper with the audit log

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/evidence"
	"github.com/qinglang/qinglang/notice"
	"github.com/qinglang/qinglang/server"
	"github.com/qinglang/qinglang/sim"
)

// api is a client of one server with one token.
type api struct {
	t     *testing.T
	m     *server.Main
	token string
}

func (a api) do(method, path string, body any) (int, []byte) {
	a.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			a.t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.m.URL()+path, r)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	resp, err := client.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return resp.StatusCode, b
}

// ok sends a request that must succeed and decodes the answer into v.
func (a api) ok(method, path string, body, v any) {
	a.t.Helper()
	code, b := a.do(method, path, body)
	if code/100 != 2 {
		a.t.Fatalf("%s %s: %d %s", method, path, code, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			a.t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}

func mint(t *testing.T, m *server.Main, r enforce.TokenRequest) api {
	t.Helper()
	nt, err := m.Enforcement().CreateToken(context.Background(), qinglang.System, r)
	if err != nil {
		t.Fatalf("token %s: %v", r.Name, err)
	}
	return api{t: t, m: m, token: nt.Secret}
}

// TestEnforcementLoop walks the loop the regulations describe through the
// API, with a token per role: false claims in a room become a case, the
// policy proposes a measure, a reviewer approves it, the notice carries
// every art. 14 element, the operator appeals and another reviewer
// reviews, a regulator's directive to the platform goes overdue and
// escalates, the published case is on the public feed, the evidence
// bundle verifies, and the audit log verifies until a row is tampered with.
func TestEnforcementLoop(t *testing.T) {
	dir := t.TempDir()
	cfg, logs := testConfig(t, dir)
	cfg.Auth = true
	cfg.IntakeInterval = 50 * time.Millisecond
	cfg.SweepInterval = 100 * time.Millisecond
	cfg.Regions = map[string]string{"pa": "310101"}
	m := startServer(t, cfg, logs)

	admin := mint(t, m, enforce.TokenRequest{Name: "ops", Role: qinglang.RoleAdmin})
	rv1 := mint(t, m, enforce.TokenRequest{Name: "reviewer-1", Role: qinglang.RoleReviewer, Platform: "pa"})
	rv2 := mint(t, m, enforce.TokenRequest{Name: "reviewer-2", Role: qinglang.RoleReviewer, Platform: "pa"})
	pa := mint(t, m, enforce.TokenRequest{Name: "pa-governance", Role: qinglang.RolePlatform, Platform: "pa"})
	op := mint(t, m, enforce.TokenRequest{Name: "room-operator", Role: qinglang.RoleOperator, Platform: "pa", Rooms: []string{"r1"}})
	reg := mint(t, m, enforce.TokenRequest{Name: "district-amr", Role: qinglang.RoleRegulator, Region: "310100"})
	stranger := mint(t, m, enforce.TokenRequest{Name: "pb-governance", Role: qinglang.RolePlatform, Platform: "pb"})

	if code, _ := (api{t: t, m: m}).do(http.MethodGet, "/v1/cases", nil); code != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", code)
	}

	// A room with false claims, posted by the platform.
	ts := time.Now().UTC().Add(-time.Hour)
	ev := func(i int, s string) string {
		return fmt.Sprintf(s, ts.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano))
	}
	body := lines(
		ev(0, `{"type":"room_start","id":"e0","platform":"pa","room":"r1","ts":%q,"host":"h1","operator":"o1","title":"果冻专场"}`),
		ev(1, `{"type":"speech","id":"e1","platform":"pa","room":"r1","ts":%q,"speaker":"h1","text":"这款果冻包治百病，三天根治糖尿病"}`),
	)
	req, _ := http.NewRequest(http.MethodPost, m.URL()+"/v1/events", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+pa.token)
	resp, err := client.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /v1/events: %v %v", err, resp)
	}
	resp.Body.Close()

	// The host's case appears with a measure the policy proposed, once
	// the case holds every finding of the speech (the intake may take
	// them one by one, and a later one may replace an earlier proposal).
	var found struct {
		Findings []qinglang.Finding `json:"findings"`
	}
	waitFor(t, 20*time.Second, func() string { return "no findings for room r1" }, func() bool {
		rv1.ok(http.MethodGet, "/v1/findings?room=r1", nil, &found)
		return len(found.Findings) > 0
	})
	var view enforce.CaseView
	waitFor(t, 20*time.Second, func() string { return "no case with a proposed measure for host h1" }, func() bool {
		var page enforce.CasePage
		rv1.ok(http.MethodGet, "/v1/cases?subject="+url.QueryEscape("host:pa:h1"), nil, &page)
		if len(page.Cases) == 0 {
			return false
		}
		rv1.ok(http.MethodGet, "/v1/cases/"+page.Cases[0].ID, nil, &view)
		return len(view.Measures) > 0 && len(view.Case.Findings) >= len(found.Findings)
	})
	c := view.Case
	if c.Region != "310101" || len(c.Findings) == 0 {
		t.Errorf("case: region %q, findings %v", c.Region, c.Findings)
	}
	if code, _ := stranger.do(http.MethodGet, "/v1/cases/"+c.ID, nil); code != http.StatusNotFound {
		t.Errorf("another platform reads the case: %d, want 404", code)
	}
	ms := view.Measures[len(view.Measures)-1]
	if ms.State != qinglang.MeasureProposed || ms.Auto || !ms.Kind.Lasts() {
		t.Fatalf("the policy proposed %+v, want a lasting measure for review", ms)
	}

	// A reviewer approves; the notice holds every art. 14 element.
	var decided struct {
		Measure qinglang.Measure `json:"measure"`
		Notice  *qinglang.Notice `json:"notice"`
	}
	rv1.ok(http.MethodPost, "/v1/measures/"+ms.ID+"/decision", map[string]any{"approve": true, "reason": "证据确凿"}, &decided)
	if decided.Measure.State != qinglang.MeasureActive || decided.Notice == nil {
		t.Fatalf("decision: %+v", decided)
	}
	if missing := notice.Check(*decided.Notice); len(missing) > 0 {
		t.Errorf("the notice misses %v", missing)
	}
	code, text := op.do(http.MethodGet, "/v1/notices/"+decided.Notice.ID+"?format=text&lang=zh", nil)
	for _, want := range []string{"事实", "理由", "依据", "申诉", "包治百病"} {
		if code != http.StatusOK || !strings.Contains(string(text), want) {
			t.Errorf("notice text (%d) lacks %q:\n%s", code, want, text)
		}
	}

	// The operator appeals; the deciding reviewer may not review it,
	// another may.
	var appeal qinglang.Appeal
	op.ok(http.MethodPost, "/v1/measures/"+ms.ID+"/appeals", map[string]any{"grounds": "主播已当场更正"}, &appeal)
	if code, b := rv1.do(http.MethodPost, "/v1/appeals/"+appeal.ID+"/review", map[string]any{"upheld": true, "outcome": "维持"}); code != http.StatusForbidden {
		t.Errorf("the decider reviews the appeal: %d %s, want 403", code, b)
	}
	var reviewed struct {
		Appeal qinglang.Appeal `json:"appeal"`
		Notice qinglang.Notice `json:"notice"`
	}
	rv2.ok(http.MethodPost, "/v1/appeals/"+appeal.ID+"/review", map[string]any{"upheld": true, "outcome": "更正不足以消除影响，维持原措施"}, &reviewed)
	if reviewed.Appeal.State != qinglang.AppealUpheld || reviewed.Notice.Kind != qinglang.NoticeAppealResult {
		t.Errorf("review: %+v", reviewed)
	}

	// A regulator's directive to the platform goes overdue and escalates
	// to the city.
	var d qinglang.Directive
	deadline := time.Now().Add(1500 * time.Millisecond).UTC().Format(time.RFC3339Nano)
	reg.ok(http.MethodPost, "/v1/directives", map[string]any{"kind": "request_to_act", "region": "310101", "platform": "pa",
		"case_id": c.ID, "text": "请核查并处置该直播间的虚假宣传", "deadline": deadline}, &d)
	pa.ok(http.MethodPost, "/v1/directives/"+d.ID+"/answers", map[string]any{"step": "acknowledge"}, nil)
	waitFor(t, 15*time.Second, func() string { return "directive " + d.ID + " is " + string(d.State) }, func() bool {
		pa.ok(http.MethodGet, "/v1/directives/"+d.ID, nil, &d)
		return d.State == qinglang.DirectiveEscalated
	})
	if d.EscalatedTo != "310100" {
		t.Errorf("escalated to %q, want 310100", d.EscalatedTo)
	}

	// Published, the case is on the public feed without personal data.
	reg.ok(http.MethodPost, "/v1/cases/"+c.ID+"/actions", map[string]any{"kind": "publish"}, nil)
	var pub enforce.PublicPage
	(api{t: t, m: m}).ok(http.MethodGet, "/public/cases.json", nil, &pub)
	if len(pub.Cases) == 0 {
		t.Fatal("the public feed is empty")
	}
	raw, _ := json.Marshal(pub)
	if strings.Contains(string(raw), `"h1"`) || strings.Contains(string(raw), "e1") {
		t.Errorf("the public feed names the host or an event: %s", raw)
	}

	// The evidence bundle opens and verifies.
	code, zipped := admin.do(http.MethodGet, "/v1/cases/"+c.ID+"/evidence", nil)
	if code != http.StatusOK {
		t.Fatalf("evidence: %d %s", code, zipped)
	}
	if _, err := evidence.Verify(bytes.NewReader(zipped), int64(len(zipped))); err != nil {
		t.Errorf("the bundle does not verify: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == evidence.FileReport {
			rc, _ := f.Open()
			html, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(html), "包治百病") {
				t.Error("the report lacks the transcript excerpt")
			}
		}
	}

	// The audit log verifies, and catches a row changed in the database.
	var rep struct {
		OK      bool  `json:"ok"`
		Checked int64 `json:"checked"`
		Break   *struct {
			Seq  int64  `json:"seq"`
			Kind string `json:"kind"`
		} `json:"break"`
	}
	admin.ok(http.MethodGet, "/v1/audit/verify", nil, &rep)
	if !rep.OK || rep.Checked < 8 {
		t.Fatalf("audit before tampering: %+v", rep)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "qinglang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5`); err != nil {
		t.Fatal(err)
	}
	admin.ok(http.MethodGet, "/v1/audit/verify", nil, &rep)
	if rep.OK || rep.Break == nil || rep.Break.Seq != 5 || rep.Break.Kind != "edited" {
		t.Errorf("audit after tampering: %+v", rep)
	}
}

// TestEnforcementFromSimulatedDay feeds the simulator's rooms (what the
// demo replays) and checks that their findings end in cases with measures
// the policy proposed, that every notice issued holds every art. 14
// element, and that the audit log verifies.
func TestEnforcementFromSimulatedDay(t *testing.T) {
	cfg, logs := testConfig(t, t.TempDir())
	cfg.IntakeInterval = 50 * time.Millisecond
	m := startServer(t, cfg, logs)
	var events []qinglang.Event
	simCfg := sim.Config{Seed: 5, Rooms: 3, Days: 1, Duration: 30 * time.Minute, EventsPerRoom: 400}
	if err := sim.Generate(simCfg, func(ev *qinglang.Event) error { events = append(events, *ev); return nil }); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	if err := m.Ingester().Ingest(ctx, events); err != nil {
		t.Fatal(err)
	}
	waitProcessed(t, m, len(events))

	svc := m.Enforcement()
	admin := qinglang.Principal{Name: "test", Role: qinglang.RoleAdmin}
	var withMeasure []enforce.CaseView
	waitFor(t, 20*time.Second, func() string { return fmt.Sprintf("%d cases with a measure", len(withMeasure)) }, func() bool {
		page, err := svc.Cases(ctx, admin, enforce.CaseFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		withMeasure = withMeasure[:0]
		for _, c := range page.Cases {
			v, err := svc.Case(ctx, admin, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Measures) > 0 {
				withMeasure = append(withMeasure, v)
			}
		}
		return len(withMeasure) >= 2
	})
	for _, v := range withMeasure {
		if len(v.Findings) == 0 || v.Case.Subject.ID == "" {
			t.Errorf("case %s: %d findings, subject %+v", v.Case.ID, len(v.Findings), v.Case.Subject)
		}
		for _, n := range v.Notices {
			if missing := notice.Check(n); len(missing) > 0 {
				t.Errorf("notice %s misses %v", n.ID, missing)
			}
		}
	}
	rep, err := svc.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Errorf("audit: %+v %v", rep, err)
	}
}
