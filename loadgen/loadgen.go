// Package loadgen is the engine of `qinglang load`: it offers a running
// Qinglang server a stream of generated contract events over HTTP and
// reports how many it took per second and how long it took from ingestion
// to a finding.
//
// Events go to POST /v1/events in JSON Lines batches, paced by a schedule
// when Config.Rate is set. Latency is measured with probes: every
// Config.ProbeEvery events, an order of a fresh product at price P and, a
// second later in the same room, a listing of it with an original price of
// 5P. The server's price.fake_original detector reports that listing; the
// finding arrives on GET /v1/findings/stream, which is opened before
// sending starts. A probe's latency runs from just before the POST that
// carries its listing to the finding's arrival.
//
// Every id is prefixed with a run id, so that runs against the same server
// do not collide (the server treats a repeated id as a no-op).
package loadgen

import (
	"crypto/rand"
	"encoding/binary"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Limits and defaults of Config.
const (
	ProbePrice      = "price"
	ProbeClaim      = "claim"
	MaxDuration     = 24 * time.Hour
	MaxBatch        = 10_000
	MaxConcurrency  = 1024
	MaxRooms        = 1_000_000
	MaxRate         = 10_000_000
	MaxProbeWait    = 10 * time.Minute
	DefaultBatch    = 500
	DefaultConc     = 4
	DefaultRooms    = 100
	DefaultPlatform = "load"
	DefaultProbes   = 100
	DefaultWait     = 10 * time.Second
	DefaultTimeout  = 60 * time.Second
)

// streamOpenTimeout bounds the wait for the finding stream to open.
const streamOpenTimeout = 10 * time.Second

// Config says what load to offer and where.
type Config struct {
	URL         string        // server base URL, e.g. http://127.0.0.1:8080
	Token       string        // API token sent as a bearer token ("" for a server in open mode)
	Rate        float64       // events per second to offer; 0 = as fast as the server takes them
	Duration    time.Duration // how long to send: required, at most MaxDuration
	MaxEvents   int64         // optional cap on events sent; 0 = none
	Batch       int           // events per POST (default 500); smaller at low rates so sending stays smooth
	Concurrency int           // POSTs in flight (default 4)
	Rooms       int           // simulated rooms (default 100)
	Platform    string        // platform of the events (default "load")
	// ProbeEvery puts one latency probe (two events) in every ProbeEvery
	// events (default 100, at least 2); negative: no probes, and the
	// finding stream is not opened.
	ProbeEvery int
	// Probe is the kind of latency probe: ProbePrice (an order, then a
	// listing with a fictitious original price) or ProbeClaim (host speech
	// with a false sales claim); "" means ProbePrice.
	Probe string
	// ProbeWait is how long to wait, after sending stops, for the findings
	// of outstanding probes (default 10s).
	ProbeWait time.Duration
	// Timeout bounds one POST (default 60s).
	Timeout time.Duration
	Seed    int64  // seeds the generated content; 0: a random seed
	RunID   string // prefix of every id; empty: a fresh random one
	// HTTPClient sends the requests; nil: a client with enough idle
	// connections for Concurrency. Its Timeout, if any, is not applied to
	// the finding stream, which stays open for the whole run.
	HTTPClient *http.Client
	// Progress, when set, is called about once a second from one goroutine,
	// never after Run returns.
	Progress func(Snapshot)
}

// Snapshot is the progress of a run.
type Snapshot struct {
	Elapsed                          time.Duration
	Sent, Accepted, Rejected, Failed int64
	// EventsPerSec is the rate of accepted events since the last snapshot.
	EventsPerSec                             float64
	Probes, ProbesMatched, ProbesOutstanding int64
	// Waiting is true once sending has stopped and the run waits for the
	// findings of outstanding probes.
	Waiting bool
}

// invalid returns an EINVALID error about a field of Config.
func invalid(field, zh, en string, args ...any) error {
	e := qinglang.Errorf(qinglang.EINVALID, zh, en, args...)
	e.Message = "压测配置 " + field + "：" + e.Message
	e.MessageEN = "load config " + field + ": " + e.MessageEN
	return e
}

// Validate checks the configuration; zero fields that have a default are
// valid.
func (c *Config) Validate() error {
	u, err := url.Parse(c.URL)
	switch {
	case c.URL == "":
		return invalid("URL", "缺少服务器地址", "the server URL is missing")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "":
		return invalid("URL", "%q 不是 http(s) 服务器地址", "%q is not an http(s) server URL", c.URL)
	case math.IsNaN(c.Rate) || c.Rate < 0 || c.Rate > MaxRate:
		return invalid("Rate", "速率须在 0 到 %d 之间，0 表示不限速", "the rate must be between 0 and %d; 0 means unlimited", MaxRate)
	case c.Duration <= 0 || c.Duration > MaxDuration:
		return invalid("Duration", "时长须大于 0 且不超过 %s", "the duration must be above 0 and at most %s", MaxDuration)
	case c.MaxEvents < 0:
		return invalid("MaxEvents", "事件上限不能为负", "the event cap cannot be negative")
	case c.Batch < 0 || c.Batch > MaxBatch:
		return invalid("Batch", "每批事件数须在 1 到 %d 之间", "events per POST must be between 1 and %d", MaxBatch)
	case c.Batch == 1 && c.ProbeEvery >= 0:
		return invalid("Batch", "探针需要每批至少 2 个事件", "probes need at least 2 events per POST")
	case c.Concurrency < 0 || c.Concurrency > MaxConcurrency:
		return invalid("Concurrency", "并发数须在 1 到 %d 之间", "concurrency must be between 1 and %d", MaxConcurrency)
	case c.Rooms < 0 || c.Rooms > MaxRooms:
		return invalid("Rooms", "直播间数须在 1 到 %d 之间", "rooms must be between 1 and %d", MaxRooms)
	case len(c.Platform) > 32:
		return invalid("Platform", "平台名不能超过 32 字节", "the platform cannot be longer than 32 bytes")
	case c.Probe != "" && c.Probe != ProbePrice && c.Probe != ProbeClaim:
		return invalid("Probe", "未知的探针类型 %q（price、claim）", "unknown probe kind %q (price, claim)", c.Probe)
	case c.ProbeEvery == 1:
		return invalid("ProbeEvery", "探针间隔至少为 2 个事件（一个探针含 2 个事件）", "probes must be at least 2 events apart (a probe is 2 events)")
	case c.ProbeWait < 0 || c.ProbeWait > MaxProbeWait:
		return invalid("ProbeWait", "探针等待时间须在 0 到 %s 之间", "the probe wait must be between 0 and %s", MaxProbeWait)
	case c.Timeout < 0:
		return invalid("Timeout", "请求超时不能为负", "the POST timeout cannot be negative")
	case !validRunID(c.RunID):
		return invalid("RunID", "运行编号只能含字母、数字、- 和 _，且不超过 32 字节", "the run id may hold only letters, digits, - and _, at most 32 bytes")
	}
	return nil
}

// validRunID reports whether s is empty or a short id of safe characters.
func validRunID(s string) bool {
	if len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// withDefaults returns c with its zero fields set to their defaults.
func (c Config) withDefaults() Config {
	c.URL = strings.TrimRight(c.URL, "/")
	if c.Batch == 0 {
		c.Batch = DefaultBatch
	}
	if c.Concurrency == 0 {
		c.Concurrency = DefaultConc
	}
	if c.Rooms == 0 {
		c.Rooms = DefaultRooms
	}
	if c.Platform == "" {
		c.Platform = DefaultPlatform
	}
	switch {
	case c.ProbeEvery == 0:
		c.ProbeEvery = DefaultProbes
	case c.ProbeEvery < 0:
		c.ProbeEvery = 0
	}
	if c.ProbeWait == 0 {
		c.ProbeWait = DefaultWait
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Seed == 0 {
		c.Seed = int64(randomUint64() >> 1)
	}
	if c.RunID == "" {
		c.RunID = newRunID()
	}
	return c
}

// randomUint64 returns a random number from the system's source.
func randomUint64() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return binary.LittleEndian.Uint64(b[:])
}

// newRunID returns a short id unique to this run: the start time in
// seconds and random bits, in base 36.
func newRunID() string {
	return "lg" + strconv.FormatUint(uint64(time.Now().Unix()), 36) + "-" + strconv.FormatUint(randomUint64()>>40, 36)
}
