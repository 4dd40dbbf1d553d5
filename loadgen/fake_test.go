package loadgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// fakeServer implements POST /v1/events and GET /v1/findings/stream well
// enough for the load generator: it checks the events, remembers the last
// order price of each product and reports a listing whose original price is
// more than 4 times it on the stream, after delay.
type fakeServer struct {
	t *testing.T

	delay        time.Duration // before a finding is published; negative: never
	status       int           // non-zero: POST answers this status with an error
	streamStatus int           // non-zero: the stream answers this status
	postDelay    time.Duration // each POST waits this long (or until the client leaves)
	rejectOneIn  uint32        // non-zero: reject about one event in this many, by a hash of its id

	mu        sync.Mutex
	seen      map[string]bool
	lastOrder map[string]int64 // product → unit price of its last order
	subs      map[chan []byte]bool

	stored   atomic.Int64
	posts    atomic.Int64
	findings atomic.Int64
	done     chan struct{}
	srv      *httptest.Server
}

// start serves f on loopback until the test ends.
func (f *fakeServer) start(t *testing.T) *fakeServer {
	f.t = t
	f.seen = map[string]bool{}
	f.lastOrder = map[string]int64{}
	f.subs = map[chan []byte]bool{}
	f.done = make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/events", f.postEvents)
	mux.HandleFunc("GET /v1/findings/stream", f.stream)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	t.Cleanup(func() { close(f.done) }) // runs first: ends open streams
	return f
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func apiErr(code, zh, en string) map[string]any {
	return map[string]any{"error": map[string]string{"code": code, "message": zh, "message_en": en}}
}

type problem struct {
	Line   int    `json:"line"`
	ID     string `json:"id,omitempty"`
	Reason string `json:"reason"`
}

func (f *fakeServer) postEvents(w http.ResponseWriter, r *http.Request) {
	f.posts.Add(1)
	// The body is read first: the server notices a client that left only
	// once it has.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	if f.postDelay > 0 {
		select {
		case <-time.After(f.postDelay):
		case <-r.Context().Done():
			return
		case <-f.done:
			return
		}
	}
	if f.status != 0 {
		writeJSON(w, f.status, apiErr("unavailable", "日志不可用", "the log is unavailable"))
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-ndjson" {
		writeJSON(w, 400, apiErr("invalid", "类型不对", "bad content type "+ct))
		return
	}
	var good []qinglang.Event
	errs := []problem{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var ev qinglang.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			errs = append(errs, problem{Line: line, Reason: err.Error()})
			continue
		}
		if reason := checkEvent(&ev); reason != "" {
			errs = append(errs, problem{Line: line, ID: ev.ID, Reason: reason})
			continue
		}
		if f.rejectOneIn != 0 && idHash(ev.ID)%f.rejectOneIn == 0 {
			errs = append(errs, problem{Line: line, ID: ev.ID, Reason: "rejected by the test"})
			continue
		}
		good = append(good, ev)
	}
	f.stored.Add(int64(len(good)))
	for i := range good {
		f.detect(&good[i])
	}
	status := http.StatusOK
	if len(good) == 0 {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]any{"accepted": len(good), "rejected": len(errs), "errors": errs})
}

// idHash is the FNV-1a hash of an event id.
func idHash(id string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()
}

// checkEvent returns why ev breaks the contract, or "".
func checkEvent(ev *qinglang.Event) string {
	_, off := ev.TS.Zone()
	switch {
	case !ev.Type.Known():
		return "unknown type"
	case ev.TS.IsZero() || off != 8*3600:
		return "ts not at +08:00"
	case ev.ID == "" || len(ev.ID) > qinglang.MaxIDBytes:
		return "bad id"
	case ev.Type.NeedsRoom() && ev.Room == "":
		return "no room"
	}
	return ""
}

// detect stands in for price.fake_original.
func (f *fakeServer) detect(ev *qinglang.Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[ev.ID] {
		return
	}
	f.seen[ev.ID] = true
	switch ev.Type {
	case qinglang.Order:
		f.lastOrder[ev.Product] = ev.UnitPriceFen()
	case qinglang.Listing:
		last, ok := f.lastOrder[ev.Product]
		if !ok || ev.OriginalPriceFen == nil || *ev.OriginalPriceFen <= 4*last || f.delay < 0 {
			return
		}
		fd := qinglang.Finding{
			ID: fmt.Sprintf("f_%s", ev.ID), Kind: qinglang.KindClaim, Rule: "price.fake_original",
			Severity: qinglang.SeverityCritical, Platform: ev.Platform, Room: ev.Room, TS: ev.TS,
			EventIDs: []string{ev.ID, "order-of-" + ev.Product}, Summary: "虚构原价",
		}
		data, _ := json.Marshal(fd)
		time.AfterFunc(f.delay, func() { f.publish(data) })
	}
}

func (f *fakeServer) publish(data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.findings.Add(1)
	for ch := range f.subs {
		select {
		case ch <- data:
		default: // a slow subscriber misses findings, as the real feed does
		}
	}
}

func (f *fakeServer) stream(w http.ResponseWriter, r *http.Request) {
	if f.streamStatus != 0 {
		writeJSON(w, f.streamStatus, apiErr("unavailable", "发现推送未配置", "no finding feed is configured"))
		return
	}
	if r.URL.Query().Get("platform") == "" {
		f.t.Errorf("stream opened without a platform filter: %s", r.URL)
	}
	ch := make(chan []byte, 4096)
	f.mu.Lock()
	f.subs[ch] = true
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.subs, ch)
		f.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	fl := w.(http.Flusher)
	fmt.Fprint(w, ": 已连接 connected\n\n")
	fl.Flush()
	tick := time.NewTicker(30 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-f.done:
			return
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case data := <-ch:
			var fd qinglang.Finding
			_ = json.Unmarshal(data, &fd)
			fmt.Fprintf(w, "id: %s\nevent: finding\ndata: %s\n\n", fd.ID, data)
		}
		fl.Flush()
	}
}
