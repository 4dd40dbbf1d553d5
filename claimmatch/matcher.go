// Package claimmatch finds the claims of a rule pack in live-room texts:
// speech transcripts, comments and product titles. One Aho–Corasick
// automaton over the normalised text holds every term, every exception and
// an anchor of every numeric pattern; a pattern is verified around its
// anchor. Context guards (rules.Guard: a denial before a match, a question
// after it) are checked on candidates only, with a second, small automaton
// of their words. A Matcher is compiled once per pack and is safe for
// concurrent use; a Scanner (one per goroutine) reuses its buffers so that a
// text with no match costs no allocation.
package claimmatch

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// Context is where a text comes from. An empty Category means general; an
// empty Where means the source is unknown and every rule's Where admits it.
type Context struct {
	Category qinglang.Category
	Where    rules.Source
}

// Match is one occurrence of a rule in a text.
type Match struct {
	RuleID string
	// Start and End are byte offsets in the original text.
	Start, End int
	// NormStart and NormEnd are byte offsets in the normalised text.
	NormStart, NormEnd int
	// Text is the original text of the span, Text == text[Start:End].
	Text string
	// Numbers are the values of the pattern's {N} placeholders, in order;
	// nil for a term.
	Numbers []float64
}

// use is what one keyword of the automaton stands for in one rule.
type use struct {
	rule int32
	kind useKind
	pat  int32 // useAnchor: index into Matcher.patterns
	need int32 // useAnchor: the pattern's need, or -1
	// The rule's scope masks (ruleInfo), copied here so that deciding
	// whether a hit is in scope reads no ruleInfo in the common case.
	catMask   uint32
	whereMask uint8
	// run ends the keyword's uses of the same scope masks that this one
	// starts or lies in: an index into Matcher.uses. A keyword's uses are
	// grouped by scope, so that a hit out of a group's scope skips it.
	run int32
}

type useKind uint8

const (
	useTerm useKind = iota
	useAnchor
	useException // only while compiling: exceptions live in ruleInfo
)

// ruleInfo is a rule's identity and scope.
type ruleInfo struct {
	id string
	// catMask has bit i set when qinglang.Categories[i] is in scope;
	// whereMask bit i when knownSources[i] is admitted.
	catMask   uint32
	whereMask uint8
	// excKw are the keywords of the rule's exceptions, sorted.
	excKw  []int32
	cats   []qinglang.Category
	except []qinglang.Category
	where  []rules.Source
	// guards are the rule's context guards: indices into Matcher.gsets;
	// glist numbers the distinct lists of guards; gwb and gwa are their
	// widest windows before and after, in runes (0 for none with words);
	// aNotA is set when one of them drops A-not-A questions.
	guards   []int32
	glist    int32
	gwb, gwa int
	aNotA    bool
}

var knownSources = [...]rules.Source{rules.SourceSpeech, rules.SourceComment, rules.SourceTitle}

// Matcher is compiled once from a rule set and is safe for concurrent use.
type Matcher struct {
	ac     *automaton
	plain  *[0x10000 / 64]uint64 // plainRunes()
	useOff []int32               // uses of keyword k: uses[useOff[k]:useOff[k+1]]
	uses   []use
	// kwScope[k] has bit scopeBit(c, w) set when some use of keyword k
	// is in scope for category c and source w, and excBit when k is some
	// rule's exception: most hits are dismissed reading this alone.
	kwScope  []uint64
	rules    []ruleInfo
	patterns []*pattern
	maxNums  int
	// gac is the automaton of the guard words (gkeys), nil when no rule
	// has a guard; gsets are the compiled guards and groles which sets
	// each word is in (see guard.go).
	gac    *automaton
	gkeys  []string
	gsets  []guardSet
	groles [nRoles]guardRoles
	// lac is the automaton of the other literals (pattern.needs) of the
	// patterns whose anchor carries heavyAnchor patterns or more, nil when
	// none does. A structure written over lexicons expands into thousands
	// of patterns on one anchor ("再也没犯过" after any of a few hundred
	// diseases); when that anchor is hit, one pass of lac over the text
	// tells which of them can match at all, instead of verifying each.
	lac  *automaton
	lits []string // lac's keywords: literal id → text
	// litRunes[id] is the rune mask (runeMask) of literal id: a text
	// whose mask lacks one of its bits cannot hold it.
	litRunes []runeMask
	pool     sync.Pool
}

