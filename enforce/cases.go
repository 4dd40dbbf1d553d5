package enforce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
)

// maxListed bounds how many records of one kind a listing that must see
// all of them (a case's measures, a subject's deductions) reads. Product
// choice: a case or a subject with more is a bug or an attack, and it is
// refused rather than read without end.
const maxListed = 100_000

// Cases lists the cases p may see, the most recently changed first. The
// store narrows the list by p's scope (scopeFilter) and each case is
// checked again with authz, so a page may hold fewer cases than asked for;
// Published is applied after the store (it is no lookup column).
func (s *Service) Cases(ctx context.Context, p qinglang.Principal, f CaseFilter) (CasePage, error) {
	if err := authz.Check(p, authz.CasesRead, authz.Resource{}); err != nil {
		return CasePage{}, err
	}
	if f.Limit < 0 || f.Limit > 1000 {
		return CasePage{}, qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 1000 之间（收到 %d）",
			"limit must be between 1 and 1000 (got %d)", f.Limit)
	}
	if f.State != "" && !slices.Contains(qinglang.CaseStates, f.State) {
		return CasePage{}, qinglang.Errorf(qinglang.EINVALID, "未知的案件状态 %q", "unknown case state %q", f.State)
	}
	out := CasePage{Cases: []qinglang.Case{}}
	if f.Platform != "" && p.Platform != "" && f.Platform != p.Platform {
		return out, nil // another platform's cases: none of them is p's
	}
	rf := qinglang.RecordFilter{Kind: qinglang.RecCase, Platform: f.Platform, Subject: f.Subject,
		Cursor: f.Cursor, Limit: f.Limit}
	if f.State != "" {
		rf.States = []string{string(f.State)}
	}
	page, err := s.cfg.Store.Records(ctx, scopeFilter(p, rf))
	if err != nil {
		return CasePage{}, err
	}
	out.Next = page.Next
	for _, rec := range page.Records {
		c, err := decodeCase(rec)
		if err != nil {
			return CasePage{}, err
		}
		if (f.Published && !c.Published) || !authz.Visible(p, caseResource(c)) {
			continue
		}
		out.Cases = append(out.Cases, c)
	}
	return out, nil
}

// Case returns a case with everything that hangs off it. A case p may not
// see is ENOTFOUND, as a missing one is.
func (s *Service) Case(ctx context.Context, p qinglang.Principal, id string) (CaseView, error) {
	c, err := s.caseFor(ctx, p, authz.CasesRead, id)
	if err != nil {
		return CaseView{}, err
	}
	return s.caseView(ctx, p, c)
}

// ActOnCase takes one casework action on a case: the principal must see
// the case (ENOTFOUND otherwise) and hold cases.write, except a regulator,
// whose actions on cases (comment, publish, hold, set the region,
// escalate, supervise, share) the casework role table decides; an
// operator, without cases.write, takes none here (it appeals with
// FileAppeal). Each action is audited as "case."+kind. Proposing,
// deciding, appealing and reviewing an appeal create records of their own
// and have their own methods; asked for here they are EINVALID.
func (s *Service) ActOnCase(ctx context.Context, p qinglang.Principal, id string, a casework.Action) (qinglang.Case, error) {
	if route, ok := dedicatedRoutes[a.Kind]; ok {
		return qinglang.Case{}, qinglang.Errorf(qinglang.EINVALID, "操作 %[1]s 不能在此执行，请使用%[2]s",
			"the action %[1]s is not taken here: use %[3]s", a.Kind, route[0], route[1])
	}
	var out qinglang.Case
	err := s.inTx(ctx, func(c *change) error {
		cs, err := c.getCase(ctx, id)
		if err != nil {
			return err
		}
		res := caseResource(cs)
		if !authz.Visible(p, res) {
			return authz.NotFound()
		}
		if p.Role != qinglang.RoleRegulator {
			if err := authz.Check(p, authz.CasesWrite, res); err != nil {
				return err
			}
		}
		n, ch, err := casework.Apply(cs, a, p, s.now())
		if err != nil {
			return err
		}
		if err := c.putCase(ctx, &n); err != nil {
			return err
		}
		out = n
		return s.audit(ctx, c, p, "case."+string(a.Kind), "case:"+id, ch)
	})
	return out, err
}

