package httpapi

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
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
	// visible reports whether the stream's principal may see a finding;
	// nil: every finding.
	visible func(f *qinglang.Finding) bool
	// none: the filter names what the principal may not see, so nothing
	// passes.
	none bool
}

// match reports whether f passes the filter and its principal may see it.
func (sf streamFilter) match(f *qinglang.Finding) bool {
	return !sf.none &&
		(sf.Platform == "" || f.Platform == sf.Platform) &&
		(sf.Room == "" || f.Room == sf.Room) &&
		(sf.Kind == "" || f.Kind == sf.Kind) &&
		(sf.Severity == "" || f.Severity == sf.Severity) &&
		(sf.visible == nil || sf.visible(f))
}

// unknownLastEventID is the comment a stream sends instead of a replay
// when it does not know the Last-Event-ID (or it names a finding the
// principal may not see).
const unknownLastEventID = ": 未知的 Last-Event-ID %q，不补发；请用 GET /v1/findings 补齐 / unknown Last-Event-ID %q: no replay; catch up with GET /v1/findings\n\n"

// maxReplay bounds the findings a reconnecting stream replays; past it the
// client is told to page through GET /v1/findings.
const maxReplay = 10000

// streamFindings sends new findings as Server-Sent Events while the client
// stays: "id: <finding id>", "event: finding", "data: <finding JSON>", and a
// comment every keep-alive interval when idle. A client that reconnects
// with Last-Event-ID (the header browsers send, or the last_event_id query
// parameter) first gets the findings stored after that one, from the store,
// then the live ones, without a finding twice. The live feed is best effort
// (qinglang.FindingFeed); the store is the record. It ends when the client
// goes away, the feed closes or the server shuts down. It sends only what
// its principal may see, as GET /v1/findings lists (a regulator, who sees
// findings through cases, is refused); the principal is the one of the
// token the stream was opened with.
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
	p := principalOf(r)
	none, err := listScope(p, authz.FindingsRead, &sf.Platform, sf.Room, findingsNames)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sf.none = none
	if p.Role != qinglang.RoleAdmin {
		sf.visible = func(f *qinglang.Finding) bool { return visibleFinding(p, f) }
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
	sendFinding := func(f qinglang.Finding) bool {
		data, err := json.Marshal(cleanFinding(f))
		if err != nil {
			s.logger().ErrorContext(r.Context(), "encode finding for stream",
				slog.String("finding", f.ID), slog.Any("err", err))
			return true
		}
		return send("id: %s\nevent: finding\ndata: %s\n\n", f.ID, data)
	}
	// Subscribed before the replay reads the store: a finding committed in
	// between arrives on the feed and is skipped there if replayed.
	replayed, ok := s.replay(r, sf, send, sendFinding)
	if !ok {
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
			if !sf.match(&f) || replayed[f.ID] {
				continue
			}
			if !sendFinding(f) {
				return
			}
		}
	}
}

// replay sends the findings stored after the client's Last-Event-ID, oldest
// first, and returns their ids. ok is false when the client went away.
func (s *Server) replay(r *http.Request, sf streamFilter, send func(string, ...any) bool,
	sendFinding func(qinglang.Finding) bool) (replayed map[string]bool, ok bool) {
	after := r.Header.Get("Last-Event-ID")
	if after == "" {
		after = r.URL.Query().Get("last_event_id")
	}
	if after == "" || s.Store == nil || sf.none {
		return nil, true
	}
	if sf.visible != nil {
		// A finding the principal may not see is as unknown as a missing
		// one: its id tells nothing.
		if f, err := s.Store.Finding(r.Context(), after); err == nil && !sf.visible(&f) {
			return nil, send(unknownLastEventID, after, after)
		}
	}
	replayed = make(map[string]bool)
	for after != "" {
		page, err := s.Store.Findings(r.Context(), qinglang.FindingFilter{After: after,
			Platform: sf.Platform, Room: sf.Room, Kind: sf.Kind, Severity: sf.Severity, Limit: 1000})
		if err != nil {
			if qinglang.Code(err) == qinglang.ENOTFOUND {
				return replayed, send(unknownLastEventID, after, after)
			}
			s.logger().WarnContext(r.Context(), "replay findings", slog.Any("err", err))
			return replayed, send(": 补发失败，请用 GET /v1/findings 补齐 / replay failed: catch up with GET /v1/findings\n\n")
		}
		for _, f := range page.Findings {
			if !sf.match(&f) {
				continue
			}
			if len(replayed) == maxReplay {
				return replayed, send(": 补发已达上限 %d 条，其余请用 GET /v1/findings / replay stopped at %d findings: page the rest with GET /v1/findings\n\n", maxReplay, maxReplay)
			}
			replayed[f.ID] = true
			if !sendFinding(f) {
				return replayed, false
			}
		}
		after = page.Next
	}
	return replayed, true
}
