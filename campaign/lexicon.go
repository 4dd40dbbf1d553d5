package campaign

import (
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang/textnorm"
)

// lexicon is a list of terms matched as substrings of a normalised text.
// Matching walks the text once: a table of first runes (bit per lexicon)
// skips the runes no term starts with, and only the few terms starting
// with a rune are compared there.
type lexicon struct {
	bit     uint16
	byFirst map[rune][]string
}

// firstRunes holds, per BMP rune, the bits of the lexicons that have a
// term starting with it.
var (
	firstRunes [0x10000]uint16
	lexicons   int
)

// newLexicon makes a lexicon of terms matched in masked texts: each term
// is read as the texts are, normalised and its numbers masked (一直用 →
// 1直用 → #直用, since textnorm reads a numeral inside a word as a
// number; 痘痘没 → 痘没), so that a term written as people write it
// matches. A # in a term stands for a masked number already.
func newLexicon(terms ...string) *lexicon { return makeLexicon(true, terms) }

// newPlainLexicon makes a lexicon of terms matched in normalised texts
// whose numbers are not masked (扣一波 → 扣1波).
func newPlainLexicon(terms ...string) *lexicon { return makeLexicon(false, terms) }

func makeLexicon(mask bool, terms []string) *lexicon {
	if lexicons == 16 {
		panic("campaign: too many lexicons")
	}
	l := &lexicon{bit: 1 << lexicons, byFirst: make(map[rune][]string)}
	lexicons++
	for _, t := range terms {
		t = readTerm(t, mask)
		r, _ := utf8.DecodeRuneInString(t)
		l.byFirst[r] = append(l.byFirst[r], t)
		if r < 0x10000 {
			firstRunes[r] |= l.bit
		}
	}
	return l
}

// readTerm normalises term, and masks its numbers when mask is set,
// keeping the # of a masked number.
func readTerm(term string, mask bool) string {
	parts := strings.Split(term, string(numMask))
	for i, p := range parts {
		p = textnorm.Normalize(p).Norm
		if mask {
			runes, _ := maskNumbers(p, nil, nil)
			p = string(runes)
		}
		parts[i] = p
	}
	return strings.Join(parts, string(numMask))
}

// in reports whether one of the terms occurs in s.
func (l *lexicon) in(s string) bool {
	for i, r := range s {
		if r < 0x10000 && firstRunes[r]&l.bit == 0 {
			continue
		}
		for _, t := range l.byFirst[r] {
			if len(s)-i >= len(t) && s[i:i+len(t)] == t {
				return true
			}
		}
	}
	return false
}
