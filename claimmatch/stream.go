package claimmatch

import "unicode/utf8"

// Screening runs the automaton over the normalised text as it is being
// normalised, in one pass over the original, without building the
// normalised string or its offsets: most texts have no hit, and for them
// nothing else is needed. A plain rune (textnorm.Plain: most of CJK) is
// written as it is, unless it repeats the last rune, so find does it
// inline; every other rune goes through the normaliser's Segment, which
// hands back the runes it wrote and where to go on.

// find streams the normalised text of text into the automaton and
// appends the hits to hits, at byte offsets of the normalised text: the
// same hits, in the same order, as m.ac.find(normalizeString(text)). It
// sets s.same when the normalised text is text itself (every rune plain,
// none collapsed).
func (s *Scanner) find(text string, hits []hit) []hit {
	same := true
	a, plain := s.m.ac, s.m.plain
	symLow, root, st := a.symLow, a.root, a.st
	q, pos, last := int32(0), int32(0), rune(-1) // state, normalised bytes, last rune written
	for i := 0; i < len(text); {
		if c := text[i]; c&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r := uint16(c&0x0F)<<12 | uint16(text[i+1]&0x3F)<<6 | uint16(text[i+2]&0x3F)
			if plain[r>>6]&(1<<(r&63)) != 0 {
				i += 3
				if rune(r) == last {
					same = false
					continue // a repeat collapses
				}
				last = rune(r)
				pos += 3
				// The automaton's step, as in automaton.find.
				sym := uint32(symLow[r])
				if sym == 0 {
					q = 0
					continue
				}
				for {
					if q == 0 {
						q = root[sym]
						break
					}
					if nx := a.next(q, sym); nx >= 0 {
						q = nx
						break
					}
					q = st[q].fail
				}
				for o := st[q].report; o >= 0; o = a.dict[o] {
					hits = append(hits, hit{kw: a.kw[o], end: pos})
				}
				continue
			}
		}
		same = false
		rs, stop := s.stream.Segment(text, i, last)
		if len(rs) > 0 {
			last = rs[len(rs)-1]
			q, pos, hits = a.findRunes(rs, q, pos, hits)
		}
		i = stop
	}
	s.same = same
	return hits
}

// findRunes is find over a text given as runes, such as a normalised text
// streamed a piece at a time: it starts in state s at byte pos of the
// text's UTF-8 encoding and returns the state and byte to go on from.
// Hits end where they would in the encoded text, and are the same.
func (a *automaton) findRunes(rs []rune, s, pos int32, hits []hit) (int32, int32, []hit) {
	symLow, root, st := a.symLow, a.root, a.st
	for _, r := range rs {
		var sym uint32
		switch {
		case r < utf8.RuneSelf:
			sym = uint32(symLow[r])
			pos++
		case r < 0x800:
			sym = uint32(symLow[r])
			pos += 2
		case r < 0x10000:
			sym = uint32(symLow[r])
			pos += 3
		default:
			sym = a.symHigh[r]
			pos += 4
		}
		if sym == 0 {
			s = 0
			continue
		}
		for {
			if s == 0 {
				s = root[sym]
				break
			}
			if nx := a.next(s, sym); nx >= 0 {
				s = nx
				break
			}
			s = st[s].fail
		}
		for o := st[s].report; o >= 0; o = a.dict[o] {
			hits = append(hits, hit{kw: a.kw[o], end: pos})
		}
	}
	return s, pos, hits
}
