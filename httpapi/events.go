package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/contract"
)

// MaxListedProblems is how many rejected events one answer of
// POST /v1/events lists; the rest are counted in errors_omitted.
const MaxListedProblems = 1000

// sourceHTTP labels the events metrics of this API.
const sourceHTTP = "http"

// ingestResult answers POST /v1/events.
type ingestResult struct {
	Accepted      int                `json:"accepted"`
	Rejected      int                `json:"rejected"`
	Errors        []contract.Problem `json:"errors"`
	ErrorsOmitted int                `json:"errors_omitted"`
}

// eventMediaTypes are the Content-Types POST /v1/events takes. The body is
// decoded the same way for each: the decoder tells JSON Lines from a JSON
// array by looking at it. No Content-Type at all is taken too.
var eventMediaTypes = map[string]bool{
	"application/x-ndjson":     true,
	"application/ndjson":       true,
	"application/jsonl":        true,
	"application/x-jsonlines":  true,
	"application/json":         true,
	"text/plain":               true,
	"application/octet-stream": true,
}

// postEvents takes a batch of events (JSON Lines or a JSON array), keeps the
// valid ones, reports the invalid ones by line or index, and answers only
// once the durable log has stored every valid event (one Ingest call). A
// principal scoped to a platform sends its own platform's events only: an
// event naming no platform (which the contract makes the default platform)
// is its platform's, one naming another platform is rejected like any bad
// line, field platform.
func (s *Server) postEvents(w http.ResponseWriter, r *http.Request) {
	p := principalOf(r)
	if !authz.Can(p, authz.EventsWrite) {
		s.writeError(w, r, errForbidden(p, authz.EventsWrite))
		return
	}
	if err := checkEventsContentType(r.Header.Get("Content-Type")); err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := s.readBody(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		s.writeError(w, r, errNoEvents())
		return
	}

	var events []qinglang.Event
	res := ingestResult{Errors: []contract.Problem{}}
	reject := func(prob contract.Problem) error {
		res.Rejected++
		if len(res.Errors) < MaxListedProblems {
			res.Errors = append(res.Errors, prob)
		} else {
			res.ErrorsOmitted++
		}
		return nil
	}
	accept := func(ev qinglang.Event, pos contract.Position) error {
		if p.Platform != "" && ev.Platform == qinglang.DefaultPlatform {
			ev.Platform = p.Platform
		}
		if !authz.Visible(p, authz.Resource{Platform: ev.Platform, Room: ev.Room}) {
			return reject(foreignEvent(p, ev, pos))
		}
		events = append(events, ev)
		return nil
	}
	if err := contract.Decode(bytes.NewReader(body), accept, reject); err != nil {
		s.writeError(w, r, err)
		return
	}
	if res.Rejected > 0 {
		s.Metrics.EventsRejected.WithLabelValues(sourceHTTP).Add(float64(res.Rejected))
	}
	if len(events) == 0 {
		if res.Rejected == 0 {
			s.writeError(w, r, errNoEvents())
			return
		}
		s.writeJSON(w, r, http.StatusBadRequest, res)
		return
	}

	if err := s.ingest(r, events); err != nil {
		if qinglang.Code(err) == qinglang.EUNAVAILABLE {
			w.Header().Set("Retry-After", "1")
		}
		s.writeError(w, r, err)
		return
	}
	res.Accepted = len(events)
	s.Metrics.EventsIn.WithLabelValues(sourceHTTP).Add(float64(res.Accepted))
	s.writeJSON(w, r, http.StatusOK, res)
}

// foreignEvent is the problem of an event p may not send: another
// platform's (or a room not p's).
func foreignEvent(p qinglang.Principal, ev qinglang.Event, pos contract.Position) contract.Problem {
	prob := contract.Problem{Field: "platform", ID: ev.ID,
		Reason:   fmt.Sprintf("本令牌只能发送平台 %q 的事件，不能发送平台 %q 的", p.Platform, clip(ev.Platform)),
		ReasonEN: fmt.Sprintf("this token sends events of platform %q only, not of platform %q", p.Platform, clip(ev.Platform))}
	if ev.Platform == p.Platform {
		prob.Field = "room"
		prob.Reason = fmt.Sprintf("本令牌不能发送直播间 %q 的事件", clip(ev.Room))
		prob.ReasonEN = fmt.Sprintf("this token may not send events of room %q", clip(ev.Room))
	}
	if pos.Index >= 0 {
		i := pos.Index
		prob.Index = &i
	} else {
		prob.Line = pos.Line
	}
	return prob
}

// ingest hands the events to the durable log in one call. A failure the
// caller can do something about (a batch too large for the log, an invalid
// event) keeps its code; any other failure becomes a 503 that says nothing
// was acknowledged and asks the sender to retry.
func (s *Server) ingest(r *http.Request, events []qinglang.Event) error {
	if s.Ingest == nil {
		return qinglang.Errorf(qinglang.EUNAVAILABLE,
			"事件接收未启用，未确认任何事件", "event ingestion is not configured; no event was acknowledged")
	}
	err := s.Ingest.Ingest(r.Context(), events)
	if err == nil {
		return nil
	}
	switch qinglang.Code(err) {
	case qinglang.EINVALID, qinglang.ETOOLARGE:
		return err
	}
	s.logger().WarnContext(r.Context(), "ingest failed",
		slog.Int("events", len(events)), slog.Any("err", err))
	return qinglang.Wrap(qinglang.EUNAVAILABLE, err,
		"事件未能写入持久日志，本批 %d 个事件均未确认，请重试",
		"the events could not be stored in the durable log; none of the %d events in this batch was acknowledged, please retry",
		len(events))
}

// readBody reads the whole request body under the size limit, so that a
// body over the limit is refused before anything is decoded or ingested.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	limit := s.maxBody()
	if r.ContentLength > limit {
		return nil, errTooLarge(limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, errTooLarge(limit)
		}
		return nil, qinglang.Errorf(qinglang.EINVALID,
			"读取请求体失败：%v", "could not read the request body: %v", err)
	}
	return body, nil
}

// checkEventsContentType refuses a Content-Type that cannot hold events.
func checkEventsContentType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && eventMediaTypes[mt] {
		return nil
	}
	return qinglang.Errorf(qinglang.EINVALID,
		"不支持的 Content-Type %q：请用 application/x-ndjson（JSON Lines）或 application/json（JSON 数组）",
		"unsupported Content-Type %q: use application/x-ndjson (JSON Lines) or application/json (a JSON array)", ct)
}

// errTooLarge is the answer to a body over the limit.
func errTooLarge(limit int64) error {
	return qinglang.Errorf(qinglang.ETOOLARGE,
		"请求体超过上限 %d 字节（%s），未接收任何事件；请分批发送",
		"the request body is over the limit of %d bytes (%s); no event was accepted; send smaller batches",
		limit, byteSize(limit))
}

// errNoEvents is the answer to a body without events.
func errNoEvents() error {
	return qinglang.Errorf(qinglang.EINVALID,
		"请求体中没有事件：请发送 JSON Lines（每行一个事件）或事件的 JSON 数组",
		"the request body holds no events: send JSON Lines (one event per line) or a JSON array of events")
}

// byteSize formats a size for people: 16 MiB, 512 KiB, 100 B.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