// dedicatedRoutes are the case actions ActOnCase refuses, with the method
// that takes each (Chinese, English).
var dedicatedRoutes = map[casework.ActionKind][2]string{
	casework.ActPropose:      {"提出措施接口（ProposeMeasure）", "the measure proposal (ProposeMeasure)"},
	casework.ActDecide:       {"措施决定接口（DecideMeasure）", "the measure decision (DecideMeasure)"},
	casework.ActAppeal:       {"申诉接口（FileAppeal）", "the appeal (FileAppeal)"},
	casework.ActReviewAppeal: {"申诉复核接口（ReviewAppeal）", "the appeal review (ReviewAppeal)"},
}

// mayTake reports whether p may take an action of kind k through this
// service: the dedicated routes by their own authz action, the others by
// cases.write (a regulator by the casework role table alone).
func mayTake(p qinglang.Principal, k casework.ActionKind) bool {
	switch k {
	case casework.ActPropose, casework.ActDecide:
		return authz.Can(p, authz.MeasuresDecide)
	case casework.ActAppeal:
		return authz.Can(p, authz.AppealsFile)
	case casework.ActReviewAppeal:
		return authz.Can(p, authz.AppealsReview)
	}
	return p.Role == qinglang.RoleRegulator || authz.Can(p, authz.CasesWrite)
}

// caseFor reads a case and checks that p may do act on it.
func (s *Service) caseFor(ctx context.Context, p qinglang.Principal, act authz.Action, id string) (qinglang.Case, error) {
	c, err := s.loadCase(ctx, id)
	if err != nil {
		return c, err
	}
	if err := authz.Check(p, act, caseResource(c)); err != nil {
		return qinglang.Case{}, err
	}
	return c, nil
}

// caseView gathers what hangs off case c. Available lists what p may do
// now: casework's table, narrowed to what this service lets p do.
func (s *Service) caseView(ctx context.Context, p qinglang.Principal, c qinglang.Case) (CaseView, error) {
	v := CaseView{Case: c, Available: []casework.ActionKind{}}
	var err error
	if v.Measures, err = childrenOf[qinglang.Measure](ctx, s, qinglang.RecMeasure, c.ID); err != nil {
		return CaseView{}, err
	}
	if v.Notices, err = childrenOf[qinglang.Notice](ctx, s, qinglang.RecNotice, c.ID); err != nil {
		return CaseView{}, err
	}
	if v.Appeals, err = childrenOf[qinglang.Appeal](ctx, s, qinglang.RecAppeal, c.ID); err != nil {
		return CaseView{}, err
	}
	if v.Directives, err = childrenOf[qinglang.Directive](ctx, s, qinglang.RecDirective, c.ID); err != nil {
		return CaseView{}, err
	}
	if v.Actions, err = childrenOf[qinglang.RegulatoryAction](ctx, s, qinglang.RecAction, c.ID); err != nil {
		return CaseView{}, err
	}
	if v.Findings, err = s.findingsOf(ctx, c.Findings); err != nil {
		return CaseView{}, err
	}
	for _, k := range casework.Available(c, p) {
		if mayTake(p, k) {
			v.Available = append(v.Available, k)
		}
	}
	return v, nil
}

// childrenOf returns the records of a kind that belong to a case, oldest
// first.
func childrenOf[T any](ctx context.Context, s *Service, kind qinglang.RecordKind, caseID string) ([]T, error) {
	recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: kind, CaseID: caseID, Oldest: true})
	if err != nil {
		return nil, err
	}
	return decodeAll[T](recs)
}

