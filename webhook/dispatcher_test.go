package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

type finding struct {
	ID   string `json:"id"`
	Rule string `json:"rule"`
}

func TestDeliverySignedAndVerified(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, always(http.StatusNoContent))
	q := &MemQueue{}
	log := make(chanLog, 10)
	d, err := NewDispatcher(q, EndpointList{endpoint("ep1", "douyin", rcv.URL+"/hook")}, log, testConfig(clock))
	if err != nil {
		t.Fatal(err)
	}
	start(t, d)
	ids, err := d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: finding{"f_1", "claims.absolute"}})
	if err != nil || len(ids) != 1 {
		t.Fatalf("Enqueue: %v %v", ids, err)
	}
	a := log.next(t)
	want := Attempt{DeliveryID: ids[0], EndpointID: "ep1", Type: EventFinding, Attempt: 1, At: t0, Status: http.StatusNoContent, Delivered: true}
	if a != want {
		t.Fatalf("attempt\n got %+v\nwant %+v", a, want)
	}
	got := rcv.requests()
	if len(got) != 1 {
		t.Fatalf("%d requests, want 1", len(got))
	}
	r := got[0]
	if r.verify != nil {
		t.Fatalf("receiver refused: %v", r.verify)
	}
	h := r.header
	if h.Get(HeaderEvent) != EventFinding || h.Get(HeaderDelivery) != ids[0] ||
		h.Get(HeaderTimestamp) != strconv.FormatInt(t0.Unix(), 10) || h.Get("Content-Type") != "application/json" {
		t.Errorf("headers %v", h)
	}
	if sig := h.Get(HeaderSignature); sig != Sign(secret, t0.Unix(), r.body) {
		t.Errorf("signature %s", sig)
	}
	var env Envelope
	if err := json.Unmarshal(r.body, &env); err != nil {
		t.Fatal(err)
	}
	if env.ID != ids[0] || env.Type != EventFinding || env.Platform != "douyin" || !env.CreatedAt.Equal(t0) ||
		string(env.Data) != `{"id":"f_1","rule":"claims.absolute"}` {
		t.Errorf("body %s", r.body)
	}
	if r.path != "/hook" {
		t.Errorf("path %s", r.path)
	}
	if q.Len() != 0 {
		t.Errorf("%d deliveries still queued", q.Len())
	}
}

func TestWrongSecretRefused(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, "another-secret-0123456789", clock, always(http.StatusOK))
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{endpoint("ep1", "douyin", rcv.URL)}, log, testConfig(clock))
	start(t, d)
	if _, err := d.Enqueue(context.Background(), Message{Type: EventNotice, Platform: "douyin", Data: 1}); err != nil {
		t.Fatal(err)
	}
	a := log.next(t)
	if a.Delivered || a.Status != http.StatusUnauthorized || !a.NextAt.Equal(t0.Add(10*time.Second)) ||
		!strings.Contains(a.Error, "401") || !strings.Contains(a.Error, "签名不符") {
		t.Fatalf("attempt %+v", a)
	}
	if err := rcv.requests()[0].verify; qinglang.Code(err) != qinglang.EUNAUTHENTICATED {
		t.Errorf("receiver's Verify: %v", err)
	}
}

