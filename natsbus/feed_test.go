package natsbus

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func testFinding(i int) qinglang.Finding {
	return qinglang.Finding{ID: fmt.Sprintf("f_%d", i), Kind: qinglang.KindClaim, Rule: "claim.weight_loss",
		Severity: qinglang.SeverityHigh, Platform: "p", Room: "r1", EventIDs: []string{"e3"},
		TS: time.Date(2025, 6, 12, 12, 1, 0, 0, time.UTC), Summary: "宣称三天瘦五斤"}
}

func TestFeedFansOutAndASlowSubscriberDoesNotBlock(t *testing.T) {
	e, _ := startServer(t)
	sub := connect(t, e.ClientURL(), Options{Partitions: 1})
	pub := connect(t, e.ClientURL(), Options{Partitions: 1}) // another process
	feed := sub.Feed()
	fast, cancelFast := feed.Subscribe()
	slow, cancelSlow := feed.Subscribe()
	if feed.Subscribers() != 2 {
		t.Fatalf("Subscribers = %d, want 2", feed.Subscribers())
	}
	// The subscription to the subject must be in place at the server before
	// publishing; a round trip guarantees it.
	if err := sub.nc.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}

	// The fast subscriber reads everything; the publisher sends in chunks
	// of half a buffer and waits for it, so the fast one never falls behind
	// while the slow one (which never reads) overflows.
	const n = 3 * FeedBuffer
	const chunk = FeedBuffer / 2
	progress := make(chan int, n)
	go func() {
		i := 0
		for f := range fast {
			if f.ID != fmt.Sprintf("f_%d", i) || f.Summary != "宣称三天瘦五斤" {
				progress <- -1 - i
				return
			}
			i++
			progress <- i
		}
	}()
	received := 0
	for i := 0; i < n; i += chunk {
		var fs []qinglang.Finding
		for j := i; j < i+chunk; j++ {
			fs = append(fs, testFinding(j))
		}
		if err := pub.PublishFindings(fs); err != nil {
			t.Fatalf("PublishFindings: %v", err)
		}
		for received < i+chunk {
			select {
			case k := <-progress:
				if k < 0 {
					t.Fatalf("the fast subscriber got a wrong finding at %d", -1-k)
				}
				received = k
			case <-time.After(waitFor):
				t.Fatalf("the fast subscriber got %d of %d findings: the slow one blocked it", received, i+chunk)
			}
		}
	}
	eventually(t, "drops to be counted", func() bool { return sub.Stats().FindingsDropped == n-FeedBuffer })
	if len(slow) != FeedBuffer {
		t.Fatalf("the slow subscriber holds %d findings, want its buffer of %d", len(slow), FeedBuffer)
	}
	if pub.Stats().FindingsPublished != n {
		t.Fatalf("FindingsPublished = %d, want %d", pub.Stats().FindingsPublished, n)
	}

	cancelSlow()
	cancelSlow() // twice is harmless
	for range slow {
	}
	if feed.Subscribers() != 1 {
		t.Fatalf("Subscribers after cancel = %d, want 1", feed.Subscribers())
	}
	_ = sub.Close()
	select {
	case _, ok := <-fast:
		for ok {
			_, ok = <-fast
		}
	case <-time.After(waitFor):
		t.Fatal("Close did not close the subscriber's channel")
	}
	cancelFast()
	ch, cancelLate := feed.Subscribe()
	if _, ok := <-ch; ok {
		t.Fatal("a subscription after Close is open")
	}
	cancelLate()
}

func TestFeedIgnoresMalformedMessages(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 1})
	ch, cancel := b.Feed().Subscribe()
	defer cancel()
	if err := b.nc.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if err := b.nc.Publish(b.FindingsSubject(), []byte("not a finding")); err != nil {
		t.Fatalf("publish: %v", err)
	}
	if err := b.PublishFindings([]qinglang.Finding{testFinding(1)}); err != nil {
		t.Fatalf("PublishFindings: %v", err)
	}
	ctx, c := context.WithTimeout(context.Background(), waitFor)
	defer c()
	select {
	case f := <-ch:
		if f.ID != "f_1" {
			t.Fatalf("got %q, want f_1", f.ID)
		}
	case <-ctx.Done():
		t.Fatal("the good finding behind a malformed one never came")
	}
	if b.Stats().FindingsMalformed != 1 {
		t.Fatalf("FindingsMalformed = %d, want 1", b.Stats().FindingsMalformed)
	}
}
