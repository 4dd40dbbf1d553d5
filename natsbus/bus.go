package natsbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// Defaults of Options.
const (
	DefaultPartitions    = 8
	DefaultStream        = "QINGLANG_EVENTS"
	DefaultSubjectPrefix = "qinglang"
	DefaultMaxAge        = 7 * 24 * time.Hour
	DefaultMaxAckPending = 1024
	DefaultAckWait       = 60 * time.Second
)

// MaxPartitions bounds Options.Partitions.
const MaxPartitions = 1024

// Options configures a Bus. Zero fields take the defaults above.
type Options struct {
	// URL of the NATS server(s), comma separated (an embedded server's
	// ClientURL, or --nats-url).
	URL string
	// Partitions is the number of event partitions (default 8). Changing it
	// moves rooms to other partitions: drain the log first.
	Partitions int
	// Stream is the JetStream stream name (default QINGLANG_EVENTS).
	Stream string
	// SubjectPrefix starts every subject (default "qinglang").
	SubjectPrefix string
	// Replicas of the stream and its consumers (default 1; 3 on a cluster).
	Replicas int
	// MaxAge is how long the log keeps messages (default 7 days).
	MaxAge time.Duration
	// MaxAckPending bounds the unacknowledged messages of each consumer
	// (default 1024); Consume never fetches a batch larger than this.
	MaxAckPending int
	// AckWait is how long the log waits for an ack before delivering a
	// message again (default 60s). Consume keeps batches it retries alive.
	AckWait time.Duration
	// Linger is how long Consume waits for more messages once a batch has
	// its first one (default 25ms).
	Linger time.Duration
	// PollWait is how long one idle fetch waits for a first message; it
	// bounds how fast an idle Consume notices cancellation (default 1s).
	PollWait time.Duration
	// Logger receives the bus's log lines (default slog.Default()).
	Logger *slog.Logger
}

