package enforce

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
)

// chinaTime is China Standard Time (UTC+8), in which deadlines are told.
var chinaTime = time.FixedZone("CST", 8*60*60)

// FileAppeal files the subject's appeal against a measure (appeals.file;
// an operator only on a case of its own rooms). The measure must have
// been decided and not undone: active, or lifted already (a warning ends
// when it is issued, and a short measure may end before its appeal window
// does); and the appeal must come before its notice's AppealBy (ECONFLICT
// otherwise). A measure is appealed once: the appeal's id derives from
// the measure's. The case moves to appealed.
func (s *Service) FileAppeal(ctx context.Context, p qinglang.Principal, measureID, grounds string) (qinglang.Appeal, error) {
	grounds = strings.TrimSpace(grounds)
	switch {
	case grounds == "":
		return qinglang.Appeal{}, qinglang.Errorf(qinglang.EINVALID, "缺少申诉理由", "missing: the grounds of the appeal")
	case utf8.RuneCountInString(grounds) > casework.MaxTextRunes:
		return qinglang.Appeal{}, qinglang.Errorf(qinglang.EINVALID, "申诉理由超过 %d 个字符",
			"the grounds are longer than %d characters", casework.MaxTextRunes)
	}
	var m0 qinglang.Measure
	if _, err := s.readJSON(ctx, qinglang.RecMeasure, measureID, &m0); err != nil {
		return qinglang.Appeal{}, notFound(err)
	}
	if _, err := s.caseFor(ctx, p, authz.AppealsFile, m0.CaseID); err != nil {
		return qinglang.Appeal{}, err
	}
	notices, err := childrenOf[qinglang.Notice](ctx, s, qinglang.RecNotice, m0.CaseID)
	if err != nil {
		return qinglang.Appeal{}, err
	}
	ntc, ok := measureNotice(notices, measureID)
	var out qinglang.Appeal
	err = s.inTx(ctx, func(c *change) error {
		var m qinglang.Measure
		if _, err := c.get(ctx, qinglang.RecMeasure, measureID, &m); err != nil {
			return notFound(err)
		}
		cs, err := c.getCase(ctx, m.CaseID)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.AppealsFile, caseResource(cs)); err != nil {
			return err
		}
		now := s.now()
		switch {
		case m.State != qinglang.MeasureActive && m.State != qinglang.MeasureLifted:
			return qinglang.Errorf(qinglang.ECONFLICT, "措施 %[1]s 的状态为 %[2]s，不能申诉",
				"measure %[1]s is %[2]s: it cannot be appealed", m.ID, m.State)
		case !ok:
			return qinglang.Errorf(qinglang.ECONFLICT, "措施 %s 尚未发出处置通知，不能申诉",
				"no notice was issued for measure %s: it cannot be appealed yet", m.ID)
		case !ntc.AppealBy.IsZero() && now.After(ntc.AppealBy):
			return qinglang.Errorf(qinglang.ECONFLICT, "措施 %[1]s 的申诉期限已于 %[2]s 届满",
				"the time to appeal measure %[1]s ended at %[2]s", m.ID,
				ntc.AppealBy.In(chinaTime).Format("2006-01-02 15:04:05 -07:00"))
		}
		a := qinglang.Appeal{ID: recordID("apl_", m.ID), CaseID: cs.ID, MeasureID: m.ID, State: qinglang.AppealFiled,
			Grounds: grounds, FiledAt: now, FiledBy: p.Name}
		switch _, err := c.tx.GetRecord(ctx, qinglang.RecAppeal, a.ID); {
		case err == nil:
			return qinglang.Errorf(qinglang.ECONFLICT, "措施 %s 已被申诉过", "measure %s has been appealed already", m.ID)
		case qinglang.Code(err) != qinglang.ENOTFOUND:
			return err
		}
		n, ch, err := casework.Apply(cs, casework.Action{Kind: casework.ActAppeal, AppealID: a.ID}, p, now)
		if err != nil {
			return err
		}
		if err := c.put(ctx, appealRecord(a, m), a); err != nil {
			return err
		}
		if err := c.putCase(ctx, &n); err != nil {
			return err
		}
		if err := s.audit(ctx, c, p, "appeal.file", "appeal:"+a.ID, a); err != nil {
			return err
		}
		out = a
		return s.audit(ctx, c, p, "case.appeal", "case:"+cs.ID, ch)
	})
	return out, err
}

