package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
)

// Lexicons are named term classes. A pack's top-level "lexicons" mapping
// names lists of words:
//
//	lexicons:
//	  disease: [高血压, 糖尿病, 痛风]
//	  cured:   [就好了, 都好了, 痊愈]
//	  illness: ["@disease", 失眠]   # "@name" includes another lexicon
//
// and a rule's terms, patterns and exceptions may write {@name} for "any
// word of the lexicon": "{@disease}{GAP:3}{@cured}" stands for the 9
// patterns "高血压{GAP:3}就好了" … "痛风{GAP:3}痊愈". References are expanded
// when the rule set is put together (Merge, Load), into the cross product
// of the literal alternatives, so the matcher only ever sees plain terms
// and patterns.
//
// Lexicons are shared by every rule of the set, whichever pack defines
// them. A later pack (a later file of the default pack, or a user's
// --rules folder) that defines a name again replaces the earlier
// definition for every rule, the default pack's included; within the new
// definition, "@name" of its own name includes the definition it replaces,
// so that a user can extend a list: disease: ["@disease", 甲亢].

// MaxExpansions is the most strings the terms, patterns, exceptions and
// guard words of one rule may expand to, all together; likewise the words
// of one guard set.
const MaxExpansions = 20000

var lexNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// lexLines locates one lexicon of a pack: the line of its name, then the
// line of each entry.
type lexLines []int

// refPart is a part of a text with lexicon references: literal text, or
// the name of a lexicon when ref is set.
type refPart struct {
	text string
	ref  bool
}

// hasRefs reports whether s holds a lexicon reference (well formed or not).
func hasRefs(s string) bool { return strings.Contains(s, "{@") }

// splitRefs splits s at its {@name} references; other braces are left in
// the literal text. The error is a *qinglang.Error with both messages.
func splitRefs(s string) ([]refPart, error) {
	var parts []refPart
	for {
		i := strings.Index(s, "{@")
		if i < 0 {
			break
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return nil, qinglang.Errorf(qinglang.EINVALID, "词表引用 %q 缺少右花括号 }", "lexicon reference %q has no closing }", s[i:])
		}
		name := s[i+2 : i+end]
		if !lexNameRE.MatchString(name) {
			return nil, qinglang.Errorf(qinglang.EINVALID, "词表引用 {@%s}：词表名只能含小写字母、数字与 _，且须以字母开头",
				"lexicon reference {@%s}: a lexicon name holds only a-z, 0-9 and _, and starts with a letter", name)
		}
		if i > 0 {
			parts = append(parts, refPart{text: s[:i]})
		}
		parts = append(parts, refPart{text: name, ref: true})
		s = s[i+end+1:]
	}
	if s != "" {
		parts = append(parts, refPart{text: s})
	}
	return parts, nil
}

// lexicons reads the pack's lexicons mapping.
func (p *parser) lexicons(n *yaml.Node) (map[string][]string, map[string]lexLines) {
	if yamlnode.IsNull(n) || !p.mapping(n, "lexicons", "词表名到词语列表的映射", "a mapping of lexicon names to lists of words") {
		return nil, nil
	}
	lex, lines := map[string][]string{}, map[string]lexLines{}
	for _, e := range p.entries(n, "lexicons") {
		name, field := e.Key.Value, yamlnode.Join("lexicons", e.Key.Value)
		if !lexNameRE.MatchString(name) {
			p.add(e.Key.Line, field, "词表名 %q 只能含小写字母、数字与 _，且须以字母开头",
				"lexicon name %q may hold only a-z, 0-9 and _, and must start with a letter", name)
		}
		items, ok := yamlnode.Seq(e.Value)
		if !ok {
			p.add(e.Value.Line, field, "应为词语列表（- 开头的各项或 [a, b]）", "must be a list of words (items starting with - or [a, b])")
			continue
		}
		if len(items) == 0 {
			p.add(e.Key.Line, field, "词表 %q 为空，至少需要一个词", "lexicon %q is empty; it needs at least one word", name)
		}
		ln := lexLines{e.Key.Line}
		words := make([]string, 0, len(items))
		for i, it := range items {
			f := index(field, i)
			s, ok := p.item(it, f)
			ln = append(ln, it.Line)
			words = append(words, s)
			if ok {
				p.lexWord(it.Line, f, s)
			}
		}
		lex[name], lines[name] = words, ln
	}
	return lex, lines
}

