package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// load posts batches of events with unique ids and remembers every event
// of every batch the server answered 200: those are acknowledged and must
// survive anything.
type load struct {
	seq atomic.Int64 // every event gets a ts of its own: base + seq ms

	mu      sync.Mutex
	acked   map[string][]string // room -> acknowledged event ids
	fakes   map[string]bool     // acknowledged fictitious crossed-out price listings
	honest  map[string]bool     // acknowledged honest ones
	batches int                 // acknowledged batches
	failed  int                 // batches without a 200

	inflight atomic.Int64 // POSTs sent and not answered yet
}

func newLoad() *load {
	return &load{acked: map[string][]string{}, fakes: map[string]bool{}, honest: map[string]bool{}}
}

// rooms are spread over the server's partitions by their hash.
const loadRooms = 24

var loadBase = time.Date(2025, 6, 1, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))

type loadEvent struct {
	room, id     string
	fake, honest bool
}

// batch makes batch b of worker w: an order of a product and, later, a
// listing of it at ¥50 "instead of ¥999" in another room (a finding); an
// order at ¥80 and an honest listing with ¥80 crossed out (none); and
// bullet comments, all spread over the rooms.
func (l *load) batch(w, b int) (string, []loadEvent) {
	const size = 60
	var sb strings.Builder
	evs := make([]loadEvent, 0, size)
	for i := range size {
		room := fmt.Sprintf("k%02d", (w*7+b*5+i*11)%loadRooms)
		id := fmt.Sprintf("w%d-b%d-e%d", w, b, i)
		ts := loadBase.Add(time.Duration(l.seq.Add(1)) * time.Millisecond).Format(time.RFC3339Nano)
		ev := loadEvent{room: room, id: id}
		switch i {
		case 0:
			fmt.Fprintf(&sb, `{"type":"order","id":%q,"ts":%q,"room":%q,"user":"u%d","product":"p-%d-%d","qty":1,"amount_fen":5000}`, id, ts, room, i, w, b)
		case 1:
			fmt.Fprintf(&sb, `{"type":"order","id":%q,"ts":%q,"room":%q,"user":"u%d","product":"h-%d-%d","qty":2,"amount_fen":16000}`, id, ts, room, i, w, b)
		case size - 2:
			fmt.Fprintf(&sb, `{"type":"listing","id":%q,"ts":%q,"room":%q,"product":"p-%d-%d","title":"燃咔果冻","merchant":"m1","category":"food","price_fen":5000,"original_price_fen":99900}`, id, ts, room, w, b)
			ev.fake = true
		case size - 1:
			fmt.Fprintf(&sb, `{"type":"listing","id":%q,"ts":%q,"room":%q,"product":"h-%d-%d","title":"保温杯","merchant":"m2","category":"household","price_fen":6000,"original_price_fen":8000}`, id, ts, room, w, b)
			ev.honest = true
		default:
			fmt.Fprintf(&sb, `{"type":"comment","id":%q,"ts":%q,"room":%q,"user":"u%d","ip":"36.112.4.%d","text":"主播好，第 %d 条"}`, id, ts, room, i, i, i)
		}
		sb.WriteByte('\n')
		evs = append(evs, ev)
	}
	return sb.String(), evs
}

// post sends one batch; it reports whether the server acknowledged it.
func (l *load) post(p *serveProc, body string, evs []loadEvent) bool {
	l.inflight.Add(1)
	resp, err := client.Post(p.url+"/v1/events", "application/x-ndjson", strings.NewReader(body))
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	l.inflight.Add(-1)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil || resp.StatusCode != http.StatusOK {
		l.failed++
		return false
	}
	l.batches++
	for _, ev := range evs {
		l.acked[ev.room] = append(l.acked[ev.room], ev.id)
		switch {
		case ev.fake:
			l.fakes[ev.id] = true
		case ev.honest:
			l.honest[ev.id] = true
		}
	}
	return true
}

func (l *load) ackedBatches() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.batches
}

