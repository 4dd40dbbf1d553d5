package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind3 names the third blind set.
const SetBlind3 = "blind3"

// Blind3 returns the third blind scenarios: a sixth set, written from the
// issue's list of attack variants and organic look-alikes alone, without
// sight of the detector, with seeds (1000 to 1099) and parameter
// combinations no other set uses: a crew of whom most members buy in
// every broadcast (camouflage purchases) but whose testimonials give
// numbers that disagree, beside real buyers' reviews with numbers; a
// crew of new accounts on six phones among 200 loyal fans a merchant who
// greet and praise the host every day; a mid-rate crew (14 to 22
// comments a broadcast) on two platforms at once, sharing five phones
// across them; aged accounts with moderate paraphrase posting three or
// four lines each a broadcast, spread evenly over six merchants; a crew
// of new accounts posting one script in bursts every few minutes into
// the head room, among the floods of "1" that follow the host's calls to
// action (the simulator cannot tie a crew's bursts to the host's cue, so
// the bursts come as often as the calls do, not right after each); a
// small crew of 9 accounts in one room; a crew split over three IPv6
// /64s (three groups, one per /64, the same merchants, scripts and
// timing); and a sparse crew of 2 or 3 lines per account a day for one
// merchant over four days. Its organic runs have the longest broadcast
// yet (50 minutes) with a big chant and NAT crowd besides its lotteries
// and floods, loyal fans and buyers' reviews over six days with eight
// merchants, and every hard case on three platforms with the biggest
// NAT crowds of any set. Every crew leaves something a careful analyst
// holding all the data could go on (texts, numbers, timing, addresses,
// devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction. It is unused and meant
// to be run once, at the next detector change, for an unseen figure: a
// change made to pass it makes it worthless.
func Blind3() []Scenario {
	return []Scenario{
		{Name: "blind3/attack/buyers-disagreeing-numbers", Set: SetBlind3,
			Description: "爱下单却说法对不上的团伙：85% 成员每场真实下单，但六成成员前后给出不同的个人数字，中度改写 0.5、代理池（30% IPv6）、老账号、均匀、每号 4 条、20% 闲聊，2 个最冷清的商家 3 天，旁有真实买家带数字的评价 / " +
				"a crew that buys a lot but whose numbers disagree: 85% of members order every broadcast, yet 60% of them give different personal numbers from one comment to the next; paraphrase 0.5, proxy pool (30% IPv6), aged accounts, even, 4 each, 20% filler, the 2 quietest merchants over 3 days, beside real buyers' reviews with numbers",
			Config: sim.Config{Seed: 1001, Rooms: 5, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "buydisagree", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.85, Contradict: 0.6, Timing: sim.TimingEven, PerAccount: 4, Reach: 2},
				}}},
		{Name: "blind3/attack/among-200-loyal-fans", Set: SetBlind3,
			Description: "混在 200 名铁粉中的团伙：每个商家 200 名铁粉场场打卡、夸主播；团伙 40 个新号用 6 台手机、同一网段（40% IPv6 /64）、轻度改写 0.35、成批，每场抽 20 人、每人 2 条，2 个商家 4 天 / " +
				"a crew among 200 loyal fans per merchant who greet and praise the host every broadcast: 40 new accounts on 6 phones, one subnet (40% on its IPv6 /64), light paraphrase 0.35, bursts, 20 drawn a broadcast, 2 each, 2 merchants over 4 days",
			Config: sim.Config{Seed: 1002, Rooms: 4, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 200},
				Crews: []sim.Crew{
					{Name: "amidfans", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.35, Network: sim.NetSubnet, IPv6: 0.4,
						Devices: 6, Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 20, Contradict: 0.2,
						Merchants: []int{1, 3}},
				}}},
		{Name: "blind3/attack/midrate-two-platforms", Set: SetBlind3,
			Description: "跨两个平台的中频团伙：小红书与快手各一个商家，每场 14–22 条（每场抽 8 人）、成批，26 个老号共用 5 台手机、代理池（10% IPv6）、改写 0.65、10% 闲聊，3 天 / " +
				"a mid-rate crew on two platforms: one merchant each on xiaohongshu and kuaishou, 14-22 comments a broadcast (8 members drawn), in bursts, 26 aged accounts sharing 5 phones across both, proxy pool (10% IPv6), paraphrase 0.65, 10% filler, 3 days",
			Config: sim.Config{Seed: 1003, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"xiaohongshu", "kuaishou"},
				Crews: []sim.Crew{
					{Name: "midrate", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.65, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 5, Age: sim.AgeAged, Filler: 0.1, Timing: sim.TimingBurst, RoomComments: [2]int{14, 22}, RoomMembers: 8,
						Contradict: 0.15, Merchants: []int{2, 5}},
				}}},
		{Name: "blind3/attack/aged-even-six-merchants", Set: SetBlind3,
			Description: "老账号、中度改写 0.5，每场抽 10 人、每人 3–4 条（每场 30–40 条）、均匀，分布在 6 个商家（不含头部直播间），代理池（15% IPv6），2 天 / " +
				"aged accounts, moderate paraphrase 0.5, 10 drawn a broadcast posting 3-4 lines each (30-40 a broadcast), spread evenly over 6 merchants (not the head room), proxy pool (15% IPv6), 2 days",
			Config: sim.Config{Seed: 1004, Rooms: 8, Days: 2, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "sixmerch", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.15,
						Age: sim.AgeAged, Timing: sim.TimingEven, RoomComments: [2]int{30, 40}, RoomMembers: 10, Contradict: 0.1,
						Merchants: []int{1, 2, 3, 5, 6, 7}},
				}}},
		{Name: "blind3/attack/bursts-among-cta-floods", Set: SetBlind3,
			Description: "在头部直播间“扣1”刷屏中成批刷同一话术的团伙：60 个新号、代理池（30% IPv6）、相同话术，每隔 2–6 分钟一阵（与主播号召下单一样频繁，模拟器无法让其紧跟号召），占头部直播间评论的 6%，旁有 500 人口号 / " +
				"a crew posting one script in bursts into the floods of \"1\" in a head room: 60 new accounts, proxy pool (30% IPv6), identical scripts, a burst every 2-6 minutes (as often as the host's calls to action; the simulator cannot make them follow each call), 6% of the head room's comments, beside a 500-fan chant",
			Config: sim.Config{Seed: 1005, Rooms: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Chant: 500},
				Crews: []sim.Crew{
					{Name: "ctaburst", Accounts: 60, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeNew, Timing: sim.TimingBurst, Share: 0.06, Contradict: 0.2, Merchants: []int{0}},
				}}},
		{Name: "blind3/attack/nine-accounts-one-room", Set: SetBlind3,
			Description: "只有 9 个号的小团伙，只在一个直播间：买来的老号、同一 /24 网段（无 IPv6）、每号一机、改写 0.6、均匀、每号 7 条、三成多自相矛盾，40 分钟，头部直播间另有 150 人共用 NAT / " +
				"a crew of only 9 accounts in a single room: bought aged accounts, one /24 (no IPv6), a phone each, paraphrase 0.6, even, 7 each, over a third contradicting themselves, 40 minutes, beside 150 viewers behind one NAT address in the head room",
			Config: sim.Config{Seed: 1006, Rooms: 4, Duration: 40 * time.Minute, Hard: sim.HardCases{NAT: 150},
				Crews: []sim.Crew{
					{Name: "ninesmall", Accounts: 9, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet,
						Age: sim.AgeAged, Timing: sim.TimingEven, PerAccount: 7, Contradict: 0.35, Merchants: []int{2}},
				}}},
		{Name: "blind3/attack/split-ipv6-64s", Set: SetBlind3,
			Description: "分散在三个 IPv6 /64 的团伙（三组号，每组一个 /64、约一成走各自的 /24，同样的商家、改写 0.6、均匀、每号 4 条）：各 14 个新号，2 个商家 2 天，头部直播间另有 300 人口号 / " +
				"a crew split over three IPv6 /64s (three groups of 14 new accounts, one /64 each with a tenth on their own /24, the same merchants, paraphrase 0.6, even, 4 each), 2 merchants over 2 days, beside a 300-fan chant in the head room",
			Config: sim.Config{Seed: 1007, Rooms: 5, Days: 2, Duration: 30 * time.Minute, Hard: sim.HardCases{Chant: 300},
				Crews: []sim.Crew{
					{Name: "v6a", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.9,
						Age: sim.AgeNew, Timing: sim.TimingEven, PerAccount: 4, Contradict: 0.15, Merchants: []int{1, 3}},
					{Name: "v6b", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.9,
						Age: sim.AgeNew, Timing: sim.TimingEven, PerAccount: 4, Contradict: 0.15, Merchants: []int{1, 3}},
					{Name: "v6c", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.9,
						Age: sim.AgeNew, Timing: sim.TimingEven, PerAccount: 4, Contradict: 0.15, Merchants: []int{1, 3}},
				}}},
		{Name: "blind3/attack/sparse-four-days", Set: SetBlind3,
			Description: "稀疏团伙：14 个老号用 4 台共用手机，每天只在一个商家的直播间出现，每天抽 8 人、每人 2–3 条（每场 16–24 条）、均匀，改写 0.7、代理池（20% IPv6）、15% 闲聊、20% 下单，4 天，旁有 40 名铁粉 / " +
				"a sparse crew: 14 aged accounts on 4 shared phones, in one merchant's room a day, 8 drawn a day posting 2-3 lines each (16-24 a broadcast), spread evenly, paraphrase 0.7, proxy pool (20% IPv6), 15% filler, 20% buy, 4 days, beside 40 loyal fans",
			Config: sim.Config{Seed: 1008, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 40},
				Crews: []sim.Crew{
					{Name: "sparse4", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 4, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{16, 24},
						RoomMembers: 8, Contradict: 0.15, Merchants: []int{3}},
				}}},
		{Name: "blind3/organic/long-broadcast-lotteries", Set: SetBlind3,
			Description: "只有真实观众：50 分钟的长直播，头部直播间的抽奖口令与“扣1”刷屏，1200 人口号、200 人共用一个运营商 NAT 地址 / " +
				"organic only: 50-minute broadcasts, lotteries and floods of \"1\" in the head room, a 1,200-fan chant and 200 viewers behind one carrier NAT address",
			Config: sim.Config{Seed: 1051, Rooms: 3, Duration: 50 * time.Minute, Hard: sim.HardCases{Chant: 1200, NAT: 200}}},
		{Name: "blind3/organic/loyal-fans-reviews-6days", Set: SetBlind3,
			Description: "只有真实观众：8 个商家，每个商家 80 名铁粉场场必到，买家带数字的评价，6 天 / " +
				"organic only: 8 merchants, 80 loyal fans each at every broadcast, buyers' reviews with numbers, 6 days",
			Config: sim.Config{Seed: 1052, Rooms: 8, Days: 6, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 80, Reviews: true}}},
		{Name: "blind3/organic/everything-three-platforms-nat", Set: SetBlind3,
			Description: "只有真实观众：三个平台（快手、淘宝、小红书）、全部疑难场景（700 人口号、每个头部直播间 500 人共用 NAT、60 名铁粉、评价），3 天 / " +
				"organic only: three platforms (kuaishou, taobao, xiaohongshu), every hard case (a 700-fan chant, 500 behind one NAT address in each head room, 60 loyal fans, reviews), 3 days",
			Config: sim.Config{Seed: 1053, Rooms: 6, Days: 3, Duration: 30 * time.Minute,
				Platforms: []string{"kuaishou", "taobao", "xiaohongshu"},
				Hard:      sim.HardCases{Chant: 700, NAT: 500, LoyalFans: 60, Reviews: true}}},
	}
}
