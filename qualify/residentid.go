package qualify

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The resident ID of GB 11643 [S for the algorithm, domain.md "Identifier
// formats"]: 17 digits and a check character (0–9 or X) computed with ISO
// 7064 MOD 11-2; digits 7–14 are the birth date.
const (
	// ResidentIDLen is the length of a second-generation resident ID.
	ResidentIDLen = 18
	// minBirthYear is the earliest birth year accepted as plausible.
	minBirthYear = 1900
)

var (
	idWeights  = [ResidentIDLen - 1]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	idCheckMap = "10X98765432" // indexed by the weighted sum mod 11
)

// IDResult is what CheckResidentID found. It never holds the full number:
// Masked keeps its first 3 and last 2 characters.
type IDResult struct {
	Masked     string  // MaskID of the normalised input
	Verdict    Verdict // valid, invalid or malformed
	FormatOK   bool    // 17 digits and a digit or X
	ChecksumOK bool    // the check character matches
	DateOK     bool    // digits 7–14 are a real date, not after the day checked on
	Birth      time.Time
	Age        int // full years on the day checked on; 0 unless DateOK

	Reason, ReasonEN string // why the verdict; never holds the number
}

// String formats the result in both languages, with the number masked.
func (r IDResult) String() string {
	return fmt.Sprintf("居民身份证 %s：%s / resident ID %s: %s", r.Masked, r.Reason, r.Masked, r.ReasonEN)
}

// MaskID hides an ID number (or any secret) but its first 3 and last 2
// characters, one '*' per hidden character, after trimming white space.
// Inputs of 5 characters or fewer are hidden entirely.
func MaskID(id string) string {
	r := []rune(strings.TrimSpace(id))
	if len(r) <= 5 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-5) + string(r[len(r)-2:])
}

// residentIDCheck returns the check character of 17 digits; ok is false
// when body is not 17 ASCII digits.
func residentIDCheck(body string) (c byte, ok bool) {
	if len(body) != ResidentIDLen-1 {
		return 0, false
	}
	sum := 0
	for i := range ResidentIDLen - 1 {
		d := body[i]
		if d < '0' || d > '9' {
			return 0, false
		}
		sum += int(d-'0') * idWeights[i]
	}
	return idCheckMap[sum%11], true
}

// CheckResidentID checks a resident ID number on the day on: its format,
// its check character, and its birth date, which must be a real calendar
// date no later than on (compared as calendar days in on's location). The
// input is normalised first (trimmed, full-width to half-width, x to X).
// The number is never copied into the result, only its mask.
func CheckResidentID(id string, on time.Time) IDResult {
	c := Normalize(id)
	r := IDResult{Masked: MaskID(c)}
	n := utf8.RuneCountInString(c)
	switch {
	case n == 0:
		return r.fail(VerdictMalformed, "号码为空", "the number is empty")
	case n == 15 && allDigits(c):
		return r.fail(VerdictMalformed, "15 位第一代身份证已停止使用，需提供 18 位号码",
			"15-digit first-generation IDs are no longer valid; an 18-character number is needed")
	case n != ResidentIDLen:
		return r.fail(VerdictMalformed, fmt.Sprintf("长度应为 %d 位，实为 %d 位", ResidentIDLen, n),
			fmt.Sprintf("should be %d characters long, is %d", ResidentIDLen, n))
	}
	for i := range ResidentIDLen - 1 {
		if c[i] < '0' || c[i] > '9' {
			return r.fail(VerdictMalformed, fmt.Sprintf("第 %d 位应为数字", i+1),
				fmt.Sprintf("position %d should be a digit", i+1))
		}
	}
	if last := c[ResidentIDLen-1]; (last < '0' || last > '9') && last != 'X' {
		return r.fail(VerdictMalformed, "第 18 位应为数字或 X", "position 18 should be a digit or X")
	}
	r.FormatOK = true
	if want, _ := residentIDCheck(c[:ResidentIDLen-1]); want != c[ResidentIDLen-1] {
		// The expected character is not given: with it, the number would be
		// fully recoverable from the mask's neighbours in a log.
		r = r.fail(VerdictInvalid, "校验位不符", "the check character does not match")
	} else {
		r.ChecksumOK = true
	}
	y, m, d := atoi(c[6:10]), atoi(c[10:12]), atoi(c[12:14])
	birth := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	oy, om, od := on.Date()
	today := time.Date(oy, om, od, 0, 0, 0, 0, time.UTC)
	switch {
	case birth.Year() != y || birth.Month() != time.Month(m) || birth.Day() != d:
		return r.fail(VerdictInvalid, "出生日期（第 7–14 位）不是有效日期", "the birth date (positions 7–14) is not a real date")
	case y < minBirthYear:
		return r.fail(VerdictInvalid, fmt.Sprintf("出生年份早于 %d 年", minBirthYear), fmt.Sprintf("the birth year is before %d", minBirthYear))
	case birth.After(today):
		return r.fail(VerdictInvalid, "出生日期晚于核验日期", "the birth date is after the day checked on")
	}
	r.DateOK, r.Birth, r.Age = true, birth, Age(birth, on)
	if !r.ChecksumOK {
		return r
	}
	r.Verdict = VerdictValid
	r.Reason, r.ReasonEN = "格式、校验位与出生日期均正确", "well formed; check character and birth date are correct"
	return r
}

