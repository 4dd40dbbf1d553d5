package qualify

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestDefaultRequirements(t *testing.T) {
	r := DefaultRequirements()
	for _, c := range qinglang.Categories {
		if _, ok := r[c]; !ok {
			t.Errorf("category %q missing from the default matrix", c)
		}
	}
	if len(r[qinglang.CatHealthFood]) != 2 || !slices.Contains(r[qinglang.CatFood][0].AnyOf, KindPrepackagedFoodFiling) {
		t.Errorf("unexpected matrix: %+v", r)
	}
	if !r[qinglang.CatElectronics][0].Conditional {
		t.Error("CCC should be conditional")
	}
	// a copy: changing it leaves the default alone
	r[qinglang.CatFood][0].AnyOf[0] = KindCCC
	if DefaultRequirements()[qinglang.CatFood][0].AnyOf[0] != KindFoodBusiness {
		t.Error("DefaultRequirements shares its slices")
	}
}

func TestMissing(t *testing.T) {
	on := date(2026, 3, 1)
	valid := Validity{From: date(2022, 1, 1), To: date(2027, 1, 1)}
	expired := Validity{From: date(2019, 1, 1), To: date(2024, 1, 1)}
	later := Validity{From: date(2026, 4, 1), To: date(2031, 4, 1)}
	soon := Validity{From: date(2021, 3, 10), To: date(2026, 3, 9)}
	jy := Licence{Kind: KindFoodBusiness, Number: "JY13502030012345", Validity: valid}
	jyOld := Licence{Kind: KindFoodBusiness, Number: "JY13502030000001", Validity: expired}
	reg := Licence{Kind: KindHealthFoodRegistration, Number: "国食健注G20160001"}
	qs := Licence{Kind: KindFoodProduction, Number: "QS350201010001", Obsolete: true}
	tests := []struct {
		name    string
		cat     qinglang.Category
		held    []Licence
		reasons []GapReason
		numbers []string
	}{
		{"food, nothing held", qinglang.CatFood, nil, []GapReason{GapMissing}, []string{""}},
		{"food, licence", qinglang.CatFood, []Licence{jy}, nil, nil},
		{"food, filing instead", qinglang.CatFood, []Licence{{Kind: KindPrepackagedFoodFiling}}, nil, nil},
		{"food, expiring soon still counts", qinglang.CatFood, []Licence{{Kind: KindFoodBusiness, Validity: soon}}, nil, nil},
		{"food, expired", qinglang.CatFood, []Licence{jyOld}, []GapReason{GapExpired}, []string{jyOld.Number}},
		{"food, expired and valid", qinglang.CatFood, []Licence{jyOld, jy}, nil, nil},
		{"food, not yet valid", qinglang.CatFood, []Licence{jyOld, {Kind: KindFoodBusiness, Number: "N", Validity: later}},
			[]GapReason{GapNotYetValid}, []string{"N"}},
		{"food, latest expired named", qinglang.CatFood, []Licence{{Kind: KindFoodBusiness, Number: "A", Validity: Validity{To: date(2020, 1, 1)}}, jyOld},
			[]GapReason{GapExpired}, []string{jyOld.Number}},
		{"health food, product only", qinglang.CatHealthFood, []Licence{reg}, []GapReason{GapMissing}, []string{""}},
		{"health food, both", qinglang.CatHealthFood, []Licence{reg, jy}, nil, nil},
		{"health food, none", qinglang.CatHealthFood, nil, []GapReason{GapMissing, GapMissing}, []string{"", ""}},
		{"apparel needs nothing", qinglang.CatApparel, nil, nil, nil},
		{"unknown category", qinglang.Category("weapons"), nil, nil, nil},
		{"electronics, conditional", qinglang.CatElectronics, nil, []GapReason{GapMissing}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gaps := Missing(tt.cat, tt.held, on)
			if len(gaps) != len(tt.reasons) {
				t.Fatalf("gaps %+v, want reasons %v", gaps, tt.reasons)
			}
			for i, g := range gaps {
				if g.Reason != tt.reasons[i] || g.Number != tt.numbers[i] || g.Category != tt.cat {
					t.Errorf("gap %d: %+v", i, g)
				}
				if g.Item == "" || g.ItemEN == "" || !strings.Contains(g.Message, g.Item) || !strings.Contains(g.MessageEN, g.ItemEN) {
					t.Errorf("gap %d names nothing: %+v", i, g)
				}
				if g.Need.Conditional && !strings.Contains(g.MessageEN, "check by hand") {
					t.Errorf("conditional gap not marked: %q", g.MessageEN)
				}
			}
		})
	}
	// an obsolete licence of the right kind does not count
	r := Requirements{qinglang.CatFood: {{AnyOf: []LicenceKind{KindFoodProduction}}}}
	gaps := r.Missing(qinglang.CatFood, []Licence{qs}, on)
	if len(gaps) != 1 || gaps[0].Reason != GapObsolete || gaps[0].Number != qs.Number {
		t.Errorf("obsolete: %+v", gaps)
	}
}

