package enforce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/notice"
	"github.com/qinglang/qinglang/policy"
)

// ProposeMeasure records a reviewer's own proposal of a measure on a case
// (measures.decide), within the policy's caps: a lasting measure needs a
// duration no longer than the overall cap and its kind's, a warning or a
// removal none. The case moves to measure_proposed (casework propose:
// from open or in_review); the measure waits for DecideMeasure.
func (s *Service) ProposeMeasure(ctx context.Context, p qinglang.Principal, caseID string, r MeasureRequest) (qinglang.Measure, error) {
	d, err := s.checkRequest(r)
	if err != nil {
		return qinglang.Measure{}, err
	}
	c0, err := s.caseFor(ctx, p, authz.MeasuresDecide, caseID)
	if err != nil {
		return qinglang.Measure{}, err
	}
	standing, err := s.standing(ctx, c0.Subject)
	if err != nil {
		return qinglang.Measure{}, err
	}
	pol := s.cfg.Policy
	var out qinglang.Measure
	err = s.inTx(ctx, func(c *change) error {
		cs, err := c.getCase(ctx, caseID)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.MeasuresDecide, caseResource(cs)); err != nil {
			return err
		}
		now := s.now()
		m := qinglang.Measure{
			ID:     recordID("msr_", cs.ID, "manual", p.Name, now.Format(time.RFC3339Nano)),
			CaseID: cs.ID, Subject: cs.Subject, Kind: r.Kind, State: qinglang.MeasureProposed,
			Duration: d, Standing: standing, Reason: strings.TrimSpace(r.Reason), ReasonEN: strings.TrimSpace(r.ReasonEN),
			Basis: pol.Basis, BasisEN: pol.BasisEN, Policy: pol.ID(), ProposedAt: now,
		}
		n, ch, err := casework.Apply(cs, casework.Action{Kind: casework.ActPropose, MeasureID: m.ID, Reason: m.Reason}, p, now)
		if err != nil {
			return err
		}
		if err := c.put(ctx, measureRecord(m), m); err != nil {
			return err
		}
		if err := c.putCase(ctx, &n); err != nil {
			return err
		}
		if err := s.audit(ctx, c, p, "measure.propose", "measure:"+m.ID, m); err != nil {
			return err
		}
		out = m
		return s.audit(ctx, c, p, "case.propose", "case:"+cs.ID, ch)
	})
	return out, err
}

// checkRequest checks a reviewer's proposal against the policy's caps and
// returns its duration (Duration, else Days).
func (s *Service) checkRequest(r MeasureRequest) (time.Duration, error) {
	if !r.Kind.Known() {
		return 0, qinglang.Errorf(qinglang.EINVALID, "未知的措施类型 %q", "unknown measure kind %q", r.Kind)
	}
	reason := strings.TrimSpace(r.Reason)
	switch {
	case reason == "":
		return 0, qinglang.Errorf(qinglang.EINVALID, "缺少措施理由", "missing: the reason for the measure")
	case utf8.RuneCountInString(reason) > casework.MaxTextRunes || utf8.RuneCountInString(r.ReasonEN) > casework.MaxTextRunes:
		return 0, qinglang.Errorf(qinglang.EINVALID, "措施理由超过 %d 个字符", "the reason is longer than %d characters", casework.MaxTextRunes)
	case r.Duration < 0 || r.Days < 0 || math.IsNaN(r.Days) || math.IsInf(r.Days, 0):
		return 0, qinglang.Errorf(qinglang.EINVALID, "期限不能为负数", "the duration must not be negative")
	}
	d := r.Duration
	if d == 0 {
		if r.Days > float64(math.MaxInt64/policy.Day) {
			return 0, qinglang.Errorf(qinglang.EINVALID, "期限 %v 天过长", "a duration of %v days is too long", r.Days)
		}
		d = time.Duration(r.Days * float64(policy.Day)).Round(time.Second)
	}
	name, nameEN := r.Kind.Name()
	if !r.Kind.Lasts() {
		if d != 0 {
			return 0, qinglang.Errorf(qinglang.EINVALID, "%[1]s 是一次性措施，不设期限", "a %[2]s is one-off and takes no duration", name, nameEN)
		}
		return 0, nil
	}
	if d <= 0 {
		return 0, qinglang.Errorf(qinglang.EINVALID, "%[1]s 须有期限（不得无期限处置）",
			"a %[2]s needs a duration (no measure is open-ended)", name, nameEN)
	}
	caps := s.cfg.Policy.Caps
	for _, limit := range []time.Duration{caps.Overall, caps.Measures[r.Kind]} {
		if limit > 0 && d > limit {
			dz, de := policy.FormatDuration(d)
			lz, le := policy.FormatDuration(limit)
			return 0, qinglang.Errorf(qinglang.EINVALID, "%[1]s %[3]s 超过策略上限 %[5]s",
				"%[2]s for %[4]s is over the policy's cap of %[6]s", name, nameEN, dz, de, lz, le)
		}
	}
	return d, nil
}

