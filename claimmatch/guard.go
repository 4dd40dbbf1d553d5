package claimmatch

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// Context guards (rules.Guard) are checked only on candidates: a text
// without a hit never looks at them. Their words are the keywords of a
// second, small automaton, run once over the normalised text of a scan
// when the first candidate of a guarded rule needs it, and only when a rune
// within the windows around the candidate may end or start one of its
// guards' words (wordsNear). Clause breaks and segment boundaries are
// looked up in the original text through the normalised text's offsets;
// the clause end after a match and each decision are computed once per
// scan and shared by the rules that match the same span with the same
// guards.

// guardSet is a compiled rules.Guard.
type guardSet struct {
	before, after, unless []int32 // keywords of the guard automaton, sorted
	marks                 []rune  // not_before's clause punctuation marks
	wb, wa                int     // within_before, within_after
	aNotA                 bool    // rules.Guard.ANotA
	// last are the last runes of the before words, first the first runes
	// of the after words, sorted: a cheap test before the automaton runs.
	last, first []rune
}

// guardCompiler collects the guard sets of the rules being compiled.
type guardCompiler struct {
	keyID map[string]int32
	keys  []string
	sets  []guardSet
	setID map[string]int32 // a set's index by its content, to share it
}

// add compiles the guards of rule r and returns their indices.
func (gc *guardCompiler) add(r *rules.Rule) ([]int32, error) {
	gs, err := r.ContextGuards()
	if err != nil {
		return nil, err
	}
	var out []int32
	for _, g := range gs {
		k, err := gc.set(r.ID, g)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

func (gc *guardCompiler) set(id string, g rules.Guard) (int32, error) {
	if g.WithinBefore < 1 || g.WithinBefore > rules.MaxWithin || g.WithinAfter < 1 || g.WithinAfter > rules.MaxWithin {
		return 0, qinglang.Errorf(qinglang.EINVALID, "规则 %q：守卫窗口须为 1 到 %d 个字（within_before %d，within_after %d）",
			"rule %q: guard windows must be 1 to %d runes (within_before %d, within_after %d)", id, rules.MaxWithin, g.WithinBefore, g.WithinAfter)
	}
	key := fmt.Sprintf("%q|%q|%q|%d|%d|%v", g.NotAfter, g.NotBefore, g.Unless, g.WithinBefore, g.WithinAfter, g.ANotA)
	if k, ok := gc.setID[key]; ok {
		return k, nil
	}
	s := guardSet{wb: g.WithinBefore, wa: g.WithinAfter, aNotA: g.ANotA}
	var err error
	if s.before, _, err = gc.words(id, g.NotAfter, "not_after", false); err != nil {
		return 0, err
	}
	if s.after, s.marks, err = gc.words(id, g.NotBefore, "not_before", true); err != nil {
		return 0, err
	}
	if s.unless, _, err = gc.words(id, g.Unless, "unless", false); err != nil {
		return 0, err
	}
	for _, k := range s.before {
		r, _ := utf8.DecodeLastRuneInString(gc.keys[k])
		s.last = append(s.last, r)
	}
	for _, k := range s.after {
		r, _ := utf8.DecodeRuneInString(gc.keys[k])
		s.first = append(s.first, r)
	}
	slices.Sort(s.last)
	slices.Sort(s.first)
	s.last, s.first = slices.Compact(s.last), slices.Compact(s.first)
	k := int32(len(gc.sets))
	gc.sets = append(gc.sets, s)
	gc.setID[key] = k
	return k, nil
}

// words normalises a guard's list into keywords (sorted) and, where marks
// are allowed, clause punctuation marks.
func (gc *guardCompiler) words(id string, list []string, field string, marksOK bool) ([]int32, []rune, error) {
	var kws []int32
	var marks []rune
	for _, w := range list {
		if strings.Contains(w, "{@") {
			return nil, nil, unexpanded(id, w)
		}
		n := normalizeString(w)
		if n == "" {
			if r, ok := rules.ClauseMark(w); ok && marksOK {
				marks = append(marks, r)
				continue
			}
			return nil, nil, qinglang.Errorf(qinglang.EINVALID, "规则 %q：%s 的 %q 规范化后为空（只有 not_before 可单写一个断句标点）",
				"rule %q: %s word %q is empty once normalised (only not_before may hold a clause punctuation mark alone)", id, field, w)
		}
		k, ok := gc.keyID[n]
		if !ok {
			k = int32(len(gc.keys))
			gc.keyID[n] = k
			gc.keys = append(gc.keys, n)
		}
		kws = append(kws, k)
	}
	slices.Sort(kws)
	return slices.Compact(kws), marks, nil
}

// Roles of a guard word in a guard set, for Matcher.groles.
const (
	roleBefore = iota // not_after
	roleAfter         // not_before
	roleUnless
	nRoles
)

// guardRoles indexes, for each role, the guard sets in which each guard
// word has that role: the sets of word k are sets[off[k]:off[k+1]].
type guardRoles struct {
	off, sets []int32
}

// newGuardRoles builds the role index of sets over nkeys guard words.
func newGuardRoles(sets []guardSet, nkeys int) [nRoles]guardRoles {
	var out [nRoles]guardRoles
	for role := range nRoles {
		lists := make([][]int32, nkeys)
		for si := range sets {
			for _, k := range sets[si].words(role) {
				lists[k] = append(lists[k], int32(si))
			}
		}
		r := guardRoles{off: make([]int32, nkeys+1)}
		for k, l := range lists {
			r.sets = append(r.sets, l...)
			r.off[k+1] = int32(len(r.sets))
		}
		out[role] = r
	}
	return out
}

func (g *guardSet) words(role int) []int32 {
	switch role {
	case roleBefore:
		return g.before
	case roleAfter:
		return g.after
	}
	return g.unless
}

// of returns the sets in which guard word k has the role.
func (r *guardRoles) of(k int32) []int32 { return r.sets[r.off[k]:r.off[k+1]] }

// guardDecision is a guarded result for a span and a list of guards:
// rules with the same guards matching the same span share it.
type guardDecision struct {
	s, e, list int32
	held       bool
}

// guarded reports whether a guard of c's rule holds around c in t.
func (s *Scanner) guarded(c cand, t *text) bool {
	list := s.m.rules[c.rule].glist
	for _, d := range s.decisions {
		if d.s == c.s && d.e == c.e && d.list == list {
			return d.held
		}
	}
	held := s.decide(c, t)
	s.decisions = append(s.decisions, guardDecision{s: c.s, e: c.e, list: list, held: held})
	return held
}

// decide is guarded without the cache: one pass over the guard words
// found in t, for all of the rule's guards.
func (s *Scanner) decide(c cand, t *text) bool {
	m := s.m
	ri := &m.rules[c.rule]
	guards := ri.guards
	kwLen, norm := m.gac.kwLen, t.Norm
	cs, ce := int(c.s), int(c.e)
	if ri.aNotA && aNotA(norm, cs) {
		return true
	}
	if !s.wordsNear(norm, cs, ce, ri) {
		return s.endsWithAnyMark(c, t, guards)
	}
	if !s.ghitsOK {
		s.ghits = m.gac.find(norm, s.ghits[:0])
		s.ghitsOK = true
	}
	for _, h := range s.ghits {
		ge := int(h.end)
		gs := ge - int(kwLen[h.kw])
		var role int
		var gap string
		switch {
		case ge <= cs:
			role, gap = roleBefore, norm[ge:cs]
		case gs >= ce:
			role, gap = roleAfter, norm[ce:gs]
		default:
			continue // a guard word never overlaps the match
		}
		checked, clear := false, false
		for _, si := range m.groles[role].of(h.kw) {
			if !slices.Contains(guards, si) {
				continue
			}
			g := &m.gsets[si]
			w := g.wb
			if role == roleAfter {
				w = g.wa
			}
			if !within(gap, w) {
				continue
			}
			if !checked { // the same region for every set
				checked, clear = true, s.sameClause(t, role, cs, ce, gs, ge)
			}
			if clear && !s.unlessCovers(si, gs, ge) {
				return true
			}
		}
	}
	return s.endsWithAnyMark(c, t, guards)
}

// aNotA reports whether the match at byte cs of norm is the negative
// half of an A-not-A question: it starts with 不 or 没 and the rune before
// it is the one after the negation (会不会反弹, 有没有效果).
func aNotA(norm string, cs int) bool {
	if cs == 0 {
		return false
	}
	neg, n := utf8.DecodeRuneInString(norm[cs:])
	if neg != '不' && neg != '没' {
		return false
	}
	a, _ := utf8.DecodeRuneInString(norm[cs+n:])
	b, _ := utf8.DecodeLastRuneInString(norm[:cs])
	return a == b && a != utf8.RuneError
}

// endsWithAnyMark reports whether one of guards holds by a punctuation
// mark ending c's clause.
func (s *Scanner) endsWithAnyMark(c cand, t *text, guards []int32) bool {
	var mk markAfter
	done := false
	for _, si := range guards {
		g := &s.m.gsets[si]
		if len(g.marks) == 0 {
			continue
		}
		if !done {
			mk, done = s.markAfter(t, int(c.e)), true
		}
		if mk.gap >= 0 && mk.gap < g.wa && slices.Contains(g.marks, mk.r) {
			return true
		}
	}
	return false
}

// wordsNear reports whether a guard word of c's rule may lie around the
// match at [cs, ce) of norm: for one of its guards, one of the wb runes
// before the match ends one of its not_after words, or one of the wa runes
// after it starts one of its not_before words. When not, no guard word can
// hold, and the guard automaton need not run.
func (s *Scanner) wordsNear(norm string, cs, ce int, ri *ruleInfo) bool {
	var before, after [rules.MaxWithin]rune
	nb, na := 0, 0
	for i := cs; i > 0 && nb < ri.gwb; nb++ {
		r, size := utf8.DecodeLastRuneInString(norm[:i])
		before[nb] = r
		i -= size
	}
	for i := ce; i < len(norm) && na < ri.gwa; na++ {
		r, size := utf8.DecodeRuneInString(norm[i:])
		after[na] = r
		i += size
	}
	for _, si := range ri.guards {
		g := &s.m.gsets[si]
		for _, r := range before[:min(nb, g.wb)] {
			if _, ok := slices.BinarySearch(g.last, r); ok {
				return true
			}
		}
		for _, r := range after[:min(na, g.wa)] {
			if _, ok := slices.BinarySearch(g.first, r); ok {
				return true
			}
		}
	}
	return false
}

// sameClause reports whether the guard word at [gs, ge) of the
// normalised text lies in the clause of the match at [cs, ce): no clause
// break and no segment boundary in the original text between them.
func (s *Scanner) sameClause(t *text, role, cs, ce, gs, ge int) bool {
	if role == roleBefore {
		a, _ := t.Span(gs, gs)
		b, _ := t.Span(cs, cs)
		return !rules.ClauseBreakIn(t.Orig, a, b) && !s.segmentIn(a, b, false)
	}
	_, a := t.Span(cs, ce)
	_, b := t.Span(gs, ge)
	return !rules.ClauseBreakIn(t.Orig, a, b) && !s.segmentIn(a, b, true)
}

// markAfter is the first clause break after a match: its mark (folded,
// see rules.FoldMark) and how many normalised runes come between; gap is
// -1 when the clause runs past rules.MaxWithin runes, to the end of the
// text, or to a segment boundary first.
type markAfter struct {
	end int // the match's end in the normalised text
	r   rune
	gap int
}

// markAfter returns the first clause break after a match ending at byte
// ce of the normalised text, computed once per scan and end.
func (s *Scanner) markAfter(t *text, ce int) markAfter {
	for _, mk := range s.marks {
		if mk.end == ce {
			return mk
		}
	}
	mk := markAfter{end: ce, gap: -1}
	norm, orig := t.Norm, t.Orig
	_, a := t.Span(ce-1, ce)
	// The break must come before the MaxWithin-th normalised rune after
	// the match, and before the segment ends.
	limit, j := len(orig), ce
	for n := 0; j < len(norm); n++ {
		if n == rules.MaxWithin-1 {
			limit, _ = t.Span(j, j)
			break
		}
		_, size := utf8.DecodeRuneInString(norm[j:])
		j += size
	}
	for _, q := range s.starts {
		if q >= a && q < limit {
			limit = q
			break
		}
	}
	for k := a; k < limit; {
		r, size := utf8.DecodeRuneInString(orig[k:])
		if rules.IsClauseBreak(r) && rules.ClauseBreakIn(orig, k, k+size) {
			mk.r, mk.gap = rules.FoldMark(r), 0
			for j := ce; j < len(norm); mk.gap++ { // the normalised runes before the break
				if st, _ := t.Span(j, j); st >= k {
					break
				}
				_, size := utf8.DecodeRuneInString(norm[j:])
				j += size
			}
			break
		}
		k += size
	}
	s.marks = append(s.marks, mk)
	return mk
}

// segmentIn reports whether a segment boundary of the scan lies between
// original bytes a and b: a segment start q with a < q <= b, or with
// a <= q < b when after is set (the context follows the match, whose end
// is a).
func (s *Scanner) segmentIn(a, b int, after bool) bool {
	for _, q := range s.starts {
		if after && a <= q && q < b || !after && a < q && q <= b {
			return true
		}
	}
	return false
}

// unlessCovers reports whether the guard word at [gs, ge) lies within an
// occurrence of one of the unless words of guard set si.
func (s *Scanner) unlessCovers(si int32, gs, ge int) bool {
	m := s.m
	if len(m.gsets[si].unless) == 0 {
		return false
	}
	for _, u := range s.ghits {
		if ue := int(u.end); ue >= ge && ue-int(m.gac.kwLen[u.kw]) <= gs && slices.Contains(m.groles[roleUnless].of(u.kw), si) {
			return true
		}
	}
	return false
}

// within reports whether gap, the normalised text between a guard word and
// the match, leaves the word within w runes of the match: at most w-1
// runes between them.
func within(gap string, w int) bool {
	return len(gap) < w || utf8.RuneCountInString(gap) < w
}
