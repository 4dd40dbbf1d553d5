package claimmatch

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// withoutPrefilter compiles rs and drops what needLiterals set up and the
// patterns' rune masks, so that every pattern of a hit anchor is
// verified, and the runs of one scope
// (groupByScope), so that every use's scope is looked at alone.
func withoutPrefilter(t *testing.T, rs []rules.Rule) *Matcher {
	t.Helper()
	m, err := Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.patterns {
		p.needs, p.need, p.runes = nil, -1, runeMask{}
	}
	for i := range m.uses {
		m.uses[i].need = -1
		m.uses[i].run = int32(i) + 1
	}
	m.lac = nil
	return m
}

// TestPrefilterChangesNoMatch scans every example of the default pack, in
// its own context and in every source (and none), with and without the
// literal prefilter of heavy anchors (Matcher.lac, its literals looked up
// alone or in one pass) and the runs of one scope: the matches must be
// the same. The prefilter only skips patterns one of whose literals is
// nowhere in the text; a run is skipped only when its scope excludes the
// text.
func TestPrefilterChangesNoMatch(t *testing.T) {
	pack, fast := defaultPack(t)
	if fast.lac == nil {
		t.Fatal("the default pack has no heavy anchor: the prefilter is not exercised")
	}
	slow := withoutPrefilter(t, pack)
	fs, ss := fast.NewScanner(), slow.NewScanner()
	var a, b []Match
	n, matched := 0, 0
	for _, r := range pack {
		for _, ex := range slices.Concat(r.Examples.Match, r.Examples.NoMatch) {
			cat := ex.Category
			if cat == "" {
				cat = qinglang.CatGeneral
			}
			for _, w := range []rules.Source{rules.SourceSpeech, rules.SourceComment, rules.SourceTitle, ""} {
				ctx := Context{Category: cat, Where: w}
				a = fs.Scan(ex.Text, ctx, a[:0])
				b = ss.Scan(ex.Text, ctx, b[:0])
				if fmt.Sprint(a) != fmt.Sprint(b) {
					t.Fatalf("%q (%s, %s): with the prefilter %v, without %v", ex.Text, cat, w, a, b)
				}
				n++
				if len(a) > 0 {
					matched++
				}
			}
		}
	}
	t.Logf("%d scans, %d with matches, identical", n, matched)
}

// BenchmarkScanHeavyAnchor scans a viewer's testimonial whose words are
// the anchor of thousands of patterns ("再也没犯过" after any disease of
// the lexicons) and a title with a composition, in comment context.
func BenchmarkScanHeavyAnchor(b *testing.B) {
	m := defaultPackMatcher(b)
	s := m.NewScanner()
	texts := []string{"我妈那个老寒腿啊吃了咱家这个半年了现在再也没犯过真的", "这件百分之百棉的T恤 含棉量百分之六十五"}
	ctx := Context{Category: qinglang.CatFood, Where: rules.SourceComment}
	var out []Match
	b.ResetTimer()
	for i := range b.N {
		out = s.Scan(texts[i%len(texts)], ctx, out[:0])
	}
}

// TestRuneMaskKeepsPresentLiterals checks the rune masks of hasLiteral:
// a literal in a text is always within the text's mask, and most
// literals absent from a short text are not.
func TestRuneMaskKeepsPresentLiterals(t *testing.T) {
	pack, m := defaultPack(t)
	rejected, absent := 0, 0
	for _, r := range pack {
		for _, ex := range r.Examples.Match[:min(2, len(r.Examples.Match))] {
			norm := normalizeString(ex.Text)
			var tm runeMask
			tm.add(norm)
			for id, l := range m.lits {
				in, within := strings.Contains(norm, l), m.litRunes[id].within(&tm)
				if in && !within {
					t.Fatalf("literal %q is in %q but not within its rune mask", l, norm)
				}
				if !in {
					absent++
					if !within {
						rejected++
					}
				}
			}
		}
	}
	if absent == 0 || float64(rejected) < 0.9*float64(absent) {
		t.Errorf("the masks rejected %d of %d absent literals, want 90%% or more", rejected, absent)
	}
	t.Logf("rejected %d of %d absent literals", rejected, absent)
}
