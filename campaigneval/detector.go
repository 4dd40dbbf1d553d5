package campaigneval

import "github.com/qinglang/qinglang/campaign"

// NewCampaignDetector returns package campaign's detector with its
// default configuration. It is the one place this package builds it.
func NewCampaignDetector() Detector {
	return campaign.New(campaign.Config{})
}
