package httpapi

import (
	"context"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/notice"
)

// Values the service holds about the published case that are not in its
// PublicCase: no public output may show them.
const (
	secretAccount = "acct-secret-4471"
	secretCaseID  = "case_secret_8812"
	secretUser    = "user-secret-3390"
)

// testPublicCase is a published case as enforce hands it out: masked.
func testPublicCase() notice.PublicCase {
	return notice.PublicCase{
		Ref: "pub_0a1b2c3d4e5f6071", SubjectKind: qinglang.SubjectHost, SubjectKindZH: "主播", SubjectKindEN: "host",
		Platform: "pa", Subject: "ho***7", Rooms: []string{"r***1"},
		Title: "平台 pa 主播违规处置：虚假或引人误解的宣传", TitleEN: "Measures against a host on platform pa: false or misleading marketing",
		Measures: []notice.PublicMeasure{{Kind: qinglang.MeasureSuspendLive, Measure: "暂停直播", MeasureEN: "live streaming suspended",
			Duration: "7 天", DurationEN: "7 days", StartsAt: time.Date(2026, 3, 2, 9, 30, 0, 0, cst),
			EndsAt: time.Date(2026, 3, 9, 9, 30, 0, 0, cst), State: qinglang.MeasureActive}},
		Facts: []notice.PublicFact{{Rule: "claim.cure", On: "2026-02-27", Summary: "宣称产品可根治糖尿病",
			SummaryEN: "claimed the product cures diabetes"}},
		OpenedOn: "2026-02-28",
	}
}

// publicCasesServer is a server whose service publishes testPublicCase and,
// for any other call, hands out the secrets above; *calls reports every
// method called.
func publicCasesServer(cursor *string, limit *int) (*Server, *fakeEnforcement) {
	view := enforce.CaseView{Case: qinglang.Case{ID: secretCaseID, Subject: qinglang.Subject{Kind: qinglang.SubjectHost,
		Platform: "pa", ID: secretAccount}, Published: true, Rooms: []string{"r1"}},
		Findings: []qinglang.Finding{{ID: "f_9", EventIDs: []string{"e1"}, Accounts: []string{secretUser}}}}
	f := &fakeEnforcement{
		PublicCasesFn: func(_ context.Context, c string, l int) (enforce.PublicPage, error) {
			if cursor != nil {
				*cursor, *limit = c, l
			}
			if c == "bad" {
				return enforce.PublicPage{}, qinglang.Errorf(qinglang.EINVALID, "分页游标无效", "invalid cursor")
			}
			return enforce.PublicPage{Cases: []notice.PublicCase{testPublicCase()}, Next: "p2"}, nil
		},
		CaseFn: func(context.Context, qinglang.Principal, string) (enforce.CaseView, error) { return view, nil },
		CasesFn: func(context.Context, qinglang.Principal, enforce.CaseFilter) (enforce.CasePage, error) {
			return enforce.CasePage{Cases: []qinglang.Case{view.Case}}, nil
		},
	}
	return enforcing(f), f
}

// TestPublicCasesShowOnlyPublicCase checks the three public case outputs
// hold the public case and nothing the service knows beyond it, and that
// they ask the service for published cases only.
func TestPublicCasesShowOnlyPublicCase(t *testing.T) {
	s, f := publicCasesServer(nil, nil)
	// The secrets are there to be found by a handler that asked for more.
	if v, _ := f.Case(context.Background(), openPrincipal, secretCaseID); v.Case.Subject.ID != secretAccount {
		t.Fatal("the fixture does not hold the secrets")
	}
	f.calls = nil
	for _, target := range []string{"/public/cases", "/public/cases.json", "/public/cases.atom"} {
		rec := serve(t, s, http.MethodGet, target, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
		}
		body := rec.Body.String()
		for _, secret := range []string{secretAccount, secretCaseID, secretUser, "f_9", "host-7"} {
			if strings.Contains(body, secret) {
				t.Errorf("%s shows %q, which is not public", target, secret)
			}
		}
		for _, v := range []string{"pub_0a1b2c3d4e5f6071", "ho***7", "r***1", "暂停直播", "宣称产品可根治糖尿病", "claimed the product cures diabetes", "2026-02-28"} {
			if !strings.Contains(body, v) {
				t.Errorf("%s lacks the public value %q", target, v)
			}
		}
	}
	if calls := f.Calls(); len(calls) != 3 || slices.ContainsFunc(calls, func(c string) bool { return c != "PublicCases" }) {
		t.Errorf("the public routes called %v; they may call PublicCases only", calls)
	}
}

