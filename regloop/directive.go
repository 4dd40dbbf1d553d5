package regloop

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// MaxTextRunes bounds every free text of this package (a directive, a
// report, an action, a comment). Product choice, not law.
const MaxTextRunes = 4000

// Send validates a new directive and returns it sent: state sent, SentAt at,
// and an id. The caller fills Kind, Region (the sending jurisdiction),
// Platform, Text (TextEN optional), Deadline, and optionally CaseID and
// Subject; any other field it sets is dropped. An ID the caller sets is
// kept (so a store or a test can choose it); otherwise DirectiveID derives
// one. by must be a regulator whose region covers d.Region, or admin
// (EFORBIDDEN otherwise). A directive already sent (State set) is
// ECONFLICT.
func Send(d qinglang.Directive, by qinglang.Principal, at time.Time) (qinglang.Directive, error) {
	if by.Role != qinglang.RoleAdmin && by.Role != qinglang.RoleRegulator {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EFORBIDDEN, "只有监管部门可以发送监管通知", "only a regulator may send a notice to a platform")
	}
	if d.State != "" {
		zh, en := StateName(d.State)
		return qinglang.Directive{}, qinglang.Errorf(qinglang.ECONFLICT, "通知已发送（状态：%[1]s）", "the notice was already sent (state: %[2]s)", zh, en)
	}
	if !slices.Contains(DirectiveKinds, d.Kind) {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EINVALID, "未知的通知类型 %q", "unknown notice kind %q", d.Kind)
	}
	if err := ValidRegion(d.Region); err != nil {
		return qinglang.Directive{}, err
	}
	if err := checkID("平台", "platform", d.Platform, true); err != nil {
		return qinglang.Directive{}, err
	}
	if err := checkID("案件", "case", d.CaseID, false); err != nil {
		return qinglang.Directive{}, err
	}
	if s := d.Subject; s != nil {
		if !s.Kind.Known() || s.ID == "" || len(s.ID) > qinglang.MaxIDBytes || s.Platform != d.Platform {
			return qinglang.Directive{}, qinglang.Errorf(qinglang.EINVALID, "通知对象 %q 无效：须为平台 %q 上的已知主体",
				"the notice's subject %q is invalid: it must be a known kind of actor on platform %q", s.Key(), d.Platform)
		}
	}
	if err := checkText("通知内容", "the notice's text", d.Text, true); err != nil {
		return qinglang.Directive{}, err
	}
	if err := checkText("通知英文内容", "the notice's English text", d.TextEN, false); err != nil {
		return qinglang.Directive{}, err
	}
	if by.Role == qinglang.RoleRegulator && !Covers(by.Region, d.Region) {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EFORBIDDEN, "辖区 %q 的监管部门不能以辖区 %q 的名义发送通知",
			"a regulator of region %q may not send a notice in the name of region %q", by.Region, d.Region)
	}
	if at.IsZero() {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EINVALID, "缺少发送时间", "the time of sending is missing")
	}
	if !d.Deadline.After(at) {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EINVALID, "办理期限 %s 应晚于发送时间 %s",
			"the deadline %s must be after the time of sending %s", d.Deadline.Format(time.RFC3339), at.Format(time.RFC3339))
	}
	out := qinglang.Directive{
		ID:       d.ID,
		Kind:     d.Kind,
		State:    qinglang.DirectiveSent,
		Region:   d.Region,
		Platform: d.Platform,
		CaseID:   d.CaseID,
		Text:     d.Text,
		TextEN:   d.TextEN,
		SentAt:   at,
		Deadline: d.Deadline,
		Evidence: []string{},
	}
	if d.Subject != nil {
		s := *d.Subject
		out.Subject = &s
	}
	if err := checkID("通知", "notice", out.ID, false); err != nil {
		return qinglang.Directive{}, err
	}
	if out.ID == "" {
		out.ID = DirectiveID(out)
	}
	return out, nil
}

// DirectiveID derives a sent directive's id, "dir_" and 24 hex digits, from
// what it says, where it goes and when it was sent: sending the same notice
// twice at the same instant (a retried request) gives the same id.
func DirectiveID(d qinglang.Directive) string {
	subject := ""
	if d.Subject != nil {
		subject = d.Subject.Key()
	}
	return "dir_" + digest(string(d.Kind), d.Region, d.Platform, d.CaseID, subject, d.Text, d.TextEN,
		d.SentAt.UTC().Format(time.RFC3339Nano), d.Deadline.UTC().Format(time.RFC3339Nano))
}