func (o *Options) setDefaults() error {
	if o.URL == "" {
		return qinglang.Errorf(qinglang.EINVALID, "未指定 NATS 地址", "no NATS URL given")
	}
	if o.Partitions == 0 {
		o.Partitions = DefaultPartitions
	}
	if o.Partitions < 1 || o.Partitions > MaxPartitions {
		return qinglang.Errorf(qinglang.EINVALID, "分区数 %d 无效（应为 1–%d）",
			"partition count %d is invalid (want 1-%d)", o.Partitions, MaxPartitions)
	}
	if o.Stream == "" {
		o.Stream = DefaultStream
	}
	if strings.ContainsAny(o.Stream, ".*> /\\\t\r\n") {
		return qinglang.Errorf(qinglang.EINVALID, "流名称 %q 含有不允许的字符",
			"stream name %q contains a character that is not allowed", o.Stream)
	}
	if o.SubjectPrefix == "" {
		o.SubjectPrefix = DefaultSubjectPrefix
	}
	if strings.ContainsAny(o.SubjectPrefix, "*> \t\r\n") || strings.HasPrefix(o.SubjectPrefix, ".") ||
		strings.HasSuffix(o.SubjectPrefix, ".") || strings.Contains(o.SubjectPrefix, "..") {
		return qinglang.Errorf(qinglang.EINVALID, "主题前缀 %q 无效", "subject prefix %q is invalid", o.SubjectPrefix)
	}
	if o.Replicas == 0 {
		o.Replicas = 1
	}
	if o.Replicas < 1 || o.Replicas > 5 {
		return qinglang.Errorf(qinglang.EINVALID, "副本数 %d 无效（应为 1–5）",
			"replica count %d is invalid (want 1-5)", o.Replicas)
	}
	if o.MaxAge == 0 {
		o.MaxAge = DefaultMaxAge
	}
	if o.MaxAge < 0 {
		return qinglang.Errorf(qinglang.EINVALID, "日志保留时长 %s 无效", "log retention %s is invalid", o.MaxAge)
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = DefaultMaxAckPending
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.Linger <= 0 {
		o.Linger = 25 * time.Millisecond
	}
	if o.PollWait <= 0 {
		o.PollWait = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return nil
}

// Bus is a connection to the event log. It is safe for concurrent use.
type Bus struct {
	opts Options
	nc   *nats.Conn
	js   jetstream.JetStream
	// logID is set by setup; see LogID.
	logID string
	log   *slog.Logger

	// maxMsg is the largest message Ingest writes: the server's max payload
	// less room for headers, at most MaxMessageBytes.
	maxMsg int

	feedOnce sync.Once
	feed     *Feed

	// active names the consumers this bus is running (Consume, RouteRaw),
	// so that one is never run twice at once.
	activeMu sync.Mutex
	active   map[string]bool

	stats stats
}

// stats are the bus's counters, read through Stats.
type stats struct {
	messagesOut     atomic.Uint64
	eventsOut       atomic.Uint64
	handlerErrors   atomic.Uint64
	rawRejected     atomic.Uint64
	findingsOut     atomic.Uint64
	findingsBadIn   atomic.Uint64
	findingsDropped atomic.Uint64
}

// Stats is a snapshot of the bus's counters since Connect.
type Stats struct {
	MessagesPublished uint64 // messages stored by Ingest
	EventsPublished   uint64 // events stored by Ingest
	HandlerErrors     uint64 // Consume handler failures (each retried)
	RawRejected       uint64 // problems RouteRaw reported through onReject
	FindingsPublished uint64 // findings sent by PublishFindings
	FindingsMalformed uint64 // findings messages the Feed could not decode
	FindingsDropped   uint64 // findings a slow Feed subscriber missed
}

// Stats returns the bus's counters.
func (b *Bus) Stats() Stats {
	return Stats{
		MessagesPublished: b.stats.messagesOut.Load(),
		EventsPublished:   b.stats.eventsOut.Load(),
		HandlerErrors:     b.stats.handlerErrors.Load(),
		RawRejected:       b.stats.rawRejected.Load(),
		FindingsPublished: b.stats.findingsOut.Load(),
		FindingsMalformed: b.stats.findingsBadIn.Load(),
		FindingsDropped:   b.stats.findingsDropped.Load(),
	}
}

// Connect connects to NATS and creates or updates the stream and its
// durable consumers (one per partition and the raw-input router); running
// it again with the same options changes nothing.
func Connect(ctx context.Context, o Options) (*Bus, error) {
	if err := o.setDefaults(); err != nil {
		return nil, err
	}
	log := o.Logger.With("component", "natsbus")
	nc, err := nats.Connect(o.URL,
		nats.Name("qinglang"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("NATS connection lost", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("NATS reconnected", "url", c.ConnectedUrlRedacted()) }),
		nats.ErrorHandler(func(_ *nats.Conn, s *nats.Subscription, err error) {
			subj := ""
			if s != nil {
				subj = s.Subject
			}
			log.Warn("NATS asynchronous error", "subject", subj, "err", err)
		}),
	)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法连接 NATS（%s）", "cannot connect to NATS (%s)", RedactURL(o.URL))
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(30*time.Second),
		jetstream.WithPublishAsyncMaxPending(1024))
	if err != nil {
		nc.Close()
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "无法创建 JetStream 客户端", "cannot create the JetStream client")
	}
	b := &Bus{opts: o, nc: nc, js: js, log: log}
	b.maxMsg = MaxMessageBytes
	if mp := int(nc.MaxPayload()) - headerRoom; mp < b.maxMsg {
		b.maxMsg = mp
	}
	if b.maxMsg < 1024 {
		nc.Close()
		return nil, qinglang.Errorf(qinglang.EUNAVAILABLE, "NATS 服务器的最大消息 %d 字节过小",
			"the NATS server's max payload of %d bytes is too small", nc.MaxPayload())
	}
	if err := b.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return b, nil
}

// headerRoom is what Ingest keeps free of the server's max payload for
// headers (message id, expected stream).
const headerRoom = 4 << 10

// setup creates or updates the stream and the consumers.
func (b *Bus) setup(ctx context.Context) error {
	o := b.opts
	stream, err := b.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        o.Stream,
		Description: "Qinglang events: partitioned event log and raw platform input",
		Subjects:    []string{b.partitionWildcard(), b.RawSubject()},
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
		MaxAge:      o.MaxAge,
		Storage:     jetstream.FileStorage,
		Replicas:    o.Replicas,
		Duplicates:  2 * time.Minute,
	})
	if err != nil {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法创建或更新事件流 %s", "cannot create or update the event stream %s", o.Stream)
	}
	b.logID = fmt.Sprintf("%s@%d", o.Stream, stream.CachedInfo().Created.UnixNano())
	for p := 0; p < o.Partitions; p++ {
		if _, err := b.js.CreateOrUpdateConsumer(ctx, o.Stream, b.consumerConfig(b.partitionConsumer(p), b.PartitionSubject(p))); err != nil {
			return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法创建分区 %d 的消费者", "cannot create the consumer of partition %d", p)
		}
	}
	if _, err := b.js.CreateOrUpdateConsumer(ctx, o.Stream, b.consumerConfig(b.routerConsumer(), b.RawSubject())); err != nil {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法创建原始输入的消费者", "cannot create the raw input consumer")
	}
	return nil
}

