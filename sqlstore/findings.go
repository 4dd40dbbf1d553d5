package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
)

// Page sizes of Findings.
const (
	DefaultFindingsLimit = 100
	MaxFindingsLimit     = 1000
)

// cursorPrefix versions the cursor format so that it can change later.
const cursorPrefix = "s1:"

// Findings returns stored findings, newest first (the order they were
// stored), or oldest first after the finding f.After, filtered by f; zero fields do not filter, Until is exclusive and
// Since/Until compare with the finding's ts. f.Limit is 1..1000 and 0 means
// 100; a negative limit or one over 1000 is an EINVALID error, and so is a
// cursor that this store did not hand out. Next is set when more findings
// follow; pass it as f.Cursor (or, with After, as f.After) for the next page.
func (s *Store) Findings(ctx context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
	limit, err := pageLimit(f.Limit, DefaultFindingsLimit, MaxFindingsLimit)
	if err != nil {
		return qinglang.FindingPage{}, err
	}
	var where []string
	var args []any
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	order := "DESC"
	switch {
	case f.Cursor != "" && f.After != "":
		return qinglang.FindingPage{}, qinglang.Errorf(qinglang.EINVALID,
			"cursor 与 after 不能同时使用", "cursor and after cannot be used together")
	case f.Cursor != "":
		seq, err := decodeCursor(f.Cursor)
		if err != nil {
			return qinglang.FindingPage{}, err
		}
		add("seq < ?", seq)
	case f.After != "":
		var seq int64
		err := s.db.QueryRowContext(ctx, s.rebind("SELECT seq FROM findings WHERE id = ?"), f.After).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return qinglang.FindingPage{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到发现 %s", "finding %s not found", f.After)
		}
		if err != nil {
			return qinglang.FindingPage{}, s.wrap(err, "读取发现 %s 失败", "reading finding %s failed", f.After)
		}
		add("seq > ?", seq)
		order = "ASC"
	}
	if f.Platform != "" {
		add("platform = ?", f.Platform)
	}
	if f.Room != "" {
		add("room = ?", f.Room)
	}
	if f.Kind != "" {
		add("kind = ?", string(f.Kind))
	}
	if f.Rule != "" {
		add("rule = ?", f.Rule)
	}
	if f.Severity != "" {
		add("severity = ?", string(f.Severity))
	}
	if !f.Since.IsZero() {
		add("ts_us >= ?", micros(f.Since))
	}
	if !f.Until.IsZero() {
		add("ts_us < ?", micros(f.Until))
	}
	q := "SELECT seq, body FROM findings"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY seq " + order + " LIMIT ?"
	args = append(args, limit+1) // one more tells whether a next page exists

	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return qinglang.FindingPage{}, s.wrap(err, "查询发现列表失败", "listing findings failed")
	}
	defer rows.Close()
	page := qinglang.FindingPage{Findings: []qinglang.Finding{}}
	var last int64
	for rows.Next() {
		if len(page.Findings) == limit {
			if f.After == "" {
				page.Next = encodeCursor(last)
			} else {
				page.Next = page.Findings[limit-1].ID // the After of the next page
			}
			break
		}
		var body string
		if err := rows.Scan(&last, &body); err != nil {
			return qinglang.FindingPage{}, s.wrap(err, "读取发现列表失败", "reading findings failed")
		}
		fd, err := decodeFinding(body)
		if err != nil {
			return qinglang.FindingPage{}, err
		}
		page.Findings = append(page.Findings, fd)
	}
	if err := rows.Err(); err != nil {
		return qinglang.FindingPage{}, s.wrap(err, "读取发现列表失败", "reading findings failed")
	}
	return page, nil
}

// Finding returns the finding with the id, or an ENOTFOUND error.
func (s *Store) Finding(ctx context.Context, id string) (qinglang.Finding, error) {
	var body string
	err := s.stmts[stmtFinding].QueryRowContext(ctx, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return qinglang.Finding{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到发现 %s", "finding %s not found", id)
	}
	if err != nil {
		return qinglang.Finding{}, s.wrap(err, "读取发现 %s 失败", "reading finding %s failed", id)
	}
	return decodeFinding(body)
}

// decodeFinding decodes a stored finding; EventIDs is never nil.
func decodeFinding(body string) (qinglang.Finding, error) {
	var f qinglang.Finding
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		return qinglang.Finding{}, qinglang.Wrap(qinglang.EINTERNAL, err, "存储的发现无法解码", "a stored finding cannot be decoded")
	}
	if f.EventIDs == nil {
		f.EventIDs = []string{}
	}
	return f, nil
}

// encodeCursor makes the opaque cursor that continues after seq.
func encodeCursor(seq int64) string { return encodePos(cursorPrefix, seq) }

// decodeCursor reads a cursor made by encodeCursor, or returns an EINVALID
// error.
func decodeCursor(c string) (int64, error) { return decodePos(cursorPrefix, c, 1, "cursor") }

// encodePos makes an opaque position: seq in a table, under a prefix that
// names the table and versions the format.
func encodePos(prefix string, seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(prefix + strconv.FormatInt(seq, 10)))
}

// decodePos reads a position made by encodePos with the same prefix and a
// seq of at least least, or returns an EINVALID error naming the parameter.
func decodePos(prefix, c string, least int64, param string) (int64, error) {
	bad := qinglang.Errorf(qinglang.EINVALID, "分页游标 %s 无效：%q", "invalid page cursor (%s): %q", param, c)
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, bad
	}
	digits, ok := strings.CutPrefix(string(raw), prefix)
	if !ok {
		return 0, bad
	}
	seq, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || seq < least {
		return 0, bad
	}
	return seq, nil
}