// findingsOf reads findings by id, in that order; a finding no longer
// stored is left out.
func (s *Service) findingsOf(ctx context.Context, ids []string) ([]qinglang.Finding, error) {
	out := make([]qinglang.Finding, 0, len(ids))
	for _, id := range ids {
		f, err := s.cfg.Store.Finding(ctx, id)
		switch {
		case qinglang.Code(err) == qinglang.ENOTFOUND:
			continue
		case err != nil:
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// allRecords reads every page of a listing, at most maxListed records.
func (s *Service) allRecords(ctx context.Context, f qinglang.RecordFilter) ([]qinglang.Record, error) {
	f.Limit, f.Cursor = 1000, ""
	var out []qinglang.Record
	for {
		page, err := s.cfg.Store.Records(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Records...)
		if len(out) > maxListed {
			return nil, qinglang.Errorf(qinglang.ETOOLARGE, "%[1]s 记录超过 %[2]d 条，无法全部读取",
				"more than %[2]d %[1]s records: too many to read", f.Kind, maxListed)
		}
		if page.Next == "" {
			return out, nil
		}
		f.Cursor = page.Next
	}
}

// decodeAll decodes the bodies of records.
func decodeAll[T any](recs []qinglang.Record) ([]T, error) {
	out := make([]T, 0, len(recs))
	for _, rec := range recs {
		var v T
		if err := json.Unmarshal(rec.Body, &v); err != nil {
			return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "记录 %s 无法解读", "record %s cannot be read", rec.ID)
		}
		out = append(out, v)
	}
	return out, nil
}

// decodeCase decodes a case record; its UpdatedAt is the record's.
func decodeCase(rec qinglang.Record) (qinglang.Case, error) {
	var c qinglang.Case
	if err := json.Unmarshal(rec.Body, &c); err != nil {
		return c, qinglang.Wrap(qinglang.EINTERNAL, err, "案件 %s 无法解读", "case %s cannot be read", rec.ID)
	}
	c.UpdatedAt = rec.UpdatedAt
	return c, nil
}

// loadCase reads a case outside a transaction; a missing one is authz's
// ENOTFOUND, the answer a case out of scope gets too.
func (s *Service) loadCase(ctx context.Context, id string) (qinglang.Case, error) {
	rec, err := s.cfg.Store.Record(ctx, qinglang.RecCase, id)
	if err != nil {
		return qinglang.Case{}, notFound(err)
	}
	return decodeCase(rec)
}

// getCase reads a case in the transaction (locking it where the engine
// can).
func (c *change) getCase(ctx context.Context, id string) (qinglang.Case, error) {
	rec, err := c.tx.GetRecord(ctx, qinglang.RecCase, id)
	if err != nil {
		return qinglang.Case{}, notFound(err)
	}
	return decodeCase(rec)
}

// caseRecord is how a case is stored: its platform, subject and state as
// lookup columns, and the scopes that let regulators and operators list
// it (caseScopes).
func caseRecord(c qinglang.Case) qinglang.Record {
	return qinglang.Record{Kind: qinglang.RecCase, ID: c.ID, Platform: c.Subject.Platform,
		Subject: c.Subject.Key(), State: string(c.State), Scopes: caseScopes(c)}
}

// putCase stores cs and sets its UpdatedAt to the store's.
func (c *change) putCase(ctx context.Context, cs *qinglang.Case) error {
	if err := c.put(ctx, caseRecord(*cs), *cs); err != nil {
		return err
	}
	cs.UpdatedAt = c.written[len(c.written)-1].UpdatedAt
	return nil
}

// notFound turns a store's ENOTFOUND into authz's, which says nothing
// about whether the thing exists; other errors pass.
func notFound(err error) error {
	if qinglang.Code(err) == qinglang.ENOTFOUND {
		return authz.NotFound()
	}
	return err
}

// recordID derives a record id from its parts: prefix and 24 hex digits
// of a SHA-256, so that the same thing done twice has the same id.
func recordID(prefix string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + hex.EncodeToString(h.Sum(nil)[:12])
}
