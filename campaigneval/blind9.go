package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind9 names the ninth blind set.
const SetBlind9 = "blind9"

// Blind9 returns the ninth blind scenarios: a twelfth set, written from
// the task's list of attack variants and organic look-alikes and from the
// simulator alone, without sight of the detector, with seeds (1700 to
// 1799) and parameter combinations no other set uses. It was run once,
// unchanged detector after the synchrony test of (room, script, bucket)
// bursts, for an unseen figure of that version (docs/campaigns.md); the
// viewers it accused were then looked at (a change tried because of them
// was dropped), so it is used.
//
// A crew close to the naive jelly case (new accounts with identical
// scripts on one subnet and five shared phones, in bursts, in a room
// selling health food, so that everyone copies the case's "35 jin" and
// "16.6 jin") has a twist: a wide roster of 90 accounts that post only
// twice each, 63 of them from the subnet's IPv6 /64, about a tenth of a
// mid-sized room's comments. A camouflaged crew of 34 aged proxy accounts
// (paraphrase 0.8, nearly half its lines filler, 21 of the 34 buying in
// every broadcast they work) draws 12 members a broadcast, two lines
// each, for two merchants over six days among buyers' reviews. A crew of
// 14 aged proxy accounts on four phones poses as loyal fans: every member
// at every one of eight evening broadcasts of one merchant, two lines
// each, half of them chatter, six of the 14 buying, among 200 loyal fans
// a merchant and buyers' reviews. Two sparse crews leave only a few lines
// a broadcast: 24 aged proxy accounts on eight phones post exactly two
// lines a broadcast, two members seconds apart, over the 18 quietest of
// 24 merchants and six lunchtimes, among 20 loyal fans a merchant; and 18
// new proxy accounts on only three phones post two to four lines a
// broadcast, one per member, over twelve merchants on three platforms
// (kuaishou, shipinhao, jd) and five days, 16 of the 18 on all three. A
// crew of 60 aged proxy accounts on twelve phones posts two lines each in
// bursts in the head rooms of two platforms (douyin, xiaohongshu), hidden
// among an 1,800-fan chant, 900 viewers behind one carrier NAT address,
// 400 loyal fans, lotteries and floods of "1". Two crews work one food
// merchant on two long mornings: a lightly paraphrasing crew of new
// accounts on one subnet and six phones at 15% of the room's comments in
// bursts, both days; and aged proxy accounts that paraphrase heavily, buy
// and post three lines each spread evenly, on the second day, there and
// at two other merchants. And 25 aged proxy accounts on only two phones,
// half of them contradicting themselves, 10 drawn a broadcast, two lines
// each, work four merchants over three days among 40 loyal fans a
// merchant. Every member of every crew posts at least two crew lines over
// its run, and every crew posts testimonials about the goods on sale.
//
// Its organic runs have 3,000-fan chants and 150 viewers behind one
// carrier NAT address in the head rooms of four platforms (douyin,
// kuaishou, taobao, pinduoduo) in one 90-minute broadcast; 300 loyal fans
// a merchant, many of them fans of several merchants, over fourteen
// merchants and six late nights, with buyers' reviews; and every hard
// case over two platforms (xiaohongshu, jd) and three days (a 700-fan
// chant and 1,400 viewers behind one NAT address in each head room, 220
// loyal fans a merchant, reviews). Every crew leaves something a careful
// analyst holding all the data could go on (texts, numbers, timing,
// addresses, devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction.
func Blind9() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind9/attack/jelly-wide-roster-ipv6-subnet", Set: SetBlind9,
			Description: "接近燃咔果冻案的朴素团伙，但号多话少、多走 IPv6：90 个新号、同一网段（IPv6 比例 0.8，90 人中 63 人走其 IPv6 /64）、5 台共用手机、相同话术（卖保健食品的中等直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、四成自相矛盾、全员每人只发 2 条、成批（共 180 条，约占该直播间评论的 11%），一场 45 分钟 / " +
				"a crew close to the naive jelly case, but with a wide roster saying little, mostly on IPv6: 90 new accounts, one subnet (IPv6 share 0.8, 63 of the 90 on its IPv6 /64), 5 shared phones, identical scripts (a mid-sized room selling health food; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 40% contradicting themselves, every member only 2 lines, in bursts (180 lines, about 11% of the room's comments), one 45-minute broadcast",
			Config: sim.Config{Seed: 1714, Rooms: 6, Duration: 45 * time.Minute,
				Crews: []sim.Crew{
					{Name: "wideroster", Accounts: 90, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.8, Devices: 5,
						Age: sim.AgeNew, Contradict: 0.4, Timing: sim.TimingBurst, PerAccount: 2, Merchants: []int{2}},
				}}},
		{Name: "blind9/attack/camouflage-buyers-six-days-reviews", Set: SetBlind9,
			Description: "伪装且下单的团伙，混在买家带数字的评价中：34 个老号、每号一机、代理池（IPv6 比例 0.3，34 人中 13 人走 IPv6）、改写 0.8、45% 闲聊、七成比例下单（34 人中 21 人每场下单）、一成自相矛盾，每场抽 12 人、每人 2 条、均匀（每场 24 条，占评论的 2%–6%），两个商家（卖保健食品与农产品）6 天共 12 场，每人全程 2–18 条，30 分钟 / " +
				"a camouflaged crew that buys, among buyers' reviews with numbers: 34 aged accounts, a phone each, proxy pool (IPv6 share 0.3, 13 of the 34 on IPv6), paraphrase 0.8, 45% filler, buyers share 0.7 (21 of the 34 buy every broadcast they work), 10% contradicting themselves, 12 drawn a broadcast posting 2 each, spread evenly (24 lines a broadcast, 2-6% of the comments), two merchants (health food and farm produce) over 6 days (12 broadcasts), 2-18 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1726, Rooms: 7, Days: 6, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "reviewbuyers", Accounts: 34, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeAged, Filler: 0.45, Buyers: 0.7, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 12, Merchants: []int{4, 6}},
				}}},
		{Name: "blind9/attack/fan-mimics-eight-evenings", Set: SetBlind9,
			Description: "扮作铁粉的伪装团伙，混在铁粉与买家评价中：每个商家 200 名铁粉、买家带数字的评价；14 个老号、4 台共用手机、代理池（IPv6 比例 0.3，14 人中 5 人走 IPv6）、改写 0.85、50% 闲聊、45% 比例下单（14 人中 6 人每场下单）、两成自相矛盾，全员场场必到、每人每场 2 条、均匀（每场 28 条，约占评论的 2%），一个卖保健食品的商家连续 8 个晚上，19:30 起，25 分钟 / " +
				"a camouflaged crew posing as loyal fans, among loyal fans and buyers' reviews: 200 loyal fans a merchant, buyers' reviews with numbers; 14 aged accounts on 4 shared phones, proxy pool (IPv6 share 0.3, 5 of the 14 on IPv6), paraphrase 0.85, 50% filler, buyers share 0.45 (6 of the 14 buy every broadcast), 20% contradicting themselves, every member at every broadcast, 2 lines each, spread evenly (28 lines a broadcast, about 2% of the comments), one merchant selling health food on 8 evenings in a row from 19:30, 25 minutes",
			Config: sim.Config{Seed: 1738, Rooms: 5, Days: 8, Duration: 25 * time.Minute, Start: time.Date(2025, 9, 8, 19, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 200, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanmimic", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 4, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.45, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{3}},
				}}},
		{Name: "blind9/attack/sparse-pairs-eighteen-merchants", Set: SetBlind9,
			Description: "两两出场的稀疏团伙：每场恰好 2 条、由 2 名成员相隔数秒先后发出，24 个商家中最冷清的 18 个，连续 6 个中午共 108 场，每个商家 20 名铁粉；24 个老号、8 台共用手机、代理池（IPv6 比例 0.35，24 人中 6 人走 IPv6）、改写 0.5、15% 闲聊、一成比例下单（24 人中 1 人）、两成自相矛盾，每人全程 3–14 条，20 分钟 / " +
				"a sparse crew working in pairs: exactly 2 lines a broadcast, posted by 2 members seconds apart, the 18 quietest of 24 merchants on 6 lunchtimes in a row (108 broadcasts), 20 loyal fans a merchant; 24 aged accounts on 8 shared phones, proxy pool (IPv6 share 0.35, 6 of the 24 on IPv6), paraphrase 0.5, 15% filler, buyers share 0.1 (1 of the 24), 20% contradicting themselves, 3-14 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 1745, Rooms: 24, Days: 6, Duration: 20 * time.Minute, Start: time.Date(2025, 11, 3, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "pairs", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.35,
						Devices: 8, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 2}, Reach: 18},
				}}},
		{Name: "blind9/attack/sparse-three-phones-three-platforms", Set: SetBlind9,
			Description: "跨三个平台、只用 3 台手机的低频团伙，旁有买家带数字的评价：18 个新号共用 3 台手机、代理池（IPv6 比例 0.1，18 人中 1 人走 IPv6）、改写 0.8、30% 闲聊、15% 比例下单（18 人中 1 人）、四分之一自相矛盾，每场 2–4 条、每人一条、均匀，快手、视频号、京东各 4 个非头部商家共 12 个，5 天共 60 场，18 人中 16 人三个平台都去过、其余 2 人去过两个，每人全程 5–16 条，25 分钟 / " +
				"a low-rate crew on only 3 phones over three platforms, beside buyers' reviews with numbers: 18 new accounts sharing 3 phones, proxy pool (IPv6 share 0.1, 1 of the 18 on IPv6), paraphrase 0.8, 30% filler, buyers share 0.15 (1 of the 18), 25% contradicting themselves, 2-4 lines a broadcast, one per member, spread evenly, 12 merchants (four non-head rooms each on kuaishou, shipinhao and jd) over 5 days (60 broadcasts), 16 of the 18 members on all three platforms, the other 2 on two, 5-16 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 1752, Rooms: 15, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"kuaishou", "shipinhao", "jd"},
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "threephones3p", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 3, Age: sim.AgeNew, Filler: 0.3, Buyers: 0.15, Contradict: 0.25, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 4}, Merchants: []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}},
				}}},
		{Name: "blind9/attack/aged-crew-in-two-head-rooms", Set: SetBlind9,
			Description: "藏在两个平台头部直播间疑难场景中的老号团伙：抖音（卖电器）与小红书（卖服装）的头部直播间各有 1800 人口号、900 人共用一个运营商 NAT 地址、每个商家 400 名铁粉、抽奖与“扣1”刷屏；60 个老号、12 台共用手机、代理池（IPv6 比例 0.2，60 人中 17 人走 IPv6）、改写 0.6、25% 闲聊、两成比例下单（60 人中 10 人）、15% 自相矛盾，全员在两个头部直播间每场每人 2 条、成批（每场 120 条，不到评论的 0.5%），2 天，40 分钟 / " +
				"a crew of aged accounts hidden among the hard cases of two platforms' head rooms: the head rooms on douyin (selling electronics) and xiaohongshu (selling apparel) each have an 1,800-fan chant, 900 viewers behind one carrier NAT address, 400 loyal fans a merchant, lotteries and floods of \"1\"; 60 aged accounts on 12 shared phones, proxy pool (IPv6 share 0.2, 17 of the 60 on IPv6), paraphrase 0.6, 25% filler, buyers share 0.2 (10 of the 60), 15% contradicting themselves, every member 2 lines a broadcast in both head rooms, in bursts (120 lines a broadcast, under 0.5% of the comments), 2 days, 40 minutes",
			Config: sim.Config{Seed: 1763, Rooms: 6, Days: 2, Duration: 40 * time.Minute, Platforms: []string{"douyin", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 1800, NAT: 900, LoyalFans: 400},
				Crews: []sim.Crew{
					{Name: "headaged", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 12, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{0, 1}},
				}}},
		{Name: "blind9/attack/two-crews-hype-and-closers-mornings", Set: SetBlind9,
			Description: "两个团伙守同一个卖食品（蛋黄酥）的商家，连续两个 90 分钟的上午，9:00 起：“带节奏”团伙 30 个新号、同一网段（IPv6 比例 0.4，30 人中 15 人走其 IPv6 /64）、6 台共用手机、轻度改写 0.3、三成自相矛盾、不下单，两天都成批地占该直播间评论的 15%（每场 243–381 条，每人全程 20–22 条）；“收口”团伙 16 个老号、每号一机、代理池（IPv6 比例 0.6，16 人中 8 人走 IPv6）、改写 0.9、40% 闲聊、五成比例下单（16 人中 8 人）、一成自相矛盾，只在第 2 天、每人每场 3 条、均匀，在该商家与另外两个商家（卖化妆品与日用品） / " +
				"two crews at one merchant selling food (egg-yolk pastries) on two 90-minute mornings from 9:00: \"hype\", 30 new accounts, one subnet (IPv6 share 0.4, 15 of the 30 on its IPv6 /64), 6 shared phones, light paraphrase 0.3, 30% contradicting themselves, no orders, in bursts at 15% of the room's comments on both days (243-381 lines a broadcast, 20-22 per member over the run); and \"closers\", 16 aged accounts, a phone each, proxy pool (IPv6 share 0.6, 8 of the 16 on IPv6), paraphrase 0.9, 40% filler, buyers share 0.5 (8 of the 16), 10% contradicting themselves, on day 2 only, 3 lines each a broadcast, spread evenly, at that merchant and at two others (cosmetics and household goods)",
			Config: sim.Config{Seed: 1771, Rooms: 8, Days: 2, Duration: 90 * time.Minute, Start: time.Date(2025, 4, 15, 9, 0, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "hype", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetSubnet, IPv6: 0.4,
						Devices: 6, Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.15, Merchants: []int{1}},
					{Name: "closers", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.6,
						Age: sim.AgeAged, Filler: 0.4, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						Merchants: []int{1, 6, 3}, Days: []int{1}},
				}}},
		{Name: "blind9/attack/two-phone-studio-four-merchants", Set: SetBlind9,
			Description: "只用 2 台手机的工作室团伙，半数自相矛盾，旁有铁粉：每个商家 40 名铁粉；25 个老号共用 2 台手机、代理池（IPv6 比例 0.15，25 人中 7 人走 IPv6）、改写 0.7、20% 闲聊、三成比例下单（25 人中 9 人）、五成自相矛盾，每场抽 10 人、每人 2 条、均匀（每场 20 条，占评论的 1%–4%），4 个商家（两家卖化妆品、一家卖电器、一家卖杂货）3 天共 12 场，每人全程 2–18 条，30 分钟 / " +
				"a studio crew on only 2 phones, half of it contradicting itself, beside loyal fans: 40 loyal fans a merchant; 25 aged accounts sharing 2 phones, proxy pool (IPv6 share 0.15, 7 of the 25 on IPv6), paraphrase 0.7, 20% filler, buyers share 0.3 (9 of the 25), 50% contradicting themselves, 10 drawn a broadcast posting 2 each, spread evenly (20 lines a broadcast, 1-4% of the comments), 4 merchants (two selling cosmetics, one electronics, one general goods) over 3 days (12 broadcasts), 2-18 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1786, Rooms: 9, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 40},
				Crews: []sim.Crew{
					{Name: "twophones", Accounts: 25, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 2, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.5, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 10, Merchants: []int{1, 3, 4, 7}},
				}}},
		{Name: "blind9/organic/chant-3000-four-platforms-long", Set: SetBlind9,
			Description: "只有真实观众：四个平台（抖音、快手、淘宝、拼多多）的头部直播间各有 3000 人口号、150 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，8 个直播间，一场 90 分钟 / " +
				"organic only: head rooms on four platforms (douyin, kuaishou, taobao, pinduoduo), each with a 3,000-fan chant, 150 viewers behind one carrier NAT address, lotteries and floods of \"1\", 8 rooms, one 90-minute broadcast",
			Config: sim.Config{Seed: 1791, Rooms: 8, Duration: 90 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao", "pinduoduo"},
				Hard: sim.HardCases{Chant: 3000, NAT: 150}}},
		{Name: "blind9/organic/loyal-fans-300-late-nights", Set: SetBlind9,
			Description: "只有真实观众：一个平台 14 个商家连续六个深夜开播（22:30 起），每个商家 300 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 20 分钟 / " +
				"organic only: 14 merchants on one platform broadcasting six late nights in a row from 22:30, 300 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 20-minute broadcasts",
			Config: sim.Config{Seed: 1794, Rooms: 14, Days: 6, Duration: 20 * time.Minute, Start: time.Date(2025, 12, 1, 22, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 300, Reviews: true}}},
		{Name: "blind9/organic/everything-nat-1400-two-platforms", Set: SetBlind9,
			Description: "只有真实观众：两个平台（小红书、京东）各 3 个直播间，全部疑难场景（每个头部直播间 700 人口号、1400 人共用一个运营商 NAT 地址，每个商家 220 名铁粉，评价），3 天，每场 40 分钟 / " +
				"organic only: two platforms (xiaohongshu, jd) with 3 rooms each, every hard case (a 700-fan chant and 1,400 viewers behind one carrier NAT address in each head room, 220 loyal fans a merchant, reviews), 3 days of 40-minute broadcasts",
			Config: sim.Config{Seed: 1797, Rooms: 6, Days: 3, Duration: 40 * time.Minute, Platforms: []string{"xiaohongshu", "jd"},
				Hard: sim.HardCases{Chant: 700, NAT: 1400, LoyalFans: 220, Reviews: true}}},
	}
}
