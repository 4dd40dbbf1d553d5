package policy

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestLift(t *testing.T) {
	end := t0.Add(7 * Day)
	active := qinglang.Measure{ID: "m1", State: qinglang.MeasureActive, StartsAt: t0, EndsAt: end}
	if m, ok := Lift(active, end.Add(-time.Nanosecond)); ok || m.State != qinglang.MeasureActive {
		t.Errorf("lifted before its end: %+v", m)
	}
	m, ok := Lift(active, end)
	if !ok || m.State != qinglang.MeasureLifted || m.ID != "m1" || !m.EndsAt.Equal(end) {
		t.Errorf("Lift at its end = %+v, %v", m, ok)
	}
	if active.State != qinglang.MeasureActive {
		t.Errorf("Lift changed its argument")
	}
	for _, st := range []qinglang.MeasureState{qinglang.MeasureProposed, qinglang.MeasureRejected, qinglang.MeasureLifted, qinglang.MeasureRevoked} {
		m := active
		m.State = st
		if got, ok := Lift(m, end.Add(Day)); ok || got.State != st {
			t.Errorf("Lift of a %s measure = %+v, %v", st, got, ok)
		}
	}
	noEnd := qinglang.Measure{State: qinglang.MeasureActive, StartsAt: t0}
	if _, ok := Lift(noEnd, t0.Add(1000*Day)); ok {
		t.Errorf("lifted a measure without an end")
	}
}

func TestDueToLift(t *testing.T) {
	now := t0.Add(10 * Day)
	ms := []qinglang.Measure{
		{ID: "past", State: qinglang.MeasureActive, EndsAt: t0.Add(7 * Day)},
		{ID: "future", State: qinglang.MeasureActive, EndsAt: t0.Add(30 * Day)},
		{ID: "now", State: qinglang.MeasureActive, EndsAt: now},
		{ID: "proposed", State: qinglang.MeasureProposed, EndsAt: t0},
		{ID: "lifted", State: qinglang.MeasureLifted, EndsAt: t0},
	}
	got := DueToLift(ms, now)
	if len(got) != 2 || got[0].ID != "past" || got[1].ID != "now" || got[0].State != qinglang.MeasureActive {
		t.Errorf("DueToLift = %+v", got)
	}
	if DueToLift(nil, now) != nil {
		t.Errorf("DueToLift(nil) not nil")
	}
}

// An automatic measure from a proposal is lifted when its duration is over.
func TestLiftProposedMeasure(t *testing.T) {
	p := mustLoad(t, validYAML)
	pr, err := p.Propose(nil, []Deduction{ded("a", 6, 0)}, t0)
	if err != nil || pr == nil || !pr.Auto {
		t.Fatalf("Propose = %+v, %v", pr, err)
	}
	m := pr.Measure("c", t0)
	if len(DueToLift([]qinglang.Measure{m}, t0.Add(7*Day-time.Second))) != 0 {
		t.Errorf("due before its end")
	}
	if m, ok := Lift(m, t0.Add(7*Day)); !ok || m.State != qinglang.MeasureLifted {
		t.Errorf("not lifted after 7 days: %+v", m)
	}
}
