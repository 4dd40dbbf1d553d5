package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind16 names the sixteenth blind set.
const SetBlind16 = "blind16"

// Blind16 returns the sixteenth blind scenarios: a nineteenth set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// (2400 to 2499) and parameter combinations no other set uses. It is kept
// for one run, for an unseen figure of the next detector change, and has
// been run once: its figures are in docs/campaigns.md.
//
// A crew close to the naive jelly case (identical scripts on one subnet,
// six shared phones, in bursts, at 30% of a quiet room's comments, so
// that everyone copies the same "bought it for the 3rd time" or "6th")
// has a twist: its 40 accounts are aged, years old, not new, and the room
// sells gold bracelets. A camouflaged crew of 28 aged proxy accounts, a
// phone each, nearly all of them buying, draws 16 members a broadcast,
// four lines each spread evenly, two fifths of them chatter, at a food
// and a farm-produce merchant over five days among buyers' reviews with
// numbers. A sparse crew of 20 aged proxy accounts on five phones leaves
// two or three lines a broadcast, one per member, at the 10 quietest of
// 12 merchants over six days, beside 15 loyal fans a merchant. A crew of
// 50 new proxy accounts on ten phones posts three lines each in bursts in
// a jewelry head room on two days, under a 2,500-fan chant, 300 viewers
// behind one carrier NAT address, 150 loyal fans, lotteries and floods of
// "1". A studio of 24 new accounts on one subnet and only three phones,
// paraphrasing heavily, works three quiet merchants on the first and
// third of three late evenings, four lines each spread evenly. A crew of
// 36 aged proxy accounts, a phone each, rotates over one merchant on each
// of three platforms (pinduoduo, taobao, xiaohongshu) for four days, 14 a
// broadcast, three lines each in bursts, beside 30 loyal fans a merchant.
// Two crews share a quiet apparel room: 30 new accounts on one subnet and
// four phones flood it at 20% of its comments in bursts on two of four
// days, while 14 aged proxy accounts trickle four to six lines a
// broadcast, one per member, there and at three other quiet merchants on
// all four days. And 22 aged proxy accounts, a phone each, half of them
// on IPv6, pose as loyal fans of one apparel merchant on five mornings,
// every member at every broadcast, three lines each, almost half of them
// chatter, among 120 loyal fans a merchant and buyers' reviews. Every
// member of every crew posts at least two scripted lines over its run
// (checked by generating the events: three or more), and every crew posts
// testimonials about the goods on sale.
//
// Its organic runs have 5,000-fan chants and 400 viewers behind one
// carrier NAT address in the head rooms of two platforms (douyin,
// kuaishou) in one 45-minute broadcast; 600 loyal fans a merchant, many of
// them fans of several merchants, with buyers' reviews, over ten
// merchants on two platforms (taobao, jd) and five days; and every hard
// case over three platforms (douyin, weixin, bilibili) and three days (a
// 1,200-fan chant and 2,000 viewers behind one NAT address in each head
// room, 80 loyal fans a merchant, reviews). Every crew leaves something a
// careful analyst holding all the data could go on (texts, numbers,
// timing, addresses, devices, account ages, rooms, platforms); none is
// made indistinguishable from viewers by construction.
func Blind16() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind16/attack/aged-identical-subnet-jewelry", Set: SetBlind16,
			Description: "接近燃咔果冻案的朴素团伙，但用的是老号：40 个老号（注册 2–8 年）、相同话术（卖足金转运珠手链的冷清直播间，人人照抄同样的“回购第3次”或“第6次”）、同一网段（IPv6 比例 0.2，40 人中 9 人走其 IPv6 /64）、6 台共用手机、四分之一自相矛盾、不闲聊、不下单、成批，占该直播间评论的 30%（每场 361–388 条，每人全程 18–20 条），同一个商家 2 天，35 分钟 / " +
				"a crew close to the naive jelly case, but with aged accounts: 40 aged accounts (2-8 years old), identical scripts (a quiet room selling gold bracelets; everyone copies the same \"bought it for the 3rd time\" or \"6th time\"), one subnet (IPv6 share 0.2, 9 of the 40 on its IPv6 /64), 6 shared phones, 25% contradicting themselves, no filler, no orders, in bursts, 30% of the room's comments (361-388 lines a broadcast, 18-20 per member over the run), one merchant over 2 days, 35 minutes",
			Config: sim.Config{Seed: 2403, Rooms: 6, Days: 2, Duration: 35 * time.Minute,
				Crews: []sim.Crew{
					{Name: "agedclones", Accounts: 40, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.2, Devices: 6,
						Age: sim.AgeAged, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.3, Merchants: []int{5}},
				}}},
		{Name: "blind16/attack/buyers-among-reviews-five-days", Set: SetBlind16,
			Description: "几乎人人下单的伪装团伙，混在买家带数字的评价中：28 个老号、每号一机、代理池（IPv6 比例 0.35，28 人中 8 人走 IPv6）、改写 0.75、40% 闲聊、九成比例下单（28 人中 23 人下过单）、15% 自相矛盾，每场抽 16 人、每人 4 条、均匀（每场 64 条，占评论的 9%–16%），两个商家（卖自热火锅的食品商家与卖大米的农产品商家）5 天共 10 场，每人上场 2–9 次、全程 8–36 条（其中话术 3–22 条），30 分钟 / " +
				"a camouflaged crew in which nearly everyone buys, among buyers' reviews with numbers: 28 aged accounts, a phone each, proxy pool (IPv6 share 0.35, 8 of the 28 on IPv6), paraphrase 0.75, 40% filler, buyers share 0.9 (23 of the 28 ordered), 15% contradicting themselves, 16 drawn a broadcast posting 4 each, spread evenly (64 lines a broadcast, 9-16% of the comments), two merchants (food selling self-heating hot pot, farm produce selling rice) over 5 days (10 broadcasts), 2-9 broadcasts and 8-36 lines (3-22 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2417, Rooms: 8, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "reviewbuy", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Filler: 0.4, Buyers: 0.9, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 16, Merchants: []int{2, 4}},
				}}},
		{Name: "blind16/attack/sparse-ten-merchants-six-days", Set: SetBlind16,
			Description: "稀疏团伙，旁有铁粉：每个商家 15 名铁粉；20 个老号、5 台共用手机、代理池（IPv6 比例 0.25，20 人中 6 人走 IPv6）、重度改写 0.85、10% 闲聊、15% 比例下单（20 人中 3 人下过单）、两成自相矛盾，每场只 2–3 条、每人一条、均匀（占评论的 0.1%–1.1%），12 个商家中最冷清的 10 个（食品、保健食品、农产品、化妆品、电器），连续 6 天共 60 场，每人去 3–8 个直播间、上场 4–12 次、全程 4–12 条（其中话术 3–11 条），20 分钟 / " +
				"a sparse crew beside loyal fans: 15 loyal fans a merchant; 20 aged accounts on 5 shared phones, proxy pool (IPv6 share 0.25, 6 of the 20 on IPv6), heavy paraphrase 0.85, 10% filler, buyers share 0.15 (3 of the 20 ordered), 20% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly (0.1-1.1% of the comments), the 10 quietest of 12 merchants (food, health food, farm produce, cosmetics, electronics) on 6 days in a row (60 broadcasts), 3-8 rooms, 4-12 broadcasts and 4-12 lines (3-11 of them scripted) per member over the run, 20 minutes",
			Config: sim.Config{Seed: 2426, Rooms: 12, Days: 6, Duration: 20 * time.Minute, Hard: sim.HardCases{LoyalFans: 15},
				Crews: []sim.Crew{
					{Name: "sparse10", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 5, Age: sim.AgeAged, Filler: 0.1, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Reach: 10},
				}}},
		{Name: "blind16/attack/new-crew-in-jewelry-head-room", Set: SetBlind16,
			Description: "藏在卖银饰的头部直播间里的新号团伙：该直播间有 2500 人口号（每场八千多条）、300 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；50 个新号、10 台共用手机、代理池（IPv6 比例 0.15，50 人中 10 人走 IPv6）、改写 0.5、20% 闲聊、一成比例下单（50 人中 2 人下过单）、三成自相矛盾，全员两天都在、每场每人 3 条、成批（每场 150 条，约占评论的 0.5%），每人全程 6 条（其中话术 3–6 条），2 天，40 分钟 / " +
				"a crew of new accounts hidden in a head room selling silver jewelry: the room has a 2,500-fan chant (over 8,000 lines a broadcast), 300 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 50 new accounts on 10 shared phones, proxy pool (IPv6 share 0.15, 10 of the 50 on IPv6), paraphrase 0.5, 20% filler, buyers share 0.1 (2 of the 50 ordered), 30% contradicting themselves, every member on both days, 3 lines each a broadcast, in bursts (150 lines a broadcast, about 0.5% of the comments), 6 lines (3-6 of them scripted) per member over the run, 2 days, 40 minutes",
			Config: sim.Config{Seed: 2438, Rooms: 3, Days: 2, Duration: 40 * time.Minute,
				Hard: sim.HardCases{Chant: 2500, NAT: 300, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headnew", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 10, Age: sim.AgeNew, Filler: 0.2, Buyers: 0.1, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0}},
				}}},
		{Name: "blind16/attack/studio-subnet-three-phones-alternate-nights", Set: SetBlind16,
			Description: "只用 3 台手机、隔天开工的工作室团伙：24 个新号共用 3 台手机、同一网段（IPv6 比例 0.5，24 人中 9 人走其 IPv6 /64）、重度改写 0.9、25% 闲聊、三成比例下单（24 人中 10 人下过单）、35% 自相矛盾，只在 3 个晚上中的第 1 与第 3 个、全员每场每人 4 条、均匀（每场 96 条，占评论的 13%–17%），三个冷清商家（卖智能手表、猫粮与面霜）共 6 场，每人全程 24 条（其中话术 14–23 条），21:30 起，30 分钟 / " +
				"a studio crew on only 3 phones, working every other evening: 24 new accounts sharing 3 phones, one subnet (IPv6 share 0.5, 9 of the 24 on its IPv6 /64), heavy paraphrase 0.9, 25% filler, buyers share 0.3 (10 of the 24 ordered), 35% contradicting themselves, on the first and third of 3 evenings only, every member 4 lines a broadcast, spread evenly (96 lines a broadcast, 13-17% of the comments), three quiet merchants (smart watches, cat food, face cream), 6 broadcasts, 24 lines (14-23 of them scripted) per member over the run, from 21:30, 30 minutes",
			Config: sim.Config{Seed: 2445, Rooms: 7, Days: 3, Duration: 30 * time.Minute, Start: time.Date(2025, 10, 14, 21, 30, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "studio3", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.5,
						Devices: 3, Age: sim.AgeNew, Filler: 0.25, Buyers: 0.3, Contradict: 0.35, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{1, 4, 6}, Days: []int{0, 2}},
				}}},
		{Name: "blind16/attack/three-platforms-rotating-roster", Set: SetBlind16,
			Description: "跨三个平台轮换上场的老号团伙，旁有铁粉：每个商家 30 名铁粉；36 个老号、每号一机、代理池（IPv6 比例 0.2，36 人中 3 人走 IPv6）、改写 0.6、30% 闲聊、四成比例下单（36 人中 10 人下过单）、一成自相矛盾，每场抽 14 人、每人 3 条、成批（每场 42 条，占评论的 3%–7%），拼多多（卖黑芝麻丸）、淘宝（卖蓝莓）、小红书（卖口红）各一个非头部商家，4 天共 12 场，36 人中 25 人三个平台都去过、9 人去过两个、2 人只去过一个，每人上场 1–9 次、全程 3–27 条（其中话术 3–20 条），30 分钟 / " +
				"an aged crew rotating over three platforms, beside loyal fans: 30 loyal fans a merchant; 36 aged accounts, a phone each, proxy pool (IPv6 share 0.2, 3 of the 36 on IPv6), paraphrase 0.6, 30% filler, buyers share 0.4 (10 of the 36 ordered), 10% contradicting themselves, 14 drawn a broadcast posting 3 each, in bursts (42 lines a broadcast, 3-7% of the comments), one non-head merchant each on pinduoduo (black sesame balls), taobao (blueberries) and xiaohongshu (lipstick), 4 days (12 broadcasts), 25 of the 36 on all three platforms, 9 on two, 2 on one, 1-9 broadcasts and 3-27 lines (3-20 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2452, Rooms: 9, Days: 4, Duration: 30 * time.Minute,
				Platforms: []string{"pinduoduo", "taobao", "xiaohongshu"}, Hard: sim.HardCases{LoyalFans: 30},
				Crews: []sim.Crew{
					{Name: "rotating3p", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingBurst, PerAccount: 3,
						RoomMembers: 14, Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind16/attack/two-crews-flood-and-trickle", Set: SetBlind16,
			Description: "两个团伙共守一个卖连衣裙的冷清直播间，4 天，30 分钟：“刷屏”团伙 30 个新号、同一网段（IPv6 比例 0.3，30 人中 14 人走其 IPv6 /64）、4 台共用手机、轻度改写 0.25、三成自相矛盾、不闲聊、不下单，只在第 2、3 天、成批地占该直播间评论的 20%（每场 129–137 条，每人全程 8–10 条）；“细水”团伙 14 个老号、每号一机、代理池（IPv6 比例 0.5，14 人中 8 人走 IPv6）、改写 0.8、20% 闲聊、两成比例下单（14 人中 1 人下过单）、一成自相矛盾，4 天都在、每场只 4–6 条、每人一条、均匀（占评论的 0.5%–1.5%），在该商家与另外三个冷清商家（卖阔腿裤、大米与和田玉）共 16 场，每人去 2–4 个直播间、全程 4–9 条（其中话术 3–6 条） / " +
				"two crews sharing a quiet room selling dresses, 4 days, 30 minutes: \"flood\", 30 new accounts, one subnet (IPv6 share 0.3, 14 of the 30 on its IPv6 /64), 4 shared phones, light paraphrase 0.25, 30% contradicting themselves, no filler, no orders, on days 2 and 3 only, in bursts at 20% of the room's comments (129-137 lines a broadcast, 8-10 per member over the run); and \"trickle\", 14 aged accounts, a phone each, proxy pool (IPv6 share 0.5, 8 of the 14 on IPv6), paraphrase 0.8, 20% filler, buyers share 0.2 (1 of the 14 ordered), 10% contradicting themselves, on all 4 days, only 4-6 lines a broadcast, one per member, spread evenly (0.5-1.5% of the comments), there and at three other quiet merchants (wide-leg trousers, rice, jade), 16 broadcasts, 2-4 rooms and 4-9 lines (3-6 of them scripted) per member over the run",
			Config: sim.Config{Seed: 2461, Rooms: 8, Days: 4, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "flood", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 4, Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.2, Merchants: []int{6},
						Days: []int{1, 2}},
					{Name: "trickle", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{4, 6}, Merchants: []int{6, 1, 2, 5}},
				}}},
		{Name: "blind16/attack/fan-posers-five-mornings", Set: SetBlind16,
			Description: "扮作铁粉的上午场伪装团伙，混在铁粉与买家评价中：每个商家 120 名铁粉、买家带数字的评价；22 个老号、每号一机、代理池（IPv6 比例 0.7，22 人中 11 人走 IPv6）、改写 0.7、45% 闲聊、35% 比例下单（22 人中 5 人下过单）、15% 自相矛盾，全员场场必到、每人每场 3 条、均匀（每场 66 条，占评论的 8%–9%），一个卖阔腿裤的服装商家连续 5 个上午，9:30 起，每人全程 15 条（其中话术 3–12 条），25 分钟 / " +
				"a camouflaged crew posing as loyal fans on mornings, among loyal fans and buyers' reviews: 120 loyal fans a merchant, buyers' reviews with numbers; 22 aged accounts, a phone each, proxy pool (IPv6 share 0.7, 11 of the 22 on IPv6), paraphrase 0.7, 45% filler, buyers share 0.35 (5 of the 22 ordered), 15% contradicting themselves, every member at every broadcast, 3 lines each, spread evenly (66 lines a broadcast, 8-9% of the comments), one apparel merchant selling wide-leg trousers on 5 mornings in a row from 9:30, 15 lines (3-12 of them scripted) per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2473, Rooms: 6, Days: 5, Duration: 25 * time.Minute, Start: time.Date(2025, 8, 18, 9, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 120, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanposers", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.7,
						Age: sim.AgeAged, Filler: 0.45, Buyers: 0.35, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 3,
						Merchants: []int{1}},
				}}},
		{Name: "blind16/organic/chant-5000-nat-400-two-platforms", Set: SetBlind16,
			Description: "只有真实观众：两个平台（抖音、快手）的头部直播间各有 5000 人口号（每场一万六千多至近两万条）、400 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，4 个直播间，一场 45 分钟 / " +
				"organic only: head rooms on two platforms (douyin, kuaishou), each with a 5,000-fan chant (over 16,000 to nearly 20,000 lines a broadcast), 400 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 4 rooms, one 45-minute broadcast",
			Config: sim.Config{Seed: 2482, Rooms: 4, Duration: 45 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Chant: 5000, NAT: 400}}},
		{Name: "blind16/organic/loyal-fans-600-reviews-taobao-jd", Set: SetBlind16,
			Description: "只有真实观众：两个平台（淘宝、京东）共 10 个商家，每个商家 600 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，5 天，每场 25 分钟 / " +
				"organic only: 10 merchants on two platforms (taobao, jd), 600 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 5 days of 25-minute broadcasts",
			Config: sim.Config{Seed: 2488, Rooms: 10, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"taobao", "jd"},
				Hard: sim.HardCases{LoyalFans: 600, Reviews: true}}},
		{Name: "blind16/organic/everything-nat-2000-three-platforms", Set: SetBlind16,
			Description: "只有真实观众：三个平台（抖音、微信、B站）各 2 个直播间，全部疑难场景（每个头部直播间 1200 人口号、2000 人共用一个运营商 NAT 地址，每个商家 80 名铁粉，买家评价），3 天，每场 30 分钟 / " +
				"organic only: three platforms (douyin, weixin, bilibili) with 2 rooms each, every hard case (a 1,200-fan chant and 2,000 viewers behind one carrier NAT address in each head room, 80 loyal fans a merchant, buyers' reviews), 3 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 2495, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"douyin", "weixin", "bilibili"},
				Hard: sim.HardCases{Chant: 1200, NAT: 2000, LoyalFans: 80, Reviews: true}}},
	}
}
