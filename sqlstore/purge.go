package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// PurgeBatchRows is the most events, or findings, one transaction of
// PurgeEvidence deletes: a large purge is many short transactions, none of
// which keeps other writers (SQLite's one writer) waiting long. 5,000 seqs
// are 5,001 bind parameters: well within SQLite's limit (32,766) and
// PostgreSQL's (65,535).
const PurgeBatchRows = 5000

// purgeScanSQL finds the next rows of table (events or findings) with a
// ts before the first parameter, and whether each is an account event, in
// (ts, seq) order after the position (ts, seq) of the last row the
// previous batch saw: a range scan of events_ts or findings_ts
// (migrations 00003 and 00006) that reads every row once, the rows kept
// included, however many batches the purge takes.
func purgeScanSQL(table string) string {
	account := "0"
	if table == "events" {
		account = "CASE WHEN type = '" + string(qinglang.Account) + "' THEN 1 ELSE 0 END"
	}
	return `SELECT seq, ts_us, platform, room, ` + account + ` FROM ` + table + `
		WHERE ts_us < ? AND ts_us >= ? AND (ts_us > ? OR seq > ?)
		ORDER BY ts_us, seq
		LIMIT ?`
}

// purgeRestoreAccountSQL writes the account kept for a user whose accounts
// row a batch deleted (ON CONFLICT DO NOTHING: a row written meanwhile by
// a concurrent transaction is of a later event).
const purgeRestoreAccountSQL = `INSERT INTO accounts (platform, user_id, ts_us, created_at_us, followers, event_seq)
	VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO NOTHING`

// The statements that bring a broadcast's rows up to date after a batch
// deleted some of its events.
const (
	purgeRoomCountSQL   = `UPDATE room_events SET n = n - ? WHERE platform = ? AND room = ? AND type = ?`
	purgeRoomZeroSQL    = `DELETE FROM room_events WHERE platform = ? AND room = ? AND n <= 0`
	purgeRoomSpanSQL    = `SELECT MIN(ts_us), MAX(ts_us) FROM events WHERE platform = ? AND room = ?`
	purgeRoomDropSQL    = `DELETE FROM rooms WHERE platform = ? AND room = ?`
	purgeRoomDropNSQL   = `DELETE FROM room_events WHERE platform = ? AND room = ?`
	purgeRoomSetSpanSQL = `UPDATE rooms SET first_ts_us = ?, last_ts_us = ? WHERE platform = ? AND room = ?`
	// The room_start and room_end events left, in the order stored: what
	// the rooms row takes from them is folded again as AddEvents did.
	purgeRoomMarksSQL = `SELECT type, ts_us, body FROM events
		WHERE platform = ? AND room = ? AND type IN (?, ?)
		ORDER BY seq`
	purgeRoomResetSQL = `UPDATE rooms SET host = ?, operator = ?, merchant = ?, agency = ?, title = ?,
		started_at_us = ?, ended_at_us = ?, first_ts_us = ?, last_ts_us = ?
		WHERE platform = ? AND room = ?`
)

