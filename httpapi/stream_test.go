package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// guard is how long a test waits for something that must happen before it
// gives up; it is a deadlock guard, not a timing assertion.
const guard = 20 * time.Second

// streamFixture is a server with a fake feed whose subscriptions the test
// can reach, serving over a real loopback listener.
type streamFixture struct {
	s        *Server
	ts       *httptest.Server
	subs     chan chan qinglang.Finding
	unsubbed chan struct{}
}

func newStreamFixture(t *testing.T) *streamFixture {
	t.Helper()
	fx := &streamFixture{s: newServer(nil), subs: make(chan chan qinglang.Finding, 1), unsubbed: make(chan struct{})}
	fx.s.Feed = &fakeFeed{SubscribeFn: func() (<-chan qinglang.Finding, func()) {
		ch := make(chan qinglang.Finding, 16)
		fx.subs <- ch
		return ch, func() { close(fx.unsubbed) }
	}}
	fx.ts = httptest.NewServer(fx.s.Handler())
	t.Cleanup(func() {
		fx.s.Shutdown() // end open streams first, or Close would wait for them
		fx.ts.Close()
	})
	return fx
}

// open starts a stream and returns the response, a reader past the opening
// comment, and the channel the server subscribed with.
func (fx *streamFixture) open(t *testing.T, ctx context.Context, query string) (*http.Response, *bufio.Reader, chan qinglang.Finding) {
	t.Helper()
	return fx.openWith(t, ctx, query, "")
}

// openWith is open with a Last-Event-ID header (when not empty).
func (fx *streamFixture) openWith(t *testing.T, ctx context.Context, query, lastEventID string) (*http.Response, *bufio.Reader, chan qinglang.Finding) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fx.ts.URL+"/v1/findings/stream"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	resp, err := fx.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	checkAgainstDoc(t, req, resp.StatusCode, resp.Header, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	br := bufio.NewReader(resp.Body)
	if line, err := br.ReadString('\n'); err != nil || !strings.HasPrefix(line, ":") {
		t.Fatalf("first line %q, %v; want the opening comment", line, err)
	}
	return resp, br, recvWithin(t, fx.subs, "subscription")
}

// recvWithin receives from ch or fails after the guard.
func recvWithin[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(guard):
		t.Fatalf("no %s within %s", what, guard)
		panic("unreachable")
	}
}

// readEvent reads the next event (skipping comments) as its fields.
func readEvent(t *testing.T, br *bufio.Reader) map[string]string {
	t.Helper()
	fields := map[string]string{}
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("stream ended: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		if line == "" {
			if len(fields) > 0 {
				return fields
			}
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		k, v, _ := strings.Cut(line, ": ")
		fields[k] = v
	}
}

func TestStreamDeliversMatchingFindings(t *testing.T) {
	fx := newStreamFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, br, ch := fx.open(t, ctx, "?platform=p1&severity=high&kind=claim")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}

	ch <- testFinding("f_other_platform", "p2", "r1", qinglang.SeverityHigh)
	ch <- testFinding("f_low", "p1", "r1", qinglang.SeverityLow)
	campaign := testFinding("f_campaign", "p1", "r1", qinglang.SeverityHigh)
	campaign.Kind = qinglang.KindCampaign
	ch <- campaign
	ch <- testFinding("f_match", "p1", "r1", qinglang.SeverityHigh)

	ev := readEvent(t, br)
	if ev["id"] != "f_match" || ev["event"] != "finding" {
		t.Fatalf("event %v, want the matching finding f_match", ev)
	}
	validateJSON(t, schemaAt(t, "components", "schemas", "Finding"), []byte(ev["data"]))
	var f qinglang.Finding
	if err := json.Unmarshal([]byte(ev["data"]), &f); err != nil || f.ID != "f_match" || f.Platform != "p1" {
		t.Fatalf("data %q: %v", ev["data"], err)
	}

	cancel() // the client goes away
	recvWithin(t, fx.unsubbed, "unsubscribe after the client left")
}

func TestStreamEndsOnShutdown(t *testing.T) {
	fx := newStreamFixture(t)
	resp, _, _ := fx.open(t, context.Background(), "")
	fx.s.Shutdown()
	done := make(chan error, 1)
	go func() {
		_, err := io.ReadAll(resp.Body)
		done <- err
	}()
	if err := recvWithin(t, done, "end of stream after Shutdown"); err != nil {
		t.Fatalf("stream did not end cleanly: %v", err)
	}
	recvWithin(t, fx.unsubbed, "unsubscribe after Shutdown")
}

func TestStreamEndsWhenFeedCloses(t *testing.T) {
	fx := newStreamFixture(t)
	resp, _, ch := fx.open(t, context.Background(), "")
	close(ch)
	done := make(chan error, 1)
	go func() {
		_, err := io.ReadAll(resp.Body)
		done <- err
	}()
	if err := recvWithin(t, done, "end of stream after the feed closed"); err != nil {
		t.Fatalf("stream did not end cleanly: %v", err)
	}
}

