package pipeline

import (
	"context"
	"sort"
	"time"

	"github.com/qinglang/qinglang"
)

// Defaults for an Engine's bounds.
const (
	DefaultMaxRooms  = 20000
	DefaultIdleAfter = 30 * time.Minute
)

// Item is one decoded event with where it came from in the log. Origin is
// unique per position in the log (stream sequence and line, file and line),
// so that a re-delivered event without an id is still recognised.
type Item struct {
	Event  qinglang.Event
	Origin string
}

// Result says what one batch did.
type Result struct {
	Added      int                // events stored for the first time
	Duplicates int                // events skipped as re-delivered
	Findings   []qinglang.Finding // findings stored for the first time
	// Stored are the events stored for the first time (Added of them), in
	// batch order: what later stages (campaigns) take from the batch once
	// it committed.
	Stored []qinglang.Event
}

// Engine runs batches of one partition through the detectors. It is not
// safe for concurrent use: each partition worker owns one Engine, which is
// what makes per-room state lock-free (all events of a room reach the same
// partition).
type Engine struct {
	detectors []Detector
	// MaxRooms bounds the rooms held in memory; past it, the rooms idle
	// the longest (by event time) are released first.
	MaxRooms int
	// IdleAfter releases a room whose last event is this much older (in
	// event time) than the newest event the Engine has seen.
	IdleAfter time.Duration

	rooms     map[qinglang.RoomKey]*Room
	newest    time.Time
	lastSweep time.Time
}

// NewEngine returns an Engine running the given detectors in order.
func NewEngine(detectors ...Detector) *Engine {
	return &Engine{
		detectors: detectors,
		MaxRooms:  DefaultMaxRooms,
		IdleAfter: DefaultIdleAfter,
		rooms:     make(map[qinglang.RoomKey]*Room),
	}
}

// Rooms reports how many rooms hold state.
func (e *Engine) Rooms() int { return len(e.rooms) }

// Process writes one batch in one transaction: the batch's events are
// stored first (so facts such as orders are visible to every event of the
// batch, by their ts), then every event not seen before is shown to the
// detectors in order, and their findings are stored. It commits only if
// everything succeeded; on error nothing of the batch is kept, and the
// state of the rooms it touched is dropped (their events will be shown
// again when the batch is retried).
func (e *Engine) Process(ctx context.Context, store qinglang.Store, items []Item) (Result, error) {
	tx, err := store.Begin(ctx)
	if err != nil {
		return Result{}, err
	}
	res, touched, err := e.apply(ctx, tx, items)
	var released []qinglang.RoomKey
	if err == nil {
		released, err = e.sweep(ctx, tx, &res)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		_ = tx.Rollback()
		for key := range touched {
			delete(e.rooms, key)
		}
		return Result{}, err
	}
	for _, key := range released {
		delete(e.rooms, key)
	}
	return res, nil
}

func (e *Engine) apply(ctx context.Context, tx qinglang.Tx, items []Item) (Result, map[qinglang.RoomKey]bool, error) {
	var res Result
	touched := make(map[qinglang.RoomKey]bool)
	events, origins := split(items)
	added, err := tx.AddEvents(ctx, events, origins)
	if err != nil {
		return res, touched, err
	}
	for i := range events {
		ev := &events[i]
		if !added[i] {
			res.Duplicates++
			continue
		}
		res.Added++
		res.Stored = append(res.Stored, *ev)
		if ev.TS.After(e.newest) {
			e.newest = ev.TS
		}
		in := &Input{Event: ev, Facts: tx}
		if ev.Room != "" {
			key := ev.RoomKey()
			touched[key] = true
			in.Room = e.room(key)
			in.Room.observe(ev)
		}
		for _, d := range e.detectors {
			fs, err := detect(ctx, d, in)
			if err != nil {
				return res, touched, err
			}
			if res.Findings, err = addFindings(ctx, tx, res.Findings, fs); err != nil {
				return res, touched, err
			}
		}
		if ev.Type == qinglang.RoomEnd && in.Room != nil {
			fs, err := e.end(ctx, in.Room, tx)
			if err != nil {
				return res, touched, err
			}
			if res.Findings, err = addFindings(ctx, tx, res.Findings, fs); err != nil {
				return res, touched, err
			}
			delete(e.rooms, in.Room.Key)
		}
	}
	return res, touched, nil
}

// detect runs one detector on one event. A detector that panics is a bug:
// its panic becomes an EINTERNAL error for this event instead of taking the
// process down (and, with the batch re-delivered, down again).
func detect(ctx context.Context, d Detector, in *Input) (fs []qinglang.Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = qinglang.Errorf(qinglang.EINTERNAL, "检测器 %s 在事件 %s 上崩溃：%v",
				"detector %s panicked on event %s: %v", d.Name(), eventRef(in.Event), r)
		}
	}()
	fs, err = d.Detect(ctx, in)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.Code(err), err, "检测器 %s 处理事件 %s 失败",
			"detector %s failed on event %s", d.Name(), eventRef(in.Event))
	}
	return fs, nil
}

