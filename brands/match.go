package brands

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang/textnorm"
)

// alias is one normalised name of a brand or of a product line.
type alias struct {
	norm  string
	brand int
	line  int // index into Brand.Lines; -1 for the brand itself
	weak  bool
}

// mention is one occurrence of an alias in a normalised text.
type mention struct {
	alias
	ns, ne int  // byte range in Norm
	compat bool // a compatibility cue stands next to it
}

// mentions finds the brand and line names in t. Overlapping matches keep
// the longest; Latin edges of a name must sit on a word boundary of the
// original (see bounded); weak names count only when weakOK.
func (r *Registry) mentions(t *textnorm.Text, weakOK bool) []mention {
	var out []mention
	taken := make([]bool, len(t.Norm))
	for _, a := range r.aliases { // longest first
		if a.weak && !weakOK {
			continue
		}
		for from := 0; from < len(t.Norm); {
			k := strings.Index(t.Norm[from:], a.norm)
			if k < 0 {
				break
			}
			ns, ne := from+k, from+k+len(a.norm)
			from = ns + 1
			for from < len(t.Norm) && !utf8.RuneStart(t.Norm[from]) {
				from++
			}
			if anyTaken(taken[ns:ne]) || !bounded(t, ns, ne) {
				continue
			}
			for i := ns; i < ne; i++ {
				taken[i] = true
			}
			out = append(out, mention{alias: a, ns: ns, ne: ne, compat: compatible(t.Norm, ns, ne)})
		}
	}
	// Order by position so that findings read left to right.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].ns < out[j-1].ns; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func anyTaken(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// bounded reports whether the normalised match [ns,ne) starts and ends on
// word boundaries where it has Latin letters or digits at its edges.
// Normalisation drops spaces ("Nike Air" becomes "nikeair"), so the
// boundary is judged in the original: the rune before the match, and the
// rune after it, must not continue the word. A letter edge must not touch
// another letter (NIKE inside SNIKERS); a digit edge must not touch a
// digit (AJ1 inside AJ11). A letter next to a digit is a boundary, so
// model numbers (iPhone15) still match.
func bounded(t *textnorm.Text, ns, ne int) bool {
	os, oe := t.Span(ns, ne)
	first, _ := utf8.DecodeRuneInString(t.Norm[ns:ne])
	last, _ := utf8.DecodeLastRuneInString(t.Norm[ns:ne])
	if k := class(first); k != 0 && os > 0 {
		prev, _ := utf8.DecodeLastRuneInString(t.Orig[:os])
		if class(fold(prev)) == k {
			return false
		}
	}
	if k := class(last); k != 0 && oe < len(t.Orig) {
		next, _ := utf8.DecodeRuneInString(t.Orig[oe:])
		if class(fold(next)) == k {
			return false
		}
	}
	return true
}

// class is 'a' for a Latin letter, '0' for an ASCII digit and 0 for
// anything else (Chinese characters, punctuation, spaces).
func class(r rune) byte {
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case r < 0x80 && unicode.IsLetter(r), unicode.Is(unicode.Latin, r):
		return 'a'
	}
	return 0
}

// fold maps a full-width ASCII form to its ASCII rune.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// Compatibility cues: a brand named to say what a product fits is not a
// claim to be that brand ("适用于iPhone 15 的手机壳", "兼容苹果",
// "for iPhone", "可替换戴森吸头", "戴森同款配件"). A cue counts when it
// ends at most cueBefore runes before the name, or starts at most
// cueAfter runes after it (so "戴森V10吸头配件" counts: five runes between).
// Cues are written normalised (lower case, simplified).
//
// Deliberately absent: bare 同款 ("LV同款包" is how look-alikes are sold)
// and accessory nouns on their own ("苹果充电器" may be a fake charger).
var (
	cuesBefore = []string{"适用于", "适用", "适配", "兼容", "用于", "for", "可替换", "替换", "代替", "配套", "匹配"}
	cuesAfter  = []string{"同款配件", "配件", "专用", "适用", "兼容", "通用", "替换"}
)

const (
	cueBefore = 4
	cueAfter  = 6
)

// compatible reports whether a compatibility cue stands next to the
// normalised match [ns,ne) of norm.
func compatible(norm string, ns, ne int) bool {
	p := ns
	for k := 0; k <= cueBefore; k++ {
		for _, c := range cuesBefore {
			if strings.HasSuffix(norm[:p], c) {
				return true
			}
		}
		if p == 0 {
			break
		}
		_, n := utf8.DecodeLastRuneInString(norm[:p])
		p -= n
	}
	p = ne
	for k := 0; k <= cueAfter; k++ {
		for _, c := range cuesAfter {
			if strings.HasPrefix(norm[p:], c) {
				return true
			}
		}
		if p == len(norm) {
			break
		}
		_, n := utf8.DecodeRuneInString(norm[p:])
		p += n
	}
	return false
}

// Slang is counterfeit trade slang, written as it reads after
// normalisation (一比一 and 1:1 both normalise to forms listed here).
// Alone, these are handled by the claims rule pack (counterfeit.*); here
// they count only next to a brand.
var Slang = []string{
	"高仿", "a货", "超a", "精仿", "仿品", "原单", "尾单", "1:1", "1比1", "复刻",
	"莆田", "同厂", "大牌平替", "工厂店货", "公司级", "纯原", "原厂皮", "顶级版本",
}

// slangExceptions are lawful phrases that contain slang: a brand's own
// re-release, the original order number or price, a shelf.
var slangExceptions = []string{"官方复刻", "品牌复刻", "原单号", "原单价", "a货架"}

// slangWindow is how many runes may stand between slang and a brand name.
const slangWindow = 6

// slangHit is one occurrence of slang in a normalised text.
type slangHit struct {
	term   string
	ns, ne int
}

// findSlang finds the slang in norm, skipping exceptions and numbers that
// only begin like 1:1 (1:18 is a model scale).
func findSlang(norm string) []slangHit {
	var out []slangHit
	for _, s := range Slang {
		for from := 0; ; {
			k := strings.Index(norm[from:], s)
			if k < 0 {
				break
			}
			ns, ne := from+k, from+k+len(s)
			from = ne
			if excepted(norm, ns, ne) || digitTouch(norm, ns, ne) {
				continue
			}
			out = append(out, slangHit{term: s, ns: ns, ne: ne})
		}
	}
	return out
}

func excepted(norm string, ns, ne int) bool {
	for _, e := range slangExceptions {
		lo := max(0, ne-len(e))
		hi := min(len(norm), ns+len(e))
		if strings.Contains(norm[lo:hi], e) {
			return true
		}
	}
	return false
}

// digitTouch reports whether a digit edge of [ns,ne) touches another digit
// or a separator in norm.
func digitTouch(norm string, ns, ne int) bool {
	isNum := func(b byte) bool { return b >= '0' && b <= '9' || b == '.' || b == ':' }
	if isNum(norm[ns]) && ns > 0 && isNum(norm[ns-1]) {
		return true
	}
	return isNum(norm[ne-1]) && ne < len(norm) && isNum(norm[ne])
}

// runesBetween counts the runes of norm between two byte offsets a <= b.
func runesBetween(norm string, a, b int) int {
	if b <= a {
		return 0
	}
	return utf8.RuneCountInString(norm[a:b])
}
