package server

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// Defaults of the campaign stage.
const (
	// DefaultCampaignInterval is how often `qinglang serve` judges
	// campaigns (--campaign-interval).
	DefaultCampaignInterval = 5 * time.Second
	// DefaultCampaignWindow is the campaigns' sliding window when
	// Config.CampaignWindow is zero.
	DefaultCampaignWindow = 7 * 24 * time.Hour
)

// campaignQueue is how many committed batches may wait for the campaign
// stage; past it the workers wait (back-pressure: nothing is dropped).
const campaignQueue = 64

// replayPage is how many events one read of the start-up replay takes.
const replayPage = 5000

// campaignTypes are the event types the campaign detector uses; live and
// replay feed it the same ones.
var campaignTypes = []qinglang.EventType{qinglang.Comment, qinglang.Order, qinglang.Account,
	qinglang.Speech, qinglang.RoomStart, qinglang.RoomEnd}

// isCampaignType reports whether t is one of campaignTypes.
func isCampaignType(t qinglang.EventType) bool {
	for _, c := range campaignTypes {
		if t == c {
			return true
		}
	}
	return false
}

// campaignStage runs the campaign detector beside the partition workers:
// one goroutine owns the detector; the workers hand it the events each
// batch stored for the first time, after the batch committed, over a
// bounded channel; it judges on a timer and stores and publishes what it
// finds (docs/architecture.md, "Campaigns").
type campaignStage struct {
	m        *Main
	det      qinglang.CampaignDetector
	in       chan []qinglang.Event
	interval time.Duration
	// lastJudge is how long the last Judge took (see nextJudge).
	lastJudge time.Duration
	window    time.Duration
	// dirty is set when events were observed since the last Judge.
	dirty bool
	// ctx ends when Shutdown gives up waiting: stores are not retried then.
	ctx       context.Context
	giveUp    context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once
}

