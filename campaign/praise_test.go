package campaign

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang/sim"
)

// lateJoiners is a crew of 36 aged accounts on a proxy pool and nine
// phones, 20 of them a broadcast posting two paraphrased lines each, on
// four of five days, beside 60 loyal fans a merchant: the crew's unbought
// praise links its rooms (the coarse script), where chatty onlookers
// praise too.
func lateJoiners(seed int64) sim.Config {
	return sim.Config{Seed: seed, Rooms: 7, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 60},
		Crews: []sim.Crew{
			{Name: "latejoin", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.25,
				Devices: 9, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.35, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 2,
				RoomMembers: 20, Merchants: []int{1, 3, 5}, Days: []int{1, 2, 3, 4}},
		}}
}

// TestChattyPraisersBesideCrew: onlookers who praise now and then over
// many comments were accused beside this crew in two ways. Two were heavy
// promoters, and members, while the test compared them with every viewer
// instead of with those who praise at all (view.heavy). One was tied as
// spread across the crew's rooms, while spread counted its unbought
// praise in three linked rooms (the coarse script); spread counts the
// crew's own clusters now (candidate.ownRooms).
func TestChattyPraisersBesideCrew(t *testing.T) {
	checkSimWorld(t, lateJoiners(1614), 1)
}
