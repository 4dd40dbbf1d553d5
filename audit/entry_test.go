package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// base has nanoseconds, which Next truncates.
var base = time.Date(2025, 3, 1, 8, 30, 0, 123456789, time.FixedZone("CST", 8*3600))

// build seals n entries with h, each At 1.5 ms and 7 ns after the one before.
func build(t testing.TB, h *Hasher, n int) []Entry {
	t.Helper()
	entries := make([]Entry, 0, n)
	var prev *Entry
	for i := range n {
		data := fmt.Sprintf(`{"case":"case_%04d","to":"op_%d","score":%d.50,"tags":["a","b"],"note":{"z":1,"a":"价格\n"}}`, i, i%7, i)
		e, err := h.Next(prev, Entry{
			At:     base.Add(time.Duration(i) * (1500*time.Microsecond + 7)),
			Actor:  fmt.Sprintf("op_%d", i%5),
			Action: "case.assign",
			Object: fmt.Sprintf("case:case_%04d", i),
			Data:   json.RawMessage(data),
		})
		if err != nil {
			t.Fatalf("entry %d: %v", i+1, err)
		}
		entries = append(entries, e)
		prev = &entries[len(entries)-1]
	}
	return entries
}

func TestNextChainsAndSeals(t *testing.T) {
	entries := build(t, plain, 3)
	for i, e := range entries {
		if e.Seq != int64(i+1) {
			t.Errorf("entry %d: seq %d", i+1, e.Seq)
		}
		wantPrev := Genesis
		if i > 0 {
			wantPrev = entries[i-1].Hash
		}
		if e.Prev != wantPrev {
			t.Errorf("entry %d: prev %s, want %s", i+1, e.Prev, wantPrev)
		}
		if !isHash(e.Hash) {
			t.Errorf("entry %d: hash %q", i+1, e.Hash)
		}
		if got, _ := Hash(e); got != e.Hash {
			t.Errorf("entry %d: Hash gives %s, Next set %s", i+1, got, e.Hash)
		}
	}
	// Seq, Prev and Hash given by the caller are overwritten.
	e, err := Next(&entries[2], Entry{Seq: 99, Prev: "x", Hash: "y", At: base, Actor: "a", Action: "b"})
	if err != nil || e.Seq != 4 || e.Prev != entries[2].Hash || e.Hash == "y" {
		t.Fatalf("Next = %+v, %v", e, err)
	}
}

func TestNextTruncatesAtToMicroseconds(t *testing.T) {
	e, err := Next(nil, Entry{At: base, Actor: "a", Action: "b"})
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 3, 1, 0, 30, 0, 123456000, time.UTC)
	if !e.At.Equal(want) || e.At.Location() != time.UTC {
		t.Fatalf("At = %v, want %v", e.At, want)
	}
	// A store that gives the time back in another zone, or (like SQLite
	// text) with the original nanoseconds, gives the same hash.
	for _, at := range []time.Time{base, e.At.In(time.FixedZone("X", -5*3600)), e.At.Add(999)} {
		back := e
		back.At = at
		if h, _ := Hash(back); h != e.Hash {
			t.Errorf("At %v: hash changed", at)
		}
	}
	back := e
	back.At = e.At.Add(time.Microsecond)
	if h, _ := Hash(back); h == e.Hash {
		t.Error("a microsecond later must change the hash")
	}
}

func TestEncodeIsTheDocumentedEncoding(t *testing.T) {
	e := Entry{
		Seq:    12,
		At:     time.Date(2025, 3, 1, 16, 30, 0, 123456789, time.FixedZone("CST", 8*3600)),
		Actor:  "王 op",
		Action: "case.assign",
		Object: "case:case_ab12",
		Data:   json.RawMessage(` { "to" : "op_2", "a": [1.50, "\u4ef7\/"], "n": null } `),
		Prev:   Genesis,
		Hash:   "not part of it",
	}
	want := "17:qinglang-audit-v1," + "2:12," + "30:2025-03-01T08:30:00.123456000Z," +
		"6:王 op," + "11:case.assign," + "14:case:case_ab12," +
		`40:{"a":[1.50,"价/"],"n":null,"to":"op_2"},` + "64:" + Genesis + ","
	got, err := Encode(e)
	if err != nil || string(got) != want {
		t.Fatalf("Encode =\n%s, %v\nwant\n%s", got, err, want)
	}
	sum := sha256.Sum256([]byte(want))
	if h, _ := Hash(e); h != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s, want sha256 of the encoding", h)
	}
	key := []byte(strings.Repeat("k", MinKeyBytes))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(want))
	keyed, err := NewKeyed(key)
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := keyed.Hash(e); h != hex.EncodeToString(mac.Sum(nil)) {
		t.Errorf("keyed Hash = %s, want HMAC-SHA256 of the encoding", h)
	}
	// Empty data is null.
	e.Data = nil
	if got, _ := Encode(e); !strings.Contains(string(got), ",4:null,64:") {
		t.Errorf("empty data: %s", got)
	}
}

