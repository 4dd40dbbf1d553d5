package policy

import (
	"math"
	"time"

	"github.com/qinglang/qinglang"
)

// Deduction is the points one finding deducted from one subject.
type Deduction struct {
	Subject   qinglang.Subject
	FindingID string
	Rule      string
	Severity  qinglang.Severity
	Points    float64
	At        time.Time
}

// Deduct is the deduction the policy makes from subject s for finding f
// at time at (points by PointsFor).
func (p *Policy) Deduct(s qinglang.Subject, f qinglang.Finding, at time.Time) Deduction {
	return Deduction{Subject: s, FindingID: f.ID, Rule: f.Rule, Severity: f.Severity,
		Points: p.PointsFor(f.Rule, f.Severity), At: at}
}

// InForce reports whether d counts at time at: from its time until its
// time plus the policy's expiry (excluded).
func (p *Policy) InForce(d Deduction, at time.Time) bool {
	return !at.Before(d.At) && at.Before(d.At.Add(p.Expiry))
}

// ExpiresAt is when d stops counting.
func (p *Policy) ExpiresAt(d Deduction) time.Time { return d.At.Add(p.Expiry) }

// Standing is subject s's points in force at time at: the sum of its
// deductions not yet expired (a deduction dated after at does not count
// yet). A finding counts once: of several deductions with the same
// non-empty FindingID only the earliest counts. The sum is rounded to a
// millionth of a point so that thresholds compare as written.
func (p *Policy) Standing(ds []Deduction, s qinglang.Subject, at time.Time) float64 {
	sum := 0.0
	for _, d := range counted(ds, s) {
		if p.InForce(d, at) {
			sum += d.Points
		}
	}
	return round(sum)
}

// counted returns the deductions of subject s that count: all of them,
// except that of those with the same finding id only the earliest does
// (the first of equals).
func counted(ds []Deduction, s qinglang.Subject) []Deduction {
	var out []Deduction
	first := map[string]int{} // finding id → index in out
	for _, d := range ds {
		if d.Subject != s {
			continue
		}
		if d.FindingID != "" {
			if i, ok := first[d.FindingID]; ok {
				if d.At.Before(out[i].At) {
					out[i] = d
				}
				continue
			}
			first[d.FindingID] = len(out)
		}
		out = append(out, d)
	}
	return out
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }
