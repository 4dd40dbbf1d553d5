package audit

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestHeadPrintsAndParses(t *testing.T) {
	entries := build(t, plain, 3)
	h := Verify(entries).Head
	s := h.String()
	if s != "3:"+entries[2].Hash {
		t.Fatalf("String = %q", s)
	}
	for _, in := range []string{s, "  " + strings.ToUpper(s) + "\n"} {
		if got, err := ParseHead(in); err != nil || got != h {
			t.Errorf("ParseHead(%q) = %v, %v", in, got, err)
		}
	}
	if got, err := ParseHead("0:" + Genesis); err != nil || got != (Head{Hash: Genesis}) {
		t.Errorf("genesis head: %v, %v", got, err)
	}
	for _, in := range []string{"", "3", "3:", ":" + entries[2].Hash, "x:" + entries[2].Hash, "-1:" + entries[2].Hash,
		"3:" + entries[2].Hash[1:], "3:" + entries[2].Hash + "0", "3:" + strings.Repeat("g", 64), "0:" + entries[2].Hash} {
		if _, err := ParseHead(in); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("ParseHead(%q): %v, want EINVALID", in, err)
		}
	}
}

// rewrite recomputes the whole chain with entry 10's actor changed, as
// whoever can write the store and knows the unkeyed algorithm can.
func rewrite(t *testing.T, entries []Entry) []Entry {
	t.Helper()
	out := make([]Entry, 0, len(entries))
	var prev *Entry
	for _, e := range entries {
		if e.Seq == 10 {
			e.Actor = "op_0"
		}
		e, err := Next(prev, e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return out
}

func TestARewrittenChainIsOnlyCaughtByAnAnchor(t *testing.T) {
	entries := build(t, plain, n)
	head := Verify(entries).Head
	forged := rewrite(t, entries)
	r := Verify(forged)
	if !r.OK {
		t.Fatalf("a recomputed chain verifies on its own: %v", r.Break)
	}
	wantBreak(t, VerifyAgainst(r, head), n, KindRewritten)
	if got := VerifyAgainst(Verify(entries), head); !got.OK {
		t.Errorf("the genuine chain against its head: %v", got.Break)
	}
	// An anchor given to the verifier is checked on the way.
	old := Head{Seq: 500, Hash: entries[499].Hash}
	wantBreak(t, Verify(forged, old), 500, KindRewritten)
	wantBreak(t, Verify(forged, Head{Seq: 9, Hash: entries[8].Hash}, old), 500, KindRewritten)
}

func TestAnOlderHeadNeedsToBeRecorded(t *testing.T) {
	entries := build(t, plain, n)
	old := Head{Seq: 500, Hash: entries[499].Hash}
	r := Verify(entries)
	wantBreak(t, VerifyAgainst(r, old), 500, KindUnverifiable)

	r = Verify(entries, old)
	if !r.OK || !slices.Equal(r.Anchors, []Head{old}) {
		t.Fatalf("report %+v", r)
	}
	if got := VerifyAgainst(r, old); !got.OK {
		t.Errorf("recorded anchor: %v", got.Break)
	}
	if got := VerifyAgainst(r, Head{Seq: 0, Hash: Genesis}); !got.OK {
		t.Errorf("genesis head: %v", got.Break)
	}
	other := Head{Seq: 500, Hash: entries[498].Hash}
	wantBreak(t, VerifyAgainst(r, other), 500, KindRewritten)
	// The chain grows after the anchor: still fine.
	more := append(slices.Clone(entries), mustNext(t, &entries[n-1]))
	if got := VerifyAgainst(Verify(more, r.Head), r.Head); !got.OK {
		t.Errorf("a grown chain against its old head: %v", got.Break)
	}
}

func mustNext(t *testing.T, prev *Entry) Entry {
	t.Helper()
	e, err := Next(prev, Entry{At: base, Actor: "op_1", Action: "case.close", Data: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestInvalidHeads(t *testing.T) {
	entries := build(t, plain, 5)
	r := Verify(entries)
	for _, h := range []Head{
		{Seq: -1, Hash: Genesis},
		{Seq: 0, Hash: entries[0].Hash},
		{Seq: 3, Hash: strings.ToUpper(entries[2].Hash)},
		{Seq: 3, Hash: ""},
	} {
		got := VerifyAgainst(r, h)
		if got.OK || got.Break.Kind != KindUnverifiable {
			t.Errorf("VerifyAgainst(%v): %+v", h, got.Break)
		}
		v := Verify(entries, h)
		if v.OK || v.Break.Kind != KindUnverifiable || v.Checked != 0 {
			t.Errorf("Verify with anchor %v: %+v", h, v)
		}
	}
	// A broken report stays as it is.
	es := slices.Clone(entries)
	es[1].Actor = "x"
	broken := Verify(es)
	if got := VerifyAgainst(broken, r.Head); got.Break != broken.Break {
		t.Errorf("broken report became %v", got.Break)
	}
}

func TestReportJSON(t *testing.T) {
	entries := build(t, plain, 5)
	entries[2].Actor = "x"
	raw, err := json.Marshal(Verify(entries))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"checked":3`, `"ok":false`, `"kind":"edited"`, `"seq":3`, `"reason":"第 3 条`, `"reason_en":"entry 3`, `"head":{"seq":2`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("%s lacks %s", raw, want)
		}
	}
}
