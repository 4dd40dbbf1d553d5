// Package qinglang holds Qinglang's domain: the events a live-commerce platform
// sends (shared contract, version 1), the findings Qinglang answers with, and
// the small interfaces the rest of the program is built from. Nothing in this
// package does I/O; engines live in packages named after them (sqlite,
// postgres, natsbus, httpapi, ...).
package qinglang

import (
	"encoding/json"
	"time"
)

// EventType names one kind of event in the contract.
type EventType string

// The event types of contract version 1.
const (
	RoomStart EventType = "room_start"
	RoomEnd   EventType = "room_end"
	Speech    EventType = "speech"
	Comment   EventType = "comment"
	Order     EventType = "order"
	Listing   EventType = "listing"
	Account   EventType = "account"
)

// EventTypes lists every type of contract version 1, in contract order.
var EventTypes = []EventType{RoomStart, RoomEnd, Speech, Comment, Order, Listing, Account}

// Known reports whether t is a type of the contract.
func (t EventType) Known() bool {
	switch t {
	case RoomStart, RoomEnd, Speech, Comment, Order, Listing, Account:
		return true
	}
	return false
}

// NeedsRoom reports whether events of this type must name a room.
func (t EventType) NeedsRoom() bool { return t != Account && t != Listing }

// Category is a product category of the contract.
type Category string

// The product categories of contract version 1.
const (
	CatFood          Category = "food"
	CatHealthFood    Category = "health_food"
	CatCosmetics     Category = "cosmetics"
	CatMedicalDevice Category = "medical_device"
	CatDrug          Category = "drug"
	CatInfantFormula Category = "infant_formula"
	CatAgri          Category = "agri"
	CatApparel       Category = "apparel"
	CatJewelry       Category = "jewelry"
	CatElectronics   Category = "electronics"
	CatHousehold     Category = "household"
	CatGeneral       Category = "general"
)

// Categories lists every category of the contract.
var Categories = []Category{CatFood, CatHealthFood, CatCosmetics, CatMedicalDevice, CatDrug,
	CatInfantFormula, CatAgri, CatApparel, CatJewelry, CatElectronics, CatHousehold, CatGeneral}

// Known reports whether c is a category of the contract.
func (c Category) Known() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// categoryNames are the categories' Chinese and English names.
var categoryNames = map[Category][2]string{
	CatFood:          {"食品", "food"},
	CatHealthFood:    {"保健食品", "health food"},
	CatCosmetics:     {"化妆品", "cosmetics"},
	CatMedicalDevice: {"医疗器械", "medical device"},
	CatDrug:          {"药品", "drug"},
	CatInfantFormula: {"婴幼儿配方食品", "infant formula"},
	CatAgri:          {"食用农产品", "agricultural produce"},
	CatApparel:       {"服装", "apparel"},
	CatJewelry:       {"珠宝首饰", "jewellery"},
	CatElectronics:   {"电子产品", "electronics"},
	CatHousehold:     {"家居日用品", "household goods"},
	CatGeneral:       {"一般商品", "general goods"},
}

// Name returns the category's name in Chinese and English; a category the
// contract does not define (or none) is "类目未知" / "unknown category".
func (c Category) Name() (zh, en string) {
	if n, ok := categoryNames[c]; ok {
		return n[0], n[1]
	}
	return "类目未知", "unknown category"
}

// DefaultPlatform is the platform of an event that names none.
const DefaultPlatform = "default"

// Contract limits (shared/spec/events.md, "Framing").
const (
	MaxEventBytes       = 64 << 10 // one encoded event
	MaxSpeechTextRunes  = 4000
	MaxCommentTextRunes = 500
	MaxIDBytes          = 128 // every id: event, room, user, product, ...
)

