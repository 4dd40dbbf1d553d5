package textnorm

import "unicode/utf8"

// A Stream reads the normalised text of a string as runes, a chunk at a
// time, without building the offset map or the normalised string: it is
// the screening hot path, where most texts match nothing and only their
// runes are ever looked at. The runes it yields are exactly those of
// Normalize(s).Norm, because both run the same loop (emitText) and differ
// only in where emitRune writes; when a caller then needs the normalised
// string or its offsets, it calls Normalize for that text.
//
// Between runes, all the state there is is the position in s and the
// last rune written, so a caller may also take over the plain runes
// itself and hand the others to Segment.
//
// The zero Stream is ready to use (on the empty text). A Stream is not
// safe for concurrent use; it reuses its buffers, so a warm Stream does
// not allocate.
type Stream struct {
	n Normalizer // token buffers and the last rune written, in stream mode
	s string
	i int // the next byte of s
}

// StreamChunk is about how many runes Next and Segment yield at a time:
// a chunk ends at the first rune boundary outside a look-ahead window at
// or after it.
const StreamChunk = 64

// Reset starts reading the normalised text of s.
func (st *Stream) Reset(s string) {
	ensureTables()
	st.n.stream = true
	st.n.last = -1
	st.s, st.i = s, 0
}

// Next returns the next normalised runes, or nil at the end of the text.
// The slice is valid until the next call of a Stream method.
func (st *Stream) Next() []rune {
	st.n.runes = st.n.runes[:0]
	st.i = st.n.emitText(st.s, st.i, false)
	if len(st.n.runes) == 0 {
		return nil
	}
	return st.n.runes
}

// Plain reports whether r is written as it is and by itself, whatever
// the runes around it: it maps to itself, is not noise, and neither
// starts nor continues a construct that looks at other runes. Only a
// repeat of the rune written just before it collapses. Most CJK
// characters are plain; every plain rune is encoded in three bytes.
//
// A screening loop may write plain runes itself (r, unless it equals the
// last rune written) and hand the other runes to Segment.
func Plain(r rune) bool {
	ensureTables()
	return r >= 0x800 && r < 0x10000 && keep[r>>6]&(1<<(r&63)) != 0
}

// PlainSet returns a copy of the set of plain runes (Plain), one bit a
// rune below U+10000: bit r&63 of word r>>6.
func PlainSet() *[0x10000 / 64]uint64 {
	ensureTables()
	set := keep
	return &set
}

// Segment normalises s from byte i, which must be a rune boundary as
// reached by normalising s from its start, as though last had been the
// last rune written (-1 for none). It stops before the next plain rune,
// at the end of s, or after about StreamChunk runes, and returns the
// runes written and the byte where it stopped: a rune boundary of the
// same kind, past i unless i == len(s). The slice is valid until the
// next call of a Stream method.
func (st *Stream) Segment(s string, i int, last rune) (rs []rune, stop int) {
	ensureTables()
	n := &st.n
	n.stream = true
	n.last = last
	n.runes = n.runes[:0]
	st.s = s
	st.i = n.emitText(s, i, true)
	return n.runes, st.i
}

// emitText normalises s from byte i, writing through emitRune, to the end of
// s, or in stream mode until a chunk is full or (plain) before a plain
// rune other than the first, and returns where it stopped.
//
// The loop handles the runes whose step reads no other token: noise, a
// rune kept as it is or mapped (other than 点 after a digit), a digit,
// punctuation not after a digit; and a numeral digit followed by a plain
// rune, whose step reads only that rune. Any other rune opens a
// look-ahead window, and the tokens decide.
func (n *Normalizer) emitText(s string, i int, plain bool) int {
	from := i
	for i < len(s) {
		if n.stream && len(n.runes) >= StreamChunk {
			break
		}
		at := i
		var e entry
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			e = ascii[c]
			i++
		case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if keep[r>>6]&(1<<(r&63)) != 0 { // a plain rune: most of CJK
				if plain && at != from {
					return at
				}
				i += 3
				n.emitRune(r, int32(at), int32(i))
				continue
			}
			if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
				i++ // overlong or a surrogate: invalid, as in tokenize
				continue
			}
			e = dense[r]
			i += 3
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			if r == utf8.RuneError && w == 1 {
				continue
			}
			e = lookup(r)
		}
		switch e.cls() {
		case cDrop:
			continue
		case cOther:
			if e.r() == '点' && n.lastIsDigit() {
				break // maybe a decimal point
			}
			n.emitRune(e.r(), int32(at), int32(i))
			continue
		case cDigit:
			n.emitNumber(int(e.val()), int32(at), int32(i))
			continue
		case cPunct:
			if !n.lastIsDigit() {
				continue // kept only after a digit
			}
		case cNum:
			// A numeral digit right before a plain rune (三天, 一个)
			// is a number of its own: numeral would write its value.
			if plainAt(s, i) {
				n.emitNumber(int(e.val()), int32(at), int32(i))
				continue
			}
		}
		i = n.window(s, at)
	}
	return i
}

// window steps through the tokens of s from byte at, where a rune needs
// look-ahead, up to a barrier, and returns the byte where the barrier
// starts (or len(s)). Stepping through the tokens before a barrier gives
// what stepping through all the tokens of s would.
func (n *Normalizer) window(s string, at int) int {
	stop, resume := n.tokenize(s, at, true)
	j := 0
	for j < stop {
		j = n.step(j)
	}
	if j > stop { // a step consumed the barrier: never, by isBarrier
		return int(n.toks[j-1].end)
	}
	return resume
}

// isBarrier reports whether e is a token that the look-ahead of the
// tokens before it may read but never passes over or consumes: a rune
// kept as itself other than 点, 分 and 之. Separators skip only
// punctuation and 点; numerals, percent phrases and sections consume
// digits, numerals, units, separators, 分 and 之; letter runs consume
// letters and punctuation and read the token after them.
func isBarrier(e entry) bool {
	if e.cls() != cOther {
		return false
	}
	r := e.r()
	return r != '点' && r != '分' && r != '之'
}

// plainAt reports whether a plain rune starts at byte i of s.
func plainAt(s string, i int) bool {
	if i+2 >= len(s) || s[i]&0xF0 != 0xE0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return false
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	return keep[r>>6]&(1<<(r&63)) != 0
}
