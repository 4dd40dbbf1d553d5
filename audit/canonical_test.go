package audit

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestCanonicalJSON(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "null"},
		{" null ", "null"},
		{"true", "true"},
		{`{"b":1,"a":2}`, `{"a":2,"b":1}`},
		{"{\n  \"b\" : [ 1 , 2 ] ,\t\"a\" : { \"y\":null, \"x\":false }\r\n}", `{"a":{"x":false,"y":null},"b":[1,2]}`},
		{`{}`, `{}`},
		{`[ ]`, `[]`},
		{`[{"b":1,"a":[{"d":0,"c":-1}]}]`, `[{"a":[{"c":-1,"d":0}],"b":1}]`},
		// Numbers are kept as written.
		{`[1.50, 1.5, 100, 1e2, 1E+2, -0.001, 12345678901234567890123]`, `[1.50,1.5,100,1e2,1E+2,-0.001,12345678901234567890123]`},
		// Strings: one escape for each character.
		{`"\u4ef7\/\"\\\b\f\n\r\t\u0001\u001F\u007f"`, "\"价/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\""},
		{`"<&> \u2028 😀 \ud83d\ude00"`, "\"<&> \u2028 😀 😀\""},
		// Keys are sorted by code point, after unescaping.
		{`{"\u00e9":1,"z":2,"a":3,"😀":4,"\uffff":5,"A":6}`, `{"A":6,"a":3,"z":2,"é":1,"` + "\uffff" + `":5,"😀":4}`},
		{`{"b":1,"\u0061":2}`, `{"a":2,"b":1}`},
	} {
		got, err := CanonicalJSON([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("CanonicalJSON(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestCanonicalJSONRejects(t *testing.T) {
	for _, in := range []string{
		" ", "nul", "tru", "{", "[", `"abc`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{a:1}`, `{"a":1 "b":2}`,
		"01", "-", "1.", "1e", "1e+", ".5", "+1", "0x10", "NaN", "Infinity",
		`"\x"`, `"\u12"`, `"\u12g4"`, `"\ud800"`, `"\ud800\u0041"`, `"\udc00"`, "\"\t\"", "\"\xff\"", "\"\xed\xa0\x80\"",
		`{"a":1,"a":1}`, `{"a":{"b":1,"b":2}}`, `{"\u0061":1,"a":2}`,
		"\ufeff{}", `{} {}`, `[] x`,
		strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	} {
		if got, err := CanonicalJSON([]byte(in)); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("CanonicalJSON(%q) = %q, %v; want EINVALID", in, got, err)
		}
	}
	deep := strings.Repeat(`{"a":`, MaxDepth) + "1" + strings.Repeat("}", MaxDepth)
	if _, err := CanonicalJSON([]byte(deep)); err != nil {
		t.Errorf("%d levels must do: %v", MaxDepth, err)
	}
}

func TestCanonicalJSONErrorsSayWhere(t *testing.T) {
	_, err := CanonicalJSON([]byte(`{"a":[1,2,}`))
	if err == nil || !strings.Contains(err.Error(), "偏移 10") || !strings.Contains(err.Error(), "offset 10") {
		t.Fatalf("err = %v, want the offset in both languages", err)
	}
}

func TestCanonicalJSONRecordsWhatJSONBChanges(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want unstorable
	}{
		{`[1.5, -1, 0, "e"]`, unstorable{}},
		{`[1e5, 2E-3]`, unstorable{exponent: "1e5"}},
		{`{"a":-0}`, unstorable{negZero: "-0"}},
		{`[-0.00, -0.01]`, unstorable{negZero: "-0.00"}},
		{`["\u0000"]`, unstorable{nul: true}},
		{`{"\u0000":1}`, unstorable{nul: true}},
	} {
		_, got, err := appendCanonical(nil, []byte(tc.in))
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}
