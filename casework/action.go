package casework

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// ActionKind names something a principal does to a case.
type ActionKind string

// The actions Apply takes. Each names the fields of Action it reads.
const (
	ActAssign       ActionKind = "assign"        // Assignee, DueAt (optional)
	ActStartReview  ActionKind = "start_review"  // open → in_review
	ActPropose      ActionKind = "propose"       // MeasureID; open or in_review → measure_proposed
	ActDecide       ActionKind = "decide"        // MeasureID, Approve, Reason (optional)
	ActNotify       ActionKind = "notify"        // NoticeID (optional); decided → notified
	ActAppeal       ActionKind = "appeal"        // AppealID; notified → appealed
	ActReviewAppeal ActionKind = "review_appeal" // AppealID, DecidedBy, Outcome; appealed → reviewed
	ActClose        ActionKind = "close"         // Reason
	ActReopen       ActionKind = "reopen"        // Reason; closed → open
	ActComment      ActionKind = "comment"       // Text
	ActPublish      ActionKind = "publish"       // puts the case on the public feed
	ActUnpublish    ActionKind = "unpublish"     // takes it off
	ActLegalHold    ActionKind = "legal_hold"    // Hold: on or off
	ActSetRegion    ActionKind = "set_region"    // Region
	ActEscalate     ActionKind = "escalate"      // Region: the higher jurisdiction (提级管辖)
	ActSupervise    ActionKind = "supervise"     // supervised listing (挂牌督办)
	ActShare        ActionKind = "share"         // Region: the region shared with
)

// What Plan records. Apply does not take them: a case is opened and
// given findings by grouping only.
const (
	ActOpen       ActionKind = "open"        // Plan opened the case
	ActAddFinding ActionKind = "add_finding" // Plan added a finding
)

// ActionKinds lists every action Apply takes.
var ActionKinds = []ActionKind{ActAssign, ActStartReview, ActPropose, ActDecide, ActNotify,
	ActAppeal, ActReviewAppeal, ActClose, ActReopen, ActComment, ActPublish, ActUnpublish,
	ActLegalHold, ActSetRegion, ActEscalate, ActSupervise, ActShare}

// Known reports whether k is an action Apply takes.
func (k ActionKind) Known() bool { return slices.Contains(ActionKinds, k) }

// Name returns the action's name in Chinese and English.
func (k ActionKind) Name() (zh, en string) {
	switch k {
	case ActAssign:
		return "分派", "assign"
	case ActStartReview:
		return "开始审核", "start the review"
	case ActPropose:
		return "提议措施", "propose a measure"
	case ActDecide:
		return "决定措施", "decide on the measure"
	case ActNotify:
		return "通知当事方", "notify the subject"
	case ActAppeal:
		return "申诉", "appeal"
	case ActReviewAppeal:
		return "复核申诉", "review the appeal"
	case ActClose:
		return "结案", "close"
	case ActReopen:
		return "重新打开", "reopen"
	case ActComment:
		return "评论", "comment"
	case ActPublish:
		return "公开", "publish"
	case ActUnpublish:
		return "撤回公开", "unpublish"
	case ActLegalHold:
		return "法律保全", "set the legal hold"
	case ActSetRegion:
		return "设置管辖地区", "set the region"
	case ActEscalate:
		return "提级管辖", "escalate"
	case ActSupervise:
		return "挂牌督办", "list for supervision"
	case ActShare:
		return "跨区域共享", "share with a region"
	case ActOpen:
		return "立案", "open"
	case ActAddFinding:
		return "并入发现", "add a finding"
	}
	return string(k), string(k)
}

// StateName returns a case state's name in Chinese and English.
func StateName(s qinglang.CaseState) (zh, en string) {
	switch s {
	case qinglang.CaseOpen:
		return "待处理", "open"
	case qinglang.CaseInReview:
		return "审核中", "in review"
	case qinglang.CaseMeasureProposed:
		return "已提议措施", "measure proposed"
	case qinglang.CaseDecided:
		return "已决定措施", "decided"
	case qinglang.CaseNotified:
		return "已告知", "notified"
	case qinglang.CaseAppealed:
		return "申诉中", "appealed"
	case qinglang.CaseReviewed:
		return "申诉已复核", "appeal reviewed"
	case qinglang.CaseClosed:
		return "已结案", "closed"
	}
	return string(s), string(s)
}