// heavyAnchor is the number of patterns on one anchor from which their
// other literals are looked for first. Looking a literal up costs less
// than trying a pattern, so a few patterns already make it pay.
const heavyAnchor = 4

// Compile builds the matcher of rs. Terms, exceptions, pattern literals and
// guard words are normalised like the texts they are matched against. The
// guards of a rule are those of rules.Rule.ContextGuards.
func Compile(rs []rules.Rule) (*Matcher, error) {
	m := &Matcher{}
	keyID := map[string]int32{}
	var keys []string
	var kwUses [][]use
	add := func(key string, u use) {
		k, ok := keyID[key]
		if !ok {
			k = int32(len(keys))
			keyID[key] = k
			keys = append(keys, key)
			kwUses = append(kwUses, nil)
		}
		if u.kind != useAnchor && slices.Contains(kwUses[k], u) {
			return // two spellings of one term
		}
		kwUses[k] = append(kwUses[k], u)
	}
	ids := map[string]bool{}
	gc := &guardCompiler{keyID: map[string]int32{}, setID: map[string]int32{}}
	for i := range rs {
		r := &rs[i]
		if ids[r.ID] {
			return nil, qinglang.Errorf(qinglang.EINVALID, "规则 %q 重复", "rule %q: duplicate id", r.ID)
		}
		ids[r.ID] = true
		ri := int32(i)
		info := scopeOf(r)
		var err error
		if info.guards, err = gc.add(r); err != nil {
			return nil, err
		}
		m.rules = append(m.rules, info)
		for _, term := range r.Terms {
			if strings.Contains(term, "{@") {
				return nil, unexpanded(r.ID, term)
			}
			n := normalizeString(term)
			if n == "" {
				return nil, qinglang.Errorf(qinglang.EINVALID, "规则 %q：词 %q 规范化后为空", "rule %q: term %q is empty once normalised", r.ID, term)
			}
			add(n, use{rule: ri, kind: useTerm})
		}
		for _, ex := range r.Exceptions {
			if strings.Contains(ex, "{@") {
				return nil, unexpanded(r.ID, ex)
			}
			n := normalizeString(ex)
			if n == "" {
				return nil, qinglang.Errorf(qinglang.EINVALID, "规则 %q：例外 %q 规范化后为空", "rule %q: exception %q is empty once normalised", r.ID, ex)
			}
			add(n, use{rule: ri, kind: useException})
		}
		for _, p := range r.Patterns {
			pt, err := compilePattern(ri, p)
			if err != nil {
				return nil, ruleError(r.ID, err)
			}
			m.maxNums = max(m.maxNums, pt.nums)
			add(pt.parts[pt.anchor].lit, use{rule: ri, kind: useAnchor, pat: int32(len(m.patterns))})
			m.patterns = append(m.patterns, pt)
		}
	}
	m.needLiterals()
	m.useOff = make([]int32, len(keys)+1)
	m.kwScope = make([]uint64, len(keys))
	for k, us := range kwUses {
		first := len(m.uses)
		for _, u := range us {
			if u.kind == useException {
				m.kwScope[k] |= excBit
				ri := &m.rules[u.rule]
				ri.excKw = append(ri.excKw, int32(k))
			} else {
				u.catMask, u.whereMask = m.rules[u.rule].catMask, m.rules[u.rule].whereMask
				u.need = -1
				if u.kind == useAnchor {
					u.need = m.patterns[u.pat].need
				}
				m.kwScope[k] |= scopeBits(u.catMask, u.whereMask)
				m.uses = append(m.uses, u)
			}
		}
		groupByScope(m.uses[first:], int32(first))
		m.useOff[k+1] = int32(len(m.uses))
	}
	for i := range m.rules {
		slices.Sort(m.rules[i].excKw)
	}
	m.ac = newAutomaton(keys)
	m.plain = plainRunes()
	if len(gc.sets) > 0 {
		m.gac, m.gkeys, m.gsets = newAutomaton(gc.keys), gc.keys, gc.sets
		m.groles = newGuardRoles(gc.sets, len(gc.keys))
		lists := map[string]int32{}
		for i := range m.rules {
			key := fmt.Sprint(m.rules[i].guards)
			if _, ok := lists[key]; !ok {
				lists[key] = int32(len(lists))
			}
			m.rules[i].glist = lists[key]
			for _, si := range m.rules[i].guards {
				if g := &gc.sets[si]; len(g.before) > 0 {
					m.rules[i].gwb = max(m.rules[i].gwb, g.wb)
				}
				if g := &gc.sets[si]; len(g.after) > 0 {
					m.rules[i].gwa = max(m.rules[i].gwa, g.wa)
				}
				m.rules[i].aNotA = m.rules[i].aNotA || gc.sets[si].aNotA
			}
		}
	}
	m.pool.New = func() any { return m.NewScanner() }
	return m, nil
}

