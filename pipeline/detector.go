// Package pipeline runs events through the detectors: one Engine per
// partition (platform + room), bounded per-room state, each batch written
// with its findings in one store transaction.
package pipeline

import (
	"context"

	"github.com/qinglang/qinglang"
)

// Detector is what every detector implements: it looks at one event in the
// context of its room and the stored facts, and returns findings. It is
// called once per newly stored event (re-delivered events are not shown
// again), in log order within a room.
//
// A detector keeps per-room state with Room.State; state across rooms (a
// product's price history, an account's history) comes from Facts, which
// read the store inside the batch's transaction.
type Detector interface {
	// Name identifies the detector in logs and metrics.
	Name() string
	Detect(ctx context.Context, in *Input) ([]qinglang.Finding, error)
}

// RoomEnder is implemented by detectors that judge a room as a whole: it is
// called when a room ends (room_end) and when its state is released for
// inactivity, before the state is dropped.
type RoomEnder interface {
	EndRoom(ctx context.Context, room *Room, facts qinglang.Facts) ([]qinglang.Finding, error)
}

// Input is one event in its context.
type Input struct {
	Event *qinglang.Event
	// Room is the room's state, or nil for events without a room
	// (account, and listing sent outside a broadcast).
	Room  *Room
	Facts qinglang.Facts
}
