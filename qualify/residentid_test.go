package qualify

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// validID completes 17 digits with their check character.
func validID(body string) string {
	c, ok := residentIDCheck(body)
	if !ok {
		panic("bad body " + body)
	}
	return body + string(c)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func TestCheckResidentID(t *testing.T) {
	on := date(2026, 3, 1)
	tests := []struct {
		name, in  string
		verdict   Verdict
		birth     time.Time
		age       int
		reasonHas string
	}{
		{name: "standard example", in: "11010519491231002X", verdict: VerdictValid, birth: date(1949, 12, 31), age: 76},
		{name: "lower-case x", in: " 11010519491231002x ", verdict: VerdictValid, age: 76},
		{name: "full width", in: "１１０１０５１９４９１２３１００２Ｘ", verdict: VerdictValid, age: 76},
		{name: "digit check", in: validID("44030420100301123"), verdict: VerdictValid, age: 16},
		{name: "16 tomorrow", in: validID("44030420100302123"), verdict: VerdictValid, age: 15},
		{name: "born today", in: validID("44030420260301123"), verdict: VerdictValid, age: 0},
		{name: "bad check", in: "110105194912310021", verdict: VerdictInvalid, reasonHas: "check character"},
		{name: "born tomorrow", in: validID("44030420260302123"), verdict: VerdictInvalid, reasonHas: "after the day"},
		{name: "30 February", in: validID("44030420000230123"), verdict: VerdictInvalid, reasonHas: "not a real date"},
		{name: "29 Feb common year", in: validID("44030420010229123"), verdict: VerdictInvalid, reasonHas: "not a real date"},
		{name: "29 Feb leap year", in: validID("44030420000229123"), verdict: VerdictValid, age: 26},
		{name: "month 13", in: validID("44030420001301123"), verdict: VerdictInvalid},
		{name: "year 1850", in: validID("44030418500101123"), verdict: VerdictInvalid, reasonHas: "before 1900"},
		{name: "15 digits", in: "110105491231002", verdict: VerdictMalformed, reasonHas: "first-generation"},
		{name: "17 digits", in: "11010519491231002", verdict: VerdictMalformed, reasonHas: "is 17"},
		{name: "letter inside", in: "1101051949123100AX", verdict: VerdictMalformed, reasonHas: "position 17"},
		{name: "bad last", in: "11010519491231002Y", verdict: VerdictMalformed, reasonHas: "position 18"},
		{name: "empty", in: "", verdict: VerdictMalformed, reasonHas: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CheckResidentID(tt.in, on)
			if r.Verdict != tt.verdict {
				t.Fatalf("verdict %q, want %q (%s)", r.Verdict, tt.verdict, r)
			}
			if !tt.birth.IsZero() && !r.Birth.Equal(time.Date(tt.birth.Year(), tt.birth.Month(), tt.birth.Day(), 0, 0, 0, 0, time.UTC)) {
				t.Errorf("birth %v, want %v", r.Birth, tt.birth)
			}
			if tt.verdict == VerdictValid && r.Age != tt.age {
				t.Errorf("age %d, want %d", r.Age, tt.age)
			}
			if !strings.Contains(r.ReasonEN, tt.reasonHas) || r.Reason == "" {
				t.Errorf("reason %q / %q lacks %q", r.Reason, r.ReasonEN, tt.reasonHas)
			}
			assertNoID(t, Normalize(tt.in), r.String(), r.Reason, r.ReasonEN, r.Masked)
		})
	}
}

// assertNoID fails when any of outs holds id, or more than its first 3 and
// last 2 characters in a row.
func assertNoID(t *testing.T, id string, outs ...string) {
	t.Helper()
	r := []rune(id)
	if len(r) < 6 {
		return
	}
	for _, s := range outs {
		for i := 0; i+6 <= len(r); i++ {
			if strings.Contains(s, string(r[i:i+6])) {
				t.Errorf("%q holds part of the ID (%q)", s, string(r[i:i+6]))
			}
		}
	}
}

func TestResidentIDSingleChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	on := date(2026, 1, 1)
	for range 2000 {
		birth := date(1940+rng.IntN(80), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		body := []byte("440304" + birth.Format("20060102") + "000")
		for i := 14; i < 17; i++ {
			body[i] = byte('0' + rng.IntN(10))
		}
		id := validID(string(body))
		r := CheckResidentID(id, on)
		if r.Verdict != VerdictValid || !r.Birth.Equal(time.Date(birth.Year(), birth.Month(), birth.Day(), 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("%s", r)
		}
		pos := rng.IntN(ResidentIDLen - 1)
		b := []byte(id)
		for b[pos] == id[pos] {
			b[pos] = byte('0' + rng.IntN(10))
		}
		if r := CheckResidentID(string(b), on); r.Verdict == VerdictValid {
			t.Fatalf("changing position %d went unnoticed", pos+1)
		}
	}
}

func TestMaskID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"11010519491231002X", "110*************2X"},
		{" 110105491231002 ", "110**********02"},
		{"123456", "123*56"},
		{"12345", "*****"},
		{"", ""},
		{"身份证号码一二三", "身份证***二三"},
	}
	for _, tt := range tests {
		if got := MaskID(tt.in); got != tt.want {
			t.Errorf("MaskID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAge(t *testing.T) {
	leap := date(2008, 2, 29)
	tests := []struct {
		birth, on time.Time
		want      int
	}{
		{date(2010, 3, 1), date(2026, 3, 1), 16},
		{date(2010, 3, 1), date(2026, 2, 28), 15},
		{leap, date(2026, 2, 28), 17},
		{leap, date(2026, 3, 1), 18},
		{leap, date(2028, 2, 29), 20},
		{date(2026, 3, 2), date(2026, 3, 1), -1},
	}
	for _, tt := range tests {
		if got := Age(tt.birth, tt.on); got != tt.want {
			t.Errorf("Age(%v, %v) = %d, want %d", tt.birth, tt.on, got, tt.want)
		}
	}
}

func TestHostAge(t *testing.T) {
	on := date(2026, 6, 15)
	tests := []struct {
		birth time.Time
		want  AgeGate
	}{
		{date(2010, 6, 16), AgeTooYoung},      // 15, 16 tomorrow
		{date(2010, 6, 15), AgeNeedsGuardian}, // 16 today
		{date(2008, 6, 16), AgeNeedsGuardian}, // 17
		{date(2008, 6, 15), AgeAllowed},       // 18 today
		{date(1980, 1, 1), AgeAllowed},
		{date(2027, 1, 1), AgeTooYoung},
	}
	for _, tt := range tests {
		if got := HostAge(tt.birth, on); got != tt.want {
			t.Errorf("HostAge(%v) = %q, want %q", tt.birth, got, tt.want)
		}
		if zh, en := tt.want.Message(); zh == "" || en == "" || zh == "未知" {
			t.Errorf("no message for %q", tt.want)
		}
	}
	strict := AgeRule{Min: 18, Adult: 18}
	if got := strict.Gate(date(2008, 6, 16), on); got != AgeTooYoung {
		t.Errorf("strict rule: %q", got)
	}
}
