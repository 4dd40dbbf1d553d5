package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/webhook"
)

// t0 is the time of the enforcement fixtures.
var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// testSubject is the host the fixtures are about.
var testSubject = qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "pa", ID: "host-7"}

// testCase is a case in review; its optional lists are nil, as a service
// may leave them.
func testCase() qinglang.Case {
	return qinglang.Case{ID: "case_1", Subject: testSubject, State: qinglang.CaseInReview,
		Title: "主播 host-7 虚假宣传", TitleEN: "host host-7: misleading claims", Findings: []string{"f_1"},
		Rooms: []string{"r1"}, Region: "310000", OpenedAt: t0, UpdatedAt: t0.Add(time.Hour)}
}

// testMeasure is a proposed seven-day suspension of the case's host.
func testMeasure() qinglang.Measure {
	return qinglang.Measure{ID: "m_1", CaseID: "case_1", Subject: testSubject, Kind: qinglang.MeasureSuspendLive,
		State: qinglang.MeasureProposed, Duration: 7 * 24 * time.Hour, Points: 12, Standing: 12,
		Reason: "扣分达到 12 分", ReasonEN: "12 points deducted", Basis: "《广告法》第二十八条", BasisEN: "Advertising Law art. 28",
		Policy: "default@1", ProposedAt: t0}
}

// testNotice is the notice of testMeasure.
func testNotice() qinglang.Notice {
	return qinglang.Notice{ID: "n_1", Kind: qinglang.NoticeMeasure, CaseID: "case_1", MeasureID: "m_1", Subject: testSubject,
		IssuedAt: t0.Add(2 * time.Hour), Facts: "直播中宣称根治糖尿病", FactsEN: "claimed to cure diabetes on air",
		Reasons: "虚假宣传", ReasonsEN: "misleading marketing", Basis: "《广告法》第二十八条", BasisEN: "Advertising Law art. 28",
		Measure: "暂停直播", MeasureEN: "live streaming suspended", Duration: "7 天", DurationEN: "7 days",
		StartsAt: t0.Add(2 * time.Hour), EndsAt: t0.Add(2*time.Hour + 7*24*time.Hour),
		Appeal: "可在 15 日内申诉", AppealEN: "you may appeal within 15 days", AppealBy: t0.Add(15 * 24 * time.Hour)}
}

// testAppeal is a filed appeal against testMeasure.
func testAppeal() qinglang.Appeal {
	return qinglang.Appeal{ID: "ap_1", CaseID: "case_1", MeasureID: "m_1", State: qinglang.AppealFiled,
		Grounds: "宣传内容有检测报告支持", FiledAt: t0.Add(3 * time.Hour), FiledBy: "host-7"}
}

// testDirective is a directive just sent; its evidence is nil, as a
// service may leave it.
func testDirective() qinglang.Directive {
	return qinglang.Directive{ID: "dir_1", Kind: qinglang.DirectiveRequestToAct, State: qinglang.DirectiveSent,
		Region: "310000", Platform: "pa", CaseID: "case_1", Text: "请于期限内处置", SentAt: t0,
		Deadline: t0.Add(72 * time.Hour)}
}

// testToken is a reviewer's token.
func testToken() authz.Token {
	return authz.Token{ID: "tok_1", Name: "李审核", Role: qinglang.RoleReviewer, Platform: "pa", CreatedAt: t0,
		Hash: "must-never-appear"}
}

// testEndpoint is a platform's webhook endpoint.
func testEndpoint() webhook.Endpoint {
	return webhook.Endpoint{ID: "wh_1", Platform: "pa", URL: "https://hooks.example.com/qinglang",
		Events: []string{webhook.EventMeasure}, Active: true, CreatedAt: t0, Secret: "whsec-must-never-appear"}
}

// enforcementRequest is a valid request to one enforcement route.
type enforcementRequest struct {
	method, target, body string
}

// enforcementRequests holds a valid request for every route that needs the
// enforcement service.
var enforcementRequests = []enforcementRequest{
	{http.MethodGet, "/v1/cases", ""},
	{http.MethodGet, "/v1/cases/case_1", ""},
	{http.MethodPost, "/v1/cases/case_1/actions", `{"kind":"start_review"}`},
	{http.MethodPost, "/v1/cases/case_1/measures", `{"kind":"warning"}`},
	{http.MethodGet, "/v1/cases/case_1/evidence", ""},
	{http.MethodPost, "/v1/cases/case_1/regulatory-actions", `{"kind":"guidance","text":"合规指导"}`},
	{http.MethodPost, "/v1/measures/m_1/decision", `{"approve":true}`},
	{http.MethodPost, "/v1/measures/m_1/appeals", `{"grounds":"有检测报告"}`},
	{http.MethodPost, "/v1/appeals/ap_1/review", `{"upheld":true}`},
	{http.MethodGet, "/v1/notices/n_1", ""},
	{http.MethodPost, "/v1/directives", `{"kind":"clue_transfer","region":"310000","platform":"pa","text":"线索","deadline":"2026-03-04T18:00:00+08:00"}`},
	{http.MethodGet, "/v1/directives", ""},
	{http.MethodGet, "/v1/directives/dir_1", ""},
	{http.MethodPost, "/v1/directives/dir_1/answers", `{"step":"acknowledge"}`},
	{http.MethodPost, "/v1/disputes", `{"platform":"pa","room":"r1","user":"u1"}`},
	{http.MethodPost, "/v1/tokens", `{"name":"x","role":"admin"}`},
	{http.MethodGet, "/v1/tokens", ""},
	{http.MethodDelete, "/v1/tokens/tok_1", ""},
	{http.MethodPost, "/v1/webhooks", `{"url":"https://hooks.example.com/q"}`},
	{http.MethodGet, "/v1/webhooks", ""},
	{http.MethodDelete, "/v1/webhooks/wh_1", ""},
	{http.MethodGet, "/v1/webhooks/wh_1/deliveries", ""},
	{http.MethodGet, "/v1/audit", ""},
	{http.MethodGet, "/v1/audit/verify", ""},
	{http.MethodPost, "/v1/findings/f_1/review", `{"decision":"confirm"}`},
	{http.MethodGet, "/v1/reviews", ""},
}

