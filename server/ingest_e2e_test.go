package server_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/server"
)

// TestIdempotentRedelivery posts the same batch twice: the second changes
// nothing but the duplicate counter.
func TestIdempotentRedelivery(t *testing.T) {
	m := newServer(t)
	postOK(t, m, crossedOut)
	waitProcessed(t, m, 6)
	waitFor(t, settle, func() string { return "no price finding" }, func() bool { return len(priceFindings(t, m)) == 1 })
	findings := priceFindings(t, m)
	r0, r1 := roomEvents(t, m, "r0"), roomEvents(t, m, "r1")
	dupBefore := duplicates(m)

	postOK(t, m, crossedOut)
	waitProcessed(t, m, 12)
	if got := duplicates(m) - dupBefore; got != 6 {
		t.Errorf("qinglang_events_duplicate_total grew by %v, want 6", got)
	}
	if again := priceFindings(t, m); len(again) != len(findings) || again[0].ID != findings[0].ID {
		t.Errorf("findings after re-delivery = %+v, want %+v", again, findings)
	}
	if got := roomEvents(t, m, "r0"); !maps.Equal(got, r0) {
		t.Errorf("room r0 events after re-delivery = %v, want %v", got, r0)
	}
	if got := roomEvents(t, m, "r1"); !maps.Equal(got, r1) {
		t.Errorf("room r1 events after re-delivery = %v, want %v", got, r1)
	}
}

