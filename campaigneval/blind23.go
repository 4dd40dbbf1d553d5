package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind23 names the twenty-third blind set.
const SetBlind23 = "blind23"

// Blind23 returns the twenty-third blind scenarios: a twenty-sixth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (3100 to 3199) and parameter combinations no other set uses. It was
// kept for one run, for an unseen figure of the next detector change,
// and has been run once: its figures are in docs/campaigns.md.
//
// Its crews lean toward quiet or mid-sized rooms crowded with loyal fans,
// buyers' reviews with numbers and ordinary viewers (some of whom praise
// goods they did not buy), so that many innocent viewers write lines near
// the crew's; six of its nine crews are low-rate or sparse. A crew of 20
// aged proxy accounts on five phones poses as loyal fans: three or four
// members a broadcast, one line each spread evenly, two fifths of them
// chatter, 9 of the 20 buying, at three quiet merchants (mixed nuts, an
// electric toothbrush, blueberries) on five evenings, among 80 loyal fans
// a merchant and buyers' reviews, one to five lines per member over the
// run. Fifteen new proxy accounts, a phone each, mostly on IPv6,
// paraphrasing heavily, leave one or two lines a broadcast at six quiet
// merchants on three platforms (kuaishou, taobao, xiaohongshu) over four
// days, beside buyers' reviews, ten of them on two platforms or three.
// Thirty aged accounts on one subnet (half of them on its IPv6 /64), a
// phone each, paraphrasing almost always, post two or three lines a
// broadcast, seconds apart, over the 12 quietest of 16 merchants on three
// lunchtimes, among 30 loyal fans a merchant. Eight aged proxy accounts
// on only two phones, every line paraphrased, half of them contradicting
// themselves, post exactly one line a broadcast at two quiet food
// merchants on twelve mornings, among 40 loyal fans a merchant and
// buyers' reviews whose "吃了…天，瘦了…斤" their script resembles. Fourteen
// new proxy accounts, a phone each, half of them buying, post one or two
// lines, seconds apart, in each of the 24 quietest of 30 rooms on one
// evening, among 25 loyal fans a merchant. A crew of 45 aged proxy
// accounts on nine phones posts two lines each, 25 a broadcast, in bursts
// in the head rooms of two platforms (douyin, pinduoduo) over three days,
// under a 1,500-fan chant, 500 viewers behind one carrier NAT address,
// 150 loyal fans, lotteries and floods of "1". A crew of 26 new proxy
// accounts on six phones recites identical scripts (the jelly case's "35
// jin" and "16.6 jin") spread evenly at 5% of the comments of a mid-sized
// room selling probiotics on three days, among 50 loyal fans and buyers'
// reviews. And two crews work two platforms (jd, shipinhao) over four
// days among 60 loyal fans a merchant and reviews: 24 aged proxy accounts
// on four phones, four drawn a broadcast, one line each, nearly half of
// them chatter, half of the 24 buying, at five merchants; and 18 new
// accounts on one subnet, ten drawn a broadcast, three lines each in
// bursts, on the last two days, at a quiet apparel room and a busy
// cosmetics room. Every crew posts testimonials about the goods on sale.
//
// Its organic runs have 120 loyal fans a merchant, many of them fans of
// several merchants, with buyers' reviews, over fifteen merchants on five
// platforms (douyin, kuaishou, taobao, xiaohongshu, shipinhao) and seven
// days; 2,500-fan chants and 1,000 viewers behind one carrier NAT address
// in the head rooms of two platforms (jd, bilibili), with 60 loyal fans a
// merchant, lotteries and floods of "1", on three mornings; and every
// hard case over twenty merchants of one platform (weixin) on four late
// evenings (a 400-fan chant and 300 viewers behind one NAT address in the
// head room, 90 loyal fans a merchant, reviews). Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind23() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind23/attack/sparse-fan-mimics-five-evenings", Set: SetBlind23,
			Description: "扮作铁粉的稀疏伪装团伙，混在铁粉与买家评价中：每个商家 80 名铁粉、买家带数字的评价；20 个老号、5 台共用手机、代理池（IPv6 比例 0.25，20 人中 7 人走 IPv6）、改写 0.85、40% 闲聊、45% 比例下单（20 人中 9 人）、两成自相矛盾，每场只 3–4 条、每人一条、均匀（占评论的 0.3%–0.6%），三个冷清的商家（卖每日坚果、电动牙刷、蓝莓）连续 5 个晚上，19:00 起，共 15 场、57 条，每人全程 1–5 条，30 分钟 / " +
				"a sparse camouflaged crew posing as loyal fans, among loyal fans and buyers' reviews: 80 loyal fans a merchant, buyers' reviews with numbers; 20 aged accounts on 5 shared phones, proxy pool (IPv6 share 0.25, 7 of the 20 on IPv6), paraphrase 0.85, 40% filler, buyers share 0.45 (9 of the 20), 20% contradicting themselves, only 3-4 lines a broadcast, one per member, spread evenly (0.3-0.6% of the comments), three quiet merchants (mixed nuts, an electric toothbrush, blueberries) on 5 evenings in a row from 19:00 (15 broadcasts, 57 lines), 1-5 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3104, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Start: time.Date(2025, 10, 13, 19, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanmimics", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 5, Age: sim.AgeAged, Filler: 0.4, Buyers: 0.45, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{3, 4}, Merchants: []int{2, 4, 5}},
				}}},
		{Name: "blind23/attack/sparse-new-accounts-three-platforms", Set: SetBlind23,
			Description: "跨三个平台、重度改写的稀疏新号团伙，旁有买家带数字的评价：15 个新号、每号一机、代理池（IPv6 比例 0.5，15 人中 9 人走 IPv6）、改写 0.9、20% 闲聊、一成比例下单（15 人中 3 人）、三成自相矛盾，每场只 1–2 条、每人一条、均匀（占评论的 0.1%–0.7%），快手（卖每日坚果、收纳箱）、淘宝（卖卸妆水、面膜）、小红书（卖阔腿裤、雨伞）各两个冷清的商家，4 天共 24 场、38 条，15 人中 2 人三个平台都去过、8 人去过两个，每人全程 1–5 条，25 分钟 / " +
				"a sparse crew of new accounts paraphrasing heavily over three platforms, beside buyers' reviews with numbers: 15 new accounts, a phone each, proxy pool (IPv6 share 0.5, 9 of the 15 on IPv6), paraphrase 0.9, 20% filler, buyers share 0.1 (3 of the 15), 30% contradicting themselves, only 1-2 lines a broadcast, one per member, spread evenly (0.1-0.7% of the comments), two quiet merchants each on kuaishou (mixed nuts, storage boxes), taobao (makeup remover, face masks) and xiaohongshu (wide-leg trousers, umbrellas), 4 days (24 broadcasts, 38 lines), 2 of the 15 on all three platforms and 8 on two, 1-5 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3117, Rooms: 12, Days: 4, Duration: 25 * time.Minute, Platforms: []string{"kuaishou", "taobao", "xiaohongshu"},
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "newthreeplat", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeNew, Filler: 0.2, Buyers: 0.1, Contradict: 0.3, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 2}, Merchants: []int{3, 4, 5, 6, 7, 8}},
				}}},
		{Name: "blind23/attack/sparse-subnet-bursts-lunchtimes", Set: SetBlind23,
			Description: "同一网段、几乎句句改写的稀疏老号团伙，旁有铁粉：每个商家 30 名铁粉；30 个老号、同一网段（IPv6 比例 0.5，上场的 28 人中 13 人走其 IPv6 /64）、每号一机、改写 0.95、三成闲聊、两成比例下单（3 人下过单）、一成自相矛盾，每场只 2–3 条、每人一条、相隔数秒成批发出（占评论的 0.3%–1%），16 个商家中最冷清的 12 个（五家卖食品、两家卖家居、两家卖化妆品，服装、奶粉、珠宝各一家）连续 3 个中午，12:00 起，共 36 场、86 条，每人全程 1–7 条，20 分钟 / " +
				"a sparse crew of aged accounts on one subnet paraphrasing almost always, beside loyal fans: 30 loyal fans a merchant; 30 aged accounts, one subnet (IPv6 share 0.5, 13 of the 28 at work on its IPv6 /64), a phone each, paraphrase 0.95, 30% filler, buyers share 0.2 (3 ordered), 10% contradicting themselves, only 2-3 lines a broadcast, one per member, posted seconds apart in a burst (0.3-1% of the comments), the 12 quietest of 16 merchants (five food, two household, two cosmetics, one each apparel, infant formula, jewelry) on 3 lunchtimes in a row from 12:00 (36 broadcasts, 86 lines), 1-7 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3123, Rooms: 16, Days: 3, Duration: 20 * time.Minute, Start: time.Date(2025, 8, 18, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 30},
				Crews: []sim.Crew{
					{Name: "subnetlunch", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.95, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 3}, Reach: 12},
				}}},
		{Name: "blind23/attack/sparse-two-phones-one-line-twelve-mornings", Set: SetBlind23,
			Description: "只用 2 台手机、每场只发一条的老号团伙，混在铁粉与“瘦了几斤”的买家评价中：每个商家 40 名铁粉、买家带数字的评价；8 个老号共用 2 台手机、代理池（IPv6 比例 0.3，8 人中 4 人走 IPv6）、句句改写（改写 1）、一成闲聊、四分之一比例下单（8 人中 4 人）、五成自相矛盾，每场恰好 1 条、均匀（占评论的 0.1%–0.3%），两个冷清的食品商家（卖蛋黄酥与螺蛳粉）连续 12 个早上，8:00 起，共 24 场、24 条，每人全程 2–6 条，20 分钟 / " +
				"a crew of aged accounts on only 2 phones posting one line a broadcast, among loyal fans and buyers' reviews of weight lost: 40 loyal fans a merchant, buyers' reviews with numbers; 8 aged accounts sharing 2 phones, proxy pool (IPv6 share 0.3, 4 of the 8 on IPv6), every line paraphrased (paraphrase 1), 10% filler, buyers share 0.25 (4 of the 8), 50% contradicting themselves, exactly 1 line a broadcast, spread evenly (0.1-0.3% of the comments), two quiet food merchants (egg-yolk pastries, river-snail noodles) on 12 mornings in a row from 8:00 (24 broadcasts, 24 lines), 2-6 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3138, Rooms: 5, Days: 12, Duration: 20 * time.Minute, Start: time.Date(2025, 3, 3, 8, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 40, Reviews: true},
				Crews: []sim.Crew{
					{Name: "twophonedaily", Accounts: 8, Scripts: sim.ScriptsParaphrase, Paraphrase: 1, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 2, Age: sim.AgeAged, Filler: 0.1, Buyers: 0.25, Contradict: 0.5, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 1}, Merchants: []int{2, 4}},
				}}},
		{Name: "blind23/attack/sparse-new-buyers-one-evening", Set: SetBlind23,
			Description: "一个晚上撒遍 24 个直播间、半数下单的稀疏新号团伙，旁有铁粉：每个商家 25 名铁粉；14 个新号、每号一机、代理池（IPv6 比例 0.2，上场的 13 人中 1 人走 IPv6）、改写 0.6、四分之一闲聊、六成比例下单（13 人中 7 人）、两成自相矛盾，30 个商家中最冷清的 24 个同时开播，每场只 1–2 条、每人一条、相隔数秒成批发出（占评论的 0.1%–0.4%），共 40 条，每人去 1–5 个直播间、全程 1–5 条，一场 30 分钟 / " +
				"a sparse crew of new accounts spread over 24 rooms in one evening, half of it buying, beside loyal fans: 25 loyal fans a merchant; 14 new accounts, a phone each, proxy pool (IPv6 share 0.2, 1 of the 13 at work on IPv6), paraphrase 0.6, 25% filler, buyers share 0.6 (7 of the 13), 20% contradicting themselves, the 24 quietest of 30 merchants broadcasting at the same time, only 1-2 lines a broadcast, one per member, posted seconds apart in a burst (0.1-0.4% of the comments), 40 lines, 1-5 rooms and 1-5 lines per member, one 30-minute broadcast",
			Config: sim.Config{Seed: 3146, Rooms: 30, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "eveningbuyers", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeNew, Filler: 0.25, Buyers: 0.6, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{1, 2}, Reach: 24},
				}}},
		{Name: "blind23/attack/crew-in-two-head-rooms-chant-nat", Set: SetBlind23,
			Description: "藏在两个平台头部直播间疑难场景中的老号团伙：抖音（卖羊毛针织开衫）与拼多多（卖黑芝麻丸）的头部直播间各有 1500 人口号、500 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；45 个老号、9 台共用手机、代理池（IPv6 比例 0.15，上场的 44 人中 9 人走 IPv6）、改写 0.5、两成闲聊、15% 比例下单（44 人中 13 人）、四分之一自相矛盾，每场抽 25 人、每人 2 条、成批（每场 50 条，约占评论的 0.15%），3 天共 6 场，44 人中 38 人两个平台都去过，每人全程 2–12 条，45 分钟 / " +
				"a crew of aged accounts hidden among the hard cases of two platforms' head rooms: the head rooms on douyin (selling wool cardigans) and pinduoduo (selling black sesame balls) each have a 1,500-fan chant, 500 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 45 aged accounts on 9 shared phones, proxy pool (IPv6 share 0.15, 9 of the 44 at work on IPv6), paraphrase 0.5, 20% filler, buyers share 0.15 (13 of the 44), 25% contradicting themselves, 25 drawn a broadcast posting 2 each, in bursts (50 lines a broadcast, about 0.15% of the comments), 3 days (6 broadcasts), 38 of the 44 on both platforms, 2-12 lines per member over the run, 45 minutes",
			Config: sim.Config{Seed: 3152, Rooms: 6, Days: 3, Duration: 45 * time.Minute, Platforms: []string{"douyin", "pinduoduo"},
				Hard: sim.HardCases{Chant: 1500, NAT: 500, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headnine", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 9, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.15, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 25, Merchants: []int{0, 1}},
				}}},
		{Name: "blind23/attack/identical-new-accounts-among-reviews", Set: SetBlind23,
			Description: "相同话术的新号团伙，混在中等直播间的铁粉与买家评价中：每个商家 50 名铁粉、买家带数字的评价；26 个新号、6 台共用手机、代理池（IPv6 比例 0.2，26 人中 5 人走 IPv6）、相同话术（卖益生菌固体饮料的中等直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成自相矛盾、不闲聊、不下单、均匀，占该直播间评论的 5%（每场 101–113 条），3 天，每人全程 6–18 条，40 分钟 / " +
				"a crew of new accounts with identical scripts, among the loyal fans and buyers' reviews of a mid-sized room: 50 loyal fans a merchant, buyers' reviews with numbers; 26 new accounts on 6 shared phones, proxy pool (IPv6 share 0.2, 5 of the 26 on IPv6), identical scripts (a mid-sized room selling a probiotic drink; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, no filler, no orders, spread evenly, 5% of the room's comments (101-113 lines a broadcast), 3 days, 6-18 lines per member over the run, 40 minutes",
			Config: sim.Config{Seed: 3169, Rooms: 8, Days: 3, Duration: 40 * time.Minute, Hard: sim.HardCases{LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "identicalnew", Accounts: 26, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.2, Devices: 6,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingEven, Share: 0.05, Merchants: []int{4}},
				}}},
		{Name: "blind23/attack/two-crews-quiet-fans-and-subnet", Set: SetBlind23,
			Description: "两个团伙跨京东与视频号两个平台，4 天，30 分钟，每个商家 60 名铁粉、买家带数字的评价：“安静粉丝”团伙 24 个老号、4 台共用手机、代理池（IPv6 比例 0.4，24 人中 8 人走 IPv6）、改写 0.8、45% 闲聊、五成比例下单（24 人中 12 人）、15% 自相矛盾，每场抽 4 人、每人 1 条、均匀（占评论的 0.2%–0.7%），五个商家（京东卖雨伞、防晒霜、蛋黄酥，视频号卖牛肉干、碎花连衣裙）共 20 场、80 条，24 人中 16 人两个平台都去过，每人全程 1–7 条；“网段”团伙 18 个新号、每号一机、同一网段（IPv6 比例 0.3，18 人中 4 人走其 IPv6 /64）、改写 0.7、一成闲聊、三成自相矛盾、不下单，只在第 3、4 天，每场抽 10 人、每人 3 条、成批（每场 30 条，占评论的 0.5%–3.5%），在京东一个冷清的服装商家（卖阔腿裤）与视频号一个热闹的化妆品商家（卖面膜），每人全程 3–12 条 / " +
				"two crews over two platforms (jd, shipinhao), 4 days, 30 minutes, 60 loyal fans a merchant, buyers' reviews with numbers: \"quietfans\", 24 aged accounts on 4 shared phones, proxy pool (IPv6 share 0.4, 8 of the 24 on IPv6), paraphrase 0.8, 45% filler, buyers share 0.5 (12 of the 24), 15% contradicting themselves, 4 drawn a broadcast posting 1 each, spread evenly (0.2-0.7% of the comments), five merchants (on jd umbrellas, sunscreen and egg-yolk pastries; on shipinhao beef jerky and floral dresses), 20 broadcasts, 80 lines, 16 of the 24 on both platforms, 1-7 lines per member over the run; and \"subnetpush\", 18 new accounts, a phone each, one subnet (IPv6 share 0.3, 4 of the 18 on its IPv6 /64), paraphrase 0.7, 10% filler, 30% contradicting themselves, no orders, on days 3 and 4 only, 10 drawn a broadcast posting 3 each, in bursts (30 lines a broadcast, 0.5-3.5% of the comments), at a quiet apparel merchant on jd (wide-leg trousers) and a busy cosmetics merchant on shipinhao (face masks), 3-12 lines per member over the run",
			Config: sim.Config{Seed: 3181, Rooms: 10, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"jd", "shipinhao"},
				Hard: sim.HardCases{LoyalFans: 60, Reviews: true},
				Crews: []sim.Crew{
					{Name: "quietfans", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 4, Age: sim.AgeAged, Filler: 0.45, Buyers: 0.5, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 1,
						RoomMembers: 4, Merchants: []int{2, 3, 6, 8, 9}},
					{Name: "subnetpush", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetSubnet, IPv6: 0.3,
						Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 3,
						RoomMembers: 10, Merchants: []int{4, 7}, Days: []int{2, 3}},
				}}},
		{Name: "blind23/organic/loyal-fans-reviews-five-platforms", Set: SetBlind23,
			Description: "只有真实观众：五个平台（抖音、快手、淘宝、小红书、视频号）各 3 个商家共 15 个，连续 7 天开播，每个商家 120 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 20 分钟 / " +
				"organic only: 15 merchants, three on each of five platforms (douyin, kuaishou, taobao, xiaohongshu, shipinhao), broadcasting 7 days in a row, 120 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 20-minute broadcasts",
			Config: sim.Config{Seed: 3186, Rooms: 15, Days: 7, Duration: 20 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu", "shipinhao"},
				Hard:      sim.HardCases{LoyalFans: 120, Reviews: true}}},
		{Name: "blind23/organic/chant-nat-mornings-two-platforms", Set: SetBlind23,
			Description: "只有真实观众：两个平台（京东、B站）的头部直播间（卖每日坚果与羊毛针织开衫）各有 2500 人口号、1000 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，每个商家 60 名铁粉，4 个直播间，连续 3 个上午，9:30 起，每场 50 分钟 / " +
				"organic only: head rooms on two platforms (jd, bilibili; selling mixed nuts and wool cardigans), each with a 2,500-fan chant, 1,000 viewers behind one carrier NAT address, lotteries and floods of \"1\", 60 loyal fans a merchant, 4 rooms, 3 mornings in a row from 9:30, 50-minute broadcasts",
			Config: sim.Config{Seed: 3192, Rooms: 4, Days: 3, Duration: 50 * time.Minute, Start: time.Date(2025, 5, 6, 9, 30, 0, 0, cst),
				Platforms: []string{"jd", "bilibili"}, Hard: sim.HardCases{Chant: 2500, NAT: 1000, LoyalFans: 60}}},
		{Name: "blind23/organic/everything-twenty-rooms-late", Set: SetBlind23,
			Description: "只有真实观众：一个平台（微信）20 个商家（其中九家卖食品），全部疑难场景（头部直播间 400 人口号、300 人共用一个运营商 NAT 地址，每个商家 90 名铁粉，评价），连续 4 个晚上，21:00 起，每场 25 分钟 / " +
				"organic only: 20 merchants on one platform (weixin; nine of them selling food), every hard case (a 400-fan chant and 300 viewers behind one carrier NAT address in the head room, 90 loyal fans a merchant, reviews), 4 evenings in a row from 21:00, 25-minute broadcasts",
			Config: sim.Config{Seed: 3197, Rooms: 20, Days: 4, Duration: 25 * time.Minute, Start: time.Date(2025, 1, 6, 21, 0, 0, 0, cst),
				Platforms: []string{"weixin"}, Hard: sim.HardCases{Chant: 400, NAT: 300, LoyalFans: 90, Reviews: true}}},
	}
}
