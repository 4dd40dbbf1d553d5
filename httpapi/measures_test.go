package httpapi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
)

func TestPostMeasureDecision(t *testing.T) {
	var got enforce.MeasureDecision
	f := &fakeEnforcement{DecideMeasureFn: func(_ context.Context, _ qinglang.Principal, id string, d enforce.MeasureDecision) (qinglang.Measure, *qinglang.Notice, error) {
		got = d
		m := testMeasure()
		m.ID = id
		if !d.Approve {
			m.State = qinglang.MeasureRejected
			return m, nil, nil
		}
		m.State, m.DecidedAt, m.DecidedBy, m.StartsAt = qinglang.MeasureActive, t0, "li", t0
		n := testNotice()
		return m, &n, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/measures/m_1/decision", `{"approve":true,"reason":"证据充分"}`)
	if rec.Code != http.StatusOK || !got.Approve || got.Reason != "证据充分" {
		t.Fatalf("status %d decision %+v: %s", rec.Code, got, rec.Body)
	}
	var out struct {
		Measure qinglang.Measure `json:"measure"`
		Notice  *qinglang.Notice `json:"notice"`
	}
	decode(t, rec.Body.Bytes(), &out)
	if out.Measure.ID != "m_1" || out.Measure.State != qinglang.MeasureActive || out.Notice == nil || out.Notice.ID != "n_1" {
		t.Errorf("answer %s", rec.Body)
	}
	rec = postJSON(t, s, "/v1/measures/m_1/decision", `{"approve":false}`)
	if rec.Code != http.StatusOK || got.Approve || strings.Contains(rec.Body.String(), `"notice"`) {
		t.Errorf("rejection: %d %s", rec.Code, rec.Body)
	}
	wantFieldError(t, postJSON(t, s, "/v1/measures/m_1/decision", `{"reason":"x"}`), "approve")
	wantFieldError(t, postJSON(t, s, "/v1/measures/m_1/decision", `{"approve":"yes"}`), "approve")
}

func TestPostMeasureAppeal(t *testing.T) {
	var gotID, gotGrounds string
	f := &fakeEnforcement{FileAppealFn: func(_ context.Context, _ qinglang.Principal, id, grounds string) (qinglang.Appeal, error) {
		gotID, gotGrounds = id, grounds
		return testAppeal(), nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/measures/m_1/appeals", `{"grounds":"宣传内容有检测报告支持"}`)
	if rec.Code != http.StatusCreated || gotID != "m_1" || gotGrounds != "宣传内容有检测报告支持" {
		t.Fatalf("status %d %q %q: %s", rec.Code, gotID, gotGrounds, rec.Body)
	}
	var a qinglang.Appeal
	decode(t, rec.Body.Bytes(), &a)
	if a.ID != "ap_1" || a.State != qinglang.AppealFiled {
		t.Errorf("appeal %+v", a)
	}
	wantFieldError(t, postJSON(t, s, "/v1/measures/m_1/appeals", `{"grounds":["a"]}`), "grounds")
}

func TestPostAppealReview(t *testing.T) {
	var got enforce.AppealReview
	f := &fakeEnforcement{ReviewAppealFn: func(_ context.Context, p qinglang.Principal, id string, r enforce.AppealReview) (qinglang.Appeal, qinglang.Notice, error) {
		got = r
		a := testAppeal()
		a.State, a.ReviewedAt, a.ReviewedBy, a.Outcome = qinglang.AppealOverturned, t0, p.Name, r.Outcome
		n := testNotice()
		n.ID, n.Kind = "n_2", qinglang.NoticeAppealResult
		return a, n, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/appeals/ap_1/review", `{"upheld":false,"outcome":"检测报告成立，撤销措施"}`)
	if rec.Code != http.StatusOK || got.Upheld || got.Outcome != "检测报告成立，撤销措施" {
		t.Fatalf("status %d review %+v: %s", rec.Code, got, rec.Body)
	}
	var out struct {
		Appeal qinglang.Appeal `json:"appeal"`
		Notice qinglang.Notice `json:"notice"`
	}
	decode(t, rec.Body.Bytes(), &out)
	if out.Appeal.State != qinglang.AppealOverturned || out.Appeal.ReviewedBy != "open" || out.Notice.Kind != qinglang.NoticeAppealResult {
		t.Errorf("answer %s", rec.Body)
	}
	wantFieldError(t, postJSON(t, s, "/v1/appeals/ap_1/review", `{"outcome":"x"}`), "upheld")
}

func TestGetNotice(t *testing.T) {
	var gotID string
	f := &fakeEnforcement{NoticeFn: func(_ context.Context, _ qinglang.Principal, id string) (qinglang.Notice, error) {
		gotID = id
		return testNotice(), nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/notices/n_1", nil)
	if rec.Code != http.StatusOK || gotID != "n_1" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var n qinglang.Notice
	decode(t, rec.Body.Bytes(), &n)
	if n.ID != "n_1" || !n.IssuedAt.Equal(testNotice().IssuedAt) || !strings.Contains(rec.Body.String(), "+08:00") {
		t.Errorf("notice (times in Asia/Shanghai): %s", rec.Body)
	}

	rec = serve(t, s, http.MethodGet, "/v1/notices/n_1?format=text", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("text: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, want := range []string{"处置通知书", "通知编号：n_1", "暂停直播", "可在 15 日内申诉"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("Chinese text lacks %q:\n%s", want, rec.Body)
		}
	}
	rec = serve(t, s, http.MethodGet, "/v1/notices/n_1?format=text&lang=en", nil)
	for _, want := range []string{"Notice of a measure", "Notice: n_1", "live streaming suspended", "you may appeal within 15 days"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("English text lacks %q:\n%s", want, rec.Body)
		}
	}
	f.calls = nil
	for q, field := range map[string]string{"format=pdf": "format", "format=text&lang=fr": "lang"} {
		wantFieldError(t, serve(t, s, http.MethodGet, "/v1/notices/n_1?"+q, nil), field)
	}
	if len(f.Calls()) != 0 {
		t.Errorf("the service was called: %v", f.Calls())
	}
}
