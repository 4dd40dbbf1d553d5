package audit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// MaxDepth bounds how deeply arrays and objects nest in an entry's Data.
// Product choice: audit data is a few levels deep; the bound keeps a
// hostile store from making the verifier recurse without end.
const MaxDepth = 1000

// CanonicalJSON returns the canonical form of data that the hash covers:
// object members sorted by the UTF-8 bytes of their keys, no whitespace,
// numbers as written, strings re-escaped one way (see the package doc).
// Empty data is null. Data that is not RFC 8259 JSON in valid UTF-8, that
// has a duplicate key or a lone surrogate escape, or that nests deeper than
// MaxDepth is EINVALID.
func CanonicalJSON(data []byte) ([]byte, error) {
	out, _, err := appendCanonical(nil, data)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// unstorable records what a PostgreSQL jsonb column would rewrite or
// refuse: Next rejects it so that a chain written by Next survives the
// store; verification does not look at it.
type unstorable struct {
	exponent string // the first number written with an exponent (jsonb writes it out)
	negZero  string // the first negative zero (jsonb drops the sign)
	nul      bool   // a \u0000 escape (jsonb refuses it)
}

// appendCanonical appends the canonical form of data to dst.
func appendCanonical(dst, data []byte) ([]byte, unstorable, error) {
	if len(data) == 0 {
		return append(dst, "null"...), unstorable{}, nil
	}
	p := parser{in: data}
	p.skipSpace()
	dst, err := p.value(dst, 0)
	if err == nil {
		p.skipSpace()
		if p.pos < len(p.in) {
			err = p.fail("JSON 值之后还有内容", "data after the JSON value")
		}
	}
	return dst, p.issues, err
}

// parser reads RFC 8259 JSON and writes its canonical form as it goes.
type parser struct {
	in     []byte
	pos    int
	issues unstorable
}

func (p *parser) fail(zh, en string) error {
	return qinglang.Errorf(qinglang.EINVALID, "审计数据不是有效的 JSON（偏移 %[1]d）：%[2]s",
		"the audit data is not valid JSON (offset %[1]d): %[3]s", p.pos, zh, en)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.in) {
		switch p.in[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(dst []byte, depth int) ([]byte, error) {
	if p.pos >= len(p.in) {
		return dst, p.fail("数据意外结束", "unexpected end of data")
	}
	switch c := p.in[p.pos]; {
	case c == '{' || c == '[':
		if depth >= MaxDepth {
			return dst, p.fail(fmt.Sprintf("嵌套超过 %d 层", MaxDepth), fmt.Sprintf("nested deeper than %d levels", MaxDepth))
		}
		if c == '{' {
			return p.object(dst, depth+1)
		}
		return p.array(dst, depth+1)
	case c == '"':
		s, err := p.string()
		if err != nil {
			return dst, err
		}
		return appendString(dst, s), nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number(dst)
	default:
		for _, lit := range []string{"true", "false", "null"} {
			if bytes.HasPrefix(p.in[p.pos:], []byte(lit)) {
				p.pos += len(lit)
				return append(dst, lit...), nil
			}
		}
		return dst, p.fail(fmt.Sprintf("意外的字符 %q", c), fmt.Sprintf("unexpected character %q", c))
	}
}

// member is one written member of an object: its key and where its
// canonical "key":value lies in the output.
type member struct {
	key      string
	from, to int
}

func (p *parser) object(dst []byte, depth int) ([]byte, error) {
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.in) && p.in[p.pos] == '}' {
		p.pos++
		return append(dst, "{}"...), nil
	}
	start := len(dst)
	var members []member
	for {
		if p.pos >= len(p.in) || p.in[p.pos] != '"' {
			return dst, p.fail("应为字符串形式的键", "expected a string key")
		}
		key, err := p.string()
		if err != nil {
			return dst, err
		}
		p.skipSpace()
		if p.pos >= len(p.in) || p.in[p.pos] != ':' {
			return dst, p.fail("键之后应为冒号", "expected a colon after the key")
		}
		p.pos++
		p.skipSpace()
		m := member{key: string(key), from: len(dst)}
		dst = append(appendString(dst, key), ':')
		if dst, err = p.value(dst, depth); err != nil {
			return dst, err
		}
		m.to = len(dst)
		members = append(members, m)
		p.skipSpace()
		if p.pos < len(p.in) && p.in[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			continue
		}
		if p.pos < len(p.in) && p.in[p.pos] == '}' {
			p.pos++
			break
		}
		return dst, p.fail("对象中应为逗号或右花括号", "expected a comma or a closing brace in the object")
	}
	slices.SortStableFunc(members, func(a, b member) int { return strings.Compare(a.key, b.key) })
	for i := 1; i < len(members); i++ {
		if members[i].key == members[i-1].key {
			return dst, p.fail(fmt.Sprintf("键 %q 重复", members[i].key), fmt.Sprintf("duplicate key %q", members[i].key))
		}
	}
	body := slices.Clone(dst[start:])
	dst = append(dst[:start], '{')
	for i, m := range members {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, body[m.from-start:m.to-start]...)
	}
	return append(dst, '}'), nil
}

func (p *parser) array(dst []byte, depth int) ([]byte, error) {
	p.pos++ // [
	dst = append(dst, '[')
	p.skipSpace()
	if p.pos < len(p.in) && p.in[p.pos] == ']' {
		p.pos++
		return append(dst, ']'), nil
	}
	for {
		var err error
		if dst, err = p.value(dst, depth); err != nil {
			return dst, err
		}
		p.skipSpace()
		if p.pos < len(p.in) && p.in[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			dst = append(dst, ',')
			continue
		}
		if p.pos < len(p.in) && p.in[p.pos] == ']' {
			p.pos++
			return append(dst, ']'), nil
		}
		return dst, p.fail("数组中应为逗号或右方括号", "expected a comma or a closing bracket in the array")
	}
}

// number copies a number literal as written, after checking its grammar.
func (p *parser) number(dst []byte) ([]byte, error) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.in[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.in) && p.in[p.pos] == '0':
		p.pos++
	case digits() == 0:
		return dst, p.fail("无效的数字", "invalid number")
	}
	if p.pos < len(p.in) && p.in[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return dst, p.fail("小数点后应有数字", "expected a digit after the decimal point")
		}
	}
	mantissa := p.in[start:p.pos]
	if p.pos < len(p.in) && (p.in[p.pos] == 'e' || p.in[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.in) && (p.in[p.pos] == '+' || p.in[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return dst, p.fail("指数中应有数字", "expected a digit in the exponent")
		}
		if p.issues.exponent == "" {
			p.issues.exponent = string(p.in[start:p.pos])
		}
	}
	if mantissa[0] == '-' && strings.Trim(string(mantissa[1:]), "0.") == "" && p.issues.negZero == "" {
		p.issues.negZero = string(p.in[start:p.pos])
	}
	return append(dst, p.in[start:p.pos]...), nil
}

