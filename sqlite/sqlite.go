// Package sqlite opens Qinglang's store on SQLite (modernc.org/sqlite, pure
// Go): the default engine, needing no setup. The SQL itself lives in package
// sqlstore; this package sets the engine up and migrates its schema.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlstore"
)

// Memory is the path of a private in-memory database (for an offline scan).
const Memory = ":memory:"

// BusyTimeout is how long a writer waits for another to finish before its
// BEGIN fails.
const BusyTimeout = 15 * time.Second

// maxConns bounds the pool of a file database: one writer at a time, the
// others readers (WAL lets readers run beside the writer).
const maxConns = 8

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's sqlstore dialect.
var Dialect = sqlstore.Dialect{
	Name:        "sqlite",
	Placeholder: func(int) string { return "?" },
	Transient:   transient,
	// One writer at a time: see sqlstore.Dialect.SingleWriter.
	SingleWriter: true,
}

// Open opens (creating if needed) the SQLite database at path, brings its
// schema up to date and returns the store. Every commit is durable (see
// DSN). path ":memory:" is a private in-memory database held by a single
// connection, so that every use sees the same data; there, a read made
// while a transaction is open waits until the transaction ends.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	return open(ctx, path, true)
}

// OpenScratch opens a throwaway store at path, as Open does but without
// durability (see ScratchDSN): for an offline scan, whose store is deleted
// after the run. A crash or power cut may leave the file corrupt; a
// transaction still commits or rolls back as a whole while the process
// runs. It is several times faster than Open for writes.
func OpenScratch(ctx context.Context, path string) (*sqlstore.Store, error) {
	return open(ctx, path, false)
}

func open(ctx context.Context, path string, durable bool) (*sqlstore.Store, error) {
	dsn, err := dsn(path, durable)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "打开 SQLite 数据库 %s 失败", "opening the SQLite database %s failed", path)
	}
	if path == Memory {
		// Each connection to ":memory:" is a database of its own.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	} else {
		db.SetMaxOpenConns(maxConns)
		db.SetMaxIdleConns(maxConns)
	}
	if err := migrate(ctx, db); err != nil {
		_ = db.Close()
		return nil, qinglang.Wrap(qinglang.Code(err), err, "SQLite 数据库 %s 的结构升级失败", "migrating the SQLite database %s failed", path)
	}
	s, err := sqlstore.New(ctx, db, Dialect)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// DSN returns the modernc.org/sqlite data source name Open uses for path:
//
//   - journal_mode=WAL: readers do not block the writer nor it them.
//   - synchronous=FULL: a worker acknowledges a batch to the log only after
//     Commit returns, so a committed transaction must survive a power cut;
//     WAL with synchronous=NORMAL could lose the last commits, and the log
//     would not redeliver them. FULL syncs the WAL at every commit.
//   - busy_timeout: a writer waits for the one holding the lock.
//   - temp_store=MEMORY: statement journals (each INSERT … ON CONFLICT
//     keeps one) stay in memory rather than in a temporary file.
//   - cache_size: 32 MiB of page cache per connection.
//   - _txlock=immediate: BEGIN takes the write lock at once, so concurrent
//     writers queue on busy_timeout rather than failing with SQLITE_BUSY when
//     a read transaction tries to upgrade to a write.
func DSN(path string) (string, error) { return dsn(path, true) }

// ScratchDSN returns the data source name OpenScratch uses for path: as
// DSN, but with journal_mode=MEMORY (the rollback journal stays in memory,
// so Rollback works, but a crash mid-commit corrupts the file) and
// synchronous=OFF (nothing is synced), and 64 MiB of page cache.
func ScratchDSN(path string) (string, error) { return dsn(path, false) }

func dsn(path string, durable bool) (string, error) {
	switch {
	case path == "":
		return "", qinglang.Errorf(qinglang.EINVALID, "没有指定 SQLite 数据库文件", "no SQLite database file given")
	case strings.ContainsRune(path, '?'):
		return "", qinglang.Errorf(qinglang.EINVALID, "SQLite 数据库路径不能包含 '?'：%s", "the SQLite database path must not contain '?': %s", path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(BusyTimeout.Milliseconds(), 10)+")")
	if durable {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", "cache_size(-32768)")
	} else {
		q.Add("_pragma", "journal_mode(MEMORY)")
		q.Add("_pragma", "synchronous(OFF)")
		q.Add("_pragma", "cache_size(-65536)")
	}
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	return path + "?" + q.Encode(), nil
}

// migrate applies the embedded migrations that db has not had yet.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "读取内置迁移文件失败", "reading the embedded migrations failed")
	}
	return sqlstore.Migrate(ctx, db, goose.DialectSQLite3, fsys, transient)
}

// transient reports whether err is SQLite saying "busy, try again": the
// database is locked by another connection or process for longer than
// busy_timeout.
func transient(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff { // the primary code of an extended one
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}
