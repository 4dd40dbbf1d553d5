// Package registry answers "who sells" (谁在带货、带谁的货): the actors of
// live commerce that Order 117 names (platforms, live-room operators,
// hosts and their agencies / MCNs), the in-platform merchants whose goods
// are sold, the live rooms, and the dated links between them (host ↔
// agency, room ↔ operator ↔ merchant). It is pure domain: the Registry
// lives in memory and talks to nothing but io.Reader and io.Writer.
//
// # Pieces
//
//   - model.go: the record types, Registry with its lookups (by id, by
//     USCC, a host's agency on a day, a room's operator and merchants on a
//     day) and Validate, which names every dangling link.
//   - identity.go: a host's resident ID is never stored whole. The
//     registry keeps its mask (qualify.MaskID), a keyed hash
//     (HMAC-SHA256 under the registry's secret salt) to re-verify a number
//     shown later, and the birth date the age gate needs.
//   - columns.go, rows.go, csv.go, json.go: import and export, CSV with one
//     file per kind (Columns documents them, with Chinese aliases) and JSON
//     as one document. Bad rows become Issues naming the file, the line
//     (or JSON path) and the field, in Chinese and English; the good rows
//     around them are kept.
//   - reverify.go: Due and Overdue lists for re-verification, every
//     DefaultReverifyEvery by default.
//   - report.go: the twice-yearly identity report as CSV (ReportColumns).
//   - gaps.go: Gaps, a merchant's missing licences for a category, from
//     qualify's requirement matrix.
//
// # Rules and how sure we are
//
// Numbers from shared/domain.md keep its marks: [S] seen in a source, [R]
// reported, [U] unverified. Each [R] or [U] number sits in one place:
// DefaultReverifyEvery (SAMR Order 37 art. 24, [U]), ReportMonths (same,
// art. 25, [U]); the host age gate is qualify.HostAgeRule ([R]) and the
// licence matrix qualify.DefaultRequirements ([U]).
//
// A USCC that fails its checksum is a warning ("verify by hand"), not a
// rejection, since a few real codes fail it; a malformed one is an error.
// A host under 16 is an error; 16 to 18 without a guardian's consent is an
// error, with it a note.
package registry
