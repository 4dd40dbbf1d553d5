package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// memStore is a fake qinglang.Store: enough of one for the Engine, with
// writes buffered per transaction.
type memStore struct {
	qinglang.Store // methods the Engine never calls panic if called
	seen           map[string]bool
	findings       map[string]qinglang.Finding
	failCommit     bool
}

func newMemStore() *memStore {
	return &memStore{seen: map[string]bool{}, findings: map[string]qinglang.Finding{}}
}

type memTx struct {
	s        *memStore
	seen     map[string]bool
	findings map[string]qinglang.Finding
}

func (s *memStore) Begin(context.Context) (qinglang.Tx, error) {
	return &memTx{s: s, seen: map[string]bool{}, findings: map[string]qinglang.Finding{}}, nil
}

func (t *memTx) has(k string) bool { return t.s.seen[k] || t.seen[k] }

func (t *memTx) AddEvent(_ context.Context, ev *qinglang.Event, origin string) (bool, error) {
	keys := []string{"o:" + origin}
	if ev.ID != "" {
		keys = append(keys, "id:"+ev.Platform+"/"+ev.ID)
	}
	for _, k := range keys {
		if t.has(k) {
			return false, nil
		}
	}
	for _, k := range keys {
		t.seen[k] = true
	}
	return true, nil
}

func (t *memTx) AddEvents(ctx context.Context, evs []qinglang.Event, origins []string) ([]bool, error) {
	added := make([]bool, len(evs))
	for i := range evs {
		added[i], _ = t.AddEvent(ctx, &evs[i], origins[i])
	}
	return added, nil
}

func (t *memTx) ComparedListings(context.Context, string, string, time.Time, time.Time, int) ([]qinglang.Event, error) {
	return nil, nil
}

func (t *memTx) AddFinding(_ context.Context, f *qinglang.Finding) (bool, error) {
	f.ID = qinglang.FindingID(f.Platform, f.Room, f.Rule, f.DedupKey)
	if _, ok := t.s.findings[f.ID]; ok {
		return false, nil
	}
	if _, ok := t.findings[f.ID]; ok {
		return false, nil
	}
	t.findings[f.ID] = *f
	return true, nil
}

func (t *memTx) LowestOrder(context.Context, string, string, time.Time, time.Time) (*qinglang.OrderFact, error) {
	return nil, nil
}

func (t *memTx) LastOrderBefore(context.Context, string, string, time.Time) (*qinglang.OrderFact, error) {
	return nil, nil
}

func (t *memTx) UserOrders(context.Context, string, string, time.Time) (int64, error) {
	return 0, nil
}

func (t *memTx) RoomOrders(context.Context, string, string, time.Time) (int64, int64, error) {
	return 0, 0, nil
}

func (t *memTx) LatestSpotCheck(context.Context, string, time.Time) (*qinglang.SpotCheckRecord, error) {
	return nil, nil
}

func (t *memTx) Commit() error {
	if t.s.failCommit {
		return errors.New("disk full")
	}
	for k := range t.seen {
		t.s.seen[k] = true
	}
	for k, f := range t.findings {
		t.s.findings[k] = f
	}
	return nil
}

func (t *memTx) Rollback() error { return nil }

func (t *memTx) PutFinding(context.Context, *qinglang.Finding) (bool, error) {
	return false, errors.New("memTx: PutFinding is not used by the Engine")
}

func (t *memTx) PutCampaign(context.Context, *qinglang.CampaignRecord) (bool, error) {
	return false, errors.New("memTx: PutCampaign is not used by the Engine")
}

func (t *memTx) AddSpotCheck(context.Context, *qinglang.SpotCheckRecord) (bool, error) {
	return false, errors.New("memTx: AddSpotCheck is not used by the Engine")
}

func (t *memTx) PutRecord(context.Context, *qinglang.Record) error {
	return errors.New("memTx: PutRecord is not used by the Engine")
}

func (t *memTx) GetRecord(context.Context, qinglang.RecordKind, string) (qinglang.Record, error) {
	return qinglang.Record{}, errors.New("memTx: GetRecord is not used by the Engine")
}

func (t *memTx) LinkFinding(context.Context, string, string) error {
	return errors.New("memTx: LinkFinding is not used by the Engine")
}

func (t *memTx) DeleteRecord(context.Context, qinglang.RecordKind, string) error {
	return errors.New("memTx: DeleteRecord is not used by the Engine")
}

