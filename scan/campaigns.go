package scan

import (
	"context"
	"time"

	"github.com/qinglang/qinglang"
)

// campaignRun feeds a scan's stored events to the campaign detector and
// keeps the latest state of every campaign it reports.
type campaignRun struct {
	det   qinglang.CampaignDetector
	every time.Duration
	next  time.Time // event time of the next Judge
	byID  map[string]int
	found []qinglang.CampaignChange // latest report of each campaign, in the order first found
}

func newCampaignRun(opt Options) *campaignRun {
	every := opt.CampaignEvery
	if every <= 0 {
		every = DefaultCampaignEvery
	}
	return &campaignRun{det: opt.Campaigns, every: every, byID: map[string]int{}}
}

// observe feeds events in order and judges each time the event time has
// moved on by every since the last Judge.
func (c *campaignRun) observe(evs []qinglang.Event) {
	if c.det == nil {
		return
	}
	for i := range evs {
		ev := &evs[i]
		c.det.Observe(ev)
		switch {
		case c.next.IsZero():
			c.next = ev.TS.Add(c.every)
		case !ev.TS.Before(c.next):
			c.judge()
			c.next = ev.TS.Add(c.every)
		}
	}
}

func (c *campaignRun) judge() {
	for _, ch := range c.det.Judge(time.Time{}) {
		if i, ok := c.byID[ch.Record.ID]; ok {
			c.found[i] = ch
			continue
		}
		c.byID[ch.Record.ID] = len(c.found)
		c.found = append(c.found, ch)
	}
}

// finish judges a last time, stores the campaigns and their findings in
// the scan's store (which stamps the findings as any other) and adds them
// to the report.
func (c *campaignRun) finish(ctx context.Context, store qinglang.Store, rep *Report, onFinding func(qinglang.Finding)) error {
	if c.det == nil {
		return nil
	}
	c.judge()
	if len(c.found) == 0 {
		return nil
	}
	tx, err := store.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	findings := make([]qinglang.Finding, len(c.found))
	for i := range c.found {
		rec := c.found[i].Record
		if _, err := tx.PutCampaign(ctx, &rec); err != nil {
			return err
		}
		findings[i] = c.found[i].Finding
		if _, err := tx.PutFinding(ctx, &findings[i]); err != nil {
			return err
		}
		rep.Campaigns = append(rep.Campaigns, rec)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, f := range findings {
		rep.Findings = append(rep.Findings, f)
		if onFinding != nil {
			onFinding(f)
		}
	}
	return nil
}