func TestNeedName(t *testing.T) {
	zh, en := Need{AnyOf: []LicenceKind{KindFoodBusiness, KindPrepackagedFoodFiling}}.Name()
	if zh != "食品经营许可证或仅销售预包装食品备案" || en != "food business licence or pre-packaged food sales filing" {
		t.Errorf("%q / %q", zh, en)
	}
}

func TestParseRequirements(t *testing.T) {
	r, err := ParseRequirements("r.yaml", []byte(`
food:
  - food_business              # shorthand
  - any_of: [ccc, drug_trading]
    conditional: true
apparel:
jewelry: []
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(r) != 3 || len(r[qinglang.CatFood]) != 2 || len(r[qinglang.CatApparel]) != 0 {
		t.Errorf("got %+v", r)
	}
	if !slices.Equal(r[qinglang.CatFood][1].AnyOf, []LicenceKind{KindCCC, KindDrugTrading}) || !r[qinglang.CatFood][1].Conditional {
		t.Errorf("any_of %v", r[qinglang.CatFood][1].AnyOf)
	}
}

func TestParseRequirementsErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // each in the English message
		wantZH     string
	}{
		{"empty", "", []string{"r.yaml: the file is empty"}, "文件为空"},
		{"syntax", "food:\n  - [a\n", []string{"malformed YAML"}, "YAML 格式错误"},
		{"not a mapping", "- food\n", []string{"line 1: the top level"}, "顶层"},
		{"unknown category", "food: []\nweapons: []\n", []string{`line 2, weapons: unknown category "weapons"`}, "第 2 行 weapons：未知的品类"},
		{"duplicate category", "food: []\nfood: []\n", []string{"line 2, food: the category is given twice"}, "品类重复"},
		{"unknown kind", "food:\n  - any_of: [food_business, fud]\n", []string{`line 2, food[0].any_of[1]: unknown licence kind "fud"`}, "未知的许可种类"},
		{"unknown kind shorthand", "cosmetics:\n  - lipstick\n", []string{`line 2, cosmetics[0]: unknown licence kind "lipstick"`}, "第 2 行"},
		{"unknown key", "food:\n  - any_of: [ccc]\n    anyof: [ccc]\n", []string{"line 3, food[0].anyof: unknown key"}, "未知的键"},
		{"missing any_of", "food:\n  - conditional: true\n", []string{"line 2, food[0]: any_of is missing"}, "缺少 any_of"},
		{"empty any_of", "food:\n  - any_of: []\n", []string{"line 2, food[0].any_of: should be a non-empty list"}, "非空"},
		{"bad conditional", "food:\n  - any_of: [ccc]\n    conditional: yes\n", []string{"line 3, food[0].conditional: should be true or false"}, "true 或 false"},
		{"not a list", "food: food_business\n", []string{"line 1, food: should be a list"}, "列表"},
		{"several", "food:\n  - fud\nagri:\n  - agri_licence\n", []string{"line 2, food[0]", "line 4, agri[0]"}, "；"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRequirements("r.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error; got %+v", r)
			}
			var e *qinglang.Error
			if !errors.As(err, &e) || e.Code != qinglang.EINVALID {
				t.Fatalf("not an EINVALID *qinglang.Error: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(e.MessageEN, w) {
					t.Errorf("%q lacks %q", e.MessageEN, w)
				}
			}
			if !strings.Contains(e.Message, tt.wantZH) {
				t.Errorf("%q lacks %q", e.Message, tt.wantZH)
			}
		})
	}
}
