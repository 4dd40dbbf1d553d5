package notice

import (
	"fmt"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// The review of an appeal (Order 117 art. 14, [S] in domain.md).
const (
	art14   = "《直播电商监督管理办法》第十四条（对处置措施的申诉应予复核并告知结果）"
	art14EN = "Live E-commerce Supervision Measures (SAMR/CAC Order 117), art. 14 (appeals against measures are reviewed and the result notified)"
)

// ForAppealResult writes the notice of appeal a's result with
// DefaultConfig; see Config.ForAppealResult.
func ForAppealResult(c qinglang.Case, m qinglang.Measure, a qinglang.Appeal, at time.Time) (qinglang.Notice, error) {
	return DefaultConfig.ForAppealResult(c, m, a, at)
}

// ForAppealResult writes the notice, issued at at, that tells the subject
// the result of appeal a against measure m: upheld or overturned, the
// reviewer's outcome as the reasons, what happens to the measure (it stands
// until its end, or it is revoked at once) and, when upheld, the further
// remedies (cfg.Remedies).
//
// It fails with EINVALID when the appeal is of another measure or case, is
// not reviewed yet, was reviewed by who decided the measure, or when the
// notice would miss an element (Check).
func (cfg Config) ForAppealResult(c qinglang.Case, m qinglang.Measure, a qinglang.Appeal, at time.Time) (qinglang.Notice, error) {
	if err := fits(c, m, at); err != nil {
		return qinglang.Notice{}, err
	}
	switch {
	case a.MeasureID != m.ID || a.CaseID != "" && a.CaseID != c.ID:
		return qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "申诉 %[1]s 针对的不是案件 %[2]s 的措施 %[3]s",
			"appeal %[1]s is not against measure %[3]s of case %[2]s", a.ID, c.ID, m.ID)
	case a.State != qinglang.AppealUpheld && a.State != qinglang.AppealOverturned:
		return qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "申诉 %[1]s 尚未复核（状态 %[2]s）",
			"appeal %[1]s is not reviewed yet (state %[2]s)", a.ID, a.State)
	case a.ReviewedBy != "" && a.ReviewedBy == m.DecidedBy:
		return qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "申诉 %[1]s 由原措施的决定人员复核，须由其他人员复核",
			"appeal %[1]s was reviewed by who decided the measure; someone else must review it", a.ID)
	}
	at = at.In(shanghai)
	upheld := a.State == qinglang.AppealUpheld
	n := qinglang.Notice{
		ID:   noticeID(c.ID, m.ID, string(qinglang.NoticeAppealResult), a.ID),
		Kind: qinglang.NoticeAppealResult, CaseID: c.ID, MeasureID: m.ID, Subject: subjectOf(c, m), IssuedAt: at,
	}
	n.Facts, n.FactsEN = appealFacts(m, a, upheld)
	if o := strings.TrimSpace(a.Outcome); o != "" {
		n.Reasons, n.ReasonsEN = "复核意见："+sentence(o, "。"), "The reviewer's reasons, as written: "+o
	}
	n.Basis, n.BasisEN = art14, art14EN
	if upheld {
		if z, e := basis(m, nil); z != "" {
			n.Basis, n.BasisEN = n.Basis+"\n"+z, n.BasisEN+"\n"+e
		}
	}
	outcome(m, upheld, at, &n)
	n.Appeal, n.AppealEN = "原措施已撤销，无需再提出申诉。", "The measure is revoked; there is nothing further to appeal."
	if upheld {
		n.Appeal, n.AppealEN = cfg.Remedies, cfg.RemediesEN
	}
	if miss := Check(n); len(miss) > 0 {
		return qinglang.Notice{}, missingError(miss)
	}
	return n, nil
}

