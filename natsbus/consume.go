package natsbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// Message is one message of a partition as the log stored it: JSON Lines
// of events (DecodeMessage reads them).
type Message struct {
	Partition int
	// Seq is the message's stream sequence: it grows within the stream and
	// names the message's place in the log.
	Seq  uint64
	Data []byte
	// Stored is when the log stored the message.
	Stored time.Time
	// Delivered counts deliveries of the message by this consumer, 1 the
	// first time; more means it was handed out before without being
	// acknowledged. The reset after a crash (see ConsumePartitions) starts
	// the count again, so 1 does not prove a first delivery.
	Delivered uint64
}

// Handler processes one batch of a partition's messages, in stream order.
// It returns nil only once the batch's results are committed: the batch is
// then acknowledged. Its context is not cancelled when Consume's context is
// (a batch in hand is finished); it carries Consume's values.
type Handler func(ctx context.Context, partition int, msgs []Message) error

// Retry backoff of a failing handler or fetch.
const (
	backoffMin = 100 * time.Millisecond
	backoffMax = 5 * time.Second
	ackTimeout = 10 * time.Second
	ackTries   = 3
)

// Consume runs one worker per partition until ctx is done, then returns once
// every worker has stopped. See ConsumePartitions.
func (b *Bus) Consume(ctx context.Context, maxBatch int, handle Handler) error {
	parts := make([]int, b.opts.Partitions)
	for i := range parts {
		parts[i] = i
	}
	return b.ConsumePartitions(ctx, parts, maxBatch, handle)
}

// ConsumePartitions runs one worker goroutine per listed partition, each on
// the partition's durable pull consumer, until ctx is done. A worker fetches
// up to maxBatch messages (waiting up to Options.Linger for more once it has
// one), calls handle with them in stream order and acknowledges them only
// when handle returns nil; it fetches the next batch only then. When handle
// fails, the same batch is retried with capped backoff, never skipped and
// never acknowledged; the messages are kept alive meanwhile so the log does
// not hand them out again. When ctx is done, a worker finishes the batch in
// hand, acknowledges it and stops. Transient NATS failures are logged and
// retried. It returns nil after a clean stop, or an error for bad arguments.
//
// Each partition must be consumed by one process at a time: on start, a
// worker asks the log to deliver again, at once and in order, what a
// previous (crashed) owner fetched and did not acknowledge.
func (b *Bus) ConsumePartitions(ctx context.Context, partitions []int, maxBatch int, handle Handler) error {
	if handle == nil {
		return qinglang.Errorf(qinglang.EINVALID, "未提供批处理函数", "no batch handler given")
	}
	if maxBatch < 1 {
		return qinglang.Errorf(qinglang.EINVALID, "批大小 %d 无效（至少为 1）", "batch size %d is invalid (want at least 1)", maxBatch)
	}
	maxBatch = min(maxBatch, b.opts.MaxAckPending)
	seen := make(map[int]bool, len(partitions))
	for _, p := range partitions {
		if p < 0 || p >= b.opts.Partitions {
			return qinglang.Errorf(qinglang.EINVALID, "分区 %d 不存在（共 %d 个）", "partition %d does not exist (there are %d)", p, b.opts.Partitions)
		}
		if seen[p] {
			return qinglang.Errorf(qinglang.EINVALID, "分区 %d 重复", "partition %d is listed twice", p)
		}
		seen[p] = true
	}
	names := make([]string, len(partitions))
	for i, p := range partitions {
		names[i] = b.partitionConsumer(p)
	}
	if err := b.claim(names...); err != nil {
		return err
	}
	defer b.release(names...)
	var wg sync.WaitGroup
	for _, p := range partitions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.partitionLoop(ctx, p, maxBatch, handle)
		}()
	}
	wg.Wait()
	return nil
}

