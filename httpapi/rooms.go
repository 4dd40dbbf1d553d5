package httpapi

import (
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// maxEventsLimit is the largest number of events GET /v1/rooms/{id}/events
// answers at once.
const maxEventsLimit = 10000

// roomPage answers GET /v1/rooms/{id}: the room and its newest findings.
type roomPage struct {
	Room     qinglang.RoomSummary `json:"room"`
	Findings []qinglang.Finding   `json:"findings"`
	Next     string               `json:"next,omitempty"`
}

// eventList answers GET /v1/rooms/{id}/events.
type eventList struct {
	Events []qinglang.Event `json:"events"`
}

// roomKey reads the room of a request: the path's id and the platform
// parameter, by default the principal's platform or, for a principal of
// no platform, "default".
func roomKey(r *http.Request, q *query) qinglang.RoomKey {
	key := qinglang.RoomKey{Platform: q.id("platform"), Room: r.PathValue("id")}
	if key.Platform == "" {
		key.Platform = principalOf(r).Platform
	}
	if key.Platform == "" {
		key.Platform = qinglang.DefaultPlatform
	}
	return key
}

// roomVisible checks that the principal of r may read the room of key (a
// room it may not see is 404, as one never stored) and answers the error
// when it may not.
func (s *Server) roomVisible(w http.ResponseWriter, r *http.Request, key qinglang.RoomKey) bool {
	if err := authz.Check(principalOf(r), authz.RoomsRead, authz.Resource{Platform: key.Platform, Room: key.Room}); err != nil {
		s.writeError(w, r, hideMissing(err, errRoomNotFound(key)))
		return false
	}
	return true
}

func errRoomNotFound(key qinglang.RoomKey) error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "没有找到直播间 %s/%s", "room %s/%s not found", clip(key.Platform), clip(key.Room))
}

// getRoom answers the summary of one broadcast with the first page of its
// findings (newest first), or 404 when nothing of it was stored or the
// principal may not see it.
func (s *Server) getRoom(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	key := roomKey(r, q)
	limit := q.limit("limit", maxFindingsLimit)
	if !s.readable(w, r, q.err) || !s.roomVisible(w, r, key) {
		return
	}
	room, err := s.Store.Room(r.Context(), key)
	if err != nil {
		s.writeError(w, r, hideMissing(err, errRoomNotFound(key)))
		return
	}
	page, err := s.Store.Findings(r.Context(), qinglang.FindingFilter{
		Platform: key.Platform, Room: key.Room, Limit: limit,
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if room.Events == nil {
		room.Events = map[qinglang.EventType]int64{}
	}
	s.writeJSON(w, r, http.StatusOK, roomPage{Room: room, Findings: cleanFindings(page.Findings), Next: page.Next})
}

// getRoomEvents answers the stored evidence of one broadcast in ts order,
// optionally only some types and a time window. An empty answer for a room
// nothing was stored of is a 404, not an empty list, as is a room the
// principal may not see.
func (s *Server) getRoomEvents(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	key := roomKey(r, q)
	f := qinglang.EventFilter{
		Platform: key.Platform,
		Room:     key.Room,
		Types:    q.types("type"),
		From:     q.time("from"),
		To:       q.time("to"),
		Limit:    q.limit("limit", maxEventsLimit),
	}
	q.window("from", f.From, "to", f.To)
	if !s.readable(w, r, q.err) || !s.roomVisible(w, r, key) {
		return
	}
	events, err := s.Store.Events(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(events) == 0 {
		// Tell an empty window from an unknown room.
		if _, err := s.Store.Room(r.Context(), key); err != nil {
			s.writeError(w, r, hideMissing(err, errRoomNotFound(key)))
			return
		}
		events = []qinglang.Event{}
	}
	s.writeJSON(w, r, http.StatusOK, eventList{Events: events})
}
