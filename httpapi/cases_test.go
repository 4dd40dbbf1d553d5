package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/enforce"
)

func TestGetCases(t *testing.T) {
	var got enforce.CaseFilter
	f := &fakeEnforcement{CasesFn: func(_ context.Context, _ qinglang.Principal, flt enforce.CaseFilter) (enforce.CasePage, error) {
		got = flt
		return enforce.CasePage{Cases: []qinglang.Case{testCase()}, Next: "c2"}, nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/cases?state=in_review&subject=host:pa:host-7&platform=pa&published=true&cursor=c1&limit=20", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := enforce.CaseFilter{State: qinglang.CaseInReview, Subject: "host:pa:host-7", Platform: "pa", Published: true, Cursor: "c1", Limit: 20}
	if got != want {
		t.Errorf("filter %+v, want %+v", got, want)
	}
	var page enforce.CasePage
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Cases) != 1 || page.Next != "c2" || page.Cases[0].ID != "case_1" || page.Cases[0].Subject != testSubject {
		t.Errorf("page %s", rec.Body)
	}
	if !strings.Contains(rec.Body.String(), `"comments":[]`) || !strings.Contains(rec.Body.String(), `"shared_with":[]`) {
		t.Errorf("nil lists are not []: %s", rec.Body)
	}

	serve(t, s, http.MethodGet, "/v1/cases", nil)
	if got != (enforce.CaseFilter{}) {
		t.Errorf("no query gives filter %+v", got)
	}
	for q, field := range map[string]string{
		"state=shut":              "state",
		"subject=host:pa":         "subject",
		"subject=robot:pa:x":      "subject",
		"platform=" + long(129):   "platform",
		"published=maybe":         "published",
		"limit=1001":              "limit",
		"limit=0":                 "limit",
		"cursor=a&cursor=b":       "cursor",
		"state=open&state=closed": "state",
	} {
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/cases?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, "query parameter "+field) {
			t.Errorf("%s: %q does not name %s", q, e.Error.MessageEN, field)
		}
	}
}

// long is a string of n bytes.
func long(n int) string { return strings.Repeat("x", n) }

func TestGetCase(t *testing.T) {
	var gotID string
	f := &fakeEnforcement{CaseFn: func(_ context.Context, _ qinglang.Principal, id string) (enforce.CaseView, error) {
		gotID = id
		return enforce.CaseView{Case: testCase(), Measures: []qinglang.Measure{testMeasure()},
			Directives: []qinglang.Directive{testDirective()},
			Findings:   []qinglang.Finding{testFinding("f_1", "pa", "r1", qinglang.SeverityHigh)},
			Available:  []casework.ActionKind{casework.ActComment, casework.ActClose}}, nil
	}}
	rec := serve(t, enforcing(f), http.MethodGet, "/v1/cases/case_1", nil)
	if rec.Code != http.StatusOK || gotID != "case_1" {
		t.Fatalf("status %d id %q: %s", rec.Code, gotID, rec.Body)
	}
	v := decodeMap(t, rec.Body.Bytes())
	if v["case"].(map[string]any)["id"] != "case_1" || len(v["measures"].([]any)) != 1 || len(v["notices"].([]any)) != 0 ||
		len(v["findings"].([]any)) != 1 || len(v["available"].([]any)) != 2 {
		t.Errorf("view %s", rec.Body)
	}
	if d := v["directives"].([]any)[0].(map[string]any); d["evidence"] == nil {
		t.Errorf("directive evidence is null: %s", rec.Body)
	}
	if m := v["measures"].([]any)[0].(map[string]any); m["duration"] != float64(7*24*time.Hour) {
		t.Errorf("measure duration %v", m["duration"])
	}
}

