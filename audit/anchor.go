package audit

import (
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
)

// Head is the last entry of a chain, by seq and hash. Printed (String) and
// kept outside the store, by a regulator or a notary, it anchors the chain:
// a later verification proves that the chain still holds that entry
// (VerifyAgainst, or an anchor given to NewVerifier), so that neither its
// tail nor the whole of it can have been replaced since.
type Head struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// String prints h as "seq:hash", the form ParseHead reads.
func (h Head) String() string { return strconv.FormatInt(h.Seq, 10) + ":" + h.Hash }

// ParseHead reads a Head printed by String. Surrounding space is ignored
// and hex digits may be upper-case; anything else is EINVALID.
func ParseHead(s string) (Head, error) {
	seqText, hash, ok := strings.Cut(strings.TrimSpace(s), ":")
	seq, err := strconv.ParseInt(seqText, 10, 64)
	hash = strings.ToLower(hash)
	if !ok || err != nil || seq < 0 || !isHash(hash) || seq == 0 && hash != Genesis {
		return Head{}, qinglang.Errorf(qinglang.EINVALID, "审计链头 %q 无效：应为「序号:64 位十六进制哈希」",
			"the audit chain head %q is invalid: want \"seq:64 hex digits\"", s)
	}
	return Head{Seq: seq, Hash: hash}, nil
}

// VerifyAgainst checks a report against a head recorded earlier and returns
// it, broken if the chain does not hold that head: KindTruncated if the
// chain ends before head.Seq, KindRewritten if the entry at head.Seq has
// another hash. A head before the report's own Head can only be checked if
// it was given to the Verifier as an anchor (it is then in r.Anchors);
// otherwise the report is broken with KindUnverifiable. A report that is
// already broken is returned as it is.
func VerifyAgainst(r Report, head Head) Report {
	if !r.OK {
		return r
	}
	var b *Break
	switch {
	case head.Seq < 0 || !isHash(head.Hash) || head.Seq == 0 && head.Hash != Genesis:
		b = invalidHead(head)
	case head.Seq > r.Head.Seq:
		b = truncated(r.Head.Seq, head.Seq)
	case head.Seq == r.Head.Seq:
		if head.Hash != r.Head.Hash {
			b = rewritten(head.Seq)
		}
	case head.Seq == 0:
		// Every chain starts at Genesis.
	default:
		b = newBreak(head.Seq, KindUnverifiable, "本次校验没有记录第 %[1]d 条的哈希，无法与链头比对：请把该链头传给 Verify 或 NewVerifier 再校验一次",
			"this verification did not record the hash of entry %[1]d and cannot compare it with the head: pass the head to Verify or NewVerifier and verify again", head.Seq)
		for _, a := range r.Anchors {
			if a.Seq == head.Seq {
				b = nil
				if a.Hash != head.Hash {
					b = rewritten(head.Seq)
					break
				}
			}
		}
	}
	if b != nil {
		r.OK, r.Break = false, b
	}
	return r
}

func invalidHead(h Head) *Break {
	return newBreak(h.Seq, KindUnverifiable, "锚定的链头 %[1]s 无效：序号不能为负，哈希应为 64 位小写十六进制数，第 0 条的哈希是创世值",
		"the anchored head %[1]s is invalid: the seq must not be negative, the hash must be 64 lower-case hex digits, and seq 0's hash is the genesis value", h.String())
}

// truncated says that the chain ends at seq last although an anchored head
// is at seq head.
func truncated(last, head int64) *Break {
	if last+1 == head {
		return newBreak(last+1, KindTruncated, "链只到第 %[1]d 条，但锚定的链头在第 %[2]d 条：最后一条被删除（链尾被截断）",
			"the chain ends at entry %[1]d but the anchored head is entry %[2]d: the last entry was deleted (the tail was truncated)", last, head)
	}
	return newBreak(last+1, KindTruncated, "链只到第 %[1]d 条，但锚定的链头在第 %[2]d 条：第 %[3]d 至 %[2]d 条被删除（链尾被截断）",
		"the chain ends at entry %[1]d but the anchored head is entry %[2]d: entries %[3]d to %[2]d were deleted (the tail was truncated)", last, head, last+1)
}
