package enforce

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
)

// The decisions of a finding review.
const (
	// ReviewConfirm confirms the finding: its open cases go to review.
	ReviewConfirm = "confirm"
	// ReviewDismiss dismisses it (a reason is required): its point
	// deductions are withdrawn.
	ReviewDismiss = "dismiss"
	// ReviewEscalate escalates it: its cases under review are due within
	// EscalationDue.
	ReviewEscalate = "escalate"
)

// ReviewDecisions lists the decisions of a finding review.
var ReviewDecisions = []string{ReviewConfirm, ReviewDismiss, ReviewEscalate}

// EscalationDue is how soon the cases of an escalated finding are due.
const EscalationDue = 24 * time.Hour

// MaxReviewReason bounds a review's reason, in characters, so that the
// comment that carries it on a case stays within casework's limit.
const MaxReviewReason = 2000

// Review is a reviewer's decision on a finding. One is kept per finding
// (id "rvw_" and a hash of the finding's id): a later review replaces it,
// and the audit log keeps every one ("finding.review" entries of object
// "review:ID").
type Review struct {
	ID        string    `json:"id"`
	FindingID string    `json:"finding_id"`
	Decision  string    `json:"decision"`
	Reason    string    `json:"reason,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Platform  string    `json:"platform"`
	Room      string    `json:"room,omitempty"`
	// Cases are the cases holding the finding when it was reviewed.
	Cases []string `json:"cases"`
}

// reviewID is the id of the review of a finding.
func reviewID(findingID string) string { return recordID("rvw_", findingID) }

// reviewRecord is how a review is stored: its platform and decision as
// lookup columns, its room as a scope (for operators' lists).
func reviewRecord(r Review) qinglang.Record {
	rec := qinglang.Record{Kind: qinglang.RecReview, ID: r.ID, Platform: r.Platform, State: r.Decision}
	if r.Room != "" {
		rec.Scopes = []string{"room:" + r.Room}
	}
	return rec
}

// reviewAudit is the data of a "finding.review" audit entry: the review,
// the decision it replaced and the deductions it withdrew.
type reviewAudit struct {
	Review
	Previous  string   `json:"previous,omitempty"`
	Withdrawn []string `json:"withdrawn,omitempty"`
}

// reviewEffect is the data of the audit entry of a case action a review
// took: the change, the review and who reviewed (the system acts for a
// reviewer whose role may not take the action itself).
type reviewEffect struct {
	casework.Change
	ReviewID string         `json:"review_id"`
	Reviewer casework.Actor `json:"reviewer"`
}

// ReviewFinding records p's decision on a finding (findings.review on the
// finding's platform and room; a finding p may not see is ENOTFOUND, as a
// missing one) and applies it to the enforcement loop, in one
// transaction with its audit entries:
//
//   - confirm: each case holding the finding that is open moves to
//     in_review (start_review);
//   - dismiss (a reason is required): the finding's point deductions are
//     deleted, so that it no longer counts towards measures, and each case
//     holding it gets a comment with the reason. A measure proposed or
//     decided already stays as it is: a person rejects or revokes it
//     (DecideMeasure, an appeal); the reviewer sees it on the case;
//   - escalate: each case holding the finding that is open or in_review
//     moves to in_review, is due within EscalationDue (assign, keeping its
//     assignee or else naming the reviewer; an earlier due date stays)
//     and gets a comment.
//
// The case actions are taken by p when its role may take them on the
// case, otherwise by qinglang.System; their audit entries name the review
// and the reviewer either way. A later review of the same finding
// replaces the earlier one. Confirming or escalating a finding dismissed
// before counts it again: after the commit it goes through intake
// (OnFindings) as the pipeline would feed it, its points deducted anew as
// of now; should that fail, the review stands and the error is returned.
// Intake never deducts the points of a finding whose review dismissed it.
func (s *Service) ReviewFinding(ctx context.Context, p qinglang.Principal, findingID, decision, reason string) (Review, error) {
	f, err := s.cfg.Store.Finding(ctx, findingID)
	if err != nil {
		return Review{}, notFound(err)
	}
	if err := authz.Check(p, authz.FindingsReview, authz.Resource{Platform: f.Platform, Room: f.Room}); err != nil {
		return Review{}, err
	}
	if err := checkReview(decision, reason); err != nil {
		return Review{}, err
	}
	caseIDs, err := s.cfg.Store.CasesOfFinding(ctx, f.ID)
	if err != nil {
		return Review{}, err
	}
	// The deductions to withdraw, for dismiss: intake stores each with
	// the case of its subject that holds the finding. The transaction
	// reads them again.
	var withdraw []string
	if decision == ReviewDismiss {
		for _, id := range caseIDs {
			recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction, CaseID: id})
			if err != nil {
				return Review{}, err
			}
			ds, err := decodeAll[deductionRecord](recs)
			if err != nil {
				return Review{}, err
			}
			for i, d := range ds {
				if d.FindingID == f.ID && !slices.Contains(withdraw, recs[i].ID) {
					withdraw = append(withdraw, recs[i].ID)
				}
			}
		}
	}
	var out Review
	var previous string
	err = s.inTx(ctx, func(c *change) error {
		now := s.now()
		rv := Review{ID: reviewID(f.ID), FindingID: f.ID, Decision: decision, Reason: strings.TrimSpace(reason),
			By: p.Name, At: now, Platform: f.Platform, Room: f.Room, Cases: []string{}}
		var prev Review
		switch _, err := c.get(ctx, qinglang.RecReview, rv.ID, &prev); {
		case err == nil:
			previous = prev.Decision
		case qinglang.Code(err) != qinglang.ENOTFOUND:
			return err
		}
		var trail []auditItem
		for _, id := range caseIDs {
			cs, err := c.getCase(ctx, id)
			switch {
			case qinglang.Code(err) == qinglang.ENOTFOUND:
				continue
			case err != nil:
				return err
			}
			rv.Cases = append(rv.Cases, cs.ID)
			items, err := s.reviewCase(ctx, c, p, rv, cs, now)
			if err != nil {
				return err
			}
			trail = append(trail, items...)
		}
		var withdrawn []string
		for _, id := range withdraw {
			var d deductionRecord
			switch _, err := c.get(ctx, qinglang.RecDeduction, id, &d); {
			case qinglang.Code(err) == qinglang.ENOTFOUND:
				continue
			case err != nil:
				return err
			}
			if d.FindingID != f.ID {
				continue
			}
			if err := c.tx.DeleteRecord(ctx, qinglang.RecDeduction, id); err != nil {
				return err
			}
			withdrawn = append(withdrawn, id)
		}
		if err := c.put(ctx, reviewRecord(rv), rv); err != nil {
			return err
		}
		out = rv
		if err := s.audit(ctx, c, p, "finding.review", "review:"+rv.ID,
			reviewAudit{Review: rv, Previous: previous, Withdrawn: withdrawn}); err != nil {
			return err
		}
		return s.auditTrail(ctx, c, trail)
	})
	if err != nil {
		return Review{}, err
	}
	if previous == ReviewDismiss && decision != ReviewDismiss {
		if _, err := s.OnFindings(ctx, []qinglang.Finding{f}); err != nil {
			return out, err
		}
	}
	return out, nil
}

// checkReview checks a review's decision and reason.
func checkReview(decision, reason string) error {
	if !slices.Contains(ReviewDecisions, decision) {
		return qinglang.Errorf(qinglang.EINVALID, "审核结论 decision 须为 confirm（确认）、dismiss（驳回）或 escalate（升级），而不是 %q",
			"the decision must be confirm, dismiss or escalate, not %q", decision)
	}
	switch n := utf8.RuneCountInString(reason); {
	case decision == ReviewDismiss && strings.TrimSpace(reason) == "":
		return qinglang.Errorf(qinglang.EINVALID, "驳回发现须说明理由（reason）", "dismissing a finding needs a reason")
	case n > MaxReviewReason:
		return qinglang.Errorf(qinglang.EINVALID, "理由（reason）最长 %d 字，现有 %d 字",
			"the reason is at most %d characters; it has %d", MaxReviewReason, n)
	}
	return nil
}

// reviewCase takes the case actions review rv asks of case cs and stores
// the case; it returns their audit entries.
func (s *Service) reviewCase(ctx context.Context, c *change, p qinglang.Principal, rv Review, cs qinglang.Case,
	now time.Time) ([]auditItem, error) {
	var actions []casework.Action
	switch rv.Decision {
	case ReviewConfirm:
		if cs.State == qinglang.CaseOpen {
			actions = append(actions, casework.Action{Kind: casework.ActStartReview})
		}
	case ReviewDismiss:
		actions = append(actions, casework.Action{Kind: casework.ActComment,
			Text: "发现 " + rv.FindingID + " 经审核驳回 / finding " + rv.FindingID + " dismissed on review: " + rv.Reason})
	case ReviewEscalate:
		if cs.State != qinglang.CaseOpen && cs.State != qinglang.CaseInReview {
			break
		}
		if cs.State == qinglang.CaseOpen {
			actions = append(actions, casework.Action{Kind: casework.ActStartReview})
		}
		due := now.Add(EscalationDue)
		if cs.DueAt.IsZero() || cs.DueAt.After(due) {
			assignee := cs.Assignee
			if assignee == "" {
				assignee = p.Name
			}
			actions = append(actions, casework.Action{Kind: casework.ActAssign, Assignee: assignee, DueAt: due})
		}
		text := "发现 " + rv.FindingID + " 经审核升级，须在 24 小时内处理 / finding " + rv.FindingID +
			" escalated on review: to be handled within 24 h"
		if rv.Reason != "" {
			text += ": " + rv.Reason
		}
		actions = append(actions, casework.Action{Kind: casework.ActComment, Text: text})
	}
	if len(actions) == 0 {
		return nil, nil
	}
	var trail []auditItem
	for _, a := range actions {
		by := p
		if !casework.Permits(p.Role, a.Kind) || authz.Check(p, authz.CasesWrite, caseResource(cs)) != nil {
			by = qinglang.System
		}
		n, ch, err := casework.Apply(cs, a, by, now)
		if err != nil {
			return nil, err
		}
		cs = n
		trail = append(trail, auditItem{by, "case." + string(a.Kind), "case:" + cs.ID,
			reviewEffect{Change: ch, ReviewID: rv.ID, Reviewer: casework.ActorOf(p)}})
	}
	if err := c.putCase(ctx, &cs); err != nil {
		return nil, err
	}
	return trail, nil
}

// Reviews lists the finding reviews p may see, the most recently made
// first (findings.read): a platform's and a reviewer's of their platform,
// an operator's of its rooms, every one for an admin. A regulator sees
// findings through the cases of its region, not their reviews: EFORBIDDEN.
// limit is 1..1000 (0 means 100); a page may hold fewer reviews than asked
// for (each is checked again with authz).
func (s *Service) Reviews(ctx context.Context, p qinglang.Principal, cursor string, limit int) ([]Review, string, error) {
	if err := authz.Check(p, authz.FindingsRead, authz.Resource{}); err != nil {
		return nil, "", err
	}
	if p.Role == qinglang.RoleRegulator {
		return nil, "", qinglang.Errorf(qinglang.EFORBIDDEN,
			"发现的审核记录不属于任何辖区：监管令牌通过本辖区的案件查看发现，请用 GET /v1/cases/{id}",
			"finding reviews are in no jurisdiction: a regulator sees findings through the cases of its region; use GET /v1/cases/{id}")
	}
	if limit < 0 || limit > 1000 {
		return nil, "", qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 1000 之间（收到 %d）",
			"limit must be between 1 and 1000 (got %d)", limit)
	}
	page, err := s.cfg.Store.Records(ctx, scopeFilter(p, qinglang.RecordFilter{Kind: qinglang.RecReview,
		Cursor: cursor, Limit: limit}))
	if err != nil {
		return nil, "", err
	}
	out := make([]Review, 0, len(page.Records))
	for _, rec := range page.Records {
		var rv Review
		if err := json.Unmarshal(rec.Body, &rv); err != nil {
			return nil, "", qinglang.Wrap(qinglang.EINTERNAL, err, "审核记录 %s 无法解读", "review %s cannot be read", rec.ID)
		}
		if !authz.Visible(p, authz.Resource{Platform: rv.Platform, Room: rv.Room}) {
			continue
		}
		if rv.Cases == nil {
			rv.Cases = []string{}
		}
		out = append(out, rv)
	}
	return out, page.Next, nil
}

// dismissed reads the review of finding id as the store holds it: whether
// it dismissed the finding, and the record (kept in read for the intake
// plan's check; nothing when there is no review).
func (s *Service) dismissed(ctx context.Context, findingID string, read map[string]qinglang.Record) (bool, error) {
	var rv Review
	rec, err := s.readJSON(ctx, qinglang.RecReview, reviewID(findingID), &rv)
	switch {
	case qinglang.Code(err) == qinglang.ENOTFOUND:
		return false, nil
	case err != nil:
		return false, err
	}
	read[string(qinglang.RecReview)+":"+rec.ID] = rec
	return rv.Decision == ReviewDismiss, nil
}