// ReviewAppeal decides an appeal (appeals.review) and notifies the result
// (notice.ForAppealResult): upheld, the measure stands; overturned, it is
// revoked at once (an active measure ends now; a lifted one keeps the end
// it had). The reviewer must be someone other than who decided the
// measure: casework refuses the measure's DecidedBy, taken from the stored
// measure, with EFORBIDDEN. The case moves to reviewed.
func (s *Service) ReviewAppeal(ctx context.Context, p qinglang.Principal, appealID string, r AppealReview) (qinglang.Appeal, qinglang.Notice, error) {
	outcome := strings.TrimSpace(r.Outcome)
	switch {
	case outcome == "":
		return qinglang.Appeal{}, qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "缺少复核意见", "missing: the reviewer's reasons")
	case utf8.RuneCountInString(outcome) > casework.MaxTextRunes:
		return qinglang.Appeal{}, qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "复核意见超过 %d 个字符",
			"the reviewer's reasons are longer than %d characters", casework.MaxTextRunes)
	}
	var outA qinglang.Appeal
	var outN qinglang.Notice
	err := s.inTx(ctx, func(c *change) error {
		var a qinglang.Appeal
		if _, err := c.get(ctx, qinglang.RecAppeal, appealID, &a); err != nil {
			return notFound(err)
		}
		cs, err := c.getCase(ctx, a.CaseID)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.AppealsReview, caseResource(cs)); err != nil {
			return err
		}
		var m qinglang.Measure
		if _, err := c.get(ctx, qinglang.RecMeasure, a.MeasureID, &m); err != nil {
			return err
		}
		if a.State != qinglang.AppealFiled {
			return qinglang.Errorf(qinglang.ECONFLICT, "申诉 %[1]s 已复核（%[2]s）", "appeal %[1]s is reviewed already (%[2]s)", a.ID, a.State)
		}
		now := s.now()
		a.State = qinglang.AppealOverturned
		if r.Upheld {
			a.State = qinglang.AppealUpheld
		}
		n, ch, err := casework.Apply(cs, casework.Action{Kind: casework.ActReviewAppeal, AppealID: a.ID,
			DecidedBy: m.DecidedBy, Outcome: a.State}, p, now)
		if err != nil {
			return err
		}
		a.ReviewedAt, a.ReviewedBy, a.Outcome = now, p.Name, outcome
		ntc, err := s.cfg.Notices.ForAppealResult(n, m, a, now)
		if err != nil {
			return err
		}
		trail := []auditItem{{p, "appeal.review", "appeal:" + a.ID, a}}
		if !r.Upheld {
			m.State = qinglang.MeasureRevoked
			if m.EndsAt.IsZero() || now.Before(m.EndsAt) {
				m.EndsAt = now
			}
			if err := c.put(ctx, measureRecord(m), m); err != nil {
				return err
			}
			trail = append(trail, auditItem{p, "measure.revoke", "measure:" + m.ID, m})
		}
		trail = append(trail, noticeAudit(p, ntc), auditItem{p, "case.review_appeal", "case:" + cs.ID, ch})
		if err := c.put(ctx, appealRecord(a, m), a); err != nil {
			return err
		}
		if err := c.put(ctx, noticeRecord(ntc), ntc); err != nil {
			return err
		}
		if err := c.putCase(ctx, &n); err != nil {
			return err
		}
		if err := s.auditTrail(ctx, c, trail); err != nil {
			return err
		}
		outA, outN = a, ntc
		return nil
	})
	if err != nil {
		return qinglang.Appeal{}, qinglang.Notice{}, err
	}
	return outA, outN, nil
}

// appealRecord is how an appeal against measure m is stored.
func appealRecord(a qinglang.Appeal, m qinglang.Measure) qinglang.Record {
	return qinglang.Record{Kind: qinglang.RecAppeal, ID: a.ID, Platform: m.Subject.Platform,
		CaseID: a.CaseID, Subject: m.Subject.Key(), State: string(a.State)}
}
