package qualify

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// LicenceKind names a kind of licence, registration, filing or certificate.
type LicenceKind string

// Licence kinds. ParseLicence recognises the numbers of the first six; the
// others have no format checked here (it is not known well enough) and are
// built by the caller, e.g. from a registry.
const (
	KindFoodBusiness           LicenceKind = "food_business"            // 食品经营许可证, JY + 14 digits [S]
	KindFoodProduction         LicenceKind = "food_production"          // 食品生产许可证, SC + 14 digits; QS + 12 obsolete [S]
	KindHealthFoodRegistration LicenceKind = "health_food_registration" // 国食健注G|J + 8 digits [U]
	KindHealthFoodFiling       LicenceKind = "health_food_filing"       // 食健备G|J + 12 digits [U]
	KindSpecialCosmetic        LicenceKind = "special_cosmetic"         // 国妆特字G / 国妆特进字J + 8 digits [U]
	KindDeviceRegistration     LicenceKind = "device_registration"      // 国械注准|进|许 + year + digits [U]

	KindPrepackagedFoodFiling LicenceKind = "prepackaged_food_filing" // 仅销售预包装食品备案
	KindCosmeticFiling        LicenceKind = "cosmetic_filing"         // 普通化妆品备案
	KindDeviceDistribution    LicenceKind = "device_distribution"     // 医疗器械经营备案或许可
	KindDrugTrading           LicenceKind = "drug_trading"            // 药品经营许可证
	KindInfantFormula         LicenceKind = "infant_formula"          // 婴幼儿配方乳粉产品配方注册
	KindCCC                   LicenceKind = "ccc"                     // 强制性产品认证（CCC）证书
)

// kindNames holds every kind with its names; its order is that of Kinds.
var kindNames = []struct {
	kind    LicenceKind
	zh, en  string
	product bool // the number belongs to a product, not to the seller
}{
	{KindFoodBusiness, "食品经营许可证", "food business licence", false},
	{KindFoodProduction, "食品生产许可证", "food production licence", false},
	{KindHealthFoodRegistration, "保健食品注册证书", "health food registration", true},
	{KindHealthFoodFiling, "保健食品备案凭证", "health food filing", true},
	{KindSpecialCosmetic, "特殊化妆品注册证", "special cosmetics registration", true},
	{KindDeviceRegistration, "医疗器械注册证", "medical device registration", true},
	{KindPrepackagedFoodFiling, "仅销售预包装食品备案", "pre-packaged food sales filing", false},
	{KindCosmeticFiling, "普通化妆品备案", "ordinary cosmetics filing", true},
	{KindDeviceDistribution, "医疗器械经营备案或许可证", "medical device distribution filing or licence", false},
	{KindDrugTrading, "药品经营许可证", "drug trading licence", false},
	{KindInfantFormula, "婴幼儿配方乳粉产品配方注册证书", "infant formula registration", true},
	{KindCCC, "强制性产品认证（CCC）证书", "compulsory product certificate (CCC)", true},
}

// Kinds lists every licence kind.
var Kinds = func() []LicenceKind {
	ks := make([]LicenceKind, len(kindNames))
	for i, n := range kindNames {
		ks[i] = n.kind
	}
	return ks
}()

// Known reports whether k is one of Kinds.
func (k LicenceKind) Known() bool {
	_, _, ok := k.names()
	return ok
}

// Name returns the kind's name in Chinese and in English (the raw kind
// when it is unknown).
func (k LicenceKind) Name() (zh, en string) {
	zh, en, _ = k.names()
	return zh, en
}

func (k LicenceKind) names() (zh, en string, ok bool) {
	for _, n := range kindNames {
		if n.kind == k {
			return n.zh, n.en, true
		}
	}
	return string(k), string(k), false
}

// Note is a remark on a parsed licence that is not an error.
type Note struct {
	Code               string // "obsolete", "imported", "hk_macao_taiwan", "unusual_length"
	Message, MessageEN string
}

// Licence is a parsed licence (or a registration, filing or certificate).
type Licence struct {
	Kind     LicenceKind
	Number   string // normalised: no white space, half-width, upper case
	Imported bool   // a J (imported) registration or filing, 国械注进, 国妆特进字
	Obsolete bool   // a format no longer issued (QS); it satisfies no requirement
	Notes    []Note
	Validity Validity // zero when unknown; ParseLicence leaves it zero
}

// String formats the licence as its Chinese and English kind and number.
func (l Licence) String() string {
	zh, en := l.Kind.Name()
	return fmt.Sprintf("%s %s / %s %s", zh, l.Number, en, l.Number)
}

// MinDeviceYear is the earliest year accepted in a 国械注准|进|许 number.
// [U] The format came with the 2014 Regulations on medical devices; older
// registrations read 国食药监械(准)字. Correct it here.
const MinDeviceYear = 2014

// licenceFormat is one recognised number format.
type licenceFormat struct {
	prefix   string
	kind     LicenceKind
	origins  string // letters allowed right after the prefix ("" for none)
	digits   int    // digits after prefix and origin; 0 for a medical device
	imported bool   // the prefix itself means imported
	obsolete bool
}

