// Package textnorm normalises Chinese marketing text for matching and
// keeps, for every byte of the normalised text, the byte range of the
// original it came from, so that a finding can highlight the exact
// original span.
//
// Normalisation is one pass over the text (see emitText in stream.go): each
// rune is mapped through one table lookup, and noise is dropped; most
// runes are then written at once, and the few that may start a construct
// (numerals, letter runs, separators between digits) hand a short window
// of the text, cut into tokens, to the look-ahead below. No regexp, no
// allocation on the hot path (see Normalizer). It does, in order of
// concern:
//
//  1. Full-width → half-width, case folding, traditional → simplified
//     at the character level (OpenCC's TSCharacters, first candidate;
//     no phrase segmentation, so 乾隆 becomes 干隆: consistent, if not
//     always idiomatic). Letters with tone marks or other diacritics,
//     styled letters (𝐣 ⓙ 🅹) and Cyrillic look-alikes read as ASCII
//     letters (jiǎnféi → jianfei; see fold.go).
//  2. Digits of every style (５ ⑤ ❺ ⒌ Ⅴ 𝟓) → ASCII digits; Chinese
//     numerals → ASCII digits (五 → 5, 十五 → 15, 三十五 → 35,
//     一百零五 → 105, 一百五 → 150, 二〇二五 → 2025, 两 → 2, 零 → 0,
//     三点二 → 3.2, 百分之九十 → 90%). 万 and 亿 stay as words (三万 →
//     3万, 一万二 → 1万2) so that "3万" and "三万" normalise alike; 百 and
//     千 without a numeral before them stay too (百分百, 千万). A numeral
//     inside a word converts as well (第一 → 第1): rules are normalised by
//     the same function, so consistency is what matters.
//  3. Noise removal: whitespace, zero-width and format characters,
//     combining marks, emoji and symbols (currency signs excepted) and
//     punctuation are dropped, except . : / - between digits (3.2, 1:1,
//     1/2, 3-5; ~ becomes -) and % after a digit.
//  4. A run of the same non-digit rune collapses to one (哈哈哈 → 哈).
//  5. Pinyin spellings of a small curated set of terms become their
//     characters (jianfei, jian肥, 减fei → 减肥; 糖niao病 → 糖尿病); see
//     pinyin.go, and pinyin_table.go for what is listed and what is left
//     out.
//
// Normalize is idempotent: Normalize(Normalize(s).Norm).Norm equals
// Normalize(s).Norm.
package textnorm

