package contract

import (
	"encoding/binary"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds the JSON scanner under the event decoder: whitespace,
// strings (every escape, \uXXXX surrogate pairs), numbers, literals and
// the skipping of whole values. It follows RFC 8259 and, where the RFC
// leaves room, encoding/json: a lone surrogate escape becomes U+FFFD, and
// nesting deeper than maxDepth is an error.

// maxDepth is the deepest nesting of objects and arrays accepted, counting
// the event object itself (encoding/json's limit).
const maxDepth = 10000

// plain marks the bytes a string may hold without a closer look: printable
// ASCII other than '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// special8 reports whether any of the eight bytes in x (little endian)
// is a control character, '"', '\\' or not ASCII.
func special8(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	xq, xb := x^('"'*lo), x^('\\'*lo)
	ctl := (x - 0x20*lo) &^ x // a byte below 0x20
	quote := (xq - lo) &^ xq  // a zero byte in x^'"': a quote
	bs := (xb - lo) &^ xb     // a zero byte in x^'\\': a backslash
	return (ctl|quote|bs|x)&hi != 0
}

// syntaxError is where and why the JSON broke.
type syntaxError struct {
	at     int // byte offset in the input
	zh, en string
}

// scanner reads JSON from b. After a false return from any method, err
// says why; badUTF8 is set when a string held invalid UTF-8 (which is not
// a syntax error: the scan goes on and the caller decides).
type scanner struct {
	b       []byte
	pos     int
	err     syntaxError
	badUTF8 bool
	stack   []byte // open containers while skipping: '{' or '['
	depth0  int    // containers open around the value being skipped
}

// ws skips whitespace and reports whether input remains.
func (s *scanner) ws() bool {
	if s.pos < len(s.b) && s.b[s.pos] > ' ' { // the usual case: no whitespace
		return true
	}
	return s.wsSlow()
}

// wsSlow is the loop of ws.
func (s *scanner) wsSlow() bool {
	for s.pos < len(s.b) {
		switch s.b[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return true
		}
	}
	return false
}

// fail records a syntax error at offset at and returns false.
func (s *scanner) fail(at int, zh, en string) bool {
	s.err = syntaxError{at: at, zh: zh, en: en}
	return false
}

// failEOF records an unexpected end of input.
func (s *scanner) failEOF() bool {
	return s.fail(len(s.b), "输入意外结束", "unexpected end of input")
}

// failExpect records that want was expected at the current position.
func (s *scanner) failExpect(wantZH, wantEN string) bool {
	if s.pos >= len(s.b) {
		return s.failEOF()
	}
	zh, en := describeByte(s.b[s.pos])
	return s.fail(s.pos, "期望"+wantZH+"，却是 "+zh, "expected "+wantEN+", found "+en)
}

// describeByte names a byte for a syntax error.
func describeByte(c byte) (zh, en string) {
	if c > 0x20 && c < 0x7f {
		q := strconv.QuoteRune(rune(c))
		return q, q
	}
	h := "0x" + strconv.FormatUint(uint64(c), 16)
	return "字节 " + h, "byte " + h
}

// str reads the string starting at s.pos (a '"'). When keep is set, the
// decoded content is appended to dst, which is returned.
func (s *scanner) str(dst []byte, keep bool) ([]byte, bool) {
	b := s.b
	i := s.pos + 1
	start := i
	for {
		// Eight bytes at a time while none needs a closer look, then
		// byte by byte.
		for i+8 <= len(b) && !special8(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		for i < len(b) && plain[b[i]] {
			i++
		}
		if i >= len(b) {
			return dst, s.failEOF()
		}
		switch c := b[i]; {
		case c == '"':
			if keep {
				dst = append(dst, b[start:i]...)
			}
			s.pos = i + 1
			return dst, true
		case c == '\\':
			if keep {
				dst = append(dst, b[start:i]...)
			}
			n, ok := s.escape(i, &dst, keep)
			if !ok {
				return dst, false
			}
			i += n
			start = i
		case c < 0x20:
			zh, en := describeByte(c)
			return dst, s.fail(i, "字符串中有未转义的控制字符 "+zh, "unescaped control character "+en+" in string")
		default: // c >= utf8.RuneSelf: every other ASCII byte is handled above
			// Fast path for the three-byte sequences of CJK text
			// (E1..EC, EE, EF lead bytes take any continuation bytes).
			if (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && c <= 0xEF && i+2 < len(b) &&
				b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				s.badUTF8 = true
			}
			i += size
		}
	}
}

// escape decodes the escape sequence at b[i] (a '\\'), appending the
// character to *dst when keep is set, and returns its length in bytes.
func (s *scanner) escape(i int, dst *[]byte, keep bool) (int, bool) {
	b := s.b
	if i+1 >= len(b) {
		return 0, s.failEOF()
	}
	var c byte
	switch b[i+1] {
	case '"', '\\', '/':
		c = b[i+1]
	case 'b':
		c = '\b'
	case 'f':
		c = '\f'
	case 'n':
		c = '\n'
	case 'r':
		c = '\r'
	case 't':
		c = '\t'
	case 'u':
		r := hex4(b, i+2)
		if r < 0 {
			return 0, s.fail(i, "无效的 \\u 转义", "invalid \\u escape")
		}
		n := 6
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if i+n+1 < len(b) && b[i+n] == '\\' && b[i+n+1] == 'u' {
				r2 = hex4(b, i+n+2)
			}
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				r = dec
				n += 6
			} else {
				r = utf8.RuneError
			}
		}
		if keep {
			*dst = utf8.AppendRune(*dst, r)
		}
		return n, true
	default:
		return 0, s.fail(i, "无效的转义序列", "invalid escape sequence")
	}
	if keep {
		*dst = append(*dst, c)
	}
	return 2, true
}

