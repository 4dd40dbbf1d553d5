package claimmatch

import (
	"cmp"
	"slices"
)

// A Scanner scans texts with a Matcher, reusing its buffers. It is not
// safe for concurrent use: hold one per goroutine.
type Scanner struct {
	m     *Matcher
	norm  *normalizer
	hits  []hit
	cands []cand
	excs  []hit     // occurrences of exception keywords
	nums  []float64 // numbers of candidates, cand.num indexes it
	tmp   []float64 // numbers of the pattern being verified
}

// cand is a candidate match of rule in the normalised text [s, e).
type cand struct {
	rule       int32
	s, e       int32
	num, nnums int32
}

// NewScanner returns a Scanner of m.
func (m *Matcher) NewScanner() *Scanner {
	return &Scanner{m: m, norm: newNormalizer(), tmp: make([]float64, m.maxNums)}
}

// Scan appends the matches of text to out and returns the extended slice;
// pass out[:0] to reuse it. The appended matches are in order of Start
// (then rule id); per rule they do not overlap (leftmost-longest). When
// nothing matches, Scan does not allocate.
func (s *Scanner) Scan(text string, ctx Context, out []Match) []Match {
	if text == "" {
		return out
	}
	m := s.m
	t := s.norm.Normalize(text)
	norm := t.Norm
	s.hits = m.ac.find(norm, s.hits[:0])
	if len(s.hits) == 0 {
		return out
	}
	sc := resolve(ctx)
	s.cands, s.excs, s.nums = s.cands[:0], s.excs[:0], s.nums[:0]
	for _, h := range s.hits {
		if m.isExc[h.kw] {
			s.excs = append(s.excs, h)
		}
		for _, u := range m.uses[m.useOff[h.kw]:m.useOff[h.kw+1]] {
			if !sc.applies(&m.rules[u.rule]) {
				continue
			}
			switch u.kind {
			case useTerm:
				s.cands = append(s.cands, cand{rule: u.rule, s: h.end - m.ac.kwLen[h.kw], e: h.end})
			case useAnchor:
				p := m.patterns[u.pat]
				start, stop, ok := p.match(norm, int(h.end), s.tmp)
				if ok {
					s.cands = append(s.cands, cand{rule: u.rule, s: int32(start), e: int32(stop),
						num: int32(len(s.nums)), nnums: int32(p.nums)})
					s.nums = append(s.nums, s.tmp[:p.nums]...)
				}
			}
		}
	}
	if len(s.cands) == 0 {
		return out
	}

	// Drop candidates inside an exception of their rule.
	if len(s.excs) > 0 {
		kept := s.cands[:0]
		for _, c := range s.cands {
			if !s.excepted(c) {
				kept = append(kept, c)
			}
		}
		s.cands = kept
	}

	// Leftmost-longest per rule.
	slices.SortFunc(s.cands, func(a, b cand) int {
		if a.rule != b.rule {
			return cmp.Compare(a.rule, b.rule)
		}
		if a.s != b.s {
			return cmp.Compare(a.s, b.s)
		}
		return cmp.Compare(b.e, a.e)
	})
	first := len(out)
	last, lastEnd := int32(-1), int32(0)
	for _, c := range s.cands {
		if c.rule == last && c.s < lastEnd {
			continue
		}
		last, lastEnd = c.rule, c.e
		os, oe := t.Span(int(c.s), int(c.e))
		mt := Match{RuleID: m.rules[c.rule].id, Start: os, End: oe,
			NormStart: int(c.s), NormEnd: int(c.e), Text: text[os:oe]}
		if c.nnums > 0 {
			mt.Numbers = slices.Clone(s.nums[c.num : c.num+c.nnums])
		}
		out = append(out, mt)
	}
	slices.SortFunc(out[first:], func(a, b Match) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		if a.RuleID != b.RuleID {
			return cmp.Compare(a.RuleID, b.RuleID)
		}
		return cmp.Compare(a.End, b.End)
	})
	return out
}

// excepted reports whether c lies within an occurrence of one of its
// rule's exceptions.
func (s *Scanner) excepted(c cand) bool {
	excKw := s.m.rules[c.rule].excKw
	if len(excKw) == 0 {
		return false
	}
	for _, x := range s.excs {
		if x.end >= c.e && x.end-s.m.ac.kwLen[x.kw] <= c.s {
			if _, ok := slices.BinarySearch(excKw, x.kw); ok {
				return true
			}
		}
	}
	return false
}
