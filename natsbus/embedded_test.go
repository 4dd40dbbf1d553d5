package natsbus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/qinglang/qinglang"
)

func TestStartEmbeddedListensOnLoopback(t *testing.T) {
	e, _ := startServer(t)
	url := e.ClientURL()
	if !strings.HasPrefix(url, "nats://127.0.0.1:") {
		t.Fatalf("ClientURL = %q, want nats://127.0.0.1:<port>", url)
	}
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer nc.Close()
	if _, err := nc.RTT(); err != nil {
		t.Fatalf("RTT: %v", err)
	}
}

func TestStartEmbeddedRejectsBadOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    EmbeddedOptions
	}{
		{"no dir", EmbeddedOptions{}},
		{"negative port", EmbeddedOptions{Dir: t.TempDir(), Port: -2}},
		{"port too large", EmbeddedOptions{Dir: t.TempDir(), Port: 70000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := StartEmbeddedWith(tc.o)
			if err == nil {
				e.Close()
				t.Fatal("StartEmbeddedWith succeeded, want an error")
			}
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("code = %q, want %q (%v)", qinglang.Code(err), qinglang.EINVALID, err)
			}
		})
	}
}

func TestStartEmbeddedSyncAlwaysKeepsData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nats")
	e, err := StartEmbeddedWith(EmbeddedOptions{Dir: dir, SyncAlways: true, Logger: quietLogger()})
	if err != nil {
		t.Fatalf("StartEmbeddedWith: %v", err)
	}
	b := connect(t, e.ClientURL(), Options{Partitions: 2})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := b.Ingest(ctx, []qinglang.Event{testEvent("p", "r1", 1), testEvent("p", "r2", 2)}); err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	_ = b.Close()
	e.Close()

	// The store is where we asked for it and a new server finds the data.
	e2, err := StartEmbeddedWith(EmbeddedOptions{Dir: dir, Logger: quietLogger()})
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer e2.Close()
	b2 := connect(t, e2.ClientURL(), Options{Partitions: 2})
	s, err := b2.js.Stream(ctx, DefaultStream)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("stream info: %v", err)
	}
	if info.State.Msgs == 0 {
		t.Fatalf("stream has no messages after restart")
	}
}
