package webhook

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRedirectNotFollowed(t *testing.T) {
	clock := newFakeClock(t0)
	target := newReceiver(t, secret, clock, always(http.StatusOK))
	moved := httptest.NewServer(http.RedirectHandler(target.URL+"/new", http.StatusTemporaryRedirect))
	t.Cleanup(moved.Close)
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{endpoint("ep1", "douyin", moved.URL)}, log, testConfig(clock))
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	a := log.next(t)
	if a.Delivered || a.Status != http.StatusTemporaryRedirect || a.NextAt.IsZero() || !strings.Contains(a.Error, "redirect") {
		t.Fatalf("attempt %+v", a)
	}
	if n := len(target.requests()); n != 0 {
		t.Errorf("the redirect was followed: %d requests to its target", n)
	}
}

func TestErrorsHoldNoSecretNorURL(t *testing.T) {
	clock := newFakeClock(t0)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // connections are refused
	ep := endpoint("ep1", "douyin", closed.URL+"/hook?token=TOKEN-123")
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{ep}, log, testConfig(clock))
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	a := log.next(t)
	if a.Status != 0 || a.Error == "" || a.NextAt.IsZero() {
		t.Fatalf("attempt %+v", a)
	}
	for _, leak := range []string{"TOKEN-123", secret, "/hook"} {
		if strings.Contains(a.Error, leak) {
			t.Errorf("the error %q holds %q", a.Error, leak)
		}
	}
}

func TestAttemptTimesOut(t *testing.T) {
	clock := newFakeClock(t0)
	release := make(chan struct{})
	stuck := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	t.Cleanup(stuck.Close)
	t.Cleanup(func() { close(release) }) // runs first
	log := make(chanLog, 10)
	cfg := testConfig(clock)
	cfg.Timeout = 20 * time.Millisecond // real time: the request's deadline
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{endpoint("ep1", "douyin", stuck.URL)}, log, cfg)
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	if a := log.next(t); a.Status != 0 || a.Delivered || !strings.Contains(a.Error, "no response within 20ms") {
		t.Fatalf("attempt %+v", a)
	}
}

// endless is a response body that never ends and counts what is read.
type endless struct{ read atomic.Int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	e.read.Add(int64(len(p)))
	return len(p), nil
}

func (e *endless) Close() error { return nil }

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestResponseReadIsCapped(t *testing.T) {
	clock := newFakeClock(t0)
	body := &endless{}
	cfg := testConfig(clock)
	cfg.MaxResponseBytes = 1000
	cfg.Client = &http.Client{Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusInternalServerError, Body: body, Header: http.Header{}, Request: r}, nil
	})}
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{endpoint("ep1", "douyin", "https://example.com/hook")}, log, cfg)
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	a := log.next(t)
	if a.Status != 500 || !strings.Contains(a.Error, strings.Repeat("x", excerptBytes)) || strings.Contains(a.Error, strings.Repeat("x", excerptBytes+1)) {
		t.Fatalf("attempt %+v", a)
	}
	if n := body.read.Load(); n > 1000 {
		t.Errorf("read %d bytes of the response, cap 1000", n)
	}
}

func TestDelayJitter(t *testing.T) {
	cfg := testConfig(newFakeClock(t0))
	cfg.Schedule = []time.Duration{10 * time.Second, time.Minute}
	cfg.Jitter = 0.2
	var r float64
	cfg.Rand = func() float64 { return r }
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{}, nil, cfg)
	for _, c := range []struct {
		n    int
		r    float64
		want time.Duration
	}{
		{1, 0.5, 10 * time.Second},
		{1, 0, 8 * time.Second},
		{1, 0.75, 11 * time.Second},
		{2, 0.5, time.Minute},
		{5, 0.5, time.Minute}, // the last delay repeats
		{5, 0.25, 54 * time.Second},
	} {
		r = c.r
		if got := d.delay(c.n); got != c.want {
			t.Errorf("delay(%d) with rand %g = %s, want %s", c.n, c.r, got, c.want)
		}
	}
}

func TestInterruptedLastAttemptGivesUp(t *testing.T) {
	clock := newFakeClock(t0)
	q := &MemQueue{}
	cfg := testConfig(clock)
	cfg.MaxAttempts = 2
	log := make(chanLog, 10)
	d, _ := NewDispatcher(q, EndpointList{endpoint("ep1", "douyin", "https://example.com/")}, log, cfg)
	// As a crash leaves it: the last attempt leased, its outcome unknown.
	p := Pending{ID: "dlv_1", EndpointID: "ep1", Platform: "douyin", Type: EventFinding, Body: []byte("{}"), Attempts: 2, NextAt: t0}
	q.Put(context.Background(), p)
	if !d.attempt(context.Background(), p) {
		t.Fatal("attempt made no progress")
	}
	a := log.next(t)
	if a.Attempt != 2 || a.Delivered || !a.NextAt.IsZero() || !strings.Contains(a.Error, "given up") {
		t.Fatalf("attempt %+v", a)
	}
	if q.Len() != 0 {
		t.Error("the delivery is still queued")
	}
}

func TestInvalidEndpointGivesUp(t *testing.T) {
	clock := newFakeClock(t0)
	q := &MemQueue{}
	ep := endpoint("ep1", "douyin", "http://example.com/") // a store that let plain http through
	log := make(chanLog, 10)
	d, _ := NewDispatcher(q, EndpointList{ep}, log, testConfig(clock))
	ids, _ := d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	p, _ := q.Get(ids[0])
	d.attempt(context.Background(), p)
	if a := log.next(t); a.Delivered || a.Status != 0 || !a.NextAt.IsZero() || !strings.Contains(a.Error, "https") {
		t.Fatalf("attempt %+v", a)
	}
	if q.Len() != 0 {
		t.Error("the delivery is still queued")
	}
}

func TestLookupFailureLeavesTheDelivery(t *testing.T) {
	q := &MemQueue{}
	d, _ := NewDispatcher(q, &failingEndpoints{err: errors.New("store down")}, chanLog(make(chan Attempt)), testConfig(newFakeClock(t0)))
	p := Pending{ID: "dlv_1", EndpointID: "ep1", Platform: "douyin", Type: EventFinding, Body: []byte("{}"), NextAt: t0}
	q.Put(context.Background(), p)
	if d.attempt(context.Background(), p) {
		t.Error("attempt reports progress")
	}
	if got, _ := q.Get("dlv_1"); got.Attempts != 0 || !got.NextAt.Equal(t0) {
		t.Errorf("the delivery changed: %+v", got)
	}
}

func TestExcerpt(t *testing.T) {
	for in, want := range map[string]string{
		"":                            "（无内容）/ (no body)",
		"  bad\r\n\tsignature\x00 ":   "bad signature",
		strings.Repeat("签", 100):      strings.Repeat("签", excerptBytes/3),
		"<html>\n<h1>502</h1></html>": "<html> <h1>502</h1></html>",
	} {
		if got := excerpt([]byte(in)); got != want {
			t.Errorf("excerpt(%q) = %q, want %q", in, got, want)
		}
	}
}