// lexWord checks one word of a lexicon.
func (p *parser) lexWord(line int, field, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		p.add(line, field, "不能为空", "must not be empty")
	case strings.HasPrefix(s, "@"):
		if !lexNameRE.MatchString(s[1:]) {
			p.add(line, field, "%q 不是词表引用：@ 后应为词表名（小写字母、数字与 _，以字母开头）",
				"%q is not a lexicon reference: @ must be followed by a lexicon name (a-z, 0-9 and _, starting with a letter)", s)
		}
	case strings.ContainsAny(s, "{}"):
		p.add(line, field, "词表中的词是纯文字，不能含 { 或 }（占位符写在规则的 patterns 里）",
			"a lexicon word is plain text and may not hold { or } (placeholders belong in the rule's patterns)")
	case utf8.RuneCountInString(s) > MaxTermRunes:
		p.add(line, field, "最长 %d 个字，此项有 %d 个", "at most %d runes; this one has %d", MaxTermRunes, utf8.RuneCountInString(s))
	}
}

// refItem checks a term, exception or pattern that holds lexicon
// references and records its line for Merge; pattern says which.
func (p *parser) refItem(line int, field, s string, pattern bool) {
	parts, err := splitRefs(s)
	if err != nil {
		e := err.(*qinglang.Error)
		p.put(line, field, fmt.Sprintf("%q：%s", s, e.Message), fmt.Sprintf("%q: %s", s, e.MessageEN))
		return
	}
	if pattern {
		// Check the rest of the pattern with a word standing in for each
		// reference; every expansion is checked again once expanded.
		var b strings.Builder
		for _, part := range parts {
			if part.ref {
				b.WriteString("词")
			} else {
				b.WriteString(part.text)
			}
		}
		if _, err := ParsePattern(b.String()); err != nil {
			e := err.(*qinglang.Error)
			p.put(line, field, fmt.Sprintf("模式 %q：%s", s, e.Message), fmt.Sprintf("pattern %q: %s", s, e.MessageEN))
			return
		}
	}
	if p.refLines == nil {
		p.refLines = map[string]int{}
	}
	p.refLines[refKey(p.ruleIndex, field)] = line
}

// refKey names an item of a pack's rule: its index and field.
func refKey(rule int, field string) string { return fmt.Sprintf("%d/%s", rule, field) }

// lexDef is one pack's definition of a lexicon.
type lexDef struct {
	name  string
	words []string // as written: "@name" includes
	file  string
	lines lexLines
}

type lexKey struct {
	name string
	v    int // index in lexTable.defs[name]
}

// lexTable resolves the lexicons of a set of packs.
type lexTable struct {
	defs  map[string][]*lexDef // by name, in load order
	state map[lexKey]int8      // 1 resolving, 2 resolved
	words map[lexKey][]string  // resolved: includes replaced, no duplicates
	bad   map[lexKey]bool      // could not be resolved (reported)
	probs Problems
}

func newLexTable(packs []*Pack) *lexTable {
	t := &lexTable{defs: map[string][]*lexDef{}, state: map[lexKey]int8{}, words: map[lexKey][]string{}, bad: map[lexKey]bool{}}
	for _, p := range packs {
		names := make([]string, 0, len(p.Lexicons))
		for name := range p.Lexicons {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			t.defs[name] = append(t.defs[name], &lexDef{name: name, words: p.Lexicons[name], file: p.File, lines: p.lexLines[name]})
		}
	}
	for _, name := range t.names() { // in order, so that a cycle is reported at the same place every time
		for v := range t.defs[name] {
			t.resolve(lexKey{name, v}, nil)
		}
	}
	return t
}

