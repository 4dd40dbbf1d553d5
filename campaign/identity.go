package campaign

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Campaign identity: a campaign keeps its id while it grows. A group
// judged later that shares at least campaignOverlap of its members (of the
// smaller side) with a campaign of the same platform is that campaign;
// new members are added, members not seen again stay. A group that
// overlaps several campaigns shows they are one crew: they are merged into
// the first reported, which keeps its id and reports the others' members
// as added (the others are no longer listed). A new campaign's id derives
// from its platform and its first judged member set.

// campaignSet holds the campaigns reported so far.
type campaignSet struct {
	byID   map[string]*tracked
	order  []string          // ids in the order first reported (or restored)
	merged map[string]string // id of a campaign merged into another → that one
}

type tracked struct {
	c       Campaign
	members map[string]bool
	own     []ownKey // devices and networks it has to itself; nil: not looked at since it was last judged (related.go)
}

func newCampaignSet() campaignSet {
	return campaignSet{byID: make(map[string]*tracked), merged: make(map[string]string)}
}

// campaignID is "cmp_" + 12 hex digits of a hash of the platform and the
// sorted member accounts.
func campaignID(platform string, users []string) string {
	var b strings.Builder
	b.WriteString(platform)
	for _, u := range users {
		b.WriteByte(0)
		b.WriteString(u)
	}
	var h [8]byte
	binary.BigEndian.PutUint64(h[:], hashString(b.String()))
	return "cmp_" + hex.EncodeToString(h[:6])
}

// restore seeds a campaign reported before.
func (s *campaignSet) restore(c Campaign) {
	if c.ID == "" {
		return
	}
	t := s.byID[c.ID]
	if t == nil {
		t = &tracked{members: make(map[string]bool)}
		s.byID[c.ID] = t
		s.order = append(s.order, c.ID)
	}
	t.c = cloneCampaign(c)
	for _, m := range c.Members {
		t.members[m.User] = true
	}
}

// match returns the campaigns of c's platform that c overlaps enough,
// the first reported first.
func (s *campaignSet) match(c *Campaign) []*tracked {
	var out []*tracked
	for _, id := range s.order {
		t := s.byID[id]
		if t.c.Platform != c.Platform {
			continue
		}
		n := 0
		for _, m := range c.Members {
			if t.members[m.User] {
				n++
			}
		}
		if n > 0 && float64(n) >= campaignOverlap*float64(min(len(c.Members), len(t.members))) {
			out = append(out, t)
		}
	}
	return out
}

// merge folds campaign o into t: a group judged later showed they are one
// crew. t keeps its id; o is no longer listed or updated.
func (s *campaignSet) merge(t, o *tracked) {
	have := make(map[string]bool, len(t.c.Members))
	for _, m := range t.c.Members {
		have[m.User] = true
	}
	for _, m := range o.c.Members {
		if !have[m.User] {
			t.c.Members = append(t.c.Members, m)
		}
	}
	s.order = slices.DeleteFunc(s.order, func(id string) bool { return id == o.c.ID })
	delete(s.byID, o.c.ID)
	s.merged[o.c.ID] = t.c.ID
	t.own = nil
	// o's relations are t's now, and a relation to o is one to t
	for _, r := range o.c.Related {
		if r.ID != t.c.ID {
			addRelated(&t.c, r)
		}
	}
	for _, x := range s.byID {
		i := slices.IndexFunc(x.c.Related, func(r Related) bool { return r.ID == o.c.ID })
		if i < 0 {
			continue
		}
		r := x.c.Related[i]
		x.c.Related = slices.Delete(x.c.Related, i, i+1)
		if x != t {
			r.ID, r.Platform = t.c.ID, t.c.Platform
			addRelated(&x.c, r)
		}
	}
}

// update records a judged campaign and returns the change to report, if
// it is new or grew.
func (s *campaignSet) update(c Campaign) (Change, bool) {
	matched := s.match(&c)
	var t *tracked
	if len(matched) > 0 {
		t = matched[0]
		for _, o := range matched[1:] {
			s.merge(t, o)
		}
	}
	if t == nil {
		users := make([]string, len(c.Members))
		for i, m := range c.Members {
			users[i] = m.User
		}
		c.ID = campaignID(c.Platform, users)
		for k := 1; s.byID[c.ID] != nil || s.merged[c.ID] != ""; k++ { // a new campaign with a used member set
			c.ID = campaignID(c.Platform, append(slices.Clone(users), "#"+strconv.Itoa(k)))
		}
		t = &tracked{c: c, members: make(map[string]bool)}
		for _, u := range users {
			t.members[u] = true
		}
		s.byID[c.ID] = t
		s.order = append(s.order, c.ID)
		return Change{Campaign: cloneCampaign(c), New: true, Added: users}, true
	}
	var added []string
	for _, m := range c.Members {
		if !t.members[m.User] {
			added = append(added, m.User)
		}
	}
	// members found before and not now keep their last record
	fresh := make(map[string]bool, len(c.Members))
	for _, m := range c.Members {
		fresh[m.User] = true
	}
	for _, m := range t.c.Members {
		if !fresh[m.User] {
			c.Members = append(c.Members, m)
		}
	}
	slices.SortFunc(c.Members, func(a, b Member) int { return cmp.Compare(a.User, b.User) })
	c.ID = t.c.ID
	if !t.c.FirstSeen.IsZero() && t.c.FirstSeen.Before(c.FirstSeen) {
		c.FirstSeen = t.c.FirstSeen
	}
	c.Evidence.Members = len(c.Members)
	c.Severity = severity(&c)
	if c.Severity.Rank() < t.c.Severity.Rank() { // a campaign is not downgraded
		c.Severity = t.c.Severity
	}
	c.Score = max(c.Score, t.c.Score)
	c.Related = t.c.Related
	for _, u := range added {
		t.members[u] = true
	}
	if footprint(&c) != footprint(&t.c) {
		t.own = nil // new members, addresses or devices: look for its relations again
	}
	t.c = c
	if len(added) == 0 {
		return Change{}, false
	}
	slices.Sort(added)
	return Change{Campaign: cloneCampaign(c), New: false, Added: added}, true
}

// list returns the campaigns, newest first (by first member comment, then
// id).
func (s *campaignSet) list() []Campaign {
	out := make([]Campaign, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, cloneCampaign(s.byID[id].c))
	}
	slices.SortFunc(out, func(a, b Campaign) int {
		return cmp.Or(b.FirstSeen.Compare(a.FirstSeen), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// cloneCampaign copies c's lists so that callers cannot change the
// detector's records.
func cloneCampaign(c Campaign) Campaign {
	c.Members = slices.Clone(c.Members)
	c.Rooms = slices.Clone(c.Rooms)
	c.Scripts = slices.Clone(c.Scripts)
	c.Timeline = slices.Clone(c.Timeline)
	c.EventIDs = slices.Clone(c.EventIDs)
	c.Related = slices.Clone(c.Related)
	for i := range c.Related {
		r := &c.Related[i]
		r.Devices, r.Networks = slices.Clone(r.Devices), slices.Clone(r.Networks)
	}
	return c
}