// hex4 reads four hex digits at b[i:], or returns -1.
func hex4(b []byte, i int) rune {
	if i+4 > len(b) {
		return -1
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// number reads the number at s.pos. It returns where it ends and whether
// it is an integer (no fraction, no exponent).
func (s *scanner) number() (end int, isInt bool, ok bool) {
	b := s.b
	i := s.pos
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return 0, false, s.failEOF()
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return 0, false, s.fail(i, "无效的数字", "invalid number")
	}
	isInt = true
	if i < len(b) && b[i] == '.' {
		isInt = false
		i++
		d := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == d {
			return 0, false, s.fail(i, "无效的数字：小数点后缺少数字", "invalid number: no digits after the decimal point")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		isInt = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == d {
			return 0, false, s.fail(i, "无效的数字：指数缺少数字", "invalid number: no digits in the exponent")
		}
	}
	s.pos = i
	return i, isInt, true
}

// parseInt64 converts an integer literal the scanner accepted. ok is false
// when it does not fit in an int64.
func parseInt64(b []byte) (v int64, ok bool) {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		u = u*10 + uint64(c-'0') // 19 digits cannot overflow a uint64
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > 1<<63-1 {
		return 0, false
	}
	return int64(u), true
}

// literal reads true, false or null at s.pos.
func (s *scanner) literal() bool {
	var want string
	switch s.b[s.pos] {
	case 't':
		want = "true"
	case 'f':
		want = "false"
	default:
		want = "null"
	}
	for k := 0; k < len(want); k++ {
		if s.pos+k >= len(s.b) {
			return s.failEOF()
		}
		if s.b[s.pos+k] != want[k] {
			return s.fail(s.pos+k, "无效的字面量（期望 "+want+"）", "invalid literal (expected "+want+")")
		}
	}
	s.pos += len(want)
	return true
}

// key reads an object key and the colon after it. When buf is not nil it
// returns the decoded key: a slice of the input when the key has no
// escapes or non-ASCII bytes, else the key decoded into *buf.
func (s *scanner) key(buf *[]byte) ([]byte, bool) {
	if s.pos >= len(s.b) || s.b[s.pos] != '"' {
		return nil, s.failExpect("字段名（字符串）", "an object key (string)")
	}
	var k []byte
	b, i := s.b, s.pos+1
	for i < len(b) && plain[b[i]] {
		i++
	}
	if i < len(b) && b[i] == '"' {
		k = b[s.pos+1 : i]
		s.pos = i + 1
	} else {
		var dst []byte
		if buf != nil {
			dst = (*buf)[:0]
		}
		var ok bool
		if dst, ok = s.str(dst, buf != nil); !ok {
			return nil, false
		}
		if buf != nil {
			*buf, k = dst, dst
		}
	}
	if !s.ws() || s.b[s.pos] != ':' {
		return nil, s.failExpect(" ':'", "':'")
	}
	s.pos++
	return k, true
}

// skip reads one whole JSON value at s.pos (after whitespace) without
// keeping it, checking its syntax. It is iterative, so deep nesting cannot
// exhaust the stack.
func (s *scanner) skip() bool {
	base := len(s.stack)
	needValue := true
	for {
		if needValue {
			if !s.ws() {
				return s.failEOF()
			}
			switch c := s.b[s.pos]; {
			case c == '{' || c == '[':
				if s.depth0+len(s.stack)+1 > maxDepth {
					return s.fail(s.pos, "嵌套超过 "+strconv.Itoa(maxDepth)+" 层", "nested deeper than "+strconv.Itoa(maxDepth)+" levels")
				}
				s.stack = append(s.stack, c)
				s.pos++
				if !s.ws() {
					return s.failEOF()
				}
				if s.b[s.pos] == closer(c) {
					s.pos++
					s.stack = s.stack[:len(s.stack)-1]
					break
				}
				if c == '{' {
					if _, ok := s.key(nil); !ok {
						return false
					}
				}
				continue
			case c == '"':
				if _, ok := s.str(nil, false); !ok {
					return false
				}
			case c == '-' || ('0' <= c && c <= '9'):
				if _, _, ok := s.number(); !ok {
					return false
				}
			case c == 't' || c == 'f' || c == 'n':
				if !s.literal() {
					return false
				}
			default:
				return s.failExpect("一个 JSON 值", "a JSON value")
			}
			needValue = false
		}
		if len(s.stack) == base {
			return true
		}
		if !s.ws() {
			return s.failEOF()
		}
		top := s.stack[len(s.stack)-1]
		switch s.b[s.pos] {
		case ',':
			s.pos++
			if top == '{' {
				if !s.ws() {
					return s.failEOF()
				}
				if _, ok := s.key(nil); !ok {
					return false
				}
			}
			needValue = true
		case closer(top):
			s.pos++
			s.stack = s.stack[:len(s.stack)-1]
		default:
			if top == '{' {
				return s.failExpect(" ',' 或 '}'", "',' or '}'")
			}
			return s.failExpect(" ',' 或 ']'", "',' or ']'")
		}
	}
}

// closer returns the byte that closes an open '{' or '['.
func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// jsonKind names the kind of the JSON value starting with c.
func jsonKind(c byte) (zh, en string) {
	switch {
	case c == '"':
		return "字符串", "a string"
	case c == '{':
		return "对象", "an object"
	case c == '[':
		return "数组", "an array"
	case c == 't' || c == 'f':
		return "布尔值", "a boolean"
	case c == 'n':
		return "null", "null"
	}
	return "数字", "a number"
}