// PurgeEvidence deletes the stored events with a ts before before and
// every row derived from them: their orders and listings rows, the
// accounts rows that point to them, and their part of the rooms and
// room_events rows of their broadcasts. It also deletes the findings with
// a ts before before. Events and findings of the rooms in keep are kept
// (an empty Platform in a key is the default platform; a key without a
// room keeps nothing: events without a room, accounts and listings
// outside a broadcast, go by their ts alone). It returns how many events
// and findings it deleted.
//
// It works in batches of at most PurgeBatchRows rows, each deleted in a
// transaction of its own; the rows of a batch are found before its
// transaction begins (see purgeScanSQL). A purge that fails part way
// returns what its committed batches deleted together with the error; a
// purge run again finishes it, and one with nothing to do deletes
// nothing.
//
// A broadcast with events left keeps its rooms row, brought up to date:
// its span and counts by type, and, when a room_start or room_end of it
// was deleted, what the row takes from those left. One with none left
// loses its rows (Room is then an ENOTFOUND error). A user whose latest
// account event was deleted gets as its account, in the same transaction,
// the latest one kept (of a room in keep), or none. Campaigns (rebuilt
// from the events), spot checks, enforcement records, case_findings links
// and the audit log are not touched; no table refers to an event or a
// finding by a key that could dangle (campaigns keep their accounts and
// rooms by id).
func (s *Store) PurgeEvidence(ctx context.Context, before time.Time, keep []qinglang.RoomKey) (events, findings int64, err error) {
	b := micros(before)
	held := make(map[qinglang.RoomKey]bool, len(keep))
	for _, k := range keep {
		if k.Room != "" {
			held[qinglang.RoomKey{Platform: platformOr(k.Platform), Room: k.Room}] = true
		}
	}
	var kept map[[2]string]keptAccount // read when a batch first deletes account events
	err = s.purgeScan(ctx, "events", "事件", b, held, func(seqs []int64, accounts bool) error {
		if accounts && len(held) > 0 && kept == nil {
			var err error
			if kept, err = s.keptAccounts(ctx, b, held); err != nil {
				return err
			}
		}
		n, err := s.purgeEventBatch(ctx, b, seqs, kept)
		events += n
		return err
	})
	if err != nil {
		return events, findings, err
	}
	err = s.purgeScan(ctx, "findings", "发现", b, held, func(seqs []int64, _ bool) error {
		n, err := s.purgeFindingBatch(ctx, b, seqs)
		findings += n
		return err
	})
	return events, findings, err
}

