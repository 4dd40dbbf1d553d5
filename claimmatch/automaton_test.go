package claimmatch

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// naiveFind is the reference: every occurrence of every key, by end then
// longest first.
func naiveFind(keys []string, t string) []hit {
	var hits []hit
	for end := 1; end <= len(t); end++ {
		var at []hit
		for k, key := range keys {
			if end >= len(key) && t[end-len(key):end] == key {
				at = append(at, hit{int32(k), int32(end)})
			}
		}
		slices.SortFunc(at, func(x, y hit) int { return len(keys[y.kw]) - len(keys[x.kw]) })
		hits = append(hits, at...)
	}
	return hits
}

func TestAutomatonBasic(t *testing.T) {
	keys := []string{"最好", "最好的", "好的", "第一", "第一个链接", "he", "she", "his", "hers"}
	a := newAutomaton(keys)
	for _, text := range []string{"这是最好的产品", "点第一个链接", "全网第一", "ushers", "", "第第一一", "最好最好的的"} {
		got := a.find(text, nil)
		want := naiveFind(keys, text)
		// Runes end on rune boundaries only; naive never matches mid-rune
		// for these keys, so the lists must agree.
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
}

func TestAutomatonRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alpha := []rune("最好的第一个链接ab根治瘦斤")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alpha[rng.Intn(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 200; round++ {
		seen := map[string]bool{}
		var keys []string
		for range 1 + rng.Intn(20) {
			k := word(1 + rng.Intn(4))
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		a := newAutomaton(keys)
		for range 10 {
			text := word(rng.Intn(30))
			got := a.find(text, nil)
			// Compare as sets ordered by (end, kw) since same-end order
			// among equal lengths is not specified.
			want := naiveFind(keys, text)
			cmp := func(x, y hit) int {
				if x.end != y.end {
					return int(x.end - y.end)
				}
				return int(x.kw - y.kw)
			}
			slices.SortFunc(got, cmp)
			slices.SortFunc(want, cmp)
			if !slices.Equal(got, want) {
				t.Fatalf("keys %q text %q: got %v want %v", keys, text, got, want)
			}
		}
	}
}
