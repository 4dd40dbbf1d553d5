package storetest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
	"github.com/qinglang/qinglang/storetest"
)

// forgetfulStore is a store with one bug: AddEvent says every event was
// added, duplicates included. The suite must catch it.
type forgetfulStore struct{ qinglang.Store }

func (s forgetfulStore) Begin(ctx context.Context) (qinglang.Tx, error) {
	tx, err := s.Store.Begin(ctx)
	return forgetfulTx{tx}, err
}

type forgetfulTx struct{ qinglang.Tx }

func (tx forgetfulTx) AddEvent(ctx context.Context, ev *qinglang.Event, origin string) (bool, error) {
	_, err := tx.Tx.AddEvent(ctx, ev, origin)
	return err == nil, err
}

func openMemory(t *testing.T) qinglang.Store {
	s, err := sqlite.Open(context.Background(), sqlite.Memory)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// TestForgetfulStoreChild runs the suite on the broken store; it only runs
// when TestSuiteCatchesBrokenStore starts it in a child process.
func TestForgetfulStoreChild(t *testing.T) {
	if os.Getenv("STORETEST_CHILD") != "1" {
		t.Skip("run by TestSuiteCatchesBrokenStore")
	}
	storetest.Run(t, func(t *testing.T) qinglang.Store { return forgetfulStore{openMemory(t)} })
}

func TestSuiteCatchesBrokenStore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestForgetfulStoreChild$", "-test.v")
	cmd.Env = append(os.Environ(), "STORETEST_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the suite passed a store whose AddEvent ignores duplicates:\n%s", out)
	}
	for _, want := range []string{
		"--- FAIL: TestForgetfulStoreChild/AddEventIdempotentByID",
		"--- FAIL: TestForgetfulStoreChild/AddEventIdempotentByOrigin",
		"--- FAIL: TestForgetfulStoreChild/ConcurrentDuplicateByID",
		"--- PASS: TestForgetfulStoreChild/FindingsPaging", // what the bug does not touch passes
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
}

// TestRunOnSQLiteMemory is the suite passing on a correct store.
func TestRunOnSQLiteMemory(t *testing.T) {
	storetest.Run(t, openMemory)
}

// TestMixedEventCoversEveryType checks that the benchmark mix holds every
// event type of the contract, with unique ids.
func TestMixedEventCoversEveryType(t *testing.T) {
	seen := map[qinglang.EventType]int{}
	ids := map[string]bool{}
	base := time.Date(2025, 6, 12, 20, 0, 0, 0, time.UTC)
	for i := range 1000 {
		ev := storetest.MixedEvent(i, base)
		seen[ev.Type]++
		if ids[ev.ID] {
			t.Fatalf("MixedEvent(%d) repeats id %s", i, ev.ID)
		}
		ids[ev.ID] = true
		if ev.Type.NeedsRoom() && ev.Room == "" {
			t.Errorf("MixedEvent(%d) is a %s without a room", i, ev.Type)
		}
	}
	for _, typ := range qinglang.EventTypes {
		if typ != qinglang.RoomEnd && seen[typ] == 0 {
			t.Errorf("the mix has no %s event", typ)
		}
	}
	if seen[qinglang.Comment] != 500 {
		t.Errorf("the mix has %d comments in 1000 events, want 500", seen[qinglang.Comment])
	}
}
