package qinglang

import "time"

// CaseState is where a case stands. The machine (package casework):
// open → in_review → measure_proposed → decided → notified → closed, with
// appealed → reviewed between notified and closed; a case may also be
// closed without a measure from open, in_review or measure_proposed.
type CaseState string

// The case states.
const (
	CaseOpen            CaseState = "open"
	CaseInReview        CaseState = "in_review"
	CaseMeasureProposed CaseState = "measure_proposed"
	CaseDecided         CaseState = "decided"
	CaseNotified        CaseState = "notified"
	CaseAppealed        CaseState = "appealed"
	CaseReviewed        CaseState = "reviewed"
	CaseClosed          CaseState = "closed"
)

// CaseStates lists the states in the order a case goes through them.
var CaseStates = []CaseState{CaseOpen, CaseInReview, CaseMeasureProposed, CaseDecided, CaseNotified,
	CaseAppealed, CaseReviewed, CaseClosed}

// Case groups findings about one subject so that they end in one decision.
type Case struct {
	ID       string    `json:"id"`
	Subject  Subject   `json:"subject"`
	State    CaseState `json:"state"`
	Title    string    `json:"title"`
	TitleEN  string    `json:"title_en,omitempty"`
	Findings []string  `json:"findings"` // finding ids, in the order added
	// Rooms are the broadcasts the findings come from (for scoping
	// operator tokens and for the evidence bundle).
	Rooms []string `json:"rooms"`
	// Region is the administrative division code of the jurisdiction a
	// regulator sees the case in ("" until known).
	Region   string    `json:"region,omitempty"`
	Assignee string    `json:"assignee,omitempty"`
	DueAt    time.Time `json:"due_at,omitzero"`
	OpenedAt time.Time `json:"opened_at"`
	// UpdatedAt is the time of the last change (set by the store).
	UpdatedAt time.Time `json:"updated_at"`
	ClosedAt  time.Time `json:"closed_at,omitzero"`
	// Published puts the case (masked) on the public feed.
	Published bool `json:"published"`
	// LegalHold stops the case and its evidence from being deleted.
	LegalHold bool `json:"legal_hold"`
	// Regulator-side handling: escalated to a higher jurisdiction
	// (提级管辖, the region it went to), supervised listing (挂牌督办), and
	// the regions it is shared with.
	EscalatedTo string        `json:"escalated_to,omitempty"`
	Supervised  bool          `json:"supervised"`
	SharedWith  []string      `json:"shared_with"`
	Comments    []CaseComment `json:"comments"`
}

// CaseComment is a note on a case.
type CaseComment struct {
	At     time.Time `json:"at"`
	Author string    `json:"author"`
	Text   string    `json:"text"`
}

// MeasureState is where a measure stands.
type MeasureState string

// The measure states: a proposed measure is approved (it is then active
// from its start until its end, and lifted when its end passes) or
// rejected; an appeal may overturn an approved one (revoked).
const (
	MeasureProposed MeasureState = "proposed"
	MeasureRejected MeasureState = "rejected"
	MeasureActive   MeasureState = "active"
	MeasureLifted   MeasureState = "lifted"
	MeasureRevoked  MeasureState = "revoked"
)

// Name returns the measure state's name in Chinese and English; an
// unknown state is returned as it is.
func (s MeasureState) Name() (zh, en string) {
	switch s {
	case MeasureProposed:
		return "拟采取", "proposed"
	case MeasureRejected:
		return "已驳回", "rejected"
	case MeasureActive:
		return "执行中", "in force"
	case MeasureLifted:
		return "已期满解除", "lifted"
	case MeasureRevoked:
		return "已撤销（申诉成立）", "revoked on appeal"
	}
	return string(s), string(s)
}

// Measure is a graduated measure proposed by the policy for a case.
type Measure struct {
	ID      string       `json:"id"`
	CaseID  string       `json:"case_id"`
	Subject Subject      `json:"subject"`
	Kind    MeasureKind  `json:"kind"`
	State   MeasureState `json:"state"`
	// Duration is how long the measure lasts (0 for a warning or a
	// removal). Policies have caps: no measure is open-ended.
	Duration time.Duration `json:"duration"`
	// Points is what the case's findings deducted; Standing the subject's
	// unexpired points after the deduction.
	Points   float64 `json:"points"`
	Standing float64 `json:"standing"`
	// Auto: the policy applies it without a reviewer.
	Auto bool `json:"auto"`
	// Reason explains the proposal (which thresholds were crossed), Basis
	// cites the platform rule and the law.
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
	Basis    string `json:"basis"`
	BasisEN  string `json:"basis_en"`
	// Policy names the policy (and its version) that proposed it.
	Policy     string    `json:"policy"`
	ProposedAt time.Time `json:"proposed_at"`
	DecidedAt  time.Time `json:"decided_at,omitzero"`
	DecidedBy  string    `json:"decided_by,omitempty"`
	StartsAt   time.Time `json:"starts_at,omitzero"`
	EndsAt     time.Time `json:"ends_at,omitzero"`
}

// NoticeKind is what a notice to a subject is about.
type NoticeKind string

// The notices a case produces.
const (
	NoticeMeasure      NoticeKind = "measure"       // a measure taken (Order 117 art. 14)
	NoticeAppealResult NoticeKind = "appeal_result" // the result of an appeal
)

