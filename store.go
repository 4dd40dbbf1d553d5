package qinglang

import (
	"context"
	"time"
)

// Store keeps everything Qinglang has accepted and found: the events (as
// evidence), orders, listings with their price history, accounts, rooms and
// findings. Two engines implement it (packages sqlite and postgres) and pass
// one conformance suite (package storetest).
type Store interface {
	// Begin starts a write transaction. Workers write one batch of events and
	// the findings it produced in one transaction, and acknowledge the batch
	// to the log only after Commit.
	Begin(ctx context.Context) (Tx, error)

	FindingReader
	EvidenceReader

	Ping(ctx context.Context) error
	Close() error
}

// Tx is one write transaction. Reads through Facts see the transaction's
// own writes.
type Tx interface {
	// AddEvent stores ev. An event with an id is known by (platform, id);
	// one without an id by origin, where the event came from in the log
	// (stream, sequence and line; or file and line). An event known before
	// is not stored again and AddEvent reports false (idempotent
	// re-delivery).
	AddEvent(ctx context.Context, ev *Event, origin string) (added bool, err error)

	// AddEvents is AddEvent for a batch, in far fewer statements: added[i]
	// reports whether events[i] (from origins[i]) was stored. An event
	// repeated within the batch is stored once, the first time.
	AddEvents(ctx context.Context, events []Event, origins []string) (added []bool, err error)

	// AddFinding stores f under FindingID(f.Platform, f.Room, f.Rule,
	// f.DedupKey), setting f.ID and f.DetectedAt. A finding whose id exists
	// is not written again and AddFinding reports false.
	AddFinding(ctx context.Context, f *Finding) (added bool, err error)

	Facts

	Commit() error
	Rollback() error
}

// Facts answers what detectors need to know beyond one room: state that is
// not per room lives in the store (docs/architecture.md, "State").
type Facts interface {
	// LowestOrder returns the order with the lowest unit price of the
	// product on the platform with from <= ts < to, or nil when there is none.
	LowestOrder(ctx context.Context, platform, product string, from, to time.Time) (*OrderFact, error)
	// LastOrderBefore returns the latest order of the product on the
	// platform with ts < before, or nil when there is none.
	LastOrderBefore(ctx context.Context, platform, product string, before time.Time) (*OrderFact, error)
	// ComparedListings returns the listing events of the product on the
	// platform with from < ts <= to that show an original price, oldest
	// first, at most limit of them (a late order re-checks them).
	ComparedListings(ctx context.Context, platform, product string, from, to time.Time, limit int) ([]Event, error)
	// UserOrders returns how many orders the user placed on the platform
	// with ts < before, in any room.
	UserOrders(ctx context.Context, platform, user string, before time.Time) (int64, error)
	// RoomOrders returns how many orders were placed in the room on the
	// platform with ts < before, and how many items they sold in all.
	RoomOrders(ctx context.Context, platform, room string, before time.Time) (orders, qty int64, err error)
}

// OrderFact is a stored order as evidence.
type OrderFact struct {
	EventID      string    `json:"event_id,omitempty"`
	Room         string    `json:"room"`
	User         string    `json:"user"`
	TS           time.Time `json:"ts"`
	Qty          int64     `json:"qty"`
	AmountFen    int64     `json:"amount_fen"`
	UnitPriceFen int64     `json:"unit_price_fen"`
}

// FindingReader reads findings.
type FindingReader interface {
	Findings(ctx context.Context, f FindingFilter) (FindingPage, error)
	// Finding returns one finding, or an ENOTFOUND error.
	Finding(ctx context.Context, id string) (Finding, error)
}

// FindingFilter selects findings. Zero fields do not filter. Findings come
// newest first (by the order they were stored); Cursor continues a page.
// With After set they come oldest first, starting after that finding: a
// live feed resumes from the last finding it delivered.
type FindingFilter struct {
	Platform string
	Room     string
	Kind     Kind
	Rule     string
	Severity Severity // exactly this severity
	Since    time.Time
	Until    time.Time // exclusive
	Cursor   string
	// After is the id of a finding: only findings stored after it, oldest
	// first (ENOTFOUND when no finding has that id). Not with Cursor.
	After string
	Limit int // 1..1000; 0 means 100
}

// FindingPage is one page of findings; Next is empty on the last page. It
// is a Cursor for the next page, or with After the After of the next page.
type FindingPage struct {
	Findings []Finding `json:"findings"`
	Next     string    `json:"next,omitempty"`
}

// EvidenceReader reads what was stored as evidence.
type EvidenceReader interface {
	// Room summarises one broadcast, or returns an ENOTFOUND error when no
	// event of it was stored.
	Room(ctx context.Context, key RoomKey) (RoomSummary, error)
	// Events returns stored events in the order of their ts.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	// Listings returns the price history of a product on a platform, oldest
	// first.
	Listings(ctx context.Context, platform, product string) ([]Event, error)
	// Account returns the latest account event of a user, or ENOTFOUND.
	Account(ctx context.Context, platform, user string) (Event, error)
}

// EventFilter selects stored events of one room.
type EventFilter struct {
	Platform string
	Room     string
	Types    []EventType // empty: all
	From     time.Time   // inclusive; zero: from the start
	To       time.Time   // exclusive; zero: to the end
	Limit    int         // 0 means 1000
}

// RoomSummary describes one broadcast.
type RoomSummary struct {
	Platform  string              `json:"platform"`
	Room      string              `json:"room"`
	Host      string              `json:"host,omitempty"`
	Operator  string              `json:"operator,omitempty"`
	Merchant  string              `json:"merchant,omitempty"`
	Agency    string              `json:"agency,omitempty"`
	Title     string              `json:"title,omitempty"`
	StartedAt *time.Time          `json:"started_at,omitempty"`
	EndedAt   *time.Time          `json:"ended_at,omitempty"`
	FirstTS   time.Time           `json:"first_ts"`
	LastTS    time.Time           `json:"last_ts"`
	Events    map[EventType]int64 `json:"events"`
	Findings  int64               `json:"findings"`
}
