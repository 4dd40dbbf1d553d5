package regloop

import (
	"slices"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
)

// Jurisdiction is the region that handles c: the region it was escalated
// to (提级管辖) when it was, its own region otherwise.
func Jurisdiction(c qinglang.Case) string {
	if c.EscalatedTo != "" {
		return c.EscalatedTo
	}
	return c.Region
}

// VisibleToRegulator reports whether a regulator of region may read c:
// its region covers the case's region, the region the case was escalated
// to, or a region the case is shared with. A case without a region is
// visible to no regulator (only to admins).
func VisibleToRegulator(region string, c qinglang.Case) bool {
	if Covers(region, c.Region) || (c.EscalatedTo != "" && Covers(region, c.EscalatedTo)) {
		return true
	}
	return slices.ContainsFunc(c.SharedWith, func(s string) bool { return Covers(region, s) })
}

// MayAct reports whether a regulator of region may record regulatory
// actions on c: its region covers the case's Jurisdiction. So once a case
// is escalated, the lower jurisdiction keeps reading and commenting but the
// higher one acts; and a region the case is only shared with may read and
// comment (Comment) but not act, escalate or share further: sharing is
// information, not jurisdiction.
func MayAct(region string, c qinglang.Case) bool { return Covers(region, Jurisdiction(c)) }

// Record validates a regulatory action on c by a regulator (or an admin)
// and returns the case as the action leaves it and the action as recorded:
// its CaseID, Region (the acting regulator's region; an admin acts as the
// case's jurisdiction), At, By and, when empty, its ID (ActionID).
//
// Per kind: guidance, interview and exposure need Text; a penalty needs
// Text and FineFen ≥ 0 (fen); escalate needs a Target that strictly covers
// the case's jurisdiction (a higher one), sets c.EscalatedTo, and is
// decided by the higher jurisdiction: the acting regulator's region must
// cover the target (a lower one asks for it outside Qinglang); supervise
// sets c.Supervised (a case already supervised is ECONFLICT); share needs
// a Target other than the case's region and adds it to c.SharedWith once
// (sharing again with the same region records the action, with its new
// text, and leaves the list as it is). Target is only for escalate and
// share, FineFen only for a penalty.
//
// Who: an admin, or a regulator that MayAct. A regulator that can see the
// case but may not act on it, and a platform or reviewer of the case's
// platform, are EFORBIDDEN; anyone else is ENOTFOUND. The case's state is
// not checked: regulators act on a platform's case whatever the platform's
// handling of it.
func Record(c qinglang.Case, a qinglang.RegulatoryAction, by qinglang.Principal, at time.Time) (qinglang.Case, qinglang.RegulatoryAction, error) {
	region, err := actingRegion(c, by)
	if err != nil {
		return qinglang.Case{}, qinglang.RegulatoryAction{}, err
	}
	if err := ValidRegion(c.Region); err != nil {
		return qinglang.Case{}, qinglang.RegulatoryAction{}, qinglang.Errorf(qinglang.EINVALID, "案件 %q 没有有效的行政区划，无法记录监管措施",
			"case %q has no valid region; no regulatory action can be recorded on it", c.ID)
	}
	if err := validateAction(c, a, at); err != nil {
		return qinglang.Case{}, qinglang.RegulatoryAction{}, err
	}
	if a.Kind == qinglang.ActionEscalate && by.Role != qinglang.RoleAdmin && !Covers(region, a.Target) {
		return qinglang.Case{}, qinglang.RegulatoryAction{}, qinglang.Errorf(qinglang.EFORBIDDEN,
			"提级管辖由上级辖区 %[1]s 决定，辖区 %[2]s 只能报请", "escalation is decided by the higher jurisdiction %[1]s; region %[2]s may only ask for it",
			a.Target, region)
	}
	a.CaseID = c.ID
	a.Region = region
	a.At = at
	a.By = who(by)
	if a.ID == "" {
		a.ID = ActionID(a)
	}
	switch a.Kind {
	case qinglang.ActionEscalate:
		c.EscalatedTo = a.Target
	case qinglang.ActionSupervise:
		c.Supervised = true
	case qinglang.ActionShare:
		if !slices.Contains(c.SharedWith, a.Target) {
			c.SharedWith = append(slices.Clone(c.SharedWith), a.Target)
		}
	}
	return c, a, nil
}

