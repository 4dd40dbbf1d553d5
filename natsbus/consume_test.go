package natsbus

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// ingestRooms writes rooms×perRoom events in several Ingest calls,
// interleaving the rooms, and returns them in the order written.
func ingestRooms(t testing.TB, b *Bus, rooms, perRoom, calls int) []qinglang.Event {
	t.Helper()
	var all []qinglang.Event
	for i := 0; i < perRoom; i++ {
		for r := 0; r < rooms; r++ {
			all = append(all, testEvent(fmt.Sprintf("plat%d", r%3), fmt.Sprintf("room-%d", r), i))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	step := (len(all) + calls - 1) / calls
	for s := 0; s < len(all); s += step {
		if err := b.Ingest(ctx, all[s:min(s+step, len(all))]); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
	}
	return all
}

func TestConsumeDeliversEveryEventOnceInPartitionOrder(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 8})
	all := ingestRooms(t, b, 40, 30, 12)
	c := newCollector()
	stop := runConsume(t, b, 5, c.handle)
	c.waitCount(t, len(all))
	stop()

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n != len(all) {
		t.Fatalf("handled %d events, want %d", c.n, len(all))
	}
	seen := map[string]int{}
	roomPart := map[qinglang.RoomKey]int{}
	for p, evs := range c.events {
		for _, ev := range evs {
			seen[ev.ID]++
			if want := PartitionOf(&ev, 8); want != p {
				t.Fatalf("event %s handled in partition %d, belongs to %d", ev.ID, p, want)
			}
			if q, ok := roomPart[ev.RoomKey()]; ok && q != p {
				t.Fatalf("room %v in partitions %d and %d", ev.RoomKey(), q, p)
			}
			roomPart[ev.RoomKey()] = p
		}
		for i := 1; i < len(c.seqs[p]); i++ {
			if c.seqs[p][i] <= c.seqs[p][i-1] {
				t.Fatalf("partition %d: seq %d after %d", p, c.seqs[p][i], c.seqs[p][i-1])
			}
		}
	}
	for _, ev := range all {
		if seen[ev.ID] != 1 {
			t.Fatalf("event %s handled %d times, want once", ev.ID, seen[ev.ID])
		}
	}
	// Per room, events come in the order they were written.
	next := map[qinglang.RoomKey]int{}
	for _, evs := range c.events {
		for _, ev := range evs {
			var i int
			fmt.Sscanf(ev.ID[len(ev.Platform)+len(ev.Room)+2:], "%d", &i)
			if i != next[ev.RoomKey()] {
				t.Fatalf("room %v: event %d came when %d was due", ev.RoomKey(), i, next[ev.RoomKey()])
			}
			next[ev.RoomKey()]++
		}
	}
	for _, m := range c.msgs {
		if m.Stored.IsZero() || m.Delivered != 1 {
			t.Fatalf("message %d: Stored %v, Delivered %d; want a time and 1", m.Seq, m.Stored, m.Delivered)
		}
	}
	// Everything handled was acknowledged.
	for p := 0; p < 8; p++ {
		info := consumerInfo(t, b, b.partitionConsumer(p))
		if info.NumAckPending != 0 || info.NumPending != 0 {
			t.Fatalf("partition %d: %d unacknowledged, %d pending after Consume", p, info.NumAckPending, info.NumPending)
		}
	}
}

