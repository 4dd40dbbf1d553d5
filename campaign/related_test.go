package campaign

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// relatedWorld runs cfg through a Detector judged every 5 minutes and
// returns it, with how many members of each crew each campaign has.
func relatedWorld(t *testing.T, cfg sim.Config) (*Detector, map[string]map[string]int) {
	t.Helper()
	crewOf := map[string]string{}
	cfg.Labels = func(l sim.Label) {
		if l.Kind == sim.LabelCrew {
			crewOf[l.User] = l.Crew
		}
	}
	var evs []*qinglang.Event
	if err := sim.Generate(cfg, func(ev *qinglang.Event) error { e := *ev; evs = append(evs, &e); return nil }); err != nil {
		t.Fatal(err)
	}
	d := New(Config{})
	changes := detectEvery(d, evs, 5*time.Minute)
	// what was reported last agrees with the detector's state
	last := map[string]Campaign{}
	for _, ch := range changes {
		last[ch.Campaign.ID] = ch.Campaign
	}
	crews := map[string]map[string]int{}
	for _, c := range d.Campaigns() {
		if got := last[c.ID]; !slices.Equal(ids(got.Related), ids(c.Related)) {
			t.Errorf("%s: last reported with relations %v, now %v", c.ID, ids(got.Related), ids(c.Related))
		}
		crews[c.ID] = map[string]int{}
		for _, m := range c.Members {
			crews[c.ID][crewOf[m.User]]++
		}
	}
	return d, crews
}

func ids(rs []Related) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// TestRelatedAcrossPlatforms: two crews on two platforms, each with its
// own subnet and phones, are four campaigns; each crew's two are related
// (on each other's lists, with the network and devices they share), and
// no campaign is related to the other crew's.
func TestRelatedAcrossPlatforms(t *testing.T) {
	cfg := sim.Config{Seed: 1531, Rooms: 5, Days: 1, Duration: 25 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
		Hard: sim.HardCases{NAT: 60},
		Crews: []sim.Crew{
			{Name: "a", Accounts: 16, Scripts: sim.ScriptsParaphrase, Network: sim.NetSubnet, Devices: 4, Age: sim.AgeNew,
				Timing: sim.TimingBurst, PerAccount: 3, Merchants: []int{1, 2}},
			{Name: "b", Accounts: 14, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.5, Age: sim.AgeAged,
				Timing: sim.TimingEven, PerAccount: 3, Merchants: []int{3, 4}},
		}}
	d, crews := relatedWorld(t, cfg)
	cs := d.Campaigns()
	platforms := map[string]map[string]bool{} // crew → platforms it was found on
	for _, c := range cs {
		for crew, n := range crews[c.ID] {
			if crew == "" {
				t.Errorf("%s: %d members of no crew", c.ID, n)
			} else if n >= minMembers {
				if platforms[crew] == nil {
					platforms[crew] = map[string]bool{}
				}
				platforms[crew][c.Platform] = true
			}
		}
	}
	for _, crew := range []string{"a", "b"} {
		if len(platforms[crew]) != 2 {
			t.Fatalf("crew %s found on %v, want both platforms", crew, platforms[crew])
		}
	}
	// two campaigns are related when a crew has minMembers members or more
	// in each, and not otherwise
	for _, c := range cs {
		var want []string
		for _, o := range cs {
			same := false
			for crew, n := range crews[c.ID] {
				same = same || (n >= minMembers && crews[o.ID][crew] >= minMembers)
			}
			if o.ID != c.ID && same {
				want = append(want, o.ID)
			}
		}
		slices.Sort(want)
		if got := ids(c.Related); !slices.Equal(got, want) {
			t.Errorf("%s (%v, %s): related %v, want %v", c.ID, crews[c.ID], c.Platform, got, want)
		}
		if f := c.Finding(); len(c.Related) > 0 && (!strings.Contains(f.Summary, fmt.Sprintf("与另外 %d 个团伙共用设备或网段", len(c.Related))) ||
			!strings.Contains(f.SummaryEN, "likely the same crew")) {
			t.Errorf("%s: the finding does not tell of its relations: %s / %s", c.ID, f.Summary, f.SummaryEN)
		}
		for _, r := range c.Related {
			if len(r.Networks) == 0 || r.Found.IsZero() {
				t.Errorf("%s: relation %+v, want the networks the crew shares", c.ID, r)
			}
			if crews[c.ID]["a"] >= minMembers && crews[r.ID]["a"] >= minMembers && len(r.Devices) == 0 {
				t.Errorf("%s: crew a shares phones, related to %s with no device", c.ID, r.ID)
			}
		}
	}
}

