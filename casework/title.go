package casework

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// KindLabel names what findings of kind k are about, in Chinese and
// English, as a case's title says it ("虚假宣传" / "false claims").
func KindLabel(k qinglang.Kind) (zh, en string) {
	switch k {
	case qinglang.KindClaim:
		return "虚假宣传", "false claims"
	case qinglang.KindListing:
		return "假冒或未授权商品", "counterfeit or unauthorised goods"
	case qinglang.KindCampaign:
		return "虚假弹幕", "fake bullet comments"
	case qinglang.KindQualification:
		return "资质问题", "qualification problems"
	}
	return string(k), string(k)
}

// Title returns the title of a case about subject s with n findings, the
// first of kind lead:
//
//	主播 h1：虚假宣传                    Host h1: false claims
//	主播 h1：虚假宣传等 3 项发现          Host h1: false claims and 2 more findings
func Title(s qinglang.Subject, lead qinglang.Kind, n int) (zh, en string) {
	kzh, ken := KindLabel(lead)
	pzh, pen := titlePrefix(s)
	return pzh + kzh + countZH(n), pen + ken + countEN(n)
}

// Retitle returns c with its titles counting len(c.Findings), keeping what
// they say the case is about. A title that does not begin with the
// subject the way Title begins one (a title a person wrote) is left as it
// is. Plan retitles a case a finding joins.
func Retitle(c qinglang.Case) qinglang.Case {
	pzh, pen := titlePrefix(c.Subject)
	n := len(c.Findings)
	if lead, ok := strings.CutPrefix(c.Title, pzh); ok {
		if m := countZHRE.FindStringIndex(lead); m != nil {
			lead = lead[:m[0]]
		}
		if lead != "" {
			c.Title = pzh + lead + countZH(n)
		}
	}
	if lead, ok := strings.CutPrefix(c.TitleEN, pen); ok {
		if m := countENRE.FindStringIndex(lead); m != nil {
			lead = lead[:m[0]]
		}
		if lead != "" {
			c.TitleEN = pen + lead + countEN(n)
		}
	}
	return c
}

var (
	countZHRE = regexp.MustCompile(`等 [0-9]+ 项发现$`)
	countENRE = regexp.MustCompile(` and [0-9]+ more findings?$`)
)

// titlePrefix is how a title names its subject: "主播 h1：", "Host h1: ".
func titlePrefix(s qinglang.Subject) (zh, en string) {
	kzh, ken := s.Kind.Name()
	if r, size := utf8.DecodeRuneInString(ken); r != utf8.RuneError {
		ken = string(unicode.ToUpper(r)) + ken[size:]
	}
	return kzh + " " + s.ID + "：", ken + " " + s.ID + ": "
}

func countZH(n int) string {
	if n <= 1 {
		return ""
	}
	return "等 " + strconv.Itoa(n) + " 项发现"
}

func countEN(n int) string {
	switch {
	case n <= 1:
		return ""
	case n == 2:
		return " and 1 more finding"
	}
	return fmt.Sprintf(" and %d more findings", n-1)
}
