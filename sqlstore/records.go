package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// Page sizes of Records.
const (
	DefaultRecordsLimit = 100
	MaxRecordsLimit     = 1000
)

// Page sizes of AuditEntries.
const (
	DefaultAuditLimit = 1000
	MaxAuditLimit     = 10000
)

// The records' cursor formats: newest first (a seq) and oldest first (a
// first_seq). They differ, so that a cursor of one order is refused by the
// other.
const (
	recordCursorPrefix       = "r1:"
	recordOldestCursorPrefix = "o1:"
)

// AuditLockKey is the key of the PostgreSQL advisory lock that AppendAudit
// takes (pg_advisory_xact_lock) before it reads the last entry, so that
// concurrent transactions, of this process or any other, append one at a
// time, each after the one before has committed or rolled back. It is the
// ASCII bytes "QLAUDIT1" read as a big-endian int64; pg_locks shows it as
// classid 1363951957 (0x514C4155), objid 1145656369 (0x44495431), objsubid
// 1. The lock is the database's, not a schema's: stores in different
// schemas of one database append one at a time too. SQLite needs none: it
// runs one write transaction at a time.
const AuditLockKey int64 = 0x514C_4155_4449_5431

// auditLockSQL takes AuditLockKey until the transaction ends.
const auditLockSQL = "SELECT pg_advisory_xact_lock(?)"

// recordColumns are the columns a Record is read from, body last.
const recordColumns = "seq, first_seq, kind, id, platform, case_id, subject, state, due_us, created_us, updated_us, body"

// recordJoinColumns are recordColumns of records r, then the scope of
// record_scopes s.
const recordJoinColumns = "r.seq, r.first_seq, r.kind, r.id, r.platform, r.case_id, r.subject, r.state, " +
	"r.due_us, r.created_us, r.updated_us, r.body, s.scope"

// pageJoinColumns are recordJoinColumns of a page p of records.
const pageJoinColumns = "p.seq, p.first_seq, p.kind, p.id, p.platform, p.case_id, p.subject, p.state, " +
	"p.due_us, p.created_us, p.updated_us, p.body, s.scope"

// recordByKeySQL reads a record with its scopes: one row per scope in
// scope order (one with a NULL scope when it has none), in one statement
// so that they come from one snapshot.
const recordByKeySQL = `SELECT ` + recordJoinColumns + `
		FROM records r LEFT JOIN record_scopes s ON s.kind = r.kind AND s.id = r.id
		WHERE r.kind = ? AND r.id = ?
		ORDER BY s.scope`

// auditColumns are the columns of an AuditEntry, in its order.
const auditColumns = "seq, at_us, actor, action, object, data, prev, hash"

// PutRecord inserts rec, or replaces the record of the same kind and id:
// its lookup columns, Due, body and scopes (the scopes stored are replaced
// by rec.Scopes). Every put takes the next seq, so a replaced record comes
// first in the newest-first lists; the oldest-first lists keep the order
// first put. It sets rec.CreatedAt (from Store.Now on an insert, the
// stored one on a replace) and rec.UpdatedAt (from Store.Now), sorts
// rec.Scopes and removes repeats, and brings a non-zero rec.Due to UTC
// microseconds, as stored. rec.Body is stored as is, byte for byte.
//
// A nil record, an unknown kind, an empty id, a Body that is not JSON, an
// empty scope, or a text field (Body included) that is not UTF-8 or holds
// a NUL (which PostgreSQL cannot store) is an EINVALID error.
func (t *Tx) PutRecord(ctx context.Context, rec *qinglang.Record) error {
	if err := prepareRecord(rec); err != nil {
		return err
	}
	if err := t.open(); err != nil {
		return err
	}
	var seq int64
	if err := t.stmt(ctx, stmtNextRecordSeq).QueryRowContext(ctx).Scan(&seq); err != nil {
		return t.s.wrap(err, "为记录 %s/%s 分配序号失败", "numbering record %s/%s failed", rec.Kind, rec.ID)
	}
	var due any
	if !rec.Due.IsZero() {
		due = micros(rec.Due)
	}
	now := t.s.now()
	var created int64
	err := t.stmt(ctx, stmtUpsertRecord).QueryRowContext(ctx,
		string(rec.Kind), rec.ID, seq, seq, rec.Platform, rec.CaseID, rec.Subject, rec.State, due,
		micros(now), micros(now), string(rec.Body)).Scan(&created)
	if err != nil {
		return t.s.wrap(err, "写入记录 %s/%s 失败", "storing record %s/%s failed", rec.Kind, rec.ID)
	}
	if _, err := t.stmt(ctx, stmtDeleteRecordScopes).ExecContext(ctx, string(rec.Kind), rec.ID); err != nil {
		return t.s.wrap(err, "替换记录 %s/%s 的可见范围失败", "replacing the scopes of record %s/%s failed", rec.Kind, rec.ID)
	}
	for _, scope := range rec.Scopes {
		if _, err := t.stmt(ctx, stmtInsertRecordScope).ExecContext(ctx, string(rec.Kind), rec.ID, scope); err != nil {
			return t.s.wrap(err, "写入记录 %s/%s 的可见范围失败", "storing the scopes of record %s/%s failed", rec.Kind, rec.ID)
		}
	}
	rec.CreatedAt, rec.UpdatedAt = fromMicros(created), now
	return nil
}

