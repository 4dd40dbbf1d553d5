package campaign

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestOnlookersBesideBurstingCrewNotAccused: a crew of 60 new accounts on
// one subnet and ten phones bursts in three merchants' rooms (20 drawn a
// broadcast, two paraphrased lines each) beside a chant and a NAT crowd.
// Onlookers write their common praise (相信主播的眼光, 这个真的好用) in
// the minutes the crew bursts, and such a line resembles a line or two
// of the burst. A burst's line is in only when it resembles the burst's
// other lines far more often than it resembles the room's other praise
// (burstCore); tying every line related to one other line of the burst
// accused 8 onlookers here.
func TestOnlookersBesideBurstingCrewNotAccused(t *testing.T) {
	cfg := sim.Config{Seed: 1501, Rooms: 5, Days: 2, Duration: 30 * time.Minute, Hard: sim.HardCases{Chant: 600, NAT: 80},
		Crews: []sim.Crew{{Name: "bursty", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet,
			Devices: 10, Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 20, Merchants: []int{0, 1, 2}}}}
	crew := map[string]bool{}
	cfg.Labels = func(l sim.Label) {
		if l.Kind == sim.LabelCrew {
			crew[l.User] = true
		}
	}
	var evs []*qinglang.Event
	if err := sim.Generate(cfg, func(ev *qinglang.Event) error { e := *ev; evs = append(evs, &e); return nil }); err != nil {
		t.Fatal(err)
	}
	acc := map[string]bool{}
	for _, ch := range detectEvery(New(Config{}), evs, 5*time.Minute) {
		for _, m := range ch.Campaign.Members {
			acc[m.User] = true
		}
	}
	checkCrew(t, acc, crew, 0.95)
}
