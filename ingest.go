package qinglang

import "context"

// Ingester puts accepted events into the durable log. Ingest returns only
// after the log has stored every event it was given; an error means none
// or only some were stored, and the caller must not acknowledge them.
type Ingester interface {
	Ingest(ctx context.Context, events []Event) error
}

// FindingFeed delivers findings as workers commit them (for Server-Sent
// Events and webhooks). Delivery is live and best effort: a slow subscriber
// misses findings rather than slowing the pipeline; the store is the record.
type FindingFeed interface {
	// Subscribe returns a channel of new findings and a function that ends
	// the subscription and closes the channel.
	Subscribe() (<-chan Finding, func())
}
