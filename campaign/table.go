package campaign

// u64table is an open-addressing hash table from non-zero uint64 keys to
// uint64 values: linear probing in one flat array, backward-shift
// deletion, doubling at 5/8 load. The streaming layer's LSH band table
// and exact-text cache are large (millions of keys) and touched a dozen
// times per new text; one array of 16-byte slots costs about one cache
// miss per probe, half what a general map costs.
type u64table struct {
	slots []slot64
	n     int
	mask  uint64
	sink  uint64 // keeps touch's loads from being optimised away
}

type slot64 struct {
	k, v uint64 // k == 0: empty
}

func newTable(size int) u64table {
	n := 16
	for n < size {
		n <<= 1
	}
	return u64table{slots: make([]slot64, n), mask: uint64(n - 1)}
}

// Keys are hashes already; 0 is reserved for empty slots.
func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// get returns the value of k.
func (t *u64table) get(k uint64) (uint64, bool) {
	k = fixKey(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.k == k {
			return s.v, true
		}
		if s.k == 0 {
			return 0, false
		}
	}
}

// touch loads the home slot of each key before the lookups that follow:
// the loads do not depend on each other, so the processor overlaps their
// cache misses instead of taking them one after another inside find.
func (t *u64table) touch(keys []uint64) {
	var x uint64
	for _, k := range keys {
		x |= t.slots[fixKey(k)&t.mask].k
	}
	t.sink = x
}

// find returns the value of k, or the slot where k would go.
func (t *u64table) find(k uint64) (v uint64, ok bool, at int) {
	k = fixKey(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.k == k {
			return s.v, true, int(i)
		}
		if s.k == 0 {
			return 0, false, int(i)
		}
	}
}

// reserve makes room for n more keys without growing.
func (t *u64table) reserve(n int) {
	for (t.n+n)*8 > len(t.slots)*5 {
		t.grow()
	}
}

// putAt sets absent key k to v at slot at (from find, with no grow in
// between; if the slot was taken since, it probes again).
func (t *u64table) putAt(at int, k, v uint64) bool {
	k = fixKey(k)
	if s := &t.slots[at]; s.k == 0 {
		s.k, s.v = k, v
		t.n++
		return true
	}
	return t.putNew(k, v)
}

// putNew sets k to v if k is absent and reports whether it did.
func (t *u64table) putNew(k, v uint64) bool {
	if (t.n+1)*8 > len(t.slots)*5 {
		t.grow()
	}
	k = fixKey(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.k == k {
			return false
		}
		if s.k == 0 {
			s.k, s.v = k, v
			t.n++
			return true
		}
	}
}

// del removes k if its value is v.
func (t *u64table) del(k, v uint64) {
	k = fixKey(k)
	i := k & t.mask
	for {
		s := &t.slots[i]
		if s.k == 0 {
			return
		}
		if s.k == k {
			if s.v != v {
				return
			}
			break
		}
		i = (i + 1) & t.mask
	}
	// backward-shift: move later entries of the run into the hole
	j := i
	for {
		j = (j + 1) & t.mask
		s := t.slots[j]
		if s.k == 0 {
			break
		}
		home := s.k & t.mask
		// s may move to i if its home is not in (i, j] cyclically
		if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
			t.slots[i] = s
			i = j
		}
	}
	t.slots[i] = slot64{}
	t.n--
}

func (t *u64table) grow() {
	old := t.slots
	*t = newTable(len(old) * 2)
	for _, s := range old {
		if s.k != 0 {
			for i := s.k & t.mask; ; i = (i + 1) & t.mask {
				if t.slots[i].k == 0 {
					t.slots[i] = s
					t.n++
					break
				}
			}
		}
	}
}

// add adds delta to the count of k (made on first sight) and drops k
// when its count reaches zero.
func (t *u64table) add(k uint64, delta int64) {
	v, ok, at := t.find(k)
	switch {
	case !ok && delta > 0:
		t.reserve(1)
		t.putNew(k, uint64(delta))
	case ok && int64(v)+delta <= 0:
		t.del(k, v)
	case ok:
		t.slots[at].v = uint64(int64(v) + delta)
	}
}

// count returns the count of k (0 when absent).
func (t *u64table) count(k uint64) int64 {
	v, _ := t.get(k)
	return int64(v)
}

// len returns the number of keys.
func (t *u64table) len() int { return t.n }