func TestConsumeRetriesTheSameBatchAfterAnError(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 1})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	for i := 0; i < 20; i++ { // 20 messages of 5 events
		var evs []qinglang.Event
		for j := 0; j < 5; j++ {
			evs = append(evs, testEvent("p", "r", i*5+j))
		}
		if err := b.Ingest(ctx, evs); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
	}

	var mu sync.Mutex
	var calls [][]uint64
	c := newCollector()
	failures := 0
	handle := func(ctx context.Context, p int, msgs []Message) error {
		mu.Lock()
		seqs := make([]uint64, len(msgs))
		for i, m := range msgs {
			seqs[i] = m.Seq
		}
		calls = append(calls, seqs)
		// Fail the first batch three times and the third batch once.
		fail := len(calls) <= 3 || len(calls) == 6
		if fail {
			failures++
		}
		mu.Unlock()
		if fail {
			return errors.New("store is busy")
		}
		return c.handle(ctx, p, msgs)
	}
	runConsume(t, b, 4, handle)
	c.waitCount(t, 100)

	mu.Lock()
	defer mu.Unlock()
	for i := 1; i <= 3; i++ {
		if fmt.Sprint(calls[i]) != fmt.Sprint(calls[0]) {
			t.Fatalf("retry %d got %v, the failed batch was %v", i, calls[i], calls[0])
		}
	}
	if fmt.Sprint(calls[6]) != fmt.Sprint(calls[5]) {
		t.Fatalf("after a failure the handler got %v, the failed batch was %v", calls[6], calls[5])
	}
	if got := b.Stats().HandlerErrors; got != uint64(failures) {
		t.Fatalf("HandlerErrors = %d, want %d", got, failures)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	evs := c.events[0]
	if len(evs) != 100 {
		t.Fatalf("handled %d events, want 100", len(evs))
	}
	for i, ev := range evs {
		if want := fmt.Sprintf("p/r/%d", i); ev.ID != want {
			t.Fatalf("position %d: %s, want %s (skipped or reordered)", i, ev.ID, want)
		}
	}
}

func TestRestartKeepsUnackedAndForgetsAcked(t *testing.T) {
	dir := t.TempDir()
	e, err := StartEmbedded(dir, 0)
	if err != nil {
		t.Fatalf("StartEmbedded: %v", err)
	}
	b := connect(t, e.ClientURL(), Options{Partitions: 1})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	for i := 0; i < 10; i++ { // 10 messages of 3 events
		if err := b.Ingest(ctx, []qinglang.Event{testEvent("p", "r", 3*i), testEvent("p", "r", 3*i+1), testEvent("p", "r", 3*i+2)}); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
	}

	// First run: the first batch is handled; the second fails and is still
	// in hand (fetched, unacknowledged) when the process stops.
	var mu sync.Mutex
	var acked []uint64
	inHand := make(chan []uint64, 1)
	handle := func(_ context.Context, _ int, msgs []Message) error {
		mu.Lock()
		defer mu.Unlock()
		if acked == nil {
			for _, m := range msgs {
				acked = append(acked, m.Seq)
			}
			return nil
		}
		seqs := make([]uint64, len(msgs))
		for i, m := range msgs {
			seqs[i] = m.Seq
		}
		select {
		case inHand <- seqs:
		default:
		}
		return errors.New("store is down")
	}
	stop := runConsume(t, b, 3, handle)
	var held []uint64
	select {
	case held = <-inHand:
	case <-time.After(waitFor):
		t.Fatal("the second batch never came")
	}
	stop()
	if info := consumerInfo(t, b, b.partitionConsumer(0)); info.NumAckPending == 0 {
		t.Fatalf("the failed batch %v is not pending before the restart", held)
	}
	_ = b.Close()
	e.Close()

	// Second run on the same directory.
	e2, err := StartEmbedded(dir, 0)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	t.Cleanup(e2.Close)
	b2 := connect(t, e2.ClientURL(), Options{Partitions: 1})
	c := newCollector()
	start := time.Now()
	runConsume(t, b2, 100, c.handle)
	c.waitCount(t, 30-3*len(acked))
	took := time.Since(start)

	c.mu.Lock()
	defer c.mu.Unlock()
	ackedSet := map[uint64]bool{}
	for _, s := range acked {
		ackedSet[s] = true
	}
	for _, s := range c.seqs[0] {
		if ackedSet[s] {
			t.Fatalf("acknowledged message %d delivered again after restart", s)
		}
	}
	if c.n != 30-3*len(acked) {
		t.Fatalf("after restart got %d events, want %d", c.n, 30-3*len(acked))
	}
	// The unacknowledged batch comes first and in order, and promptly (the
	// consumer was reset, not left to AckWait).
	if c.seqs[0][0] != held[0] {
		t.Fatalf("after restart the first message is %d, the batch in hand started at %d", c.seqs[0][0], held[0])
	}
	for i := 1; i < len(c.seqs[0]); i++ {
		if c.seqs[0][i] != c.seqs[0][i-1]+1 {
			t.Fatalf("after restart seqs %v are not contiguous", c.seqs[0])
		}
	}
	if took >= DefaultAckWait {
		t.Fatalf("redelivery took %s: the consumer was not reset", took)
	}
}

