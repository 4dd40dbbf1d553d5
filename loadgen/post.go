package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// maxAnswerBytes bounds how much of an answer to POST /v1/events is read.
const maxAnswerBytes = 8 << 20

// ingestAnswer is the body of an answer to POST /v1/events: counts and
// problems on 200 (and on a 400 that rejects every event), or an error.
type ingestAnswer struct {
	Accepted *int64 `json:"accepted"`
	Rejected *int64 `json:"rejected"`
	Errors   []struct {
		Line int    `json:"line"`
		ID   string `json:"id"`
	} `json:"errors"`
	Error *apiError `json:"error"`
}

// apiError is the server's error body.
type apiError struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

func (e *apiError) String() string {
	switch {
	case e.Message != "" && e.MessageEN != "":
		return e.Message + " / " + e.MessageEN
	case e.Message != "":
		return e.Message
	}
	return e.MessageEN
}

// apiMessage reads an error answer and returns its message, or the start
// of the body when it is not the server's JSON error.
func apiMessage(r io.Reader) string {
	body, _ := io.ReadAll(io.LimitReader(r, 64<<10))
	var a ingestAnswer
	if json.Unmarshal(body, &a) == nil && a.Error != nil {
		return a.Error.String()
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// counts are the event counters of a run, safe for concurrent use.
type counts struct {
	sent, accepted, rejected, failed atomic.Int64

	mu          sync.Mutex
	failedPosts map[string]int64 // failed POSTs by cause
	lastError   string
}

// fail counts the n events of a failed POST under cause.
func (c *counts) fail(n int64, cause, msg string) {
	c.failed.Add(n)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failedPosts == nil {
		c.failedPosts = map[string]int64{}
	}
	c.failedPosts[cause]++
	if msg != "" {
		c.lastError = msg
	}
}

// poster sends batches to POST /v1/events.
type poster struct {
	client  *http.Client
	url     string
	token   string
	timeout time.Duration
	counts  *counts
	tracker *tracker
	rtt     *samples
}

// post sends one batch and counts the answer. Every event of the batch
// ends up counted once: accepted, rejected or failed.
func (p *poster) post(ctx context.Context, b *batch) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	for i := range b.events {
		if err := enc.Encode(&b.events[i]); err != nil {
			// Generated events always encode; this is a bug.
			panic(fmt.Sprintf("loadgen: encode event: %v", err))
		}
	}
	n := int64(len(b.events))

	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, &body)
	if err != nil {
		panic(fmt.Sprintf("loadgen: new request: %v", err)) // the URL was validated
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if p.token != "" {
		req.Header.Set("Authorization", "Bearer "+p.token)
	}

	start := time.Now()
	p.tracker.sending(b.probes, start)
	p.counts.sent.Add(n)
	resp, err := p.client.Do(req)
	if err != nil {
		cause := "网络错误 network error"
		switch {
		case errors.Is(err, context.Canceled):
			cause = "已取消 canceled"
		case errors.Is(err, context.DeadlineExceeded):
			cause = "超时 timeout"
		}
		p.counts.fail(n, cause, err.Error())
		p.tracker.posted(b.probes, func(probePair) bool { return false })
		return
	}
	defer resp.Body.Close()
	raw, readErr := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
	rtt := time.Since(start)

	var a ingestAnswer
	parsed := readErr == nil && json.Unmarshal(raw, &a) == nil && a.Accepted != nil && a.Rejected != nil
	switch {
	case resp.StatusCode == http.StatusOK && parsed:
		p.rtt.add(rtt)
		acc := min(max(*a.Accepted, 0), n)
		rej := min(max(*a.Rejected, 0), n-acc)
		p.counts.accepted.Add(acc)
		p.counts.rejected.Add(rej)
		if rest := n - acc - rej; rest > 0 {
			p.counts.fail(rest, "答复计数不符 answer does not add up",
				fmt.Sprintf("%d 个事件只答复了 %d 个接受、%d 个拒绝 / %d events answered with %d accepted and %d rejected",
					n, acc, rej, n, acc, rej))
		}
		bad := rejectedIDs(b, &a)
		p.tracker.posted(b.probes, func(pp probePair) bool { return !bad[pp.order] && !bad[pp.listing] })
	case resp.StatusCode == http.StatusOK:
		// 200 means stored, but the answer cannot say what was rejected.
		p.rtt.add(rtt)
		p.counts.accepted.Add(n)
		p.counts.mu.Lock()
		p.counts.lastError = fmt.Sprintf("无法读取 200 答复 / cannot read a 200 answer: %.200s", raw)
		p.counts.mu.Unlock()
		p.tracker.posted(b.probes, func(probePair) bool { return true })
	case resp.StatusCode == http.StatusBadRequest && parsed && *a.Accepted == 0 && *a.Rejected == n:
		// Every event of the batch was invalid: rejected, not failed.
		p.counts.rejected.Add(n)
		p.tracker.posted(b.probes, func(probePair) bool { return false })
	default:
		msg := ""
		if a.Error != nil {
			msg = a.Error.String()
		} else {
			msg = strings.TrimSpace(fmt.Sprintf("%.200s", raw))
		}
		p.counts.fail(n, fmt.Sprintf("HTTP %d", resp.StatusCode), msg)
		p.tracker.posted(b.probes, func(probePair) bool { return false })
	}
}

// rejectedIDs returns the ids of the batch's events the answer rejects,
// named by id or by line.
func rejectedIDs(b *batch, a *ingestAnswer) map[string]bool {
	if len(a.Errors) == 0 {
		return nil
	}
	bad := make(map[string]bool, len(a.Errors))
	for _, e := range a.Errors {
		if e.ID != "" {
			bad[e.ID] = true
		}
		if e.Line >= 1 && e.Line <= len(b.events) {
			bad[b.events[e.Line-1].ID] = true
		}
	}
	return bad
}