import (
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Text is a normalised text with its map back to the original.
type Text struct {
	Orig string // the original
	Norm string // the normalised text
	// src[i] is the [start,end) byte range of Orig that Norm[i] came from;
	// unused when same (Norm is Orig, byte for byte).
	src  []span
	same bool
}

type span struct{ start, end int32 }

// Span returns the smallest byte range of Orig that covers the
// normalised byte range [normStart,normEnd). Out-of-range arguments are
// clamped; an empty range maps to an empty range at the corresponding
// position. Always 0 <= origStart <= origEnd <= len(Orig), on rune
// boundaries of Orig.
func (t *Text) Span(normStart, normEnd int) (origStart, origEnd int) {
	if t.same { // each rune maps to itself
		n := len(t.Norm)
		normStart = min(max(normStart, 0), n)
		empty := normEnd <= normStart
		for normStart > 0 && normStart < n && !utf8.RuneStart(t.Norm[normStart]) {
			normStart--
		}
		if empty {
			return normStart, normStart
		}
		normEnd = min(normEnd, n)
		for normEnd < n && !utf8.RuneStart(t.Norm[normEnd]) {
			normEnd++
		}
		return normStart, normEnd
	}
	n := len(t.src)
	normStart = min(max(normStart, 0), n)
	normEnd = min(max(normEnd, normStart), n)
	if normStart == normEnd {
		switch {
		case normStart < n:
			p := int(t.src[normStart].start)
			return p, p
		case n > 0:
			p := int(t.src[n-1].end)
			return p, p
		}
		return 0, 0
	}
	// Starts and ends are both non-decreasing over Norm (the tests check
	// it), so the first byte has the minimum start and the last the
	// maximum end.
	return int(t.src[normStart].start), int(t.src[normEnd-1].end)
}

// Normalize normalises s. It allocates; use a Normalizer on hot paths.
func Normalize(s string) Text {
	n := pool.Get().(*Normalizer)
	t := n.Normalize(s)
	out := Text{Orig: t.Orig, Norm: t.Norm, src: append([]span(nil), t.src...)}
	pool.Put(n)
	return out
}

var pool = sync.Pool{New: func() any { return new(Normalizer) }}

// Normalizer normalises texts reusing its buffers. It is not safe for
// concurrent use.
type Normalizer struct {
	toks []token
	out  []byte
	text Text
	run  []byte  // the current letter run (pinyin matching)
	runT []int32 // for each byte of run, its token index
	// [sepFrom, sepFail) is the last separator scan that found no
	// number: the tokens after its first cannot be separators either (see
	// separator). tokenize resets it.
	sepFrom, sepFail int
	// arena holds the bytes of returned Norm strings; a region is never
	// written again once a string refers to it.
	arena []byte

	last      rune // the last rune written, for collapsing repeats
	lastStart int  // where the last rune starts in out

	// In stream mode (see Stream) the runes written go to runes, and
	// out and the offsets are left alone.
	stream bool
	runes  []rune
}

type token struct {
	start, end int32 // byte range in the input
	e          entry
}

const arenaSize = 8 << 10

// Normalize normalises s. The returned Text, and the spans it reports,
// are valid until the next call; its Norm string stays valid for ever.
// Offsets are 32-bit: s must be shorter than 2 GiB.
func (n *Normalizer) Normalize(s string) *Text {
	ensureTables()
	n.stream = false
	n.out = n.out[:0]
	n.text.src, n.text.same = n.text.src[:0], false
	n.last, n.lastStart = -1, 0
	n.emitText(s, 0, false)
	n.text.Orig = s
	n.text.Norm = n.intern()
	return &n.text
}

// Unchanged returns s as its own normalisation, with offsets that map
// every byte to itself, for a text the caller knows Normalize leaves as it
// is: every rune Plain and none repeated next to itself (a stream that
// took Plain's shortcut for the whole text). It does not check. The Text
// is valid until the next call.
func (n *Normalizer) Unchanged(s string) *Text {
	n.text.Orig, n.text.Norm, n.text.src, n.text.same = s, s, n.text.src[:0], true
	return &n.text
}

// tokenize maps every rune of s from byte from on and keeps those that
// are not noise. In a window (see Stream) it stops after the first
// barrier token past the first token and returns its index and its
// start; otherwise it returns len(n.toks) and len(s).
func (n *Normalizer) tokenize(s string, from int, window bool) (stop, resume int) {
	toks := n.toks[:0]
	n.sepFrom, n.sepFail = 0, 0
	for i := from; i < len(s); {
		var e entry
		w := 1
		if c := s[i]; c < utf8.RuneSelf {
			e = ascii[c]
		} else if r, ok := decode3(s, i); ok { // most of CJK: inline
			e = dense[r]
			w = 3
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				i++
				continue
			}
			e = lookup(r)
		}
		if e.cls() != cDrop {
			toks = append(toks, token{start: int32(i), end: int32(i + w), e: e})
			if window && len(toks) > 1 && isBarrier(e) { // the first token always goes in
				n.toks = toks
				return len(toks) - 1, i
			}
		}
		i += w
	}
	n.toks = toks
	return len(toks), len(s)
}

// decode3 decodes a valid three-byte UTF-8 sequence at s[i].
func decode3(s string, i int) (rune, bool) {
	if i+2 >= len(s) || s[i]&0xF0 != 0xE0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
		return 0, false // overlong or a surrogate: let the decoder reject it
	}
	return r, true
}

