package campaign

import (
	"strings"
	"unicode/utf8"
)

// Calls to action. A host asks the crowd to type something: 扣1, 打个想要,
// 把冲冲冲打在公屏上, 评论区打'X'参与抽奖. Hosts ask every minute or two, so
// time alone explains nothing; a comment answers a call when it is posted
// during or within afterCall after it and says what the call asked for
// (or, for a call that names nothing, is content-free).

// call is one call to action of a room.
type call struct {
	start, end int64  // unix ms of the speech segment
	phrase     string // masked normalised text asked for; "" when none could be read
	sh         []uint32
}

// callPhrase returns the text a call asks the viewers to type, as
// written ("" when it names none): a quoted phrase, X of 把X打在公屏上, or
// what follows 扣 / 扣个 / 打个.
func callPhrase(s string) string {
	for _, q := range [][2]string{{"'", "'"}, {"\"", "\""}, {"‘", "’"}, {"“", "”"}, {"「", "」"}, {"『", "』"}} {
		if i := strings.Index(s, q[0]); i >= 0 {
			rest := s[i+len(q[0]):]
			if j := strings.Index(rest, q[1]); j > 0 {
				return rest[:j]
			}
		}
	}
	if i := strings.Index(s, "把"); i >= 0 {
		rest := s[i+len("把"):]
		for _, m := range []string{"打在", "扣在", "刷在", "发在"} {
			if j := strings.Index(rest, m); j > 0 {
				return rest[:j]
			}
		}
	}
	for _, m := range []string{"扣个", "打个", "扣"} {
		if i := strings.Index(s, m); i >= 0 {
			return phraseUntilStop(s[i+len(m):])
		}
	}
	return ""
}

// phraseUntilStop returns the start of s up to a separator or a function
// word, at most 10 runes.
func phraseUntilStop(s string) string {
	n := 0
	for i, r := range s {
		if n == 10 || strings.ContainsRune("，,。.！!？?、 ~～我的参让看", r) {
			return s[:i]
		}
		n++
	}
	return s
}

// addCall remembers a call of the room, dropping the oldest.
func (r *room) addCall(c call) {
	copy(r.calls[1:], r.calls[:maxCalls-1])
	r.calls[0] = c
}

// answersCall reports whether a comment at ts (its masked text and, on
// demand, its shingles) answers one of the room's recent calls.
func (r *room) answersCall(ts int64, masked string, sh func() []uint32, contentFree bool) bool {
	for i := range r.calls {
		c := &r.calls[i]
		if c.end == 0 || ts < c.start || ts > c.end+afterCall.Milliseconds() {
			continue
		}
		if c.phrase == "" {
			if contentFree {
				return true
			}
			continue
		}
		if masked == "" {
			continue
		}
		// the phrase, give or take a few runes of decoration
		m, p := utf8.RuneCountInString(masked), utf8.RuneCountInString(c.phrase)
		if (m <= p+callSlack && strings.Contains(masked, c.phrase)) || (2*m >= p && strings.Contains(c.phrase, masked)) || jaccard(sh(), c.sh) >= 0.5 {
			return true
		}
	}
	return false
}
