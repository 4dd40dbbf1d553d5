package server

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/contract"
	"github.com/qinglang/qinglang/natsbus"
	"github.com/qinglang/qinglang/pipeline"
)

// startWorkers runs the log's consumers: one Engine per partition, and the
// router that validates raw events platforms publish to NATS directly.
func (m *Main) startWorkers() {
	ctx, cancel := context.WithCancel(context.Background())
	m.stopWorkers = cancel
	w := &workers{m: m, engines: make(map[int]*pipeline.Engine)}
	m.workers.Add(2)
	go func() {
		defer m.workers.Done()
		if err := m.bus.Consume(ctx, m.cfg.BatchSize, w.handle); err != nil && !errors.Is(err, context.Canceled) {
			m.workerErr = err
			m.log.Error("workers stopped", "err", err)
		}
	}()
	go func() {
		defer m.workers.Done()
		decode := func(data []byte) ([]qinglang.Event, []error) {
			events, problems := decodeRaw(data)
			m.metrics.EventsIn.WithLabelValues("nats").Add(float64(len(events)))
			return events, problems
		}
		err := m.bus.RouteRaw(ctx, decode, func(err error) {
			m.metrics.EventsRejected.WithLabelValues("nats").Inc()
			m.log.Warn("rejected a raw NATS event", "err", err)
		})
		if err != nil && !errors.Is(err, context.Canceled) {
			m.log.Error("raw event router stopped", "err", err)
		}
	}()
}

// decodeRaw decodes one raw NATS message: a single event or JSON Lines.
func decodeRaw(data []byte) (events []qinglang.Event, problems []error) {
	err := contract.Decode(bytes.NewReader(data), func(ev qinglang.Event, _ contract.Position) error {
		events = append(events, ev)
		return nil
	}, func(p contract.Problem) error {
		problems = append(problems, p)
		return nil
	})
	if err != nil {
		problems = append(problems, err)
	}
	if len(events) == 0 && len(problems) == 0 {
		problems = append(problems, qinglang.Errorf(qinglang.EINVALID, "消息为空，没有事件", "the message is empty: no event"))
	}
	return events, problems
}

type workers struct {
	m       *Main
	mu      sync.Mutex // guards engines; each Engine is used by one partition loop
	engines map[int]*pipeline.Engine
}

func (w *workers) engine(partition int) *pipeline.Engine {
	w.mu.Lock()
	defer w.mu.Unlock()
	e, ok := w.engines[partition]
	if !ok {
		e = w.m.newEngine()
		w.engines[partition] = e
	}
	return e
}

// handle processes one batch of a partition's log messages. It returns nil
// only once the batch's events and findings are committed; the bus then
// acknowledges the messages. An error makes the bus retry the same batch.
func (w *workers) handle(ctx context.Context, partition int, msgs []natsbus.Message) error {
	m := w.m
	items := make([]pipeline.Item, 0, len(msgs)*16)
	for _, msg := range msgs {
		prefix := w.m.bus.LogID() + ":" + strconv.FormatUint(msg.Seq, 10) + ":"
		err := contract.Decode(bytes.NewReader(msg.Data), func(ev qinglang.Event, pos contract.Position) error {
			items = append(items, pipeline.Item{Event: ev, Origin: prefix + strconv.Itoa(pos.Line)})
			return nil
		}, func(p contract.Problem) error {
			// Only an outside publisher writing to a partition subject
			// directly can put a bad event here; it is dropped and counted,
			// the good ones next to it go on.
			m.metrics.EventsRejected.WithLabelValues("nats").Inc()
			m.log.Warn("rejected an event in the log", "partition", partition, "seq", msg.Seq, "problem", p.Error())
			return nil
		})
		if err != nil {
			return err
		}
	}
	start := time.Now()
	res, err := w.engine(partition).Process(ctx, m.store, items)
	m.metrics.StoreLatency.WithLabelValues("batch").Observe(time.Since(start).Seconds())
	if err != nil && qinglang.Code(err) != qinglang.EUNAVAILABLE {
		res, err = w.isolate(ctx, partition, items, err)
	}
	if err != nil {
		if m.campaigns != nil {
			// isolate committed these one by one before it failed; the
			// retry will skip them as seen.
			m.campaigns.feed(res.Stored)
		}
		m.log.Error("batch failed; it will be retried", "partition", partition, "messages", len(msgs), "err", err)
		return err
	}
	now := time.Now()
	for _, msg := range msgs {
		m.metrics.ProcessingLag.Observe(now.Sub(msg.Stored).Seconds())
	}
	m.metrics.EventsProcessed.Add(float64(len(items)))
	m.processed.Add(int64(len(items)))
	m.metrics.EventsDuplicate.Add(float64(res.Duplicates))
	for _, f := range res.Findings {
		m.metrics.Findings.WithLabelValues(string(f.Kind), string(f.Severity)).Inc()
	}
	if len(res.Findings) > 0 {
		if err := m.bus.PublishFindings(res.Findings); err != nil {
			// The findings are committed; the live feed is best effort.
			m.log.Warn("could not publish findings to the live feed", "err", err)
		}
	}
	if m.campaigns != nil {
		// After the commit, before the ack: the stage's queue holds the
		// workers back when it is full, and a crash in between loses
		// nothing (the replay at start reads the store).
		m.campaigns.feed(res.Stored)
	}
	return nil
}

// isolate handles a batch that failed for a reason a retry will not mend
// (a detector bug, an event the store refuses): its events are processed
// one at a time, and an event that fails again is stored as evidence
// without detection, logged and counted, so that one bad event neither
// stalls its partition nor costs the good events around it. A transient
// failure on the way returns the error: the bus retries the whole batch,
// and the events committed here are then skipped as already seen.
func (w *workers) isolate(ctx context.Context, partition int, items []pipeline.Item, cause error) (pipeline.Result, error) {
	m := w.m
	m.log.Error("batch failed; processing its events one by one", "partition", partition, "events", len(items), "err", cause)
	engine := w.engine(partition)
	var total pipeline.Result
	for i := range items {
		one := items[i : i+1]
		res, err := engine.Process(ctx, m.store, one)
		if err == nil {
			total.Added += res.Added
			total.Duplicates += res.Duplicates
			total.Findings = append(total.Findings, res.Findings...)
			total.Stored = append(total.Stored, res.Stored...)
			continue
		}
		if qinglang.Code(err) == qinglang.EUNAVAILABLE {
			return total, err
		}
		kept, kerr := engine.Keep(ctx, m.store, one)
		if kerr != nil {
			return total, kerr
		}
		total.Stored = append(total.Stored, kept...)
		total.Added++
		m.metrics.DetectionFailures.Inc()
		m.log.Error("stored an event without detection: the detectors fail on it",
			"partition", partition, "id", one[0].Event.ID, "origin", one[0].Origin, "err", err)
	}
	return total, nil
}
