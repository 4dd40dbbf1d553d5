package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
)

const (
	goodStart   = `{"type":"room_start","id":"e1","ts":"2025-06-12T20:00:00+08:00","room":"r1","host":"h1"}`
	goodSpeech  = `{"type":"speech","id":"e3","ts":"2025-06-12T20:01:00+08:00","room":"r1","speaker":"h1","text":"全网销量第一"}`
	badNoTS     = `{"type":"comment","id":"e4","room":"r1","user":"u8","text":"真给力"}`
	badOrderQty = `{"type":"order","id":"e5","ts":"2025-06-12T20:02:00+08:00","room":"r1","user":"u9","product":"p1","qty":0,"amount_fen":5990}`
)

// problem is a rejected event as a test reads it.
type problem struct {
	Line     int    `json:"line"`
	Index    *int   `json:"index"`
	Field    string `json:"field"`
	ID       string `json:"id"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

// result is the answer to POST /v1/events as a test reads it.
type result struct {
	Accepted      int       `json:"accepted"`
	Rejected      int       `json:"rejected"`
	Errors        []problem `json:"errors"`
	ErrorsOmitted int       `json:"errors_omitted"`
}

// ingestRecorder returns a server whose ingester records every call.
func ingestRecorder(err error) (*Server, *[][]qinglang.Event) {
	var calls [][]qinglang.Event
	s := newServer(nil)
	s.Ingest = &fakeIngester{IngestFn: func(_ context.Context, events []qinglang.Event) error {
		calls = append(calls, events)
		return err
	}}
	return s, &calls
}

// counters returns the events metrics of source http.
func counters(s *Server) (in, rejected float64) {
	return testutil.ToFloat64(s.Metrics.EventsIn.WithLabelValues("http")),
		testutil.ToFloat64(s.Metrics.EventsRejected.WithLabelValues("http"))
}

func TestPostEventsMixedLines(t *testing.T) {
	s, calls := ingestRecorder(nil)
	body := strings.Join([]string{goodStart, badNoTS, "", goodSpeech, `{"type":"speech",`, badOrderQty}, "\n") + "\n"
	rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(body), "Content-Type", "application/x-ndjson")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var res result
	decode(t, rec.Body.Bytes(), &res)
	if res.Accepted != 2 || res.Rejected != 3 || len(res.Errors) != 3 || res.ErrorsOmitted != 0 {
		t.Fatalf("result %+v", res)
	}
	wantLines := []int{2, 5, 6}
	for i, p := range res.Errors {
		if p.Line != wantLines[i] || p.Index != nil || p.Reason == "" || p.ReasonEN == "" {
			t.Errorf("problem %d: %+v, want line %d with both reasons", i, p, wantLines[i])
		}
	}
	if res.Errors[0].Field != "ts" || res.Errors[2].Field != "qty" {
		t.Errorf("fields %q, %q; want ts, qty", res.Errors[0].Field, res.Errors[2].Field)
	}
	if len(*calls) != 1 {
		t.Fatalf("Ingest called %d times, want once", len(*calls))
	}
	got := (*calls)[0]
	if len(got) != 2 || got[0].ID != "e1" || got[1].ID != "e3" || got[1].Platform != qinglang.DefaultPlatform {
		t.Fatalf("ingested %+v", got)
	}
	if in, rej := counters(s); in != 2 || rej != 3 {
		t.Fatalf("metrics in=%v rejected=%v, want 2 and 3", in, rej)
	}
}

func TestPostEventsArray(t *testing.T) {
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", ""} {
		s, calls := ingestRecorder(nil)
		body := "[" + goodStart + ",\n" + badOrderQty + "," + goodSpeech + "]"
		rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(body), "Content-Type", ct)
		var res result
		decode(t, rec.Body.Bytes(), &res)
		if rec.Code != http.StatusOK || res.Accepted != 2 || res.Rejected != 1 {
			t.Fatalf("Content-Type %q: status %d result %+v", ct, rec.Code, res)
		}
		if p := res.Errors[0]; p.Index == nil || *p.Index != 1 || p.Line != 0 || p.Field != "qty" || p.ID != "e5" {
			t.Fatalf("problem %+v, want index 1 field qty id e5", p)
		}
		if len(*calls) != 1 || len((*calls)[0]) != 2 {
			t.Fatalf("Ingest calls %v", *calls)
		}
	}
}

func TestPostEventsAllBad(t *testing.T) {
	s, calls := ingestRecorder(nil)
	rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(badNoTS+"\n"+badOrderQty+"\n"))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var res result
	decode(t, rec.Body.Bytes(), &res)
	if res.Accepted != 0 || res.Rejected != 2 || len(res.Errors) != 2 || res.Errors[1].Line != 2 {
		t.Fatalf("result %+v", res)
	}
	if len(*calls) != 0 {
		t.Fatalf("Ingest called with nothing valid: %v", *calls)
	}
	if in, rej := counters(s); in != 0 || rej != 2 {
		t.Fatalf("metrics in=%v rejected=%v", in, rej)
	}
}

func TestPostEventsEmpty(t *testing.T) {
	for _, body := range []string{"", "  \n\n\t", "[]", "[ ]\n"} {
		s, calls := ingestRecorder(nil)
		wantError(t, serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(body)), http.StatusBadRequest, qinglang.EINVALID)
		if len(*calls) != 0 {
			t.Fatalf("body %q: Ingest called", body)
		}
	}
}

// unsized hides a body's length so the server sees a chunked body.
type unsized struct{ io.Reader }

func TestPostEventsOverLimit(t *testing.T) {
	body := strings.Repeat(goodStart+"\n", 20)
	for name, r := range map[string]io.Reader{
		"content-length": strings.NewReader(body),
		"chunked":        unsized{strings.NewReader(body)},
	} {
		s, calls := ingestRecorder(nil)
		s.MaxBodyBytes = 1 << 10
		e := wantError(t, serve(t, s, http.MethodPost, "/v1/events", r), http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
		if !strings.Contains(e.Error.MessageEN, "1024 bytes (1 KiB)") || !strings.Contains(e.Error.Message, "1024 字节") {
			t.Errorf("%s: messages %q / %q do not name the limit", name, e.Error.Message, e.Error.MessageEN)
		}
		if len(*calls) != 0 {
			t.Errorf("%s: events ingested from a body over the limit", name)
		}
		if in, rej := counters(s); in != 0 || rej != 0 {
			t.Errorf("%s: metrics in=%v rejected=%v", name, in, rej)
		}
	}
}

func TestPostEventsIngestFails(t *testing.T) {
	s, calls := ingestRecorder(qinglang.Wrap(qinglang.EUNAVAILABLE, errors.New("nats: timeout"), "日志不可用", "log unavailable"))
	rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart+"\n"+goodSpeech+"\n"))
	e := wantError(t, rec, http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	if !strings.Contains(e.Error.MessageEN, "retry") || !strings.Contains(e.Error.Message, "重试") ||
		!strings.Contains(e.Error.MessageEN, "none of the 2 events") {
		t.Fatalf("messages %q / %q do not say nothing was kept and to retry", e.Error.Message, e.Error.MessageEN)
	}
	if strings.Contains(rec.Body.String(), "nats") || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("body %s, Retry-After %q", rec.Body, rec.Header().Get("Retry-After"))
	}
	if len(*calls) != 1 {
		t.Fatalf("Ingest calls %d", len(*calls))
	}
	if in, _ := counters(s); in != 0 {
		t.Fatalf("events counted as received although not stored: %v", in)
	}

	// A plain error (a bug in the log client) is a 503 too: nothing was kept.
	s, _ = ingestRecorder(errors.New("boom"))
	wantError(t, serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart)), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)

	// A batch the log cannot take keeps its code: retrying will not help.
	s, _ = ingestRecorder(qinglang.Errorf(qinglang.ETOOLARGE, "批次过大", "batch too large for the log"))
	e = wantError(t, serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart)), http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
	if e.Error.MessageEN != "batch too large for the log" {
		t.Fatalf("message_en %q", e.Error.MessageEN)
	}

	// No ingester configured.
	s = newServer(nil)
	wantError(t, serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart)), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

func TestPostEventsListsAtMost1000Problems(t *testing.T) {
	s, calls := ingestRecorder(nil)
	var b strings.Builder
	for i := 0; i < MaxListedProblems+7; i++ {
		fmt.Fprintf(&b, `{"type":"comment","id":"b%d","room":"r1","user":"u","text":"x"}`+"\n", i)
	}
	b.WriteString(goodSpeech + "\n")
	rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(b.String()))
	var res result
	decode(t, rec.Body.Bytes(), &res)
	if rec.Code != http.StatusOK || res.Accepted != 1 || res.Rejected != MaxListedProblems+7 ||
		len(res.Errors) != MaxListedProblems || res.ErrorsOmitted != 7 {
		t.Fatalf("status %d accepted %d rejected %d listed %d omitted %d",
			rec.Code, res.Accepted, res.Rejected, len(res.Errors), res.ErrorsOmitted)
	}
	if last := res.Errors[MaxListedProblems-1]; last.Line != MaxListedProblems {
		t.Fatalf("last listed problem %+v, want line %d", last, MaxListedProblems)
	}
	if len(*calls) != 1 || (*calls)[0][0].ID != "e3" {
		t.Fatalf("Ingest calls %v", *calls)
	}
}

func TestPostEventsContentType(t *testing.T) {
	for _, ct := range []string{"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "not a type/"} {
		s, calls := ingestRecorder(nil)
		e := wantError(t, serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart), "Content-Type", ct),
			http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, "application/x-ndjson") || len(*calls) != 0 {
			t.Errorf("%q: message %q, calls %d", ct, e.Error.MessageEN, len(*calls))
		}
	}
	for _, ct := range []string{"application/x-ndjson", "application/jsonl", "text/plain; charset=utf-8"} {
		s, _ := ingestRecorder(nil)
		if rec := serve(t, s, http.MethodPost, "/v1/events", strings.NewReader(goodStart), "Content-Type", ct); rec.Code != http.StatusOK {
			t.Errorf("%q: status %d: %s", ct, rec.Code, rec.Body)
		}
	}
}
