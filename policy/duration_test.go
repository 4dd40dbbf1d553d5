package policy

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
	}{
		{"7d", 7 * Day},
		{"365d", 365 * Day},
		{"0d", 0},
		{"1d12h", Day + 12*time.Hour},
		{"12h", 12 * time.Hour},
		{"90m", 90 * time.Minute},
		{"1h30m", 90 * time.Minute},
	} {
		got, err := ParseDuration(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", "7", "7 days", "d", "-7d", "7dd", "1d-2h", "99999999999999d", "seven"} {
		if d, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", in, d)
		} else if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("ParseDuration(%q): code %q", in, qinglang.Code(err))
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for _, c := range []struct {
		in     time.Duration
		zh, en string
	}{
		{7 * Day, "7 天", "7 days"},
		{Day, "1 天", "1 day"},
		{36 * time.Hour, "36 小时", "36 hours"},
		{time.Hour, "1 小时", "1 hour"},
		{90 * time.Minute, "90 分钟", "90 minutes"},
		{90 * time.Second, "1m30s", "1m30s"},
	} {
		zh, en := FormatDuration(c.in)
		if zh != c.zh || en != c.en {
			t.Errorf("FormatDuration(%v) = %q, %q; want %q, %q", c.in, zh, en, c.zh, c.en)
		}
	}
}