func TestStreamKeepAlive(t *testing.T) {
	fx := newStreamFixture(t)
	fx.s.keepAlive = time.Millisecond
	_, br, _ := fx.open(t, context.Background(), "")
	line, err := br.ReadString('\n')
	for err == nil && line == "\n" {
		line, err = br.ReadString('\n')
	}
	if err != nil || line != ": keep-alive\n" {
		t.Fatalf("line %q, %v; want a keep-alive comment", line, err)
	}
}

func TestStreamErrors(t *testing.T) {
	s := newServer(nil)
	wantError(t, serve(t, s, http.MethodGet, "/v1/findings/stream", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)

	s.Feed = &fakeFeed{SubscribeFn: func() (<-chan qinglang.Finding, func()) {
		t.Fatal("subscribed despite a bad filter")
		return nil, nil
	}}
	e := wantError(t, serve(t, s, http.MethodGet, "/v1/findings/stream?severity=severe", nil),
		http.StatusBadRequest, qinglang.EINVALID)
	if !strings.Contains(e.Error.MessageEN, "severity=") {
		t.Fatalf("message %q does not name severity", e.Error.MessageEN)
	}
}

func TestStreamFilterMatch(t *testing.T) {
	f := testFinding("f", "p1", "r1", qinglang.SeverityHigh)
	cases := []struct {
		filter streamFilter
		want   bool
	}{
		{streamFilter{}, true},
		{streamFilter{Platform: "p1", Room: "r1", Kind: qinglang.KindClaim, Severity: qinglang.SeverityHigh}, true},
		{streamFilter{Room: "r2"}, false},
		{streamFilter{Kind: qinglang.KindListing}, false},
		{streamFilter{Severity: qinglang.SeverityCritical}, false},
	}
	for _, c := range cases {
		if got := c.filter.match(&f); got != c.want {
			t.Errorf("%+v.match = %v, want %v", c.filter, got, c.want)
		}
	}
}

// A client reconnecting with Last-Event-ID gets what was stored after it,
// page by page and filtered, then the live findings, never one twice.
func TestStreamReplaysAfterLastEventID(t *testing.T) {
	fx := newStreamFixture(t)
	var filters []qinglang.FindingFilter
	fx.s.Store = &fakeStore{FindingsFn: func(_ context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
		filters = append(filters, f)
		switch f.After {
		case "f_seen":
			return qinglang.FindingPage{Findings: []qinglang.Finding{testFinding("f_r1", "p1", "r1", qinglang.SeverityHigh)}, Next: "f_r1"}, nil
		case "f_r1":
			return qinglang.FindingPage{Findings: []qinglang.Finding{testFinding("f_r2", "p1", "r1", qinglang.SeverityHigh)}}, nil
		}
		return qinglang.FindingPage{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有", "not found")
	}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, br, ch := fx.openWith(t, ctx, "?platform=p1", "f_seen")
	if ev := readEvent(t, br); ev["id"] != "f_r1" {
		t.Fatalf("first event %v, want the replayed f_r1", ev)
	}
	if ev := readEvent(t, br); ev["id"] != "f_r2" {
		t.Fatalf("second event %v, want the replayed f_r2", ev)
	}
	ch <- testFinding("f_r2", "p1", "r1", qinglang.SeverityHigh) // committed during the replay
	ch <- testFinding("f_live", "p1", "r1", qinglang.SeverityHigh)
	if ev := readEvent(t, br); ev["id"] != "f_live" {
		t.Fatalf("third event %v, want f_live (f_r2 was already replayed)", ev)
	}
	if len(filters) != 2 || filters[0].Platform != "p1" || filters[1].After != "f_r1" {
		t.Errorf("store asked %+v, want two pages after f_seen then f_r1, filtered by platform", filters)
	}
}

func TestStreamWithUnknownLastEventIDGoesLive(t *testing.T) {
	fx := newStreamFixture(t)
	fx.s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		return qinglang.FindingPage{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有", "not found")
	}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, br, ch := fx.openWith(t, ctx, "?last_event_id=f_gone", "")
	line, err := br.ReadString('\n')
	for err == nil && line == "\n" {
		line, err = br.ReadString('\n')
	}
	if err != nil || !strings.Contains(line, "Last-Event-ID") || !strings.Contains(line, "f_gone") {
		t.Fatalf("line %q, %v; want a comment saying the id is unknown", line, err)
	}
	ch <- testFinding("f_live", "p1", "r1", qinglang.SeverityHigh)
	if ev := readEvent(t, br); ev["id"] != "f_live" {
		t.Fatalf("event %v, want f_live", ev)
	}
}
