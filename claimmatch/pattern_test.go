package claimmatch

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qinglang/qinglang/rules"
)

// fwdRef and backRef are fwd and back without the search ahead of a gap:
// every length of the gap is tried. They are the reference for it.
func (p *pattern) fwdRef(t string, j, pos int, nums []float64) (int, bool) {
	if j == len(p.parts) {
		return pos, true
	}
	q := &p.parts[j]
	switch q.kind {
	case rules.Literal:
		if !strings.HasPrefix(t[pos:], q.lit) {
			return 0, false
		}
		return p.fwdRef(t, j+1, pos+len(q.lit), nums)
	case rules.Number:
		if pos > 0 && (isDigit(t[pos-1]) || t[pos-1] == '.') {
			return 0, false
		}
		e := numberEnd(t, pos)
		v, err := strconv.ParseFloat(t[pos:e], 64)
		if e == pos || err != nil {
			return 0, false
		}
		nums[q.num] = v
		return p.fwdRef(t, j+1, e, nums)
	}
	for g := 0; ; g++ {
		if e, ok := p.fwdRef(t, j+1, pos, nums); ok {
			return e, true
		}
		if g == q.max || pos == len(t) {
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(t[pos:])
		pos += size
	}
}

func (p *pattern) backRef(t string, j, pos int, nums []float64) (int, bool) {
	if j < 0 {
		return pos, true
	}
	q := &p.parts[j]
	switch q.kind {
	case rules.Literal:
		if !strings.HasSuffix(t[:pos], q.lit) {
			return 0, false
		}
		return p.backRef(t, j-1, pos-len(q.lit), nums)
	case rules.Number:
		if pos < len(t) && isDigit(t[pos]) {
			return 0, false
		}
		s := numberStart(t, pos)
		v, err := strconv.ParseFloat(t[s:pos], 64)
		if s == pos || err != nil {
			return 0, false
		}
		nums[q.num] = v
		return p.backRef(t, j-1, s, nums)
	}
	for g := 0; ; g++ {
		if s, ok := p.backRef(t, j-1, pos, nums); ok {
			return s, true
		}
		if g == q.max || pos == 0 {
			return 0, false
		}
		_, size := utf8.DecodeLastRuneInString(t[:pos])
		pos -= size
	}
}

// TestGapSearch checks that searching for the literal next to a gap
// changes no match: the same spans and numbers as trying every length.
func TestGapSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alpha := []string{"吃", "了", "天", "瘦", "斤", "好", "a", "1", "2", ".", "3天", "瘦了", "😀"}
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alpha[r.IntN(len(alpha))])
		}
		return b.String()
	}
	pats := []string{
		"吃{GAP:2}天瘦{N}斤", "{N}天{GAP:3}瘦", "天瘦{GAP:1}斤", "瘦{GAP:4}好{GAP:1}了", "好{GAP:1}天",
		"{N}斤{GAP:2}瘦了{GAP:2}好", "吃了{GAP:3}瘦{N}天", "a{GAP:5}瘦",
	}
	tried, matched := 0, 0
	for _, src := range pats {
		p, err := compilePattern(0, src)
		if err != nil {
			t.Fatal(err)
		}
		lit := p.parts[p.anchor].lit
		for range 3000 {
			norm := normalizeString(text(r.IntN(14)))
			for at := 0; ; {
				k := strings.Index(norm[at:], lit)
				if k < 0 {
					break
				}
				end := at + k + len(lit)
				at += k + 1
				got, want := make([]float64, p.nums), make([]float64, p.nums)
				s1, e1, ok1 := p.match(norm, end, got)
				s2, ok2 := p.backRef(norm, p.anchor-1, end-len(lit), want)
				e2 := 0
				if ok2 {
					e2, ok2 = p.fwdRef(norm, p.anchor+1, end, want)
				}
				tried++
				if ok1 {
					matched++
				}
				if ok1 != ok2 || ok1 && (s1 != s2 || e1 != e2 || !slices.Equal(got, want)) {
					t.Fatalf("%s on %q at %d: got %d-%d %v %v, want %d-%d %v %v",
						src, norm, end, s1, e1, got, ok1, s2, e2, want, ok2)
				}
			}
		}
	}
	t.Logf("%d anchors tried, %d matched", tried, matched)
	if matched == 0 || matched == tried {
		t.Errorf("%d of %d matched: the texts do not test both ways", matched, tried)
	}
}

// TestNumbersIndependent checks that the Numbers of matches, cut from
// one slab, do not share: appending to one leaves the next alone.
func TestNumbersIndependent(t *testing.T) {
	m := mustCompile(t, rules.Rule{ID: "slim", Patterns: []string{"{N}天瘦{N}斤"}})
	s := m.NewScanner()
	var all []Match
	for i := range slabSize {
		all = s.Scan(strconv.Itoa(i)+"天瘦5斤", general, all)
	}
	for i := range all {
		_ = append(all[i].Numbers, -1)
		if all[i].Numbers[0] != float64(i) || all[i].Numbers[1] != 5 {
			t.Fatalf("match %d: numbers %v", i, all[i].Numbers)
		}
	}
	if len(all[0].Numbers) != 2 || cap(all[0].Numbers) != 2 {
		t.Errorf("numbers %v, capacity %d", all[0].Numbers, cap(all[0].Numbers))
	}
}

// TestParseNumber checks parseNumber against strconv.ParseFloat.
func TestParseNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	cases := []string{"0", "5", "3.2", "0.5", "98", "1.5", "007", "3.", ".5", "1..2", "", ".", "123456789012345",
		"1234567890123456", "99999999999999999999", "0.000000000000001", "1.23456789012345", "12345678901234.5"}
	for range 20000 {
		var b strings.Builder
		n := 1 + r.IntN(18)
		dot := r.IntN(n + 2)
		for i := range n {
			if i == dot {
				b.WriteByte('.')
			}
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		got, ok := parseNumber(s)
		want, err := strconv.ParseFloat(s, 64)
		if ok != (err == nil) || ok && got != want {
			t.Fatalf("parseNumber(%q) = %v %v, strconv %v %v", s, got, ok, want, err)
		}
	}
}
