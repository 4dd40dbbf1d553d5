package loadgen

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	var vals []time.Duration
	for i := 1; i <= 100; i++ {
		vals = append(vals, time.Duration(i)*time.Millisecond)
	}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {95, 95 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {0.1, time.Millisecond}} {
		if got := percentile(vals, tc.p); got != tc.want {
			t.Errorf("p%v = %s, want %s", tc.p, got, tc.want)
		}
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("empty p50 = %s", got)
	}
	if got := percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("one sample p99 = %s", got)
	}
}

func TestSamplesExactThenReservoir(t *testing.T) {
	s := newSamples(1000, 1)
	for i := 1000; i >= 1; i-- { // unsorted on purpose
		s.add(time.Duration(i))
	}
	sum := s.summarize(50, 99)
	if sum.sampled || sum.count != 1000 || sum.p[0] != 500 || sum.p[1] != 990 || sum.max != 1000 {
		t.Errorf("exact summary %+v", sum)
	}

	s = newSamples(100, 1)
	for i := 1; i <= 100_000; i++ {
		s.add(time.Duration(i))
	}
	sum = s.summarize(50)
	if !sum.sampled || sum.count != 100_000 || len(s.vals) != 100 || sum.max != 100_000 {
		t.Errorf("reservoir summary %+v, kept %d", sum, len(s.vals))
	}
	// A uniform sample of 1..100000 has its median near 50000.
	if sum.p[0] < 30_000 || sum.p[0] > 70_000 {
		t.Errorf("reservoir median %d, want near 50000", sum.p[0])
	}
}

func TestReadSSE(t *testing.T) {
	in := ": 已连接 connected\r\n\r\n" +
		"id: f1\nevent: finding\ndata: {\"a\":1}\n\n" +
		": keep-alive\n\n" +
		"data: line1\ndata: line2\n\n" +
		"event: other\n\n" + // no data: not dispatched
		"id: f3\nevent: finding\ndata:{\"b\":2}\n\n" +
		"data: cut off at the end, never dispatched\n"
	var got []sseEvent
	if err := readSSE(strings.NewReader(in), func(ev sseEvent) { got = append(got, ev) }); err != nil {
		t.Fatal(err)
	}
	want := []sseEvent{
		{id: "f1", event: "finding", data: []byte(`{"a":1}`)},
		{event: "message", data: []byte("line1\nline2")},
		{id: "f3", event: "finding", data: []byte(`{"b":2}`)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d events %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].id != want[i].id || got[i].event != want[i].event || !bytes.Equal(got[i].data, want[i].data) {
			t.Errorf("event %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTrackerSettlesProbes(t *testing.T) {
	tr := newTracker(1)
	t0 := time.Now()
	pairs := []probePair{{"o1", "l1"}, {"o2", "l2"}, {"o3", "l3"}, {"o4", "l4"}}
	tr.sending(pairs, t0)
	// l1's finding comes before its POST is answered.
	tr.finding([]string{"l1", "o1"}, t0.Add(10*time.Millisecond))
	tr.posted(pairs, func(p probePair) bool { return p.order != "o3" })
	tr.finding([]string{"l2"}, t0.Add(30*time.Millisecond))
	tr.finding([]string{"l2"}, t0.Add(40*time.Millisecond)) // repeated: not a probe any more
	tr.finding([]string{"l3"}, t0.Add(40*time.Millisecond)) // lost probe: not matched
	probes, matched, outstanding, lost, other := tr.counts()
	if probes != 3 || matched != 2 || outstanding != 1 || lost != 1 || other != 2 {
		t.Errorf("probes %d matched %d outstanding %d lost %d other %d", probes, matched, outstanding, lost, other)
	}
	sum := tr.latency.summarize(50, 100)
	if sum.p[0] != 10*time.Millisecond || sum.p[1] != 30*time.Millisecond {
		t.Errorf("latencies %v", sum.p)
	}
}

func TestTextOfEmptyReport(t *testing.T) {
	s := Report{}.Text()
	if !strings.Contains(s, "无 none") {
		t.Errorf("empty report:\n%s", s)
	}
}
