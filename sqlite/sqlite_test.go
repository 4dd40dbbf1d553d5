package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/sqlstore"
	"github.com/qinglang/qinglang/storetest"
)

func openFile(t *testing.T) *sqlstore.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "qinglang.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformanceFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) qinglang.Store { return openFile(t) })
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) qinglang.Store {
		s, err := sqlite.Open(context.Background(), sqlite.Memory)
		if err != nil {
			t.Fatalf("Open(:memory:): %v", err)
		}
		return s
	})
}

func TestConformanceScratch(t *testing.T) {
	storetest.Run(t, func(t *testing.T) qinglang.Store {
		s, err := sqlite.OpenScratch(context.Background(), filepath.Join(t.TempDir(), "scratch.db"))
		if err != nil {
			t.Fatalf("OpenScratch: %v", err)
		}
		return s
	})
}

func TestScratchPragmas(t *testing.T) {
	s, err := sqlite.OpenScratch(context.Background(), filepath.Join(t.TempDir(), "scratch.db"))
	if err != nil {
		t.Fatalf("OpenScratch: %v", err)
	}
	defer s.Close()
	for _, c := range []struct{ pragma, want string }{
		{"journal_mode", "memory"},
		{"synchronous", "0"}, // OFF
	} {
		var got string
		if err := s.DB().QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", c.pragma, err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

// TestQueryPlans checks that the hot queries search an index rather than
// scan a table.
func TestQueryPlans(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	for _, c := range []struct{ query, want string }{
		{`SELECT e.body FROM listings l JOIN events e ON e.seq = l.event_seq
			WHERE l.platform = 'p1' AND l.product = 'p' AND l.ts_us > 1 AND l.ts_us <= 2
				AND l.original_price_fen IS NOT NULL
			ORDER BY l.ts_us, l.event_seq LIMIT 100`,
			"SEARCH l USING INDEX listings_product_ts (platform=? AND product=? AND ts_us>? AND ts_us<?)"},
		{`SELECT body FROM events WHERE platform = 'p1' AND room = 'r1' AND ts_us >= 1 ORDER BY ts_us, seq LIMIT 10`,
			"SEARCH events USING INDEX events_room_ts (platform=? AND room=? AND ts_us>?)"},
		{`SELECT type, n FROM room_events WHERE platform = 'p1' AND room = 'r1'`,
			"SEARCH room_events USING PRIMARY KEY (platform=? AND room=?)"},
		{`SELECT COUNT(*) FROM orders WHERE platform = 'p1' AND user_id = 'u1' AND ts_us < 2`,
			"SEARCH orders USING COVERING INDEX orders_user_ts (platform=? AND user_id=? AND ts_us<?)"},
		{`SELECT COUNT(*), CAST(COALESCE(SUM(qty), 0) AS BIGINT) FROM orders WHERE platform = 'p1' AND room = 'r1' AND ts_us < 2`,
			"SEARCH orders USING INDEX orders_room_ts (platform=? AND room=? AND ts_us<?)"},
	} {
		rows, err := s.DB().Query("EXPLAIN QUERY PLAN " + c.query)
		if err != nil {
			t.Fatalf("EXPLAIN: %v", err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if !strings.Contains(strings.Join(plan, "\n"), c.want) {
			t.Errorf("plan of %s =\n%s\nwant %q", c.query, strings.Join(plan, "\n"), c.want)
		}
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN") || strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("plan of %s has %q", c.query, step)
			}
		}
	}
}

func TestPragmas(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	ctx := context.Background()
	for _, c := range []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"synchronous", "2"}, // FULL
		{"busy_timeout", fmt.Sprint(sqlite.BusyTimeout.Milliseconds())},
	} {
		var got string
		if err := s.DB().QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", c.pragma, err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	ev := qinglang.Event{Type: qinglang.Speech, ID: "e1", Platform: "p1", Room: "r1", TS: time.Now(), Speaker: "h", Text: "x"}
	if _, err := tx.AddEvent(ctx, &ev, "o1"); err != nil {
		t.Fatalf("AddEvent: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s, err = sqlite.Open(ctx, path) // migrations already applied: a no-op
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	evs, err := s.Events(ctx, qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if err != nil || len(evs) != 1 || evs[0].ID != "e1" {
		t.Errorf("Events after reopen = %v, %v; want e1", evs, err)
	}
}

func TestClockStampsDetectedAt(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	ctx := context.Background()
	fixed := time.Date(2025, 6, 12, 12, 0, 0, 123456789, time.UTC)
	s.Now = func() time.Time { return fixed }
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	f := qinglang.Finding{Kind: qinglang.KindClaim, Rule: "r", Severity: qinglang.SeverityLow, Platform: "p1", Room: "r1", TS: fixed}
	if _, err := tx.AddFinding(ctx, &f); err != nil {
		t.Fatalf("AddFinding: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	want := fixed.Truncate(time.Microsecond)
	if !f.DetectedAt.Equal(want) {
		t.Errorf("DetectedAt = %v, want %v (the store's clock, to the microsecond)", f.DetectedAt, want)
	}
	got, err := s.Finding(ctx, f.ID)
	if err != nil || !got.DetectedAt.Equal(want) {
		t.Errorf("stored DetectedAt = %v, %v; want %v", got.DetectedAt, err, want)
	}
}

func TestOpenRejectsBadPaths(t *testing.T) {
	ctx := context.Background()
	for _, p := range []string{"", "a?b.db"} {
		_, err := sqlite.Open(ctx, p)
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("Open(%q) = %v, want an EINVALID error", p, err)
		}
	}
	_, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "missing", "dir", "q.db"))
	if err == nil {
		t.Error("Open in a missing directory succeeded, want an error")
	} else if !strings.Contains(err.Error(), "SQLite") {
		t.Errorf("Open error %q does not name SQLite", err)
	}
}

func TestOpenRejectsNonDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := sqlite.Open(context.Background(), path); err == nil {
		s.Close()
		t.Fatal("Open of a text file succeeded, want an error")
	}
}

// TestWriterWaitsForWriter checks that a second writer waits for the first
// instead of failing with SQLITE_BUSY. A transaction takes the write lock at
// its first statement (see sqlstore.Store.Begin), so the first writer writes
// before the second starts.
func TestWriterWaitsForWriter(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	ctx := context.Background()
	tx1, err := s.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin 1: %v", err)
	}
	ev := qinglang.Event{Type: qinglang.Comment, ID: "e1", Platform: "p1", Room: "r1", TS: time.Now(), User: "u", Text: "1"}
	if _, err := tx1.AddEvent(ctx, &ev, "o1"); err != nil {
		t.Fatalf("AddEvent 1: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		tx2, err := s.Begin(ctx)
		if err != nil {
			done <- err
			return
		}
		ev := qinglang.Event{Type: qinglang.Comment, ID: "e2", Platform: "p1", Room: "r1", TS: time.Now(), User: "u", Text: "2"}
		if _, err := tx2.AddEvent(ctx, &ev, "o2"); err != nil {
			done <- err
			return
		}
		done <- tx2.Commit()
	}()
	select {
	case err := <-done:
		t.Fatalf("second writer finished (%v) while the first held the write lock", err)
	case <-time.After(200 * time.Millisecond):
	}
	// Readers are not blocked by the writer (WAL).
	if _, err := s.Events(ctx, qinglang.EventFilter{Platform: "p1", Room: "r1"}); err != nil {
		t.Fatalf("read during a write: %v", err)
	}
	if err := tx1.Commit(); err != nil {
		t.Fatalf("Commit 1: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("second writer: %v", err)
	}
	evs, err := s.Events(ctx, qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if err != nil || len(evs) != 2 {
		t.Errorf("Events = %d, %v; want both writers' events", len(evs), err)
	}
}

// A transaction that never ran a statement takes no lock: committing or
// rolling it back does not hold up the next writer, and a second Commit
// is an error.
func TestEmptyTransactionsTakeNoLock(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		tx, err := s.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			err = tx.Commit()
		} else {
			err = tx.Rollback()
		}
		if err != nil {
			t.Fatalf("ending an empty transaction: %v", err)
		}
		if i == 0 && tx.Commit() == nil {
			t.Error("a second Commit must fail")
		}
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ev := qinglang.Event{Type: qinglang.Comment, ID: "e1", Platform: "p1", Room: "r1", TS: time.Now(), User: "u", Text: "1"}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := tx.AddEvent(wctx, &ev, "o1"); err != nil {
		t.Fatalf("a writer after empty transactions waited: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}
