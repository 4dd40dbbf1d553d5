package loadgen

import (
	"context"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qinglang/qinglang"
)

// maxLag is how far the send schedule may fall behind before the missed
// time is forgiven, so that a stalled server is not answered with a burst.
const maxLag = time.Second

// Report is the outcome of a run.
type Report struct {
	URL   string
	RunID string
	Rate  float64 // offered events per second; 0: unlimited

	// Sent = Accepted + Rejected + Failed.
	Sent, Accepted, Rejected int64
	// Failed counts the events of POSTs that failed (no answer, or a status
	// other than 200); they are never counted as accepted. A 400 whose
	// answer rejects every event of the batch counts as Rejected instead.
	Failed      int64
	FailedPosts map[string]int64 // failed POSTs by cause, e.g. "HTTP 503"
	LastError   string           // the last failure's message

	Elapsed      time.Duration // from the first POST to the last answer
	SendPhase    time.Duration // from the first POST to the end of sending
	EventsPerSec float64       // accepted / elapsed
	SendRate     float64       // sent / send phase: the load achieved
	// Behind is true when Rate was set and the server took events more
	// slowly than offered.
	Behind bool
	// Canceled is true when the context ended the run early.
	Canceled bool

	// Probes taken by the server; matched by a finding; still without one
	// when the wait ended; lost in failed POSTs or rejected (no finding
	// expected).
	Probes, ProbesMatched, ProbesUnmatched, ProbesLost int64

	OtherFindings int64         // findings on the stream that matched no probe
	StreamDrops   int64         // times the finding stream dropped and was reopened
	Wait          time.Duration // time spent waiting for outstanding probes

	// Ingest (just before the POST carrying the probe listing) to the
	// finding arriving on the stream.
	LatencyP50, LatencyP95, LatencyP99, LatencyMax time.Duration
	// LatencySampled is true when there were more than MaxSamples probes
	// and the percentiles come from a uniform sample of them.
	LatencySampled bool

	// Round trips of POSTs answered 200.
	PostP50, PostP99 time.Duration
	PostSampled      bool
}

// Run offers cfg's load to the server and reports on it. It opens the
// finding stream first (unless probes are off) and fails if it cannot.
// When ctx ends, Run stops sending at once, skips the wait for probes and
// returns the report so far together with ctx's error.
func Run(ctx context.Context, cfg Config) (Report, error) {
	if err := cfg.Validate(); err != nil {
		return Report{}, err
	}
	cfg = cfg.withDefaults()
	client := cfg.HTTPClient
	if client == nil {
		client = newClient(cfg.Concurrency)
		defer client.CloseIdleConnections()
	}
	seed := uint64(cfg.Seed)
	tr := newTracker(seed + 1)
	cnt := &counts{}
	p := &poster{client: client, url: cfg.URL + "/v1/events", token: cfg.Token, timeout: cfg.Timeout,
		counts: cnt, tracker: tr, rtt: newSamples(MaxSamples, seed+2)}

	streamCtx, stopStream := context.WithCancel(ctx)
	streamDone := make(chan struct{})
	defer func() {
		stopStream()
		<-streamDone
	}()
	var st *stream
	if cfg.ProbeEvery > 0 {
		sc := *client
		sc.Timeout = 0 // the stream stays open for the whole run
		st = newStream(&sc, cfg.URL, cfg.Token, cfg.Platform, tr)
		if err := openStream(ctx, streamCtx, stopStream, st, streamDone); err != nil {
			return Report{}, err
		}
	} else {
		close(streamDone)
	}

	gen := newGenerator(cfg.RunID, cfg.Platform, cfg.Rooms, cfg.ProbeEvery, seed, time.Now)
	gen.claimProbes = cfg.Probe == ProbeClaim
	start := time.Now()
	var waiting atomic.Bool
	stopProgress := progress(cfg.Progress, start, cnt, tr, &waiting)

	jobs := make(chan *batch)
	var wg sync.WaitGroup
	for range cfg.Concurrency {
		wg.Go(func() {
			for b := range jobs {
				p.post(ctx, b)
			}
		})
	}
	batchSize := produce(ctx, cfg, gen, jobs, start)
	close(jobs)
	sendPhase := time.Since(start)
	wg.Wait()
	elapsed := time.Since(start)

	waitStart := time.Now()
	if st != nil && ctx.Err() == nil {
		waiting.Store(true)
		tr.wait(ctx, cfg.ProbeWait)
	}
	wait := time.Since(waitStart)
	stopStream()
	<-streamDone
	stopProgress()

	r := Report{
		URL: cfg.URL, RunID: cfg.RunID, Rate: cfg.Rate,
		Sent: cnt.sent.Load(), Accepted: cnt.accepted.Load(), Rejected: cnt.rejected.Load(), Failed: cnt.failed.Load(),
		Elapsed: elapsed, SendPhase: sendPhase, Wait: wait, Canceled: ctx.Err() != nil,
	}
	cnt.mu.Lock()
	r.LastError = cnt.lastError
	if len(cnt.failedPosts) > 0 {
		r.FailedPosts = make(map[string]int64, len(cnt.failedPosts))
		for k, v := range cnt.failedPosts {
			r.FailedPosts[k] = v
		}
	}
	cnt.mu.Unlock()
	if s := elapsed.Seconds(); s > 0 {
		r.EventsPerSec = float64(r.Accepted) / s
	}
	if s := sendPhase.Seconds(); s > 0 {
		r.SendRate = float64(r.Sent) / s
	}
	if cfg.Rate > 0 {
		expected := cfg.Rate * sendPhase.Seconds()
		if cfg.MaxEvents > 0 {
			expected = math.Min(expected, float64(cfg.MaxEvents))
		}
		r.Behind = float64(r.Sent+int64(batchSize)) < 0.9*expected
	}
	probes, matched, outstanding, lost, other := tr.counts()
	r.Probes, r.ProbesMatched, r.ProbesUnmatched, r.ProbesLost, r.OtherFindings = probes, matched, outstanding, lost, other
	if st != nil {
		r.StreamDrops, _ = st.stats()
	}
	lat := tr.latency.summarize(50, 95, 99)
	r.LatencyP50, r.LatencyP95, r.LatencyP99, r.LatencyMax, r.LatencySampled = lat.p[0], lat.p[1], lat.p[2], lat.max, lat.sampled
	post := p.rtt.summarize(50, 99)
	r.PostP50, r.PostP99, r.PostSampled = post.p[0], post.p[1], post.sampled
	return r, ctx.Err()
}