// string reads a string literal and returns its decoded bytes (valid
// UTF-8). Without escapes the result aliases the input.
func (p *parser) string() ([]byte, error) {
	p.pos++ // "
	start := p.pos
	var out []byte // nil until the first escape
	for {
		if p.pos >= len(p.in) {
			return nil, p.fail("字符串没有结束", "unterminated string")
		}
		c := p.in[p.pos]
		switch {
		case c == '"':
			p.pos++
			if out == nil {
				return p.in[start : p.pos-1], nil
			}
			return out, nil
		case c == '\\':
			if out == nil {
				out = append([]byte{}, p.in[start:p.pos]...)
			}
			var err error
			if out, err = p.escape(out); err != nil {
				return nil, err
			}
		case c < 0x20:
			return nil, p.fail("字符串中有未转义的控制字符", "unescaped control character in a string")
		case c < utf8.RuneSelf:
			if out != nil {
				out = append(out, c)
			}
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.in[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, p.fail("字符串中有无效的 UTF-8", "invalid UTF-8 in a string")
			}
			if out != nil {
				out = append(out, p.in[p.pos:p.pos+size]...)
			}
			p.pos += size
		}
	}
}

// escape decodes the escape at p.pos (a backslash) onto out.
func (p *parser) escape(out []byte) ([]byte, error) {
	if p.pos+1 >= len(p.in) {
		return out, p.fail("字符串没有结束", "unterminated string")
	}
	c := p.in[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		return append(out, c), nil
	case 'b':
		return append(out, '\b'), nil
	case 'f':
		return append(out, '\f'), nil
	case 'n':
		return append(out, '\n'), nil
	case 'r':
		return append(out, '\r'), nil
	case 't':
		return append(out, '\t'), nil
	case 'u':
	default:
		p.pos -= 2
		return out, p.fail(fmt.Sprintf("无效的转义 \\%c", c), fmt.Sprintf("invalid escape \\%c", c))
	}
	r, ok := p.hex4()
	if !ok {
		return out, p.fail("\\u 之后应为 4 位十六进制数", "expected 4 hex digits after \\u")
	}
	switch {
	case r >= 0xD800 && r < 0xDC00:
		lo := rune(-1)
		if p.pos+1 < len(p.in) && p.in[p.pos] == '\\' && p.in[p.pos+1] == 'u' {
			p.pos += 2
			if lo, ok = p.hex4(); !ok {
				return out, p.fail("\\u 之后应为 4 位十六进制数", "expected 4 hex digits after \\u")
			}
		}
		if lo < 0xDC00 || lo >= 0xE000 {
			return out, p.fail("高代理项之后没有低代理项", "a high surrogate without a low surrogate")
		}
		r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
	case r >= 0xDC00 && r < 0xE000:
		return out, p.fail("孤立的低代理项", "a lone low surrogate")
	case r == 0:
		p.issues.nul = true
	}
	return utf8.AppendRune(out, r), nil
}

func (p *parser) hex4() (rune, bool) {
	if p.pos+4 > len(p.in) {
		return 0, false
	}
	var r rune
	for _, c := range p.in[p.pos : p.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

// appendString writes s (valid UTF-8) as a canonical JSON string: only
// the quote, the backslash and the control characters are escaped, the
// latter as \b \f \n \r \t or \u00xx in lower-case hex.
func appendString(dst, s []byte) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\b':
			dst = append(dst, '\\', 'b')
		case c == '\f':
			dst = append(dst, '\\', 'f')
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
