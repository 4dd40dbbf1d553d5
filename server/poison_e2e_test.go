package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect"
	"github.com/qinglang/qinglang/pipeline"
)

// buggy stands for a detector with a bug: it panics on one event.
type buggy struct{}

func (buggy) Name() string { return "buggy" }

func (buggy) Detect(_ context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	if in.Event.ID == "poison" {
		var m map[string]int
		m["x"]++ // a nil map write: the kind of bug that panics
	}
	return nil, nil
}

// An event a detector panics on does not crash the server, stall its
// partition or cost the good events of its batch: it is stored without
// detection and counted, and everything around it is processed as usual.
func TestEventADetectorPanicsOn(t *testing.T) {
	cfg, logs := testConfig(t, t.TempDir())
	builtin, err := detect.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Detectors = func() []pipeline.Detector { return append([]pipeline.Detector{buggy{}}, builtin...) }
	m := startServer(t, cfg, logs)

	postOK(t, m, lines(
		orderLine("o1", "r1", "p1", 29800, at(0)),
		`{"type":"comment","id":"poison","ts":"`+at(time.Hour)+`","room":"r1","user":"u1","text":"主播好"}`,
		listingLine("l1", "r1", "p1", 29800, 198000, at(24*time.Hour)),
	))
	waitFor(t, settle, func() string { return "the finding of l1" }, func() bool { return len(priceFindings(t, m)) == 1 })
	if got := testutil.ToFloat64(m.Metrics().DetectionFailures); got != 1 {
		t.Errorf("detection failures = %v, want 1", got)
	}
	if counts := roomEvents(t, m, "r1"); total(counts) != 3 || counts[qinglang.Comment] != 1 {
		t.Errorf("room r1 events = %v, want all 3 stored, the poison comment among them", counts)
	}
	if !strings.Contains(logs.String(), "poison") || !strings.Contains(logs.String(), "buggy") {
		t.Error("the log should name the event and the detector")
	}
	// The partition goes on.
	postOK(t, m, lines(orderLine("o2", "r1", "p2", 100, at(0)), listingLine("l2", "r1", "p2", 100, 900, at(24*time.Hour))))
	waitFor(t, settle, func() string { return "the finding of l2" }, func() bool { return len(priceFindings(t, m)) == 2 })
}
