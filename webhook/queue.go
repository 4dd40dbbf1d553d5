package webhook

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// Pending is one delivery not yet finished: one message to one endpoint.
// Its body is fixed when the message is enqueued; each attempt signs it
// anew.
type Pending struct {
	ID         string // the delivery id (X-Qinglang-Delivery)
	EndpointID string
	Platform   string
	Type       string
	Body       []byte
	// Attempts counts the attempts started so far.
	Attempts  int
	NextAt    time.Time // when the next attempt is due
	CreatedAt time.Time // when the message was enqueued
}

// Queue keeps the pending deliveries so that they survive a restart.
//
//   - Put inserts p, or replaces the pending delivery with p's ID.
//   - Due returns at most limit pending deliveries whose NextAt is not after
//     now, the earliest first (none when limit is not positive).
//   - Done removes a delivery; removing one that is not there is no error.
//
// The Dispatcher moves a delivery's NextAt past the attempt's timeout
// before it starts the attempt (a lease), so that the next call of Due
// does not return it again, and a delivery interrupted by a crash is tried
// again once the lease is over. Leases are not atomic across processes:
// run one Dispatcher per Queue at a time.
type Queue interface {
	Put(ctx context.Context, p Pending) error
	Due(ctx context.Context, now time.Time, limit int) ([]Pending, error)
	Done(ctx context.Context, id string) error
}

// MemQueue is a Queue in memory, for tests and embedded use (deliveries
// then survive a new Dispatcher, not a new process). The zero value is
// ready to use.
type MemQueue struct {
	mu sync.Mutex
	m  map[string]Pending
}

// Put implements Queue.
func (q *MemQueue) Put(_ context.Context, p Pending) error {
	if p.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "待投递记录缺少 id", "the pending delivery has no id")
	}
	p.Body = bytes.Clone(p.Body)
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.m == nil {
		q.m = make(map[string]Pending)
	}
	q.m[p.ID] = p
	return nil
}

// Due implements Queue. Deliveries due at the same time come in the order
// of their ids.
func (q *MemQueue) Due(_ context.Context, now time.Time, limit int) ([]Pending, error) {
	if limit <= 0 {
		return nil, nil
	}
	q.mu.Lock()
	var out []Pending
	for _, p := range q.m {
		if !p.NextAt.After(now) {
			p.Body = bytes.Clone(p.Body)
			out = append(out, p)
		}
	}
	q.mu.Unlock()
	slices.SortFunc(out, func(a, b Pending) int {
		return cmp.Or(a.NextAt.Compare(b.NextAt), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(limit, len(out))], nil
}

// Done implements Queue.
func (q *MemQueue) Done(_ context.Context, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.m, id)
	return nil
}

// Len returns the number of pending deliveries.
func (q *MemQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.m)
}

// Get returns the pending delivery with the id.
func (q *MemQueue) Get(id string) (Pending, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	p, ok := q.m[id]
	p.Body = bytes.Clone(p.Body)
	return p, ok
}
