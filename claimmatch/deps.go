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

// plainRunes returns the set of runes that textnorm writes as they are
// and by themselves (textnorm.Plain), one bit a rune: 8 KiB that stay in
// the cache, beside the automaton's own symbol table.
func plainRunes() *[0x10000 / 64]uint64 { return textnorm.PlainSet() }
