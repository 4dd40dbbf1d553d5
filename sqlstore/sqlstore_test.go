package sqlstore

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestRebind(t *testing.T) {
	dollar := func(n int) string { return "$" + strconv.Itoa(n) }
	cases := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b = ?", "a = $1 AND b = $2"},
		{"x = '?' AND y = ?", "x = '?' AND y = $1"},
		{"t = 'it''s ?' OR u IN (?, ?)", "t = 'it''s ?' OR u IN ($1, $2)"},
	}
	for _, c := range cases {
		if got := rebind(c.in, dollar); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := rebind("a = ?", func(int) string { return "?" }); got != "a = ?" {
		t.Errorf("rebind with ? placeholders = %q, want it unchanged", got)
	}
}

func TestStatementsRebindForPostgres(t *testing.T) {
	dollar := func(n int) string { return "$" + strconv.Itoa(n) }
	for i := range stmtSQL {
		q := dialectSQL(Dialect{}, i) // not SingleWriter: PostgreSQL's statements
		if q == "" {
			t.Errorf("statement %d has no SQL", i)
			continue
		}
		got := rebind(q, dollar)
		for _, r := range got {
			if r == '?' {
				t.Errorf("statement %d keeps a ? after rebinding: %s", i, got)
				break
			}
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	for _, seq := range []int64{1, 42, 1 << 40} {
		got, err := decodeCursor(encodeCursor(seq))
		if err != nil || got != seq {
			t.Errorf("decodeCursor(encodeCursor(%d)) = %d, %v", seq, got, err)
		}
	}
	for _, bad := range []string{"x", "!!!", encodeCursor(0), encodeCursor(-3), "czE6YWJj" /* s1:abc */, "MTI" /* 12, no prefix */} {
		if _, err := decodeCursor(bad); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("decodeCursor(%q) error = %v, want EINVALID", bad, err)
		}
	}
}

func TestZonedKeepsOffset(t *testing.T) {
	cst := time.FixedZone("", 8*3600)
	orig := time.Date(2025, 6, 12, 20, 1, 2, 345678000, cst)
	got := zoned(micros(orig), 8*3600)
	if !got.Equal(orig) || got.Format(time.RFC3339Nano) != orig.Format(time.RFC3339Nano) {
		t.Errorf("zoned = %s, want %s", got.Format(time.RFC3339Nano), orig.Format(time.RFC3339Nano))
	}
	if z := zoned(micros(orig), 0); z.Location() != time.UTC || !z.Equal(orig) {
		t.Errorf("zoned(offset 0) = %v, want the same instant in UTC", z)
	}
}

func TestPlatformOr(t *testing.T) {
	if got := platformOr(""); got != qinglang.DefaultPlatform {
		t.Errorf("platformOr(\"\") = %q, want %q", got, qinglang.DefaultPlatform)
	}
	if got := platformOr("p1"); got != "p1" {
		t.Errorf("platformOr(p1) = %q", got)
	}
}

func TestWrapClassifies(t *testing.T) {
	busy := errors.New("busy")
	s := &Store{d: Dialect{Name: "test", Transient: func(err error) bool { return errors.Is(err, busy) }}}
	cases := []struct {
		err  error
		want qinglang.ErrorCode
	}{
		{busy, qinglang.EUNAVAILABLE},
		{fmt.Errorf("deep: %w", driver.ErrBadConn), qinglang.EUNAVAILABLE},
		{context.DeadlineExceeded, qinglang.EUNAVAILABLE},
		{errors.New("syntax error"), qinglang.EINTERNAL},
	}
	for _, c := range cases {
		err := s.wrap(c.err, "写入%s失败", "writing %s failed", "x")
		if qinglang.Code(err) != c.want {
			t.Errorf("wrap(%v) code = %q, want %q", c.err, qinglang.Code(err), c.want)
		}
		if !errors.Is(err, c.err) {
			t.Errorf("wrap(%v) lost the cause", c.err)
		}
		var qe *qinglang.Error
		if !errors.As(err, &qe) || qe.Message != "写入x失败" || qe.MessageEN != "writing x failed" {
			t.Errorf("wrap(%v) = %v, want both messages naming the operation", c.err, err)
		}
	}
}

func TestNewRejectsNilDB(t *testing.T) {
	if _, err := New(context.Background(), nil, Dialect{}); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("New(nil) = %v, want EINVALID", err)
	}
}

func TestChunkSize(t *testing.T) {
	for _, c := range []struct{ n, want int }{{1, 1}, {2, 2}, {3, 2}, {150, 128}, {511, 256}, {512, 512}, {1200, 512}} {
		if got := chunkSize(c.n); got != c.want {
			t.Errorf("chunkSize(%d) = %d, want %d", c.n, got, c.want)
		}
	}
	// Every chunk size has its prepared statement.
	for n := 1; n <= 2*ChunkRows; n++ {
		if size := chunkSize(n); size > n || size&(size-1) != 0 || size > ChunkRows {
			t.Fatalf("chunkSize(%d) = %d, want a power of two <= min(n, %d)", n, size, ChunkRows)
		}
	}
}

func TestBuildMultiRow(t *testing.T) {
	dollar := func(n int) string { return "$" + strconv.Itoa(n) }
	got := buildMultiRow(multiRow{head: "INSERT INTO t (a, b) VALUES ", cols: 2, tail: " ON CONFLICT DO NOTHING"}, 3, dollar)
	want := "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6) ON CONFLICT DO NOTHING"
	if got != want {
		t.Errorf("buildMultiRow = %q, want %q", got, want)
	}
	for w, m := range multiRows {
		if m.cols*ChunkRows > 32766 {
			t.Errorf("write %d: %d parameters per full chunk, over SQLite's limit", w, m.cols*ChunkRows)
		}
	}
}
