package audit

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// intact is the verification's definition in a few lines: seq 1, 2, 3...,
// each Prev the hash before, each hash right.
func intact(es []Entry) bool {
	prev := Genesis
	for i, e := range es {
		h, err := Hash(e)
		if e.Seq != int64(i+1) || e.Prev != prev || err != nil || h != e.Hash {
			return false
		}
		prev = e.Hash
	}
	return true
}

// FuzzVerify tampers with a chain of 8 entries in arbitrary ways (each pair
// of bytes in ops is one change) and checks that Verify does not panic,
// agrees with intact, and gives a well-formed report.
func FuzzVerify(f *testing.F) {
	chain := build(f, plain, 8)
	f.Add([]byte{}, "", []byte(nil), int64(0), int64(0))
	f.Add([]byte{6, 3}, "", []byte(nil), int64(0), int64(0))
	f.Add([]byte{7, 4, 7, 4}, "x", []byte(`{"a":1}`), int64(3), int64(1))
	f.Add([]byte{0, 2, 9, 2}, "op_1", []byte(`[1,2]`), int64(3), int64(-5))
	f.Add([]byte{4, 0, 9, 0}, Genesis, []byte(`{"b":1,"a":2}`), int64(1), int64(1e18))
	f.Add([]byte{8, 5, 3, 1, 9, 1}, "", []byte("\xff"), int64(-1), int64(1<<62))
	f.Add([]byte{10, 2, 9, 2}, "", []byte(nil), int64(0), int64(1<<40))
	entryKinds := []Kind{KindEdited, KindDeleted, KindReordered, KindInserted, KindGenesis}
	f.Fuzz(func(t *testing.T, ops []byte, s string, data []byte, seq, nanos int64) {
		es := slices.Clone(chain)
		for i := 0; i+1 < len(ops) && len(es) > 0; i += 2 {
			k := int(ops[i+1]) % len(es)
			switch ops[i] % 11 {
			case 0:
				es[k].Seq = seq
			case 1:
				es[k].At = time.Unix(0, nanos)
			case 2:
				es[k].Actor = s
			case 3:
				es[k].Data = data
			case 4:
				es[k].Prev = s
			case 5:
				es[k].Hash = s
			case 6:
				j := (k + 1) % len(es)
				es[k], es[j] = es[j], es[k]
			case 7:
				es = slices.Delete(es, k, k+1)
			case 8:
				es = slices.Insert(es, k, es[k])
			case 9:
				es[k].Hash, _ = Hash(es[k])
			case 10:
				es[k].At = time.Unix(nanos, 0)
			}
		}
		r := Verify(es)
		if r.OK != (r.Break == nil) {
			t.Fatalf("OK %v with break %v", r.OK, r.Break)
		}
		if want := intact(es); r.OK != want {
			t.Fatalf("Verify OK = %v, intact = %v, break %v", r.OK, want, r.Break)
		}
		if r.Checked < 0 || r.Checked > int64(len(es)) || r.OK && r.Checked != int64(len(es)) {
			t.Fatalf("checked %d of %d", r.Checked, len(es))
		}
		if r.OK {
			want := Head{Hash: Genesis}
			if len(es) > 0 {
				want = Head{Seq: es[len(es)-1].Seq, Hash: es[len(es)-1].Hash}
			}
			if r.Head != want {
				t.Fatalf("head %v, want %v", r.Head, want)
			}
		} else if !slices.Contains(entryKinds, r.Break.Kind) || r.Break.Reason == "" || r.Break.ReasonEN == "" {
			t.Fatalf("break %+v", r.Break)
		}
		// Streaming every entry gives the same report as stopping early.
		v := NewVerifier()
		for _, e := range es {
			v.Add(e)
		}
		if got := v.Report(); !reflect.DeepEqual(got, r) {
			t.Fatalf("streamed %+v, Verify %+v", got, r)
		}
		if got := VerifyAgainst(r, r.Head); got.OK != r.OK {
			t.Fatalf("a report against its own head: %+v", got.Break)
		}
	})
}

// FuzzCanonicalJSON checks that CanonicalJSON never panics, accepts only
// JSON, keeps its meaning and is idempotent.
func FuzzCanonicalJSON(f *testing.F) {
	for _, s := range []string{``, `null`, `{"b":[1,{"d":2,"c":"\u00e9"}],"a":1.50}`, `"\ud83d\ude00\n"`, `[-0,1e5]`,
		`{"a":1,"a":2}`, "\"\xff\"", `[[[[]]]]`, ` {"\u0000" : "\/"} `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := CanonicalJSON(data)
		if err != nil {
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if len(data) > 0 && !json.Valid(data) || !json.Valid(out) {
			t.Fatalf("accepted %q as %q", data, out)
		}
		if again, err := CanonicalJSON(out); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %q then %q, %v", out, again, err)
		}
		if len(data) > 0 && !reflect.DeepEqual(decode(t, data), decode(t, out)) {
			t.Fatalf("%q and %q differ in meaning", data, out)
		}
	})
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return v
}
