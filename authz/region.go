package authz

// National is the region code of the whole country: a regulator token
// with it sees every region.
const National = "000000"

// ValidRegion reports whether code is a 6-digit administrative division
// code (GB/T 2260): two digits of province, two of city, two of county.
// Province 00 exists only as National.
func ValidRegion(code string) bool {
	if len(code) != 6 {
		return false
	}
	for i := range len(code) {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return code[:2] != "00" || code == National
}

// Covers reports whether region a contains region b (or is b): National
// covers all; a province XX0000 covers every XX****; a city XXYY00 covers
// every XXYY**; a county only itself. A code that is not valid covers
// nothing and is covered by nothing.
func Covers(a, b string) bool {
	if !ValidRegion(a) || !ValidRegion(b) {
		return false
	}
	switch {
	case a == National:
		return true
	case a[2:] == "0000":
		return b[:2] == a[:2]
	case a[4:] == "00":
		return b[:4] == a[:4]
	}
	return a == b
}
