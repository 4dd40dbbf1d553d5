package natsbus

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/qinglang/qinglang"
)

// TestLostDeliveryIsRecoveredInOrder makes a delivery go astray (another
// client pulls it from the same durable consumer and never acknowledges
// it), as happens when a pull request expires client-side while a message
// is on its way. With AckWait far beyond the test's patience, only the
// puller's rewind can bring the message back, and it must come before the
// messages behind it.
func TestLostDeliveryIsRecoveredInOrder(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 1, AckWait: 10 * time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	for i := 0; i < 10; i++ {
		if err := b.Ingest(ctx, []qinglang.Event{testEvent("p", "r", i)}); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
	}
	thief := connect(t, e.ClientURL(), Options{Partitions: 1, AckWait: 10 * time.Minute})
	c := newCollector()
	var once sync.Once
	var stolen uint64
	var stealErr error
	handle := func(hctx context.Context, p int, msgs []Message) error {
		once.Do(func() {
			cons, err := thief.js.Consumer(hctx, thief.opts.Stream, thief.partitionConsumer(0))
			if err != nil {
				stealErr = err
				return
			}
			got, err := collect(cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second)))
			if err != nil || len(got) != 1 {
				stealErr = fmt.Errorf("steal: %d messages, %v", len(got), err)
				return
			}
			md, _ := got[0].Metadata()
			stolen = md.Sequence.Stream
		})
		return c.handle(hctx, p, msgs)
	}
	runConsume(t, b, 2, handle)
	c.waitCount(t, 10)
	if stealErr != nil {
		t.Fatal(stealErr)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n != 10 {
		t.Fatalf("handled %d events, want 10", c.n)
	}
	for i, ev := range c.events[0] {
		if want := fmt.Sprintf("p/r/%d", i); ev.ID != want {
			t.Fatalf("position %d: %s, want %s (stolen message %d)", i, ev.ID, want, stolen)
		}
	}
}
