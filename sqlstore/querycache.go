package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// queryCache holds the prepared statements of queries whose text is built
// at run time from a filter (Records, AuditEntries). The texts come from a
// bounded set (one per combination of filter fields), so the cache stays
// small, and each query is parsed by the database once instead of on every
// call: a measured share of the enforcement stage's time went to parsing.
type queryCache struct {
	m sync.Map // rebound query text → *sql.Stmt
}

// query runs the query q (already rebound) with args through its cached
// prepared statement.
func (c *queryCache) query(ctx context.Context, db *sql.DB, q string, args ...any) (*sql.Rows, error) {
	if v, ok := c.m.Load(q); ok {
		return v.(*sql.Stmt).QueryContext(ctx, args...)
	}
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if v, loaded := c.m.LoadOrStore(q, st); loaded {
		_ = st.Close()
		st = v.(*sql.Stmt)
	}
	return st.QueryContext(ctx, args...)
}

// close closes every cached statement.
func (c *queryCache) close() {
	c.m.Range(func(k, v any) bool {
		_ = v.(*sql.Stmt).Close()
		c.m.Delete(k)
		return true
	})
}