// CanSeeDirective reports whether p may read d: an admin; the platform's
// own platform and reviewer tokens; a regulator whose region covers the
// sending region or the region the notice escalated to.
func CanSeeDirective(p qinglang.Principal, d qinglang.Directive) bool {
	switch p.Role {
	case qinglang.RoleAdmin:
		return true
	case qinglang.RolePlatform, qinglang.RoleReviewer:
		return p.Platform != "" && p.Platform == d.Platform
	case qinglang.RoleRegulator:
		return Covers(p.Region, d.Region) || (d.EscalatedTo != "" && Covers(p.Region, d.EscalatedTo))
	}
	return false
}

// mayAnswer returns nil when p may answer d for the platform: an admin, or
// a platform or reviewer token of d.Platform. Anyone else who may see d is
// EFORBIDDEN; anyone who may not is ENOTFOUND (a foreign id answers "not
// found", never "forbidden").
func mayAnswer(p qinglang.Principal, d qinglang.Directive) error {
	switch {
	case p.Role == qinglang.RoleAdmin:
		return nil
	case (p.Role == qinglang.RolePlatform || p.Role == qinglang.RoleReviewer) && CanSeeDirective(p, d):
		return nil
	case CanSeeDirective(p, d):
		return qinglang.Errorf(qinglang.EFORBIDDEN, "只有平台 %q 可以答复该通知", "only platform %q may answer this notice", d.Platform)
	}
	return qinglang.Errorf(qinglang.ENOTFOUND, "通知 %q 不存在", "notice %q not found", d.ID)
}

// Acknowledge records that the platform received d (sent → acknowledged).
func Acknowledge(d qinglang.Directive, by qinglang.Principal, at time.Time) (qinglang.Directive, error) {
	if err := advance(&d, by, at, qinglang.DirectiveAcknowledged); err != nil {
		return qinglang.Directive{}, err
	}
	d.AcknowledgedAt = at
	return d, nil
}

// Act records what the platform did on d (acknowledged → acted). The root
// Directive has one text for the platform's account, Report: Act puts what
// in it, and Report keeps it above the final report.
func Act(d qinglang.Directive, by qinglang.Principal, what string, at time.Time) (qinglang.Directive, error) {
	if err := checkText("处置情况", "what was done", what, true); err != nil {
		return qinglang.Directive{}, err
	}
	if err := advance(&d, by, at, qinglang.DirectiveActed); err != nil {
		return qinglang.Directive{}, err
	}
	d.ActedAt = at
	d.Report = what
	return d, nil
}

// Report closes the loop (acted → reported): the platform's report text
// and the ids of its evidence (findings, measures, notices). The text is
// required; evidence is not (a clue may turn out to be unfounded), but
// every id given must be a non-empty id, and a repeated id counts once.
// The report is appended below what Act recorded. A directive that
// escalated can still be reported: it goes to reported like any other (the
// loop is closed, late), keeping EscalatedAt and EscalatedTo.
func Report(d qinglang.Directive, by qinglang.Principal, text string, evidence []string, at time.Time) (qinglang.Directive, error) {
	if err := checkText("办理报告", "the report", text, true); err != nil {
		return qinglang.Directive{}, err
	}
	ev := make([]string, 0, len(evidence))
	for _, id := range evidence {
		if err := checkID("证据", "evidence", id, true); err != nil {
			return qinglang.Directive{}, err
		}
		if !slices.Contains(ev, id) {
			ev = append(ev, id)
		}
	}
	if err := advance(&d, by, at, qinglang.DirectiveReported); err != nil {
		return qinglang.Directive{}, err
	}
	d.ReportedAt = at
	if d.Report != "" {
		text = d.Report + "\n" + text
	}
	if utf8.RuneCountInString(text) > MaxTextRunes {
		return qinglang.Directive{}, qinglang.Errorf(qinglang.EINVALID, "处置情况与办理报告合计超过 %d 字", "what was done and the report together exceed %d characters", MaxTextRunes)
	}
	d.Report = text
	d.Evidence = ev
	return d, nil
}

