package campaign

// kv is a key with a payload, sorted by key.
type kv struct {
	k uint64
	v uint64
}

// sortKV sorts a by key (LSD radix sort, 16 bits a pass, stable), using
// tmp (grown as needed) as scratch; it returns the sorted slice, which is
// a or tmp. Passes over bytes that are equal in every key are skipped.
func sortKV(a, tmp []kv) []kv {
	if len(a) < 2 {
		return a
	}
	if cap(tmp) < len(a) {
		tmp = make([]kv, len(a))
	}
	tmp = tmp[:len(a)]
	var or, and uint64 = 0, ^uint64(0)
	for _, x := range a {
		or |= x.k
		and &= x.k
	}
	var count [1 << 16]int
	src, dst := a, tmp
	for shift := uint(0); shift < 64; shift += 16 {
		if (or^and)>>shift&0xffff == 0 {
			continue
		}
		clear(count[:])
		for _, x := range src {
			count[x.k>>shift&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range src {
			b := x.k >> shift & 0xffff
			dst[count[b]] = x
			count[b]++
		}
		src, dst = dst, src
	}
	return src
}
