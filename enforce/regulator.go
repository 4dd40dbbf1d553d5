package enforce

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/regloop"
)

// SendDirective sends a regulator's notice to a platform (regloop.Send).
// A regulator that leaves the region empty sends in its own region's name.
// With a CaseID the case must exist and be visible to p (ENOTFOUND
// otherwise), and the platform, when empty, is the case's. Sending the
// same notice again at the same instant (a retried request) returns the
// one sent.
func (s *Service) SendDirective(ctx context.Context, p qinglang.Principal, d qinglang.Directive) (qinglang.Directive, error) {
	if !authz.Can(p, authz.DirectivesSend) {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EFORBIDDEN, "只有监管部门可以发送监管通知",
			"only a regulator may send a notice to a platform")
	}
	if d.Region == "" && p.Role == qinglang.RoleRegulator {
		d.Region = p.Region
	}
	var out qinglang.Directive
	err := s.inTx(ctx, func(c *change) error {
		if d.CaseID != "" {
			cs, err := c.getCase(ctx, d.CaseID)
			if err != nil {
				return err
			}
			if !authz.Visible(p, caseResource(cs)) {
				return authz.NotFound()
			}
			if d.Platform == "" {
				d.Platform = cs.Subject.Platform
			}
			if d.Platform != cs.Subject.Platform {
				return qinglang.Errorf(qinglang.EINVALID, "案件 %[1]s 属于平台 %[2]q，不能向平台 %[3]q 发送",
					"case %[1]s belongs to platform %[2]q; the notice cannot go to platform %[3]q", cs.ID, cs.Subject.Platform, d.Platform)
			}
		}
		sent, err := regloop.Send(d, p, s.now())
		if err != nil {
			return err
		}
		var stored qinglang.Directive
		_, err = c.get(ctx, qinglang.RecDirective, sent.ID, &stored)
		switch {
		case err == nil:
			out = stored // a retried request
			return nil
		case qinglang.Code(err) != qinglang.ENOTFOUND:
			return err
		}
		if err := c.putDirective(ctx, sent); err != nil {
			return err
		}
		out = sent
		return s.audit(ctx, c, p, "directive.send", "directive:"+sent.ID, sent)
	})
	return out, err
}

// Directives lists the directives p may see, the most recently changed
// first: a platform's (or reviewer's) its platform's, a regulator's those
// sent in or escalated to a region it covers. Each is checked again with
// regloop.CanSeeDirective, and Overdue is applied after the store, so a
// page may hold fewer than asked for.
func (s *Service) Directives(ctx context.Context, p qinglang.Principal, f DirectiveFilter) (DirectivePage, error) {
	if err := authz.Check(p, authz.DirectivesRead, authz.Resource{}); err != nil {
		return DirectivePage{}, err
	}
	if f.Limit < 0 || f.Limit > 1000 {
		return DirectivePage{}, qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 1000 之间（收到 %d）",
			"limit must be between 1 and 1000 (got %d)", f.Limit)
	}
	out := DirectivePage{Directives: []qinglang.Directive{}}
	if f.Platform != "" && p.Platform != "" && f.Platform != p.Platform {
		return out, nil
	}
	rf := qinglang.RecordFilter{Kind: qinglang.RecDirective, Platform: f.Platform, Cursor: f.Cursor, Limit: f.Limit}
	for _, st := range f.States {
		if !slices.Contains(regloop.DirectiveStates, st) {
			return DirectivePage{}, qinglang.Errorf(qinglang.EINVALID, "未知的通知状态 %q", "unknown notice state %q", st)
		}
		if !f.Overdue || st != qinglang.DirectiveReported {
			rf.States = append(rf.States, string(st))
		}
	}
	if f.Overdue && len(f.States) == 0 {
		rf.States = openDirectiveStates()
	}
	if f.Overdue && len(rf.States) == 0 {
		return out, nil // only reported ones asked for: none is overdue
	}
	page, err := s.cfg.Store.Records(ctx, scopeFilter(p, rf))
	if err != nil {
		return DirectivePage{}, err
	}
	out.Next = page.Next
	ds, err := decodeAll[qinglang.Directive](page.Records)
	if err != nil {
		return DirectivePage{}, err
	}
	now := s.now()
	for _, d := range ds {
		if regloop.CanSeeDirective(p, d) && (!f.Overdue || regloop.Overdue(d, now)) {
			out.Directives = append(out.Directives, d)
		}
	}
	return out, nil
}

