package enforce

import (
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/notice"
)

// Intake is what OnFindings did with a batch of findings.
type Intake struct {
	// Opened and Joined are the ids of the cases opened and those that
	// findings joined.
	Opened []string `json:"opened"`
	Joined []string `json:"joined"`
	// Proposed are the measures the policy proposed (Auto ones are
	// already active, with their notices issued).
	Proposed []qinglang.Measure `json:"proposed"`
}

// CaseFilter selects the cases a principal lists. Zero fields do not
// filter; the principal's scope always does.
type CaseFilter struct {
	State     qinglang.CaseState
	Subject   string // a Subject.Key
	Platform  string
	Published bool // only published cases
	Cursor    string
	Limit     int // 1..1000; 0 means 100
}

// CasePage is one page of cases, the most recently changed first.
type CasePage struct {
	Cases []qinglang.Case `json:"cases"`
	Next  string          `json:"next,omitempty"`
}

// CaseView is a case with everything that hangs off it, as the principal
// may see it.
type CaseView struct {
	Case       qinglang.Case               `json:"case"`
	Measures   []qinglang.Measure          `json:"measures"`
	Notices    []qinglang.Notice           `json:"notices"`
	Appeals    []qinglang.Appeal           `json:"appeals"`
	Directives []qinglang.Directive        `json:"directives"`
	Actions    []qinglang.RegulatoryAction `json:"actions"`
	Findings   []qinglang.Finding          `json:"findings"`
	// Available lists the case actions the principal may take now.
	Available []casework.ActionKind `json:"available"`
}

// MeasureRequest is a reviewer's own proposal of a measure (the policy's
// caps apply).
type MeasureRequest struct {
	Kind     qinglang.MeasureKind `json:"kind"`
	Duration time.Duration        `json:"-"`
	// Days is Duration in days, for JSON.
	Days     float64 `json:"days"`
	Reason   string  `json:"reason"`
	ReasonEN string  `json:"reason_en,omitempty"`
}

// MeasureDecision approves or rejects a proposed measure.
type MeasureDecision struct {
	Approve bool   `json:"approve"`
	Reason  string `json:"reason,omitempty"`
}

// AppealReview is the review of an appeal: upheld (the measure stands) or
// overturned (it is revoked), with the reviewer's reasons.
type AppealReview struct {
	Upheld  bool   `json:"upheld"`
	Outcome string `json:"outcome"`
}

// TokenRequest asks for a new API token.
type TokenRequest struct {
	Name      string        `json:"name"`
	Role      qinglang.Role `json:"role"`
	Platform  string        `json:"platform,omitempty"`
	Region    string        `json:"region,omitempty"`
	Rooms     []string      `json:"rooms,omitempty"`
	ExpiresAt time.Time     `json:"expires_at,omitzero"`
}

// NewToken is a token just created: its secret is shown this once.
type NewToken struct {
	Token  authz.Token `json:"token"`
	Secret string      `json:"secret"`
}

// DirectiveFilter selects the directives a principal lists. Zero fields do
// not filter; the principal's scope always does.
type DirectiveFilter struct {
	Platform string
	States   []qinglang.DirectiveState
	// Overdue keeps the directives past their deadline and not reported.
	Overdue bool
	Cursor  string
	Limit   int
}

// DirectivePage is one page of directives, the most recently changed first.
type DirectivePage struct {
	Directives []qinglang.Directive `json:"directives"`
	Next       string               `json:"next,omitempty"`
}

// DirectiveStep is a platform's answer to a directive.
type DirectiveStep string

// The steps of a platform's answer.
const (
	StepAcknowledge DirectiveStep = "acknowledge"
	StepAct         DirectiveStep = "act"
	StepReport      DirectiveStep = "report"
)

// DirectiveAnswer is one step of a platform's answer.
type DirectiveAnswer struct {
	Step     DirectiveStep `json:"step"`
	Text     string        `json:"text,omitempty"`
	Evidence []string      `json:"evidence,omitempty"`
}

// SweepResult is what a sweep of the timers did.
type SweepResult struct {
	Lifted    []qinglang.Measure   `json:"lifted"`
	Escalated []qinglang.Directive `json:"escalated"`
}

// AuditPage is a page of the audit log in sequence order; Next is the
// after of the next page (0 on the last).
type AuditPage struct {
	Entries []qinglang.AuditEntry `json:"entries"`
	Next    int64                 `json:"next,omitempty"`
}

// PublicPage is a page of published cases, masked.
type PublicPage struct {
	Cases []notice.PublicCase `json:"cases"`
	Next  string              `json:"next,omitempty"`
}
