package claimmatch

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

func mustCompile(t testing.TB, rs ...rules.Rule) *Matcher {
	t.Helper()
	m, err := Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// brief renders matches as "id:text" or "id:text[n1 n2]" and checks that
// every Text is the original substring.
func brief(t *testing.T, text string, ms []Match) []string {
	t.Helper()
	var out []string
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
			t.Errorf("%q: match %+v: Text is not text[Start:End]", text, m)
		}
		s := m.RuleID + ":" + m.Text
		if m.Numbers != nil {
			s += fmt.Sprint(m.Numbers)
		}
		out = append(out, s)
	}
	return out
}

func check(t *testing.T, m *Matcher, text string, ctx Context, want ...string) {
	t.Helper()
	got := brief(t, text, m.Scan(text, ctx))
	if !slices.Equal(got, want) {
		t.Errorf("Scan(%q, %+v) = %q, want %q", text, ctx, got, want)
	}
}

var general = Context{}

func TestTerms(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "best", Terms: []string{"最好", "最好的"}},
		rules.Rule{ID: "cure", Terms: []string{"根治"}},
	)
	check(t, m, "这是最好的面霜", general, "best:最好的")
	check(t, m, "主播好", general)
	check(t, m, "", general)
	check(t, m, "最好最好", general, "best:最好", "best:最好")
	check(t, m, "能根治吗，最好的", general, "cure:根治", "best:最好的")
}

func TestOverlappingRules(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "b.lowest", Terms: []string{"最低价"}},
		rules.Rule{ID: "a.abs", Terms: []string{"最低", "全网"}},
		rules.Rule{ID: "c.net", Terms: []string{"全网最低价"}},
	)
	check(t, m, "全网最低价", general, "a.abs:全网", "c.net:全网最低价", "a.abs:最低", "b.lowest:最低价")
}

func TestLeftmostLongestOverlap(t *testing.T) {
	m := mustCompile(t, rules.Rule{ID: "r", Terms: []string{"ab", "bc", "bcd"}})
	check(t, m, "abcd", general, "r:ab")
	check(t, m, "xbcd", general, "r:bcd")
}

func TestExceptions(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "first", Terms: []string{"第一"}, Exceptions: []string{"第一个链接"}},
		rules.Rule{ID: "other", Terms: []string{"链接"}},
	)
	check(t, m, "点第一个链接", general, "other:链接")
	check(t, m, "全网第一", general, "first:第一")
	check(t, m, "第一个链接是全网第一", general, "other:链接", "first:第一")
	// The exception of one rule does not hide another rule's match.
	m = mustCompile(t,
		rules.Rule{ID: "a", Terms: []string{"最近"}},
		rules.Rule{ID: "b", Terms: []string{"最"}, Exceptions: []string{"最近"}},
	)
	check(t, m, "最近很忙", general, "a:最近")
	check(t, m, "最棒", general, "b:最")
}

func TestContext(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "cure", Terms: []string{"根治"}, ExceptCategories: []qinglang.Category{qinglang.CatDrug}},
		rules.Rule{ID: "food", Terms: []string{"根治"}, Categories: []qinglang.Category{qinglang.CatFood, qinglang.CatHealthFood}},
		rules.Rule{ID: "fake", Terms: []string{"高仿"}, Where: []rules.Source{rules.SourceComment, rules.SourceTitle}},
	)
	check(t, m, "根治", general, "cure:根治")
	check(t, m, "根治", Context{Category: qinglang.CatGeneral}, "cure:根治")
	check(t, m, "根治", Context{Category: qinglang.CatDrug})
	check(t, m, "根治", Context{Category: qinglang.CatFood}, "cure:根治", "food:根治")
	check(t, m, "根治", Context{Category: "pet_food"}, "cure:根治")
	check(t, m, "高仿", Context{Where: rules.SourceSpeech})
	check(t, m, "高仿", Context{Where: rules.SourceComment}, "fake:高仿")
	check(t, m, "高仿", Context{Where: "other"})
	check(t, m, "高仿", general, "fake:高仿") // unknown source: every rule
}

func TestPatterns(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "slim", Patterns: []string{"{N}天瘦{N}斤", "瘦了{N}斤"}},
		rules.Rule{ID: "rate", Patterns: []string{"有效率{N}%"}},
		rules.Rule{ID: "sold", Patterns: []string{"已售{N}万单"}},
		rules.Rule{ID: "gap", Patterns: []string{"月销{GAP:3}过{N}件"}},
	)
	check(t, m, "吃了三天瘦五斤", general, "slim:三天瘦五斤[3 5]")
	check(t, m, "有效率98%", general, "rate:有效率98%[98]")
	check(t, m, "瘦了3.2斤太开心了", general, "slim:瘦了3.2斤[3.2]")
	check(t, m, "15天瘦10斤", general, "slim:15天瘦10斤[15 10]")
	check(t, m, "已售10万单", general, "sold:已售10万单[10]")
	check(t, m, "瘦了斤", general)
	check(t, m, "天瘦5斤", general)
	check(t, m, "月销过100件", general, "gap:月销过100件[100]")
	check(t, m, "月销超过100件", general, "gap:月销超过100件[100]")
	check(t, m, "月销量已经超过100件", general)

	// A pattern's match inside one of its rule's exceptions is dropped.
	m = mustCompile(t, rules.Rule{ID: "slim", Patterns: []string{"{N}天瘦{N}斤"}, Exceptions: []string{"不是三天瘦五斤"}})
	check(t, m, "这不是三天瘦五斤的药", general)
	check(t, m, "这是三天瘦五斤的药", general, "slim:三天瘦五斤[3 5]")
}

