// Package natsbus is Qinglang's durable event log and bus on NATS JetStream:
// an embedded NATS server by default (StartEmbedded), or an external NATS
// JetStream cluster (Options.URL, the --nats-url flag).
//
// The rule it keeps is "an event acknowledged is an event processed, across
// crashes":
//
//   - Ingest returns nil only after JetStream has answered a PubAck for every
//     message that carries the events, i.e. after the stream has stored them.
//     The HTTP ingest answers the sender only then.
//   - Consume hands a worker the messages of one partition in stream order and
//     acknowledges them to the log only after the worker's handler returned
//     nil (its findings are committed). A failing handler gets the same batch
//     again; nothing is skipped.
//   - A restart, also after kill -9, loses nothing that was acknowledged:
//     unacknowledged messages are delivered again, first and in order, and
//     acknowledged ones are not. One exception is allowed for: the server
//     writes a consumer's acknowledgements to disk within about 100 ms, so
//     after a kill -9 the batches acknowledged in that last moment may come
//     again. Workers' stores are idempotent (event ids and log origins), so
//     a redelivery costs time, never a duplicate finding.
//
// # Layout of the log
//
// One stream (default QINGLANG_EVENTS) holds two kinds of subjects:
//
//	<prefix>.events.p.<n>   partitioned events, JSON Lines, written by Ingest
//	<prefix>.in             raw input from platforms, decoded by RouteRaw
//
// Events are partitioned by platform and room (FNV-1a), so one worker sees
// all of a broadcast in order and can keep its state in memory. Each
// partition has a durable pull consumer, <prefix>_p<n>; the raw input has
// one, <prefix>_router. Committed findings are fanned out on the core NATS
// subject <prefix>.findings (not stored: the store is the record).
//
// # Durability and sync_interval
//
// JetStream's file store writes every message to its block file before it
// sends the PubAck, but by default calls fsync only every two minutes
// (server option sync_interval). Data acknowledged before a kill -9 of the
// process survives, because the write already sits in the operating
// system's page cache, which outlives the process; the package tests this
// with a real SIGKILL. Only a power loss or a kernel crash can lose writes
// that were not yet synced. Those who need to survive power loss on a single
// node set EmbeddedOptions.SyncAlways (server option sync_always: fsync per
// write, at a large cost in throughput) or, better, run an external JetStream
// cluster with three replicas (Options.Replicas = 3), where a PubAck means
// a quorum of nodes holds the message.
package natsbus
