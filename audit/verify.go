package audit

import (
	"errors"
	"fmt"
	"hash"

	"github.com/qinglang/qinglang"
)

// Kind classifies a break in the chain.
type Kind string

// The kinds of break. The first five come from the entries alone; the
// last three from comparing them with an anchored Head.
const (
	// KindEdited: the entry's hash does not match its content.
	KindEdited Kind = "edited"
	// KindDeleted: entries are missing: a gap in seq, or an entry whose
	// Prev is not the hash of the entry before it although seq goes on.
	KindDeleted Kind = "deleted"
	// KindReordered: entries come out of seq order.
	KindReordered Kind = "reordered"
	// KindInserted: a seq that was already used, or two entries with the
	// same Prev (the chain forks).
	KindInserted Kind = "inserted"
	// KindGenesis: the first entry's Seq is not 1 or its Prev not Genesis.
	KindGenesis Kind = "genesis"
	// KindTruncated: the chain ends before an anchored head.
	KindTruncated Kind = "truncated"
	// KindRewritten: the entry at an anchored head's seq has another hash.
	KindRewritten Kind = "rewritten"
	// KindUnverifiable: the report holds no hash at the head's seq to
	// compare with.
	KindUnverifiable Kind = "unverifiable"
)

// Break says where a chain fails and why, in Chinese and in English.
type Break struct {
	// Seq is the seq of the first entry at which the chain fails, as read
	// from the store (for a truncated chain, the first missing seq).
	Seq      int64  `json:"seq"`
	Kind     Kind   `json:"kind"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

func (b *Break) String() string {
	return fmt.Sprintf("%s: %s / %s", b.Kind, b.Reason, b.ReasonEN)
}

func newBreak(seq int64, kind Kind, zh, en string, args ...any) *Break {
	return &Break{Seq: seq, Kind: kind, Reason: fmt.Sprintf(zh, args...), ReasonEN: fmt.Sprintf(en, args...)}
}

// Report is the outcome of a verification.
type Report struct {
	// Checked counts the entries examined: all of them when the chain
	// holds, up to the one that decided the break otherwise.
	Checked int64 `json:"checked"`
	OK      bool  `json:"ok"`
	// Break is the first place the chain fails (nil when OK).
	Break *Break `json:"break,omitempty"`
	// Head is the last entry of the intact part of the chain: the whole
	// chain when OK, the entries before the break otherwise. An empty
	// chain's head is {0, Genesis}.
	Head Head `json:"head"`
	// Anchors are the heads given to the Verifier that the chain reached,
	// with the hash found there.
	Anchors []Head `json:"anchors,omitempty"`
}

// Verifier checks a chain entry by entry, holding only the last entries'
// seq and hashes, so that a store can stream millions of entries in seq
// order through Add. Make one with NewVerifier (or Hasher.NewVerifier); it
// is not safe for concurrent use.
type Verifier struct {
	h     *Hasher
	hash  hash.Hash
	enc   encoder
	want  map[int64][]string // anchored seq → hashes expected there
	found []Head

	checked int64
	started bool   // an entry was accepted
	last    Head   // the last accepted entry
	lastPre string // its Prev, to tell a fork
	pending *Head  // an intact entry after a gap in seq, judged at the next Add
	brk     *Break
}

// NewVerifier returns a SHA-256 Verifier. See Hasher.NewVerifier.
func NewVerifier(anchors ...Head) *Verifier { return plain.NewVerifier(anchors...) }

// Verify checks entries with SHA-256. See Hasher.Verify.
func Verify(entries []Entry, anchors ...Head) Report { return plain.Verify(entries, anchors...) }

// NewVerifier returns a Verifier for a chain sealed by h. Each anchor is a
// Head recorded earlier: the entry at its Seq must have its Hash
// (KindRewritten otherwise), and the chain must reach it
// (KindTruncated otherwise).
func (h *Hasher) NewVerifier(anchors ...Head) *Verifier {
	v := &Verifier{h: h, hash: h.newHash(), last: Head{Hash: Genesis}}
	for _, a := range anchors {
		switch {
		case a.Seq < 0 || !isHash(a.Hash) || a.Seq == 0 && a.Hash != Genesis:
			if v.brk == nil {
				v.brk = invalidHead(a)
			}
		case a.Seq == 0:
			// Every chain starts at Genesis.
		default:
			if v.want == nil {
				v.want = make(map[int64][]string, len(anchors))
			}
			v.want[a.Seq] = append(v.want[a.Seq], a.Hash)
		}
	}
	return v
}

// Verify checks entries, given in the order the store returns them (by
// seq), and stops at the first break.
func (h *Hasher) Verify(entries []Entry, anchors ...Head) Report {
	v := h.NewVerifier(anchors...)
	for _, e := range entries {
		if v.Add(e) != nil {
			break
		}
	}
	return v.Report()
}

// Add checks the next entry and returns the first break of the chain, nil
// while it holds. Once broken, the chain stays broken: Add returns the same
// Break without looking at more entries.
//
// A gap in seq is judged at the next Add (or by Report): if the next entry
// belongs in the gap, the entries were reordered; otherwise some were
// deleted. Either way the Break names the entry after the gap.
func (v *Verifier) Add(e Entry) *Break {
	if v.brk != nil {
		return v.brk
	}
	v.checked++
	v.brk = v.check(e)
	return v.brk
}

func (v *Verifier) check(e Entry) *Break {
	p := v.last
	if g := v.pending; g != nil {
		if e.Seq > p.Seq && e.Seq < g.Seq {
			return newBreak(g.Seq, KindReordered, "第 %[1]d 条排在第 %[2]d 条之前：条目的顺序被打乱（序号不递增）",
				"entry %[1]d comes before entry %[2]d: the entries are out of order (seq does not increase)", g.Seq, e.Seq)
		}
		return gapBreak(p.Seq, *g)
	}
	if !v.started {
		switch {
		case e.Seq != 1:
			return newBreak(e.Seq, KindGenesis, "第一条的序号是 %[1]d，不是 1：链的开头被删除或被替换",
				"the first entry's seq is %[1]d, not 1: the start of the chain was deleted or replaced", e.Seq)
		case e.Prev != Genesis:
			return newBreak(e.Seq, KindGenesis, "第 1 条的 prev 不是创世值（%[1]s）：链的起点被替换",
				"entry 1's prev is not the genesis value (%[1]s): the start of the chain was replaced", Genesis)
		}
	}
	if b := v.checkHash(e); b != nil {
		return b
	}
	switch {
	case !v.started:
	case e.Seq < 1:
		return newBreak(e.Seq, KindInserted, "第 %[2]d 条之后出现序号为 %[1]d 的条目：序号从 1 起，这条是插入的",
			"an entry with seq %[1]d follows entry %[2]d: seq starts at 1, this entry was inserted", e.Seq, p.Seq)
	case e.Seq == p.Seq && e.Hash == p.Hash:
		return newBreak(e.Seq, KindInserted, "第 %[1]d 条出现了两次（完全相同的副本）",
			"entry %[1]d appears twice (an identical copy)", e.Seq)
	case e.Seq == p.Seq && e.Prev == v.lastPre:
		return newBreak(e.Seq, KindInserted, "序号 %[1]d 出现了两次，两条都接在同一条之后（链分叉）：其中一条是插入的",
			"seq %[1]d appears twice, both entries following the same entry (the chain forks): one of them was inserted", e.Seq)
	case e.Seq == p.Seq && e.Prev == p.Hash:
		return newBreak(e.Seq, KindInserted, "第 %[1]d 条之后又接了一条序号同为 %[1]d 的条目：这条是插入的",
			"entry %[1]d is followed by another entry with seq %[1]d that chains onto it: that one was inserted", e.Seq)
	case e.Seq <= p.Seq:
		return newBreak(e.Seq, KindInserted, "第 %[2]d 条之后又出现序号 %[1]d：该序号已用过，这条是插入的或重复的",
			"seq %[1]d appears again after entry %[2]d: the seq was already used, this entry was inserted or duplicated", e.Seq, p.Seq)
	case e.Seq > p.Seq+1:
		v.pending = &Head{Seq: e.Seq, Hash: e.Hash}
		return nil
	case e.Prev == p.Hash:
	case e.Prev == v.lastPre:
		return newBreak(e.Seq, KindInserted, "第 %[1]d 条与第 %[2]d 条接在同一条之后（链分叉）：第 %[2]d 条是插入的",
			"entries %[1]d and %[2]d both follow the same entry (the chain forks): entry %[2]d was inserted", e.Seq, p.Seq)
	default:
		return newBreak(e.Seq, KindDeleted, "第 %[1]d 条的 prev 不是第 %[2]d 条的哈希：两者之间的条目被删除后序号被重排，或第 %[2]d 条被改写后重算了哈希",
			"entry %[1]d's prev is not the hash of entry %[2]d: entries between them were deleted and the rest renumbered, or entry %[2]d was rewritten and its hash recomputed",
			e.Seq, p.Seq)
	}
	for _, want := range v.want[e.Seq] {
		if want != e.Hash {
			return rewritten(e.Seq)
		}
	}
	if len(v.want[e.Seq]) > 0 {
		v.found = append(v.found, Head{Seq: e.Seq, Hash: e.Hash})
	}
	v.started, v.last, v.lastPre = true, Head{Seq: e.Seq, Hash: e.Hash}, e.Prev
	return nil
}

// checkHash recomputes e's hash.
func (v *Verifier) checkHash(e Entry) *Break {
	got, err := v.enc.hash(v.hash, e)
	if err != nil {
		zh, en := err.Error(), err.Error()
		var qe *qinglang.Error
		if errors.As(err, &qe) {
			zh, en = qe.Message, qe.MessageEN
		}
		return newBreak(e.Seq, KindEdited, "第 %[1]d 条的内容无法计算哈希，该条被改动过：%[2]s",
			"entry %[1]d's content cannot be hashed, the entry was edited: %[3]s", e.Seq, zh, en)
	}
	if got == e.Hash {
		return nil
	}
	if v.h.Keyed() {
		return newBreak(e.Seq, KindEdited, "第 %[1]d 条的哈希与内容不符：该条被改动过（或密钥不对）",
			"entry %[1]d's hash does not match its content: the entry was edited (or the key is wrong)", e.Seq)
	}
	return newBreak(e.Seq, KindEdited, "第 %[1]d 条的哈希与内容不符：该条被改动过",
		"entry %[1]d's hash does not match its content: the entry was edited", e.Seq)
}

// gapBreak says that the entries between seq last and g are missing.
func gapBreak(last int64, g Head) *Break {
	if g.Seq-last == 2 {
		return newBreak(g.Seq, KindDeleted, "第 %[2]d 条缺失（在第 %[1]d 条之前）：该条被删除",
			"entry %[2]d is missing (before entry %[1]d): it was deleted", g.Seq, last+1)
	}
	return newBreak(g.Seq, KindDeleted, "第 %[2]d 至 %[3]d 条缺失（在第 %[1]d 条之前）：这些条目被删除",
		"entries %[2]d to %[3]d are missing (before entry %[1]d): they were deleted", g.Seq, last+1, g.Seq-1)
}

func rewritten(seq int64) *Break {
	return newBreak(seq, KindRewritten, "第 %[1]d 条的哈希与锚定的链头不同：该条或它之前的条目被改写，哈希被重新计算",
		"entry %[1]d's hash differs from the anchored head: it or an entry before it was rewritten and the hashes recomputed", seq)
}

// Report returns the outcome for the entries added so far, taken as the
// whole chain: a pending gap counts as deleted entries, and an anchor
// beyond the last entry as a truncation. It does not change v.
func (v *Verifier) Report() Report {
	r := Report{Checked: v.checked, Break: v.brk, Head: v.last}
	if len(v.found) > 0 {
		r.Anchors = append([]Head(nil), v.found...)
	}
	if r.Break == nil && v.pending != nil {
		r.Break = gapBreak(v.last.Seq, *v.pending)
	}
	if r.Break == nil {
		far := v.last.Seq
		for seq := range v.want {
			far = max(far, seq)
		}
		if far > v.last.Seq {
			r.Break = truncated(v.last.Seq, far)
		}
	}
	r.OK = r.Break == nil
	return r
}
