package scan

import (
	"context"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect/pricecheck"
)

// week: the product sold at ¥298 for days, then a room shows 原价1980.
const week = `{"type":"order","id":"o1","ts":"2025-06-08T20:00:00+08:00","room":"r0","user":"u1","product":"p1","qty":1,"amount_fen":29800}
{"type":"order","id":"o2","ts":"2025-06-10T20:00:00+08:00","room":"r0","user":"u2","product":"p1","qty":2,"amount_fen":59600}
{"type":"listing","id":"l1","ts":"2025-06-12T20:00:05+08:00","room":"r1","product":"p1","title":"燃咔果冻 20颗装","merchant":"m1","category":"food","price_fen":29800,"original_price_fen":198000}
{"type":"listing","id":"l2","ts":"2025-06-12T20:00:06+08:00","room":"r1","product":"p1","title":"燃咔果冻 20颗装","merchant":"m1","category":"food","price_fen":25900,"original_price_fen":29800}
`

func TestRunFindsTheFakeOriginalPriceOnly(t *testing.T) {
	var live []qinglang.Finding
	rep, err := Run(context.Background(), strings.NewReader(week), Options{TempDir: t.TempDir(),
		OnFinding: func(f qinglang.Finding) { live = append(live, f) }})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 4 || len(rep.Problems) != 0 {
		t.Fatalf("events %d problems %v", rep.Events, rep.Problems)
	}
	if len(rep.Findings) != 1 || len(live) != 1 {
		t.Fatalf("findings = %d (live %d), want 1: the honest listing l2 raises nothing", len(rep.Findings), len(live))
	}
	f := rep.Findings[0]
	if f.Rule != pricecheck.Rule || f.Room != "r1" || f.EventIDs[0] != "l1" || f.EventIDs[1] != "o1" || f.ID == "" {
		t.Errorf("finding = %+v", f)
	}
}

func TestRunKeepsGoodEventsAroundBadOnes(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(week), "\n")
	in := lines[0] + "\n{not json\n" + lines[1] + "\n" + `{"type":"order","ts":"2025-06-10T20:00:00","room":"r0","user":"u","product":"p1","qty":1,"amount_fen":1}` + "\n" + lines[2] + "\n"
	rep, err := Run(context.Background(), strings.NewReader(in), Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 3 || len(rep.Findings) != 1 {
		t.Fatalf("events %d findings %d, want 3 and 1", rep.Events, len(rep.Findings))
	}
	if len(rep.Problems) != 2 || rep.Problems[0].Line != 2 || rep.Problems[1].Line != 4 || rep.Problems[1].Field != "ts" {
		t.Fatalf("problems = %+v, want line 2 (malformed) and line 4 field ts", rep.Problems)
	}
}

func TestRunReadsArraysAndDeduplicatesIDs(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(week), "\n")
	in := "[" + strings.Join(append(lines, lines[2]), ",") + "]"
	rep, err := Run(context.Background(), strings.NewReader(in), Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 5 || rep.Duplicates != 1 || len(rep.Findings) != 1 {
		t.Fatalf("events %d duplicates %d findings %d, want 5, 1, 1", rep.Events, rep.Duplicates, len(rep.Findings))
	}
}

func TestRunLargerThanOneBatch(t *testing.T) {
	var b strings.Builder
	for i := 0; i < batchSize+10; i++ {
		b.WriteString(`{"type":"comment","ts":"2025-06-12T20:00:00+08:00","room":"r1","user":"u1","text":"主播好"}` + "\n")
	}
	b.WriteString(week)
	rep, err := Run(context.Background(), strings.NewReader(b.String()), Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	// Comments without ids are told apart by their line: none is a duplicate.
	if rep.Events != int64(batchSize+14) || rep.Duplicates != 0 || len(rep.Findings) != 1 {
		t.Fatalf("events %d duplicates %d findings %d", rep.Events, rep.Duplicates, len(rep.Findings))
	}
}
