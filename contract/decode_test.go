package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/qinglang/qinglang"
)

// result is one callback of Decode, in a form easy to compare.
type result struct {
	ok    bool
	line  int
	index int // -1 when unset
	id    string
	field string
	why   string // ReasonEN of a problem
}

func (r result) String() string {
	if r.ok {
		return fmt.Sprintf("ok line=%d index=%d id=%s", r.line, r.index, r.id)
	}
	return fmt.Sprintf("bad line=%d index=%d id=%s field=%s: %s", r.line, r.index, r.id, r.field, r.why)
}

// decodeAll runs Decode over in and records every callback.
func decodeAll(t testing.TB, r io.Reader) ([]result, []qinglang.Event, error) {
	t.Helper()
	var res []result
	var evs []qinglang.Event
	err := Decode(r, func(ev qinglang.Event, pos Position) error {
		res = append(res, result{ok: true, line: pos.Line, index: pos.Index, id: ev.ID})
		evs = append(evs, ev)
		return nil
	}, func(p Problem) error {
		if p.Reason == "" || p.ReasonEN == "" {
			t.Errorf("problem without a reason in both languages: %+v", p)
		}
		idx := -1
		if p.Index != nil {
			idx = *p.Index
		}
		res = append(res, result{line: p.Line, index: idx, id: p.ID, field: p.Field, why: p.ReasonEN})
		return nil
	})
	return res, evs, err
}

// check compares results with want, given as "ok L3 e1" / "bad L3 field
// reason-substring" for lines and "ok I2 e1" / "bad I2 field reason" for
// array elements (field "-" for none).
func check(t *testing.T, got []result, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d results, want %d:\n%s", len(got), len(want), joinResults(got))
		return
	}
	for i, w := range want {
		parts := strings.SplitN(w, " ", 4)
		g := got[i]
		var line, index int
		if parts[1][0] == 'L' {
			fmt.Sscanf(parts[1], "L%d", &line)
			index = -1
		} else {
			fmt.Sscanf(parts[1], "I%d", &index)
		}
		bad := g.ok != (parts[0] == "ok") || g.line != line || g.index != index
		if parts[0] == "ok" {
			bad = bad || g.id != parts[2]
		} else {
			field := parts[2]
			if field == "-" {
				field = ""
			}
			bad = bad || g.field != field || (len(parts) > 3 && !strings.Contains(g.why, parts[3]))
		}
		if bad {
			t.Errorf("result %d = %v, want %s", i, g, w)
		}
	}
}

func joinResults(rs []result) string {
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteString("  " + r.String() + "\n")
	}
	return sb.String()
}

