package webhook

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qinglang/qinglang"
)

// Message is something to deliver to the platform's endpoints.
type Message struct {
	Type     string // one of EventTypes
	Platform string
	Data     any // the body's "data", encoded with encoding/json
}

// Attempt is the record of one attempt at one delivery, for the delivery
// log.
type Attempt struct {
	DeliveryID string
	EndpointID string
	Type       string
	Attempt    int // 1 for the first
	At         time.Time
	// Status is the HTTP status of the response, 0 when there was none (a
	// network error, a timeout, or no request sent).
	Status int
	// Error says why the attempt failed, in Chinese and English; empty
	// when delivered. It never holds the secret, the path or query of the
	// endpoint's URL, or more than an excerpt of the response.
	Error    string
	Duration time.Duration
	// NextAt is when the next attempt is due; zero when this one was the
	// last (delivered, or given up).
	NextAt    time.Time
	Delivered bool
}

// Log records attempts (the store keeps them as the delivery log). A
// failure to record is logged and does not change the delivery.
type Log interface {
	Record(ctx context.Context, a Attempt) error
}

// LogFunc is a Log made of a function.
type LogFunc func(ctx context.Context, a Attempt) error

// Record implements Log.
func (f LogFunc) Record(ctx context.Context, a Attempt) error { return f(ctx, a) }

// Endpoints finds the active endpoints of a platform subscribed to an
// event type. The Dispatcher checks the answer again (active, platform,
// subscription), so a loose implementation sends nothing it should not.
type Endpoints interface {
	Active(ctx context.Context, platform, eventType string) ([]Endpoint, error)
}

// Clock tells the time and makes timers; tests swap it for one they
// advance by hand.
type Clock interface {
	Now() time.Time
	NewTimer(d time.Duration) Timer
}

