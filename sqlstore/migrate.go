package sqlstore

import (
	"context"
	"database/sql"
	"io/fs"

	"github.com/pressly/goose/v3"

	"github.com/qinglang/qinglang"
)

// Migrate brings db's schema up to date with goose from the dialect's
// migration files. transient tells a "try again" failure (EUNAVAILABLE)
// from a broken migration (EINTERNAL).
func Migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect, migrations fs.FS, transient func(error) bool, opts ...goose.ProviderOption) error {
	p, err := goose.NewProvider(dialect, db, migrations, opts...)
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "准备数据库迁移失败", "preparing the migrations failed")
	}
	if _, err := p.Up(ctx); err != nil {
		code := qinglang.EINTERNAL
		if transient != nil && transient(err) {
			code = qinglang.EUNAVAILABLE
		}
		return qinglang.Wrap(code, err, "执行数据库迁移失败", "running the migrations failed")
	}
	return nil
}