func TestRetriesWithBackoff(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, func(n int) int {
		return []int{http.StatusInternalServerError, http.StatusServiceUnavailable, http.StatusTooManyRequests, http.StatusOK}[n-1]
	})
	q := &MemQueue{}
	log := make(chanLog, 10)
	cfg := testConfig(clock)
	cfg.Schedule = []time.Duration{10 * time.Second, 30 * time.Second, 2 * time.Minute}
	d, _ := NewDispatcher(q, EndpointList{endpoint("ep1", "douyin", rcv.URL)}, log, cfg)
	start(t, d)
	ids, _ := d.Enqueue(context.Background(), Message{Type: EventMeasure, Platform: "douyin", Data: map[string]string{"id": "m1"}})

	at := t0
	for i, status := range []int{500, 503, 429} {
		a := log.next(t)
		next := at.Add(cfg.Schedule[i])
		if a.Attempt != i+1 || a.Status != status || a.Delivered || !a.At.Equal(at) || !a.NextAt.Equal(next) ||
			!strings.Contains(a.Error, strconv.Itoa(status)) || a.DeliveryID != ids[0] {
			t.Fatalf("attempt %d: %+v", i+1, a)
		}
		if p, ok := q.Get(ids[0]); !ok || p.Attempts != i+1 || !p.NextAt.Equal(next) {
			t.Fatalf("after attempt %d the queue holds %+v %v", i+1, p, ok)
		}
		clock.waitTimers(t, 1)
		clock.Advance(cfg.Schedule[i])
		at = next
	}
	a := log.next(t)
	if a.Attempt != 4 || !a.Delivered || a.Status != 200 || !a.NextAt.IsZero() || a.Error != "" || !a.At.Equal(at) {
		t.Fatalf("last attempt %+v", a)
	}
	got := rcv.requests()
	wantTS := []time.Time{t0, t0.Add(10 * time.Second), t0.Add(40 * time.Second), t0.Add(160 * time.Second)}
	if len(got) != len(wantTS) {
		t.Fatalf("%d requests, want %d", len(got), len(wantTS))
	}
	for i, r := range got {
		if r.verify != nil || r.header.Get(HeaderTimestamp) != strconv.FormatInt(wantTS[i].Unix(), 10) ||
			r.header.Get(HeaderDelivery) != ids[0] || !bytes.Equal(r.body, got[0].body) {
			t.Errorf("request %d: %v %v", i+1, r.header, r.verify)
		}
	}
	if q.Len() != 0 {
		t.Errorf("%d deliveries still queued", q.Len())
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, always(http.StatusServiceUnavailable))
	q := &MemQueue{}
	log := make(chanLog, 10)
	cfg := testConfig(clock)
	cfg.Schedule = []time.Duration{time.Minute}
	cfg.MaxAttempts = 3
	d, _ := NewDispatcher(q, EndpointList{endpoint("ep1", "douyin", rcv.URL)}, log, cfg)
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	for n := 1; n <= 2; n++ {
		a := log.next(t)
		if a.Attempt != n || !a.NextAt.Equal(t0.Add(time.Duration(n)*time.Minute)) {
			t.Fatalf("attempt %+v", a)
		}
		clock.waitTimers(t, 1)
		clock.Advance(time.Minute) // the last delay repeats
	}
	a := log.next(t)
	if a.Attempt != 3 || a.Delivered || !a.NextAt.IsZero() || a.Status != 503 || !strings.Contains(a.Error, "放弃投递") {
		t.Fatalf("last attempt %+v", a)
	}
	if q.Len() != 0 || len(rcv.requests()) != 3 {
		t.Errorf("%d queued, %d requests; want 0 and 3", q.Len(), len(rcv.requests()))
	}
}

func TestGoneEndsTheDelivery(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, always(http.StatusGone))
	q := &MemQueue{}
	log := make(chanLog, 10)
	eps := EndpointList{endpoint("ep1", "douyin", rcv.URL)}
	d, _ := NewDispatcher(q, eps, log, testConfig(clock))
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventDirective, Platform: "douyin", Data: 1})
	a := log.next(t)
	if a.Status != http.StatusGone || a.Delivered || !a.NextAt.IsZero() || !strings.Contains(a.Error, "410") {
		t.Fatalf("attempt %+v", a)
	}
	if q.Len() != 0 {
		t.Error("a 410 delivery is still queued")
	}
	// The endpoint stays subscribed: the next message is tried.
	if ids, _ := d.Enqueue(context.Background(), Message{Type: EventDirective, Platform: "douyin", Data: 2}); len(ids) != 1 {
		t.Errorf("after a 410: %d deliveries, want 1", len(ids))
	}
}

// looseEndpoints returns every endpoint, whatever it is asked.
type looseEndpoints []Endpoint

func (l looseEndpoints) Active(context.Context, string, string) ([]Endpoint, error) { return l, nil }

