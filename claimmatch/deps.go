package claimmatch

import "github.com/qinglang/qinglang/textnorm"

// The matcher normalises with package textnorm; these names keep the
// dependency in one place.
type (
	text       = textnorm.Text
	normalizer = textnorm.Normalizer
)

func newNormalizer() *normalizer { return new(textnorm.Normalizer) }

// normalizeString normalises a term, an exception or a pattern literal
// exactly as Scan normalises texts.
func normalizeString(s string) string { return textnorm.Normalize(s).Norm }
