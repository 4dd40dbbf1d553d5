package policy

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
)

// Day is 24 hours: a policy's day, for durations written with a d suffix.
const Day = 24 * time.Hour

var daysRE = regexp.MustCompile(`^(\d+)d(.*)$`)

// ParseDuration reads a duration as a policy writes it: a Go duration
// ("12h", "90m", "1h30m") or a number of days with a d suffix ("7d",
// "365d"), optionally followed by a Go duration ("1d12h").
func ParseDuration(s string) (time.Duration, error) {
	m := daysRE.FindStringSubmatch(s)
	if m == nil {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, qinglang.Errorf(qinglang.EINVALID, "无效的时长 %q（应如 7d、12h、90m）",
				"invalid duration %q (use e.g. 7d, 12h, 90m)", s)
		}
		return d, nil
	}
	days, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || days > math.MaxInt64/int64(Day) {
		return 0, qinglang.Errorf(qinglang.EINVALID, "时长 %q 过长", "duration %q is too long", s)
	}
	d := time.Duration(days) * Day
	if m[2] == "" {
		return d, nil
	}
	rest, err := time.ParseDuration(m[2])
	if err != nil || rest < 0 || d > math.MaxInt64-rest {
		return 0, qinglang.Errorf(qinglang.EINVALID, "无效的时长 %q（应如 7d、1d12h、12h）",
			"invalid duration %q (use e.g. 7d, 1d12h, 12h)", s)
	}
	return d + rest, nil
}

// FormatDuration writes a duration for people: whole days as days ("7 天",
// "7 days"), else whole hours or minutes, else Go's notation.
func FormatDuration(d time.Duration) (zh, en string) {
	unit := func(n int64, zhUnit, enUnit string) (string, string) {
		if n != 1 {
			enUnit += "s"
		}
		return fmt.Sprintf("%d %s", n, zhUnit), fmt.Sprintf("%d %s", n, enUnit)
	}
	switch {
	case d > 0 && d%Day == 0:
		return unit(int64(d/Day), "天", "day")
	case d > 0 && d%time.Hour == 0:
		return unit(int64(d/time.Hour), "小时", "hour")
	case d > 0 && d%time.Minute == 0:
		return unit(int64(d/time.Minute), "分钟", "minute")
	}
	return d.String(), d.String()
}
