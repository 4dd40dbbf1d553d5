// Package sqlstore implements qinglang.Store over database/sql. The SQL is
// shared by both engines; a small Dialect value holds what differs
// (placeholders and which errors mean "unavailable, try again"). Packages
// sqlite and postgres open the database, run their migrations and hand the
// *sql.DB to New.
//
// Times are stored as UTC unix microseconds so that ordering and range
// queries are correct whatever offset an event was sent with; each event is
// also kept as JSON, so it comes back exactly as sent, offset included.
package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Dialect is what differs between the SQL engines.
type Dialect struct {
	// Name names the engine in errors and logs ("sqlite", "postgres").
	Name string
	// Placeholder returns the n-th (1-based) bind parameter, e.g. "?" or
	// "$1". The shared SQL is written with "?" and rewritten once with it.
	Placeholder func(n int) string
	// Transient reports whether err means the database cannot serve now
	// (connection lost, busy, shutting down, deadlock) so that the caller may
	// try again. Nil means only the engine-independent cases are transient.
	Transient func(err error) bool
	// SingleWriter means the engine runs one write transaction at a time
	// (SQLite). The Store then queues writers itself: SQLite's busy
	// handler would make them sleep in growing steps instead, leaving the
	// database idle while a writer waits. It also needs no locks of its
	// own for enforcement records and the audit log; an engine that is not
	// SingleWriter runs PostgreSQL's SQL there (sideBySideSQL: row locks,
	// a sequence, and the advisory lock AuditLockKey).
	SingleWriter bool
	// ProductLockSQL, when set, takes a lock held until the transaction
	// ends, keyed by its one int64 parameter (a product on a platform).
	// Engines that run write transactions side by side need it so that an
	// order and a listing of one product written at the same time see
	// each other (PostgreSQL: pg_advisory_xact_lock).
	ProductLockSQL string
}

// Store is qinglang.Store over a *sql.DB. It is safe for concurrent use.
type Store struct {
	// Now is the clock that stamps Finding.DetectedAt; tests swap it.
	Now func() time.Time

	db *sql.DB
	d  Dialect
	// writer is a one-slot semaphore held by the open write transaction
	// when the dialect is SingleWriter.
	writer chan struct{}
	stmts  [numStmts]*sql.Stmt
	multi  multiRowCache
	built  queryCache
}

var _ qinglang.Store = (*Store)(nil)

// New prepares the statements the store needs on db, whose schema must be
// migrated already, and returns the store. The store owns db from then on:
// Close closes it.
func New(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	if db == nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "没有数据库连接", "no database handle")
	}
	if d.Placeholder == nil {
		d.Placeholder = func(int) string { return "?" }
	}
	s := &Store{Now: time.Now, db: db, d: d}
	if d.SingleWriter {
		s.writer = make(chan struct{}, 1)
	}
	for i := range stmtSQL {
		st, err := db.PrepareContext(ctx, s.rebind(dialectSQL(d, i)))
		if err != nil {
			s.closeStmts()
			return nil, s.wrap(err, "预编译 SQL 语句 %d 失败（%s）", "preparing SQL statement %d failed (%s)", i, d.Name)
		}
		s.stmts[i] = st
	}
	if err := s.multi.prepare(ctx, db, d.Placeholder); err != nil {
		s.closeStmts()
		return nil, s.wrap(err, "预编译多行写入语句失败（%s）", "preparing the multi-row statements failed (%s)", d.Name)
	}
	return s, nil
}

// DB returns the underlying database handle (for operational tools and
// tests; the store's own methods are the way to read and write).
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the dialect the store was opened with.
func (s *Store) Dialect() Dialect { return s.d }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return s.wrap(err, "数据库（%s）无法连接", "database (%s) is not reachable", s.d.Name)
	}
	return nil
}

// Close releases the prepared statements and closes the database.
func (s *Store) Close() error {
	s.closeStmts()
	if err := s.db.Close(); err != nil {
		return s.wrap(err, "关闭数据库（%s）失败", "closing the database (%s) failed", s.d.Name)
	}
	return nil
}

