package storetest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

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
