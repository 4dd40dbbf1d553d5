package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetFresh names the fresh set.
const SetFresh = "fresh"

// Fresh returns the fresh scenarios: a third set, written after the
// detector had been tuned on Matrix and looked at on Heldout, from the
// issue's list of attack variants and organic look-alikes alone (not from
// how the detector works), with seeds and parameter combinations neither
// other set uses: a paraphrasing crew on one subnet, a sparse crew on
// named merchants, IPv6 proxies with new accounts on some days only, two
// crews for different merchants, many accounts posting once per
// broadcast, a crew that mostly buys; and organic runs on three
// platforms, with more loyal fans and bigger NAT crowds than before. It
// is meant to be run once per detector change under test, for an honest
// figure: a change made to pass it makes it worthless.
func Fresh() []Scenario {
	return []Scenario{
		{Name: "fresh/attack/paraphrase-subnet-lottery", Set: SetFresh,
			Description: "头部直播间（抽奖口令、扣1、600 人口号、80 人共用 NAT）里的改写团伙：同一 /24 网段、老账号、成批，每号 3 条 / " +
				"a paraphrasing crew on one /24 with aged accounts, in bursts, 3 each, in a head room with lotteries, floods, a 600-fan chant and 80 viewers behind one NAT address",
			Config: sim.Config{Seed: 521, Rooms: 3, Duration: 35 * time.Minute, Hard: sim.HardCases{Chant: 600, NAT: 80},
				Crews: []sim.Crew{
					{Name: "subpara", Accounts: 32, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.1,
						Age: sim.AgeAged, Timing: sim.TimingBurst, PerAccount: 3, Contradict: 0.1, Merchants: []int{0}},
				}}},
		{Name: "fresh/attack/sparse-named-merchants", Set: SetFresh,
			Description: "稀疏团伙：每场 5 人上阵、每人 2 条，均匀分布，指定的 3 个商家（非最冷清）4 天共 12 场 / " +
				"a sparse crew: 5 members a broadcast, 2 comments each, spread evenly, over 12 broadcasts of 3 named (not the quietest) merchants in 4 days",
			Config: sim.Config{Seed: 522, Rooms: 6, Days: 4, Duration: 25 * time.Minute, Crews: []sim.Crew{
				{Name: "sparse", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.2,
					Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Timing: sim.TimingEven, PerAccount: 2, RoomMembers: 5,
					Merchants: []int{1, 3, 5}},
			}}},
		{Name: "fresh/attack/ipv6-new-alternate-days", Set: SetFresh,
			Description: "IPv6 代理池（60% IPv6）、新注册账号、6 台共用手机、轻度改写，隔天上阵（第 1、3 天），2 个商家 / " +
				"an IPv6-heavy proxy pool (60% IPv6), new accounts, 6 shared phones, light paraphrase, working on days 1 and 3 only, for 2 merchants",
			Config: sim.Config{Seed: 523, Rooms: 4, Days: 3, Duration: 30 * time.Minute, Crews: []sim.Crew{
				{Name: "v6new", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.6,
					Devices: 6, Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 3, RoomMembers: 25, Contradict: 0.25,
					Reach: 2, Days: []int{0, 2}},
			}}},
		{Name: "fresh/attack/two-crews-two-merchants", Set: SetFresh,
			Description: "两个互不相干的团伙为不同商家干活：朴素团伙（相同话术、同一网段、均匀、占 35%）与改写掺水团伙（代理池、老账号、成批），两天，每个商家 20 名铁粉 / " +
				"two independent crews for different merchants, 2 days, 20 loyal fans per merchant: a naive one (identical, one subnet, even, 35% share) and a paraphrasing one with filler (proxy pool, aged, bursts)",
			Config: sim.Config{Seed: 524, Rooms: 5, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "plain", Accounts: 20, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Age: sim.AgeNew,
						Timing: sim.TimingEven, Share: 0.35, Contradict: 0.15, Merchants: []int{3}},
					{Name: "mixed", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.1,
						Age: sim.AgeAged, Filler: 0.3, Timing: sim.TimingBurst, PerAccount: 3, Merchants: []int{1, 2}},
				}}},
		{Name: "fresh/attack/once-per-room-many-rooms", Set: SetFresh,
			Description: "80 个号、每场抽 20 人、每人只发 1 条，5 个商家 3 天共 15 场 / " +
				"80 accounts, 20 drawn per broadcast, one comment each, over 15 broadcasts of 5 merchants in 3 days",
			Config: sim.Config{Seed: 525, Rooms: 6, Days: 3, Duration: 25 * time.Minute, Crews: []sim.Crew{
				{Name: "once", Accounts: 80, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.2,
					Age: sim.AgeAged, Filler: 0.1, Timing: sim.TimingEven, PerAccount: 1, RoomMembers: 20, Reach: 5},
			}}},
		{Name: "fresh/attack/buyers-camouflage", Set: SetFresh,
			Description: "几乎人人下单的伪装团伙：90% 成员每场真实下单、50% 闲聊、改写 0.8，2 个商家 2 天，旁有铁粉与真实买家评价 / " +
				"a crew that nearly all buys: 90% of members order every broadcast, 50% filler, paraphrase 0.8, 2 merchants over 2 days, beside loyal fans and real buyers' reviews",
			Config: sim.Config{Seed: 526, Rooms: 4, Days: 2, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 15, Reviews: true},
				Crews: []sim.Crew{
					{Name: "buyers", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.15,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.9, Timing: sim.TimingEven, PerAccount: 4, Reach: 2},
				}}},
		{Name: "fresh/organic/three-platforms-heads", Set: SetFresh,
			Description: "只有真实观众：三个平台的头部直播间，1500 人口号、120 人共用一个 NAT 地址 / " +
				"organic only: head rooms on three platforms, a 1,500-fan chant, 120 viewers behind one NAT address",
			Config: sim.Config{Seed: 621, Rooms: 6, Duration: 35 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Hard: sim.HardCases{Chant: 1500, NAT: 120}}},
		{Name: "fresh/organic/loyal-fans-5days", Set: SetFresh,
			Description: "只有真实观众：每个商家 60 名铁粉场场必到，买家带数字的评价，5 天 / " +
				"organic only: 60 loyal fans per merchant at every broadcast, buyers' reviews with numbers, 5 days",
			Config: sim.Config{Seed: 622, Rooms: 5, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 60, Reviews: true}}},
		{Name: "fresh/organic/mix-3days", Set: SetFresh,
			Description: "只有真实观众：两个平台、全部疑难场景（900 人口号、150 人共用 NAT、40 名铁粉、评价），3 天 / " +
				"organic only: two platforms, every hard case (a 900-fan chant, 150 behind one NAT address, 40 loyal fans, reviews), 3 days",
			Config: sim.Config{Seed: 623, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"douyin", "taobao"},
				Hard: sim.HardCases{Chant: 900, NAT: 150, LoyalFans: 40, Reviews: true}}},
	}
}
