package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkText checks the invariants of a normalised text: valid UTF-8, one
// span per byte, spans within bounds, on rune boundaries of Orig and
// monotone, and idempotence.
func checkText(t testing.TB, x Text) {
	t.Helper()
	if !utf8.ValidString(x.Norm) {
		t.Fatalf("Normalize(%q).Norm = %q is not valid UTF-8", x.Orig, x.Norm)
	}
	if len(x.src) != len(x.Norm) {
		t.Fatalf("Normalize(%q): %d spans for %d bytes", x.Orig, len(x.src), len(x.Norm))
	}
	boundary := make([]bool, len(x.Orig)+1)
	for i := range x.Orig {
		boundary[i] = true
	}
	boundary[len(x.Orig)] = true
	ok := func(s, e int) bool { return 0 <= s && s <= e && e <= len(x.Orig) && boundary[s] && boundary[e] }
	prevStart, prevEnd := 0, 0
	for i := range x.Norm {
		s, e := x.Span(i, i+1)
		if !ok(s, e) || s == e {
			t.Fatalf("Normalize(%q): Span(%d,%d) = %d,%d", x.Orig, i, i+1, s, e)
		}
		if s < prevStart || e < prevEnd {
			t.Fatalf("Normalize(%q): Span(%d,%d) = %d,%d before the previous byte's %d,%d",
				x.Orig, i, i+1, s, e, prevStart, prevEnd)
		}
		prevStart, prevEnd = s, e
	}
	step := 1 + len(x.Norm)/50
	for a := -1; a <= len(x.Norm)+1; a += step {
		for b := a - 1; b <= len(x.Norm)+1; b += step {
			if s, e := x.Span(a, b); !ok(s, e) {
				t.Fatalf("Normalize(%q): Span(%d,%d) = %d,%d", x.Orig, a, b, s, e)
			}
		}
	}
	if again := Normalize(x.Norm).Norm; again != x.Norm {
		t.Fatalf("not idempotent: Normalize(%q) = %q, Normalize(%q) = %q", x.Orig, x.Norm, x.Norm, again)
	}
}

// pieces are the building blocks of random texts.
var pieces = []string{
	"瘦", "了", "斤", "天", "减", "肥", "減", "髮", "根", "治", "第", "百", "千", "万", "分", "之", "点", "半",
	"零", "〇", "一", "二", "两", "三", "五", "十", "九", "貳", "萬",
	"0", "1", "3", "9", "５", "⑤", "❺", "⒌", "Ⅴ", "⑳", "𝟓",
	"Ａ", "ｂ", "a", "Z", "jian", "fei", "sou", "genzhi", "xiao", "炎", "消",
	"xue", "糖", "niao", "ai", "癌", "无", "féi", "ǎ", "𝐣", "ⓐ", "а", "副", "zuoyong",
	" ", "\u3000", "\t", "\u200b", "\u200d", "\ufe0f", "\ufeff", "\u20e3", "\u0336",
	".", ":", "%", "/", "-", "~", "，", "。", "！", "％", "．", "*",
	"😀", "❤", "👍🏻", "🇨🇳", "\xff", "\xe4\xb8",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(16); n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// seed and iters drive TestProperties; change the seed to explore.
var seed, iters uint64 = 1, 50000

func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(seed, 2))
	var n Normalizer
	for range iters {
		s := randomText(r)
		x := Normalize(s)
		checkText(t, x)
		if y := n.Normalize(s); y.Norm != x.Norm || len(y.src) != len(x.src) {
			t.Fatalf("Normalizer(%q) = %q, Normalize = %q", s, y.Norm, x.Norm)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "吃了它三天瘦 五 斤", "百分之九十九点九", "一百零五", "jian肥减fei", "ＡＢＣ１２３",
		"根😀治", "3.2斤", "⑳❺", "\xff\xfe", "二〇二五年", "1..2%%", "瘦瘦瘦了哈哈哈",
		"糖niao病", "jiǎnféi", "降xuetang", "𝐣𝐢𝐚𝐧🅵🅴🅸", "gaoxueya高", "无xiao退款",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkText(t, Normalize(s))
	})
}