// Action is one request to change a case: a Kind and the fields that kind
// reads (see the constants); the others must be left zero or are ignored.
type Action struct {
	Kind ActionKind
	// Assignee and DueAt (zero: no due date) of assign.
	Assignee string
	DueAt    time.Time
	// MeasureID of propose and decide: the measure proposed or decided.
	MeasureID string
	// Approve of decide: true approves the measure (the case is decided),
	// false rejects it (the case returns to in_review).
	Approve bool
	// NoticeID of notify: the notice sent (optional).
	NoticeID string
	// AppealID of appeal and review_appeal.
	AppealID string
	// DecidedBy of review_appeal: the name of the principal who decided
	// the measure appealed against. The caller takes it from the stored
	// measure (qinglang.Measure.DecidedBy), never from the request.
	DecidedBy string
	// Outcome of review_appeal: upheld or overturned.
	Outcome qinglang.AppealState
	// Reason of close and reopen (required) and of decide (optional).
	Reason string
	// Text of comment.
	Text string
	// Hold of legal_hold: true puts the case on hold, false lifts it.
	Hold bool
	// Region of set_region, escalate and share: an administrative division
	// code (six digits, e.g. 310000).
	Region string
}

// Limits of an action's texts.
const (
	MaxTextRunes = 4000 // a comment, a reason
	MaxIDBytes   = qinglang.MaxIDBytes
)

var regionRE = regexp.MustCompile(`^[0-9]{6}$`)

// check reports the first thing wrong with the fields a's kind reads, as
// an EINVALID error; at is when the action happens.
func (a Action) check(at time.Time) error {
	switch a.Kind {
	case ActAssign:
		if err := checkID("assignee", "处理人", a.Assignee); err != nil {
			return err
		}
		if !a.DueAt.IsZero() && !a.DueAt.After(at) {
			return qinglang.Errorf(qinglang.EINVALID, "期限 %s 须晚于当前时间", "the due date %s must be later than now",
				a.DueAt.Format(time.RFC3339))
		}
	case ActPropose, ActDecide:
		if err := checkID("measure_id", "措施 id", a.MeasureID); err != nil {
			return err
		}
		return checkText("reason", "理由", a.Reason, false)
	case ActNotify:
		if a.NoticeID != "" {
			return checkID("notice_id", "通知 id", a.NoticeID)
		}
	case ActAppeal:
		return checkID("appeal_id", "申诉 id", a.AppealID)
	case ActReviewAppeal:
		if err := checkID("appeal_id", "申诉 id", a.AppealID); err != nil {
			return err
		}
		if strings.TrimSpace(a.DecidedBy) == "" {
			return qinglang.Errorf(qinglang.EINVALID, "缺少决定该措施的人（decided_by）", "missing: who decided the measure (decided_by)")
		}
		if a.Outcome != qinglang.AppealUpheld && a.Outcome != qinglang.AppealOverturned {
			return qinglang.Errorf(qinglang.EINVALID, "复核结果须为 upheld（维持）或 overturned（撤销），而不是 %q",
				"the outcome must be upheld or overturned, not %q", a.Outcome)
		}
	case ActClose, ActReopen:
		return checkText("reason", "理由", a.Reason, true)
	case ActComment:
		return checkText("text", "评论内容", a.Text, true)
	case ActSetRegion, ActEscalate, ActShare:
		if !regionRE.MatchString(a.Region) {
			return qinglang.Errorf(qinglang.EINVALID, "地区须为六位行政区划代码（如 310000），而不是 %q",
				"the region must be a six-digit administrative division code (e.g. 310000), not %q", a.Region)
		}
	}
	return nil
}

// checkID checks a required id or name; field and zh name it.
func checkID(field, zh, v string) error {
	switch {
	case strings.TrimSpace(v) == "":
		return qinglang.Errorf(qinglang.EINVALID, "缺少%s（%s）", "missing: %[2]s", zh, field)
	case len(v) > MaxIDBytes:
		return qinglang.Errorf(qinglang.EINVALID, "%s（%s）最长 %d 字节", "%[2]s is at most %[3]d bytes", zh, field, MaxIDBytes)
	}
	return nil
}

// checkText checks a text; field and zh name it.
func checkText(field, zh, v string, required bool) error {
	switch n := utf8.RuneCountInString(v); {
	case required && strings.TrimSpace(v) == "":
		return qinglang.Errorf(qinglang.EINVALID, "缺少%s（%s）", "missing: %[2]s", zh, field)
	case n > MaxTextRunes:
		return qinglang.Errorf(qinglang.EINVALID, "%s（%s）最长 %d 字，现有 %d 字", "%[2]s is at most %[3]d characters; it has %[4]d",
			zh, field, MaxTextRunes, n)
	}
	return nil
}
