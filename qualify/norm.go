package qualify

import (
	"strings"
	"unicode"
)

// Normalize trims s, turns full-width ASCII forms (U+FF01–U+FF5E) and the
// ideographic space into their half-width forms, and upper-cases ASCII
// letters. Other characters (Chinese prefixes such as 国食健注) are kept.
func Normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// removeSpace drops every white-space character of s.
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Verdict is the outcome of an identifier check.
type Verdict string

// Verdicts.
const (
	// VerdictValid: the identifier is well formed and passes its checks.
	VerdictValid Verdict = "valid"
	// VerdictVerifyByHand: well formed, but a check failed that some real
	// identifiers fail too (the USCC checksum); a person must look.
	VerdictVerifyByHand Verdict = "verify_by_hand"
	// VerdictInvalid: well formed, but a check failed that every real
	// identifier passes (the resident ID check digit, the birth date).
	VerdictInvalid Verdict = "invalid"
	// VerdictMalformed: not an identifier of this kind at all (length,
	// characters).
	VerdictMalformed Verdict = "malformed"
)
