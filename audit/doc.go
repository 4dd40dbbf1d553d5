// Package audit keeps a tamper-evident audit log: each entry carries the
// hash of the entry before it, so that editing, deleting, reordering or
// inserting an entry breaks the chain at a place the verification names, in
// Chinese and in English.
//
// The entries live elsewhere (SQLite and PostgreSQL tables written by other
// code). This package defines the Entry, its hash, the chaining (Next) and
// the verification of entries read back from any store in seq order
// (Verifier, Verify, VerifyAgainst). It does no I/O.
//
// # The hash, exactly
//
// So that a third party can re-implement the verification, here is the
// whole of it. An entry's hash is the lower-case hex SHA-256 of the
// concatenation of eight netstrings, one per field in this order:
//
//	ns(EncodingTag) ns(seq) ns(at) ns(actor) ns(action) ns(object) ns(data) ns(prev)
//
// where ns(x) is the length of x in bytes in decimal ASCII (no sign, no
// leading zeros, "0" for empty), a colon, the bytes of x, and a comma:
// ns("abc") = "3:abc,". The length prefix makes the encoding unambiguous
// whatever the fields contain. The fields:
//
//   - EncodingTag: the ASCII text "qinglang-audit-v1".
//   - seq: the decimal ASCII of Seq ("-" before a negative one).
//   - at: At converted to UTC, truncated (not rounded) to whole
//     microseconds, as RFC 3339 with exactly nine fractional digits and
//     "Z": "2025-03-01T08:30:00.123456000Z" (TimeLayout). PostgreSQL keeps
//     microseconds, so this survives a database round trip; Next stores At
//     already truncated. A year outside 0000–9999 cannot be hashed.
//   - actor, action, object: the UTF-8 bytes of the strings as stored.
//   - data: the canonical JSON of Data (below); empty Data is "null".
//   - prev: the UTF-8 bytes of Prev as stored.
//
// Hash is not part of the encoding. Encode returns these bytes. The first
// entry's Prev is Genesis, 64 ASCII zeros ("0000…0000").
//
// Canonical JSON (CanonicalJSON) lets a store reorder object keys and
// change whitespace, as a PostgreSQL jsonb column does, without breaking the
// chain. Data must be RFC 8259 JSON in valid UTF-8, with no duplicate key
// in an object, no lone surrogate in a \u escape, and at most MaxDepth
// nested arrays and objects; otherwise the entry cannot be hashed. The
// canonical form writes:
//
//   - no whitespace between tokens;
//   - the members of each object sorted by the bytes of their keys
//     decoded to UTF-8 (that is, by code point);
//   - numbers exactly as written in the input ("1.50" stays "1.50", "1e2"
//     stays "1e2");
//   - true, false and null as themselves;
//   - strings, and keys, decoded and written again with only these
//     escapes: \" for the quote, \\ for the backslash, \b \f \n \r \t for
//     those five control characters, \u00xx (lower-case hex) for the other
//     characters below U+0020; every other character as its UTF-8 bytes
//     ("/" and non-ASCII text unescaped). This is how RFC 8785 writes
//     strings; unlike RFC 8785, keys are sorted by code point and numbers
//     are kept as written.
//
// PostgreSQL jsonb keeps a number's digits and scale but writes a number
// with an exponent in full and drops the sign of a negative zero, and it
// cannot store \u0000. Next therefore rejects such data, and text fields
// with a NUL or invalid UTF-8, so that every entry it seals verifies after
// the store gives it back.
//
// # Verification
//
// A Verifier takes the entries one by one (Add) in the order the store
// returns them, by seq, holding only the last entries' seq and hashes, and
// stops at the first place where the chain fails: the Break names that
// entry's Seq, a Kind and a reason. For each entry, in this order:
//
//  1. The first entry must have Seq 1 and Prev Genesis (KindGenesis).
//  2. Its hash, recomputed, must equal Hash (KindEdited).
//  3. Its Seq must follow the previous entry's. A seq already used (at or
//     below the previous one) is KindInserted. A gap is judged with the
//     next entry: if that one belongs in the gap, the entries were
//     reordered (KindReordered, on the entry after the gap); if not, or if
//     the chain ends there, entries were deleted (KindDeleted, on the entry
//     after the gap).
//  4. Its Prev must be the previous entry's Hash. If it is the previous
//     entry's Prev instead, the chain forks and the previous entry was
//     inserted (KindInserted); otherwise entries were deleted and the rest
//     renumbered, or the previous entry was rewritten with a recomputed
//     hash (KindDeleted).
//
// A Report gives how many entries were checked, the Break if any, and the
// Head of the intact part.
//
// # Anchoring, and what a hash chain cannot prove alone
//
// Whoever can write the store can also recompute the hashes: deleting the
// last entries, or rewriting the whole chain with recomputed hashes, leaves
// a chain that verifies. Two defences, which may be combined:
//
//   - Anchor the head. Print Report.Head (Head.String) and keep it outside
//     the store: with a regulator, a notary, in a signed e-mail. Later,
//     VerifyAgainst(report, head) breaks the report with KindTruncated if
//     the chain now ends before head.Seq and KindRewritten if the entry at
//     head.Seq has another hash. To check a head older than the current
//     one, give it to Verify or NewVerifier as an anchor, which records
//     the hash found at its seq (Report.Anchors) and checks it on the way.
//   - Key the chain. NewKeyed(key) seals with HMAC-SHA256 under a secret
//     key instead of SHA-256 (same encoding, same Genesis): without the key
//     nobody can recompute a hash, so a rewrite shows as KindEdited. The
//     key must then be kept apart from the store, and only those who hold
//     it can verify.
package audit
