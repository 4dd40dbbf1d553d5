package authz

import "testing"

func TestValidRegion(t *testing.T) {
	for code, want := range map[string]bool{
		"000000": true, "310000": true, "310100": true, "310115": true, "429004": true,
		"": false, "31000": false, "3100000": false, "31000a": false, "３１００００": false,
		"001000": false, "000001": false, "-10000": false,
	} {
		if got := ValidRegion(code); got != want {
			t.Errorf("ValidRegion(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"000000", "000000", true},
		{"000000", "310000", true},
		{"000000", "440305", true},
		{"310000", "310000", true}, // 上海市
		{"310000", "310100", true},
		{"310000", "310115", true}, // 浦东新区
		{"310000", "320000", false},
		{"310000", "000000", false}, // a province does not cover the nation
		{"440300", "440305", true},  // 深圳市 ⊇ 南山区
		{"440300", "440300", true},
		{"440300", "440100", false}, // 广州市
		{"440300", "440000", false}, // a city does not cover its province
		{"440300", "450305", false},
		{"440305", "440305", true},
		{"440305", "440306", false},
		{"440305", "440300", false},
		{"", "310000", false},
		{"310000", "", false},
		{"31", "310000", false},
		{"310000", "31xxxx", false},
		{"000000", "bad", false},
	} {
		if got := Covers(tc.a, tc.b); got != tc.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
