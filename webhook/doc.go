// Package webhook delivers findings, measures, notices and directives to
// the platforms' endpoints as signed HTTP POST requests, retries failed
// deliveries with backoff, and records every attempt.
//
// A platform subscribes an Endpoint (an https URL, a secret of at least 16
// bytes, the event types it wants). Dispatcher.Enqueue puts one delivery of
// a Message on a Queue for each active endpoint of the message's platform
// subscribed to its type; Dispatcher.Run attempts the due deliveries and
// reports each attempt to a Log. The Queue and the Log are interfaces that a
// store implements; MemQueue and EndpointList serve tests and embedded use.
//
// # Requests
//
// Each attempt is a POST with Content-Type application/json, this body
//
//	{"id":"dlv_…","type":"finding","platform":"douyin","created_at":"2026-03-01T08:00:00Z","data":{…}}
//
// (id: the delivery id; type: "finding", "measure", "notice" or
// "directive"; created_at: when the message was enqueued, RFC 3339 in UTC;
// data: the finding, measure, notice or directive) and these headers:
//
//	X-Qinglang-Event:     the type, as in the body
//	X-Qinglang-Delivery:  the delivery id, as in the body
//	X-Qinglang-Timestamp: when the attempt was signed, in decimal Unix seconds
//	X-Qinglang-Signature: v1=<64 lowercase hexadecimal digits>
//
// The body and the delivery id are the same for every attempt of one
// delivery; the timestamp and the signature are made anew for each.
// Delivery is at least once: a receiver deduplicates by the delivery id.
//
// # Signature, version 1
//
// The signature is HMAC-SHA256 keyed with the endpoint's secret (the bytes
// of the secret's text as it was issued, not decoded from hexadecimal) over
//
//	timestamp + "." + body
//
// where timestamp is the X-Qinglang-Timestamp value exactly as sent and
// body is the raw body exactly as received. The header carries "v1=" and
// the MAC in lowercase hexadecimal. To verify a delivery, a receiver:
//
//  1. reads the raw body before parsing it (parsing and re-encoding the
//     JSON changes the bytes);
//  2. refuses it when the timestamp is not a decimal integer, or is more
//     than a tolerance (5 minutes is our default) away from its own clock,
//     either way: this bounds replays;
//  3. computes the MAC of timestamp + "." + body with its secret;
//  4. splits X-Qinglang-Signature on commas, trims the spaces, and accepts
//     the delivery when one element is "v1=" followed by the hexadecimal of
//     that MAC, compared in constant time; it ignores elements with another
//     prefix, which a later version may add beside v1;
//  5. answers 401 when it refuses, and 2xx as soon as it has stored the
//     delivery.
//
// Verify does steps 2 to 4 for Go receivers.
//
// Worked example. With the secret
//
//	example-secret-0123456789abcdef
//
// the timestamp 1772352000 (2026-03-01 08:00:00 UTC) and the body
//
//	{"id":"dlv_0123456789abcdef0123456789abcdef","type":"finding","platform":"douyin","created_at":"2026-03-01T08:00:00Z","data":{"id":"f_1a2b3c"}}
//
// the signed text is "1772352000." followed by the body, and the header is
//
//	X-Qinglang-Signature: v1=6289bd7c3797bae9b4fd0f2f66b09b2a9db2131f7a4fc0a7edd8a2366474d1d1
//
// which a shell reproduces with
//
//	printf '%s' "1772352000.$BODY" | openssl dgst -sha256 -hmac 'example-secret-0123456789abcdef'
//
// # Delivery
//
// A 2xx response within Config.Timeout (10s) delivers. Any other status, a
// network error or a timeout fails the attempt, which is retried after the
// delay of Config.Schedule (by default 10s, 30s, 2m, 10m, 1h, 6h), counted
// from the end of the attempt and spread by Config.Jitter (±20%), until
// Config.MaxAttempts (by default 7) have failed; the delivery is then given
// up. The secret and the URL are looked up again for every attempt: a
// rotated secret applies to the next attempt, and an endpoint deactivated,
// deleted or unsubscribed meanwhile gets no more attempts.
//
// Redirects are never followed, to any host: a 3xx fails the attempt like
// any other status (an endpoint that moved is updated by its platform).
// Only Config.MaxResponseBytes (64 KiB) of a response are read, and the
// attempt's error keeps an excerpt of at most 200 bytes of it. Errors and
// log lines never hold the secret, nor the path or query of the endpoint's
// URL, which may carry a token (a network error may name the host).
//
// 410 Gone ends the delivery at once (no retries), but does not deactivate
// the endpoint: a status that a misconfigured proxy can send must not
// silently stop findings and directives to a platform. The attempt is in
// the delivery log, and people deactivate the endpoint when the platform
// confirms.
//
// A delivery stays on the Queue until it is delivered or given up, so it
// survives a restart: a new Dispatcher over the same Queue carries on,
// counting the attempts already made.
package webhook
