package sqlstore

// Indexes into Store.stmts: the statements prepared once on the store and
// bound to each transaction's connection on first use.
const (
	stmtInsertEvent = iota
	stmtInsertOrder
	stmtInsertListing
	stmtUpsertAccount
	stmtUpsertRoom
	stmtInsertFinding
	stmtLowestOrder
	stmtLastOrderBefore
	stmtFinding
	stmtRoom
	stmtRoomCounts
	stmtRoomFindings
	stmtListings
	stmtAccount
	numStmts
)

// stmtSQL is the shared SQL, written with "?" placeholders (rewritten per
// dialect). Both SQLite (3.35+) and PostgreSQL accept every statement as
// written: ON CONFLICT … DO NOTHING / DO UPDATE, excluded.*, RETURNING.
var stmtSQL = [numStmts]string{
	// ON CONFLICT DO NOTHING without a target covers both unique keys
	// (origin, and (platform, event_id) when there is an id): a duplicate
	// by either returns no row, and the caller stores nothing else.
	stmtInsertEvent: `INSERT INTO events
		(platform, room, type, ts_us, event_id, origin, user_id, product, text, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING
		RETURNING seq`,

	stmtInsertOrder: `INSERT INTO orders
		(event_seq, platform, product, ts_us, ts_off, unit_price_fen, qty, amount_fen, event_id, room, user_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,

	stmtInsertListing: `INSERT INTO listings
		(event_seq, platform, product, ts_us, price_fen, original_price_fen, merchant, category, title, brand, room, event_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,

	// The latest account event by ts wins; on a tie the one stored last.
	stmtUpsertAccount: `INSERT INTO accounts
		(platform, user_id, ts_us, created_at_us, followers, event_seq)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, user_id) DO UPDATE SET
			ts_us = excluded.ts_us,
			created_at_us = excluded.created_at_us,
			followers = excluded.followers,
			event_seq = excluded.event_seq
		WHERE excluded.ts_us >= accounts.ts_us`,

	// One row per room: the room_start fields of the room_start stored
	// last, the latest room_end, and the span of all its events. NULL in a
	// new value keeps the old one.
	stmtUpsertRoom: `INSERT INTO rooms
		(platform, room, host, operator, merchant, agency, title, started_at_us, ended_at_us, first_ts_us, last_ts_us)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, room) DO UPDATE SET
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

	stmtInsertFinding: `INSERT INTO findings
		(id, kind, rule, severity, platform, room, ts_us, detected_us, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`,

	// Lowest unit price in [from, to); among equal prices the earliest.
	stmtLowestOrder: `SELECT event_id, room, user_id, ts_us, ts_off, qty, amount_fen, unit_price_fen
		FROM orders
		WHERE platform = ? AND product = ? AND ts_us >= ? AND ts_us < ?
		ORDER BY unit_price_fen, ts_us, event_seq
		LIMIT 1`,

	stmtLastOrderBefore: `SELECT event_id, room, user_id, ts_us, ts_off, qty, amount_fen, unit_price_fen
		FROM orders
		WHERE platform = ? AND product = ? AND ts_us < ?
		ORDER BY ts_us DESC, event_seq DESC
		LIMIT 1`,

	stmtFinding: `SELECT body FROM findings WHERE id = ?`,

	stmtRoom: `SELECT host, operator, merchant, agency, title, started_at_us, ended_at_us, first_ts_us, last_ts_us
		FROM rooms WHERE platform = ? AND room = ?`,

	stmtRoomCounts: `SELECT type, COUNT(*) FROM events WHERE platform = ? AND room = ? GROUP BY type`,

	stmtRoomFindings: `SELECT COUNT(*) FROM findings WHERE platform = ? AND room = ?`,

	stmtListings: `SELECT e.body FROM listings l JOIN events e ON e.seq = l.event_seq
		WHERE l.platform = ? AND l.product = ?
		ORDER BY l.ts_us, l.event_seq`,

	stmtAccount: `SELECT e.body FROM accounts a JOIN events e ON e.seq = a.event_seq
		WHERE a.platform = ? AND a.user_id = ?`,
}
