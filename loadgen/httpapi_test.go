package loadgen

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/pipeline"
)

// memPipeline stands in for the durable log, the workers and the store
// behind the real HTTP API: it runs the real price.fake_original detector
// over each ingested event, in order, against the orders seen so far, and
// publishes the findings on a feed.
type memPipeline struct {
	mu     sync.Mutex
	det    *pricecheck.Detector
	seen   map[string]bool
	orders []qinglang.OrderFact
	prods  []string // product of each order
	plats  []string // platform of each order
	subs   map[chan qinglang.Finding]bool
}

func (m *memPipeline) Ingest(ctx context.Context, events []qinglang.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range events {
		ev := &events[i]
		if ev.ID != "" && m.seen[ev.ID] {
			continue
		}
		m.seen[ev.ID] = true
		if ev.Type == qinglang.Order {
			m.orders = append(m.orders, qinglang.OrderFact{EventID: ev.ID, Room: ev.Room, User: ev.User,
				TS: ev.TS, Qty: ev.Qty, AmountFen: ev.AmountFen, UnitPriceFen: ev.UnitPriceFen()})
			m.prods = append(m.prods, ev.Product)
			m.plats = append(m.plats, ev.Platform)
		}
		fs, err := m.det.Detect(ctx, &pipeline.Input{Event: ev, Facts: m})
		if err != nil {
			return err
		}
		for _, f := range fs {
			f.ID = qinglang.FindingID(f.Platform, f.Room, f.Rule, f.DedupKey)
			f.DetectedAt = time.Now()
			for ch := range m.subs {
				select {
				case ch <- f:
				default:
				}
			}
		}
	}
	return nil
}

// LowestOrder implements qinglang.Facts (called with m.mu held).
func (m *memPipeline) LowestOrder(_ context.Context, platform, product string, from, to time.Time) (*qinglang.OrderFact, error) {
	var best *qinglang.OrderFact
	for i := range m.orders {
		o := &m.orders[i]
		if m.plats[i] == platform && m.prods[i] == product && !o.TS.Before(from) && o.TS.Before(to) &&
			(best == nil || o.UnitPriceFen < best.UnitPriceFen) {
			best = o
		}
	}
	return best, nil
}

// LastOrderBefore implements qinglang.Facts (called with m.mu held).
func (m *memPipeline) LastOrderBefore(_ context.Context, platform, product string, before time.Time) (*qinglang.OrderFact, error) {
	var last *qinglang.OrderFact
	for i := range m.orders {
		o := &m.orders[i]
		if m.plats[i] == platform && m.prods[i] == product && o.TS.Before(before) && (last == nil || o.TS.After(last.TS)) {
			last = o
		}
	}
	return last, nil
}

func (m *memPipeline) Subscribe() (<-chan qinglang.Finding, func()) {
	ch := make(chan qinglang.Finding, 4096)
	m.mu.Lock()
	m.subs[ch] = true
	m.mu.Unlock()
	return ch, func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.subs[ch] {
			delete(m.subs, ch)
			close(ch)
		}
	}
}

// TestRunAgainstHTTPAPI runs the load generator against the real HTTP API
// (its contract decoder, its answers and its finding stream) and the real
// fake-original-price detector: every generated event must pass the
// contract, and every probe must come back as a finding.
func TestRunAgainstHTTPAPI(t *testing.T) {
	mp := &memPipeline{det: pricecheck.New(pricecheck.Config{}), seen: map[string]bool{},
		subs: map[chan qinglang.Finding]bool{}}
	api := &httpapi.Server{Ingest: mp, Feed: mp}
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	t.Cleanup(api.Shutdown)

	r, err := Run(context.Background(), Config{
		URL: srv.URL, Duration: 10 * time.Second, MaxEvents: 3000, Batch: 250, ProbeEvery: 30,
		ProbeWait: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.Text())
	checkSums(t, r)
	if r.Accepted != 3000 || r.Rejected != 0 || r.Failed != 0 {
		t.Errorf("accepted %d, rejected %d, failed %d (%s): generated events must pass the contract",
			r.Accepted, r.Rejected, r.Failed, r.LastError)
	}
	if r.Probes == 0 || r.ProbesMatched != r.Probes {
		t.Errorf("probes %d, matched %d: every probe must be reported by price.fake_original", r.Probes, r.ProbesMatched)
	}
	if r.OtherFindings != 0 {
		t.Errorf("%d findings on ordinary events", r.OtherFindings)
	}
}
