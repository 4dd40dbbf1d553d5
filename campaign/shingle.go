package campaign

import "slices"

// shingles appends to out the distinct character 2-gram shingles of a
// masked text, hashed to 32 bits and sorted; a one-rune text gives one
// unigram shingle. At most maxShingles are taken (from the start).
func shingles(runes []rune, out []uint32) []uint32 {
	out = out[:0]
	switch len(runes) {
	case 0:
		return out
	case 1:
		return append(out, mix32(uint64(runes[0])<<21|0x1fffff))
	}
	for i := 0; i+1 < len(runes) && len(out) < maxShingles; i++ {
		out = append(out, mix32(uint64(runes[i])<<21|uint64(runes[i+1])))
	}
	if len(out) <= 24 {
		insertionSort(out)
	} else {
		slices.Sort(out)
	}
	return slices.Compact(out)
}

func insertionSort(a []uint32) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i
		for j > 0 && a[j-1] > v {
			a[j] = a[j-1]
			j--
		}
		a[j] = v
	}
}

// jaccard is the Jaccard similarity of two sorted sets of distinct
// shingles.
func jaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// mix64 is the splitmix64 finaliser: a fast, well-mixing 64-bit hash.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func mix32(x uint64) uint32 { return uint32(mix64(x) >> 32) }

// hashString is FNV-1a of s, mixed.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}
