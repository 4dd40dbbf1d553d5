package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/qinglang/qinglang"
)

// benchLines returns n typical events as JSON Lines, cycling through the
// five kinds of the contract's example with varying ids and times.
func benchLines(n int) []byte {
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		ts := fmt.Sprintf("2025-06-12T20:%02d:%02d.%03d+08:00", i/60%60, i%60, i%1000)
		switch i % 5 {
		case 0:
			fmt.Fprintf(&buf, `{"type":"comment","id":"e%d","ts":"%s","room":"r%d","user":"u%d","ip":"36.112.4.%d","device":"d%d","text":"真给力，3颗就瘦了3.2斤"}`+"\n", i, ts, i%50, i, i%250, i%999)
		case 1:
			fmt.Fprintf(&buf, `{"type":"speech","id":"e%d","ts":"%s","room":"r%d","speaker":"h1","text":"吃了它三天瘦五斤，全网销量第一"}`+"\n", i, ts, i%50)
		case 2:
			fmt.Fprintf(&buf, `{"type":"order","id":"e%d","ts":"%s","room":"r%d","user":"u%d","product":"p1","qty":1,"amount_fen":5990}`+"\n", i, ts, i%50, i)
		case 3:
			fmt.Fprintf(&buf, `{"type":"listing","id":"e%d","ts":"%s","room":"r%d","product":"p%d","title":"燃咔果冻 20颗装","merchant":"m1","category":"food","price_fen":5990,"original_price_fen":19900}`+"\n", i, ts, i%50, i%20)
		case 4:
			fmt.Fprintf(&buf, `{"type":"comment","id":"e%d","ts":"%s","room":"r%d","user":"u%d","text":"主播讲得太好了 1111"}`+"\n", i, ts, i%50, i)
		}
	}
	return buf.Bytes()
}

const benchEvents = 10000

// BenchmarkDecode measures Decode on JSON Lines of typical events.
func BenchmarkDecode(b *testing.B) {
	body := benchLines(benchEvents)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	accept := func(qinglang.Event, Position) error { n++; return nil }
	reject := func(p Problem) error { return fmt.Errorf("unexpected problem: %v", p) }
	for b.Loop() {
		if err := Decode(bytes.NewReader(body), accept, reject); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeStdlib is the baseline: the same lines through
// encoding/json.Unmarshal into qinglang.Event and Validate.
func BenchmarkDecodeStdlib(b *testing.B) {
	body := benchLines(benchEvents)
	lines := bytes.Split(bytes.TrimSpace(body), []byte("\n"))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, l := range lines {
			var ev qinglang.Event
			if err := json.Unmarshal(l, &ev); err != nil {
				b.Fatal(err)
			}
			if p := Validate(&ev); p != nil {
				b.Fatal(p)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeEvent measures DecodeEvent on single messages (the NATS
// path), with the pooled decoder.
func BenchmarkDecodeEvent(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(benchLines(100)), []byte("\n"))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, l := range lines {
			if _, p := DecodeEvent(l); p != nil {
				b.Fatal(p)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeArray measures Decode on the same events as one JSON
// array (the HTTP batch path).
func BenchmarkDecodeArray(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(benchLines(benchEvents)), []byte("\n"))
	body := append(append([]byte("["), bytes.Join(lines, []byte(",\n"))...), ']')
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	accept := func(qinglang.Event, Position) error { n++; return nil }
	reject := func(p Problem) error { return fmt.Errorf("unexpected problem: %v", p) }
	for b.Loop() {
		if err := Decode(bytes.NewReader(body), accept, reject); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}
