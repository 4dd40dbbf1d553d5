// Package evidence exports a case as an evidence bundle: one ZIP archive
// that a platform or a regulator can hand on and that shows whether it
// was changed since (Order 117 art. 16 has platforms keep the replays,
// the chat and the orders of live rooms; a case must export as evidence
// that stands up). Write makes a bundle from a Bundle; Verify checks one.
//
// # Layout
//
// The files, in the order they are written:
//
//	case.json       the case, its measures, notices, appeals, regulator's
//	                notices (directives) and regulatory actions (CaseFile)
//	findings.json   the case's findings as Qinglang reports them
//	findings.csv    the same, one row each
//	events.jsonl    the stored events of the case's rooms around the
//	                findings (speech, comments, orders, listings, room
//	                start and end), one contract JSON object a line, in
//	                the bundle's order
//	transcript.csv  speech, by platform, room and time
//	comments.csv    comments, by platform, room and time
//	orders.csv      orders, by platform, room and time, with the amount in
//	                fen and in yuan
//	listings.csv    listings and price changes, with the prices in fen and
//	                in yuan
//	audit.jsonl     the case's audit log entries, each compacted onto one
//	                line, in the bundle's order
//	report.html     the readable report (below)
//	manifest.json   the case id, when and by whom the bundle was exported,
//	                the generator, and the size and SHA-256 of every file
//	                above (Manifest)
//
// # Integrity
//
// Verify reads the manifest and checks every file against it: a file
// changed, missing, added or stored twice is an error that names it. The
// manifest itself is not signed: a recipient who wants to know that the
// manifest is the one exported compares its hash (or the bundle's) with
// one sent by another channel, or with the audit log.
//
// The output depends on the Bundle alone: the files come in a fixed
// order, every ZIP entry is dated ExportedAt (UTC), and nothing reads the
// clock, so two exports of the same data by the same generator are byte
// for byte the same and hash the same. (The files' hashes do not depend
// on the ZIP compression at all.)
//
// # CSV files
//
// The CSVs are UTF-8 with a byte order mark, so that Excel opens Chinese
// text correctly (without it Excel assumes the system's legacy code page);
// readers other than Excel may have to skip the mark. The first row names
// the columns in English. Times are RFC 3339 with the offset the event was
// sent with. Text that would start a spreadsheet formula (=, +, -, @, tab,
// carriage return) gets a leading apostrophe; events.jsonl and
// findings.json keep every text exactly as it came.
//
// # Report
//
// report.html is one self-contained page, Chinese first with English
// beside it: inline CSS, no JavaScript (its Content-Security-Policy
// forbids any), no external resources. It shows the case header (subject,
// state, dates, flags), the measures and the full texts of the notices
// (facts, reasons, basis, measure, duration, appeal channel), any appeals,
// regulator's notices and regulatory actions, then each finding with its
// rule, severity, basis and summary and, for the speech and comments it
// names, an excerpt of the same room with those lines highlighted and
// ContextLines lines around each; the other events it names (orders,
// listings) are listed under it, and ids the bundle lacks are named. The
// broadcasts, orders and listings (with prices) follow, the events a
// finding names highlighted, and the audit trail last. Times are shown in
// China Standard Time. It is rendered with html/template, which escapes
// everything the platform's users wrote.
package evidence