// TestRelatedNotByCarrierNAT: two crews with subnets of their own work
// two merchants whose viewers share a carrier NAT address, and post some
// lines from it too; the NAT network is not theirs, so it does not relate
// them.
func TestRelatedNotByCarrierNAT(t *testing.T) {
	w := newWorld(31)
	for _, r := range []struct{ room, merchant string }{{"ra", "m1"}, {"rb", "m2"}} {
		w.organic(organicRoom{id: r.room, merchant: r.merchant, start: t0, dur: 2 * time.Hour, viewers: 300, rate: 3, natShare: 0.5, region: 1})
	}
	nat := fmt.Sprintf(orgNAT[0], 1)
	at := t0.Add(70 * time.Minute)
	for _, c := range []crew{
		{name: "cp", size: 12, rooms: []string{"ra"}, scripts: jellyScripts},
		{name: "cq", size: 12, rooms: []string{"rb"}, scripts: []string{"面膜用了%s天，脸上的斑淡多了", "补水效果绝了，敷了%s片就水润了"}},
	} {
		c.start, c.dur, c.perRoom, c.newAccts, c.subnet, c.bursts, c.rate = t0.Add(10*time.Minute), time.Hour, [2]int{4, 6}, true, true, true, 1
		for i, m := range w.run(c) {
			w.comment(c.rooms[0], m, nat, "", fmt.Sprintf(c.scripts[0], strconv.Itoa(3+i%5)), at.Add(time.Duration(i)*time.Second))
		}
		at = at.Add(25 * time.Minute)
	}
	d := New(Config{})
	detectEvery(d, w.sorted(), 5*time.Minute)
	cs := d.Campaigns()
	if len(cs) != 2 {
		t.Fatalf("%d campaigns, want one per crew", len(cs))
	}
	natNet := networkName(nat)
	for _, c := range cs {
		onNAT := 0
		for _, m := range c.Members {
			if slices.ContainsFunc(m.IPs, func(ip string) bool { return networkName(ip) == natNet }) {
				onNAT++
			}
		}
		if onNAT < minMembers {
			t.Errorf("%s: %d members on the NAT network; the test needs the two crews on it", c.ID, onNAT)
		}
		if len(c.Related) > 0 {
			t.Errorf("%s related by a carrier NAT network: %+v", c.ID, c.Related)
		}
	}
}

// TestAddRelatedMergesAndCaps: a relation known before gains the devices
// and networks not listed yet, up to maxRelatedShown, and reports whether
// anything changed.
func TestAddRelatedMergesAndCaps(t *testing.T) {
	var c Campaign
	if !addRelated(&c, Related{ID: "cmp_b", Networks: []string{"10.0.1.0/24"}}) {
		t.Fatal("a new relation is a change")
	}
	if !addRelated(&c, Related{ID: "cmp_a", Devices: []string{"d1"}}) || c.Related[0].ID != "cmp_a" {
		t.Fatalf("relations not sorted: %v", ids(c.Related))
	}
	if addRelated(&c, Related{ID: "cmp_b", Networks: []string{"10.0.1.0/24"}}) {
		t.Error("the same relation again is no change")
	}
	var many []string
	for i := range 2 * maxRelatedShown {
		many = append(many, "d"+string(rune('a'+i)))
	}
	if !addRelated(&c, Related{ID: "cmp_b", Devices: many}) {
		t.Error("new devices are a change")
	}
	if r := c.Related[1]; len(r.Devices) != maxRelatedShown || len(r.Networks) != 1 {
		t.Errorf("relation %+v", r)
	}
	b, err := json.Marshal(c.Related[0])
	if err != nil || string(b) != `{"id":"cmp_a","platform":"","devices":["d1"],"found":"0001-01-01T00:00:00Z"}` {
		t.Errorf("json %s %v", b, err)
	}
}