func TestEncodingSeparatesFields(t *testing.T) {
	a := Entry{Seq: 1, At: base, Actor: "ab", Action: "c", Prev: Genesis}
	b := Entry{Seq: 1, At: base, Actor: "a", Action: "bc", Prev: Genesis}
	ha, _ := Hash(a)
	hb, _ := Hash(b)
	if ha == hb {
		t.Fatal("moving a byte from actor to action must change the hash")
	}
}

func TestNextRejects(t *testing.T) {
	ok := Entry{At: base, Actor: "op_1", Action: "case.assign", Data: json.RawMessage(`{"a":1}`)}
	good, err := Next(nil, ok)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		prev *Entry
		edit func(*Entry)
		want string // in the English message
	}{
		{"not JSON", nil, func(e *Entry) { e.Data = json.RawMessage(`{"a":`) }, "not valid JSON"},
		{"two values", nil, func(e *Entry) { e.Data = json.RawMessage(`1 2`) }, "after the JSON value"},
		{"duplicate key", nil, func(e *Entry) { e.Data = json.RawMessage(`{"a":1,"a":2}`) }, `duplicate key "a"`},
		{"bad UTF-8", nil, func(e *Entry) { e.Data = json.RawMessage("\"\xff\"") }, "invalid UTF-8"},
		{"exponent", nil, func(e *Entry) { e.Data = json.RawMessage(`{"x":1e21}`) }, "1e21"},
		{"negative zero", nil, func(e *Entry) { e.Data = json.RawMessage(`[-0.0]`) }, "negative zero -0.0"},
		{"NUL escape", nil, func(e *Entry) { e.Data = json.RawMessage(`"a\u0000"`) }, `\u0000`},
		{"no time", nil, func(e *Entry) { e.At = time.Time{} }, "no time"},
		{"year 10000", nil, func(e *Entry) { e.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "year 10000"},
		{"no actor", nil, func(e *Entry) { e.Actor = "" }, "no actor"},
		{"no action", nil, func(e *Entry) { e.Action = "" }, "no action"},
		{"NUL in object", nil, func(e *Entry) { e.Object = "case:\x00" }, "object has invalid UTF-8 or a NUL"},
		{"bad UTF-8 actor", nil, func(e *Entry) { e.Actor = "\xc3" }, "actor has invalid UTF-8"},
		{"prev without hash", &Entry{Seq: 1}, func(*Entry) {}, "hash"},
		{"prev seq 0", &Entry{Seq: 0, Hash: good.Hash}, func(*Entry) {}, "seq 0 is invalid"},
	} {
		e := ok
		tc.edit(&e)
		_, err := Next(tc.prev, e)
		var qe *qinglang.Error
		if qinglang.Code(err) != qinglang.EINVALID || !errors.As(err, &qe) || qe.Message == "" {
			t.Errorf("%s: err %v, want EINVALID", tc.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}

func TestNextAcceptsWhatAStoreKeeps(t *testing.T) {
	for _, data := range []string{"", "null", `"x"`, `[1.50, -3, 0, 1234567890123456789012345]`, `{"价":"\ud83d\ude00"}`} {
		e, err := Next(nil, Entry{At: base, Actor: "a", Action: "b", Data: json.RawMessage(data)})
		if err != nil {
			t.Errorf("%q: %v", data, err)
			continue
		}
		if string(e.Data) != data {
			t.Errorf("%q: Next changed the data to %q", data, e.Data)
		}
	}
}

func TestNewKeyed(t *testing.T) {
	if _, err := NewKeyed(make([]byte, MinKeyBytes-1)); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("short key: %v, want EINVALID", err)
	}
	key := []byte(strings.Repeat("s", MinKeyBytes))
	h, err := NewKeyed(key)
	if err != nil || !h.Keyed() || plain.Keyed() {
		t.Fatalf("NewKeyed: %v", err)
	}
	key[0] = 'x' // the Hasher keeps its own copy
	e := Entry{Seq: 1, At: base, Actor: "a", Action: "b", Prev: Genesis}
	h2, _ := NewKeyed([]byte(strings.Repeat("s", MinKeyBytes)))
	k1, _ := h.Hash(e)
	k2, _ := h2.Hash(e)
	p, _ := Hash(e)
	if k1 != k2 || k1 == p {
		t.Errorf("keyed hashes %s %s, plain %s", k1, k2, p)
	}
}
