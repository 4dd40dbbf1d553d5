package loadgen

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// checkSums fails the test unless every sent event is counted once.
func checkSums(t *testing.T, r Report) {
	t.Helper()
	if r.Sent != r.Accepted+r.Rejected+r.Failed {
		t.Errorf("sent %d != accepted %d + rejected %d + failed %d", r.Sent, r.Accepted, r.Rejected, r.Failed)
	}
	if r.ProbesMatched > r.Probes || r.ProbesUnmatched > r.Probes {
		t.Errorf("probes %d, matched %d, unmatched %d", r.Probes, r.ProbesMatched, r.ProbesUnmatched)
	}
}

func TestRunLatencyAndCounts(t *testing.T) {
	f := (&fakeServer{delay: 50 * time.Millisecond, rejectOneIn: 10}).start(t)
	var snaps int
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL + "/", Rate: 3000, Duration: 1500 * time.Millisecond, Batch: 100,
		ProbeEvery: 40, Seed: 7, RunID: "t1", ProbeWait: 5 * time.Second,
		Progress: func(Snapshot) { snaps++ },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.Text())
	checkSums(t, r)
	if r.Sent == 0 || r.Failed != 0 || r.Rejected == 0 {
		t.Errorf("sent %d, failed %d, rejected %d: want sent and rejected > 0, failed 0", r.Sent, r.Failed, r.Rejected)
	}
	if got := f.stored.Load(); got != r.Accepted {
		t.Errorf("server stored %d, report says accepted %d", got, r.Accepted)
	}
	if r.Probes == 0 || r.ProbesMatched != r.Probes || r.ProbesUnmatched != 0 {
		t.Errorf("probes %d, matched %d, unmatched %d: want all matched", r.Probes, r.ProbesMatched, r.ProbesUnmatched)
	}
	// Rejected probe events mean no finding: those probes are lost, not
	// waited for.
	if r.ProbesLost == 0 {
		t.Errorf("no probe lost although 1 in 10 events is rejected")
	}
	if r.OtherFindings != 0 {
		t.Errorf("%d findings matched no probe: ordinary events look like fake prices", r.OtherFindings)
	}
	if r.LatencyP50 < 40*time.Millisecond || r.LatencyP50 > 2*time.Second {
		t.Errorf("p50 %s, injected delay 50ms", r.LatencyP50)
	}
	if !(r.LatencyP50 <= r.LatencyP95 && r.LatencyP95 <= r.LatencyP99 && r.LatencyP99 <= r.LatencyMax) {
		t.Errorf("percentiles out of order: %s %s %s %s", r.LatencyP50, r.LatencyP95, r.LatencyP99, r.LatencyMax)
	}
	if r.PostP50 <= 0 || r.PostP50 > r.PostP99 {
		t.Errorf("POST p50 %s p99 %s", r.PostP50, r.PostP99)
	}
	if r.EventsPerSec <= 0 || r.RunID != "t1" {
		t.Errorf("events/s %.1f, run id %q", r.EventsPerSec, r.RunID)
	}
	if snaps == 0 {
		t.Errorf("Progress never called in a 1.5 s run")
	}
	for _, s := range []string{"吞吐 throughput", "ingest→finding", "p99"} {
		if !strings.Contains(r.Text(), s) {
			t.Errorf("text lacks %q", s)
		}
	}
}

func TestRunServer503CountsFailed(t *testing.T) {
	f := (&fakeServer{status: 503}).start(t)
	start := time.Now()
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL, Rate: 2000, Duration: 400 * time.Millisecond, Batch: 50, ProbeEvery: 10,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, r)
	if r.Accepted != 0 || r.Failed == 0 || r.Failed != r.Sent {
		t.Errorf("accepted %d, failed %d, sent %d: want everything failed", r.Accepted, r.Failed, r.Sent)
	}
	if r.FailedPosts["HTTP 503"] == 0 || !strings.Contains(r.LastError, "the log is unavailable") {
		t.Errorf("failed posts %v, last error %q", r.FailedPosts, r.LastError)
	}
	if r.Probes != 0 || r.ProbesLost == 0 {
		t.Errorf("probes %d, lost %d: probes in failed POSTs are lost", r.Probes, r.ProbesLost)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("run took %s: it waited for probes that cannot come", d)
	}
	if !strings.Contains(r.Text(), "HTTP 503") {
		t.Errorf("text does not name the failure:\n%s", r.Text())
	}
}

func TestRunRatePacing(t *testing.T) {
	f := (&fakeServer{}).start(t)
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL, Rate: 1000, Duration: 1500 * time.Millisecond, ProbeEvery: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, r)
	// About Rate*Duration = 1500 events, spread over the duration rather
	// than sent at once.
	if r.Sent < 700 || r.Sent > 1500 {
		t.Errorf("sent %d events, want about 1500", r.Sent)
	}
	if r.SendPhase < time.Second {
		t.Errorf("sent %d events in %s: not paced", r.Sent, r.SendPhase)
	}
	if r.Behind {
		t.Errorf("a fast server reported behind:\n%s", r.Text())
	}
	if r.Probes != 0 || strings.Contains(r.Text(), "ingest→finding") {
		t.Errorf("probes off but report has probes:\n%s", r.Text())
	}
}

