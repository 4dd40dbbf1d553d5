package natsbus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestOptionsDefaultsAndValidation(t *testing.T) {
	o := Options{URL: "nats://127.0.0.1:4222"}
	if err := o.setDefaults(); err != nil {
		t.Fatalf("setDefaults: %v", err)
	}
	if o.Partitions != 8 || o.Stream != "QINGLANG_EVENTS" || o.SubjectPrefix != "qinglang" ||
		o.Replicas != 1 || o.MaxAge != 7*24*time.Hour || o.Logger == nil {
		t.Fatalf("defaults not applied: %+v", o)
	}
	for _, tc := range []struct {
		name string
		o    Options
	}{
		{"no url", Options{}},
		{"too many partitions", Options{URL: "x", Partitions: MaxPartitions + 1}},
		{"negative partitions", Options{URL: "x", Partitions: -1}},
		{"dotted stream", Options{URL: "x", Stream: "A.B"}},
		{"wildcard prefix", Options{URL: "x", SubjectPrefix: "q.*"}},
		{"trailing dot prefix", Options{URL: "x", SubjectPrefix: "q."}},
		{"replicas", Options{URL: "x", Replicas: 7}},
		{"negative max age", Options{URL: "x", MaxAge: -time.Hour}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.setDefaults()
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("err = %v, want an EINVALID error", err)
			}
		})
	}
}

func TestConnectIsIdempotent(t *testing.T) {
	e, _ := startServer(t)
	o := Options{Partitions: 3, SubjectPrefix: "ql.test"}
	b := connect(t, e.ClientURL(), o)
	b2 := connect(t, e.ClientURL(), o)
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	names := map[string]bool{}
	s, err := b2.js.Stream(ctx, b.opts.Stream)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	l := s.ListConsumers(ctx)
	for ci := range l.Info() {
		names[ci.Name] = true
	}
	if err := l.Err(); err != nil {
		t.Fatalf("list consumers: %v", err)
	}
	want := []string{"ql_test_p0", "ql_test_p1", "ql_test_p2", "ql_test_router"}
	if len(names) != len(want) {
		t.Fatalf("consumers = %v, want %v", names, want)
	}
	for _, n := range want {
		if !names[n] {
			t.Fatalf("consumer %s missing (have %v)", n, names)
		}
	}
	if got := b.PartitionSubject(2); got != "ql.test.events.p.2" {
		t.Fatalf("PartitionSubject(2) = %q", got)
	}
	if got := b.RawSubject(); got != "ql.test.in" {
		t.Fatalf("RawSubject() = %q", got)
	}
}

func TestConnectFailsWithoutServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	// A port nothing listens on: start and stop a server to find one.
	e, _ := startServer(t)
	url := e.ClientURL()
	e.Close()
	_, err := Connect(ctx, Options{URL: url, Logger: quietLogger()})
	if qinglang.Code(err) != qinglang.EUNAVAILABLE {
		t.Fatalf("Connect = %v, want an EUNAVAILABLE error", err)
	}
	if !strings.Contains(err.Error(), "无法连接 NATS") {
		t.Fatalf("error %q does not say in Chinese what failed", err)
	}
}

func TestReadyFollowsTheServer(t *testing.T) {
	e, _ := startServer(t)
	b := connect(t, e.ClientURL(), Options{Partitions: 1})
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := b.Ready(ctx); err != nil {
		t.Fatalf("Ready: %v", err)
	}
	e.Close()
	eventually(t, "Ready to fail after the server stopped", func() bool {
		rctx, rcancel := context.WithTimeout(ctx, 2*time.Second)
		defer rcancel()
		return b.Ready(rctx) != nil
	})
}

func TestRedactURL(t *testing.T) {
	got := RedactURL("nats://user:secret@10.0.0.1:4222,nats://tok@10.0.0.2:4222,nats://10.0.0.3:4222")
	if strings.Contains(got, "secret") || strings.Contains(got, "tok@") {
		t.Fatalf("RedactURL leaked a credential: %q", got)
	}
	if !strings.Contains(got, "10.0.0.3:4222") {
		t.Fatalf("RedactURL lost a host: %q", got)
	}
}
