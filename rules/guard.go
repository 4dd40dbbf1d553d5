package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
	"github.com/qinglang/qinglang/yamlnode"
)

// Context guards drop a match by what stands next to it in its clause: a
// denial before it ("不能治病", "不敢说全网最低"), a question after it
// ("能治失眠吗"), an ordinal after a rank ("全国第一批"). A guard is
//
//	not_after: ["{@denial}", 不敢说]  # drop the match when one of these ends
//	within_before: 1                   # … within this many runes before it
//	not_before: [吗, ？]               # drop it when one of these starts
//	within_after: 6                    # … within this many runes after it
//	unless: [再也不]                   # ignore a guard word inside one of these
//
// Entries are literal text, normalised like terms (so "不*能" is "不能"),
// and may name lexicons ({@name}). Runes are counted in the normalised
// text: within_before: 1 means the guard's last rune is the rune just
// before the match, 4 that it is one of the four runes before it (at most
// three runes between). The guard and the match never overlap.
//
// The guard must lie in the match's clause: between the guard and the
// match, the original text holds no clause break (IsClauseBreak: 。！？，、；
// … and line breaks, in full and half width) and no segment boundary (the
// joins between speech segments, see claimmatch.Scanner.ScanSegments). The
// match itself may span clauses and segments.
//
// An entry of not_before may also be one clause punctuation mark alone
// ("？"): the normaliser drops punctuation, so such an entry is matched in
// the original text, and holds when the match's clause ends with that mark
// (in any of its widths, see FoldMark) within within_after runes.
//
// A guard occurrence that lies within an occurrence of one of unless does
// not count: "再也不" is not a denial of what follows it. A match that lies
// within a match its rule's guard drops is dropped with it ("不是国药准字"
// drops 药准字 too).
//
// A pack's top-level "guards" maps names to guards; a rule applies the sets
// it names in "guards" and its own not_after / not_before. A later pack's
// set of the same name replaces the earlier one for every rule, like a
// lexicon. A rule's "unless" applies to every guard of the rule.
type Guard struct {
	// NotAfter are the words that, ending within WithinBefore runes before
	// a match in its clause, drop it.
	NotAfter []string `yaml:"not_after,omitempty"`
	// NotBefore are the words (or one clause punctuation mark) that,
	// starting within WithinAfter runes after a match in its clause, drop
	// it.
	NotBefore []string `yaml:"not_before,omitempty"`
	// WithinBefore and WithinAfter are 1..MaxWithin; 0 stands for the
	// default (DefaultWithinBefore, DefaultWithinAfter).
	WithinBefore int `yaml:"within_before,omitempty"`
	WithinAfter  int `yaml:"within_after,omitempty"`
	// Unless are words within which a guard word does not count.
	Unless []string `yaml:"unless,omitempty"`
	// ANotA drops a match that is the negative half of an A-not-A
	// question: it starts with 不 or 没 and the rune before it is the one
	// after that negation (会不会反弹, 有没有效果, 能不能退).
	ANotA bool `yaml:"a_not_a,omitempty"`
}

// Guard windows, in runes of the normalised text.
const (
	DefaultWithinBefore = 4
	DefaultWithinAfter  = 6
	MaxWithin           = 20
)

// empty reports whether g guards nothing.
func (g *Guard) empty() bool { return len(g.NotAfter) == 0 && len(g.NotBefore) == 0 }

// withDefaults returns g with its unset windows set to the defaults.
func (g Guard) withDefaults() Guard {
	if g.WithinBefore == 0 {
		g.WithinBefore = DefaultWithinBefore
	}
	if g.WithinAfter == 0 {
		g.WithinAfter = DefaultWithinAfter
	}
	return g
}

// ContextGuards returns the guards a matcher applies to r: InForce when
// Merge (or Load) has put the rule together; otherwise the rule's own
// guard, if it has one, with the default windows. A rule that names guard
// sets but was not put together by Merge is an error.
func (r *Rule) ContextGuards() ([]Guard, error) {
	if r.InForce != nil {
		return r.InForce, nil
	}
	if len(r.Guards) > 0 {
		return nil, qinglang.Errorf(qinglang.EINVALID, "规则 %q 引用守卫集 %s，规则包须经 rules.Merge 或 rules.Load 加载",
			"rule %q names guard sets %s; load packs through rules.Merge or rules.Load", r.ID, strings.Join(r.Guards, ", "))
	}
	if r.Guard.empty() {
		return nil, nil
	}
	return []Guard{r.Guard.withDefaults()}, nil
}