// unexpanded is the error for a term or exception that still holds a
// lexicon reference: the rules were not put together by rules.Merge or
// rules.Load, which expand them (patterns are refused by rules.ParsePattern).
func unexpanded(id, s string) error {
	return qinglang.Errorf(qinglang.EINVALID, "规则 %q：%q 含未展开的词表引用，规则包须经 rules.Merge 或 rules.Load 加载",
		"rule %q: %q holds an unexpanded lexicon reference; load packs through rules.Merge or rules.Load", id, s)
}

// ruleError names the rule in a pattern's error, keeping its code.
func ruleError(id string, err error) error {
	e := &qinglang.Error{Code: qinglang.Code(err), Message: err.Error(), MessageEN: err.Error()}
	var qe *qinglang.Error
	if errors.As(err, &qe) {
		e.Message, e.MessageEN = qe.Message, qe.MessageEN
	}
	e.Message = fmt.Sprintf("规则 %q：%s", id, e.Message)
	e.MessageEN = fmt.Sprintf("rule %q: %s", id, e.MessageEN)
	return e
}

func scopeOf(r *rules.Rule) ruleInfo {
	ri := ruleInfo{id: r.ID, cats: r.Categories, except: r.ExceptCategories, where: r.Where}
	for i, c := range qinglang.Categories {
		if (len(r.Categories) == 0 || slices.Contains(r.Categories, c)) && !slices.Contains(r.ExceptCategories, c) {
			ri.catMask |= 1 << i
		}
	}
	for i, w := range knownSources {
		if len(r.Where) == 0 || slices.Contains(r.Where, w) {
			ri.whereMask |= 1 << i
		}
	}
	return ri
}

// scope is a Context resolved once per scan.
type scope struct {
	in       Context // as given
	ctx      Context
	catBit   int // index in qinglang.Categories, -1 unknown
	whereBit int // index in knownSources, -1 unknown, -2 any
	// bit is scopeBit of the context, 0 when it has none (an unknown
	// category or source): then every hit is looked at.
	bit uint64
}

// Bits of Matcher.kwScope: bit w*16+c for category c (below 16) and
// source w (an index in knownSources, or len(knownSources) when the
// context names no source), and excBit.
const (
	scopeCats = 16
	excBit    = 1 << 63
)

func scopeBit(catBit, whereBit int) uint64 {
	if catBit < 0 || catBit >= scopeCats || whereBit == -1 {
		return 0
	}
	if whereBit == -2 {
		whereBit = len(knownSources)
	}
	return 1 << (whereBit*scopeCats + catBit)
}

// scopeBits returns the scope bits of a rule with these masks.
func scopeBits(catMask uint32, whereMask uint8) uint64 {
	var b uint64
	for c := range scopeCats {
		if catMask&(1<<c) == 0 {
			continue
		}
		b |= scopeBit(c, -2) // no source named: every rule's Where admits it
		for w := range knownSources {
			if whereMask&(1<<w) != 0 {
				b |= scopeBit(c, w)
			}
		}
	}
	return b
}

func resolve(ctx Context) scope {
	sc := scope{in: ctx, ctx: ctx, catBit: -1, whereBit: -1}
	if ctx.Category == "" {
		ctx.Category = qinglang.CatGeneral
		sc.ctx.Category = ctx.Category
	}
	for i, c := range qinglang.Categories {
		if c == ctx.Category {
			sc.catBit = i
			break
		}
	}
	if ctx.Where == "" {
		sc.whereBit = -2
	}
	for i, w := range knownSources {
		if w == ctx.Where {
			sc.whereBit = i
		}
	}
	sc.bit = scopeBit(sc.catBit, sc.whereBit)
	return sc
}

