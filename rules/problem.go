package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/qinglang/qinglang"
)

// Problem is one thing wrong in a pack: where it is (file, line, field) and
// why, in Chinese and in English.
type Problem struct {
	File string // as given to Parse or Load, e.g. "rules/x.yaml"
	Line int    // 1-based; 0 when the problem is about the whole file
	// Field is the YAML key the problem is about, relative to the rule for
	// rule fields ("severity", "terms[2]", "examples.match[0].text") and to
	// the file for pack fields ("pack", "version", "rules"); "" when the
	// problem is about the file or the YAML itself.
	Field    string
	Reason   string // Chinese
	ReasonEN string // English
}

// Error formats the problem as
// "rules/x.yaml:12: 字段 severity：… / field severity: …".
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Field != "" {
		fmt.Fprintf(&b, "字段 %s：%s / field %s: %s", p.Field, p.Reason, p.Field, p.ReasonEN)
	} else {
		fmt.Fprintf(&b, "%s / %s", p.Reason, p.ReasonEN)
	}
	return b.String()
}

// Problems are every problem found in one or more packs. As an error it
// lists all of them, one per line, and its code (qinglang.Code) is
// qinglang.EINVALID.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// As lets errors.As (and so qinglang.Code) see Problems as an invalid-input
// *qinglang.Error carrying the same text.
func (ps Problems) As(target any) bool {
	t, ok := target.(**qinglang.Error)
	if !ok {
		return false
	}
	*t = qinglang.Errorf(qinglang.EINVALID, "规则包无效（%d 个问题）", "invalid rule packs (%d problems)", len(ps))
	(*t).Err = problemsText(ps)
	return true
}

// problemsText is Problems without the As method, so that the wrapped
// *qinglang.Error does not loop back to itself.
type problemsText Problems

func (ps problemsText) Error() string { return Problems(ps).Error() }

// sortProblems orders problems by file then line, keeping the order in
// which they were found within a line.
func sortProblems(ps Problems) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}
