package claimmatch

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang/rules"
	"github.com/qinglang/qinglang/textnorm"
)

// occurrences returns every [start,end) of key in t, by start.
func occurrences(t, key string) [][2]int {
	var out [][2]int
	for i := 0; i+len(key) <= len(t); i++ {
		if strings.HasPrefix(t[i:], key) {
			out = append(out, [2]int{i, i + len(key)})
		}
	}
	return out
}

// referenceScan is the brute-force meaning of Scan for rules with terms
// and exceptions only, as "rule:normStart-normEnd" in Scan's order.
func referenceScan(rs []rules.Rule, text string) []string {
	norm := normalizeString(text)
	type m struct {
		id   string
		s, e int
	}
	var all []m
	for _, r := range rs {
		var cands [][2]int
		for _, term := range r.Terms {
			cands = append(cands, occurrences(norm, normalizeString(term))...)
		}
		var excs [][2]int
		for _, ex := range r.Exceptions {
			excs = append(excs, occurrences(norm, normalizeString(ex))...)
		}
		cands = slices.DeleteFunc(cands, func(c [2]int) bool {
			return slices.ContainsFunc(excs, func(x [2]int) bool { return x[0] <= c[0] && c[1] <= x[1] })
		})
		slices.SortFunc(cands, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return b[1] - a[1]
		})
		end := -1
		for _, c := range cands {
			if c[0] >= end {
				all = append(all, m{r.ID, c[0], c[1]})
				end = c[1]
			}
		}
	}
	slices.SortStableFunc(all, func(a, b m) int {
		if a.s != b.s {
			return a.s - b.s
		}
		return strings.Compare(a.id, b.id)
	})
	var out []string
	for _, x := range all {
		out = append(out, fmt.Sprintf("%s:%d-%d", x.id, x.s, x.e))
	}
	return out
}

func TestAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	alpha := []rune("最好的第一个链接根治瘦斤全网低价")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alpha[rng.Intn(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 300; round++ {
		var rs []rules.Rule
		for i := range 1 + rng.Intn(5) {
			r := rules.Rule{ID: fmt.Sprintf("r%d", i)}
			for range 1 + rng.Intn(4) {
				r.Terms = append(r.Terms, word(1+rng.Intn(3)))
			}
			for range rng.Intn(3) {
				r.Exceptions = append(r.Exceptions, word(2+rng.Intn(3)))
			}
			rs = append(rs, r)
		}
		m := mustCompile(t, rs...)
		for range 20 {
			text := word(rng.Intn(25))
			var got []string
			for _, x := range m.Scan(text, general) {
				got = append(got, fmt.Sprintf("%s:%d-%d", x.RuleID, x.NormStart, x.NormEnd))
			}
			if want := referenceScan(rs, text); !slices.Equal(got, want) {
				t.Fatalf("rules %+v\ntext %q\ngot  %q\nwant %q", rs, text, got, want)
			}
		}
	}
}

func TestNormalisedOffsets(t *testing.T) {
	m := mustCompile(t,
		rules.Rule{ID: "slim", Terms: []string{"减肥"}},
		rules.Rule{ID: "best", Terms: []string{"最好的"}},
	)
	for _, text := range []string{"快來減肥吧", "【最 好 的】", "ＡＢ最好的！！減  肥", "🔥🔥最好的🔥"} {
		t.Run(text, func(t *testing.T) {
			norm := normalizeString(text)
			ms := m.Scan(text, general)
			if len(ms) == 0 {
				t.Fatalf("no match in %q (norm %q)", text, norm)
			}
			for _, x := range ms {
				if x.Text != text[x.Start:x.End] {
					t.Errorf("%+v: Text is not the original span", x)
				}
				if got := norm[x.NormStart:x.NormEnd]; got != "减肥" && got != "最好的" {
					t.Errorf("%+v: norm span %q", x, got)
				}
				if normalizeString(x.Text) != norm[x.NormStart:x.NormEnd] {
					t.Errorf("%+v: original span normalises to %q", x, normalizeString(x.Text))
				}
			}
		})
	}
}

// FuzzScan checks Scan's invariants on any text: no panic, Text is the
// original span, order by Start then rule id, no overlap within a rule,
// numbers present exactly for pattern rules.
func FuzzScan(f *testing.F) {
	m, err := Compile(append(syntheticPack(1000),
		rules.Rule{ID: "gap", Patterns: []string{"吃{GAP:3}天瘦{N}斤", "{N}倍{GAP:2}效果"}, Exceptions: []string{"不是3天瘦5斤"}}))
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range comments {
		f.Add(c)
	}
	f.Add("吃了三天瘦五斤，１０倍的效果")
	f.Fuzz(func(t *testing.T, text string) {
		ms := m.Scan(text, general)
		ends := map[string]int{}
		for i, x := range ms {
			if x.Start < 0 || x.End > len(text) || x.Start > x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("%q: %+v: bad span", text, x)
			}
			if i > 0 && (ms[i-1].Start > x.Start || ms[i-1].Start == x.Start && ms[i-1].RuleID > x.RuleID) {
				t.Fatalf("%q: out of order: %+v", text, ms)
			}
			if x.NormStart < ends[x.RuleID] {
				t.Fatalf("%q: overlap within %s: %+v", text, x.RuleID, ms)
			}
			ends[x.RuleID] = x.NormEnd
			if isPattern := strings.HasPrefix(x.RuleID, "num.") || x.RuleID == "gap"; isPattern != (x.Numbers != nil) {
				t.Fatalf("%q: %+v: numbers", text, x)
			}
		}
	})
}

// TestSameTextsAreTheirNormalisation checks find's s.same on every
// example of the default pack and every benchmark comment: when find says
// a text is its own normalisation (so Scan skips normalising it again),
// Normalize must leave it as it is, with every byte mapped to itself. It
// also checks that the shortcut is taken at all.
func TestSameTextsAreTheirNormalisation(t *testing.T) {
	pack, m := defaultPack(t)
	texts := slices.Clone(comments)
	for _, r := range pack {
		for _, ex := range slices.Concat(r.Examples.Match, r.Examples.NoMatch) {
			texts = append(texts, ex.Text)
		}
	}
	s, n := m.NewScanner(), newNormalizer()
	same := 0
	for _, text := range texts {
		if s.find(text, nil); !s.same {
			continue
		}
		same++
		x := *n.Normalize(text)
		if x.Norm != text {
			t.Fatalf("%q: find says unchanged, Normalize gives %q", text, x.Norm)
		}
		u := textnorm.Normalizer{}
		y := u.Unchanged(text)
		for i := -1; i <= len(text)+1 && i < 90; i++ {
			for j := i - 1; j <= len(text)+1 && j < 90; j++ {
				a, b := x.Span(i, j)
				if c, d := y.Span(i, j); a != c || b != d {
					t.Fatalf("%q: Span(%d,%d) = %d,%d normalised, %d,%d unchanged", text, i, j, a, b, c, d)
				}
			}
		}
	}
	if same == 0 || same == len(texts) {
		t.Fatalf("%d of %d texts unchanged: the shortcut is not exercised both ways", same, len(texts))
	}
	t.Logf("%d of %d texts are their own normalisation", same, len(texts))
}
