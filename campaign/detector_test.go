package campaign

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// detectEvery feeds events to d, judging every interval of event time
// and at the end, and returns every change.
func detectEvery(d *Detector, evs []*qinglang.Event, interval time.Duration) []Change {
	var out []Change
	var next time.Time
	for _, ev := range evs {
		if next.IsZero() {
			next = ev.TS.Add(interval)
		}
		for !ev.TS.Before(next) {
			out = append(out, d.Judge(next)...)
			next = next.Add(interval)
		}
		d.Observe(ev)
	}
	return append(out, d.Judge(time.Time{})...)
}

func jellyWorld() *world {
	w := newWorld(7)
	w.organic(organicRoom{id: "jelly", merchant: "m1", start: t0, dur: 12 * time.Hour, viewers: 80, rate: 0.6, natShare: 0.35, region: 1})
	w.run(crew{name: "jc", size: 40, rooms: []string{"jelly"}, start: t0.Add(5 * time.Minute), dur: 12 * time.Hour,
		perRoom: [2]int{20, 30}, newAccts: true, subnet: true, sharedDv: 4, scripts: jellyScripts, bursts: true, rate: 1})
	// the member of the case who claimed both 瘦35斤 and 瘦16.6斤
	w.comment("jelly", "jc-07", "61.0.0.9", "phone-jc-1", "吃了一个月瘦了35斤，真的有效", t0.Add(3*time.Hour))
	w.comment("jelly", "jc-07", "61.0.0.9", "phone-jc-1", "吃了一个月瘦了16.6斤，真的有效", t0.Add(5*time.Hour))
	return w
}

func TestJellyCrew(t *testing.T) {
	w := jellyWorld()
	d := New(Config{})
	chs := detectEvery(d, w.sorted(), 5*time.Minute)
	cs := d.Campaigns()
	if len(cs) != 1 {
		t.Fatalf("%d campaigns, want 1: %v", len(cs), summary(chs))
	}
	c := cs[0]
	if _, r, f, fp, fn := prf(accused(chs), w.crew); f < 1 {
		t.Errorf("F1 %.3f (recall %.3f): false %v, missed %v", f, r, fp, fn)
	}
	var m *Member
	for i := range c.Members {
		if c.Members[i].User == "jc-07" {
			m = &c.Members[i]
		}
	}
	if m == nil || len(m.Contradictions) == 0 || !slices.Contains(m.Reasons, ReasonContradiction) {
		t.Fatalf("jc-07 should be a member with its contradiction: %+v", m)
	}
	e := c.Evidence
	if e.SharedIP < 35 || e.DistinctNets > 3 || e.SharedDevice < 35 || e.NewAccounts < 35 || e.TestimonialsNoBuy < 35 || e.Contradicting < 1 {
		t.Errorf("evidence: %+v", e)
	}
	if c.Severity != qinglang.SeverityCritical || c.Score < criticalScore {
		t.Errorf("severity %s score %.2f: the crew dominates the room", c.Severity, c.Score)
	}
	if len(c.Rooms) != 1 || c.Rooms[0].Share < criticalShare || c.Rooms[0].Merchant != "m1" {
		t.Errorf("rooms: %+v", c.Rooms)
	}
	if len(c.Scripts) == 0 || len(c.Scripts[0].Examples) == 0 || len(c.Timeline) == 0 || len(c.EventIDs) == 0 {
		t.Errorf("scripts %d, timeline %d, event ids %d", len(c.Scripts), len(c.Timeline), len(c.EventIDs))
	}
	for _, mm := range c.Members {
		if !slices.Contains(mm.Reasons, ReasonScript) || len(mm.IPs) == 0 || mm.CreatedAt == nil {
			t.Errorf("member %s: %+v", mm.User, mm)
		}
	}
	f := c.Finding()
	if f.Kind != qinglang.KindCampaign || f.DedupKey != c.ID || len(f.Accounts) != len(c.Members) || f.Room != "jelly" || f.Summary == "" {
		t.Errorf("finding: %+v", f)
	}
	var back Campaign
	if err := json.Unmarshal(f.Evidence, &back); err != nil || back.ID != c.ID {
		t.Errorf("finding evidence: %v", err)
	}
}

