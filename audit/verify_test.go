package audit

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const n = 1000

// reseal recomputes e's hash, as whoever can write the store and knows the
// (unkeyed) algorithm can.
func reseal(t *testing.T, e Entry) Entry {
	t.Helper()
	h, err := Hash(e)
	if err != nil {
		t.Fatal(err)
	}
	e.Hash = h
	return e
}

// wantBreak checks that r is broken at seq with kind, with reasons in both
// languages that name seq.
func wantBreak(t *testing.T, r Report, seq int64, kind Kind) {
	t.Helper()
	if r.OK || r.Break == nil {
		t.Fatalf("report OK, want a %s break at %d", kind, seq)
	}
	b := r.Break
	if b.Seq != seq || b.Kind != kind {
		t.Fatalf("break %d %s (%s), want %d %s", b.Seq, b.Kind, b.ReasonEN, seq, kind)
	}
	s := itoa(seq)
	if !strings.Contains(b.Reason, s) || !strings.Contains(b.ReasonEN, s) || b.Reason == b.ReasonEN {
		t.Errorf("reasons %q / %q should name entry %s in Chinese and in English", b.Reason, b.ReasonEN, s)
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func TestIntactChainVerifies(t *testing.T) {
	entries := build(t, plain, n)
	r := Verify(entries)
	if !r.OK || r.Break != nil || r.Checked != n {
		t.Fatalf("report %+v", r)
	}
	if r.Head != (Head{Seq: n, Hash: entries[n-1].Hash}) {
		t.Errorf("head %v", r.Head)
	}
	if r := Verify(nil); !r.OK || r.Head != (Head{Seq: 0, Hash: Genesis}) {
		t.Errorf("empty chain: %+v", r)
	}
}

func TestTamperingIsDetected(t *testing.T) {
	entries := build(t, plain, n)
	for _, tc := range []struct {
		name   string
		tamper func([]Entry) []Entry
		seq    int64
		kind   Kind
	}{
		{"edit data", func(es []Entry) []Entry {
			es[499].Data = bytes.Replace(es[499].Data, []byte(`"op_2"`), []byte(`"op_3"`), 1)
			return es
		}, 500, KindEdited},
		{"edit a number's text", func(es []Entry) []Entry {
			es[9].Data = bytes.Replace(es[9].Data, []byte(`9.50`), []byte(`9.5`), 1)
			return es
		}, 10, KindEdited},
		{"edit actor", func(es []Entry) []Entry { es[0].Actor = "op_9"; return es }, 1, KindEdited},
		{"edit action", func(es []Entry) []Entry { es[n-1].Action = "case.close"; return es }, n, KindEdited},
		{"edit time", func(es []Entry) []Entry { es[776].At = es[776].At.Add(-time.Second); return es }, 777, KindEdited},
		{"edit seq", func(es []Entry) []Entry { es[299].Seq = 301; return es }, 301, KindEdited},
		{"data no longer JSON", func(es []Entry) []Entry { es[41].Data = es[41].Data[:10]; return es }, 42, KindEdited},
		{"delete a middle entry", func(es []Entry) []Entry { return slices.Delete(es, 499, 500) }, 501, KindDeleted},
		{"delete a run", func(es []Entry) []Entry { return slices.Delete(es, 99, 110) }, 111, KindDeleted},
		{"delete the second to last", func(es []Entry) []Entry { return slices.Delete(es, n-2, n-1) }, n, KindDeleted},
		{"swap two entries", func(es []Entry) []Entry { es[299], es[300] = es[300], es[299]; return es }, 301, KindReordered},
		{"move an entry two back", func(es []Entry) []Entry {
			es[10], es[11], es[12] = es[11], es[12], es[10]
			return es
		}, 12, KindDeleted},
		{"reverse three", func(es []Entry) []Entry { slices.Reverse(es[10:13]); return es }, 13, KindReordered},
		{"insert a forged entry with a used seq", func(es []Entry) []Entry {
			f := es[399]
			f.Actor, f.Data = "op_0", json.RawMessage(`{"to":"attacker"}`)
			return slices.Insert(es, 400, reseal(t, f))
		}, 400, KindInserted},
		{"insert a forged entry before the genuine one", func(es []Entry) []Entry {
			f := es[399]
			f.Data = json.RawMessage(`{"to":"attacker"}`)
			return slices.Insert(es, 399, reseal(t, f))
		}, 400, KindInserted},
		{"insert a forged entry chained onto the one before", func(es []Entry) []Entry {
			f := es[399]
			f.Prev, f.Data = es[399].Hash, json.RawMessage(`{"to":"attacker"}`)
			return slices.Insert(es, 400, reseal(t, f))
		}, 400, KindInserted},
		{"insert and renumber (a fork)", func(es []Entry) []Entry {
			f := es[600]
			f.Data = json.RawMessage(`{"to":"attacker"}`)
			out := append(slices.Clone(es[:600]), reseal(t, f))
			for _, e := range es[600:] {
				e.Seq++
				out = append(out, reseal(t, e))
			}
			return out
		}, 602, KindInserted},
		{"duplicate a row", func(es []Entry) []Entry { return slices.Insert(es, 50, es[49]) }, 50, KindInserted},
		{"replay an old entry", func(es []Entry) []Entry { return slices.Insert(es, 50, es[9]) }, 10, KindInserted},
		{"rewrite an entry and reseal it", func(es []Entry) []Entry {
			es[199].Actor = "op_0"
			es[199] = reseal(t, es[199])
			return es
		}, 201, KindDeleted},
		{"delete and renumber", func(es []Entry) []Entry {
			out := slices.Clone(es[:199])
			for _, e := range es[200:] {
				e.Seq--
				out = append(out, reseal(t, e))
			}
			return out
		}, 200, KindDeleted},
		{"corrupt genesis", func(es []Entry) []Entry {
			es[0].Prev = strings.Repeat("f", 64)
			es[0] = reseal(t, es[0])
			return es
		}, 1, KindGenesis},
		{"corrupt genesis without resealing", func(es []Entry) []Entry { es[0].Prev = ""; return es }, 1, KindGenesis},
		{"delete the first entry", func(es []Entry) []Entry { return es[1:] }, 2, KindGenesis},
		{"start the chain at seq 0", func(es []Entry) []Entry { es[0].Seq = 0; es[0] = reseal(t, es[0]); return es }, 0, KindGenesis},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es := tc.tamper(slices.Clone(entries))
			r := Verify(es)
			wantBreak(t, r, tc.seq, tc.kind)
			if r.Head.Seq >= max(tc.seq, 1) && tc.kind != KindInserted {
				t.Errorf("head %d should come before the break at %d", r.Head.Seq, tc.seq)
			}
		})
	}
}

