package casework

import (
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Actor is who made a change, as the audit log records it: the
// principal's name, role and token id (never the secret).
type Actor struct {
	Name    string        `json:"name"`
	Role    qinglang.Role `json:"role"`
	TokenID string        `json:"token_id,omitempty"`
}

// ActorOf returns the actor of principal p.
func ActorOf(p qinglang.Principal) Actor {
	return Actor{Name: p.Name, Role: p.Role, TokenID: p.TokenID}
}

// Change is what one action (or one placement of a finding, see Plan) did
// to a case, for the hash-chained audit log. Its JSON has a stable field
// order (the order below) and leaves out the details an action does not
// have.
type Change struct {
	CaseID string     `json:"case_id"`
	Action ActionKind `json:"action"`
	// From and To are the states before and after (equal for an action
	// that does not move the case; From is "" when Plan opens the case).
	From    qinglang.CaseState `json:"from,omitempty"`
	To      qinglang.CaseState `json:"to"`
	By      Actor              `json:"by"`
	At      time.Time          `json:"at"`
	Details Details            `json:"details"`
}

// Details are the particulars of a change; each action fills its own.
type Details struct {
	Assignee string    `json:"assignee,omitempty"` // assign
	DueAt    time.Time `json:"due_at,omitzero"`    // assign
	// Previous is the value replaced: the assignee (assign), the region
	// (set_region) or the earlier escalation target (escalate).
	Previous  string `json:"previous,omitempty"`
	MeasureID string `json:"measure_id,omitempty"` // propose, decide
	// Approved is decide's verdict: true approved, false rejected.
	Approved  *bool                `json:"approved,omitempty"`
	NoticeID  string               `json:"notice_id,omitempty"`  // notify
	AppealID  string               `json:"appeal_id,omitempty"`  // appeal, review_appeal
	DecidedBy string               `json:"decided_by,omitempty"` // review_appeal
	Outcome   qinglang.AppealState `json:"outcome,omitempty"`    // review_appeal
	Reason    string               `json:"reason,omitempty"`     // close, reopen, decide
	Text      string               `json:"text,omitempty"`       // comment
	Hold      *bool                `json:"hold,omitempty"`       // legal_hold
	Region    string               `json:"region,omitempty"`     // set_region, escalate, share
	// Subject, FindingID and Room: what Plan opened a case about and
	// placed in it.
	Subject   *qinglang.Subject `json:"subject,omitempty"`
	FindingID string            `json:"finding_id,omitempty"`
	Room      string            `json:"room,omitempty"`
}

// notClosed are the states of a case still being worked.
var notClosed = slices.DeleteFunc(slices.Clone(qinglang.CaseStates),
	func(s qinglang.CaseState) bool { return s == qinglang.CaseClosed })

// fromStates are the states each action may be taken in.
var fromStates = map[ActionKind][]qinglang.CaseState{
	ActAssign:       notClosed,
	ActStartReview:  {qinglang.CaseOpen},
	ActPropose:      {qinglang.CaseOpen, qinglang.CaseInReview},
	ActDecide:       {qinglang.CaseMeasureProposed},
	ActNotify:       {qinglang.CaseDecided},
	ActAppeal:       {qinglang.CaseNotified},
	ActReviewAppeal: {qinglang.CaseAppealed},
	// A decided measure is notified before the case closes (Order 117
	// art. 14), and an appeal is reviewed first.
	ActClose: {qinglang.CaseOpen, qinglang.CaseInReview, qinglang.CaseMeasureProposed,
		qinglang.CaseNotified, qinglang.CaseReviewed},
	ActReopen:    {qinglang.CaseClosed},
	ActComment:   qinglang.CaseStates,
	ActPublish:   qinglang.CaseStates,
	ActUnpublish: qinglang.CaseStates,
	ActLegalHold: qinglang.CaseStates,
	ActSetRegion: qinglang.CaseStates,
	ActEscalate:  notClosed,
	ActSupervise: notClosed,
	ActShare:     qinglang.CaseStates,
}

// Apply takes action a on case c by principal by at time at, and returns
// the case after it and the change to record. It checks, in this order:
// the principal (a name and a known role), the action's kind, that the
// role permits it (EFORBIDDEN), the action's fields (EINVALID), that the
// case's state allows it (ECONFLICT), and the rules of the action itself
// (the different reviewer of an appeal: EFORBIDDEN; an action that would
// change nothing, such as publishing a published case or sharing with a
// region twice: ECONFLICT). On error the case is returned unchanged.
//
// Apply does not check scope (whether the case belongs to the principal's
// platform, region or rooms): the caller does, before. It never changes
// the slices of c in place, and leaves UpdatedAt to the store.
func Apply(c qinglang.Case, a Action, by qinglang.Principal, at time.Time) (qinglang.Case, Change, error) {
	if err := check(c, a, by, at); err != nil {
		return c, Change{}, err
	}
	n := c
	ch := Change{CaseID: c.ID, Action: a.Kind, From: c.State, By: ActorOf(by), At: at}
	d := &ch.Details
	switch a.Kind {
	case ActAssign:
		if c.Assignee == a.Assignee && c.DueAt.Equal(a.DueAt) {
			return c, Change{}, noop(a.Kind, "案件已分派给 %s", "the case is assigned to %s already", a.Assignee)
		}
		n.Assignee, n.DueAt = a.Assignee, a.DueAt
		d.Assignee, d.DueAt, d.Previous = a.Assignee, a.DueAt, c.Assignee
	case ActStartReview:
		n.State = qinglang.CaseInReview
	case ActPropose:
		n.State = qinglang.CaseMeasureProposed
		d.MeasureID, d.Reason = a.MeasureID, a.Reason
	case ActDecide:
		n.State = qinglang.CaseInReview // rejected: back to review
		if a.Approve {
			n.State = qinglang.CaseDecided
		}
		d.MeasureID, d.Approved, d.Reason = a.MeasureID, &a.Approve, a.Reason
	case ActNotify:
		n.State = qinglang.CaseNotified
		d.NoticeID = a.NoticeID
	case ActAppeal:
		n.State = qinglang.CaseAppealed
		d.AppealID = a.AppealID
	case ActReviewAppeal:
		if samePerson(by.Name, a.DecidedBy) {
			return c, Change{}, qinglang.Errorf(qinglang.EFORBIDDEN,
				"申诉须由决定措施者以外的人复核：措施由 %s 决定，不能由其本人复核",
				"an appeal is reviewed by someone other than who decided the measure: %s decided it and may not review it",
				a.DecidedBy)
		}
		n.State = qinglang.CaseReviewed
		d.AppealID, d.DecidedBy, d.Outcome = a.AppealID, a.DecidedBy, a.Outcome
	case ActClose:
		n.State, n.ClosedAt = qinglang.CaseClosed, at
		d.Reason = a.Reason
	case ActReopen:
		n.State, n.ClosedAt = qinglang.CaseOpen, time.Time{}
		d.Reason = a.Reason
	case ActComment:
		n.Comments = append(slices.Clip(c.Comments), qinglang.CaseComment{At: at, Author: by.Name, Text: a.Text})
		d.Text = a.Text
	case ActPublish, ActUnpublish:
		publish := a.Kind == ActPublish
		if c.Published == publish {
			if publish {
				return c, Change{}, noop(a.Kind, "案件已公开", "the case is published already")
			}
			return c, Change{}, noop(a.Kind, "案件未公开", "the case is not published")
		}
		n.Published = publish
	case ActLegalHold:
		if c.LegalHold == a.Hold {
			if a.Hold {
				return c, Change{}, noop(a.Kind, "案件已处于法律保全", "the case is on legal hold already")
			}
			return c, Change{}, noop(a.Kind, "案件未处于法律保全", "the case is not on legal hold")
		}
		n.LegalHold = a.Hold
		d.Hold = &a.Hold
	case ActSetRegion:
		if c.Region == a.Region {
			return c, Change{}, noop(a.Kind, "案件的管辖地区已是 %s", "the case's region is %s already", a.Region)
		}
		n.Region = a.Region
		d.Region, d.Previous = a.Region, c.Region
	case ActEscalate:
		switch a.Region {
		case c.EscalatedTo:
			return c, Change{}, noop(a.Kind, "案件已提级至 %s", "the case is escalated to %s already", a.Region)
		case c.Region:
			return c, Change{}, noop(a.Kind, "%s 已是案件的管辖地区", "%s is the case's region already", a.Region)
		}
		n.EscalatedTo = a.Region
		d.Region, d.Previous = a.Region, c.EscalatedTo
	case ActSupervise:
		if c.Supervised {
			return c, Change{}, noop(a.Kind, "案件已挂牌督办", "the case is listed for supervision already")
		}
		n.Supervised = true
	case ActShare:
		switch {
		case slices.Contains(c.SharedWith, a.Region):
			return c, Change{}, noop(a.Kind, "案件已与 %s 共享", "the case is shared with %s already", a.Region)
		case a.Region == c.Region:
			return c, Change{}, noop(a.Kind, "%s 是案件的管辖地区", "%s is the case's own region", a.Region)
		}
		n.SharedWith = append(slices.Clip(c.SharedWith), a.Region)
		d.Region = a.Region
	}
	ch.To = n.State
	return n, ch, nil
}

// check makes the checks of Apply that come before the action itself.
func check(c qinglang.Case, a Action, by qinglang.Principal, at time.Time) error {
	switch {
	case strings.TrimSpace(by.Name) == "":
		return qinglang.Errorf(qinglang.EINVALID, "缺少操作人姓名", "missing: the name of who acts")
	case !by.Role.Known():
		return qinglang.Errorf(qinglang.EFORBIDDEN, "未知角色 %q", "unknown role %q", by.Role)
	case at.IsZero():
		return qinglang.Errorf(qinglang.EINVALID, "缺少操作时间", "missing: the time of the action")
	case a.Kind == ActOpen || a.Kind == ActAddFinding:
		return qinglang.Errorf(qinglang.EINVALID, "%s 由归并发现（Plan）完成，不能直接执行", "%s is done by grouping findings (Plan), not as an action", a.Kind)
	case !a.Kind.Known():
		return qinglang.Errorf(qinglang.EINVALID, "未知操作 %q", "unknown action %q", a.Kind)
	case !Permits(by.Role, a.Kind):
		zh, en := a.Kind.Name()
		return qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %[1]s 不能%[2]s（%[3]s）", "role %[1]s may not %[4]s",
			by.Role, zh, a.Kind, withCode(en, a.Kind))
	}
	if err := a.check(at); err != nil {
		return err
	}
	if !slices.Contains(qinglang.CaseStates, c.State) {
		return qinglang.Errorf(qinglang.EINVALID, "案件状态 %q 未知", "the case's state %q is unknown", c.State)
	}
	if !slices.Contains(fromStates[a.Kind], c.State) {
		return conflict(c.State, a.Kind)
	}
	return nil
}

