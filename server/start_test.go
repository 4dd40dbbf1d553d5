package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"

	"github.com/qinglang/qinglang"
)

// A port already taken fails Start with a clear error, after stopping what
// it had started (workers, log, store), and the data directory can be used
// again right away.
func TestStartFailsCleanlyWhenThePortIsTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, err = Start(context.Background(), Config{DataDir: dir, Listen: ln.Addr().String(), Logger: quiet})
	if err == nil || qinglang.Code(err) != qinglang.EUNAVAILABLE {
		t.Fatalf("err = %v, want an unavailable error naming the address", err)
	}
	m, err := Start(context.Background(), Config{DataDir: dir, Listen: "127.0.0.1:0", Logger: quiet})
	if err != nil {
		t.Fatalf("the same data directory after a failed start: %v", err)
	}
	if err := m.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestOpenStoreRejectsAnUnknownDatabaseURL(t *testing.T) {
	_, err := openStore(context.Background(), Config{DataDir: t.TempDir(), DB: "mysql://x"})
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("err = %v, want invalid", err)
	}
}
