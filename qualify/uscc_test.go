package qualify

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCheckUSCC(t *testing.T) {
	tests := []struct {
		name, in  string
		verdict   Verdict
		code      string
		expected  byte
		kindName  string
		authName  string
		region    string
		reasonHas string
	}{
		{name: "company Xiamen", in: "91350200776049653A", verdict: VerdictValid, code: "91350200776049653A", expected: 'A',
			kindName: "企业", authName: "市场监管（原工商）", region: "350200"},
		{name: "company Guangzhou", in: "91440101MA5CJQ4N59", verdict: VerdictValid, code: "91440101MA5CJQ4N59", expected: '9', region: "440101"},
		{name: "company Beijing", in: "91110000802100433B", verdict: VerdictValid, code: "91110000802100433B", expected: 'B', region: "110000"},
		{name: "real code failing checksum", in: "91350203M0001QAY9B", verdict: VerdictVerifyByHand, code: "91350203M0001QAY9B",
			expected: '9', reasonHas: "verify by hand"},
		{name: "lower case and spaces", in: "  91440101ma5cjq4n59\t", verdict: VerdictValid, code: "91440101MA5CJQ4N59"},
		{name: "full width", in: "９１４４０１０１ＭＡ５ＣＪＱ４Ｎ５９　", verdict: VerdictValid, code: "91440101MA5CJQ4N59"},
		{name: "empty", in: " ", verdict: VerdictMalformed, reasonHas: "empty"},
		{name: "too short", in: "91350200776049653", verdict: VerdictMalformed, reasonHas: "is 17"},
		{name: "too long", in: "91350200776049653AA", verdict: VerdictMalformed, reasonHas: "is 19"},
		{name: "letter I", in: "9135020077604965IA", verdict: VerdictMalformed, reasonHas: `"I" at position 17`},
		{name: "letter O", in: "O1350200776049653A", verdict: VerdictMalformed, reasonHas: "position 1"},
		{name: "letter S", in: "91350200776049653S", verdict: VerdictMalformed, reasonHas: "position 18"},
		{name: "letter V", in: "9V350200776049653A", verdict: VerdictMalformed, reasonHas: "position 2"},
		{name: "letter Z", in: "913502007760Z9653A", verdict: VerdictMalformed, reasonHas: "position 13"},
		{name: "punctuation", in: "91350200-76049653A", verdict: VerdictMalformed, reasonHas: "position 9"},
		{name: "Chinese", in: "9135020077604965中A", verdict: VerdictMalformed, reasonHas: "position 17"},
		{name: "individual business", in: usccWith("92440300"), verdict: VerdictValid, kindName: "个体工商户", region: "440300"},
		{name: "cooperative", in: usccWith("93310000"), verdict: VerdictValid, kindName: "农民专业合作社"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CheckUSCC(tt.in)
			if r.Verdict != tt.verdict {
				t.Fatalf("verdict %q, want %q (%s)", r.Verdict, tt.verdict, r)
			}
			if tt.code != "" && r.Code != tt.code {
				t.Errorf("code %q, want %q", r.Code, tt.code)
			}
			if tt.expected != 0 && r.Expected != tt.expected {
				t.Errorf("expected check %c, want %c", r.Expected, tt.expected)
			}
			if tt.kindName != "" && r.KindName != tt.kindName {
				t.Errorf("kind %q, want %q", r.KindName, tt.kindName)
			}
			if tt.authName != "" && r.AuthorityName != tt.authName {
				t.Errorf("authority %q, want %q", r.AuthorityName, tt.authName)
			}
			if tt.region != "" && r.Region != tt.region {
				t.Errorf("region %q, want %q", r.Region, tt.region)
			}
			if !strings.Contains(r.ReasonEN, tt.reasonHas) {
				t.Errorf("reason %q lacks %q", r.ReasonEN, tt.reasonHas)
			}
			if r.Reason == "" || r.ReasonEN == "" {
				t.Errorf("a reason is missing: %q / %q", r.Reason, r.ReasonEN)
			}
			if r.FormatOK != (r.Verdict != VerdictMalformed) || r.ChecksumOK != (r.Verdict == VerdictValid) {
				t.Errorf("flags disagree with the verdict: %+v", r)
			}
		})
	}
}

// usccWith completes a prefix into a valid code.
func usccWith(prefix string) string {
	body := prefix + "MA5CJQ4N5"[:17-len(prefix)]
	c, _ := USCCCheckChar(body)
	return body + string(c)
}

// randomBody returns 17 random characters of the code set.
func randomBody(rng *rand.Rand) []byte {
	b := make([]byte, USCCLen-1)
	for i := range b {
		b[i] = usccChars[rng.IntN(len(usccChars))]
	}
	return b
}

// TestUSCCRoundTrip: a computed check character always validates, and
// changing any one character of a valid code is always caught (31 is
// prime and no weight is 0 mod 31).
func TestUSCCRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		body := randomBody(rng)
		c, ok := USCCCheckChar(string(body))
		if !ok {
			t.Fatalf("no check character for %s", body)
		}
		code := string(body) + string(c)
		if r := CheckUSCC(code); r.Verdict != VerdictValid {
			t.Fatalf("%s: %s", code, r)
		}
		pos := rng.IntN(USCCLen)
		b := []byte(code)
		for b[pos] == code[pos] {
			b[pos] = usccChars[rng.IntN(len(usccChars))]
		}
		if r := CheckUSCC(string(b)); r.Verdict == VerdictValid {
			t.Fatalf("changing position %d of %s to %s went unnoticed", pos+1, code, b)
		}
	}
}

func TestUSCCCheckCharRejects(t *testing.T) {
	for _, body := range []string{"", "9135020077604965", "913502007760496533", "9135020077604965I"} {
		if _, ok := USCCCheckChar(body); ok {
			t.Errorf("USCCCheckChar(%q) ok", body)
		}
	}
}

// TestUSCCMasksResidentID: an ID number typed into the USCC field is not
// echoed.
func TestUSCCMasksResidentID(t *testing.T) {
	const id = "11010519491231002X"
	r := CheckUSCC(id)
	if r.Verdict != VerdictVerifyByHand {
		t.Fatalf("verdict %q", r.Verdict)
	}
	for _, s := range []string{r.Code, r.String(), r.Reason, r.ReasonEN} {
		if strings.Contains(s, id) {
			t.Errorf("full ID in %q", s)
		}
	}
	if !strings.Contains(r.ReasonEN, "resident ID") {
		t.Errorf("reason %q", r.ReasonEN)
	}
	if r := CheckUSCC("110105491231002"); r.Verdict != VerdictMalformed || strings.Contains(r.String(), "110105491231002") {
		t.Errorf("15 digits: %s", r)
	}
}
