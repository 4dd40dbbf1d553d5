package campaign

// signature is the MinHash signature of a shingle set: for each of
// minhashK hash functions, the least hash over the set.
type signature [minhashK]uint32

// minhash parameters: hash k of shingle x is the high 32 bits of
// x*mhA[k] + mhB[k] (multiply-shift; mhA odd), fixed so that signatures
// are the same in every process.
var mhA, mhB [minhashK]uint64

func init() {
	s := uint64(0x9e3779b97f4a7c15)
	for k := range minhashK {
		s += 0x9e3779b97f4a7c15
		mhA[k] = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		mhB[k] = mix64(s)
	}
}

// minhash computes the signature of a non-empty shingle set.
func minhash(sh []uint32, sig *signature) {
	for k := range sig {
		sig[k] = ^uint32(0)
	}
	for _, x := range sh {
		v := uint64(x)
		for k := range minhashK {
			if h := uint32((v*mhA[k] + mhB[k]) >> 32); h < sig[k] {
				sig[k] = h
			}
		}
	}
}

// bandKeys writes the LSH key of each band of sig: lshRows hashes mixed
// with the band's number.
func bandKeys(sig *signature, keys *[lshBands]uint64) {
	for b := range lshBands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := range lshRows {
			h = mix64(h ^ uint64(sig[b*lshRows+r]))
		}
		keys[b] = h
	}
}