// licenceFormats are tried in order; no prefix is a prefix of a later one.
var licenceFormats = []licenceFormat{
	{prefix: "JY", kind: KindFoodBusiness, digits: 14},
	{prefix: "SC", kind: KindFoodProduction, digits: 14},
	{prefix: "QS", kind: KindFoodProduction, digits: 12, obsolete: true},
	{prefix: "国食健注", kind: KindHealthFoodRegistration, origins: "GJ", digits: 8},
	{prefix: "食健备", kind: KindHealthFoodFiling, origins: "GJ", digits: 12},
	{prefix: "国妆特字", kind: KindSpecialCosmetic, origins: "G", digits: 8},
	{prefix: "国妆特进字", kind: KindSpecialCosmetic, origins: "J", digits: 8, imported: true},
	{prefix: "国械注准", kind: KindDeviceRegistration},
	{prefix: "国械注进", kind: KindDeviceRegistration, imported: true},
	{prefix: "国械注许", kind: KindDeviceRegistration},
}

// licenceErr is an EINVALID error about a licence number.
func licenceErr(zh, en string, args ...any) error {
	return qinglang.Errorf(qinglang.EINVALID, "许可证编号无效："+zh, "invalid licence number: "+en, args...)
}

// ParseLicence recognises a licence number by its prefix and checks its
// format. The input is normalised first: white space removed, full-width
// to half-width, upper case. Errors have code EINVALID and say which part
// is wrong: the prefix, the letter after it, a non-digit at a position
// (1-based, in the normalised number) or the length.
func ParseLicence(s string) (Licence, error) {
	num := removeSpace(Normalize(s))
	if num == "" {
		return Licence{}, licenceErr("编号为空", "the number is empty")
	}
	var f *licenceFormat
	for i := range licenceFormats {
		if strings.HasPrefix(num, licenceFormats[i].prefix) {
			f = &licenceFormats[i]
			break
		}
	}
	if f == nil {
		return Licence{}, licenceErr("无法识别的前缀（应为 JY、SC、QS、国食健注、食健备、国妆特字、国妆特进字、国械注准、国械注进或国械注许）",
			"unknown prefix (expected JY, SC, QS, 国食健注, 食健备, 国妆特字, 国妆特进字, 国械注准, 国械注进 or 国械注许)")
	}
	l := Licence{Kind: f.kind, Number: num, Imported: f.imported, Obsolete: f.obsolete}
	rest := num[len(f.prefix):]
	pos := utf8.RuneCountInString(f.prefix) + 1 // 1-based position of rest[0]
	if f.origins != "" {
		if rest == "" || !strings.ContainsRune(f.origins, rune(rest[0])) {
			want := strings.Join(strings.Split(f.origins, ""), " 或 ")
			wantEN := strings.Join(strings.Split(f.origins, ""), " or ")
			return Licence{}, licenceErr("第 %[1]d 位应为 %[2]s（紧接前缀 %[3]s）", "position %[1]d should be %[4]s (right after the prefix %[3]s)",
				pos, want, f.prefix, wantEN)
		}
		l.Imported = l.Imported || rest[0] == 'J'
		rest, pos = rest[1:], pos+1
	}
	if i, ok := firstNonDigit(rest); !ok {
		return Licence{}, licenceErr("第 %d 位应为数字", "position %d should be a digit", pos+i)
	}
	switch {
	case f.digits > 0 && len(rest) != f.digits:
		return Licence{}, licenceErr("%s 之后应为 %d 位数字，实为 %d 位", "%[1]s should be followed by %[2]d digits, not %[3]d",
			num[:len(num)-len(rest)], f.digits, len(rest))
	case f.digits == 0:
		if err := checkDeviceTail(rest, pos); err != nil {
			return Licence{}, err
		}
		if len(rest) != 11 {
			l.Notes = append(l.Notes, Note{Code: "unusual_length",
				Message:   fmt.Sprintf("年份后通常为 7 位数字，此处为 %d 位，请核对", len(rest)-4),
				MessageEN: fmt.Sprintf("the year is usually followed by 7 digits, here %d: check it", len(rest)-4)})
		}
	}
	if f.obsolete {
		l.Notes = append(l.Notes, Note{Code: "obsolete",
			Message:   "QS 编号自 2018 年起停止使用，应换发 SC 食品生产许可证",
			MessageEN: "QS numbers are obsolete since 2018; an SC food production licence replaces them"})
	}
	if l.Imported {
		l.Notes = append(l.Notes, Note{Code: "imported", Message: "进口产品", MessageEN: "imported product"})
	}
	if f.prefix == "国械注许" {
		l.Notes = append(l.Notes, Note{Code: "hk_macao_taiwan", Message: "港澳台医疗器械", MessageEN: "medical device from Hong Kong, Macao or Taiwan"})
	}
	return l, nil
}

// checkDeviceTail checks the digits after a medical-device prefix: a year
// from MinDeviceYear to 2099, then at least one digit. pos is the position
// of tail[0].
func checkDeviceTail(tail string, pos int) error {
	if len(tail) < 4 {
		return licenceErr("前缀后应为 4 位年份", "the prefix should be followed by a 4-digit year")
	}
	if y := atoi(tail[:4]); y < MinDeviceYear || y > 2099 {
		return licenceErr("第 %d–%d 位的年份 %d 不在 %d–2099 之间", "the year %[3]d at positions %[1]d–%[2]d is not within %[4]d–2099",
			pos, pos+3, y, MinDeviceYear)
	}
	if len(tail) == 4 {
		return licenceErr("年份之后缺少类别与流水号", "the class, category and sequence number after the year are missing")
	}
	return nil
}

// firstNonDigit returns the rune index of the first character of s that is
// not an ASCII digit, and false, or 0 and true when there is none.
func firstNonDigit(s string) (int, bool) {
	i := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return i, false
		}
		i++
	}
	return 0, true
}
