package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/postgres"
	"github.com/qinglang/qinglang/sqlstore"
	"github.com/qinglang/qinglang/storetest"
)

// testURL returns the database the tests may use, from
// QINGLANG_TEST_POSTGRES. Without it the test is skipped, except in CI
// (CI=true), where it fails.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("QINGLANG_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("QINGLANG_TEST_POSTGRES is not set; CI must run the PostgreSQL tests")
		}
		t.Skip("QINGLANG_TEST_POSTGRES is not set")
	}
	return u
}

// withSearchPath returns dsn (a URL or a keyword/value string) with the
// search_path set to schema.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("QINGLANG_TEST_POSTGRES is not a valid URL: %v", err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

// openSchema opens a store in a schema of its own, dropped when the test
// ends, so that tests run repeatedly and beside other packages' tests.
func openSchema(t testing.TB) *sqlstore.Store {
	t.Helper()
	dsn := testURL(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("sql.Open: %v", err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "qinglang_test_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("CREATE SCHEMA: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("DROP SCHEMA %s: %v", schema, err)
		}
		admin.Close()
	})
	s, err := postgres.Open(ctx, withSearchPath(t, dsn, schema))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	testURL(t) // skip (or fail in CI) once, not per subtest
	storetest.Run(t, func(t *testing.T) qinglang.Store { return openSchema(t) })
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	_, err := postgres.Open(ctx, "postgres://user:s3cret@127.0.0.1:5432/db?sslmode=bogus")
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("Open(bad URL) = %v, want EINVALID", err)
	}
	if err != nil && strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open error %q repeats the password", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err = postgres.Open(ctx, "postgres://user:s3cret@127.0.0.1:1/db?sslmode=disable&connect_timeout=2")
	if qinglang.Code(err) != qinglang.EUNAVAILABLE {
		t.Errorf("Open(nothing listening) = %v, want EUNAVAILABLE", err)
	}
	if err != nil && strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open error %q repeats the password", err)
	}
}

// TestOpenTwiceMigratesOnce opens the same schema from two goroutines at
// once, as two workers starting together do.
func TestOpenTwiceMigratesOnce(t *testing.T) {
	first := openSchema(t)
	defer first.Close()
	var schema string
	if err := first.DB().QueryRow("SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatalf("current_schema: %v", err)
	}
	dsn := withSearchPath(t, testURL(t), schema)
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			s, err := postgres.Open(context.Background(), dsn)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
}

// TestConcurrentTransactionsSameID holds two transactions open at once, both
// inserting the same (platform, id): the second waits on the first and,
// once the first commits, is told false.
func TestConcurrentTransactionsSameID(t *testing.T) {
	s := openSchema(t)
	defer s.Close()
	ctx := context.Background()
	ev := func(text string) *qinglang.Event {
		return &qinglang.Event{Type: qinglang.Comment, ID: "same", Platform: "p1", Room: "r1",
			TS: time.Date(2025, 6, 12, 20, 0, 0, 0, time.UTC), User: "u1", Text: text}
	}
	tx1, err := s.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin 1: %v", err)
	}
	defer tx1.Rollback()
	if added, err := tx1.AddEvent(ctx, ev("一"), "o1"); err != nil || !added {
		t.Fatalf("AddEvent in tx1 = %v, %v; want true", added, err)
	}
	type result struct {
		added bool
		err   error
	}
	second := make(chan result, 1)
	go func() {
		tx2, err := s.Begin(ctx)
		if err != nil {
			second <- result{err: err}
			return
		}
		defer tx2.Rollback()
		added, err := tx2.AddEvent(ctx, ev("二"), "o2")
		if err == nil {
			err = tx2.Commit()
		}
		second <- result{added, err}
	}()
	select {
	case r := <-second:
		t.Fatalf("second transaction finished (%v, %v) while the first held the id", r.added, r.err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx1.Commit(); err != nil {
		t.Fatalf("Commit 1: %v", err)
	}
	r := <-second
	if r.err != nil || r.added {
		t.Errorf("second transaction = %v, %v; want false, nil", r.added, r.err)
	}
	evs, err := s.Events(ctx, qinglang.EventFilter{Platform: "p1", Room: "r1"})
	if err != nil || len(evs) != 1 || evs[0].Text != "一" {
		t.Errorf("Events = %+v, %v; want the first transaction's event only", evs, err)
	}
}

// BenchmarkAddEvents writes batches of 1000 mixed events to PostgreSQL with
// AddEvents, one transaction per batch, as a worker does, and reports
// events/s.
func BenchmarkAddEvents(b *testing.B) {
	s := openSchema(b)
	defer s.Close()
	storetest.BenchAddEvents(b, s, 1000)
}

// BenchmarkAddEventEach is BenchmarkAddEvents with one AddEvent per event.
func BenchmarkAddEventEach(b *testing.B) {
	s := openSchema(b)
	defer s.Close()
	storetest.BenchAddEventEach(b, s, 1000)
}
