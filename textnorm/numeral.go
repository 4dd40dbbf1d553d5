package textnorm

var pow10 = [...]int{1, 10, 100, 1000}

// numeral writes the Chinese numeral that starts at token i (a cNum or
// cUnit token) and returns the index of the next token.
//
//   - 百分之 followed by a number becomes the number and %: 百分之九十 → 90%.
//   - 百 and 千 without a numeral before them stay as they are.
//   - A numeral digit followed by a unit starts a positional number (a
//     "section" below 万): 三十五 → 35, 一百零五 → 105, 一百五 → 150,
//     十五 → 15. Each output byte maps to the whole numeral.
//   - Other numeral digits convert one by one: 二〇二五 → 2025, 三五 → 35,
//     and so do digits after a decimal point: 三点一四 → 3.14.
func (n *Normalizer) numeral(i int) int {
	toks := n.toks
	t := toks[i]
	if t.e.cls() == cUnit && t.e.val() != 1 {
		if t.e.r() == '百' {
			if k := n.skipRunes(i+1, '分', '之'); k > 0 && n.startsNumber(k) {
				return n.percent(i, k)
			}
		}
		n.emitRune(t.e.r(), t.start, t.end)
		return i + 1
	}
	if t.e.cls() == cNum && (n.last == '.' || !n.unitAt(i+1)) {
		afterPoint := n.last == '.'
		j := i
		for j < len(toks) && toks[j].e.cls() == cNum && (afterPoint || !n.unitAt(j+1)) {
			n.emitNumber(int(toks[j].e.val()), toks[j].start, toks[j].end)
			j++
		}
		return j
	}
	v, j := n.section(i)
	n.emitNumber(v, t.start, toks[j-1].end)
	return j
}

// unitAt reports whether token i exists and is a unit (十百千).
func (n *Normalizer) unitAt(i int) bool {
	return i < len(n.toks) && n.toks[i].e.cls() == cUnit
}

// section parses a positional numeral below 万 starting at token i, which
// is 十 or a numeral digit followed by a unit. It returns the value and
// the index after the numeral.
func (n *Normalizer) section(i int) (v, j int) {
	toks := n.toks
	last := 4 // the power of ten of the last unit; 4 means none yet
	zero := false
	for j = i; j < len(toks); {
		e := toks[j].e
		if e.cls() == cUnit && j == i {
			v, last = 10, 1 // a leading 十: 十五
			j++
			continue
		}
		if e.cls() != cNum {
			break
		}
		d := int(e.val())
		if n.unitAt(j+1) && int(toks[j+1].e.val()) < last {
			last = int(toks[j+1].e.val())
			v += d * pow10[last]
			zero = false
			j += 2
			continue
		}
		if d == 0 && v > 0 && j+1 < len(toks) && toks[j+1].e.cls() == cNum {
			zero = true // a filler zero: 一百零五
			j++
			continue
		}
		if last >= 2 && !zero {
			v += d * pow10[last-1] // colloquial: 一百五 is 150
		} else {
			v += d
		}
		j++
		break
	}
	return v, j
}

// skipRunes matches one or more tokens of each of the runes in turn from
// token i, ignoring punctuation (as it would be dropped and repeats
// collapsed), and returns the index after the match and any punctuation
// that follows it, or -1.
func (n *Normalizer) skipRunes(i int, runes ...rune) int {
	skipPunct := func() {
		for i < len(n.toks) && n.toks[i].e.cls() == cPunct {
			i++
		}
	}
	for _, r := range runes {
		skipPunct()
		if i >= len(n.toks) || n.toks[i].e.r() != r {
			return -1
		}
		for i < len(n.toks) && (n.toks[i].e.r() == r || n.toks[i].e.cls() == cPunct) {
			i++
		}
	}
	skipPunct()
	return i
}

// percent writes 百分之 + number (token i is 百, token k starts the number)
// as the number followed by %, every byte mapping to the whole phrase,
// and returns the index of the next token.
func (n *Normalizer) percent(i, k int) int {
	from := len(n.text.src)
	j := n.step(k)
	for j < len(n.toks) {
		e := n.toks[j].e
		if e.cls() == cDigit || (e.cls() == cNum && n.last == '.') {
			j = n.step(j)
			continue
		}
		if e.r() != '点' && e.r() != '.' {
			break
		}
		k := n.separator(j)
		if k == j {
			break
		}
		j = k
	}
	n.emitRune('%', n.toks[i].start, n.toks[j-1].end)
	s := span{n.toks[i].start, n.toks[j-1].end}
	for k := from; k < len(n.text.src); k++ {
		n.text.src[k] = s
	}
	return j
}
