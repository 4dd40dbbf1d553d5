package claimmatch

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
	"github.com/qinglang/qinglang/textnorm"
)

// refGuarded is the brute-force meaning of a guard, for the full-path
// reference (scanFull): every guard word tried at every position of the
// windows around the match, without the guard automaton; breaks looked
// for rune by rune.
func refGuarded(m *Matcher, t textnorm.Text, starts []int, c cand) bool {
	for _, gi := range m.rules[c.rule].guards {
		if refHolds(m, &m.gsets[gi], t, starts, c) {
			return true
		}
	}
	return false
}

func refHolds(m *Matcher, g *guardSet, t textnorm.Text, starts []int, c cand) bool {
	norm := t.Norm
	cs, ce := int(c.s), int(c.e)
	if g.aNotA && cs > 0 {
		r := []rune(norm[cs:])
		prev := []rune(norm[:cs])
		if len(r) >= 2 && (r[0] == '不' || r[0] == '没') && prev[len(prev)-1] == r[1] {
			return true
		}
	}
	origStart := func(i int) int { s, _ := t.Span(i, i); return s }
	origEnd := func(i int) int { _, e := t.Span(i-1, i); return e } // end of the rune ending at byte i
	covered := func(gs, ge int) bool {
		for _, u := range g.unless {
			for _, o := range occurrences(norm, m.gkeys[u]) {
				if o[0] <= gs && ge <= o[1] {
					return true
				}
			}
		}
		return false
	}
	segIn := func(a, b int, after bool) bool {
		return slices.ContainsFunc(starts, func(q int) bool { return after && a <= q && q < b || !after && a < q && q <= b })
	}
	// Guard words ending at one of the wb positions before the match, and
	// starting at one of the wa positions after it.
	for pe, n := cs, 0; n < g.wb && pe >= 0; n++ {
		for _, k := range g.before {
			key := m.gkeys[k]
			if !strings.HasSuffix(norm[:pe], key) {
				continue
			}
			gs := pe - len(key)
			a, b := origStart(gs), origStart(cs)
			if !refBreak(t.Orig, a, b) && !segIn(a, b, false) && !covered(gs, pe) {
				return true
			}
		}
		_, size := utf8.DecodeLastRuneInString(norm[:pe])
		pe -= max(size, 1)
	}
	for ps, n := ce, 0; n < g.wa && ps <= len(norm); n++ {
		for _, k := range g.after {
			key := m.gkeys[k]
			if !strings.HasPrefix(norm[ps:], key) {
				continue
			}
			ge := ps + len(key)
			a, b := origEnd(ce), origEnd(ge)
			if !refBreak(t.Orig, a, b) && !segIn(a, b, true) && !covered(ps, ge) {
				return true
			}
		}
		_, size := utf8.DecodeRuneInString(norm[ps:])
		ps += max(size, 1)
	}
	if len(g.marks) == 0 {
		return false
	}
	// The first break after c, if it is a mark within wa runes and no
	// segment ends before it.
	a := origEnd(ce)
	for i := a; i < len(t.Orig); {
		r, size := utf8.DecodeRuneInString(t.Orig[i:])
		if segIn(a, i+1, true) {
			return false
		}
		if refBreak(t.Orig, i, i+size) {
			gap := 0
			for j := ce; j < len(norm); {
				if origStart(j) >= i {
					break
				}
				_, n := utf8.DecodeRuneInString(norm[j:])
				j += n
				gap++
			}
			return gap <= g.wa-1 && slices.Contains(g.marks, rules.FoldMark(r))
		}
		i += size
	}
	return false
}

// refBreak is rules.ClauseBreakIn written out again.
func refBreak(s string, i, j int) bool {
	for k := i; k < j; {
		r, size := utf8.DecodeRuneInString(s[k:])
		if rules.IsClauseBreak(r) {
			sep := r == '.' || r == '．' || r == ','
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			next, _ := utf8.DecodeRuneInString(s[k+size:])
			if !sep || !unicode.IsDigit(prev) || !unicode.IsDigit(next) {
				return true
			}
		}
		k += size
	}
	return false
}