func TestPublicCasesPage(t *testing.T) {
	var cursor string
	var limit int
	s, _ := publicCasesServer(&cursor, &limit)
	rec := serve(t, s, http.MethodGet, "/public/cases", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if cursor != "" || limit != publicPageSize {
		t.Errorf("asked for %q %d", cursor, limit)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<html lang="zh-CN">`,
		`<link rel="alternate" type="application/atom+xml"`, `href="cases.atom"`, `href="cases.json"`,
		`<a href="spotchecks">抽检不合格公示`, `<a href="cases">违规处置公示`,
		"违规处置公示", "Published case decisions",
		`<article id="pub_0a1b2c3d4e5f6071">`,
		"平台 pa 主播违规处置：虚假或引人误解的宣传", "Measures against a host on platform pa",
		"主播 <span class=\"en\" lang=\"en\">host</span> ho***7",
		"<td>暂停直播 <span class=\"en\" lang=\"en\">live streaming suspended</span></td><td>7 天 <span class=\"en\" lang=\"en\">7 days</span></td>",
		"2026-03-02 09:30 (UTC&#43;8) – 2026-03-09 09:30 (UTC&#43;8)", "执行中",
		"<td>claim.cure</td>",
		`href="?cursor=p2"`,
		"<style>", "article { border",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
	if csp := rec.Header().Get("Content-Security-Policy"); csp != publicCSP {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	serve(t, s, http.MethodGet, "/public/cases?cursor=p2", nil)
	if cursor != "p2" {
		t.Errorf("cursor %q not passed on", cursor)
	}
	wantError(t, serve(t, s, http.MethodGet, "/public/cases?cursor=bad", nil), http.StatusBadRequest, qinglang.EINVALID)
	wantFieldError(t, serve(t, s, http.MethodGet, "/public/cases?cursor=a&cursor=b", nil), "cursor")

	// The spot-check page links here, and this page links there.
	if sp := serve(t, publicServer(t, nil), http.MethodGet, "/public/spotchecks", nil).Body.String(); !strings.Contains(sp, `<a href="cases">违规处置公示`) {
		t.Error("the spot-check page does not link the case page")
	}
}

func TestPublicCasesEmpty(t *testing.T) {
	f := &fakeEnforcement{PublicCasesFn: func(context.Context, string, int) (enforce.PublicPage, error) {
		return enforce.PublicPage{}, nil
	}}
	s := enforcing(f)
	now := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	rec := serve(t, s, http.MethodGet, "/public/cases", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "暂无公示的处置决定") || strings.Contains(rec.Body.String(), "cursor=") {
		t.Errorf("empty page: %d %s", rec.Code, rec.Body)
	}
	rec = serve(t, s, http.MethodGet, "/public/cases.json", nil)
	if strings.TrimSpace(rec.Body.String()) != `{"cases":[]}` {
		t.Errorf("empty JSON: %s", rec.Body)
	}
	var feed atomFeed
	if err := xml.Unmarshal(serve(t, s, http.MethodGet, "/public/cases.atom", nil).Body.Bytes(), &feed); err != nil ||
		len(feed.Entries) != 0 || feed.Updated != "2026-03-10T00:00:00Z" {
		t.Errorf("empty feed: %v %+v", err, feed)
	}
}

func TestPublicCasesJSON(t *testing.T) {
	var cursor string
	var limit int
	s, _ := publicCasesServer(&cursor, &limit)
	rec := serve(t, s, http.MethodGet, "/public/cases.json?cursor=p1&limit=20", nil)
	if rec.Code != http.StatusOK || cursor != "p1" || limit != 20 {
		t.Fatalf("status %d (%q %d): %s", rec.Code, cursor, limit, rec.Body)
	}
	if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("CORS %q", rec.Header().Get("Access-Control-Allow-Origin"))
	}
	var page struct {
		Cases []map[string]any `json:"cases"`
		Next  string           `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Cases) != 1 || page.Next != "p2" || page.Cases[0]["ref"] != "pub_0a1b2c3d4e5f6071" {
		t.Fatalf("page %s", rec.Body)
	}
	allowed := map[string]bool{"ref": true, "subject_kind": true, "subject_kind_zh": true, "subject_kind_en": true, "platform": true,
		"subject": true, "rooms": true, "title": true, "title_en": true, "measures": true, "facts": true, "opened_on": true, "closed_on": true}
	for k := range page.Cases[0] {
		if !allowed[k] {
			t.Errorf("public case has key %q", k)
		}
	}
	serve(t, s, http.MethodGet, "/public/cases.json", nil)
	if limit != publicPageSize {
		t.Errorf("default limit %d", limit)
	}
	for _, q := range []string{"limit=101", "limit=0", "cursor=bad"} {
		wantError(t, serve(t, s, http.MethodGet, "/public/cases.json?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
	}
}

func TestPublicCasesAtom(t *testing.T) {
	s, _ := publicCasesServer(nil, nil)
	rec := serve(t, s, http.MethodGet, "/public/cases.atom", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	var feed atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil {
		t.Fatalf("the feed is not Atom XML: %v\n%s", err, rec.Body)
	}
	// Updated is the measure's start, the latest date of the case.
	if feed.ID != publicCasesFeedID || feed.Updated != "2026-03-02T01:30:00Z" || !strings.Contains(feed.Title, "违规处置公示") || len(feed.Entries) != 1 {
		t.Fatalf("feed %+v", feed)
	}
	e := feed.Entries[0]
	if e.ID != publicCasesFeedID+":pub_0a1b2c3d4e5f6071" || e.Updated != "2026-03-02T01:30:00Z" || e.Link.Href != "cases#pub_0a1b2c3d4e5f6071" ||
		!strings.Contains(e.Title, "虚假或引人误解的宣传") || !strings.Contains(e.Title, "false or misleading marketing") {
		t.Errorf("entry %+v", e)
	}
	if e.Content.Type != "text" || !strings.Contains(e.Content.Text, "措施：暂停直播，期限 7 天（执行中）") ||
		!strings.Contains(e.Content.Text, "Measure: live streaming suspended, 7 days (in force)") ||
		!strings.Contains(e.Content.Text, "The host ho***7 on platform pa (rooms r***1)") {
		t.Errorf("content %+v", e.Content)
	}
	var again atomFeed
	_ = xml.Unmarshal(serve(t, s, http.MethodGet, "/public/cases.atom", nil).Body.Bytes(), &again)
	if len(again.Entries) != 1 || again.Entries[0].ID != e.ID || again.Entries[0].Updated != e.Updated {
		t.Errorf("entry changed: %+v", again.Entries)
	}
}

func TestPublicCaseUpdated(t *testing.T) {
	pc := testPublicCase()
	pc.Measures = nil
	if got := publicCaseUpdated(pc); !got.Equal(time.Date(2026, 2, 28, 0, 0, 0, 0, cst)) {
		t.Errorf("opened only: %v", got)
	}
	pc.ClosedOn = "2026-03-20"
	if got := publicCaseUpdated(pc); !got.Equal(time.Date(2026, 3, 20, 0, 0, 0, 0, cst)) || got.Location() != time.UTC {
		t.Errorf("closed: %v", got)
	}
}

// TestPublicCaseSchemaIsStrict shows the public case schema refuses a field
// that is not part of a public case.
func TestPublicCaseSchemaIsStrict(t *testing.T) {
	sch := schemaAt(t, "components", "schemas", "PublicCasePage")
	body := mustJSON(t, enforce.PublicPage{Cases: []notice.PublicCase{testPublicCase()}})
	validateJSON(t, sch, []byte(body))
	for _, extra := range []string{`"case_id":"c1",`, `"account":"a1",`, `"findings":[],`} {
		v, err := jsonUnmarshalAny(strings.Replace(body, `"ref"`, extra+`"ref"`, 1))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("a public case with %s passes the schema", extra)
		}
	}
}