func TestOnlySubscribedAndPlatform(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, always(http.StatusOK))
	inactive := endpoint("inactive", "douyin", rcv.URL+"/inactive")
	inactive.Active = false
	eps := looseEndpoints{
		endpoint("findings", "douyin", rcv.URL+"/findings", EventFinding),
		endpoint("all", "douyin", rcv.URL+"/all"),
		endpoint("measures", "douyin", rcv.URL+"/measures", EventMeasure, EventNotice),
		endpoint("other", "kuaishou", rcv.URL+"/other"),
		inactive,
	}
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, eps, log, testConfig(clock))
	start(t, d)
	ids, err := d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	if err != nil || len(ids) != 2 {
		t.Fatalf("Enqueue: %v %v, want 2 deliveries", ids, err)
	}
	var to []string
	for range ids {
		a := log.next(t)
		if !a.Delivered {
			t.Errorf("attempt %+v", a)
		}
		to = append(to, a.EndpointID)
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"all", "findings"}) {
		t.Errorf("delivered to %v, want all and findings", to)
	}
	var paths []string
	for _, r := range rcv.requests() {
		paths = append(paths, r.path)
	}
	slices.Sort(paths)
	if !slices.Equal(paths, []string{"/all", "/findings"}) {
		t.Errorf("requests to %v", paths)
	}
}

func TestConcurrencyBound(t *testing.T) {
	clock := newFakeClock(t0)
	var cur, peak atomic.Int32
	arrived := make(chan struct{}, 10)
	release := make(chan struct{})
	rcv := newReceiver(t, secret, clock, func(int) int {
		n := cur.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		arrived <- struct{}{}
		<-release
		cur.Add(-1)
		return http.StatusOK
	})
	q := &MemQueue{}
	log := make(chanLog, 10)
	cfg := testConfig(clock)
	cfg.Workers = 2
	d, _ := NewDispatcher(q, EndpointList{endpoint("ep1", "douyin", rcv.URL)}, log, cfg)
	for i := range 5 {
		if _, err := d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: i}); err != nil {
			t.Fatal(err)
		}
	}
	start(t, d)
	for range 2 {
		select {
		case <-arrived:
		case <-time.After(waitFor):
			t.Fatal("fewer than 2 requests arrived")
		}
	}
	clock.waitTimers(t, 1) // the loop has started all it would start
	d.mu.Lock()
	busy := len(d.inflight)
	d.mu.Unlock()
	if busy != 2 {
		t.Fatalf("%d attempts under way, want 2", busy)
	}
	close(release)
	for range 5 {
		if a := log.next(t); !a.Delivered {
			t.Errorf("attempt %+v", a)
		}
	}
	if p := peak.Load(); p != 2 {
		t.Errorf("at most %d requests at once, want 2", p)
	}
}

func TestPendingSurvivesRestart(t *testing.T) {
	clock := newFakeClock(t0)
	var up atomic.Bool
	rcv := newReceiver(t, secret, clock, func(int) int {
		if up.Load() {
			return http.StatusOK
		}
		return http.StatusBadGateway
	})
	q := &MemQueue{}
	eps := EndpointList{endpoint("ep1", "douyin", rcv.URL)}
	log := make(chanLog, 10)
	first, _ := NewDispatcher(q, eps, log, testConfig(clock))
	stop := start(t, first)
	ids, _ := first.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	if a := log.next(t); a.Delivered || !a.NextAt.Equal(t0.Add(10*time.Second)) {
		t.Fatalf("first attempt %+v", a)
	}
	stop()

	// Enqueued while nothing runs: queued all the same.
	more, _ := first.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 2})
	if q.Len() != 2 {
		t.Fatalf("%d deliveries queued, want 2", q.Len())
	}
	up.Store(true)
	clock.Advance(10 * time.Second)
	second, _ := NewDispatcher(q, eps, log, testConfig(clock))
	start(t, second)
	got := map[string]Attempt{}
	for range 2 {
		a := log.next(t)
		got[a.DeliveryID] = a
	}
	if a := got[ids[0]]; !a.Delivered || a.Attempt != 2 || !a.At.Equal(t0.Add(10*time.Second)) {
		t.Errorf("retried delivery %+v", a)
	}
	if a := got[more[0]]; !a.Delivered || a.Attempt != 1 {
		t.Errorf("delivery enqueued while stopped %+v", a)
	}
	if q.Len() != 0 {
		t.Errorf("%d deliveries still queued", q.Len())
	}
}

