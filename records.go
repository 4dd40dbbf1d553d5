package qinglang

import (
	"context"
	"encoding/json"
	"time"
)

// RecordKind names what an enforcement record holds. Cases, measures,
// notices, appeals, regulators' directives and actions, point deductions,
// API tokens and webhook endpoints and deliveries are all kept as records:
// the columns they are looked up by, and the whole value as JSON (like
// CampaignRecord).
type RecordKind string

// The record kinds.
const (
	RecCase      RecordKind = "case"      // Case
	RecMeasure   RecordKind = "measure"   // Measure
	RecNotice    RecordKind = "notice"    // Notice
	RecAppeal    RecordKind = "appeal"    // Appeal
	RecDirective RecordKind = "directive" // Directive
	RecAction    RecordKind = "action"    // RegulatoryAction
	RecDeduction RecordKind = "deduction" // a policy point deduction
	RecToken     RecordKind = "token"     // an API token (its hash only)
	RecWebhook   RecordKind = "webhook"   // a webhook endpoint
	RecDelivery  RecordKind = "delivery"  // a webhook delivery pending or done
	RecAttempt   RecordKind = "attempt"   // one webhook delivery attempt (the delivery log)
	RecCursor    RecordKind = "cursor"    // where a stage that follows the stored findings got to
	RecReview    RecordKind = "review"    // a reviewer's decision on a finding (confirm, dismiss, escalate)
)

// RecordKinds lists every record kind.
var RecordKinds = []RecordKind{RecCase, RecMeasure, RecNotice, RecAppeal, RecDirective, RecAction,
	RecDeduction, RecToken, RecWebhook, RecDelivery, RecAttempt, RecCursor, RecReview}

// Record is one enforcement record as the store keeps it.
type Record struct {
	Kind RecordKind `json:"kind"`
	ID   string     `json:"id"`
	// Platform, CaseID, Subject (Subject.Key) and State are lookup
	// columns; empty when they do not apply.
	Platform string `json:"platform,omitempty"`
	CaseID   string `json:"case_id,omitempty"`
	Subject  string `json:"subject,omitempty"`
	State    string `json:"state,omitempty"`
	// Due is when a timer acts on the record (an active measure's end, a
	// directive's deadline or next escalation, a delivery's next attempt);
	// zero when none does.
	Due time.Time `json:"due,omitzero"`
	// Scopes say who else may see the record, as "region:310101" (a
	// jurisdiction: the case's region, the region it was escalated to or
	// shared with) and "room:r1" (an operator's room). The platform is
	// its own column.
	Scopes []string `json:"scopes,omitempty"`
	// CreatedAt is set by the store when the record is first put,
	// UpdatedAt each time it is put.
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
	Body      json.RawMessage `json:"body"`
}

// RecordFilter selects records of one kind. Zero fields do not filter.
// Records come most recently put first; Cursor continues a page.
type RecordFilter struct {
	Kind     RecordKind // required
	Platform string
	CaseID   string
	Subject  string
	States   []string // any of these
	// DueBefore keeps records with a non-zero Due before it (timers).
	DueBefore time.Time
	// ScopePrefix keeps records with a scope that starts with it
	// ("region:31" for a province's regulator); AnyScope those with any
	// of these exact scopes ("room:r1", "room:r2" for an operator). Both
	// set: either matches.
	ScopePrefix string
	AnyScope    []string
	// Oldest lists the oldest first (by the order first put) instead.
	Oldest bool
	Cursor string
	Limit  int // 1..1000; 0 means 100
}

// RecordPage is one page of records; Next is empty on the last page and
// is otherwise the Cursor of the next page.
type RecordPage struct {
	Records []Record `json:"records"`
	Next    string   `json:"next,omitempty"`
}

// AuditEntry is one entry of the hash-chained audit log (package audit
// hashes and verifies it; the store only keeps it).
type AuditEntry struct {
	Seq    int64           `json:"seq"`
	At     time.Time       `json:"at"`
	Actor  string          `json:"actor"`
	Action string          `json:"action"`
	Object string          `json:"object"`
	Data   json.RawMessage `json:"data"`
	Prev   string          `json:"prev"`
	Hash   string          `json:"hash"`
}

// RecordReader reads enforcement records and the audit log.
type RecordReader interface {
	// Record returns one record, or an ENOTFOUND error.
	Record(ctx context.Context, kind RecordKind, id string) (Record, error)
	// Records returns a page of records.
	Records(ctx context.Context, f RecordFilter) (RecordPage, error)
	// CasesOfFinding returns the ids of the cases a finding was linked to,
	// oldest first.
	CasesOfFinding(ctx context.Context, findingID string) ([]string, error)
	// AuditEntries returns the audit entries with Seq > after in Seq
	// order, at most limit (1..10000; 0 means 1000). An empty object
	// returns every entry; otherwise only those of that object.
	AuditEntries(ctx context.Context, object string, after int64, limit int) ([]AuditEntry, error)
}

// RecordWriter writes enforcement records inside a transaction.
type RecordWriter interface {
	// PutRecord inserts rec, or replaces the record of the same kind and
	// id (its scopes too). It sets rec.CreatedAt (kept from the stored
	// record on a replace) and rec.UpdatedAt. Body must be valid JSON.
	PutRecord(ctx context.Context, rec *Record) error
	// GetRecord reads a record as this transaction sees it (its own
	// writes included) and locks it against concurrent writers until the
	// transaction ends where the engine can; ENOTFOUND when absent.
	GetRecord(ctx context.Context, kind RecordKind, id string) (Record, error)
	// LinkFinding records that a finding belongs to a case (once).
	LinkFinding(ctx context.Context, caseID, findingID string) error
	// AppendAudit appends one entry to the audit log. It serialises
	// appends across transactions and processes, reads the last entry
	// (nil when the log is empty), calls build with it, and stores what
	// build returns (whose Seq must be the last Seq + 1).
	AppendAudit(ctx context.Context, build func(prev *AuditEntry) (AuditEntry, error)) (AuditEntry, error)
}

// Purger deletes what is past its retention. Records are kept at least
// three years (Order 117 art. 16; the retention is configurable up, never
// down), and rooms under a legal hold are never purged.
type Purger interface {
	// PurgeEvidence deletes the stored events (with their orders,
	// listings and accounts rows) and the findings whose ts is before
	// before, except those of the rooms in keep. It returns how many
	// events and findings it deleted.
	PurgeEvidence(ctx context.Context, before time.Time, keep []RoomKey) (events, findings int64, err error)
}

// RecordDeleter deletes enforcement records inside a transaction.
type RecordDeleter interface {
	// DeleteRecord deletes a record (and its scopes); deleting one that
	// does not exist is not an error. The audit log is never deleted.
	DeleteRecord(ctx context.Context, kind RecordKind, id string) error
}
