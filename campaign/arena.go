package campaign

import (
	"strings"
	"unsafe"
)

// arena copies the strings the detector keeps (ids, addresses, devices,
// sample texts) into shared 64 KiB chunks: one allocation per chunk
// instead of one per string. A chunk is freed by the garbage collector
// once no kept string points into it, so evicted state is reclaimed
// (a chunk may outlive most of its strings: at worst a constant factor
// of the live strings).
type arena struct{ buf []byte }

const arenaChunk = 64 << 10

// clone returns a copy of s that does not share s's memory.
func (ar *arena) clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > arenaChunk/16 {
		return strings.Clone(s)
	}
	if cap(ar.buf)-len(ar.buf) < len(s) {
		ar.buf = make([]byte, 0, arenaChunk)
	}
	i := len(ar.buf)
	ar.buf = append(ar.buf, s...)
	return unsafe.String(&ar.buf[i], len(s))
}

// slab hands out small slices carved from shared chunks (capacity
// capped, so appending past it reallocates instead of overwriting a
// neighbour).
type slab[T any] struct{ buf []T }

const slabChunk = 16 << 10

// take returns a slice of length n.
func (s *slab[T]) take(n int) []T {
	if n > slabChunk/16 {
		return make([]T, n)
	}
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, slabChunk)
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i+n : i+n]
}

// copyOf returns a copy of v carved from the slab.
func (s *slab[T]) copyOf(v []T) []T {
	out := s.take(len(v))
	copy(out, v)
	return out
}

// pages is a growable array that never moves its elements: appending
// adds a page instead of copying the whole array, so that pointers stay
// valid and growth costs nothing on the streaming path.
type pages[T any] struct {
	p [][]T
	n int
}

const pageBits = 12

// at returns element i.
func (s *pages[T]) at(i uint32) *T { return &s.p[i>>pageBits][i&(1<<pageBits-1)] }

// add appends a zero element and returns its index.
func (s *pages[T]) add() uint32 {
	if s.n == len(s.p)<<pageBits {
		s.p = append(s.p, make([]T, 1<<pageBits))
	}
	s.n++
	return uint32(s.n - 1)
}

// len returns the number of elements.
func (s *pages[T]) len() int { return s.n }
