package contract

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// The contract's example, one event per line.
var exampleLines = []string{
	`{"type":"room_start","id":"e1","ts":"2025-06-12T20:00:00+08:00","room":"r1","host":"h1","operator":"op1","merchant":"m1","title":"燃咔果冻 专场"}`,
	`{"type":"listing","id":"e2","ts":"2025-06-12T20:00:05+08:00","room":"r1","product":"p1","title":"燃咔果冻 20颗装","merchant":"m1","category":"food","price_fen":5990,"original_price_fen":19900}`,
	`{"type":"speech","id":"e3","ts":"2025-06-12T20:01:00+08:00","room":"r1","speaker":"h1","text":"吃了它三天瘦五斤，全网销量第一"}`,
	`{"type":"comment","id":"e4","ts":"2025-06-12T20:01:02+08:00","room":"r1","user":"u8","ip":"36.112.4.17","device":"d9","text":"真给力，3颗就瘦了3.2斤"}`,
	`{"type":"order","id":"e5","ts":"2025-06-12T20:02:00+08:00","room":"r1","user":"u9","product":"p1","qty":1,"amount_fen":5990}`,
}

var cst = time.FixedZone("", 8*3600)

func ptr[T any](v T) *T { return &v }

// exampleEvents are the events of the example as the contract means them.
var exampleEvents = []qinglang.Event{
	{Type: qinglang.RoomStart, ID: "e1", TS: time.Date(2025, 6, 12, 20, 0, 0, 0, cst), Platform: "default", Room: "r1",
		Host: "h1", Operator: "op1", Merchant: "m1", Title: "燃咔果冻 专场"},
	{Type: qinglang.Listing, ID: "e2", TS: time.Date(2025, 6, 12, 20, 0, 5, 0, cst), Platform: "default", Room: "r1",
		Product: "p1", Title: "燃咔果冻 20颗装", Merchant: "m1", Category: qinglang.CatFood, PriceFen: 5990, OriginalPriceFen: ptr[int64](19900)},
	{Type: qinglang.Speech, ID: "e3", TS: time.Date(2025, 6, 12, 20, 1, 0, 0, cst), Platform: "default", Room: "r1",
		Speaker: "h1", Text: "吃了它三天瘦五斤，全网销量第一"},
	{Type: qinglang.Comment, ID: "e4", TS: time.Date(2025, 6, 12, 20, 1, 2, 0, cst), Platform: "default", Room: "r1",
		User: "u8", IP: "36.112.4.17", Device: "d9", Text: "真给力，3颗就瘦了3.2斤"},
	{Type: qinglang.Order, ID: "e5", TS: time.Date(2025, 6, 12, 20, 2, 0, 0, cst), Platform: "default", Room: "r1",
		User: "u9", Product: "p1", Qty: 1, AmountFen: 5990},
}

// sameEvent reports how a and b differ ("" when they are the same): times
// must be the same instant with the same offset.
func sameEvent(a, b qinglang.Event) string {
	sameTime := func(x, y time.Time) bool {
		_, ox := x.Zone()
		_, oy := y.Zone()
		return x.Equal(y) && ox == oy && x.IsZero() == y.IsZero()
	}
	sameTimePtr := func(x, y *time.Time) bool {
		return (x == nil) == (y == nil) && (x == nil || sameTime(*x, *y))
	}
	sameIntPtr := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	sameBoolPtr := func(x, y *bool) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	switch {
	case !sameBoolPtr(a.AIHost, b.AIHost):
		return "ai_host"
	case !sameBoolPtr(a.AILabel, b.AILabel):
		return "ai_label"
	case !sameTime(a.TS, b.TS):
		return "ts: " + a.TS.String() + " vs " + b.TS.String()
	case !sameTimePtr(a.EndTS, b.EndTS):
		return "end_ts"
	case !sameTimePtr(a.CreatedAt, b.CreatedAt):
		return "created_at"
	case !sameIntPtr(a.OriginalPriceFen, b.OriginalPriceFen):
		return "original_price_fen"
	case !sameIntPtr(a.Followers, b.Followers):
		return "followers"
	}
	a.TS, b.TS = time.Time{}, time.Time{}
	a.EndTS, b.EndTS, a.CreatedAt, b.CreatedAt = nil, nil, nil, nil
	a.OriginalPriceFen, b.OriginalPriceFen, a.Followers, b.Followers = nil, nil, nil, nil
	a.AIHost, b.AIHost, a.AILabel, b.AILabel = nil, nil, nil, nil
	if a != b {
		return "fields: " + strings.ReplaceAll(strings.TrimSpace(stringOf(a)+"\n vs "+stringOf(b)), "\n", " ")
	}
	return ""
}

