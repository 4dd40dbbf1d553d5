package authz

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func newLimiter(t *testing.T, cfg LimiterConfig) *Limiter {
	t.Helper()
	l, err := NewLimiter(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLimiterBurstThenRefill(t *testing.T) {
	l := newLimiter(t, LimiterConfig{})
	op := DefaultLimits()[qinglang.RoleOperator] // 5/s, burst 20
	for i := range op.Burst {
		if ok, _ := l.Allow(operator, t0); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, retry := l.Allow(operator, t0)
	if ok || retry != 200*time.Millisecond {
		t.Fatalf("after the burst: %v, %v; want refused, retry after 200ms", ok, retry)
	}
	// A refusal costs nothing: half-way, still refused, half the wait left.
	if ok, retry := l.Allow(operator, t0.Add(100*time.Millisecond)); ok || retry != 100*time.Millisecond {
		t.Fatalf("half-way: %v, %v; want refused, retry after 100ms", ok, retry)
	}
	if ok, _ := l.Allow(operator, t0.Add(200*time.Millisecond)); !ok {
		t.Fatal("refused after retryAfter")
	}
	if ok, _ := l.Allow(operator, t0.Add(200*time.Millisecond)); ok {
		t.Fatal("a second request allowed on one refilled token")
	}
	// One second refills five.
	now := t0.Add(1200 * time.Millisecond)
	allowed := 0
	for range 10 {
		if ok, _ := l.Allow(operator, now); ok {
			allowed++
		}
	}
	if allowed != 5 {
		t.Errorf("after 1s, %d allowed, want 5", allowed)
	}
	// Other tokens have their own buckets.
	other := operator
	other.TokenID = "o2"
	if ok, _ := l.Allow(other, now); !ok {
		t.Error("another token is limited by the first one's bucket")
	}
}

func TestLimiterPerRole(t *testing.T) {
	l := newLimiter(t, LimiterConfig{Limits: map[qinglang.Role]Limit{
		qinglang.RoleReviewer: {Rate: 1, Burst: 2},
	}})
	count := func(p qinglang.Principal) int {
		n := 0
		for range 1000 {
			if ok, _ := l.Allow(p, t0); ok {
				n++
			}
		}
		return n
	}
	if got := count(reviewer); got != 2 {
		t.Errorf("reviewer: %d allowed, want the configured burst 2", got)
	}
	if got, want := count(platform), DefaultLimits()[qinglang.RolePlatform].Burst; got != want {
		t.Errorf("platform: %d allowed, want the default burst %d", got, want)
	}
	if ok, retry := l.Allow(reviewer, t0); ok || retry != time.Second {
		t.Errorf("reviewer after its burst: %v, %v; want retry after 1s", ok, retry)
	}
	if ok, _ := l.Allow(qinglang.System, t0); !ok {
		t.Error("the process itself is limited")
	}
	if ok, _ := l.Allow(qinglang.Principal{TokenID: "x", Role: "owner"}, t0); ok {
		t.Error("an unknown role is allowed")
	}
}

func TestLimiterEvictsIdle(t *testing.T) {
	l := newLimiter(t, LimiterConfig{Idle: time.Minute})
	for i := range 10 {
		p := operator
		p.TokenID = fmt.Sprint("o", i)
		l.Allow(p, t0.Add(time.Duration(i)*time.Second))
	}
	if l.Len() != 10 {
		t.Fatalf("Len = %d, want 10", l.Len())
	}
	// At t0+64.5s the buckets last used at t0..t0+4s have been idle a
	// minute; those of t0+5s..t0+9s have not.
	l.Allow(admin, t0.Add(64500*time.Millisecond))
	if l.Len() != 6 {
		t.Errorf("Len = %d, want 6 (5 left and admin's)", l.Len())
	}
	l.Allow(admin, t0.Add(time.Hour))
	if l.Len() != 1 {
		t.Errorf("Len = %d, want 1 (admin's only)", l.Len())
	}
}

func TestLimiterIdleCoversRefill(t *testing.T) {
	// A bucket that takes 20 minutes to refill is kept 20 minutes, not the
	// configured one: dropping it earlier would hand out a fresh burst.
	l := newLimiter(t, LimiterConfig{Idle: time.Minute, Limits: map[qinglang.Role]Limit{
		qinglang.RoleOperator: {Rate: 1, Burst: 1200},
	}})
	for range 1200 {
		l.Allow(operator, t0)
	}
	if ok, _ := l.Allow(operator, t0.Add(10*time.Minute)); !ok {
		t.Fatal("refused after 10 minutes")
	}
	n := 0
	for range 1200 {
		if ok, _ := l.Allow(operator, t0.Add(10*time.Minute)); ok {
			n++
		}
	}
	if n != 599 {
		t.Errorf("after 10 minutes %d more allowed, want 599 (the bucket was kept)", n)
	}
}

func TestLimiterCap(t *testing.T) {
	l := newLimiter(t, LimiterConfig{MaxEntries: 3, Limits: map[qinglang.Role]Limit{
		qinglang.RoleOperator: {Rate: 1, Burst: 1},
	}})
	ops := make([]qinglang.Principal, 4)
	for i := range ops {
		ops[i] = operator
		ops[i].TokenID = fmt.Sprint("o", i)
	}
	for _, p := range ops[:3] {
		if ok, _ := l.Allow(p, t0); !ok {
			t.Fatalf("%s refused", p.TokenID)
		}
	}
	if ok, _ := l.Allow(ops[0], t0); ok { // o0 is now the most recently used
		t.Fatal("o0 allowed twice")
	}
	l.Allow(ops[3], t0) // drops o1, the least recently used
	if l.Len() != 3 {
		t.Errorf("Len = %d, want the cap 3", l.Len())
	}
	if ok, _ := l.Allow(ops[0], t0); ok {
		t.Error("o0's bucket was dropped instead of o1's")
	}
	if ok, _ := l.Allow(ops[1], t0); !ok {
		t.Error("o1's bucket was kept")
	}
}

func TestLimiterConcurrent(t *testing.T) {
	l := newLimiter(t, LimiterConfig{MaxEntries: 8})
	burst := DefaultLimits()[qinglang.RoleReviewer].Burst
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 100 {
				if ok, _ := l.Allow(reviewer, t0); ok {
					allowed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if got := allowed.Load(); got != int64(burst) {
		t.Errorf("%d of 1600 requests at one instant allowed, want the burst %d", got, burst)
	}
	// Many tokens at once never grow it past its cap.
	for g := range 16 {
		wg.Go(func() {
			for i := range 100 {
				p := reviewer
				p.TokenID = fmt.Sprint("v", g, "-", i)
				l.Allow(p, t0.Add(time.Duration(i)*time.Millisecond))
			}
		})
	}
	wg.Wait()
	if l.Len() != 8 {
		t.Errorf("Len = %d, want the cap 8", l.Len())
	}
}

func TestNewLimiterRejects(t *testing.T) {
	for name, cfg := range map[string]LimiterConfig{
		"unknown role":  {Limits: map[qinglang.Role]Limit{"owner": {Rate: 1, Burst: 1}}},
		"zero rate":     {Limits: map[qinglang.Role]Limit{qinglang.RoleAdmin: {Rate: 0, Burst: 1}}},
		"negative rate": {Limits: map[qinglang.Role]Limit{qinglang.RoleAdmin: {Rate: -1, Burst: 1}}},
		"zero burst":    {Limits: map[qinglang.Role]Limit{qinglang.RoleAdmin: {Rate: 1}}},
		"negative idle": {Idle: -time.Second},
		"negative max":  {MaxEntries: -1},
	} {
		if _, err := NewLimiter(cfg); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: NewLimiter = %v, want EINVALID", name, err)
		}
	}
	l := newLimiter(t, LimiterConfig{})
	if l.idle != DefaultIdle || l.max != DefaultMaxEntries {
		t.Errorf("defaults: idle %v, max %d", l.idle, l.max)
	}
}
