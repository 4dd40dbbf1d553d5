package natsbus

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/qinglang/qinglang"
)

// EmbeddedOptions configures the in-process NATS server.
type EmbeddedOptions struct {
	// Dir is where JetStream keeps its file store (e.g. <datadir>/nats).
	// It is created when missing.
	Dir string
	// Port is the client port on 127.0.0.1; 0 picks a free port.
	Port int
	// SyncAlways makes the file store fsync every write before the PubAck
	// (server option sync_always). Without it, acknowledged data survives a
	// crash of the process (it is in the OS page cache) and is synced every
	// SyncInterval; only a power loss can lose unsynced writes. See the
	// package documentation.
	SyncAlways bool
	// SyncInterval is how often the file store fsyncs when SyncAlways is
	// off; 0 keeps the server default (two minutes).
	SyncInterval time.Duration
	// ReadyTimeout bounds the wait for the server to accept connections;
	// 0 means 30 seconds.
	ReadyTimeout time.Duration
	// Logger receives the server's log lines; nil silences the server.
	Logger *slog.Logger
}

// Embedded is an in-process NATS server with JetStream, listening only on
// the loopback interface.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts an in-process NATS server with JetStream and its
// file store under dir, listening on 127.0.0.1:port (0 = a free port), and
// returns once it accepts connections. Close shuts it down cleanly.
func StartEmbedded(dir string, port int) (*Embedded, error) {
	return StartEmbeddedWith(EmbeddedOptions{Dir: dir, Port: port})
}

// StartEmbeddedWith is StartEmbedded with every option.
func StartEmbeddedWith(o EmbeddedOptions) (*Embedded, error) {
	if o.Dir == "" {
		return nil, qinglang.Errorf(qinglang.EINVALID,
			"内嵌 NATS 需要数据目录", "the embedded NATS server needs a data directory")
	}
	if o.Port < 0 || o.Port > 65535 {
		return nil, qinglang.Errorf(qinglang.EINVALID,
			"内嵌 NATS 端口 %d 无效（应为 0–65535）", "embedded NATS port %d is invalid (want 0-65535)", o.Port)
	}
	if err := os.MkdirAll(o.Dir, 0o750); err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err,
			"无法创建 NATS 数据目录 %s", "cannot create the NATS data directory %s", o.Dir)
	}
	port := o.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	opts := &server.Options{
		ServerName:   "qinglang-embedded",
		Host:         "127.0.0.1",
		Port:         port,
		JetStream:    true,
		StoreDir:     o.Dir,
		SyncAlways:   o.SyncAlways,
		SyncInterval: o.SyncInterval,
		NoSigs:       true,
		NoLog:        o.Logger == nil,
		HTTPPort:     0,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err,
			"无法创建内嵌 NATS 服务器", "cannot create the embedded NATS server")
	}
	if o.Logger != nil {
		srv.SetLoggerV2(serverLogger{o.Logger}, false, false, false)
	}
	srv.Start()
	wait := o.ReadyTimeout
	if wait <= 0 {
		wait = 30 * time.Second
	}
	if !srv.ReadyForConnections(wait) {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, qinglang.Errorf(qinglang.EUNAVAILABLE,
			"内嵌 NATS 服务器在 %s 内未就绪（目录 %s）", "the embedded NATS server was not ready within %s (dir %s)", wait, o.Dir)
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, qinglang.Errorf(qinglang.EUNAVAILABLE,
			"内嵌 NATS 服务器未能启用 JetStream（目录 %s）", "the embedded NATS server could not enable JetStream (dir %s)", o.Dir)
	}
	return &Embedded{srv: srv}, nil
}

// ClientURL is the nats:// URL clients connect to.
func (e *Embedded) ClientURL() string { return e.srv.ClientURL() }

// Close shuts the server down and waits until it has stopped; the file
// store is flushed and closed on the way.
func (e *Embedded) Close() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

// serverLogger forwards the NATS server's log lines to slog.
type serverLogger struct{ l *slog.Logger }

func (s serverLogger) Noticef(format string, v ...any) {
	s.l.Info(fmt.Sprintf(format, v...), "component", "nats-server")
}

func (s serverLogger) Warnf(format string, v ...any) {
	s.l.Warn(fmt.Sprintf(format, v...), "component", "nats-server")
}

func (s serverLogger) Fatalf(format string, v ...any) {
	s.l.Error(fmt.Sprintf(format, v...), "component", "nats-server", "fatal", true)
}

func (s serverLogger) Errorf(format string, v ...any) {
	s.l.Error(fmt.Sprintf(format, v...), "component", "nats-server")
}

func (s serverLogger) Debugf(format string, v ...any) {
	s.l.Debug(fmt.Sprintf(format, v...), "component", "nats-server")
}

func (s serverLogger) Tracef(format string, v ...any) {
	s.l.Debug(fmt.Sprintf(format, v...), "component", "nats-server", "trace", true)
}