func TestDeletingTheLastEntryNeedsAHead(t *testing.T) {
	entries := build(t, plain, n)
	head := Verify(entries).Head
	r := Verify(entries[:n-1])
	if !r.OK {
		t.Fatalf("without a head the truncated chain verifies: %+v", r.Break)
	}
	wantBreak(t, VerifyAgainst(r, head), n, KindTruncated)
	wantBreak(t, Verify(entries[:n-1], head), n, KindTruncated)
	wantBreak(t, VerifyAgainst(Verify(entries[:990]), head), 991, KindTruncated)
}

func TestKeysAndWhitespaceInDataDoNotBreakTheChain(t *testing.T) {
	entries := build(t, plain, n)
	for i := range entries {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(entries[i].Data))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		// Write the keys in reverse order with jsonb-like spacing.
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		})
		var b strings.Builder
		b.WriteString("{ ")
		for j, k := range slices.Backward(keys) {
			if j < len(keys)-1 {
				b.WriteString(",\n\t")
			}
			kb, _ := json.Marshal(k)
			vb, _ := json.MarshalIndent(m[k], "", "   ")
			b.Write(kb)
			b.WriteString(" : ")
			b.Write(vb)
		}
		b.WriteString(" }")
		entries[i].Data = json.RawMessage(b.String())
	}
	if !strings.HasPrefix(string(entries[0].Data), `{ "to" : "op_0",`) {
		t.Fatalf("data not rewritten: %s", entries[0].Data)
	}
	if r := Verify(entries); !r.OK {
		t.Fatalf("reordered keys broke the chain: %v", r.Break)
	}
}

