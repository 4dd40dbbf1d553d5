package campaign

import (
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// sweepRun is one simulated world of the sparse-crew sweep.
type sweepRun struct {
	name string
	cfg  sim.Config
}

// sparseSweep is a development sweep of sparse, low-rate crews and of
// organic worlds with every hard case, on seeds of its own (none of
// campaigneval's sets). Set CAMPAIGN_SWEEP=1 to run it.
func sparseSweep() []sweepRun {
	crew := func(seed int64, rooms, days int, c sim.Crew) sim.Config {
		return sim.Config{Seed: seed, Rooms: rooms, Days: days, Duration: 30 * time.Minute, Crews: []sim.Crew{c}}
	}
	para := func(acc int, deg, filler, buy float64, tm sim.TimingMode, rc [2]int, reach int) sim.Crew {
		return sim.Crew{Name: "sparse", Accounts: acc, Scripts: sim.ScriptsParaphrase, Paraphrase: deg, Network: sim.NetProxy,
			IPv6: 0.2, Age: sim.AgeAged, Filler: filler, Buyers: buy, Timing: tm, RoomComments: rc, Reach: reach}
	}
	return []sweepRun{
		{"attack/a-burst-5m", crew(901, 6, 3, para(30, 0.8, 0.3, 0.3, sim.TimingBurst, [2]int{3, 5}, 5))},
		{"attack/b-even-5m", crew(902, 6, 3, para(30, 0.8, 0.3, 0.3, sim.TimingEven, [2]int{3, 5}, 5))},
		{"attack/c-even-4m-4d", crew(903, 6, 4, para(40, 0.9, 0.2, 0.2, sim.TimingEven, [2]int{2, 4}, 4))},
		{"attack/d-burst-3m-5d", crew(904, 5, 5, para(25, 0.7, 0.4, 0.4, sim.TimingBurst, [2]int{3, 6}, 3))},
		{"attack/e-even-6m-2d", crew(905, 8, 2, para(35, 0.6, 0.3, 0.3, sim.TimingEven, [2]int{3, 5}, 6))},
		{"attack/f-burst-4m-3d", crew(906, 7, 3, para(20, 0.9, 0.3, 0.2, sim.TimingBurst, [2]int{2, 4}, 4))},
		{"organic/all-6x3", sim.Config{Seed: 951, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Hard: sim.AllHardCases}},
		{"organic/fans-8x4", sim.Config{Seed: 952, Rooms: 8, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 60, Reviews: true}}},
		{"organic/fans-6x5", sim.Config{Seed: 953, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 40, Reviews: true, NAT: 60}}},
		{"organic/head-2p", sim.Config{Seed: 954, Rooms: 5, Days: 2, Duration: 35 * time.Minute, Platforms: []string{"a", "b"}, Hard: sim.AllHardCases}},
	}
}

func TestSparseSweep(t *testing.T) {
	if os.Getenv("CAMPAIGN_SWEEP") == "" {
		t.Skip("set CAMPAIGN_SWEEP=1")
	}
	only := os.Getenv("CAMPAIGN_SWEEP_ONLY")
	for _, r := range sparseSweep() {
		if only != "" && r.name != only {
			continue
		}
		t.Run(r.name, func(t *testing.T) {
			truth := map[string]bool{}
			cfg := r.cfg
			cfg.Labels = func(l sim.Label) {
				if l.Kind == sim.LabelCrew {
					truth[l.User] = true
				}
			}
			var evs []*qinglang.Event
			if err := sim.Generate(cfg, func(ev *qinglang.Event) error { e := *ev; evs = append(evs, &e); return nil }); err != nil {
				t.Fatal(err)
			}
			d := New(Config{})
			chs := judgeOnGrid(d, evs, 5*time.Minute)
			acc := accused(chs)
			p, rc, f, fp, fn := prf(acc, truth)
			t.Logf("%s: crew %d accused %d P %.3f R %.3f F1 %.3f FP %d", r.name, len(truth), len(acc), p, rc, f, len(fp))
			if len(fp) > 0 {
				t.Logf("false positives: %v", head(fp, 12))
			}
			if os.Getenv("CAMPAIGN_SWEEP_S") != "" {
				promoStats(t, d, truth)
			}
			if os.Getenv("CAMPAIGN_SWEEP_V") == "1" {
				diagnose(t, d, truth, fn)
			}
		})
	}
}

