package textnorm

import (
	"strings"
	"testing"
	"unicode"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// 1. width, case, traditional → simplified
		{"full-width", "ＡＢＣ１２３", "abc123"},
		{"full-width punctuation", "３．２％！", "3.2%"},
		{"case", "Hello WORLD", "heloworld"},
		{"traditional", "減肥", "减肥"},
		{"traditional phrase", "根治頭髮問題", "根治头发问题"},
		{"simplified stays", "瘦身", "瘦身"},
		{"traditional numerals", "貳萬", "2万"},
		// 2. digits and numerals
		{"styled digits", "⑤❺⒌Ⅴ⑸➎⓹𝟓５", "555555555"},
		{"circled twenty", "⑳", "20"},
		{"five", "五", "5"},
		{"fifteen", "十五", "15"},
		{"thirty-five", "三十五", "35"},
		{"twenty", "二十", "20"},
		{"hundred", "一百", "100"},
		{"hundred and five", "一百零五", "105"},
		{"colloquial", "一百五", "150"},
		{"thousands", "三千零五十", "3050"},
		{"two", "两个", "2个"},
		{"zero", "零添加", "0添加"},
		{"wan stays", "已售三万单", "已售3万单"},
		{"wan and digit", "一万二", "1万2"},
		{"year digit by digit", "二〇二五年", "2025年"},
		{"half stays", "半斤", "半斤"},
		{"in a word", "第一", "第1"},
		{"decimal", "3.2斤", "3.2斤"},
		{"chinese decimal", "三点二斤", "3.2斤"},
		{"decimal digits", "三点一四", "3.14"},
		{"dian not decimal", "三点钟", "3点钟"},
		{"percent phrase", "有效率百分之九十八", "有效率98%"},
		{"percent phrase decimal", "百分之九十九点九", "99.9%"},
		{"percent phrase with noise", "百 分 分 之，五 十", "50%"},
		{"percent phrase digits", "百分之90", "90%"},
		{"baifenbai stays", "百分百", "百分百"},
		{"qianwan stays", "千万不要", "千万不要"},
		// 3. noise
		{"spaces", "瘦 了 五 斤", "瘦了5斤"},
		{"star", "根*治", "根治"},
		{"emoji", "根😀治", "根治"},
		{"zero width", "根\u200b治\u200d\ufeff\u2060", "根治"},
		{"variation selector", "❤️好", "好"},
		{"keycap", "5️⃣斤", "5斤"},
		{"percent", "100%有效", "100%有效"},
		{"percent not after digit", "有效%", "有效"},
		{"ratio", "1:1复刻", "1:1复刻"},
		{"slash", "1/2", "1/2"},
		{"range", "3~5天", "3-5天"},
		{"separators collapse", "3..2 3点点5", "3.23.5"},
		{"dot not between digits", "好.评", "好评"},
		{"comma in number", "1,000", "1000"},
		{"chinese punctuation", "太好了！！！。。。", "太好了"},
		{"currency", "￥99", "¥99"},
		{"strike-through", "根\u0336治\u0336", "根治"},
		// 4. repeats
		{"repeat", "瘦瘦瘦了", "瘦了"},
		{"laugh", "哈哈哈哈", "哈"},
		{"digits do not collapse", "100", "100"},
		{"repeat across noise", "冲 冲 冲", "冲"},
		// 5. pinyin
		{"pinyin term", "jianfei", "减肥"},
		{"pinyin spaced", "Jian Fei茶", "减肥茶"},
		{"pinyin before", "jian肥", "减肥"},
		{"pinyin after", "减fei", "减肥"},
		{"pinyin sou", "sou了5斤", "瘦了5斤"},
		{"pinyin terms", "genzhi", "根治"},
		{"pinyin concatenated", "jianfeishoushen", "减肥瘦身"},
		{"pinyin jiangtang", "jiangtang茶", "降糖茶"},
		{"pinyin doubled", "jiannfei", "减肥"},
		{"pinyin word unknown", "jianfeiba", "jianfeiba"},
		{"sou alone", "sou一下", "sou1下"},
		{"xiaoyan is a name", "xiaoyan", "xiaoyan"},
		{"xiao yan context", "xiao炎", "消炎"},
		// whole comments
		{"comment", "吃了它三天瘦 五 斤", "吃了它3天瘦5斤"},
		{"empty", "", ""},
		{"only noise", " 😀！ ", ""},
		{"invalid utf-8", "根\xff治", "根治"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got.Norm != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got.Norm, tt.want)
			}
			if got.Orig != tt.in {
				t.Errorf("Orig = %q", got.Orig)
			}
			checkText(t, got)
		})
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		in, norm string // norm is a substring of Normalize(in).Norm
		want     string // the original it must map to
	}{
		{"吃了它三天瘦 五 斤", "瘦5斤", "瘦 五 斤"},
		{"吃了它三天瘦 五 斤", "3天", "三天"},
		{"吃了它三天瘦 五 斤", "5", "五"},
		{"一百零五斤", "105", "一百零五"},
		{"一百零五斤", "0", "一百零五"},
		{"瘦瘦瘦了", "瘦", "瘦瘦瘦"},
		{"根😀治好了", "根治", "根😀治"},
		{"喝了jian fei茶", "减肥", "jian fei"},
		{"喝了jian fei茶", "肥", "jian fei"},
		{"喝jianfeishoushen茶", "瘦身", "shoushen"},
		{"有效率百分之九十八", "%", "百分之九十八"},
		{"ＡＢＣ１２３", "c1", "Ｃ１"},
		{"減肥茶", "减肥", "減肥"},
		{"3 . 2斤", "3.2", "3 . 2"},
	}
	for _, tt := range tests {
		x := Normalize(tt.in)
		i := strings.Index(x.Norm, tt.norm)
		if i < 0 {
			t.Errorf("Normalize(%q).Norm = %q, has no %q", tt.in, x.Norm, tt.norm)
			continue
		}
		s, e := x.Span(i, i+len(tt.norm))
		if got := tt.in[s:e]; got != tt.want {
			t.Errorf("Normalize(%q): Span of %q = %q, want %q", tt.in, tt.norm, got, tt.want)
		}
	}
}

