package contract

import (
	"encoding/json"
	"testing"
)

func TestProblemError(t *testing.T) {
	two := 2
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Line: 3, Field: "ts", Reason: "缺少时区偏移", ReasonEN: "time has no offset"},
			`第 3 行 字段 "ts"：缺少时区偏移 / line 3, field "ts": time has no offset`},
		{Problem{Index: &two, Field: "qty", Reason: "必须是不小于 1 的整数", ReasonEN: "must be an integer >= 1"},
			`下标 2 字段 "qty"：必须是不小于 1 的整数 / index 2, field "qty": must be an integer >= 1`},
		{Problem{Line: 7, Reason: "JSON 格式错误", ReasonEN: "malformed JSON"},
			`第 7 行：JSON 格式错误 / line 7: malformed JSON`},
		{Problem{Field: "ip", Reason: "无效", ReasonEN: "invalid"},
			`字段 "ip"：无效 / field "ip": invalid`},
		{Problem{Reason: "空事件", ReasonEN: "empty event"}, `空事件 / empty event`},
		{Problem{Line: 1, Field: "a\"b", Reason: "x", ReasonEN: "y"}, `第 1 行 字段 "a\"b"：x / line 1, field "a\"b": y`},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestProblemJSON(t *testing.T) {
	zero := 0
	b, err := json.Marshal(Problem{Index: &zero, Field: "ts", ID: "e1", Reason: "缺少必填字段", ReasonEN: "missing required field"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"index":0,"field":"ts","id":"e1","reason":"缺少必填字段","reason_en":"missing required field"}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
	b, _ = json.Marshal(Problem{Line: 4, Reason: "r", ReasonEN: "e"})
	if want := `{"line":4,"reason":"r","reason_en":"e"}`; string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
}

func TestQuoteValueCutsOnRuneBoundary(t *testing.T) {
	long := make([]byte, 0, 200)
	for len(long) < 150 {
		long = append(long, "瘦"...)
	}
	q := quoteValue(long)
	if len(q) > maxQuoted+10 || q[len(q)-len("…"):] != "…" {
		t.Errorf("quoteValue = %q", q)
	}
	if quoteValue([]byte("ab")) != `"ab"` {
		t.Errorf("short value quoted as %q", quoteValue([]byte("ab")))
	}
}
