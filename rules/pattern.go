package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// PartKind is the kind of one part of a pattern.
type PartKind int

// Pattern part kinds.
const (
	// Literal is text to find as written (after the matcher normalises it
	// the same way as the scanned text). Text holds it.
	Literal PartKind = iota + 1
	// Number is {N}: one number — digits with an optional decimal part, or
	// Chinese numerals once normalised (三, 十五, 3.2, 98).
	Number
	// Gap is {GAP:k}: between 0 and Max runes of anything.
	Gap
)

func (k PartKind) String() string {
	switch k {
	case Literal:
		return "literal"
	case Number:
		return "number"
	case Gap:
		return "gap"
	}
	return "PartKind(" + strconv.Itoa(int(k)) + ")"
}

// PatternPart is one part of a parsed pattern.
type PatternPart struct {
	Kind PartKind
	Text string // Literal only: the text, never empty
	Max  int    // Gap only: the most runes the gap spans, 1..MaxGap
}

// MaxGap is the largest k of a {GAP:k} placeholder.
const MaxGap = 20

// ParsePattern splits a pattern into its parts, in order.
//
// The syntax is literal text with two placeholders:
//
//	{N}      a number (PartKind Number)
//	{GAP:k}  up to k runes of anything, k a decimal integer 1..20 (Gap)
//
// Everything else is literal text; adjacent literal text is one Literal
// part, kept exactly as written (not trimmed, not normalised). Braces
// always delimit a placeholder: there is no escape for a literal brace.
//
// A pattern is an error when it is empty, when a brace is unbalanced or
// nested, when a placeholder is unknown ({n}, {X}, {GAP}, { N }), when a
// gap's k is not an integer 1..20, when two placeholders follow each other
// with no literal text between them ({N}{N} cannot be told apart), when it
// begins or ends with a gap (a gap at an edge matches nothing more), or when
// its literal text holds no letter (CJK or other script): "{N}%" alone
// would match any percentage.
//
// Lexicon references ({@name}, see Rule) are not part of this syntax: a
// pack's patterns are expanded into plain patterns when the rule set is
// put together (Merge), and each expansion is parsed here; a reference
// that reaches ParsePattern unexpanded is an error. Since a lexicon's
// words are literal text, "{@a}{@b}" and "{@unit}{N}" expand to literal
// text next to literal text or to a number, which the rules above allow.
//
// The error is a *qinglang.Error with code EINVALID and a message in
// Chinese and in English.
func ParsePattern(p string) ([]PatternPart, error) {
	if strings.TrimSpace(p) == "" {
		return nil, patternErr("模式为空", "the pattern is empty")
	}
	var parts []PatternPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, PatternPart{Kind: Literal, Text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(p); {
		switch p[i] {
		case '}':
			return nil, patternErr("第 %d 字节处的 } 没有对应的 {", "unbalanced } at byte %d", i)
		case '{':
			end := strings.IndexAny(p[i+1:], "{}")
			if end < 0 || p[i+1+end] == '{' {
				return nil, patternErr("第 %d 字节处的 { 没有对应的 }", "unbalanced { at byte %d", i)
			}
			name := p[i+1 : i+1+end]
			part, err := placeholder(name)
			if err != nil {
				return nil, err
			}
			flush()
			if n := len(parts); n > 0 && parts[n-1].Kind != Literal {
				return nil, patternErr("占位符 {%s} 紧跟在另一个占位符之后，中间需要文字", "placeholder {%s} follows another placeholder with no literal text between them", name)
			}
			parts = append(parts, part)
			i += end + 2
		default:
			_, size := utf8.DecodeRuneInString(p[i:])
			lit.WriteString(p[i : i+size])
			i += size
		}
	}
	flush()
	if parts[0].Kind == Gap || parts[len(parts)-1].Kind == Gap {
		return nil, patternErr("模式不能以 {GAP:k} 开头或结尾", "a pattern cannot begin or end with {GAP:k}")
	}
	letters := false
	for _, part := range parts {
		if part.Kind == Literal && strings.IndexFunc(part.Text, unicode.IsLetter) >= 0 {
			letters = true
			break
		}
	}
	if !letters {
		return nil, patternErr("模式除占位符外至少需要一个文字（汉字或字母）", "a pattern needs at least one letter (CJK or other) besides its placeholders")
	}
	return parts, nil
}

// placeholder parses the name between braces.
func placeholder(name string) (PatternPart, error) {
	if name == "N" {
		return PatternPart{Kind: Number}, nil
	}
	if k, ok := strings.CutPrefix(name, "GAP:"); ok {
		n, err := strconv.Atoi(k)
		if err != nil || k[0] == '+' || k[0] == '-' || n < 1 || n > MaxGap {
			return PatternPart{}, patternErr("占位符 {%s} 的长度须为 1 到 %d 的整数", "placeholder {%s}: the length must be an integer from 1 to %d", name, MaxGap)
		}
		return PatternPart{Kind: Gap, Max: n}, nil
	}
	if strings.HasPrefix(name, "@") {
		return PatternPart{}, patternErr("词表引用 {%s} 未展开：规则包须经 rules.Merge 或 rules.Load 加载", "lexicon reference {%s} is not expanded: load packs through rules.Merge or rules.Load", name)
	}
	return PatternPart{}, patternErr("未知占位符 {%s}（可用 {N} 与 {GAP:k}）", "unknown placeholder {%s} (use {N} or {GAP:k})", name)
}

func patternErr(zh, en string, args ...any) error {
	return qinglang.Errorf(qinglang.EINVALID, zh, en, args...)
}
