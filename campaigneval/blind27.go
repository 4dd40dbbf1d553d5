package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind27 names the twenty-seventh blind set.
const SetBlind27 = "blind27"

// Blind27 returns the twenty-seventh blind scenarios: a thirtieth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (3500 to 3599) and parameter combinations no other set uses. It was kept
// for one run, for an unseen figure of the next detector change, and has
// been run once: its figures are in docs/campaigns.md.
//
// A naive crew of 36 new accounts with identical scripts on one subnet
// (half of them on its IPv6 /64) and six shared phones fills 30% of the
// quietest room of one evening in bursts, among 40 families a merchant
// sharing phones at home. A crew of 24 aged proxy accounts on eight
// phones, three accounts a phone like a family's, posts four to seven
// lines a broadcast, evenly, at one merchant on each of three platforms
// over six days, among the same 50 households a merchant on every
// platform (families across) and buyers' reviews. A phone farm of 120
// new proxy accounts, a phone each, sends 80 members a broadcast into the
// head room, two lines each in bursts, under a 2,500-fan chant, 800
// viewers behind one carrier NAT address and 150 loyal fans. A sparse
// crew of 20 aged proxy accounts on five phones leaves one to three lines
// a broadcast over the 20 quietest of 26 merchants and three evenings,
// among loyal fans and reviews. Forty aged accounts bought in bulk post
// identical scripts through a proxy pool on ten phones, 25 a broadcast,
// three lines each in bursts, at one merchant on each of two platforms
// (pinduoduo, kuaishou). Twenty-six new accounts on one subnet, a phone
// each, keep to 12% of two rooms' comments, evenly, on five mornings,
// among 80 loyal fans and reviews. Two crews work one merchant in turn:
// 50 new accounts with identical scripts on one subnet and four phones
// at a quarter of its comments in bursts on the first two days; then 22
// aged proxy accounts on eleven phones, half their lines chatter, most of
// them buying, 14 a broadcast evenly there and at two more merchants on
// the last two days, among families and loyal fans. And 28 aged proxy
// accounts, a phone each, post one line each, 10 drawn a broadcast in
// bursts, at one merchant on each of five platforms over four late
// evenings, among families across platforms and reviews. Every crew
// posts testimonials about the goods on sale.
//
// Its organic runs have 120 families a merchant, the same households on
// four platforms (douyin, kuaishou, jd, weixin), with 60 loyal fans a
// merchant and reviews over three days; a 5,000-fan chant and 2,000
// viewers behind one carrier NAT address in the head room of one
// 50-minute broadcast; and every hard case with 80 families a merchant
// (not across platforms) on two platforms (douyin, taobao) over five
// afternoons. Every crew leaves something a careful analyst holding all
// the data could go on (texts, numbers, timing, addresses, devices,
// account ages, rooms, platforms); none is made indistinguishable from
// viewers by construction.
func Blind27() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind27/attack/identical-subnet-quiet-room-beside-families", Set: SetBlind27,
			Description: "共用手机的真实家庭旁的朴素团伙：每个商家 40 个家庭（2–4 个账号一部手机，多在一个家庭地址）；36 个新号、同一网段（IPv6 比例 0.5，36 人中 20 人走其 IPv6 /64）、6 台共用手机、相同话术、四分之一自相矛盾、不闲聊、不下单、成批，占最冷清直播间（卖电器）评论的 30%（300 条，每人 8–9 条），6 个直播间，一场 40 分钟 / " +
				"a naive crew beside real families sharing phones: 40 families a merchant (2-4 accounts on one phone, mostly from one home address); 36 new accounts, one subnet (IPv6 share 0.5, 20 of the 36 on its IPv6 /64), 6 shared phones, identical scripts, 25% contradicting themselves, no filler, no orders, in bursts, 30% of the comments of the quietest room (selling electronics; 300 lines, 8-9 per member), 6 rooms, one 40-minute broadcast",
			Config: sim.Config{Seed: 3507, Rooms: 6, Duration: 40 * time.Minute, Hard: sim.HardCases{Families: 40},
				Crews: []sim.Crew{
					{Name: "subnetnaive", Accounts: 36, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.5, Devices: 6,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.3, Reach: 1},
				}}},
		{Name: "blind27/attack/family-size-phones-among-families-across", Set: SetBlind27,
			Description: "一家人大小的手机上的团伙，混在跨平台的真实家庭中：三个平台（抖音、快手、淘宝）各 3 个直播间，各平台同一位置商家的 50 个家庭是同一批家庭（各平台上用同一部手机、同一条家庭宽带），买家带数字的评价；24 个老号、8 台共用手机（每台 3 个号）、代理池（IPv6 比例 0.3，24 人中 5 人走 IPv6）、改写 0.75、30% 闲聊、三成比例下单（24 人中 7 人）、一成自相矛盾，每场 4–7 条、每人一条、均匀（占评论的 0.3%–1.5%），每个平台一个非头部商家（抖音卖食品、快手与淘宝卖化妆品），6 天共 18 场，24 人中 14 人三个平台都去过、8 人去过两个、2 人只去过一个，每人全程 1–6 条，30 分钟 / " +
				"a crew on phones of a family's size among real families across platforms: three platforms (douyin, kuaishou, taobao) with 3 rooms each, the 50 families of the merchants in the same place on every platform the same households (on one phone and one home line everywhere), buyers' reviews with numbers; 24 aged accounts on 8 shared phones (3 accounts a phone), proxy pool (IPv6 share 0.3, 5 of the 24 on IPv6), paraphrase 0.75, 30% filler, buyers share 0.3 (7 of the 24), 10% contradicting themselves, 4-7 lines a broadcast, one per member, spread evenly (0.3-1.5% of the comments), one non-head merchant on each platform (food on douyin, cosmetics on kuaishou and taobao), 6 days (18 broadcasts), 14 of the 24 on all three platforms, 8 on two, 2 on one, 1-6 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3518, Rooms: 9, Days: 6, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Hard: sim.HardCases{Families: 50, FamiliesAcross: true, Reviews: true},
				Crews: []sim.Crew{
					{Name: "householdsize", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 8, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.3, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{4, 7}, Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind27/attack/phone-farm-in-head-room", Set: SetBlind27,
			Description: "头部直播间里的手机农场：卖农产品的头部直播间有 2500 人口号、800 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；120 个新号、每号一机、代理池（IPv6 比例 0.35，上场的 108 人中 42 人走 IPv6）、改写 0.5、20% 闲聊、不下单、两成自相矛盾，每场抽 80 人、每人 2 条、成批（每场 160 条，约占评论的 0.6%），两天中 108 人上场、52 人两天都在，每人全程 2–4 条，4 个直播间，2 天，35 分钟 / " +
				"a phone farm in the head room: the head room sells farm produce and has a 2,500-fan chant, 800 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 120 new accounts, a phone each, proxy pool (IPv6 share 0.35, 42 of the 108 at work on IPv6), paraphrase 0.5, 20% filler, no orders, 20% contradicting themselves, 80 drawn a broadcast posting 2 each, in bursts (160 lines a broadcast, about 0.6% of the comments), 108 at work over the two days and 52 on both, 2-4 lines per member over the run, 4 rooms, 2 days, 35 minutes",
			Config: sim.Config{Seed: 3529, Rooms: 4, Days: 2, Duration: 35 * time.Minute,
				Hard: sim.HardCases{Chant: 2500, NAT: 800, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "phonefarm", Accounts: 120, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeNew, Filler: 0.2, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 80,
						Merchants: []int{0}},
				}}},
		{Name: "blind27/attack/sparse-single-lines-twenty-merchants", Set: SetBlind27,
			Description: "撒在 20 个商家的稀疏团伙，旁有铁粉与买家评价：每个商家 30 名铁粉、买家带数字的评价；20 个老号、5 台共用手机、代理池（IPv6 比例 0.2，20 人中 4 人走 IPv6）、改写 0.85、25% 闲聊、15% 比例下单（20 人中 3 人）、15% 自相矛盾，每场只 1–3 条、每人一条、均匀（占评论的 0.1%–1%），26 个商家中最冷清的 20 个（卖食品、保健食品、药品、医疗器械、化妆品、服装、珠宝、电器），3 个晚上共 60 场，每人全程 2–10 条，20 分钟 / " +
				"a sparse crew spread over 20 merchants, beside loyal fans and buyers' reviews: 30 loyal fans a merchant, buyers' reviews with numbers; 20 aged accounts on 5 shared phones, proxy pool (IPv6 share 0.2, 4 of the 20 on IPv6), paraphrase 0.85, 25% filler, buyers share 0.15 (3 of the 20), 15% contradicting themselves, only 1-3 lines a broadcast, one per member, spread evenly (0.1-1% of the comments), the 20 quietest of 26 merchants (selling food, health food, drugs, medical devices, cosmetics, apparel, jewelry, electronics), 3 evenings (60 broadcasts), 2-10 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3536, Rooms: 26, Days: 3, Duration: 20 * time.Minute, Hard: sim.HardCases{LoyalFans: 30, Reviews: true},
				Crews: []sim.Crew{
					{Name: "singles", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.15, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 3}, Reach: 20},
				}}},
		{Name: "blind27/attack/identical-scripts-proxy-aged-two-platforms", Set: SetBlind27,
			Description: "买来的老号念相同话术、走代理池，跨两个平台：拼多多与快手各 3 个直播间，头部直播间各有 800 人口号、300 人共用一个运营商 NAT 地址；40 个老号、10 台共用手机、代理池（IPv6 比例 0.15，40 人中 7 人走 IPv6）、相同话术、两成自相矛盾、不闲聊、不下单，每场抽 25 人、每人 3 条、成批（每场 75 条，占评论的 4%–14%），拼多多一个卖电器的商家与快手一个卖医疗器械的商家，3 天共 6 场，40 人中 36 人两个平台都去过，每人全程 3–18 条，30 分钟 / " +
				"bought aged accounts reciting identical scripts through a proxy pool over two platforms: pinduoduo and kuaishou with 3 rooms each, each head room with an 800-fan chant and 300 viewers behind one carrier NAT address; 40 aged accounts on 10 shared phones, proxy pool (IPv6 share 0.15, 7 of the 40 on IPv6), identical scripts, 20% contradicting themselves, no filler, no orders, 25 drawn a broadcast posting 3 each, in bursts (75 lines a broadcast, 4-14% of the comments), a merchant selling electronics on pinduoduo and one selling medical devices on kuaishou, 3 days (6 broadcasts), 36 of the 40 on both platforms, 3-18 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3541, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"pinduoduo", "kuaishou"},
				Hard: sim.HardCases{Chant: 800, NAT: 300},
				Crews: []sim.Crew{
					{Name: "boughtaccounts", Accounts: 40, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.15, Devices: 10,
						Age: sim.AgeAged, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3, RoomMembers: 25, Merchants: []int{2, 3}},
				}}},
		{Name: "blind27/attack/even-subnet-crew-five-mornings", Set: SetBlind27,
			Description: "五个上午均匀刷屏的同网段新号团伙，旁有铁粉与买家评价：每个商家 80 名铁粉、买家带数字的评价；26 个新号、每号一机、同一网段（IPv6 比例 0.6，26 人中 14 人走其 IPv6 /64）、改写 0.4、10% 闲聊、不下单、三成自相矛盾、均匀，占两个直播间评论的 12%（每场 95–136 条），一个卖日用品、一个卖杂货的商家，连续 5 个上午（8:30 起）共 10 场，每人全程 34–56 条，7 个直播间，30 分钟 / " +
				"a crew of new accounts on one subnet posting evenly on five mornings, beside loyal fans and buyers' reviews: 80 loyal fans a merchant, buyers' reviews with numbers; 26 new accounts, a phone each, one subnet (IPv6 share 0.6, 14 of the 26 on its IPv6 /64), paraphrase 0.4, 10% filler, no orders, 30% contradicting themselves, spread evenly, 12% of the comments of two rooms (95-136 lines a broadcast), a merchant selling household goods and one selling general goods, 5 mornings in a row from 8:30 (10 broadcasts), 34-56 lines per member over the run, 7 rooms, 30 minutes",
			Config: sim.Config{Seed: 3553, Rooms: 7, Days: 5, Duration: 30 * time.Minute, Start: time.Date(2025, 10, 13, 8, 30, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "morningsubnet", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet, IPv6: 0.6,
						Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingEven, Share: 0.12, Merchants: []int{2, 5}},
				}}},
		{Name: "blind27/attack/two-crews-blast-then-closers", Set: SetBlind27,
			Description: "两个团伙先后守一个卖电器的商家，旁有家庭与铁粉：每个商家 30 个共用手机的家庭、50 名铁粉，3 天，30 分钟；“开场”团伙 50 个新号、同一网段（IPv6 比例 0.2，50 人中 6 人走其 IPv6 /64）、4 台共用手机、相同话术、35% 自相矛盾、不闲聊、不下单，只在第 1–2 天、成批占该直播间评论的四分之一（每场 883–1517 条，每人全程 47–49 条）；“收尾”团伙 22 个老号、11 台共用手机、代理池（IPv6 比例 0.4，22 人中 12 人走 IPv6）、改写 0.9、50% 闲聊、六成比例下单（22 人中 15 人下过单）、5% 自相矛盾，只在第 2–3 天、每场抽 14 人、每人 4 条、均匀（每场 56 条，占评论的 1%–8%），在该商家与另外两个商家（卖医疗器械与化妆品）共 6 场，每人全程 4–24 条 / " +
				"two crews in turn at one merchant selling electronics, beside families and loyal fans: 30 families sharing phones and 50 loyal fans a merchant, 3 days, 30 minutes; \"opening\", 50 new accounts, one subnet (IPv6 share 0.2, 6 of the 50 on its IPv6 /64), 4 shared phones, identical scripts, 35% contradicting themselves, no filler, no orders, on days 1-2 only, in bursts at a quarter of the room's comments (883-1517 lines a broadcast, 47-49 per member over the run); and \"closing\", 22 aged accounts on 11 shared phones, proxy pool (IPv6 share 0.4, 12 of the 22 on IPv6), paraphrase 0.9, 50% filler, buyers share 0.6 (15 of the 22 ordered), 5% contradicting themselves, on days 2-3 only, 14 drawn a broadcast posting 4 each, spread evenly (56 lines a broadcast, 1-8% of the comments), there and at two other merchants (medical devices and cosmetics), 6 broadcasts, 4-24 lines per member over the run",
			Config: sim.Config{Seed: 3564, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Families: 30, LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "opening", Accounts: 50, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.2, Devices: 4,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, Share: 0.25, Merchants: []int{3}, Days: []int{0, 1}},
					{Name: "closing", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 11, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.6, Contradict: 0.05, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 14, Merchants: []int{3, 5, 6}, Days: []int{1, 2}},
				}}},
		{Name: "blind27/attack/one-line-each-five-platforms-nights", Set: SetBlind27,
			Description: "跨五个平台、每人每场只说一句的老号团伙，混在跨平台的家庭与买家评价中：五个平台（抖音、快手、淘宝、小红书、视频号）各 2 个直播间，各平台同一位置商家的 25 个家庭是同一批家庭，买家带数字的评价；28 个老号、每号一机、代理池（IPv6 比例 0.5，28 人中 12 人走 IPv6）、改写 0.6、35% 闲聊、四成比例下单（28 人中 11 人下过单）、三成自相矛盾，每场抽 10 人、每人 1 条、成批（每场 10 条，占评论的 0.1%–2.8%），每个平台一个非头部商家（卖农产品、化妆品、化妆品、服装、医疗器械），连续 4 个晚上（21:00 起）共 20 场，28 人中 12 人五个平台都去过、10 人去过四个、6 人去过三个，每人全程 4–12 条，25 分钟 / " +
				"a crew of aged accounts saying one line each a broadcast over five platforms, among families across platforms and buyers' reviews: five platforms (douyin, kuaishou, taobao, xiaohongshu, shipinhao) with 2 rooms each, the 25 families of the merchants in the same place on every platform the same households, buyers' reviews with numbers; 28 aged accounts, a phone each, proxy pool (IPv6 share 0.5, 12 of the 28 on IPv6), paraphrase 0.6, 35% filler, buyers share 0.4 (11 of the 28 ordered), 30% contradicting themselves, 10 drawn a broadcast posting 1 each, in bursts (10 lines a broadcast, 0.1-2.8% of the comments), one non-head merchant on each platform (selling farm produce, cosmetics, cosmetics, apparel, medical devices), 4 evenings in a row from 21:00 (20 broadcasts), 12 of the 28 on all five platforms, 10 on four, 6 on three, 4-12 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3577, Rooms: 10, Days: 4, Duration: 25 * time.Minute, Start: time.Date(2025, 8, 18, 21, 0, 0, 0, cst),
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu", "shipinhao"},
				Hard:      sim.HardCases{Families: 25, FamiliesAcross: true, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fiveplat", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.35, Buyers: 0.4, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 1,
						RoomMembers: 10, Merchants: []int{5, 6, 7, 8, 9}},
				}}},
		{Name: "blind27/organic/families-across-four-platforms", Set: SetBlind27,
			Description: "只有真实观众：四个平台（抖音、快手、京东、微信）各 2 个直播间，每个商家 120 个共用手机的家庭，各平台同一位置商家的家庭是同一批家庭（各平台上用同一部手机、同一条家庭宽带），每个商家 60 名铁粉，买家带数字的评价，3 天，每场 30 分钟 / " +
				"organic only: four platforms (douyin, kuaishou, jd, weixin) with 2 rooms each, 120 families sharing phones a merchant, the families of the merchants in the same place on every platform the same households (on one phone and one home line everywhere), 60 loyal fans a merchant, buyers' reviews with numbers, 3 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 3583, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou", "jd", "weixin"},
				Hard: sim.HardCases{Families: 120, FamiliesAcross: true, LoyalFans: 60, Reviews: true}}},
		{Name: "blind27/organic/chant-5000-nat-2000", Set: SetBlind27,
			Description: "只有真实观众：一个平台 3 个直播间，头部直播间有 5000 人口号、2000 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，一场 50 分钟 / " +
				"organic only: one platform with 3 rooms, the head room with a 5,000-fan chant, 2,000 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", one 50-minute broadcast",
			Config: sim.Config{Seed: 3589, Rooms: 3, Duration: 50 * time.Minute, Hard: sim.HardCases{Chant: 5000, NAT: 2000}}},
		{Name: "blind27/organic/everything-families-afternoons", Set: SetBlind27,
			Description: "只有真实观众：两个平台（抖音、淘宝）各 3 个直播间连续五个下午开播（14:00 起），全部疑难场景（每个头部直播间 1200 人口号、400 人共用一个运营商 NAT 地址，每个商家 100 名铁粉，买家评价），另有每个商家 80 个共用手机的家庭（不跨平台），每场 25 分钟 / " +
				"organic only: two platforms (douyin, taobao) with 3 rooms each broadcasting five afternoons in a row from 14:00, every hard case (a 1,200-fan chant and 400 viewers behind one carrier NAT address in each head room, 100 loyal fans a merchant, buyers' reviews), and 80 families sharing phones a merchant (not across platforms), 25-minute broadcasts",
			Config: sim.Config{Seed: 3596, Rooms: 6, Days: 5, Duration: 25 * time.Minute, Start: time.Date(2025, 5, 10, 14, 0, 0, 0, cst),
				Platforms: []string{"douyin", "taobao"},
				Hard:      sim.HardCases{Chant: 1200, NAT: 400, LoyalFans: 100, Families: 80, Reviews: true}}},
	}
}