// IsClauseBreak reports whether r ends a clause for context guards: the
// sentence and clause punctuation of Chinese and Latin text in full and
// half width (。｡．. ！! ？? ‼⁇⁈⁉ ，, 、､ ；; … ⋯ ︙ and their small and
// vertical forms) and line breaks. Spaces, colons, dashes, brackets,
// emoji and other symbols are not breaks: they are noise inside a clause
// ("不 能 治", "不*能治"). See ClauseBreakIn for digits.
func IsClauseBreak(r rune) bool {
	switch r {
	case '。', '｡', '．', '.', '！', '!', '？', '?', '‼', '⁇', '⁈', '⁉',
		'，', ',', '、', '､', '；', ';', '…', '⋯', '︙',
		'﹐', '﹑', '﹒', '﹔', '﹖', '﹗', '︐', '︑', '︒', '︔', '︕', '︖',
		'\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// ClauseBreakIn reports whether s[i:j] holds a clause break (IsClauseBreak),
// leaving out a '.', '．' or ',' between two digits (3.5, ３．５, 1,000),
// which is part of a number; the digits may lie outside s[i:j].
func ClauseBreakIn(s string, i, j int) bool {
	for k := i; k < j; {
		r, size := utf8.DecodeRuneInString(s[k:])
		if IsClauseBreak(r) && !(r == '.' || r == '．' || r == ',') || (r == '.' || r == '．' || r == ',') && !betweenDigits(s, k, size) {
			return true
		}
		k += size
	}
	return false
}

// betweenDigits reports whether the rune at s[k:k+size] has a digit on
// each side.
func betweenDigits(s string, k, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:k])
	next, _ := utf8.DecodeRuneInString(s[k+size:])
	return unicode.IsDigit(prev) && unicode.IsDigit(next)
}

// ClauseMark returns the clause punctuation mark that a guard entry
// consists of ("？" in not_before), folded (FoldMark), and false when the
// entry is anything else. Line breaks are not marks.
func ClauseMark(s string) (rune, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) || !IsClauseBreak(r) {
		return 0, false
	}
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return 0, false
	}
	return FoldMark(r), true
}

// FoldMark returns the half-width form of a clause punctuation mark, so
// that a mark stands for its full-width, small and vertical forms too:
// ？﹖︖⁇⁈⁉ are ?, ！﹗︕‼ are !, 。｡．﹒︒ are ., ，﹐︐ are ,, 、､﹑︑ are 、,
// ；﹔︔ are ;, ⋯︙ are …. Other runes are returned as they are.
func FoldMark(r rune) rune {
	switch r {
	case '？', '﹖', '︖', '⁇', '⁈', '⁉':
		return '?'
	case '！', '﹗', '︕', '‼':
		return '!'
	case '。', '｡', '．', '﹒', '︒':
		return '.'
	case '，', '﹐', '︐':
		return ','
	case '､', '﹑', '︑':
		return '、'
	case '；', '﹔', '︔':
		return ';'
	case '⋯', '︙':
		return '…'
	}
	return r
}

// guardPart is one list of a guard.
type guardPart int

const (
	partNotAfter guardPart = iota
	partNotBefore
	partUnless
)

// checkGuardEntry checks one plain entry (references expanded) of a
// guard's list.
func checkGuardEntry(s string, part guardPart) (zh, en string, bad bool) {
	switch {
	case strings.TrimSpace(s) == "":
		return "不能为空", "must not be empty", true
	case strings.ContainsAny(s, "{}"):
		return "守卫的词语是纯文字（可写 {@词表}），不能含 {N}、{GAP:k} 等占位符",
			"a guard word is plain text (with {@lexicon} references); placeholders such as {N} or {GAP:k} are not allowed", true
	case utf8.RuneCountInString(s) > MaxTermRunes:
		return fmt.Sprintf("最长 %d 个字，此项有 %d 个", MaxTermRunes, utf8.RuneCountInString(s)),
			fmt.Sprintf("at most %d runes; this one has %d", MaxTermRunes, utf8.RuneCountInString(s)), true
	}
	if textnorm.Normalize(s).Norm != "" {
		return "", "", false
	}
	if _, ok := ClauseMark(s); ok && part == partNotBefore {
		return "", "", false
	}
	return fmt.Sprintf("%q 规范化后为空（标点、空白与符号都会去掉）；只有 not_before 可以单写一个断句标点（如 ？），表示分句以它结尾", s),
		fmt.Sprintf("%q is empty once normalised (punctuation, spaces and symbols are dropped); only not_before may hold a clause punctuation mark alone (such as ？), meaning the clause ends with it", s), true
}

