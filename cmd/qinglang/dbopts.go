package main

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/server"
)

// dbOpts name serve's database for the commands that work on it directly
// (campaigns, token, audit).
type dbOpts struct {
	db, dataDir string
}

func (o *dbOpts) flags(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.db, "db", env("QINGLANG_DB", ""), "数据库：postgres://… 或 sqlite:路径；空则为数据目录中的 SQLite / database: postgres://… or sqlite:PATH; empty for SQLite in the data dir [QINGLANG_DB]")
	f.StringVar(&o.dataDir, "data-dir", env("QINGLANG_DATA_DIR", "qinglang-data"), "serve 的数据目录 / the data directory of serve [QINGLANG_DATA_DIR]")
}

// open opens the store. Unless create is set it refuses to create an
// SQLite file that is not there: a mistyped directory would otherwise
// look like an empty store.
func (o *dbOpts) open(ctx context.Context, create bool) (qinglang.Store, error) {
	path, err := server.SQLitePath(o.db, o.dataDir)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	if path != "" {
		if _, err := os.Stat(path); err != nil && !create {
			return nil, usageError("没有找到数据库 %s（用 --data-dir 或 --db 指定 serve 的数据库）/ no database at %s (name serve's with --data-dir or --db)", path, path)
		}
		if create && o.db == "" {
			if err := os.MkdirAll(o.dataDir, 0o750); err != nil {
				return nil, &exitError{code: exitFailure, err: err}
			}
		}
	}
	store, err := server.OpenStore(ctx, o.db, o.dataDir)
	if err != nil {
		return nil, &exitError{code: exitCode(err), err: err}
	}
	return store, nil
}
