package natsbus

import (
	"context"
	"errors"
	"log/slog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// puller fetches batches from one durable consumer for the one loop that
// owns it, and keeps the batches in stream order even when a delivery is
// lost on the way.
//
// A worker fetches the next batch only after acknowledging the last, so the
// consumer's delivery sequence of each message it gets is one more than
// that of the one before. A gap means a delivery went to a pull request the
// client had already given up on (possible when the machine is starved for
// longer than the client's grace period); left alone, that message would
// come back only after AckWait, behind newer ones. On a gap the puller drops
// the batch in hand unhandled and rewinds the consumer to its ack floor, so
// the lost message comes next.
type puller struct {
	b    *Bus
	name string
	cons jetstream.Consumer
	log  *slog.Logger
	// last is the delivery sequence of the last message handed out; 0 when
	// unknown (at start and after a rewind).
	last uint64
}

// openPuller looks up a durable consumer, retrying until ctx is done, and
// rewinds it to its ack floor when a previous owner left messages fetched
// but unacknowledged, so they come again now and in order instead of after
// AckWait and behind newer ones.
func (b *Bus) openPuller(ctx context.Context, name string) (*puller, bool) {
	pl := &puller{b: b, name: name, log: b.log.With("consumer", name)}
	delay := backoffMin
	for {
		cctx, cancel := context.WithTimeout(ctx, ackTimeout)
		cons, err := b.js.Consumer(cctx, b.opts.Stream, name)
		var info *jetstream.ConsumerInfo
		if err == nil {
			info, err = cons.Info(cctx)
		}
		if err == nil && info.NumAckPending > 0 {
			pl.log.Info("delivering again what a previous run left unacknowledged",
				"unacknowledged", info.NumAckPending, "from_seq", info.AckFloor.Stream+1)
			pl.rewind(cctx)
		}
		cancel()
		if err == nil {
			pl.cons = cons
			return pl, true
		}
		if ctx.Err() != nil {
			return nil, false
		}
		pl.log.Warn("cannot open the consumer; retrying", "err", err, "retry_in", delay)
		if !sleepCtx(ctx, delay) {
			return nil, false
		}
		delay = nextBackoff(delay)
	}
}

// rewind resets the consumer to deliver from its ack floor on.
func (pl *puller) rewind(ctx context.Context) bool {
	pl.last = 0
	if _, err := pl.b.js.ResetConsumer(ctx, pl.b.opts.Stream, pl.name); err != nil {
		pl.log.Warn("cannot rewind the consumer to its ack floor; unacknowledged messages come back after AckWait", "err", err)
		return false
	}
	return true
}

// next returns the next batch: it waits up to PollWait for a first
// message, then up to Linger for more, up to max in all. It never abandons
// a pull request early, so no message is left delivered but unseen. When it
// finds that a delivery was lost, it rewinds and returns an empty batch.
func (pl *puller) next(ctx context.Context, max int) ([]jetstream.Msg, error) {
	out, err := collect(pl.cons.Fetch(1, jetstream.FetchMaxWait(pl.b.opts.PollWait)))
	if len(out) == 0 {
		return nil, err
	}
	if max > 1 {
		more, err := collect(pl.cons.Fetch(max-1, jetstream.FetchMaxWait(pl.b.opts.Linger)))
		out = append(out, more...)
		if err != nil {
			pl.log.Debug("fetching more messages failed; handling what arrived", "err", err, "messages", len(out))
		}
	}
	for _, m := range out {
		md, err := m.Metadata()
		if err != nil {
			continue
		}
		d := md.Sequence.Consumer
		if pl.last != 0 && d != pl.last+1 {
			pl.log.Warn("a delivery was lost on the way; rewinding the consumer to its ack floor",
				"expected_delivery", pl.last+1, "got_delivery", d, "stream_seq", md.Sequence.Stream)
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ackTimeout)
			ok := pl.rewind(rctx)
			cancel()
			if ok {
				return nil, nil
			}
			// Cannot rewind: handle what we have; the lost message comes
			// back after AckWait and the idempotent store copes.
		}
		pl.last = d
	}
	return out, nil
}

// collect reads a fetch to its end.
func collect(mb jetstream.MessageBatch, err error) ([]jetstream.Msg, error) {
	if err != nil {
		return nil, err
	}
	var out []jetstream.Msg
	for m := range mb.Messages() {
		out = append(out, m)
	}
	if err := mb.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) {
		return out, err
	}
	return out, nil
}
