package sim

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// appendEvent appends ev as one JSON object, byte for byte what
// encoding/json's Encoder writes with HTML escaping off (field order,
// omitempty, time format), without reflection: it is what makes
// WriteJSONL fast enough for the load generator. encode_test.go holds it
// to encoding/json.
func appendEvent(b []byte, ev *qinglang.Event) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, string(ev.Type))
	b = append(b, `,"ts":`...)
	b = appendTime(b, ev.TS)
	b = appendStr(b, `,"id":`, ev.ID)
	b = append(b, `,"platform":`...)
	b = appendString(b, ev.Platform)
	b = appendStr(b, `,"room":`, ev.Room)
	b = appendStr(b, `,"host":`, ev.Host)
	b = appendStr(b, `,"operator":`, ev.Operator)
	b = appendStr(b, `,"agency":`, ev.Agency)
	b = appendStr(b, `,"merchant":`, ev.Merchant)
	b = appendStr(b, `,"title":`, ev.Title)
	b = appendStr(b, `,"speaker":`, ev.Speaker)
	if ev.EndTS != nil {
		b = append(b, `,"end_ts":`...)
		b = appendTime(b, *ev.EndTS)
	}
	b = appendStr(b, `,"text":`, ev.Text)
	b = appendStr(b, `,"user":`, ev.User)
	b = appendStr(b, `,"ip":`, ev.IP)
	b = appendStr(b, `,"device":`, ev.Device)
	b = appendStr(b, `,"product":`, ev.Product)
	b = appendInt(b, `,"qty":`, ev.Qty)
	b = appendInt(b, `,"amount_fen":`, ev.AmountFen)
	b = appendStr(b, `,"category":`, string(ev.Category))
	b = appendInt(b, `,"price_fen":`, ev.PriceFen)
	if ev.OriginalPriceFen != nil {
		b = append(b, `,"original_price_fen":`...)
		b = strconv.AppendInt(b, *ev.OriginalPriceFen, 10)
	}
	b = appendStr(b, `,"brand":`, ev.Brand)
	if ev.CreatedAt != nil {
		b = append(b, `,"created_at":`...)
		b = appendTime(b, *ev.CreatedAt)
	}
	if ev.Followers != nil {
		b = append(b, `,"followers":`...)
		b = strconv.AppendInt(b, *ev.Followers, 10)
	}
	return append(b, '}')
}

// appendStr appends an omitempty string field.
func appendStr(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, key...), s)
}

// appendInt appends an omitempty integer field.
func appendInt(b []byte, key string, v int64) []byte {
	if v == 0 {
		return b
	}
	return strconv.AppendInt(append(b, key...), v, 10)
}

// appendTime appends t as time.Time's MarshalJSON does.
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with
// HTML escaping off: quotes, backslashes and control characters escaped,
// U+2028 and U+2029 escaped, invalid UTF-8 replaced by U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
