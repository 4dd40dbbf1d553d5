package campaigneval

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/campaign"
	"github.com/qinglang/qinglang/sim"
)

func TestScore(t *testing.T) {
	set := func(us ...string) map[string]bool {
		m := map[string]bool{}
		for _, u := range us {
			m[u] = true
		}
		return m
	}
	s := score("d", set("a", "b", "c", "x"), set("a", "b", "c", "d"), true)
	if s.Accused != 4 || s.TruePositives != 3 || s.FalsePositives != 1 || s.FalseNegatives != 1 ||
		s.Precision != 0.75 || s.Recall != 0.75 || s.F1 != 0.75 {
		t.Errorf("partial: %+v", s)
	}
	s = score("d", set("a", "x", "y", "z"), set("a", "b"), true)
	if s.Precision != 0.25 || s.Recall != 0.5 || math.Abs(s.F1-1.0/3) > 1e-12 {
		t.Errorf("P 1/4, R 1/2: %+v", s)
	}
	if s := score("d", set(), set("a"), true); s.Precision != 0 || s.Recall != 0 || s.F1 != 0 || s.FalseNegatives != 1 {
		t.Errorf("none accused: %+v", s)
	}
	if s := score("d", set("u1", "u2"), set(), false); s.FalsePositives != 2 || s.Accused != 2 || s.F1 != 0 {
		t.Errorf("organic: %+v", s)
	}
}

// TestScoreRelations: pairs of campaigns each holding 3 accounts of one
// crew (or, smaller, only its accounts) should be related; others should
// not.
func TestScoreRelations(t *testing.T) {
	crewOf := map[string]string{"a1": "a", "a2": "a", "a3": "a", "a4": "a", "a5": "a", "a6": "a", "b1": "b", "b2": "b", "b3": "b"}
	mk := func(id string, related []string, users ...string) campaign.Campaign {
		c := campaign.Campaign{ID: id}
		for _, u := range users {
			c.Members = append(c.Members, campaign.Member{User: u})
		}
		for _, r := range related {
			c.Related = append(c.Related, campaign.Related{ID: r})
		}
		return c
	}
	cs := []campaign.Campaign{
		mk("c1", []string{"c2"}, "a1", "a2", "a3"),            // crew a on one platform
		mk("c2", nil, "a4", "a5", "a6", "b1", "b2", "b3"),     // crew a on another, merged with crew b
		mk("c3", []string{"c2", "c4"}, "b1", "b2", "b3", "x"), // crew b: related to c2 rightly, to c4 wrongly
		mk("c4", nil, "a1", "a2", "x", "y"),                   // two of crew a: no crew's
		mk("c5", []string{"c3"}, "b1", "b2"),                  // crew b's farm, two accounts on a third platform
		mk("c6", []string{"c1"}, "a1", "y"),                   // one of crew a beside a stranger: no crew's
	}
	got := scoreRelations(cs, crewOf)
	// one crew: c1–c2 (a), c2–c3, c2–c5 and c3–c5 (b)
	want := Relations{Campaigns: 6, Pairs: 4, Related: 5, Right: 3}
	if *got != want {
		t.Errorf("scoreRelations = %+v, want %+v", *got, want)
	}
}

// Small scenarios for the arithmetic: one attack, one organic.
var (
	smallAttack = Scenario{Name: "attack/small", Set: "test", Config: sim.Config{Seed: 5, Rooms: 3, Duration: 16 * time.Minute,
		Crews: []sim.Crew{{Name: "c", Accounts: 12, Share: 0.5, Reach: 1}}}}
	smallOrganic = Scenario{Name: "organic/small", Set: "test", Config: sim.Config{Seed: 6, Rooms: 2, Duration: 16 * time.Minute}}
)

// crewOf returns the crew accounts of a scenario from its labels.
func crewOf(t *testing.T, s Scenario) map[string]bool {
	t.Helper()
	crew := map[string]bool{}
	cfg := s.Config
	cfg.Labels = func(l sim.Label) {
		if l.Kind == sim.LabelCrew {
			crew[l.User] = true
		}
	}
	if err := sim.Generate(cfg, func(*qinglang.Event) error { return nil }); err != nil {
		t.Fatal(err)
	}
	return crew
}