func TestRunReportsSlowServer(t *testing.T) {
	f := (&fakeServer{postDelay: 100 * time.Millisecond}).start(t)
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL, Rate: 50000, Duration: time.Second, Batch: 100, Concurrency: 1, ProbeEvery: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, r)
	if !r.Behind || !strings.Contains(r.Text(), "跟不上") {
		t.Errorf("offered 50000/s to a server taking ~1000/s, not reported behind:\n%s", r.Text())
	}
}

func TestRunMaxEvents(t *testing.T) {
	f := (&fakeServer{}).start(t)
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL, Duration: 20 * time.Second, MaxEvents: 1001, Batch: 100, ProbeEvery: 50,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, r)
	if r.Sent != 1001 || r.Accepted != 1001 || f.stored.Load() != 1001 {
		t.Errorf("sent %d, accepted %d, stored %d: want 1001", r.Sent, r.Accepted, f.stored.Load())
	}
	if r.Probes == 0 || r.ProbesMatched != r.Probes {
		t.Errorf("probes %d, matched %d", r.Probes, r.ProbesMatched)
	}
}

func TestRunUnmatchedProbesAreReported(t *testing.T) {
	f := (&fakeServer{delay: -1}).start(t)
	r, err := Run(context.Background(), Config{
		URL: f.srv.URL, Duration: 300 * time.Millisecond, MaxEvents: 200, ProbeEvery: 20,
		ProbeWait: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Probes == 0 || r.ProbesUnmatched != r.Probes || r.ProbesMatched != 0 {
		t.Errorf("probes %d, matched %d, unmatched %d", r.Probes, r.ProbesMatched, r.ProbesUnmatched)
	}
	if r.Wait < 250*time.Millisecond {
		t.Errorf("waited %s for outstanding probes, want the ProbeWait", r.Wait)
	}
	if !strings.Contains(r.Text(), "未匹配 unmatched") {
		t.Errorf("text does not report unmatched probes:\n%s", r.Text())
	}
}

func TestRunCancelStopsPromptly(t *testing.T) {
	for _, tc := range []struct {
		name      string
		postDelay time.Duration
	}{{"fast server", 0}, {"hung server", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			f := (&fakeServer{postDelay: tc.postDelay}).start(t)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			start := time.Now()
			r, err := Run(ctx, Config{URL: f.srv.URL, Duration: time.Hour})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Run took %s after cancel", d)
			}
			if !errors.Is(err, context.Canceled) || !r.Canceled {
				t.Errorf("err %v, canceled %v", err, r.Canceled)
			}
			checkSums(t, r)
			if r.Sent == 0 {
				t.Errorf("nothing sent in 300ms")
			}
			if tc.postDelay > 0 && (r.Failed == 0 || r.Accepted != 0) {
				t.Errorf("in-flight POSTs: failed %d, accepted %d", r.Failed, r.Accepted)
			}
		})
	}
}

func TestRunStreamUnavailable(t *testing.T) {
	f := (&fakeServer{streamStatus: 503}).start(t)
	_, err := Run(context.Background(), Config{URL: f.srv.URL, Duration: time.Second})
	if qinglang.Code(err) != qinglang.EUNAVAILABLE || !strings.Contains(err.Error(), "no finding feed") {
		t.Fatalf("err %v, want unavailable naming the server's message", err)
	}
	if n := f.posts.Load(); n != 0 {
		t.Errorf("%d POSTs sent although the stream could not open", n)
	}
}

func TestValidate(t *testing.T) {
	ok := Config{URL: "http://127.0.0.1:8080", Duration: time.Second}
	for _, tc := range []struct {
		name string
		edit func(*Config)
	}{
		{"no URL", func(c *Config) { c.URL = "" }},
		{"ftp URL", func(c *Config) { c.URL = "ftp://x" }},
		{"no host", func(c *Config) { c.URL = "http://" }},
		{"negative rate", func(c *Config) { c.Rate = -1 }},
		{"no duration", func(c *Config) { c.Duration = 0 }},
		{"too long", func(c *Config) { c.Duration = MaxDuration + time.Second }},
		{"negative cap", func(c *Config) { c.MaxEvents = -1 }},
		{"huge batch", func(c *Config) { c.Batch = MaxBatch + 1 }},
		{"batch 1 with probes", func(c *Config) { c.Batch = 1 }},
		{"probe every 1", func(c *Config) { c.ProbeEvery = 1 }},
		{"negative concurrency", func(c *Config) { c.Concurrency = -1 }},
		{"bad run id", func(c *Config) { c.RunID = "a b" }},
	} {
		c := ok
		tc.edit(&c)
		err := c.Validate()
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: err %v, want invalid", tc.name, err)
		}
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid config: %v", err)
	}
	c := ok
	c.Batch, c.ProbeEvery = 1, -1
	if err := c.Validate(); err != nil {
		t.Errorf("batch 1 without probes: %v", err)
	}
	if _, err := Run(context.Background(), Config{URL: ok.URL}); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("Run without a duration: %v", err)
	}
}
