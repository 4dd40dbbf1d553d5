package natsbus

import (
	"encoding/json"
	"sync"

	"github.com/nats-io/nats.go"

	"github.com/qinglang/qinglang"
)

// FeedBuffer is how many findings a Feed subscriber may fall behind before
// it misses some.
const FeedBuffer = 256

// PublishFindings sends committed findings on the core NATS subject
// <prefix>.findings, one JSON message each, for every process's Feed. It is
// live and best effort (the store is the record): it fails only when the
// connection cannot take the messages.
func (b *Bus) PublishFindings(fs []qinglang.Finding) error {
	for i := range fs {
		data, err := json.Marshal(&fs[i])
		if err != nil {
			return qinglang.Wrap(qinglang.EINTERNAL, err, "发现 %s 无法编码", "finding %s cannot be encoded", fs[i].ID)
		}
		if err := b.nc.Publish(b.FindingsSubject(), data); err != nil {
			return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法发布发现 %s", "cannot publish finding %s", fs[i].ID)
		}
		b.stats.findingsOut.Add(1)
	}
	return nil
}

// Feed fans the findings published on <prefix>.findings (by this or any
// other process) out to local subscribers, for Server-Sent Events and
// webhooks. Each subscriber has a buffer of FeedBuffer findings; one that
// falls behind misses findings (counted in Stats.FindingsDropped) and never
// slows the others.
type Feed struct {
	b *Bus

	mu     sync.Mutex
	subs   map[*feedSub]struct{}
	sub    *nats.Subscription
	closed bool
}

type feedSub struct {
	ch   chan qinglang.Finding
	once sync.Once
}

var _ qinglang.FindingFeed = (*Feed)(nil)

// Feed returns the bus's findings feed. It subscribes to the findings
// subject when it gets its first subscriber.
func (b *Bus) Feed() *Feed {
	b.feedOnce.Do(func() { b.feed = &Feed{b: b, subs: map[*feedSub]struct{}{}} })
	return b.feed
}

// Subscribe returns a channel of new findings and a function that ends the
// subscription and closes the channel. The channel is also closed when the
// bus closes.
func (f *Feed) Subscribe() (<-chan qinglang.Finding, func()) {
	s := &feedSub{ch: make(chan qinglang.Finding, FeedBuffer)}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		close(s.ch)
		return s.ch, func() {}
	}
	if f.sub == nil {
		sub, err := f.b.nc.Subscribe(f.b.FindingsSubject(), f.deliver)
		if err != nil {
			// The subscriber waits on an open channel; the next Subscribe
			// tries again.
			f.b.log.Error("cannot subscribe to findings", "subject", f.b.FindingsSubject(), "err", err)
		} else {
			// Findings are small and the callback never blocks; allow a
			// deep queue so a burst is not cut by the client.
			_ = sub.SetPendingLimits(1<<20, 256<<20)
			f.sub = sub
		}
	}
	f.subs[s] = struct{}{}
	return s.ch, func() { f.unsubscribe(s) }
}

// Subscribers is the number of live subscriptions.
func (f *Feed) Subscribers() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs)
}

func (f *Feed) unsubscribe(s *feedSub) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.subs[s]; ok {
		delete(f.subs, s)
		s.once.Do(func() { close(s.ch) })
	}
}

// deliver decodes one findings message and offers it to every subscriber
// without waiting.
func (f *Feed) deliver(m *nats.Msg) {
	var fd qinglang.Finding
	if err := json.Unmarshal(m.Data, &fd); err != nil {
		f.b.stats.findingsBadIn.Add(1)
		f.b.log.Warn("ignoring a findings message that is not a finding", "err", err, "bytes", len(m.Data))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs {
		select {
		case s.ch <- fd:
		default:
			f.b.stats.findingsDropped.Add(1)
		}
	}
}

// close ends every subscription and stops listening.
func (f *Feed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	if f.sub != nil {
		_ = f.sub.Unsubscribe()
	}
	for s := range f.subs {
		s.once.Do(func() { close(s.ch) })
	}
	f.subs = nil
}