func TestGap(t *testing.T) {
	m := mustCompile(t, rules.Rule{ID: "g", Patterns: []string{"三天{GAP:2}瘦"}})
	check(t, m, "3天瘦", general, "g:3天瘦")
	check(t, m, "3天就瘦", general, "g:3天就瘦")
	check(t, m, "3天能够瘦", general, "g:3天能够瘦")
	check(t, m, "3天真的能瘦", general)
	// A gap before the anchor is matched backwards.
	m2 := mustCompile(t, rules.Rule{ID: "b", Patterns: []string{"吃{GAP:2}三天瘦了{N}斤"}})
	check(t, m2, "我吃了三天瘦了五斤", general, "b:吃了三天瘦了五斤[5]")
	check(t, m2, "吃三天瘦了5斤", general, "b:吃三天瘦了5斤[5]")
	check(t, m2, "吃了好久三天瘦了5斤", general)
	// Shortest gap first: the match stops at the first 瘦.
	check(t, m, "3天瘦又瘦", general, "g:3天瘦")
}

func TestNumberBoundaries(t *testing.T) {
	m := mustCompile(t, rules.Rule{ID: "n", Patterns: []string{"{N}倍"}})
	check(t, m, "效果提升125倍", general, "n:125倍[125]")
	check(t, m, "1.5倍", general, "n:1.5倍[1.5]")
	check(t, m, "提升0.5倍和2倍", general, "n:0.5倍[0.5]", "n:2倍[2]")
	check(t, m, "倍", general)
}

func TestEvasions(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "cure", Terms: []string{"根治"}},
		rules.Rule{ID: "slim", Patterns: []string{"瘦了{N}斤"}},
		rules.Rule{ID: "best", Terms: []string{"ＮＯ.1", "best"}},
	)
	check(t, m, "能根*治", general, "cure:根*治")
	check(t, m, "瘦 了 五 斤", general, "slim:瘦 了 五 斤[5]")
	check(t, m, "ＢＥＳＴ choice", general, "best:ＢＥＳＴ")
	check(t, m, "我们是no.1", general, "best:no.1")
}

func TestScannerReuse(t *testing.T) {
	m := mustCompile(t, rules.Rule{ID: "best", Terms: []string{"最好"}})
	s := m.NewScanner()
	var out []Match
	out = s.Scan("最好", general, out[:0])
	out = s.Scan("好的最好", general, out)
	if len(out) != 2 || out[0].Start != 0 || out[1].Start != 6 {
		t.Fatalf("got %+v", out)
	}
	allocs := testing.AllocsPerRun(100, func() { out = s.Scan("主播好，多少钱", general, out[:0]) })
	if allocs != 0 {
		t.Errorf("Scan without match: %v allocations, want 0", allocs)
	}
}

func TestCompileErrors(t *testing.T) {
	for _, rs := range [][]rules.Rule{
		{{ID: "a", Terms: []string{"   "}}},
		{{ID: "a", Patterns: []string{"{N}"}}},
		{{ID: "a", Terms: []string{"x"}}, {ID: "a", Terms: []string{"y"}}},
		{{ID: "a", Terms: []string{"{@disease}好了"}}},                    // not expanded by rules.Merge
		{{ID: "a", Terms: []string{"x"}, Exceptions: []string{"{@q}"}}}, // likewise
		{{ID: "a", Patterns: []string{"{@disease}{GAP:3}好了"}}},
	} {
		_, err := Compile(rs)
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("Compile(%+v): error %v, want code invalid", rs, err)
		} else {
			t.Log(err)
		}
	}
}

func TestConcurrent(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "best", Terms: []string{"最好", "最好的"}},
		rules.Rule{ID: "slim", Patterns: []string{"瘦了{N}斤"}},
	)
	texts := []string{"最好的", "瘦了3.2斤", "主播好", strings.Repeat("最好的瘦了5斤", 10)}
	want := make([][]Match, len(texts))
	for i, tx := range texts {
		want[i] = m.Scan(tx, general)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := m.NewScanner()
			var out []Match
			for i := 0; i < 200; i++ {
				k := (i + g) % len(texts)
				out = s.Scan(texts[k], general, out[:0])
				if len(out) != len(want[k]) {
					t.Errorf("scanner: %q: %d matches, want %d", texts[k], len(out), len(want[k]))
					return
				}
				if got := m.Scan(texts[k], general); len(got) != len(want[k]) {
					t.Errorf("matcher: %q: %d matches, want %d", texts[k], len(got), len(want[k]))
					return
				}
			}
		}()
	}
	wg.Wait()
}