// names returns the names of the lexicons, sorted.
func (t *lexTable) names() []string {
	names := make([]string, 0, len(t.defs))
	for name := range t.defs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// lookup returns the words of the lexicon in force under name; ok is false
// when there is none or it could not be resolved.
func (t *lexTable) lookup(name string) (words []string, known, ok bool) {
	defs := t.defs[name]
	if len(defs) == 0 {
		return nil, false, false
	}
	k := lexKey{name, len(defs) - 1}
	return t.words[k], true, !t.bad[k]
}

// maxListed is how many defined names the message for an unknown lexicon
// lists.
const maxListed = 12

// unknown returns the messages for a reference to an undefined lexicon,
// suggesting the closest name when there is one.
func (t *lexTable) unknown(name string) (zh, en string) {
	names := t.names()
	if s := yamlnode.Closest(name, names); s != "" {
		return fmt.Sprintf("未知的词表 %q，是否应为 %s？", name, s), fmt.Sprintf("unknown lexicon %q; did you mean %s?", name, s)
	}
	if len(names) == 0 {
		return fmt.Sprintf("未知的词表 %q（没有定义任何词表，请在 lexicons 中定义）", name),
			fmt.Sprintf("unknown lexicon %q (no lexicon is defined; define it under lexicons)", name)
	}
	if len(names) > maxListed {
		more := len(names) - maxListed
		list := strings.Join(names[:maxListed], ", ")
		return fmt.Sprintf("未知的词表 %q（已定义：%s 等，另有 %d 个）", name, list, more),
			fmt.Sprintf("unknown lexicon %q (defined: %s and %d more)", name, list, more)
	}
	list := strings.Join(names, ", ")
	return fmt.Sprintf("未知的词表 %q（已定义：%s）", name, list), fmt.Sprintf("unknown lexicon %q (defined: %s)", name, list)
}

// resolve resolves definition k; path is the chain of definitions being
// resolved that led to it, for the message of a cycle.
func (t *lexTable) resolve(k lexKey, path []lexKey) bool {
	switch t.state[k] {
	case 2:
		return !t.bad[k]
	case 1:
		return false // a cycle: reported by the caller that found it
	}
	t.state[k] = 1
	d := t.defs[k.name][k.v]
	path = append(path, k)
	seen := map[string]bool{}
	var out []string
	ok := true
	for i, w := range d.words {
		if !strings.HasPrefix(w, "@") {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
			continue
		}
		name, line, field := w[1:], d.lines[i+1], index(yamlnode.Join("lexicons", d.name), i)
		var inc lexKey
		switch {
		case name == k.name && k.v == 0:
			t.add(d.file, line, field, fmt.Sprintf("词表 %q 包含自身（@%s），而此前没有规则包定义过它", name, name),
				fmt.Sprintf("lexicon %q includes itself (@%s), and no earlier pack defines it", name, name))
			ok = false
			continue
		case name == k.name:
			inc = lexKey{name, k.v - 1} // extends the definition it replaces
		case len(t.defs[name]) == 0:
			zh, en := t.unknown(name)
			t.add(d.file, line, field, zh, en)
			ok = false
			continue
		default:
			inc = lexKey{name, len(t.defs[name]) - 1}
		}
		if t.state[inc] == 1 {
			t.add(d.file, line, field, "词表循环包含："+cycle(path, inc), "lexicons include each other in a cycle: "+cycle(path, inc))
			ok = false
			continue
		}
		if !t.resolve(inc, path) {
			ok = false
			continue
		}
		for _, x := range t.words[inc] {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	t.state[k], t.words[k] = 2, out
	if !ok {
		t.bad[k] = true
	}
	return ok
}

// cycle describes the cycle that closes at to: "@a → @b → @a".
func cycle(path []lexKey, to lexKey) string {
	i := slices.Index(path, to)
	var names []string
	for _, k := range append(path[i:], to) {
		names = append(names, "@"+k.name)
	}
	return strings.Join(names, " → ")
}

func (t *lexTable) add(file string, line int, field, zh, en string) {
	t.probs = append(t.probs, Problem{File: file, Line: line, Field: field, Reason: zh, ReasonEN: en})
}

// itemKind is what an item with references is: it decides how each
// expansion is checked.
type itemKind int

const (
	kindTerm itemKind = iota // a term or an exception
	kindPattern
	kindNotAfter // the words of a guard (see Guard)
	kindNotBefore
	kindUnless
)

// expandRule returns r with the lexicon references of its terms, patterns,
// exceptions and own guard expanded; refLines holds the lines of the
// pack's items with references (Pack.refLines) and idx is r's index in its
// pack. A field with references loses repeated strings; a field without is
// kept as is.
func (t *lexTable) expandRule(r Rule, file string, idx int, refLines map[string]int) (Rule, Problems) {
	x := &ruleExpander{t: t, file: file, idx: idx, refLines: refLines}
	r.Terms = x.field(r.Terms, "terms", kindTerm)
	r.Patterns = x.field(r.Patterns, "patterns", kindPattern)
	r.Exceptions = x.field(r.Exceptions, "exceptions", kindTerm)
	r.NotAfter = x.field(r.NotAfter, "not_after", kindNotAfter)
	r.NotBefore = x.field(r.NotBefore, "not_before", kindNotBefore)
	r.Unless = x.field(r.Unless, "unless", kindUnless)
	return r, x.probs
}

type ruleExpander struct {
	t        *lexTable
	file     string
	idx      int
	refLines map[string]int
	total    int  // strings expanded so far
	over     bool // past MaxExpansions: reported, stop
	probs    Problems
}

func (x *ruleExpander) add(line int, field, zh, en string) {
	x.probs = append(x.probs, Problem{File: x.file, Line: line, Field: field, Reason: zh, ReasonEN: en})
}

func (x *ruleExpander) field(items []string, name string, kind itemKind) []string {
	if !slices.ContainsFunc(items, hasRefs) {
		return items
	}
	out := make([]string, 0, len(items))
	seen := map[string]bool{}
	put := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i, s := range items {
		if !hasRefs(s) {
			put(s)
			continue
		}
		f := index(name, i)
		line := x.refLines[refKey(x.idx, f)]
		for _, e := range x.item(s, line, f, kind) {
			put(e)
		}
	}
	return out
}

// item expands one string and checks each expansion.
func (x *ruleExpander) item(s string, line int, field string, kind itemKind) []string {
	parts, err := splitRefs(s)
	if err != nil || x.over { // a malformed reference is Parse's problem
		return nil
	}
	alts := make([][]string, len(parts))
	n := 1
	for i, part := range parts {
		if !part.ref {
			alts[i] = []string{part.text}
			continue
		}
		words, known, ok := x.t.lookup(part.text)
		switch {
		case !known:
			zh, en := x.t.unknown(part.text)
			x.add(line, field, zh, en)
			return nil
		case !ok:
			return nil // the lexicon's own problem is reported
		}
		alts[i] = words
		n *= len(words)
		if n > MaxExpansions {
			break
		}
	}
	if x.total+n > MaxExpansions {
		x.over = true
		x.add(line, field, fmt.Sprintf("展开后超过每条规则%d 个词语与模式的上限（此项展开为 %d 个，之前已有 %d 个）；请拆分规则或缩小词表",
			MaxExpansions, n, x.total), fmt.Sprintf("expands past the limit of %d strings per rule (this item: %d, before it: %d); split the rule or narrow the lexicons",
			MaxExpansions, n, x.total))
		return nil
	}
	x.total += n
	out := make([]string, 0, n)
	var buf []byte
	var walk func(i int)
	walk = func(i int) {
		if i == len(alts) {
			out = append(out, string(buf))
			return
		}
		mark := len(buf)
		for _, a := range alts[i] {
			buf = append(buf[:mark], a...)
			walk(i + 1)
		}
		buf = buf[:mark]
	}
	walk(0)
	for _, e := range out {
		if msgZH, msgEN, bad := x.check(e, kind); bad {
			x.add(line, field, fmt.Sprintf("%q 展开为 %q：%s", s, e, msgZH), fmt.Sprintf("%q expands to %q: %s", s, e, msgEN))
			return nil
		}
	}
	return out
}

// check checks one expansion as Parse checks a term, a pattern or a
// guard word.
func (x *ruleExpander) check(e string, kind itemKind) (zh, en string, bad bool) {
	switch kind {
	case kindPattern:
		if _, err := ParsePattern(e); err != nil {
			qe := err.(*qinglang.Error)
			return qe.Message, qe.MessageEN, true
		}
		return "", "", false
	case kindNotAfter:
		return checkGuardEntry(e, partNotAfter)
	case kindNotBefore:
		return checkGuardEntry(e, partNotBefore)
	case kindUnless:
		return checkGuardEntry(e, partUnless)
	}
	if n := utf8.RuneCountInString(e); n > MaxTermRunes {
		return fmt.Sprintf("最长 %d 个字，展开后有 %d 个", MaxTermRunes, n), fmt.Sprintf("at most %d runes; the expansion has %d", MaxTermRunes, n), true
	}
	return "", "", false
}