// Timer is a Clock's timer: C fires once, Stop cancels it.
type Timer interface {
	C() <-chan time.Time
	Stop() bool
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// NewTimer returns a time.Timer.
func (SystemClock) NewTimer(d time.Duration) Timer { return systemTimer{time.NewTimer(d)} }

type systemTimer struct{ t *time.Timer }

func (t systemTimer) C() <-chan time.Time { return t.t.C }
func (t systemTimer) Stop() bool          { return t.t.Stop() }

// Config tunes a Dispatcher. Start from DefaultConfig: NewDispatcher fills
// in a zero field with its default, except Jitter, where zero means none.
type Config struct {
	// Schedule is the delay after each failed attempt, counted from its
	// end: Schedule[0] after the first, and so on; the last repeats when
	// MaxAttempts asks for more.
	Schedule []time.Duration
	// MaxAttempts is how many attempts a delivery gets before it is given
	// up (the first included); default len(Schedule)+1.
	MaxAttempts int
	// Jitter spreads each delay by up to this fraction either way: 0.2
	// turns 10s into anything from 8s to 12s, so that endpoints that failed
	// together are not retried together.
	Jitter float64
	// Timeout bounds one attempt, from connecting to reading the response.
	Timeout time.Duration
	// Workers is how many attempts run at once.
	Workers int
	// PollInterval is how often the queue is asked for due deliveries
	// (Enqueue and finished attempts also wake the loop).
	PollInterval time.Duration
	// MaxResponseBytes caps what is read of a response (the rest is not
	// read); an excerpt of a failed response goes into Attempt.Error.
	MaxResponseBytes int64
	// MaxBodyBytes caps a message's data encoded as JSON (the body adds
	// its envelope); Enqueue refuses a larger one with ETOOLARGE.
	MaxBodyBytes int
	// Client sends the requests (nil: a default client). The Dispatcher
	// uses a copy that never follows redirects.
	Client *http.Client
	Clock  Clock
	// Rand returns a number in [0, 1) for the jitter (nil: math/rand/v2);
	// attempts call it concurrently.
	Rand func() float64
	// Logger receives what fails outside of attempts (a queue or an
	// endpoint lookup failing); nil discards it.
	Logger *slog.Logger
}

// DefaultConfig returns the defaults: retries after 10s, 30s, 2m, 10m, 1h
// and 6h (7 attempts over about 7 hours 13 minutes), jitter 20%, 10s per
// attempt, 8 workers, a poll every second, 64 KiB read of a response and
// bodies up to 1 MiB.
func DefaultConfig() Config {
	return Config{
		Schedule: []time.Duration{10 * time.Second, 30 * time.Second, 2 * time.Minute,
			10 * time.Minute, time.Hour, 6 * time.Hour},
		Jitter:           0.2,
		Timeout:          10 * time.Second,
		Workers:          8,
		PollInterval:     time.Second,
		MaxResponseBytes: 64 << 10,
		MaxBodyBytes:     1 << 20,
		Clock:            SystemClock{},
		Rand:             mrand.Float64,
	}
}

// leaseMargin is how long past the attempt's timeout a delivery stays
// leased (see Queue).
const leaseMargin = time.Minute

// Dispatcher delivers messages to endpoints: Enqueue puts one delivery per
// endpoint on the Queue, Run attempts the due ones.
type Dispatcher struct {
	cfg       Config
	queue     Queue
	endpoints Endpoints
	log       Log
	client    *http.Client
	logger    *slog.Logger

	wake    chan struct{}
	running atomic.Bool
	wg      sync.WaitGroup

	mu       sync.Mutex
	inflight map[string]bool // delivery ids being attempted
}

// NewDispatcher returns a Dispatcher over a queue and the endpoints'
// source; log may be nil (attempts are then not recorded).
func NewDispatcher(q Queue, eps Endpoints, log Log, cfg Config) (*Dispatcher, error) {
	if q == nil || eps == nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "未提供待投递队列或端点来源", "no queue or no endpoint source given")
	}
	def := DefaultConfig()
	if len(cfg.Schedule) == 0 {
		cfg.Schedule = def.Schedule
	}
	for _, d := range cfg.Schedule {
		if d < 0 {
			return nil, qinglang.Errorf(qinglang.EINVALID, "重试间隔 %s 为负", "retry delay %s is negative", d)
		}
	}
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = len(cfg.Schedule) + 1
	}
	if cfg.MaxAttempts < 1 {
		return nil, qinglang.Errorf(qinglang.EINVALID, "最大尝试次数 %d 无效（至少为 1）", "max attempts %d is invalid (want at least 1)", cfg.MaxAttempts)
	}
	if cfg.Jitter < 0 || cfg.Jitter >= 1 {
		return nil, qinglang.Errorf(qinglang.EINVALID, "抖动比例 %g 无效（应在 0 与 1 之间）", "jitter %g is invalid (want 0 to below 1)", cfg.Jitter)
	}
	cfg.Timeout = cmp.Or(cfg.Timeout, def.Timeout)
	cfg.Workers = cmp.Or(cfg.Workers, def.Workers)
	cfg.PollInterval = cmp.Or(cfg.PollInterval, def.PollInterval)
	cfg.MaxResponseBytes = cmp.Or(cfg.MaxResponseBytes, def.MaxResponseBytes)
	cfg.MaxBodyBytes = cmp.Or(cfg.MaxBodyBytes, def.MaxBodyBytes)
	if cfg.Timeout < 0 || cfg.Workers < 0 || cfg.PollInterval < 0 || cfg.MaxResponseBytes < 0 || cfg.MaxBodyBytes < 0 {
		return nil, qinglang.Errorf(qinglang.EINVALID, "超时、并发数、轮询间隔与大小上限不得为负", "timeout, workers, poll interval and size limits must not be negative")
	}
	if cfg.Clock == nil {
		cfg.Clock = def.Clock
	}
	if cfg.Rand == nil {
		cfg.Rand = def.Rand
	}
	client := &http.Client{}
	if cfg.Client != nil {
		c := *cfg.Client
		client = &c
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Dispatcher{cfg: cfg, queue: q, endpoints: eps, log: log, client: client, logger: logger,
		wake: make(chan struct{}, 1), inflight: make(map[string]bool)}, nil
}

