package brands

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// testRegistry is the default registry plus the fixture of real-world
// spellings (no sellers; see testdata/fixture.yaml).
func testRegistry(t testing.TB) *Registry {
	t.Helper()
	f, err := os.Open("testdata/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fix, err := LoadYAML("testdata/fixture.yaml", f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRegistry(append(Default().Brands(), fix.Brands()...)...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func date(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, China)
	if err != nil {
		panic(err)
	}
	return t
}

func rules(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Rule+":"+r.Brand)
	}
	return out
}

func find(rs []Result, rule string) *Result {
	for i := range rs {
		if rs[i].Rule == rule {
			return &rs[i]
		}
	}
	return nil
}

// checkSpan asserts that the span lies in the original and holds want.
func checkSpan(t *testing.T, orig string, sp Span, want string) {
	t.Helper()
	if sp.Start < 0 || sp.End > len(orig) || sp.Start > sp.End || orig[sp.Start:sp.End] != sp.Text {
		t.Fatalf("span %+v does not lie in %q", sp, orig)
	}
	if sp.Text != want {
		t.Errorf("span text %q, want %q", sp.Text, want)
	}
}

func TestUnauthorisedShowsAuthorisation(t *testing.T) {
	c := NewChecker(testRegistry(t))
	l := Listing{Title: "鹿野 飞羚跑鞋 男款 2025新品", Merchant: "m-shady-9", Category: qinglang.CatApparel, PriceFen: 45900, At: date("2025-06-12 20:00")}
	rs := c.CheckListing(l)
	r := find(rs, RuleUnauthorised)
	if r == nil {
		t.Fatalf("not caught: %v", rules(rs))
	}
	if r.Auth == nil || r.Auth.Authorised || r.Auth.Status != StatusNotListed || len(r.Auth.Sellers) != 2 {
		t.Fatalf("authorisation = %+v", r.Auth)
	}
	checkSpan(t, l.Title, r.Span, "鹿野")
	if r.Brand != "luye" || r.Severity != qinglang.SeverityMedium || !strings.Contains(r.Message, "m-shady-9") || !strings.Contains(r.Basis, "第五十七条") {
		t.Errorf("result = %+v", r)
	}
}

func TestAuthorisedWithinDatesThenExpired(t *testing.T) {
	c := NewChecker(testRegistry(t))
	l := Listing{Title: "LUYE飞羚跑鞋", Merchant: "m-demo-002", Category: qinglang.CatApparel, PriceFen: 45900}
	for _, at := range []string{"2024-06-01 00:00", "2025-06-30 23:59"} {
		l.At = date(at)
		if rs := c.CheckListing(l); len(rs) != 0 {
			t.Errorf("%s: authorised seller flagged: %v", at, rules(rs))
		}
	}
	l.At = date("2025-07-01 00:00")
	r := find(c.CheckListing(l), RuleUnauthorised)
	if r == nil || r.Auth.Status != StatusExpired || r.Auth.Grant == nil || r.Auth.Grant.Merchant != "m-demo-002" {
		t.Fatalf("after the end date: %+v", r)
	}
	if !strings.Contains(r.Message, "2025-06-30") {
		t.Errorf("message lacks the end date: %s", r.Message)
	}
	l.At = date("2024-05-31 23:59")
	if r := find(c.CheckListing(l), RuleUnauthorised); r == nil || r.Auth.Status != StatusNotYet {
		t.Fatalf("before the start date: %+v", r)
	}
}

func TestBrandField(t *testing.T) {
	c := NewChecker(testRegistry(t))
	l := Listing{Title: "男士运动跑鞋 透气", Brand: "Nike", Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: 39900, At: date("2025-06-12 20:00")}
	r := find(c.CheckListing(l), RuleUnauthorised)
	if r == nil || r.Span.Source != SourceBrand || r.Brand != "nike" {
		t.Fatalf("brand field: %+v", r)
	}
	checkSpan(t, l.Brand, r.Span, "Nike")
}

