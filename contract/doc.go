// Package contract decodes and validates the events of Qinglang's public
// event contract, version 1 (shared/spec/events.md). Everything that reads
// events goes through it: the HTTP ingest (JSON Lines or a JSON array),
// stream messages (one object each) and `qinglang scan` over files of
// millions of lines.
//
// Decode reads a whole body and reports each event by its line or array
// index; DecodeEvent reads one object; Validate checks an Event built in
// Go. A bad event is a Problem naming where, which field and why, in
// Chinese and in English; it never stops the good events around it.
//
// # What is checked
//
// Beyond the contract's tables, these are the rules, with the choices the
// contract leaves open:
//
//   - JSON is RFC 8259, strict: no comments, no trailing commas, no
//     leading zeros or '+', no NaN. Nesting deeper than 10,000 levels is
//     rejected (as encoding/json does).
//   - Every string, in any field or key, known or not, must be valid
//     UTF-8. A lone surrogate escape such as \ud800 is valid JSON and
//     becomes U+FFFD, as with encoding/json.
//   - Keys match exactly: "Type" is an unknown field (encoding/json would
//     accept it for "type").
//   - A key given twice: the last occurrence counts, as with
//     encoding/json; a last null clears the field.
//   - null is the same as leaving a field out; for a required field that
//     makes it missing. An empty string in an optional field is also
//     absent; in a required one it is an error.
//   - Unknown fields are ignored whatever they hold, and so are fields of
//     the contract that the event's type does not use (a "qty" on a
//     comment): they are neither checked nor kept, so an Event only has
//     the fields of its type. The project accepts ip and device on orders
//     and accounts as well as comments.
//   - The project adds two optional booleans to room_start, ai_host and
//     ai_label (Order 117 art. 37: an AI-generated host and whether the
//     room labels it); they take true or false only (docs/events.md).
//   - Integer fields take integer literals only (1.0, 1.5 and 1e3 are
//     errors) that fit in 64 bits.
//   - Times are RFC 3339 date-times with an offset,
//     YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm), as Go's time.RFC3339 reads
//     them strictly: upper-case T and Z, two-digit fields, a '.' before
//     the fraction (digits past nanoseconds are dropped), years
//     0000–9999, no leap second, offsets up to ±23:59. A time without an
//     offset is rejected with a reason saying so. The decoded time keeps
//     the offset it was sent with (Z and ±00:00 become UTC).
//   - ip is IPv4 or IPv6 text as net/netip parses it, without a zone; it
//     is kept as sent, not normalised.
//   - Limits: an event (a line without its line end, or an array element)
//     at most 64 KiB; ids at most 128 bytes; text at most 4,000 characters
//     in a speech and 500 in a comment; title at most 500 characters (the
//     project's own limit, MaxTitleRunes).
//
// One problem is reported per event: a syntax error first, then a missing
// or unknown type, then the earliest problem in input order among the
// fields the type uses (and invalid UTF-8 anywhere), then the contract's
// rules in contract order.
//
// # Speed
//
// The decoder is a hand-written scanner for the flat event object; it
// uses no reflection, reuses its buffers (pooled between calls) and makes
// one allocation for all the strings of an event, plus one for each
// optional time, integer or boolean present. Decode reads through a bufio.Reader
// and never holds more than one event (64 KiB) of input, however long a
// line or an array is. Its results are checked against encoding/json by
// the differential fuzz test FuzzDecodeEvent.
package contract
