package claimmatch

import "github.com/qinglang/qinglang/textnorm"

// The matcher normalises with package textnorm; these names keep the
// dependency in one place.
type (
	text       = textnorm.Text
	normalizer = textnorm.Normalizer
	// stream yields the runes of a normalised text without its offsets.
	stream = textnorm.Stream
)

func newNormalizer() *normalizer { return new(textnorm.Normalizer) }

// normalizeString normalises a term, an exception or a pattern literal
// exactly as Scan normalises texts.
func normalizeString(s string) string { return textnorm.Normalize(s).Norm }

// plainSyms returns, for each rune r below U+10000, 1 + the symbol of
// r in a when textnorm writes r as it is and by itself (textnorm.Plain),
// and 0 when it does not: one load tells find both.
func plainSyms(a *automaton) *[0x10000]uint16 {
	t := new([0x10000]uint16)
	for r := rune(0x800); r < 0x10000; r++ {
		if textnorm.Plain(r) {
			t[r] = a.symLow[r] + 1 // symbols are below 0xFFFF
		}
	}
	return t
}
