package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
)

// Tx is one write transaction (qinglang.Tx). It is used by one goroutine at
// a time. After a method returns an error the transaction must be rolled
// back: part of the failed write may have happened.
type Tx struct {
	s     *Store
	ctx   context.Context // Begin's; used for the work Commit does
	tx    *sql.Tx         // nil until the first statement (see Store.Begin)
	stmts [numStmts]*sql.Stmt
	multi [numMultiRows][]*sql.Stmt // multi-row statements bound to tx
	rooms map[qinglang.RoomKey]*roomDelta
	done  bool
}

var _ qinglang.Tx = (*Tx)(nil)

// open begins the database transaction on first use.
func (t *Tx) open() error {
	if t.done {
		return qinglang.Errorf(qinglang.EINTERNAL, "事务已经结束", "the transaction has already ended")
	}
	if t.tx != nil {
		return nil
	}
	tx, err := t.s.beginTx(t.ctx)
	if err != nil {
		return err
	}
	t.tx = tx
	return nil
}

// roomDelta is what this transaction's events change in one rooms row. The
// row is written once per room at Commit instead of once per event: a batch
// of thousands of events of a few rooms costs a few upserts.
type roomDelta struct {
	host, operator, merchant, agency, title string // from room_start; "" keeps the stored value
	startedAt, endedAt                      *int64
	first, last                             int64
	counts                                  map[qinglang.EventType]int64 // events stored, by type
}

// stmt returns the store's prepared statement i bound to this transaction,
// binding it on first use.
func (t *Tx) stmt(ctx context.Context, i int) *sql.Stmt {
	if t.stmts[i] == nil {
		t.stmts[i] = t.tx.StmtContext(ctx, t.s.stmts[i])
	}
	return t.stmts[i]
}

// AddEvent stores ev as evidence together with its type's row (orders,
// listings, accounts) and notes it for its room: AddEvents with one event.
// It reports false, and stores nothing, when the event's key is stored
// already: (platform, id) for an event with an id, else its origin. An
// event without a platform is stored under qinglang.DefaultPlatform; ev
// itself is not changed.
func (t *Tx) AddEvent(ctx context.Context, ev *qinglang.Event, origin string) (bool, error) {
	if ev == nil {
		return false, qinglang.Errorf(qinglang.EINVALID, "事件为空", "the event is nil")
	}
	added, err := t.AddEvents(ctx, []qinglang.Event{*ev}, []string{origin})
	if err != nil {
		return false, err
	}
	return added[0], nil
}

// noteRoom folds e into the pending change of its room.
func (t *Tx) noteRoom(e *qinglang.Event, ts int64) {
	if t.rooms == nil {
		t.rooms = make(map[qinglang.RoomKey]*roomDelta)
	}
	k := e.RoomKey()
	d := t.rooms[k]
	if d == nil {
		d = &roomDelta{first: ts, last: ts, counts: make(map[qinglang.EventType]int64, 4)}
		t.rooms[k] = d
	}
	d.counts[e.Type]++
	d.first, d.last = min(d.first, ts), max(d.last, ts)
	switch e.Type {
	case qinglang.RoomStart:
		setIf(&d.host, e.Host)
		setIf(&d.operator, e.Operator)
		setIf(&d.merchant, e.Merchant)
		setIf(&d.agency, e.Agency)
		setIf(&d.title, e.Title)
		v := ts
		d.startedAt = &v
	case qinglang.RoomEnd:
		if d.endedAt == nil || ts > *d.endedAt {
			v := ts
			d.endedAt = &v
		}
	}
}

