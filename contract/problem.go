package contract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Position says where an event stood in its input.
type Position struct {
	Line  int // 1-based line for JSON Lines input; 0 for arrays
	Index int // 0-based element index for JSON array input; -1 for JSON Lines
}

// Problem is one rejected event (or a framing error), naming where, which
// field and why.
type Problem struct {
	Line     int    `json:"line,omitempty"`  // 1-based, JSON Lines
	Index    *int   `json:"index,omitempty"` // 0-based, JSON array
	Field    string `json:"field,omitempty"` // e.g. "ts", "text", "qty"; empty when the whole line is bad (malformed JSON)
	ID       string `json:"id,omitempty"`    // the event's id when it could be read
	Reason   string `json:"reason"`          // Chinese
	ReasonEN string `json:"reason_en"`       // English
}

// Error renders the problem in Chinese then English, e.g.
//
//	第 3 行 字段 "ts"：缺少时区偏移 / line 3, field "ts": time has no offset
//
// An array element is named by its index (下标 2 / index 2); a problem
// without a place or a field is just its reason.
func (p Problem) Error() string {
	var zh, en strings.Builder
	switch {
	case p.Line > 0:
		zh.WriteString("第 " + strconv.Itoa(p.Line) + " 行")
		en.WriteString("line " + strconv.Itoa(p.Line))
	case p.Index != nil:
		zh.WriteString("下标 " + strconv.Itoa(*p.Index))
		en.WriteString("index " + strconv.Itoa(*p.Index))
	}
	if p.Field != "" {
		q := strconv.Quote(p.Field)
		if zh.Len() > 0 {
			zh.WriteString(" ")
			en.WriteString(", ")
		}
		zh.WriteString("字段 " + q)
		en.WriteString("field " + q)
	}
	if zh.Len() > 0 {
		zh.WriteString("：")
		en.WriteString(": ")
	}
	zh.WriteString(p.Reason)
	en.WriteString(p.ReasonEN)
	return zh.String() + " / " + en.String()
}

// at returns a copy of p placed at pos.
func (p *Problem) at(pos Position) Problem {
	q := *p
	if pos.Index >= 0 {
		i := pos.Index
		q.Index = &i
		q.Line = 0
	} else {
		q.Line = pos.Line
		q.Index = nil
	}
	return q
}

// newProblem returns a problem about field f ("" for the whole event).
func newProblem(f, zh, en string) *Problem {
	return &Problem{Field: f, Reason: zh, ReasonEN: en}
}

// maxQuoted is how many bytes of a bad value a reason quotes.
const maxQuoted = 64

// quoteValue quotes a value for a reason, cutting it at maxQuoted bytes on
// a rune boundary so that a huge bad value does not make a huge message.
func quoteValue(b []byte) string {
	if len(b) <= maxQuoted {
		return strconv.Quote(string(b))
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return strconv.Quote(string(b[:cut])) + "…"
}