// publicCaseRequests are the public case routes.
var publicCaseRequests = []enforcementRequest{
	{http.MethodGet, "/public/cases", ""},
	{http.MethodGet, "/public/cases.json", ""},
	{http.MethodGet, "/public/cases.atom", ""},
}

// enforcementPrefixes are the paths of the routes the enforcement service
// serves.
var enforcementPrefixes = []string{"/v1/cases", "/v1/measures", "/v1/appeals", "/v1/notices", "/v1/directives",
	"/v1/disputes", "/v1/tokens", "/v1/webhooks", "/v1/audit", "/v1/reviews", "/public/cases"}

// send serves req.
func (req enforcementRequest) send(t *testing.T, s *Server) *httptest.ResponseRecorder {
	t.Helper()
	if req.body == "" {
		return serve(t, s, req.method, req.target, nil)
	}
	return serve(t, s, req.method, req.target, strings.NewReader(req.body), "Content-Type", "application/json")
}

// TestEnforcementRequestsCoverTheRoutes keeps the tables above complete:
// every enforcement route of the table has a request.
func TestEnforcementRequestsCoverTheRoutes(t *testing.T) {
	var covered []string
	for _, req := range append(slices.Clone(enforcementRequests), publicCaseRequests...) {
		path, method, ok := docPath(mustRequest(t, req.method, req.target))
		if !ok {
			t.Fatalf("%s %s matches no route", req.method, req.target)
		}
		covered = append(covered, strings.ToUpper(method)+" "+path)
	}
	for _, rt := range routes {
		for _, p := range enforcementPrefixes {
			if strings.HasPrefix(rt.Path, p) && !slices.Contains(covered, rt.pattern()) {
				t.Errorf("%s has no request in enforcementRequests", rt.pattern())
			}
		}
	}
}

