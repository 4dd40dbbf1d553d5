package campaign

import (
	"testing"
	"time"

	"github.com/qinglang/qinglang/sim"
)

// TestLoudCrewLeavesOnlookersAlone: a loud crew (identical scripts, a
// third of a quiet room's comments, hundreds of lines) works while the
// platform's head room is busy with onlookers, whose everyday praise
// ("相信主播的眼光") falls into small clusters early in the broadcast. The
// rate at which onlookers' praise lands in small clusters is theirs: the
// crew's hundreds of lines in its own big clusters must not drown it and
// make a chance web of onlookers look like a crew. Judged every 5
// minutes, nobody but the crew is accused.
func TestLoudCrewLeavesOnlookersAlone(t *testing.T) {
	for _, seed := range []int64{1541, 1542, 1543, 1544, 1545, 1546} {
		cfg := sim.Config{Seed: seed, Rooms: 4, Duration: 40 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
			Hard: sim.HardCases{NAT: 200},
			Crews: []sim.Crew{{Name: "loud", Accounts: 36, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 4,
				Age: sim.AgeNew, Timing: sim.TimingBurst, Share: 0.4, Merchants: []int{2, 3}}}}
		t.Logf("seed %d", seed)
		checkSimWorld(t, cfg, 0.9)
	}
}