// standing is the subject's points in force now.
func (s *Service) standing(ctx context.Context, sub qinglang.Subject) (float64, error) {
	ds, err := s.deductions(ctx, sub)
	if err != nil {
		return 0, err
	}
	return s.cfg.Policy.Standing(ds, sub, s.now()), nil
}

// DecideMeasure approves or rejects a proposed measure (measures.decide;
// ECONFLICT for a measure not proposed). Approved, the measure is active
// from now for its duration, decided by p; the case is decided, the
// measure's notice (notice.ForMeasure, with the policy's appeal channel)
// is issued and stored, and the case notified, all in one transaction.
// Rejected, the measure is rejected and the case returns to in_review.
// The notice is nil on a rejection.
func (s *Service) DecideMeasure(ctx context.Context, p qinglang.Principal, measureID string, d MeasureDecision) (qinglang.Measure, *qinglang.Notice, error) {
	var m0 qinglang.Measure
	if _, err := s.readJSON(ctx, qinglang.RecMeasure, measureID, &m0); err != nil {
		return qinglang.Measure{}, nil, notFound(err)
	}
	c0, err := s.caseFor(ctx, p, authz.MeasuresDecide, m0.CaseID)
	if err != nil {
		return qinglang.Measure{}, nil, err
	}
	// The notice's facts are read before the transaction.
	var fs []qinglang.Finding
	if d.Approve {
		if fs, err = s.findingsOf(ctx, c0.Findings); err != nil {
			return qinglang.Measure{}, nil, err
		}
	}
	var out qinglang.Measure
	var issued *qinglang.Notice
	err = s.inTx(ctx, func(c *change) error {
		var m qinglang.Measure
		if _, err := c.get(ctx, qinglang.RecMeasure, measureID, &m); err != nil {
			return notFound(err)
		}
		cs, err := c.getCase(ctx, m.CaseID)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.MeasuresDecide, caseResource(cs)); err != nil {
			return err
		}
		if m.State != qinglang.MeasureProposed {
			return qinglang.Errorf(qinglang.ECONFLICT, "措施 %[1]s 的状态为 %[2]s，只有待决定（proposed）的措施可以决定",
				"measure %[1]s is %[2]s: only a proposed measure can be decided", m.ID, m.State)
		}
		now := s.now()
		n, ch, err := casework.Apply(cs, casework.Action{Kind: casework.ActDecide, MeasureID: m.ID,
			Approve: d.Approve, Reason: d.Reason}, p, now)
		if err != nil {
			return err
		}
		m.DecidedAt, m.DecidedBy, m.State = now, p.Name, qinglang.MeasureRejected
		action := "measure.reject"
		if d.Approve {
			m.State, m.StartsAt, m.EndsAt = qinglang.MeasureActive, now, now.Add(m.Duration)
			action = "measure.approve"
		}
		trail := []auditItem{{p, action, "measure:" + m.ID, m}, {p, "case.decide", "case:" + cs.ID, ch}}
		if d.Approve {
			ntc, err := s.cfg.Notices.ForMeasure(n, m, fs, s.appealChannel(), now)
			if err != nil {
				return err
			}
			if err := c.put(ctx, noticeRecord(ntc), ntc); err != nil {
				return err
			}
			notified, ch, err := casework.Apply(n, casework.Action{Kind: casework.ActNotify, NoticeID: ntc.ID}, p, now)
			if err != nil {
				return err
			}
			n = notified
			trail = append(trail, noticeAudit(p, ntc), auditItem{p, "case.notify", "case:" + cs.ID, ch})
			issued = &ntc
		}
		if err := c.put(ctx, measureRecord(m), m); err != nil {
			return err
		}
		if err := c.putCase(ctx, &n); err != nil {
			return err
		}
		if err := s.auditTrail(ctx, c, trail); err != nil {
			return err
		}
		out = m
		return nil
	})
	if err != nil {
		return qinglang.Measure{}, nil, err
	}
	return out, issued, nil
}

// appealChannel is the policy's appeal channel, as notices state it.
func (s *Service) appealChannel() notice.AppealChannel {
	a := s.cfg.Policy.Appeal
	return notice.AppealChannel{Text: a.Channel, TextEN: a.ChannelEN, Within: a.Within}
}

