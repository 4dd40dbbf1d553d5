package natsbus

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// kill9State is what the child process reports before it is killed.
type kill9State struct {
	Events int              `json:"events"` // events Ingest acknowledged
	Acked  map[int][]uint64 `json:"acked"`  // messages Consume acknowledged
	Handed int              `json:"handed"` // events in acknowledged messages
}

const kill9Marker = "KILL9-STATE "

// TestKill9ChildProcess is the process TestKill9LosesNothingAcknowledged
// kills; it does nothing in a normal run.
func TestKill9ChildProcess(t *testing.T) {
	dir := os.Getenv("NATSBUS_KILL9_DIR")
	if dir == "" {
		t.Skip("runs only as the child of TestKill9LosesNothingAcknowledged")
	}
	e, err := StartEmbedded(dir, 0)
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	b := connect(t, e.ClientURL(), Options{Partitions: 4})
	all := ingestRooms(t, b, 30, 40, 6) // 1200 events, acknowledged
	// Take a few hundred more the same way, one Ingest per room, so that
	// there are many messages.
	for r := 0; r < 30; r++ {
		var evs []qinglang.Event
		for i := 40; i < 50; i++ {
			evs = append(evs, testEvent(fmt.Sprintf("plat%d", r%3), fmt.Sprintf("room-%d", r), i))
		}
		if err := b.Ingest(context.Background(), evs); err != nil {
			t.Fatalf("child Ingest: %v", err)
		}
		all = append(all, evs...)
	}

	var mu sync.Mutex
	st := kill9State{Events: len(all), Acked: map[int][]uint64{}}
	var pending map[int][]uint64 // handled, acknowledged once the next call comes
	reported := false
	handle := func(_ context.Context, p int, msgs []Message) error {
		mu.Lock()
		// Acks are confirmed before a partition fetches again, so what this
		// partition handled before is acknowledged now.
		st.Acked[p] = append(st.Acked[p], pending[p]...)
		delete(pending, p)
		if st.Handed >= 600 {
			if !reported {
				// Report once every partition has come back (and so has
				// its acks confirmed) and the server has written the
				// consumers' state (it does so within ~100ms of an ack).
				reported = true
				go func() {
					time.Sleep(1500 * time.Millisecond)
					mu.Lock()
					out, _ := json.Marshal(st)
					mu.Unlock()
					fmt.Println(kill9Marker + string(out))
				}()
			}
			mu.Unlock()
			select {} // hold the batch until killed
		}
		if pending == nil {
			pending = map[int][]uint64{}
		}
		for _, m := range msgs {
			evs, err := DecodeMessage(m.Data)
			if err != nil {
				mu.Unlock()
				return err
			}
			st.Handed += len(evs)
			pending[p] = append(pending[p], m.Seq)
		}
		mu.Unlock()
		return nil
	}
	_ = b.Consume(context.Background(), 2, handle)
}

// TestKill9LosesNothingAcknowledged starts a process that ingests events,
// has part of them handled and acknowledged, and holds the next batch; it
// kills that process with SIGKILL and checks, on a new server over the same
// directory, that every acknowledged event is there and that only what was
// not acknowledged is delivered.
func TestKill9LosesNothingAcknowledged(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9ChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "NATSBUS_KILL9_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })

	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var st kill9State
	deadline := time.After(2 * waitFor)
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("the child exited before reporting its state")
			}
			if s, found := strings.CutPrefix(l, kill9Marker); found {
				if err := json.Unmarshal([]byte(s), &st); err != nil {
					t.Fatalf("child state %q: %v", s, err)
				}
				break wait
			}
		case <-deadline:
			t.Fatal("the child never reported its state")
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatalf("kill: %v", err)
	}
	_ = cmd.Wait()

	e, err := StartEmbedded(dir, 0)
	if err != nil {
		t.Fatalf("restart after kill -9: %v", err)
	}
	t.Cleanup(e.Close)
	b := connect(t, e.ClientURL(), Options{Partitions: 4})
	acked := map[uint64]bool{}
	for _, seqs := range st.Acked {
		for _, s := range seqs {
			acked[s] = true
		}
	}
	if len(acked) == 0 || st.Handed == 0 {
		t.Fatalf("the child acknowledged nothing: %+v", st)
	}
	// Every message the child saw acknowledged by Ingest is in the log.
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	s, err := b.js.Stream(ctx, b.opts.Stream)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("stream info: %v", err)
	}
	c := newCollector()
	runConsume(t, b, 50, c.handle)
	want := st.Events - handedEvents(t, b, acked)
	c.waitCount(t, want)
	time.Sleep(200 * time.Millisecond) // anything extra would show up now
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n != want {
		t.Fatalf("after kill -9: %d events delivered, want %d (%d ingested, %d acknowledged by workers)", c.n, want, st.Events, st.Events-want)
	}
	for _, m := range c.msgs {
		if acked[m.Seq] {
			t.Fatalf("message %d was acknowledged before kill -9 and came again", m.Seq)
		}
	}
	t.Logf("kill -9: %d events ingested in %d messages; %d messages acknowledged by workers; %d events delivered after restart",
		st.Events, info.State.Msgs, len(acked), c.n)
}

// handedEvents counts the events in the given messages, read back from the
// stream.
func handedEvents(t *testing.T, b *Bus, seqs map[uint64]bool) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	s, err := b.js.Stream(ctx, b.opts.Stream)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	n := 0
	for seq := range seqs {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("message %d is missing after kill -9: %v", seq, err)
		}
		evs, err := DecodeMessage(m.Data)
		if err != nil {
			t.Fatalf("message %d: %v", seq, err)
		}
		n += len(evs)
	}
	return n
}
