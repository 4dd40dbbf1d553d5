package qinglang

import (
	"context"
	"encoding/json"
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
	CampaignReader
	SpotCheckReader
	RecordReader
	Purger

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

	// PutFinding stores a finding that may change over time under the id
	// it carries (f.ID must be set; campaign findings carry the campaign
	// id). A new id is inserted; a stored one is replaced when its content
	// (everything but DetectedAt) differs, and the new version moves to the
	// end of the stored order, so that FindingFilter.After (a live feed
	// resuming) delivers it. changed reports whether anything was written;
	// a finding put again unchanged is left as it is. It sets f.DetectedAt
	// (the stored one when unchanged), a nil f.EventIDs to an empty list
	// and an empty f.Platform to the default platform.
	PutFinding(ctx context.Context, f *Finding) (changed bool, err error)

	// PutCampaign inserts the campaign rec.ID or replaces the stored one.
	// changed is false, and nothing is written, when the stored record is
	// the same (UpdatedAt aside). It sets rec.UpdatedAt (the stored one when
	// unchanged), nil Members and Rooms to empty lists and an empty
	// Platform to the default platform.
	PutCampaign(ctx context.Context, rec *CampaignRecord) (changed bool, err error)

	// AddSpotCheck stores a recorded spot-check result under rec.ID. A
	// result whose id is stored already is not written again and
	// AddSpotCheck reports false (a result recorded twice changes
	// nothing). It sets rec.RecordedAt (the stored one when not added) and
	// an empty rec.Platform to the default platform.
	AddSpotCheck(ctx context.Context, rec *SpotCheckRecord) (added bool, err error)

	RecordWriter
	RecordDeleter

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
	// LatestSpotCheck returns the spot-check result of the product (on
	// any platform) with the latest TestedAt at or before at, or nil when
	// there is none: the verdict a listing at that time must respect.
	LatestSpotCheck(ctx context.Context, product string, at time.Time) (*SpotCheckRecord, error)
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
	// Rooms returns a page of broadcast summaries, the most recently
	// active (latest LastTS) first.
	Rooms(ctx context.Context, f RoomFilter) (RoomPage, error)
	// Events returns stored events in the order of their ts.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	// Listings returns the price history of a product on a platform, oldest
	// first.
	Listings(ctx context.Context, platform, product string) ([]Event, error)
	// ProductListings returns the listing events of a product on every
	// platform, oldest first (a failed spot check reaches all of them).
	ProductListings(ctx context.Context, product string) ([]Event, error)
	// Account returns the latest account event of a user, or ENOTFOUND.
	Account(ctx context.Context, platform, user string) (Event, error)
	// ScanEvents returns stored events of every room in the order they
	// were stored, the first page of those after s.After; next continues
	// it (as s.After) and is empty when no more events match.
	ScanEvents(ctx context.Context, s EventScan) (events []Event, next string, err error)
	// EventMark tells where the stored events end now: a replay that
	// scans up to Mark.Through and then takes the events stored later from
	// live processing sees every event once.
	EventMark(ctx context.Context) (EventMark, error)
}

// EventScan selects stored events across rooms, in the order stored (the
// order the log delivered them: per room, the log's order). Zero fields do
// not filter.
type EventScan struct {
	Platform string
	Types    []EventType // empty: all
	From     time.Time   // ts inclusive
	To       time.Time   // ts exclusive
	// After is the next of the previous page: only events stored after
	// that position ("" from the first).
	After string
	// Through is an EventMark's Through: only events stored up to that
	// position ("" to the last one stored).
	Through string
	Limit   int // 1..10000; 0 means 1000
}

