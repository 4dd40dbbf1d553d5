package contract

import (
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
)

// TestSpecial8 compares the word-at-a-time test with the byte table for
// every byte value at every position.
func TestSpecial8(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			var w [8]byte
			for i := range w {
				w[i] = 'a'
			}
			w[pos] = byte(c)
			got := special8(binary.LittleEndian.Uint64(w[:]))
			if want := !plain[c]; got != want {
				t.Fatalf("special8 with %#x at %d = %v, want %v", c, pos, got, want)
			}
		}
	}
	// Borrows must not hide a later special byte.
	for _, s := range []string{"\x00\x00\x00\x00\x00\x00\x00\"", "!!!!!!!\\", "#######\x1f", "\x21\x21\x21\x21\x21\x21\x21\x80"} {
		if !special8(binary.LittleEndian.Uint64([]byte(s))) {
			t.Errorf("special8(%q) = false", s)
		}
	}
}

// TestStringsMatchEncodingJSON decodes strings with every kind of escape
// and compares with encoding/json.
func TestStringsMatchEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`""`, `"abc"`, `"a\"b\\c\/d\be\ff\ng\rh\ti"`, `"\u0000\u001f\u007f\u0080\u07ff\u0800\uffff"`,
		`"\ud83d\ude00"`, `"\uD83D\uDE00"`, `"\ud800"`, `"\udc00"`, `"\ud800\ud800"`, `"\ud800\u0041"`,
		`"\ud800x"`, `"\ud83d\ude00\ud83d"`, `"中文 混合 ascii 😀"`, `"` + strings.Repeat("長い", 100) + `\n"`,
		`"12345678\"12345678"`, `"\ud83d\\ude00"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("encoding/json rejects %s: %v", in, err)
		}
		s := scanner{b: []byte(in)}
		got, ok := s.str(nil, true)
		if !ok || string(got) != want || s.pos != len(in) {
			t.Errorf("str(%s) = %q, %v (pos %d), want %q", in, got, ok, s.pos, want)
		}
	}
}

func TestSkipMatchesEncodingJSONValidity(t *testing.T) {
	for _, in := range []string{
		`1`, `-0`, `-0.0e+5`, `1E-7`, `01`, `1.`, `.5`, `-`, `--1`, `1e`, `true`, `tru`, `nulll`, `null`,
		`[]`, `[1,]`, `[,1]`, `{}`, `{"a":1,}`, `{"a"}`, `{"a":}`, `{1:2}`, `[1 2]`, `{"a":1 "b":2}`,
		`[[[[]]]]`, `[[[[]]]`, `{"a":[{"b":{"c":[null,true,false,"x"]}}]}`, `"\x"`, `"abc`, `[` + "\n" + `1]`,
		`"a` + "\x01" + `"`, `{"a":"b",`, `[1]]`,
	} {
		valid := json.Valid([]byte(in))
		s := scanner{b: []byte(in)}
		ok := s.skip() && !s.ws()
		if ok != valid {
			t.Errorf("skip(%q) ok = %v, encoding/json valid = %v", in, ok, valid)
		}
	}
}

func TestParseInt64(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"-0", 0, true}, {"7", 7, true}, {"-7", -7, true},
		{"9223372036854775807", 1<<63 - 1, true}, {"-9223372036854775808", -1 << 63, true},
		{"9223372036854775808", 0, false}, {"-9223372036854775809", 0, false},
		{"18446744073709551615", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseInt64([]byte(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseInt64(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