// guarded is a rule whose own guard holds denials before it and questions
// after it.
func guarded(id string, terms ...string) rules.Rule {
	return rules.Rule{ID: id, Terms: terms, Guard: rules.Guard{
		NotAfter: []string{"不", "不能", "不敢说", "没有"}, WithinBefore: 1,
		NotBefore: []string{"吗", "？"}, WithinAfter: 3,
		Unless: []string{"再也不", "什么"},
	}}
}

func TestGuardWindows(t *testing.T) {
	m := mustCompile(t, guarded("g", "能治", "降血压", "治病"),
		rules.Rule{ID: "w", Terms: []string{"最低价"}, Guard: rules.Guard{NotAfter: []string{"不是"}, WithinBefore: 3}},
		rules.Rule{ID: "n", Patterns: []string{"{N}天降血糖"}, Guard: rules.Guard{NotAfter: []string{"不能"}, WithinBefore: 2}})
	tests := []struct {
		text string
		want []string
	}{
		{"不能降血压", nil},
		{"不降血压", nil},
		{"不敢说能治", nil},                           // the longest denial touches the match
		{"不能错过降血压茶", []string{"g:降血压"}},          // a denial of something else
		{"不用吃药降血压", []string{"g:降血压"}},           // 不 is three runes away
		{"降血压吗", nil},                            // a question right after
		{"降血压的茶吗", nil},                          // two runes between: within 3
		{"降血压的好茶吗", []string{"g:降血压"}},           // three runes between: not within 3
		{"这不是最低价", nil},                          // within_before 3: touching
		{"不是全网最低价", nil},                         // two runes between
		{"不是本店全网最低价", []string{"w:最低价"}},         // four runes between
		{"不能3天降血糖", nil},                         // 3 starts the match
		{"不能三十天降血糖", nil},                        // 30 starts the match
		{"不能再三十天降血糖", nil},                       // one rune between: within 2
		{"不能再过三十天降血糖", []string{"n:三十天降血糖[30]"}}, // two runes between
		{"三天降血糖不能", []string{"n:三天降血糖[3]"}},      // after the match: not a not_after
	}
	for _, tt := range tests {
		if got := brief(t, tt.text, m.Scan(tt.text, general)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGuardClauseBreaks(t *testing.T) {
	m := mustCompile(t, guarded("g", "降血压"))
	for _, br := range []string{"，", ",", "。", ".", "！", "!", "？", "?", "；", ";", "、", "…", "...", "\n", "\r\n", "﹐", "︒", "｡", "､"} {
		text := "不" + br + "降血压"
		if got := brief(t, text, m.Scan(text, general)); !slices.Equal(got, []string{"g:降血压"}) {
			t.Errorf("%q: a denial across %q guarded the match: %q", text, br, got)
		}
		if _, mark := rules.ClauseMark(br); mark && rules.FoldMark([]rune(br)[0]) == '?' {
			continue // the clause ends with a question mark
		}
		text = "降血压" + br + "吗"
		if got := brief(t, text, m.Scan(text, general)); len(got) != 1 {
			t.Errorf("%q: a question across %q guarded the match: %q", text, br, got)
		}
	}
	// Not breaks: spaces, noise, colons, brackets, and separators inside
	// numbers.
	for _, text := range []string{"不 降血压", "不\u3000降血压", "不*降血压", "不😀降血压", "不:降血压", "【不】降血压", "降血压 吗", "降血压~吗"} {
		if got := m.Scan(text, general); len(got) != 0 {
			t.Errorf("%q: not guarded: %+v", text, got)
		}
	}
	n := mustCompile(t, rules.Rule{ID: "n", Patterns: []string{"瘦{N}斤"}, Guard: rules.Guard{NotBefore: []string{"吗"}, WithinAfter: 6}})
	for _, text := range []string{"瘦5斤是3.5折吗", "瘦5斤付1,000吗", "瘦5斤要３．５折吗"} {
		if got := n.Scan(text, general); len(got) != 0 {
			t.Errorf("%q: a number's separator was taken for a break: %+v", text, got)
		}
	}
	if got := n.Scan("瘦5斤要5.折吗", general); len(got) != 1 {
		t.Errorf("a '.' after a digit only is a break: %+v", got)
	}
}

func TestGuardEvasions(t *testing.T) {
	m := mustCompile(t, guarded("g", "能治", "治病"))
	// Noise inside the denial is dropped by the normaliser, as in terms.
	for _, text := range []string{"不*能治病", "不 能 治 病", "不​能治病", "不😀能治病", "不能能治病", "不-能治病", "不能 治 病", "能治病吗吗"} {
		if got := m.Scan(text, general); len(got) != 0 {
			t.Errorf("%q: not guarded: %+v", text, got)
		}
	}
	// A break (or a repeat collapsed across one) is not noise.
	for _, text := range []string{"不，能治病", "不能，能治病", "能治病。吗"} {
		if got := m.Scan(text, general); len(got) == 0 {
			t.Errorf("%q: guarded across a break", text)
		}
	}
}

func TestGuardMarks(t *testing.T) {
	m := mustCompile(t, guarded("g", "降血压"))
	tests := []struct {
		text  string
		match bool
	}{
		{"降血压？", false},
		{"降血压?", false}, // ？ stands for ? too
		{"降血压﹖", false},
		{"能降血压吧？", false},
		{"降血压的茶？", false},   // two runes
		{"降血压的茶呀？", true},   // three runes: past within_after 3
		{"降血压。？", true},     // the clause ended first
		{"降血压！", true},      // not one of the marks
		{"降血压 ？ ", false},   // spaces are not breaks
		{"降血压 3.5 ？", true}, // 3.5 is three runes
	}
	for _, tt := range tests {
		if got := len(m.Scan(tt.text, general)) > 0; got != tt.match {
			t.Errorf("%q: match %v, want %v", tt.text, got, tt.match)
		}
	}
}

func TestGuardUnlessAndOverlap(t *testing.T) {
	m := mustCompile(t, guarded("g", "降血压", "不会有副作用"),
		rules.Rule{ID: "q", Terms: []string{"能治"}, Guard: rules.Guard{NotAfter: []string{"能不能"}, WithinBefore: 1}})
	tests := []struct {
		text string
		want []string
	}{
		{"再也不降血压", []string{"g:降血压"}},     // 不 lies within 再也不
		{"降血压什么的", []string{"g:降血压"}},     // 么 is not a guard word here, 什么 an unless
		{"并不会有副作用", []string{"g:不会有副作用"}}, // a guard word never overlaps the match
		{"没有不会有副作用", nil},                 // 没有 touches it
		{"能不能治", []string{"q:能治"}},        // 能不能 overlaps 能治: not a guard
		{"是不是能不能治", []string{"q:能治"}},
	}
	for _, tt := range tests {
		if got := brief(t, tt.text, m.Scan(tt.text, general)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestGuardANotA: with a_not_a, a match that is the negative half of an
// A-not-A question is dropped; a denial or a claim that merely starts with
// 不 is not.
func TestGuardANotA(t *testing.T) {
	q := rules.Rule{ID: "q", Terms: []string{"不会反弹", "没有副作用", "不反弹"}, Guard: rules.Guard{
		NotBefore: []string{"吗"}, WithinAfter: 3, ANotA: true}}
	plain := rules.Rule{ID: "p", Terms: []string{"不会反弹"}, Guard: rules.Guard{NotBefore: []string{"吗"}, WithinAfter: 3}}
	m := mustCompile(t, q, plain)
	tests := []struct {
		text string
		want []string
	}{
		{"停了会不会反弹", []string{"p:不会反弹"}}, // 会不会: a question, for q only
		{"有没有副作用", nil},
		{"停了也不会反弹", []string{"p:不会反弹", "q:不会反弹"}},
		{"保证没有副作用", []string{"q:没有副作用"}},
		{"不反弹", []string{"q:不反弹"}}, // nothing before it
		{"反不反弹", nil},              // 反不反: a question
	}
	for _, tt := range tests {
		if got := brief(t, tt.text, m.Scan(tt.text, general)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestGuardContained: a match within a match its guard drops, of the same
// rule, is dropped too; another rule's is not.
func TestGuardContained(t *testing.T) {
	m := mustCompile(t, guarded("g", "国药准字", "药准字"), rules.Rule{ID: "h", Terms: []string{"药准字"}})
	if got := brief(t, "没有国药准字", m.Scan("没有国药准字", general)); !slices.Equal(got, []string{"h:药准字"}) {
		t.Errorf("got %q", got)
	}
	m = mustCompile(t, guarded("g", "国药准字", "药准字"))
	if got := m.Scan("没有国药准字，有药准字", general); len(got) != 1 || got[0].Text != "药准字" {
		t.Errorf("got %+v", got)
	}
}

func TestGuardSegments(t *testing.T) {
	m := mustCompile(t, guarded("g", "降血压"))
	tests := []struct {
		text   string
		starts []int
		match  bool
	}{
		{"不降血压", []int{3}, true},     // the match starts the second segment
		{"不降血压", []int{0}, false},    // a start at 0 splits nothing
		{"降血压吗", []int{9}, true},     // 吗 starts the second segment
		{"降血压吗", []int{12}, false},   // the boundary is after 吗
		{"降血压？", []int{9}, true},     // the mark is in the next segment
		{"吃了不降血压吗", []int{6}, false}, // 吃了 | 不降血压吗
		{"降血压的吗", []int{12}, true},   // 降血压的 | 吗
	}
	for _, tt := range tests {
		if got := len(m.ScanSegments(tt.text, tt.starts, general)) > 0; got != tt.match {
			t.Errorf("%q %v: match %v, want %v", tt.text, tt.starts, got, tt.match)
		}
		if got := refGuardedScan(m, tt.text, tt.starts); got == tt.match {
			t.Errorf("%q %v: the reference disagrees", tt.text, tt.starts)
		}
	}
	// A pattern still spans segments.
	p := mustCompile(t, rules.Rule{ID: "p", Patterns: []string{"{N}天瘦{N}斤"}, Guard: rules.Guard{NotAfter: []string{"不"}, WithinBefore: 1}})
	if got := p.ScanSegments("吃了三天瘦五斤", []int{12}, general); len(got) != 1 {
		t.Errorf("a claim over segments: %+v", got)
	}
}

// refGuardedScan reports whether the reference drops every match of text.
func refGuardedScan(m *Matcher, text string, starts []int) bool {
	return len(scanFullSegments(m, text, starts, general)) == 0
}

func TestGuardCompileErrors(t *testing.T) {
	tests := []struct {
		r    rules.Rule
		want string
	}{
		{rules.Rule{ID: "a", Terms: []string{"治"}, Guards: []string{"denial"}}, "load packs through rules.Merge"},
		{rules.Rule{ID: "b", Terms: []string{"治"}, Guard: rules.Guard{NotAfter: []string{"{@denial}"}}}, "unexpanded lexicon reference"},
		{rules.Rule{ID: "c", Terms: []string{"治"}, Guard: rules.Guard{NotAfter: []string{"？"}}}, "empty once normalised"},
		{rules.Rule{ID: "d", Terms: []string{"治"}, Guard: rules.Guard{NotBefore: []string{"——"}}}, "empty once normalised"},
		{rules.Rule{ID: "e", Terms: []string{"治"}, Guard: rules.Guard{NotBefore: []string{"吗"}, WithinAfter: 21}}, "guard windows must be 1 to 20"},
		{rules.Rule{ID: "f", Terms: []string{"治"}, Guard: rules.Guard{NotBefore: []string{"吗"}, Unless: []string{"\n"}}}, "empty once normalised"},
	}
	for _, tt := range tests {
		_, err := Compile([]rules.Rule{tt.r})
		if err == nil || qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.(*qinglang.Error).MessageEN, tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.r.ID, err, tt.want)
		}
	}
}

// TestGuardsOnlyOnHits: a text without a hit never runs the guard
// automaton, and costs no allocation.
func TestGuardsOnlyOnHits(t *testing.T) {
	m := mustCompile(t, guarded("g", "降血压"))
	s := m.NewScanner()
	text := strings.Repeat("不能吗？什么", 20)
	if allocs := testing.AllocsPerRun(20, func() { s.Scan(text, general, nil) }); allocs != 0 || s.ghitsOK {
		t.Errorf("a text without a hit: %v allocations, guard words searched %v", allocs, s.ghitsOK)
	}
}
