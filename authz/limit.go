package authz

import (
	"container/list"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/qinglang/qinglang"
)

// Limit is a token bucket: Rate requests per second on average and up to
// Burst at once.
type Limit struct {
	Rate  float64 `json:"rate" yaml:"rate"`
	Burst int     `json:"burst" yaml:"burst"`
}

// refill is how long an empty bucket takes to fill again.
func (l Limit) refill() time.Duration {
	return time.Duration(math.Ceil(float64(l.Burst) / l.Rate * float64(time.Second)))
}

// DefaultLimits are the limits per token by role:
//
//	role       rate/s  burst  why
//	admin          50    100  people and scripts at the console
//	regulator      20     40  a console user
//	platform      200    400  its event feed (batches) and its integrations
//	reviewer       20     40  a console user working a queue
//	operator        5     20  lint before going live, its own rooms
func DefaultLimits() map[qinglang.Role]Limit {
	return map[qinglang.Role]Limit{
		qinglang.RoleAdmin:     {Rate: 50, Burst: 100},
		qinglang.RoleRegulator: {Rate: 20, Burst: 40},
		qinglang.RolePlatform:  {Rate: 200, Burst: 400},
		qinglang.RoleReviewer:  {Rate: 20, Burst: 40},
		qinglang.RoleOperator:  {Rate: 5, Burst: 20},
	}
}

// Defaults of LimiterConfig.
const (
	DefaultIdle       = 10 * time.Minute
	DefaultMaxEntries = 100_000
)

// LimiterConfig configures a Limiter; zero fields take the defaults.
type LimiterConfig struct {
	// Limits by role; a role missing here has its DefaultLimits entry.
	Limits map[qinglang.Role]Limit
	// Idle is how long a token's bucket is kept unused (DefaultIdle). It
	// is raised, if need be, to the longest refill time of any role, so
	// that only full buckets are dropped: dropping one changes nothing.
	Idle time.Duration
	// MaxEntries caps the buckets kept (DefaultMaxEntries). When it is
	// reached the least recently used one is dropped even if not idle, and
	// its token starts again with a full bucket: set it well above the
	// number of tokens in use.
	MaxEntries int
}

// Limiter limits the requests of each token, keyed by token id, with one
// token bucket (golang.org/x/time/rate) per token and limits by role. Its
// memory is bounded: idle buckets are dropped and there are at most
// MaxEntries. It is safe for concurrent use.
type Limiter struct {
	limits map[qinglang.Role]Limit
	idle   time.Duration
	max    int

	mu      sync.Mutex
	entries map[string]*list.Element // token id → element of lru
	lru     list.List                // of *bucket, the most recently used first
}

// bucket is one token's limiter.
type bucket struct {
	id   string
	role qinglang.Role
	last time.Time // the latest request time seen
	lim  *rate.Limiter
}

// NewLimiter returns a Limiter for cfg, or an EINVALID error naming the bad
// setting.
func NewLimiter(cfg LimiterConfig) (*Limiter, error) {
	l := &Limiter{limits: DefaultLimits(), idle: cfg.Idle, max: cfg.MaxEntries, entries: map[string]*list.Element{}}
	for role, lim := range cfg.Limits {
		if !role.Known() {
			return nil, qinglang.Errorf(qinglang.EINVALID, "限流配置：未知角色 %q（应为 %s）",
				"rate limits: unknown role %q (want one of %s)", role, roleList())
		}
		if math.IsNaN(lim.Rate) || math.IsInf(lim.Rate, 0) || lim.Rate <= 0 || lim.Burst < 1 {
			return nil, qinglang.Errorf(qinglang.EINVALID, "限流配置：角色 %s 的速率 %v 应为正数、突发 %d 应至少为 1",
				"rate limits: role %s needs a positive rate (not %v) and a burst of at least 1 (not %d)", role, lim.Rate, lim.Burst)
		}
		l.limits[role] = lim
	}
	switch {
	case l.idle < 0:
		return nil, qinglang.Errorf(qinglang.EINVALID, "限流配置：空闲时长 %v 不能为负", "rate limits: idle time %v is negative", l.idle)
	case l.idle == 0:
		l.idle = DefaultIdle
	}
	for _, lim := range l.limits {
		l.idle = max(l.idle, lim.refill())
	}
	switch {
	case l.max < 0:
		return nil, qinglang.Errorf(qinglang.EINVALID, "限流配置：条目上限 %d 不能为负", "rate limits: max entries %d is negative", l.max)
	case l.max == 0:
		l.max = DefaultMaxEntries
	}
	return l, nil
}

// Allow reports whether p may make a request at now and, if not, how long
// until it may. The process itself (a principal without a token id) is
// not limited; a principal whose role is unknown is refused (it cannot
// have been authenticated).
func (l *Limiter) Allow(p qinglang.Principal, now time.Time) (ok bool, retryAfter time.Duration) {
	if p.TokenID == "" {
		return true, 0
	}
	lim, known := l.limits[p.Role]
	if !known {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.evictIdle(now)
	var b *bucket
	if el, found := l.entries[p.TokenID]; found {
		b = el.Value.(*bucket)
		l.lru.MoveToFront(el)
	} else {
		for l.lru.Len() >= l.max {
			l.remove(l.lru.Back())
		}
		b = &bucket{id: p.TokenID, last: now}
		l.entries[p.TokenID] = l.lru.PushFront(b)
	}
	if b.lim == nil || b.role != p.Role {
		b.role, b.lim = p.Role, rate.NewLimiter(rate.Limit(lim.Rate), lim.Burst)
	}
	if now.After(b.last) {
		b.last = now
	}
	if b.lim.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - b.lim.TokensAt(now)
	return false, max(time.Duration(math.Ceil(missing/lim.Rate*float64(time.Second))), 1)
}

// evictIdle drops the buckets unused for l.idle at now, from the least
// recently used.
func (l *Limiter) evictIdle(now time.Time) {
	for el := l.lru.Back(); el != nil; el = l.lru.Back() {
		if now.Sub(el.Value.(*bucket).last) < l.idle {
			return
		}
		l.remove(el)
	}
}

func (l *Limiter) remove(el *list.Element) {
	delete(l.entries, el.Value.(*bucket).id)
	l.lru.Remove(el)
}

// Len returns the number of buckets kept.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}
