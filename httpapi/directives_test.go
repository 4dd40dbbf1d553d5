package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/regloop"
)

func TestPostDirective(t *testing.T) {
	var got qinglang.Directive
	f := &fakeEnforcement{SendDirectiveFn: func(_ context.Context, _ qinglang.Principal, d qinglang.Directive) (qinglang.Directive, error) {
		got = d
		out := testDirective()
		out.Kind, out.Deadline = d.Kind, d.Deadline
		return out, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/directives", `{"kind":"request_to_act","region":"310000","platform":"pa","case_id":"case_1",
		"text":"请于 72 小时内处置","text_en":"act within 72 hours","deadline":"2026-03-04T18:00:00+08:00"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := qinglang.Directive{Kind: qinglang.DirectiveRequestToAct, Region: "310000", Platform: "pa", CaseID: "case_1",
		Text: "请于 72 小时内处置", TextEN: "act within 72 hours", Deadline: time.Date(2026, 3, 4, 18, 0, 0, 0, cst)}
	if !got.Deadline.Equal(want.Deadline) || got.Kind != want.Kind || got.Region != want.Region || got.Platform != want.Platform ||
		got.CaseID != want.CaseID || got.Text != want.Text || got.TextEN != want.TextEN || got.State != "" || got.ID != "" {
		t.Errorf("directive %+v", got)
	}
	var d qinglang.Directive
	decode(t, rec.Body.Bytes(), &d)
	if d.ID != "dir_1" || d.Evidence == nil {
		t.Errorf("answer %s", rec.Body)
	}
	f.calls = nil
	for body, field := range map[string]string{
		`{"region":"310000","deadline":"2026-03-04T18:00:00+08:00"}`:                   "kind",
		`{"kind":"order","deadline":"2026-03-04T18:00:00+08:00"}`:                      "kind",
		`{"kind":"clue_transfer"}`:                                                     "deadline",
		`{"kind":"clue_transfer","deadline":"2026-03-04"}`:                             "deadline",
		`{"kind":"clue_transfer","deadline":"2026-03-04T18:00:00+08:00","subject":{}}`: "subject",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/directives", body), field)
	}
	if len(f.Calls()) != 0 {
		t.Errorf("the service was called: %v", f.Calls())
	}
}

func TestGetDirectives(t *testing.T) {
	var got enforce.DirectiveFilter
	f := &fakeEnforcement{DirectivesFn: func(_ context.Context, _ qinglang.Principal, flt enforce.DirectiveFilter) (enforce.DirectivePage, error) {
		got = flt
		return enforce.DirectivePage{Directives: []qinglang.Directive{testDirective()}, Next: "d2"}, nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/directives?platform=pa&state=sent,acted&state=escalated,sent&overdue=true&cursor=d1&limit=5", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Platform != "pa" || !slices.Equal(got.States, []qinglang.DirectiveState{qinglang.DirectiveSent, qinglang.DirectiveActed, qinglang.DirectiveEscalated}) ||
		!got.Overdue || got.Cursor != "d1" || got.Limit != 5 {
		t.Errorf("filter %+v", got)
	}
	var page enforce.DirectivePage
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Directives) != 1 || page.Next != "d2" || page.Directives[0].Evidence == nil {
		t.Errorf("page %s", rec.Body)
	}
	serve(t, s, http.MethodGet, "/v1/directives", nil)
	if got.States != nil || got.Overdue || got.Limit != 0 {
		t.Errorf("no query gives %+v", got)
	}
	for q, field := range map[string]string{"state=sent,open": "state", "overdue=soon": "overdue", "limit=5000": "limit"} {
		wantFieldError(t, serve(t, s, http.MethodGet, "/v1/directives?"+q, nil), field)
	}
}

func TestGetDirective(t *testing.T) {
	f := &fakeEnforcement{DirectiveFn: func(_ context.Context, _ qinglang.Principal, id string) (qinglang.Directive, error) {
		if id != "dir_1" {
			return qinglang.Directive{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有通知 %s", "no directive %s", id)
		}
		return testDirective(), nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/directives/dir_1", nil)
	var d qinglang.Directive
	decode(t, rec.Body.Bytes(), &d)
	if rec.Code != http.StatusOK || d.ID != "dir_1" || d.Deadline.IsZero() {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, s, http.MethodGet, "/v1/directives/dir_9", nil), http.StatusNotFound, qinglang.ENOTFOUND)
}

func TestPostDirectiveAnswer(t *testing.T) {
	var got enforce.DirectiveAnswer
	f := &fakeEnforcement{AnswerDirectiveFn: func(_ context.Context, _ qinglang.Principal, _ string, a enforce.DirectiveAnswer) (qinglang.Directive, error) {
		got = a
		d := testDirective()
		if a.Step == enforce.StepReport {
			d.State, d.ReportedAt, d.Report, d.Evidence = qinglang.DirectiveReported, t0, a.Text, a.Evidence
		}
		return d, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/directives/dir_1/answers", `{"step":"report","text":"已下架并暂停直播","evidence":["m_1","n_1"]}`)
	if rec.Code != http.StatusOK || got.Step != enforce.StepReport || got.Text != "已下架并暂停直播" || !slices.Equal(got.Evidence, []string{"m_1", "n_1"}) {
		t.Fatalf("status %d answer %+v: %s", rec.Code, got, rec.Body)
	}
	var d qinglang.Directive
	decode(t, rec.Body.Bytes(), &d)
	if d.State != qinglang.DirectiveReported || len(d.Evidence) != 2 {
		t.Errorf("directive %s", rec.Body)
	}
	for body, field := range map[string]string{`{"text":"x"}`: "step", `{"step":"ignore"}`: "step", `{"step":"act","evidence":"m_1"}`: "evidence"} {
		wantFieldError(t, postJSON(t, s, "/v1/directives/dir_1/answers", body), field)
	}
}

func TestPostDispute(t *testing.T) {
	var got regloop.DisputeRequest
	f := &fakeEnforcement{DisputeFn: func(_ context.Context, _ qinglang.Principal, req regloop.DisputeRequest) (regloop.Answer, error) {
		got = req
		return regloop.Answer{Platform: req.Platform, Room: req.Room, User: req.User,
			Operator:   regloop.Party{Kind: qinglang.SubjectOperator, ID: "op-1", Name: "上海某某文化传媒有限公司", USCC: "91310000MA1FL0000X", Contact: "021-5555 0000"},
			Host:       regloop.Party{Kind: qinglang.SubjectHost, ID: "host-7", Name: "张三", Contact: "service@example.com"},
			TotalFen:   0,
			AnsweredAt: t0, Basis: "《直播电商监督管理办法》第十八条", BasisEN: "Order 117, art. 18"}, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/disputes", `{"platform":"pa","room":"r1","user":"u1"}`)
	if rec.Code != http.StatusOK || got != (regloop.DisputeRequest{Platform: "pa", Room: "r1", User: "u1"}) {
		t.Fatalf("status %d request %+v: %s", rec.Code, got, rec.Body)
	}
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", rec.Header().Get("Cache-Control"))
	}
	m := decodeMap(t, rec.Body.Bytes())
	if m["orders"] == nil || !strings.Contains(m["text"].(string), "上海某某文化传媒有限公司") ||
		!strings.Contains(m["text_en"].(string), "Under Order 117, art. 18") || m["operator"].(map[string]any)["uscc"] != "91310000MA1FL0000X" {
		t.Errorf("answer %s", rec.Body)
	}
	wantFieldError(t, postJSON(t, s, "/v1/disputes", `{"platform":"pa","room":"r1","user":"u1","phone":"138"}`), "phone")
}
