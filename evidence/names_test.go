package evidence

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestNames(t *testing.T) {
	if got := caseStateName(qinglang.CaseAppealed); got != (bi{"申诉中", "appealed"}) {
		t.Errorf("appealed = %v", got)
	}
	if got := caseStateName("odd"); got != (bi{"odd", "odd"}) {
		t.Errorf("an unknown state = %v", got)
	}
	// Every value the root package defines has a name.
	for _, s := range qinglang.CaseStates {
		if got := caseStateName(s); got.ZH == string(s) {
			t.Errorf("case state %s has no name", s)
		}
	}
	for _, c := range qinglang.Categories {
		if got := categoryName(c); got.ZH == string(c) || got.EN == "unknown category" {
			t.Errorf("category %s has no name", c)
		}
	}
	for _, e := range qinglang.EventTypes {
		if _, ok := eventTypeNames[e]; !ok {
			t.Errorf("event type %s has no name", e)
		}
	}
	if got := measureName(qinglang.MeasureBlacklist); got.ZH != "列入黑名单" {
		t.Errorf("blacklist = %v", got)
	}
	yes := true
	if maybe(nil).EN != "not sent" || maybe(&yes).ZH != "是" || yesNo(false).EN != "no" {
		t.Error("flags misnamed")
	}
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]bi{
		0:                  {"不适用", "not applicable"},
		24 * time.Hour:     {"1 天", "1 day"},
		7 * 24 * time.Hour: {"7 天", "7 days"},
		36 * time.Hour:     {"36h0m0s", "36h0m0s"},
	} {
		if got := duration(d); got != want {
			t.Errorf("duration(%v) = %v, want %v", d, got, want)
		}
	}
}

func TestWhen(t *testing.T) {
	if got := when(time.Date(2025, 6, 12, 12, 1, 2, 0, time.UTC)); got != "2025-06-12 20:01:02 (UTC+8)" {
		t.Errorf("when = %q", got)
	}
	if when(time.Time{}) != "—" || whenPtr(nil) != "—" || period(time.Time{}, time.Time{}) != "—" {
		t.Error("a zero time is not shown as —")
	}
	from := time.Date(2025, 6, 12, 16, 0, 0, 0, time.UTC)
	if got := period(from, from.Add(24*time.Hour)); got != "2025-06-13 00:00:00 (UTC+8) — 2025-06-14 00:00:00 (UTC+8)" {
		t.Errorf("period = %q", got)
	}
}