// guardKeys are the keys of a guard set, and the guard keys of a rule.
var (
	guardKeys     = []string{"not_after", "not_before", "within_before", "within_after", "unless"}
	ruleGuardKeys = append([]string{"guards"}, guardKeys...)
)

// guardSets reads the pack's top-level guards mapping.
func (p *parser) guardSets(n *yaml.Node) map[string]Guard {
	if yamlnode.IsNull(n) || !p.mapping(n, "guards", "守卫集名到守卫的映射", "a mapping of guard set names to guards") {
		return nil
	}
	saved := p.ruleIndex
	p.ruleIndex = -1 // items of guard sets are keyed by their full field
	defer func() { p.ruleIndex = saved }()
	sets := map[string]Guard{}
	for _, e := range p.entries(n, "guards") {
		name, field := e.Key.Value, yamlnode.Join("guards", e.Key.Value)
		if !lexNameRE.MatchString(name) {
			p.add(e.Key.Line, field, "守卫集名 %q 只能含小写字母、数字与 _，且须以字母开头",
				"guard set name %q may hold only a-z, 0-9 and _, and must start with a letter", name)
		}
		if yamlnode.IsNull(e.Value) || !p.mapping(e.Value, field, "含 not_after 或 not_before 的映射", "a mapping with not_after or not_before") {
			if yamlnode.IsNull(e.Value) {
				p.add(e.Key.Line, field, "守卫集 %q 为空，至少需要 not_after 或 not_before", "guard set %q is empty; it needs not_after or not_before", name)
			}
			continue
		}
		var g Guard
		seen := map[string]int{}
		for _, ge := range p.entries(e.Value, field) {
			if !p.guardKey(&g, ge, field, seen) {
				p.unknownKey(ge.Key, field, guardKeys)
			}
		}
		p.checkGuard(e.Key.Line, field, seen, false)
		sets[name] = g
	}
	return sets
}

// guardKey reads one key of a guard (of a set, or of a rule when prefix is
// ""), records its line in seen, and reports whether it is one.
func (p *parser) guardKey(g *Guard, e yamlnode.Entry, prefix string, seen map[string]int) bool {
	k, v := e.Key, e.Value
	f := yamlnode.Join(prefix, k.Value)
	switch k.Value {
	case "not_after":
		g.NotAfter = p.guardList(v, f, partNotAfter)
	case "not_before":
		g.NotBefore = p.guardList(v, f, partNotBefore)
	case "unless":
		g.Unless = p.guardList(v, f, partUnless)
	case "within_before":
		g.WithinBefore = p.within(v, f)
	case "within_after":
		g.WithinAfter = p.within(v, f)
	case "a_not_a":
		g.ANotA = p.boolean(v, f)
	default:
		return false
	}
	seen[k.Value] = k.Line
	return true
}

// guardList reads a guard's list of words.
func (p *parser) guardList(n *yaml.Node, field string, part guardPart) []string {
	var out []string
	items := p.seq(n, field)
	if len(items) == 0 && n.Kind != yaml.ScalarNode || yamlnode.IsNull(n) {
		p.add(n.Line, field, "至少需要一个词", "needs at least one word")
	}
	for i, it := range items {
		f := index(field, i)
		s, ok := p.item(it, f)
		out = append(out, s)
		if !ok {
			continue
		}
		if p.refLines == nil {
			p.refLines = map[string]int{}
		}
		p.refLines[refKey(p.ruleIndex, f)] = it.Line
		if hasRefs(s) {
			p.guardRefItem(it.Line, f, s)
			continue
		}
		if zh, en, bad := checkGuardEntry(s, part); bad {
			p.put(it.Line, f, zh, en)
		}
	}
	return out
}

