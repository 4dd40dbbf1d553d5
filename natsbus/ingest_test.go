package natsbus

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestPartitionOfKeepsARoomTogether(t *testing.T) {
	const n = 8
	used := map[int]bool{}
	for r := 0; r < 200; r++ {
		room := fmt.Sprintf("room-%d", r)
		want := -1
		for i := 0; i < 10; i++ {
			ev := testEvent("douyin", room, i)
			p := PartitionOf(&ev, n)
			if p < 0 || p >= n {
				t.Fatalf("PartitionOf = %d, out of [0,%d)", p, n)
			}
			if want == -1 {
				want = p
			} else if p != want {
				t.Fatalf("room %s: event %d in partition %d, earlier ones in %d", room, i, p, want)
			}
		}
		// A listing shown in the room goes with the room.
		l := qinglang.Event{Type: qinglang.Listing, Platform: "douyin", Room: room, Product: "p1"}
		if p := PartitionOf(&l, n); p != want {
			t.Fatalf("listing of room %s in partition %d, room in %d", room, p, want)
		}
		used[want] = true
	}
	if len(used) != n {
		t.Fatalf("200 rooms used only %d of %d partitions", len(used), n)
	}
	// The platform is part of the key: the same room name on two platforms
	// is two broadcasts, and with many names they do not all coincide.
	differ := 0
	for r := 0; r < 50; r++ {
		a := qinglang.Event{Type: qinglang.Speech, Platform: "a", Room: fmt.Sprint(r)}
		b := qinglang.Event{Type: qinglang.Speech, Platform: "b", Room: fmt.Sprint(r)}
		if PartitionOf(&a, n) != PartitionOf(&b, n) {
			differ++
		}
	}
	if differ == 0 {
		t.Fatal("the platform does not influence the partition")
	}
}

func TestPartitionOfEventsWithoutRoom(t *testing.T) {
	const n = 16
	acc := qinglang.Event{Type: qinglang.Account, Platform: "p", User: "u42"}
	acc2 := qinglang.Event{Type: qinglang.Account, Platform: "p", User: "u42", IP: "1.2.3.4"}
	if PartitionOf(&acc, n) != PartitionOf(&acc2, n) {
		t.Fatal("two account events of one user in different partitions")
	}
	lst := qinglang.Event{Type: qinglang.Listing, Platform: "p", Product: "sku-1", PriceFen: 100}
	lst2 := qinglang.Event{Type: qinglang.Listing, Platform: "p", Product: "sku-1", PriceFen: 90}
	if PartitionOf(&lst, n) != PartitionOf(&lst2, n) {
		t.Fatal("two listings of one product in different partitions")
	}
	// Keys are namespaced: user "x" and product "x" and room "x" need not
	// coincide, and a user never hashes like a room of the same name.
	spread := map[int]bool{}
	for i := 0; i < 64; i++ {
		u := qinglang.Event{Type: qinglang.Account, Platform: "p", User: fmt.Sprintf("u%d", i)}
		spread[PartitionOf(&u, n)] = true
	}
	if len(spread) < n/2 {
		t.Fatalf("64 users spread over only %d of %d partitions", len(spread), n)
	}
	if PartitionOf(&acc, 1) != 0 || PartitionOf(&acc, 0) != 0 {
		t.Fatal("with one partition everything is partition 0")
	}
}

func TestEncodeSplitsAndKeepsOrder(t *testing.T) {
	b := &Bus{opts: Options{Partitions: 4}, maxMsg: 2000}
	var events []qinglang.Event
	for i := 0; i < 300; i++ {
		events = append(events, testEvent("p", fmt.Sprintf("r%d", i%7), i))
	}
	msgs, err := b.encode(events, "raw.9")
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	ids := map[string]bool{}
	got := map[int][]qinglang.Event{}
	total := 0
	for _, m := range msgs {
		if len(m.data) > b.maxMsg {
			t.Fatalf("message of %d bytes, limit %d", len(m.data), b.maxMsg)
		}
		if ids[m.id] || !strings.HasPrefix(m.id, fmt.Sprintf("raw.9.p%d.", m.partition)) {
			t.Fatalf("message id %q repeated or malformed", m.id)
		}
		ids[m.id] = true
		evs, err := DecodeMessage(m.data)
		if err != nil {
			t.Fatalf("DecodeMessage: %v", err)
		}
		if len(evs) != m.events {
			t.Fatalf("message says %d events, holds %d", m.events, len(evs))
		}
		for _, ev := range evs {
			if p := PartitionOf(&ev, 4); p != m.partition {
				t.Fatalf("event %s in message of partition %d, belongs to %d", ev.ID, m.partition, p)
			}
		}
		got[m.partition] = append(got[m.partition], evs...)
		total += len(evs)
	}
	if total != len(events) {
		t.Fatalf("encoded %d events, want %d", total, len(events))
	}
	if len(msgs) < 10 {
		t.Fatalf("only %d messages: the 2000-byte limit did not split", len(msgs))
	}
	// Within each partition the events keep the order they were given.
	for p, evs := range got {
		var want []qinglang.Event
		for i := range events {
			if PartitionOf(&events[i], 4) == p {
				want = append(want, events[i])
			}
		}
		for i := range want {
			if evs[i].ID != want[i].ID || !evs[i].TS.Equal(want[i].TS) || evs[i].Text != want[i].Text {
				t.Fatalf("partition %d position %d: got %s, want %s", p, i, evs[i].ID, want[i].ID)
			}
		}
	}
}

