// Package campaign finds coordinated fake bullet comments (职业弹幕人): crews
// of accounts posting scripted testimonials in one room or across many.
//
// It works in two stages (docs/campaigns.md):
//
//  1. Per comment, streaming (Observe): normalise the text (package
//     textnorm), mask numbers (瘦了3.2斤 → 瘦了#斤), read it (a result
//     testimonial? commercial speech? the personal claims it makes: 瘦35斤,
//     吃了30天, 回购3次), take character 2-gram shingles and a MinHash
//     signature, and put it into a script cluster of its platform through
//     locality-sensitive hashing (a repeat of a known text takes one
//     table lookup instead). The account keeps its addresses, networks,
//     devices, orders, claims and the contradictions among them; the room
//     keeps the host's recent calls to action; the comment becomes a
//     compact action (account, room, script cluster, minute, flags).
//  2. Per platform, across rooms, over a sliding window (Judge, default 7
//     days): the actions are tallied per script cluster, room and account;
//     scripts that are the crowd's (content-free chants and "1" floods,
//     answers to a call to action, phrases typed by a hundred accounts in
//     one minute) are set aside; accounts are linked by seed scripts
//     (whose posters mostly carry evidence of their own), by lockstep
//     (SynchroTrap: matching (room, script, 2-minute bucket) actions), by
//     unbought commercial speech in the same rooms, and by networks or
//     devices they have to themselves; each linked group is judged: its
//     own scripts and rooms, its candidates, the dense core of candidates
//     × (room, script) columns weighted 1/log(degree+5) (Fraudar), the
//     members whose own evidence ties them to it, and the crew evidence of
//     the members, which must be commercial speech and more than
//     repetition. A campaign's phones bring in the other accounts on them
//     (phone mates: a farm's phone, or a family-sized one whose other
//     accounts are all members). Campaigns keep their ids as they grow
//     (identity.go).
//
// A Detector does both; it is fed every event of the contract and judged
// from time to time. Nothing here does I/O.
//
// Memory is bounded. Per account: at most 16 addresses, 16 networks, 16
// devices, 16 merchants ordered from, 24 claims, 4 contradictions and 6
// sample comments; per script cluster: 4 exemplars (at most 96 shingles
// each), 10 LSH keys per exemplar and 32 cached texts; per room: 4 calls.
// Whatever was last seen before the window is evicted at every Judge
// (accounts, rooms, clusters, actions), and the caps of Config (rooms,
// accounts, clusters, actions) shed the least recently seen tenth when
// reached between two Judges. An account evicted after a window of
// silence forgets its age and orders.
package campaign

import (
	"time"

	"github.com/qinglang/qinglang"
)

// Rule is the rule id of campaign findings.
const Rule = "campaign.coordinated_comments"

// Campaign is one crew found posting coordinated comments. Its ID stays the
// same while the campaign grows: members found later are added to it.
type Campaign struct {
	ID        string            `json:"id"` // "cmp_" + hex
	Platform  string            `json:"platform"`
	Score     float64           `json:"score"` // 0..1, how sure the judgement is
	Severity  qinglang.Severity `json:"severity"`
	FirstSeen time.Time         `json:"first_seen"` // the first member comment
	LastSeen  time.Time         `json:"last_seen"`  // the last member comment
	Members   []Member          `json:"members"`    // sorted by User
	Rooms     []Room            `json:"rooms"`      // sorted by first member comment
	Scripts   []Script          `json:"scripts"`    // the most used first
	Evidence  Evidence          `json:"evidence"`
	// Timeline is the script timeline: member comments per room, script
	// cluster and minute, oldest first (at most MaxTimeline points; the
	// oldest are merged into coarser buckets beyond that).
	Timeline []Point `json:"timeline"`
	// EventIDs are ids of member comments that show the campaign (at most
	// MaxEventIDs, spread over rooms and scripts).
	EventIDs []string `json:"event_ids"`
	// Related are other campaigns, on this platform or another, that look
	// like the same crew: they share devices or networks (related.go).
	// Sorted by ID.
	Related []Related `json:"related,omitempty"`
}

// Bounds of a Campaign's lists.
const (
	MaxEventIDs = 200
	MaxTimeline = 2000
)

// Point is one bucket of a campaign's script timeline.
type Point struct {
	Minute   time.Time `json:"minute"` // start of the bucket
	Room     string    `json:"room"`
	Cluster  string    `json:"cluster"`
	Comments int       `json:"comments"` // member comments
	Members  int       `json:"members"`  // distinct members posting
}

// Member is one account judged part of a campaign, with what the platform
// and the events told about it.
type Member struct {
	User      string     `json:"user"`
	CreatedAt *time.Time `json:"created_at,omitempty"` // from the account event, if any
	FirstSeen time.Time  `json:"first_seen"`
	LastSeen  time.Time  `json:"last_seen"`
	Comments  int        `json:"comments"` // in the window, in the campaign's rooms
	Scripted  int        `json:"scripted"` // of them, the campaign's: its script clusters, or the coarse script (unbought commercial speech in its linked rooms)
	Rooms     int        `json:"rooms"`    // rooms commented in
	Orders    int        `json:"orders"`   // orders placed on the platform in the window
	IPs       []string   `json:"ips"`      // distinct addresses used, at most 16
	Devices   []string   `json:"devices"`  // distinct devices used, at most 16
	// Contradictions are the member's own testimonials that disagree
	// (瘦35斤 and 瘦16.6斤), as pairs of texts.
	Contradictions [][2]string `json:"contradictions,omitempty"`
	Reasons        []string    `json:"reasons"` // why this account, short codes (see Evidence)
}