// TestBadInputKeepsGoodEvents posts good events among every kind of bad
// one: the answer names each bad line's field and reason in both
// languages, and the good events are stored.
func TestBadInputKeepsGoodEvents(t *testing.T) {
	cfg, logs := testConfig(t, t.TempDir())
	cfg.MaxBodyBytes = 64 << 10
	m := startServer(t, cfg, logs)

	ts := at(0)
	body := strings.Join([]string{
		`{"type":"comment","id":"g1","ts":"` + ts + `","room":"rb","user":"u1","text":"主播好"}`,
		`{"type":"comment","id":"b2","ts":"` + ts + `","room":"rb",`,
		`{"type":"order","id":"b3","ts":"` + ts + `","room":"rb","user":"u1","product":"p1","qty":"two","amount_fen":100}`,
		`{"type":"comment","id":"b4","ts":"` + ts + `","room":"rb","text":"没有用户"}`,
		`{"type":"comment","id":"b5","ts":"` + ts + `","room":"rb","user":"u1","text":"bad ` + "\xff\xfe" + ` bytes"}`,
		`{"type":"comment","id":"b6","ts":"` + ts + `","room":"rb","user":"u1","text":"` + strings.Repeat("好", qinglang.MaxCommentTextRunes+1) + `"}`,
		`{"type":"gift","id":"b7","ts":"` + ts + `","room":"rb","user":"u1"}`,
		`{"type":"comment","id":"b8","ts":"2025-06-01T20:00:00","room":"rb","user":"u1","text":"无时区"}`,
		`{"type":"order","id":"b9","ts":"` + ts + `","room":"rb","user":"u1","product":"p1","qty":1,"amount_fen":-100}`,
		`{"type":"order","id":"g10","ts":"` + ts + `","room":"rb","user":"u1","product":"p1","qty":1,"amount_fen":100}`,
	}, "\n") + "\n"
	code, b := post(t, m, body)
	if code != http.StatusOK {
		t.Fatalf("POST /v1/events = %d %s, want 200", code, b)
	}
	var res ingestResult
	decodeJSON(t, b, &res)
	if res.Accepted != 2 || res.Rejected != 8 || len(res.Errors) != 8 {
		t.Fatalf("answer = %s, want 2 accepted and 8 rejected", b)
	}
	want := map[int]string{2: "", 3: "qty", 4: "user", 5: "text", 6: "text", 7: "type", 8: "ts", 9: "amount_fen"}
	for _, p := range res.Errors {
		field, ok := want[p.Line]
		if !ok {
			t.Errorf("problem on line %d (%+v), which is good or not a line", p.Line, p)
			continue
		}
		delete(want, p.Line)
		if p.Field != field {
			t.Errorf("line %d: field %q, want %q (%s)", p.Line, p.Field, field, p.ReasonEN)
		}
		if !hasHan(p.Reason) || p.ReasonEN == "" || hasHan(p.ReasonEN) {
			t.Errorf("line %d: reasons %q / %q, want Chinese and English", p.Line, p.Reason, p.ReasonEN)
		}
	}
	if len(want) > 0 {
		t.Errorf("no problem reported for lines %v", want)
	}
	waitProcessed(t, m, 2)
	if got := roomEvents(t, m, "rb"); got[qinglang.Comment] != 1 || got[qinglang.Order] != 1 || total(got) != 2 {
		t.Errorf("room rb events = %v, want the comment and the order", got)
	}
	if got := testutil.ToFloat64(m.Metrics().EventsRejected.WithLabelValues("http")); got != 8 {
		t.Errorf("qinglang_events_rejected_total{source=http} = %v, want 8", got)
	}

	if code, b := post(t, m, ""); code != http.StatusBadRequest {
		t.Errorf("empty body: %d %s, want 400", code, b)
	}
	if code, b := post(t, m, "\n  \n"); code != http.StatusBadRequest {
		t.Errorf("blank body: %d %s, want 400", code, b)
	}
	good := `{"type":"comment","ts":"` + ts + `","room":"rbig","user":"u1","text":"主播好"}` + "\n"
	big := strings.Repeat(good, int(cfg.MaxBodyBytes)/len(good)+1)
	if code, b := post(t, m, big); code != http.StatusRequestEntityTooLarge {
		t.Errorf("body over --max-body: %d %s, want 413", code, b)
	}
	if got := roomEvents(t, m, "rbig"); got != nil {
		t.Errorf("a refused body stored events: %v", got)
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// TestRawNATSInput publishes to the raw subject as a platform would: what
// is not an event is rejected and counted, the event behind it goes on.
func TestRawNATSInput(t *testing.T) {
	m := newServer(t)
	nc, err := nats.Connect(m.NATSURL(), nats.Name("qinglang-test-platform"))
	if err != nil {
		t.Fatalf("connect to %s: %v", m.NATSURL(), err)
	}
	defer nc.Close()
	for _, msg := range []string{
		"\x00garbage, not JSON at all\xff",
		`{"hello":"world","n":[1,2,3]}`,
		`{"type":"comment","id":"n1","ts":"` + at(0) + `","room":"rn","user":"u1","text":"从 NATS 来"}`,
	} {
		if err := nc.Publish("qinglang.in", []byte(msg)); err != nil {
			t.Fatalf("publish: %v", err)
		}
	}
	if err := nc.FlushTimeout(30 * time.Second); err != nil {
		t.Fatalf("flush: %v", err)
	}
	rejected := func() float64 { return testutil.ToFloat64(m.Metrics().EventsRejected.WithLabelValues("nats")) }
	waitFor(t, settle, func() string { return fmt.Sprintf("room rn %v, rejected %v", roomEvents(t, m, "rn"), rejected()) },
		func() bool { return roomEvents(t, m, "rn")[qinglang.Comment] == 1 && rejected() >= 2 })
	if code := get(t, m, "/readyz", nil); code != http.StatusOK {
		t.Errorf("/readyz = %d after bad raw input, want 200", code)
	}
}

// TestShutdownThenRestart ingests events, shuts down at once (the workers
// drain what they hold), starts again on the same data directory and finds
// every event stored exactly once and no finding twice. Half the comments
// carry no id, so the restart must recognise them by their log position.
func TestShutdownThenRestart(t *testing.T) {
	dir := t.TempDir()
	cfg, logs := testConfig(t, dir)
	m := startServer(t, cfg, logs)

	sent := map[string]int64{}
	n := 0
	// Enough that the workers are still busy when Shutdown comes.
	for batch := range 40 {
		var ls []string
		for i := range 500 {
			room := fmt.Sprintf("rs%d", (batch*500+i)%7)
			id := ""
			if i%2 == 0 {
				id = fmt.Sprintf(`"id":"c%d-%d",`, batch, i)
			}
			ls = append(ls, fmt.Sprintf(`{"type":"comment",%s"ts":%q,"room":%q,"user":"u%d","text":"第 %d 条"}`,
				id, at(time.Duration(batch*500+i)*time.Second), room, i, i))
			sent[room]++
			n++
		}
		postOK(t, m, lines(ls...))
	}
	postOK(t, m, crossedOut)
	sent["r0"], sent["r1"] = 4, 2
	n += 6
	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	if err := m.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}

	cfg2, logs2 := testConfig(t, dir)
	m2 := startServer(t, cfg2, logs2)
	counts := func() map[string]int64 {
		got := map[string]int64{}
		for room := range sent {
			got[room] = total(roomEvents(t, m2, room))
		}
		return got
	}
	waitFor(t, settle, func() string { return fmt.Sprintf("rooms %v, sent %v", counts(), sent) },
		func() bool { return maps.Equal(counts(), sent) })
	// Whatever the first run left unacknowledged is processed again; wait
	// until the log is drained, then nothing may have been stored twice.
	waitStable(t, m2)
	if got := counts(); !maps.Equal(got, sent) {
		t.Errorf("rooms %v after the restart settled, sent %v", got, sent)
	}
	if fs := priceFindings(t, m2); len(fs) != 1 {
		t.Errorf("%d price findings after the restart, want 1: %+v", len(fs), fs)
	}
	t.Logf("%d events sent; after the restart %v re-processed, %v of them duplicates", n, processed(m2), duplicates(m2))
}

// waitStable waits until the processed counter has not moved for three
// seconds: the log holds nothing more for the workers.
func waitStable(t *testing.T, m *server.Main) {
	t.Helper()
	last, since := processed(m), time.Now()
	waitFor(t, settle, func() string { return fmt.Sprintf("processed still moving at %v", processed(m)) }, func() bool {
		if now := processed(m); now != last {
			last, since = now, time.Now()
		}
		return time.Since(since) >= 3*time.Second
	})
}
