package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
)

// crewDetector is a fake qinglang.CampaignDetector with the contract of
// package campaign's Detector and a rule simple enough to reason about:
// three or more accounts posting the same comment text on a platform are a
// campaign, whose id comes from the platform and the text; campaigns of one
// text on several platforms are related. It records what
// it was given, so that tests can check that every event is observed once
// and what was restored.
type crewDetector struct {
	mu       sync.Mutex
	groups   map[string]*crewGroup // by campaign id
	reported map[string]int        // members at the last report, by campaign id
	related  map[string]int        // relations at the last report, by campaign id
	observed map[string]int        // times each event id was observed
	restored []qinglang.CampaignRecord
	judged   int
	latest   time.Time
}

type crewGroup struct {
	id, platform, text string
	users, rooms       []string
	eventIDs           []string
	first, last        time.Time
}

func newCrewDetector() *crewDetector {
	return &crewDetector{groups: map[string]*crewGroup{}, reported: map[string]int{}, related: map[string]int{}, observed: map[string]int{}}
}

// crewMin is how many accounts posting one text make a campaign.
const crewMin = 3

func crewID(platform, text string) string {
	h := sha256.Sum256([]byte(platform + "\x00" + text))
	return "cmp_" + hex.EncodeToString(h[:8])
}

func (d *crewDetector) Observe(ev *qinglang.Event) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.observed[ev.ID]++
	if ev.TS.After(d.latest) {
		d.latest = ev.TS
	}
	if ev.Type != qinglang.Comment {
		return
	}
	id := crewID(ev.Platform, ev.Text)
	g := d.groups[id]
	if g == nil {
		g = &crewGroup{id: id, platform: ev.Platform, text: ev.Text, first: ev.TS}
		d.groups[id] = g
	}
	if !slices.Contains(g.users, ev.User) {
		g.users = append(g.users, ev.User)
		slices.Sort(g.users)
	}
	if !slices.Contains(g.rooms, ev.Room) {
		g.rooms = append(g.rooms, ev.Room)
	}
	g.eventIDs = append(g.eventIDs, ev.ID)
	g.first, g.last = minTime(g.first, ev.TS), maxTime(g.last, ev.TS)
}

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (d *crewDetector) Judge(time.Time) []qinglang.CampaignChange {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.judged++
	var out []qinglang.CampaignChange
	ids := make([]string, 0, len(d.groups))
	for id := range d.groups {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		g := d.groups[id]
		before, known := d.reported[id]
		rel := len(d.relatedTo(g))
		if len(g.users) < crewMin || (len(g.users) == before && rel == d.related[id]) {
			continue
		}
		d.related[id] = rel
		c := d.change(g)
		c.New = !known
		c.Added = g.users
		if known {
			c.Added = g.users[before:] // good enough for the tests: members are appended in order
		}
		d.reported[id] = len(g.users)
		out = append(out, c)
	}
	return out
}

// change reports g as package campaign would: a record with the state as
// JSON, and the finding whose id is the campaign's.
func (d *crewDetector) change(g *crewGroup) qinglang.CampaignChange {
	members := make([]map[string]any, len(g.users))
	for i, u := range g.users {
		members[i] = map[string]any{"user": u, "ips": []string{"36.112.4.17"}}
	}
	rooms := make([]map[string]any, len(g.rooms))
	for i, r := range g.rooms {
		rooms[i] = map[string]any{"room": r}
	}
	doc := map[string]any{"id": g.id, "platform": g.platform, "members": members,
		"rooms": rooms, "scripts": []map[string]any{{"examples": []string{g.text}}}}
	if rel := d.relatedTo(g); len(rel) > 0 {
		doc["related"] = rel
	}
	body, _ := json.Marshal(doc)
	room := ""
	if len(g.rooms) == 1 {
		room = g.rooms[0]
	}
	return qinglang.CampaignChange{
		Record: qinglang.CampaignRecord{ID: g.id, Platform: g.platform, Severity: qinglang.SeverityHigh, Score: 0.9,
			FirstSeen: g.first, LastSeen: g.last, Members: slices.Clone(g.users), Rooms: slices.Clone(g.rooms), Body: body},
		Finding: qinglang.Finding{ID: g.id, Kind: qinglang.KindCampaign, Rule: "campaign.coordinated_comments",
			Severity: qinglang.SeverityHigh, Platform: g.platform, Room: room, TS: g.last,
			EventIDs: slices.Clone(g.eventIDs), Accounts: slices.Clone(g.users),
			Summary: fmt.Sprintf("疑似职业弹幕团伙：%d 个账号", len(g.users)), DedupKey: g.id},
	}
}

// relatedTo lists the campaigns of g's text on other platforms, as
// package campaign's relations.
func (d *crewDetector) relatedTo(g *crewGroup) []map[string]any {
	var out []map[string]any
	for _, o := range d.groups {
		if o != g && o.text == g.text && o.platform != g.platform && len(o.users) >= crewMin {
			out = append(out, map[string]any{"id": o.id, "platform": o.platform, "devices": []string{"d9"},
				"networks": []string{"36.112.4.0/24"}, "found": maxTime(g.last, o.last)})
		}
	}
	slices.SortFunc(out, func(a, b map[string]any) int { return strings.Compare(a["id"].(string), b["id"].(string)) })
	return out
}

func (d *crewDetector) Restore(recs []qinglang.CampaignRecord) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.restored = append(d.restored, recs...)
	for _, r := range recs {
		d.reported[r.ID] = len(r.Members)
	}
	return nil
}

func (d *crewDetector) Campaigns() []qinglang.CampaignChange {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []qinglang.CampaignChange
	for _, g := range d.groups {
		if len(g.users) >= crewMin {
			out = append(out, d.change(g))
		}
	}
	return out
}

func (d *crewDetector) Count() int { return len(d.Campaigns()) }

// observedTwice lists the event ids observed more than once.
func (d *crewDetector) observedTwice() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for id, n := range d.observed {
		if n > 1 {
			out = append(out, fmt.Sprintf("%s×%d", id, n))
		}
	}
	return out
}

// seen reports how many times the event id was observed.
func (d *crewDetector) seen(id string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.observed[id]
}

// restoredIDs lists the ids of the campaigns restored.
func (d *crewDetector) restoredIDs() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for _, r := range d.restored {
		out = append(out, r.ID)
	}
	return out
}

// judgements is how many times Judge ran.
func (d *crewDetector) judgements() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.judged
}