// eventRef names an event in messages: its id, or its type and time.
func eventRef(ev *qinglang.Event) string {
	if ev.ID != "" {
		return ev.ID
	}
	return string(ev.Type) + "@" + ev.TS.Format(time.RFC3339Nano)
}

// Keep stores events as evidence without showing them to the detectors:
// for an event the detectors fail on every time (see server workers), so
// that it is kept and its partition moves on. It returns the events stored
// for the first time, in order.
func (e *Engine) Keep(ctx context.Context, store qinglang.Store, items []Item) ([]qinglang.Event, error) {
	tx, err := store.Begin(ctx)
	if err != nil {
		return nil, err
	}
	events, origins := split(items)
	added, err := tx.AddEvents(ctx, events, origins)
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	var stored []qinglang.Event
	for i, ok := range added {
		if ok {
			stored = append(stored, events[i])
		}
	}
	return stored, nil
}

func addFindings(ctx context.Context, tx qinglang.Tx, to, fs []qinglang.Finding) ([]qinglang.Finding, error) {
	for i := range fs {
		if fs[i].EventIDs == nil {
			fs[i].EventIDs = []string{}
		}
		added, err := tx.AddFinding(ctx, &fs[i])
		if err != nil {
			return to, err
		}
		if added {
			to = append(to, fs[i])
		}
	}
	return to, nil
}

func (e *Engine) room(key qinglang.RoomKey) *Room {
	r, ok := e.rooms[key]
	if !ok {
		r = newRoom(key)
		e.rooms[key] = r
	}
	return r
}

// end gives RoomEnder detectors their last look at a room.
func (e *Engine) end(ctx context.Context, r *Room, facts qinglang.Facts) ([]qinglang.Finding, error) {
	var out []qinglang.Finding
	for _, d := range e.detectors {
		ender, ok := d.(RoomEnder)
		if !ok {
			continue
		}
		fs, err := ender.EndRoom(ctx, r, facts)
		if err != nil {
			return nil, qinglang.Wrap(qinglang.Code(err), err,
				"检测器 %s 结束直播间时失败", "detector %s failed ending a room", d.Name())
		}
		out = append(out, fs...)
	}
	return out, nil
}

// sweepEvery is how often (in event time) the Engine looks for idle rooms.
const sweepEvery = time.Minute

// sweep finds the rooms to release: those idle for IdleAfter (in event
// time) and, past MaxRooms, the least recently active ones. Each gets its
// RoomEnder pass inside the batch's transaction; the caller drops them once
// the transaction committed, so a failed batch keeps them for its retry.
func (e *Engine) sweep(ctx context.Context, tx qinglang.Tx, res *Result) ([]qinglang.RoomKey, error) {
	over := e.MaxRooms > 0 && len(e.rooms) > e.MaxRooms
	if !over && e.newest.Sub(e.lastSweep) < sweepEvery {
		return nil, nil
	}
	e.lastSweep = e.newest
	var release []*Room
	if e.IdleAfter > 0 {
		cutoff := e.newest.Add(-e.IdleAfter)
		for _, r := range e.rooms {
			if r.LastTS.Before(cutoff) {
				release = append(release, r)
			}
		}
	}
	if excess := len(e.rooms) - len(release) - e.MaxRooms; e.MaxRooms > 0 && excess > 0 {
		idle := make(map[qinglang.RoomKey]bool, len(release))
		for _, r := range release {
			idle[r.Key] = true
		}
		active := make([]*Room, 0, len(e.rooms))
		for _, r := range e.rooms {
			if !idle[r.Key] {
				active = append(active, r)
			}
		}
		sort.Slice(active, func(i, j int) bool { return active[i].LastTS.Before(active[j].LastTS) })
		release = append(release, active[:excess]...)
	}
	keys := make([]qinglang.RoomKey, 0, len(release))
	for _, r := range release {
		fs, err := e.end(ctx, r, tx)
		if err != nil {
			return nil, err
		}
		if res.Findings, err = addFindings(ctx, tx, res.Findings, fs); err != nil {
			return nil, err
		}
		keys = append(keys, r.Key)
	}
	return keys, nil
}

// split returns the items' events and origins, as the store takes them.
func split(items []Item) ([]qinglang.Event, []string) {
	events := make([]qinglang.Event, len(items))
	origins := make([]string, len(items))
	for i := range items {
		events[i], origins[i] = items[i].Event, items[i].Origin
	}
	return events, origins
}