// Event is one event of the contract. The struct is flat: each field is used
// by the types the contract lists for it and is zero elsewhere. Times keep
// the offset they were sent with.
type Event struct {
	Type     EventType `json:"type"`
	TS       time.Time `json:"ts"`
	ID       string    `json:"id,omitempty"`
	Platform string    `json:"platform"`
	Room     string    `json:"room,omitempty"`

	// room_start
	Host     string `json:"host,omitempty"`
	Operator string `json:"operator,omitempty"`
	Agency   string `json:"agency,omitempty"`
	// AIHost says the host on camera is AI-generated (a digital human);
	// AILabel that the room shows it is. Nil when not sent (Order 117
	// art. 37).
	AIHost  *bool `json:"ai_host,omitempty"`
	AILabel *bool `json:"ai_label,omitempty"`
	// room_start and listing
	Merchant string `json:"merchant,omitempty"`
	Title    string `json:"title,omitempty"`

	// speech
	Speaker string     `json:"speaker,omitempty"`
	EndTS   *time.Time `json:"end_ts,omitempty"`
	// speech and comment
	Text string `json:"text,omitempty"`

	// comment, order and account
	User   string `json:"user,omitempty"`
	IP     string `json:"ip,omitempty"`
	Device string `json:"device,omitempty"`

	// order and listing
	Product   string `json:"product,omitempty"`
	Qty       int64  `json:"qty,omitempty"`
	AmountFen int64  `json:"amount_fen,omitempty"`

	// listing
	Category         Category `json:"category,omitempty"`
	PriceFen         int64    `json:"price_fen,omitempty"`
	OriginalPriceFen *int64   `json:"original_price_fen,omitempty"`
	Brand            string   `json:"brand,omitempty"`

	// account
	CreatedAt *time.Time `json:"created_at,omitempty"`
	Followers *int64     `json:"followers,omitempty"`
}

// RoomKey identifies one broadcast across platforms.
type RoomKey struct {
	Platform string
	Room     string
}

// RoomKey returns the platform and room the event belongs to.
func (e *Event) RoomKey() RoomKey { return RoomKey{Platform: e.Platform, Room: e.Room} }

// UnitPriceFen is the price paid per item of an order, rounded down.
func (e *Event) UnitPriceFen() int64 {
	if e.Qty <= 0 {
		return e.AmountFen
	}
	return e.AmountFen / e.Qty
}

// Kind is what a finding is about.
type Kind string

// Finding kinds. The contract names the first four; the project may add more
// and documents them in docs/findings.md.
const (
	KindClaim         Kind = "claim"
	KindListing       Kind = "listing"
	KindCampaign      Kind = "campaign"
	KindQualification Kind = "qualification"
)

// Severity grades a finding.
type Severity string

// Severities, from least to most serious.
const (
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

// Name returns the severity's name in Chinese and English; an empty or
// unknown one is "not graded".
func (s Severity) Name() (zh, en string) {
	switch s {
	case SeverityLow:
		return "低", "low"
	case SeverityMedium:
		return "中", "medium"
	case SeverityHigh:
		return "高", "high"
	case SeverityCritical:
		return "严重", "critical"
	}
	return "未定", "not graded"
}

// Rank orders severities: low 1 … critical 4, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 2
	case SeverityHigh:
		return 3
	case SeverityCritical:
		return 4
	}
	return 0
}

// Finding is what Qinglang reports: one suspected violation with the evidence
// it rests on and the basis it cites (contract, "Findings").
type Finding struct {
	ID        string          `json:"id"`
	Kind      Kind            `json:"kind"`
	Rule      string          `json:"rule"`
	Severity  Severity        `json:"severity"`
	Platform  string          `json:"platform"`
	Room      string          `json:"room"`
	TS        time.Time       `json:"ts"`
	EventIDs  []string        `json:"event_ids"`
	Accounts  []string        `json:"accounts,omitempty"`
	Summary   string          `json:"summary"`
	SummaryEN string          `json:"summary_en,omitempty"`
	Basis     string          `json:"basis,omitempty"`
	BasisEN   string          `json:"basis_en,omitempty"`
	Evidence  json.RawMessage `json:"evidence,omitempty"`
	// DetectedAt is when Qinglang committed the finding (set by the store).
	DetectedAt time.Time `json:"detected_at"`
	// DedupKey, with Platform, Room and Rule, decides the ID: a detector that
	// sees the same thing twice (a redelivered event, a restart) gives the
	// same key and the finding is stored once.
	DedupKey string `json:"-"`
}
