package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind4 names the fourth blind set.
const SetBlind4 = "blind4"

// Blind4 returns the fourth blind scenarios: a seventh set, written from
// the task's list of attack variants and organic look-alikes alone,
// without sight of the detector, with seeds (1100 to 1199) and parameter
// combinations no other set uses. It leans on low-rate crews, which post
// few lines in each room and let their accounts show up only a few times
// over several days: a crew of 14 aged accounts on a proxy pool with
// heavy paraphrase, 3 to 6 comments a broadcast over 20 broadcasts of
// five named merchants; a crew of 7 aged accounts on one subnet and
// three shared phones that posts one line each a broadcast, in bursts, for two
// merchants on two days of four (four lines an account in all); a crew of
// 10 new accounts on three shared phones, lightly paraphrased, 3 to 7
// comments a broadcast in small bursts for the three quietest merchants
// over four days; a crew of 13 aged accounts, mostly on IPv6 proxies,
// with the heaviest paraphrase (0.9), 30% filler and 40% buyers, 4 to 7
// comments a broadcast for the four quietest merchants over five days; a
// crew of 7 aged accounts on two phones working three merchants on two
// platforms, 2 to 5 comments a broadcast; and a crew of 12 aged accounts
// with 60% buyers, 4 to 6 comments a broadcast over 16 broadcasts of four
// merchants, among 70 loyal fans a merchant and buyers' reviews with
// numbers. Beside them: a mid-rate crew working both a head room (a
// 900-fan chant, 120 viewers behind one NAT address, lotteries and floods
// of "1") and a small room, two lines each in bursts; and two crews for
// one merchant, a loud one of new accounts on one subnet and five phones
// and a quiet one of 6 aged proxy accounts posting one line each a
// broadcast on two days, which also works a second merchant, among loyal
// fans and reviews. Every member of every crew posts at least two crew
// lines over its run, and crews post mostly testimonials, as crews paid to
// promote do. Its organic runs have 110 loyal fans a merchant over seven
// merchants and five days with buyers' reviews; big NAT crowds, chants,
// lotteries and reviews on two platforms over three days of 35-minute
// broadcasts; and every hard case on four platforms over four days with
// 100 loyal fans a merchant. Every crew leaves something a careful analyst holding all the
// data could go on (texts, numbers, timing, addresses, devices, account
// ages, rooms, platforms); none is made indistinguishable from viewers by
// construction. It was run once, after the change that bound one-line
// crew members to script webs and linked phone farms, for an unseen
// figure (docs/campaigns.md); a change made to pass it now would make
// that figure worthless.
func Blind4() []Scenario {
	return []Scenario{
		{Name: "blind4/attack/lowrate-five-merchants-20-broadcasts", Set: SetBlind4,
			Description: "低频团伙：14 个老号、代理池（25% IPv6）、重度改写 0.8，每场只 3–6 条、均匀，5 个指定商家 4 天共 20 场，15% 闲聊、20% 下单 / " +
				"a low-rate crew: 14 aged accounts, proxy pool (25% IPv6), heavy paraphrase 0.8, only 3-6 comments a broadcast, spread evenly, 20 broadcasts of 5 named merchants over 4 days, 15% filler, 20% buy",
			Config: sim.Config{Seed: 1101, Rooms: 7, Days: 4, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "fivemerch", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.25,
						Age: sim.AgeAged, Filler: 0.15, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingEven, RoomComments: [2]int{3, 6},
						Merchants: []int{1, 2, 4, 5, 6}},
				}}},
		{Name: "blind4/attack/four-lines-each-two-days", Set: SetBlind4,
			Description: "每号总共只发 4 条的小团伙：7 个老号、同一 /24 网段（无 IPv6）、3 台共用手机、改写 0.45、无闲聊、35% 下单，每号每场 1 条、成批，2 个商家，4 天中只来第 1、4 天 / " +
				"a small crew posting only 4 lines an account in all: 7 aged accounts, one /24 (no IPv6), 3 shared phones, paraphrase 0.45, no filler, 35% buy, one line each a broadcast, in bursts, 2 merchants, on days 1 and 4 of 4",
			Config: sim.Config{Seed: 1102, Rooms: 5, Days: 4, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "fourlines", Accounts: 7, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetSubnet, Devices: 3,
						Age: sim.AgeAged, Buyers: 0.35, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 1,
						Merchants: []int{2, 3}, Days: []int{0, 3}},
				}}},
		{Name: "blind4/attack/lowrate-small-bursts-new-phones", Set: SetBlind4,
			Description: "小股成批的低频团伙：10 个新号、3 台共用手机、同一网段（20% IPv6 /64）、轻度改写 0.4、10% 闲聊、三成自相矛盾，每场 3–7 条（一两阵），3 个最冷清的商家 4 天 / " +
				"a low-rate crew in small bursts: 10 new accounts on 3 shared phones, one subnet (20% on its IPv6 /64), light paraphrase 0.4, 10% filler, 30% contradicting themselves, 3-7 comments a broadcast (a burst or two), the 3 quietest merchants over 4 days",
			Config: sim.Config{Seed: 1103, Rooms: 6, Days: 4, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "smallburst", Accounts: 10, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet, IPv6: 0.2,
						Devices: 3, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{3, 7},
						Reach: 3},
				}}},
		{Name: "blind4/attack/sparse-heavy-paraphrase-buyers-5days", Set: SetBlind4,
			Description: "伪装最重的稀疏团伙：13 个老号、代理池（60% IPv6）、改写 0.9、30% 闲聊、40% 成员每场下单，每场 4–7 条、均匀，4 个最冷清的商家 5 天共 20 场 / " +
				"the most camouflaged sparse crew: 13 aged accounts, proxy pool (60% IPv6), paraphrase 0.9, 30% filler, 40% of members buying every broadcast, 4-7 comments a broadcast, spread evenly, 20 broadcasts of the 4 quietest merchants over 5 days",
			Config: sim.Config{Seed: 1104, Rooms: 6, Days: 5, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "heavycamo", Accounts: 13, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.6,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.05, Timing: sim.TimingEven, RoomComments: [2]int{4, 7},
						Reach: 4},
				}}},
		{Name: "blind4/attack/sparse-two-platforms-two-phones", Set: SetBlind4,
			Description: "跨两个平台的稀疏团伙：7 个老号只用 2 台手机、代理池（15% IPv6）、改写 0.6、15% 闲聊、35% 下单，每场 2–5 条、均匀，抖音 1 个、淘宝 2 个商家，4 天 / " +
				"a sparse crew on two platforms: 7 aged accounts on only 2 phones, proxy pool (15% IPv6), paraphrase 0.6, 15% filler, 35% buy, 2-5 comments a broadcast, spread evenly, one douyin and two taobao merchants over 4 days",
			Config: sim.Config{Seed: 1105, Rooms: 6, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "taobao"},
				Crews: []sim.Crew{
					{Name: "twophones", Accounts: 7, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 2, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.35, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 5}, Merchants: []int{2, 3, 5}},
				}}},
		{Name: "blind4/attack/head-and-small-room-chant-nat", Set: SetBlind4,
			Description: "同时在头部直播间和小直播间干活的中频团伙：24 个老号、代理池（20% IPv6）、改写 0.6、25% 闲聊、30% 下单，每号每场 2 条、成批，头部直播间有 900 人口号、120 人共用 NAT、抽奖与“扣1”刷屏，2 天 / " +
				"a mid-rate crew working a head room and a small room: 24 aged accounts, proxy pool (20% IPv6), paraphrase 0.6, 25% filler, 30% buy, 2 each a broadcast, in bursts; the head room has a 900-fan chant, 120 viewers behind one NAT address, lotteries and floods of \"1\"; 2 days",
			Config: sim.Config{Seed: 1106, Rooms: 4, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{Chant: 900, NAT: 120},
				Crews: []sim.Crew{
					{Name: "headsmall", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.25, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{0, 3}},
				}}},
		{Name: "blind4/attack/loud-and-quiet-crews", Set: SetBlind4,
			Description: "同一商家的一响一静两个团伙，旁有每个商家 50 名铁粉与买家评价：响的 18 个新号、同一网段、5 台共用手机、轻度改写 0.3、成批、每号每场 2 条；静的 6 个老号、代理池（30% IPv6）、改写 0.85、20% 闲聊、半数下单、每号每场 1 条、均匀，3 天中只来第 1、3 天，另做第二个商家 / " +
				"two crews for one merchant, a loud one and a quiet one, beside 50 loyal fans a merchant and buyers' reviews: the loud one 18 new accounts, one subnet, 5 shared phones, light paraphrase 0.3, bursts, 2 each a broadcast; the quiet one 6 aged accounts, proxy pool (30% IPv6), paraphrase 0.85, 20% filler, half buying, one line each a broadcast, spread evenly, on days 1 and 3 of 3, also for a second merchant",
			Config: sim.Config{Seed: 1107, Rooms: 5, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "loud", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetSubnet, Devices: 5,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 2, Merchants: []int{1}},
					{Name: "quiet", Accounts: 6, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 1,
						Merchants: []int{1, 4}, Days: []int{0, 2}},
				}}},
		{Name: "blind4/attack/sparse-buyers-among-fans-reviews", Set: SetBlind4,
			Description: "混在铁粉与买家评价中的稀疏团伙：每个商家 70 名铁粉、买家带数字的评价；12 个老号、代理池（35% IPv6）、改写 0.65、10% 闲聊、60% 成员每场下单、两成自相矛盾，每场 4–6 条、均匀，4 个商家 4 天共 16 场 / " +
				"a sparse crew among loyal fans and buyers' reviews: 70 loyal fans a merchant, buyers' reviews with numbers; 12 aged accounts, proxy pool (35% IPv6), paraphrase 0.65, 10% filler, 60% of members buying every broadcast, 20% contradicting themselves, 4-6 comments a broadcast, spread evenly, 16 broadcasts of 4 merchants over 4 days",
			Config: sim.Config{Seed: 1108, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 70, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanbuyers", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.65, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Filler: 0.1, Buyers: 0.6, Contradict: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{4, 6},
						Merchants: []int{1, 2, 3, 4}},
				}}},
		{Name: "blind4/organic/loyal-fans-110-seven-merchants", Set: SetBlind4,
			Description: "只有真实观众：7 个商家，每个商家 110 名铁粉场场必到、打卡、夸主播、偶尔下单，买家带数字的评价，5 天 / " +
				"organic only: 7 merchants, 110 loyal fans each at every broadcast (greeting, praising the host, now and then buying), buyers' reviews with numbers, 5 days",
			Config: sim.Config{Seed: 1151, Rooms: 7, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 110, Reviews: true}}},
		{Name: "blind4/organic/nat-chant-reviews-two-platforms", Set: SetBlind4,
			Description: "只有真实观众：两个平台（快手、小红书）的头部直播间各有 350 人共用一个运营商 NAT 地址、900 人口号、抽奖与“扣1”刷屏，买家带数字的评价，35 分钟，3 天 / " +
				"organic only: head rooms on two platforms (kuaishou, xiaohongshu), each with 350 viewers behind one carrier NAT address, a 900-fan chant, lotteries and floods of \"1\", buyers' reviews with numbers, 35 minutes, 3 days",
			Config: sim.Config{Seed: 1152, Rooms: 5, Days: 3, Duration: 35 * time.Minute, Platforms: []string{"kuaishou", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 900, NAT: 350, Reviews: true}}},
		{Name: "blind4/organic/everything-four-platforms-100-fans", Set: SetBlind4,
			Description: "只有真实观众：四个平台（淘宝、小红书、抖音、快手）、全部疑难场景（400 人口号、每个头部直播间 250 人共用 NAT、每个商家 100 名铁粉、评价），4 天 / " +
				"organic only: four platforms (taobao, xiaohongshu, douyin, kuaishou), every hard case (a 400-fan chant, 250 behind one NAT address in each head room, 100 loyal fans a merchant, reviews), 4 days",
			Config: sim.Config{Seed: 1153, Rooms: 8, Days: 4, Duration: 25 * time.Minute,
				Platforms: []string{"taobao", "xiaohongshu", "douyin", "kuaishou"},
				Hard:      sim.HardCases{Chant: 400, NAT: 250, LoyalFans: 100, Reviews: true}}},
	}
}