// prepareRecord checks rec and brings its scopes and due time to the
// stored form.
func prepareRecord(rec *qinglang.Record) error {
	if rec == nil {
		return qinglang.Errorf(qinglang.EINVALID, "记录为空", "the record is nil")
	}
	if !slices.Contains(qinglang.RecordKinds, rec.Kind) {
		return qinglang.Errorf(qinglang.EINVALID, "记录类型 %q 无效", "invalid record kind %q", rec.Kind)
	}
	if rec.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "%s 记录缺少 id", "the %s record has no id", rec.Kind)
	}
	for _, f := range []struct{ zh, en, v string }{
		{"id", "id", rec.ID},
		{"平台 platform", "platform", rec.Platform},
		{"案件 case_id", "case_id", rec.CaseID},
		{"对象 subject", "subject", rec.Subject},
		{"状态 state", "state", rec.State},
	} {
		if !storableText(f.v) {
			return qinglang.Errorf(qinglang.EINVALID, "记录 %[1]s/%[2]q 的%[3]s含有无效的 UTF-8 或 NUL 字符",
				"the %[4]s of record %[1]s/%[2]q has invalid UTF-8 or a NUL character", rec.Kind, rec.ID, f.zh, f.en)
		}
	}
	if !json.Valid(rec.Body) || !utf8.Valid(rec.Body) {
		return qinglang.Errorf(qinglang.EINVALID, "记录 %s/%s 的内容 body 不是有效的 JSON", "the body of record %s/%s is not valid JSON", rec.Kind, rec.ID)
	}
	scopes := slices.Clone(rec.Scopes)
	slices.Sort(scopes)
	scopes = slices.Compact(scopes)
	for _, scope := range scopes {
		if scope == "" || !storableText(scope) {
			return qinglang.Errorf(qinglang.EINVALID, "记录 %s/%s 的可见范围 %q 无效（不能为空，不能含有无效的 UTF-8 或 NUL 字符）",
				"record %s/%s has an invalid scope %q (empty, or with invalid UTF-8 or a NUL character)", rec.Kind, rec.ID, scope)
		}
	}
	if len(scopes) == 0 {
		scopes = nil
	}
	rec.Scopes = scopes
	if !rec.Due.IsZero() {
		rec.Due = fromMicros(micros(rec.Due))
	}
	return nil
}

// DeleteRecord deletes the record of the kind with the id and its scopes;
// a record that does not exist is not an error (nothing is deleted). The
// record's row goes first, so that on PostgreSQL the delete holds its row
// lock, as every writer of a record's scopes does (PutRecord). The audit
// log, the case_findings links and the records of other kinds are left
// alone. An unknown kind or an empty id is an EINVALID error.
func (t *Tx) DeleteRecord(ctx context.Context, kind qinglang.RecordKind, id string) error {
	if !slices.Contains(qinglang.RecordKinds, kind) {
		return qinglang.Errorf(qinglang.EINVALID, "记录类型 %q 无效", "invalid record kind %q", kind)
	}
	if id == "" {
		return qinglang.Errorf(qinglang.EINVALID, "删除 %s 记录需要 id", "deleting a %s record needs an id", kind)
	}
	if err := t.open(); err != nil {
		return err
	}
	if _, err := t.stmt(ctx, stmtDeleteRecord).ExecContext(ctx, string(kind), id); err != nil {
		return t.s.wrap(err, "删除记录 %s/%s 失败", "deleting record %s/%s failed", kind, id)
	}
	if _, err := t.stmt(ctx, stmtDeleteRecordScopes).ExecContext(ctx, string(kind), id); err != nil {
		return t.s.wrap(err, "删除记录 %s/%s 的可见范围失败", "deleting the scopes of record %s/%s failed", kind, id)
	}
	return nil
}

