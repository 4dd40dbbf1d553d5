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
	stmtRecord
	stmtRecordLocked
	stmtNextRecordSeq
	stmtUpsertRecord
	stmtDeleteRecord
	stmtDeleteRecordScopes
	stmtInsertRecordScope
	stmtLinkFinding
	stmtCasesOfFinding
	stmtLastAudit
	stmtInsertAudit
	numStmts
)

// stmtSQL is the shared SQL, written with "?" placeholders (rewritten per
// dialect). Both SQLite (3.35+) and PostgreSQL accept every statement as
// written; the few that must differ are written here as a SingleWriter
// engine (SQLite) runs them and replaced by sideBySideSQL for the others.
// The writes of events and their rows are multi-row statements built per
// batch (multirow.go).
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

	// A record with its scopes, one row per scope (one with a NULL scope
	// when it has none), in one statement so that they come from one
	// snapshot.
	stmtRecord: recordByKeySQL,

	// GetRecord's read. A SingleWriter engine's transaction is the only
	// writer from its first statement to its end (SQLite: the writer slot
	// and BEGIN IMMEDIATE), so the read needs no lock of its own.
	stmtRecordLocked: recordByKeySQL,

	// The next record seq: the counter of migration 00005 (SQLite has no
	// sequences; its one writer keeps the counter from being contended).
	stmtNextRecordSeq: `UPDATE record_seq SET n = n + 1 RETURNING n`,

	// Insert or replace: a replace takes the new seq (the record moves to
	// the front of the newest-first lists) and keeps first_seq and
	// created_us, which it returns.
	stmtUpsertRecord: `INSERT INTO records
		(kind, id, seq, first_seq, platform, case_id, subject, state, due_us, created_us, updated_us, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (kind, id) DO UPDATE SET
			seq = excluded.seq,
			platform = excluded.platform,
			case_id = excluded.case_id,
			subject = excluded.subject,
			state = excluded.state,
			due_us = excluded.due_us,
			updated_us = excluded.updated_us,
			body = excluded.body
		RETURNING created_us`,

	stmtDeleteRecord: `DELETE FROM records WHERE kind = ? AND id = ?`,

	stmtDeleteRecordScopes: `DELETE FROM record_scopes WHERE kind = ? AND id = ?`,

	stmtInsertRecordScope: `INSERT INTO record_scopes (kind, id, scope) VALUES (?, ?, ?)`,

	stmtLinkFinding: `INSERT INTO case_findings (case_id, finding_id) VALUES (?, ?)
		ON CONFLICT DO NOTHING`,

	stmtCasesOfFinding: `SELECT case_id FROM case_findings WHERE finding_id = ? ORDER BY seq`,

	stmtLastAudit: `SELECT ` + auditColumns + ` FROM audit_log ORDER BY seq DESC LIMIT 1`,

	stmtInsertAudit: `INSERT INTO audit_log (` + auditColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
}

// sideBySideSQL replaces statements of stmtSQL for the engines that run
// write transactions side by side (not Dialect.SingleWriter): PostgreSQL,
// whose SQL this is.
var sideBySideSQL = map[int]string{
	// GetRecord locks the record's row until the transaction ends (OF r:
	// the scopes are the nullable side of the join; every writer of a
	// record's scopes holds its row lock, taken by stmtUpsertRecord).
	stmtRecordLocked: recordByKeySQL + `
		FOR UPDATE OF r`,

	// A sequence: concurrent puts do not wait for each other's commit.
	stmtNextRecordSeq: `SELECT nextval('records_seq')`,
}

// dialectSQL returns statement i as the dialect d runs it.
func dialectSQL(d Dialect, i int) string {
	if q, ok := sideBySideSQL[i]; ok && !d.SingleWriter {
		return q
	}
	return stmtSQL[i]
}