// fake accuses every commenter that pick says yes to, one campaign per
// Judge, and records the times it was judged at and the latest event it
// had seen then.
type fake struct {
	pick    func(ev *qinglang.Event) bool
	pending []string
	seen    map[string]bool
	n       int
	last    time.Time
	judged  []time.Time
	before  []time.Time
}

func newFake(pick func(ev *qinglang.Event) bool) *fake {
	return &fake{pick: pick, seen: map[string]bool{}}
}

func (f *fake) Observe(ev *qinglang.Event) {
	f.last = ev.TS
	if ev.Type == qinglang.Comment && f.pick(ev) && !f.seen[ev.User] {
		f.seen[ev.User] = true
		f.pending = append(f.pending, ev.User)
	}
}

func (f *fake) Judge(now time.Time) []campaign.Change {
	f.judged, f.before = append(f.judged, now), append(f.before, f.last)
	if len(f.pending) == 0 {
		return nil
	}
	f.n++
	c := campaign.Campaign{ID: "f" + string(rune('a'+f.n))}
	for _, u := range f.pending {
		c.Members = append(c.Members, campaign.Member{User: u})
	}
	f.pending = nil
	return []campaign.Change{{Campaign: c, New: true, Added: nil}}
}

func TestRunWithFakeDetectors(t *testing.T) {
	crew := crewOf(t, smallAttack)
	if len(crew) == 0 {
		t.Fatal("no crew in the small attack scenario")
	}
	var probe *fake
	contenders := []Contender{
		{"perfect", func() Detector { return newFake(func(ev *qinglang.Event) bool { return crew[ev.User] }) }},
		{"all", func() Detector { return newFake(func(*qinglang.Event) bool { return true }) }},
		{"none", func() Detector { probe = newFake(func(*qinglang.Event) bool { return false }); return probe }},
	}
	rep, err := Run([]Scenario{smallAttack}, Options{Contenders: contenders, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Results[0]
	if r.Kind != Attack || r.CrewAccounts != len(crew) || r.CrewComments == 0 || r.Commenters <= len(crew) {
		t.Fatalf("result %+v", r)
	}
	perfect, all, none := r.Scores[0], r.Scores[1], r.Scores[2]
	if perfect.F1 != 1 || perfect.Precision != 1 || perfect.Recall != 1 || perfect.FalsePositives != 0 || perfect.FirstHitMinutes == nil {
		t.Errorf("perfect detector: %+v", perfect)
	}
	if all.Recall != 1 || all.Precision > 0.2 || all.Accused != r.Commenters || all.FalsePositives != r.Commenters-len(crew) {
		t.Errorf("accuse-all detector: %+v (commenters %d, crew %d)", all, r.Commenters, len(crew))
	}
	if none.Accused != 0 || none.F1 != 0 || none.FalseNegatives != len(crew) || none.FirstHitMinutes != nil {
		t.Errorf("silent detector: %+v", none)
	}
	// Judged on the 5-minute grid of event time, with only earlier events
	// seen, and once more at the end at the last event's time.
	n := len(probe.judged)
	if n < 3 {
		t.Fatalf("judged %d times", n)
	}
	for i := 0; i < n-1; i++ {
		if i > 0 && probe.judged[i].Sub(probe.judged[i-1])%DefaultInterval != 0 {
			t.Errorf("judgement %d at %v is off the grid (previous %v)", i, probe.judged[i], probe.judged[i-1])
		}
		if !probe.before[i].Before(probe.judged[i]) {
			t.Errorf("judgement at %v had seen an event of %v", probe.judged[i], probe.before[i])
		}
	}
	if !probe.judged[n-1].Equal(probe.before[n-1]) {
		t.Errorf("last judgement at %v, last event %v", probe.judged[n-1], probe.before[n-1])
	}

	// Organic: every accused account is falsely accused.
	rep, err = Run([]Scenario{smallAttack, smallOrganic}, Options{Contenders: contenders[:2]})
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Results[1]
	if o.Kind != Organic || o.CrewAccounts != 0 {
		t.Fatalf("organic result %+v", o)
	}
	if s := o.Scores[1]; s.FalsePositives != o.Commenters || s.Accused != o.Commenters || s.F1 != 0 {
		t.Errorf("accuse-all on organic: %+v, %d commenters", s, o.Commenters)
	}
	if s := o.Scores[0]; s.Accused != 0 {
		t.Errorf("perfect on organic: %+v", s)
	}
	sum := rep.Summary
	if len(sum) != 2 || sum[0].Detector != "perfect" || sum[0].MeanF1 != 1 || sum[0].OrganicFalselyAccused != 0 ||
		sum[1].OrganicFalselyAccused != o.Commenters || sum[1].AttackFalsePositives != rep.Results[0].Scores[1].FalsePositives {
		t.Errorf("summary %+v", sum)
	}
}

func TestRunErrors(t *testing.T) {
	if _, err := Run([]Scenario{smallOrganic, smallOrganic}, Options{}); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("duplicate names: %v", err)
	}
	bad := smallOrganic
	bad.Config.Rooms = 0
	if _, err := Run([]Scenario{bad}, Options{}); qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), bad.Name) {
		t.Errorf("bad config: %v", err)
	}
}

