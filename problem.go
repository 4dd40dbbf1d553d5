package qinglang

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong in an input file (a rule pack, a brand
// registry): where it is (file, line, field) and why, in Chinese and in
// English.
type Problem struct {
	File string // as given to the reader, e.g. "rules/x.yaml"
	Line int    // 1-based; 0 when the problem is about the whole file or the line is unknown
	// Field is the key or column the problem is about, in the reader's
	// terms (for a rule pack "severity", "terms[2]"; for a brand registry
	// "brands[2].sellers[0].until" or a CSV column); "" when it is about
	// the file itself.
	Field    string
	Reason   string // Chinese
	ReasonEN string // English
}

// Error formats the problem as "file:line: 字段 f：… / field f: …".
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Field != "" {
		fmt.Fprintf(&b, "字段 %s：%s / field %s: %s", p.Field, p.Reason, p.Field, p.ReasonEN)
	} else {
		fmt.Fprintf(&b, "%s / %s", p.Reason, p.ReasonEN)
	}
	return b.String()
}

// Problems are every problem found in an input. As an error it lists them
// one per line, and Code reports EINVALID for it.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// As lets errors.As (and so Code) see Problems as an invalid-input *Error
// carrying the same text.
func (ps Problems) As(target any) bool {
	t, ok := target.(**Error)
	if !ok {
		return false
	}
	*t = Errorf(EINVALID, "输入无效（%d 个问题）", "invalid input (%d problems)", len(ps))
	(*t).Err = problemsText(ps)
	return true
}

// Sort orders the problems by file then line, keeping the order in which
// they were found within a line.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}

// problemsText is Problems without As, so that the wrapped *Error does not
// loop back to itself.
type problemsText Problems

func (ps problemsText) Error() string { return Problems(ps).Error() }
