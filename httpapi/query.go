package httpapi

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// maxKindBytes bounds a finding kind given as a filter.
const maxKindBytes = 64

// query reads the parameters of one request. The first bad parameter is
// kept in err and later reads return zero values, so a handler reads all it
// needs and checks err once.
type query struct {
	values url.Values
	err    error
}

// newQuery parses the query of u.
func newQuery(u *url.URL) *query { return &query{values: u.Query()} }

// fail records the first problem: which parameter, what it was and why, in
// Chinese and English.
func (q *query) fail(name, value, zh, en string) {
	if q.err != nil {
		return
	}
	value = clip(value)
	q.err = &qinglang.Error{
		Code:      qinglang.EINVALID,
		Message:   fmt.Sprintf("查询参数 %s=%q 无效：%s", name, value, zh),
		MessageEN: fmt.Sprintf("query parameter %s=%q is invalid: %s", name, value, en),
	}
}

// one returns the single value of a parameter, "" when it is absent, and
// fails when it is given more than once.
func (q *query) one(name string) string {
	vs := q.values[name]
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	q.fail(name, strings.Join(vs, ","), "只能给一次", "may be given only once")
	return ""
}

// id returns an id-like parameter (platform, room, rule): at most
// qinglang.MaxIDBytes bytes.
func (q *query) id(name string) string {
	v := q.one(name)
	if len(v) > qinglang.MaxIDBytes {
		q.fail(name, v, fmt.Sprintf("超过 %d 字节", qinglang.MaxIDBytes),
			fmt.Sprintf("longer than %d bytes", qinglang.MaxIDBytes))
		return ""
	}
	return v
}

// time returns an RFC 3339 time parameter, the zero time when absent.
func (q *query) time(name string) time.Time {
	v := q.one(name)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		q.fail(name, v, "不是带时区的 RFC 3339 时间（例如 2025-06-12T20:00:00+08:00）",
			"not an RFC 3339 time with offset (for example 2025-06-12T20:00:00+08:00)")
		return time.Time{}
	}
	return t
}

// window checks that a time range, when both ends are given, is not empty.
func (q *query) window(fromName string, from time.Time, toName string, to time.Time) {
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		q.fail(toName, q.values.Get(toName), "必须晚于 "+fromName, "must be later than "+fromName)
	}
}

// limit returns an integer parameter in 1..max, 0 when absent.
func (q *query) limit(name string, max int) int {
	v := q.one(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		q.fail(name, v, fmt.Sprintf("必须是 1 到 %d 的整数", max),
			fmt.Sprintf("must be an integer from 1 to %d", max))
		return 0
	}
	return n
}

// severity returns a severity parameter: low, medium, high or critical.
func (q *query) severity(name string) qinglang.Severity {
	v := qinglang.Severity(q.one(name))
	if v != "" && v.Rank() == 0 {
		q.fail(name, string(v), "必须是 low、medium、high 或 critical 之一",
			"must be one of low, medium, high, critical")
		return ""
	}
	return v
}

// kind returns a finding kind parameter. Kinds are open (the project may
// add some), so only the form is checked: lower-case letters, digits and
// underscores, starting with a letter.
func (q *query) kind(name string) qinglang.Kind {
	v := q.one(name)
	if v == "" {
		return ""
	}
	ok := len(v) <= maxKindBytes && v[0] >= 'a' && v[0] <= 'z'
	for i := 0; ok && i < len(v); i++ {
		c := v[i]
		ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
	}
	if !ok {
		q.fail(name, v, "不是有效的发现类别（如 claim、listing、campaign、qualification）",
			"not a valid finding kind (such as claim, listing, campaign, qualification)")
		return ""
	}
	return qinglang.Kind(v)
}

// types returns event types given as a repeated parameter, a comma list or
// both, each a type of the contract, without duplicates; nil (all types)
// when none is given.
func (q *query) types(name string) []qinglang.EventType {
	var out []qinglang.EventType
	seen := map[qinglang.EventType]bool{}
	for _, v := range q.values[name] {
		for _, part := range strings.Split(v, ",") {
			t := qinglang.EventType(strings.TrimSpace(part))
			if t == "" {
				continue // "type=" and "speech," ask for no extra type
			}
			if !t.Known() {
				q.fail(name, part, "不是契约中的事件类型（room_start、room_end、speech、comment、order、listing、account）",
					"not an event type of the contract (room_start, room_end, speech, comment, order, listing, account)")
				return nil
			}
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// date returns a day parameter (YYYY-MM-DD, taken as a UTC day), the zero
// time when absent.
func (q *query) date(name string) time.Time {
	v := q.one(name)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		q.fail(name, v, "不是日期 YYYY-MM-DD（例如 2026-03-01）", "not a date YYYY-MM-DD (for example 2026-03-01)")
		return time.Time{}
	}
	return t
}

// boolean returns a true/false parameter (1/0 too), false when absent.
func (q *query) boolean(name string) bool {
	switch v := q.one(name); strings.ToLower(v) {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		q.fail(name, v, "必须是 true 或 false", "must be true or false")
		return false
	}
}

// choice returns a parameter that must be one of allowed, or def when
// absent.
func (q *query) choice(name, def string, allowed ...string) string {
	v := q.one(name)
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	list := strings.Join(allowed, "、")
	q.fail(name, v, "必须是 "+list+" 之一", "must be one of "+strings.Join(allowed, ", "))
	return def
}

// findingFilter reads the finding filters of GET /v1/findings.
func (q *query) findingFilter() qinglang.FindingFilter {
	f := qinglang.FindingFilter{
		Platform: q.id("platform"),
		Room:     q.id("room"),
		Kind:     q.kind("kind"),
		Rule:     q.id("rule"),
		Severity: q.severity("severity"),
		Since:    q.time("since"),
		Until:    q.time("until"),
		Cursor:   q.one("cursor"),
		Limit:    q.limit("limit", maxFindingsLimit),
	}
	q.window("since", f.Since, "until", f.Until)
	return f
}

// clip shortens a value quoted in an error message to at most 64 bytes,
// cutting at a character boundary.
func clip(v string) string {
	const max = 64
	if len(v) <= max {
		return v
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut] + "…"
}
