package server

import (
	"testing"
	"time"
)

func TestNextJudgeKeepsJudgingToAShareOfTheTime(t *testing.T) {
	s := &campaignStage{interval: 5 * time.Second}
	for _, c := range []struct{ last, want time.Duration }{
		{0, 5 * time.Second},                       // nothing judged yet: the interval
		{time.Second, 5 * time.Second},             // a quick Judge: the interval
		{14 * time.Second, 56 * time.Second},       // a 10M-comment window: four times as long
		{1250 * time.Millisecond, 5 * time.Second}, // exactly at the interval
	} {
		s.lastJudge = c.last
		if got := s.nextJudge(); got != c.want {
			t.Errorf("after a Judge of %v: next in %v, want %v", c.last, got, c.want)
		}
	}
}