func TestDecodeExampleLines(t *testing.T) {
	body := strings.Join(exampleLines, "\n") + "\n"
	res, evs, err := decodeAll(t, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	check(t, res, "ok L1 e1", "ok L2 e2", "ok L3 e3", "ok L4 e4", "ok L5 e5")
	for i := range evs {
		if d := sameEvent(evs[i], exampleEvents[i]); d != "" {
			t.Errorf("event %d: %s", i, d)
		}
	}
}

func TestDecodeExampleArray(t *testing.T) {
	body := "[\n  " + strings.Join(exampleLines, ",\n  ") + "\n]\n"
	res, evs, err := decodeAll(t, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	check(t, res, "ok I0 e1", "ok I1 e2", "ok I2 e3", "ok I3 e4", "ok I4 e5")
	for i := range evs {
		if d := sameEvent(evs[i], exampleEvents[i]); d != "" {
			t.Errorf("event %d: %s", i, d)
		}
	}
}

func TestDecodeLines(t *testing.T) {
	good := func(id string) string {
		return `{"type":"room_end","id":"` + id + `","ts":"2025-06-12T20:00:00Z","room":"r"}`
	}
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty body", "", nil},
		{"only blank lines", "\n \n\t\r\n  ", nil},
		{"blank lines count", "\n" + good("a") + "\n\n  \n" + good("b"), []string{"ok L2 a", "ok L5 b"}},
		{"CRLF", good("a") + "\r\n" + good("b") + "\r\n", []string{"ok L1 a", "ok L2 b"}},
		{"no final newline", good("a") + "\n" + good("b"), []string{"ok L1 a", "ok L2 b"}},
		{"byte order mark", "\xEF\xBB\xBF" + good("a") + "\n", []string{"ok L1 a"}},
		{"mixed good and bad keep the good", strings.Join([]string{
			good("a"),
			`{"type":"room_end","id":"b","ts":"2025-06-12T20:00:00","room":"r"}`,
			`{"type":"room_end",`,
			good("c"),
			`not json`,
			`{"type":"gift","id":"d","ts":"2025-06-12T20:00:00Z","room":"r"}`,
			`[` + good("x") + `]`,
			good("e"),
		}, "\n"), []string{"ok L1 a", "bad L2 ts time has no offset", "bad L3 - unexpected end of input", "ok L4 c",
			"bad L5 - malformed JSON", "bad L6 type unknown event type", "bad L7 - not an array", "ok L8 e"}},
		{"pretty-printed object is not JSON Lines", "{\n\"type\":\"room_end\"\n}\n", []string{
			"bad L1 - unexpected end of input", "bad L2 - malformed JSON", "bad L3 - malformed JSON"}},
		{"array after the first line is a bad line", good("a") + "\n[" + good("b") + "]", []string{"ok L1 a", "bad L2 - not an array"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, err := decodeAll(t, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			check(t, res, tt.want...)
		})
	}
}

func TestDecodeLineLimit(t *testing.T) {
	good := `{"type":"room_end","id":"g","ts":"2025-06-12T20:00:00Z","room":"r"}`
	sized := func(n int) string { // an event of exactly n bytes
		head := `{"type":"room_end","id":"s","ts":"2025-06-12T20:00:00Z","room":"r","pad":"`
		return head + strings.Repeat("p", n-len(head)-2) + `"}`
	}
	body := strings.Join([]string{
		good,
		sized(qinglang.MaxEventBytes),
		sized(qinglang.MaxEventBytes) + "\r", // CRLF does not count
		sized(qinglang.MaxEventBytes + 1),
		sized(qinglang.MaxEventBytes + 2),
		sized(5 * qinglang.MaxEventBytes),
		good,
		strings.Repeat(" \t", qinglang.MaxEventBytes), // blank, however long
		good,
		sized(3 * qinglang.MaxEventBytes), // last line, no newline
	}, "\n")
	res, _, err := decodeAll(t, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	check(t, res, "ok L1 g", "ok L2 s", "ok L3 s",
		"bad L4 - event larger than 65536 bytes (65537 bytes)",
		"bad L5 - (65538 bytes)",
		"bad L6 - (327680 bytes)",
		"ok L7 g",
		"ok L9 g",
		"bad L10 - (196608 bytes)")
}

// endlessLine streams one line of n bytes then a good line, without
// holding it.
type endlessLine struct{ left, tail int }

func (e *endlessLine) Read(p []byte) (int, error) {
	if e.left == 0 {
		rest := "\n" + exampleLines[0] + "\n"
		if e.tail >= len(rest) {
			return 0, io.EOF
		}
		n := copy(p, rest[e.tail:])
		e.tail += n
		return n, nil
	}
	n := min(len(p), e.left)
	for i := range p[:n] {
		p[i] = 'a'
	}
	e.left -= n
	return n, nil
}

func TestDecodeHugeLineUsesBoundedMemory(t *testing.T) {
	const size = 64 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, _, err := decodeAll(t, &endlessLine{left: size})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	check(t, res, "bad L1 - (67108864 bytes)", "ok L2 e1")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("decoding a %d-byte line allocated %d bytes", size, alloc)
	}
}

func TestDecodeArray(t *testing.T) {
	good := func(id string) string {
		return `{"type":"room_end","id":"` + id + `","ts":"2025-06-12T20:00:00Z","room":"r"}`
	}
	huge := `{"type":"room_end","id":"h","pad":"` + strings.Repeat("x", 2*qinglang.MaxEventBytes) + `"}`
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty array", "[]", nil},
		{"empty array with spaces", " \n[ \n ]\n ", nil},
		{"byte order mark", "\xEF\xBB\xBF[" + good("a") + "]", []string{"ok I0 a"}},
		{"bad elements are reported and skipped", "[" + strings.Join([]string{
			good("a"), `1`, `"x"`, `null`, `{"type":"room_end","id":"b"}`, `{"id":"c" "type":1}`, `[1,{"a":"]"}]`, good("d"),
		}, ",") + "]", []string{"ok I0 a", "bad I1 - not a number", "bad I2 - not a string", "bad I3 - not null",
			"bad I4 ts missing", "bad I5 - expected ',' or '}'", "bad I6 - not an array", "ok I7 d"}},
		{"element over the limit is skipped", "[" + good("a") + "," + huge + "," + good("b") + "]",
			[]string{"ok I0 a", "bad I1 - event larger than 65536 bytes", "ok I2 b"}},
		{"strings with brackets and escaped quotes", `[{"type":"room_end","id":"a","ts":"2025-06-12T20:00:00Z","room":"r]}\"[{","x":"\\"},` + good("b") + `]`,
			[]string{"ok I0 a", "ok I1 b"}},
		{"unterminated after an element", "[" + good("a") + "," + good("b"), []string{"ok I0 a", "ok I1 b", "bad I2 - ']' missing"}},
		{"unterminated after a comma", "[" + good("a") + ",", []string{"ok I0 a", "bad I1 - unterminated array"}},
		{"unterminated right after [", "[ ", []string{"bad I0 - unterminated array"}},
		{"element cut off", "[" + good("a") + `,{"type":"room_end","id":"b`, []string{"ok I0 a", "bad I1 - input ended inside an element"}},
		{"missing comma stops", "[" + good("a") + " " + good("b") + "," + good("c") + "]", []string{"ok I0 a", "bad I1 - expected ',' or ']' between elements"}},
		{"trailing comma", "[" + good("a") + ",]", []string{"ok I0 a", "bad I1 - trailing ','"}},
		{"leading comma", "[," + good("a") + "]", []string{"bad I0 - expected an event object, found ','"}},
		{"double comma", "[" + good("a") + ",," + good("b") + "]", []string{"ok I0 a", "bad I1 - found ','"}},
		{"data after ]", "[" + good("a") + "] x", []string{"ok I0 a", "bad I1 - unexpected data after the closing ']'"}},
		{"two arrays", "[" + good("a") + "]\n[" + good("b") + "]", []string{"ok I0 a", "bad I1 - after the closing ']'"}},
		{"NUL between elements", "[" + good("a") + "\x00," + good("b") + "]", []string{"ok I0 a", "bad I1 - found byte 0x0"}},
		{"NUL as an element", "[" + good("a") + ",\x00]", []string{"ok I0 a", "bad I1 - malformed JSON at byte 1"}},
		{"closing brace", "[" + good("a") + "}", []string{"ok I0 a", "bad I1 - expected ',' or ']'"}},
		{"array after blank lines", "\n\n  [" + good("a") + "]", []string{"ok I0 a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, err := decodeAll(t, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			check(t, res, tt.want...)
			// The same through a reader that returns one byte at a time.
			res2, _, err := decodeAll(t, iotest.OneByteReader(strings.NewReader(tt.body)))
			if err != nil {
				t.Fatal(err)
			}
			if joinResults(res) != joinResults(res2) {
				t.Errorf("one byte at a time:\n%s\nwant\n%s", joinResults(res2), joinResults(res))
			}
		})
	}
}

func TestDecodeArrayProblemPosition(t *testing.T) {
	var got []Problem
	err := Decode(strings.NewReader(`[{"type":"x","id":"e9"}]`), func(qinglang.Event, Position) error {
		t.Error("accepted a bad event")
		return nil
	}, func(p Problem) error { got = append(got, p); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Index == nil || *got[0].Index != 0 || got[0].Line != 0 || got[0].ID != "e9" || got[0].Field != "type" {
		t.Fatalf("problems = %+v", got)
	}
	want := `下标 0 字段 "type"：未知的事件类型 "x"`
	if s := got[0].Error(); !strings.HasPrefix(s, want) {
		t.Errorf("Error() = %q, want prefix %q", s, want)
	}
}

func TestDecodeCallbackErrorsStop(t *testing.T) {
	body := strings.Join(exampleLines, "\n") + "\nbad\n" + exampleLines[0]
	stop := errors.New("stop")
	n := 0
	err := Decode(strings.NewReader(body), func(ev qinglang.Event, pos Position) error {
		n++
		if pos.Line == 2 {
			return stop
		}
		return nil
	}, func(Problem) error { t.Error("reject called after accept failed"); return nil })
	if err != stop || n != 2 {
		t.Errorf("accept error: Decode = %v after %d events, want stop after 2", err, n)
	}

	n = 0
	err = Decode(strings.NewReader("["+strings.Join(exampleLines, ",")+",1,"+exampleLines[0]+"]"),
		func(qinglang.Event, Position) error { n++; return nil },
		func(Problem) error { return stop })
	if err != stop || n != 5 {
		t.Errorf("reject error: Decode = %v after %d events, want stop after 5", err, n)
	}
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("connection reset")
	for _, body := range []string{strings.Join(exampleLines[:2], "\n") + "\n", "[" + exampleLines[0] + ","} {
		r := io.MultiReader(strings.NewReader(body), iotest.ErrReader(boom))
		res, _, err := decodeAll(t, r)
		if !errors.Is(err, boom) {
			t.Fatalf("Decode = %v, want it to wrap %v", err, boom)
		}
		if qinglang.Code(err) != qinglang.EUNAVAILABLE {
			t.Errorf("code = %q", qinglang.Code(err))
		}
		if !strings.Contains(err.Error(), "读取事件输入失败") {
			t.Errorf("error %q has no Chinese message", err)
		}
		if len(res) == 0 || !res[0].ok {
			t.Errorf("events before the error were not accepted: %v", res)
		}
	}
	if _, _, err := decodeAll(t, iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("Decode of a failing reader = %v", err)
	}
}

// TestDecodeReaderShapes checks that how the reader hands out bytes does
// not change the result.
func TestDecodeReaderShapes(t *testing.T) {
	lines := string(benchLines(50)) + "bad\n\n" + `{"type":"order"}` + "\n"
	array := "[" + strings.ReplaceAll(strings.TrimSpace(string(benchLines(50))), "\n", ",") + `,1,{"x":"]"}]`
	for name, body := range map[string]string{"lines": lines, "array": array} {
		want, _, err := decodeAll(t, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		for shape, r := range map[string]io.Reader{
			"one byte": iotest.OneByteReader(strings.NewReader(body)),
			"half":     iotest.HalfReader(strings.NewReader(body)),
			"data+EOF": iotest.DataErrReader(strings.NewReader(body)),
		} {
			got, _, err := decodeAll(t, r)
			if err != nil {
				t.Fatal(err)
			}
			if joinResults(got) != joinResults(want) {
				t.Errorf("%s, %s reader:\n%s\nwant\n%s", name, shape, joinResults(got), joinResults(want))
			}
		}
	}
}

func TestDecodeLinesAndArrayAgree(t *testing.T) {
	body := benchLines(200)
	lines := bytes.Split(bytes.TrimSpace(body), []byte("\n"))
	array := append(append([]byte("["), bytes.Join(lines, []byte(","))...), ']')
	_, a, err := decodeAll(t, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	_, b, err := decodeAll(t, bytes.NewReader(array))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 200 || len(b) != 200 {
		t.Fatalf("decoded %d and %d events, want 200", len(a), len(b))
	}
	for i := range a {
		if d := sameEvent(a[i], b[i]); d != "" {
			t.Fatalf("event %d: %s", i, d)
		}
	}
}

// TestDecodeConcurrent runs Decode and DecodeEvent from many goroutines
// (the pooled decoders must not leak state between callers); run it with
// -race.
func TestDecodeConcurrent(t *testing.T) {
	body := benchLines(300)
	lines := bytes.Split(bytes.TrimSpace(body), []byte("\n"))
	_, want, err := decodeAll(t, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for round := 0; round < 5; round++ {
				i := 0
				err := Decode(bytes.NewReader(body), func(ev qinglang.Event, _ Position) error {
					if d := sameEvent(ev, want[i]); d != "" {
						return errors.New(d)
					}
					i++
					return nil
				}, func(p Problem) error { return p })
				if err != nil {
					errs <- err.Error()
					return
				}
				for j, l := range lines {
					ev, p := DecodeEvent(l)
					if p != nil {
						errs <- p.Error()
						return
					}
					if d := sameEvent(ev, want[j]); d != "" {
						errs <- d
						return
					}
					if _, p := DecodeEvent([]byte(`{"type":"order","id":"x","qty":"a"}`)); p == nil || p.Field != "qty" {
						errs <- fmt.Sprintf("bad event: %v", p)
						return
					}
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

func TestDecodeAIHostFlags(t *testing.T) {
	in := strings.Join([]string{
		`{"type":"room_start","id":"a1","ts":"2025-06-12T20:00:00+08:00","room":"r1","host":"h1","ai_host":true,"ai_label":false}`,
		`{"type":"room_start","id":"a2","ts":"2025-06-12T20:00:00+08:00","room":"r2","host":"h1","ai_host":null}`,
		`{"type":"room_start","id":"a3","ts":"2025-06-12T20:00:00+08:00","room":"r3","host":"h1","ai_host":"yes"}`,
		`{"type":"room_start","id":"a4","ts":"2025-06-12T20:00:00+08:00","room":"r4","host":"h1","ai_label":1}`,
		`{"type":"comment","id":"a5","ts":"2025-06-12T20:00:00+08:00","room":"r4","user":"u1","text":"hi","ai_host":"ignored"}`,
	}, "\n")
	res, evs, err := decodeAll(t, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	check(t, res, "ok L1 a1", "ok L2 a2", "bad L3 ai_host must be a boolean", "bad L4 ai_label must be a boolean", "ok L5 a5")
	if len(evs) != 3 || evs[0].AIHost == nil || !*evs[0].AIHost || evs[0].AILabel == nil || *evs[0].AILabel ||
		evs[1].AIHost != nil || evs[1].AILabel != nil || evs[2].AIHost != nil {
		t.Errorf("events = %+v", evs)
	}
	yes := true
	ev := qinglang.Event{Type: qinglang.RoomStart, TS: evs[0].TS, Room: "r1", Host: "h1", AIHost: &yes}
	if p := Validate(&ev); p != nil {
		t.Errorf("Validate: %v", p)
	}
}