// Directive returns one directive; one p may not see is ENOTFOUND.
func (s *Service) Directive(ctx context.Context, p qinglang.Principal, id string) (qinglang.Directive, error) {
	var d qinglang.Directive
	if _, err := s.readJSON(ctx, qinglang.RecDirective, id, &d); err != nil {
		return qinglang.Directive{}, notFound(err)
	}
	if !regloop.CanSeeDirective(p, d) {
		return qinglang.Directive{}, authz.NotFound()
	}
	if !authz.Can(p, authz.DirectivesRead) {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %q 无权查阅监管通知", "role %q may not read notices", p.Role)
	}
	return d, nil
}

// AnswerDirective records one step of the platform's answer: acknowledge,
// act (Text: what was done) or report (Text and Evidence). Only the
// platform's own platform token (or an admin) answers: a directive p may
// not see is ENOTFOUND, one it sees but may not answer EFORBIDDEN (a
// reviewer reads directives but does not answer regulators: authz's
// table).
func (s *Service) AnswerDirective(ctx context.Context, p qinglang.Principal, id string, a DirectiveAnswer) (qinglang.Directive, error) {
	var out qinglang.Directive
	err := s.inTx(ctx, func(c *change) error {
		var d qinglang.Directive
		if _, err := c.get(ctx, qinglang.RecDirective, id, &d); err != nil {
			return notFound(err)
		}
		if !regloop.CanSeeDirective(p, d) {
			return authz.NotFound()
		}
		if !authz.Can(p, authz.DirectivesAnswer) {
			return qinglang.Errorf(qinglang.EFORBIDDEN, "只有平台 %q 可以答复该通知", "only platform %q may answer this notice", d.Platform)
		}
		now := s.now()
		var err error
		switch a.Step {
		case StepAcknowledge:
			d, err = regloop.Acknowledge(d, p, now)
		case StepAct:
			d, err = regloop.Act(d, p, a.Text, now)
		case StepReport:
			d, err = regloop.Report(d, p, a.Text, a.Evidence, now)
		default:
			err = qinglang.Errorf(qinglang.EINVALID, "未知的答复步骤 %q（应为 acknowledge、act 或 report）",
				"unknown answer step %q (want acknowledge, act or report)", a.Step)
		}
		if err != nil {
			return err
		}
		if err := c.putDirective(ctx, d); err != nil {
			return err
		}
		out = d
		return s.audit(ctx, c, p, "directive."+string(a.Step), "directive:"+id, a)
	})
	return out, err
}

// SweepDirectives escalates, as qinglang.System, every directive due to
// escalate now (regloop.Sweep): one level up, one transaction and one
// audit entry "directive.escalate" each. A directive that fails is
// skipped and its error joined to the one returned, after the others.
func (s *Service) SweepDirectives(ctx context.Context) ([]qinglang.Directive, error) {
	now := s.now()
	// DueBefore is exclusive; a directive escalates again at its next
	// escalation time itself (regloop.Due).
	recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecDirective, DueBefore: now.Add(time.Microsecond),
		States: openDirectiveStates(), Oldest: true})
	if err != nil {
		return nil, err
	}
	ds, err := decodeAll[qinglang.Directive](recs)
	if err != nil {
		return nil, err
	}
	out := []qinglang.Directive{}
	var errs []error
	for _, due := range regloop.Sweep(ds, now) {
		var escalated qinglang.Directive
		err := s.inTx(ctx, func(c *change) error {
			var d qinglang.Directive
			if _, err := c.get(ctx, qinglang.RecDirective, due.ID, &d); err != nil {
				return err
			}
			if !regloop.Due(d, now) {
				return nil // answered or escalated meanwhile
			}
			from := cmp.Or(d.EscalatedTo, d.Region)
			d, err := regloop.Escalate(d, now)
			if err != nil {
				return err
			}
			if err := c.putDirective(ctx, d); err != nil {
				return err
			}
			escalated = d
			data := struct {
				From string `json:"from"`
				To   string `json:"to"`
			}{from, d.EscalatedTo}
			return s.audit(ctx, c, qinglang.System, "directive.escalate", "directive:"+d.ID, data)
		})
		switch {
		case err != nil:
			errs = append(errs, err)
		case escalated.ID != "":
			out = append(out, escalated)
		}
	}
	return out, errors.Join(errs...)
}

// openDirectiveStates are the states of a directive not yet reported.
func openDirectiveStates() []string {
	return []string{string(qinglang.DirectiveSent), string(qinglang.DirectiveAcknowledged),
		string(qinglang.DirectiveActed), string(qinglang.DirectiveEscalated)}
}