func TestCompatibilityIsNoClaim(t *testing.T) {
	c := NewChecker(testRegistry(t))
	for _, title := range []string{
		"适用于iPhone 15 的手机壳",
		"適用於iPhone 15 的手機殼",
		"手机壳 for iPhone 15 Pro",
		"兼容苹果 充电线",
		"可替换戴森吸头 V10",
		"戴森V10吸头配件",
		"戴森同款配件 滤网",
	} {
		l := Listing{Title: title, Merchant: "m-x", Category: qinglang.CatElectronics, PriceFen: 1990, At: date("2025-06-12 20:00")}
		if rs := c.CheckListing(l); len(rs) != 0 {
			t.Errorf("%q: %v", title, rules(rs))
		}
	}
	// Without the cue it is a claim.
	l := Listing{Title: "iPhone 15 256G", Merchant: "m-x", Category: qinglang.CatElectronics, PriceFen: 1990, At: date("2025-06-12 20:00")}
	if find(c.CheckListing(l), RuleUnauthorised) == nil {
		t.Error("iPhone 15 without a cue not caught")
	}
}

func TestSlangWithBrand(t *testing.T) {
	c := NewChecker(testRegistry(t))
	cases := []struct {
		title, slang, span string
	}{
		{"莆田纯原 耐克 AJ1", "纯原", "纯原 耐克"},
		{"高仿LV包 1:1", "高仿", "高仿LV"},
		{"高仿LV包 1:1", "1:1", "LV包 1:1"},
		{"ＮＩＫＥ 超Ａ 運動鞋", "超a", "ＮＩＫＥ 超Ａ"},
		{"香奈兒 復刻 口紅", "复刻", "香奈兒 復刻"},
		{"一比一 路易威登 老花", "1比1", "一比一 路易威登"},
	}
	for _, tc := range cases {
		l := Listing{Title: tc.title, Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: 19900, At: date("2025-06-12 20:00")}
		var got *Result
		for _, r := range c.CheckListing(l) {
			if r.Rule == RuleSlang && r.Slang == tc.slang {
				got = &r
			}
		}
		if got == nil {
			t.Errorf("%q: slang %q not caught", tc.title, tc.slang)
			continue
		}
		if got.Severity != qinglang.SeverityCritical || got.Auth == nil {
			t.Errorf("%q: %+v", tc.title, got)
		}
		checkSpan(t, tc.title, got.Span, tc.span)
	}
	// AJ1 is the line; its floor applies.
	l := Listing{Title: "莆田纯原 耐克 AJ1", Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: 19900, At: date("2025-06-12 20:00")}
	if r := find(c.CheckListing(l), RuleBelowFloor); r == nil || r.FloorFen != 89900 || r.Line != "AJ1" {
		t.Errorf("line floor: %+v", r)
	}
}

func TestSlangNotReported(t *testing.T) {
	c := NewChecker(testRegistry(t))
	for _, title := range []string{
		"高仿 真皮 手提包",        // no brand: the claims pack's business
		"鹿野 官方复刻 九十年代跑鞋",   // the brand's own re-release
		"保时捷 1:18 合金车模",    // a model scale, and no brand here
		"耐克 运动鞋 男 春季新款 正品", // no slang
		"适用于戴森 1:1 替换滤网",   // compatibility mention
		"耐克 1:18 鞋模摆件",     // 1:18 is no 1:1
		"鹿野 原单号查询",         // the original order number
	} {
		l := Listing{Title: title, Merchant: "m-demo-001", Category: qinglang.CatApparel, PriceFen: 99900, At: date("2025-06-12 20:00")}
		if r := find(c.CheckListing(l), RuleSlang); r != nil {
			t.Errorf("%q: %+v", title, r)
		}
	}
}

func TestSpeech(t *testing.T) {
	c := NewChecker(testRegistry(t))
	text := "家人们这款是莆田的耐克，跟专柜一样"
	rs := c.CheckSpeech(text, "m-x", date("2025-06-12 20:00"))
	if len(rs) != 1 || rs[0].Rule != RuleSlang || rs[0].Span.Source != SourceSpeech {
		t.Fatalf("speech: %v", rules(rs))
	}
	checkSpan(t, text, rs[0].Span, "莆田的耐克")
	if rs := c.CheckSpeech("比耐克还舒服，这是我们自己的牌子", "m-x", time.Now()); len(rs) != 0 {
		t.Errorf("comparison flagged: %v", rules(rs))
	}
}

