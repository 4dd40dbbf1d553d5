package contract

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// fuzzSeeds are inputs every fuzz target starts from (besides the corpus
// under testdata/fuzz).
func fuzzSeeds() []string {
	s := append([]string(nil), exampleLines...)
	return append(s,
		`{"type":"account","ts":"2025-06-12T20:00:00Z","user":"u","created_at":"2020-02-29T23:59:59.999999999-11:30","followers":12}`,
		`{"type":"speech","ts":"2025-06-12T20:00:00Z","room":"r","speaker":"\u4e3b\u64ad","text":"\ud83d\ude00\n","end_ts":null,"x":[{"y":-1.5e-3}]}`,
		`{"type":"order","ts":"2025-06-12T20:00:00","room":"r","user":"u","product":"p","qty":1.0,"amount_fen":-1}`,
		`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","text":"\ud800","ip":"::1","type":"comment"}`,
		"[\n"+exampleLines[0]+",\n"+exampleLines[4]+"\n]",
		"["+exampleLines[1]+",1,]",
		exampleLines[2]+"\n\n  \r\n{\"type\":",
		`{"type":"room_start","ts":"2025-06-12T20:00:00Z","room":"r","host":"h","ai_host":true,"ai_label":false,"ai_host":true}`,
		`{"type":"room_start","ts":"2025-06-12T20:00:00Z","room":"r","host":"h","ai_host":"true","ai_label":nul}`,
	)
}