// TestNetworkName gives networks in CIDR form.
func TestNetworkName(t *testing.T) {
	for ip, want := range map[string]string{
		"36.112.4.17":                     "36.112.4.0/24",
		"::ffff:36.112.4.17":              "36.112.4.0/24",
		"2409:8a1c:9866:9980:d446:7c91::": "2409:8a1c:9866:9980::/64",
		"bad":                             "",
	} {
		if got := networkName(ip); got != want {
			t.Errorf("networkName(%q) = %q, want %q", ip, got, want)
		}
	}
}

// TestRelatedComebackAfterWindow: a crew's accounts are gone with the
// window, and it comes back nine days later with fresh accounts on the
// same phones and subnet. The new campaign is related to the old one, and
// the old one is reported again with the relation.
func TestRelatedComebackAfterWindow(t *testing.T) {
	w := newWorld(32)
	later := t0.Add(9 * 24 * time.Hour)
	w.organic(organicRoom{id: "ra", merchant: "m1", start: t0, dur: 2 * time.Hour, viewers: 200, rate: 2, natShare: 0.3, region: 2})
	w.organic(organicRoom{id: "rb", merchant: "m2", start: later, dur: 2 * time.Hour, viewers: 200, rate: 2, natShare: 0.3, region: 2})
	n := len(w.events)
	w.run(crew{name: "cr", size: 15, rooms: []string{"ra"}, start: t0.Add(10 * time.Minute), dur: time.Hour,
		perRoom: [2]int{4, 6}, newAccts: true, subnet: true, sharedDv: 3, scripts: jellyScripts, bursts: true, rate: 1})
	for _, ev := range slices.Clone(w.events[n:]) {
		if ev.Type != qinglang.Comment {
			continue
		}
		w.account("new-"+ev.User, later, 2)
		w.comment("rb", "new-"+ev.User, ev.IP, ev.Device, ev.Text, ev.TS.Add(later.Sub(t0)))
	}
	d := New(Config{})
	evs := w.sorted()
	cut := slices.IndexFunc(evs, func(ev *qinglang.Event) bool { return !ev.TS.Before(later.Add(-time.Minute)) })
	detectEvery(d, evs[:cut], 5*time.Minute)
	changes := detectEvery(d, evs[cut:], 5*time.Minute) // judged from the comeback on
	cs := d.Campaigns()
	if len(cs) != 2 {
		t.Fatalf("%d campaigns, want the crew's two", len(cs))
	}
	old, fresh := cs[1], cs[0] // newest first
	if !strings.HasPrefix(fresh.Members[0].User, "new-") || strings.HasPrefix(old.Members[0].User, "new-") {
		t.Fatalf("campaigns %s and %s out of order", old.ID, fresh.ID)
	}
	if got := ids(fresh.Related); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("new campaign related to %v, want %s", got, old.ID)
	}
	if got := ids(old.Related); !slices.Equal(got, []string{fresh.ID}) {
		t.Errorf("old campaign related to %v, want %s", got, fresh.ID)
	}
	if r := fresh.Related[0]; len(r.Devices) != 5 || len(r.Networks) != 1 {
		t.Errorf("relation %+v, want the 5 phones and the subnet", r)
	}
	// the old campaign, untouched by the window, is reported with it
	reported := false
	for _, ch := range changes {
		if ch.Campaign.ID == old.ID && len(ch.Campaign.Related) == 1 {
			reported = !ch.New && len(ch.Added) == 0
		}
	}
	if !reported {
		t.Error("the old campaign was not reported again with its relation")
	}
}

