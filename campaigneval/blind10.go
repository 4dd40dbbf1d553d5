package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind10 names the tenth blind set.
const SetBlind10 = "blind10"

// Blind10 returns the tenth blind scenarios: a thirteenth set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// (1800 to 1899) and parameter combinations no other set uses. It was run
// once, on the version with the synchrony test of (room, script, bucket)
// bursts, for an unseen figure of that version (docs/campaigns.md); it is
// now used.
//
// A crew close to the naive jelly case (new accounts reciting identical
// scripts in bursts at 45% of the comments of a quiet room that sells the
// very jelly, so that everyone copies the case's "35 jin" and "16.6 jin")
// has a twist: its 42 accounts share only two phones and post through a
// proxy pool instead of one subnet, a third of the exits at the carrier
// NAT addresses local viewers share. A camouflaged crew of 45 aged proxy
// accounts, a phone each, buys in every broadcast it works: 22 drawn a
// broadcast, three lines each in bursts, a third of them chatter, at one
// apparel merchant over seven days among buyers' reviews with numbers,
// whose "bought it for the third time" its own goods script resembles. A
// camouflaged crew of 36 aged proxy accounts on nine phones joins three
// merchants from the second of five days, 20 members a broadcast, two
// lines each spread evenly, among 60 loyal fans a merchant who greet at
// every broadcast. Two sparse crews leave only a line or two a broadcast:
// 16 new proxy accounts, a phone each, post two to four lines, seconds
// apart, in each of the 30 quietest of 34 rooms on one evening, three to
// nine rooms per member; and 12 aged accounts on four phones, mostly on
// IPv6 proxies, paraphrasing heavily, post one or two lines a broadcast at
// four merchants over ten days, beside buyers' reviews. A crew of 32 new
// proxy accounts on eight phones works one merchant on each of four
// platforms (douyin, kuaishou, bilibili, weixin) over three days, 13 a
// broadcast, two lines each in bursts, every member on two platforms or
// more. A crew of 70 new proxy accounts on fourteen phones posts three
// lightly paraphrased lines each in bursts in an apparel head room on two
// days, hidden under a 4,000-fan chant, 600 viewers behind one carrier
// NAT address, 100 loyal fans, lotteries and floods of "1". And two crews
// work one health-food merchant at once over three days: 70 new accounts
// on one subnet and ten phones, 50 of them a broadcast, two barely
// paraphrased lines each in bursts, there and at an apparel merchant; and
// eight aged proxy accounts that paraphrase almost always, chat half the
// time, seven of them buying, nine lines each a broadcast spread evenly,
// there and at an electronics merchant. Every member of every crew posts
// at least two scripted lines over its run (checked by generating the
// events), and every crew posts testimonials about the goods on sale.
//
// Its organic runs have 4,200-fan chants and 500 viewers behind one
// carrier NAT address in the head rooms of two platforms (douyin,
// bilibili) over two one-hour evenings; 500 loyal fans a merchant, many of
// them fans of several merchants, with 250 viewers behind one NAT address
// in each head room and buyers' reviews, over three platforms (kuaishou,
// taobao, weixin) and four days; and every hard case on ten short
// mornings (a 1,500-fan chant and 100 viewers behind one NAT address in
// the head room, 40 loyal fans a merchant, reviews). Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind10() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind10/attack/jelly-proxy-two-phones", Set: SetBlind10,
			Description: "接近燃咔果冻案的朴素团伙，但只用 2 台手机、走代理池：42 个新号共用 2 台手机、代理池（约三分之一出口在本省运营商 NAT 段；IPv6 比例 0.1，42 人中 7 人走 IPv6）、相同话术（卖燃咔果冻的冷清直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成自相矛盾、不闲聊、不下单、成批，占该直播间评论的 45%（每场约 490–530 条，每人全程 23–25 条），同一个商家 2 天，35 分钟 / " +
				"a crew close to the naive jelly case, but on only 2 phones and a proxy pool: 42 new accounts sharing 2 phones, proxy pool (about a third of the exits in the province's carrier NAT range; IPv6 share 0.1, 7 of the 42 on IPv6), identical scripts (a quiet room selling 燃咔 jelly; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, no filler, no orders, in bursts, 45% of the room's comments (about 490-530 lines a broadcast, 23-25 per member over the run), one merchant over 2 days, 35 minutes",
			Config: sim.Config{Seed: 1803, Rooms: 7, Days: 2, Duration: 35 * time.Minute,
				Crews: []sim.Crew{
					{Name: "twophonejelly", Accounts: 42, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.1, Devices: 2,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.45, Merchants: []int{4}},
				}}},
		{Name: "blind10/attack/every-member-buys-among-reviews", Set: SetBlind10,
			Description: "人人下单的伪装团伙，混在买家带数字的评价中：45 个老号、每号一机、代理池（IPv6 比例 0.45，45 人中 29 人走 IPv6）、改写 0.65、35% 闲聊、全员每场下单（下单比例 1）、两成自相矛盾，每场抽 22 人、每人 3 条、成批（每场 66 条，占评论的 6%–10%），一个卖针织开衫的服装商家连续 7 天共 7 场，每人上场 1–6 次、全程 3–18 条（其中话术 2–13 条），25 分钟 / " +
				"a camouflaged crew in which everyone buys, among buyers' reviews with numbers: 45 aged accounts, a phone each, proxy pool (IPv6 share 0.45, 29 of the 45 on IPv6), paraphrase 0.65, 35% filler, every member ordering in every broadcast it works (buyers share 1), 20% contradicting themselves, 22 drawn a broadcast posting 3 each, in bursts (66 lines a broadcast, 6-10% of the comments), one apparel merchant selling cardigans on 7 days in a row (7 broadcasts), 1-6 broadcasts and 3-18 lines (2-13 of them scripted) per member over the run, 25 minutes",
			Config: sim.Config{Seed: 1812, Rooms: 6, Days: 7, Duration: 25 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "allbuy", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.65, Network: sim.NetProxy, IPv6: 0.45,
						Age: sim.AgeAged, Filler: 0.35, Buyers: 1, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3,
						RoomMembers: 22, Merchants: []int{5}},
				}}},
		{Name: "blind10/attack/late-joiners-among-loyal-fans", Set: SetBlind10,
			Description: "从第二天起混进铁粉中的伪装团伙：每个商家 60 名铁粉场场必到、开场打卡；36 个老号、9 台共用手机、代理池（IPv6 比例 0.25，36 人中 9 人走 IPv6）、改写 0.7、30% 闲聊、35% 比例下单（36 人中 11 人）、15% 自相矛盾，只在第 2–5 天、每场抽 20 人、每人 2 条、均匀（每场 40 条，占评论的 3%–7%），三个商家（两家卖化妆品、一家卖保健食品）共 12 场，每人全程 8–20 条，5 天，30 分钟 / " +
				"a camouflaged crew joining loyal fans from the second day: 60 loyal fans a merchant at every broadcast, greeting at the start; 36 aged accounts on 9 shared phones, proxy pool (IPv6 share 0.25, 9 of the 36 on IPv6), paraphrase 0.7, 30% filler, buyers share 0.35 (11 of the 36), 15% contradicting themselves, on days 2-5 only, 20 drawn a broadcast posting 2 each, spread evenly (40 lines a broadcast, 3-7% of the comments), three merchants (two selling cosmetics, one health food), 12 broadcasts, 8-20 lines per member over the run, 5 days, 30 minutes",
			Config: sim.Config{Seed: 1815, Rooms: 7, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 60},
				Crews: []sim.Crew{
					{Name: "latejoin", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 9, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.35, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 20, Merchants: []int{1, 3, 5}, Days: []int{1, 2, 3, 4}},
				}}},
		{Name: "blind10/attack/sparse-thirty-rooms-one-evening", Set: SetBlind10,
			Description: "一个晚上撒遍 30 个直播间的稀疏团伙：34 个商家中最冷清的 30 个同时开播，每场只 2–4 条、每人一条、相隔数秒成批发出（占评论的 0.1%–1.1%）；16 个新号、每号一机、代理池（IPv6 比例 0.2，16 人中 3 人走 IPv6）、改写 0.4、10% 闲聊、10% 比例下单（16 人中 1 人）、两成自相矛盾，每人去 3–9 个直播间、全程 3–9 条，一场 25 分钟 / " +
				"a sparse crew spread over 30 rooms in one evening: the 30 quietest of 34 merchants broadcasting at the same time, only 2-4 lines a broadcast, one per member, posted seconds apart in a burst (0.1-1.1% of the comments); 16 new accounts, a phone each, proxy pool (IPv6 share 0.2, 3 of the 16 on IPv6), paraphrase 0.4, 10% filler, buyers share 0.1 (1 of the 16), 20% contradicting themselves, 3-9 rooms and 3-9 lines per member, one 25-minute broadcast",
			Config: sim.Config{Seed: 1833, Rooms: 34, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "oneevening", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeNew, Filler: 0.1, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 4}, Reach: 30},
				}}},
		{Name: "blind10/attack/sparse-ten-days-four-phones", Set: SetBlind10,
			Description: "十天慢慢刷的低频团伙，旁有买家带数字的评价：12 个老号共用 4 台手机、代理池（IPv6 比例 0.6，12 人中 8 人走 IPv6）、重度改写 0.9、10% 闲聊、20% 比例下单（12 人中 1 人）、四分之一自相矛盾，每场只 1–2 条、每人一条、均匀（占评论的 0.1%–0.8%），4 个非头部商家（两家卖服装、两家卖食品）连续 10 天共 40 场，每人全程 3–11 条，20 分钟 / " +
				"a low-rate crew working slowly over ten days, beside buyers' reviews with numbers: 12 aged accounts sharing 4 phones, proxy pool (IPv6 share 0.6, 8 of the 12 on IPv6), heavy paraphrase 0.9, 10% filler, buyers share 0.2 (1 of the 12), 25% contradicting themselves, only 1-2 lines a broadcast, one per member, spread evenly (0.1-0.8% of the comments), 4 non-head merchants (two apparel, two food) on 10 days in a row (40 broadcasts), 3-11 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 1845, Rooms: 8, Days: 10, Duration: 20 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "tendays", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.6,
						Devices: 4, Age: sim.AgeAged, Filler: 0.1, Buyers: 0.2, Contradict: 0.25, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 2}, Merchants: []int{2, 3, 5, 6}},
				}}},
		{Name: "blind10/attack/four-platforms-new-accounts", Set: SetBlind10,
			Description: "跨四个平台的新号团伙，旁有铁粉：每个商家 25 名铁粉；32 个新号、8 台共用手机、代理池（IPv6 比例 0.3，32 人中 8 人走 IPv6）、改写 0.45、20% 闲聊、四分之一比例下单（32 人中 8 人）、三成自相矛盾，每场抽 13 人、每人 2 条、成批（每场 26 条，占评论的 2%–7%），抖音（卖日用品）、快手（卖电器）、B站（卖电器）、微信（卖食品）各一个非头部商家，3 天共 12 场，32 人中 9 人四个平台都去过、17 人去过三个、6 人去过两个，每人全程 4–18 条，30 分钟 / " +
				"a crew of new accounts over four platforms, beside loyal fans: 25 loyal fans a merchant; 32 new accounts on 8 shared phones, proxy pool (IPv6 share 0.3, 8 of the 32 on IPv6), paraphrase 0.45, 20% filler, buyers share 0.25 (8 of the 32), 30% contradicting themselves, 13 drawn a broadcast posting 2 each, in bursts (26 lines a broadcast, 2-7% of the comments), one non-head merchant each on douyin (household goods), kuaishou (electronics), bilibili (electronics) and weixin (food), 3 days (12 broadcasts), 9 of the 32 on all four platforms, 17 on three, 6 on two, 4-18 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1858, Rooms: 12, Days: 3, Duration: 30 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "bilibili", "weixin"}, Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "fourplat", Accounts: 32, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 8, Age: sim.AgeNew, Filler: 0.2, Buyers: 0.25, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 13, Merchants: []int{4, 9, 6, 7}},
				}}},
		{Name: "blind10/attack/crew-under-chant-4000", Set: SetBlind10,
			Description: "藏在 4000 人口号下的新号团伙：卖服装的头部直播间有 4000 人口号、600 人共用一个运营商 NAT 地址、每个商家 100 名铁粉、抽奖与“扣1”刷屏；70 个新号、14 台共用手机、代理池（部分出口与 NAT 人群同段；IPv6 比例 0.1，70 人中 5 人走 IPv6）、轻度改写 0.35、25% 闲聊、5% 比例下单（70 人中 4 人）、35% 自相矛盾，全员两天都在、每场每人 3 条、成批（每场 210 条，约占评论的 0.6%），每人全程 6 条，2 天，45 分钟 / " +
				"a crew of new accounts hidden under a 4,000-fan chant: the head room sells apparel and has a 4,000-fan chant, 600 viewers behind one carrier NAT address, 100 loyal fans a merchant, lotteries and floods of \"1\"; 70 new accounts on 14 shared phones, proxy pool (some exits in the NAT crowd's carrier range; IPv6 share 0.1, 5 of the 70 on IPv6), light paraphrase 0.35, 25% filler, buyers share 0.05 (4 of the 70), 35% contradicting themselves, every member on both days, 3 lines each a broadcast, in bursts (210 lines a broadcast, about 0.6% of the comments), 6 lines per member over the run, 2 days, 45 minutes",
			Config: sim.Config{Seed: 1867, Rooms: 4, Days: 2, Duration: 45 * time.Minute,
				Hard: sim.HardCases{Chant: 4000, NAT: 600, LoyalFans: 100},
				Crews: []sim.Crew{
					{Name: "underchant", Accounts: 70, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.35, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 14, Age: sim.AgeNew, Filler: 0.25, Buyers: 0.05, Contradict: 0.35, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0}},
				}}},
		{Name: "blind10/attack/two-crews-blast-and-regulars", Set: SetBlind10,
			Description: "两个团伙同时守一个卖保健食品（益生菌）的商家，3 天，30 分钟：“刷屏”团伙 70 个新号、同一网段（IPv6 比例 0.1，70 人中 8 人走其 IPv6 /64）、10 台共用手机、几乎不改写 0.2、两成自相矛盾、不闲聊、不下单，每场抽 50 人、每人 2 条、成批（每场 100 条，占评论的 6%–18%），在该商家与一个卖服装的商家，每人全程 2–12 条；“熟客”团伙 8 个老号、每号一机、代理池（IPv6 比例 0.5，8 人中 3 人走 IPv6）、改写 0.95、50% 闲聊、75% 比例下单（8 人中 7 人）、五成自相矛盾，全员每场每人 9 条、均匀（每场 72 条，占评论的 4%–9%），在该商家与一个卖智能手表的商家，每人全程 54 条 / " +
				"two crews at one merchant selling health food (probiotics) at once, 3 days, 30 minutes: \"blast\", 70 new accounts, one subnet (IPv6 share 0.1, 8 of the 70 on its IPv6 /64), 10 shared phones, barely paraphrased 0.2, 20% contradicting themselves, no filler, no orders, 50 drawn a broadcast posting 2 each, in bursts (100 lines a broadcast, 6-18% of the comments), there and at an apparel merchant, 2-12 lines per member over the run; and \"regulars\", 8 aged accounts, a phone each, proxy pool (IPv6 share 0.5, 3 of the 8 on IPv6), paraphrase 0.95, 50% filler, buyers share 0.75 (7 of the 8), 50% contradicting themselves, every member 9 lines a broadcast, spread evenly (72 lines a broadcast, 4-9% of the comments), there and at a merchant selling smart watches, 54 lines per member over the run",
			Config: sim.Config{Seed: 1874, Rooms: 6, Days: 3, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "blast", Accounts: 70, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.2, Network: sim.NetSubnet, IPv6: 0.1,
						Devices: 10, Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 50,
						Merchants: []int{2, 1}},
					{Name: "regulars", Accounts: 8, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.95, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.75, Contradict: 0.5, Timing: sim.TimingEven, PerAccount: 9,
						Merchants: []int{2, 4}},
				}}},
		{Name: "blind10/organic/chant-4200-nat-500-hour", Set: SetBlind10,
			Description: "只有真实观众：两个平台（抖音、B站）的头部直播间各有 4200 人口号、500 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，5 个直播间，2 天，每场 60 分钟 / " +
				"organic only: head rooms on two platforms (douyin, bilibili), each with a 4,200-fan chant, 500 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 5 rooms, 2 days of 60-minute broadcasts",
			Config: sim.Config{Seed: 1891, Rooms: 5, Days: 2, Duration: 60 * time.Minute, Platforms: []string{"douyin", "bilibili"},
				Hard: sim.HardCases{Chant: 4200, NAT: 500}}},
		{Name: "blind10/organic/fans-500-nat-250-three-platforms", Set: SetBlind10,
			Description: "只有真实观众：三个平台（快手、淘宝、微信）共 9 个商家，每个商家 500 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，每个头部直播间 250 人共用一个运营商 NAT 地址，买家带数字的评价，4 天，每场 30 分钟 / " +
				"organic only: 9 merchants on three platforms (kuaishou, taobao, weixin), 500 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, 250 viewers behind one carrier NAT address in each head room, buyers' reviews with numbers, 4 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 1894, Rooms: 9, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "taobao", "weixin"},
				Hard: sim.HardCases{LoyalFans: 500, NAT: 250, Reviews: true}}},
		{Name: "blind10/organic/everything-ten-mornings", Set: SetBlind10,
			Description: "只有真实观众：一个平台 10 个直播间连续十个上午开播（10:00 起），全部疑难场景（头部直播间 1500 人口号、100 人共用 NAT 地址，每个商家 40 名铁粉，买家评价），每场 15 分钟 / " +
				"organic only: ten rooms on one platform broadcasting ten mornings in a row from 10:00, every hard case (a 1,500-fan chant and 100 viewers behind one NAT address in the head room, 40 loyal fans a merchant, buyers' reviews), 15-minute broadcasts",
			Config: sim.Config{Seed: 1897, Rooms: 10, Days: 10, Duration: 15 * time.Minute, Start: time.Date(2025, 7, 7, 10, 0, 0, 0, cst),
				Hard: sim.HardCases{Chant: 1500, NAT: 100, LoyalFans: 40, Reviews: true}}},
	}
}
