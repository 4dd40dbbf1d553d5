package policy

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Proposal is the measure a deduction brings under a policy: the standing
// before and after it, the thresholds it crossed and the strictest crossed
// step's measure, with the reason in words and the basis.
type Proposal struct {
	Subject  qinglang.Subject
	Kind     qinglang.MeasureKind
	Duration time.Duration
	// Auto: the policy applies the measure without a reviewer.
	Auto bool
	// Points are what the deduction added to the standing; Before and
	// Standing the subject's points in force before and after it.
	Points   float64
	Before   float64
	Standing float64
	// Crossed are the thresholds crossed (Before < t ≤ Standing), in
	// increasing order; Step is the index in the ladder of the step applied.
	Crossed []float64
	Step    int
	// Reason explains the numbers; Basis cites the platform rule and the
	// law (the step's, else the policy's).
	Reason   string
	ReasonEN string
	Basis    string
	BasisEN  string
	// Appeal is the channel and the time limit to appeal (Order 117
	// art. 14), for the notice.
	Appeal       string
	AppealEN     string
	AppealWithin time.Duration
	// Policy and Version name the policy that proposed the measure.
	Policy  string
	Version string
}

// Propose adds the deductions add, all for one subject, to the subject's
// history at time at, and returns the measure they bring: every threshold
// crossed (standing before < threshold ≤ standing after) is listed, and
// the strictest crossed step's measure applies (the later step of equally
// strict ones). It returns nil when no threshold is crossed or add is
// empty.
//
// History may hold other subjects' deductions (they are skipped). A
// deduction of add dated zero is dated at. Add must name one subject, of a
// kind the policy applies to, and no negative points; otherwise Propose
// returns an EINVALID error.
func (p *Policy) Propose(history []Deduction, add []Deduction, at time.Time) (*Proposal, error) {
	if len(add) == 0 {
		return nil, nil
	}
	s := add[0].Subject
	all := slices.Grow(slices.Clone(history), len(add))
	for _, d := range add {
		if d.Subject != s {
			return nil, qinglang.Errorf(qinglang.EINVALID, "一次扣分只能针对一个主体：%s 与 %s",
				"one deduction is for one subject: %s and %s", s.Key(), d.Subject.Key())
		}
		if d.Points < 0 || math.IsNaN(d.Points) || math.IsInf(d.Points, 0) {
			return nil, qinglang.Errorf(qinglang.EINVALID, "扣分 %v 无效（发现 %s）", "invalid points %v (finding %s)", d.Points, d.FindingID)
		}
		if d.At.IsZero() {
			d.At = at
		}
		all = append(all, d)
	}
	if !p.AppliesTo(s.Kind) {
		zh, en := s.Kind.Name()
		return nil, qinglang.Errorf(qinglang.EINVALID, "策略 %[1]s 不适用于%[2]s（%[4]s）", "policy %[1]s does not apply to a %[3]s (%[4]s)",
			p.ID(), zh, en, s.Key())
	}
	before := p.Standing(history, s, at)
	after := p.Standing(all, s, at)
	step := -1
	var crossed []float64
	for i, st := range p.Ladder {
		if before < st.At && st.At <= after {
			crossed = append(crossed, st.At)
			if step < 0 || st.Measure.Strictness() >= p.Ladder[step].Measure.Strictness() {
				step = i
			}
		}
	}
	if step < 0 {
		return nil, nil
	}
	slices.Sort(crossed)
	st := p.Ladder[step]
	pr := &Proposal{
		Subject: s, Kind: st.Measure, Duration: st.Duration, Auto: st.Auto,
		Points: round(after - before), Before: before, Standing: after, Crossed: crossed, Step: step,
		Basis: p.Basis, BasisEN: p.BasisEN,
		Appeal: p.Appeal.Channel, AppealEN: p.Appeal.ChannelEN, AppealWithin: p.Appeal.Within,
		Policy: p.Name, Version: p.Version,
	}
	if st.Basis != "" {
		pr.Basis, pr.BasisEN = st.Basis, st.BasisEN
	}
	pr.Reason, pr.ReasonEN = pr.reason()
	return pr, nil
}

// reason explains the proposal's numbers, e.g. "累计扣分 3 → 7，跨越 4、6 分节点，
// 取最严措施：限制流量 7 天（自动执行）".
func (pr *Proposal) reason() (zh, en string) {
	ts := make([]string, len(pr.Crossed))
	for i, t := range pr.Crossed {
		ts[i] = num(t)
	}
	mzh, men := MeasureText(pr.Kind, pr.Duration)
	var b, e strings.Builder
	fmt.Fprintf(&b, "累计扣分 %s → %s，跨越 %s 分节点，", num(pr.Before), num(pr.Standing), strings.Join(ts, "、"))
	fmt.Fprintf(&e, "points %s → %s, crossing the %s point threshold", num(pr.Before), num(pr.Standing), andList(ts))
	if len(ts) > 1 {
		b.WriteString("取最严措施：")
		e.WriteString("s; the strictest measure applies: ")
	} else {
		b.WriteString("措施：")
		e.WriteString("; measure: ")
	}
	b.WriteString(mzh)
	e.WriteString(men)
	if pr.Auto {
		b.WriteString("（自动执行）")
		e.WriteString(" (applied automatically)")
	} else {
		b.WriteString("（待人工复核）")
		e.WriteString(" (awaiting a reviewer)")
	}
	return b.String(), e.String()
}

// MeasureText writes a measure with its duration: "限制流量 7 天" / "limited
// traffic for 7 days"; a measure without a duration by its name alone.
func MeasureText(k qinglang.MeasureKind, d time.Duration) (zh, en string) {
	zh, en = k.Name()
	if d > 0 {
		dzh, den := FormatDuration(d)
		zh, en = zh+" "+dzh, en+" for "+den
	}
	return zh, en
}

// andList joins items as English does: "4", "4 and 6", "4, 6 and 8".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Measure is the proposal as a measure of case caseID at time at: proposed
// for review, or, when Auto, active from at until at plus its duration,
// decided by "policy:<name>" (a warning or a removal, without a duration,
// ends when it is issued).
func (pr *Proposal) Measure(caseID string, at time.Time) qinglang.Measure {
	m := qinglang.Measure{
		CaseID: caseID, Subject: pr.Subject, Kind: pr.Kind, State: qinglang.MeasureProposed,
		Duration: pr.Duration, Points: pr.Points, Standing: pr.Standing, Auto: pr.Auto,
		Reason: pr.Reason, ReasonEN: pr.ReasonEN, Basis: pr.Basis, BasisEN: pr.BasisEN,
		Policy: pr.Policy + "@" + pr.Version, ProposedAt: at,
	}
	if pr.Auto {
		m.State = qinglang.MeasureActive
		m.DecidedAt, m.DecidedBy = at, DecidedBy(pr.Policy)
		m.StartsAt, m.EndsAt = at, at.Add(pr.Duration)
	}
	return m
}

// DecidedBy is how a measure records that policy name applied it.
func DecidedBy(name string) string { return "policy:" + name }
