package brands

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"莆田纯原 耐克 AJ1", "高仿LV包 1:1", "适用于iPhone 15 的手机壳", "ＮＩＫＥ 超Ａ",
		"SNIKERS", "一比一 路易威登", "鹿野飞羚跑鞋", "\xff\xfe耐克", "N\u200bIKE 高仿", "",
	} {
		f.Add(s, "Nike", int64(100))
	}
	r := testRegistry(f)
	c := NewChecker(r)
	at := time.Date(2025, 6, 12, 20, 0, 0, 0, China)
	f.Fuzz(func(t *testing.T, title, brand string, price int64) {
		l := Listing{Title: title, Brand: brand, Merchant: "m-x", Category: qinglang.CatApparel, PriceFen: price, At: at}
		inside := func(rs []Result) {
			for _, res := range rs {
				for _, sp := range []Span{res.Span, res.BrandSpan} {
					orig := title
					switch sp.Source {
					case SourceBrand:
						orig = brand
					case SourceSpeech, SourceTitle:
					default:
						t.Fatalf("source %q", sp.Source)
					}
					if sp.Start < 0 || sp.Start > sp.End || sp.End > len(orig) || orig[sp.Start:sp.End] != sp.Text {
						t.Fatalf("span %+v outside %q", sp, orig)
					}
					if utf8.ValidString(orig) && !utf8.ValidString(sp.Text) {
						t.Fatalf("span %+v cuts a rune of %q", sp, orig)
					}
				}
			}
		}
		inside(c.CheckListing(l))
		inside(c.CheckSpeech(title, "m-x", at))
	})
}