func TestLatinBoundaries(t *testing.T) {
	c := NewChecker(testRegistry(t))
	cases := map[string]bool{
		"SNIKERS 休闲鞋":   false,
		"NIKEY 童装":      false,
		"Nike Air 跑鞋":   true,
		"耐克nike跑鞋":      true,
		"ＮＩＫＥ運動鞋":       true,
		"N-I-K-E 跑鞋":    true,
		"ELVIS 印花T恤":    false, // LV inside a word
		"LV老花 托特包":      true,
		"AJ11 篮球鞋 无品牌":  false, // AJ1 inside AJ11, and no brand
		"CLEVER 收纳盒":    false,
		"Naike 运动裤 正品":  true,
		"snaike 运动裤":    false,
		"applepie 烘焙模具": false,
	}
	for title, want := range cases {
		l := Listing{Title: title, Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: 99900, At: date("2025-06-12 20:00")}
		got := find(c.CheckListing(l), RuleUnauthorised) != nil
		if got != want {
			t.Errorf("%q: caught=%v, want %v", title, got, want)
		}
	}
}

func TestWeakNames(t *testing.T) {
	c := NewChecker(testRegistry(t))
	at := date("2025-06-12 20:00")
	fruit := Listing{Title: "烟台红富士苹果 5斤装", Merchant: "m-x", Category: qinglang.CatAgri, PriceFen: 2990, At: at}
	if rs := c.CheckListing(fruit); len(rs) != 0 {
		t.Errorf("fruit: %v", rules(rs))
	}
	phone := Listing{Title: "苹果15 256G 全新", Merchant: "m-x", Category: qinglang.CatElectronics, PriceFen: 99900, At: at}
	if find(c.CheckListing(phone), RuleUnauthorised) == nil {
		t.Error("苹果 in an electronics listing not caught")
	}
}

func TestPriceFloor(t *testing.T) {
	r := testRegistry(t)
	c := NewChecker(r)
	at := date("2025-06-12 20:00")
	// Authorised seller, 鹿野 floor 99.00, 30% = 29.70.
	l := Listing{Title: "鹿野 速干T恤", Merchant: "m-demo-001", Category: qinglang.CatApparel, PriceFen: 2900, At: at}
	res := find(c.CheckListing(l), RuleBelowFloor)
	if res == nil || res.FloorFen != 9900 || res.Severity != qinglang.SeverityMedium || res.Ratio != 0.3 {
		t.Fatalf("below floor: %+v", res)
	}
	l.PriceFen = 2970
	if rs := c.CheckListing(l); len(rs) != 0 {
		t.Errorf("at 30%%: %v", rules(rs))
	}
	// The line's floor (399.00) applies to 飞羚跑鞋; unauthorised → high.
	l = Listing{Title: "鹿野飞羚跑鞋", Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: 9900, At: at}
	res = find(c.CheckListing(l), RuleBelowFloor)
	if res == nil || res.FloorFen != 39900 || res.Severity != qinglang.SeverityHigh {
		t.Fatalf("line floor: %+v", res)
	}
	checkSpan(t, l.Title, res.Span, "飞羚跑鞋")
	// A configured ratio.
	c.FloorRatio = 0.5
	l = Listing{Title: "鹿野 速干T恤", Merchant: "m-demo-001", Category: qinglang.CatApparel, PriceFen: 4000, At: at}
	if find(c.CheckListing(l), RuleBelowFloor) == nil {
		t.Error("ratio 0.5 not applied")
	}
}

func TestNilChecker(t *testing.T) {
	var c *Checker
	if c.CheckListing(Listing{Title: "耐克"}) != nil || c.CheckSpeech("耐克", "", time.Time{}) != nil {
		t.Fatal("nil checker returned results")
	}
}