// Notice tells a subject about a measure or an appeal's result. It states
// the facts, the reasons, the legal basis, the duration and the appeal
// channel (Order 117 art. 14), in Chinese and English.
type Notice struct {
	ID        string     `json:"id"`
	Kind      NoticeKind `json:"kind"`
	CaseID    string     `json:"case_id"`
	MeasureID string     `json:"measure_id,omitempty"`
	Subject   Subject    `json:"subject"`
	IssuedAt  time.Time  `json:"issued_at"`
	Facts     string     `json:"facts"`
	FactsEN   string     `json:"facts_en"`
	Reasons   string     `json:"reasons"`
	ReasonsEN string     `json:"reasons_en"`
	Basis     string     `json:"basis"`
	BasisEN   string     `json:"basis_en"`
	// Measure and Duration as words ("暂停直播 7 天"); Starts and Ends the
	// period (zero for a measure without a duration).
	Measure    string    `json:"measure"`
	MeasureEN  string    `json:"measure_en"`
	Duration   string    `json:"duration"`
	DurationEN string    `json:"duration_en"`
	StartsAt   time.Time `json:"starts_at,omitzero"`
	EndsAt     time.Time `json:"ends_at,omitzero"`
	// Appeal is the channel and the time limit to appeal.
	Appeal   string    `json:"appeal"`
	AppealEN string    `json:"appeal_en"`
	AppealBy time.Time `json:"appeal_by,omitzero"`
}

// AppealState is where an appeal stands.
type AppealState string

// The appeal states.
const (
	AppealFiled      AppealState = "filed"
	AppealUpheld     AppealState = "upheld"     // the measure stands
	AppealOverturned AppealState = "overturned" // the measure is revoked
)

// Appeal is a subject's appeal against a measure. It is reviewed by someone
// other than who decided the measure.
type Appeal struct {
	ID         string      `json:"id"`
	CaseID     string      `json:"case_id"`
	MeasureID  string      `json:"measure_id"`
	State      AppealState `json:"state"`
	Grounds    string      `json:"grounds"`
	FiledAt    time.Time   `json:"filed_at"`
	FiledBy    string      `json:"filed_by"`
	ReviewedAt time.Time   `json:"reviewed_at,omitzero"`
	ReviewedBy string      `json:"reviewed_by,omitempty"`
	Outcome    string      `json:"outcome,omitempty"`
}

// DirectiveKind is what a regulator's notice to a platform asks.
type DirectiveKind string

// The regulator–platform notices.
const (
	DirectiveClueTransfer DirectiveKind = "clue_transfer"  // 线索移交
	DirectiveRequestToAct DirectiveKind = "request_to_act" // 责令/要求处置
)

// DirectiveState is where a regulator's notice stands: sent →
// acknowledged → acted → reported (closed), or escalated when its
// deadline passed before the report.
type DirectiveState string

// The directive states.
const (
	DirectiveSent         DirectiveState = "sent"
	DirectiveAcknowledged DirectiveState = "acknowledged"
	DirectiveActed        DirectiveState = "acted"
	DirectiveReported     DirectiveState = "reported"
	DirectiveEscalated    DirectiveState = "escalated"
)

// Directive is a regulator's notice to a platform with a deadline.
type Directive struct {
	ID       string         `json:"id"`
	Kind     DirectiveKind  `json:"kind"`
	State    DirectiveState `json:"state"`
	Region   string         `json:"region"`   // the regulator's jurisdiction
	Platform string         `json:"platform"` // the platform it is sent to
	CaseID   string         `json:"case_id,omitempty"`
	Subject  *Subject       `json:"subject,omitempty"`
	Text     string         `json:"text"`
	TextEN   string         `json:"text_en,omitempty"`
	SentAt   time.Time      `json:"sent_at"`
	Deadline time.Time      `json:"deadline"`
	// AcknowledgedAt, ActedAt and ReportedAt record the platform's
	// answers; Report is what it did, with evidence (finding, measure or
	// notice ids).
	AcknowledgedAt time.Time `json:"acknowledged_at,omitzero"`
	ActedAt        time.Time `json:"acted_at,omitzero"`
	ReportedAt     time.Time `json:"reported_at,omitzero"`
	Report         string    `json:"report,omitempty"`
	Evidence       []string  `json:"evidence"`
	// EscalatedAt is when the deadline passed unanswered and the notice
	// escalated; EscalatedTo the region it went to.
	EscalatedAt time.Time `json:"escalated_at,omitzero"`
	EscalatedTo string    `json:"escalated_to,omitempty"`
}

// RegulatoryActionKind is an instrument a regulator records on a case
// (SAMR press conference 2025-09-23).
type RegulatoryActionKind string

// The regulators' instruments.
const (
	ActionGuidance  RegulatoryActionKind = "guidance"  // 行政指导 / compliance guidance
	ActionInterview RegulatoryActionKind = "interview" // 约谈
	ActionPenalty   RegulatoryActionKind = "penalty"   // 行政处罚决定
	ActionExposure  RegulatoryActionKind = "exposure"  // 曝光
	ActionEscalate  RegulatoryActionKind = "escalate"  // 提级管辖
	ActionSupervise RegulatoryActionKind = "supervise" // 挂牌督办
	ActionShare     RegulatoryActionKind = "share"     // 跨区域共享
)

// RegulatoryAction is one instrument used on a case.
type RegulatoryAction struct {
	ID     string               `json:"id"`
	CaseID string               `json:"case_id"`
	Kind   RegulatoryActionKind `json:"kind"`
	Region string               `json:"region"`
	At     time.Time            `json:"at"`
	By     string               `json:"by"`
	Text   string               `json:"text"`
	// Target is the region of an escalation or a share.
	Target string `json:"target,omitempty"`
	// Fine of a penalty decision, in fen.
	FineFen int64 `json:"fine_fen,omitempty"`
}