// fail sets the verdict and reason unless an earlier failure already did.
func (r IDResult) fail(v Verdict, zh, en string) IDResult {
	if r.Verdict != "" {
		return r
	}
	r.Verdict = v
	if v == VerdictMalformed {
		zh, en = "格式错误："+zh, "malformed: "+en
	}
	r.Reason, r.ReasonEN = zh, en
	return r
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi reads ASCII digits already checked.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// Age returns the full years from birth to on, comparing calendar dates
// (birth's in its location, on's in its own). Someone born on 29 February
// turns a year older on 1 March in a common year. It is negative when on
// is before birth.
func Age(birth, on time.Time) int {
	by, bm, bd := birth.Date()
	oy, om, od := on.Date()
	age := oy - by
	if om < bm || (om == bm && od < bd) {
		age--
	}
	return age
}

// AgeGate is the outcome of the host age gate.
type AgeGate string

// Age gates.
const (
	AgeAllowed       AgeGate = "allowed"          // old enough
	AgeNeedsGuardian AgeGate = "guardian_consent" // allowed only with a guardian's consent
	AgeTooYoung      AgeGate = "too_young"        // not allowed
)

// Message explains the gate in Chinese and in English.
func (g AgeGate) Message() (zh, en string) {
	switch g {
	case AgeAllowed:
		return "已达到主播年龄要求", "old enough to host"
	case AgeNeedsGuardian:
		return "须经监护人同意方可担任主播", "may host only with a guardian's consent"
	case AgeTooYoung:
		return "未达到主播最低年龄", "under the minimum age for hosts"
	}
	return "未知", "unknown"
}

// AgeRule is an age gate: under Min not allowed, from Min to under Adult
// only with a guardian's consent, Adult and over allowed.
type AgeRule struct {
	Min   int
	Adult int
}

// HostAgeRule is the age gate for live-stream hosts. [R] Network Live
// Marketing Measures (2021): hosts at least 16 years old; 16–18 with a
// guardian's consent (domain.md, "Duties with numbers"). Correct it here.
var HostAgeRule = AgeRule{Min: 16, Adult: 18}

// Gate applies the rule to someone born on birth, on the day on.
func (a AgeRule) Gate(birth, on time.Time) AgeGate {
	switch age := Age(birth, on); {
	case age < a.Min:
		return AgeTooYoung
	case age < a.Adult:
		return AgeNeedsGuardian
	}
	return AgeAllowed
}

// HostAge applies HostAgeRule to a host born on birth, on the day on.
func HostAge(birth, on time.Time) AgeGate { return HostAgeRule.Gate(birth, on) }
