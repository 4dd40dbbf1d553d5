package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/qinglang/qinglang"
)

// DefaultEventsLimit is the number of events Events returns when the filter
// sets no limit.
const DefaultEventsLimit = 1000

// Room summarises one broadcast: host, operator, merchant, agency and title
// from its room_start (the one stored last), StartedAt from it, EndedAt from
// the latest room_end, the span of its events, the number of its events by
// type and of its findings. Times are in UTC. An empty platform is the
// default one. A room with no stored event is an ENOTFOUND error.
func (s *Store) Room(ctx context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
	platform := platformOr(key.Platform)
	sum := qinglang.RoomSummary{Platform: platform, Room: key.Room, Events: map[qinglang.EventType]int64{}}
	var host, operator, merchant, agency, title sql.NullString
	var started, ended sql.NullInt64
	var first, last int64
	err := s.stmts[stmtRoom].QueryRowContext(ctx, platform, key.Room).Scan(
		&host, &operator, &merchant, &agency, &title, &started, &ended, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return qinglang.RoomSummary{}, qinglang.Errorf(qinglang.ENOTFOUND,
			"没有找到直播间 %s/%s", "room %s/%s not found", platform, key.Room)
	}
	if err != nil {
		return qinglang.RoomSummary{}, s.wrap(err, "读取直播间 %s/%s 失败", "reading room %s/%s failed", platform, key.Room)
	}
	sum.Host, sum.Operator, sum.Merchant = host.String, operator.String, merchant.String
	sum.Agency, sum.Title = agency.String, title.String
	if started.Valid {
		t := fromMicros(started.Int64)
		sum.StartedAt = &t
	}
	if ended.Valid {
		t := fromMicros(ended.Int64)
		sum.EndedAt = &t
	}
	sum.FirstTS, sum.LastTS = fromMicros(first), fromMicros(last)

	rows, err := s.stmts[stmtRoomCounts].QueryContext(ctx, platform, key.Room)
	if err != nil {
		return qinglang.RoomSummary{}, s.wrap(err, "统计直播间 %s/%s 的事件失败", "counting the events of room %s/%s failed", platform, key.Room)
	}
	defer rows.Close()
	for rows.Next() {
		var typ string
		var n int64
		if err := rows.Scan(&typ, &n); err != nil {
			return qinglang.RoomSummary{}, s.wrap(err, "统计直播间 %s/%s 的事件失败", "counting the events of room %s/%s failed", platform, key.Room)
		}
		sum.Events[qinglang.EventType(typ)] = n
	}
	if err := rows.Err(); err != nil {
		return qinglang.RoomSummary{}, s.wrap(err, "统计直播间 %s/%s 的事件失败", "counting the events of room %s/%s failed", platform, key.Room)
	}
	err = s.stmts[stmtRoomFindings].QueryRowContext(ctx, platform, key.Room).Scan(&sum.Findings)
	if err != nil {
		return qinglang.RoomSummary{}, s.wrap(err, "统计直播间 %s/%s 的发现失败", "counting the findings of room %s/%s failed", platform, key.Room)
	}
	return sum, nil
}

// Events returns the stored events of one room (an empty platform is the
// default one) in the order of their ts, then the order stored, each as it
// was sent (its ts keeps its offset). Types, From (inclusive) and To
// (exclusive) narrow it; Limit 0 means 1000 and a negative limit is an
// EINVALID error.
func (s *Store) Events(ctx context.Context, f qinglang.EventFilter) ([]qinglang.Event, error) {
	limit := f.Limit
	switch {
	case limit == 0:
		limit = DefaultEventsLimit
	case limit < 0:
		return nil, qinglang.Errorf(qinglang.EINVALID, "limit 不能为负数（收到 %d）", "limit must not be negative (got %d)", f.Limit)
	}
	platform := platformOr(f.Platform)
	q := "SELECT body FROM events WHERE platform = ? AND room = ?"
	args := []any{platform, f.Room}
	if len(f.Types) > 0 {
		q += " AND type IN (?" + strings.Repeat(", ?", len(f.Types)-1) + ")"
		for _, t := range f.Types {
			args = append(args, string(t))
		}
	}
	if !f.From.IsZero() {
		q += " AND ts_us >= ?"
		args = append(args, micros(f.From))
	}
	if !f.To.IsZero() {
		q += " AND ts_us < ?"
		args = append(args, micros(f.To))
	}
	q += " ORDER BY ts_us, seq LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, s.wrap(err, "查询直播间 %s/%s 的事件失败", "listing the events of room %s/%s failed", platform, f.Room)
	}
	return s.scanEvents(rows, "直播间 "+platform+"/"+f.Room+" 的事件", "the events of room "+platform+"/"+f.Room)
}

// Listings returns every listing event of the product on the platform (an
// empty platform is the default one), oldest first: its price history.
func (s *Store) Listings(ctx context.Context, platform, product string) ([]qinglang.Event, error) {
	platform = platformOr(platform)
	rows, err := s.stmts[stmtListings].QueryContext(ctx, platform, product)
	if err != nil {
		return nil, s.wrap(err, "查询商品 %s 的上架记录失败", "listing the listings of product %s failed", product)
	}
	return s.scanEvents(rows, "商品 "+product+" 的上架记录", "the listings of product "+product)
}

// ProductListings returns every listing event of the product on every
// platform, oldest first (then in the order stored), each as it was sent:
// the listings a failed spot check reaches.
func (s *Store) ProductListings(ctx context.Context, product string) ([]qinglang.Event, error) {
	rows, err := s.stmts[stmtProductListings].QueryContext(ctx, product)
	if err != nil {
		return nil, s.wrap(err, "查询商品 %s 在各平台的上架记录失败", "listing the listings of product %s on every platform failed", product)
	}
	return s.scanEvents(rows, "商品 "+product+" 在各平台的上架记录", "the listings of product "+product+" on every platform")
}

// Account returns the latest account event (by ts) of the user on the
// platform (an empty platform is the default one), or an ENOTFOUND error.
func (s *Store) Account(ctx context.Context, platform, user string) (qinglang.Event, error) {
	platform = platformOr(platform)
	var body string
	err := s.stmts[stmtAccount].QueryRowContext(ctx, platform, user).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return qinglang.Event{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到账号 %s/%s", "account %s/%s not found", platform, user)
	}
	if err != nil {
		return qinglang.Event{}, s.wrap(err, "读取账号 %s/%s 失败", "reading account %s/%s failed", platform, user)
	}
	return decodeEvent(body)
}

// scanEvents decodes rows of one body column and closes them. what and
// whatEN name what is read, for errors.
func (s *Store) scanEvents(rows *sql.Rows, what, whatEN string) ([]qinglang.Event, error) {
	defer rows.Close()
	events := []qinglang.Event{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, s.wrap(err, "读取%[1]s失败", "reading %[2]s failed", what, whatEN)
		}
		ev, err := decodeEvent(body)
		if err != nil {
			return nil, err
		}
		events = append(events, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "读取%[1]s失败", "reading %[2]s failed", what, whatEN)
	}
	return events, nil
}

// decodeEvent decodes a stored event.
func decodeEvent(body string) (qinglang.Event, error) {
	var ev qinglang.Event
	if err := json.Unmarshal([]byte(body), &ev); err != nil {
		return qinglang.Event{}, qinglang.Wrap(qinglang.EINTERNAL, err, "存储的事件无法解码", "a stored event cannot be decoded")
	}
	return ev, nil
}
