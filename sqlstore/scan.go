package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/qinglang/qinglang"
)

// Page sizes of ScanEvents.
const (
	DefaultScanLimit = 1000
	MaxScanLimit     = 10000
)

// eventPosPrefix versions the format of positions among stored events.
const eventPosPrefix = "e1:"

// ScanEvents returns stored events of every room in the order stored (by
// seq), each as it was sent, filtered by sc (an empty Platform or Types
// does not filter; From is inclusive and To exclusive on ts), after the
// position sc.After and up to the position sc.Through. next is the After of
// the next page, empty when no more events match. sc.Limit is 1..10000 and
// 0 means 1000; a negative limit, one over 10000 or a position this store
// did not hand out is an EINVALID error.
//
// A scan from the first page with From set starts at the first event
// stored with a ts in range (found through events_ts), not at the first
// event stored.
func (s *Store) ScanEvents(ctx context.Context, sc qinglang.EventScan) ([]qinglang.Event, string, error) {
	limit, err := pageLimit(sc.Limit, DefaultScanLimit, MaxScanLimit)
	if err != nil {
		return nil, "", err
	}
	var after int64
	if sc.After != "" {
		seq, err := decodePos(eventPosPrefix, sc.After, 0, "after")
		if err != nil {
			return nil, "", err
		}
		after = seq
	}
	where := []string{"seq > ?"}
	args := []any{after}
	if sc.Through != "" {
		through, err := decodePos(eventPosPrefix, sc.Through, 0, "through")
		if err != nil {
			return nil, "", err
		}
		where, args = append(where, "seq <= ?"), append(args, through)
	}
	if sc.After == "" && !sc.From.IsZero() {
		var first sql.NullInt64
		err := s.db.QueryRowContext(ctx, s.rebind("SELECT MIN(seq) FROM events WHERE ts_us >= ?"), micros(sc.From)).Scan(&first)
		if err != nil {
			return nil, "", s.wrap(err, "查找时间窗口的第一个事件失败", "finding the first event of the time window failed")
		}
		if !first.Valid {
			return []qinglang.Event{}, "", nil
		}
		args[0] = first.Int64 - 1
	}
	if sc.Platform != "" {
		where, args = append(where, "platform = ?"), append(args, sc.Platform)
	}
	if len(sc.Types) > 0 {
		where = append(where, "type IN (?"+strings.Repeat(", ?", len(sc.Types)-1)+")")
		for _, t := range sc.Types {
			args = append(args, string(t))
		}
	}
	if !sc.From.IsZero() {
		where, args = append(where, "ts_us >= ?"), append(args, micros(sc.From))
	}
	if !sc.To.IsZero() {
		where, args = append(where, "ts_us < ?"), append(args, micros(sc.To))
	}
	q := "SELECT seq, body FROM events WHERE " + strings.Join(where, " AND ") + " ORDER BY seq LIMIT ?"
	args = append(args, limit+1) // one more tells whether a next page exists
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, "", s.wrap(err, "按存储顺序读取事件失败", "scanning the stored events failed")
	}
	defer rows.Close()
	events := make([]qinglang.Event, 0, min(limit, 256))
	var last int64
	next := ""
	for rows.Next() {
		if len(events) == limit {
			next = encodePos(eventPosPrefix, last)
			break
		}
		var body string
		if err := rows.Scan(&last, &body); err != nil {
			return nil, "", s.wrap(err, "按存储顺序读取事件失败", "scanning the stored events failed")
		}
		ev, err := decodeEvent(body)
		if err != nil {
			return nil, "", err
		}
		events = append(events, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, "", s.wrap(err, "按存储顺序读取事件失败", "scanning the stored events failed")
	}
	return events, next, nil
}

// EventMark returns the position of the last event stored now (a position
// before every event when none is) and the latest ts of any stored event
// (in UTC; zero when none is).
func (s *Store) EventMark(ctx context.Context) (qinglang.EventMark, error) {
	var seq, latest sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT MAX(seq) FROM events").Scan(&seq)
	if err == nil {
		err = s.db.QueryRowContext(ctx, "SELECT MAX(ts_us) FROM events").Scan(&latest)
	}
	if err != nil {
		return qinglang.EventMark{}, s.wrap(err, "读取事件的存储位置失败", "reading where the stored events end failed")
	}
	mark := qinglang.EventMark{Through: encodePos(eventPosPrefix, seq.Int64)}
	if latest.Valid {
		mark.Latest = fromMicros(latest.Int64)
	}
	return mark, nil
}
