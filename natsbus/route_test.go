package natsbus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// jsonDecoder is a small stand-in for the real decoder: one event per
// non-blank line, a known type and a time required.
func jsonDecoder(data []byte) ([]qinglang.Event, []error) {
	var evs []qinglang.Event
	var problems []error
	for i, line := range bytes.Split(data, []byte{'\n'}) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var ev qinglang.Event
		if err := json.Unmarshal(line, &ev); err != nil {
			problems = append(problems, fmt.Errorf("line %d: %w", i+1, err))
			continue
		}
		if !ev.Type.Known() || ev.TS.IsZero() {
			problems = append(problems, fmt.Errorf("line %d: not an event (type %q)", i+1, ev.Type))
			continue
		}
		if ev.Platform == "" {
			ev.Platform = qinglang.DefaultPlatform
		}
		evs = append(evs, ev)
	}
	return evs, problems
}

// rejects records what RouteRaw reported.
type rejects struct {
	mu   sync.Mutex
	errs []error
}

func (r *rejects) add(err error) { r.mu.Lock(); r.errs = append(r.errs, err); r.mu.Unlock() }
func (r *rejects) len() int      { r.mu.Lock(); defer r.mu.Unlock(); return len(r.errs) }

// runRouter starts RouteRaw in the background; the returned function stops
// it and waits.
func runRouter(t *testing.T, b *Bus, dec Decoder, rj *rejects) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.RouteRaw(ctx, dec, rj.add) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("RouteRaw: %v", err)
				}
			case <-time.After(waitFor):
				t.Errorf("RouteRaw did not return")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func TestRouteRawAcceptsGoodAndRejectsBad(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 4})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	raw := []string{
		`{"type":"room_start","id":"e1","ts":"2025-06-12T20:00:00+08:00","room":"r1","host":"h1"}`,
		`this is not JSON at all`,
		`{"type":"bogus","ts":"2025-06-12T20:00:01+08:00","room":"r1"}`,
		"{\"type\":\"speech\",\"id\":\"e3\",\"ts\":\"2025-06-12T20:01:00+08:00\",\"room\":\"r1\",\"speaker\":\"h1\",\"text\":\"三天瘦五斤\"}\n" +
			"{broken\n" +
			"{\"type\":\"comment\",\"id\":\"e4\",\"ts\":\"2025-06-12T20:01:02+08:00\",\"room\":\"r1\",\"user\":\"u8\",\"text\":\"真给力\"}\n",
		``,
		`{"type":"order","id":"e5","ts":"2025-06-12T20:02:00+08:00","room":"r1","user":"u9","product":"p1","qty":1,"amount_fen":5990}`,
	}
	for _, r := range raw {
		if _, err := b.js.Publish(ctx, b.RawSubject(), []byte(r)); err != nil {
			t.Fatalf("publish raw: %v", err)
		}
	}
	rj := &rejects{}
	runRouter(t, b, jsonDecoder, rj)
	c := newCollector()
	runConsume(t, b, 50, c.handle)
	c.waitCount(t, 4)
	eventually(t, "three rejects", func() bool { return rj.len() >= 3 })
	eventually(t, "the router to acknowledge every raw message", func() bool {
		info := consumerInfo(t, b, b.routerConsumer())
		return info.NumAckPending == 0 && info.NumPending == 0 && info.AckFloor.Stream == uint64(len(raw))
	})

	c.mu.Lock()
	var ids []string
	for _, evs := range c.events {
		for _, ev := range evs {
			ids = append(ids, ev.ID)
			if ev.Platform != qinglang.DefaultPlatform {
				t.Errorf("event %s platform %q, want the decoder's default", ev.ID, ev.Platform)
			}
		}
	}
	c.mu.Unlock()
	if got := strings.Join(ids, ","); got != "e1,e3,e4,e5" {
		t.Fatalf("routed events %s, want e1,e3,e4,e5 in order", got)
	}
	rj.mu.Lock()
	defer rj.mu.Unlock()
	if len(rj.errs) != 3 {
		t.Fatalf("rejects %v, want 3", rj.errs)
	}
	for _, err := range rj.errs {
		if qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), "原始消息") {
			t.Fatalf("reject %q is not an EINVALID error naming the raw message", err)
		}
	}
	if b.Stats().RawRejected != 3 {
		t.Fatalf("RawRejected = %d, want 3", b.Stats().RawRejected)
	}
}

func TestRouteRawSurvivesAPanickingDecoder(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	dec := func(data []byte) ([]qinglang.Event, []error) {
		if bytes.Equal(data, []byte("boom")) {
			panic("decoder bug")
		}
		return jsonDecoder(data)
	}
	for _, r := range []string{
		`{"type":"room_end","id":"a","ts":"2025-06-12T21:00:00+08:00","room":"r2"}`,
		`boom`,
		`{"type":"room_end","id":"b","ts":"2025-06-12T21:00:00+08:00","room":"r3"}`,
	} {
		if _, err := b.js.Publish(ctx, b.RawSubject(), []byte(r)); err != nil {
			t.Fatalf("publish raw: %v", err)
		}
	}
	rj := &rejects{}
	runRouter(t, b, dec, rj)
	c := newCollector()
	runConsume(t, b, 50, c.handle)
	c.waitCount(t, 2)
	eventually(t, "the panic to be reported", func() bool { return rj.len() == 1 })
	rj.mu.Lock()
	defer rj.mu.Unlock()
	if !strings.Contains(rj.errs[0].Error(), "decoder bug") {
		t.Fatalf("reject %q does not carry the panic", rj.errs[0])
	}
}

func TestRouteRawRepublishIsDeduplicated(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	evs := []qinglang.Event{testEvent("p", "r1", 1), testEvent("p", "r2", 2), testEvent("p", "r3", 3)}
	// What the router does for raw message 7, twice (as after a crash
	// between storing and acknowledging).
	for i := 0; i < 2; i++ {
		msgs, err := b.encode(evs, "raw.7")
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		if err := b.publish(ctx, msgs); err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	s, err := b.js.Stream(ctx, b.opts.Stream)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("info: %v", err)
	}
	msgs, _ := b.encode(evs, "raw.7")
	if info.State.Msgs != uint64(len(msgs)) {
		t.Fatalf("stream holds %d messages, want %d (the second publish was not deduplicated)", info.State.Msgs, len(msgs))
	}
}

func TestRouteRawRejectsNilDecoder(t *testing.T) {
	b := &Bus{opts: Options{Partitions: 1}}
	if err := b.RouteRaw(context.Background(), nil, nil); qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("RouteRaw(nil) = %v, want an EINVALID error", err)
	}
}

func TestSafeDecodeTurnsPanicIntoProblem(t *testing.T) {
	evs, problems := safeDecode(func([]byte) ([]qinglang.Event, []error) {
		panic(errors.New("index out of range"))
	}, []byte("x"))
	if evs != nil || len(problems) != 1 || qinglang.Code(problems[0]) != qinglang.EINVALID {
		t.Fatalf("safeDecode = %v, %v", evs, problems)
	}
}