func TestRunWaitsForAttemptsUnderWay(t *testing.T) {
	clock := newFakeClock(t0)
	arrived, release := make(chan struct{}), make(chan struct{})
	rcv := newReceiver(t, secret, clock, func(int) int {
		close(arrived)
		<-release
		return http.StatusOK
	})
	log := make(chanLog, 10)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{endpoint("ep1", "douyin", rcv.URL)}, log, testConfig(clock))
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	<-arrived
	cancel()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	select {
	case a := <-log:
		if !a.Delivered {
			t.Errorf("attempt %+v", a)
		}
	default:
		t.Fatal("Run returned before the attempt under way was recorded")
	}
}

func TestRunOnlyOnce(t *testing.T) {
	clock := newFakeClock(t0)
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{}, nil, testConfig(clock))
	start(t, d)
	clock.waitTimers(t, 1) // Run is waiting for work
	if err := d.Run(context.Background()); qinglang.Code(err) != qinglang.ECONFLICT {
		t.Errorf("second Run: %v", err)
	}
}

func TestEndpointGoneBeforeRetry(t *testing.T) {
	clock := newFakeClock(t0)
	rcv := newReceiver(t, secret, clock, always(http.StatusInternalServerError))
	eps := &switchable{list: EndpointList{endpoint("ep1", "douyin", rcv.URL)}}
	q := &MemQueue{}
	log := make(chanLog, 10)
	d, _ := NewDispatcher(q, eps, log, testConfig(clock))
	start(t, d)
	d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin", Data: 1})
	log.next(t)
	eps.set(nil) // deactivated
	clock.waitTimers(t, 1)
	clock.Advance(10 * time.Second)
	a := log.next(t)
	if a.Attempt != 2 || a.Status != 0 || a.Delivered || !a.NextAt.IsZero() || !strings.Contains(a.Error, "ep1") {
		t.Fatalf("attempt %+v", a)
	}
	if q.Len() != 0 || len(rcv.requests()) != 1 {
		t.Errorf("%d queued, %d requests; want 0 and 1", q.Len(), len(rcv.requests()))
	}
}

// switchable is an EndpointList that the test changes.
type switchable struct {
	mu   sync.Mutex
	list EndpointList
}

func (s *switchable) set(l EndpointList) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.list = l
}

func (s *switchable) Active(ctx context.Context, platform, eventType string) ([]Endpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list.Active(ctx, platform, eventType)
}

func TestEnqueueRefuses(t *testing.T) {
	cfg := testConfig(newFakeClock(t0))
	cfg.MaxBodyBytes = 100
	d, _ := NewDispatcher(&MemQueue{}, EndpointList{}, nil, cfg)
	for _, c := range []struct {
		m    Message
		code qinglang.ErrorCode
	}{
		{Message{Type: "alert", Platform: "douyin"}, qinglang.EINVALID},
		{Message{Type: EventFinding}, qinglang.EINVALID},
		{Message{Type: EventFinding, Platform: "douyin", Data: make(chan int)}, qinglang.EINVALID},
		{Message{Type: EventFinding, Platform: "douyin", Data: strings.Repeat("x", 200)}, qinglang.ETOOLARGE},
	} {
		if _, err := d.Enqueue(context.Background(), c.m); qinglang.Code(err) != c.code {
			t.Errorf("%+v: %v, want %s", c.m.Type, err, c.code)
		}
	}
	failing := &failingEndpoints{err: errors.New("store down")}
	d, _ = NewDispatcher(&MemQueue{}, failing, nil, cfg)
	if _, err := d.Enqueue(context.Background(), Message{Type: EventFinding, Platform: "douyin"}); qinglang.Code(err) != qinglang.EUNAVAILABLE {
		t.Errorf("endpoints down: %v", err)
	}
}

type failingEndpoints struct{ err error }

func (f *failingEndpoints) Active(context.Context, string, string) ([]Endpoint, error) {
	return nil, f.err
}

func TestNewDispatcherRefuses(t *testing.T) {
	for name, c := range map[string]struct {
		q   Queue
		cfg Config
	}{
		"no queue":       {nil, DefaultConfig()},
		"negative delay": {&MemQueue{}, Config{Schedule: []time.Duration{-time.Second}}},
		"max attempts":   {&MemQueue{}, Config{MaxAttempts: -1}},
		"jitter":         {&MemQueue{}, Config{Jitter: 1}},
		"workers":        {&MemQueue{}, Config{Workers: -1}},
	} {
		if _, err := NewDispatcher(c.q, EndpointList{}, nil, c.cfg); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
}