func (b *Bus) consumerConfig(name, subject string) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       name,
		Description:   "Qinglang " + subject,
		FilterSubject: subject,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       b.opts.AckWait,
		MaxDeliver:    -1,
		MaxAckPending: b.opts.MaxAckPending,
		MaxWaiting:    64,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
		Replicas:      b.opts.Replicas,
	}
}

// PartitionSubject is the subject of partition p: <prefix>.events.p.<p>.
func (b *Bus) PartitionSubject(p int) string {
	return fmt.Sprintf("%s.events.p.%d", b.opts.SubjectPrefix, p)
}

func (b *Bus) partitionWildcard() string { return b.opts.SubjectPrefix + ".events.p.*" }

// RawSubject is where platforms publish raw events: <prefix>.in.
func (b *Bus) RawSubject() string { return b.opts.SubjectPrefix + ".in" }

// FindingsSubject is the core NATS subject of committed findings.
func (b *Bus) FindingsSubject() string { return b.opts.SubjectPrefix + ".findings" }

// Partitions is the number of partitions.
func (b *Bus) Partitions() int { return b.opts.Partitions }

// consumerName turns the subject prefix into a valid consumer name part.
func (b *Bus) consumerName(suffix string) string {
	return strings.NewReplacer(".", "_", "/", "_", "\\", "_").Replace(b.opts.SubjectPrefix) + "_" + suffix
}

func (b *Bus) partitionConsumer(p int) string { return b.consumerName(fmt.Sprintf("p%d", p)) }
func (b *Bus) routerConsumer() string         { return b.consumerName("router") }

// LogID names this incarnation of the stream: its name and creation time.
// Stream sequences restart when a stream is deleted and created again, so
// a position in the log is only unique together with the LogID.
func (b *Bus) LogID() string { return b.logID }

// Ready reports whether the connection is up and the stream answers (for
// /readyz).
func (b *Bus) Ready(ctx context.Context) error {
	if st := b.nc.Status(); st != nats.CONNECTED {
		return qinglang.Errorf(qinglang.EUNAVAILABLE, "NATS 未连接（%s）", "NATS is not connected (%s)", st)
	}
	if _, err := b.js.Stream(ctx, b.opts.Stream); err != nil {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "事件流 %s 不可用", "the event stream %s is unavailable", b.opts.Stream)
	}
	return nil
}

// Close ends the Feed's subscribers and drains the connection: pending
// publishes are flushed and subscriptions finish before it closes. Stop
// Consume and RouteRaw (cancel their context) first.
func (b *Bus) Close() error {
	b.Feed().close()
	if b.nc.IsClosed() {
		return nil
	}
	closed := make(chan struct{})
	b.nc.SetClosedHandler(func(*nats.Conn) { close(closed) })
	if err := b.nc.Drain(); err != nil {
		b.nc.Close()
		if errors.Is(err, nats.ErrConnectionClosed) {
			return nil
		}
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "关闭 NATS 连接失败", "closing the NATS connection failed")
	}
	select {
	case <-closed:
	case <-time.After(30 * time.Second):
		b.nc.Close()
		return qinglang.Errorf(qinglang.EUNAVAILABLE, "NATS 连接未能在 30 秒内排空", "the NATS connection did not drain within 30s")
	}
	return nil
}

// claim marks consumers as running on this bus, all or none; it fails when
// one of them already runs.
func (b *Bus) claim(names ...string) error {
	b.activeMu.Lock()
	defer b.activeMu.Unlock()
	for _, n := range names {
		if b.active[n] {
			return qinglang.Errorf(qinglang.EINVALID, "消费者 %s 已在运行", "consumer %s is already running", n)
		}
	}
	if b.active == nil {
		b.active = map[string]bool{}
	}
	for _, n := range names {
		b.active[n] = true
	}
	return nil
}

// release ends a claim.
func (b *Bus) release(names ...string) {
	b.activeMu.Lock()
	defer b.activeMu.Unlock()
	for _, n := range names {
		delete(b.active, n)
	}
}

// RedactURL hides the passwords and tokens of a NATS URL (a comma-separated
// list too), for messages and logs.
func RedactURL(u string) string {
	parts := strings.Split(u, ",")
	for i, p := range parts {
		if at := strings.LastIndex(p, "@"); at >= 0 {
			if s := strings.Index(p, "://"); s >= 0 && s < at {
				parts[i] = p[:s+3] + "***" + p[at:]
			} else {
				parts[i] = "***" + p[at:]
			}
		}
	}
	return strings.Join(parts, ",")
}