// Late reports whether the platform answered d after its deadline: any of
// its acknowledgement, action or report came after the deadline. An answer
// exactly at the deadline is on time. A directive not yet answered is not
// late (it may be Overdue).
func Late(d qinglang.Directive) bool {
	for _, t := range []time.Time{d.AcknowledgedAt, d.ActedAt, d.ReportedAt} {
		if t.After(d.Deadline) {
			return true
		}
	}
	return false
}

// progress is how far the platform has answered d. For an escalated
// directive the state no longer says so; the answers' times do.
func progress(d qinglang.Directive) (qinglang.DirectiveState, error) {
	switch d.State {
	case qinglang.DirectiveSent, qinglang.DirectiveAcknowledged, qinglang.DirectiveActed, qinglang.DirectiveReported:
		return d.State, nil
	case qinglang.DirectiveEscalated:
		switch {
		case !d.ReportedAt.IsZero():
			return qinglang.DirectiveReported, nil
		case !d.ActedAt.IsZero():
			return qinglang.DirectiveActed, nil
		case !d.AcknowledgedAt.IsZero():
			return qinglang.DirectiveAcknowledged, nil
		}
		return qinglang.DirectiveSent, nil
	case "":
		return "", qinglang.Errorf(qinglang.ECONFLICT, "通知尚未发送", "the notice has not been sent")
	}
	return "", qinglang.Errorf(qinglang.EINVALID, "未知的通知状态 %q", "unknown notice state %q", d.State)
}

// advance checks that by may answer d, that d stands one step before to,
// and that at is not before the last step; then sets d.State to to. An
// escalated directive stays escalated until it is reported.
func advance(d *qinglang.Directive, by qinglang.Principal, at time.Time, to qinglang.DirectiveState) error {
	if err := mayAnswer(by, *d); err != nil {
		return err
	}
	cur, err := progress(*d)
	if err != nil {
		return err
	}
	if i := slices.Index(DirectiveStates, to); cur != DirectiveStates[i-1] {
		czh, cen := StateName(d.State)
		tzh, ten := StateName(to)
		return qinglang.Errorf(qinglang.ECONFLICT, "通知状态为「%[1]s」，不能变为「%[2]s」",
			"the notice is %[3]s and cannot become %[4]s", czh, tzh, cen, ten)
	}
	last := d.SentAt
	for _, t := range []time.Time{d.AcknowledgedAt, d.ActedAt} {
		if t.After(last) {
			last = t
		}
	}
	if at.IsZero() || at.Before(last) {
		return qinglang.Errorf(qinglang.EINVALID, "答复时间 %s 早于上一步（%s）",
			"the answer's time %s is before the previous step (%s)", at.Format(time.RFC3339), last.Format(time.RFC3339))
	}
	if d.State != qinglang.DirectiveEscalated || to == qinglang.DirectiveReported {
		d.State = to
	}
	return nil
}

// checkText checks a free text: required or not, at most MaxTextRunes.
func checkText(zh, en, s string, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return qinglang.Errorf(qinglang.EINVALID, "缺少%[1]s", "%[2]s is missing", zh, en)
	}
	if n := utf8.RuneCountInString(s); n > MaxTextRunes {
		return qinglang.Errorf(qinglang.EINVALID, "%[1]s超过 %[3]d 字（%[4]d）", "%[2]s exceeds %[3]d characters (%[4]d)", zh, en, MaxTextRunes, n)
	}
	return nil
}

// checkID checks an id: required or not, at most qinglang.MaxIDBytes, no
// surrounding spaces.
func checkID(zh, en, id string, required bool) error {
	switch {
	case id == "" && required:
		return qinglang.Errorf(qinglang.EINVALID, "缺少%[1]s标识", "the %[2]s id is missing", zh, en)
	case len(id) > qinglang.MaxIDBytes || strings.TrimSpace(id) != id:
		return qinglang.Errorf(qinglang.EINVALID, "%[1]s标识 %[3]q 无效", "the %[2]s id %[3]q is invalid", zh, en, id)
	}
	return nil
}

// digest is 24 hex digits of a hash of parts, each ended by a zero byte.
func digest(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
