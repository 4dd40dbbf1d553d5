// Package postgres opens Qinglang's store on PostgreSQL (pgx through
// database/sql): the engine for many workers. The SQL itself lives in
// package sqlstore; this package connects and migrates the schema.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlstore"
)

// MaxConns bounds the connections one process opens.
const MaxConns = 20

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is PostgreSQL's sqlstore dialect.
var Dialect = sqlstore.Dialect{
	Name:        "postgres",
	Placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
	Transient:   transient,
	// Workers of different partitions write side by side: an order and a
	// listing of one product must not miss each other (sqlstore.Dialect).
	ProductLockSQL: "SELECT pg_advisory_xact_lock(?)",
}

// Open connects to the PostgreSQL database at url (a postgres:// URL or a
// keyword/value string, as libpq takes), brings its schema up to date and
// returns the store. Add search_path=NAME to the URL to keep Qinglang's
// tables in schema NAME (which must exist). Several processes may Open the
// same database at once: migrations run under an advisory lock.
func Open(ctx context.Context, url string) (*sqlstore.Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// The URL may hold a password: the error does not repeat it.
		return nil, qinglang.Errorf(qinglang.EINVALID, "PostgreSQL 连接地址无效", "invalid PostgreSQL connection URL")
	}
	where := cfg.Host + ":" + strconv.Itoa(int(cfg.Port)) + "/" + cfg.Database
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(MaxConns)
	db.SetMaxIdleConns(MaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法连接 PostgreSQL（%s）", "cannot connect to PostgreSQL (%s)", where)
	}
	if err := migrate(ctx, db); err != nil {
		_ = db.Close()
		return nil, qinglang.Wrap(qinglang.Code(err), err, "PostgreSQL（%s）的结构升级失败", "migrating PostgreSQL (%s) failed", where)
	}
	s, err := sqlstore.New(ctx, db, Dialect)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// migrate applies the embedded migrations that db has not had yet, holding
// a session advisory lock so that concurrent processes migrate one at a
// time.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "读取内置迁移文件失败", "reading the embedded migrations failed")
	}
	// Try every second for up to five minutes.
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "准备迁移锁失败", "preparing the migration lock failed")
	}
	return sqlstore.Migrate(ctx, db, goose.DialectPostgres, fsys, transient, goose.WithSessionLocker(locker))
}

// transient reports whether err means PostgreSQL cannot serve now and the
// operation may succeed if tried again: the connection failed or was lost,
// the server is starting or shutting down or out of resources, or the
// transaction lost a serialization conflict or a deadlock.
func transient(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			strings.HasPrefix(pe.Code, "53"),       // insufficient resources
			strings.HasPrefix(pe.Code, "57P"),      // admin or crash shutdown, cannot connect now
			pe.Code == "40001", pe.Code == "40P01", // serialization failure, deadlock
			pe.Code == "55P03": // lock not available
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.Timeout(err) || pgconn.SafeToRetry(err)
}