// setIf sets *dst to v unless v is empty.
func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// flushRooms writes the pending room changes in multi-row upserts, in key
// order so that two transactions touching the same rooms lock them in the
// same order.
func (t *Tx) flushRooms(ctx context.Context) error {
	if len(t.rooms) == 0 {
		return nil
	}
	keys := make([]qinglang.RoomKey, 0, len(t.rooms))
	for k := range t.rooms {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b qinglang.RoomKey) int {
		return cmp.Or(cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Room, b.Room))
	})
	args := make([]any, 0, len(keys)*multiRows[mrRooms].cols)
	for _, k := range keys {
		d := t.rooms[k]
		args = append(args, k.Platform, k.Room,
			nullText(d.host), nullText(d.operator), nullText(d.merchant), nullText(d.agency), nullText(d.title),
			nullInt(d.startedAt), nullInt(d.endedAt), d.first, d.last)
	}
	if err := t.execRows(ctx, mrRooms, args); err != nil {
		return t.s.wrap(err, "更新 %d 个直播间失败", "updating %d rooms failed", len(keys))
	}
	args = args[:0]
	for _, k := range keys {
		counts := t.rooms[k].counts
		types := make([]qinglang.EventType, 0, len(counts))
		for typ := range counts {
			types = append(types, typ)
		}
		slices.Sort(types)
		for _, typ := range types {
			args = append(args, k.Platform, k.Room, string(typ), counts[typ])
		}
	}
	if err := t.execRows(ctx, mrRoomEvents, args); err != nil {
		return t.s.wrap(err, "更新 %d 个直播间的事件计数失败", "updating the event counts of %d rooms failed", len(keys))
	}
	t.rooms = nil
	return nil
}

// AddFinding stores f under qinglang.FindingID(f.Platform, f.Room, f.Rule,
// f.DedupKey). It sets f.ID and f.DetectedAt (from Store.Now), a nil
// f.EventIDs to an empty list, and an empty f.Platform to the default
// platform. It reports false when a finding with that id is stored already.
func (t *Tx) AddFinding(ctx context.Context, f *qinglang.Finding) (bool, error) {
	if err := t.open(); err != nil {
		return false, err
	}
	if f == nil {
		return false, qinglang.Errorf(qinglang.EINVALID, "发现为空", "the finding is nil")
	}
	f.Platform = platformOr(f.Platform)
	if f.EventIDs == nil {
		f.EventIDs = []string{}
	}
	f.ID = qinglang.FindingID(f.Platform, f.Room, f.Rule, f.DedupKey)
	return t.insertFinding(ctx, f)
}

// insertFinding sets f.DetectedAt and inserts f unless a finding with its
// id is stored; it reports whether it inserted.
func (t *Tx) insertFinding(ctx context.Context, f *qinglang.Finding) (bool, error) {
	f.DetectedAt = t.s.now()
	body, err := json.Marshal(f)
	if err != nil {
		return false, qinglang.Wrap(qinglang.EINVALID, err, "发现 %s 无法编码为 JSON（规则 %s）", "finding %s cannot be encoded as JSON (rule %s)", f.ID, f.Rule)
	}
	res, err := t.stmt(ctx, stmtInsertFinding).ExecContext(ctx,
		f.ID, string(f.Kind), f.Rule, string(f.Severity), f.Platform, f.Room,
		micros(f.TS), micros(f.DetectedAt), string(body))
	if err != nil {
		return false, t.s.wrap(err, "写入发现 %s 失败", "storing finding %s failed", f.ID)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, t.s.wrap(err, "写入发现 %s 失败", "storing finding %s failed", f.ID)
	}
	return n > 0, nil
}

// LowestOrder returns the order with the lowest unit price of the product
// on the platform with from <= ts < to (the earliest among equals), or nil.
// It sees this transaction's own writes.
func (t *Tx) LowestOrder(ctx context.Context, platform, product string, from, to time.Time) (*qinglang.OrderFact, error) {
	if err := t.open(); err != nil {
		return nil, err
	}
	row := t.stmt(ctx, stmtLowestOrder).QueryRowContext(ctx, platformOr(platform), product, micros(from), micros(to))
	o, err := scanOrder(row)
	if err != nil {
		return nil, t.s.wrap(err, "查询商品 %s 的最低成交价失败", "looking up the lowest order price of product %s failed", product)
	}
	return o, nil
}

// LastOrderBefore returns the latest order of the product on the platform
// with ts < before, or nil. It sees this transaction's own writes.
func (t *Tx) LastOrderBefore(ctx context.Context, platform, product string, before time.Time) (*qinglang.OrderFact, error) {
	if err := t.open(); err != nil {
		return nil, err
	}
	row := t.stmt(ctx, stmtLastOrderBefore).QueryRowContext(ctx, platformOr(platform), product, micros(before))
	o, err := scanOrder(row)
	if err != nil {
		return nil, t.s.wrap(err, "查询商品 %s 的上一笔订单失败", "looking up the last order of product %s failed", product)
	}
	return o, nil
}