// admits reports whether the rule of u is in scope: applies, from the
// masks in u when the context is a known category and source.
func (sc *scope) admits(u *use, rules []ruleInfo) bool {
	if sc.catBit < 0 || sc.whereBit == -1 {
		return sc.applies(&rules[u.rule])
	}
	if u.catMask&(1<<sc.catBit) == 0 {
		return false
	}
	return sc.whereBit == -2 || u.whereMask&(1<<sc.whereBit) != 0
}

// applies reports whether the rule is in scope.
func (sc *scope) applies(ri *ruleInfo) bool {
	if sc.catBit >= 0 {
		if ri.catMask&(1<<sc.catBit) == 0 {
			return false
		}
	} else if (len(ri.cats) > 0 && !slices.Contains(ri.cats, sc.ctx.Category)) || slices.Contains(ri.except, sc.ctx.Category) {
		return false
	}
	switch {
	case sc.whereBit == -2:
		return true
	case sc.whereBit >= 0:
		return ri.whereMask&(1<<sc.whereBit) != 0
	}
	return len(ri.where) == 0 || slices.Contains(ri.where, sc.ctx.Where)
}

// Scan normalises text and returns the rule matches in order of Start
// (then rule id); per rule, matches do not overlap (leftmost-longest). It
// borrows a Scanner from a pool; hot paths hold their own Scanner.
func (m *Matcher) Scan(text string, ctx Context) []Match {
	return m.ScanSegments(text, nil, ctx)
}

// ScanSegments is Scan over a text joined from segments (see
// Scanner.ScanSegments).
func (m *Matcher) ScanSegments(text string, starts []int, ctx Context) []Match {
	s := m.pool.Get().(*Scanner)
	out := s.ScanSegments(text, starts, ctx, nil)
	m.pool.Put(s)
	return out
}

// groupByScope orders one keyword's uses (us, from index first of
// Matcher.uses) by their scope masks, keeping their order within a scope,
// and sets each use's run.
func groupByScope(us []use, first int32) {
	slices.SortStableFunc(us, func(a, b use) int {
		if a.catMask != b.catMask {
			return cmp.Compare(a.catMask, b.catMask)
		}
		return cmp.Compare(a.whereMask, b.whereMask)
	})
	for i := len(us) - 1; i >= 0; i-- {
		if i+1 < len(us) && us[i+1].catMask == us[i].catMask && us[i+1].whereMask == us[i].whereMask {
			us[i].run = us[i+1].run
		} else {
			us[i].run = first + int32(i) + 1
		}
	}
}

// needLiterals gives the patterns of heavy anchors their other literals
// (pattern.needs) and builds lac over them.
func (m *Matcher) needLiterals() {
	perAnchor := map[string]int{}
	for _, p := range m.patterns {
		perAnchor[p.parts[p.anchor].lit]++
	}
	litID := map[string]int32{}
	var lits []string
	for _, p := range m.patterns {
		if perAnchor[p.parts[p.anchor].lit] < heavyAnchor {
			continue
		}
		for i, q := range p.parts {
			if i == p.anchor || q.kind != rules.Literal {
				continue
			}
			id, ok := litID[q.lit]
			if !ok {
				id = int32(len(lits))
				litID[q.lit] = id
				lits = append(lits, q.lit)
			}
			if !slices.Contains(p.needs, id) {
				p.needs = append(p.needs, id)
			}
			if p.need < 0 || len(q.lit) > len(lits[p.need]) {
				p.need = id
			}
		}
	}
	if len(lits) > 0 {
		m.lac, m.lits = newAutomaton(lits), lits
		m.litRunes = make([]runeMask, len(lits))
		for id, l := range lits {
			m.litRunes[id].add(l)
		}
	}
}

// runeMask is a set of runes hashed into 256 bits: a text's runes, or a
// literal's. A literal whose mask is not within a text's is not in the
// text; one that is may be.
type runeMask [4]uint64

// add adds the runes of s.
func (k *runeMask) add(s string) {
	for _, r := range s {
		h := uint32(r) * 0x9E3779B1 >> 24
		k[h>>6] |= 1 << (h & 63)
	}
}

// within reports whether every bit of k is in t.
func (k *runeMask) within(t *runeMask) bool {
	return k[0]&^t[0]|k[1]&^t[1]|k[2]&^t[2]|k[3]&^t[3] == 0
}
