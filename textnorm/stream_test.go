package textnorm

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// streamed reads all of s through st.
func streamed(st *Stream, s string) string {
	st.Reset(s)
	var b strings.Builder
	for rs := st.Next(); rs != nil; rs = st.Next() {
		if len(rs) == 0 {
			panic("Next returned an empty chunk")
		}
		for _, r := range rs {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// segmented reads all of s the way a screening loop does: plain runes
// itself, the others through Segment.
func segmented(st *Stream, s string) string {
	var b strings.Builder
	last := rune(-1)
	for i := 0; i < len(s); {
		if r, w := utf8.DecodeRuneInString(s[i:]); w == 3 && Plain(r) {
			if r != last {
				b.WriteRune(r)
				last = r
			}
			i += w
			continue
		}
		rs, stop := st.Segment(s, i, last)
		if stop <= i {
			panic(fmt.Sprintf("Segment(%q, %d) stopped at %d", s, i, stop))
		}
		for _, r := range rs {
			b.WriteRune(r)
			last = r
		}
		i = stop
	}
	return b.String()
}

// normalizeTokens is the reference the one-pass loop (emitText) is checked
// against: Normalize as it was before, which cut the whole text into
// tokens and stepped through every one of them.
func normalizeTokens(s string) Text {
	loadTables()
	var n Normalizer
	n.tokenize(s, 0, false)
	n.last = -1
	for i := 0; i < len(n.toks); {
		i = n.step(i)
	}
	return Text{Orig: s, Norm: string(n.out), src: n.text.src}
}

// checkStream checks that Normalize(s) equals the token reference, text
// and offsets, and that the stream of s, read with Next and with
// Segment, yields Normalize(s).Norm.
func checkStream(t testing.TB, st *Stream, s string) {
	t.Helper()
	x, ref := Normalize(s), normalizeTokens(s)
	if x.Norm != ref.Norm || !slices.Equal(x.src, ref.src) {
		t.Fatalf("Normalize(%q) = %q %v, the token reference %q %v", s, x.Norm, x.src, ref.Norm, ref.src)
	}
	want := x.Norm
	if got := streamed(st, s); got != want {
		t.Fatalf("Stream(%q) = %q, Normalize = %q", s, got, want)
	}
	if got := segmented(st, s); got != want {
		t.Fatalf("Segment(%q) = %q, Normalize = %q", s, got, want)
	}
}

// streamCases reach every branch of the fast path and of the hand-over
// to the look-ahead path.
var streamCases = []string{
	"", "主播好", "哈哈哈哈", "冲 冲 冲", "666666", "⑳⑳", "１８０斤", "瘦了3.2斤", "3..2", "3点钟",
	"3点5", "能便宜点吗", "点点点", "3点点", "100%纯棉", "有效%", "1:1复刻", "3~5天", "好.评",
	"吃了三天瘦五斤", "百分之九十", "百分百", "一百零五", "jianfei茶", "jian肥", "減肥産品",
	"根\u200b治", "🔥🔥最好的🔥", "ＯＫ已拍", "\xff\xfe根", "\xe4\xb8", "𠀀𠀀", "¥99", "$$5",
	"5斤5斤", "第一个链接", "瘦 了 五 斤", "二〇二五年", "3-", "3.", "3%%", "一", "十",
	"糖niao病", "降xuetang", "jiǎnféi茶", "减féi", "𝐣𝐢𝐚𝐧肥", "ⓙⓘⓐⓝ肥", "fu作用", "副zuoyong",
	"gaoxueya", "zhi一", "yao物", "wuxiao退款",
}

func TestStreamCases(t *testing.T) {
	var st Stream
	for _, s := range append(streamCases, comments...) {
		checkStream(t, &st, s)
	}
}

// TestStreamChunks checks texts longer than a chunk, with the hand-over
// to the look-ahead path before, at and after a chunk boundary.
func TestStreamChunks(t *testing.T) {
	var st Stream
	for _, n := range []int{StreamChunk - 2, StreamChunk - 1, StreamChunk, StreamChunk + 1, 3 * StreamChunk} {
		for _, tail := range []string{"", "三十五", "3.2", "jianfei", "百分之九十", "⑳"} {
			var b strings.Builder
			for i := range n {
				b.WriteRune(rune('一' + 100 + i)) // no numeral, no repeat
			}
			checkStream(t, &st, b.String()+tail+b.String())
			checkStream(t, &st, tail+b.String()+tail)
			checkStream(t, &st, strings.Repeat(tail+"瘦", n))
		}
	}
}

func TestStreamProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(seed, 3))
	var st Stream
	for range iters {
		checkStream(t, &st, randomText(r))
	}
}

func TestStreamNoAllocs(t *testing.T) {
	var st Stream
	streamed(&st, strings.Repeat("瘦了3.2斤jianfei百分之九十", 20)) // warm up
	for _, s := range append(slices.Clone(comments), "瘦了3.2斤，百分之九十，jian肥") {
		allocs := testing.AllocsPerRun(50, func() {
			st.Reset(s)
			for st.Next() != nil {
			}
		})
		if allocs != 0 {
			t.Errorf("Stream(%q): %v allocations, want 0", s, allocs)
		}
		allocs = testing.AllocsPerRun(50, func() {
			for i := 0; i < len(s); {
				_, i = st.Segment(s, i, -1)
			}
		})
		if allocs != 0 {
			t.Errorf("Segment(%q): %v allocations, want 0", s, allocs)
		}
	}
}

func FuzzStream(f *testing.F) {
	for _, s := range streamCases {
		f.Add(s)
	}
	var st Stream
	f.Fuzz(func(t *testing.T, s string) {
		checkStream(t, &st, s)
	})
}

func TestPlain(t *testing.T) {
	for _, r := range "主播好瘦斤天分之" {
		if !Plain(r) {
			t.Errorf("%q is not plain", r)
		}
	}
	for _, r := range "点一二十百減，！ａa5⑤😀\u3000\u200b" {
		if Plain(r) {
			t.Errorf("%q is plain", r)
		}
	}
	loadTables()
	for r := rune(-1); r < 0x110000; r++ {
		if Plain(r) && (utf8.RuneLen(r) != 3 || lookup(r) != mk(cOther, 0, r)) {
			t.Fatalf("%U is plain but maps to %v", r, lookup(r))
		}
	}
}

// TestPlainSetIsPlain checks PlainSet against Plain for every rune below
// U+10000, and that it is a copy.
func TestPlainSetIsPlain(t *testing.T) {
	set := PlainSet()
	first := rune(-1)
	for r := rune(0); r < 0x10000; r++ {
		in := set[r>>6]&(1<<(r&63)) != 0
		if in != Plain(r) {
			t.Fatalf("PlainSet has %U: %v, Plain: %v", r, in, Plain(r))
		}
		if in && first < 0 {
			first = r
		}
	}
	if first < 0 {
		t.Fatal("no plain rune")
	}
	set[first>>6] = 0
	if PlainSet()[first>>6]&(1<<(first&63)) == 0 || !Plain(first) {
		t.Error("changing the copy changed the set")
	}
}
