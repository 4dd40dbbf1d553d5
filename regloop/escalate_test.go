package regloop

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestOverdue(t *testing.T) {
	d := mustSend(t)
	for _, tc := range []struct {
		name string
		d    qinglang.Directive
		now  time.Time
		want bool
	}{
		{"before the deadline", d, d.Deadline.Add(-time.Second), false},
		{"at the deadline", d, d.Deadline, false},
		{"after the deadline", d, d.Deadline.Add(time.Second), true},
		{"not sent", draft(), d.Deadline.Add(time.Hour), false},
	} {
		if got := Overdue(tc.d, tc.now); got != tc.want {
			t.Errorf("%s: Overdue = %v, want %v", tc.name, got, tc.want)
		}
	}
	acked, _ := Acknowledge(d, douyinGov, t0.Add(time.Hour))
	acted, _ := act(acked, douyinGov, t0.Add(2*time.Hour))
	if !Overdue(acked, d.Deadline.Add(time.Hour)) || !Overdue(acted, d.Deadline.Add(time.Hour)) {
		t.Fatal("acknowledging or acting does not stop a directive from falling overdue; only the report does")
	}
	reported, _ := report(acted, douyinGov, t0.Add(3*time.Hour))
	if Overdue(reported, d.Deadline.Add(time.Hour)) {
		t.Fatal("a reported directive is overdue")
	}
}

func TestEscalationChain(t *testing.T) {
	d := mustSend(t) // Huangpu 310101, a three-day window
	window := d.Deadline.Sub(d.SentAt)
	now := d.Deadline.Add(time.Minute)
	var regions []string
	for range 3 {
		if !Due(d, now) {
			t.Fatalf("not due at %s: %+v", now, d)
		}
		var err error
		d, err = Escalate(d, now)
		if err != nil {
			t.Fatal(err)
		}
		if d.State != qinglang.DirectiveEscalated || !d.EscalatedAt.Equal(now) {
			t.Fatalf("escalated directive = %+v", d)
		}
		regions = append(regions, d.EscalatedTo)
		// Not again before another window has passed.
		_, err = Escalate(d, now.Add(window-time.Second))
		wantCode(t, err, qinglang.ECONFLICT)
		if want := now.Add(window); !NextEscalation(d).Equal(want) {
			t.Fatalf("next escalation = %s, want %s", NextEscalation(d), want)
		}
		now = now.Add(window)
	}
	if got, want := regions, []string{"310100", "310000", "000000"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("escalated through %v, want %v", got, want)
	}
	if Due(d, now.Add(365*24*time.Hour)) {
		t.Fatal("a directive at the national level is due again")
	}
	_, err := Escalate(d, now.Add(365*24*time.Hour))
	wantCode(t, err, qinglang.ECONFLICT)
	if d.Region != "310101" {
		t.Fatalf("escalation changed the sending region to %s", d.Region)
	}
}

func TestEscalateRefuses(t *testing.T) {
	d := mustSend(t)
	_, err := Escalate(d, d.Deadline)
	wantCode(t, err, qinglang.ECONFLICT) // not overdue yet
	_, err = Escalate(draft(), d.Deadline.Add(time.Hour))
	wantCode(t, err, qinglang.ECONFLICT) // not sent
	d, _ = Acknowledge(d, douyinGov, t0.Add(time.Hour))
	d, _ = act(d, douyinGov, t0.Add(2*time.Hour))
	d, _ = report(d, douyinGov, t0.Add(3*time.Hour))
	_, err = Escalate(d, d.Deadline.Add(time.Hour))
	wantCode(t, err, qinglang.ECONFLICT) // reported
}

