package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/server"
)

// settle is how long a test waits for the pipeline to catch up. It is
// generous: the tests run on small, loaded machines; a passing test never
// waits this long.
const settle = 90 * time.Second

// logBuffer keeps the server's log and shows it only when a test fails.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// testConfig is a small server on loopback with its data in dir.
func testConfig(t *testing.T, dir string) (server.Config, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	return server.Config{
		DataDir:    dir,
		Listen:     "127.0.0.1:0",
		Partitions: 4,
		Version:    "test",
		Logger:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}, logs
}

// startServer starts a server with cfg and shuts it down when the test
// ends (unless the test did already). It shows the server's log when the
// test failed.
func startServer(t *testing.T, cfg server.Config, logs *logBuffer) *server.Main {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	m, err := server.Start(ctx, cfg)
	if err != nil {
		t.Fatalf("server.Start: %v\nlog:\n%s", err, logs)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), settle)
		defer cancel()
		_ = m.Shutdown(sctx) // a second Shutdown after the test's own is harmless
		if t.Failed() {
			t.Logf("server log:\n%s", tail(logs.String(), 20000))
		}
	})
	return m
}

// newServer starts a server on a fresh data directory.
func newServer(t *testing.T) *server.Main {
	t.Helper()
	cfg, logs := testConfig(t, t.TempDir())
	return startServer(t, cfg, logs)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// waitFor polls cond until it holds or the deadline passes; what describes
// the last state seen when it fails.
func waitFor(t *testing.T, within time.Duration, what func() string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not reached within %s: %s", within, what())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

var client = &http.Client{Timeout: 60 * time.Second}

// post sends body to POST /v1/events and returns the status and the answer.
func post(t *testing.T, m *server.Main, body string) (int, []byte) {
	t.Helper()
	resp, err := client.Post(m.URL()+"/v1/events", "application/x-ndjson", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST /v1/events: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST /v1/events: reading the answer: %v", err)
	}
	return resp.StatusCode, b
}

// postOK posts body and fails the test unless every event was accepted.
func postOK(t *testing.T, m *server.Main, body string) {
	t.Helper()
	code, b := post(t, m, body)
	if code != http.StatusOK {
		t.Fatalf("POST /v1/events = %d %s", code, b)
	}
	var res ingestResult
	decodeJSON(t, b, &res)
	if res.Rejected != 0 {
		t.Fatalf("POST /v1/events rejected events: %s", b)
	}
}

// ingestResult is the answer of POST /v1/events.
type ingestResult struct {
	Accepted      int       `json:"accepted"`
	Rejected      int       `json:"rejected"`
	Errors        []problem `json:"errors"`
	ErrorsOmitted int       `json:"errors_omitted"`
}

type problem struct {
	Line     int    `json:"line"`
	Index    *int   `json:"index"`
	Field    string `json:"field"`
	ID       string `json:"id"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

func decodeJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
}

// get fetches path and decodes a JSON answer into v (when not nil); it
// returns the status.
func get(t *testing.T, m *server.Main, path string, v any) int {
	t.Helper()
	resp, err := client.Get(m.URL() + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, b)
		}
	}
	return resp.StatusCode
}

type findingPage struct {
	Findings []qinglang.Finding `json:"findings"`
	Next     string             `json:"next"`
}

type roomPage struct {
	Room     qinglang.RoomSummary `json:"room"`
	Findings []qinglang.Finding   `json:"findings"`
}

// allFindings reads every finding of the query, page by page.
func allFindings(t *testing.T, m *server.Main, query url.Values) []qinglang.Finding {
	t.Helper()
	var out []qinglang.Finding
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("limit", "1000")
	for {
		var page findingPage
		if code := get(t, m, "/v1/findings?"+q.Encode(), &page); code != http.StatusOK {
			t.Fatalf("GET /v1/findings?%s = %d", q.Encode(), code)
		}
		out = append(out, page.Findings...)
		if page.Next == "" {
			return out
		}
		q.Set("cursor", page.Next)
	}
}

// priceFindings are the findings of the crossed-out price rule.
func priceFindings(t *testing.T, m *server.Main) []qinglang.Finding {
	t.Helper()
	return allFindings(t, m, url.Values{"rule": {pricecheck.Rule}})
}

// roomEvents returns a room's stored event counts by type (nil when the
// room is unknown).
func roomEvents(t *testing.T, m *server.Main, room string) map[qinglang.EventType]int64 {
	t.Helper()
	var page roomPage
	switch code := get(t, m, "/v1/rooms/"+url.PathEscape(room), &page); code {
	case http.StatusOK:
		return page.Room.Events
	case http.StatusNotFound:
		return nil
	default:
		t.Fatalf("GET /v1/rooms/%s = %d", room, code)
		return nil
	}
}

func total(counts map[qinglang.EventType]int64) int64 {
	var n int64
	for _, c := range counts {
		n += c
	}
	return n
}

// counter reads a counter of the server's metrics.
func processed(m *server.Main) float64  { return testutil.ToFloat64(m.Metrics().EventsProcessed) }
func duplicates(m *server.Main) float64 { return testutil.ToFloat64(m.Metrics().EventsDuplicate) }

// waitProcessed waits until the workers have committed at least n events.
func waitProcessed(t *testing.T, m *server.Main, n int) {
	t.Helper()
	waitFor(t, settle, func() string { return fmt.Sprintf("processed %v of %d events", processed(m), n) },
		func() bool { return processed(m) >= float64(n) })
}

// Event lines of the hand-made scenarios. Times are Beijing time.
const day0 = "2025-06-01T20:00:00+08:00"

func at(offset time.Duration) string {
	t, _ := time.Parse(time.RFC3339, day0)
	return t.Add(offset).Format(time.RFC3339Nano)
}

func orderLine(id, room, product string, amount int64, ts string) string {
	return fmt.Sprintf(`{"type":"order","id":%q,"ts":%q,"room":%q,"user":"u-%s","product":%q,"qty":1,"amount_fen":%d}`,
		id, ts, room, id, product, amount)
}

func listingLine(id, room, product string, price, original int64, ts string) string {
	return fmt.Sprintf(`{"type":"listing","id":%q,"ts":%q,"room":%q,"product":%q,"title":"燃咔果冻 20颗装","merchant":"m1","category":"food","price_fen":%d,"original_price_fen":%d}`,
		id, ts, room, product, price, original)
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// sseClient reads findings from GET /v1/findings/stream.
type sseClient struct {
	findings chan qinglang.Finding
	errs     chan error
	cancel   context.CancelFunc
}

// openStream connects to the finding stream and returns once the server
// has answered (so findings committed from now on reach it).
func openStream(t *testing.T, m *server.Main) *sseClient {
	t.Helper()
	return openStreamAfter(t, m, "")
}

// openStreamAfter is openStream for a client that reconnects with
// Last-Event-ID (when not empty).
func openStreamAfter(t *testing.T, m *server.Main, lastEventID string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.URL()+"/v1/findings/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("GET /v1/findings/stream: %v", err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("GET /v1/findings/stream = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	c := &sseClient{findings: make(chan qinglang.Finding, 100), errs: make(chan error, 1), cancel: cancel}
	connected := make(chan struct{})
	go c.read(resp.Body, connected)
	t.Cleanup(func() { cancel(); resp.Body.Close() })
	select {
	case <-connected:
	case err := <-c.errs:
		t.Fatalf("finding stream: %v", err)
	case <-time.After(settle):
		t.Fatal("finding stream: no greeting")
	}
	return c
}

// read parses Server-Sent Events frames: lines up to a blank line; "id:",
// "event:" and "data:" fields; ":" comments.
func (c *sseClient) read(body io.Reader, connected chan struct{}) {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var id, event string
	var data []string
	greeted := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if event == "finding" {
				var f qinglang.Finding
				if err := json.Unmarshal([]byte(strings.Join(data, "\n")), &f); err != nil {
					c.errs <- fmt.Errorf("frame data %q: %v", data, err)
					return
				}
				if f.ID != id {
					c.errs <- fmt.Errorf("frame id %q, finding id %q", id, f.ID)
					return
				}
				c.findings <- f
			}
			id, event, data = "", "", nil
		case strings.HasPrefix(line, ":"):
			if !greeted {
				greeted = true
				close(connected)
			}
		case strings.HasPrefix(line, "id:"):
			id = strings.TrimSpace(strings.TrimPrefix(line, "id:"))
		case strings.HasPrefix(line, "event:"):
			event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		}
	}
	c.errs <- fmt.Errorf("stream ended: %v", sc.Err())
}

// next waits for the next finding on the stream.
func (c *sseClient) next(t *testing.T) qinglang.Finding {
	t.Helper()
	select {
	case f := <-c.findings:
		return f
	case err := <-c.errs:
		t.Fatalf("finding stream: %v", err)
	case <-time.After(settle):
		t.Fatal("finding stream: no finding")
	}
	return qinglang.Finding{}
}
