package claimmatch

import (
	"cmp"
	"slices"
	"strings"
)

// A Scanner scans texts with a Matcher, reusing its buffers. It is not
// safe for concurrent use: hold one per goroutine.
type Scanner struct {
	m      *Matcher
	stream stream      // the normaliser's runes that are not plain
	norm   *normalizer // the normalised text and its offsets, when a hit needs them
	t      *text       // the current text normalised, nil until needed
	sc     scope       // the last context resolved
	scOK   bool        // sc is set
	hits   []hit
	cands  []cand
	excs   []hit     // occurrences of exception keywords
	nums   []float64 // numbers of candidates, cand.num indexes it
	tmp    []float64 // numbers of the pattern being verified
	slab   []float64 // Match.Numbers are cut from it (see numbers)
	// ghits are the guard words found in the normalised text, once the
	// first guarded candidate needs them (ghitsOK); starts are the segment
	// starts of the text being scanned (ScanSegments).
	ghits   []hit
	ghitsOK bool
	starts  []int
	gcands  []cand      // candidates a guard holds around
	marks   []markAfter // clause ends after matches, once computed
	// decisions are the guards' decisions of the scan, by span and list.
	decisions []guardDecision
	// Literals of heavy anchors (Matcher.lac) in the current text: the
	// first few looked up alone (looked, in order of asking), then all of
	// them found by one pass of lac (lOK), after which lstamp[id] == lgen
	// when literal id is in the text.
	looked  []literalSeen
	runes   runeMask // the runes of the normalised text, once runesOK
	runesOK bool
	lstamp  []uint32
	lgen    uint32
	lOK     bool
	lhits   []hit
	// same: the text being scanned is its own normalisation (find).
	same bool
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
//
// The normalised text is streamed into the automaton, without its
// offsets; most texts end there, with no hit. Only a hit that needs them
// (a pattern's anchor to verify, a match to map back) normalises the
// text again, with offsets: both passes yield the same normalised text.
// A text the stream saw to be its own normalisation (every rune plain,
// none collapsed) is not normalised again: its offsets map every byte to
// itself.
func (s *Scanner) Scan(text string, ctx Context, out []Match) []Match {
	return s.ScanSegments(text, nil, ctx, out)
}

// ScanSegments is Scan over a text joined from segments, such as a room's
// recent speech segments: starts are the byte offsets in text where each
// segment after the first begins, in increasing order. A match may span
// segments; the context of a guard (rules.Guard) never does, as though
// each segment ended a clause. Scan is ScanSegments with no starts.
func (s *Scanner) ScanSegments(text string, starts []int, ctx Context, out []Match) []Match {
	if text == "" {
		return out
	}
	s.starts = starts
	s.hits = s.find(text, s.hits[:0])
	if len(s.hits) == 0 {
		return out
	}
	s.t = nil
	return s.collect(text, ctx, out)
}

// normalized returns the text being scanned normalised, with offsets,
// normalising it on first use.
func (s *Scanner) normalized(orig string) *text {
	if s.t == nil {
		if s.same {
			s.t = s.norm.Unchanged(orig)
		} else {
			s.t = s.norm.Normalize(orig)
		}
	}
	return s.t
}

// collect turns the automaton's hits on text into matches appended to
// out: scope, pattern verification, exceptions, context guards,
// leftmost-longest, and the spans mapped back to text.
func (s *Scanner) collect(text string, ctx Context, out []Match) []Match {
	m := s.m
	if !s.scOK || s.sc.in != ctx {
		s.sc, s.scOK = resolve(ctx), true
	}
	sc := &s.sc
	grouped := sc.catBit >= 0 && sc.whereBit != -1 // admits reads the masks only
	s.cands, s.excs, s.nums = s.cands[:0], s.excs[:0], s.nums[:0]
	s.ghitsOK, s.marks, s.decisions = false, s.marks[:0], s.decisions[:0]
	s.lOK, s.looked, s.runesOK = false, s.looked[:0], false
	for _, h := range s.hits {
		ks := m.kwScope[h.kw]
		if ks&(sc.bit|excBit) == 0 && sc.bit != 0 {
			continue // no use in scope, no exception
		}
		if ks&excBit != 0 {
			s.excs = append(s.excs, h)
		}
		// The keyword's uses come in runs of one scope (groupByScope):
		// when the scope is decided by the masks alone, one look decides
		// a whole run.
		uses := m.uses
		for k, hi := m.useOff[h.kw], m.useOff[h.kw+1]; k < hi; {
			end := k + 1
			if grouped {
				end = uses[k].run
			}
			if !sc.admits(&uses[k], m.rules) {
				k = end
				continue
			}
			for ; k < end; k++ {
				u := &uses[k]
				switch u.kind {
				case useTerm:
					s.cands = append(s.cands, cand{rule: u.rule, s: h.end - m.ac.kwLen[h.kw], e: h.end})
				case useAnchor:
					if u.need >= 0 && !s.hasLiteral(text, u.need) {
						continue
					}
					p := m.patterns[u.pat]
					if !p.runes.within(s.textRunes(text)) {
						continue // a rune of its literals is not in the text
					}
					if len(p.needs) > 1 && !s.hasLiterals(text, p.needs) {
						continue
					}
					start, stop, ok := p.match(s.normalized(text).Norm, int(h.end), s.tmp)
					if ok {
						s.cands = append(s.cands, cand{rule: u.rule, s: int32(start), e: int32(stop),
							num: int32(len(s.nums)), nnums: int32(p.nums)})
						s.nums = append(s.nums, s.tmp[:p.nums]...)
					}
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
		if len(s.cands) == 0 {
			return out
		}
	}

	// Drop candidates that a guard of their rule holds around, and those
	// that lie within such a candidate of their rule ("不是国药准字" denies
	// 药准字 too).
	if m.gac != nil {
		s.gcands = s.gcands[:0]
		kept := s.cands[:0]
		for _, c := range s.cands {
			if len(m.rules[c.rule].guards) > 0 && s.guarded(c, s.normalized(text)) {
				s.gcands = append(s.gcands, c)
			} else {
				kept = append(kept, c)
			}
		}
		s.cands = kept
		if len(s.gcands) > 0 {
			s.cands = slices.DeleteFunc(s.cands, func(c cand) bool {
				return slices.ContainsFunc(s.gcands, func(g cand) bool { return g.rule == c.rule && g.s <= c.s && c.e <= g.e })
			})
		}
		if len(s.cands) == 0 {
			return out
		}
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
	t := s.normalized(text)
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
			mt.Numbers = s.numbers(s.nums[c.num : c.num+c.nnums])
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

// slabSize is how many numbers a slab of Match.Numbers holds.
const slabSize = 256

// numbers returns a copy of v for a Match, cut from a slab so that most
// matches with numbers do not allocate. A region of the slab is handed
// out once and never written again, and its capacity ends with it, so
// that appending to it copies.
func (s *Scanner) numbers(v []float64) []float64 {
	if cap(s.slab)-len(s.slab) < len(v) {
		s.slab = make([]float64, 0, max(slabSize, len(v)))
	}
	i := len(s.slab)
	s.slab = append(s.slab, v...)
	return s.slab[i:len(s.slab):len(s.slab)]
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

// hasLiterals reports whether the literals ids (Matcher.lac) all occur in
// the normalised text.
func (s *Scanner) hasLiterals(text string, ids []int32) bool {
	for _, id := range ids {
		if !s.hasLiteral(text, id) {
			return false
		}
	}
	return true
}

// hasLiteral reports whether literal id (Matcher.lac) occurs in the
// normalised text. A literal with a rune the text lacks (runeMask) is
// not looked for; the first lazyLiterals others a text needs are looked
// up alone and remembered in a short list; past them, one pass of lac
// finds them all.
func (s *Scanner) hasLiteral(text string, id int32) bool {
	if s.lOK {
		return s.lstamp[id] == s.lgen
	}
	if !s.m.litRunes[id].within(s.textRunes(text)) {
		return false // a rune of it is not in the text
	}
	for _, l := range s.looked {
		if l.id == id {
			return l.in
		}
	}
	if len(s.looked) < lazyLiterals {
		in := strings.Contains(s.normalized(text).Norm, s.m.lits[id])
		s.looked = append(s.looked, literalSeen{id, in})
		return in
	}
	if len(s.lstamp) == 0 {
		s.lstamp = make([]uint32, len(s.m.lits))
	}
	s.lgen++
	if s.lgen == 0 { // wrapped: old stamps could read as current
		clear(s.lstamp)
		s.lgen = 1
	}
	s.lhits = s.m.lac.find(s.normalized(text).Norm, s.lhits[:0])
	for _, h := range s.lhits {
		s.lstamp[h.kw] = s.lgen
	}
	s.lOK = true
	return s.lstamp[id] == s.lgen
}

// textRunes returns the rune mask of the normalised text.
func (s *Scanner) textRunes(text string) *runeMask {
	if !s.runesOK {
		s.runes = runeMask{}
		s.runes.add(s.normalized(text).Norm)
		s.runesOK = true
	}
	return &s.runes
}

// literalSeen is a literal of a heavy anchor looked up alone, and whether
// the text holds it.
type literalSeen struct {
	id int32
	in bool
}

// lazyLiterals is how many literals of heavy anchors a text looks up one
// by one before a pass of Matcher.lac finds them all.
const lazyLiterals = 16