// timeRE is the shape of an RFC 3339 date-time with offset.
var timeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$`)

// refTime is the reference for time fields: JSON-unescape with
// encoding/json, check the shape with a regular expression and parse with
// time.Parse.
func refTime(raw json.RawMessage) (time.Time, bool) {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return time.Time{}, false
	}
	m := timeRE.FindStringSubmatch(s)
	if m == nil || (m[3] != "" && (m[3] > "23" || m[4] > "59")) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// reference decodes one event with encoding/json and Validate, following
// the contract as documented on DecodeEvent. It is the oracle of the
// differential fuzz test.
func reference(b []byte) (qinglang.Event, bool) {
	var ev qinglang.Event
	if len(b) > qinglang.MaxEventBytes || !utf8.Valid(b) {
		return ev, false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil || m == nil {
		return ev, false
	}
	var typ string
	if raw, ok := m["type"]; !ok || json.Unmarshal(raw, &typ) != nil {
		return ev, false // missing, null (typ stays "") or not a string
	}
	uses := appliesTo(qinglang.EventType(typ))
	if uses == 0 {
		return ev, false
	}
	times := map[string]*time.Time{}
	for k, raw := range m {
		f, known := lookupField([]byte(k))
		if !known || !uses.has(f) || string(raw) == "null" {
			delete(m, k)
			continue
		}
		if fieldKinds[f].isTime() {
			t, ok := refTime(raw)
			if !ok {
				return ev, false
			}
			times[k] = &t
			delete(m, k)
		}
	}
	for _, k := range []string{"amount_fen", "price_fen"} { // required, and 0 is a value
		f, _ := lookupField([]byte(k))
		if _, ok := m[k]; !ok && typeSpecs[typeIndex(qinglang.EventType(typ))].required.has(f) {
			return ev, false
		}
	}
	rest, err := json.Marshal(m)
	if err != nil || json.Unmarshal(rest, &ev) != nil {
		return ev, false
	}
	if t := times["ts"]; t != nil {
		ev.TS = *t
	}
	ev.EndTS, ev.CreatedAt = times["end_ts"], times["created_at"]
	if Validate(&ev) != nil {
		return ev, false
	}
	return ev, true
}

// FuzzDecodeEvent checks DecodeEvent against encoding/json: on every input
// both accept or both reject, and accepted events are equal.
func FuzzDecodeEvent(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, p := DecodeEvent(b)
		if p != nil {
			if p.Reason == "" || p.ReasonEN == "" || p.Line != 0 || p.Index != nil {
				t.Fatalf("bad problem %+v", p)
			}
			if ev != (qinglang.Event{}) {
				t.Fatalf("rejected event not zero: %+v", ev)
			}
		}
		want, ok := reference(b)
		if ok != (p == nil) {
			t.Fatalf("DecodeEvent(%q): problem %v; encoding/json accepts: %v (%+v)", b, p, ok, want)
		}
		if ok {
			if d := sameEvent(ev, want); d != "" {
				t.Fatalf("DecodeEvent(%q) differs from encoding/json: %s", b, d)
			}
			if q := Validate(&ev); q != nil {
				t.Fatalf("Validate rejects a decoded event: %v", q)
			}
		}
	})
}

// encodeEvent writes ev as contract JSON (encoding/json omits a zero
// amount_fen or price_fen, which the contract requires).
func encodeEvent(t *testing.T, ev qinglang.Event) []byte {
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatalf("marshal %+v: %v", ev, err)
	}
	b = b[:len(b)-1]
	switch {
	case ev.Type == qinglang.Order && ev.AmountFen == 0:
		b = append(b, `,"amount_fen":0`...)
	case ev.Type == qinglang.Listing && ev.PriceFen == 0:
		b = append(b, `,"price_fen":0`...)
	}
	return append(b, '}')
}

// FuzzDecode checks Decode on whole bodies: it never fails on content,
// positions only grow, every line or element gets the verdict DecodeEvent
// gives it, accepted events survive a round trip, and feeding the body
// one byte at a time changes nothing.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Add([]byte(strings.Join(exampleLines, "\n")))
	f.Add([]byte("[" + strings.Join(exampleLines, ",") + "]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, evs, err := decodeAll(t, bytes.NewReader(b))
		if err != nil {
			t.Fatalf("Decode failed on content: %v", err)
		}
		res2, _, err := decodeAll(t, iotest.OneByteReader(bytes.NewReader(b)))
		if err != nil || joinResults(res) != joinResults(res2) {
			t.Fatalf("one byte at a time: %v\n%s\nwant\n%s", err, joinResults(res2), joinResults(res))
		}
		body := bytes.TrimPrefix(b, utf8BOM)
		isArray := bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("["))
		var lines [][]byte
		if !isArray {
			lines = bytes.Split(body, []byte("\n"))
		}
		last := 0
		for i, r := range res {
			if isArray {
				if r.line != 0 || r.index < last || (r.index == last && i > 0) {
					t.Fatalf("result %d at %v after index %d", i, r, last)
				}
				last = r.index
				continue
			}
			if r.index != -1 || r.line <= last || r.line > len(lines) {
				t.Fatalf("result %d at %v after line %d of %d", i, r, last, len(lines))
			}
			last = r.line
			if line := lines[r.line-1]; len(line) <= qinglang.MaxEventBytes+1 {
				if r.line < len(lines) { // ended by "\n", so a "\r" before it is the line end
					line = bytes.TrimSuffix(line, []byte("\r"))
				}
				_, p := DecodeEvent(line)
				if (p == nil) != r.ok {
					t.Fatalf("line %d: Decode says ok=%v, DecodeEvent says %v", r.line, r.ok, p)
				}
			}
		}
		if !isArray {
			nonBlank := 0
			for _, l := range lines {
				if len(bytes.Trim(l, " \t\r")) > 0 {
					nonBlank++
				}
			}
			if nonBlank != len(res) {
				t.Fatalf("%d non-blank lines, %d results", nonBlank, len(res))
			}
		}
		for _, ev := range evs {
			again, p := DecodeEvent(encodeEvent(t, ev))
			if p != nil {
				t.Fatalf("round trip of %+v: %v", ev, p)
			}
			if d := sameEvent(ev, again); d != "" {
				t.Fatalf("round trip of %+v: %s", ev, d)
			}
		}
	})
}

// FuzzParseTime checks parseTime against the regular expression and
// time.Parse reference.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2025-06-12T20:01:02.345+08:00", "2025-06-12T20:01:02Z", "2025-06-12T20:01:02",
		"2024-02-29T23:59:59-23:59", "0000-01-01T00:00:00Z", "2025-06-12T20:01:02.Z", "2025-06-12T20:01:02+24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw, _ := json.Marshal(s)
		want, ok := refTime(raw)
		got, terr := parseTime([]byte(s))
		if ok != (terr == timeOK) {
			t.Fatalf("parseTime(%q) = %d, reference ok = %v", s, terr, ok)
		}
		if ok {
			_, o1 := got.Zone()
			_, o2 := want.Zone()
			if !got.Equal(want) || o1 != o2 {
				t.Fatalf("parseTime(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// fuzzKeys are the keys FuzzDecodeEventFields sets: every field of the
// contract, a case variant and an unknown one.
var fuzzKeys = append(append([]string(nil), fieldNames[:]...), "Room", "note")

// FuzzDecodeEventFields is the differential test of FuzzDecodeEvent on
// structured input: it starts from a valid event of one type and replaces
// up to three fields with raw JSON values the fuzzer mutates, so that
// most inputs are nearly valid events and value-level differences (a
// number, an escape, a time) are found quickly.
func FuzzDecodeEventFields(f *testing.F) {
	f.Add(uint8(4), uint8(fQty), "1", uint8(fAmountFen), "0", uint8(fTS), `"2025-06-12T20:01:02+08:00"`)
	f.Add(uint8(3), uint8(fText), `"\ud83d\ude00好"`, uint8(fIP), `"::1"`, uint8(numFields+1), `{"a":[1]}`)
	f.Add(uint8(5), uint8(fCategory), `"food"`, uint8(fOriginalPriceFen), `null`, uint8(fTitle), `"t"`)
	f.Add(uint8(6), uint8(fCreatedAt), `"2020-02-29T00:00:00.5-03:30"`, uint8(fFollowers), `7`, uint8(fType), `"account"`)
	f.Add(uint8(0), uint8(fAIHost), `true`, uint8(fAILabel), `false`, uint8(fAIHost), `0`)
	f.Add(uint8(2), uint8(fEndTS), `"2025-06-12T20:01:02Z"`, uint8(fSpeaker), `"h"`, uint8(numFields), `"x"`)
	bases := []string{"room_start", "", "speech", "comment", "order", "listing", "account"}
	f.Fuzz(func(t *testing.T, typ, k1 uint8, v1 string, k2 uint8, v2 string, k3 uint8, v3 string) {
		base := bases[int(typ)%len(bases)]
		var line string
		if base == "" {
			line = `{"type":"room_end","ts":"2025-06-12T20:01:02Z","room":"r"}`
		} else {
			line = event(base)
		}
		var sb strings.Builder
		sb.WriteString(line[:len(line)-1])
		for _, kv := range [...]struct {
			k uint8
			v string
		}{{k1, v1}, {k2, v2}, {k3, v3}} {
			sb.WriteString(`,"` + fuzzKeys[int(kv.k)%len(fuzzKeys)] + `":` + kv.v)
		}
		sb.WriteString("}")
		b := []byte(sb.String())
		ev, p := DecodeEvent(b)
		want, ok := reference(b)
		if ok != (p == nil) {
			t.Fatalf("DecodeEvent(%s): problem %v; encoding/json accepts: %v", b, p, ok)
		}
		if ok {
			if d := sameEvent(ev, want); d != "" {
				t.Fatalf("DecodeEvent(%s) differs from encoding/json: %s", b, d)
			}
		}
	})
}