func TestGracefulShutdownAcksTheBatchInHand(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 1})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	for i := 0; i < 6; i++ {
		if err := b.Ingest(ctx, []qinglang.Event{testEvent("p", "r", i)}); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
	}
	entered := make(chan []Message, 1)
	release := make(chan struct{})
	var handlerCtxErr error
	var calls int
	handle := func(hctx context.Context, _ int, msgs []Message) error {
		calls++
		entered <- msgs
		<-release
		handlerCtxErr = hctx.Err()
		return nil
	}
	cctx, ccancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Consume(cctx, 100, handle) }()
	var msgs []Message
	select {
	case msgs = <-entered:
	case <-time.After(waitFor):
		t.Fatal("handler never called")
	}
	ccancel()
	select {
	case <-done:
		t.Fatal("Consume returned while a batch was in hand")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Consume: %v", err)
		}
	case <-time.After(waitFor):
		t.Fatal("Consume did not return")
	}
	if handlerCtxErr != nil {
		t.Fatalf("the handler's context was cancelled mid-batch: %v", handlerCtxErr)
	}
	if calls != 1 {
		t.Fatalf("handler called %d times after cancel, want 1", calls)
	}
	info := consumerInfo(t, b, b.partitionConsumer(0))
	last := msgs[len(msgs)-1].Seq
	if info.NumAckPending != 0 || info.AckFloor.Stream != last {
		t.Fatalf("after shutdown: %d unacknowledged, ack floor %d; want 0 and %d", info.NumAckPending, info.AckFloor.Stream, last)
	}
}

func TestConsumePartitionsRejectsBadArguments(t *testing.T) {
	b := &Bus{opts: Options{Partitions: 4, MaxAckPending: 10}}
	h := func(context.Context, int, []Message) error { return nil }
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		parts []int
		batch int
		h     Handler
	}{
		{"nil handler", []int{0}, 1, nil},
		{"zero batch", []int{0}, 0, h},
		{"unknown partition", []int{4}, 1, h},
		{"negative partition", []int{-1}, 1, h},
		{"duplicate partition", []int{1, 1}, 1, h},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := b.ConsumePartitions(ctx, tc.parts, tc.batch, tc.h); qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("ConsumePartitions = %v, want an EINVALID error", err)
			}
		})
	}
}

func TestConsumePartitionsOnlyTakesItsOwn(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 4})
	all := ingestRooms(t, b, 20, 5, 2)
	want := 0
	for i := range all {
		if p := PartitionOf(&all[i], 4); p == 1 || p == 3 {
			want++
		}
	}
	c := newCollector()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.ConsumePartitions(ctx, []int{1, 3}, 50, c.handle) }()
	c.waitCount(t, want)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("ConsumePartitions: %v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.events[0]) != 0 || len(c.events[2]) != 0 || c.n != want {
		t.Fatalf("handled %d events (p0 %d, p2 %d), want %d from partitions 1 and 3 only",
			c.n, len(c.events[0]), len(c.events[2]), want)
	}
}

func TestConsumeRefusesAPartitionAlreadyRunning(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- b.ConsumePartitions(ctx, []int{1}, 10, func(context.Context, int, []Message) error { return nil })
	}()
	eventually(t, "partition 1 to run", func() bool {
		b.activeMu.Lock()
		defer b.activeMu.Unlock()
		return b.active[b.partitionConsumer(1)]
	})
	err := b.Consume(ctx, 10, func(context.Context, int, []Message) error { return nil })
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("a second Consume over partition 1 = %v, want an EINVALID error", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("ConsumePartitions: %v", err)
	}
	// Once stopped, the partitions can be consumed again.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if err := b.Consume(ctx2, 10, func(context.Context, int, []Message) error { return nil }); err != nil {
		t.Fatalf("Consume after the first stopped: %v", err)
	}
}
