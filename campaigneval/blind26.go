package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind26 names the twenty-sixth blind set.
const SetBlind26 = "blind26"

// Blind26 returns the twenty-sixth blind scenarios: a twenty-ninth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (3400 to 3499) and parameter combinations no other set uses. It was kept
// for one run, for an unseen figure of the next detector change, and has
// been run once: its figures are in docs/campaigns.md.
//
// A crew close to the naive jelly case (40 new accounts reciting
// identical scripts in bursts at 35% of the comments of the quietest
// room, which sells bread, so that everyone copies the case's "35 jin"
// and "16.6 jin") sits on one subnet, ten of its members on the subnet's
// IPv6 /64, and six phones, among 30 families a merchant who share a
// phone each. A crew of 18 aged proxy accounts on six phones of three
// accounts each, the size of a family's, posts five to seven lines a
// broadcast, spread evenly, in the four quietest rooms of two platforms
// (douyin, kuaishou) over four days, among 40 families a merchant who are
// the same households on both platforms, on one phone and one home line,
// and 20 loyal fans a merchant. A crew of 28 new accounts, a phone each,
// on one subnet, 16 of them on its IPv6 /64, half-paraphrases three lines
// each in bursts in one cosmetics room over three days beside buyers'
// reviews. A sparse crew of 20 aged proxy accounts, a phone each, leaves
// one to three lines a broadcast in the 16 quietest of 20 rooms on four
// evenings, among 30 loyal fans a merchant. A crew of 50 new accounts on
// one subnet and ten phones posts three lines each in bursts in a head
// room under a 2,500-fan chant and 800 viewers behind one carrier NAT
// address. A crew of 30 aged proxy accounts on ten phones of three, 14 a
// broadcast, two lines each spread evenly, works one merchant on each of
// three platforms (pinduoduo, taobao, douyin) over three days, beside 25
// families a merchant and buyers' reviews. Two crews work one cosmetics
// merchant on three mornings: 24 new proxy accounts on four phones with
// identical scripts at 20% of the room's comments in bursts on the first
// morning; and 12 aged proxy accounts, a phone each, paraphrasing almost
// always, chatting half the time, half of them buying, four lines each
// spread evenly, on the next two mornings, there and at a second
// cosmetics merchant, among 50 loyal fans a merchant. And a small crew of
// eight aged proxy accounts on three phones (two or three accounts each),
// half of them on IPv6, two lines each a broadcast, works one household
// goods merchant on seven days among 50 families, 40 loyal fans a
// merchant and buyers' reviews. Every member of every crew posts at least
// two scripted lines over its run (checked by generating the events), and
// every crew posts testimonials about the goods on sale.
//
// Its organic runs have 80 families a merchant, the same households on
// three platforms (douyin, kuaishou, xiaohongshu), with 60 loyal fans a
// merchant and buyers' reviews over four days; a 2,000-fan chant, 400
// viewers behind one carrier NAT address and 40 families a merchant on
// two platforms (taobao, bilibili) over two days; and 150 loyal fans a
// merchant, many of them fans of several merchants, 20 families a
// merchant and buyers' reviews over sixteen merchants and five
// lunchtimes. Every crew leaves something a careful analyst holding all
// the data could go on (texts, numbers, timing, addresses, devices,
// account ages, rooms, platforms); none is made indistinguishable from
// viewers by construction.
func Blind26() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind26/attack/identical-subnet-quiet-bread-room-beside-families", Set: SetBlind26,
			Description: "接近燃咔果冻案的朴素团伙，旁有共用手机的真实家庭：每个商家 30 个家庭（2–4 个账号一部手机）；40 个新号、同一网段（IPv6 比例 0.25，40 人中 10 人走其 IPv6 /64）、6 台共用手机（每台 6–7 个号）、相同话术（最冷清的直播间卖全麦面包，人人都说同样的“瘦35斤”或“瘦16.6斤”）、四分之一自相矛盾、不闲聊、不下单、成批，占该直播间评论的 35%（每场 443–470 条，每人全程 22–24 条），2 天，40 分钟 / " +
				"a crew close to the naive jelly case, beside real families sharing phones: 30 families a merchant (2-4 accounts on one phone); 40 new accounts, one subnet (IPv6 share 0.25, 10 of the 40 on its IPv6 /64), 6 shared phones (6-7 accounts each), identical scripts (the quietest room sells wholemeal bread; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), a quarter contradicting themselves, no filler, no orders, in bursts, 35% of the room's comments (443-470 lines a broadcast, 22-24 per member over the run), 2 days, 40 minutes",
			Config: sim.Config{Seed: 3403, Rooms: 6, Days: 2, Duration: 40 * time.Minute, Hard: sim.HardCases{Families: 30},
				Crews: []sim.Crew{
					{Name: "quietroom", Accounts: 40, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.25, Devices: 6,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.35, Reach: 1},
				}}},
		{Name: "blind26/attack/family-size-phones-among-families-across", Set: SetBlind26,
			Description: "一家人大小的手机上的低频团伙，混在跨平台的真实家庭中：抖音与快手两个平台，每个商家 40 个家庭（2–4 个账号一部手机），两个平台同一位置商家的家庭是同一批家庭（各平台上同一部手机、同一条家庭宽带），另有每个商家 20 名铁粉；18 个老号、6 台共用手机（每台 3 个号）、代理池（IPv6 比例 0.3，18 人中 4 人走 IPv6）、改写 0.75、25% 闲聊、三成比例下单（18 人中 6 人下过单）、15% 自相矛盾，每场 5–7 条、每人一条、均匀（占评论的 0.6%–1.5%），8 个商家中最冷清的 4 个（抖音上一家卖充电宝、两家卖雨伞，快手上一家卖自热火锅），4 天共 16 场，18 人中 16 人两个平台都去过，每人全程 3–10 条，30 分钟 / " +
				"a low-rate crew on phones of a family's size, among real families across platforms: two platforms (douyin, kuaishou), 40 families a merchant (2-4 accounts on one phone), the families of the same-placed merchant on both platforms being the same households (one phone and one home line on every platform), and 20 loyal fans a merchant; 18 aged accounts on 6 shared phones (3 accounts each), proxy pool (IPv6 share 0.3, 4 of the 18 on IPv6), paraphrase 0.75, 25% filler, buyers share 0.3 (6 of the 18 ordered), 15% contradicting themselves, 5-7 lines a broadcast, one per member, spread evenly (0.6-1.5% of the comments), the 4 quietest of 8 merchants (on douyin one selling power banks and two selling umbrellas, on kuaishou one selling self-heating hotpot), 4 days (16 broadcasts), 16 of the 18 on both platforms, 3-10 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3411, Rooms: 8, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Families: 40, FamiliesAcross: true, LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "householdsize", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 6, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{5, 7}, Reach: 4},
				}}},
		{Name: "blind26/attack/ipv6-subnet-new-accounts-cosmetics-reviews", Set: SetBlind26,
			Description: "多走 IPv6 的同网段新号团伙，旁有买家带数字的评价：28 个新号、每号一机、同一网段（IPv6 比例 0.7，28 人中 16 人走其 IPv6 /64）、轻度改写 0.5、两成自相矛盾、不闲聊、不下单，全员每场每人 3 条、成批（每场 84 条，占评论的 6%–8%），一个卖卸妆水的化妆品商家 3 天，每人全程 9 条，35 分钟 / " +
				"a subnet crew of new accounts mostly on IPv6, beside buyers' reviews with numbers: 28 new accounts, a phone each, one subnet (IPv6 share 0.7, 16 of the 28 on its IPv6 /64), light paraphrase 0.5, 20% contradicting themselves, no filler, no orders, every member 3 lines a broadcast, in bursts (84 lines a broadcast, 6-8% of the comments), one cosmetics merchant selling make-up remover over 3 days, 9 lines per member over the run, 35 minutes",
			Config: sim.Config{Seed: 3418, Rooms: 7, Days: 3, Duration: 35 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "v6subnet", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet, IPv6: 0.7,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3, Merchants: []int{3}},
				}}},
		{Name: "blind26/attack/sparse-sixteen-merchants-four-evenings", Set: SetBlind26,
			Description: "撒在 16 个商家的稀疏老号团伙，旁有铁粉：每个商家 30 名铁粉；20 个老号、每号一机、代理池（IPv6 比例 0.2，20 人中 3 人走 IPv6）、重度改写 0.85、20% 闲聊、15% 比例下单（20 人中 5 人下过单）、两成自相矛盾，每场只 1–3 条、每人一条、均匀（占评论的 0.1%–0.8%），20 个商家中最冷清的 16 个（卖食品、保健食品、日用品、农产品、服装、医疗器械、杂货），连续 4 个晚上共 64 场，每人去 3–9 个直播间、全程 3–10 条，25 分钟 / " +
				"a sparse crew of aged accounts spread over 16 merchants, beside loyal fans: 30 loyal fans a merchant; 20 aged accounts, a phone each, proxy pool (IPv6 share 0.2, 3 of the 20 on IPv6), heavy paraphrase 0.85, 20% filler, buyers share 0.15 (5 of the 20 ordered), 20% contradicting themselves, only 1-3 lines a broadcast, one per member, spread evenly (0.1-0.8% of the comments), the 16 quietest of 20 merchants (food, health food, household goods, farm produce, apparel, a medical device, general goods) on 4 evenings in a row (64 broadcasts), 3-9 rooms and 3-10 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3426, Rooms: 20, Days: 4, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 30},
				Crews: []sim.Crew{
					{Name: "sixteen", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 3}, Reach: 16},
				}}},
		{Name: "blind26/attack/subnet-crew-under-chant-and-nat", Set: SetBlind26,
			Description: "藏在口号与 NAT 人群下的同网段新号团伙：卖保健食品（蛋白粉）的头部直播间有 2500 人口号、800 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏；50 个新号、同一网段（IPv6 比例 0.15，50 人中 5 人走其 IPv6 /64）、10 台共用手机（每台 5 个号）、轻度改写 0.4、三成自相矛盾、不闲聊、不下单，全员每人 3 条、成批（共 150 条，约占该直播间评论的 0.3%），3 个直播间，一场 60 分钟 / " +
				"a subnet crew of new accounts hidden under a chant and a NAT crowd: the head room sells health food (protein powder) and has a 2,500-fan chant, 800 viewers behind one carrier NAT address, lotteries and floods of \"1\"; 50 new accounts, one subnet (IPv6 share 0.15, 5 of the 50 on its IPv6 /64), 10 shared phones (5 accounts each), light paraphrase 0.4, 30% contradicting themselves, no filler, no orders, every member 3 lines, in bursts (150 lines, about 0.3% of the room's comments), 3 rooms, one 60-minute broadcast",
			Config: sim.Config{Seed: 3437, Rooms: 3, Duration: 60 * time.Minute, Hard: sim.HardCases{Chant: 2500, NAT: 800},
				Crews: []sim.Crew{
					{Name: "headsubnet", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet, IPv6: 0.15,
						Devices: 10, Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0}},
				}}},
		{Name: "blind26/attack/three-platforms-trios-beside-families", Set: SetBlind26,
			Description: "跨三个平台、三号一机的老号团伙，旁有共用手机的真实家庭与买家评价：每个商家 25 个家庭（2–4 个账号一部手机）、买家带数字的评价；30 个老号、10 台共用手机（每台 3 个号）、代理池（IPv6 比例 0.35，30 人中 13 人走 IPv6）、改写 0.6、20% 闲聊、四成比例下单（30 人中 12 人下过单）、三成自相矛盾，每场抽 14 人、每人 2 条、均匀（每场 28 条，占评论的 2%–5%），拼多多（卖蓝莓）、淘宝（卖收纳箱）、抖音（卖果冻）各一个非头部商家，3 天共 9 场，30 人中 13 人三个平台都去过、17 人去过两个，每人全程 4–14 条，30 分钟 / " +
				"a crew of aged accounts three to a phone over three platforms, beside real families sharing phones and buyers' reviews: 25 families a merchant (2-4 accounts on one phone), buyers' reviews with numbers; 30 aged accounts on 10 shared phones (3 accounts each), proxy pool (IPv6 share 0.35, 13 of the 30 on IPv6), paraphrase 0.6, 20% filler, buyers share 0.4 (12 of the 30 ordered), 30% contradicting themselves, 14 drawn a broadcast posting 2 each, spread evenly (28 lines a broadcast, 2-5% of the comments), one non-head merchant each on pinduoduo (blueberries), taobao (storage boxes) and douyin (jelly), 3 days (9 broadcasts), 13 of the 30 on all three platforms, 17 on two, 4-14 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3442, Rooms: 9, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"pinduoduo", "taobao", "douyin"},
				Hard: sim.HardCases{Families: 25, Reviews: true},
				Crews: []sim.Crew{
					{Name: "trios", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.35,
						Devices: 10, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.4, Contradict: 0.3, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 14, Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind26/attack/two-crews-opening-and-follow-up-mornings", Set: SetBlind26,
			Description: "两个团伙先后守同一个卖化妆品（玻尿酸精华液）的商家，连续三个上午，9:30 起，每场 45 分钟，每个商家 50 名铁粉：“开场”团伙 24 个新号、4 台共用手机（每台 6 个号）、代理池（IPv6 比例 0.3，24 人中 13 人走 IPv6）、相同话术（人人都说同样的“白了3个度”或“白了5个度”）、35% 自相矛盾、不闲聊、不下单，只在第 1 天、成批，占该直播间评论的 20%（220 条，每人 9–10 条）；“跟进”团伙 12 个老号、每号一机、代理池（IPv6 比例 0.4，12 人中 5 人走 IPv6）、改写 0.9、50% 闲聊、六成比例下单（12 人中 6 人）、一成自相矛盾，只在第 2–3 天、全员每场每人 4 条、均匀（每场 48 条，占评论的 2%–6%），在该商家与另一个化妆品商家（卖补水面膜），每人全程 16 条 / " +
				"two crews in turn at one merchant selling cosmetics (hyaluronic serum) on three mornings in a row from 9:30, 45-minute broadcasts, 50 loyal fans a merchant: \"opening\", 24 new accounts on 4 shared phones (6 accounts each), proxy pool (IPv6 share 0.3, 13 of the 24 on IPv6), identical scripts (everyone says the same \"3 shades fairer\" or \"5 shades fairer\"), 35% contradicting themselves, no filler, no orders, on day 1 only, in bursts, 20% of the room's comments (220 lines, 9-10 per member); and \"follow-up\", 12 aged accounts, a phone each, proxy pool (IPv6 share 0.4, 5 of the 12 on IPv6), paraphrase 0.9, 50% filler, buyers share 0.6 (6 of the 12), 10% contradicting themselves, on days 2-3 only, every member 4 lines a broadcast, spread evenly (48 lines a broadcast, 2-6% of the comments), there and at a second cosmetics merchant (sheet masks), 16 lines per member over the run",
			Config: sim.Config{Seed: 3455, Rooms: 6, Days: 3, Duration: 45 * time.Minute, Start: time.Date(2025, 10, 14, 9, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "opening", Accounts: 24, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.3, Devices: 4,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, Share: 0.2, Merchants: []int{2}, Days: []int{0}},
					{Name: "followup", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.6, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{2, 5}, Days: []int{1, 2}},
				}}},
		{Name: "blind26/attack/small-crew-seven-days-among-families", Set: SetBlind26,
			Description: "混在共用手机的家庭、铁粉与买家评价中的小团伙：每个商家 50 个家庭（2–4 个账号一部手机）、40 名铁粉、买家带数字的评价；8 个老号共用 3 台手机（每台 2–3 个号）、代理池（IPv6 比例 0.5，8 人中 4 人走 IPv6）、改写 0.7、三成闲聊、五成比例下单（8 人中 5 人）、四分之一自相矛盾，全员场场必到、每人每场 2 条、均匀（每场 16 条，占评论的 2%–3%），一个卖保温杯的日用品商家连续 7 天，每人全程 14 条，25 分钟 / " +
				"a small crew among families sharing phones, loyal fans and buyers' reviews: 50 families a merchant (2-4 accounts on one phone), 40 loyal fans a merchant, buyers' reviews with numbers; 8 aged accounts sharing 3 phones (2-3 accounts each), proxy pool (IPv6 share 0.5, 4 of the 8 on IPv6), paraphrase 0.7, 30% filler, buyers share 0.5 (5 of the 8), a quarter contradicting themselves, every member at every broadcast, 2 lines each, spread evenly (16 lines a broadcast, 2-3% of the comments), one household-goods merchant selling vacuum flasks on 7 days in a row, 14 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3461, Rooms: 5, Days: 7, Duration: 25 * time.Minute,
				Hard: sim.HardCases{Families: 50, LoyalFans: 40, Reviews: true},
				Crews: []sim.Crew{
					{Name: "smallcrew", Accounts: 8, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.5,
						Devices: 3, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.5, Contradict: 0.25, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{1}},
				}}},
		{Name: "blind26/organic/families-across-three-platforms-fans-reviews", Set: SetBlind26,
			Description: "只有真实观众：三个平台（抖音、快手、小红书）共 9 个商家，每个商家 80 个共用手机的家庭（2–4 个账号一部手机，多在一个家庭地址），三个平台同一位置商家的家庭是同一批家庭（各平台上同一部手机、同一条家庭宽带），每个商家 60 名铁粉场场必到，买家带数字的评价，4 天，每场 30 分钟 / " +
				"organic only: 9 merchants on three platforms (douyin, kuaishou, xiaohongshu), 80 families a merchant sharing phones (2-4 accounts on one phone, mostly from one home address), the families of the same-placed merchant on every platform being the same households (one phone and one home line on every platform), 60 loyal fans a merchant at every broadcast, buyers' reviews with numbers, 4 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 3479, Rooms: 9, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou", "xiaohongshu"},
				Hard: sim.HardCases{Families: 80, FamiliesAcross: true, LoyalFans: 60, Reviews: true}}},
		{Name: "blind26/organic/chant-nat-families-two-platforms", Set: SetBlind26,
			Description: "只有真实观众：两个平台（淘宝、B站）的头部直播间各有 2000 人口号、400 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，每个商家 40 个共用手机的家庭（2–4 个账号一部手机），6 个直播间，2 天，每场 45 分钟 / " +
				"organic only: head rooms on two platforms (taobao, bilibili), each with a 2,000-fan chant, 400 viewers behind one carrier NAT address, lotteries and floods of \"1\", 40 families a merchant sharing phones (2-4 accounts on one phone), 6 rooms, 2 days of 45-minute broadcasts",
			Config: sim.Config{Seed: 3486, Rooms: 6, Days: 2, Duration: 45 * time.Minute, Platforms: []string{"taobao", "bilibili"},
				Hard: sim.HardCases{Chant: 2000, NAT: 400, Families: 40}}},
		{Name: "blind26/organic/loyal-fans-families-sixteen-lunchtimes", Set: SetBlind26,
			Description: "只有真实观众：一个平台 16 个商家连续五个中午开播（12:00 起），每个商家 150 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，每个商家 20 个共用手机的家庭（2–4 个账号一部手机），买家带数字的评价，每场 20 分钟 / " +
				"organic only: 16 merchants on one platform broadcasting five lunchtimes in a row from 12:00, 150 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, 20 families a merchant sharing phones (2-4 accounts on one phone), buyers' reviews with numbers, 20-minute broadcasts",
			Config: sim.Config{Seed: 3494, Rooms: 16, Days: 5, Duration: 20 * time.Minute, Start: time.Date(2025, 5, 19, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 150, Families: 20, Reviews: true}}},
	}
}
