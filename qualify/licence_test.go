package qualify

import (
	"errors"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestParseLicence(t *testing.T) {
	tests := []struct {
		name, in string
		kind     LicenceKind
		number   string
		imported bool
		obsolete bool
		notes    []string
	}{
		{name: "food business", in: "JY13502030012345", kind: KindFoodBusiness, number: "JY13502030012345"},
		{name: "food business, spaced and lower case", in: " jy 1350 2030 0123 45 ", kind: KindFoodBusiness, number: "JY13502030012345"},
		{name: "food business, full width", in: "ＪＹ１３５０２０３００１２３４５", kind: KindFoodBusiness, number: "JY13502030012345"},
		{name: "food production", in: "SC10635020300123", kind: KindFoodProduction, number: "SC10635020300123"},
		{name: "QS obsolete", in: "QS350201010001", kind: KindFoodProduction, obsolete: true, notes: []string{"obsolete"}},
		{name: "health food registration G", in: "国食健注G20160001", kind: KindHealthFoodRegistration},
		{name: "health food registration J", in: "国食健注J20180012", kind: KindHealthFoodRegistration, imported: true, notes: []string{"imported"}},
		{name: "health food filing", in: "食健备G201835000123", kind: KindHealthFoodFiling},
		{name: "special cosmetics", in: "国妆特字G20210123", kind: KindSpecialCosmetic},
		{name: "imported special cosmetics", in: "国妆特进字J20190456", kind: KindSpecialCosmetic, imported: true},
		{name: "device registration", in: "国械注准20153460123", kind: KindDeviceRegistration},
		{name: "device imported", in: "国械注进20172220001", kind: KindDeviceRegistration, imported: true},
		{name: "device HK Macao Taiwan", in: "国械注许20163640005", kind: KindDeviceRegistration, notes: []string{"hk_macao_taiwan"}},
		{name: "device odd tail", in: "国械注准2020123", kind: KindDeviceRegistration, notes: []string{"unusual_length"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseLicence(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if l.Kind != tt.kind || l.Imported != tt.imported || l.Obsolete != tt.obsolete {
				t.Errorf("got %+v", l)
			}
			if tt.number != "" && l.Number != tt.number {
				t.Errorf("number %q, want %q", l.Number, tt.number)
			}
			for _, code := range tt.notes {
				if !hasNote(l, code) {
					t.Errorf("no note %q in %+v", code, l.Notes)
				}
			}
			if l.Validity != (Validity{}) {
				t.Errorf("validity set: %+v", l.Validity)
			}
			if !strings.Contains(l.String(), l.Number) {
				t.Errorf("String() = %q", l.String())
			}
		})
	}
}

func hasNote(l Licence, code string) bool {
	for _, n := range l.Notes {
		if n.Code == code && n.Message != "" && n.MessageEN != "" {
			return true
		}
	}
	return false
}

func TestParseLicenceErrors(t *testing.T) {
	tests := []struct{ name, in, en, zh string }{
		{"empty", "  ", "empty", "为空"},
		{"unknown prefix", "XK13502030012345", "unknown prefix", "无法识别的前缀"},
		{"short", "JY1350203001234", "followed by 14 digits, not 13", "应为 14 位数字，实为 13 位"},
		{"long", "JY135020300123456", "not 15", "实为 15 位"},
		{"letter inside", "JY13502030O12345", "position 11 should be a digit", "第 11 位应为数字"},
		{"QS short", "QS35020101000", "12 digits, not 11", "12 位"},
		{"health food origin", "国食健注X20160001", "position 5 should be G or J", "第 5 位应为 G 或 J"},
		{"health food no origin", "国食健注", "position 5", "第 5 位"},
		{"health food digits", "国食健注G2016000", "8 digits, not 7", "8 位数字"},
		{"filing non-digit", "食健备G2018350001a3", "position 15 should be a digit", "第 15 位"},
		{"domestic cosmetics with J", "国妆特字J20210123", "position 5 should be G", "应为 G"},
		{"imported cosmetics with G", "国妆特进字G20190456", "position 6 should be J", "应为 J"},
		{"device no year", "国械注准201", "4-digit year", "年份"},
		{"device old year", "国械注准20123460123", "year 2012", "2012"},
		{"device future year", "国械注准21003460123", "year 2100", "2100"},
		{"device only year", "国械注准2015", "missing", "缺少"},
		{"device letter", "国械注准2015346O123", "position 12 should be a digit", "第 12 位"},
		{"device wrong prefix", "国械注册20153460123", "unknown prefix", "前缀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLicence(tt.in)
			if err == nil {
				t.Fatal("no error")
			}
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Errorf("code %q", qinglang.Code(err))
			}
			var e *qinglang.Error
			if !errors.As(err, &e) {
				t.Fatalf("not a *qinglang.Error: %T", err)
			}
			if !strings.Contains(e.MessageEN, tt.en) || !strings.Contains(e.Message, tt.zh) {
				t.Errorf("messages %q / %q lack %q / %q", e.Message, e.MessageEN, tt.en, tt.zh)
			}
			if strings.Contains(e.Error(), "%!") {
				t.Errorf("bad format: %q", e.Error())
			}
		})
	}
}

func TestKinds(t *testing.T) {
	seen := map[LicenceKind]bool{}
	for _, k := range Kinds {
		if seen[k] || !k.Known() {
			t.Errorf("kind %q repeated or unknown", k)
		}
		seen[k] = true
		if zh, en := k.Name(); zh == string(k) || en == string(k) {
			t.Errorf("kind %q has no name", k)
		}
	}
	if LicenceKind("nope").Known() {
		t.Error("nope is known")
	}
	// no prefix may shadow a later one
	for i, f := range licenceFormats {
		for _, g := range licenceFormats[i+1:] {
			if strings.HasPrefix(g.prefix, f.prefix) {
				t.Errorf("%q shadows %q", f.prefix, g.prefix)
			}
		}
	}
}
