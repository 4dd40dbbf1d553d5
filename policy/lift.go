package policy

import (
	"time"

	"github.com/qinglang/qinglang"
)

// Lift returns m lifted, and true, when it is active and its end has come
// (EndsAt at or before now); otherwise m unchanged and false. An active
// measure without an end is never lifted here.
func Lift(m qinglang.Measure, now time.Time) (qinglang.Measure, bool) {
	if !due(m, now) {
		return m, false
	}
	m.State = qinglang.MeasureLifted
	return m, true
}

// DueToLift returns the measures of ms that Lift would lift at now, as
// they are (still active), in their order.
func DueToLift(ms []qinglang.Measure, now time.Time) []qinglang.Measure {
	var out []qinglang.Measure
	for _, m := range ms {
		if due(m, now) {
			out = append(out, m)
		}
	}
	return out
}

func due(m qinglang.Measure, now time.Time) bool {
	return m.State == qinglang.MeasureActive && !m.EndsAt.IsZero() && !now.Before(m.EndsAt)
}