func TestAJSONRoundTripKeepsTheChain(t *testing.T) {
	entries := build(t, plain, 50)
	entries[3], _ = Next(&entries[2], Entry{At: base, Actor: "a", Action: "b"}) // nil Data comes back as null
	entries = entries[:4]
	raw, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	var back []Entry
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if string(back[3].Data) != "null" {
		t.Fatalf("data came back as %q", back[3].Data)
	}
	for i := range back {
		back[i].At = back[i].At.In(time.FixedZone("Asia/Shanghai", 8*3600))
	}
	if r := Verify(back); !r.OK || r.Checked != 4 {
		t.Fatalf("round trip: %+v", r)
	}
}

func TestVerifierStreams(t *testing.T) {
	entries := build(t, plain, 20)
	entries[11].Actor = "x"
	v := NewVerifier()
	for i, e := range entries[:11] {
		if b := v.Add(e); b != nil {
			t.Fatalf("entry %d: %v", i+1, b)
		}
	}
	if r := v.Report(); !r.OK || r.Checked != 11 || r.Head.Seq != 11 {
		t.Fatalf("mid-stream report %+v", r)
	}
	b := v.Add(entries[11])
	if b == nil || b.Seq != 12 || b.Kind != KindEdited {
		t.Fatalf("break %v", b)
	}
	// The chain stays broken at the first break.
	if again := v.Add(entries[12]); again != b {
		t.Errorf("Add after the break = %v, want the first break", again)
	}
	if r := v.Report(); r.OK || r.Break != b || r.Checked != 12 || r.Head.Seq != 11 {
		t.Errorf("report %+v", r)
	}
}

func TestAGapIsJudgedAtTheNextEntry(t *testing.T) {
	entries := build(t, plain, 10)
	v := NewVerifier()
	for _, e := range entries[:4] {
		v.Add(e)
	}
	if b := v.Add(entries[5]); b != nil {
		t.Fatalf("the gap is judged later, got %v", b)
	}
	r := v.Report()
	wantBreak(t, r, 6, KindDeleted)
	if r.Head.Seq != 4 {
		t.Errorf("head %d, want 4", r.Head.Seq)
	}
	// Report does not change the verifier: the missing entry may still come.
	b := v.Add(entries[4])
	if b == nil || b.Seq != 6 || b.Kind != KindReordered {
		t.Fatalf("break %v, want entry 6 reordered", b)
	}
}

func TestKeyedChain(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	h, err := NewKeyed(key)
	if err != nil {
		t.Fatal(err)
	}
	entries := build(t, h, n)
	if r := h.Verify(entries); !r.OK || r.Checked != n {
		t.Fatalf("keyed chain: %+v", r)
	}
	wantBreak(t, Verify(entries), 1, KindEdited)
	other, _ := NewKeyed([]byte("0123456789abcdef0123456789abcdeX"))
	r := other.Verify(entries)
	wantBreak(t, r, 1, KindEdited)
	if !strings.Contains(r.Break.ReasonEN, "key") || !strings.Contains(r.Break.Reason, "密钥") {
		t.Errorf("a keyed break should mention the key: %v", r.Break)
	}
	// Without the key, a rewrite resealed with SHA-256 shows as an edit.
	es := slices.Clone(entries)
	es[499].Actor = "op_0"
	es[499] = reseal(t, es[499])
	wantBreak(t, h.Verify(es), 500, KindEdited)
	// So does a wholly rewritten chain.
	wantBreak(t, h.Verify(build(t, plain, n)), 1, KindEdited)
}