// Room is one broadcast the campaign commented in.
type Room struct {
	Room      string    `json:"room"`
	Merchant  string    `json:"merchant,omitempty"`
	Members   int       `json:"members"`  // member accounts that commented
	Comments  int       `json:"comments"` // member comments
	Total     int       `json:"total"`    // all comments of the room in the window
	Share     float64   `json:"share"`    // Comments / Total
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// Script is one script cluster the campaign used.
type Script struct {
	Cluster  string   `json:"cluster"`  // stable id of the cluster
	Examples []string `json:"examples"` // up to 5 distinct member texts
	Members  int      `json:"members"`
	Comments int      `json:"comments"`
	Rooms    int      `json:"rooms"`
	// Others is how many accounts outside the campaign posted in the
	// cluster (a popular chant has many; a crew's script few).
	Others int `json:"others"`
}

// Evidence are the numbers the judgement rests on.
type Evidence struct {
	Members           int     `json:"members"`
	Comments          int     `json:"comments"`
	Rooms             int     `json:"rooms"`
	Merchants         int     `json:"merchants"`
	SharedIP          int     `json:"shared_ip"`           // members sharing an IPv4 /24 or IPv6 /64 with another member
	DistinctNets      int     `json:"distinct_nets"`       // distinct /24 or /64 among members
	SharedDevice      int     `json:"shared_device"`       // members sharing a device with another member
	NewAccounts       int     `json:"new_accounts"`        // members younger than Config.NewAccountAge at their first comment
	MedianAgeDays     float64 `json:"median_age_days"`     // of members with a known age; -1 when none is known
	Purchasers        int     `json:"purchasers"`          // members with at least one order
	TestimonialsNoBuy int     `json:"testimonials_no_buy"` // members posting result testimonials without an order
	// TestimonialsAfterOrder: members whose only unbacked testimonials
	// are of use (吃了10天瘦了8斤) and came less than 12 hours after an
	// order from the merchant (most minutes after, in the same broadcast),
	// before the goods could have been used.
	TestimonialsAfterOrder int `json:"testimonials_after_order"`
	// PhoneMates: members only for being on the crew's phones: a farm's
	// (a device used by 5 accounts or more, at least half of them
	// members), or one whose every other account is a member (two or
	// more) while they praised the goods unbought. They chat or buy to
	// look ordinary, or wrote too little of its scripts to be judged on
	// their own (reason crew_phone).
	PhoneMates int `json:"phone_mates"`
	// PrefixMates: members only for being on the crew's IPv6 /64 (one
	// subscriber's prefix: a home line or a phone's data session, used by
	// 5 accounts or more in the window, at least half of them members;
	// reason crew_prefix).
	PrefixMates    int     `json:"prefix_mates"`
	Contradicting  int     `json:"contradicting"`    // members contradicting themselves
	Synchrony      float64 `json:"synchrony"`        // mean lockstep similarity of member pairs, 0..1
	Bursts         int     `json:"bursts"`           // members in a burst of unbought commercial speech improbable at its room's own rate
	ScriptWeb      int     `json:"script_web"`       // members tied to each other by private scripts (small clusters only the group posts, unbought), in a web improbable at the platform's rate
	AfterCallShare float64 `json:"after_call_share"` // share of member comments within 2 min of the host's call to action
	RoomShare      float64 `json:"room_share"`       // member comments / all comments, in the campaign's rooms
	Promotional    float64 `json:"promotional"`      // share of member comments that are testimonials or urge, vouch, praise
}

// Change is what one Judge call found: a new campaign, or one that grew.
type Change struct {
	Campaign Campaign
	New      bool     // first report of this campaign id
	Added    []string // members added since the last report (all of them when New)
}

// Config tunes a Detector. Zero values take the defaults.
type Config struct {
	Window        time.Duration // sliding window of the cross-room stage; default 7 days
	NewAccountAge time.Duration // an account younger than this is new; default 30 days
	// MaxRooms and MaxAccounts bound the state (oldest evicted first);
	// defaults 200,000 and 5,000,000.
	MaxRooms    int
	MaxAccounts int
	// MaxScripts bounds the script clusters (least recently used evicted
	// first); default 2,000,000.
	MaxScripts int
	// MaxActions bounds the window's comment summaries (the oldest are
	// dropped first); default 20,000,000.
	MaxActions int
}

// Finding turns c into the finding that reports it. Its DedupKey is the
// campaign id, so the finding keeps its id while the campaign grows.
func (c *Campaign) Finding() qinglang.Finding {
	return finding(c)
}