func (t *memTx) AppendAudit(context.Context, func(*qinglang.AuditEntry) (qinglang.AuditEntry, error)) (qinglang.AuditEntry, error) {
	return qinglang.AuditEntry{}, errors.New("memTx: AppendAudit is not used by the Engine")
}

// echo reports one finding per comment, and one per room at its end with
// the number of comments it counted in its room state.
type echo struct{ ended []string }

func (echo) Name() string { return "echo" }

func (echo) Detect(_ context.Context, in *Input) ([]qinglang.Finding, error) {
	if in.Event.Type != qinglang.Comment {
		return nil, nil
	}
	n := in.Room.State("echo", func() any { return new(int) }).(*int)
	*n++
	return []qinglang.Finding{{Rule: "echo", Platform: in.Event.Platform, Room: in.Event.Room, DedupKey: in.Event.Text}}, nil
}

func (e *echo) EndRoom(_ context.Context, r *Room, _ qinglang.Facts) ([]qinglang.Finding, error) {
	n := r.State("echo", func() any { return new(int) }).(*int)
	e.ended = append(e.ended, fmt.Sprintf("%s:%d", r.Key.Room, *n))
	return nil, nil
}

var t0 = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("", 8*3600))

func comment(room, id, text string, at time.Duration) Item {
	return Item{Origin: "o-" + room + id, Event: qinglang.Event{Type: qinglang.Comment, ID: room + "-" + id, Platform: "default",
		Room: room, User: "u1", Text: text, TS: t0.Add(at)}}
}

