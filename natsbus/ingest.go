package natsbus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// MaxMessageBytes is the most Ingest puts into one message; a partition's
// events beyond it go into further messages. It stays well under NATS's
// default max payload (1 MiB).
const MaxMessageBytes = 512 << 10

// publishStallWait is how long Ingest waits for room when the client has
// the maximum of unacknowledged async publishes in flight.
const publishStallWait = 10 * time.Second

// PartitionOf returns the partition of ev among n partitions: FNV-1a of
// platform and room, so that a broadcast stays in one partition. Events
// without a room are keyed by platform and user (account and others) or
// platform and product (listing).
func PartitionOf(ev *qinglang.Event, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(ev.Platform))
	switch {
	case ev.Room != "":
		h.Write([]byte{0, 'r', 0})
		h.Write([]byte(ev.Room))
	case ev.Type == qinglang.Listing:
		h.Write([]byte{0, 'p', 0})
		h.Write([]byte(ev.Product))
	default:
		h.Write([]byte{0, 'u', 0})
		h.Write([]byte(ev.User))
	}
	return int(h.Sum32() % uint32(n))
}

var _ qinglang.Ingester = (*Bus)(nil)

// outMsg is one message Ingest is about to publish.
type outMsg struct {
	partition int
	data      []byte
	events    int
	id        string // Nats-Msg-Id, or empty
}

// Ingest writes events to the log, partitioned by room (PartitionOf), each
// partition's events as JSON Lines in messages of at most MaxMessageBytes,
// in the order given. It publishes every message asynchronously, then waits
// for every PubAck, and returns nil only when the stream has stored all of
// them. Any error means some or none were stored: the caller must not
// acknowledge the events (HTTP answers 503) and may send them again; the
// store skips events it has seen.
func (b *Bus) Ingest(ctx context.Context, events []qinglang.Event) error {
	return b.ingest(ctx, events, "")
}

// ingest is Ingest with an optional message id prefix: with one, each
// message gets the id <prefix>.p<partition>.<n>, so publishing the same
// events again within the stream's duplicate window stores nothing new.
func (b *Bus) ingest(ctx context.Context, events []qinglang.Event, idPrefix string) error {
	if len(events) == 0 {
		return nil
	}
	msgs, err := b.encode(events, idPrefix)
	if err != nil {
		return err
	}
	return b.publish(ctx, msgs)
}

// publish writes msgs with async publishes, then waits for every PubAck.
func (b *Bus) publish(ctx context.Context, msgs []outMsg) error {
	futures := make([]jetstream.PubAckFuture, 0, len(msgs))
	events := 0
	for _, m := range msgs {
		if err := ctx.Err(); err != nil {
			return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "写入事件日志被取消", "writing to the event log was cancelled")
		}
		opts := []jetstream.PublishOpt{jetstream.WithExpectStream(b.opts.Stream), jetstream.WithStallWait(publishStallWait)}
		if m.id != "" {
			opts = append(opts, jetstream.WithMsgID(m.id))
		}
		f, err := b.js.PublishMsgAsync(&nats.Msg{Subject: b.PartitionSubject(m.partition), Data: m.data}, opts...)
		if err != nil {
			return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法写入事件日志（分区 %d）", "cannot write to the event log (partition %d)", m.partition)
		}
		futures = append(futures, f)
		events += m.events
	}
	for i, f := range futures {
		select {
		case ack := <-f.Ok():
			if ack.Stream != b.opts.Stream {
				return qinglang.Errorf(qinglang.EINTERNAL, "事件被写入了错误的流 %q（应为 %q）",
					"events were stored in the wrong stream %q (want %q)", ack.Stream, b.opts.Stream)
			}
		case err := <-f.Err():
			return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "事件日志未确认存储（分区 %d）",
				"the event log did not confirm storing (partition %d)", msgs[i].partition)
		case <-ctx.Done():
			return qinglang.Wrap(qinglang.EUNAVAILABLE, ctx.Err(), "等待事件日志确认时被取消",
				"cancelled while waiting for the event log to confirm")
		}
	}
	b.stats.messagesOut.Add(uint64(len(msgs)))
	b.stats.eventsOut.Add(uint64(events))
	return nil
}

// encode groups events by partition and cuts each partition's JSON Lines
// into messages of at most b.maxMsg bytes, keeping the events' order. With
// an id prefix, each message gets the id <prefix>.p<partition>.<n>.
func (b *Bus) encode(events []qinglang.Event, idPrefix string) ([]outMsg, error) {
	n := b.opts.Partitions
	bufs := make([]*bytes.Buffer, n)
	counts := make([]int, n)
	seqs := make([]int, n)
	var out []outMsg
	flush := func(p int) {
		if bufs[p] == nil || bufs[p].Len() == 0 {
			return
		}
		m := outMsg{partition: p, data: bytes.Clone(bufs[p].Bytes()), events: counts[p]}
		if idPrefix != "" {
			m.id = fmt.Sprintf("%s.p%d.%d", idPrefix, p, seqs[p])
			seqs[p]++
		}
		out = append(out, m)
		bufs[p].Reset()
		counts[p] = 0
	}
	for i := range events {
		line, err := json.Marshal(&events[i])
		if err != nil {
			return nil, qinglang.Wrap(qinglang.EINVALID, err, "第 %d 个事件无法编码", "event %d cannot be encoded", i)
		}
		if len(line)+1 > b.maxMsg {
			return nil, qinglang.Errorf(qinglang.ETOOLARGE, "第 %d 个事件编码后 %d 字节，超过消息上限 %d 字节",
				"event %d is %d bytes encoded, over the message limit of %d bytes", i, len(line), b.maxMsg)
		}
		p := PartitionOf(&events[i], n)
		if bufs[p] == nil {
			bufs[p] = &bytes.Buffer{}
		}
		if bufs[p].Len()+len(line)+1 > b.maxMsg {
			flush(p)
		}
		bufs[p].Write(line)
		bufs[p].WriteByte('\n')
		counts[p]++
	}
	for p := range bufs {
		flush(p)
	}
	return out, nil
}

// DecodeMessage decodes the events of one log message (JSON Lines, as
// Ingest writes them). Blank lines are skipped; an error names the line.
func DecodeMessage(data []byte) ([]qinglang.Event, error) {
	events := make([]qinglang.Event, 0, bytes.Count(data, []byte{'\n'})+1)
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var ev qinglang.Event
		if err := json.Unmarshal(l, &ev); err != nil {
			return nil, qinglang.Wrap(qinglang.EINVALID, err, "日志消息第 %d 行不是有效事件", "line %d of the log message is not a valid event", line)
		}
		events = append(events, ev)
	}
	return events, nil
}
