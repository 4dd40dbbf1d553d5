package httpapi

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestHealthz(t *testing.T) {
	rec := serve(t, newServer(nil), http.MethodGet, "/healthz", nil)
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"status":"ok"}` {
		t.Fatalf("status %d body %s", rec.Code, rec.Body)
	}
}

func TestReadyzAllPass(t *testing.T) {
	s := newServer(nil)
	store := &fakeStore{PingFn: func(context.Context) error { return nil }}
	s.Ready = map[string]func(context.Context) error{
		"store": store.Ping,
		"bus":   func(context.Context) error { return nil },
	}
	rec := serve(t, s, http.MethodGet, "/readyz", nil)
	var got readiness
	decode(t, rec.Body.Bytes(), &got)
	if rec.Code != http.StatusOK || got.Checks["store"] != "ok" || got.Checks["bus"] != "ok" {
		t.Fatalf("status %d body %s", rec.Code, rec.Body)
	}
}

func TestReadyzNamesFailedChecks(t *testing.T) {
	s := newServer(nil)
	s.readyTimeout = 50 * time.Millisecond
	release := make(chan struct{})
	defer close(release)
	s.Ready = map[string]func(context.Context) error{
		"store": func(context.Context) error { return nil },
		"bus": func(context.Context) error {
			return qinglang.Wrap(qinglang.EUNAVAILABLE, errors.New("nats: no servers available"),
				"消息总线不可用", "message bus unavailable")
		},
		// A check that ignores its context must not hold the probe.
		"stuck": func(context.Context) error { <-release; return nil },
		"plain": func(context.Context) error { return errors.New("disk full") },
	}
	rec := serve(t, s, http.MethodGet, "/readyz", nil)
	e := wantError(t, rec, http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	for _, want := range []string{"bus: message bus unavailable: nats: no servers available", "stuck: check timed out", "plain: disk full"} {
		if !strings.Contains(e.Error.MessageEN, want) {
			t.Errorf("message_en %q lacks %q", e.Error.MessageEN, want)
		}
	}
	if !strings.Contains(e.Error.Message, "bus：消息总线不可用") || strings.Contains(e.Error.MessageEN, "store") {
		t.Errorf("message %q / %q", e.Error.Message, e.Error.MessageEN)
	}
}

func TestReadyzWithoutChecks(t *testing.T) {
	rec := serve(t, newServer(nil), http.MethodGet, "/readyz", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d body %s", rec.Code, rec.Body)
	}
}

func TestVersion(t *testing.T) {
	s := newServer(nil)
	s.Version = "1.2.3"
	var v versionInfo
	rec := serve(t, s, http.MethodGet, "/v1/version", nil)
	decode(t, rec.Body.Bytes(), &v)
	if v.Version != "1.2.3" || v.Go != runtime.Version() {
		t.Fatalf("version %+v", v)
	}
	s.Version = ""
	decode(t, serve(t, s, http.MethodGet, "/v1/version", nil).Body.Bytes(), &v)
	if v.Version != "dev" {
		t.Fatalf("default version %q, want dev", v.Version)
	}
}

func TestMetricsEndpoint(t *testing.T) {
	s := newServer(nil)
	h := s.Handler()
	for _, target := range []string{"/healthz", "/v1/findings/f_1", "/v1/findings/f_2", "/no/such/path"} {
		h.ServeHTTP(httptestRecorder(), mustRequest(t, http.MethodGet, target))
	}
	rec := serve(t, s, http.MethodGet, "/metrics", nil)
	body := rec.Body.String()
	for _, want := range []string{
		`qinglang_http_requests_total{code="200",route="GET /healthz"} 1`,
		// by route pattern, never by raw path: both ids count under one label
		`qinglang_http_requests_total{code="503",route="GET /v1/findings/{id}"} 2`,
		`qinglang_http_requests_total{code="404",route="unmatched"} 1`,
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, "f_1") {
		t.Error("metrics carry a raw path")
	}
}

func TestOpenAPIServed(t *testing.T) {
	rec := serve(t, newServer(nil), http.MethodGet, "/v1/openapi.json", nil)
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), openAPIDoc) {
		t.Fatalf("status %d, body differs from the embedded document", rec.Code)
	}
	if got := OpenAPI(); !bytes.Equal(got, openAPIDoc) {
		t.Fatal("OpenAPI() differs from the embedded document")
	}
	OpenAPI()[0] = 'x'
	if openAPIDoc[0] != '{' {
		t.Fatal("OpenAPI() hands out the embedded bytes")
	}
}