// guardRefItem checks a guard word with lexicon references and records its
// line for Merge, which checks each expansion.
func (p *parser) guardRefItem(line int, field, s string) {
	parts, err := splitRefs(s)
	if err != nil {
		e := err.(*qinglang.Error)
		p.put(line, field, fmt.Sprintf("%q：%s", s, e.Message), fmt.Sprintf("%q: %s", s, e.MessageEN))
		return
	}
	for _, part := range parts {
		if !part.ref && strings.ContainsAny(part.text, "{}") {
			zh, en, _ := checkGuardEntry(part.text, partNotAfter)
			p.put(line, field, fmt.Sprintf("%q：%s", s, zh), fmt.Sprintf("%q: %s", s, en))
			return
		}
	}
	p.refItem(line, field, s, false)
}

// within reads a guard window: an integer 1..MaxWithin.
func (p *parser) within(n *yaml.Node, field string) int {
	s := p.str(n, field)
	var v int
	if _, err := fmt.Sscan(s, &v); err != nil || fmt.Sprint(v) != strings.TrimSpace(s) || v < 1 || v > MaxWithin {
		p.add(n.Line, field, "须为 1 到 %d 的整数（字数），而不是 %q", "must be an integer from 1 to %d (runes), not %q", MaxWithin, s)
		return 0
	}
	return v
}

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, field string) bool {
	b, ok := yamlnode.Bool(n)
	if !ok {
		p.add(n.Line, field, "须为 true 或 false，而不是 %q", "must be true or false, not %q", n.Value)
	}
	return b
}

// checkGuard checks that the keys seen of a guard (by line) fit together;
// line is the guard's, rule says whether it is a rule's own guard (which
// may be empty).
func (p *parser) checkGuard(line int, prefix string, seen map[string]int, rule bool) {
	join := func(f string) string { return yamlnode.Join(prefix, f) }
	if !rule && seen["not_after"] == 0 && seen["not_before"] == 0 {
		p.add(line, prefix, "守卫集至少需要 not_after 或 not_before", "a guard set needs not_after or not_before")
	}
	if seen["within_before"] > 0 && seen["not_after"] == 0 {
		p.add(seen["within_before"], join("within_before"), "within_before 只对同一处的 not_after 起作用，这里没有 not_after",
			"within_before applies to the not_after beside it, and there is none")
	}
	if seen["within_after"] > 0 && seen["not_before"] == 0 {
		p.add(seen["within_after"], join("within_after"), "within_after 只对同一处的 not_before 起作用，这里没有 not_before",
			"within_after applies to the not_before beside it, and there is none")
	}
}

// ruleGuards reads a rule's list of guard set names.
func (p *parser) ruleGuards(n *yaml.Node, field string) []string {
	var names []string
	first := map[string]int{}
	for i, it := range p.seq(n, field) {
		f := index(field, i)
		s, ok := p.item(it, f)
		names = append(names, s)
		if !ok {
			continue
		}
		switch line, dup := first[s]; {
		case !lexNameRE.MatchString(s):
			p.add(it.Line, f, "守卫集名 %q 只能含小写字母、数字与 _，且须以字母开头",
				"guard set name %q may hold only a-z, 0-9 and _, and must start with a letter", s)
		case dup:
			p.add(it.Line, f, "守卫集 %q 重复（第 %d 行已有）", "guard set %q is named twice (first on line %d)", s, line)
		default:
			first[s] = it.Line
		}
		if p.refLines == nil {
			p.refLines = map[string]int{}
		}
		p.refLines[refKey(p.ruleIndex, f)] = it.Line
	}
	return names
}

// guardTable holds the guard sets of a set of packs.
type guardTable struct {
	inForce map[string]Guard // the last definition of each, expanded
	bad     map[string]bool  // the last definition has a problem (reported)
	over    []string         // names defined more than once, sorted
	probs   Problems
}