// appealFacts states which appeal was reviewed, when, and the result.
func appealFacts(m qinglang.Measure, a qinglang.Appeal, upheld bool) (zh, en string) {
	name, nameEN := measureWords(m)
	var z, e strings.Builder
	z.WriteString("您")
	e.WriteString("Your appeal")
	if a.ID != "" {
		fmt.Fprintf(&e, " %s", a.ID)
	}
	if !a.FiledAt.IsZero() {
		fmt.Fprintf(&z, "于 %s ", stamp(a.FiledAt))
		fmt.Fprintf(&e, " of %s", stamp(a.FiledAt))
	}
	fmt.Fprintf(&z, "对「%s」（措施编号 %s）提出的申诉", name, m.ID)
	fmt.Fprintf(&e, " against \"%s\" (measure %s)", nameEN, m.ID)
	if a.ID != "" {
		fmt.Fprintf(&z, "（申诉编号 %s）", a.ID)
	}
	z.WriteString("已由未参与原决定的人员复核")
	e.WriteString(" was reviewed by someone who took no part in the decision")
	if !a.ReviewedAt.IsZero() {
		fmt.Fprintf(&z, "，复核于 %s 完成", stamp(a.ReviewedAt))
		fmt.Fprintf(&e, "; the review was completed at %s", stamp(a.ReviewedAt))
	}
	if upheld {
		z.WriteString("。\n复核结果：维持原措施。")
		e.WriteString(".\nResult: upheld; the measure stands.")
	} else {
		z.WriteString("。\n复核结果：撤销原措施。")
		e.WriteString(".\nResult: overturned; the measure is revoked.")
	}
	return z.String(), e.String()
}

// measureWords names m with its duration ("暂停直播 7 天").
func measureWords(m qinglang.Measure) (zh, en string) {
	zh, en = m.Kind.Name()
	if m.Kind.Lasts() && m.Duration > 0 {
		dz, de := durationWords(m.Duration)
		zh, en = zh+" "+dz, en+" for "+de
	}
	return zh, en
}

// outcome sets what happens to the measure: upheld, it runs to its end;
// overturned, it is lifted at once (its period then ends at the notice).
func outcome(m qinglang.Measure, upheld bool, at time.Time, n *qinglang.Notice) {
	name, nameEN := measureWords(m)
	dz, de := durationWords(m.Duration)
	ends := stamp(m.EndsAt)
	if upheld {
		n.Measure, n.MeasureEN = name+"：维持原措施", nameEN+": upheld"
		n.StartsAt, n.EndsAt = inShanghai(m.StartsAt), inShanghai(m.EndsAt)
		switch {
		case !m.Kind.Lasts():
			n.Duration, n.DurationEN = oneOff, oneOffEN
		case m.Duration <= 0:
			// no duration: left for Check
		case m.EndsAt.IsZero():
			n.Duration, n.DurationEN = dz, de
		case at.Before(m.EndsAt):
			n.Duration = fmt.Sprintf("%s，继续执行至 %s 期满解除", dz, ends)
			n.DurationEN = fmt.Sprintf("%s; it stays in force until %s, when it is lifted", de, ends)
		default:
			n.Duration = fmt.Sprintf("%s，已于 %s 期满解除", dz, ends)
			n.DurationEN = fmt.Sprintf("%s; it ended at %s", de, ends)
		}
		return
	}
	n.Measure, n.MeasureEN = name+"：撤销", nameEN+": overturned"
	var pz, pe string // the duration it was given
	if dz != "" {
		pz, pe = "原定 "+dz+"，", "originally "+de+"; "
	}
	switch {
	case !m.Kind.Lasts():
		n.Duration = "一次性措施，现予撤销，自本通知签发时起不再有效"
		n.DurationEN = "a one-off measure, now revoked: it has no effect from the issue of this notice"
	case !m.StartsAt.IsZero() && at.Before(m.StartsAt):
		n.Duration = pz + "尚未开始执行，撤销后不再执行"
		n.DurationEN = pe + "revoked before it began, it will not be applied"
	case !m.EndsAt.IsZero() && !at.Before(m.EndsAt):
		n.Duration = pz + fmt.Sprintf("已于 %s 期满解除；该措施现予撤销", ends)
		n.DurationEN = pe + fmt.Sprintf("it ended at %s and is now revoked", ends)
		n.StartsAt, n.EndsAt = inShanghai(m.StartsAt), inShanghai(m.EndsAt)
	default:
		n.Duration = pz + fmt.Sprintf("自 %s 起立即解除", stamp(at))
		n.DurationEN = pe + fmt.Sprintf("lifted at once, as of %s", stamp(at))
		n.StartsAt, n.EndsAt = inShanghai(m.StartsAt), at
	}
}
