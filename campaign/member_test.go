package campaign

import (
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestMembersScriptedAddUpToEvidence (judged every 30 minutes): a member's Scripted counts its
// comments the judgement counted as the campaign's (its script clusters,
// and the coarse script: unbought commercial speech in its linked rooms).
// Every member posted some, but a mate (reason crew_phone or crew_prefix,
// not script), and in a campaign's first report the
// members' add up to Evidence.Comments (later reports keep the last
// record of members not seen again). Two crews on two platforms, one
// linked by the coarse script (blind14's two-crews-two-platforms, seen: a
// member of it was reported with the reason "script" and none scripted).
func TestMembersScriptedAddUpToEvidence(t *testing.T) {
	cfg := sim.Config{Seed: 2241, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "jd"},
		Hard: sim.HardCases{NAT: 400, LoyalFans: 40},
		Crews: []sim.Crew{
			{Name: "ksburst", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.1,
				Devices: 6, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingBurst,
				RoomComments: [2]int{24, 32}, Merchants: []int{2, 4, 6}},
			{Name: "jdsubnet", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.3,
				Devices: 11, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 3,
				Merchants: []int{3, 5}},
		}}
	var evs []*qinglang.Event
	if err := sim.Generate(cfg, func(ev *qinglang.Event) error { e := *ev; evs = append(evs, &e); return nil }); err != nil {
		t.Fatal(err)
	}
	chs := detectEvery(New(Config{}), evs, 30*time.Minute)
	if len(chs) == 0 {
		t.Fatal("no campaign")
	}
	for _, ch := range chs {
		c := ch.Campaign
		sum := 0
		for _, m := range c.Members {
			sum += m.Scripted
			// a mate is a member for the crew's phone or /64 alone
			mate := (slices.Contains(m.Reasons, ReasonCrewPhone) || slices.Contains(m.Reasons, ReasonCrewPrefix)) && !slices.Contains(m.Reasons, ReasonScript)
			if (m.Scripted == 0) != mate || m.Scripted > m.Comments {
				t.Errorf("%s: member %s scripted %d of %d comments, reasons %v", c.ID, m.User, m.Scripted, m.Comments, m.Reasons)
			}
		}
		if ch.New && sum != c.Evidence.Comments {
			t.Errorf("%s, first report: members' scripted comments add up to %d, evidence says %d", c.ID, sum, c.Evidence.Comments)
		}
	}
}

// TestOnlookersPraisingTwiceBesideSparseCrew: a crew posing as fans, one
// line a member, 8 members a broadcast, on one /64, among 120 loyal fans
// a merchant and buyers' reviews (seed 4008, no evaluation set's). Its
// promoted rooms make every unbought commercial line in them the coarse
// script, so a viewer praising twice there (闺蜜用过说好用, 颜色真好看) was
// taken to repeat the scripts, and with a testimonial in the dense core
// was a member: u2421 and u2860 were accused so. Only the group's own
// clusters now count as repeating them, as for spread.
func TestOnlookersPraisingTwiceBesideSparseCrew(t *testing.T) {
	cfg := sim.Config{Seed: 4008, Rooms: 6, Days: 5, Duration: 30 * time.Minute,
		Hard: sim.HardCases{LoyalFans: 120, Reviews: true},
		Crews: []sim.Crew{{Name: "fan", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.95,
			Devices: 8, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 1,
			RoomMembers: 8, Merchants: []int{1}}}}
	evs, crew := simWorld(t, cfg)
	checkCrew(t, accused(judgeOnGrid(New(Config{}), evs, 5*time.Minute)), crew, 0.8)
}