// TestKillDuringLoad is the acceptance test of "nothing acknowledged is
// lost": SIGKILL the server while batches are in flight, start it again on
// the same data directory, and find every acknowledged event stored once
// and every finding made once.
func TestKillDuringLoad(t *testing.T) {
	dir := t.TempDir()
	p := startServe(t, dir)
	l := newLoad()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := 0; ; b++ {
				select {
				case <-stop:
					return
				default:
				}
				body, evs := l.batch(w, b)
				l.post(p, body, evs)
				// Paced so that the restart does not face a huge
				// backlog on a slow machine.
				time.Sleep(25 * time.Millisecond)
			}
		}()
	}
	start := time.Now()
	for time.Since(start) < 3*time.Second || l.ackedBatches() < 20 {
		if time.Since(start) > settle {
			close(stop)
			wg.Wait()
			t.Fatalf("only %d batches acknowledged within %s", l.ackedBatches(), settle)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Catch a moment with POSTs in flight (the load goes on meanwhile;
	// should none be caught, kill anyway).
	for catch := time.Now(); l.inflight.Load() < 2 && time.Since(catch) < 10*time.Second; {
		time.Sleep(time.Millisecond)
	}
	p.kill() // SIGKILL
	close(stop)
	wg.Wait()
	if code := p.exitCode(t); code != -1 {
		t.Fatalf("serve exited with %d, want killed by a signal", code)
	}
	t.Logf("killed after %d acknowledged batches (%d not acknowledged)", l.batches, l.failed)

	p2 := startServe(t, dir)
	checkAllStored(t, p2, l)
}

// TestSIGTERMDrains sends SIGTERM right after the last acknowledged batch:
// serve finishes its work and exits 0, and a restart finds everything.
func TestSIGTERMDrains(t *testing.T) {
	dir := t.TempDir()
	p := startServe(t, dir)
	l := newLoad()
	for b := range 20 {
		body, evs := l.batch(0, b)
		if !l.post(p, body, evs) {
			t.Fatalf("batch %d was not acknowledged", b)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.exitCode(t); code != exitOK {
		t.Fatalf("serve exited with %d after SIGTERM, want 0\n%s", code, p.logs.String())
	}
	p2 := startServe(t, dir)
	checkAllStored(t, p2, l)
}

// checkAllStored waits until every acknowledged event is stored, lets the
// restarted server settle, then checks that no event is stored twice, that
// every acknowledged fictitious price has exactly one finding and that no
// listing has more than one.
func checkAllStored(t *testing.T, p *serveProc, l *load) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	missing := func() (n int, example string) {
		for room, ids := range l.acked {
			stored := p.roomEventIDs(t, room)
			for _, id := range ids {
				if stored[id] == 0 {
					n++
					example = room + "/" + id
				}
			}
		}
		return n, example
	}
	deadline := time.Now().Add(settle)
	for {
		n, example := missing()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d acknowledged events are not stored after %s, e.g. %s", n, settle, example)
		}
		time.Sleep(500 * time.Millisecond)
	}
	p.waitStable(t)

	ackedEvents, stored := 0, 0
	for room, ids := range l.acked {
		storedIDs := p.roomEventIDs(t, room)
		for id, n := range storedIDs {
			stored++
			if n != 1 {
				t.Errorf("event %s of room %s stored %d times", id, room, n)
			}
		}
		for _, id := range ids {
			if storedIDs[id] == 0 {
				t.Errorf("acknowledged event %s of room %s is lost", id, room)
			}
		}
		ackedEvents += len(ids)
		var summary struct{ Room qinglang.RoomSummary }
		p.getJSON(t, "/v1/rooms/"+url.PathEscape(room), &summary)
		var total int64
		for _, c := range summary.Room.Events {
			total += c
		}
		if total < int64(len(ids)) || total != int64(len(storedIDs)) {
			t.Errorf("room %s: summary counts %d events, %d acknowledged, %d listed", room, total, len(ids), len(storedIDs))
		}
	}

	perListing := map[string]int{}
	seen := map[string]bool{}
	for _, f := range p.findings(t, "price.fake_original") {
		if seen[f.ID] {
			t.Errorf("finding %s listed twice", f.ID)
		}
		seen[f.ID] = true
		if len(f.EventIDs) == 0 {
			t.Errorf("finding %s names no event", f.ID)
			continue
		}
		perListing[f.EventIDs[0]]++
	}
	for id, n := range perListing {
		if n > 1 {
			t.Errorf("listing %s has %d findings, want 1", id, n)
		}
		if l.honest[id] || strings.HasSuffix(id, "-e59") {
			t.Errorf("honest listing %s has a finding", id)
		}
	}
	for id := range l.fakes {
		if perListing[id] != 1 {
			t.Errorf("acknowledged fictitious price %s has %d findings, want 1", id, perListing[id])
		}
	}
	t.Logf("%d events acknowledged, %d stored (the rest were in flight), %d findings for %d acknowledged fictitious prices",
		ackedEvents, stored, len(seen), len(l.fakes))
}
