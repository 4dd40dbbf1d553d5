package sqlstore

import (
	"context"
	"database/sql"
	"math/bits"
	"strings"
)

// ChunkRows is the most rows one multi-row statement writes. 512 events of
// 7 columns are 3,584 bind parameters (listings: 6,144): well within
// SQLite's limit (32,766) and PostgreSQL's (65,535), and enough rows that
// the per-statement cost (a round trip, a statement journal) is spread
// thin.
const ChunkRows = 512

// chunkSize returns how many of n rows the next statement writes: ChunkRows,
// or the largest power of two not above n. Statements come in these sizes
// only, so that each is prepared once (at most 10 per write) and reused.
func chunkSize(n int) int {
	if n >= ChunkRows {
		return ChunkRows
	}
	return 1 << (bits.Len(uint(n)) - 1)
}

// multiRow is a multi-row INSERT: head, then one "(?, …)" tuple of cols
// placeholders per row, then tail.
type multiRow struct {
	head string
	cols int
	tail string
}

// The multi-row writes, by index into multiRows.
const (
	mrEvents = iota
	mrOrders
	mrListings
	mrAccounts
	mrRooms
	mrRoomEvents
	numMultiRows
)

var multiRows = [numMultiRows]multiRow{
	// ON CONFLICT DO NOTHING without a target covers both unique keys:
	// (platform, event_id) for an event with an id, origin for one without
	// (origin is NULL when there is an id). A duplicate returns no row; the
	// returned key columns say which input rows were stored.
	mrEvents: {
		head: `INSERT INTO events (platform, room, type, ts_us, event_id, origin, body) VALUES `,
		cols: 7,
		tail: ` ON CONFLICT DO NOTHING RETURNING seq, platform, event_id, origin`,
	},
	mrOrders: {
		head: `INSERT INTO orders
		(event_seq, platform, product, ts_us, ts_off, unit_price_fen, qty, amount_fen, event_id, room, user_id) VALUES `,
		cols: 11,
	},
	mrListings: {
		head: `INSERT INTO listings
		(event_seq, platform, product, ts_us, price_fen, original_price_fen, merchant, category, title, brand, room, event_id) VALUES `,
		cols: 12,
	},
	// The latest account event by ts wins; on a tie the one stored last.
	// A statement holds each (platform, user_id) once (PostgreSQL refuses
	// to update a row twice in one statement): AddEvents keeps the latest
	// of a batch.
	mrAccounts: {
		head: `INSERT INTO accounts (platform, user_id, ts_us, created_at_us, followers, event_seq) VALUES `,
		cols: 6,
		tail: ` ON CONFLICT (platform, user_id) DO UPDATE SET
			ts_us = excluded.ts_us,
			created_at_us = excluded.created_at_us,
			followers = excluded.followers,
			event_seq = excluded.event_seq
		WHERE excluded.ts_us >= accounts.ts_us`,
	},
	// One row per room: the room_start fields of the room_start stored
	// last, the latest room_end, and the span of all its events. NULL in a
	// new value keeps the old one. Each room appears once per statement.
	mrRooms: {
		head: `INSERT INTO rooms
		(platform, room, host, operator, merchant, agency, title, started_at_us, ended_at_us, first_ts_us, last_ts_us) VALUES `,
		cols: 11,
		tail: ` ON CONFLICT (platform, room) DO UPDATE SET
			host = COALESCE(excluded.host, rooms.host),
			operator = COALESCE(excluded.operator, rooms.operator),
			merchant = COALESCE(excluded.merchant, rooms.merchant),
			agency = COALESCE(excluded.agency, rooms.agency),
			title = COALESCE(excluded.title, rooms.title),
			started_at_us = COALESCE(excluded.started_at_us, rooms.started_at_us),
			ended_at_us = CASE
				WHEN excluded.ended_at_us IS NULL THEN rooms.ended_at_us
				WHEN rooms.ended_at_us IS NULL OR excluded.ended_at_us > rooms.ended_at_us THEN excluded.ended_at_us
				ELSE rooms.ended_at_us END,
			first_ts_us = CASE WHEN excluded.first_ts_us < rooms.first_ts_us
				THEN excluded.first_ts_us ELSE rooms.first_ts_us END,
			last_ts_us = CASE WHEN excluded.last_ts_us > rooms.last_ts_us
				THEN excluded.last_ts_us ELSE rooms.last_ts_us END`,
	},
	// Adds a transaction's counts of events by room and type.
	mrRoomEvents: {
		head: `INSERT INTO room_events (platform, room, type, n) VALUES `,
		cols: 4,
		tail: ` ON CONFLICT (platform, room, type) DO UPDATE SET n = room_events.n + excluded.n`,
	},
}

// multiRowSizes is the number of row counts chunkSize returns: 1, 2, 4, …,
// ChunkRows.
var multiRowSizes = bits.Len(ChunkRows)

// multiRowCache holds the multi-row statements, by write and by the base-2
// logarithm of their row count. They are prepared once, in New: preparing
// one later on the store could wait forever for a connection that the
// transaction asking for it holds (a ":memory:" store has only one).
type multiRowCache struct {
	stmts [numMultiRows][]*sql.Stmt
}

// prepare prepares every multi-row statement.
func (c *multiRowCache) prepare(ctx context.Context, db *sql.DB, placeholder func(int) string) error {
	for w, m := range multiRows {
		c.stmts[w] = make([]*sql.Stmt, multiRowSizes)
		for i := range multiRowSizes {
			st, err := db.PrepareContext(ctx, buildMultiRow(m, 1<<i, placeholder))
			if err != nil {
				return err
			}
			c.stmts[w][i] = st
		}
	}
	return nil
}

// close closes the prepared statements.
func (c *multiRowCache) close() {
	for w := range c.stmts {
		for _, st := range c.stmts[w] {
			if st != nil {
				_ = st.Close()
			}
		}
		c.stmts[w] = nil
	}
}

// multiRowStmt returns the statement of write w for rows rows (a count
// chunkSize returns) bound to the transaction, binding it on first use.
func (t *Tx) multiRowStmt(ctx context.Context, w, rows int) *sql.Stmt {
	i := bits.Len(uint(rows)) - 1
	if t.multi[w] == nil {
		t.multi[w] = make([]*sql.Stmt, multiRowSizes)
	}
	if t.multi[w][i] == nil {
		t.multi[w][i] = t.tx.StmtContext(ctx, t.s.multi.stmts[w][i])
	}
	return t.multi[w][i]
}

// buildMultiRow writes the statement m for rows rows with placeholder.
func buildMultiRow(m multiRow, rows int, placeholder func(int) string) string {
	var b strings.Builder
	b.Grow(len(m.head) + len(m.tail) + rows*m.cols*6)
	b.WriteString(m.head)
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range m.cols {
			if c > 0 {
				b.WriteString(", ")
			}
			n++
			b.WriteString(placeholder(n))
		}
		b.WriteByte(')')
	}
	b.WriteString(m.tail)
	return b.String()
}
