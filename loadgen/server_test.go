package loadgen

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/qinglang/qinglang/server"
)

// TestRunAgainstServer runs the load generator against the whole server
// (HTTP API, embedded JetStream log, workers, SQLite, the real price
// detector): every generated event must pass the contract, and every probe
// must come back as a finding on the live stream.
func TestRunAgainstServer(t *testing.T) {
	for _, probe := range []string{ProbePrice, ProbeClaim} {
		t.Run(probe, func(t *testing.T) { runAgainstServer(t, probe) })
	}
}

func runAgainstServer(t *testing.T, probe string) {
	ctx := context.Background()
	m, err := server.Start(ctx, server.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := m.Shutdown(sctx); err != nil {
			t.Error(err)
		}
	})
	r, err := Run(ctx, Config{
		URL: m.URL(), Duration: 20 * time.Second, MaxEvents: 3000, Batch: 250, ProbeEvery: 30, Probe: probe,
		ProbeWait: 30 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.Text())
	checkSums(t, r)
	if r.Accepted != 3000 || r.Rejected != 0 || r.Failed != 0 {
		t.Errorf("accepted %d, rejected %d, failed %d (%s): generated events must pass the contract",
			r.Accepted, r.Rejected, r.Failed, r.LastError)
	}
	if r.Probes == 0 || r.ProbesMatched != r.Probes {
		t.Errorf("probes %d, matched %d: every %s probe must come back as a finding", r.Probes, r.ProbesMatched, probe)
	}
	if r.OtherFindings != 0 {
		t.Errorf("%d findings on ordinary events", r.OtherFindings)
	}
}
