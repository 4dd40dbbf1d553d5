package httpapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// httptestRecorder is a fresh response recorder.
func httptestRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

// mustRequest builds a server-side request for a handler.
func mustRequest(t *testing.T, method, target string) *http.Request {
	t.Helper()
	return httptest.NewRequest(method, target, nil)
}

func TestStatusOf(t *testing.T) {
	cases := map[qinglang.ErrorCode]int{
		qinglang.EINVALID:         400,
		qinglang.ENOTFOUND:        404,
		qinglang.ETOOLARGE:        413,
		qinglang.EUNAVAILABLE:     503,
		qinglang.EINTERNAL:        500,
		qinglang.ECONFLICT:        409,
		qinglang.EUNAUTHENTICATED: 401,
		qinglang.EFORBIDDEN:       403,
		qinglang.ERATELIMITED:     429,
		"something_new":           500,
	}
	for code, want := range cases {
		if got := statusOf(code); got != want {
			t.Errorf("statusOf(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestUnknownRouteIsJSON404(t *testing.T) {
	for _, target := range []string{"/nope", "/v1/findings/f_1/extra", "/v1/"} {
		e := wantError(t, serve(t, newServer(nil), http.MethodGet, target, nil), http.StatusNotFound, qinglang.ENOTFOUND)
		if !strings.Contains(e.Error.MessageEN, target) {
			t.Errorf("message %q does not name %s", e.Error.MessageEN, target)
		}
	}
}

func TestWrongMethodIsJSON405(t *testing.T) {
	cases := []struct{ method, target, allow string }{
		{http.MethodDelete, "/v1/findings", "GET"},
		{http.MethodGet, "/v1/events", "POST"},
		{http.MethodPost, "/healthz", "GET"},
	}
	for _, c := range cases {
		rec := serve(t, newServer(nil), c.method, c.target, nil)
		e := wantError(t, rec, http.StatusMethodNotAllowed, qinglang.EINVALID)
		if !strings.Contains(rec.Header().Get("Allow"), c.allow) {
			t.Errorf("%s %s: Allow %q, want %s", c.method, c.target, rec.Header().Get("Allow"), c.allow)
		}
		if !strings.Contains(e.Error.MessageEN, c.method) {
			t.Errorf("message %q does not name the method", e.Error.MessageEN)
		}
	}
}

func TestCleanPathRedirectPassesThrough(t *testing.T) {
	rec := httptest.NewRecorder()
	newServer(nil).Handler().ServeHTTP(rec, mustRequest(t, http.MethodGet, "/v1//version"))
	if rec.Code/100 != 3 || rec.Header().Get("Location") != "/v1/version" {
		t.Fatalf("status %d Location %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestPanicBecomesJSON500(t *testing.T) {
	logs := &logBuffer{}
	s := newServer(logs)
	s.Store = &fakeStore{FindingFn: func(context.Context, string) (qinglang.Finding, error) {
		panic("detector table corrupted")
	}}
	rec := serve(t, s, http.MethodGet, "/v1/findings/f_1", nil)
	wantError(t, rec, http.StatusInternalServerError, qinglang.EINTERNAL)
	if strings.Contains(rec.Body.String(), "corrupted") {
		t.Fatalf("500 leaks the panic: %s", rec.Body)
	}
	out := logs.String()
	if !strings.Contains(out, "detector table corrupted") || !strings.Contains(out, `"status":500`) {
		t.Fatalf("panic not logged with its status: %s", out)
	}
}

func TestRequestLog(t *testing.T) {
	logs := &logBuffer{}
	serve(t, newServer(logs), http.MethodGet, "/healthz", nil)
	out := logs.String()
	for _, want := range []string{`"method":"GET"`, `"route":"GET /healthz"`, `"status":200`, `"duration":`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s: %s", want, out)
		}
	}
}

func TestHandlerFillsMetrics(t *testing.T) {
	s := &Server{}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, mustRequest(t, http.MethodGet, "/metrics"))
	if rec.Code != http.StatusOK || s.Metrics == nil {
		t.Fatalf("status %d, metrics %v", rec.Code, s.Metrics)
	}
}