// purgeScan walks the rows of table (what, in Chinese) with a ts before
// b, PurgeBatchRows at a time, and calls purge with the seqs of each
// batch's rows that are not of a room in held (when there are any) and
// whether an account event is among them. It reads each batch before the
// transaction that deletes it begins and closes the rows first: a store
// of one connection (SQLite ":memory:") has none to spare.
func (s *Store) purgeScan(ctx context.Context, table, what string, b int64, held map[qinglang.RoomKey]bool, purge func(seqs []int64, accounts bool) error) error {
	q := s.rebind(purgeScanSQL(table))
	afterTS, afterSeq := int64(math.MinInt64), int64(0)
	for {
		rows, err := s.db.QueryContext(ctx, q, b, afterTS, afterTS, afterSeq, PurgeBatchRows)
		if err != nil {
			return s.wrap(err, "查找超过保存期限的%[1]s失败", "finding the %[2]s past the retention failed", what, table)
		}
		seqs := make([]int64, 0, PurgeBatchRows)
		n, accounts := 0, false
		for rows.Next() {
			var k qinglang.RoomKey
			var account int
			if err := rows.Scan(&afterSeq, &afterTS, &k.Platform, &k.Room, &account); err != nil {
				rows.Close()
				return s.wrap(err, "查找超过保存期限的%[1]s失败", "finding the %[2]s past the retention failed", what, table)
			}
			n++
			if !held[k] {
				seqs = append(seqs, afterSeq)
				accounts = accounts || account == 1
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.wrap(err, "查找超过保存期限的%[1]s失败", "finding the %[2]s past the retention failed", what, table)
		}
		if len(seqs) > 0 {
			slices.Sort(seqs) // one order of row locks for every purge
			if err := purge(seqs, accounts); err != nil {
				return err
			}
		}
		if n < PurgeBatchRows {
			return nil
		}
	}
}

// purgedRoom is what one batch deleted of a broadcast's events.
type purgedRoom struct {
	counts map[qinglang.EventType]int64
	marks  bool // a room_start or room_end
}

// purgedAccounts are the account events of one platform a batch deleted.
type purgedAccounts struct {
	users map[string]bool
	seqs  []any
}

// purgeEventBatch deletes the events seqs (those still stored with a ts
// before b) and their rows in one transaction, giving a user whose
// accounts row goes the account kept for it (see keptAccounts), and
// returns how many events it deleted.
func (s *Store) purgeEventBatch(ctx context.Context, b int64, seqs []int64, kept map[[2]string]keptAccount) (int64, error) {
	t := &Tx{s: s, ctx: ctx}
	defer t.Rollback()
	if err := t.open(); err != nil {
		return 0, err
	}
	args := make([]any, 0, len(seqs)+2)
	for _, seq := range seqs {
		args = append(args, seq)
	}
	args = append(args, b, string(qinglang.Account))
	rows, err := t.tx.QueryContext(ctx, s.rebind(`DELETE FROM events WHERE seq IN (`+placeholders(len(seqs))+`) AND ts_us < ?
		RETURNING seq, platform, room, type, CASE WHEN type = ? THEN body END`), args...)
	if err != nil {
		return 0, s.wrap(err, "删除 %d 个过期事件失败", "deleting %d events past the retention failed", len(seqs))
	}
	var (
		n                int64
		orders, listings []any
		accounts         = map[string]*purgedAccounts{}
		rooms            = map[qinglang.RoomKey]*purgedRoom{}
	)
	fail := func(err error) (int64, error) {
		rows.Close()
		return 0, s.wrap(err, "删除 %d 个过期事件失败", "deleting %d events past the retention failed", len(seqs))
	}
	for rows.Next() {
		var seq int64
		var k qinglang.RoomKey
		var typ string
		var body sql.NullString
		if err := rows.Scan(&seq, &k.Platform, &k.Room, &typ, &body); err != nil {
			return fail(err)
		}
		n++
		switch qinglang.EventType(typ) {
		case qinglang.Order:
			orders = append(orders, seq)
		case qinglang.Listing:
			listings = append(listings, seq)
		case qinglang.Account:
			ev, err := decodeEvent(body.String)
			if err != nil {
				rows.Close()
				return 0, err
			}
			a := accounts[k.Platform]
			if a == nil {
				a = &purgedAccounts{users: map[string]bool{}}
				accounts[k.Platform] = a
			}
			a.users[ev.User] = true
			a.seqs = append(a.seqs, seq)
		}
		if k.Room == "" {
			continue
		}
		r := rooms[k]
		if r == nil {
			r = &purgedRoom{counts: map[qinglang.EventType]int64{}}
			rooms[k] = r
		}
		r.counts[qinglang.EventType(typ)]++
		r.marks = r.marks || typ == string(qinglang.RoomStart) || typ == string(qinglang.RoomEnd)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	rows.Close()
	for _, d := range []struct {
		table, what string
		seqs        []any
	}{{"orders", "订单", orders}, {"listings", "上架记录", listings}} {
		if len(d.seqs) == 0 {
			continue
		}
		q := "DELETE FROM " + d.table + " WHERE event_seq IN (" + placeholders(len(d.seqs)) + ")"
		if _, err := t.tx.ExecContext(ctx, s.rebind(q), d.seqs...); err != nil {
			return 0, s.wrap(err, "删除过期事件的%[1]s失败", "deleting the %[2]s of events past the retention failed", d.what, d.table)
		}
	}
	if err := t.purgeAccounts(ctx, accounts, kept); err != nil {
		return 0, err
	}
	if err := t.purgeRooms(ctx, rooms); err != nil {
		return 0, err
	}
	if err := t.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// purgeAccounts deletes the accounts rows that point to the account events
// deleted (found by their users through the primary key; accounts has no
// index on event_seq), and writes for each user whose row went the
// account kept for it, if any.
func (t *Tx) purgeAccounts(ctx context.Context, accounts map[string]*purgedAccounts, kept map[[2]string]keptAccount) error {
	platforms := make([]string, 0, len(accounts))
	for p := range accounts {
		platforms = append(platforms, p)
	}
	slices.Sort(platforms)
	var restore [][2]string
	for _, p := range platforms {
		a := accounts[p]
		users := make([]string, 0, len(a.users))
		for u := range a.users {
			users = append(users, u)
		}
		slices.Sort(users)
		args := append(append([]any{p}, anys(users)...), a.seqs...)
		q := "DELETE FROM accounts WHERE platform = ? AND user_id IN (" + placeholders(len(users)) +
			") AND event_seq IN (" + placeholders(len(a.seqs)) + ") RETURNING user_id"
		rows, err := t.tx.QueryContext(ctx, t.s.rebind(q), args...)
		if err != nil {
			return t.s.wrap(err, "删除过期事件的账号信息失败（平台 %s）", "deleting the accounts of events past the retention failed (platform %s)", p)
		}
		for rows.Next() {
			var u string
			if err = rows.Scan(&u); err != nil {
				break
			}
			if _, ok := kept[[2]string{p, u}]; ok {
				restore = append(restore, [2]string{p, u})
			}
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return t.s.wrap(err, "删除过期事件的账号信息失败（平台 %s）", "deleting the accounts of events past the retention failed (platform %s)", p)
		}
	}
	slices.SortFunc(restore, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for _, k := range restore {
		a := kept[k]
		_, err := t.tx.ExecContext(ctx, t.s.rebind(purgeRestoreAccountSQL),
			k[0], k[1], a.ts, nullMicros(a.ev.CreatedAt), nullInt(a.ev.Followers), a.seq)
		if err != nil {
			return t.s.wrap(err, "恢复账号 %s/%s 失败", "restoring account %s/%s failed", k[0], k[1])
		}
	}
	return nil
}

// purgeRooms brings the rows of the broadcasts whose events a batch
// deleted up to date, in key order (the order flushRooms locks them in).
// The counts go down by what was deleted (a concurrent transaction's
// additions commute with it); the span and, when a room_start or room_end
// was deleted, the people, title and times are read again from the events
// left; a broadcast with none left loses its rows.
func (t *Tx) purgeRooms(ctx context.Context, rooms map[qinglang.RoomKey]*purgedRoom) error {
	keys := make([]qinglang.RoomKey, 0, len(rooms))
	for k := range rooms {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b qinglang.RoomKey) int {
		return cmp.Or(cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Room, b.Room))
	})
	for _, k := range keys {
		if err := t.purgeRoom(ctx, k, rooms[k]); err != nil {
			return t.s.wrap(err, "更新直播间 %s/%s 失败", "updating room %s/%s failed", k.Platform, k.Room)
		}
	}
	return nil
}

// purgeRoom brings the rows of one broadcast up to date (see purgeRooms).
func (t *Tx) purgeRoom(ctx context.Context, k qinglang.RoomKey, r *purgedRoom) error {
	types := make([]qinglang.EventType, 0, len(r.counts))
	for typ := range r.counts {
		types = append(types, typ)
	}
	slices.Sort(types)
	for _, typ := range types {
		if _, err := t.tx.ExecContext(ctx, t.s.rebind(purgeRoomCountSQL), r.counts[typ], k.Platform, k.Room, string(typ)); err != nil {
			return err
		}
	}
	if _, err := t.tx.ExecContext(ctx, t.s.rebind(purgeRoomZeroSQL), k.Platform, k.Room); err != nil {
		return err
	}
	var first, last sql.NullInt64
	if err := t.tx.QueryRowContext(ctx, t.s.rebind(purgeRoomSpanSQL), k.Platform, k.Room).Scan(&first, &last); err != nil {
		return err
	}
	if !first.Valid { // no event left
		for _, q := range []string{purgeRoomDropSQL, purgeRoomDropNSQL} {
			if _, err := t.tx.ExecContext(ctx, t.s.rebind(q), k.Platform, k.Room); err != nil {
				return err
			}
		}
		return nil
	}
	if !r.marks {
		_, err := t.tx.ExecContext(ctx, t.s.rebind(purgeRoomSetSpanSQL), first.Int64, last.Int64, k.Platform, k.Room)
		return err
	}
	rows, err := t.tx.QueryContext(ctx, t.s.rebind(purgeRoomMarksSQL), k.Platform, k.Room,
		string(qinglang.RoomStart), string(qinglang.RoomEnd))
	if err != nil {
		return err
	}
	defer rows.Close()
	d := roomDelta{}
	for rows.Next() {
		var typ, body string
		var ts int64
		if err := rows.Scan(&typ, &ts, &body); err != nil {
			return err
		}
		if qinglang.EventType(typ) == qinglang.RoomEnd {
			if d.endedAt == nil || ts > *d.endedAt {
				d.endedAt = &ts
			}
			continue
		}
		ev, err := decodeEvent(body)
		if err != nil {
			return err
		}
		setIf(&d.host, ev.Host)
		setIf(&d.operator, ev.Operator)
		setIf(&d.merchant, ev.Merchant)
		setIf(&d.agency, ev.Agency)
		setIf(&d.title, ev.Title)
		d.startedAt = &ts
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	_, err = t.tx.ExecContext(ctx, t.s.rebind(purgeRoomResetSQL),
		nullText(d.host), nullText(d.operator), nullText(d.merchant), nullText(d.agency), nullText(d.title),
		nullInt(d.startedAt), nullInt(d.endedAt), first.Int64, last.Int64, k.Platform, k.Room)
	return err
}

// keptAccount is an account event of a room kept.
type keptAccount struct {
	ts, seq int64
	ev      qinglang.Event
}

// keptAccounts returns the latest account event (by ts, then seq) of each
// user, by (platform, user), among those with a ts before b of the rooms
// in held: the account of a user whose accounts row a purge deletes. Those
// are the only account events of the user left then (an event of a later
// ts would be later than the one deleted, which was the latest), and they
// stay while the purge runs.
func (s *Store) keptAccounts(ctx context.Context, b int64, held map[qinglang.RoomKey]bool) (map[[2]string]keptAccount, error) {
	latest := map[[2]string]keptAccount{}
	for k := range held {
		rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT seq, ts_us, body FROM events
			WHERE platform = ? AND room = ? AND type = ? AND ts_us < ?`), k.Platform, k.Room, string(qinglang.Account), b)
		if err != nil {
			return nil, s.wrap(err, "读取保留的直播间 %s/%s 的账号事件失败", "reading the account events of the kept room %s/%s failed", k.Platform, k.Room)
		}
		for rows.Next() {
			var a keptAccount
			var body string
			if err := rows.Scan(&a.seq, &a.ts, &body); err != nil {
				rows.Close()
				return nil, s.wrap(err, "读取保留的直播间 %s/%s 的账号事件失败", "reading the account events of the kept room %s/%s failed", k.Platform, k.Room)
			}
			if a.ev, err = decodeEvent(body); err != nil {
				rows.Close()
				return nil, err
			}
			key := [2]string{k.Platform, a.ev.User}
			if old, ok := latest[key]; !ok || a.ts > old.ts || a.ts == old.ts && a.seq > old.seq {
				latest[key] = a
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, s.wrap(err, "读取保留的直播间 %s/%s 的账号事件失败", "reading the account events of the kept room %s/%s failed", k.Platform, k.Room)
		}
	}
	return latest, nil
}

// purgeFindingBatch deletes the findings seqs (those still stored with a
// ts before b) in one transaction and returns how many it deleted.
func (s *Store) purgeFindingBatch(ctx context.Context, b int64, seqs []int64) (int64, error) {
	t := &Tx{s: s, ctx: ctx}
	defer t.Rollback()
	if err := t.open(); err != nil {
		return 0, err
	}
	args := make([]any, 0, len(seqs)+1)
	for _, seq := range seqs {
		args = append(args, seq)
	}
	args = append(args, b)
	res, err := t.tx.ExecContext(ctx, s.rebind("DELETE FROM findings WHERE seq IN ("+placeholders(len(seqs))+") AND ts_us < ?"), args...)
	if err != nil {
		return 0, s.wrap(err, "删除 %d 个过期发现失败", "deleting %d findings past the retention failed", len(seqs))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, s.wrap(err, "删除 %d 个过期发现失败", "deleting %d findings past the retention failed", len(seqs))
	}
	if err := t.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// placeholders returns n "?" placeholders separated by commas.
func placeholders(n int) string {
	return "?" + strings.Repeat(", ?", n-1)
}
