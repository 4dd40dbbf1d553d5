package qualify

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The Unified Social Credit Code, GB 32100-2015 [S] (domain.md, "Identifier
// formats").
const (
	// USCCLen is the length of a code.
	USCCLen = 18
	// usccChars is the code set; a character's value is its index (0–30).
	usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
)

// usccWeights are the weights of positions 1–17: 3^(i-1) mod 31 [S].
var usccWeights = [USCCLen - 1]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCResult is what CheckUSCC found. The code is a merchant's public
// registration number, not personal data, so it is kept whole.
type USCCResult struct {
	Code       string  // normalised: trimmed, half-width, upper case
	Verdict    Verdict // valid, verify_by_hand or malformed
	FormatOK   bool    // 18 characters over the code set
	ChecksumOK bool    // the check character (position 18) matches
	Expected   byte    // the check character the first 17 imply; 0 when !FormatOK

	// Authority is position 1, the registering authority (9 = market
	// regulation); Kind is position 2, the kind of entity within that
	// authority (under 9: 1 company, 2 individual business, 3 farmers'
	// cooperative). The names are "" when the code is not in the table.
	Authority, AuthorityName, AuthorityNameEN string
	Kind, KindName, KindNameEN                string
	Region                                    string // positions 3–8, the administrative region code

	Reason, ReasonEN string // why the verdict, in Chinese and in English
}

// String formats the result in both languages.
func (r USCCResult) String() string {
	return fmt.Sprintf("统一社会信用代码 %s：%s / USCC %s: %s", r.Code, r.Reason, r.Code, r.ReasonEN)
}

type usccName struct{ zh, en string }

// usccAuthorities names the registering authorities (position 1). Only 9
// is [S] (domain.md); the others are [U], from general knowledge of GB
// 32100-2015 and its amendments.
var usccAuthorities = map[byte]usccName{
	'1': {"机构编制", "institutional staffing"},
	'2': {"外交", "foreign affairs"},
	'3': {"司法行政", "justice administration"},
	'4': {"文化", "culture"},
	'5': {"民政", "civil affairs"},
	'6': {"旅游", "tourism"},
	'7': {"宗教", "religious affairs"},
	'8': {"工会", "trade unions"},
	'9': {"市场监管（原工商）", "market regulation (formerly industry and commerce)"},
	'A': {"中央军委改革和编制办公室", "CMC reform and staffing office"},
	'N': {"农业", "agriculture"},
	'Y': {"其他", "other"},
}

// usccKinds names the kinds (position 2) under an authority. Under 9, the
// codes 1, 2 and 3 are [S] (domain.md); the rest are [U].
var usccKinds = map[[2]byte]usccName{
	{'9', '1'}: {"企业", "company"},
	{'9', '2'}: {"个体工商户", "individual business"},
	{'9', '3'}: {"农民专业合作社", "farmers' cooperative"},
	{'1', '1'}: {"机关", "government body"},
	{'1', '2'}: {"事业单位", "public institution"},
	{'1', '3'}: {"群众团体", "mass organisation"},
	{'1', '9'}: {"其他", "other"},
	{'5', '1'}: {"社会团体", "social organisation"},
	{'5', '2'}: {"民办非企业单位", "private non-enterprise unit"},
	{'5', '3'}: {"基金会", "foundation"},
	{'5', '9'}: {"其他", "other"},
	{'Y', '1'}: {"其他", "other"},
}

// usccValue is the value of c in the code set, or -1.
func usccValue(c byte) int {
	return strings.IndexByte(usccChars, c)
}

// USCCCheckChar returns the check character of a code whose first 17
// characters are body (already normalised); ok is false when body is not
// 17 characters over the code set.
func USCCCheckChar(body string) (c byte, ok bool) {
	if len(body) != USCCLen-1 {
		return 0, false
	}
	sum := 0
	for i := range USCCLen - 1 {
		v := usccValue(body[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	return usccChars[(31-sum%31)%31], true
}

// CheckUSCC checks a Unified Social Credit Code. The input is normalised
// first (trimmed, full-width to half-width, upper case). A code that is
// well formed but fails the checksum gets VerdictVerifyByHand, not a
// rejection: a few real codes fail it (domain.md).
func CheckUSCC(code string) USCCResult {
	r := USCCResult{Code: Normalize(code)}
	c := r.Code
	if c == "" {
		return r.malformed("代码为空", "the code is empty")
	}
	if n := utf8.RuneCountInString(c); n != USCCLen {
		if n == 15 && allDigits(c) { // a first-generation resident ID, perhaps
			r.Code = MaskID(c)
		}
		return r.malformed(fmt.Sprintf("长度应为 %d 位，实为 %d 位", USCCLen, n),
			fmt.Sprintf("should be %d characters long, is %d", USCCLen, n))
	}
	for i := range USCCLen {
		if usccValue(c[i]) < 0 {
			ch := c[i : i+1]
			return r.malformed(fmt.Sprintf("第 %d 位 %q 不在代码字符集内（不含 I、O、S、V、Z）", i+1, ch),
				fmt.Sprintf("character %q at position %d is outside the code set (which has no I, O, S, V, Z)", ch, i+1))
		}
	}
	r.FormatOK = true
	r.Expected, _ = USCCCheckChar(c[:USCCLen-1])
	r.Authority, r.Kind, r.Region = c[0:1], c[1:2], c[2:8]
	if n, ok := usccAuthorities[c[0]]; ok {
		r.AuthorityName, r.AuthorityNameEN = n.zh, n.en
	}
	if n, ok := usccKinds[[2]byte{c[0], c[1]}]; ok {
		r.KindName, r.KindNameEN = n.zh, n.en
	}
	if c[USCCLen-1] != r.Expected {
		r.Verdict = VerdictVerifyByHand
		r.Reason = fmt.Sprintf("校验位应为 %c，实为 %c；少数真实代码也不符合校验，请人工核验", r.Expected, c[USCCLen-1])
		r.ReasonEN = fmt.Sprintf("the check character should be %c but is %c; a few real codes fail the checksum too: verify by hand", r.Expected, c[USCCLen-1])
		if looksLikeResidentID(c) {
			// Someone typed an ID number into the wrong field: keep it out
			// of the result and of anything that prints it.
			r.Code = MaskID(c)
			r.Reason = "号码像居民身份证号而非统一社会信用代码（已遮盖），请人工核验"
			r.ReasonEN = "the number looks like a resident ID, not a USCC (masked): verify by hand"
		}
		return r
	}
	r.ChecksumOK = true
	r.Verdict = VerdictValid
	r.Reason, r.ReasonEN = "格式与校验位均正确", "well formed, check character matches"
	return r
}

func (r USCCResult) malformed(zh, en string) USCCResult {
	r.Verdict = VerdictMalformed
	r.Reason, r.ReasonEN = "格式错误："+zh, "malformed: "+en
	return r
}

// looksLikeResidentID reports whether an 18-character code passes the
// resident ID check and has a plausible month and day.
func looksLikeResidentID(c string) bool {
	want, ok := residentIDCheck(c[:ResidentIDLen-1])
	if !ok || want != c[ResidentIDLen-1] {
		return false
	}
	m, d := atoi(c[10:12]), atoi(c[12:14])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}