// EventMark is the end of the stored events at one moment.
type EventMark struct {
	// Through is the position of the last event stored (a position before
	// every event when none is): EventScan.Through.
	Through string
	// Latest is the latest ts of any stored event (zero when none): the
	// event time the store has reached.
	Latest time.Time
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

// RoomFilter selects broadcasts. Zero fields do not filter.
type RoomFilter struct {
	Platform string
	Since    time.Time // last event at or after this time
	Cursor   string
	Limit    int // 1..1000; 0 means 100
}

// RoomPage is one page of broadcasts; Next is empty on the last page and is
// otherwise the Cursor of the next page.
type RoomPage struct {
	Rooms []RoomSummary `json:"rooms"`
	Next  string        `json:"next,omitempty"`
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

// CampaignRecord is a campaign as the store keeps it: the columns it is
// looked up by, and its whole current state as JSON (package campaign's
// Campaign; the domain does not depend on that package). Members and Rooms
// are the ids of its accounts and broadcasts, for lookups.
type CampaignRecord struct {
	ID        string          `json:"id"`
	Platform  string          `json:"platform"`
	Severity  Severity        `json:"severity"`
	Score     float64         `json:"score"`
	FirstSeen time.Time       `json:"first_seen"`
	LastSeen  time.Time       `json:"last_seen"`
	UpdatedAt time.Time       `json:"updated_at"` // set by the store
	Members   []string        `json:"members"`
	Rooms     []string        `json:"rooms"`
	Body      json.RawMessage `json:"body,omitempty"`
}

// CampaignReader reads campaigns.
type CampaignReader interface {
	// Campaigns returns a page of campaigns, the most recently updated
	// first.
	Campaigns(ctx context.Context, f CampaignFilter) (CampaignPage, error)
	// Campaign returns one campaign, or an ENOTFOUND error.
	Campaign(ctx context.Context, id string) (CampaignRecord, error)
}

// CampaignFilter selects campaigns. Zero fields do not filter.
type CampaignFilter struct {
	Platform string
	Account  string    // campaigns this account is a member of
	Room     string    // campaigns that commented in this broadcast
	Since    time.Time // campaigns last seen at or after this time
	Severity Severity  // exactly this severity
	Cursor   string
	Limit    int // 1..1000; 0 means 100
	// OmitBody leaves Body out of the records (lists that show only the
	// lookup columns need not read the whole state).
	OmitBody bool
}

// CampaignPage is one page of campaigns; Next is empty on the last page and
// is otherwise the Cursor of the next page.
type CampaignPage struct {
	Campaigns []CampaignRecord `json:"campaigns"`
	Next      string           `json:"next,omitempty"`
}

// SpotCheckRecord is a recorded laboratory result of a spot check (抽检):
// the columns it is looked up by, and the result with everything it led to
// as JSON (package spotcheck's Stored; the domain does not depend on that
// package).
type SpotCheckRecord struct {
	// ID is derived from the result (spotcheck.ID): the same result
	// recorded twice has the same id.
	ID       string `json:"id"`
	Product  string `json:"product"`
	Batch    string `json:"batch,omitempty"`
	Platform string `json:"platform"` // where the sample was bought
	Pass     bool   `json:"pass"`
	// TestedAt is when the laboratory tested the sample.
	TestedAt time.Time `json:"tested_at"`
	// RecordedAt is when Qinglang recorded the result (set by the store).
	RecordedAt time.Time       `json:"recorded_at"`
	Body       json.RawMessage `json:"body,omitempty"`
}

// SpotCheckReader reads recorded spot checks.
type SpotCheckReader interface {
	// SpotChecks returns a page of recorded results, the most recently
	// recorded first.
	SpotChecks(ctx context.Context, f SpotCheckFilter) (SpotCheckPage, error)
	// SpotCheck returns one recorded result, or an ENOTFOUND error.
	SpotCheck(ctx context.Context, id string) (SpotCheckRecord, error)
}

// SpotCheckFilter selects recorded results. Zero fields do not filter.
type SpotCheckFilter struct {
	Product  string
	Platform string // where the sample was bought
	// FailedOnly keeps the failed results (those that are published).
	FailedOnly bool
	Cursor     string
	Limit      int // 1..1000; 0 means 100
}

// SpotCheckPage is one page of recorded results; Next is empty on the last
// page and is otherwise the Cursor of the next page.
type SpotCheckPage struct {
	SpotChecks []SpotCheckRecord `json:"spot_checks"`
	Next       string            `json:"next,omitempty"`
}