// DefaultComparedListingsLimit is the number of listings ComparedListings
// returns at most when the limit given is not positive.
const DefaultComparedListingsLimit = 100

// ComparedListings returns the listing events of the product on the
// platform (an empty platform is the default one) with from < ts <= to that
// show an original price, oldest first (then in the order stored), each as
// it was sent, at most limit of them (limit <= 0 means 100). It sees this
// transaction's own writes.
func (t *Tx) ComparedListings(ctx context.Context, platform, product string, from, to time.Time, limit int) ([]qinglang.Event, error) {
	if err := t.open(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultComparedListingsLimit
	}
	platform = platformOr(platform)
	rows, err := t.stmt(ctx, stmtComparedListings).QueryContext(ctx, platform, product, micros(from), micros(to), limit)
	if err != nil {
		return nil, t.s.wrap(err, "查询商品 %s 的划线价上架记录失败", "listing the compared listings of product %s failed", product)
	}
	return t.s.scanEvents(rows, "商品 "+product+" 的划线价上架记录", "the compared listings of product "+product)
}

// UserOrders returns how many orders the user placed on the platform (an
// empty platform is the default one) with ts < before, in any room. It sees
// this transaction's own writes.
func (t *Tx) UserOrders(ctx context.Context, platform, user string, before time.Time) (int64, error) {
	if err := t.open(); err != nil {
		return 0, err
	}
	var n int64
	err := t.stmt(ctx, stmtUserOrders).QueryRowContext(ctx, platformOr(platform), user, micros(before)).Scan(&n)
	if err != nil {
		return 0, t.s.wrap(err, "查询用户 %s 的订单数失败", "counting the orders of user %s failed", user)
	}
	return n, nil
}

// RoomOrders returns how many orders were placed in the room on the
// platform (an empty platform is the default one) with ts < before, and the
// items they sold in all. It sees this transaction's own writes.
func (t *Tx) RoomOrders(ctx context.Context, platform, room string, before time.Time) (orders, qty int64, err error) {
	if err := t.open(); err != nil {
		return 0, 0, err
	}
	err = t.stmt(ctx, stmtRoomOrders).QueryRowContext(ctx, platformOr(platform), room, micros(before)).Scan(&orders, &qty)
	if err != nil {
		return 0, 0, t.s.wrap(err, "查询直播间 %s 的订单数失败", "counting the orders of room %s failed", room)
	}
	return orders, qty, nil
}

// scanOrder reads one orders row; no row is (nil, nil).
func scanOrder(row *sql.Row) (*qinglang.OrderFact, error) {
	var o qinglang.OrderFact
	var ts, off int64
	err := row.Scan(&o.EventID, &o.Room, &o.User, &ts, &off, &o.Qty, &o.AmountFen, &o.UnitPriceFen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	o.TS = zoned(ts, off)
	return &o, nil
}

// Commit writes the pending room changes and commits. Once it returns nil
// the batch is durable.
func (t *Tx) Commit() error {
	if t.done {
		return qinglang.Errorf(qinglang.EINTERNAL, "事务已经结束", "the transaction has already ended")
	}
	if t.tx == nil { // nothing was written or read
		t.done = true
		return nil
	}
	if err := t.flushRooms(t.ctx); err != nil {
		_ = t.Rollback()
		return err
	}
	t.done = true
	defer t.s.endWrite()
	if err := t.tx.Commit(); err != nil {
		return t.s.wrap(err, "提交事务失败", "committing the transaction failed")
	}
	return nil
}

// Rollback discards the transaction. After Commit or Rollback it does
// nothing and returns nil, so it can be deferred.
func (t *Tx) Rollback() error {
	if t.done {
		return nil
	}
	t.done = true
	t.rooms = nil
	if t.tx == nil {
		return nil
	}
	defer t.s.endWrite()
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return t.s.wrap(err, "回滚事务失败", "rolling back the transaction failed")
	}
	return nil
}
