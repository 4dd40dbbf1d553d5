package webhook

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// waitFor is the generous deadline of every condition a test waits for; it
// only keeps a broken test from hanging.
const waitFor = 30 * time.Second

// t0 is when every test starts.
var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// fakeClock is a Clock that moves only when Advance says.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	timers  map[*fakeTimer]bool
	changed chan struct{} // closed and replaced when a timer is made
}

func newFakeClock(now time.Time) *fakeClock {
	return &fakeClock{now: now, timers: make(map[*fakeTimer]bool), changed: make(chan struct{})}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) NewTimer(d time.Duration) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: c, at: c.now.Add(d), ch: make(chan time.Time, 1)}
	if d <= 0 {
		t.ch <- c.now
		return t
	}
	c.timers[t] = true
	close(c.changed)
	c.changed = make(chan struct{})
	return t
}

// Advance moves the clock and fires the timers due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	for t := range c.timers {
		if !t.at.After(c.now) {
			t.ch <- c.now
			delete(c.timers, t)
		}
	}
}

// waitTimers waits until at least n timers are set: the Dispatcher's loop
// sets its timer only once it has started what was due, and stops it before
// it looks again.
func (c *fakeClock) waitTimers(t *testing.T, n int) {
	t.Helper()
	deadline := time.After(waitFor)
	for {
		c.mu.Lock()
		have, changed := len(c.timers), c.changed
		c.mu.Unlock()
		if have >= n {
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("%d timers set, want %d", have, n)
		}
	}
}

type fakeTimer struct {
	c  *fakeClock
	at time.Time
	ch chan time.Time
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	set := t.c.timers[t]
	delete(t.c.timers, t)
	return set
}

// chanLog is a Log that hands attempts to the test.
type chanLog chan Attempt // make it with room for every attempt of the test

func (l chanLog) Record(_ context.Context, a Attempt) error {
	l <- a
	return nil
}

// next returns the next recorded attempt.
func (l chanLog) next(t *testing.T) Attempt {
	t.Helper()
	select {
	case a := <-l:
		return a
	case <-time.After(waitFor):
		t.Fatal("no attempt recorded")
		return Attempt{}
	}
}

// testConfig has no jitter and the given clock.
func testConfig(c Clock) Config {
	cfg := DefaultConfig()
	cfg.Jitter = 0
	cfg.Clock = c
	return cfg
}

// start runs d until the test ends; the returned function stops it and
// waits for Run to return.
func start(t *testing.T, d *Dispatcher) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(waitFor):
				t.Error("Run did not return")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

const secret = "test-secret-0123456789"

// received is one request a receiver got.
type received struct {
	path   string
	header http.Header
	body   []byte
	verify error // what Verify said at the receiver's clock
}

// receiver is an endpoint's server: it verifies each request with its
// secret at its clock and answers 401 when Verify refuses, else what
// status says for the n-th request (1 for the first).
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []received
	secret string
	clock  Clock
	status func(n int) int
}

func newReceiver(t *testing.T, secret string, clock Clock, status func(n int) int) *receiver {
	t.Helper()
	r := &receiver{secret: secret, clock: clock, status: status}
	r.Server = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	err := Verify(r.secret, req.Header.Get(HeaderTimestamp), req.Header.Get(HeaderSignature), body, r.clock.Now(), 0)
	r.mu.Lock()
	r.got = append(r.got, received{path: req.URL.Path, header: req.Header.Clone(), body: body, verify: err})
	n := len(r.got)
	r.mu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	w.WriteHeader(r.status(n))
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

func always(status int) func(int) int { return func(int) int { return status } }

// endpoint is an active endpoint with the test secret.
func endpoint(id, platform, url string, events ...string) Endpoint {
	return Endpoint{ID: id, Platform: platform, URL: url, Secret: secret, Events: events, Active: true, CreatedAt: t0}
}
