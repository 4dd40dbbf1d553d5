package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind20 names the twentieth blind set.
const SetBlind20 = "blind20"

// Blind20 returns the twentieth blind scenarios: a twenty-third set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2800 to 2899) and parameter combinations no other set uses, kept for
// one run, for an unseen figure of the next detector change, and has been
// run once: its figures are in docs/campaigns.md.
//
// It leans toward sparse crews, five of its eight leaving most of their
// members only one or two scripted lines over the whole run. A naive crew
// of 48 new accounts on one subnet, reciting identical scripts, posts one
// to three lines a broadcast, one per member, seconds apart, in each of
// the 28 quietest of 32 rooms on one evening. 36 aged proxy accounts on
// only six phones post two or three lines a broadcast, spread evenly, in
// the head rooms and the next room of three platforms (douyin, kuaishou,
// shipinhao) over four days, among a 1,200-fan chant and 80 loyal fans a
// merchant, some of their members on two or three platforms. 30 new proxy
// accounts, a phone each, paraphrasing heavily, chatting and buying, post
// three to five lines a broadcast at one mid-sized kitchenware merchant
// over twelve lunchtimes, beside buyers' reviews with numbers. 60 aged
// accounts on one subnet, lightly paraphrasing, post exactly two lines a
// broadcast, two members seconds apart, over the 20 quietest of 22
// merchants on two platforms (kuaishou, taobao) and three lunchtimes. And
// 40 aged proxy accounts on eight phones, half their lines chatter, half
// of them buying, send two members a broadcast to ten of sixteen
// merchants over five days, among loyal fans and buyers' reviews.
//
// The other three crews are of other kinds: 28 new accounts on one subnet
// (mostly on its IPv6 /64) and four phones recite identical scripts, the
// jelly case's "35 jin" and "16.6 jin" among them, spread evenly rather
// than in bursts, at a quarter of the comments of a snack room and a
// power-bank room over two days; 80 aged proxy accounts on sixteen phones,
// 50 drawn a broadcast, post one line each in bursts in the food head
// rooms of two platforms (pinduoduo, weixin) over three days, under a
// 2,500-fan chant, 1,200 viewers behind one carrier NAT address, 150 loyal
// fans, lotteries and floods of "1"; and 24 new proxy accounts on six
// phones recite identical scripts, five to eight lines a broadcast, one
// per member, in bursts, at six non-head merchants of two platforms
// (bilibili, jd) over four days, some of them buying.
//
// Its organic runs have 2,600-fan chants and 1,800 viewers behind one
// carrier NAT address in the head rooms of three platforms (douyin,
// kuaishou, shipinhao) over two 50-minute broadcasts; 650 loyal fans a
// merchant, many of them fans of both merchants of their platform, with
// buyers' reviews, over five platforms (taobao, pinduoduo, xiaohongshu,
// bilibili, weixin) and seven days; and every hard case on nine early
// mornings over two platforms (douyin, jd): a 900-fan chant and 350
// viewers behind one NAT address in each head room, 120 loyal fans a
// merchant, reviews. Every crew leaves something a careful analyst
// holding all the data could go on (texts, numbers, timing, addresses,
// devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction.
func Blind20() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind20/attack/sparse-identical-subnet-28-quiet-rooms", Set: SetBlind20,
			Description: "一个晚上撒遍最冷清的 28 个直播间、人人只说一两句的稀疏朴素团伙：48 个新号（当晚 31 人上场）、每号一机、同一网段（IPv6 比例 0.25，31 人中 9 人走其 IPv6 /64）、相同话术（各直播间按所卖货品说同样的标准句）、三成自相矛盾、不闲聊、不下单，32 个商家中最冷清的 28 个同时开播，每场只 1–3 条、每人一条、相隔数秒成批发出（占评论的 0.07%–0.75%），每人全程 1–4 条（13 人 1 条、11 人 2 条），一场 30 分钟 / " +
				"a sparse naive crew spread over the 28 quietest rooms in one evening, each member saying a line or two: 48 new accounts (31 at work that evening), a phone each, one subnet (IPv6 share 0.25, 9 of the 31 on its IPv6 /64), identical scripts (the same canonical lines for the goods of each room), 30% contradicting themselves, no filler, no orders, the 28 quietest of 32 merchants broadcasting at the same time, only 1-3 lines a broadcast, one per member, posted seconds apart in a burst (0.07-0.75% of the comments), 1-4 lines per member (13 members 1 line, 11 members 2), one 30-minute broadcast",
			Config: sim.Config{Seed: 2803, Rooms: 32, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "onenight", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.25,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{1, 3}, Reach: 28},
				}}},
		{Name: "blind20/attack/sparse-six-phones-busy-rooms-three-platforms", Set: SetBlind20,
			Description: "在三个平台（抖音、快手、视频号）的头部直播间与每个平台另一个直播间低频出没、只用 6 台手机的老号团伙，旁有口号与铁粉：每个头部直播间 1200 人口号、每个商家 80 名铁粉、抽奖与“扣1”刷屏；36 个老号（29 人上场）共用 6 台手机、代理池（IPv6 比例 0.15，29 人中 3 人走 IPv6）、改写 0.6、20% 闲聊、三成比例下单（29 人中 8 人）、15% 自相矛盾，每场只 2–3 条、每人一条、均匀（占评论的 0.01%–0.33%），6 个商家（两个卖家居用品、一个卖果冻的头部直播间，另有卖数码配件、家纺、蛋黄酥的各一个）4 天共 24 场，每人全程 1–5 条（其中话术 0–4 条，11 人只 1 条、9 人 2 条），29 人中 15 人去过两三个平台，35 分钟 / " +
				"a low-rate crew of aged accounts on only 6 phones in the head rooms and one other room of three platforms (douyin, kuaishou, shipinhao), beside a chant and loyal fans: a 1,200-fan chant in each head room, 80 loyal fans a merchant, lotteries and floods of \"1\"; 36 aged accounts (29 at work) sharing 6 phones, proxy pool (IPv6 share 0.15, 3 of the 29 on IPv6), paraphrase 0.6, 20% filler, buyers share 0.3 (8 of the 29), 15% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly (0.01-0.33% of the comments), 6 merchants (head rooms selling household goods, household goods and jelly; and one room each selling phone accessories, bedding and egg-yolk pastries) over 4 days (24 broadcasts), 1-5 lines per member (0-4 of them scripted; 11 members 1 scripted line, 9 members 2), 15 of the 29 on two or three platforms, 35 minutes",
			Config: sim.Config{Seed: 2811, Rooms: 9, Days: 4, Duration: 35 * time.Minute, Platforms: []string{"douyin", "kuaishou", "shipinhao"},
				Hard: sim.HardCases{Chant: 1200, LoyalFans: 80},
				Crews: []sim.Crew{
					{Name: "busysparse", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 6, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Merchants: []int{0, 1, 2, 3, 4, 5}},
				}}},
		{Name: "blind20/attack/sparse-new-accounts-one-merchant-twelve-lunchtimes", Set: SetBlind20,
			Description: "十二个中午只守一个商家、人人只说一两句的新号团伙，旁有买家带数字的评价：30 个新号（24 人上场）、每号一机、代理池（IPv6 比例 0.5，24 人中 12 人走 IPv6）、重度改写 0.9、30% 闲聊、四成比例下单（24 人中 8 人）、两成自相矛盾，每场只 3–5 条、每人一条、均匀（占评论的 0.4%–1%），一个卖厨具（麦饭石不粘锅）的中等商家连续 12 个中午（12:30 起）共 12 场，每人全程 1–4 条（其中话术 0–4 条，13 人只 1 条），20 分钟 / " +
				"a crew of new accounts keeping to one merchant over twelve lunchtimes, each member saying a line or two, beside buyers' reviews with numbers: 30 new accounts (24 at work), a phone each, proxy pool (IPv6 share 0.5, 12 of the 24 on IPv6), heavy paraphrase 0.9, 30% filler, buyers share 0.4 (8 of the 24), 20% contradicting themselves, only 3-5 lines a broadcast, one per member, spread evenly (0.4-1% of the comments), one mid-sized merchant selling kitchenware (non-stick pans) on 12 lunchtimes in a row from 12:30 (12 broadcasts), 1-4 lines per member (0-4 of them scripted; 13 members 1 scripted line), 20 minutes",
			Config: sim.Config{Seed: 2817, Rooms: 6, Days: 12, Duration: 20 * time.Minute, Start: time.Date(2025, 10, 13, 12, 30, 0, 0, cst),
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "slowdrip", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeNew, Filler: 0.3, Buyers: 0.4, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{3, 5}, Merchants: []int{3}},
				}}},
		{Name: "blind20/attack/sparse-pairs-aged-subnet-two-platforms", Set: SetBlind20,
			Description: "两两出场、走同一网段的老号稀疏团伙，跨两个平台：60 个老号（55 人上场）、每号一机、同一网段（IPv6 比例 0.1，55 人中 5 人走其 IPv6 /64）、轻度改写 0.3、10% 闲聊、5% 比例下单（1 人）、两成自相矛盾，每场恰好 2 条、由 2 名成员相隔数秒先后发出（占评论的 0.15%–0.56%），快手、淘宝共 22 个商家中最冷清的 20 个（两个头部直播间之外的全部），连续 3 个中午（12:00 起）共 60 场，每个商家 25 名铁粉，每人全程 1–5 条（17 人 1 条话术、24 人 2 条），55 人中 28 人两个平台都去过，25 分钟 / " +
				"a sparse crew of aged accounts on one subnet working in pairs over two platforms: 60 aged accounts (55 at work), a phone each, one subnet (IPv6 share 0.1, 5 of the 55 on its IPv6 /64), light paraphrase 0.3, 10% filler, buyers share 0.05 (1 member), 20% contradicting themselves, exactly 2 lines a broadcast, posted by 2 members seconds apart (0.15-0.56% of the comments), the 20 quietest of 22 merchants on kuaishou and taobao (all but the two head rooms) on 3 lunchtimes in a row from 12:00 (60 broadcasts), 25 loyal fans a merchant, 1-5 lines per member (17 members 1 scripted line, 24 members 2), 28 of the 55 on both platforms, 25 minutes",
			Config: sim.Config{Seed: 2824, Rooms: 22, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"kuaishou", "taobao"},
				Start: time.Date(2025, 8, 18, 12, 0, 0, 0, cst), Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "subnetpairs", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetSubnet, IPv6: 0.1,
						Age: sim.AgeAged, Filler: 0.1, Buyers: 0.05, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 2}, Reach: 20},
				}}},
		{Name: "blind20/attack/sparse-camouflage-eight-phones-ten-merchants", Set: SetBlind20,
			Description: "人多话少、一半是闲聊且常下单的伪装团伙，旁有铁粉与买家带数字的评价：每个商家 50 名铁粉；40 个老号（39 人上场）共用 8 台手机、代理池（IPv6 比例 0.3，39 人中 8 人走 IPv6）、改写 0.75、五成闲聊、五成比例下单（39 人中 19 人）、一成自相矛盾，每场只上 2 人、共 2–4 条、均匀（占评论的 0.06%–0.75%），一个平台 16 个商家中的 10 个（卖化妆品、服装、食品、保健食品、药品、电器）5 天共 50 场，每人全程 1–8 条（其中话术 0–5 条，11 人 1 条、11 人 2 条），30 分钟 / " +
				"a camouflaged crew with many accounts saying little, half of it chatter, often buying, beside loyal fans and buyers' reviews with numbers: 50 loyal fans a merchant; 40 aged accounts (39 at work) sharing 8 phones, proxy pool (IPv6 share 0.3, 8 of the 39 on IPv6), paraphrase 0.75, 50% filler, buyers share 0.5 (19 of the 39), 10% contradicting themselves, only 2 members a broadcast posting 2-4 lines between them, spread evenly (0.06-0.75% of the comments), 10 of the 16 merchants of one platform (cosmetics, apparel, food, health food, drugs, electronics) over 5 days (50 broadcasts), 1-8 lines per member (0-5 of them scripted; 11 members 1 scripted line, 11 members 2), 30 minutes",
			Config: sim.Config{Seed: 2836, Rooms: 16, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "shopfiller", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 8, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 4}, RoomMembers: 2, Merchants: []int{1, 2, 4, 6, 7, 9, 10, 12, 13, 15}},
				}}},
		{Name: "blind20/attack/identical-spread-subnet-ipv6-two-merchants", Set: SetBlind20,
			Description: "不成批、均匀铺满整场的朴素团伙：28 个新号、同一网段（IPv6 比例 0.6，28 人中 17 人走其 IPv6 /64）、4 台共用手机、相同话术（卖每日坚果的直播间人人都说同样的“瘦35斤”或“瘦16.6斤”，卖充电宝的直播间人人都说同样的“回购第3次”或“回购第6次”）、35% 自相矛盾、不闲聊、不下单、均匀，占该直播间评论的 25%（每场 249–806 条），两个商家（卖零食与卖充电宝）2 天共 4 场，每人全程 53–87 条，40 分钟 / " +
				"a naive crew spread evenly over the whole broadcast instead of in bursts: 28 new accounts, one subnet (IPv6 share 0.6, 17 of the 28 on its IPv6 /64), 4 shared phones, identical scripts (in the room selling mixed nuts everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\", in the room selling power banks the same \"bought it for the 3rd time\" or \"the 6th time\"), 35% contradicting themselves, no filler, no orders, spread evenly, 25% of the room's comments (249-806 lines a broadcast), two merchants (snacks and power banks) over 2 days (4 broadcasts), 53-87 lines per member over the run, 40 minutes",
			Config: sim.Config{Seed: 2842, Rooms: 6, Days: 2, Duration: 40 * time.Minute,
				Crews: []sim.Crew{
					{Name: "spreadcopy", Accounts: 28, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.6, Devices: 4,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingEven, Share: 0.25, Merchants: []int{3, 5}},
				}}},
		{Name: "blind20/attack/head-rooms-nat-1200-one-line-each", Set: SetBlind20,
			Description: "藏在两个平台头部直播间、每场每人只一句的老号团伙：拼多多与微信的头部直播间（都卖食品：全麦面包、果冻）各有 2500 人口号、1200 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；80 个老号共用 16 台手机、代理池（IPv6 比例 0.2，80 人中 14 人走 IPv6）、改写 0.5、30% 闲聊、15% 比例下单（80 人中 9 人）、四分之一自相矛盾，每场抽 50 人、每人 1 条、成批（每场 50 条，约占评论的 0.13%），3 天共 6 场，每人全程 1–6 条（其中话术 0–5 条，16 人 1 条、18 人 2 条），80 人中 72 人两个平台都去过，45 分钟 / " +
				"a crew of aged accounts hidden in the head rooms of two platforms, one line per member a broadcast: the head rooms on pinduoduo and weixin (both selling food: wholemeal bread, jelly) each have a 2,500-fan chant, 1,200 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 80 aged accounts sharing 16 phones, proxy pool (IPv6 share 0.2, 14 of the 80 on IPv6), paraphrase 0.5, 30% filler, buyers share 0.15 (9 of the 80), 25% contradicting themselves, 50 drawn a broadcast posting 1 each, in bursts (50 lines a broadcast, about 0.13% of the comments), 3 days (6 broadcasts), 1-6 lines per member (0-5 of them scripted; 16 members 1 scripted line, 18 members 2), 72 of the 80 on both platforms, 45 minutes",
			Config: sim.Config{Seed: 2859, Rooms: 5, Days: 3, Duration: 45 * time.Minute, Platforms: []string{"pinduoduo", "weixin"},
				Hard: sim.HardCases{Chant: 2500, NAT: 1200, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headone", Accounts: 80, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 16, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.15, Contradict: 0.25, Timing: sim.TimingBurst,
						PerAccount: 1, RoomMembers: 50, Merchants: []int{0, 1}},
				}}},
		{Name: "blind20/attack/identical-few-per-room-six-merchants-two-platforms", Set: SetBlind20,
			Description: "每场只发几条相同话术、跨两个平台的新号团伙：24 个新号共用 6 台手机、代理池（IPv6 比例 0.2，24 人中 5 人走 IPv6）、相同话术、四成自相矛盾、不闲聊、两成比例下单（24 人中 8 人），每场 5–8 条、每人一条、成批（占评论的 0.09%–1.8%），B站与京东共 6 个非头部商家（卖螺蛳粉、服装、水果、家纺、数码配件、面霜）4 天共 24 场，每人全程 3–11 条，24 人两个平台都去过，30 分钟 / " +
				"a crew of new accounts posting a few identical lines a broadcast over two platforms: 24 new accounts sharing 6 phones, proxy pool (IPv6 share 0.2, 5 of the 24 on IPv6), identical scripts, 40% contradicting themselves, no filler, buyers share 0.2 (8 of the 24), 5-8 lines a broadcast, one per member, in bursts (0.09-1.8% of the comments), 6 non-head merchants on bilibili and jd (river-snail noodles, apparel, fruit, bedding, phone accessories, face cream) over 4 days (24 broadcasts), 3-11 lines per member over the run, all 24 on both platforms, 30 minutes",
			Config: sim.Config{Seed: 2867, Rooms: 10, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"bilibili", "jd"},
				Crews: []sim.Crew{
					{Name: "copyfew", Accounts: 24, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.2, Devices: 6,
						Age: sim.AgeNew, Buyers: 0.2, Contradict: 0.4, Timing: sim.TimingBurst,
						RoomComments: [2]int{5, 8}, Merchants: []int{2, 3, 4, 5, 7, 8}},
				}}},
		{Name: "blind20/organic/chant-2600-nat-1800-three-platforms", Set: SetBlind20,
			Description: "只有真实观众：三个平台（抖音、快手、视频号）的头部直播间各有 2600 人口号、1800 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，6 个直播间，2 天，每场 50 分钟 / " +
				"organic only: head rooms on three platforms (douyin, kuaishou, shipinhao), each with a 2,600-fan chant, 1,800 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 6 rooms, 2 days of 50-minute broadcasts",
			Config: sim.Config{Seed: 2881, Rooms: 6, Days: 2, Duration: 50 * time.Minute, Platforms: []string{"douyin", "kuaishou", "shipinhao"},
				Hard: sim.HardCases{Chant: 2600, NAT: 1800}}},
		{Name: "blind20/organic/loyal-fans-650-five-platforms-seven-days", Set: SetBlind20,
			Description: "只有真实观众：五个平台（淘宝、拼多多、小红书、B站、微信）各 2 个商家，每个商家 650 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是两个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，连续 7 天，每场 20 分钟 / " +
				"organic only: 2 merchants on each of five platforms (taobao, pinduoduo, xiaohongshu, bilibili, weixin), 650 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of both merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 7 days in a row of 20-minute broadcasts",
			Config: sim.Config{Seed: 2888, Rooms: 10, Days: 7, Duration: 20 * time.Minute,
				Platforms: []string{"taobao", "pinduoduo", "xiaohongshu", "bilibili", "weixin"},
				Hard:      sim.HardCases{LoyalFans: 650, Reviews: true}}},
		{Name: "blind20/organic/everything-early-mornings-nine-days", Set: SetBlind20,
			Description: "只有真实观众：两个平台（抖音、京东）共 8 个直播间连续九个清晨开播（7:00 起），全部疑难场景（每个头部直播间 900 人口号、350 人共用一个运营商 NAT 地址，每个商家 120 名铁粉，买家带数字的评价），每场 25 分钟 / " +
				"organic only: 8 rooms on two platforms (douyin, jd) broadcasting nine early mornings in a row from 7:00, every hard case (a 900-fan chant and 350 viewers behind one carrier NAT address in each head room, 120 loyal fans a merchant, buyers' reviews with numbers), 25-minute broadcasts",
			Config: sim.Config{Seed: 2895, Rooms: 8, Days: 9, Duration: 25 * time.Minute, Platforms: []string{"douyin", "jd"},
				Start: time.Date(2025, 3, 3, 7, 0, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 900, NAT: 350, LoyalFans: 120, Reviews: true}}},
	}
}