// newClient returns a client that keeps a connection per POST in flight.
func newClient(concurrency int) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = concurrency + 2
	t.MaxIdleConns = max(t.MaxIdleConns, concurrency+2)
	return &http.Client{Transport: t}
}

// openStream starts the finding stream in its own goroutine, which closes
// done when it ends, and waits for its first connection.
func openStream(ctx, streamCtx context.Context, stop context.CancelFunc, st *stream, done chan struct{}) error {
	ready := make(chan error, 1)
	go func() {
		defer close(done)
		st.run(streamCtx, ready)
	}()
	timer := time.NewTimer(streamOpenTimeout)
	defer timer.Stop()
	select {
	case err := <-ready:
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err,
			"无法打开发现流 %s，无法测量延迟", "cannot open the finding stream %s to measure latency", st.url)
	case <-timer.C:
		stop()
		return qinglang.Errorf(qinglang.EUNAVAILABLE,
			"发现流 %s 在 %s 内未打开", "the finding stream %s did not open within %s", st.url, streamOpenTimeout)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// produce makes batches and hands them to the senders until the duration
// is over, the event cap is reached or ctx ends. With a rate, batch k is
// released when the events before it are due. It returns the batch size
// it used.
func produce(ctx context.Context, cfg Config, gen *generator, jobs chan<- *batch, start time.Time) int {
	deadline := start.Add(cfg.Duration)
	stop := time.NewTimer(time.Until(deadline))
	defer stop.Stop()
	limit := cfg.MaxEvents
	size := cfg.Batch
	if cfg.Rate > 0 {
		plan := int64(math.Ceil(cfg.Rate * cfg.Duration.Seconds()))
		if limit == 0 || plan < limit {
			limit = plan
		}
		// Small batches at low rates: about 20 POSTs a second at least.
		size = min(size, max(2, int(math.Ceil(cfg.Rate/20))))
	}
	var emitted int64
	next := start
	for {
		n := size
		if limit > 0 {
			if emitted >= limit {
				return size
			}
			n = int(min(int64(n), limit-emitted))
		}
		if cfg.Rate > 0 {
			now := time.Now()
			if now.Sub(next) > maxLag {
				next = now.Add(-maxLag)
			}
			if !next.Before(deadline) {
				return size
			}
			if d := next.Sub(now); d > 0 {
				t := time.NewTimer(d)
				select {
				case <-t.C:
				case <-ctx.Done():
					t.Stop()
					return size
				}
			}
		}
		if ctx.Err() != nil || !time.Now().Before(deadline) {
			return size
		}
		b := gen.batch(n)
		select {
		case jobs <- b:
		case <-ctx.Done():
			return size
		case <-stop.C:
			return size
		}
		emitted += int64(len(b.events))
		if cfg.Rate > 0 {
			next = next.Add(time.Duration(float64(len(b.events)) / cfg.Rate * float64(time.Second)))
		}
	}
}

// progress calls fn about once a second until the returned stop is
// called; stop returns once fn will not be called again.
func progress(fn func(Snapshot), start time.Time, cnt *counts, tr *tracker, waiting *atomic.Bool) (stop func()) {
	if fn == nil {
		return func() {}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		last, lastAt := int64(0), start
		for {
			select {
			case <-quit:
				return
			case now := <-tick.C:
				s := Snapshot{
					Elapsed: now.Sub(start), Sent: cnt.sent.Load(), Accepted: cnt.accepted.Load(),
					Rejected: cnt.rejected.Load(), Failed: cnt.failed.Load(), Waiting: waiting.Load(),
				}
				if d := now.Sub(lastAt).Seconds(); d > 0 {
					s.EventsPerSec = float64(s.Accepted-last) / d
				}
				last, lastAt = s.Accepted, now
				s.Probes, s.ProbesMatched, s.ProbesOutstanding, _, _ = tr.counts()
				fn(s)
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}
