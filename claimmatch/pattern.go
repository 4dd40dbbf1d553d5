package claimmatch

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// part is one compiled part of a pattern; literals are normalised.
type part struct {
	kind rules.PartKind
	lit  string // Literal: normalised text
	max  int    // Gap: most runes
	num  int    // Number: index among the pattern's numbers
}

// pattern is a compiled numeric claim pattern, found through its anchor:
// its longest literal part, a keyword of the automaton.
type pattern struct {
	rule   int32
	parts  []part
	anchor int // index of the anchor part
	nums   int // how many {N}
	// needs are the ids (Matcher.lac) of its other literals when its
	// anchor carries many patterns: a text that lacks one of them cannot
	// match, and is not tried. The longest is also kept in the pattern's
	// use (use.need), so that most are dismissed without reading the
	// pattern.
	needs []int32
	need  int32 // the id of the longest of needs, or -1
	// runes is the rune mask of its literals: a text without one of
	// those runes cannot match, and is not tried.
	runes runeMask
}

// compilePattern parses and normalises p.
func compilePattern(rule int32, p string) (*pattern, error) {
	raw, err := rules.ParsePattern(p)
	if err != nil {
		return nil, err
	}
	pt := &pattern{rule: rule, anchor: -1, need: -1}
	for i, rp := range raw {
		q := part{kind: rp.Kind, max: rp.Max}
		switch rp.Kind {
		case rules.Literal:
			before := i > 0 && raw[i-1].Kind == rules.Number
			after := i+1 < len(raw) && raw[i+1].Kind == rules.Number
			q.lit = normalizeLiteral(rp.Text, before, after)
			if q.lit == "" {
				return nil, qinglang.Errorf(qinglang.EINVALID, "模式 %q：文字 %q 规范化后为空", "pattern %q: literal %q is empty once normalised", p, rp.Text)
			}
			if pt.anchor < 0 || len(q.lit) > len(pt.parts[pt.anchor].lit) {
				pt.anchor = i
			}
		case rules.Number:
			q.num = pt.nums
			pt.nums++
		}
		pt.parts = append(pt.parts, q)
	}
	if pt.anchor < 0 {
		return nil, qinglang.Errorf(qinglang.EINVALID, "模式 %q 没有文字", "pattern %q has no literal text", p)
	}
	for _, q := range pt.parts {
		pt.runes.add(q.lit)
	}
	return pt, nil
}