func TestSpanClamps(t *testing.T) {
	x := Normalize("瘦 五 斤 ")
	for _, c := range [][2]int{{-5, 100}, {100, -5}, {3, 3}, {len(x.Norm), len(x.Norm)}, {0, 0}} {
		s, e := x.Span(c[0], c[1])
		if s < 0 || s > e || e > len(x.Orig) {
			t.Errorf("Span(%d,%d) = %d,%d", c[0], c[1], s, e)
		}
	}
	if s, e := x.Span(-5, 100); x.Orig[s:e] != "瘦 五 斤" {
		t.Errorf("Span(all) = %q", x.Orig[s:e])
	}
	var empty Text
	if s, e := empty.Span(0, 3); s != 0 || e != 0 {
		t.Errorf("empty Span = %d,%d", s, e)
	}
}

func TestNormalizerReuse(t *testing.T) {
	var n Normalizer
	a := n.Normalize("減肥三天瘦五斤").Norm
	b := n.Normalize("哈哈哈").Norm
	if a != "减肥3天瘦5斤" || b != "哈" {
		t.Fatalf("got %q, %q", a, b)
	}
	for i := 0; i < 2000; i++ { // fill several arena chunks
		n.Normalize("第" + strings.Repeat("一", i%7) + "名")
	}
	if a != "减肥3天瘦5斤" || b != "哈" {
		t.Fatalf("Norm strings changed after reuse: %q, %q", a, b)
	}
	x := n.Normalize("瘦 五 斤")
	if s, e := x.Span(0, len(x.Norm)); x.Orig[s:e] != "瘦 五 斤" {
		t.Fatalf("Span = %q", x.Orig[s:e])
	}
}

// TestTableFixedPoints checks that every rune the tables keep maps to a
// rune that maps to itself: the basis of idempotence.
func TestTableFixedPoints(t *testing.T) {
	loadTables()
	check := func(r rune) {
		e := lookup(r)
		if e.cls() != cOther && e.cls() != cLetter {
			return
		}
		m := e.r()
		if f := lookup(m); f.cls() != e.cls() || f.r() != m {
			t.Errorf("%U %q → %q, which maps to %q (class %d)", r, r, m, f.r(), f.cls())
		}
	}
	for r := rune(0); r < denseSize; r++ {
		check(r)
	}
	for k, v := range tsMap {
		check(k)
		check(v)
	}
	for _, r := range []rune{0x1F600, 0x1D7D3, 0x20000, 0x2A6D6, 0xE0100, 0xE0041} {
		check(r)
	}
	if !unicode.IsDigit(0x1D7D3) || lookup(0x1D7D3).cls() != cDigit || lookup(0x1D7D3).val() != 5 {
		t.Errorf("𝟓 is not 5")
	}
}

func TestPinyinTable(t *testing.T) {
	for k, v := range pinyinTerms {
		if len(k) > maxTerm {
			t.Errorf("%q is longer than maxTerm", k)
		}
		for i := 1; i < len(k); i++ {
			if k[i] == k[i-1] {
				t.Errorf("%q has a doubled letter: it could never match", k)
			}
		}
		if got := Normalize(k).Norm; got != v {
			t.Errorf("Normalize(%q) = %q, want %q", k, got, v)
		}
	}
}
