package regloop

import (
	"time"

	"github.com/qinglang/qinglang"
)

// Overdue reports whether d's deadline has passed at now without a report.
// A notice not yet sent is never overdue; at the deadline itself it is not
// yet overdue.
func Overdue(d qinglang.Directive, now time.Time) bool {
	return d.State != "" && d.State != qinglang.DirectiveReported && d.ReportedAt.IsZero() && now.After(d.Deadline)
}

// NextEscalation returns when d is due to escalate: its deadline the first
// time; after an escalation, the escalation time plus the notice's original
// response window (Deadline − SentAt), so that each jurisdiction up the
// chain gives the platform as long as the first one did before taking it
// one level higher. Product choice, not law: the regulators' own rules on
// supervision deadlines may differ; change it here.
func NextEscalation(d qinglang.Directive) time.Time {
	if d.EscalatedAt.IsZero() {
		return d.Deadline
	}
	return d.EscalatedAt.Add(d.Deadline.Sub(d.SentAt))
}

// Due reports whether d should escalate at now: it is Overdue, now is past
// NextEscalation, and it has not already reached the national level.
func Due(d qinglang.Directive, now time.Time) bool {
	return dueErr(d, now) == nil
}

func dueErr(d qinglang.Directive, now time.Time) error {
	switch {
	case d.State == "":
		return qinglang.Errorf(qinglang.ECONFLICT, "通知尚未发送", "the notice has not been sent")
	case !Overdue(d, now) && (d.State == qinglang.DirectiveReported || !d.ReportedAt.IsZero()):
		return qinglang.Errorf(qinglang.ECONFLICT, "通知已报告办结，无需升级", "the notice was reported; it does not escalate")
	case !Overdue(d, now):
		return qinglang.Errorf(qinglang.ECONFLICT, "通知未逾期（期限 %s）", "the notice is not overdue (deadline %s)", d.Deadline.Format(time.RFC3339))
	case d.State == qinglang.DirectiveEscalated && d.EscalatedTo == National:
		return qinglang.Errorf(qinglang.ECONFLICT, "通知已升级至国家级，无法再升级", "the notice already went to the national level; there is none higher")
	case now.Before(NextEscalation(d)):
		next := NextEscalation(d).Format(time.RFC3339)
		return qinglang.Errorf(qinglang.ECONFLICT, "通知已升级，%s 前不再升级", "the notice escalated; it does not escalate again before %s", next)
	}
	return nil
}

// Escalate takes an overdue directive one level up: state escalated,
// EscalatedAt now, EscalatedTo the parent of the region it stands in (the
// sending region the first time, then the last EscalatedTo). A national
// notice escalates to the nation itself, once. A directive not Due is
// ECONFLICT. Escalate is the timer's step: it takes no principal.
func Escalate(d qinglang.Directive, now time.Time) (qinglang.Directive, error) {
	if err := dueErr(d, now); err != nil {
		return qinglang.Directive{}, err
	}
	from := d.Region
	if d.EscalatedTo != "" {
		from = d.EscalatedTo
	}
	to, err := Parent(from)
	if err != nil {
		return qinglang.Directive{}, err
	}
	d.State = qinglang.DirectiveEscalated
	d.EscalatedAt = now
	d.EscalatedTo = to
	return d, nil
}

// Sweep returns the escalated versions of the directives in ds that are Due
// at now, in the order given; each goes up one level at most per sweep. A
// directive that cannot escalate (one stored with an invalid region) is
// left out.
func Sweep(ds []qinglang.Directive, now time.Time) []qinglang.Directive {
	var out []qinglang.Directive
	for _, d := range ds {
		if !Due(d, now) {
			continue
		}
		if e, err := Escalate(d, now); err == nil {
			out = append(out, e)
		}
	}
	return out
}
