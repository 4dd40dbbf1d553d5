package textnorm

// Pinyin spellings of a few high-value terms. The table is small on
// purpose: a false replacement creates false findings. A spelling is
// listed only when it is unambiguous in live-room text; left out are,
// for example, xiaoyan (also the given name 晓燕; xiao炎 and 消yan are
// listed), baozhi (包治, but also 保质 and 报纸), zhiyu (治愈, 至于), shou身
// (瘦身, but also 收身) and homophone characters (受了5斤 for 瘦了5斤),
// which need context and belong in the rule pack.
//
// Matching runs over a maximal run of ASCII letters after case folding,
// noise removal and collapsing repeated letters (so "Jian Fei" and
// "jiannfei" both read jianfei):
//
//   - a run that is one syllable of a term written next to the term's
//     other character is replaced (jian肥, 减fei, sou了);
//   - otherwise a run made up entirely of whole-term spellings, matched
//     longest first, is replaced (jianfei, jianfeishoushen); a run with
//     anything else in it is left alone.

// pinyinTerms are whole-term spellings.
var pinyinTerms = map[string]string{
	"jianfei":   "减肥",
	"shoushen":  "瘦身",
	"zhiliao":   "治疗",
	"genzhi":    "根治",
	"fangai":    "防癌",
	"zhiai":     "治癌",
	"jiangya":   "降压",
	"jiangtang": "降糖",
}

// maxTerm is the length of the longest key of pinyinTerms.
const maxTerm = 9

// syllable is a one-syllable spelling that stands for out when the rune
// written just before it is prev, or the rune just after it is next.
type syllable struct {
	prev, next rune
	out        rune
}

var pinyinSyllables = map[string][]syllable{
	"jian":  {{next: '肥', out: '减'}},
	"fei":   {{prev: '减', out: '肥'}},
	"sou":   {{next: '了', out: '瘦'}, {next: '身', out: '瘦'}},
	"shen":  {{prev: '瘦', out: '身'}},
	"gen":   {{next: '治', out: '根'}},
	"zhi":   {{prev: '根', out: '治'}, {next: '疗', out: '治'}, {next: '癌', out: '治'}},
	"liao":  {{prev: '治', out: '疗'}},
	"fang":  {{next: '癌', out: '防'}},
	"ai":    {{prev: '防', out: '癌'}, {prev: '治', out: '癌'}},
	"xiao":  {{next: '炎', out: '消'}},
	"yan":   {{prev: '消', out: '炎'}},
	"jiang": {{next: '压', out: '降'}, {next: '糖', out: '降'}},
	"ya":    {{prev: '降', out: '压'}},
	"tang":  {{prev: '降', out: '糖'}},
}

// letters writes the letter run starting at token i and returns the index
// of the next token. Punctuation inside or right after the run is
// skipped: it is dropped anyway, as it does not follow a digit.
func (n *Normalizer) letters(i int) int {
	toks := n.toks
	run, idx := n.run[:0], n.runT[:0]
	j, lastLetter := i, i
	for ; j < len(toks); j++ {
		switch toks[j].e.cls() {
		case cLetter:
			c := byte(toks[j].e.r())
			if len(run) == 0 || run[len(run)-1] != c {
				run = append(run, c)
				idx = append(idx, int32(j))
			}
			lastLetter = j
			continue
		case cPunct:
			continue
		}
		break
	}
	n.run, n.runT = run, idx
	// rng is the original range of run[a:b].
	rng := func(a, b int) (int32, int32) {
		end := toks[lastLetter].end
		if b < len(run) {
			end = toks[idx[b]-1].end
		}
		return toks[idx[a]].start, end
	}
	var next rune
	if j < len(toks) {
		next = toks[j].e.r()
	}
	if ss, ok := pinyinSyllables[string(run)]; ok {
		for _, s := range ss {
			if (s.next != 0 && s.next == next) || (s.prev != 0 && s.prev == n.last) {
				start, end := rng(0, len(run))
				n.emitRune(s.out, start, end)
				return j
			}
		}
	}
	if n.coveredByTerms() {
		for a := 0; a < len(run); {
			b := a + n.termAt(a)
			start, end := rng(a, b)
			for _, r := range pinyinTerms[string(run[a:b])] {
				n.emitRune(r, start, end)
			}
			a = b
		}
		return j
	}
	for k := range run {
		start, end := rng(k, k+1)
		n.emitRune(rune(run[k]), start, end)
	}
	return j
}

// termAt returns the length of the longest term spelling at run[a:], or 0.
func (n *Normalizer) termAt(a int) int {
	for l := min(maxTerm, len(n.run)-a); l >= 2; l-- {
		if _, ok := pinyinTerms[string(n.run[a:a+l])]; ok {
			return l
		}
	}
	return 0
}

// coveredByTerms reports whether the run is a sequence of term spellings.
func (n *Normalizer) coveredByTerms() bool {
	if len(n.run) < 5 {
		return false
	}
	for a := 0; a < len(n.run); {
		l := n.termAt(a)
		if l == 0 {
			return false
		}
		a += l
	}
	return true
}
