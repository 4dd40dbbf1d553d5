package sqlstore

// Indexes into Store.stmts: the statements prepared once on the store and
// bound to each transaction's connection on first use.
const (
	stmtInsertFinding = iota
	stmtLowestOrder
	stmtLastOrderBefore
	stmtFinding
	stmtRoom
	stmtRoomCounts
	stmtRoomFindings
	stmtListings
	stmtComparedListings
	stmtAccount
	stmtUserOrders
	stmtRoomOrders
	stmtProductListings
	stmtInsertSpotCheck
	stmtSpotCheckRecorded
	stmtLatestSpotCheck
	stmtSpotCheck
	numStmts
)

// stmtSQL is the shared SQL, written with "?" placeholders (rewritten per
// dialect). Both SQLite (3.35+) and PostgreSQL accept every statement as
// written. The writes of events and their rows are multi-row statements
// built per batch (multirow.go).
var stmtSQL = [numStmts]string{
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

	stmtRoomCounts: `SELECT type, n FROM room_events WHERE platform = ? AND room = ?`,

	stmtRoomFindings: `SELECT COUNT(*) FROM findings WHERE platform = ? AND room = ?`,

	stmtListings: `SELECT e.body FROM listings l JOIN events e ON e.seq = l.event_seq
		WHERE l.platform = ? AND l.product = ?
		ORDER BY l.ts_us, l.event_seq`,

	// Listings with an original price in (from, to]: a range scan of
	// listings_product_ts.
	stmtComparedListings: `SELECT e.body FROM listings l JOIN events e ON e.seq = l.event_seq
		WHERE l.platform = ? AND l.product = ? AND l.ts_us > ? AND l.ts_us <= ?
			AND l.original_price_fen IS NOT NULL
		ORDER BY l.ts_us, l.event_seq
		LIMIT ?`,

	stmtAccount: `SELECT e.body FROM accounts a JOIN events e ON e.seq = a.event_seq
		WHERE a.platform = ? AND a.user_id = ?`,

	// Counts served by the indexes of migration 00002.
	stmtUserOrders: `SELECT COUNT(*) FROM orders
		WHERE platform = ? AND user_id = ? AND ts_us < ?`,

	stmtRoomOrders: `SELECT COUNT(*), CAST(COALESCE(SUM(qty), 0) AS BIGINT) FROM orders
		WHERE platform = ? AND room = ? AND ts_us < ?`,

	// The listings of a product on every platform: a range scan of
	// listings_product_all_ts (migration 00004).
	stmtProductListings: `SELECT e.body FROM listings l JOIN events e ON e.seq = l.event_seq
		WHERE l.product = ?
		ORDER BY l.ts_us, l.event_seq`,

	stmtInsertSpotCheck: `INSERT INTO spot_checks
		(id, product, batch, platform, pass, tested_us, recorded_us, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`,

	stmtSpotCheckRecorded: `SELECT recorded_us FROM spot_checks WHERE id = ?`,

	// The latest result tested at or before a time, on any platform; among
	// equal test times the one recorded last. Served by
	// spot_checks_product_tested.
	stmtLatestSpotCheck: `SELECT ` + spotCheckColumns + `, body FROM spot_checks
		WHERE product = ? AND tested_us <= ?
		ORDER BY tested_us DESC, seq DESC
		LIMIT 1`,

	stmtSpotCheck: `SELECT ` + spotCheckColumns + `, body FROM spot_checks WHERE id = ?`,
}