// TestEnforcementOff checks every route answers 503 without an
// enforcement service.
func TestEnforcementOff(t *testing.T) {
	s := newServer(nil)
	for _, req := range append(slices.Clone(enforcementRequests), publicCaseRequests...) {
		e := wantError(t, req.send(t, s), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
		if !strings.Contains(e.Error.MessageEN, "enforcement is not configured") {
			t.Errorf("%s %s: %q", req.method, req.target, e.Error.MessageEN)
		}
	}
}

// TestEnforcementErrors checks every route answers the service's errors at
// their status, in the error shape, with the Chinese and English messages
// of the error and nothing of what it wraps.
func TestEnforcementErrors(t *testing.T) {
	codes := []qinglang.ErrorCode{qinglang.EUNAUTHENTICATED, qinglang.EFORBIDDEN, qinglang.ENOTFOUND,
		qinglang.ECONFLICT, qinglang.ERATELIMITED, qinglang.EUNAVAILABLE}
	for _, req := range enforcementRequests {
		for _, code := range codes {
			err := qinglang.Wrap(code, errUnexpected, "错误 %s", "error %s", code)
			rec := req.send(t, enforcing(&fakeEnforcement{Err: err}))
			e := wantError(t, rec, statusOf(code), code)
			if e.Error.Message != "错误 "+string(code) || strings.Contains(rec.Body.String(), errUnexpected.Error()) {
				t.Errorf("%s %s: %s", req.method, req.target, rec.Body)
			}
			if got := rec.Header().Get("WWW-Authenticate"); (code == qinglang.EUNAUTHENTICATED) != (got == `Bearer realm="qinglang"`) {
				t.Errorf("%s %s %s: WWW-Authenticate %q", req.method, req.target, code, got)
			}
			if got := rec.Header().Get("Retry-After"); (code == qinglang.ERATELIMITED) != (got == "1") {
				t.Errorf("%s %s %s: Retry-After %q", req.method, req.target, code, got)
			}
		}
		// An error that is no *qinglang.Error is a 500 that says nothing.
		rec := req.send(t, enforcing(&fakeEnforcement{}))
		e := wantError(t, rec, http.StatusInternalServerError, qinglang.EINTERNAL)
		if strings.Contains(e.Error.MessageEN, "fake") {
			t.Errorf("%s %s leaks %q", req.method, req.target, e.Error.MessageEN)
		}
	}
	for _, req := range publicCaseRequests {
		for _, code := range []qinglang.ErrorCode{qinglang.EINVALID, qinglang.EUNAVAILABLE} {
			if req.target == "/public/cases.atom" && code == qinglang.EINVALID {
				continue // no cursor
			}
			rec := req.send(t, enforcing(&fakeEnforcement{Err: qinglang.Errorf(code, "错误", "error")}))
			wantError(t, rec, statusOf(code), code)
		}
	}
}

// TestRetryAfterKept checks a Retry-After set before the error is kept.
func TestRetryAfterKept(t *testing.T) {
	s := newServer(nil)
	rec := httptestRecorder()
	rec.Header().Set("Retry-After", "30")
	s.writeError(rec, mustRequest(t, http.MethodGet, "/v1/cases"), qinglang.Errorf(qinglang.ERATELIMITED, "太多", "too many"))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "30" {
		t.Errorf("%d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
}

// TestEnforcementBodies checks every route that takes a body refuses, before
// the service is called, a body too large, empty, of another type, with an
// unknown key, not JSON, or with data after the object.
func TestEnforcementBodies(t *testing.T) {
	for _, req := range enforcementRequests {
		if req.method != http.MethodPost {
			continue
		}
		f := &fakeEnforcement{}
		s := enforcing(f)
		big := `{"text":"` + strings.Repeat("字", MaxJSONBodyBytes/3) + `"}`
		e := wantError(t, postJSON(t, s, req.target, big), http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
		if !strings.Contains(e.Error.MessageEN, "1 MiB") {
			t.Errorf("%s: %q", req.target, e.Error.MessageEN)
		}
		bad := []struct{ body, ct, want string }{
			{"", "application/json", "empty"},
			{"  \n", "", "empty"},
			{req.body, "text/plain", `"text/plain"`},
			{`{"nope":1,` + req.body[1:], "application/json", `unknown field "nope"`},
			{`{"kind":`, "application/json", "incomplete"},
			{`{"kind":}`, "application/json", "not valid JSON"},
			{`[1]`, "application/json", "must be a JSON object"},
			{req.body + ` {}`, "application/json", "after the JSON object"},
		}
		for _, b := range bad {
			var rec *httptest.ResponseRecorder
			if b.ct == "" {
				rec = serve(t, s, http.MethodPost, req.target, strings.NewReader(b.body))
			} else {
				rec = serve(t, s, http.MethodPost, req.target, strings.NewReader(b.body), "Content-Type", b.ct)
			}
			e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
			if !strings.Contains(e.Error.MessageEN, b.want) {
				t.Errorf("%s %q: %q, want it to say %s", req.target, b.body, e.Error.MessageEN, b.want)
			}
		}
		if calls := f.Calls(); len(calls) != 0 {
			t.Errorf("%s: the service was called (%v) with a bad body", req.target, calls)
		}
	}
}

// wantFieldError checks an answer is a 400 naming field.
func wantFieldError(t *testing.T, rec *httptest.ResponseRecorder, field string) {
	t.Helper()
	e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
	if !strings.Contains(e.Error.MessageEN, field) || !strings.Contains(e.Error.Message, field) {
		t.Errorf("%+v does not name %s", e.Error, field)
	}
}

// TestPrincipalOf checks the open-mode principal and that a principal set
// in the context reaches the service.
func TestPrincipalOf(t *testing.T) {
	if p := principalOf(mustRequest(t, http.MethodGet, "/v1/cases")); p.Name != "open" || p.Role != qinglang.RoleAdmin || p.TokenID != "" {
		t.Errorf("open mode principal %+v", p)
	}
	var got []qinglang.Principal
	f := &fakeEnforcement{TokensFn: func(_ context.Context, p qinglang.Principal) ([]authz.Token, error) {
		got = append(got, p)
		if p.Role != qinglang.RoleAdmin {
			return nil, qinglang.Errorf(qinglang.EFORBIDDEN, "只有管理员可以管理令牌", "only an admin may manage tokens")
		}
		return nil, nil
	}}
	s := enforcing(f)
	serve(t, s, http.MethodGet, "/v1/tokens", nil)
	reviewer := qinglang.Principal{TokenID: "tok_9", Name: "李审核", Role: qinglang.RoleReviewer, Platform: "pa"}
	wantError(t, serveAs(t, s, reviewer, http.MethodGet, "/v1/tokens", nil), http.StatusForbidden, qinglang.EFORBIDDEN)
	if len(got) != 2 || got[0].Name != "open" || got[1].TokenID != "tok_9" || got[1].Platform != "pa" {
		t.Errorf("principals %+v", got)
	}
}

// decodeMap decodes a JSON object answer.
func decodeMap(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	decode(t, b, &m)
	return m
}

// mustJSON encodes v.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
