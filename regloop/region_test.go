package regloop

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// wantCode fails unless err has the code and both its messages are well
// formatted (the two formats share one list of args).
func wantCode(t *testing.T, err error, code qinglang.ErrorCode) {
	t.Helper()
	if got := qinglang.Code(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
	if err != nil && strings.Contains(err.Error(), "%!") {
		t.Fatalf("badly formatted message: %v", err)
	}
}

func TestLevelOf(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Level
	}{
		{"000000", LevelNational},
		{"310000", LevelProvince},
		{"310100", LevelCity},
		{"310101", LevelCounty},
		{"440305", LevelCounty},   // 深圳市南山区
		{"429004", LevelCounty},   // 仙桃市, a county-level city under the province
		{"820000", LevelProvince}, // 澳门
		{"", LevelInvalid},
		{"31000", LevelInvalid},
		{"3100000", LevelInvalid},
		{"31010a", LevelInvalid},
		{"３１００００", LevelInvalid}, // full-width digits
		{"990000", LevelInvalid}, // no such province
		{"010000", LevelInvalid},
		{"310001", LevelInvalid}, // a county part under no city
	} {
		if got := LevelOf(tc.code); got != tc.want {
			t.Errorf("LevelOf(%q) = %v, want %v", tc.code, got, tc.want)
		}
		err := ValidRegion(tc.code)
		if tc.want == LevelInvalid {
			wantCode(t, err, qinglang.EINVALID)
		} else if err != nil {
			t.Errorf("ValidRegion(%q) = %v", tc.code, err)
		}
	}
}

func TestValidRegionSaysWhy(t *testing.T) {
	for code, want := range map[string]string{
		"":       "missing",
		"31x000": "6 digits",
		"990000": "province",
		"310001": "under no city",
	} {
		err := ValidRegion(code)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidRegion(%q) = %v, want it to mention %q", code, err, want)
		}
	}
}

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"000000", "000000", true},
		{"000000", "310101", true},
		{"000000", "110000", true},
		{"310000", "310000", true},
		{"310000", "310100", true},
		{"310000", "310101", true},
		{"310000", "320101", false},
		{"310000", "000000", false},
		{"310100", "310101", true},
		{"310100", "310100", true},
		{"310100", "310000", false},
		{"310100", "310201", false},
		{"310101", "310101", true},
		{"310101", "310102", false},
		{"310101", "310100", false},
		{"440300", "440305", true},
		{"440300", "440105", false},
		{"000000", "", false},
		{"", "310000", false},
		{"990000", "990100", false},
		{"000000", "990100", false},
	} {
		if got := Covers(tc.a, tc.b); got != tc.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestStrictlyCovers(t *testing.T) {
	if StrictlyCovers("310000", "310000") || !StrictlyCovers("310000", "310101") || StrictlyCovers("310101", "310000") {
		t.Fatal("StrictlyCovers wrong")
	}
	if StrictlyCovers("000000", "000000") || !StrictlyCovers("000000", "110000") {
		t.Fatal("StrictlyCovers wrong at the national level")
	}
}

func TestParentChain(t *testing.T) {
	var chain []string
	for c := "440305"; ; {
		chain = append(chain, c)
		p, err := Parent(c)
		if err != nil {
			t.Fatal(err)
		}
		if p == c {
			break
		}
		if !StrictlyCovers(p, c) {
			t.Fatalf("parent %s does not strictly cover %s", p, c)
		}
		c = p
	}
	if got := strings.Join(chain, " "); got != "440305 440300 440000 000000" {
		t.Fatalf("chain = %s", got)
	}
	for _, bad := range []string{"", "990000", "310001"} {
		_, err := Parent(bad)
		wantCode(t, err, qinglang.EINVALID)
	}
}

func TestLevelNames(t *testing.T) {
	for _, l := range []Level{LevelInvalid, LevelCounty, LevelCity, LevelProvince, LevelNational} {
		zh, en := l.Name()
		if zh == "" || en == "" || zh == en {
			t.Errorf("level %d: names %q %q", l, zh, en)
		}
	}
	if zh, en := LevelOf("310100").Name(); zh != "地市级" || en != "city" {
		t.Errorf("city level named %q %q", zh, en)
	}
}