func TestNationalStaysNational(t *testing.T) {
	n := draft()
	n.Region = National
	d, err := Send(n, samr, t0)
	if err != nil {
		t.Fatal(err)
	}
	d, err = Escalate(d, d.Deadline.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if d.EscalatedTo != National || d.State != qinglang.DirectiveEscalated {
		t.Fatalf("national directive escalated to %q (%s)", d.EscalatedTo, d.State)
	}
	if Due(d, d.Deadline.Add(100*24*time.Hour)) {
		t.Fatal("a national directive escalates twice")
	}
}

func TestEscalatedCanStillBeAnswered(t *testing.T) {
	d := mustSend(t)
	d, _ = Acknowledge(d, douyinGov, t0.Add(time.Hour))
	d, _ = Escalate(d, d.Deadline.Add(time.Hour))
	// The platform goes on where it stopped: acting, not acknowledging.
	_, err := Acknowledge(d, douyinGov, d.Deadline.Add(2*time.Hour))
	wantCode(t, err, qinglang.ECONFLICT)
	_, err = report(d, douyinGov, d.Deadline.Add(2*time.Hour))
	wantCode(t, err, qinglang.ECONFLICT)
	d, err = act(d, douyinGov, d.Deadline.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if d.State != qinglang.DirectiveEscalated {
		t.Fatalf("acting on an escalated directive left it %s", d.State)
	}
	// The higher jurisdiction now sees it; the neighbour does not.
	if !CanSeeDirective(shanghaiCty, d) || CanSeeDirective(xuhui, d) {
		t.Fatal("escalated directive visibility wrong")
	}
	d, err = report(d, douyinRev, d.Deadline.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if d.State != qinglang.DirectiveReported || d.EscalatedTo != "310100" || d.EscalatedAt.IsZero() || !Late(d) {
		t.Fatalf("late report of an escalated directive = %+v", d)
	}
	if Due(d, d.Deadline.Add(30*24*time.Hour)) {
		t.Fatal("a reported directive is due to escalate")
	}
}

func TestEscalatedUnacknowledged(t *testing.T) {
	d := mustSend(t)
	d, _ = Escalate(d, d.Deadline.Add(time.Hour))
	d, err := Acknowledge(d, douyinGov, d.Deadline.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if d.State != qinglang.DirectiveEscalated || d.AcknowledgedAt.IsZero() || !Late(d) {
		t.Fatalf("late acknowledgement of an escalated directive = %+v", d)
	}
}

func TestSweep(t *testing.T) {
	mk := func(region string, deadline time.Duration) qinglang.Directive {
		x := draft()
		x.Region = region
		x.Deadline = t0.Add(deadline)
		d, err := Send(x, admin, t0)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	overdueCounty := mk("310101", 24*time.Hour)
	overdueCity := mk("440300", 48*time.Hour)
	notYet := mk("310101", 10*24*time.Hour)
	answered := mk("110105", 24*time.Hour)
	answered, _ = Acknowledge(answered, douyinGov, t0.Add(time.Hour))
	answered, _ = act(answered, douyinGov, t0.Add(2*time.Hour))
	answered, _ = report(answered, douyinGov, t0.Add(3*time.Hour))
	justEscalated, _ := Escalate(mk("320102", 24*time.Hour), t0.Add(49*time.Hour))
	broken := overdueCounty
	broken.Region = "999999"

	now := t0.Add(3 * 24 * time.Hour)
	in := []qinglang.Directive{overdueCounty, notYet, answered, overdueCity, justEscalated, broken}
	out := Sweep(in, now)
	if len(out) != 2 || out[0].ID != overdueCounty.ID || out[1].ID != overdueCity.ID {
		t.Fatalf("swept %d: %+v", len(out), out)
	}
	if out[0].EscalatedTo != "310100" || out[1].EscalatedTo != "440000" {
		t.Fatalf("escalated to %s and %s", out[0].EscalatedTo, out[1].EscalatedTo)
	}
	if in[0].State != qinglang.DirectiveSent {
		t.Fatal("Sweep changed its input")
	}
	if Sweep(nil, now) != nil {
		t.Fatal("sweeping nothing returned something")
	}
}
