package contract

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// MaxTitleRunes is the project's limit on a title (room_start and
// listing). The contract sets none; 500 characters is ample for a product
// or broadcast title and keeps one event well inside MaxEventBytes.
const MaxTitleRunes = 500

// Validate checks a decoded event against every rule of contract version
// 1 and fills defaults (Platform "" becomes qinglang.DefaultPlatform). It
// checks the fields the event's type uses, in contract order, and returns
// the first problem, or nil:
//
//   - type is one of the contract's types; ts is set;
//   - room is set unless the type is account or listing;
//   - each type's required fields are set (strings non-empty, times
//     non-zero); qty >= 1; amount_fen, price_fen, original_price_fen and
//     followers >= 0;
//   - ids (id, room, platform, host, operator, merchant, agency, speaker,
//     user, product, device, brand) are at most qinglang.MaxIDBytes bytes;
//   - text is at most qinglang.MaxSpeechTextRunes characters in a speech
//     and qinglang.MaxCommentTextRunes in a comment; title at most
//     MaxTitleRunes;
//   - category is one of qinglang.Categories; ip, when set, is IPv4 or IPv6
//     text without a zone;
//   - every string is valid UTF-8.
//
// Fields the type does not use are not looked at. Validate cannot tell a
// zero amount_fen or price_fen from a missing one, so it accepts zero;
// DecodeEvent and Decode, which see the JSON, report a missing one.
func Validate(ev *qinglang.Event) *Problem {
	return validate(ev, presentIn(ev), false)
}

// presentIn guesses which fields a Go-built event sets: strings that are
// not empty, times that are not zero, pointers that are not nil and every
// plain integer (zero is a value there).
func presentIn(ev *qinglang.Event) fieldSet {
	var s fieldSet
	for f := field(0); f < numFields; f++ {
		switch fieldKinds[f] {
		case kindInt:
			s |= 1 << f
		case kindOptInt:
			if _, opt := intField(ev, f); *opt != nil {
				s |= 1 << f
			}
		case kindOptBool:
			if *boolField(ev, f) != nil {
				s |= 1 << f
			}
		case kindTime, kindOptTime:
			v, opt := timeField(ev, f)
			if (v != nil && !v.IsZero()) || (opt != nil && *opt != nil) {
				s |= 1 << f
			}
		default:
			if f == fType {
				if ev.Type != "" {
					s |= 1 << f
				}
			} else if f == fCategory {
				if ev.Category != "" {
					s |= 1 << f
				}
			} else if *strField(ev, f) != "" {
				s |= 1 << f
			}
		}
	}
	return s
}

// validate is Validate given which fields the input set. decoded says the
// strings come from the decoder, which has checked their UTF-8 already.
func validate(ev *qinglang.Event, present fieldSet, decoded bool) *Problem {
	spec, p := specOf(ev.Type, present.has(fType))
	if p != nil {
		return p
	}
	if !present.has(fTS) {
		return missing(fTS)
	}
	for _, f := range [...]field{fID, fPlatform, fRoom} {
		required := f == fRoom && ev.Type.NeedsRoom()
		if p := checkField(ev, f, required, present, decoded); p != nil {
			return p
		}
	}
	for _, f := range spec.fields {
		if p := checkField(ev, f, spec.required.has(f), present, decoded); p != nil {
			return p
		}
	}
	if ev.Platform == "" {
		ev.Platform = qinglang.DefaultPlatform
	}
	return nil
}

// specOf returns the spec of an event type, or the problem with the type.
func specOf(t qinglang.EventType, present bool) (*typeSpec, *Problem) {
	if spec, ok := specFor(t); ok {
		return spec, nil
	}
	switch {
	case t == "" && present:
		return nil, empty(fType)
	case t == "":
		return nil, missing(fType)
	case !utf8.ValidString(string(t)):
		return nil, badUTF8(fieldNames[fType])
	}
	return nil, newProblem("type",
		"未知的事件类型 "+quoteValue([]byte(t))+"（可选："+typeList("、")+"）",
		"unknown event type "+quoteValue([]byte(t))+" (one of: "+typeList(", ")+")")
}