func TestPostCaseAction(t *testing.T) {
	var got casework.Action
	var gotID string
	f := &fakeEnforcement{ActOnCaseFn: func(_ context.Context, _ qinglang.Principal, id string, a casework.Action) (qinglang.Case, error) {
		got, gotID = a, id
		c := testCase()
		c.Assignee = a.Assignee
		return c, nil
	}}
	s := enforcing(f)
	due := time.Date(2026, 3, 5, 18, 0, 0, 0, cst)
	cases := []struct {
		body string
		want casework.Action
	}{
		{`{"kind":"assign","assignee":"li","due_at":"2026-03-05T18:00:00+08:00"}`, casework.Action{Kind: casework.ActAssign, Assignee: "li", DueAt: due}},
		{`{"kind":"assign","assignee":"li"}`, casework.Action{Kind: casework.ActAssign, Assignee: "li"}},
		{`{"kind":"start_review"}`, casework.Action{Kind: casework.ActStartReview}},
		{`{"kind":"notify","notice_id":"n_1"}`, casework.Action{Kind: casework.ActNotify, NoticeID: "n_1"}},
		{`{"kind":"close","reason":"证据不足"}`, casework.Action{Kind: casework.ActClose, Reason: "证据不足"}},
		{`{"kind":"reopen","reason":"新证据"}`, casework.Action{Kind: casework.ActReopen, Reason: "新证据"}},
		{`{"kind":"comment","text":"已核实"}`, casework.Action{Kind: casework.ActComment, Text: "已核实"}},
		{`{"kind":"publish"}`, casework.Action{Kind: casework.ActPublish}},
		{`{"kind":"unpublish"}`, casework.Action{Kind: casework.ActUnpublish}},
		{`{"kind":"legal_hold","hold":true}`, casework.Action{Kind: casework.ActLegalHold, Hold: true}},
		{`{"kind":"legal_hold","hold":false}`, casework.Action{Kind: casework.ActLegalHold}},
		{`{"kind":"set_region","region":"310115"}`, casework.Action{Kind: casework.ActSetRegion, Region: "310115"}},
	}
	for _, c := range cases {
		got = casework.Action{}
		rec := postJSON(t, s, "/v1/cases/case_1/actions", c.body)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", c.body, rec.Code, rec.Body)
		}
		g, w := got, c.want
		sameDue := g.DueAt.Equal(w.DueAt)
		g.DueAt, w.DueAt = time.Time{}, time.Time{}
		if !sameDue || g != w || gotID != "case_1" {
			t.Errorf("%s: action %+v, want %+v", c.body, got, c.want)
		}
	}
	var out qinglang.Case
	decode(t, postJSON(t, s, "/v1/cases/case_1/actions", `{"kind":"assign","assignee":"wang"}`).Body.Bytes(), &out)
	if out.ID != "case_1" || out.Assignee != "wang" || out.Comments == nil {
		t.Errorf("answer %+v", out)
	}

	f.calls = nil
	for body, field := range map[string]string{
		`{}`:                                    "kind",
		`{"kind":"dance"}`:                      "kind",
		`{"kind":"decide"}`:                     "/v1/measures/{id}/decision",
		`{"kind":"escalate","region":"110000"}`: "/v1/cases/{id}/regulatory-actions",
		`{"kind":"comment","reason":"x"}`:       "reason",
		`{"kind":"publish","hold":true}`:        "hold",
		`{"kind":"legal_hold"}`:                 "hold",
		`{"kind":"legal_hold","hold":"yes"}`:    "hold",
		`{"kind":"assign","assignee":"li","due_at":"tomorrow"}`: "due_at",
		`{"kind":"assign","due_at":"2026-03-05"}`:               "due_at",
		`{"kind":7}`: "kind",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/cases/case_1/actions", body), field)
	}
	if len(f.Calls()) != 0 {
		t.Errorf("the service was called with bad actions: %v", f.Calls())
	}
}