// conflict is the error of an action its state does not allow: it names
// the state, the action and the states that allow it.
func conflict(s qinglang.CaseState, k ActionKind) error {
	szh, sen := StateName(s)
	kzh, ken := k.Name()
	var allowZH, allowEN []string
	for _, f := range fromStates[k] {
		zh, _ := StateName(f)
		allowZH, allowEN = append(allowZH, zh), append(allowEN, string(f))
	}
	return qinglang.Errorf(qinglang.ECONFLICT,
		"案件处于「%[1]s」状态（%[2]s），不能%[3]s（%[4]s）；仅限以下状态：%[5]s",
		"cannot %[6]s: the case is %[7]s; allowed in: %[8]s",
		szh, s, kzh, k, strings.Join(allowZH, "、"), withCode(ken, k), withCode(sen, s), strings.Join(allowEN, ", "))
}

// withCode is an English name followed by its code in brackets, or the
// code alone when they are the same: "start the review (start_review)",
// "assign".
func withCode[S ~string](name string, code S) string {
	if name == string(code) {
		return name
	}
	return name + " (" + string(code) + ")"
}

// noop is the error of an action that would change nothing.
func noop(k ActionKind, zh, en string, args ...any) error {
	kzh, ken := k.Name()
	e := qinglang.Errorf(qinglang.ECONFLICT, zh, en, args...)
	e.Message = "不能" + kzh + "（" + string(k) + "）：" + e.Message
	e.MessageEN = "cannot " + withCode(ken, k) + ": " + e.MessageEN
	return e
}

// samePerson reports whether two principal names are one person's.
func samePerson(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// Available returns the actions by may take on c now, in ActionKinds
// order: those its role permits, c's state allows, and that would change
// something (publish is not offered for a published case). It does not
// know the fields an action will carry, so Apply may still refuse one
// (review_appeal by the measure's decider, share with a region already
// shared with).
func Available(c qinglang.Case, by qinglang.Principal) []ActionKind {
	var out []ActionKind
	for _, k := range RoleActions(by.Role) {
		if !slices.Contains(fromStates[k], c.State) {
			continue
		}
		switch {
		case k == ActPublish && c.Published, k == ActUnpublish && !c.Published,
			k == ActSupervise && c.Supervised:
			continue
		}
		out = append(out, k)
	}
	return out
}