// partitionLoop is the worker of one partition.
func (b *Bus) partitionLoop(ctx context.Context, p, maxBatch int, handle Handler) {
	log := b.log.With("partition", p)
	pl, ok := b.openPuller(ctx, b.partitionConsumer(p))
	if !ok {
		return
	}
	delay := backoffMin
	for ctx.Err() == nil {
		batch, err := pl.next(ctx, maxBatch)
		if err != nil && len(batch) == 0 {
			if ctx.Err() != nil {
				return
			}
			log.Warn("fetching from the event log failed; retrying", "err", err, "retry_in", delay)
			if !sleepCtx(ctx, delay) {
				return
			}
			delay = nextBackoff(delay)
			continue
		}
		delay = backoffMin
		if len(batch) == 0 {
			continue
		}
		msgs := make([]Message, len(batch))
		for i, m := range batch {
			msgs[i] = Message{Partition: p, Data: m.Data()}
			if md, err := m.Metadata(); err == nil {
				msgs[i].Seq, msgs[i].Stored, msgs[i].Delivered = md.Sequence.Stream, md.Timestamp, md.NumDelivered
			}
		}
		hctx := context.WithoutCancel(ctx)
		if !b.retryUntilDone(ctx, batch, func() error { return handle(hctx, p, msgs) }, func(err error, attempt int, wait time.Duration) {
			b.stats.handlerErrors.Add(1)
			log.Error("batch handler failed; retrying the same batch", "err", err, "attempt", attempt,
				"first_seq", msgs[0].Seq, "last_seq", msgs[len(msgs)-1].Seq, "messages", len(msgs), "retry_in", wait)
		}) {
			log.Warn("stopping with a failed batch unacknowledged; the log delivers it again",
				"first_seq", msgs[0].Seq, "last_seq", msgs[len(msgs)-1].Seq)
			return
		}
		b.ack(batch, log)
	}
}

// retryUntilDone calls fn until it returns nil (true), keeping the batch's
// messages alive in the log meanwhile, with capped backoff between failures
// reported through onErr. It gives up (false) when fn fails after ctx is
// done.
func (b *Bus) retryUntilDone(ctx context.Context, batch []jetstream.Msg, fn func() error, onErr func(err error, attempt int, wait time.Duration)) bool {
	stop := b.keepAlive(batch)
	defer stop()
	delay := backoffMin
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil {
			return true
		}
		onErr(err, attempt, delay)
		if ctx.Err() != nil || !sleepCtx(ctx, delay) {
			return false
		}
		delay = nextBackoff(delay)
	}
}

// keepAlive tells the log, every third of AckWait, that the batch is still
// being worked on, until the returned function is called.
func (b *Bus) keepAlive(batch []jetstream.Msg) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(b.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range batch {
					if err := m.InProgress(); err != nil {
						b.log.Warn("cannot extend the ack deadline of a batch in hand", "err", err)
						break
					}
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// ack acknowledges a handled batch: every message, the last one with a
// confirmed (double) ack. Acks of one connection reach the consumer in
// order, so the confirmation of the last covers the ones before it. A
// failed confirmation is tried again; if it keeps failing (the connection
// is down), the log delivers the batch again after AckWait and the
// idempotent store skips what it already has.
func (b *Bus) ack(batch []jetstream.Msg, log *slog.Logger) {
	for _, m := range batch[:len(batch)-1] {
		if err := m.Ack(); err != nil && !errors.Is(err, jetstream.ErrMsgAlreadyAckd) {
			log.Warn("acknowledging a handled message failed", "err", err)
		}
	}
	var err error
	for try := 1; try <= ackTries; try++ {
		actx, cancel := context.WithTimeout(context.Background(), ackTimeout)
		err = batch[len(batch)-1].DoubleAck(actx)
		cancel()
		if err == nil || errors.Is(err, jetstream.ErrMsgAlreadyAckd) {
			return
		}
		log.Warn("confirming the ack of a handled batch failed", "err", err, "try", try)
	}
	log.Warn(fmt.Sprintf("giving up confirming the ack after %d tries; the batch may be delivered again", ackTries), "err", err)
}

// sleepCtx waits d or until ctx is done; it reports whether d passed.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func nextBackoff(d time.Duration) time.Duration { return min(2*d, backoffMax) }
