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
	checkSimWorld(t, cfg, 0.95)
}

// TestCommonReviewInOneBucketNotInStep: a camouflaged crew (paraphrase,
// proxies, filler, most members buying) posts evenly among buyers'
// reviews. Viewers who write a common review line (收到了，和主播说的一样)
// without an order in this room fall three to a 2-minute bucket now and
// then in a busy room; without the synchrony test (group.synchronous) such
// a bucket tied them to the crew, and 6 viewers were accused.
func TestCommonReviewInOneBucketNotInStep(t *testing.T) {
	cfg := sim.Config{Seed: 1505, Rooms: 5, Days: 4, Duration: 35 * time.Minute, Hard: sim.HardCases{Reviews: true},
		Crews: []sim.Crew{{Name: "quiet", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.55,
			Age: sim.AgeAged, Filler: 0.5, Buyers: 0.65, Timing: sim.TimingEven, PerAccount: 4, RoomMembers: 13, Merchants: []int{0, 2, 3}}}}
	checkSimWorld(t, cfg, 0.95)
}

// checkSimWorld generates the world of cfg, judges it every 5 minutes of
// event time, and checks that no viewer is accused and that recall is at
// least minRecall. It returns the changes reported.
func checkSimWorld(t *testing.T, cfg sim.Config, minRecall float64) []Change {
	t.Helper()
	evs, crew := simWorld(t, cfg)
	acc := map[string]bool{}
	chs := detectEvery(New(Config{}), evs, 5*time.Minute)
	for _, ch := range chs {
		for _, m := range ch.Campaign.Members {
			acc[m.User] = true
		}
	}
	checkCrew(t, acc, crew, minRecall)
	return chs
}

// simWorld generates cfg's events and its crews' accounts.
func simWorld(t *testing.T, cfg sim.Config) ([]*qinglang.Event, map[string]bool) {
	t.Helper()
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
	return evs, crew
}
