package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// roomList is GET /v1/rooms's answer as a test reads it.
type roomList struct {
	Rooms []qinglang.RoomSummary `json:"rooms"`
	Next  string                 `json:"next"`
}

// keysOf lists the rooms of an answer as platform/room.
func keysOf(rs []qinglang.RoomSummary) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Platform+"/"+r.Room)
	}
	return out
}

func TestGetRooms(t *testing.T) {
	var got []qinglang.RoomFilter
	s := newServer(nil)
	s.Store = &fakeStore{RoomsFn: func(_ context.Context, f qinglang.RoomFilter) (qinglang.RoomPage, error) {
		got = append(got, f)
		a, b := testRoom(qinglang.RoomKey{Platform: "pa", Room: "r1"}), testRoom(qinglang.RoomKey{Platform: "pb", Room: "rb"})
		a.Events = nil // must answer {} not null
		return qinglang.RoomPage{Rooms: []qinglang.RoomSummary{a, b}, Next: "more"}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/rooms?platform=pa&since=2025-06-12T20:00:00%2B08:00&cursor=c1&limit=5", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	want := qinglang.RoomFilter{Platform: "pa", Since: time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC), Cursor: "c1", Limit: 5}
	if len(got) != 1 || got[0].Platform != want.Platform || !got[0].Since.Equal(want.Since) || got[0].Cursor != "c1" || got[0].Limit != 5 {
		t.Fatalf("filter %+v", got)
	}
	var page roomList
	decode(t, rec.Body.Bytes(), &page)
	if !slices.Equal(keysOf(page.Rooms), []string{"pa/r1", "pb/rb"}) || page.Next != "more" || page.Rooms[0].Events == nil {
		t.Errorf("page %+v", page)
	}
	if !strings.Contains(rec.Body.String(), `"events":{}`) {
		t.Errorf("nil event counts not answered as {}: %s", rec.Body)
	}
	for _, q := range []string{"since=yesterday", "limit=0", "limit=1001", "platform=" + strings.Repeat("p", 129)} {
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/rooms?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
		if name, _, _ := strings.Cut(q, "="); !strings.Contains(e.Error.MessageEN, name+"=") {
			t.Errorf("%s: %q", q, e.Error.MessageEN)
		}
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/v1/rooms", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// TestGetRoomsScoped checks the rooms a token lists: its platform's (a
// store ignoring the platform notwithstanding), none of another platform
// without asking the store, an operator's own rooms read one by one.
func TestGetRoomsScoped(t *testing.T) {
	at := time.Date(2025, 6, 12, 20, 0, 0, 0, time.UTC)
	twoRooms := operatorA
	twoRooms.Rooms = []string{"r1", "r2", "r3"}
	cases := []struct {
		p      qinglang.Principal
		target string
		keys   []string
		calls  []string
	}{
		{adminP, "/v1/rooms", []string{"pa/r1", "pb/rb"}, []string{"Rooms "}},
		{platformA, "/v1/rooms", []string{"pa/r1"}, []string{"Rooms pa"}},
		{reviewerA, "/v1/rooms?platform=pa", []string{"pa/r1"}, []string{"Rooms pa"}},
		{platformA, "/v1/rooms?platform=pb", []string{}, nil},
		{operatorA, "/v1/rooms", []string{"pa/r1"}, []string{"Room pa/r1"}},
		{operatorA, "/v1/rooms?platform=pb", []string{}, nil},
		// r2 is the latest; r3 has no events; since leaves r1 out.
		{twoRooms, "/v1/rooms?cursor=ignored&limit=1", []string{"pa/r2", "pa/r1"}, []string{"Room pa/r1", "Room pa/r2", "Room pa/r3"}},
		{twoRooms, "/v1/rooms?since=2025-06-12T20:30:00Z", []string{"pa/r2"}, []string{"Room pa/r1", "Room pa/r2", "Room pa/r3"}},
	}
	for _, c := range cases {
		var calls []string
		fx := newAuthFixture(t)
		fx.s.Store = &fakeStore{
			RoomsFn: func(_ context.Context, f qinglang.RoomFilter) (qinglang.RoomPage, error) {
				calls = append(calls, "Rooms "+f.Platform)
				return qinglang.RoomPage{Rooms: []qinglang.RoomSummary{testRoom(qinglang.RoomKey{Platform: "pa", Room: "r1"}),
					testRoom(qinglang.RoomKey{Platform: "pb", Room: "rb"})}}, nil
			},
			RoomFn: func(_ context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
				calls = append(calls, "Room "+key.Platform+"/"+key.Room)
				if key.Room == "r3" {
					return qinglang.RoomSummary{}, notFound(key)
				}
				r := testRoom(key)
				r.LastTS = at
				if key.Room == "r2" {
					r.LastTS = at.Add(time.Hour)
				}
				return r, nil
			},
		}
		rec := fx.as(t, c.p, http.MethodGet, c.target, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s as %s: %d %s", c.target, c.p.Role, rec.Code, rec.Body)
			continue
		}
		var page roomList
		decode(t, rec.Body.Bytes(), &page)
		if !slices.Equal(keysOf(page.Rooms), c.keys) || !slices.Equal(calls, c.calls) || page.Next != "" {
			t.Errorf("%s as %s %v: %v (next %q) with calls %v, want %v with %v", c.target, c.p.Role, c.p.Rooms,
				keysOf(page.Rooms), page.Next, calls, c.keys, c.calls)
		}
	}
}
