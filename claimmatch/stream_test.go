package claimmatch

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
	"github.com/qinglang/qinglang/textnorm"
)

// scanFull is Scan as it was before screening was streamed: normalise the
// whole text with its offsets, run the automaton over the normalised
// string, then filter, verify and map. It is the reference the streamed
// Scan is checked against.
func scanFull(m *Matcher, text string, ctx Context) []Match {
	return scanFullSegments(m, text, nil, ctx)
}

// scanFullSegments is scanFull of a text joined from segments, with the
// guards checked by the brute-force reference (refGuarded).
func scanFullSegments(m *Matcher, text string, starts []int, ctx Context) []Match {
	var out []Match
	if text == "" {
		return out
	}
	t := textnorm.Normalize(text)
	norm := t.Norm
	hits := m.ac.find(norm, nil)
	if len(hits) == 0 {
		return out
	}
	sc := resolve(ctx)
	var cands []cand
	var excs []hit
	var nums []float64
	tmp := make([]float64, m.maxNums)
	for _, h := range hits {
		for k := m.useOff[h.kw]; k < m.useOff[h.kw+1]; k++ {
			u := m.uses[k]
			if !sc.applies(&m.rules[u.rule]) {
				continue
			}
			switch u.kind {
			case useTerm:
				cands = append(cands, cand{rule: u.rule, s: h.end - m.ac.kwLen[h.kw], e: h.end})
			case useAnchor:
				p := m.patterns[u.pat]
				if start, stop, ok := p.match(norm, int(h.end), tmp); ok {
					cands = append(cands, cand{rule: u.rule, s: int32(start), e: int32(stop),
						num: int32(len(nums)), nnums: int32(p.nums)})
					nums = append(nums, tmp[:p.nums]...)
				}
			}
		}
		if m.kwScope[h.kw]&excBit != 0 {
			excs = append(excs, h)
		}
	}
	// Drop candidates inside an exception of their rule.
	cands = slices.DeleteFunc(cands, func(c cand) bool {
		for _, x := range excs {
			if x.end >= c.e && x.end-m.ac.kwLen[x.kw] <= c.s && slices.Contains(m.rules[c.rule].excKw, x.kw) {
				return true
			}
		}
		return false
	})
	// Drop candidates a guard holds around, and those within them.
	var dropped []cand
	cands = slices.DeleteFunc(cands, func(c cand) bool {
		if refGuarded(m, t, starts, c) {
			dropped = append(dropped, c)
			return true
		}
		return false
	})
	cands = slices.DeleteFunc(cands, func(c cand) bool {
		return slices.ContainsFunc(dropped, func(g cand) bool { return g.rule == c.rule && g.s <= c.s && c.e <= g.e })
	})
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.rule, b.rule), cmp.Compare(a.s, b.s), cmp.Compare(b.e, a.e))
	})
	last, lastEnd := int32(-1), int32(0)
	for _, c := range cands {
		if c.rule == last && c.s < lastEnd {
			continue
		}
		last, lastEnd = c.rule, c.e
		os, oe := t.Span(int(c.s), int(c.e))
		mt := Match{RuleID: m.rules[c.rule].id, Start: os, End: oe,
			NormStart: int(c.s), NormEnd: int(c.e), Text: text[os:oe]}
		if c.nnums > 0 {
			mt.Numbers = slices.Clone(nums[c.num : c.num+c.nnums])
		}
		out = append(out, mt)
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.End, b.End))
	})
	return out
}

