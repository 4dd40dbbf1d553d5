package contract

import (
	"bufio"
	"errors"
	"io"

	"github.com/qinglang/qinglang"
)

// lineBufSize holds the longest line Decode reads whole: an event at the
// limit and its "\r\n". Longer lines are skipped chunk by chunk.
const lineBufSize = qinglang.MaxEventBytes + 2

// utf8BOM is a byte order mark some tools write at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode reads a body that is either JSON Lines or a JSON array (first
// non-space byte '['), calling accept for every valid event in input order
// and reject for every bad one. A bad event never stops the good ones after
// it. It returns a non-nil error only when reading r fails (I/O), never for
// bad content; if accept or reject returns an error, Decode stops and
// returns it unchanged. Blank lines are ignored. An empty body (no events
// at all) is not an error for Decode (callers decide). A UTF-8 byte order
// mark at the very start is skipped.
//
// JSON Lines: each line is one event, checked as DecodeEvent checks it; a
// line longer than qinglang.MaxEventBytes (not counting its "\n" or "\r\n")
// is one problem, skipped without being held in memory. Positions and
// problems carry the 1-based line number; blank lines count.
//
// JSON array: each element is one event, reported with its 0-based index.
// An element that is not a valid event is one problem and the elements
// after it are still read. When the array itself is broken (unterminated,
// a missing ',', a trailing ',', data after the closing ']'), the problem
// names the index where it broke, and Decode stops there, keeping the
// events before it.
//
// A read error is returned as a *qinglang.Error with code EUNAVAILABLE that
// wraps the reader's error, so errors.As still finds it (for instance an
// *http.MaxBytesError).
func Decode(r io.Reader, accept func(qinglang.Event, Position) error, reject func(Problem) error) error {
	br := bufio.NewReaderSize(r, lineBufSize)
	d := decoders.Get().(*decoder)
	defer func() {
		d.release()
		decoders.Put(d)
	}()

	if b, err := br.Peek(len(utf8BOM)); err == nil && string(b) == string(utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	first, err := firstByte(br)
	if err != nil {
		return readError(err, 0)
	}
	if first == '[' {
		a := arrayDecoder{br: br, d: d, accept: accept, reject: reject}
		return a.run()
	}
	return decodeLines(br, d, accept, reject)
}

// firstByte peeks at the first byte that is not JSON whitespace, without
// consuming anything. It returns 0 at the end of input or when more
// whitespace than the buffer holds comes first (then the input is read as
// JSON Lines, where blank lines are ignored).
func firstByte(br *bufio.Reader) (byte, error) {
	for i := 0; ; i++ {
		b, err := br.Peek(i + 1)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return 0, err
		}
		if len(b) <= i {
			return 0, nil
		}
		switch b[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return b[i], nil
		}
	}
}

// decodeLines reads JSON Lines.
func decodeLines(br *bufio.Reader, d *decoder, accept func(qinglang.Event, Position) error, reject func(Problem) error) error {
	lineNo := 0
	for {
		line, err := br.ReadSlice('\n')
		if len(line) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return readError(err, lineNo)
		}
		lineNo++
		pos := Position{Line: lineNo, Index: -1}
		if errors.Is(err, bufio.ErrBufferFull) {
			// Too long: count and drop the rest of the line.
			n, isBlank := len(line), blank(line)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				n += len(line)
				isBlank = isBlank && blank(line)
			}
			if err != nil && err != io.EOF {
				return readError(err, lineNo)
			}
			n -= eolLen(line)
			if !isBlank {
				if rerr := reject(tooLarge(n).at(pos)); rerr != nil {
					return rerr
				}
			}
		} else if !blank(line) {
			var ev qinglang.Event
			var cerr error
			if p := d.decode(line[:len(line)-eolLen(line)], &ev); p != nil {
				cerr = reject(p.at(pos))
			} else {
				cerr = accept(ev, pos)
			}
			if cerr != nil {
				return cerr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// eolLen is the length of the "\n" or "\r\n" that ends line, if any.
func eolLen(line []byte) int {
	n := len(line)
	if n == 0 || line[n-1] != '\n' {
		return 0
	}
	if n >= 2 && line[n-2] == '\r' {
		return 2
	}
	return 1
}

// blank reports whether a line holds only whitespace.
func blank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// readError wraps a failure of the reader.
func readError(err error, lineNo int) error {
	if lineNo == 0 {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "读取事件输入失败", "reading the event input failed")
	}
	return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "读取事件输入失败（第 %d 行之后）",
		"reading the event input failed (after line %d)", lineNo)
}