// Enqueue puts one delivery of m on the queue for each active endpoint of
// m's platform subscribed to m's type, due now, and returns their ids. It
// does not wait for them; Run delivers them, now or after a restart. When
// the queue fails halfway, the deliveries put so far stay queued, so
// enqueueing m again may deliver it twice to some endpoints, under new
// delivery ids: receivers that must not act twice deduplicate by the id
// inside data (a finding's, a measure's, ...) as well.
func (d *Dispatcher) Enqueue(ctx context.Context, m Message) ([]string, error) {
	if !KnownEvent(m.Type) {
		return nil, qinglang.Errorf(qinglang.EINVALID, "消息类型 %q 未知", "message type %q is unknown", m.Type)
	}
	if m.Platform == "" {
		return nil, qinglang.Errorf(qinglang.EINVALID, "消息缺少 platform", "the message has no platform")
	}
	data, err := json.Marshal(m.Data)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINVALID, err, "无法将 %s 消息编码为 JSON", "cannot encode the %s message as JSON", m.Type)
	}
	if len(data) > d.cfg.MaxBodyBytes {
		return nil, qinglang.Errorf(qinglang.ETOOLARGE, "%s 消息过大（%d 字节，上限 %d）", "the %s message is too large (%d bytes, limit %d)",
			m.Type, len(data), d.cfg.MaxBodyBytes)
	}
	eps, err := d.endpoints.Active(ctx, m.Platform, m.Type)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法读取平台 %s 的端点", "cannot read the endpoints of platform %s", m.Platform)
	}
	now := d.cfg.Clock.Now().UTC()
	var ids []string
	for _, ep := range eps {
		if !ep.Active || ep.Platform != m.Platform || !ep.Subscribed(m.Type) {
			continue
		}
		id := newDeliveryID()
		body, err := json.Marshal(Envelope{ID: id, Type: m.Type, Platform: m.Platform, CreatedAt: now, Data: data})
		if err != nil {
			return ids, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码投递内容", "cannot encode the delivery")
		}
		p := Pending{ID: id, EndpointID: ep.ID, Platform: m.Platform, Type: m.Type, Body: body, NextAt: now, CreatedAt: now}
		if err := d.queue.Put(ctx, p); err != nil {
			return ids, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法将投递放入队列", "cannot queue the delivery")
		}
		ids = append(ids, id)
	}
	if len(ids) > 0 {
		d.poke()
	}
	return ids, nil
}

// newDeliveryID returns "dlv_" and 32 random hexadecimal digits.
func newDeliveryID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return "dlv_" + hex.EncodeToString(b)
}

// poke wakes Run without waiting.
func (d *Dispatcher) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run attempts due deliveries, at most Config.Workers at once, until ctx
// is done; then it starts no more attempts, waits for those under way (each
// is bounded by Config.Timeout, and is not cancelled with ctx) and returns
// nil. One Run at a time: a second one returns ECONFLICT.
func (d *Dispatcher) Run(ctx context.Context) error {
	if !d.running.CompareAndSwap(false, true) {
		return qinglang.Errorf(qinglang.ECONFLICT, "投递循环已在运行", "the dispatcher is already running")
	}
	defer d.running.Store(false)
	defer d.wg.Wait()
	work := context.WithoutCancel(ctx)
	for ctx.Err() == nil {
		d.startDue(ctx, work)
		t := d.cfg.Clock.NewTimer(d.cfg.PollInterval)
		select {
		case <-ctx.Done():
		case <-d.wake:
		case <-t.C():
		}
		t.Stop()
	}
	return nil
}

// startDue starts an attempt for each due delivery, as far as workers are
// free.
func (d *Dispatcher) startDue(ctx, work context.Context) {
	d.mu.Lock()
	busy := len(d.inflight)
	d.mu.Unlock()
	if busy >= d.cfg.Workers {
		return
	}
	// Ask for the busy ones too: one just started may not be leased yet.
	due, err := d.queue.Due(ctx, d.cfg.Clock.Now(), d.cfg.Workers)
	if err != nil {
		if ctx.Err() == nil {
			d.logger.Warn("webhook: reading due deliveries failed", "err", err)
		}
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, p := range due {
		if len(d.inflight) >= d.cfg.Workers {
			return
		}
		if d.inflight[p.ID] {
			continue
		}
		d.inflight[p.ID] = true
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			progressed := d.attempt(work, p)
			d.mu.Lock()
			delete(d.inflight, p.ID)
			d.mu.Unlock()
			if progressed { // else wait for the poll, not to spin on a failing store
				d.poke()
			}
		}()
	}
}
