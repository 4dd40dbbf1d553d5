package contract

import (
	"bufio"
	"io"

	"github.com/qinglang/qinglang"
)

// arrayDecoder reads a JSON array of events from a stream, one element at
// a time, so that a large body never sits in memory whole. It finds where
// each element ends with a light structural scan (strings, escapes,
// brackets), then decodes the element fully; an element over
// qinglang.MaxEventBytes is scanned to its end but not kept.
type arrayDecoder struct {
	br     *bufio.Reader
	d      *decoder
	accept func(qinglang.Event, Position) error
	reject func(Problem) error

	index int    // index of the next element
	elem  []byte // the current element, up to MaxEventBytes+1 bytes
}

// eof is what peek returns at the end of input.
const eof = -1

// run reads the array; the reader stands at its '[' (after whitespace).
func (a *arrayDecoder) run() error {
	if _, err := a.peek(); err != nil { // skip the whitespace before '['
		return err
	}
	a.br.Discard(1)
	c, err := a.peek()
	if err != nil {
		return err
	}
	if c == ']' {
		a.br.Discard(1)
		return a.end()
	}
	for {
		switch c {
		case eof:
			return a.broken("数组未结束：缺少元素和 ']'", "unterminated array: element and ']' missing")
		case ',', ']', '}':
			return a.broken("期望一个事件对象，却是 '"+string(rune(c))+"'", "expected an event object, found '"+string(rune(c))+"'")
		}
		if complete, err := a.element(); err != nil || !complete {
			return err
		}
		a.index++
		if c, err = a.peek(); err != nil {
			return err
		}
		switch c {
		case ']':
			a.br.Discard(1)
			return a.end()
		case ',':
			a.br.Discard(1)
		case eof:
			return a.broken("数组未结束：缺少 ']'", "unterminated array: ']' missing")
		default:
			zh, en := describeByte(byte(c))
			return a.broken("元素之间期望 ',' 或 ']'，却是 "+zh, "expected ',' or ']' between elements, found "+en)
		}
		if c, err = a.peek(); err != nil {
			return err
		}
		if c == ']' {
			return a.broken("']' 之前多了一个 ','", "trailing ',' before ']'")
		}
	}
}

// peek skips whitespace and returns the next byte without consuming it,
// or eof at the end of input.
func (a *arrayDecoder) peek() (int, error) {
	for {
		b, err := a.br.Peek(1)
		if len(b) == 0 {
			if err == io.EOF {
				return eof, nil
			}
			return eof, readError(err, 0)
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			a.br.Discard(1)
		default:
			return int(b[0]), nil
		}
	}
}

// end checks that nothing but whitespace follows the closing ']'.
func (a *arrayDecoder) end() error {
	c, err := a.peek()
	if err != nil || c == eof {
		return err
	}
	return a.broken("数组结束符 ']' 之后还有多余内容", "unexpected data after the closing ']'")
}

// broken reports a framing problem at the current index. Decoding stops.
func (a *arrayDecoder) broken(zh, en string) error {
	i := a.index
	return a.reject(Problem{Index: &i, Reason: "JSON 数组格式错误：" + zh, ReasonEN: "malformed JSON array: " + en})
}

// element reads, decodes and reports the element at the reader. complete
// is false when the input ended inside it.
func (a *arrayDecoder) element() (complete bool, err error) {
	pos := Position{Index: a.index}
	a.elem = a.elem[:0]
	size := 0
	var s elemScan
	for {
		if _, err := a.br.Peek(1); err != nil {
			if err != io.EOF {
				return false, readError(err, 0)
			}
			if !s.scalar {
				return false, a.broken("元素未结束，输入就结束了", "input ended inside an element")
			}
			break
		}
		chunk, _ := a.br.Peek(a.br.Buffered())
		n, done := s.feed(chunk)
		if room := qinglang.MaxEventBytes + 1 - len(a.elem); room > 0 {
			a.elem = append(a.elem, chunk[:min(n, room)]...)
		}
		size += n
		a.br.Discard(n)
		if done {
			break
		}
	}
	if size > qinglang.MaxEventBytes {
		return true, a.reject(tooLarge(size).at(pos))
	}
	var ev qinglang.Event
	if p := a.d.decode(a.elem, &ev); p != nil {
		return true, a.reject(p.at(pos))
	}
	return true, a.accept(ev, pos)
}

// elemScan finds the end of one JSON value in a stream without parsing
// it: it tracks strings, escapes and bracket depth. The element's syntax
// is checked afterwards by the decoder.
type elemScan struct {
	started bool
	depth   int
	inStr   bool
	esc     bool
	scalar  bool // a bare number, literal or garbage: ends at a delimiter
}

// feed scans the next bytes of the element and returns how many of them
// belong to it and whether it ended.
func (e *elemScan) feed(b []byte) (n int, done bool) {
	i := 0
	if !e.started && len(b) > 0 {
		e.started = true
		switch b[0] {
		case '{', '[':
			e.depth = 1
		case '"':
			e.inStr = true
		default:
			e.scalar = true
		}
		i = 1
	}
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case e.inStr:
			switch {
			case e.esc:
				e.esc = false
			case c == '\\':
				e.esc = true
			case c == '"':
				e.inStr = false
				if e.depth == 0 {
					return i + 1, true
				}
			}
		case e.scalar:
			switch c {
			case ',', ']', '}', ' ', '\t', '\r', '\n':
				return i, true
			}
		default:
			switch c {
			case '"':
				e.inStr = true
			case '{', '[':
				e.depth++
			case '}', ']':
				e.depth--
				if e.depth == 0 {
					return i + 1, true
				}
			}
		}
	}
	return len(b), false
}