func TestPostCaseMeasure(t *testing.T) {
	var got enforce.MeasureRequest
	f := &fakeEnforcement{ProposeMeasureFn: func(_ context.Context, _ qinglang.Principal, caseID string, r enforce.MeasureRequest) (qinglang.Measure, error) {
		got = r
		m := testMeasure()
		m.CaseID, m.Kind, m.Duration = caseID, r.Kind, time.Duration(r.Days*24)*time.Hour
		return m, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/cases/case_1/measures", `{"kind":"limit_traffic","days":7.5,"reason":"多次违规","reason_en":"repeated violations"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Kind != qinglang.MeasureLimitTraffic || got.Days != 7.5 || got.Duration != 0 || got.Reason != "多次违规" || got.ReasonEN != "repeated violations" {
		t.Errorf("request %+v", got)
	}
	var m qinglang.Measure
	decode(t, rec.Body.Bytes(), &m)
	if m.ID != "m_1" || m.Duration != 180*time.Hour {
		t.Errorf("measure %+v", m)
	}
	f.calls = nil
	for body, field := range map[string]string{
		`{"days":3}`:                    "kind",
		`{"kind":"jail"}`:               "kind",
		`{"kind":"warning","days":-1}`:  "days",
		`{"kind":"warning","days":1e9}`: "days",
		`{"kind":"warning","days":"7"}`: "days",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/cases/case_1/measures", body), field)
	}
	if len(f.Calls()) != 0 {
		t.Errorf("the service was called: %v", f.Calls())
	}
}

// testZip is a small evidence bundle.
func testZip(t *testing.T, w io.Writer) {
	t.Helper()
	zw := zip.NewWriter(w)
	fw, err := zw.Create("manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write([]byte(`{"case":"case_1"}`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestGetCaseEvidence(t *testing.T) {
	f := &fakeEnforcement{ExportEvidenceFn: func(_ context.Context, _ qinglang.Principal, caseID string, w io.Writer) error {
		if caseID != "case_1" {
			// A failure after part of the bundle was written still
			// answers JSON: nothing was sent yet.
			_, _ = w.Write([]byte("PK\x03\x04 partial"))
			return qinglang.Errorf(qinglang.ENOTFOUND, "没有案件 %s", "no case %s", caseID)
		}
		testZip(t, w)
		return nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/cases/case_1/evidence", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename=case-case_1-evidence.zip` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", rec.Header().Get("Cache-Control"))
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil || len(zr.File) != 1 || zr.File[0].Name != "manifest.json" {
		t.Fatalf("not the bundle: %v", err)
	}
	rec = serve(t, s, http.MethodGet, "/v1/cases/case_2/evidence", nil)
	wantError(t, rec, http.StatusNotFound, qinglang.ENOTFOUND)
	if strings.Contains(rec.Body.String(), "partial") {
		t.Errorf("a partial bundle was sent: %s", rec.Body)
	}
	if fileSafe(`a/b"c 案`) != "a_b_c__" {
		t.Errorf("fileSafe %q", fileSafe(`a/b"c 案`))
	}
}

func TestPostRegulatoryAction(t *testing.T) {
	var got qinglang.RegulatoryAction
	f := &fakeEnforcement{RecordActionFn: func(_ context.Context, p qinglang.Principal, caseID string, a qinglang.RegulatoryAction) (qinglang.Case, qinglang.RegulatoryAction, error) {
		got = a
		c := testCase()
		c.EscalatedTo = a.Target
		a.ID, a.CaseID, a.Region, a.At, a.By = "ra_1", caseID, "310000", t0, p.Name
		return c, a, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/cases/case_1/regulatory-actions", `{"kind":"escalate","text":"案情重大，提级管辖","target":"310000"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Kind != qinglang.ActionEscalate || got.Target != "310000" || got.Text != "案情重大，提级管辖" {
		t.Errorf("action %+v", got)
	}
	var out struct {
		Case   qinglang.Case             `json:"case"`
		Action qinglang.RegulatoryAction `json:"action"`
	}
	decode(t, rec.Body.Bytes(), &out)
	if out.Case.EscalatedTo != "310000" || out.Action.ID != "ra_1" || out.Action.By != "open" {
		t.Errorf("answer %+v", out)
	}
	postJSON(t, s, "/v1/cases/case_1/regulatory-actions", `{"kind":"penalty","text":"罚款","fine_fen":500000}`)
	if got.Kind != qinglang.ActionPenalty || got.FineFen != 500000 {
		t.Errorf("penalty %+v", got)
	}
	for body, field := range map[string]string{
		`{"text":"x"}`:                        "kind",
		`{"kind":"arrest"}`:                   "kind",
		`{"kind":"penalty","fine_fen":-1}`:    "fine_fen",
		`{"kind":"penalty","fine_fen":"100"}`: "fine_fen",
		`{"kind":"penalty","fine_fen":1.5}`:   "fine_fen",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/cases/case_1/regulatory-actions", body), field)
	}
}
