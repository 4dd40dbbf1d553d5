package qualify

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

func FuzzCheckUSCC(f *testing.F) {
	for _, s := range []string{"91350200776049653A", "91350203M0001QAY9B", "11010519491231002X", "", "ＩＯＳＶＺ", "9135020077604965\xff", "９１３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := CheckUSCC(s)
		switch r.Verdict {
		case VerdictValid, VerdictVerifyByHand, VerdictMalformed:
		default:
			t.Fatalf("verdict %q", r.Verdict)
		}
		if r.Reason == "" || r.ReasonEN == "" {
			t.Fatal("no reason")
		}
		if r.Verdict == VerdictValid {
			if len(r.Code) != USCCLen || r.Code[USCCLen-1] != r.Expected {
				t.Fatalf("valid but %+v", r)
			}
			if again := CheckUSCC(r.Code); again.Verdict != VerdictValid || again.Code != r.Code {
				t.Fatalf("not idempotent: %+v", again)
			}
		}
	})
}

func FuzzParseLicence(f *testing.F) {
	for _, s := range []string{"JY13502030012345", "QS350201010001", "国食健注G20160001", "食健备J201835000123",
		"国妆特进字J20190456", "国械注准20153460123", "国械注许2", "国食健注", "JY", "\xe5\x9b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLicence(s)
		if err != nil {
			if qinglang.Code(err) != qinglang.EINVALID || strings.Contains(err.Error(), "%!") {
				t.Fatalf("error %v", err)
			}
			return
		}
		if !l.Kind.Known() || l.Number == "" || !utf8.ValidString(l.Number) {
			t.Fatalf("licence %+v", l)
		}
		if again, err := ParseLicence(l.Number); err != nil || again.Number != l.Number || again.Kind != l.Kind {
			t.Fatalf("not idempotent: %+v, %v", again, err)
		}
	})
}

func FuzzCheckResidentID(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "110105491231002", "", "１１０１０５１９４９１２３１００２Ｘ", "44030420000229123X"} {
		f.Add(s)
	}
	on := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		r := CheckResidentID(s, on)
		if r.Reason == "" || r.ReasonEN == "" {
			t.Fatal("no reason")
		}
		if n := Normalize(s); utf8.RuneCountInString(n) >= 15 {
			for _, out := range []string{r.String(), r.Reason, r.ReasonEN, r.Masked} {
				if strings.Contains(out, n) {
					t.Fatalf("full number in %q", out)
				}
			}
		}
		if r.Verdict == VerdictValid && (r.Age < 0 || r.Birth.After(on)) {
			t.Fatalf("valid with age %d", r.Age)
		}
	})
}
