package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind5 names the fifth blind set.
const SetBlind5 = "blind5"

// Blind5 returns the fifth blind scenarios: an eighth set, written from
// the task's list of attack variants and organic look-alikes alone,
// without sight of the detector, with seeds (1200 to 1299) and parameter
// combinations no other set uses. Two crews work busy head rooms in
// bursts with moderate paraphrase: 30 new accounts on a proxy pool and
// six shared phones, 15 drawn a broadcast posting three lines each, in
// the head room only, beside a 1,100-fan chant, 180 viewers behind one
// NAT address, lotteries and floods of "1", over two days; and 22 aged
// accounts on one subnet working the head rooms of two platforms at
// once, 9 drawn a broadcast and 18 to 26 lines a broadcast, beside a
// 600-fan chant and a NAT crowd of 90 in each. Two crews buy a lot among
// loyal fans and buyers' reviews: 16 aged accounts on a proxy pool and
// four phones, 55% of them buying every broadcast, 8 drawn a broadcast
// posting two lines each, spread evenly, for two merchants over four
// days beside 90 loyal fans a merchant; and 11 aged accounts on one
// subnet, half on its IPv6 /64, 70% buying, 5 to 8 lines a broadcast,
// spread evenly, for the two quietest merchants over five days beside 60
// loyal fans a merchant. Two crews are sparse over several days and
// merchants: 12 aged accounts on a proxy pool with identical scripts, 2
// to 4 lines a broadcast spread evenly over five merchants and four
// days; and 9 new accounts on two phones and one subnet with the
// heaviest paraphrase (0.85), 3 to 5 lines a broadcast in small bursts,
// for four merchants on two platforms on three days of five. A naive-ish
// crew of 28 new accounts on one subnet and five phones posts identical
// scripts in bursts, at 35% of the comments of the two quietest rooms,
// lightly disguised by a little filler and a few IPv6 addresses. And a
// big rotating pool of 45 aged proxy accounts, 6 drawn a broadcast
// posting two lines each in one burst or two, works six merchants over
// three days, so that each room sees a dozen of its lines and each
// account only a few broadcasts. Every member of every crew posts at
// least two crew lines over its run, and crews post mostly
// testimonials, as crews paid to promote do. Its organic runs have head
// rooms on two platforms with 1,500-fan chants and 400 viewers behind
// one NAT address in 40-minute broadcasts; 130 loyal fans a merchant over
// nine merchants and five days with buyers' reviews and a NAT crowd; and
// every hard case on five platforms over three days. Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction. It was
// run once, on the version that bound one-line crew members to script
// webs and linked phone farms, for a second unseen figure of that version
// (docs/campaigns.md); a change made to pass it now would make that
// figure worthless.
func Blind5() []Scenario {
	return []Scenario{
		{Name: "blind5/attack/head-room-bursts-chant-nat-phones", Set: SetBlind5,
			Description: "头部直播间里成批刷屏的团伙：30 个新号、代理池（10% IPv6）、6 台共用手机、中度改写 0.45、10% 闲聊，每场抽 15 人、每人 3 条、成批，只在头部直播间，旁有 1100 人口号、180 人共用 NAT、抽奖与“扣1”刷屏，35 分钟，2 天 / " +
				"a crew posting in bursts in a head room: 30 new accounts, proxy pool (10% IPv6), 6 shared phones, moderate paraphrase 0.45, 10% filler, 15 drawn a broadcast posting 3 each, in bursts, in the head room only, beside a 1,100-fan chant, 180 viewers behind one NAT address, lotteries and floods of \"1\", 35 minutes, 2 days",
			Config: sim.Config{Seed: 1201, Rooms: 4, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{Chant: 1100, NAT: 180},
				Crews: []sim.Crew{
					{Name: "headburst", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 6, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3, RoomMembers: 15,
						Merchants: []int{0}},
				}}},
		{Name: "blind5/attack/two-platform-head-rooms-subnet", Set: SetBlind5,
			Description: "同时在两个平台头部直播间成批刷屏的团伙：22 个老号、同一网段（20% IPv6 /64）、改写 0.55、20% 闲聊、15% 下单，每场抽 9 人、共 18–26 条、成批，抖音与淘宝的头部直播间各有 600 人口号、90 人共用 NAT、抽奖与“扣1”刷屏，2 天 / " +
				"a crew posting in bursts in the head rooms of two platforms at once: 22 aged accounts, one subnet (20% on its IPv6 /64), paraphrase 0.55, 20% filler, 15% buy, 9 drawn a broadcast, 18-26 comments a broadcast, in bursts; the douyin and taobao head rooms each have a 600-fan chant, 90 viewers behind one NAT address, lotteries and floods of \"1\"; 2 days",
			Config: sim.Config{Seed: 1202, Rooms: 6, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "taobao"},
				Hard: sim.HardCases{Chant: 600, NAT: 90},
				Crews: []sim.Crew{
					{Name: "twoheads", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetSubnet, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.15, Contradict: 0.15, Timing: sim.TimingBurst, RoomComments: [2]int{18, 26},
						RoomMembers: 9, Merchants: []int{0, 1}},
				}}},
		{Name: "blind5/attack/buyers-fans-reviews-four-phones", Set: SetBlind5,
			Description: "混在铁粉与买家评价中、爱下单的团伙：每个商家 90 名铁粉、买家带数字的评价；16 个老号、代理池（20% IPv6）、4 台共用手机、改写 0.7、15% 闲聊、55% 成员每场下单、两成多自相矛盾，每场抽 8 人、每人 2 条、均匀，2 个商家 4 天 / " +
				"a buying crew among loyal fans and buyers' reviews: 90 loyal fans a merchant, buyers' reviews with numbers; 16 aged accounts, proxy pool (20% IPv6), 4 shared phones, paraphrase 0.7, 15% filler, 55% of members buying every broadcast, a quarter contradicting themselves, 8 drawn a broadcast posting 2 each, spread evenly, 2 merchants over 4 days",
			Config: sim.Config{Seed: 1203, Rooms: 6, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 90, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanphones", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 4, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.55, Contradict: 0.25, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 8, Merchants: []int{2, 4}},
				}}},
		{Name: "blind5/attack/buyers-70-subnet-fans-5days", Set: SetBlind5,
			Description: "七成成员下单的团伙：11 个老号、同一网段（一半走其 IPv6 /64）、改写 0.75、25% 闲聊、70% 成员每场下单，每场 5–8 条、均匀，2 个最冷清的商家 5 天，旁有每个商家 60 名铁粉与买家带数字的评价 / " +
				"a crew of whom 70% buy: 11 aged accounts, one subnet (half on its IPv6 /64), paraphrase 0.75, 25% filler, 70% of members buying every broadcast, 5-8 comments a broadcast, spread evenly, the 2 quietest merchants over 5 days, beside 60 loyal fans a merchant and buyers' reviews with numbers",
			Config: sim.Config{Seed: 1204, Rooms: 5, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 60, Reviews: true},
				Crews: []sim.Crew{
					{Name: "buyers70", Accounts: 11, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.25, Buyers: 0.7, Contradict: 0.1, Timing: sim.TimingEven, RoomComments: [2]int{5, 8},
						Reach: 2},
				}}},
		{Name: "blind5/attack/sparse-identical-five-merchants", Set: SetBlind5,
			Description: "用相同话术的稀疏团伙：12 个老号、代理池（40% IPv6）、相同话术、20% 闲聊、25% 下单，每场只 2–4 条、均匀，5 个指定商家 4 天共 20 场 / " +
				"a sparse crew with identical scripts: 12 aged accounts, proxy pool (40% IPv6), identical scripts, 20% filler, 25% buy, only 2-4 comments a broadcast, spread evenly, 20 broadcasts of 5 named merchants over 4 days",
			Config: sim.Config{Seed: 1205, Rooms: 8, Days: 4, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "sparseid", Accounts: 12, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.25, Contradict: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{2, 4},
						Merchants: []int{1, 3, 4, 6, 7}},
				}}},
		{Name: "blind5/attack/sparse-two-phones-two-platforms", Set: SetBlind5,
			Description: "跨两个平台的稀疏团伙：9 个新号只用 2 台手机、同一网段（30% IPv6 /64）、改写 0.85、20% 闲聊、30% 下单，每场 3–5 条、小股成批，抖音与小红书共 4 个商家，5 天中只来第 1、3、5 天 / " +
				"a sparse crew on two platforms: 9 new accounts on only 2 phones, one subnet (30% on its IPv6 /64), paraphrase 0.85, 20% filler, 30% buy, 3-5 comments a broadcast in small bursts, 4 merchants on douyin and xiaohongshu, on days 1, 3 and 5 of 5",
			Config: sim.Config{Seed: 1206, Rooms: 8, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"douyin", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "twophones5", Accounts: 9, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 2, Age: sim.AgeNew, Filler: 0.2, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingBurst,
						RoomComments: [2]int{3, 5}, Merchants: []int{2, 3, 4, 7}, Days: []int{0, 2, 4}},
				}}},
		{Name: "blind5/attack/naive-ish-two-quiet-rooms", Set: SetBlind5,
			Description: "近乎朴素的团伙：28 个新号、同一 /24 网段（10% IPv6 /64）、5 台共用手机、相同话术、5% 闲聊、成批，占 2 个最冷清直播间评论的约 35% / " +
				"a naive-ish crew: 28 new accounts, one /24 (10% on its IPv6 /64), 5 shared phones, identical scripts, 5% filler, bursts, about 35% of the comments of the 2 quietest rooms",
			Config: sim.Config{Seed: 1207, Rooms: 5, Duration: 35 * time.Minute,
				Crews: []sim.Crew{
					{Name: "naiveish", Accounts: 28, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.1, Devices: 5,
						Age: sim.AgeNew, Filler: 0.05, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.35, Reach: 2},
				}}},
		{Name: "blind5/attack/rotating-pool-six-merchants", Set: SetBlind5,
			Description: "轮换上阵的大号池：45 个老号、代理池（50% IPv6）、改写 0.6、10% 闲聊、10% 下单，每场只抽 6 人、每人 2 条（每场 12 条）、一两阵成批，6 个商家 3 天共 18 场 / " +
				"a big rotating pool: 45 aged accounts, proxy pool (50% IPv6), paraphrase 0.6, 10% filler, 10% buy, only 6 drawn a broadcast posting 2 each (12 a broadcast), in a burst or two, 18 broadcasts of 6 merchants over 3 days",
			Config: sim.Config{Seed: 1208, Rooms: 7, Days: 3, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "rotpool", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.1, Buyers: 0.1, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 6,
						Merchants: []int{1, 2, 3, 4, 5, 6}},
				}}},
		{Name: "blind5/organic/head-rooms-1500-chant-nat-400", Set: SetBlind5,
			Description: "只有真实观众：两个平台（抖音、小红书）的头部直播间各有 1500 人口号、400 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，40 分钟，2 天 / " +
				"organic only: head rooms on two platforms (douyin, xiaohongshu), each with a 1,500-fan chant, 400 viewers behind one carrier NAT address, lotteries and floods of \"1\", 40 minutes, 2 days",
			Config: sim.Config{Seed: 1251, Rooms: 4, Days: 2, Duration: 40 * time.Minute, Platforms: []string{"douyin", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 1500, NAT: 400}}},
		{Name: "blind5/organic/loyal-fans-130-nine-merchants", Set: SetBlind5,
			Description: "只有真实观众：9 个商家，每个商家 130 名铁粉场场必到、打卡、夸主播、偶尔下单，买家带数字的评价，头部直播间 80 人共用 NAT，5 天 / " +
				"organic only: 9 merchants, 130 loyal fans each at every broadcast (greeting, praising the host, now and then buying), buyers' reviews with numbers, 80 viewers behind one NAT address in the head room, 5 days",
			Config: sim.Config{Seed: 1252, Rooms: 9, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{NAT: 80, LoyalFans: 130, Reviews: true}}},
		{Name: "blind5/organic/everything-five-platforms", Set: SetBlind5,
			Description: "只有真实观众：五个平台（抖音、快手、淘宝、小红书、拼多多）、全部疑难场景（800 人口号、每个头部直播间 300 人共用 NAT、每个商家 50 名铁粉、评价），3 天 / " +
				"organic only: five platforms (douyin, kuaishou, taobao, xiaohongshu, pinduoduo), every hard case (an 800-fan chant, 300 behind one NAT address in each head room, 50 loyal fans a merchant, reviews), 3 days",
			Config: sim.Config{Seed: 1253, Rooms: 10, Days: 3, Duration: 30 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu", "pinduoduo"},
				Hard:      sim.HardCases{Chant: 800, NAT: 300, LoyalFans: 50, Reviews: true}}},
	}
}