// storableText reports whether both engines store s as it is: UTF-8
// without a NUL.
func storableText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// GetRecord reads a record as this transaction sees it, its own writes
// included, or returns an ENOTFOUND error. On PostgreSQL it locks the
// record's row (SELECT … FOR UPDATE) until the transaction ends, so that a
// read-modify-write of a record by two transactions runs one after the
// other; a record that does not exist yet is not locked. On SQLite the
// transaction is the only writer from its first statement on (see
// Store.Begin), so no lock is needed. Times come back in UTC.
func (t *Tx) GetRecord(ctx context.Context, kind qinglang.RecordKind, id string) (qinglang.Record, error) {
	if err := t.open(); err != nil {
		return qinglang.Record{}, err
	}
	rows, err := t.stmt(ctx, stmtRecordLocked).QueryContext(ctx, string(kind), id)
	if err != nil {
		return qinglang.Record{}, t.s.wrap(err, "读取记录 %s/%s 失败", "reading record %s/%s failed", kind, id)
	}
	return t.s.oneRecord(rows, kind, id)
}

// Record returns the stored record of the kind with the id, or an
// ENOTFOUND error. Times come back in UTC.
func (s *Store) Record(ctx context.Context, kind qinglang.RecordKind, id string) (qinglang.Record, error) {
	rows, err := s.stmts[stmtRecord].QueryContext(ctx, string(kind), id)
	if err != nil {
		return qinglang.Record{}, s.wrap(err, "读取记录 %s/%s 失败", "reading record %s/%s failed", kind, id)
	}
	return s.oneRecord(rows, kind, id)
}