// newGuardTable expands the guard sets of packs, every definition (so
// that a problem in a replaced one is reported too), and keeps the last
// definition of each name.
func newGuardTable(packs []*Pack, lex *lexTable) *guardTable {
	t := &guardTable{inForce: map[string]Guard{}, bad: map[string]bool{}}
	seen := map[string]bool{}
	for _, p := range packs {
		names := make([]string, 0, len(p.Guards))
		for name := range p.Guards {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			if seen[name] && !slices.Contains(t.over, name) {
				t.over = append(t.over, name)
			}
			seen[name] = true
			x := &ruleExpander{t: lex, file: p.File, idx: -1, refLines: p.refLines}
			prefix := yamlnode.Join("guards", name)
			g := x.guard(p.Guards[name], prefix)
			if len(x.probs) == 0 {
				x.unlessConflict(g, g.Unless, prefix)
			}
			t.inForce[name] = g
			t.bad[name] = len(x.probs) > 0
			t.probs = append(t.probs, x.probs...)
		}
	}
	slices.Sort(t.over)
	return t
}

// guard returns g with its references expanded and its windows defaulted.
func (x *ruleExpander) guard(g Guard, prefix string) Guard {
	g.NotAfter = x.field(g.NotAfter, yamlnode.Join(prefix, "not_after"), kindNotAfter)
	g.NotBefore = x.field(g.NotBefore, yamlnode.Join(prefix, "not_before"), kindNotBefore)
	g.Unless = x.field(g.Unless, yamlnode.Join(prefix, "unless"), kindUnless)
	return g.withDefaults()
}

// unlessConflict reports an unless word of g (of list, the field at
// prefix) that normalises to one of g's own words: that guard word would
// never count ("天天" is "天" once repeats collapse).
func (x *ruleExpander) unlessConflict(g Guard, list []string, prefix string) {
	words := map[string]string{}
	for _, w := range slices.Concat(g.NotAfter, g.NotBefore) {
		words[textnorm.Normalize(w).Norm] = w
	}
	for _, u := range list {
		if w, ok := words[textnorm.Normalize(u).Norm]; ok {
			field := yamlnode.Join(prefix, "unless")
			x.add(x.refLines[refKey(x.idx, index(field, 0))], field,
				fmt.Sprintf("unless 的 %q 规范化后与守卫词 %q 相同，该守卫词将永远不起作用", u, w),
				fmt.Sprintf("unless word %q normalises like the guard word %q, which would then never count", u, w))
			return
		}
	}
}

// resolve returns the guards in force for r (see Rule.InForce), whose own
// guard has been expanded; refLines and idx locate its items.
func (t *guardTable) resolve(r *Rule, file string, idx int, refLines map[string]int) ([]Guard, Problems) {
	var out []Guard
	var probs Problems
	for i, name := range r.Guards {
		g, ok := t.inForce[name]
		if !ok {
			f := index("guards", i)
			zh, en := t.unknown(name)
			probs = append(probs, Problem{File: file, Line: refLines[refKey(idx, f)], Field: f, Reason: zh, ReasonEN: en})
			continue
		}
		if t.bad[name] {
			continue
		}
		x := &ruleExpander{file: file, idx: idx, refLines: refLines}
		x.unlessConflict(g, r.Unless, "")
		probs = append(probs, x.probs...)
		g.Unless = slices.Concat(g.Unless, r.Unless)
		out = append(out, g)
	}
	if !r.Guard.empty() {
		x := &ruleExpander{file: file, idx: idx, refLines: refLines}
		x.unlessConflict(r.Guard, r.Unless, "")
		probs = append(probs, x.probs...)
		out = append(out, r.Guard.withDefaults())
	}
	return out, probs
}

// unknown returns the messages for a rule naming an undefined guard set.
func (t *guardTable) unknown(name string) (zh, en string) {
	names := make([]string, 0, len(t.inForce))
	for n := range t.inForce {
		names = append(names, n)
	}
	slices.Sort(names)
	switch s := yamlnode.Closest(name, names); {
	case s != "":
		return fmt.Sprintf("未知的守卫集 %q，是否应为 %s？", name, s), fmt.Sprintf("unknown guard set %q; did you mean %s?", name, s)
	case len(names) == 0:
		return fmt.Sprintf("未知的守卫集 %q（没有定义任何守卫集，请在顶层 guards 中定义）", name),
			fmt.Sprintf("unknown guard set %q (no guard set is defined; define it under the top-level guards)", name)
	}
	list := strings.Join(names, ", ")
	return fmt.Sprintf("未知的守卫集 %q（已定义：%s）", name, list), fmt.Sprintf("unknown guard set %q (defined: %s)", name, list)
}
