package pipeline

import (
	"time"

	"github.com/qinglang/qinglang"
)

// recentEvents is how many of a room's latest events a Room keeps for
// detectors that need context (an ASR sentence split over segments, the
// host's last call to action). The full record is in the store.
const recentEvents = 64

// Room is the bounded state of one broadcast, owned by one Engine (and so
// one goroutine). It is released after room_end or inactivity.
type Room struct {
	Key qinglang.RoomKey
	// Start is the room_start event, when it was seen.
	Start *qinglang.Event
	// LastTS is the ts of the room's latest event.
	LastTS time.Time
	// Events counts the room's events this Engine has processed.
	Events int64

	recent [recentEvents]qinglang.Event
	next   int
	filled bool
	state  map[string]any
}

func newRoom(key qinglang.RoomKey) *Room {
	return &Room{Key: key}
}

// NewRoom returns an empty room state, for detectors' tests and tools that
// run a detector outside an Engine. Observe feeds it events.
func NewRoom(key qinglang.RoomKey) *Room { return newRoom(key) }

// Observe records an event in the room as an Engine does before the
// detectors see it.
func (r *Room) Observe(ev *qinglang.Event) { r.observe(ev) }

// State returns the detector state stored under name, creating it with
// init on first use. Each detector uses its own name.
func (r *Room) State(name string, init func() any) any {
	if v, ok := r.state[name]; ok {
		return v
	}
	if r.state == nil {
		r.state = make(map[string]any, 4)
	}
	v := init()
	r.state[name] = v
	return v
}

// Recent returns up to the room's last 64 events, oldest first. The slice
// is fresh; the events are copies.
func (r *Room) Recent() []qinglang.Event {
	var out []qinglang.Event
	if r.filled {
		out = append(out, r.recent[r.next:]...)
	}
	return append(out, r.recent[:r.next]...)
}

func (r *Room) observe(ev *qinglang.Event) {
	r.Events++
	if ev.TS.After(r.LastTS) {
		r.LastTS = ev.TS
	}
	if ev.Type == qinglang.RoomStart {
		start := *ev
		r.Start = &start
	}
	r.recent[r.next] = *ev
	r.next++
	if r.next == recentEvents {
		r.next, r.filled = 0, true
	}
}