// Notice returns a notice, read through its case (notices.read): a notice
// of a case p may not see is ENOTFOUND.
func (s *Service) Notice(ctx context.Context, p qinglang.Principal, id string) (qinglang.Notice, error) {
	var n qinglang.Notice
	if _, err := s.readJSON(ctx, qinglang.RecNotice, id, &n); err != nil {
		return qinglang.Notice{}, notFound(err)
	}
	if _, err := s.caseFor(ctx, p, authz.NoticesRead, n.CaseID); err != nil {
		return qinglang.Notice{}, err
	}
	return n, nil
}

// SweepMeasures lifts the active measures whose end has passed
// (policy.Lift), each in a transaction of its own, as qinglang.System,
// and returns them lifted. The case stays where it stands: lifting is no
// step of the case machine.
func (s *Service) SweepMeasures(ctx context.Context) ([]qinglang.Measure, error) {
	now := s.now()
	// DueBefore is exclusive; Lift lifts a measure whose end is now too.
	recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecMeasure,
		States: []string{string(qinglang.MeasureActive)}, DueBefore: now.Add(time.Microsecond), Oldest: true})
	if err != nil {
		return nil, err
	}
	lifted := []qinglang.Measure{}
	for _, rec := range recs {
		err := s.inTx(ctx, func(c *change) error {
			var m qinglang.Measure
			if _, err := c.get(ctx, qinglang.RecMeasure, rec.ID, &m); err != nil {
				return err
			}
			m, ok := policy.Lift(m, now)
			if !ok {
				return nil // changed since it was listed
			}
			if err := c.put(ctx, measureRecord(m), m); err != nil {
				return err
			}
			lifted = append(lifted, m)
			return s.audit(ctx, c, qinglang.System, "measure.lift", "measure:"+m.ID, m)
		})
		if err != nil {
			return lifted, err
		}
	}
	return lifted, nil
}

// measureRecord is how a measure is stored: Due is the end of an active
// measure (the lifting timer), zero otherwise.
func measureRecord(m qinglang.Measure) qinglang.Record {
	rec := qinglang.Record{Kind: qinglang.RecMeasure, ID: m.ID, Platform: m.Subject.Platform,
		CaseID: m.CaseID, Subject: m.Subject.Key(), State: string(m.State)}
	if m.State == qinglang.MeasureActive {
		rec.Due = m.EndsAt
	}
	return rec
}

// noticeRecord is how a notice is stored.
func noticeRecord(n qinglang.Notice) qinglang.Record {
	return qinglang.Record{Kind: qinglang.RecNotice, ID: n.ID, Platform: n.Subject.Platform,
		CaseID: n.CaseID, Subject: n.Subject.Key()}
}

// noticeIssued is what the audit log keeps of an issued notice: what it
// is about and the SHA-256 of its stable JSON (notice.JSON), which seals
// its text without copying it.
type noticeIssued struct {
	ID        string              `json:"id"`
	Kind      qinglang.NoticeKind `json:"kind"`
	CaseID    string              `json:"case_id"`
	MeasureID string              `json:"measure_id,omitempty"`
	Subject   string              `json:"subject"`
	IssuedAt  time.Time           `json:"issued_at"`
	AppealBy  time.Time           `json:"appeal_by,omitzero"`
	SHA256    string              `json:"sha256"`
}

// noticeAudit is the audit entry of notice n issued by p.
func noticeAudit(p qinglang.Principal, n qinglang.Notice) auditItem {
	e := noticeIssued{ID: n.ID, Kind: n.Kind, CaseID: n.CaseID, MeasureID: n.MeasureID,
		Subject: n.Subject.Key(), IssuedAt: n.IssuedAt.UTC(), AppealBy: n.AppealBy.UTC()}
	if b, err := notice.JSON(n); err == nil {
		sum := sha256.Sum256(b)
		e.SHA256 = hex.EncodeToString(sum[:])
	}
	return auditItem{p, "notice.issue", "notice:" + n.ID, e}
}

// measureNotice finds the notice issued for a measure among a case's
// notices.
func measureNotice(ns []qinglang.Notice, measureID string) (qinglang.Notice, bool) {
	i := slices.IndexFunc(ns, func(n qinglang.Notice) bool {
		return n.Kind == qinglang.NoticeMeasure && n.MeasureID == measureID
	})
	if i < 0 {
		return qinglang.Notice{}, false
	}
	return ns[i], true
}
