package enforce

import (
	"context"
	"time"

	"github.com/qinglang/qinglang"
)

// MinRetentionYears is the shortest retention Qinglang accepts: replays,
// chat, orders and transaction records are kept at least three years
// (Order 117 art. 16 [R]; E-commerce Law art. 31 [S]). The retention can
// be set longer, never shorter.
const MinRetentionYears = 3

// PurgeReport is what a purge deleted.
type PurgeReport struct {
	Before   time.Time `json:"before"`
	Events   int64     `json:"events"`
	Findings int64     `json:"findings"`
	Cases    int       `json:"cases"`
	// Held are the rooms kept because a case about them is on legal hold.
	Held int `json:"held_rooms"`
}

// Purge deletes what is older than the retention of years (at least
// MinRetentionYears): the stored events and findings before then, except
// those of the rooms of cases under legal hold, and the cases closed
// before then that are not on hold, with their measures, notices, appeals
// and regulators' actions. Directives, point deductions, tokens and the
// audit log are kept (the audit log is never deleted: its chain is the
// record of what happened). The purge itself is audited.
func (s *Service) Purge(ctx context.Context, years int) (PurgeReport, error) {
	if years < MinRetentionYears {
		return PurgeReport{}, qinglang.Errorf(qinglang.EINVALID,
			"保存期限不得短于 %d 年", "the retention may not be shorter than %d years", MinRetentionYears)
	}
	before := s.now().AddDate(-years, 0, 0)
	rep := PurgeReport{Before: before}
	recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecCase})
	if err != nil {
		return rep, err
	}
	cases, err := decodeAll[qinglang.Case](recs)
	if err != nil {
		return rep, err
	}
	var keep []qinglang.RoomKey
	var old []qinglang.Case
	for _, c := range cases {
		switch {
		case c.LegalHold:
			for _, r := range c.Rooms {
				keep = append(keep, qinglang.RoomKey{Platform: c.Subject.Platform, Room: r})
			}
		case c.State == qinglang.CaseClosed && !c.ClosedAt.IsZero() && c.ClosedAt.Before(before):
			old = append(old, c)
		}
	}
	rep.Held = len(keep)
	if rep.Events, rep.Findings, err = s.cfg.Store.PurgeEvidence(ctx, before, keep); err != nil {
		return rep, err
	}
	for _, c := range old {
		if err := s.purgeCase(ctx, c); err != nil {
			return rep, err
		}
		rep.Cases++
	}
	err = s.inTx(ctx, func(ch *change) error {
		return s.audit(ctx, ch, qinglang.System, "retention.purge", "", rep)
	})
	return rep, err
}

// purgeCase deletes a case and what hangs off it, in one transaction.
func (s *Service) purgeCase(ctx context.Context, c qinglang.Case) error {
	var children []qinglang.Record
	for _, k := range []qinglang.RecordKind{qinglang.RecMeasure, qinglang.RecNotice, qinglang.RecAppeal, qinglang.RecAction} {
		recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: k, CaseID: c.ID})
		if err != nil {
			return err
		}
		children = append(children, recs...)
	}
	return s.inTx(ctx, func(ch *change) error {
		for _, r := range children {
			if err := ch.tx.DeleteRecord(ctx, r.Kind, r.ID); err != nil {
				return err
			}
		}
		if err := ch.tx.DeleteRecord(ctx, qinglang.RecCase, c.ID); err != nil {
			return err
		}
		return s.audit(ctx, ch, qinglang.System, "retention.purge_case", "case:"+c.ID,
			map[string]any{"closed_at": c.ClosedAt, "records": len(children)})
	})
}
