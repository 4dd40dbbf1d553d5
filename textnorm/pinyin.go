package textnorm

// Pinyin spellings of a few high-value terms (the tables are in
// pinyin_table.go, with the spellings left out and why). The tables are
// small on purpose: a false replacement creates false findings.
//
// Matching runs over a maximal run of ASCII letters after width, case
// and diacritic folding (jiǎnféi, ｊｉａｎｆｅｉ; see fold.go), noise removal
// and collapsing repeated letters (so "Jian Fei", "jian-fei" and
// "jiannfei" all read jianfei):
//
//   - a run that spells part of a term written next to the term's other
//     character is replaced (jian肥, 减fei, sou了, 糖niao病);
//   - otherwise a run made up entirely of whole-term spellings, matched
//     longest first, is replaced (jianfei, jianfeishoushen); a run with
//     anything else in it is left alone.

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
				for _, r := range s.out {
					n.emitRune(r, start, end)
				}
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
