package natsbus

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// waitFor is the generous deadline of every condition a test waits for.
const waitFor = 60 * time.Second

// quietLogger discards log lines unless NATSBUS_TEST_LOG is set.
func quietLogger() *slog.Logger {
	if os.Getenv("NATSBUS_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// consumerInfo reads the state of a durable consumer.
func consumerInfo(t testing.TB, b *Bus, name string) *jetstream.ConsumerInfo {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	c, err := b.js.Consumer(ctx, b.opts.Stream, name)
	if err != nil {
		t.Fatalf("consumer %s: %v", name, err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatalf("consumer %s info: %v", name, err)
	}
	return info
}

// startServer starts an embedded server in a fresh directory.
func startServer(t testing.TB) (*Embedded, string) {
	t.Helper()
	dir := t.TempDir()
	e, err := StartEmbedded(dir, 0)
	if err != nil {
		t.Fatalf("StartEmbedded: %v", err)
	}
	t.Cleanup(e.Close)
	return e, dir
}

// connect connects a bus with test defaults filled in over o.
func connect(t testing.TB, url string, o Options) *Bus {
	t.Helper()
	o.URL = url
	if o.Logger == nil {
		o.Logger = quietLogger()
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	b, err := Connect(ctx, o)
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

// testEvent is the i-th event of a room: speech and comments, ids unique.
func testEvent(platform, room string, i int) qinglang.Event {
	ts := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600)).Add(time.Duration(i) * time.Second)
	if i%2 == 0 {
		return qinglang.Event{Type: qinglang.Speech, TS: ts, ID: fmt.Sprintf("%s/%s/%d", platform, room, i),
			Platform: platform, Room: room, Speaker: "h1", Text: fmt.Sprintf("第%d句：吃了它三天瘦五斤", i)}
	}
	return qinglang.Event{Type: qinglang.Comment, TS: ts, ID: fmt.Sprintf("%s/%s/%d", platform, room, i),
		Platform: platform, Room: room, User: fmt.Sprintf("u%d", i), Text: "真给力"}
}

// collector records what a Consume handler was given.
type collector struct {
	mu     sync.Mutex
	events map[int][]qinglang.Event // by partition, in handled order
	seqs   map[int][]uint64
	msgs   []Message
	n      int
	cond   chan struct{} // signalled after each batch
}

func newCollector() *collector {
	return &collector{events: map[int][]qinglang.Event{}, seqs: map[int][]uint64{}, cond: make(chan struct{}, 1)}
}

func (c *collector) handle(_ context.Context, p int, msgs []Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range msgs {
		if m.Partition != p {
			return fmt.Errorf("message of partition %d handed to partition %d", m.Partition, p)
		}
		evs, err := DecodeMessage(m.Data)
		if err != nil {
			return err
		}
		c.events[p] = append(c.events[p], evs...)
		c.seqs[p] = append(c.seqs[p], m.Seq)
		c.msgs = append(c.msgs, m)
		c.n += len(evs)
	}
	select {
	case c.cond <- struct{}{}:
	default:
	}
	return nil
}

func (c *collector) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// waitCount waits until the collector holds at least n events.
func (c *collector) waitCount(t testing.TB, n int) {
	t.Helper()
	deadline := time.After(waitFor)
	for c.count() < n {
		select {
		case <-c.cond:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatalf("got %d events, want %d", c.count(), n)
		}
	}
}

// runConsume starts Consume in the background and returns a stop function
// that cancels it and waits for it to return.
func runConsume(t testing.TB, b *Bus, maxBatch int, h Handler) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Consume(ctx, maxBatch, h) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Consume: %v", err)
				}
			case <-time.After(waitFor):
				t.Errorf("Consume did not return after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
