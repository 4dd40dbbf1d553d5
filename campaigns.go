package qinglang

import "time"

// CampaignDetector finds campaigns: crews of accounts posting coordinated
// comments in one broadcast or across many (package campaign does the
// work; the programs reach it through this interface so that the domain,
// the server and the offline scan do not depend on how it is done). It is
// fed events in the order stored (per room, the log's order) and judged
// from time to time. It is not safe for concurrent use.
type CampaignDetector interface {
	// Observe feeds one event; every type may come.
	Observe(ev *Event)
	// Judge returns the campaigns that are new or grew since the last
	// Judge, with stable ids. now is the end of the sliding window; zero
	// means the latest event time observed.
	Judge(now time.Time) []CampaignChange
	// Restore seeds campaigns read back from the store (before the events
	// of their window are replayed) so that their ids are kept and they
	// are reported again only when they grow. Records whose Body the
	// detector cannot read are skipped and named in the error; the others
	// are restored.
	Restore(recs []CampaignRecord) error
	// Campaigns returns the current campaigns, newest first (New false,
	// Added empty).
	Campaigns() []CampaignChange
	// Count is how many campaigns the detector holds now.
	Count() int
}

// CampaignChange is one campaign as a Judge reports it.
type CampaignChange struct {
	// Record is the campaign as the store keeps it; Body holds its whole
	// state (members, rooms, scripts, evidence, timeline) as JSON.
	Record CampaignRecord
	// Finding reports the campaign; its ID is the campaign's id, so it is
	// stored with Tx.PutFinding and keeps its id as the campaign grows.
	Finding Finding
	New     bool     // the first report of this campaign id
	Added   []string // accounts added since the last report (all of them when New)
}
