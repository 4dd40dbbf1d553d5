package httpapi

import (
	"cmp"
	"net/http"
	"slices"

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

// maxRoomsLimit is the largest page of rooms (qinglang.RoomFilter).
const maxRoomsLimit = 1000

// roomsNames name rooms in listScope's messages.
var roomsNames = [2]string{"直播间", "rooms"}

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

// getRooms lists broadcasts, the most recently active first, for a
// console's room picker: those of a platform (a platform or reviewer
// token's own; a platform parameter naming another answers an empty list),
// those active since a time. An operator token lists its own rooms, all of
// them in one page (a token names a few), whatever the cursor and limit. A
// regulator sees rooms through the cases of its region: 403.
func (s *Server) getRooms(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := qinglang.RoomFilter{
		Platform: q.id("platform"),
		Since:    q.time("since"),
		Cursor:   q.one("cursor"),
		Limit:    q.limit("limit", maxRoomsLimit),
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	p := principalOf(r)
	none, err := listScope(p, authz.RoomsRead, &f.Platform, "", roomsNames)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !s.readable(w, r, nil) {
		return
	}
	var page qinglang.RoomPage
	switch {
	case none:
	case p.Role == qinglang.RoleOperator:
		page, err = s.operatorRooms(r, p, f)
	default:
		page, err = s.Store.Rooms(r.Context(), f)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := qinglang.RoomPage{Rooms: []qinglang.RoomSummary{}, Next: page.Next}
	for _, room := range page.Rooms {
		if !authz.Visible(p, authz.Resource{Platform: room.Platform, Room: room.Room}) {
			continue // a store filtered by platform returns only these; this makes sure
		}
		if room.Events == nil {
			room.Events = map[qinglang.EventType]int64{}
		}
		out.Rooms = append(out.Rooms, room)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// operatorRooms reads the rooms of operator p on f.Platform (its own) that
// events were stored of, active at or after f.Since, the most recently
// active first.
func (s *Server) operatorRooms(r *http.Request, p qinglang.Principal, f qinglang.RoomFilter) (qinglang.RoomPage, error) {
	page := qinglang.RoomPage{Rooms: []qinglang.RoomSummary{}}
	for _, room := range p.Rooms {
		sum, err := s.Store.Room(r.Context(), qinglang.RoomKey{Platform: f.Platform, Room: room})
		switch {
		case qinglang.Code(err) == qinglang.ENOTFOUND:
			continue
		case err != nil:
			return qinglang.RoomPage{}, err
		}
		if f.Since.IsZero() || !sum.LastTS.Before(f.Since) {
			page.Rooms = append(page.Rooms, sum)
		}
	}
	slices.SortStableFunc(page.Rooms, func(a, b qinglang.RoomSummary) int {
		return cmp.Or(b.LastTS.Compare(a.LastTS), cmp.Compare(a.Room, b.Room))
	})
	return page, nil
}
