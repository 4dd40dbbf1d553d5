package regloop

import (
	"slices"

	"github.com/qinglang/qinglang"
)

// National is the code of the whole country: it covers every region.
const National = "000000"

// provinces are the first two digits of the provincial-level divisions of
// GB/T 2260 [U, general knowledge of the standard]: a code whose first two
// digits are not here is not a region. Correct the list here.
var provinces = []string{
	"11", "12", "13", "14", "15", // 北京 天津 河北 山西 内蒙古
	"21", "22", "23", // 辽宁 吉林 黑龙江
	"31", "32", "33", "34", "35", "36", "37", // 上海 江苏 浙江 安徽 福建 江西 山东
	"41", "42", "43", "44", "45", "46", // 河南 湖北 湖南 广东 广西 海南
	"50", "51", "52", "53", "54", // 重庆 四川 贵州 云南 西藏
	"61", "62", "63", "64", "65", // 陕西 甘肃 青海 宁夏 新疆
	"71", "81", "82", // 台湾 香港 澳门
}

// Level is how high a region stands; a higher level covers lower ones.
type Level int

// The levels of administrative divisions, from the lowest. LevelInvalid is
// the level of a code that is not a region.
const (
	LevelInvalid Level = iota
	LevelCounty
	LevelCity
	LevelProvince
	LevelNational
)

// Name returns the level's name in Chinese and English.
func (l Level) Name() (zh, en string) {
	switch l {
	case LevelCounty:
		return "县级", "county"
	case LevelCity:
		return "地市级", "city"
	case LevelProvince:
		return "省级", "province"
	case LevelNational:
		return "国家级", "national"
	}
	return "无效", "invalid"
}

// LevelOf returns the level of an administrative division code:
// 000000 national, XX0000 a province, XXYY00 a city, XXYYZZ a county (or
// a district). A code that is not six digits, names no province, or has a
// county part under no city (XX00ZZ) is LevelInvalid.
func LevelOf(code string) Level {
	if !sixDigits(code) {
		return LevelInvalid
	}
	if code == National {
		return LevelNational
	}
	if !slices.Contains(provinces, code[:2]) {
		return LevelInvalid
	}
	switch city, county := code[2:4], code[4:6]; {
	case city == "00" && county == "00":
		return LevelProvince
	case city == "00":
		return LevelInvalid
	case county == "00":
		return LevelCity
	}
	return LevelCounty
}

// ValidRegion returns nil for an administrative division code and an
// EINVALID error saying what is wrong otherwise.
func ValidRegion(code string) error {
	switch {
	case LevelOf(code) != LevelInvalid:
		return nil
	case code == "":
		return qinglang.Errorf(qinglang.EINVALID, "缺少行政区划代码", "the administrative division code is missing")
	case !sixDigits(code):
		return qinglang.Errorf(qinglang.EINVALID, "行政区划代码 %q 应为 6 位数字", "administrative division code %q must be 6 digits", code)
	case !slices.Contains(provinces, code[:2]):
		return qinglang.Errorf(qinglang.EINVALID, "行政区划代码 %q 的前两位不是省级代码",
			"administrative division code %q does not begin with a province's code", code)
	}
	return qinglang.Errorf(qinglang.EINVALID, "行政区划代码 %q 的县级部分不属于任何地市",
		"administrative division code %q has a county part under no city", code)
}

func sixDigits(code string) bool {
	if len(code) != 6 {
		return false
	}
	for i := range len(code) {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// Covers reports whether region a's jurisdiction includes region b: the
// nation covers every region, a province XX0000 every XX****, a city
// XXYY00 every XXYY**, and a county itself only. An invalid code covers
// nothing and is covered by nothing.
func Covers(a, b string) bool {
	la, lb := LevelOf(a), LevelOf(b)
	if la == LevelInvalid || lb == LevelInvalid {
		return false
	}
	switch la {
	case LevelNational:
		return true
	case LevelProvince:
		return a[:2] == b[:2]
	case LevelCity:
		return a[:4] == b[:4]
	}
	return a == b
}

// StrictlyCovers reports whether a covers b and is not b: a is a higher
// jurisdiction over b.
func StrictlyCovers(a, b string) bool { return a != b && Covers(a, b) }

// Parent returns the region one level up: a county's city, a city's
// province, a province's nation. The nation's parent is the nation itself.
// An invalid code is an EINVALID error.
func Parent(code string) (string, error) {
	switch LevelOf(code) {
	case LevelCounty:
		return code[:4] + "00", nil
	case LevelCity:
		return code[:2] + "0000", nil
	case LevelProvince, LevelNational:
		return National, nil
	}
	return "", ValidRegion(code)
}