func (s *Store) closeStmts() {
	s.multi.close()
	s.built.close()
	for i, st := range s.stmts {
		if st != nil {
			_ = st.Close()
			s.stmts[i] = nil
		}
	}
}

// Begin starts a write transaction. The database transaction itself (and,
// for a SingleWriter engine, the writer slot; on SQLite the write lock,
// BEGIN IMMEDIATE) is taken at the transaction's first statement, so that
// AddEvents validates and encodes its batch before it holds the lock that
// other writers wait for.
func (s *Store) Begin(ctx context.Context) (qinglang.Tx, error) {
	if err := ctx.Err(); err != nil {
		return nil, s.wrap(err, "开始事务失败", "beginning a transaction failed")
	}
	return &Tx{s: s, ctx: ctx}, nil
}

// beginTx takes the writer slot (SingleWriter engines) and begins the
// database transaction.
func (s *Store) beginTx(ctx context.Context) (*sql.Tx, error) {
	if s.writer != nil {
		select {
		case s.writer <- struct{}{}:
		case <-ctx.Done():
			return nil, s.wrap(ctx.Err(), "等待写事务超时", "waiting for the write transaction timed out")
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		s.endWrite()
		return nil, s.wrap(err, "开始事务失败", "beginning a transaction failed")
	}
	return tx, nil
}

// endWrite frees the writer slot taken by beginTx.
func (s *Store) endWrite() {
	if s.writer != nil {
		<-s.writer
	}
}

// now returns the store clock's time in UTC at the precision stored.
func (s *Store) now() time.Time {
	clock := s.Now
	if clock == nil {
		clock = time.Now
	}
	return clock().UTC().Truncate(time.Microsecond)
}

// rebind rewrites the "?" placeholders of q into the dialect's, leaving
// quoted literals alone.
func (s *Store) rebind(q string) string {
	return rebind(q, s.d.Placeholder)
}

func rebind(q string, placeholder func(int) string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, quoted := 0, false
	for _, r := range q {
		switch {
		case r == '\'':
			quoted = !quoted
			b.WriteRune(r)
		case r == '?' && !quoted:
			n++
			b.WriteString(placeholder(n))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrap turns a database error into a *qinglang.Error: EUNAVAILABLE when the
// database cannot serve now (the caller may retry), EINTERNAL otherwise.
// zh and en name the operation that failed.
func (s *Store) wrap(err error, zh, en string, args ...any) error {
	code := qinglang.EINTERNAL
	if s.transient(err) {
		code = qinglang.EUNAVAILABLE
	}
	return qinglang.Wrap(code, err, zh, en, args...)
}

func (s *Store) transient(err error) bool {
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return true
	}
	return s.d.Transient != nil && s.d.Transient(err)
}

// micros converts t to the stored form: UTC unix microseconds.
func micros(t time.Time) int64 { return t.UnixMicro() }

// fromMicros converts a stored time back, in UTC.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// nullMicros stores an optional time.
func nullMicros(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMicro()
}

// nullInt stores an optional integer.
func nullInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// nullText stores an empty string as NULL.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// platformOr returns p, or the default platform when p is empty, as the
// contract does for events that name none.
func platformOr(p string) string {
	if p == "" {
		return qinglang.DefaultPlatform
	}
	return p
}

// zoned returns the stored instant us in the zone offset off (seconds east
// of UTC), as the event that carried it was sent.
func zoned(us, off int64) time.Time {
	t := time.UnixMicro(us)
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(off)))
}

// pageLimit checks the limit of a listing: 0 means def, and anything below
// 0 or above max is an EINVALID error naming the range.
func pageLimit(limit, def, max int) (int, error) {
	switch {
	case limit == 0:
		return def, nil
	case limit < 0 || limit > max:
		return 0, qinglang.Errorf(qinglang.EINVALID,
			"limit 必须在 1 到 %d 之间（收到 %d）", "limit must be between 1 and %d (got %d)", max, limit)
	}
	return limit, nil
}
