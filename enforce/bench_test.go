package enforce

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sqlite"
)

// benchFindings stores n findings spread over rooms (each room with a
// room_start naming its host) and returns them.
func benchFindings(b *testing.B, st qinglang.Store, n, rooms int) []qinglang.Finding {
	b.Helper()
	ctx := context.Background()
	tx, err := st.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for r := 0; r < rooms; r++ {
		ev := qinglang.Event{Type: qinglang.RoomStart, ID: fmt.Sprintf("s%d", r), TS: cwT0, Platform: "p1",
			Room: fmt.Sprintf("r%d", r), Host: fmt.Sprintf("h%d", r)}
		if _, err := tx.AddEvent(ctx, &ev, "bench:"+ev.ID); err != nil {
			b.Fatal(err)
		}
	}
	fs := make([]qinglang.Finding, n)
	for i := range fs {
		fs[i] = qinglang.Finding{Kind: qinglang.KindClaim, Rule: "ad.medical.cure", Severity: qinglang.SeverityMedium,
			Platform: "p1", Room: fmt.Sprintf("r%d", i%rooms), TS: cwT0.Add(time.Duration(i) * time.Second),
			Summary: "宣称治愈", SummaryEN: "a cure claim", DedupKey: fmt.Sprintf("k%d", i)}
		if _, err := tx.AddFinding(ctx, &fs[i]); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return fs
}

func benchStore(b *testing.B) qinglang.Store {
	b.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "q.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = st.Close() })
	return st
}

// BenchmarkOnFindings takes findings into cases one by one, as the
// enforcement stage does: grouping, the ledger, the policy, the audit
// entries, each finding in its own transaction (SQLite).
func BenchmarkOnFindings(b *testing.B) {
	st := benchStore(b)
	fs := benchFindings(b, st, b.N, 100)
	svc, err := New(Config{Store: st, Now: func() time.Time { return cwT0.Add(time.Hour) }})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		if _, err := svc.OnFindings(ctx, fs[i:i+1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddFindingBaseline is the baseline: storing one finding in its
// own transaction on the same store, which every finding costs anyway.
func BenchmarkAddFindingBaseline(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		f := qinglang.Finding{Kind: qinglang.KindClaim, Rule: "ad.medical.cure", Severity: qinglang.SeverityMedium,
			Platform: "p1", Room: fmt.Sprintf("r%d", i%100), TS: cwT0, Summary: "宣称治愈", DedupKey: fmt.Sprintf("k%d", i)}
		tx, err := st.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.AddFinding(ctx, &f); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