// TestMergeHandsRelationsOn: when a campaign is merged into another, its
// relations move to the one it is merged into, and relations to it point
// there.
func TestMergeHandsRelationsOn(t *testing.T) {
	s := newCampaignSet()
	mk := func(id, platform string, users ...string) *tracked {
		tr := &tracked{c: Campaign{ID: id, Platform: platform}, members: map[string]bool{}}
		for _, u := range users {
			tr.c.Members = append(tr.c.Members, Member{User: u})
			tr.members[u] = true
		}
		s.byID[id] = tr
		s.order = append(s.order, id)
		return tr
	}
	a := mk("cmp_a", "douyin", "u1", "u2", "u3")
	b := mk("cmp_b", "douyin", "u4", "u5", "u6")
	x := mk("cmp_x", "kuaishou", "k1", "k2", "k3")
	y := mk("cmp_y", "taobao", "t1", "t2", "t3")
	addRelated(&b.c, Related{ID: "cmp_x", Platform: "kuaishou", Devices: []string{"d1"}})
	addRelated(&x.c, Related{ID: "cmp_b", Platform: "douyin", Devices: []string{"d1"}})
	addRelated(&b.c, Related{ID: "cmp_a", Platform: "douyin", Networks: []string{"10.0.0.0/24"}})
	addRelated(&a.c, Related{ID: "cmp_b", Platform: "douyin", Networks: []string{"10.0.0.0/24"}})
	addRelated(&a.c, Related{ID: "cmp_y", Platform: "taobao", Devices: []string{"d2"}})
	addRelated(&y.c, Related{ID: "cmp_a", Platform: "douyin", Devices: []string{"d2"}})
	s.merge(a, b)
	if got := ids(a.c.Related); !slices.Equal(got, []string{"cmp_x", "cmp_y"}) {
		t.Errorf("merged campaign related to %v", got)
	}
	if got := x.c.Related; len(got) != 1 || got[0].ID != "cmp_a" || got[0].Platform != "douyin" || got[0].Devices[0] != "d1" {
		t.Errorf("x related to %+v, want cmp_a", got)
	}
	if got := ids(y.c.Related); !slices.Equal(got, []string{"cmp_a"}) {
		t.Errorf("y related to %v", got)
	}
}

// BenchmarkRelate: 5,000 campaigns of 20 members (16 addresses and one
// device each, on two platforms), half of them sharing a phone with one
// other campaign, and a Judge that looks for relations: after every
// campaign was judged anew (all), and after one new campaign came (one).
// Package campaign's window rarely holds that many campaigns; the figures
// bound what relations add to a Judge.
func BenchmarkRelate(b *testing.B) {
	const n, size = 5000, 20
	d := New(Config{})
	for _, p := range []string{"douyin", "kuaishou"} {
		d.platform(p)
	}
	mk := func(i int) Campaign {
		c := Campaign{ID: fmt.Sprintf("cmp_%06d", i), Platform: []string{"douyin", "kuaishou"}[i%2]}
		for j := range size {
			m := Member{User: fmt.Sprintf("u%d-%d", i, j), Devices: []string{fmt.Sprintf("dv%d-%d", i, j)}}
			if j == 0 && i%4 < 2 {
				m.Devices[0] = fmt.Sprintf("phone%d", i/4) // campaigns 4k and 4k+1 share one
			}
			for k := range 16 {
				m.IPs = append(m.IPs, fmt.Sprintf("%d.%d.%d.%d", 36+i%180, (i/180)%250, (j*16+k)%250, 1+k))
			}
			c.Members = append(c.Members, m)
		}
		return c
	}
	for i := range n {
		d.camps.restore(mk(i))
	}
	d.relate(nil, t0)
	related := 0
	for _, c := range d.Campaigns() {
		related += len(c.Related)
	}
	if related != n/2 {
		b.Fatalf("%d relations, want %d", related, n/2)
	}
	b.Run("all", func(b *testing.B) {
		for range b.N {
			for _, id := range d.camps.order {
				d.camps.byID[id].own = nil
			}
			d.relate(nil, t0)
		}
	})
	b.Run("one", func(b *testing.B) {
		c := mk(n + 1) // shares a phone with no one
		for range b.N {
			d.camps.byID[c.ID] = &tracked{c: c}
			d.camps.order = append(d.camps.order, c.ID)
			d.relate(nil, t0)
			d.camps.order = d.camps.order[:n]
			delete(d.camps.byID, c.ID)
		}
	})
}