// TestScenarios checks every scenario of the three sets: names, sets,
// kinds, and that each attack scenario generates each of its crews, as
// the docs describe them, and no organic one has a crew.
func TestScenarios(t *testing.T) {
	names := map[string]bool{}
	for set, scs := range map[string][]Scenario{SetMatrix: Matrix(), SetHeldout: Heldout(), SetFresh: Fresh()} {
		got, ok := Set(set)
		if !ok || len(got) != len(scs) {
			t.Errorf("Set(%q)", set)
		}
		kinds := map[Kind]int{}
		for _, s := range scs {
			if names[s.Name] || s.Set != set || !strings.Contains(s.Name, string(s.Kind())+"/") || s.Description == "" {
				t.Errorf("scenario %q (set %q, kind %s)", s.Name, s.Set, s.Kind())
			}
			names[s.Name] = true
			kinds[s.Kind()]++
			comments := map[string]int{} // crew -> comments
			rooms := map[string]map[string]int{}
			cfg := s.Config
			cfg.Labels = func(l sim.Label) {
				if l.Kind == sim.LabelCrew && l.Role != sim.RoleOrder {
					comments[l.Crew]++
					if rooms[l.Crew] == nil {
						rooms[l.Crew] = map[string]int{}
					}
					rooms[l.Crew][l.Room]++
				}
			}
			all := map[string]int{} // room -> comments
			err := sim.Generate(cfg, func(ev *qinglang.Event) error {
				if ev.Type == qinglang.Comment {
					all[ev.Room]++
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%s: %v", s.Name, err)
			}
			if len(comments) != len(s.Config.Crews) {
				t.Errorf("%s: crews posting %v, want %d crews", s.Name, comments, len(s.Config.Crews))
			}
			for _, c := range s.Config.Crews {
				if comments[c.Name] == 0 {
					t.Errorf("%s: crew %s posted nothing", s.Name, c.Name)
				}
				if c.Share > 0 {
					for room, n := range rooms[c.Name] {
						if share := float64(n) / float64(all[room]); math.Abs(share-c.Share) > 0.08 {
							t.Errorf("%s: crew %s has %.2f of the comments of %s, want %.2f", s.Name, c.Name, share, room, c.Share)
						}
					}
				}
				if c.RoomComments[1] > 0 {
					for room, n := range rooms[c.Name] {
						if n < c.RoomComments[0] || n > c.RoomComments[1] {
							t.Errorf("%s: %d comments in %s", s.Name, n, room)
						}
					}
				}
			}
			switch s.Name {
			case "attack/camouflage-4rooms":
				if len(rooms["camo"]) != 4 {
					t.Errorf("%s: %d rooms", s.Name, len(rooms["camo"]))
				}
			case "attack/lowrate-12rooms":
				if len(rooms["low"]) != 12 {
					t.Errorf("%s: %d rooms", s.Name, len(rooms["low"]))
				}
			}
		}
		if kinds[Attack] < 4 || kinds[Organic] < 2 {
			t.Errorf("%s: %v", set, kinds)
		}
	}
}

// TestFreshScenarios checks that the crews of the fresh set work as their
// descriptions say: in which broadcasts, how many members, how often.
func TestFreshScenarios(t *testing.T) {
	type crewStats struct {
		slots    map[string]bool           // "r<room index>"
		rooms    map[string]map[string]int // broadcast -> member -> comments
		dates    map[string]bool
		members  map[string]bool
		buyers   map[string]map[string]bool // broadcast -> members who ordered
		roomsMem map[string]map[string]bool // broadcast -> members at work
	}
	scs := Fresh()
	if got, ok := Set(SetFresh); !ok || len(got) != len(scs) {
		t.Fatalf("Set(%q)", SetFresh)
	}
	for _, s := range scs {
		if !strings.HasPrefix(s.Name, "fresh/"+string(s.Kind())+"/") {
			t.Errorf("name %q", s.Name)
		}
		stats := map[string]*crewStats{}
		cfg := s.Config
		cfg.Labels = func(l sim.Label) {
			if l.Kind != sim.LabelCrew {
				return
			}
			c := stats[l.Crew]
			if c == nil {
				c = &crewStats{slots: map[string]bool{}, rooms: map[string]map[string]int{}, dates: map[string]bool{},
					members: map[string]bool{}, buyers: map[string]map[string]bool{}, roomsMem: map[string]map[string]bool{}}
				stats[l.Crew] = c
			}
			slot, date, _ := strings.Cut(l.Room, "-")
			c.slots[slot], c.dates[date], c.members[l.User] = true, true, true
			if c.roomsMem[l.Room] == nil {
				c.roomsMem[l.Room], c.buyers[l.Room], c.rooms[l.Room] = map[string]bool{}, map[string]bool{}, map[string]int{}
			}
			c.roomsMem[l.Room][l.User] = true
			if l.Role == sim.RoleOrder {
				c.buyers[l.Room][l.User] = true
			} else {
				c.rooms[l.Room][l.User]++
			}
		}
		if err := sim.Generate(cfg, func(*qinglang.Event) error { return nil }); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		for name, c := range stats {
			t.Logf("%s: crew %s: %d members, %d broadcasts, rooms %v", s.Name, name, len(c.members), len(c.rooms), c.slots)
		}
		slots := func(crew string, want ...string) {
			c := stats[crew]
			if c == nil {
				t.Errorf("%s: crew %s absent", s.Name, crew)
				return
			}
			got := map[string]bool{}
			for _, w := range want {
				got[w] = true
			}
			if !reflect.DeepEqual(c.slots, got) {
				t.Errorf("%s: crew %s in rooms %v, want %v", s.Name, crew, c.slots, want)
			}
		}
		perRoom := func(crew string, broadcasts, members, comments int) {
			c := stats[crew]
			if c == nil {
				return
			}
			if len(c.rooms) != broadcasts {
				t.Errorf("%s: crew %s in %d broadcasts, want %d", s.Name, crew, len(c.rooms), broadcasts)
			}
			for room, by := range c.rooms {
				if members > 0 && len(by) != members {
					t.Errorf("%s: %d members of %s commented in %s, want %d", s.Name, len(by), crew, room, members)
				}
				for u, n := range by {
					if n != comments {
						t.Errorf("%s: %s of %s posted %d comments in %s, want %d", s.Name, u, crew, n, room, comments)
					}
				}
			}
		}
		switch s.Name {
		case "fresh/attack/paraphrase-subnet-lottery":
			slots("subpara", "r0")
			perRoom("subpara", 1, 32, 3)
		case "fresh/attack/sparse-named-merchants":
			slots("sparse", "r1", "r3", "r5")
			perRoom("sparse", 12, 5, 2)
		case "fresh/attack/ipv6-new-alternate-days":
			if c := stats["v6new"]; c == nil || len(c.slots) != 2 || len(c.dates) != 2 {
				t.Errorf("%s: crew in %+v", s.Name, c)
			}
			perRoom("v6new", 4, 25, 3)
		case "fresh/attack/two-crews-two-merchants":
			slots("plain", "r3")
			slots("mixed", "r1", "r2")
			perRoom("mixed", 4, 26, 3)
		case "fresh/attack/once-per-room-many-rooms":
			perRoom("once", 15, 20, 1)
			if c := stats["once"]; c != nil && len(c.members) < 60 {
				t.Errorf("%s: only %d members over 15 broadcasts", s.Name, len(c.members))
			}
		case "fresh/attack/buyers-camouflage":
			perRoom("buyers", 4, 18, 4)
			if c := stats["buyers"]; c != nil {
				for room, mem := range c.roomsMem {
					if n := len(c.buyers[room]); float64(n) < 0.7*float64(len(mem)) {
						t.Errorf("%s: %d of %d members bought in %s", s.Name, n, len(mem), room)
					}
				}
			}
		default:
			if s.Kind() == Attack {
				t.Errorf("%s: no checks", s.Name)
			}
		}
	}
}

func TestBaseline(t *testing.T) {
	b := NewBaseline(0)
	at := time.Date(2025, 6, 12, 20, 0, 0, 0, time.UTC)
	say := func(user, text string) {
		b.Observe(&qinglang.Event{Type: qinglang.Comment, TS: at, Platform: "p", Room: "r", User: user, Text: text})
	}
	for i, text := range []string{"冲冲冲", "冲冲冲！", "冲 冲 冲", "冲冲", "冲冲冲冲冲"} {
		say("u"+string(rune('0'+i)), text)
	}
	for i := range 4 {
		say("v"+string(rune('0'+i)), "主播好")
	}
	say("u0", "冲冲冲") // again: no new account
	got := b.Judge(at)
	if len(got) != 1 || !got[0].New || len(got[0].Added) != 5 || len(got[0].Campaign.Members) != 5 {
		t.Fatalf("first judgement %+v", got)
	}
	if b.Judge(at) != nil {
		t.Error("nothing new, yet reported")
	}
	say("w", "冲！！")
	say("v9", "主播好")
	got = b.Judge(at)
	if len(got) != 2 {
		t.Fatalf("second judgement %+v", got)
	}
	for _, ch := range got {
		users := []string{}
		for _, m := range ch.Campaign.Members {
			users = append(users, m.User)
		}
		switch {
		case ch.New && len(ch.Added) == 5 && reflect.DeepEqual(users, []string{"v0", "v1", "v2", "v3", "v9"}):
		case !ch.New && reflect.DeepEqual(ch.Added, []string{"w"}) && reflect.DeepEqual(users, []string{"u0", "u1", "u2", "u3", "u4", "w"}):
		default:
			t.Errorf("change %+v, members %v", ch, users)
		}
	}
}

func TestReport(t *testing.T) {
	rep, err := Run([]Scenario{smallAttack, smallOrganic}, Options{Contenders: []Contender{
		{"baseline", func() Detector { return NewBaseline(0) }},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := WriteText(&text, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"场景 scenario", "精确率 P", "召回率 R", "误指 FP", "attack/small", "organic/small", "汇总 summary", "baseline"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, rep) {
		t.Errorf("JSON round trip differs:\n%s", js.String())
	}
}

// TestCampaignDetectorWired runs package campaign's detector on one small
// scenario: the default wiring works.
func TestCampaignDetectorWired(t *testing.T) {
	rep, err := Run([]Scenario{smallAttack}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Contenders; !reflect.DeepEqual(got, []string{"campaign", "baseline"}) {
		t.Errorf("contenders %v", got)
	}
	t.Logf("campaign detector on %s: %+v", smallAttack.Name, rep.Results[0].Scores[0])

	// A crew on two platforms is two campaigns, related; the relations are
	// scored for the detector that reports them and printed.
	two := smallAttack
	two.Name, two.Config.Platforms, two.Config.Seed = "attack/two-platforms", []string{"douyin", "kuaishou"}, 7
	two.Config.Crews = []sim.Crew{{Name: "c", Accounts: 12, Share: 0.5, Merchants: []int{1, 2}}} // rooms 1 and 2 are on two platforms
	rep, err = Run([]Scenario{two}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	det, base := rep.Results[0].Scores[0], rep.Results[0].Scores[1]
	if r := det.Relations; r == nil || r.Campaigns != 2 || r.Pairs != 1 || r.Related != 1 || r.Right != 1 {
		t.Errorf("relations %+v, want the two campaigns related", r)
	}
	if base.Relations != nil || rep.Summary[0].Relations == nil || rep.Summary[1].Relations != nil {
		t.Errorf("relations scored for the baseline, or not summed: %+v %+v", base.Relations, rep.Summary)
	}
	var text bytes.Buffer
	if err := WriteText(&text, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "关联团伙 related campaigns") || !strings.Contains(text.String(), "attack/two-platforms") {
		t.Errorf("the report lacks the relations:\n%s", text.String())
	}
}