func stringOf(e qinglang.Event) string {
	var sb strings.Builder
	for f := field(0); f < numFields; f++ {
		if p := strField(&e, f); p != nil && *p != "" {
			sb.WriteString(fieldNames[f] + "=" + *p + " ")
		}
	}
	sb.WriteString("type=" + string(e.Type) + " category=" + string(e.Category))
	return sb.String()
}

func TestDecodeEventExample(t *testing.T) {
	for i, line := range exampleLines {
		ev, p := DecodeEvent([]byte(line))
		if p != nil {
			t.Fatalf("example line %d rejected: %v", i+1, p)
		}
		if d := sameEvent(ev, exampleEvents[i]); d != "" {
			t.Errorf("example line %d: %s", i+1, d)
		}
	}
}

// okCases are events the contract accepts, with what they decode to.
func TestDecodeEventAccepts(t *testing.T) {
	utc := time.UTC
	tests := []struct {
		name string
		in   string
		want qinglang.Event
	}{
		{"account with optional fields",
			`{"type":"account","ts":"2025-06-12T20:00:00Z","platform":"dy","user":"u1","created_at":"2025-06-01T08:00:00-05:00","followers":0}`,
			qinglang.Event{Type: qinglang.Account, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "dy", User: "u1",
				CreatedAt: ptr(time.Date(2025, 6, 1, 8, 0, 0, 0, time.FixedZone("", -5*3600))), Followers: ptr[int64](0)}},
		{"listing without room, zero price",
			`{"type":"listing","ts":"2025-06-12T20:00:00Z","product":"p","title":"t","merchant":"m","category":"general","price_fen":0,"brand":"b"}`,
			qinglang.Event{Type: qinglang.Listing, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default",
				Product: "p", Title: "t", Merchant: "m", Category: qinglang.CatGeneral, Brand: "b"}},
		{"room_end needs only room",
			`{"type":"room_end","ts":"2025-06-12T22:00:00.5+08:00","room":"r1"}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 22, 0, 0, 5e8, cst), Platform: "default", Room: "r1"}},
		{"speech with end_ts",
			`{"type":"speech","ts":"2025-06-12T20:00:00+08:00","end_ts":"2025-06-12T20:00:03+08:00","room":"r","speaker":"h","text":"t"}`,
			qinglang.Event{Type: qinglang.Speech, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, cst), EndTS: ptr(time.Date(2025, 6, 12, 20, 0, 3, 0, cst)),
				Platform: "default", Room: "r", Speaker: "h", Text: "t"}},
		{"order with zero amount, ip and device",
			`{"type":"order","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","product":"p","qty":3,"amount_fen":0,"ip":"2001:db8::1","device":"d"}`,
			qinglang.Event{Type: qinglang.Order, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r",
				User: "u", Product: "p", Qty: 3, IP: "2001:db8::1", Device: "d"}},
		{"whitespace everywhere and unknown fields of every kind",
			" \t{ \"x\" : {\"a\":[1,2.5e-3,{\"b\":null}],\"c\":true} , \"type\" : \"room_end\" ,\"y\":[],\"z\":\"\\u00e9\",\n \"ts\":\"2025-06-12T20:00:00Z\",\"room\":\"r\",\"w\":-0.0E+1,\"v\":false}\r\n ",
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
		{"escapes in strings, surrogate pair, lone surrogate",
			`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r\"\\\/\b\f\n\r\t","user":"\u4f60\u597D","text":"\ud83d\ude00 \ud800x \udc00"}`,
			qinglang.Event{Type: qinglang.Comment, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default",
				Room: "r\"\\/\b\f\n\r\t", User: "你好", Text: "😀 \ufffdx \ufffd"}},
		{"escaped key and escaped time",
			`{"\u0074ype":"room_end","ts":"2025\u002d06-12T20:00:00Z","room":"r"}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
		{"null optional fields are absent",
			`{"type":"speech","ts":"2025-06-12T20:00:00Z","room":"r","speaker":"h","text":"t","end_ts":null,"id":null,"platform":null}`,
			qinglang.Event{Type: qinglang.Speech, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", Speaker: "h", Text: "t"}},
		{"duplicate keys: the last wins",
			`{"type":"order","type":"room_end","ts":"2025-06-12T20:00:00","ts":"2025-06-12T20:00:00Z","room":5,"room":"r"}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
		{"duplicate key: a last null clears",
			`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","text":"t","device":"d","device":null}`,
			qinglang.Event{Type: qinglang.Comment, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", User: "u", Text: "t"}},
		{"fields the type does not use are ignored, whatever they hold",
			`{"type":"room_end","ts":"2025-06-12T20:00:00Z","room":"r","qty":"many","text":5,"user":{"a":1},"created_at":"yesterday","category":"toys"}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
		{"keys match exactly: TYPE is unknown",
			`{"type":"room_end","TYPE":"order","Room":"x","ts":"2025-06-12T20:00:00Z","room":"r"}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
		{"ids at the limit, texts at the limit",
			`{"type":"speech","ts":"2025-06-12T20:00:00Z","id":"` + strings.Repeat("i", 128) + `","room":"r","speaker":"` + strings.Repeat("说", 42) + `","text":"` + strings.Repeat("瘦", 4000) + `"}`,
			qinglang.Event{Type: qinglang.Speech, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), ID: strings.Repeat("i", 128), Platform: "default",
				Room: "r", Speaker: strings.Repeat("说", 42), Text: strings.Repeat("瘦", 4000)}},
		{"comment text at 500, title at 500",
			`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","text":"` + strings.Repeat("好", 500) + `"}`,
			qinglang.Event{Type: qinglang.Comment, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", User: "u", Text: strings.Repeat("好", 500)}},
		{"largest integers",
			`{"type":"order","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","product":"p","qty":9223372036854775807,"amount_fen":-0}`,
			qinglang.Event{Type: qinglang.Order, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", User: "u", Product: "p", Qty: 1<<63 - 1}},
		{"IPv4-mapped IPv6",
			`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","text":"t","ip":"::ffff:1.2.3.4"}`,
			qinglang.Event{Type: qinglang.Comment, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", User: "u", Text: "t", IP: "::ffff:1.2.3.4"}},
		{"empty optional strings are absent",
			`{"type":"comment","ts":"2025-06-12T20:00:00Z","room":"r","user":"u","text":"t","ip":"","device":"","platform":""}`,
			qinglang.Event{Type: qinglang.Comment, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r", User: "u", Text: "t"}},
		{"nesting of unknown fields up to the limit",
			`{"type":"room_end","ts":"2025-06-12T20:00:00Z","room":"r","deep":` + strings.Repeat("[", maxDepth-1) + strings.Repeat("]", maxDepth-1) + `}`,
			qinglang.Event{Type: qinglang.RoomEnd, TS: time.Date(2025, 6, 12, 20, 0, 0, 0, utc), Platform: "default", Room: "r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, p := DecodeEvent([]byte(tt.in))
			if p != nil {
				t.Fatalf("rejected: %v", p)
			}
			if d := sameEvent(ev, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// event builds a line from a valid comment with some fields replaced
// (raw JSON values) or removed (value "-").
func event(typ string, kv ...string) string {
	base := map[string][][2]string{
		"comment":    {{"type", `"comment"`}, {"id", `"c1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"room", `"r1"`}, {"user", `"u8"`}, {"text", `"好"`}},
		"speech":     {{"type", `"speech"`}, {"id", `"s1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"room", `"r1"`}, {"speaker", `"h1"`}, {"text", `"好"`}},
		"order":      {{"type", `"order"`}, {"id", `"o1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"room", `"r1"`}, {"user", `"u"`}, {"product", `"p"`}, {"qty", `1`}, {"amount_fen", `100`}},
		"listing":    {{"type", `"listing"`}, {"id", `"l1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"product", `"p"`}, {"title", `"t"`}, {"merchant", `"m"`}, {"category", `"food"`}, {"price_fen", `100`}},
		"account":    {{"type", `"account"`}, {"id", `"a1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"user", `"u"`}, {"created_at", `"2025-01-01T00:00:00Z"`}},
		"room_start": {{"type", `"room_start"`}, {"id", `"rs1"`}, {"ts", `"2025-06-12T20:01:02+08:00"`}, {"room", `"r1"`}, {"host", `"h"`}},
	}[typ]
	fields := append([][2]string(nil), base...)
	for i := 0; i+1 < len(kv); i += 2 {
		found := false
		for j := range fields {
			if fields[j][0] == kv[i] {
				fields[j][1] = kv[i+1]
				found = true
			}
		}
		if !found {
			fields = append(fields, [2]string{kv[i], kv[i+1]})
		}
	}
	var sb strings.Builder
	sb.WriteString("{")
	n := 0
	for _, f := range fields {
		if f[1] == "-" {
			continue
		}
		if n > 0 {
			sb.WriteString(",")
		}
		sb.WriteString(`"` + f[0] + `":` + f[1])
		n++
	}
	sb.WriteString("}")
	return sb.String()
}

func TestEventHelperIsValid(t *testing.T) {
	for _, typ := range []string{"comment", "speech", "order", "listing", "account", "room_start"} {
		if _, p := DecodeEvent([]byte(event(typ))); p != nil {
			t.Errorf("base %s rejected: %v", typ, p)
		}
	}
}

func TestDecodeEventRejects(t *testing.T) {
	long := func(n int) string { return `"` + strings.Repeat("x", n) + `"` }
	tests := []struct {
		name  string
		in    string
		field string
		zh    string // in Reason
		en    string // in ReasonEN
		id    string // Problem.ID, when the id could be read
	}{
		// Malformed JSON and framing.
		{"empty", ``, "", "空事件", "empty event", ""},
		{"only spaces", "  \t ", "", "空事件", "empty event", ""},
		{"not an object: array", `[1,2]`, "", "必须是 JSON 对象，而不是数组", "not an array", ""},
		{"not an object: string", `"x"`, "", "而不是字符串", "not a string", ""},
		{"not an object: number", `12`, "", "而不是数字", "not a number", ""},
		{"not JSON", `hello`, "", "JSON 格式错误（第 1 字节）", "malformed JSON at byte 1", ""},
		{"two values", `1 2`, "", "JSON 格式错误", "one JSON object", ""},
		{"unterminated object", `{"type":"room_end","id":"x1"`, "", "输入意外结束", "unexpected end of input", "x1"},
		{"missing colon", `{"type" "room_end"}`, "", "期望 ':'", "expected ':'", ""},
		{"missing comma", `{"id":"a1" "type":"room_end"}`, "", "期望 ',' 或 '}'", "expected ',' or '}'", "a1"},
		{"trailing comma", `{"id":"a1",}`, "", "期望字段名", "expected an object key", "a1"},
		{"single quotes", `{'type':'x'}`, "", "期望字段名", "expected an object key", ""},
		{"garbage after object", event("comment") + ` x`, "", "对象之后还有多余内容", "unexpected data after the object", "c1"},
		{"second object", event("comment") + event("comment"), "", "对象之后还有多余内容", "after the object", "c1"},
		{"control char in string", "{\"id\":\"a\tb\"}", "", "未转义的控制字符", "unescaped control character", ""},
		{"bad escape", `{"id":"a\qb"}`, "", "无效的转义序列", "invalid escape sequence", ""},
		{"bad unicode escape", `{"id":"a\u12G4"}`, "", "无效的 \\u 转义", "invalid \\u escape", ""},
		{"short unicode escape", `{"id":"\u12"}`, "", "无效的 \\u 转义", "invalid \\u escape", ""},
		{"leading zero", `{"qty":01}`, "", "JSON 格式错误", "malformed JSON", ""},
		{"plus sign", `{"qty":+1}`, "", "JSON 格式错误", "malformed JSON", ""},
		{"bare dot", `{"qty":1.}`, "", "小数点后缺少数字", "no digits after the decimal point", ""},
		{"bad exponent", `{"qty":1e}`, "", "指数缺少数字", "no digits in the exponent", ""},
		{"bad literal", `{"id":nul}`, "", "无效的字面量", "invalid literal", ""},
		{"True", `{"x":True}`, "", "JSON 格式错误", "expected a JSON value", ""},
		{"NaN", `{"x":NaN}`, "", "JSON 格式错误", "malformed JSON", ""},
		{"unclosed nested", `{"x":[1,{"a":2]}`, "", "期望 ',' 或 '}'", "expected ',' or '}'", ""},
		{"too deep", `{"x":` + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth) + `}`, "", "嵌套超过 10000 层", "nested deeper than 10000 levels", ""},
		{"too large", `{"type":"room_end","x":` + long(qinglang.MaxEventBytes) + `}`, "", "事件超过 65536 字节", "event larger than 65536 bytes", ""},

		// type.
		{"missing type", event("comment", "type", "-"), "type", "缺少必填字段", "missing required field", "c1"},
		{"null type", event("comment", "type", "null"), "type", "缺少必填字段", "missing required field", "c1"},
		{"empty type", event("comment", "type", `""`), "type", "不能为空", "must not be empty", "c1"},
		{"unknown type", event("comment", "type", `"gift"`), "type", `未知的事件类型 "gift"`, `unknown event type "gift"`, "c1"},
		{"type not a string", event("comment", "type", `7`), "type", "必须是字符串（收到数字）", "must be a string (got a number)", "c1"},
		{"type with case", event("comment", "type", `"Comment"`), "type", `未知的事件类型 "Comment"`, "one of: room_start", "c1"},

		// ts and the other times.
		{"missing ts", event("comment", "ts", "-"), "ts", "缺少必填字段", "missing required field", "c1"},
		{"null ts", event("comment", "ts", "null"), "ts", "缺少必填字段", "missing required field", "c1"},
		{"ts without offset", event("comment", "ts", `"2025-06-12T20:01:02"`), "ts", "缺少时区偏移", "time has no offset", "c1"},
		{"ts with fraction, no offset", event("comment", "ts", `"2025-06-12T20:01:02.345"`), "ts", "缺少时区偏移", "time has no offset", "c1"},
		{"ts date only", event("comment", "ts", `"2025-06-12"`), "ts", "不是 RFC 3339 时间", "not an RFC 3339 time", "c1"},
		{"ts unix number", event("comment", "ts", `1749729662`), "ts", "必须是 RFC 3339 时间字符串（收到数字）", "must be an RFC 3339 time string (got a number)", "c1"},
		{"ts month 13", event("comment", "ts", `"2025-13-12T20:01:02Z"`), "ts", "月份超出范围", "month out of range", "c1"},
		{"ts Feb 30", event("comment", "ts", `"2025-02-30T20:01:02Z"`), "ts", "日期超出该月的天数", "day out of range", "c1"},
		{"ts hour 24", event("comment", "ts", `"2025-06-12T24:00:00+08:00"`), "ts", "小时超出范围", "hour out of range", "c1"},
		{"ts offset +24:00", event("comment", "ts", `"2025-06-12T20:00:00+24:00"`), "ts", "时区偏移超出范围", "offset out of range", "c1"},
		{"ts empty", event("comment", "ts", `""`), "ts", "不是 RFC 3339 时间", "not an RFC 3339 time", "c1"},
		{"end_ts without offset", event("speech", "end_ts", `"2025-06-12T20:01:05"`), "end_ts", "缺少时区偏移", "no offset", "s1"},
		{"created_at missing", event("account", "created_at", "-"), "created_at", "缺少必填字段", "missing required field", "a1"},
		{"created_at bad", event("account", "created_at", `"2025-01-01 00:00:00Z"`), "created_at", "不是 RFC 3339 时间", "not an RFC 3339 time", "a1"},

		// Wrong JSON types.
		{"room is a number", event("comment", "room", `12`), "room", "必须是字符串（收到数字）", "must be a string (got a number)", "c1"},
		{"user is an object", event("comment", "user", `{"id":"u"}`), "user", "必须是字符串（收到对象）", "must be a string (got an object)", "c1"},
		{"text is an array", event("comment", "text", `["a"]`), "text", "必须是字符串（收到数组）", "must be a string (got an array)", "c1"},
		{"id is a boolean", event("comment", "id", `true`), "id", "必须是字符串（收到布尔值）", "must be a string (got a boolean)", ""},
		{"qty is a string", event("order", "qty", `"1"`), "qty", "必须是不小于 1 的整数（收到字符串）", "must be an integer >= 1 (got a string)", "o1"},
		{"qty 1.5", event("order", "qty", `1.5`), "qty", "必须是不小于 1 的整数（收到 1.5）", "must be an integer >= 1 (got 1.5)", "o1"},
		{"qty 1e3", event("order", "qty", `1e3`), "qty", "必须是不小于 1 的整数（收到 1e3）", "must be an integer >= 1 (got 1e3)", "o1"},
		{"qty 1.0", event("order", "qty", `1.0`), "qty", "必须是不小于 1 的整数", "must be an integer >= 1 (got 1.0)", "o1"},
		{"qty 0", event("order", "qty", `0`), "qty", "必须是不小于 1 的整数（收到 0）", "must be an integer >= 1 (got 0)", "o1"},
		{"qty -2", event("order", "qty", `-2`), "qty", "必须是不小于 1 的整数（收到 -2）", "(got -2)", "o1"},
		{"qty overflow", event("order", "qty", `9223372036854775808`), "qty", "超出 64 位整数范围", "out of the 64-bit integer range", "o1"},
		{"qty huge", event("order", "qty", `123456789012345678901234567890`), "qty", "超出 64 位整数范围", "out of the 64-bit integer range", "o1"},
		{"amount negative", event("order", "amount_fen", `-1`), "amount_fen", "必须是不小于 0 的整数（收到 -1）", "must be an integer >= 0 (got -1)", "o1"},
		{"amount fraction", event("order", "amount_fen", `59.9`), "amount_fen", "必须是不小于 0 的整数（收到 59.9）", "(got 59.9)", "o1"},
		{"price negative", event("listing", "price_fen", `-5`), "price_fen", "必须是不小于 0 的整数", "must be an integer >= 0", "l1"},
		{"original price negative", event("listing", "original_price_fen", `-5`), "original_price_fen", "必须是不小于 0 的整数", "must be an integer >= 0", "l1"},
		{"original price string", event("listing", "original_price_fen", `"199"`), "original_price_fen", "收到字符串", "got a string", "l1"},
		{"followers negative", event("account", "followers", `-1`), "followers", "必须是不小于 0 的整数", "must be an integer >= 0", "a1"},
		{"followers boolean", event("account", "followers", `false`), "followers", "收到布尔值", "got a boolean", "a1"},

		// Required fields per type.
		{"comment without room", event("comment", "room", "-"), "room", "缺少必填字段", "missing required field", "c1"},
		{"comment room null", event("comment", "room", "null"), "room", "缺少必填字段", "missing required field", "c1"},
		{"comment room empty", event("comment", "room", `""`), "room", "不能为空", "must not be empty", "c1"},
		{"comment without user", event("comment", "user", "-"), "user", "缺少必填字段", "missing required field", "c1"},
		{"comment without text", event("comment", "text", "-"), "text", "缺少必填字段", "missing required field", "c1"},
		{"comment empty text", event("comment", "text", `""`), "text", "不能为空", "must not be empty", "c1"},
		{"speech without speaker", event("speech", "speaker", "-"), "speaker", "缺少必填字段", "missing required field", "s1"},
		{"room_start without host", event("room_start", "host", "-"), "host", "缺少必填字段", "missing required field", "rs1"},
		{"order without product", event("order", "product", "-"), "product", "缺少必填字段", "missing required field", "o1"},
		{"order without qty", event("order", "qty", "-"), "qty", "缺少必填字段", "missing required field", "o1"},
		{"order qty null", event("order", "qty", "null"), "qty", "缺少必填字段", "missing required field", "o1"},
		{"order without amount", event("order", "amount_fen", "-"), "amount_fen", "缺少必填字段", "missing required field", "o1"},
		{"listing without price", event("listing", "price_fen", "-"), "price_fen", "缺少必填字段", "missing required field", "l1"},
		{"listing without category", event("listing", "category", "-"), "category", "缺少必填字段", "missing required field", "l1"},
		{"listing without title", event("listing", "title", "-"), "title", "缺少必填字段", "missing required field", "l1"},
		{"listing without merchant", event("listing", "merchant", "-"), "merchant", "缺少必填字段", "missing required field", "l1"},
		{"account without user", event("account", "user", "-"), "user", "缺少必填字段", "missing required field", "a1"},

		// Enums and formats.
		{"unknown category", event("listing", "category", `"toys"`), "category", `未知的商品类目 "toys"`, `unknown category "toys" (one of: food, health_food`, "l1"},
		{"bad ip", event("comment", "ip", `"36.112.4.256"`), "ip", "不是有效的 IPv4 或 IPv6 地址", "not a valid IPv4 or IPv6 address", "c1"},
		{"ip with zone", event("comment", "ip", `"fe80::1%eth0"`), "ip", "不是有效的 IPv4 或 IPv6 地址", "not a valid IPv4 or IPv6 address", "c1"},
		{"ip hostname", event("comment", "ip", `"localhost"`), "ip", "不是有效的 IPv4 或 IPv6 地址", `"localhost"`, "c1"},
		{"ip on an order", event("order", "ip", `"1.2.3"`), "ip", "不是有效的 IPv4 或 IPv6 地址", "not a valid", "o1"},

		// Limits.
		{"id too long", event("comment", "id", long(129)), "id", "长度超过 128 字节（129 字节）", "longer than 128 bytes (129 bytes)", ""},
		{"room too long", event("comment", "room", long(129)), "room", "长度超过 128 字节", "longer than 128 bytes", "c1"},
		{"platform too long", event("comment", "platform", long(200)), "platform", "长度超过 128 字节", "longer than 128 bytes", "c1"},
		{"user too long in bytes", event("comment", "user", `"`+strings.Repeat("用", 43)+`"`), "user", "（129 字节）", "(129 bytes)", "c1"},
		{"device too long", event("comment", "device", long(129)), "device", "长度超过 128 字节", "longer than 128 bytes", "c1"},
		{"product too long", event("order", "product", long(129)), "product", "长度超过 128 字节", "longer than 128 bytes", "o1"},
		{"brand too long", event("listing", "brand", long(129)), "brand", "长度超过 128 字节", "longer than 128 bytes", "l1"},
		{"operator too long", event("room_start", "operator", long(129)), "operator", "长度超过 128 字节", "longer than 128 bytes", "rs1"},
		{"agency too long", event("room_start", "agency", long(129)), "agency", "长度超过 128 字节", "longer than 128 bytes", "rs1"},
		{"speech text too long", event("speech", "text", `"`+strings.Repeat("瘦", 4001)+`"`), "text", "长度超过 4000 个字符（4001 个）", "longer than 4000 characters (4001)", "s1"},
		{"comment text too long", event("comment", "text", `"`+strings.Repeat("好", 501)+`"`), "text", "长度超过 500 个字符（501 个）", "longer than 500 characters (501)", "c1"},
		{"title too long", event("listing", "title", `"`+strings.Repeat("t", 501)+`"`), "title", "长度超过 500 个字符", "longer than 500 characters", "l1"},

		// Invalid UTF-8.
		{"invalid UTF-8 in text", event("comment", "text", "\"ab\xffcd\""), "text", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"truncated UTF-8 in user", event("comment", "user", "\"\xe5\xa5\""), "user", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"surrogate encoded in UTF-8", event("comment", "user", "\"\xed\xa0\x80\""), "user", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"overlong UTF-8", event("comment", "user", "\"\xc0\xaf\""), "user", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"invalid UTF-8 in an unknown field", event("comment", "note", "[\"\xff\"]"), "note", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"invalid UTF-8 in a key", event("comment", "n\xffte", "1"), "", "字段名含有无效的 UTF-8", "key contains invalid UTF-8", "c1"},
		{"invalid UTF-8 in a field the type does not use", event("comment", "host", "\"\xff\""), "host", "无效的 UTF-8", "invalid UTF-8", "c1"},
		{"invalid UTF-8 in type", event("comment", "type", "\"\xff\""), "type", "无效的 UTF-8", "invalid UTF-8", "c1"},

		// The first problem in input order wins.
		{"first bad field reported", event("order", "qty", `"x"`, "amount_fen", `"y"`), "qty", "收到字符串", "got a string", "o1"},
		{"JSON-type problem before missing field", event("order", "user", "-", "amount_fen", `"y"`), "amount_fen", "收到字符串", "got a string", "o1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, p := DecodeEvent([]byte(tt.in))
			if p == nil {
				t.Fatalf("accepted %q as %+v", tt.in, ev)
			}
			if ev.Type != "" || ev.ID != "" {
				t.Errorf("rejected event is not zero: %+v", ev)
			}
			if p.Field != tt.field {
				t.Errorf("Field = %q, want %q (%v)", p.Field, tt.field, p)
			}
			if !strings.Contains(p.Reason, tt.zh) {
				t.Errorf("Reason = %q, want it to contain %q", p.Reason, tt.zh)
			}
			if !strings.Contains(p.ReasonEN, tt.en) {
				t.Errorf("ReasonEN = %q, want it to contain %q", p.ReasonEN, tt.en)
			}
			if p.ID != tt.id {
				t.Errorf("ID = %q, want %q", p.ID, tt.id)
			}
			if p.Line != 0 || p.Index != nil {
				t.Errorf("DecodeEvent set a position: %+v", p)
			}
		})
	}
}

func TestDecodeEventAtSizeLimit(t *testing.T) {
	head := `{"type":"room_end","ts":"2025-06-12T20:00:00Z","room":"r","x":"`
	pad := qinglang.MaxEventBytes - len(head) - len(`"}`)
	in := head + strings.Repeat("x", pad) + `"}`
	if len(in) != qinglang.MaxEventBytes {
		t.Fatalf("built %d bytes", len(in))
	}
	if _, p := DecodeEvent([]byte(in)); p != nil {
		t.Errorf("event of exactly %d bytes rejected: %v", len(in), p)
	}
	in = head + strings.Repeat("x", pad+1) + `"}`
	if _, p := DecodeEvent([]byte(in)); p == nil || !strings.Contains(p.ReasonEN, "(65537 bytes)") {
		t.Errorf("event of %d bytes: problem %v", len(in), p)
	}
}

// TestDecodeEventDoesNotKeepInput checks that the event's strings do not
// alias the input, which callers reuse.
func TestDecodeEventDoesNotKeepInput(t *testing.T) {
	in := []byte(exampleLines[3])
	ev, p := DecodeEvent(in)
	if p != nil {
		t.Fatal(p)
	}
	for i := range in {
		in[i] = 'X'
	}
	if ev.User != "u8" || ev.Text != "真给力，3颗就瘦了3.2斤" || ev.IP != "36.112.4.17" {
		t.Errorf("event changed with its input: %+v", ev)
	}
}

func TestDecodeEventAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	in := []byte(exampleLines[3])
	DecodeEvent(in)
	n := testing.AllocsPerRun(200, func() { DecodeEvent(in) })
	if n > 1 {
		t.Errorf("DecodeEvent of a comment allocates %v times, want at most 1", n)
	}
}