// oneRecord reads the record of rows (recordByKeySQL) and closes them.
func (s *Store) oneRecord(rows *sql.Rows, kind qinglang.RecordKind, id string) (qinglang.Record, error) {
	recs, err := scanRecords(rows)
	if err != nil {
		return qinglang.Record{}, s.wrap(err, "读取记录 %s/%s 失败", "reading record %s/%s failed", kind, id)
	}
	if len(recs) == 0 {
		return qinglang.Record{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到记录 %s/%s", "record %s/%s not found", kind, id)
	}
	return recs[0].Record, nil
}

// storedRecord is a record with its positions in the two orders.
type storedRecord struct {
	qinglang.Record
	seq, firstSeq int64
}

// scanRecords reads rows of recordColumns and a scope (NULL for none),
// where the rows of one record come together, and closes them.
func scanRecords(rows *sql.Rows) ([]storedRecord, error) {
	defer rows.Close()
	var recs []storedRecord
	for rows.Next() {
		var r storedRecord
		var kind, body string
		var scope sql.NullString
		var dueUS sql.NullInt64
		var created, updated int64
		err := rows.Scan(&r.seq, &r.firstSeq, &kind, &r.ID, &r.Platform, &r.CaseID, &r.Subject, &r.State,
			&dueUS, &created, &updated, &body, &scope)
		if err != nil {
			return nil, err
		}
		if n := len(recs); n > 0 && recs[n-1].Kind == qinglang.RecordKind(kind) && recs[n-1].ID == r.ID {
			if scope.Valid {
				recs[n-1].Scopes = append(recs[n-1].Scopes, scope.String)
			}
			continue
		}
		r.Kind = qinglang.RecordKind(kind)
		if dueUS.Valid {
			r.Due = fromMicros(dueUS.Int64)
		}
		r.CreatedAt, r.UpdatedAt = fromMicros(created), fromMicros(updated)
		r.Body = json.RawMessage(body)
		if scope.Valid {
			r.Scopes = []string{scope.String}
		}
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

// Records returns a page of the records of f.Kind (required: an empty or
// unknown kind is an EINVALID error), the most recently put first, or with
// f.Oldest the first put first. Platform, CaseID, Subject and State (any
// of f.States) select by their columns, DueBefore the records with a Due
// before it; ScopePrefix keeps the records with a scope that starts with
// it, AnyScope those with any of its scopes, and with both set a record
// with either is kept. Zero fields do not filter. f.Limit is 1..1000 and
// 0 means 100; a negative limit or one over 1000 is an EINVALID error, and
// so is a cursor this store did not hand out for the order asked. Next is
// set when more records follow; pass it as f.Cursor for the next page.
// Each record comes with its scopes, in order. Times come back in UTC.
func (s *Store) Records(ctx context.Context, f qinglang.RecordFilter) (qinglang.RecordPage, error) {
	if f.Kind == "" {
		return qinglang.RecordPage{}, qinglang.Errorf(qinglang.EINVALID, "查询记录必须指定类型 kind", "listing records needs a kind")
	}
	if !slices.Contains(qinglang.RecordKinds, f.Kind) {
		return qinglang.RecordPage{}, qinglang.Errorf(qinglang.EINVALID, "记录类型 %q 无效", "invalid record kind %q", f.Kind)
	}
	limit, err := pageLimit(f.Limit, DefaultRecordsLimit, MaxRecordsLimit)
	if err != nil {
		return qinglang.RecordPage{}, err
	}
	order, cursorPrefix, after := "seq DESC", recordCursorPrefix, "seq < ?"
	if f.Oldest {
		order, cursorPrefix, after = "first_seq", recordOldestCursorPrefix, "first_seq > ?"
	}
	where := []string{"kind = ?"}
	args := []any{string(f.Kind)}
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if f.Cursor != "" {
		pos, err := decodePos(cursorPrefix, f.Cursor, 1, "cursor")
		if err != nil {
			return qinglang.RecordPage{}, err
		}
		add(after, pos)
	}
	if f.Platform != "" {
		add("platform = ?", f.Platform)
	}
	if f.CaseID != "" {
		add("case_id = ?", f.CaseID)
	}
	if f.Subject != "" {
		add("subject = ?", f.Subject)
	}
	if len(f.States) > 0 {
		add("state IN (?"+strings.Repeat(", ?", len(f.States)-1)+")", anys(f.States)...)
	}
	if !f.DueBefore.IsZero() {
		add("due_us IS NOT NULL AND due_us < ?", micros(f.DueBefore))
	}
	if cond, vs := scopeCondition(f.ScopePrefix, f.AnyScope); cond != "" {
		add("EXISTS (SELECT 1 FROM record_scopes s WHERE s.kind = records.kind AND s.id = records.id AND ("+cond+"))", vs...)
	}
	// The page's records, then their scopes, in one statement: one
	// snapshot.
	q := "WITH page AS (SELECT " + recordColumns + " FROM records WHERE " + strings.Join(where, " AND ") +
		" ORDER BY " + order + " LIMIT ?) SELECT " + pageJoinColumns +
		" FROM page p LEFT JOIN record_scopes s ON s.kind = p.kind AND s.id = p.id ORDER BY p." + order + ", s.scope"
	args = append(args, limit+1) // one more tells whether a next page exists

	rows, err := s.built.query(ctx, s.db, s.rebind(q), args...)
	if err != nil {
		return qinglang.RecordPage{}, s.wrap(err, "查询 %s 记录列表失败", "listing %s records failed", f.Kind)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return qinglang.RecordPage{}, s.wrap(err, "读取 %s 记录列表失败", "reading %s records failed", f.Kind)
	}
	page := qinglang.RecordPage{Records: make([]qinglang.Record, 0, min(len(recs), limit))}
	for i, r := range recs {
		if i == limit {
			last := recs[i-1]
			if f.Oldest {
				page.Next = encodePos(cursorPrefix, last.firstSeq)
			} else {
				page.Next = encodePos(cursorPrefix, last.seq)
			}
			break
		}
		page.Records = append(page.Records, r.Record)
	}
	return page, nil
}

// scopeCondition returns the condition on record_scopes s that keeps the
// scopes starting with prefix or equal to one of exact ("" when neither
// is set), and its arguments. A prefix is the range [prefix, successor):
// both engines compare scopes byte by byte (SQLite's BINARY collation,
// PostgreSQL's "C" collation of the column), which is code point order in
// UTF-8, so the range holds exactly the scopes with the prefix and is
// served by record_scopes_kind_scope. (SQLite's LIKE would be
// case-insensitive, and PostgreSQL's would need text_pattern_ops.)
func scopeCondition(prefix string, exact []string) (string, []any) {
	var conds []string
	var args []any
	if prefix != "" {
		if next, ok := successor(prefix); ok {
			conds, args = append(conds, "(s.scope >= ? AND s.scope < ?)"), append(args, prefix, next)
		} else {
			conds, args = append(conds, "s.scope >= ?"), append(args, prefix)
		}
	}
	if len(exact) > 0 {
		conds = append(conds, "s.scope IN (?"+strings.Repeat(", ?", len(exact)-1)+")")
		args = append(args, anys(exact)...)
	}
	return strings.Join(conds, " OR "), args
}

// successor returns the least string greater than every string that
// starts with p, in code point order: p with its last rune that can be
// incremented incremented and the runes after it dropped. ok is false when
// there is none (p is all U+10FFFF): every string from p on starts with p.
// An invalid byte of p counts as U+FFFD, so the range may hold scopes
// without the prefix then; scopes themselves are valid UTF-8 (PutRecord).
func successor(p string) (string, bool) {
	rs := []rune(p)
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i] + 1
		if r == 0xD800 { // skip the surrogates, which UTF-8 does not encode
			r = 0xE000
		}
		if r <= utf8.MaxRune {
			rs[i] = r
			return string(rs[:i+1]), true
		}
	}
	return "", false
}

// anys returns ss as bind arguments.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// LinkFinding records that the finding belongs to the case; linking them
// again changes nothing. An empty case or finding id is an EINVALID error.
func (t *Tx) LinkFinding(ctx context.Context, caseID, findingID string) error {
	if caseID == "" || findingID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "关联发现与案件需要案件 id 和发现 id（收到 %q、%q）",
			"linking a finding to a case needs both ids (got %q, %q)", caseID, findingID)
	}
	if !storableText(caseID) || !storableText(findingID) {
		return qinglang.Errorf(qinglang.EINVALID, "案件 id 或发现 id 含有无效的 UTF-8 或 NUL 字符",
			"the case or finding id has invalid UTF-8 or a NUL character")
	}
	if err := t.open(); err != nil {
		return err
	}
	if _, err := t.stmt(ctx, stmtLinkFinding).ExecContext(ctx, caseID, findingID); err != nil {
		return t.s.wrap(err, "关联发现 %s 与案件 %s 失败", "linking finding %s to case %s failed", findingID, caseID)
	}
	return nil
}