// equivalencePack holds rules whose terms sit where streaming could go
// wrong: next to numerals, letters, separators and repeats, spelt in
// pinyin or traditional characters.
var equivalencePack = []rules.Rule{
	{ID: "eq.cure", Terms: []string{"根治", "治愈", "根治率"}, Exceptions: []string{"不能根治"}},
	{ID: "eq.slim", Terms: []string{"减肥", "瘦身"}, Patterns: []string{"{N}天瘦{N}斤", "瘦了{N}斤"}},
	{ID: "eq.rate", Patterns: []string{"有效率{N}%", "百分之{N}有效"}},
	{ID: "eq.first", Terms: []string{"第一", "no.1", "a货"}, Exceptions: []string{"第一个链接", "第一次"},
		Where: []rules.Source{rules.SourceSpeech, rules.SourceComment}},
	{ID: "eq.sold", Patterns: []string{"已售{N}万单", "月销{GAP:3}过{N}件"}, Categories: []qinglang.Category{qinglang.CatFood}},
	{ID: "eq.haha", Terms: []string{"哈好", "点赞", "3点", "1.5倍"}},
	{ID: "eq.money", Terms: []string{"¥99", "$5"}, ExceptCategories: []qinglang.Category{qinglang.CatDrug}},
	{ID: "eq.guard", Terms: []string{"能治", "治愈", "最好", "第一"}, Patterns: []string{"{N}天瘦{N}斤", "降{GAP:2}血压"},
		Exceptions: []string{"治愈系"}, Guard: rules.Guard{
			NotAfter: []string{"不", "不能", "没有", "能不能", "是不是"}, WithinBefore: 2,
			NotBefore: []string{"吗", "么", "次", "？", "?", "。"}, WithinAfter: 4, Unless: []string{"再也不", "什么"}}},
	{ID: "eq.guard2", Terms: []string{"根治", "瘦"}, Guard: rules.Guard{NotAfter: []string{"不", "3"}, WithinBefore: 1,
		NotBefore: []string{"吗", "了"}, WithinAfter: 1}},
}

// equivalenceTexts are hand-written texts for the equivalence tests.
var equivalenceTexts = []string{
	"根治", "根*治", "根 治", "根\u200b治", "根😀治", "根\u3000治", "根️治", "根治根治", "根根治治", "不能根治",
	"不 能 根 治", "減肥", "減 肥 茶", "jianfei", "jian fei", "jian肥", "减fei", "JIANFEI茶", "jiannfei",
	"shoushen", "sou身", "吃了三天瘦五斤", "3天瘦5斤", "三 天 瘦 五 斤", "瘦了3.2斤", "瘦了三点二斤", "瘦了3..2斤",
	"瘦了３．２斤", "瘦了⑤斤", "瘦瘦瘦了5斤", "有效率98%", "有效率百分之九十八", "有效率９８％", "百分之九十有效",
	"全网第一", "第一个链接", "第1", "点第一个链接", "第一次来", "NO.1", "ｎｏ．１", "no . 1", "A货", "ａ貨",
	"已售10万单", "已售十万单", "已售一万二单", "月销超过100件", "月销量超过100件", "哈哈哈好", "点点赞赞",
	"3点钟", "三点钟", "3 点", "1.5倍", "一点五倍", "1.5.倍", "¥99", "￥99", "$5", "＄５", "二〇二五年第一",
	"", " ", "😀", "\xff", "根\xff治", "\xe6\xa0", "一百零五天瘦五斤", "十五天瘦十斤", "百分百有效", "千万不要",
	"不能治", "不*能治", "不，能治", "能治吗", "能治失眠吗？", "能治。吗", "再也不能治", "不是第一次", "全网第一次",
	"不能三天瘦五斤", "三天瘦五斤吗", "没有最好", "什么最好", "降了血压吗", "不降低血压", "能不能根治", "3根治", "3.5根治",
}

// equivalenceMatchers are the packs the equivalence tests run.
func equivalenceMatchers(t testing.TB) map[string]*Matcher {
	ms := map[string]*Matcher{"eq": mustCompile(t, equivalencePack...), "syn1k": mustCompile(t, syntheticPack(1000)...)}
	set, err := rules.Load()
	if err != nil {
		t.Fatalf("the default pack does not load: %v", err)
	}
	ms["default"] = mustCompile(t, set.Rules...)
	return ms
}

var equivalenceContexts = []Context{
	general, commentCtx,
	{Category: qinglang.CatFood, Where: rules.SourceSpeech},
	{Category: qinglang.CatDrug},
	{Category: "pet_food", Where: rules.SourceTitle},
	{Where: "other"},
}

// checkEquivalent checks that the streamed Scan and its hits equal the
// full path's on text.
func checkEquivalent(t testing.TB, name string, m *Matcher, s *Scanner, text string) {
	t.Helper()
	want := m.ac.find(normalizeString(text), nil)
	if got := s.find(text, nil); !slices.Equal(got, want) {
		t.Fatalf("%s: %q (norm %q): streamed hits %v, full hits %v", name, text, normalizeString(text), got, want)
	}
	for _, ctx := range equivalenceContexts {
		got := s.Scan(text, ctx, nil)
		if want := scanFull(m, text, ctx); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %+v: %q (norm %q):\nstreamed %+v\nfull     %+v", name, ctx, text, normalizeString(text), got, want)
		}
	}
	// The same text as segments, cut at a third and two thirds.
	starts := segmentStarts(text)
	got := s.ScanSegments(text, starts, general, nil)
	if want := scanFullSegments(m, text, starts, general); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: %q segments %v (norm %q):\nstreamed %+v\nfull     %+v", name, text, starts, normalizeString(text), got, want)
	}
}

