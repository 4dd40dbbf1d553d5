package contract

import (
	"sync/atomic"
	"time"
)

// timeErr says why a time value was rejected.
type timeErr uint8

const (
	timeOK        timeErr = iota
	timeBadFormat         // not the RFC 3339 shape at all
	timeNoOffset          // a date-time without Z or ±hh:mm
	timeBadMonth          // month outside 01..12
	timeBadDay            // day outside the month
	timeBadHour           // hour outside 00..23
	timeBadMinute         // minute outside 00..59
	timeBadSecond         // second outside 00..59 (no leap seconds)
	timeBadOffset         // offset hours outside 00..23 or minutes outside 00..59
)

// parseTime parses an RFC 3339 date-time that carries an offset:
//
//	YYYY-MM-DDTHH:MM:SS[.fraction](Z|+hh:mm|-hh:mm)
//
// This is the grammar of RFC 3339 section 5.6 as Go's time.RFC3339 reads it
// in its strict form: an upper-case T and Z, two-digit fields, a period
// before the fraction (any number of digits; beyond nanoseconds they are
// dropped), years 0000..9999, no leap second. Lower-case t or z, a space
// for T, a comma fraction or an offset of 24 hours or more are rejected.
//
// The time keeps its offset: Z, +00:00 and -00:00 give time.UTC, any other
// offset a fixed zone with that offset (shared between calls, so parsing
// allocates nothing).
func parseTime(s []byte) (time.Time, timeErr) {
	const dateTime = len("2006-01-02T15:04:05")
	if len(s) < dateTime ||
		!digits(s[0:4]) || s[4] != '-' || !digits(s[5:7]) || s[7] != '-' || !digits(s[8:10]) ||
		s[10] != 'T' || !digits(s[11:13]) || s[13] != ':' || !digits(s[14:16]) || s[16] != ':' ||
		!digits(s[17:19]) {
		return time.Time{}, timeBadFormat
	}
	rest := s[dateTime:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			if n <= 9 {
				nsec = nsec*10 + int(rest[n]-'0')
			}
			n++
		}
		if n == 1 {
			return time.Time{}, timeBadFormat
		}
		for d := n; d <= 9; d++ {
			nsec *= 10
		}
		rest = rest[n:]
	}
	offset := 0
	switch {
	case len(rest) == 0:
		return time.Time{}, timeNoOffset
	case len(rest) == 1 && rest[0] == 'Z':
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest[1:3]) && rest[3] == ':' && digits(rest[4:6]):
		oh, om := num2(rest[1:3]), num2(rest[4:6])
		if oh > 23 || om > 59 {
			return time.Time{}, timeBadOffset
		}
		offset = (oh*60 + om) * 60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, timeBadFormat
	}

	year := num2(s[0:2])*100 + num2(s[2:4])
	month, day := num2(s[5:7]), num2(s[8:10])
	hour, minute, sec := num2(s[11:13]), num2(s[14:16]), num2(s[17:19])
	switch {
	case month < 1 || month > 12:
		return time.Time{}, timeBadMonth
	case day < 1 || day > daysIn(month, year):
		return time.Time{}, timeBadDay
	case hour > 23:
		return time.Time{}, timeBadHour
	case minute > 59:
		return time.Time{}, timeBadMinute
	case sec > 59:
		return time.Time{}, timeBadSecond
	}
	unix := daysFromCivil(year, month, day)*86400 + int64(hour*3600+minute*60+sec) - int64(offset)
	return time.Unix(unix, int64(nsec)).In(zoneFor(offset)), timeOK
}

// digits reports whether b is all ASCII digits.
func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// num2 reads two ASCII digits.
func num2(b []byte) int { return int(b[0]-'0')*10 + int(b[1]-'0') }

// daysIn returns the number of days in a month of the proleptic Gregorian
// calendar.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// maxOffsetMinutes bounds the offsets parseTime accepts: ±23:59.
const maxOffsetMinutes = 23*60 + 59

// zones caches one fixed zone per offset minute.
var zones [2*maxOffsetMinutes + 1]atomic.Pointer[time.Location]

// zoneFor returns the location for an offset in seconds: time.UTC for 0,
// otherwise a fixed zone without a name (as time.Parse makes), cached.
func zoneFor(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	i := offset/60 + maxOffsetMinutes
	if loc := zones[i].Load(); loc != nil {
		return loc
	}
	loc := time.FixedZone("", offset)
	zones[i].CompareAndSwap(nil, loc)
	return zones[i].Load()
}

// timeReason explains a timeErr in both languages.
func timeReason(e timeErr, value []byte) (zh, en string) {
	const example = "2025-06-12T20:01:02+08:00"
	v := quoteValue(value)
	switch e {
	case timeNoOffset:
		return "缺少时区偏移（RFC 3339 时间须以 Z 或 ±hh:mm 结尾，例如 " + example + "）：" + v,
			"time has no offset (an RFC 3339 time ends in Z or ±hh:mm, e.g. " + example + "): " + v
	case timeBadMonth:
		return "月份超出范围（01–12）：" + v, "month out of range (01-12): " + v
	case timeBadDay:
		return "日期超出该月的天数：" + v, "day out of range for the month: " + v
	case timeBadHour:
		return "小时超出范围（00–23）：" + v, "hour out of range (00-23): " + v
	case timeBadMinute:
		return "分钟超出范围（00–59）：" + v, "minute out of range (00-59): " + v
	case timeBadSecond:
		return "秒超出范围（00–59）：" + v, "second out of range (00-59): " + v
	case timeBadOffset:
		return "时区偏移超出范围（±00:00–±23:59）：" + v, "offset out of range (±00:00-±23:59): " + v
	}
	return "不是 RFC 3339 时间（例如 " + example + "）：" + v,
		"not an RFC 3339 time (e.g. " + example + "): " + v
}