// validateAction checks a's fields for its kind against c.
func validateAction(c qinglang.Case, a qinglang.RegulatoryAction, at time.Time) error {
	if !slices.Contains(ActionKinds, a.Kind) {
		return qinglang.Errorf(qinglang.EINVALID, "未知的监管措施 %q", "unknown regulatory action %q", a.Kind)
	}
	zh, en := ActionName(a.Kind)
	switch {
	case at.IsZero():
		return qinglang.Errorf(qinglang.EINVALID, "缺少%[1]s的时间", "the time of the %[2]s is missing", zh, en)
	case a.CaseID != "" && a.CaseID != c.ID:
		return qinglang.Errorf(qinglang.EINVALID, "措施所属案件 %[1]q 与案件 %[2]q 不符", "the action's case %[1]q is not case %[2]q", a.CaseID, c.ID)
	case a.FineFen != 0 && a.Kind != qinglang.ActionPenalty:
		return qinglang.Errorf(qinglang.EINVALID, "%[1]s不含罚款", "a %[2]s carries no fine", zh, en)
	case a.Target != "" && a.Kind != qinglang.ActionEscalate && a.Kind != qinglang.ActionShare:
		return qinglang.Errorf(qinglang.EINVALID, "%[1]s不指定目标区域", "a %[2]s has no target region", zh, en)
	}
	if err := checkID("措施", "action", a.ID, false); err != nil {
		return err
	}
	needText := a.Kind == qinglang.ActionGuidance || a.Kind == qinglang.ActionInterview ||
		a.Kind == qinglang.ActionExposure || a.Kind == qinglang.ActionPenalty
	if err := checkText(zh+"内容", "the "+en+"'s text", a.Text, needText); err != nil {
		return err
	}
	switch a.Kind {
	case qinglang.ActionPenalty:
		if a.FineFen < 0 {
			return qinglang.Errorf(qinglang.EINVALID, "罚款金额不能为负：%d 分", "the fine must not be negative: %d fen", a.FineFen)
		}
	case qinglang.ActionEscalate:
		if err := ValidRegion(a.Target); err != nil {
			return err
		}
		if from := Jurisdiction(c); !StrictlyCovers(a.Target, from) {
			return qinglang.Errorf(qinglang.EINVALID, "提级管辖的目标 %[1]s 须为 %[2]s 的上级辖区",
				"an escalation's target %[1]s must be a higher jurisdiction over %[2]s", a.Target, from)
		}
	case qinglang.ActionSupervise:
		if c.Supervised {
			return qinglang.Errorf(qinglang.ECONFLICT, "案件 %q 已挂牌督办", "case %q is already under supervised listing", c.ID)
		}
	case qinglang.ActionShare:
		if err := ValidRegion(a.Target); err != nil {
			return err
		}
		if a.Target == c.Region {
			return qinglang.Errorf(qinglang.EINVALID, "共享的目标区域 %q 就是案件所在区域", "the share's target %q is the case's own region", a.Target)
		}
	}
	return nil
}

// Comment adds a note to c by a regulator that may see it (including a
// region the case is only shared with, or a lower jurisdiction after an
// escalation) or an admin. Platform and reviewer tokens of the case's
// platform are EFORBIDDEN (they comment through case work, not here);
// anyone else is ENOTFOUND.
func Comment(c qinglang.Case, text string, by qinglang.Principal, at time.Time) (qinglang.Case, error) {
	if err := mayRead(c, by); err != nil {
		return qinglang.Case{}, err
	}
	if err := checkText("意见", "the comment", text, true); err != nil {
		return qinglang.Case{}, err
	}
	if at.IsZero() {
		return qinglang.Case{}, qinglang.Errorf(qinglang.EINVALID, "缺少意见的时间", "the time of the comment is missing")
	}
	c.Comments = append(slices.Clone(c.Comments), qinglang.CaseComment{At: at, Author: who(by), Text: text})
	return c, nil
}

// ActionID derives a recorded action's id, "act_" and 24 hex digits, from
// its case, kind, region, author, time and content.
func ActionID(a qinglang.RegulatoryAction) string {
	return "act_" + digest(a.CaseID, string(a.Kind), a.Region, a.By, a.At.UTC().Format(time.RFC3339Nano),
		a.Target, strconv.FormatInt(a.FineFen, 10), a.Text)
}

// mayRead returns nil when by may read c as a regulator or an admin.
func mayRead(c qinglang.Case, by qinglang.Principal) error {
	switch {
	case by.Role == qinglang.RoleAdmin:
		return nil
	case by.Role == qinglang.RoleRegulator && VisibleToRegulator(by.Region, c):
		return nil
	case (by.Role == qinglang.RolePlatform || by.Role == qinglang.RoleReviewer) && by.Platform != "" && by.Platform == c.Subject.Platform:
		return qinglang.Errorf(qinglang.EFORBIDDEN, "只有监管部门可以这样做", "only a regulator may do this")
	}
	return qinglang.Errorf(qinglang.ENOTFOUND, "案件 %q 不存在", "case %q not found", c.ID)
}

// actingRegion returns the region by acts in on c, or why it may not act.
func actingRegion(c qinglang.Case, by qinglang.Principal) (string, error) {
	if err := mayRead(c, by); err != nil {
		return "", err
	}
	switch {
	case by.Role == qinglang.RoleAdmin:
		return Jurisdiction(c), nil
	case MayAct(by.Region, c):
		return by.Region, nil
	}
	return "", qinglang.Errorf(qinglang.EFORBIDDEN, "辖区 %[1]s 可查阅案件 %[3]q，但无权记录监管措施（管辖：%[2]s）",
		"region %[1]s may read case %[3]q but may not record actions on it (jurisdiction: %[2]s)", by.Region, Jurisdiction(c), c.ID)
}

// who names a principal in a record: its name, or its token id.
func who(p qinglang.Principal) string {
	if p.Name != "" {
		return p.Name
	}
	return p.TokenID
}
