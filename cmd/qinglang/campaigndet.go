package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/campaign"
)

// campaignDetector runs package campaign's Detector behind
// qinglang.CampaignDetector, as serve, demo, scan and campaigns use it.
// It is the one place campaign.New is called: it turns the campaigns the
// detector reports into records for the store (the campaign as JSON,
// every list present even when empty) and their findings, and the stored
// records back into campaigns for Restore.
type campaignDetector struct {
	d   *campaign.Detector
	log *slog.Logger
}

// newCampaignDetector returns package campaign's detector over a sliding
// window (zero: its default). log, when not nil, hears of campaigns that
// cannot be encoded.
func newCampaignDetector(window time.Duration, log *slog.Logger) *campaignDetector {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &campaignDetector{d: campaign.New(campaign.Config{Window: window}), log: log}
}

// campaignFactory is newCampaignDetector as server.Config.Campaigns takes it.
func campaignFactory(log *slog.Logger) func(time.Duration) qinglang.CampaignDetector {
	return func(window time.Duration) qinglang.CampaignDetector { return newCampaignDetector(window, log) }
}

func (a *campaignDetector) Observe(ev *qinglang.Event) { a.d.Observe(ev) }

func (a *campaignDetector) Judge(now time.Time) []qinglang.CampaignChange {
	changes := a.d.Judge(now)
	out := make([]qinglang.CampaignChange, 0, len(changes))
	for i := range changes {
		ch, err := changeOf(changes[i].Campaign)
		if err != nil {
			a.log.Error("a campaign cannot be encoded; it is left out", "campaign", changes[i].Campaign.ID, "err", err)
			continue
		}
		ch.New, ch.Added = changes[i].New, changes[i].Added
		out = append(out, ch)
	}
	return out
}

func (a *campaignDetector) Restore(recs []qinglang.CampaignRecord) error {
	cs := make([]campaign.Campaign, 0, len(recs))
	var bad []error
	for _, r := range recs {
		var c campaign.Campaign
		if err := json.Unmarshal(r.Body, &c); err != nil || c.ID != r.ID {
			bad = append(bad, qinglang.Errorf(qinglang.EINVALID, "存储的团伙 %s 无法读取", "stored campaign %s cannot be read", r.ID))
			continue
		}
		cs = append(cs, c)
	}
	a.d.Restore(cs)
	return errors.Join(bad...)
}

func (a *campaignDetector) Campaigns() []qinglang.CampaignChange {
	cs := a.d.Campaigns()
	out := make([]qinglang.CampaignChange, 0, len(cs))
	for _, c := range cs {
		ch, err := changeOf(c)
		if err != nil {
			a.log.Error("a campaign cannot be encoded; it is left out", "campaign", c.ID, "err", err)
			continue
		}
		out = append(out, ch)
	}
	return out
}

func (a *campaignDetector) Count() int { return len(a.d.Campaigns()) }

// changeOf makes the record and the finding of a campaign.
func changeOf(c campaign.Campaign) (qinglang.CampaignChange, error) {
	fillLists(&c)
	body, err := json.Marshal(&c)
	if err != nil {
		return qinglang.CampaignChange{}, fmt.Errorf("encoding campaign %s: %w", c.ID, err)
	}
	rec := qinglang.CampaignRecord{ID: c.ID, Platform: c.Platform, Severity: c.Severity, Score: c.Score,
		FirstSeen: c.FirstSeen, LastSeen: c.LastSeen, Body: body,
		Members: make([]string, len(c.Members)), Rooms: make([]string, len(c.Rooms))}
	for i, m := range c.Members {
		rec.Members[i] = m.User
	}
	for i, r := range c.Rooms {
		rec.Rooms[i] = r.Room
	}
	return qinglang.CampaignChange{Record: rec, Finding: c.Finding()}, nil
}

// fillLists makes every list of c empty rather than nil, so that the
// stored state (and the API answering it) always holds lists.
func fillLists(c *campaign.Campaign) {
	c.Members = orEmpty(c.Members)
	c.Rooms = orEmpty(c.Rooms)
	c.Scripts = orEmpty(c.Scripts)
	c.Timeline = orEmpty(c.Timeline)
	c.EventIDs = orEmpty(c.EventIDs)
	for i := range c.Members {
		m := &c.Members[i]
		m.IPs, m.Devices, m.Reasons = orEmpty(m.IPs), orEmpty(m.Devices), orEmpty(m.Reasons)
	}
	for i := range c.Scripts {
		c.Scripts[i].Examples = orEmpty(c.Scripts[i].Examples)
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