// newCampaignStage returns the stage the config asks for, or nil when it
// is disabled (no detector, or an interval of 0).
func newCampaignStage(m *Main) *campaignStage {
	cfg := m.cfg
	if cfg.Campaigns == nil || cfg.CampaignInterval <= 0 {
		return nil
	}
	window := cfg.CampaignWindow
	if window <= 0 {
		window = DefaultCampaignWindow
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &campaignStage{
		m: m, det: cfg.Campaigns(window), in: make(chan []qinglang.Event, campaignQueue),
		interval: cfg.CampaignInterval, window: window, ctx: ctx, giveUp: cancel, done: make(chan struct{}),
	}
}

// restore rebuilds the detector's state before the workers start: the
// campaigns stored whose LastSeen lies within the window (window ending at
// the latest stored event time) are restored, so that they keep their ids,
// then every stored event of the window up to the mark taken now is
// replayed in the order stored. The workers, started after, hand over only
// the events they store from then on: each event is observed once, and
// nothing committed before (even if the stage never saw it before a crash)
// is missing.
func (s *campaignStage) restore(ctx context.Context) error {
	start := time.Now()
	store := s.m.store
	mark, err := store.EventMark(ctx)
	if err != nil {
		return err
	}
	if mark.Latest.IsZero() {
		return nil // nothing stored yet
	}
	from := mark.Latest.Add(-s.window)
	var recs []qinglang.CampaignRecord
	for cursor := ""; ; {
		page, err := store.Campaigns(ctx, qinglang.CampaignFilter{Since: from, Cursor: cursor, Limit: 1000})
		if err != nil {
			return err
		}
		recs = append(recs, page.Campaigns...)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if err := s.det.Restore(recs); err != nil {
		s.m.log.Warn("some stored campaigns could not be restored; they are found again from the replayed events", "err", err)
	}
	replayed := 0
	for after := ""; ; {
		evs, next, err := store.ScanEvents(ctx, qinglang.EventScan{Types: campaignTypes, From: from,
			Through: mark.Through, After: after, Limit: replayPage})
		if err != nil {
			return err
		}
		s.observe(evs, "replay")
		replayed += len(evs)
		if after = next; after == "" {
			break
		}
	}
	s.m.metrics.Campaigns.Set(float64(s.det.Count()))
	s.m.log.Info("campaign state restored", "campaigns", len(recs), "events_replayed", replayed,
		"window_from", from, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// run is the stage's goroutine: it observes what the workers hand over and
// judges on the timer, until the channel is closed; then it judges once
// more and ends.
func (s *campaignStage) run() {
	defer close(s.done)
	tick := time.NewTicker(s.interval)
	defer tick.Stop()
	for {
		select {
		case evs, ok := <-s.in:
			if !ok {
				s.judge()
				return
			}
			s.observe(evs, "live")
		case <-tick.C:
			s.judge()
			tick.Reset(s.nextJudge())
		}
	}
}

// judgeShare bounds the share of the stage's time spent judging: a Judge
// is linear in the window (about 14 s for 10M comments on one core), and
// while it runs no event is observed.
const judgeShare = 4

// nextJudge is the wait before the next Judge: the configured interval,
// or judgeShare times the last Judge's duration when that is longer, so
// that at least three quarters of the time goes to observing events.
func (s *campaignStage) nextJudge() time.Duration {
	return max(s.interval, judgeShare*s.lastJudge)
}

// feed hands a committed batch's new events to the stage, waiting while
// the queue is full. Only the workers call it, and only before close.
func (s *campaignStage) feed(evs []qinglang.Event) {
	var keep []qinglang.Event
	for i := range evs {
		if isCampaignType(evs[i].Type) {
			keep = append(keep, evs[i])
		}
	}
	if len(keep) > 0 {
		s.in <- keep
	}
}

// observe feeds events to the detector. A detector that panics on an event
// is a bug: the event is logged and counted, and the stage goes on.
func (s *campaignStage) observe(evs []qinglang.Event, from string) {
	for i := range evs {
		s.observeOne(&evs[i])
	}
	if len(evs) > 0 {
		s.dirty = true
		s.m.metrics.CampaignEvents.WithLabelValues(from).Add(float64(len(evs)))
	}
}

func (s *campaignStage) observeOne(ev *qinglang.Event) {
	defer func() {
		if r := recover(); r != nil {
			s.m.metrics.DetectionFailures.Inc()
			s.m.log.Error("the campaign detector panicked on an event; it is left out of the campaign state",
				"id", ev.ID, "type", ev.Type, "room", ev.Room, "panic", fmt.Sprint(r))
		}
	}()
	s.det.Observe(ev)
}

// judge runs Judge when events came since the last one, and stores and
// publishes every change.
func (s *campaignStage) judge() {
	if !s.dirty {
		return
	}
	s.dirty = false
	start := time.Now()
	changes := s.judgeSafely()
	s.lastJudge = time.Since(start)
	s.m.metrics.CampaignJudge.Observe(s.lastJudge.Seconds())
	for i := range changes {
		s.store(&changes[i])
	}
	s.m.metrics.Campaigns.Set(float64(s.det.Count()))
}

func (s *campaignStage) judgeSafely() (changes []qinglang.CampaignChange) {
	defer func() {
		if r := recover(); r != nil {
			s.m.log.Error("the campaign detector panicked while judging; no change this time", "panic", fmt.Sprint(r))
			changes = nil
		}
	}()
	return s.det.Judge(time.Time{})
}

// store writes one change in one transaction — the campaign and its
// finding — then publishes the finding when it changed. A transient
// failure is retried with backoff (the workers wait meanwhile, their queue
// full) until it succeeds or Shutdown gives up; any other failure is
// logged, and the campaign is stored when it next changes, or found again
// by the replay after a restart.
func (s *campaignStage) store(c *qinglang.CampaignChange) {
	delay := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		f, changed, err := s.put(c)
		if err == nil {
			if changed {
				if c.New {
					s.m.metrics.Findings.WithLabelValues(string(f.Kind), string(f.Severity)).Inc()
				}
				if err := s.m.bus.PublishFindings([]qinglang.Finding{f}); err != nil {
					s.m.log.Warn("could not publish a campaign finding to the live feed", "campaign", f.ID, "err", err)
				}
			}
			return
		}
		if qinglang.Code(err) != qinglang.EUNAVAILABLE {
			s.m.log.Error("could not store a campaign; it is stored when it next changes", "campaign", c.Record.ID, "err", err)
			return
		}
		s.m.log.Warn("storing a campaign failed; retrying", "campaign", c.Record.ID, "attempt", attempt, "err", err, "retry_in", delay)
		select {
		case <-time.After(delay):
		case <-s.ctx.Done():
			s.m.log.Error("stopped before a campaign could be stored; the replay after the restart finds it again", "campaign", c.Record.ID)
			return
		}
		delay = min(2*delay, 5*time.Second)
	}
}

// put stores the campaign and its finding in one transaction and returns
// the finding as stored and whether it changed.
func (s *campaignStage) put(c *qinglang.CampaignChange) (qinglang.Finding, bool, error) {
	tx, err := s.m.store.Begin(s.ctx)
	if err != nil {
		return qinglang.Finding{}, false, err
	}
	defer func() { _ = tx.Rollback() }()
	rec, f := c.Record, c.Finding
	if _, err := tx.PutCampaign(s.ctx, &rec); err != nil {
		return f, false, err
	}
	changed, err := tx.PutFinding(s.ctx, &f)
	if err != nil {
		return f, false, err
	}
	return f, changed, tx.Commit()
}

// close ends the stage after the workers stopped: the events in the queue
// are observed, Judge runs a last time and its changes are stored. When ctx
// ends first, stores are no longer retried and close returns without
// waiting further.
func (s *campaignStage) close(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.in) })
	select {
	case <-s.done:
		return nil
	case <-ctx.Done():
		s.giveUp()
		return qinglang.Wrap(qinglang.EUNAVAILABLE, ctx.Err(),
			"团伙检测未能在期限内处理完手上的事件", "the campaign stage did not finish the work in hand in time")
	}
}