// normalizeLiteral normalises a literal part in the context of the numbers
// around it, so that punctuation kept only next to digits ("98%") survives:
// a digit stands in for each neighbouring {N} and is cut off again.
func normalizeLiteral(lit string, numBefore, numAfter bool) string {
	s := lit
	if numBefore {
		s = "0" + s
	}
	if numAfter {
		s += "0"
	}
	n := normalizeString(s)
	ok := true
	if numBefore {
		n, ok = strings.CutPrefix(n, "0")
	}
	if ok && numAfter {
		n, ok = strings.CutSuffix(n, "0")
	}
	if !ok {
		return normalizeString(lit)
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// match verifies the pattern around an occurrence of its anchor ending at
// byte end of t. It returns the span and writes the numbers into nums
// (len(nums) >= p.nums).
func (p *pattern) match(t string, end int, nums []float64) (start, stop int, ok bool) {
	as := end - len(p.parts[p.anchor].lit)
	start, ok = p.back(t, p.anchor-1, as, nums)
	if !ok {
		return 0, 0, false
	}
	stop, ok = p.fwd(t, p.anchor+1, end, nums)
	return start, stop, ok
}

// fwd matches parts[j:] from byte pos and returns where they end; gaps
// take the fewest runes that let the rest match.
func (p *pattern) fwd(t string, j, pos int, nums []float64) (int, bool) {
	if j == len(p.parts) {
		return pos, true
	}
	q := &p.parts[j]
	switch q.kind {
	case rules.Literal:
		if !strings.HasPrefix(t[pos:], q.lit) {
			return 0, false
		}
		return p.fwd(t, j+1, pos+len(q.lit), nums)
	case rules.Number:
		if pos > 0 && (isDigit(t[pos-1]) || t[pos-1] == '.') {
			return 0, false // inside a number
		}
		e := numberEnd(t, pos)
		if e == pos {
			return 0, false
		}
		v, ok := parseNumber(t[pos:e])
		if !ok {
			return 0, false
		}
		nums[q.num] = v
		return p.fwd(t, j+1, e, nums)
	default: // gap
		if j+1 < len(p.parts) && p.parts[j+1].kind == rules.Literal {
			// The literal after the gap starts within its reach, or no
			// length of the gap will do: one search instead of many.
			lit := p.parts[j+1].lit
			if !strings.Contains(t[pos:pos+gapReach(len(t)-pos, q.max, len(lit))], lit) {
				return 0, false
			}
		}
		for g := 0; ; g++ {
			if e, ok := p.fwd(t, j+1, pos, nums); ok {
				return e, true
			}
			if g == q.max || pos == len(t) {
				return 0, false
			}
			_, size := utf8.DecodeRuneInString(t[pos:])
			pos += size
		}
	}
}

// back matches parts[:j+1] backwards, the last ending at byte pos, and
// returns where the first begins.
func (p *pattern) back(t string, j, pos int, nums []float64) (int, bool) {
	if j < 0 {
		return pos, true
	}
	q := &p.parts[j]
	switch q.kind {
	case rules.Literal:
		if !strings.HasSuffix(t[:pos], q.lit) {
			return 0, false
		}
		return p.back(t, j-1, pos-len(q.lit), nums)
	case rules.Number:
		if pos < len(t) && isDigit(t[pos]) {
			return 0, false
		}
		s := numberStart(t, pos)
		if s == pos {
			return 0, false
		}
		v, ok := parseNumber(t[s:pos])
		if !ok {
			return 0, false
		}
		nums[q.num] = v
		return p.back(t, j-1, s, nums)
	default: // gap
		if j > 0 && p.parts[j-1].kind == rules.Literal {
			lit := p.parts[j-1].lit // as in fwd
			if !strings.Contains(t[pos-gapReach(pos, q.max, len(lit)):pos], lit) {
				return 0, false
			}
		}
		for g := 0; ; g++ {
			if s, ok := p.back(t, j-1, pos, nums); ok {
				return s, true
			}
			if g == q.max || pos == 0 {
				return 0, false
			}
			_, size := utf8.DecodeLastRuneInString(t[:pos])
			pos -= size
		}
	}
}

// gapReach returns how many bytes, of the avail there are, a gap of at
// most maxRunes runes and the literal of litLen bytes next to it can
// span.
func gapReach(avail, maxRunes, litLen int) int {
	if maxRunes > avail {
		return avail
	}
	return min(avail, maxRunes*utf8.UTFMax+litLen)
}

// pow10f holds the powers of ten that float64 represents exactly.
var pow10f = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseNumber returns the value of a number as numberEnd delimits it:
// digits with at most one '.'. It equals strconv.ParseFloat's: with at
// most 15 digits the digits as an integer and the power of ten are both
// exact, so one division rounds correctly (strconv's own fast path);
// longer numbers go to strconv.
func parseNumber(s string) (float64, bool) {
	var m uint64
	digits, frac := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' && frac < 0 {
			frac = 0
			continue
		}
		if !isDigit(c) || digits == 15 {
			v, err := strconv.ParseFloat(s, 64)
			return v, err == nil
		}
		m = m*10 + uint64(c-'0')
		digits++
		if frac >= 0 {
			frac++
		}
	}
	if digits == 0 {
		return 0, false
	}
	v := float64(m)
	if frac > 0 {
		v /= pow10f[frac]
	}
	return v, true
}

// numberEnd returns the end of the number starting at pos: ASCII digits
// with at most one '.' between digits; pos when there is none.
func numberEnd(t string, pos int) int {
	i := pos
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	if i == pos {
		return pos
	}
	if i+1 < len(t) && t[i] == '.' && isDigit(t[i+1]) {
		i++
		for i < len(t) && isDigit(t[i]) {
			i++
		}
	}
	return i
}

// numberStart is numberEnd backwards: the start of the number ending at
// pos.
func numberStart(t string, pos int) int {
	i := pos
	for i > 0 && isDigit(t[i-1]) {
		i--
	}
	if i == pos {
		return pos
	}
	if i >= 2 && t[i-1] == '.' && isDigit(t[i-2]) {
		i--
		for i > 0 && isDigit(t[i-1]) {
			i--
		}
	}
	return i
}
