package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind22 names the twenty-second blind set.
const SetBlind22 = "blind22"

// Blind22 returns the twenty-second blind scenarios: a twenty-fifth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (3000 to 3099) and parameter combinations no other set uses. It was
// kept for one run, for an unseen figure of the next detector change,
// and has been run once: its figures are in docs/campaigns.md.
//
// Four crews work from one subnet, their IPv6 shares from small to large,
// with members that chat or buy to look ordinary and post few scripted
// lines. A small one: 7 aged accounts, a phone each, 2 of them on the
// subnet's IPv6 /64, more than half their lines chatter, 5 of the 7
// buying, every member three lines a broadcast spread evenly at two
// merchants (general goods, a medical device) on four late evenings among
// 35 loyal fans a merchant. A wide one: 50 new accounts on ten phones, 46
// of them on the /64, 28 drawn a broadcast, three lines each in bursts,
// four in ten of them chatter, at three food and farm-produce merchants on
// two platforms (douyin, pinduoduo) over three days, among buyers'
// reviews. A sparse one: 9 aged accounts on three phones, 2 on the /64,
// paraphrasing almost always, 8 of the 9 buying, three to five lines a
// broadcast, one per member, over the six quietest of ten merchants on
// five lunchtimes, among 15 loyal fans a merchant and buyers' reviews.
// And one over three platforms (kuaishou, xiaohongshu, weixin): 22 aged
// accounts, a phone each, 13 on the /64, half their lines chatter, half
// of them buying, 10 drawn a broadcast, three lines each spread evenly,
// one non-head merchant a platform over five days, among 50 loyal fans a
// merchant.
//
// Two crews hide in head rooms: 40 aged proxy accounts on five phones
// post three lines each in bursts in the head room of one platform on two
// days, among 1,600 viewers behind one carrier NAT address and 250 loyal
// fans a merchant; and 18 new proxy accounts, a phone each, half of them
// on IPv6, a third contradicting themselves, post three lines each in
// bursts in the head rooms of two platforms (douyin, kuaishou) on two
// days, among a 1,200-fan chant, 800 viewers behind one NAT address, 150
// loyal fans a merchant, lotteries and floods of "1". A crew of 20 aged
// proxy accounts on six phones recites identical scripts (the same
// phrasing and the same numbers) between chatter, three to five lines a
// broadcast, one per member, spread evenly over the sixteen quietest of
// 24 merchants on two evenings, 9 of the 20 buying. And two crews work
// one cosmetics merchant over three evenings among buyers' reviews: 10
// new accounts on one subnet and four phones, lightly paraphrasing, at
// 12% of the room's comments in bursts every day; and 12 aged proxy
// accounts that paraphrase almost always, chat nearly half the time and
// mostly buy, two lines each a broadcast spread evenly, on the last two
// days only, there and at a household-goods merchant. Every member of
// every crew posts at least two scripted lines over its run (checked by
// generating the events), and every crew posts testimonials about the
// goods on sale.
//
// Its organic runs have a 2,600-fan chant and 1,800 viewers behind one
// carrier NAT address in the head rooms of three platforms (douyin,
// xiaohongshu, jd), with 120 loyal fans a merchant, over two 45-minute
// broadcasts; 650 loyal fans a merchant, many of them fans of several
// merchants, with buyers' reviews, over seven merchants on one platform
// (taobao) and seven late nights; and every hard case over four platforms
// (pinduoduo, bilibili, weixin, kuaishou) on three early mornings (a
// 900-fan chant and 1,100 viewers behind one NAT address in each head
// room, 80 loyal fans a merchant, reviews). Every crew leaves something a
// careful analyst holding all the data could go on (texts, numbers,
// timing, addresses, devices, account ages, rooms, platforms); none is
// made indistinguishable from viewers by construction.
func Blind22() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind22/attack/subnet-seven-aged-buyers-four-evenings", Set: SetBlind22,
			Description: "同一网段的小团伙，多闲聊、多下单，混在铁粉中：每个商家 35 名铁粉；7 个老号、每号一机、同一网段（IPv6 比例 0.15，7 人中 2 人走其 IPv6 /64）、改写 0.75、55% 闲聊、六成比例下单（7 人中 5 人每场下单）、15% 自相矛盾，全员场场必到、每人每场 3 条、均匀（每场 21 条，占评论的 1.1%–4.7%），两个商家（卖笔记本的杂货商家与卖血氧仪的医疗器械商家）连续 4 个晚上（20:30 起）共 8 场，每人全程 24 条（其中话术 8–13 条），30 分钟 / " +
				"a small crew on one subnet that chats and buys a lot, among loyal fans: 35 loyal fans a merchant; 7 aged accounts, a phone each, one subnet (IPv6 share 0.15, 2 of the 7 on its IPv6 /64), paraphrase 0.75, 55% filler, buyers share 0.6 (5 of the 7 buy every broadcast), 15% contradicting themselves, every member at every broadcast, 3 lines each, spread evenly (21 lines a broadcast, 1.1-4.7% of the comments), two merchants (general goods selling notebooks, a medical-device merchant selling oximeters) on 4 evenings in a row from 20:30 (8 broadcasts), 24 lines per member over the run (8-13 of them scripted), 30 minutes",
			Config: sim.Config{Seed: 3007, Rooms: 6, Days: 4, Duration: 30 * time.Minute, Start: time.Date(2025, 10, 20, 20, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 35},
				Crews: []sim.Crew{
					{Name: "sevenbuy", Accounts: 7, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetSubnet, IPv6: 0.15,
						Age: sim.AgeAged, Filler: 0.55, Buyers: 0.6, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 3,
						Merchants: []int{3, 5}},
				}}},
		{Name: "blind22/attack/subnet-ipv6-heavy-roster-two-platforms", Set: SetBlind22,
			Description: "几乎全走 IPv6 的同网段新号团伙，跨两个平台，旁有买家带数字的评价：50 个新号、同一网段（IPv6 比例 0.9，50 人中 46 人走其 IPv6 /64）、10 台共用手机、改写 0.5、40% 闲聊、三成比例下单（50 人中 10 人）、四分之一自相矛盾，每场抽 28 人、每人 3 条、成批（每场 84 条，占评论的 0.6%–12%），抖音一个卖每日坚果的食品商家、拼多多一个卖牛肉干的食品商家与一个卖土鸡蛋的农产品大直播间，3 天共 9 场，50 人中 48 人两个平台都去过，每人全程 3–24 条（其中话术 2–17 条），35 分钟 / " +
				"a crew of new accounts on one subnet, almost all on IPv6, over two platforms, beside buyers' reviews with numbers: 50 new accounts, one subnet (IPv6 share 0.9, 46 of the 50 on its IPv6 /64), 10 shared phones, paraphrase 0.5, 40% filler, buyers share 0.3 (10 of the 50), 25% contradicting themselves, 28 drawn a broadcast posting 3 each, in bursts (84 lines a broadcast, 0.6-12% of the comments), a food merchant selling mixed nuts on douyin, a food merchant selling beef jerky and a big farm-produce room selling eggs on pinduoduo, 3 days (9 broadcasts), 48 of the 50 on both platforms, 3-24 lines per member over the run (2-17 of them scripted), 35 minutes",
			Config: sim.Config{Seed: 3016, Rooms: 8, Days: 3, Duration: 35 * time.Minute, Platforms: []string{"douyin", "pinduoduo"},
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "v6roster", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet, IPv6: 0.9,
						Devices: 10, Age: sim.AgeNew, Filler: 0.4, Buyers: 0.3, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 3,
						RoomMembers: 28, Merchants: []int{2, 3, 5}},
				}}},
		{Name: "blind22/attack/subnet-nine-three-phones-lunchtimes", Set: SetBlind22,
			Description: "同一网段、3 台手机的稀疏老号团伙，几乎人人下单，旁有铁粉与买家评价：每个商家 15 名铁粉、买家带数字的评价；9 个老号共用 3 台手机、同一网段（IPv6 比例 0.4，9 人中 2 人走其 IPv6 /64）、重度改写 0.9、35% 闲聊、八成比例下单（9 人中 8 人）、两成自相矛盾，每场只 3–5 条、每人一条、均匀（占评论的 0.5%–1.7%），10 个商家中最冷清的 6 个（三家卖日用品、一家卖化妆品、一家卖食品、一家卖保健食品）连续 5 个中午（12:10 起）共 30 场，每人全程 9–17 条（其中话术 5–13 条），20 分钟 / " +
				"a sparse crew of aged accounts on one subnet and 3 phones, nearly all of them buying, beside loyal fans and buyers' reviews: 15 loyal fans a merchant, buyers' reviews with numbers; 9 aged accounts sharing 3 phones, one subnet (IPv6 share 0.4, 2 of the 9 on its IPv6 /64), heavy paraphrase 0.9, 35% filler, buyers share 0.8 (8 of the 9), 20% contradicting themselves, only 3-5 lines a broadcast, one per member, spread evenly (0.5-1.7% of the comments), the 6 quietest of 10 merchants (three household goods, one cosmetics, one food, one health food) on 5 lunchtimes in a row from 12:10 (30 broadcasts), 9-17 lines per member over the run (5-13 of them scripted), 20 minutes",
			Config: sim.Config{Seed: 3023, Rooms: 10, Days: 5, Duration: 20 * time.Minute, Start: time.Date(2025, 8, 4, 12, 10, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 15, Reviews: true},
				Crews: []sim.Crew{
					{Name: "ninelunch", Accounts: 9, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.4,
						Devices: 3, Age: sim.AgeAged, Filler: 0.35, Buyers: 0.8, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{3, 5}, Reach: 6},
				}}},
		{Name: "blind22/attack/subnet-three-platforms-ten-a-broadcast", Set: SetBlind22,
			Description: "跨三个平台的同网段老号团伙，半数闲聊，旁有铁粉：每个商家 50 名铁粉；22 个老号、每号一机、同一网段（IPv6 比例 0.65，22 人中 13 人走其 IPv6 /64）、改写 0.85、50% 闲聊、五成比例下单（22 人中 11 人）、一成自相矛盾，每场抽 10 人、每人 3 条、均匀（每场 30 条，占评论的 2.2%–4.5%），快手（卖不粘锅的日用品商家）、小红书（卖充电宝的电器商家）、微信（卖土鸡蛋的农产品商家）各一个非头部商家，5 天共 15 场，22 人中 17 人三个平台都去过、3 人去过两个、2 人只去过一个，每人全程 3–33 条（其中话术 2–19 条），30 分钟 / " +
				"a crew of aged accounts on one subnet over three platforms, half its lines filler, beside loyal fans: 50 loyal fans a merchant; 22 aged accounts, a phone each, one subnet (IPv6 share 0.65, 13 of the 22 on its IPv6 /64), paraphrase 0.85, 50% filler, buyers share 0.5 (11 of the 22), 10% contradicting themselves, 10 drawn a broadcast posting 3 each, spread evenly (30 lines a broadcast, 2.2-4.5% of the comments), one non-head merchant each on kuaishou (household goods, a non-stick pan), xiaohongshu (electronics, a power bank) and weixin (farm produce, eggs), 5 days (15 broadcasts), 17 of the 22 on all three platforms, 3 on two, 2 on one, 3-33 lines per member over the run (2-19 of them scripted), 30 minutes",
			Config: sim.Config{Seed: 3031, Rooms: 9, Days: 5, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "xiaohongshu", "weixin"},
				Hard: sim.HardCases{LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "triplat", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetSubnet, IPv6: 0.65,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 10, Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind22/attack/proxy-five-phones-head-room-nat-1600", Set: SetBlind22,
			Description: "只用 5 台手机的代理池老号团伙，藏在 1600 人共用一个 NAT 地址的头部直播间：卖床品四件套的头部直播间有 1600 人共用一个运营商 NAT 地址、每个商家 250 名铁粉、抽奖与“扣1”刷屏；40 个老号共用 5 台手机、代理池（IPv6 比例 0.2，40 人中 10 人走 IPv6）、改写 0.6、25% 闲聊、四分之一比例下单（40 人中 11 人）、两成自相矛盾，全员两天都在、每场每人 3 条、成批（每场 120 条，约占评论的 0.4%），每人全程 6 条（其中话术 3–6 条），2 天，40 分钟 / " +
				"a proxy crew of aged accounts on only 5 phones, hidden in a head room with 1,600 viewers behind one NAT address: the head room sells bedding sets and has 1,600 viewers behind one carrier NAT address, 250 loyal fans a merchant, lotteries and floods of \"1\"; 40 aged accounts sharing 5 phones, proxy pool (IPv6 share 0.2, 10 of the 40 on IPv6), paraphrase 0.6, 25% filler, buyers share 0.25 (11 of the 40), 20% contradicting themselves, every member on both days, 3 lines each a broadcast, in bursts (120 lines a broadcast, about 0.4% of the comments), 6 lines per member over the run (3-6 of them scripted), 2 days, 40 minutes",
			Config: sim.Config{Seed: 3042, Rooms: 5, Days: 2, Duration: 40 * time.Minute,
				Hard: sim.HardCases{NAT: 1600, LoyalFans: 250},
				Crews: []sim.Crew{
					{Name: "natphones", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.25, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0}},
				}}},
		{Name: "blind22/attack/new-proxy-two-head-rooms-chant-nat-fans", Set: SetBlind22,
			Description: "藏在两个平台头部直播间疑难场景中的新号代理团伙：抖音（卖阔腿裤的服装商家）与快手（卖不粘锅的日用品商家）的头部直播间各有 1200 人口号、800 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；18 个新号、每号一机、代理池（IPv6 比例 0.5，18 人中 9 人走 IPv6）、轻度改写 0.4、20% 闲聊、一成比例下单（18 人中 3 人）、三成自相矛盾，全员在两个头部直播间每场每人 3 条、成批（每场 54 条，约占评论的 0.2%），每人全程 12 条（其中话术 7–12 条），2 天，35 分钟 / " +
				"a proxy crew of new accounts hidden among the hard cases of two platforms' head rooms: the head rooms on douyin (apparel, wide-leg trousers) and kuaishou (household goods, a non-stick pan) each have a 1,200-fan chant, 800 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 18 new accounts, a phone each, proxy pool (IPv6 share 0.5, 9 of the 18 on IPv6), light paraphrase 0.4, 20% filler, buyers share 0.1 (3 of the 18), 30% contradicting themselves, every member 3 lines a broadcast in both head rooms, in bursts (54 lines a broadcast, about 0.2% of the comments), 12 lines per member over the run (7-12 of them scripted), 2 days, 35 minutes",
			Config: sim.Config{Seed: 3055, Rooms: 6, Days: 2, Duration: 35 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Chant: 1200, NAT: 800, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headnew", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeNew, Filler: 0.2, Buyers: 0.1, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0, 1}},
				}}},
		{Name: "blind22/attack/identical-aged-proxy-sixteen-quiet-rooms", Set: SetBlind22,
			Description: "相同话术的老号代理团伙，稀疏撒在 16 个冷清直播间，旁有铁粉：每个商家 20 名铁粉；20 个老号、6 台共用手机、代理池（IPv6 比例 0.35，20 人中 5 人走 IPv6）、相同话术（同样的说法、同样的数字）、30% 闲聊、四成比例下单（20 人中 9 人）、三成自相矛盾，每场只 3–5 条、每人一条、均匀（占评论的 0.3%–1.5%），24 个商家中最冷清的 16 个、2 个晚上共 32 场，每人去 3–9 个直播间、全程 4–9 条（其中话术 2–8 条），25 分钟 / " +
				"a proxy crew of aged accounts reciting identical scripts, spread thinly over 16 quiet rooms, beside loyal fans: 20 loyal fans a merchant; 20 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.35, 5 of the 20 on IPv6), identical scripts (the same phrasing, the same numbers), 30% filler, buyers share 0.4 (9 of the 20), 30% contradicting themselves, only 3-5 lines a broadcast, one per member, spread evenly (0.3-1.5% of the comments), the 16 quietest of 24 merchants on 2 evenings (32 broadcasts), 3-9 rooms and 4-9 lines (2-8 of them scripted) per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3068, Rooms: 24, Days: 2, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "echo", Accounts: 20, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.35, Devices: 6,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.3, Timing: sim.TimingEven,
						RoomComments: [2]int{3, 5}, Reach: 16},
				}}},
		{Name: "blind22/attack/two-crews-subnet-hype-proxy-closers", Set: SetBlind22,
			Description: "两个团伙守同一个卖保湿面霜的化妆品商家，3 个晚上（19:00 起），旁有买家带数字的评价，30 分钟：“带节奏”团伙 10 个新号、同一网段（IPv6 比例 0.12，10 人中 1 人走其 IPv6 /64）、4 台共用手机、轻度改写 0.25、35% 自相矛盾、不闲聊、不下单，三天都成批地占该直播间评论的 12%（每场 52–68 条，每人全程 17–20 条）；“收口”团伙 12 个老号、每号一机、代理池（IPv6 比例 0.4，12 人中 7 人走 IPv6）、改写 0.95、45% 闲聊、七成比例下单（12 人中 9 人）、一成自相矛盾，只在第 2–3 天、每人每场 2 条、均匀（每场 24 条，占评论的 4.4%–5.9%），在该商家与一个卖不粘锅的日用品商家，每人全程 8 条（其中话术 3–8 条） / " +
				"two crews at one cosmetics merchant selling moisturising cream on 3 evenings from 19:00, beside buyers' reviews with numbers, 30 minutes: \"hype\", 10 new accounts, one subnet (IPv6 share 0.12, 1 of the 10 on its IPv6 /64), 4 shared phones, light paraphrase 0.25, 35% contradicting themselves, no filler, no orders, in bursts at 12% of the room's comments on all three days (52-68 lines a broadcast, 17-20 per member over the run); and \"closers\", 12 aged accounts, a phone each, proxy pool (IPv6 share 0.4, 7 of the 12 on IPv6), paraphrase 0.95, 45% filler, buyers share 0.7 (9 of the 12), 10% contradicting themselves, on days 2-3 only, 2 lines each a broadcast, spread evenly (24 lines a broadcast, 4.4-5.9% of the comments), there and at a household-goods merchant selling a non-stick pan, 8 lines per member over the run (3-8 of them scripted)",
			Config: sim.Config{Seed: 3079, Rooms: 7, Days: 3, Duration: 30 * time.Minute, Start: time.Date(2025, 5, 19, 19, 0, 0, 0, cst),
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "hype", Accounts: 10, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.12,
						Devices: 4, Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, Share: 0.12, Merchants: []int{2}},
					{Name: "closers", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.95, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Filler: 0.45, Buyers: 0.7, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{2, 4}, Days: []int{1, 2}},
				}}},
		{Name: "blind22/organic/chant-2600-nat-1800-three-platforms", Set: SetBlind22,
			Description: "只有真实观众：三个平台（抖音、小红书、京东）的头部直播间各有 2600 人口号、1800 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，每个商家 120 名铁粉，6 个直播间，2 天，每场 45 分钟 / " +
				"organic only: head rooms on three platforms (douyin, xiaohongshu, jd), each with a 2,600-fan chant, 1,800 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 120 loyal fans a merchant, 6 rooms, 2 days of 45-minute broadcasts",
			Config: sim.Config{Seed: 3084, Rooms: 6, Days: 2, Duration: 45 * time.Minute, Platforms: []string{"douyin", "xiaohongshu", "jd"},
				Hard: sim.HardCases{Chant: 2600, NAT: 1800, LoyalFans: 120}}},
		{Name: "blind22/organic/loyal-fans-650-reviews-seven-nights", Set: SetBlind22,
			Description: "只有真实观众：淘宝 7 个商家连续七个深夜开播（21:00 起），每个商家 650 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 25 分钟 / " +
				"organic only: 7 merchants on taobao broadcasting seven late nights in a row from 21:00, 650 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 25-minute broadcasts",
			Config: sim.Config{Seed: 3091, Rooms: 7, Days: 7, Duration: 25 * time.Minute, Start: time.Date(2025, 11, 17, 21, 0, 0, 0, cst),
				Platforms: []string{"taobao"}, Hard: sim.HardCases{LoyalFans: 650, Reviews: true}}},
		{Name: "blind22/organic/everything-four-platforms-mornings", Set: SetBlind22,
			Description: "只有真实观众：四个平台（拼多多、B站、微信、快手）各 2 个直播间，连续三个清晨开播（7:30 起），全部疑难场景（每个头部直播间 900 人口号、1100 人共用一个运营商 NAT 地址，每个商家 80 名铁粉，买家评价），每场 35 分钟 / " +
				"organic only: four platforms (pinduoduo, bilibili, weixin, kuaishou) with 2 rooms each, broadcasting three early mornings in a row from 7:30, every hard case (a 900-fan chant and 1,100 viewers behind one carrier NAT address in each head room, 80 loyal fans a merchant, buyers' reviews), 35-minute broadcasts",
			Config: sim.Config{Seed: 3097, Rooms: 8, Days: 3, Duration: 35 * time.Minute, Start: time.Date(2025, 3, 10, 7, 30, 0, 0, cst),
				Platforms: []string{"pinduoduo", "bilibili", "weixin", "kuaishou"},
				Hard:      sim.HardCases{Chant: 900, NAT: 1100, LoyalFans: 80, Reviews: true}}},
	}
}