func TestProcessDeduplicatesEventsAndFindings(t *testing.T) {
	s, d := newMemStore(), &echo{}
	e := NewEngine(d)
	ctx := context.Background()
	batch := []Item{comment("r1", "1", "a", 0), comment("r1", "2", "b", time.Second), comment("r1", "3", "a", 2*time.Second)}
	res, err := e.Process(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Duplicates != 0 || len(res.Findings) != 2 {
		t.Fatalf("first pass = %+v, want 3 added, 2 new findings (text a twice is one finding)", res)
	}
	if len(res.Stored) != 3 || res.Stored[0].ID != "r1-1" || res.Stored[2].ID != "r1-3" {
		t.Errorf("Stored = %v, want the 3 events in batch order", res.Stored)
	}
	// Re-delivery of the same batch: every event is a duplicate, nothing new.
	res, err = e.Process(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Duplicates != 3 || len(res.Findings) != 0 || len(res.Stored) != 0 {
		t.Fatalf("re-delivery = %+v, want all duplicates", res)
	}
	if len(s.findings) != 2 {
		t.Fatalf("stored findings = %d, want 2", len(s.findings))
	}
}

func TestRoomEndReleasesStateAndCallsEnder(t *testing.T) {
	s, d := newMemStore(), &echo{}
	e := NewEngine(d)
	end := Item{Origin: "end", Event: qinglang.Event{Type: qinglang.RoomEnd, Platform: "default", Room: "r1", TS: t0.Add(time.Minute)}}
	if _, err := e.Process(context.Background(), s, []Item{comment("r1", "1", "a", 0), comment("r2", "1", "b", 0), end}); err != nil {
		t.Fatal(err)
	}
	if e.Rooms() != 1 {
		t.Errorf("rooms held = %d, want 1 (r1 ended)", e.Rooms())
	}
	if len(d.ended) != 1 || d.ended[0] != "r1:1" {
		t.Errorf("ended = %v, want [r1:1]", d.ended)
	}
}

func TestIdleRoomsAndMaxRoomsAreReleased(t *testing.T) {
	s, d := newMemStore(), &echo{}
	e := NewEngine(d)
	e.IdleAfter = 10 * time.Minute
	e.MaxRooms = 3
	var batch []Item
	for i := 0; i < 6; i++ {
		batch = append(batch, comment(fmt.Sprintf("r%d", i), "1", "x", time.Duration(i)*time.Second))
	}
	if _, err := e.Process(context.Background(), s, batch); err != nil {
		t.Fatal(err)
	}
	if e.Rooms() != 3 {
		t.Fatalf("rooms = %d, want MaxRooms 3", e.Rooms())
	}
	if _, ok := e.rooms[qinglang.RoomKey{Platform: "default", Room: "r0"}]; ok {
		t.Error("the least recently active room should go first")
	}
	later := comment("r9", "1", "y", time.Hour)
	if _, err := e.Process(context.Background(), s, []Item{later}); err != nil {
		t.Fatal(err)
	}
	if e.Rooms() != 1 {
		t.Errorf("rooms = %d, want only r9 after an hour of inactivity in the others", e.Rooms())
	}
	if len(d.ended) != 6 {
		t.Errorf("EndRoom calls = %d, want 6 (3 over MaxRooms, then 3 idle)", len(d.ended))
	}
}

func TestFailedCommitKeepsNothingAndRetrySucceeds(t *testing.T) {
	s, d := newMemStore(), &echo{}
	e := NewEngine(d)
	s.failCommit = true
	batch := []Item{comment("r1", "1", "a", 0), comment("r1", "2", "b", 0)}
	if _, err := e.Process(context.Background(), s, batch); err == nil {
		t.Fatal("want the commit error")
	}
	if e.Rooms() != 0 || len(s.findings) != 0 {
		t.Fatalf("after a failed batch: rooms %d findings %d, want none", e.Rooms(), len(s.findings))
	}
	s.failCommit = false
	res, err := e.Process(context.Background(), s, batch)
	if err != nil || res.Added != 2 || len(res.Findings) != 2 {
		t.Fatalf("retry = %+v, %v", res, err)
	}
	n := e.rooms[qinglang.RoomKey{Platform: "default", Room: "r1"}].State("echo", nil).(*int)
	if *n != 2 {
		t.Errorf("room state counted %d comments, want 2 (no double count after the retry)", *n)
	}
}

func TestRecentKeepsTheLatestEventsInOrder(t *testing.T) {
	r := newRoom(qinglang.RoomKey{Room: "r"})
	for i := 0; i < recentEvents+5; i++ {
		r.observe(&qinglang.Event{Type: qinglang.Comment, Text: fmt.Sprint(i)})
	}
	got := r.Recent()
	if len(got) != recentEvents || got[0].Text != "5" || got[len(got)-1].Text != fmt.Sprint(recentEvents+4) {
		t.Fatalf("recent = %d events from %s to %s", len(got), got[0].Text, got[len(got)-1].Text)
	}
}

// faulty panics on the comment "boom" and fails on the comment "fail".
type faulty struct{}

func (faulty) Name() string { return "faulty" }

func (faulty) Detect(_ context.Context, in *Input) ([]qinglang.Finding, error) {
	switch in.Event.Text {
	case "boom":
		panic("index out of range")
	case "fail":
		return nil, errors.New("bad state")
	}
	return nil, nil
}

func TestDetectorPanicsAndErrorsBecomeErrors(t *testing.T) {
	s := newMemStore()
	e := NewEngine(faulty{}, &echo{})
	for _, text := range []string{"boom", "fail"} {
		_, err := e.Process(context.Background(), s, []Item{comment("r1", text, text, 0)})
		if err == nil || qinglang.Code(err) != qinglang.EINTERNAL {
			t.Fatalf("%s: err = %v, want an internal error", text, err)
		}
		if !strings.Contains(err.Error(), "faulty") || !strings.Contains(err.Error(), "r1-"+text) {
			t.Errorf("%s: error %q should name the detector and the event", text, err)
		}
	}
	if len(s.findings) != 0 {
		t.Error("a failed batch keeps nothing")
	}
	kept, err := e.Keep(context.Background(), s, []Item{comment("r1", "boom", "boom", 0)})
	if err != nil || len(kept) != 1 || kept[0].ID != "r1-boom" {
		t.Fatalf("Keep = %v, %v; want the event it stored", kept, err)
	}
	if kept, err := e.Keep(context.Background(), s, []Item{comment("r1", "boom", "boom", 0)}); err != nil || len(kept) != 0 {
		t.Fatalf("Keep of a stored event = %v, %v; want nothing stored", kept, err)
	}
	res, err := e.Process(context.Background(), s, []Item{comment("r1", "boom", "boom", 0), comment("r1", "ok", "ok", 0)})
	if err != nil || res.Duplicates != 1 || res.Added != 1 {
		t.Fatalf("after Keep: %+v, %v; want the kept event skipped as seen and the next one processed", res, err)
	}
	if len(res.Stored) != 1 || res.Stored[0].ID != "r1-ok" {
		t.Errorf("Stored = %v, want only the event stored for the first time", res.Stored)
	}
}
