package httpapi

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// testRoom is a room summary for fixtures.
func testRoom(key qinglang.RoomKey) qinglang.RoomSummary {
	start := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return qinglang.RoomSummary{
		Platform: key.Platform, Room: key.Room, Host: "h1", Merchant: "m1", Title: "燃咔果冻 专场",
		StartedAt: &start, FirstTS: start, LastTS: start.Add(2 * time.Minute),
		Events:   map[qinglang.EventType]int64{qinglang.Speech: 1, qinglang.Comment: 1},
		Findings: 1,
	}
}

// notFound is what the fake store answers for an unknown room.
func notFound(key qinglang.RoomKey) error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "没有直播间 %s/%s", "no room %s/%s", key.Platform, key.Room)
}

func TestGetRoom(t *testing.T) {
	var gotKey qinglang.RoomKey
	var gotFilter qinglang.FindingFilter
	s := newServer(nil)
	s.Store = &fakeStore{
		RoomFn: func(_ context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
			gotKey = key
			if key.Room != "r1" {
				return qinglang.RoomSummary{}, notFound(key)
			}
			room := testRoom(key)
			if key.Platform == "p2" {
				room.Events = nil // must answer {} not null
			}
			return room, nil
		},
		FindingsFn: func(_ context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
			gotFilter = f
			return qinglang.FindingPage{
				Findings: []qinglang.Finding{testFinding("f_1", f.Platform, f.Room, qinglang.SeverityLow)},
				Next:     "more",
			}, nil
		},
	}

	rec := serve(t, s, http.MethodGet, "/v1/rooms/r1", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if gotKey != (qinglang.RoomKey{Platform: "default", Room: "r1"}) {
		t.Fatalf("room key %+v, want default/r1", gotKey)
	}
	if gotFilter != (qinglang.FindingFilter{Platform: "default", Room: "r1"}) {
		t.Fatalf("finding filter %+v", gotFilter)
	}
	var page struct {
		Room     qinglang.RoomSummary `json:"room"`
		Findings []qinglang.Finding   `json:"findings"`
		Next     string               `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if page.Room.Host != "h1" || page.Room.Events[qinglang.Speech] != 1 || len(page.Findings) != 1 || page.Next != "more" {
		t.Fatalf("page %+v", page)
	}

	rec = serve(t, s, http.MethodGet, "/v1/rooms/r1?platform=p2&limit=5", nil)
	if rec.Code != http.StatusOK || gotKey.Platform != "p2" || gotFilter.Limit != 5 {
		t.Fatalf("status %d key %+v filter %+v", rec.Code, gotKey, gotFilter)
	}
	if !strings.Contains(rec.Body.String(), `"events":{}`) {
		t.Fatalf("nil event counts not answered as {}: %s", rec.Body)
	}

	e := wantError(t, serve(t, s, http.MethodGet, "/v1/rooms/r9", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, "r9") {
		t.Fatalf("404 message %q does not name the room", e.Error.MessageEN)
	}
	wantError(t, serve(t, s, http.MethodGet, "/v1/rooms/r1?limit=-1", nil), http.StatusBadRequest, qinglang.EINVALID)
}

func TestRoomEvents(t *testing.T) {
	ts := time.Date(2025, 6, 12, 20, 1, 0, 0, time.FixedZone("CST", 8*3600))
	var got qinglang.EventFilter
	s := newServer(nil)
	s.Store = &fakeStore{
		EventsFn: func(_ context.Context, f qinglang.EventFilter) ([]qinglang.Event, error) {
			got = f
			if f.Room != "r1" {
				return nil, nil
			}
			return []qinglang.Event{
				{Type: qinglang.Speech, TS: ts, ID: "e3", Platform: f.Platform, Room: "r1", Speaker: "h1", Text: "全网销量第一"},
				{Type: qinglang.Order, TS: ts.Add(time.Minute), ID: "e5", Platform: f.Platform, Room: "r1",
					User: "u9", Product: "p1", Qty: 1, AmountFen: 5990},
			}, nil
		},
		RoomFn: func(_ context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
			if key.Room == "quiet" {
				return testRoom(key), nil
			}
			return qinglang.RoomSummary{}, notFound(key)
		},
	}

	rec := serve(t, s, http.MethodGet, "/v1/rooms/r1/events?platform=p1&type=speech,order&type=speech"+
		"&from=2025-06-12T20:00:00%2B08:00&to=2025-06-12T21:00:00%2B08:00&limit=10", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Platform != "p1" || got.Room != "r1" || got.Limit != 10 ||
		!reflect.DeepEqual(got.Types, []qinglang.EventType{qinglang.Speech, qinglang.Order}) ||
		!got.From.Equal(ts.Add(-time.Minute)) || !got.To.Equal(ts.Add(59*time.Minute)) {
		t.Fatalf("filter %+v", got)
	}
	var list struct {
		Events []qinglang.Event `json:"events"`
	}
	decode(t, rec.Body.Bytes(), &list)
	if len(list.Events) != 2 || list.Events[1].AmountFen != 5990 || list.Events[0].Text != "全网销量第一" {
		t.Fatalf("events %+v", list.Events)
	}

	// A known room with nothing in the window is an empty list.
	rec = serve(t, s, http.MethodGet, "/v1/rooms/quiet/events", nil)
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"events":[]}` {
		t.Fatalf("status %d body %s", rec.Code, rec.Body)
	}
	if got.Platform != qinglang.DefaultPlatform || got.Types != nil || got.Limit != 0 {
		t.Fatalf("default filter %+v", got)
	}
	// An unknown room is a 404.
	wantError(t, serve(t, s, http.MethodGet, "/v1/rooms/nope/events", nil), http.StatusNotFound, qinglang.ENOTFOUND)
}

func TestRoomEventsBadParameters(t *testing.T) {
	cases := []struct{ query, param string }{
		{"type=speech,tip", "type"},
		{"type=,tip", "type"},
		{"from=20:00", "from"},
		{"from=2025-06-12T21:00:00Z&to=2025-06-12T20:00:00Z", "to"},
		{"limit=10001", "limit"},
	}
	for _, c := range cases {
		s := newServer(nil)
		s.Store = &fakeStore{}
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/rooms/r1/events?"+c.query, nil),
			http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, c.param+"=") || !strings.Contains(e.Error.Message, c.param+"=") {
			t.Errorf("%s: messages %q / %q do not name %s", c.query, e.Error.Message, e.Error.MessageEN, c.param)
		}
	}
}
