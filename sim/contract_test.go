package sim

import (
	"bytes"
	"testing"
	"time"

	"github.com/qinglang/qinglang/contract"
)

// TestContractRoundTrip decodes every event of a run with the contract's
// own decoder: the simulator's output is valid input, and decoding gives
// back the same times, ids and amounts.
func TestContractRoundTrip(t *testing.T) {
	roundTrip(t, Config{Seed: 9, Rooms: 5, Days: 2, Duration: 40 * time.Minute, Platforms: []string{"douyin", "taobao"}})
}

// TestContractRoundTripCrews does the same for crews and hard cases.
func TestContractRoundTripCrews(t *testing.T) {
	cfg := crewCfg
	cfg.Days, cfg.Duration, cfg.Hard = 2, 15*time.Minute, AllHardCases
	roundTrip(t, cfg)
}

func roundTrip(t *testing.T, cfg Config) {
	t.Helper()
	evs, _ := run(t, cfg)
	data := jsonl(t, cfg)
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if len(lines) != len(evs) {
		t.Fatalf("%d lines, %d events", len(lines), len(evs))
	}
	for i, line := range lines {
		got, p := contract.DecodeEvent(line)
		if p != nil {
			t.Fatalf("line %d rejected: %v\n%s", i+1, p, line)
		}
		want := evs[i]
		if got.ID != want.ID || got.Type != want.Type || !got.TS.Equal(want.TS) || got.Platform != want.Platform ||
			got.Room != want.Room || got.Text != want.Text || got.AmountFen != want.AmountFen || got.Qty != want.Qty {
			t.Fatalf("line %d decodes to %+v, want %+v", i+1, got, *want)
		}
		if _, off := got.TS.Zone(); off != 8*3600 {
			t.Fatalf("line %d: offset %d", i+1, off)
		}
	}
}
