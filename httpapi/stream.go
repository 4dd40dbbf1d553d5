package httpapi

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/qinglang/qinglang"
)

// streamWriteTimeout bounds one write to a finding stream.
const streamWriteTimeout = 30 * time.Second

// streamFilter selects the findings a stream sends; zero fields do not
// filter.
type streamFilter struct {
	Platform string
	Room     string
	Kind     qinglang.Kind
	Severity qinglang.Severity
}

// match reports whether f passes the filter.
func (sf streamFilter) match(f *qinglang.Finding) bool {
	return (sf.Platform == "" || f.Platform == sf.Platform) &&
		(sf.Room == "" || f.Room == sf.Room) &&
		(sf.Kind == "" || f.Kind == sf.Kind) &&
		(sf.Severity == "" || f.Severity == sf.Severity)
}

// streamFindings sends new findings as Server-Sent Events while the client
// stays: "id: <finding id>", "event: finding", "data: <finding JSON>", and a
// comment every keep-alive interval when idle. The stream is live and best
// effort (qinglang.FindingFeed); the store is the record, so a client that
// reconnects catches up with GET /v1/findings. It ends when the client goes
// away, the feed closes or the server shuts down.
func (s *Server) streamFindings(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	sf := streamFilter{
		Platform: q.id("platform"),
		Room:     q.id("room"),
		Kind:     q.kind("kind"),
		Severity: q.severity("severity"),
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	if s.Feed == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EUNAVAILABLE,
			"发现推送未配置", "no finding feed is configured"))
		return
	}
	rc := http.NewResponseController(w)

	findings, unsubscribe := s.Feed.Subscribe()
	defer unsubscribe()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(format string, args ...any) bool {
		// A stream has no overall deadline (it would cut it); each write
		// gets its own, so a client that stopped reading is let go.
		_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(": 已连接 connected\n\n") {
		return
	}

	tick := time.NewTicker(s.keepAliveEvery())
	defer tick.Stop()
	done := s.doneChan()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-done:
			return
		case <-tick.C:
			if !send(": keep-alive\n\n") {
				return
			}
		case f, ok := <-findings:
			if !ok {
				return
			}
			if !sf.match(&f) {
				continue
			}
			data, err := json.Marshal(cleanFinding(f))
			if err != nil {
				s.logger().ErrorContext(r.Context(), "encode finding for stream",
					slog.String("finding", f.ID), slog.Any("err", err))
				continue
			}
			if !send("id: %s\nevent: finding\ndata: %s\n\n", f.ID, data) {
				return
			}
		}
	}
}
