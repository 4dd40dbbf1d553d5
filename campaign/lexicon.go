package campaign

import "unicode/utf8"

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

func newLexicon(terms ...string) *lexicon {
	if lexicons == 16 {
		panic("campaign: too many lexicons")
	}
	l := &lexicon{bit: 1 << lexicons, byFirst: make(map[rune][]string)}
	lexicons++
	for _, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		l.byFirst[r] = append(l.byFirst[r], t)
		if r < 0x10000 {
			firstRunes[r] |= l.bit
		}
	}
	return l
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
