package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Page sizes of SpotChecks.
const (
	DefaultSpotChecksLimit = 100
	MaxSpotChecksLimit     = 1000
)

// spotCheckCursorPrefix versions the spot checks' cursor format.
const spotCheckCursorPrefix = "k1:"

// spotCheckColumns are the columns a SpotCheckRecord is read from, body
// last.
const spotCheckColumns = "seq, id, product, batch, platform, pass, tested_us, recorded_us"

// AddSpotCheck stores the recorded spot-check result rec under rec.ID,
// with a new seq (the results recorded last come first). A result whose id
// is stored already is not written again and it reports false. It sets
// rec.RecordedAt (from Store.Now, or the stored one when not added) and an
// empty Platform to the default platform. rec.Body is stored as is; it
// must be JSON, so an empty or nil Body is an EINVALID error, and so is a
// record without an id, a product or a test time.
func (t *Tx) AddSpotCheck(ctx context.Context, rec *qinglang.SpotCheckRecord) (bool, error) {
	if err := prepareSpotCheck(rec); err != nil {
		return false, err
	}
	if err := t.open(); err != nil {
		return false, err
	}
	recorded := t.s.now()
	res, err := t.stmt(ctx, stmtInsertSpotCheck).ExecContext(ctx,
		rec.ID, rec.Product, rec.Batch, rec.Platform, rec.Pass, micros(rec.TestedAt), micros(recorded), string(rec.Body))
	if err != nil {
		return false, t.s.wrap(err, "写入抽检结果 %s 失败", "storing spot-check result %s failed", rec.ID)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, t.s.wrap(err, "写入抽检结果 %s 失败", "storing spot-check result %s failed", rec.ID)
	}
	if n > 0 {
		rec.RecordedAt = recorded
		return true, nil
	}
	var us int64
	if err := t.stmt(ctx, stmtSpotCheckRecorded).QueryRowContext(ctx, rec.ID).Scan(&us); err != nil {
		return false, t.s.wrap(err, "读取抽检结果 %s 失败", "reading spot-check result %s failed", rec.ID)
	}
	rec.RecordedAt = fromMicros(us)
	return false, nil
}

// prepareSpotCheck checks rec and sets its default platform.
func prepareSpotCheck(rec *qinglang.SpotCheckRecord) error {
	if rec == nil {
		return qinglang.Errorf(qinglang.EINVALID, "抽检记录为空", "the spot-check record is nil")
	}
	if rec.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "抽检记录缺少 id", "the spot-check record has no id")
	}
	if rec.Product == "" {
		return qinglang.Errorf(qinglang.EINVALID, "抽检记录 %s 缺少商品 product", "spot-check record %s has no product", rec.ID)
	}
	if rec.TestedAt.IsZero() {
		return qinglang.Errorf(qinglang.EINVALID, "抽检记录 %s 缺少检测时间 tested_at", "spot-check record %s has no test time (tested_at)", rec.ID)
	}
	if !json.Valid(rec.Body) {
		return qinglang.Errorf(qinglang.EINVALID, "抽检记录 %s 的内容 body 不是有效的 JSON", "the body of spot-check record %s is not valid JSON", rec.ID)
	}
	rec.Platform = platformOr(rec.Platform)
	return nil
}

// LatestSpotCheck returns the spot-check result of the product, on any
// platform, with the latest TestedAt at or before at (among equal test
// times the one recorded last), or nil when there is none. It sees this
// transaction's own writes. Times come back in UTC.
func (t *Tx) LatestSpotCheck(ctx context.Context, product string, at time.Time) (*qinglang.SpotCheckRecord, error) {
	if err := t.open(); err != nil {
		return nil, err
	}
	rec, _, err := scanSpotCheck(t.stmt(ctx, stmtLatestSpotCheck).QueryRowContext(ctx, product, micros(at)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, t.s.wrap(err, "查询商品 %s 的最近抽检结果失败", "looking up the latest spot check of product %s failed", product)
	}
	return &rec, nil
}

// SpotChecks returns recorded spot-check results, the most recently
// recorded first, filtered by f: Product, Platform (where the sample was
// bought) and FailedOnly (only the results that did not pass); zero fields
// do not filter. f.Limit is 1..1000 and 0 means 100; a negative limit or
// one over 1000 is an EINVALID error, and so is a cursor this store did
// not hand out. Next is set when more results follow; pass it as f.Cursor
// for the next page. Times come back in UTC.
func (s *Store) SpotChecks(ctx context.Context, f qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error) {
	limit, err := pageLimit(f.Limit, DefaultSpotChecksLimit, MaxSpotChecksLimit)
	if err != nil {
		return qinglang.SpotCheckPage{}, err
	}
	var where []string
	var args []any
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if f.Cursor != "" {
		seq, err := decodePos(spotCheckCursorPrefix, f.Cursor, 1, "cursor")
		if err != nil {
			return qinglang.SpotCheckPage{}, err
		}
		add("seq < ?", seq)
	}
	if f.Product != "" {
		add("product = ?", f.Product)
	}
	if f.Platform != "" {
		add("platform = ?", f.Platform)
	}
	if f.FailedOnly {
		add("NOT pass") // as written, so that spot_checks_failed_seq serves it
	}
	q := "SELECT " + spotCheckColumns + ", body FROM spot_checks"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY seq DESC LIMIT ?"
	args = append(args, limit+1) // one more tells whether a next page exists

	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return qinglang.SpotCheckPage{}, s.wrap(err, "查询抽检结果列表失败", "listing spot checks failed")
	}
	defer rows.Close()
	page := qinglang.SpotCheckPage{SpotChecks: []qinglang.SpotCheckRecord{}}
	var last int64
	for rows.Next() {
		if len(page.SpotChecks) == limit {
			page.Next = encodePos(spotCheckCursorPrefix, last)
			break
		}
		rec, seq, err := scanSpotCheck(rows)
		if err != nil {
			return qinglang.SpotCheckPage{}, s.wrap(err, "读取抽检结果列表失败", "reading spot checks failed")
		}
		last = seq
		page.SpotChecks = append(page.SpotChecks, rec)
	}
	if err := rows.Err(); err != nil {
		return qinglang.SpotCheckPage{}, s.wrap(err, "读取抽检结果列表失败", "reading spot checks failed")
	}
	return page, nil
}

// SpotCheck returns the recorded spot-check result with the id, or an
// ENOTFOUND error.
func (s *Store) SpotCheck(ctx context.Context, id string) (qinglang.SpotCheckRecord, error) {
	rec, _, err := scanSpotCheck(s.stmts[stmtSpotCheck].QueryRowContext(ctx, id))
	if errors.Is(err, sql.ErrNoRows) {
		return qinglang.SpotCheckRecord{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到抽检结果 %s", "spot-check result %s not found", id)
	}
	if err != nil {
		return qinglang.SpotCheckRecord{}, s.wrap(err, "读取抽检结果 %s 失败", "reading spot-check result %s failed", id)
	}
	return rec, nil
}

// scanSpotCheck reads one row of spotCheckColumns and body.
func scanSpotCheck(row interface{ Scan(...any) error }) (qinglang.SpotCheckRecord, int64, error) {
	var rec qinglang.SpotCheckRecord
	var seq, tested, recorded int64
	var body string
	err := row.Scan(&seq, &rec.ID, &rec.Product, &rec.Batch, &rec.Platform, &rec.Pass, &tested, &recorded, &body)
	if err != nil {
		return rec, 0, err
	}
	rec.TestedAt, rec.RecordedAt = fromMicros(tested), fromMicros(recorded)
	rec.Body = json.RawMessage(body)
	return rec, seq, nil
}