// organicCase builds one organic world.
type organicCase struct {
	name  string
	build func(w *world)
}

var organicCases = []organicCase{
	{"chanting-room-900", func(w *world) {
		w.organic(organicRoom{id: "big", merchant: "m1", start: t0, dur: 2 * time.Hour, viewers: 900, rate: 30, chant: true, natShare: 0.35, region: 3})
	}},
	{"flood-of-1", func(w *world) {
		w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: t0, Room: "r", Host: "h", Merchant: "m"})
		for k := range 8 {
			at := t0.Add(time.Duration(k) * 10 * time.Minute)
			w.say("r", "想要的家人们扣1", at)
			for i := range 300 {
				u := fmt.Sprintf("v%d", (i*7+k*13)%400)
				w.account(u, t0, 400)
				w.comment("r", u, fmt.Sprintf("36.%d.%d.9", i%200, k), "d"+u, orgFlood[i%len(orgFlood)], at.Add(time.Duration(i)*100*time.Millisecond))
			}
		}
	}},
	{"lottery-burst", func(w *world) {
		w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: t0, Room: "r", Host: "h", Merchant: "m"})
		for k := range 4 {
			at := t0.Add(time.Duration(k) * 20 * time.Minute)
			w.say("r", "福袋走一波，评论区打'谷语果冻真好吃'参与抽奖", at)
			for i := range 500 {
				u := fmt.Sprintf("v%d", (i*3+k*101)%700)
				w.account(u, t0, 300)
				w.comment("r", u, fmt.Sprintf("39.%d.%d.9", i%200, k), "d"+u, "谷语果冻真好吃", at.Add(time.Duration(i)*200*time.Millisecond))
			}
		}
	}},
	{"nat-60", func(w *world) {
		w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: t0, Room: "r", Host: "h", Merchant: "m"})
		for i := range 60 {
			u := fmt.Sprintf("dorm%d", i)
			w.account(u, t0, 200+float64(i*30))
			if i%3 == 0 {
				w.order("r", u, t0.Add(time.Duration(i)*time.Minute))
			}
			for k := range 2 + i%3 {
				w.comment("r", u, "117.136.5.16", "d"+u, orgChat[(i*5+k*11)%len(orgChat)], t0.Add(time.Duration(i*2+k*37)*time.Minute))
			}
		}
	}},
	{"buyers-reviews", func(w *world) {
		w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: t0, Room: "r", Host: "h", Merchant: "m"})
		w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: t0.Add(24 * time.Hour), Room: "r2", Host: "h", Merchant: "m"})
		for i := range 80 {
			u := fmt.Sprintf("buyer%d", i)
			w.account(u, t0, 300+float64(i))
			w.order("r", u, t0.Add(time.Duration(i)*time.Minute))
			txt := fmt.Sprintf([]string{"吃了%d天，瘦了%d斤，配合运动的", "第%d次回购了，孩子爱吃%d", "用了%d天了，还不错%d", "买了%d盒了，口感不错%d"}[i%4], 3+i%20, 1+i%7)
			w.comment("r2", u, fmt.Sprintf("58.%d.3.3", i), "d"+u, txt, t0.Add(24*time.Hour+time.Duration(i*40)*time.Second))
		}
	}},
	{"loyal-fans", func(w *world) {
		w.merchantRooms("m1", 4, 300, t0, false)
		w.merchantRooms("m2", 3, 200, t0, true)
	}},
}

