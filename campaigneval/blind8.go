package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind8 names the eighth blind set.
const SetBlind8 = "blind8"

// Blind8 returns the eighth blind scenarios: an eleventh set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// (1600 to 1699) and parameter combinations no other set uses. It was run
// once, after the synchrony test of (room, script, bucket) bursts was
// made, on that version and the one before at the same moment, for an
// unseen figure of both (docs/campaigns.md); it is now used.
//
// A crew close to the naive jelly case (new accounts on one subnet and six
// shared phones, identical scripts with the case's "35 jin" and "16.6
// jin", in bursts, half of a mid-sized room's comments) has a twist: 64
// accounts of which 26 are drawn anew each of three days, and three in
// ten of its lines are ordinary chatter. A heavily camouflaged crew of 30
// aged proxy accounts (paraphrase 0.9, half its lines filler, 25 of the
// 30 buying in every broadcast they work) shares only three phones among
// them, 18 drawn a broadcast, three lines each, for one cosmetics
// merchant over five days among buyers' reviews. A camouflaged crew of 22
// aged proxy accounts, a phone each, 12 of them buying, posts three lines
// each in bursts at every broadcast of two merchants over four days,
// among 120 loyal fans a merchant and buyers' reviews. Two sparse crews
// post one line per member per broadcast: 24 new accounts on ten phones
// through a proxy pool, one to three lines a broadcast over the 15
// quietest of 18 merchants and five days; and 15 aged accounts on one
// /24, a phone each, two or three lines a broadcast over six merchants on
// three platforms (douyin, taobao, jd) and six days. A crew of 50 new
// accounts on ten phones, 30 drawn a day, keeps to 2% of a food head
// room's comments, spread evenly, among a 2,400-fan chant, 320 viewers
// behind one carrier NAT address, 180 loyal fans, lotteries and floods of
// "1". Two crews work one merchant at once over three days: lightly
// paraphrasing new accounts on one subnet and seven phones, in bursts,
// there and at a second small merchant; and aged proxy accounts that
// paraphrase heavily, buy and post three lines each spread evenly, there
// and in a big room. And 26 bought aged accounts, a phone each, most on
// IPv6 proxies, recite one identical script in bursts, two lines each a
// broadcast, at two merchants on three mornings. Every member of every
// crew posts at least two crew lines over its run, and every crew posts
// testimonials about the goods on sale.
//
// Its organic runs have 2,000 viewers behind one carrier NAT address and
// a chant by only 350 fans in the head rooms of two platforms (kuaishou,
// pinduoduo) over two days; 1,000 loyal fans a merchant, many of them
// fans of several merchants, over four merchants and five evenings, with
// buyers' reviews; and every hard case in twelve rooms of one platform
// over four days (a 5,000-fan chant and 60 viewers behind one NAT address
// in the head room, 15 loyal fans a merchant, reviews). Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind8() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind8/attack/jelly-rotating-roster", Set: SetBlind8,
			Description: "接近燃咔果冻案的朴素团伙，但轮换上场并掺闲聊：64 个新号、同一网段（IPv6 比例 0.3，上场的 52 人中 20 人走其 IPv6 /64）、6 台共用手机、相同话术（卖保健食品的中等直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、30% 闲聊、四分之一自相矛盾、成批，占该直播间评论的 50%（每场 850–1300 条），每天从 64 人中重新抽 26 人上场，同一个商家 3 天，40 分钟 / " +
				"a crew close to the naive jelly case, but with a rotating roster and filler: 64 new accounts, one subnet (IPv6 share 0.3, 20 of the 52 who work on its IPv6 /64), 6 shared phones, identical scripts (a mid-sized room selling health food; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% filler chatter, a quarter contradicting themselves, in bursts, 50% of the room's comments (850-1,300 lines a broadcast), 26 of the 64 drawn anew each day, one merchant over 3 days, 40 minutes",
			Config: sim.Config{Seed: 1604, Rooms: 6, Days: 3, Duration: 40 * time.Minute,
				Crews: []sim.Crew{
					{Name: "roster", Accounts: 64, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 6,
						Age: sim.AgeNew, Filler: 0.3, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.5, RoomMembers: 26,
						Merchants: []int{4}},
				}}},
		{Name: "blind8/attack/camouflage-three-phones-reviews", Set: SetBlind8,
			Description: "重度伪装、却只用 3 台手机的团伙，混在买家带数字的评价中：30 个老号共用 3 台手机、代理池（IPv6 比例 0.2，30 人中 6 人走 IPv6）、改写 0.9、50% 闲聊、八成成员每场下单（30 人中 25 人）、一成自相矛盾，每场抽 18 人、每人 3 条、均匀（每场 54 条，占评论的 7%–10%），一个卖化妆品的商家 5 天，30 分钟 / " +
				"a heavily camouflaged crew on only 3 phones, among buyers' reviews with numbers: 30 aged accounts sharing 3 phones, proxy pool (IPv6 share 0.2, 6 of the 30 on IPv6), paraphrase 0.9, 50% filler, 80% of members buying every broadcast they work (25 of the 30), 10% contradicting themselves, 18 drawn a broadcast posting 3 each, spread evenly (54 lines a broadcast, 7-10% of the comments), one merchant selling cosmetics over 5 days, 30 minutes",
			Config: sim.Config{Seed: 1622, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "threephones", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 3, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.8, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 18, Merchants: []int{3}},
				}}},
		{Name: "blind8/attack/camouflage-bursts-two-merchants-fans", Set: SetBlind8,
			Description: "伪装且下单、却成批发帖的团伙，混在铁粉与买家评价中：每个商家 120 名铁粉、买家带数字的评价；22 个老号、每号一机、代理池（IPv6 比例 0.4，22 人中 9 人走 IPv6）、改写 0.75、35% 闲聊、六成比例下单（22 人中 12 人每场下单）、两成自相矛盾，全员每场每人 3 条、成批，两个商家（卖食品与化妆品）4 天共 8 场，每人 8 场全到，30 分钟 / " +
				"a camouflaged crew that buys but posts in bursts, among loyal fans and buyers' reviews: 120 loyal fans a merchant, buyers' reviews with numbers; 22 aged accounts, a phone each, proxy pool (IPv6 share 0.4, 9 of the 22 on IPv6), paraphrase 0.75, 35% filler, buyers share 0.6 (12 of the 22 buy every broadcast), 20% contradicting themselves, every member 3 lines a broadcast, in bursts, two merchants (food and cosmetics) over 4 days, all 8 broadcasts for every member, 30 minutes",
			Config: sim.Config{Seed: 1623, Rooms: 6, Days: 4, Duration: 30 * time.Minute,
				Hard: sim.HardCases{LoyalFans: 120, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanburst", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Filler: 0.35, Buyers: 0.6, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{3, 5}},
				}}},
		{Name: "blind8/attack/sparse-fifteen-merchants-five-days", Set: SetBlind8,
			Description: "极稀疏的低频团伙：每场只 1–3 条、每人一条，18 个商家中最冷清的 15 个，5 天共 75 场；24 个新号、10 台共用手机、代理池（IPv6 比例 0.15，24 人中 6 人走 IPv6）、改写 0.55、15% 闲聊、10% 下单（24 人中 1 人）、15% 自相矛盾，均匀，每人全程 2–13 条，20 分钟 / " +
				"a very sparse low-rate crew: only 1-3 lines a broadcast, one per member, the 15 quietest of 18 merchants over 5 days (75 broadcasts); 24 new accounts on 10 shared phones, proxy pool (IPv6 share 0.15, 6 of the 24 on IPv6), paraphrase 0.55, 15% filler, 10% buy (1 of the 24), 15% contradicting themselves, spread evenly, 2-13 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 1634, Rooms: 18, Days: 5, Duration: 20 * time.Minute,
				Crews: []sim.Crew{
					{Name: "sparse15", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 10, Age: sim.AgeNew, Filler: 0.15, Buyers: 0.1, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 3}, Reach: 15},
				}}},
		{Name: "blind8/attack/sparse-subnet-three-platforms", Set: SetBlind8,
			Description: "跨三个平台的低频老号团伙，同一网段：15 个老号、同一 /24 网段（IPv6 比例 0.2，15 人中 1 人走其 IPv6 /64）、每号一机、改写 0.7、25% 闲聊、20% 下单（15 人中 3 人）、一成自相矛盾，每场只 2–3 条、每人一条、均匀，抖音、淘宝、京东各两个非头部商家共 6 个，6 天共 36 场，每人全程 3–9 条，25 分钟 / " +
				"a low-rate crew of aged accounts on one subnet over three platforms: 15 aged accounts, one /24 (IPv6 share 0.2, 1 of the 15 on its IPv6 /64), a phone each, paraphrase 0.7, 25% filler, 20% buy (3 of the 15), 10% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly, 6 merchants (two non-head rooms each on douyin, taobao and jd) over 6 days (36 broadcasts), 3-9 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 1645, Rooms: 9, Days: 6, Duration: 25 * time.Minute, Platforms: []string{"douyin", "taobao", "jd"},
				Crews: []sim.Crew{
					{Name: "subnet3p", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetSubnet, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Merchants: []int{3, 4, 5, 6, 7, 8}},
				}}},
		{Name: "blind8/attack/new-accounts-in-food-head-room", Set: SetBlind8,
			Description: "藏在头部直播间疑难场景中的新号团伙：卖食品的头部直播间有 2400 人口号、320 人共用一个运营商 NAT 地址、每个商家 180 名铁粉、抽奖与“扣1”刷屏；50 个新号、10 台共用手机、代理池（部分出口与 NAT 人群同段；IPv6 比例 0.3，上场的 41 人中 13 人走 IPv6）、改写 0.5、40% 闲聊、15% 下单、两成自相矛盾，每天抽 30 人、均匀地占头部直播间评论的 2%（每场约 600 条），2 天，40 分钟 / " +
				"a crew of new accounts hidden among a head room's hard cases: the head room sells food and has a 2,400-fan chant, 320 viewers behind one carrier NAT address, 180 loyal fans a merchant, lotteries and floods of \"1\"; 50 new accounts on 10 shared phones, proxy pool (some exits in the NAT crowd's carrier range; IPv6 share 0.3, 13 of the 41 who work on IPv6), paraphrase 0.5, 40% filler, 15% buy, 20% contradicting themselves, 30 drawn each day, spread evenly at 2% of the head room's comments (about 600 lines a broadcast), 2 days, 40 minutes",
			Config: sim.Config{Seed: 1657, Rooms: 4, Days: 2, Duration: 40 * time.Minute,
				Hard: sim.HardCases{Chant: 2400, NAT: 320, LoyalFans: 180},
				Crews: []sim.Crew{
					{Name: "headshare", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 10, Age: sim.AgeNew, Filler: 0.4, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingEven, Share: 0.02,
						RoomMembers: 30, Merchants: []int{0}},
				}}},
		{Name: "blind8/attack/two-crews-seeders-and-closers", Set: SetBlind8,
			Description: "两个团伙同时守一个商家，旁有买家带数字的评价：“带节奏”团伙 28 个新号、同一网段（IPv6 比例 0.15）、7 台共用手机、轻度改写 0.25、三成自相矛盾、不下单，每场抽 9 人、共 18–24 条、成批，在卖服装与卖食品的两个小商家；“收口”团伙 40 个老号、每号一机、代理池（IPv6 比例 0.5）、改写 0.85、20% 闲聊、四成比例下单、一成自相矛盾，每场抽 16 人、每人 3 条、均匀，在那个卖食品的商家与一个卖药品的大直播间；3 天，30 分钟 / " +
				"two crews working one merchant at once, beside buyers' reviews with numbers: \"seeders\", 28 new accounts, one subnet (IPv6 share 0.15), 7 shared phones, light paraphrase 0.25, 30% contradicting themselves, no orders, 9 drawn a broadcast, 18-24 lines a broadcast, in bursts, at two small merchants (apparel and food); and \"closers\", 40 aged accounts, a phone each, proxy pool (IPv6 share 0.5), paraphrase 0.85, 20% filler, buyers share 0.4, 10% contradicting themselves, 16 drawn a broadcast posting 3 each, spread evenly, at that food merchant and at a big room selling drugs; 3 days, 30 minutes",
			Config: sim.Config{Seed: 1667, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "seeders", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.15,
						Devices: 7, Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{18, 24},
						RoomMembers: 9, Merchants: []int{4, 5}},
					{Name: "closers", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 16, Merchants: []int{5, 3}},
				}}},
		{Name: "blind8/attack/identical-aged-ipv6-proxy-mornings", Set: SetBlind8,
			Description: "买来的老号背同一套话术，走以 IPv6 为主的代理池：26 个老号、每号一机、代理池（IPv6 比例 0.7，26 人中 17 人走 IPv6）、相同话术、不闲聊、30% 下单比例（26 人中 2 人）、15% 自相矛盾，全员每场每人 2 条、成批，两个商家（卖化妆品与食品）连续 3 个上午共 6 场，9:30 起，25 分钟 / " +
				"bought aged accounts reciting one script through a mostly-IPv6 proxy pool: 26 aged accounts, a phone each, proxy pool (IPv6 share 0.7, 17 of the 26 on IPv6), identical scripts, no filler, buyers share 0.3 (2 of the 26), 15% contradicting themselves, every member 2 lines a broadcast, in bursts, two merchants (cosmetics and food) on 3 mornings in a row (6 broadcasts) from 9:30, 25 minutes",
			Config: sim.Config{Seed: 1680, Rooms: 5, Days: 3, Duration: 25 * time.Minute, Start: time.Date(2025, 5, 20, 9, 30, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "boughtaged", Accounts: 26, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.7,
						Age: sim.AgeAged, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{2, 4}},
				}}},
		{Name: "blind8/organic/nat-2000-small-chant-two-platforms", Set: SetBlind8,
			Description: "只有真实观众：两个平台（快手、拼多多）的头部直播间各有 2000 人共用一个运营商 NAT 地址（每人 2–4 条）、只有 350 人的口号、抽奖与“扣1”刷屏，2 天，35 分钟 / " +
				"organic only: head rooms on two platforms (kuaishou, pinduoduo), each with 2,000 viewers behind one carrier NAT address (2-4 comments each), a chant by only 350 fans, lotteries and floods of \"1\", 2 days, 35 minutes",
			Config: sim.Config{Seed: 1691, Rooms: 5, Days: 2, Duration: 35 * time.Minute, Platforms: []string{"kuaishou", "pinduoduo"},
				Hard: sim.HardCases{Chant: 350, NAT: 2000}}},
		{Name: "blind8/organic/loyal-fans-1000-five-evenings", Set: SetBlind8,
			Description: "只有真实观众：4 个商家连续五个晚上开播，每个商家 1000 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 25 分钟 / " +
				"organic only: 4 merchants broadcasting five evenings in a row, 1,000 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 25-minute broadcasts",
			Config: sim.Config{Seed: 1692, Rooms: 4, Days: 5, Duration: 25 * time.Minute,
				Hard: sim.HardCases{LoyalFans: 1000, Reviews: true}}},
		{Name: "blind8/organic/everything-chant-5000-twelve-rooms", Set: SetBlind8,
			Description: "只有真实观众：一个平台 12 个直播间，全部疑难场景（头部直播间 5000 人口号、60 人共用 NAT 地址，每个商家 15 名铁粉，评价），4 天，每场 45 分钟 / " +
				"organic only: twelve rooms on one platform, every hard case (a 5,000-fan chant and 60 viewers behind one NAT address in the head room, 15 loyal fans a merchant, reviews), 4 days of 45-minute broadcasts",
			Config: sim.Config{Seed: 1693, Rooms: 12, Days: 4, Duration: 45 * time.Minute,
				Hard: sim.HardCases{Chant: 5000, NAT: 60, LoyalFans: 15, Reviews: true}}},
	}
}
