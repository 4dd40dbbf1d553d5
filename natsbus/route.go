package natsbus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// Decoder turns one raw message from <prefix>.in (one event, or JSON Lines)
// into the valid events it holds and a problem for each invalid one.
type Decoder func(data []byte) (events []qinglang.Event, problems []error)

// rawBatch is how many raw messages the router handles at once.
const rawBatch = 256

// RouteRaw moves raw platform input from <prefix>.in into the partitioned
// log until ctx is done. Each raw message is decoded with decode; its valid
// events are written through the partitioned path (with message ids derived
// from the raw message's stream sequence, so a redelivered raw message is
// not stored twice within the stream's duplicate window), and every problem
// is reported through onReject (nil: logged only). A raw message is
// acknowledged only after its events are stored. A message that is not an
// event, or a decoder that panics on it, is rejected, reported and
// acknowledged: it never stops the messages behind it. When the log cannot
// store, the same batch is retried with capped backoff. It returns nil
// after a clean stop, or an error for bad arguments or when this bus
// already routes.
//
// Run one router per stream at a time: a single router keeps the raw
// messages' order, and a starting router takes back at once what a crashed
// one left unacknowledged.
func (b *Bus) RouteRaw(ctx context.Context, decode Decoder, onReject func(error)) error {
	if decode == nil {
		return qinglang.Errorf(qinglang.EINVALID, "未提供原始消息解码函数", "no raw message decoder given")
	}
	if err := b.claim(b.routerConsumer()); err != nil {
		return err
	}
	defer b.release(b.routerConsumer())
	report := func(err error) {
		b.stats.rawRejected.Add(1)
		if onReject != nil {
			onReject(err)
			return
		}
		b.log.Warn("raw input rejected", "err", err)
	}
	log := b.log.With("consumer", b.routerConsumer())
	pl, ok := b.openPuller(ctx, b.routerConsumer())
	if !ok {
		return nil
	}
	delay := backoffMin
	for ctx.Err() == nil {
		batch, err := pl.next(ctx, rawBatch)
		if err != nil && len(batch) == 0 {
			if ctx.Err() != nil {
				return nil
			}
			log.Warn("fetching raw input failed; retrying", "err", err, "retry_in", delay)
			if !sleepCtx(ctx, delay) {
				return nil
			}
			delay = nextBackoff(delay)
			continue
		}
		delay = backoffMin
		if len(batch) == 0 {
			continue
		}
		out := b.routeBatch(batch, decode, report)
		if !b.retryUntilDone(ctx, batch, func() error {
			pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			return b.publish(pctx, out)
		}, func(err error, attempt int, wait time.Duration) {
			log.Error("storing routed events failed; retrying the same batch", "err", err, "attempt", attempt, "retry_in", wait)
		}) {
			log.Warn("stopping with raw input unacknowledged; the log delivers it again")
			return nil
		}
		b.ack(batch, log)
	}
	return nil
}

// routeBatch decodes a batch of raw messages into the messages to publish,
// reporting every problem. Message ids are raw.<seq>.p<partition>.<n>.
func (b *Bus) routeBatch(batch []jetstream.Msg, decode Decoder, report func(error)) []outMsg {
	var out []outMsg
	for _, m := range batch {
		var seq uint64
		if md, err := m.Metadata(); err == nil {
			seq = md.Sequence.Stream
		}
		events, problems := safeDecode(decode, m.Data())
		for _, p := range problems {
			report(qinglang.Wrap(qinglang.EINVALID, p, "原始消息（流序号 %d）中有事件被拒绝",
				"an event in raw message (stream seq %d) was rejected", seq))
		}
		if len(events) == 0 {
			continue
		}
		prefix := ""
		if seq > 0 {
			prefix = fmt.Sprintf("raw.%d", seq)
		}
		msgs, err := b.encode(events, prefix)
		if err != nil {
			report(qinglang.Wrap(qinglang.EINVALID, err, "原始消息（流序号 %d）无法写入日志",
				"raw message (stream seq %d) cannot be written to the log", seq))
			continue
		}
		out = append(out, msgs...)
	}
	return out
}

// safeDecode runs decode, turning a panic into a problem.
func safeDecode(decode Decoder, data []byte) (events []qinglang.Event, problems []error) {
	defer func() {
		if r := recover(); r != nil {
			events = nil
			problems = []error{qinglang.Errorf(qinglang.EINVALID, "解码器无法处理该消息（%v）",
				"the decoder could not handle the message (%v)", r)}
		}
	}()
	return decode(data)
}