func TestOrganicNoCampaign(t *testing.T) {
	for _, oc := range organicCases {
		t.Run(oc.name, func(t *testing.T) {
			w := newWorld(3)
			oc.build(w)
			chs := detectEvery(New(Config{}), w.sorted(), 5*time.Minute)
			if acc := accused(chs); len(acc) > 0 {
				t.Errorf("%d accused in %d campaigns, e.g. %v", len(acc), len(chs), head(keys(acc), 5))
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// growthWorld: a crew works room A, and later more members in room B.
func growthWorld(withB bool) *world {
	w := newWorld(11)
	w.organic(organicRoom{id: "A", merchant: "m1", start: t0, dur: 3 * time.Hour, viewers: 100, rate: 2, natShare: 0.3, region: 2})
	w.organic(organicRoom{id: "B", merchant: "m1", start: t0.Add(24 * time.Hour), dur: 3 * time.Hour, viewers: 100, rate: 2, natShare: 0.3, region: 2})
	c := crew{name: "g", size: 20, rooms: []string{"A"}, start: t0.Add(10 * time.Minute), dur: 2 * time.Hour,
		perRoom: [2]int{8, 12}, newAccts: true, subnet: true, scripts: jellyScripts, bursts: true, rate: 1}
	w.run(c)
	if withB {
		c.name, c.size, c.rooms, c.start = "g2", 10, []string{"B"}, t0.Add(24*time.Hour+10*time.Minute)
		w.run(c)
		// the first crew comes along too
		c.name, c.size = "g", 20
		w.run(c)
	}
	return w
}

func TestGrowthKeepsID(t *testing.T) {
	w := growthWorld(true)
	evs := w.sorted()
	split := slices.IndexFunc(evs, func(ev *qinglang.Event) bool { return !ev.TS.Before(t0.Add(20 * time.Hour)) })
	d := New(Config{})
	first := d.Judge(time.Time{})
	if len(first) != 0 {
		t.Fatal("nothing yet")
	}
	for _, ev := range evs[:split] {
		d.Observe(ev)
	}
	first = d.Judge(time.Time{})
	if len(first) != 1 || !first[0].New || len(first[0].Added) != 20 {
		t.Fatalf("first judge: %d changes %+v", len(first), summary(first))
	}
	id := first[0].Campaign.ID
	if again := d.Judge(time.Time{}); len(again) != 0 {
		t.Errorf("no growth, no change: %+v", summary(again))
	}
	for _, ev := range evs[split:] {
		d.Observe(ev)
	}
	second := d.Judge(time.Time{})
	if len(second) != 1 || second[0].New || second[0].Campaign.ID != id {
		t.Fatalf("second judge: %+v", summary(second))
	}
	if len(second[0].Added) != 10 || !slices.ContainsFunc(second[0].Added, func(u string) bool { return u[:3] == "g2-" }) {
		t.Errorf("added %v, want the 10 new members", second[0].Added)
	}
	if n := len(second[0].Campaign.Members); n != 30 {
		t.Errorf("%d members, want 30", n)
	}
}

func summary(chs []Change) []string {
	var out []string
	for _, ch := range chs {
		out = append(out, fmt.Sprintf("%s new=%v members=%d added=%d", ch.Campaign.ID, ch.New, len(ch.Campaign.Members), len(ch.Added)))
	}
	return out
}

func TestRestoreKeepsIDs(t *testing.T) {
	w := growthWorld(false)
	evs := w.sorted()
	d1 := New(Config{})
	for _, ev := range evs {
		d1.Observe(ev)
	}
	chs := d1.Judge(time.Time{})
	if len(chs) != 1 {
		t.Fatalf("%d changes", len(chs))
	}
	stored := d1.Campaigns()
	// a restart: restore, replay the window, judge
	d2 := New(Config{})
	d2.Restore(stored)
	for _, ev := range evs {
		d2.Observe(ev)
	}
	if again := d2.Judge(time.Time{}); len(again) != 0 {
		t.Errorf("after a restart nothing is new: %+v", summary(again))
	}
	if cs := d2.Campaigns(); len(cs) != 1 || cs[0].ID != stored[0].ID {
		t.Errorf("campaigns after restore: %+v", cs)
	}
	// and growth after the restart reports only the new members
	w2 := growthWorld(true)
	d3 := New(Config{})
	d3.Restore(stored)
	chs3 := d3.Judge(time.Time{})
	for _, ev := range w2.sorted() {
		d3.Observe(ev)
	}
	chs3 = append(chs3, d3.Judge(time.Time{})...)
	if len(chs3) != 1 || chs3[0].New || chs3[0].Campaign.ID != stored[0].ID || len(chs3[0].Added) != 10 {
		t.Errorf("growth after restore: %+v", summary(chs3))
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []byte {
		w := newWorld(5)
		scenarios[6].build(w) // the low-rate crew over 12 rooms
		chs := detectEvery(New(Config{}), w.sorted(), 10*time.Minute)
		b, err := json.Marshal(chs)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := run(), run()
	if string(a) != string(b) {
		t.Error("two runs over the same events differ")
	}
	if len(a) < 100 {
		t.Error("the scenario should find a campaign")
	}
}

func TestEvictionBoundsMemory(t *testing.T) {
	cfg := Config{Window: 2 * time.Hour, MaxAccounts: 5000, MaxRooms: 50, MaxScripts: 4000, MaxActions: 20000}
	d := New(cfg)
	w := newWorld(9)
	for h := range 24 {
		w.events = w.events[:0]
		w.known = map[string]bool{}
		w.organic(organicRoom{id: fmt.Sprintf("r%d", h), merchant: "m", start: t0.Add(time.Duration(h) * time.Hour), dur: 50 * time.Minute,
			viewers: 400, rate: 20, natShare: 0.3, region: h})
		for _, ev := range w.sorted() {
			d.Observe(ev)
			if d.liveAccts > cfg.MaxAccounts || d.liveRooms > cfg.MaxRooms || d.scripts.live > cfg.MaxScripts || len(d.log) > cfg.MaxActions {
				t.Fatalf("over a bound: %d accounts, %d rooms, %d scripts, %d actions", d.liveAccts, d.liveRooms, d.scripts.live, len(d.log))
			}
		}
		d.Judge(time.Time{})
		// after a Judge only the window is kept: about two rooms' worth
		if d.liveRooms > 3 || d.liveAccts > 2*400+10 {
			t.Fatalf("hour %d: %d rooms, %d accounts live after judging", h, d.liveRooms, d.liveAccts)
		}
	}
	if n := d.accounts.len(); n > 3*cfg.MaxAccounts {
		t.Errorf("account slots grew to %d: freed slots are not reused", n)
	}
}

func TestObserveOddEvents(t *testing.T) {
	d := New(Config{})
	long := ""
	for range 500 {
		long += "瘦"
	}
	created := t0.Add(-time.Hour)
	evs := []*qinglang.Event{
		nil,
		{Type: qinglang.Comment, TS: t0},
		{Type: qinglang.Comment, TS: t0, Room: "r", User: "u", Text: ""},
		{Type: qinglang.Comment, TS: t0, Room: "r", User: "u", Text: "😂😂😂", IP: "not-an-ip"},
		{Type: qinglang.Comment, TS: t0, Room: "r", User: "u", Text: long, IP: "2409:8a00::1", Device: "d"},
		{Type: qinglang.Comment, TS: t0, Room: "r", User: "u", Text: "瘦了9999999999999999999999斤", IP: "::ffff:1.2.3.4"},
		{Type: qinglang.Speech, TS: t0, Room: "r", Text: "扣"},
		{Type: qinglang.Speech, TS: t0, Room: "r", Text: "评论区打'", Speaker: "h"},
		{Type: qinglang.Order, TS: t0, User: "u"},
		{Type: qinglang.Account, TS: t0, User: "u"},
		{Type: qinglang.Account, TS: t0, User: "u", CreatedAt: &created},
		{Type: qinglang.RoomEnd, TS: t0, Room: "never-started"},
		{Type: qinglang.Listing, TS: t0, Product: "p"},
		{Type: "unknown", TS: t0},
	}
	for _, ev := range evs {
		d.Observe(ev)
	}
	if chs := d.Judge(time.Time{}); len(chs) != 0 {
		t.Errorf("odd events made campaigns: %v", summary(chs))
	}
	d.Judge(t0.Add(-24 * time.Hour)) // a now before the events
	d.Judge(t0.Add(30 * 24 * time.Hour))
	if d.liveAccts != 0 || len(d.log) != 0 {
		t.Errorf("a month later nothing is kept: %d accounts, %d actions", d.liveAccts, len(d.log))
	}
}