// diagnose prints the groups of the final view and why each was no
// campaign, and the crew accounts' scripted actions (development aid).
func diagnose(t *testing.T, d *Detector, truth map[string]bool, missed []string) {
	for _, p := range d.plats {
		v := d.newView(p, d.now-d.cfg.Window.Milliseconds(), d.now)
		for _, comp := range v.groups(v.seeds()) {
			crew := 0
			for _, a := range comp {
				if truth[d.accounts.at(a).user] {
					crew++
				}
			}
			g := v.judgeGroup(comp, false)
			t.Logf("group of %d (%d crew): campaign=%v why=%q", len(comp), crew, g != nil, v.why)
		}
		sort.Strings(missed)
		for _, u := range head(missed, 40) {
			ai, ok := p.users.get(hashString(u))
			if !ok {
				continue
			}
			a := d.accounts.at(uint32(ai))
			s := fmt.Sprintf("%s ev=%07b orders=%d:", u, v.ev[ai], a.orders(v.since))
			for _, i := range v.actsOf(uint32(ai)) {
				x := &v.acts[i]
				if x.script == noScript {
					continue
				}
				txt := d.scripts.list.at(x.script).text
				s += fmt.Sprintf(" [r%d s%d deg%d f%02x %s]", x.room, x.script, v.sDeg[x.script], x.flags, txt)
			}
			t.Log(s)
		}
	}
}

// judgeOnGrid feeds events to d, judging on a grid of event time (ticks
// without events are skipped, as campaigneval does) and at the end.
func judgeOnGrid(d *Detector, evs []*qinglang.Event, interval time.Duration) []Change {
	var out []Change
	var t0, next time.Time
	for _, ev := range evs {
		if t0.IsZero() {
			t0, next = ev.TS, ev.TS.Add(interval)
		}
		if !ev.TS.Before(next) {
			tick := t0.Add(ev.TS.Sub(t0) / interval * interval)
			out = append(out, d.Judge(tick)...)
			next = tick.Add(interval)
		}
		d.Observe(ev)
	}
	return append(out, d.Judge(time.Time{})...)
}

// promoStats counts, per account, unbought commercial comments, rooms with
// such comments and all comments with content (development aid).
func promoStats(t *testing.T, d *Detector, truth map[string]bool) {
	for _, p := range d.plats {
		v := d.newView(p, d.now-d.cfg.Window.Milliseconds(), d.now)
		type st struct{ promo, all, rooms, merch int }
		hist := map[[2]bool]int{}
		for ai := range d.accounts.len() {
			a := d.accounts.at(uint32(ai))
			if !a.live || a.plat != p.idx || len(v.actsOf(uint32(ai))) == 0 {
				continue
			}
			var s st
			var rooms []uint32
			var ms []string
			for _, i := range v.actsOf(uint32(ai)) {
				x := &v.acts[i]
				if x.script == noScript || !v.script[x.script] {
					continue
				}
				s.all += int(x.n)
				if x.flags&fPromo != 0 && !v.boughtBefore(a, x) {
					s.promo += int(x.n)
					if !contains(rooms, x.room) {
						rooms = append(rooms, x.room)
						m := d.rooms[x.room].merchant
						if !containsS(ms, m) {
							ms = append(ms, m)
						}
					}
				}
			}
			s.rooms, s.merch = len(rooms), len(ms)
			hot := s.rooms >= 1 && 2*s.promo >= s.all
			hist[[2]bool{truth[a.user], hot}]++
			if hot && !truth[a.user] && os.Getenv("CAMPAIGN_SWEEP_V") == "2" {
				t.Logf("organic hot %s %+v", a.user, s)
			}
		}
		t.Logf("platform %s: crew hot %d cold %d; organic hot %d cold %d", p.name, hist[[2]bool{true, true}], hist[[2]bool{true, false}], hist[[2]bool{false, true}], hist[[2]bool{false, false}])
	}
}

func contains(s []uint32, x uint32) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func containsS(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