// directiveRecord is how a directive is stored: its platform, state, case
// and subject as lookup columns; Due its next escalation while it is not
// reported (none once it reached the national level); the sending region
// and the one it escalated to as scopes.
func directiveRecord(d qinglang.Directive) qinglang.Record {
	rec := qinglang.Record{Kind: qinglang.RecDirective, ID: d.ID, Platform: d.Platform, CaseID: d.CaseID,
		State: string(d.State), Scopes: []string{"region:" + d.Region}}
	if d.Subject != nil {
		rec.Subject = d.Subject.Key()
	}
	if d.EscalatedTo != "" {
		rec.Scopes = append(rec.Scopes, "region:"+d.EscalatedTo)
	}
	reported := d.State == qinglang.DirectiveReported || !d.ReportedAt.IsZero()
	top := d.State == qinglang.DirectiveEscalated && d.EscalatedTo == regloop.National
	if !reported && !top {
		rec.Due = regloop.NextEscalation(d)
	}
	return rec
}

// putDirective stores d.
func (c *change) putDirective(ctx context.Context, d qinglang.Directive) error {
	return c.put(ctx, directiveRecord(d), d)
}

// RecordAction records a regulator's instrument on a case
// (regloop.Record): the case must be visible to p (ENOTFOUND otherwise);
// a platform's own tokens, and a regulator that sees the case but is not
// its jurisdiction, are EFORBIDDEN. Escalate, supervise and share change
// the case too: it is stored with its scopes widened (the higher or the
// sharing region's regulators now list it), and the audit entry holds the
// casework change beside the action. Publishing a case after an exposure
// is the case action publish.
func (s *Service) RecordAction(ctx context.Context, p qinglang.Principal, caseID string, a qinglang.RegulatoryAction) (qinglang.Case, qinglang.RegulatoryAction, error) {
	var outCase qinglang.Case
	var outAction qinglang.RegulatoryAction
	err := s.inTx(ctx, func(c *change) error {
		cs, err := c.getCase(ctx, caseID)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.ActionsRecord, caseResource(cs)); err != nil {
			return err
		}
		now := s.now()
		n, act, err := regloop.Record(cs, a, p, now)
		if err != nil {
			return err
		}
		if _, err := c.tx.GetRecord(ctx, qinglang.RecAction, act.ID); err == nil {
			return qinglang.Errorf(qinglang.ECONFLICT, "监管措施 %s 已记录", "regulatory action %s was already recorded", act.ID)
		} else if qinglang.Code(err) != qinglang.ENOTFOUND {
			return err
		}
		entry := struct {
			Action qinglang.RegulatoryAction `json:"action"`
			Change *casework.Change          `json:"change,omitempty"`
		}{Action: act}
		if ch := caseChange(cs, n, act, p, now); ch != nil {
			if err := c.putCase(ctx, &n); err != nil {
				return err
			}
			entry.Change = ch
		}
		rec := qinglang.Record{Kind: qinglang.RecAction, ID: act.ID, CaseID: cs.ID, Platform: cs.Subject.Platform,
			Subject: cs.Subject.Key(), State: string(act.Kind), Scopes: caseScopes(n)}
		if err := c.put(ctx, rec, act); err != nil {
			return err
		}
		outCase, outAction = n, act
		return s.audit(ctx, c, p, "case.action."+string(act.Kind), "case:"+cs.ID, entry)
	})
	return outCase, outAction, err
}

// caseChange is the casework change an action made to a case (escalate,
// supervise, share), nil when the case is as it was (the other
// instruments, a share with a region already shared with).
func caseChange(before, after qinglang.Case, a qinglang.RegulatoryAction, by qinglang.Principal, at time.Time) *casework.Change {
	ch := casework.Change{CaseID: before.ID, From: before.State, To: after.State, By: casework.ActorOf(by), At: at}
	switch {
	case a.Kind == qinglang.ActionEscalate && after.EscalatedTo != before.EscalatedTo:
		ch.Action = casework.ActEscalate
		ch.Details.Region, ch.Details.Previous = after.EscalatedTo, before.EscalatedTo
	case a.Kind == qinglang.ActionSupervise && after.Supervised != before.Supervised:
		ch.Action = casework.ActSupervise
	case a.Kind == qinglang.ActionShare && len(after.SharedWith) != len(before.SharedWith):
		ch.Action = casework.ActShare
		ch.Details.Region = a.Target
	default:
		return nil
	}
	return &ch
}