// intern returns out as a string, reusing Orig when equal and otherwise
// copying into the arena.
func (n *Normalizer) intern() string {
	b := n.out
	if len(b) == 0 {
		return ""
	}
	if string(b) == n.text.Orig {
		return n.text.Orig
	}
	if len(b) > arenaSize/4 {
		return string(b)
	}
	if cap(n.arena)-len(n.arena) < len(b) {
		n.arena = make([]byte, 0, arenaSize)
	}
	i := len(n.arena)
	n.arena = append(n.arena, b...)
	return unsafe.String(&n.arena[i], len(b))
}

// emitRune writes r from the original range [start,end); a repeat of the
// last rune (other than a digit) extends that rune's range instead.
func (n *Normalizer) emitRune(r rune, start, end int32) {
	if r == n.last && (r < '0' || r > '9') {
		if n.stream {
			return
		}
		for i := n.lastStart; i < len(n.out); i++ {
			n.text.src[i].end = end
		}
		return
	}
	n.last = r
	if n.stream {
		n.runes = append(n.runes, r)
		return
	}
	n.lastStart = len(n.out)
	sp := span{start, end}
	if r < utf8.RuneSelf {
		n.out = append(n.out, byte(r))
		n.text.src = append(n.text.src, sp)
		return
	}
	if r >= 0x800 && r < 0x10000 { // most of CJK: encode inline
		n.out = append(n.out, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
		n.text.src = append(n.text.src, sp, sp, sp)
		return
	}
	n.out = utf8.AppendRune(n.out, r)
	for range len(n.out) - n.lastStart {
		n.text.src = append(n.text.src, sp)
	}
}

// emitNumber writes v in decimal from the original range [start,end).
func (n *Normalizer) emitNumber(v int, start, end int32) {
	if v < 10 {
		n.emitRune(rune('0'+v), start, end)
		return
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	for _, c := range buf[i:] {
		n.emitRune(rune(c), start, end)
	}
}

func (n *Normalizer) lastIsDigit() bool { return n.last >= '0' && n.last <= '9' }

// startsNumber reports whether token i exists and starts a number: a
// digit, a numeral digit or 十.
func (n *Normalizer) startsNumber(i int) bool {
	if i >= len(n.toks) {
		return false
	}
	e := n.toks[i].e
	switch e.cls() {
	case cDigit, cNum:
		return true
	case cUnit:
		return e.val() == 1
	}
	return false
}

// step writes what token i (and the tokens that belong with it) become,
// and returns the index of the next token.
func (n *Normalizer) step(i int) int {
	t := n.toks[i]
	switch t.e.cls() {
	case cDigit:
		n.emitNumber(int(t.e.val()), t.start, t.end)
	case cNum, cUnit:
		return n.numeral(i)
	case cLetter:
		return n.letters(i)
	case cPunct:
		if j := n.separator(i); j > i {
			return j
		}
		if t.e.r() == '%' && n.lastIsDigit() {
			n.emitRune('%', t.start, t.end)
		}
	default:
		if t.e.r() == '点' {
			if j := n.separator(i); j > i {
				return j
			}
		}
		n.emitRune(t.e.r(), t.start, t.end)
	}
	return i + 1
}

// separator writes a separator between digits: token i is one of . : / -
// or 点 (which becomes .), the last rune written is a digit, and a number
// follows. Punctuation and 点 right after it are absorbed into its range
// (3..2 → 3.2). It returns the index of the next token, or i when token i
// is not such a separator.
//
// When no number follows, no token up to the end of the scan can be a
// separator either (they are all punctuation or 点, and their scans end
// at the same token): sepFrom and sepFail remember that, so that a long
// run of punctuation after a digit is scanned once, not once per token.
func (n *Normalizer) separator(i int) int {
	if !n.lastIsDigit() || (i > n.sepFrom && i < n.sepFail) {
		return i
	}
	r := n.toks[i].e.r()
	switch r {
	case '点':
		r = '.'
	case '%':
		return i
	}
	j := i + 1
	for j < len(n.toks) && (n.toks[j].e.cls() == cPunct || n.toks[j].e.r() == '点') {
		j++
	}
	if !n.startsNumber(j) {
		n.sepFrom, n.sepFail = i, j
		return i
	}
	n.emitRune(r, n.toks[i].start, n.toks[j-1].end)
	return j
}
