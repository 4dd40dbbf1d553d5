package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// probe is one probe listing on its way: sent in a POST, waiting for the
// POST's answer and for its finding.
type probe struct {
	sentAt time.Time
	posted bool // the POST answered and the server took both events
	found  bool
}

// tracker matches findings to probes and records their latency. It is safe
// for concurrent use.
type tracker struct {
	mu          sync.Mutex
	pending     map[string]*probe // by listing id
	outstanding int64             // taken by the server, no finding yet
	probes      int64             // taken by the server (or matched anyway)
	matched     int64
	lost        int64 // in failed POSTs or rejected: no finding expected
	other       int64 // findings on the stream that match no probe
	latency     *samples
}

func newTracker(seed uint64) *tracker {
	return &tracker{pending: map[string]*probe{}, latency: newSamples(MaxSamples, seed)}
}

// sending registers the probes of a POST about to be sent at t.
func (t *tracker) sending(pairs []probePair, at time.Time) {
	if len(pairs) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range pairs {
		t.pending[p.listing] = &probe{sentAt: at}
	}
}

// posted settles the probes of a POST: taken reports whether the server
// stored the pair (the POST answered 200 and rejected neither event).
func (t *tracker) posted(pairs []probePair, taken func(probePair) bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, pp := range pairs {
		p := t.pending[pp.listing]
		if p == nil {
			continue
		}
		switch {
		case p.found:
			// The finding beat the answer (or the server stored the
			// events although the POST failed): it counts as matched.
			t.probes++
			delete(t.pending, pp.listing)
		case taken(pp):
			t.probes++
			p.posted = true
			t.outstanding++
		default:
			t.lost++
			delete(t.pending, pp.listing)
		}
	}
}

// finding matches a finding that arrived at t against the probes.
func (t *tracker) finding(eventIDs []string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, id := range eventIDs {
		p := t.pending[id]
		if p == nil || p.found {
			continue
		}
		p.found = true
		t.matched++
		t.latency.add(at.Sub(p.sentAt))
		if p.posted {
			t.outstanding--
			delete(t.pending, id)
		}
		return
	}
	t.other++
}

// counts returns probes taken, matched, outstanding and lost.
func (t *tracker) counts() (probes, matched, outstanding, lost, other int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.probes, t.matched, t.outstanding, t.lost, t.other
}

// wait returns when no probe taken by the server is waiting for its
// finding, when timeout has passed, or when ctx ends.
func (t *tracker) wait(ctx context.Context, timeout time.Duration) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if _, _, out, _, _ := t.counts(); out == 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-deadline.C:
			return
		case <-tick.C:
		}
	}
}

// sseEvent is one Server-Sent Event.
type sseEvent struct {
	id, event string
	data      []byte
}

// maxSSELine bounds one line of the finding stream.
const maxSSELine = 4 << 20

// readSSE reads Server-Sent Events from r and hands each complete event to
// fn, until r ends or fails. Comment lines (":...") are skipped; several
// data lines join with "\n"; an event without data is not dispatched.
func readSSE(r io.Reader, fn func(sseEvent)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxSSELine)
	var ev sseEvent
	var data bytes.Buffer
	hasData := false
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 {
			if hasData {
				ev.data = bytes.Clone(data.Bytes())
				if ev.event == "" {
					ev.event = "message"
				}
				fn(ev)
			}
			ev, hasData = sseEvent{}, false
			data.Reset()
			continue
		}
		if line[0] == ':' {
			continue
		}
		field, value, _ := bytes.Cut(line, []byte(":"))
		value = bytes.TrimPrefix(value, []byte(" "))
		switch string(field) {
		case "id":
			ev.id = string(value)
		case "event":
			ev.event = string(value)
		case "data":
			if hasData {
				data.WriteByte('\n')
			}
			data.Write(value)
			hasData = true
		}
	}
	return sc.Err()
}

// streamFinding is the part of a finding a probe is matched by.
type streamFinding struct {
	ID       string   `json:"id"`
	EventIDs []string `json:"event_ids"`
}

// stream keeps the finding stream open until ctx ends, matching every
// finding against the probes. It reports the outcome of the first
// connection on ready and reconnects after a drop, counting drops.
type stream struct {
	client   *http.Client
	url      string
	token    string
	tracker  *tracker
	mu       sync.Mutex
	drops    int64
	badFinds int64 // findings whose JSON could not be read
}

// newStream returns the stream of findings of the platform at base.
func newStream(client *http.Client, base, token, platform string, t *tracker) *stream {
	q := url.Values{"platform": {platform}, "kind": {string(qinglang.KindClaim)}}
	return &stream{client: client, url: base + "/v1/findings/stream?" + q.Encode(), token: token, tracker: t}
}

// run connects, reports the first connection's outcome on ready (once) and
// then reads and reconnects until ctx ends.
func (s *stream) run(ctx context.Context, ready chan<- error) {
	first := true
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		body, err := s.open(ctx)
		if first {
			ready <- err
			first = false
			if err != nil {
				return
			}
		}
		if err == nil {
			backoff = 100 * time.Millisecond
			_ = readSSE(body, s.handle)
			body.Close()
			if ctx.Err() != nil {
				return
			}
			s.mu.Lock()
			s.drops++
			s.mu.Unlock()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 2*time.Second)
	}
	if first {
		ready <- ctx.Err()
	}
}

// open starts one connection to the stream.
func (s *stream) open(ctx context.Context) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/event-stream")
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, apiMessage(resp.Body))
	}
	return resp.Body, nil
}

// handle matches one event of the stream.
func (s *stream) handle(ev sseEvent) {
	at := time.Now()
	if ev.event != "finding" && ev.event != "message" {
		return
	}
	var f streamFinding
	if err := json.Unmarshal(ev.data, &f); err != nil {
		s.mu.Lock()
		s.badFinds++
		s.mu.Unlock()
		return
	}
	s.tracker.finding(f.EventIDs, at)
}

// stats returns how often the stream dropped and how many findings could
// not be read.
func (s *stream) stats() (drops, bad int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.drops, s.badFinds
}