func TestEncodeRejectsAnEventOverTheLimit(t *testing.T) {
	b := &Bus{opts: Options{Partitions: 2}, maxMsg: 500}
	events := []qinglang.Event{testEvent("p", "r", 1), testEvent("p", "r", 2)}
	events[1].Text = strings.Repeat("瘦", 400)
	_, err := b.encode(events, "")
	if qinglang.Code(err) != qinglang.ETOOLARGE {
		t.Fatalf("encode = %v, want an ETOOLARGE error", err)
	}
	if !strings.Contains(err.Error(), "event 1 ") {
		t.Fatalf("error %q does not name the event", err)
	}
}

func TestDecodeMessage(t *testing.T) {
	evs, err := DecodeMessage([]byte("{\"type\":\"speech\",\"ts\":\"2025-06-12T20:01:00+08:00\",\"room\":\"r1\",\"text\":\"a\"}\n\n" +
		"{\"type\":\"comment\",\"ts\":\"2025-06-12T20:01:02+08:00\",\"room\":\"r1\",\"user\":\"u8\"}"))
	if err != nil {
		t.Fatalf("DecodeMessage: %v", err)
	}
	if len(evs) != 2 || evs[0].Type != qinglang.Speech || evs[1].User != "u8" {
		t.Fatalf("decoded %+v", evs)
	}
	_, err = DecodeMessage([]byte("{\"type\":\"speech\"}\n{oops\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("DecodeMessage of a bad line 2 = %v, want an error naming line 2", err)
	}
}

func TestIngestLargeBatchSplitsIntoMessages(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	// 600 speech segments of ~4 KB in one room: ~2.4 MB for one partition,
	// far over one message.
	var events []qinglang.Event
	for i := 0; i < 600; i++ {
		ev := testEvent("p", "big-room", i)
		ev.Type, ev.Speaker, ev.User = qinglang.Speech, "h1", ""
		ev.Text = fmt.Sprintf("%04d:%s", i, strings.Repeat("全网销量第一", 220))
		events = append(events, ev)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := b.Ingest(ctx, events); err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	st := b.Stats()
	if st.MessagesPublished < 5 || st.EventsPublished != 600 {
		t.Fatalf("stats %+v: want >= 5 messages and 600 events", st)
	}
	c := newCollector()
	runConsume(t, b, 100, c.handle)
	c.waitCount(t, 600)
	c.mu.Lock()
	defer c.mu.Unlock()
	p := PartitionOf(&events[0], 2)
	got := c.events[p]
	if len(got) != 600 || c.n != 600 {
		t.Fatalf("got %d events in partition %d (%d in all), want 600", len(got), p, c.n)
	}
	for i := range got {
		if got[i].ID != events[i].ID || got[i].Text != events[i].Text {
			t.Fatalf("event %d: got %s, want %s", i, got[i].ID, events[i].ID)
		}
	}
	for _, m := range c.msgs {
		if len(m.Data) > MaxMessageBytes {
			t.Fatalf("message %d is %d bytes, over %d", m.Seq, len(m.Data), MaxMessageBytes)
		}
	}
}

func TestIngestFailsWhenTheLogIsDown(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	e.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := b.Ingest(ctx, []qinglang.Event{testEvent("p", "r", 1)})
	if qinglang.Code(err) != qinglang.EUNAVAILABLE {
		t.Fatalf("Ingest with the server down = %v, want an EUNAVAILABLE error", err)
	}
	if b.Stats().EventsPublished != 0 {
		t.Fatalf("counted events as published although none was stored")
	}
}

func TestIngestEmptyIsANoOp(t *testing.T) {
	b := &Bus{opts: Options{Partitions: 2}, maxMsg: 1000}
	if err := b.Ingest(context.Background(), nil); err != nil {
		t.Fatalf("Ingest(nil) = %v", err)
	}
}
