package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

// defaultRules is the built-in pack, compiled.
func defaultRules(t *testing.T) (*rules.Set, *claimmatch.Matcher) {
	t.Helper()
	set, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := claimmatch.Compile(set.Rules)
	if err != nil {
		t.Fatal(err)
	}
	return set, m
}

func TestScriptFindingsHaveLineColumnAndBasis(t *testing.T) {
	set, m := defaultRules(t)
	items, err := Read("script.txt", []byte("家人们晚上好\r\n\r\n这款茶喝了能根治失眠\n"), qinglang.Category("food"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[1].Line != 3 || items[1].Where != rules.SourceSpeech || items[1].Category != "food" {
		t.Fatalf("items = %+v, want lines 1 and 3 as food speech", items)
	}
	found := Check(set, m, items)
	if len(found) == 0 {
		t.Fatal("no finding for a disease claim about tea")
	}
	f := found[0]
	text := "这款茶喝了能根治失眠"
	col := strings.Index(text, f.Matched)
	if f.Line != 3 || col < 0 || f.Column != len([]rune(text[:col]))+1 {
		t.Errorf("finding at %d:%d matched %q, want line 3 at the match's character column", f.Line, f.Column, f.Matched)
	}
	if f.Basis == "" || f.BasisEN == "" || f.Message == "" || f.MessageEN == "" || f.Text != text {
		t.Errorf("finding lacks its description: %+v", f)
	}
	if !High(found) {
		t.Errorf("a disease claim is not high: %+v", found)
	}
	clean, err := Script([]byte("家人们晚上好\n今天给大家带来一款红茶\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := Check(set, m, clean); len(got) != 0 || High(got) {
		t.Errorf("a clean script: %+v", got)
	}
}

func TestProductListsCSVAndJSON(t *testing.T) {
	set, m := defaultRules(t)
	csvItems, err := Read("-", []byte("title,category,price\n高仿名牌包 1:1复刻,apparel,199\n纯棉T恤,,59\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(csvItems) != 2 || csvItems[0].Line != 2 || csvItems[1].Category != qinglang.CatGeneral || csvItems[0].Where != rules.SourceTitle {
		t.Fatalf("CSV items = %+v", csvItems)
	}
	found := Check(set, m, csvItems)
	if len(found) == 0 || found[0].Line != 2 || found[0].Category != "apparel" {
		t.Fatalf("CSV findings = %+v, want the counterfeit on line 2", found)
	}
	for _, f := range found {
		if f.Line != 2 {
			t.Errorf("finding on line %d: %+v", f.Line, f)
		}
	}
	jsonItems, err := Read("list.json", []byte(` [{"title":"纯棉T恤","price":59},{"title":"高仿名牌包 1:1复刻","category":"apparel"}]`), "")
	if err != nil {
		t.Fatal(err)
	}
	found = Check(set, m, jsonItems)
	if len(found) == 0 || found[0].Line != 2 {
		t.Fatalf("JSON findings = %+v, want the second product", found)
	}
}

// Bad input names the line (CSV) or index (JSON) and the field.
func TestBadInputNamesLineAndField(t *testing.T) {
	cases := []struct {
		name, data string
		want       []string
	}{
		{"p.csv", "title,category\n好包,apparel\n好鞋,toys\n", []string{"CSV line 3", "field category", "toys"}},
		{"p.csv", "title,category\n好包,apparel\n,food\n", []string{"CSV line 3", "field title"}},
		{"p.csv", "name,category\n好包,apparel\n", []string{"CSV line 1", "title column"}},
		{"p.csv", "title,category\n\"好包,apparel\n", []string{"CSV line"}},
		{"-", `[{"title":"好包"},{"title":"好鞋","category":"toys"}]`, []string{"index 1", "field category", "toys"}},
		{"-", `[{"title":"好包"},{"title":7}]`, []string{"index 1", "field title", "string"}},
		{"-", `[{"title":"好包"},{"category":"food"}]`, []string{"index 1", "field title"}},
		{"-", `[{"title":"好包"},"好鞋"]`, []string{"index 1"}},
		{"-", `[{"title":"好包"`, []string{"not a valid JSON array"}},
		{"-", "好\xff", []string{"UTF-8"}},
	}
	for _, c := range cases {
		_, err := Read(c.name, []byte(c.data), "")
		if err == nil {
			t.Errorf("%q: no error", c.data)
			continue
		}
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%q: code %q, want invalid", c.data, qinglang.Code(err))
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q lacks %q", c.data, err, w)
			}
		}
	}
	if _, err := Script([]byte("好"), "toys"); err == nil || !strings.Contains(err.Error(), "field category") {
		t.Errorf("unknown script category: %v", err)
	}
}

func TestRequestItems(t *testing.T) {
	items, err := Request{Text: "第一句\n这款茶喝了能根治失眠", Category: "food"}.Items()
	if err != nil || len(items) != 2 || items[1].Line != 2 || items[1].Category != "food" {
		t.Fatalf("text request: %+v, %v", items, err)
	}
	items, err = Request{Products: []Product{{Title: "纯棉T恤"}}}.Items()
	if err != nil || len(items) != 1 || items[0].Where != rules.SourceTitle || items[0].Category != qinglang.CatGeneral {
		t.Fatalf("products request: %+v, %v", items, err)
	}
	bad := []struct {
		req  Request
		want string
	}{
		{Request{}, "want text"},
		{Request{Text: "a", Products: []Product{{Title: "b"}}}, "not both"},
		{Request{Products: []Product{{Title: "b"}}, Category: "food"}, "field category"},
		{Request{Text: "a", Category: "toys"}, "field category"},
		{Request{Products: []Product{{Title: "b"}, {Title: " "}}}, "index 1, field title"},
	}
	for _, b := range bad {
		if _, err := b.req.Items(); err == nil || qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%+v: error %v, want invalid naming %q", b.req, err, b.want)
		}
	}
}

// TestOverlappingMatchesAreOneFinding: two rules naming one claim are one
// finding, the gravest and longest, the other's rule in Also; a match that
// shares less than half of the shorter span, and one elsewhere, stay.
func TestOverlappingMatchesAreOneFinding(t *testing.T) {
	f := func(rule string, sev qinglang.Severity) Finding { return Finding{Rule: rule, Severity: sev} }
	got := merge([]span{
		{20, 24, f("elsewhere", qinglang.SeverityLow)},
		{2, 8, f("inner", qinglang.SeverityMedium)},
		{0, 10, f("outer", qinglang.SeverityHigh)},
		{8, 14, f("edge", qinglang.SeverityHigh)},
		{1, 9, f("inner", qinglang.SeverityHigh)},
	})
	var rules []string
	for _, s := range got {
		rules = append(rules, s.f.Rule+"+"+strings.Join(s.f.Also, "+"))
	}
	if want := []string{"outer+inner", "edge+", "elsewhere+"}; !slices.Equal(rules, want) {
		t.Errorf("merged = %v, want %v", rules, want)
	}

	set, m := defaultRules(t)
	items, err := Script([]byte("这款果冻三天瘦五斤\n全网销量第一，还能根治失眠\n"), qinglang.Category("food"))
	if err != nil {
		t.Fatal(err)
	}
	found := Check(set, m, items)
	perLine := map[int]int{}
	for _, f := range found {
		perLine[f.Line]++
	}
	if perLine[1] != 1 || perLine[2] < 2 {
		t.Fatalf("findings per line %v, want one on line 1 (one claim) and two or more on line 2: %+v", perLine, found)
	}
	if found[0].Matched != "三天瘦五斤" || len(found[0].Also) == 0 {
		t.Errorf("line 1: %q also %v, want the whole claim with the other rules that named it", found[0].Matched, found[0].Also)
	}
}
