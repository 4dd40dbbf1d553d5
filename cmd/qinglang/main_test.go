package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// binary is the qinglang command built once by TestMain; the tests run it
// as users do.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qinglang-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "qinglang")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building qinglang:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// settle bounds every wait for the server; generous, since the tests run
// on small loaded machines. A passing test never waits this long.
const settle = 120 * time.Second

// result is a finished run of the binary.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the binary with args (and stdin, when not nil) and waits.
func runCLI(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	var out, errb bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.Exited():
	default:
		t.Fatalf("qinglang %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}
}

// serveProc is a running `qinglang serve`.
type serveProc struct {
	cmd  *exec.Cmd
	url  string
	logs *lockedBuffer
	done chan struct{} // closed when the process has exited
	err  error         // Wait's error, set before done is closed
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startServe starts `qinglang serve` on dataDir and a free loopback port
// and waits until /readyz answers 200; extra are more flags. Tokens are
// not required unless extra sets --auth (the tests of other things speak
// to it in open mode; TestServeRequiresTokens covers auth). The process is
// killed when the test ends if it still runs; its log is shown when the
// test failed.
func startServe(t *testing.T, dataDir string, extra ...string) *serveProc {
	t.Helper()
	var p *serveProc
	for attempt := 0; ; attempt++ {
		port := freePort(t)
		p = &serveProc{url: "http://127.0.0.1:" + strconv.Itoa(port), logs: &lockedBuffer{}, done: make(chan struct{})}
		args := []string{"serve", "--data-dir", dataDir, "--listen", "127.0.0.1:" + strconv.Itoa(port)}
		if !slices.ContainsFunc(extra, func(a string) bool { return strings.HasPrefix(a, "--auth") }) {
			args = append(args, "--auth=false")
		}
		args = append(args, extra...)
		p.cmd = exec.Command(binary, args...)
		p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
		if err := p.cmd.Start(); err != nil {
			t.Fatalf("starting serve: %v", err)
		}
		go func() { p.err = p.cmd.Wait(); close(p.done) }()
		t.Cleanup(func() {
			p.kill()
			if t.Failed() {
				t.Logf("serve log (%s):\n%s", p.url, tail(p.logs.String(), 20000))
			}
		})
		if p.waitReady(t) {
			return p
		}
		// Someone took the port between freePort and serve: try another.
		if attempt == 2 || !strings.Contains(p.logs.String(), "address already in use") {
			t.Fatalf("serve exited before it was ready: %v\n%s", p.err, p.logs.String())
		}
	}
}

// waitReady polls /readyz; false means the process exited first.
func (p *serveProc) waitReady(t *testing.T) bool {
	t.Helper()
	deadline := time.Now().Add(settle)
	for {
		select {
		case <-p.done:
			return false
		default:
		}
		resp, err := quick.Get(p.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return true
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not ready within %s\n%s", settle, p.logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// kill ends the process with SIGKILL (if it still runs) and waits for it.
func (p *serveProc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}

// exitCode waits for the process to exit and returns its exit code (-1
// for a signal).
func (p *serveProc) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(settle):
		t.Fatalf("serve did not exit within %s", settle)
	}
	ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		return -1
	}
	return p.cmd.ProcessState.ExitCode()
}

var (
	quick  = &http.Client{Timeout: 5 * time.Second}
	client = &http.Client{Timeout: 60 * time.Second}
)

// getJSON fetches path and decodes the answer into v; it fails the test on
// anything but 200.
func (p *serveProc) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	resp, err := client.Get(p.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d %s %v", path, resp.StatusCode, b, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, b)
	}
}

// roomEventIDs returns the ids of a room's stored events with how often
// each is stored; nil when the room is unknown. It pages through the
// room by time: every event these tests send has a ts of its own.
func (p *serveProc) roomEventIDs(t *testing.T, room string) map[string]int {
	t.Helper()
	const limit = 10000
	ids := map[string]int{}
	from := ""
	for {
		q := url.Values{"limit": {strconv.Itoa(limit)}}
		if from != "" {
			q.Set("from", from)
		}
		resp, err := client.Get(p.url + "/v1/rooms/" + url.PathEscape(room) + "/events?" + q.Encode())
		if err != nil {
			t.Fatalf("GET events of %s: %v", room, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			return nil
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET events of %s = %d %s", room, resp.StatusCode, b)
		}
		var page struct{ Events []qinglang.Event }
		if err := json.Unmarshal(b, &page); err != nil {
			t.Fatalf("events of %s: %v", room, err)
		}
		for i, ev := range page.Events {
			if from != "" && i == 0 {
				continue // the last event of the page before (from is inclusive)
			}
			ids[ev.ID]++
		}
		if len(page.Events) < limit {
			return ids
		}
		from = page.Events[len(page.Events)-1].TS.Format(time.RFC3339Nano)
	}
}

// findings reads every finding of the rule, page by page.
func (p *serveProc) findings(t *testing.T, rule string) []qinglang.Finding {
	t.Helper()
	var out []qinglang.Finding
	q := url.Values{"limit": {"1000"}, "rule": {rule}}
	for {
		var page struct {
			Findings []qinglang.Finding
			Next     string
		}
		p.getJSON(t, "/v1/findings?"+q.Encode(), &page)
		out = append(out, page.Findings...)
		if page.Next == "" {
			return out
		}
		q.Set("cursor", page.Next)
	}
}

// metric reads one unlabelled sample from /metrics (-1 when absent).
func (p *serveProc) metric(t *testing.T, name string) float64 {
	t.Helper()
	resp, err := client.Get(p.url + "/metrics")
	if err != nil {
		t.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				t.Fatalf("/metrics %s: %v", name, err)
			}
			return v
		}
	}
	return -1
}

// waitStable waits until qinglang_events_processed_total has not moved for
// three seconds: the log holds nothing more for the workers.
func (p *serveProc) waitStable(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(settle)
	last, since := p.metric(t, "qinglang_events_processed_total"), time.Now()
	for time.Since(since) < 3*time.Second {
		if time.Now().After(deadline) {
			t.Fatalf("processing did not settle within %s (processed %v)", settle, last)
		}
		time.Sleep(200 * time.Millisecond)
		if now := p.metric(t, "qinglang_events_processed_total"); now != last {
			last, since = now, time.Now()
		}
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
