package httpapi

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

func TestQueryKind(t *testing.T) {
	for v, ok := range map[string]bool{
		"claim": true, "price_check2": true, "": true,
		"Claim": false, "2claim": false, "claim-x": false, strings.Repeat("a", maxKindBytes+1): false,
	} {
		q := &query{values: url.Values{"kind": {v}}}
		got := q.kind("kind")
		if (q.err == nil) != ok || (ok && got != qinglang.Kind(v)) {
			t.Errorf("kind %q: got %q err %v, want ok=%v", v, got, q.err, ok)
		}
	}
}

func TestQueryKeepsFirstError(t *testing.T) {
	q := &query{values: url.Values{"limit": {"0"}, "severity": {"bad"}}}
	q.limit("limit", 10)
	q.severity("severity")
	if q.err == nil || !strings.Contains(q.err.Error(), "limit=") || strings.Contains(q.err.Error(), "severity") {
		t.Fatalf("err %v, want the first problem (limit) only", q.err)
	}
}

func TestClip(t *testing.T) {
	if got := clip("短"); got != "短" {
		t.Errorf("clip of a short value changed it: %q", got)
	}
	long := strings.Repeat("清", 40) // 120 bytes
	got := clip(long)
	if !utf8.ValidString(got) || len(got) > 64+len("…") || !strings.HasSuffix(got, "…") {
		t.Errorf("clip(%d bytes) = %q", len(long), got)
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{16 << 20: "16 MiB", 1 << 10: "1 KiB", 1536: "1536 B", 100: "100 B", 3 << 19: "1536 KiB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