// CasesOfFinding returns the ids of the cases the finding was linked to,
// the first linked first; none is an empty list.
func (s *Store) CasesOfFinding(ctx context.Context, findingID string) ([]string, error) {
	rows, err := s.stmts[stmtCasesOfFinding].QueryContext(ctx, findingID)
	if err != nil {
		return nil, s.wrap(err, "查询发现 %s 所属的案件失败", "looking up the cases of finding %s failed", findingID)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, s.wrap(err, "查询发现 %s 所属的案件失败", "looking up the cases of finding %s failed", findingID)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "查询发现 %s 所属的案件失败", "looking up the cases of finding %s failed", findingID)
	}
	return ids, nil
}

// AppendAudit appends one entry to the audit log. On PostgreSQL it first
// takes the advisory lock AuditLockKey, held until the transaction ends,
// so that appends of concurrent transactions and processes run one at a
// time; on SQLite the transaction is the only writer already. (The lock is
// held to the end of the transaction: append late in a transaction that
// does much else.) It then reads the last entry (the highest seq; nil when
// the log is empty), calls build with it, and inserts what build returns,
// which it returns with At in UTC.
//
// An error of build is returned as it is. The entry must have the next
// seq (the last one + 1, or 1), an At that is not zero and has no part
// below a microsecond (it is stored in microseconds: the hash must cover
// what is stored), text fields in UTF-8 without a NUL, and Data that is
// empty (stored as NULL, read back as nil) or JSON, which is stored and
// read back byte for byte; otherwise it is an EINVALID error. A nil build
// is an EINVALID error.
func (t *Tx) AppendAudit(ctx context.Context, build func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error)) (qinglang.AuditEntry, error) {
	if build == nil {
		return qinglang.AuditEntry{}, qinglang.Errorf(qinglang.EINVALID, "没有提供审计条目的构造函数", "no function builds the audit entry")
	}
	if err := t.open(); err != nil {
		return qinglang.AuditEntry{}, err
	}
	if !t.s.d.SingleWriter {
		if _, err := t.tx.ExecContext(ctx, t.s.rebind(auditLockSQL), AuditLockKey); err != nil {
			return qinglang.AuditEntry{}, t.s.wrap(err, "锁定审计日志失败", "locking the audit log failed")
		}
	}
	var prev *qinglang.AuditEntry
	last, err := scanAudit(t.stmt(ctx, stmtLastAudit).QueryRowContext(ctx))
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return qinglang.AuditEntry{}, t.s.wrap(err, "读取最后一条审计条目失败", "reading the last audit entry failed")
	default:
		prev = &last
	}
	e, err := build(prev)
	if err != nil {
		return qinglang.AuditEntry{}, err
	}
	want := int64(1)
	if prev != nil {
		want = prev.Seq + 1
	}
	if e.Seq != want {
		return qinglang.AuditEntry{}, qinglang.Errorf(qinglang.EINVALID, "审计条目的序号是 %d，应为 %d（上一条之后）",
			"the audit entry has seq %d; the next one is %d", e.Seq, want)
	}
	if err := checkAudit(e); err != nil {
		return qinglang.AuditEntry{}, err
	}
	e.At = e.At.UTC()
	var data any
	if len(e.Data) > 0 {
		data = string(e.Data)
	}
	_, err = t.stmt(ctx, stmtInsertAudit).ExecContext(ctx,
		e.Seq, micros(e.At), e.Actor, e.Action, e.Object, data, e.Prev, e.Hash)
	if err != nil {
		return qinglang.AuditEntry{}, t.s.wrap(err, "写入第 %d 条审计条目失败", "storing audit entry %d failed", e.Seq)
	}
	return e, nil
}

