package policy

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var (
	t0     = time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	host   = qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"}
	other  = qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h2"}
	agency = qinglang.Subject{Kind: qinglang.SubjectAgency, Platform: "p1", ID: "mcn"}
)

// ded is a deduction from host of points at t0 plus days.
func ded(id string, points float64, days int) Deduction {
	return Deduction{Subject: host, FindingID: id, Rule: "r", Severity: qinglang.SeverityHigh, Points: points, At: t0.Add(time.Duration(days) * Day)}
}

func TestDeduct(t *testing.T) {
	p := mustLoad(t, validYAML)
	f := qinglang.Finding{ID: "f1", Rule: "ad.medical.cure", Severity: qinglang.SeverityCritical}
	got := p.Deduct(host, f, t0)
	want := Deduction{Subject: host, FindingID: "f1", Rule: "ad.medical.cure", Severity: qinglang.SeverityCritical, Points: 6, At: t0}
	if got != want {
		t.Errorf("Deduct = %+v, want %+v", got, want)
	}
}

func TestStandingExpiry(t *testing.T) {
	p := mustLoad(t, validYAML) // expiry 30d
	ds := []Deduction{ded("a", 3, 0), ded("b", 1, 10), ded("c", 0.5, 20)}
	ds = append(ds, Deduction{Subject: other, FindingID: "x", Points: 100, At: t0})
	for _, c := range []struct {
		at   time.Time
		want float64
	}{
		{t0.Add(-time.Second), 0},               // before any
		{t0, 3},                                 // from its time on
		{t0.Add(15 * Day), 4},                   // a and b
		{t0.Add(25 * Day), 4.5},                 // all three
		{t0.Add(30*Day - time.Nanosecond), 4.5}, // a's last instant
		{t0.Add(30 * Day), 1.5},                 // a expired
		{t0.Add(40 * Day), 0.5},                 // b expired
		{t0.Add(50 * Day), 0},                   // all expired
	} {
		if got := p.Standing(ds, host, c.at); got != c.want {
			t.Errorf("Standing at %v = %v, want %v", c.at.Sub(t0), got, c.want)
		}
	}
	if got := p.ExpiresAt(ds[0]); !got.Equal(t0.Add(30 * Day)) {
		t.Errorf("ExpiresAt = %v", got)
	}
}

// A finding counts once, at its earliest deduction.
func TestStandingCountsAFindingOnce(t *testing.T) {
	p := mustLoad(t, validYAML)
	ds := []Deduction{ded("a", 3, 5), ded("a", 3, 0), ded("", 1, 0), ded("", 1, 0)}
	if got := p.Standing(ds, host, t0.Add(Day)); got != 5 {
		t.Errorf("Standing = %v, want 5 (a once, two deductions without a finding)", got)
	}
	// The earliest copy of a is the one that expires.
	if got := p.Standing(ds, host, t0.Add(31*Day)); got != 0 {
		t.Errorf("Standing after a's first expiry = %v, want 0", got)
	}
}

func TestStandingRounds(t *testing.T) {
	p := mustLoad(t, validYAML)
	var ds []Deduction
	for i := range 8 {
		ds = append(ds, ded(string(rune('a'+i)), 0.1, 0))
	}
	if got := p.Standing(ds, host, t0); got != 0.8 {
		t.Errorf("eight 0.1s = %v, want 0.8", got)
	}
}
