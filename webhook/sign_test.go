package webhook

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// The worked example of the package documentation.
const (
	exampleSecret = "example-secret-0123456789abcdef"
	exampleTS     = 1772352000
	exampleBody   = `{"id":"dlv_0123456789abcdef0123456789abcdef","type":"finding","platform":"douyin","created_at":"2026-03-01T08:00:00Z","data":{"id":"f_1a2b3c"}}`
	exampleSig    = "v1=6289bd7c3797bae9b4fd0f2f66b09b2a9db2131f7a4fc0a7edd8a2366474d1d1"
)

func TestSignWorkedExample(t *testing.T) {
	if got := Sign(exampleSecret, exampleTS, []byte(exampleBody)); got != exampleSig {
		t.Fatalf("Sign = %s, want the documented %s", got, exampleSig)
	}
	if !time.Unix(exampleTS, 0).Equal(t0) {
		t.Errorf("the example's timestamp is not %s", t0)
	}
}

func TestVerify(t *testing.T) {
	body := []byte(exampleBody)
	ts := strconv.Itoa(exampleTS)
	now := time.Unix(exampleTS, 0).Add(90 * time.Second)
	ok := []struct {
		name, sig string
	}{
		{"the signature", exampleSig},
		{"one of a list", "v0=abc, v1=" + strings.Repeat("0", 64) + ", " + exampleSig},
		{"upper case hex", "v1=" + strings.ToUpper(exampleSig[3:])},
	}
	for _, c := range ok {
		if err := Verify(exampleSecret, ts, c.sig, body, now, 0); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	bad := []struct {
		name, secret, ts, sig string
		body                  []byte
		now                   time.Time
		tolerance             time.Duration
	}{
		{"wrong secret", "another-secret-0123456789", ts, exampleSig, body, now, 0},
		{"no secret", "", ts, exampleSig, body, now, 0},
		{"body changed", exampleSecret, ts, exampleSig, []byte(strings.Replace(exampleBody, "f_1a2b3c", "f_1a2b3d", 1)), now, 0},
		{"timestamp changed", exampleSecret, strconv.Itoa(exampleTS + 1), exampleSig, body, now, 0},
		{"stale", exampleSecret, ts, exampleSig, body, now.Add(5 * time.Minute), 0},
		{"from the future", exampleSecret, ts, exampleSig, body, now.Add(-7 * time.Minute), 0},
		{"stale for a tighter tolerance", exampleSecret, ts, exampleSig, body, now, time.Minute},
		{"timestamp not a number", exampleSecret, "2026-03-01T08:00:00Z", exampleSig, body, now, 0},
		{"timestamp with a sign", exampleSecret, "+" + ts, exampleSig, body, now, 0},
		{"no v1", exampleSecret, ts, "v2=" + exampleSig[3:], body, now, 0},
		{"empty header", exampleSecret, ts, "", body, now, 0},
		{"not hex", exampleSecret, ts, "v1=zz", body, now, 0},
		{"bare MAC", exampleSecret, ts, exampleSig[3:], body, now, 0},
	}
	for _, c := range bad {
		err := Verify(c.secret, c.ts, c.sig, c.body, c.now, c.tolerance)
		if qinglang.Code(err) != qinglang.EUNAUTHENTICATED {
			t.Errorf("%s: %v, want unauthenticated", c.name, err)
		}
	}
	err := Verify(exampleSecret, ts, exampleSig, body, now.Add(10*time.Minute), 0)
	if err == nil || !strings.Contains(err.Error(), "11m30s") || !strings.Contains(err.Error(), "5m0s") {
		t.Errorf("stale: %v", err)
	}
}