// checkAudit checks that e is stored and read back unchanged.
func checkAudit(e qinglang.AuditEntry) error {
	if e.At.IsZero() {
		return qinglang.Errorf(qinglang.EINVALID, "第 %d 条审计条目缺少时间", "audit entry %d has no time", e.Seq)
	}
	if e.At.Nanosecond()%int(time.Microsecond) != 0 {
		return qinglang.Errorf(qinglang.EINVALID, "第 %d 条审计条目的时间精度超过微秒，无法原样保存",
			"audit entry %d has a time finer than a microsecond, which cannot be stored as is", e.Seq)
	}
	for _, f := range []struct{ zh, en, v string }{
		{"操作者", "actor", e.Actor},
		{"动作", "action", e.Action},
		{"对象", "object", e.Object},
		{"前一哈希", "prev", e.Prev},
		{"哈希", "hash", e.Hash},
	} {
		if !storableText(f.v) {
			return qinglang.Errorf(qinglang.EINVALID, "第 %[1]d 条审计条目的%[2]s含有无效的 UTF-8 或 NUL 字符",
				"the %[3]s of audit entry %[1]d has invalid UTF-8 or a NUL character", e.Seq, f.zh, f.en)
		}
	}
	if len(e.Data) > 0 && (!json.Valid(e.Data) || !utf8.Valid(e.Data)) {
		return qinglang.Errorf(qinglang.EINVALID, "第 %d 条审计条目的数据 data 不是有效的 JSON", "the data of audit entry %d is not valid JSON", e.Seq)
	}
	return nil
}

// AuditEntries returns the audit entries with a seq above after, in seq
// order, at most limit of them: every entry when object is empty, else
// those of the object. limit is 1..10000 and 0 means 1000; a negative
// limit or one over 10000 is an EINVALID error. At comes back in UTC and
// Data byte for byte as appended.
func (s *Store) AuditEntries(ctx context.Context, object string, after int64, limit int) ([]qinglang.AuditEntry, error) {
	n, err := pageLimit(limit, DefaultAuditLimit, MaxAuditLimit)
	if err != nil {
		return nil, err
	}
	q := "SELECT " + auditColumns + " FROM audit_log WHERE seq > ?"
	args := []any{after}
	if object != "" {
		q = "SELECT " + auditColumns + " FROM audit_log WHERE object = ? AND seq > ?"
		args = []any{object, after}
	}
	q += " ORDER BY seq LIMIT ?"
	args = append(args, n)
	rows, err := s.built.query(ctx, s.db, s.rebind(q), args...)
	if err != nil {
		return nil, s.wrap(err, "读取审计日志失败", "reading the audit log failed")
	}
	defer rows.Close()
	entries := []qinglang.AuditEntry{}
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, s.wrap(err, "读取审计日志失败", "reading the audit log failed")
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "读取审计日志失败", "reading the audit log failed")
	}
	return entries, nil
}

// scanAudit reads one row of auditColumns.
func scanAudit(row interface{ Scan(...any) error }) (qinglang.AuditEntry, error) {
	var e qinglang.AuditEntry
	var at int64
	var data sql.NullString
	if err := row.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Object, &data, &e.Prev, &e.Hash); err != nil {
		return e, err
	}
	e.At = fromMicros(at)
	if data.Valid {
		e.Data = json.RawMessage(data.String)
	}
	return e, nil
}