// checkField checks one field the event's type uses.
func checkField(ev *qinglang.Event, f field, required bool, present fieldSet, decoded bool) *Problem {
	if !present.has(f) {
		if required {
			return missing(f)
		}
		return nil
	}
	name := fieldNames[f]
	switch k := fieldKinds[f]; k {
	case kindInt:
		v, _ := intField(ev, f)
		return checkMin(f, *v)
	case kindOptInt:
		_, opt := intField(ev, f)
		return checkMin(f, **opt)
	case kindTime, kindOptTime, kindOptBool:
		return nil
	case kindEnum: // category; type is checked by specOf
		c := ev.Category
		if c == "" {
			if required {
				return empty(f)
			}
			return nil
		}
		if !c.Known() {
			if !decoded && !utf8.ValidString(string(c)) {
				return badUTF8(name)
			}
			return newProblem(name,
				"未知的商品类目 "+quoteValue([]byte(c))+"（可选："+categoryList("、")+"）",
				"unknown category "+quoteValue([]byte(c))+" (one of: "+categoryList(", ")+")")
		}
		return nil
	default:
		s := *strField(ev, f)
		if s == "" {
			if required {
				return empty(f)
			}
			return nil
		}
		if !decoded && !utf8.ValidString(s) {
			return badUTF8(name)
		}
		switch k {
		case kindID:
			if len(s) > qinglang.MaxIDBytes {
				n := strconv.Itoa(len(s))
				return newProblem(name,
					"长度超过 "+strconv.Itoa(qinglang.MaxIDBytes)+" 字节（"+n+" 字节）",
					"longer than "+strconv.Itoa(qinglang.MaxIDBytes)+" bytes ("+n+" bytes)")
			}
		case kindText:
			limit := textLimit(ev.Type, f)
			if len(s) > limit { // fewer bytes than the limit cannot be too many runes
				if n := utf8.RuneCountInString(s); n > limit {
					return newProblem(name,
						"长度超过 "+strconv.Itoa(limit)+" 个字符（"+strconv.Itoa(n)+" 个）",
						"longer than "+strconv.Itoa(limit)+" characters ("+strconv.Itoa(n)+")")
				}
			}
		case kindIP:
			if a, err := netip.ParseAddr(s); err != nil || a.Zone() != "" {
				return newProblem(name, "不是有效的 IPv4 或 IPv6 地址："+quoteValue([]byte(s)),
					"not a valid IPv4 or IPv6 address: "+quoteValue([]byte(s)))
			}
		}
	}
	return nil
}

// textLimit is the rune limit of a text field for an event type.
func textLimit(t qinglang.EventType, f field) int {
	switch {
	case f == fTitle:
		return MaxTitleRunes
	case t == qinglang.Speech:
		return qinglang.MaxSpeechTextRunes
	}
	return qinglang.MaxCommentTextRunes
}

// checkMin checks an integer field against its least value.
func checkMin(f field, v int64) *Problem {
	if v < intMin[f] {
		zh, en := intReason(f)
		return newProblem(fieldNames[f], zh+"（收到 "+strconv.FormatInt(v, 10)+"）",
			en+" (got "+strconv.FormatInt(v, 10)+")")
	}
	return nil
}

// intReason states what an integer field must be.
func intReason(f field) (zh, en string) {
	m := strconv.FormatInt(intMin[f], 10)
	return "必须是不小于 " + m + " 的整数", "must be an integer >= " + m
}

// missing is the problem of a required field that is absent or null.
func missing(f field) *Problem {
	return newProblem(fieldNames[f], "缺少必填字段", "missing required field")
}

// empty is the problem of a required string field given as "".
func empty(f field) *Problem {
	return newProblem(fieldNames[f], "必填字段不能为空字符串", "required field must not be empty")
}

// badUTF8 is the problem of a string that is not valid UTF-8.
func badUTF8(name string) *Problem {
	return newProblem(name, "含有无效的 UTF-8 字节", "contains invalid UTF-8")
}

// typeList joins the contract's event types with sep.
func typeList(sep string) string {
	parts := make([]string, len(qinglang.EventTypes))
	for i, t := range qinglang.EventTypes {
		parts[i] = string(t)
	}
	return strings.Join(parts, sep)
}

// categoryList joins the contract's categories with sep.
func categoryList(sep string) string {
	parts := make([]string, len(qinglang.Categories))
	for i, c := range qinglang.Categories {
		parts[i] = string(c)
	}
	return strings.Join(parts, sep)
}