// segmentStarts cuts text in three at rune boundaries.
func segmentStarts(text string) []int {
	var starts []int
	for _, f := range []int{1, 2} {
		i := len(text) * f / 3
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		if i > 0 && (len(starts) == 0 || starts[len(starts)-1] < i) {
			starts = append(starts, i)
		}
	}
	return starts
}

// equivalencePieces build random texts: the pack's words, numerals of
// every kind, noise, traditional characters, pinyin, emoji, zero-width
// characters, repeats and invalid bytes.
var equivalencePieces = []string{
	"根", "治", "愈", "减", "減", "肥", "瘦", "身", "了", "斤", "天", "有", "效", "率", "第", "个", "链", "接",
	"次", "已", "售", "万", "单", "月", "销", "件", "哈", "好", "赞", "倍", "钟", "不", "能", "最", "的", "主播",
	"一", "二", "两", "三", "五", "九", "十", "百", "千", "零", "〇", "点", "分", "之", "貳", "萬", "壹",
	"0", "1", "2", "3", "5", "9", "５", "⑤", "⑳", "❺", "Ⅴ", "𝟓", "１０",
	"jian", "fei", "sou", "shen", "gen", "zhi", "no", "a", "ａ", "Ｎ", "x",
	" ", "\u3000", "\t", "\u200b", "\u200d", "\ufe0f", "\ufeff", "\u0336", "*", "，", "。", "！", "？", "?", "\n", "…", "~", "～", "吗", "么", "什么", "再也", "没有", "是不是", "次",
	".", "．", ":", "/", "-", "%", "％", "¥", "$", "😀", "🔥", "👍🏻", "❤", "\xff", "\xe4\xb8", "𠀀",
}

func randomEquivalenceText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(20); n > 0; n-- {
		p := equivalencePieces[r.IntN(len(equivalencePieces))]
		for k := 1 + r.IntN(3)/2; k > 0; k-- { // sometimes repeated
			b.WriteString(p)
		}
	}
	return b.String()
}

// TestStreamedScanEquivalent checks that the streamed Scan gives the
// same matches (rule, spans, numbers) as the full path, on hand-written
// texts, the benchmark's comments, texts that straddle the normaliser's
// chunks, and random texts.
func TestStreamedScanEquivalent(t *testing.T) {
	texts := slices.Concat(equivalenceTexts, comments)
	for _, c := range comments[:20] {
		texts = append(texts, strings.Repeat(c+"，", 30)) // several chunks
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		texts = append(texts, randomEquivalenceText(r))
	}
	for name, m := range equivalenceMatchers(t) {
		s := m.NewScanner()
		for _, text := range texts {
			checkEquivalent(t, name, m, s, text)
		}
	}
}

// TestStreamedScanNoAllocs checks that a text without a match costs no
// allocation, whatever the normaliser has to do with it.
func TestStreamedScanNoAllocs(t *testing.T) {
	m := mustCompile(t, equivalencePack...)
	s := m.NewScanner()
	for _, text := range slices.Concat(comments, []string{"主播 讲 慢 一 点", "二〇二五年jian fei茶3.2斤，百分之九十", strings.Repeat("好看的衣服，三件", 40)}) {
		if len(s.Scan(text, commentCtx, nil)) > 0 {
			continue
		}
		allocs := testing.AllocsPerRun(20, func() { s.Scan(text, commentCtx, nil) })
		if allocs != 0 {
			t.Errorf("Scan(%q): %v allocations, want 0", text, allocs)
		}
	}
}

func FuzzStreamedScanEquivalent(f *testing.F) {
	for _, text := range equivalenceTexts {
		f.Add(text)
	}
	ms := equivalenceMatchers(f)
	scanners := map[string]*Scanner{}
	for name, m := range ms {
		scanners[name] = m.NewScanner()
	}
	f.Fuzz(func(t *testing.T, text string) {
		for name, m := range ms {
			checkEquivalent(t, name, m, scanners[name], text)
		}
	})
}
