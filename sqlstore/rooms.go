package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/qinglang/qinglang"
)

// Page sizes of Rooms.
const (
	DefaultRoomsLimit = 100
	MaxRoomsLimit     = 1000
)

// roomCursorPrefix versions the rooms' cursor format.
const roomCursorPrefix = "m1:"

// roomColumns are the columns of rooms a RoomSummary is built from.
const roomColumns = "platform, room, host, operator, merchant, agency, title, started_at_us, ended_at_us, first_ts_us, last_ts_us"

// Rooms returns summaries of the stored broadcasts, the most recently
// active first: by the ts of their latest event, newest first, then by
// platform and room. f.Platform keeps one platform's and f.Since those
// whose latest event is at or after it; zero fields do not filter. Each
// summary is what Room answers for the broadcast (its people and title,
// its events by type and its number of findings). f.Limit is 1..1000 and
// 0 means 100; a negative limit or one over 1000 is an EINVALID error, and
// so is a cursor this store did not hand out. Next is set when more rooms
// follow; pass it as f.Cursor for the next page. Times come back in UTC.
//
// The page and its counts are read in one statement, one snapshot. A room
// whose latest event changes between two pages moves in the order: it may
// be listed twice or not at all across the pages (a live list, not a
// snapshot of all rooms).
func (s *Store) Rooms(ctx context.Context, f qinglang.RoomFilter) (qinglang.RoomPage, error) {
	limit, err := pageLimit(f.Limit, DefaultRoomsLimit, MaxRoomsLimit)
	if err != nil {
		return qinglang.RoomPage{}, err
	}
	var where []string
	var args []any
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if f.Cursor != "" {
		pos, err := decodeRoomCursor(f.Cursor)
		if err != nil {
			return qinglang.RoomPage{}, err
		}
		add("(last_ts_us < ? OR (last_ts_us = ? AND (platform > ? OR (platform = ? AND room > ?))))",
			pos.LastTS, pos.LastTS, pos.Platform, pos.Platform, pos.Room)
	}
	if f.Platform != "" {
		add("platform = ?", f.Platform)
	}
	if !f.Since.IsZero() {
		add("last_ts_us >= ?", micros(f.Since))
	}
	q := "SELECT " + roomColumns + " FROM rooms"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	// The page, its findings counted once per room, then its event counts
	// (one row per type), in one statement.
	q = "WITH page AS (" + q + " ORDER BY last_ts_us DESC, platform, room LIMIT ?), " +
		"nf AS (SELECT f.platform, f.room, COUNT(*) AS n FROM findings f " +
		"JOIN page p ON f.platform = p.platform AND f.room = p.room GROUP BY f.platform, f.room) " +
		"SELECT p.platform, p.room, p.host, p.operator, p.merchant, p.agency, p.title, p.started_at_us, p.ended_at_us, " +
		"p.first_ts_us, p.last_ts_us, COALESCE(nf.n, 0), e.type, e.n FROM page p " +
		"LEFT JOIN nf ON nf.platform = p.platform AND nf.room = p.room " +
		"LEFT JOIN room_events e ON e.platform = p.platform AND e.room = p.room " +
		"ORDER BY p.last_ts_us DESC, p.platform, p.room, e.type"
	args = append(args, limit+1) // one more tells whether a next page exists

	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return qinglang.RoomPage{}, s.wrap(err, "查询直播间列表失败", "listing rooms failed")
	}
	defer rows.Close()
	page := qinglang.RoomPage{Rooms: []qinglang.RoomSummary{}}
	var lastUS []int64 // last_ts_us of each room read, for the cursor
	for rows.Next() {
		var r storedRoom
		var findings int64
		var typ sql.NullString
		var n sql.NullInt64
		if err := rows.Scan(&r.platform, &r.room, &r.host, &r.operator, &r.merchant, &r.agency, &r.title,
			&r.started, &r.ended, &r.first, &r.last, &findings, &typ, &n); err != nil {
			return qinglang.RoomPage{}, s.wrap(err, "读取直播间列表失败", "reading rooms failed")
		}
		k := len(page.Rooms) - 1
		if k < 0 || page.Rooms[k].Platform != r.platform || page.Rooms[k].Room != r.room {
			sum := r.summary()
			sum.Findings = findings
			page.Rooms, lastUS = append(page.Rooms, sum), append(lastUS, r.last)
			k++
		}
		if typ.Valid {
			page.Rooms[k].Events[qinglang.EventType(typ.String)] = n.Int64
		}
	}
	if err := rows.Err(); err != nil {
		return qinglang.RoomPage{}, s.wrap(err, "读取直播间列表失败", "reading rooms failed")
	}
	if len(page.Rooms) > limit {
		page.Rooms = page.Rooms[:limit]
		last := page.Rooms[limit-1]
		page.Next = encodeRoomCursor(roomPos{LastTS: lastUS[limit-1], Platform: last.Platform, Room: last.Room})
	}
	return page, nil
}

// storedRoom is a row of rooms as scanned.
type storedRoom struct {
	platform, room                          string
	host, operator, merchant, agency, title sql.NullString
	started, ended                          sql.NullInt64
	first, last                             int64
}

// summary builds the room's summary without its counts (Events empty,
// Findings zero).
func (r storedRoom) summary() qinglang.RoomSummary {
	sum := qinglang.RoomSummary{Platform: r.platform, Room: r.room, Events: map[qinglang.EventType]int64{},
		Host: r.host.String, Operator: r.operator.String, Merchant: r.merchant.String, Agency: r.agency.String,
		Title: r.title.String, FirstTS: fromMicros(r.first), LastTS: fromMicros(r.last)}
	if r.started.Valid {
		t := fromMicros(r.started.Int64)
		sum.StartedAt = &t
	}
	if r.ended.Valid {
		t := fromMicros(r.ended.Int64)
		sum.EndedAt = &t
	}
	return sum
}

// roomPos is where a page of rooms ended: the last room's latest event
// (stored microseconds), platform and room.
type roomPos struct {
	LastTS   int64  `json:"t"`
	Platform string `json:"p"`
	Room     string `json:"r"`
}

// encodeRoomCursor makes the opaque cursor that continues after pos.
func encodeRoomCursor(pos roomPos) string {
	b, _ := json.Marshal(pos) // a struct of an int and two strings always encodes
	return base64.RawURLEncoding.EncodeToString(append([]byte(roomCursorPrefix), b...))
}

// decodeRoomCursor reads a cursor made by encodeRoomCursor, or returns an
// EINVALID error.
func decodeRoomCursor(c string) (roomPos, error) {
	bad := qinglang.Errorf(qinglang.EINVALID, "分页游标 cursor 无效：%q", "invalid page cursor (cursor): %q", c)
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return roomPos{}, bad
	}
	body, ok := strings.CutPrefix(string(raw), roomCursorPrefix)
	if !ok {
		return roomPos{}, bad
	}
	var pos roomPos
	d := json.NewDecoder(strings.NewReader(body))
	d.DisallowUnknownFields()
	if err := d.Decode(&pos); err != nil || d.More() || pos.Room == "" || pos.Platform == "" {
		return roomPos{}, bad
	}
	return pos, nil
}
