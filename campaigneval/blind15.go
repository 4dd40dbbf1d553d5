package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind15 names the fifteenth blind set.
const SetBlind15 = "blind15"

// Blind15 returns the fifteenth blind scenarios: an eighteenth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2300 to 2399) and parameter combinations no other set uses. Most of
// its crews are loud and work while the head rooms of their platform are
// full of ordinary viewers: chants by thousands of fans, hundreds of
// viewers behind one carrier NAT address, loyal fans, lotteries, floods
// of "1" and, on runs of several days, buyers' reviews with numbers.
//
// A crew of 28 new accounts on one subnet and three phones recites
// identical scripts in bursts at 75% of the comments of the quietest room
// over two 20-minute lunchtimes, while the head room of the same platform
// holds a 2,500-fan chant and 300 viewers behind one NAT address. A crew
// of 45 aged accounts, a phone each, on one subnet (18 of them on its
// IPv6 /64), lightly paraphrasing weight-loss scripts, keeps to 60% of a
// quiet food room's comments spread evenly over two long evenings of two
// and a half hours, beside the head rooms of two platforms (kuaishou,
// taobao) with 110,000 organic comments a broadcast. Two crews work one
// platform (douyin) over four days: 40 new accounts on one subnet and
// eight phones, barely paraphrasing, at 55% of two merchants' comments in
// bursts on the last three days; and 16 aged proxy accounts that leave
// two or three lines a broadcast, one per member, over nine other
// merchants on all four days. Two more crews share three platforms
// (douyin, pinduoduo, xiaohongshu): 50 new accounts on one subnet and six
// phones reciting identical scripts spread evenly at 80% of a douyin
// room's comments; and ten aged proxy accounts posting two to five lines
// a broadcast in bursts over six merchants, two on each platform, eight
// of the ten on all three. A crew of 60 new proxy accounts on ten phones,
// 25 drawn a broadcast, holds half of the comments of one merchant's room
// on each of five platforms (douyin, kuaishou, weixin, jd, bilibili) over
// two days, nine of its members on all five. A crew of 150 aged proxy
// accounts, a phone each, lightly paraphrasing, posts a fifth of the
// comments of a weixin head room itself in one 90-minute late-night
// broadcast, under a 2,000-fan chant and 250 viewers behind one NAT
// address. Two crews work two platforms (kuaishou, jd) over six
// 15-minute mornings: 24 new accounts on one subnet and two phones reciting
// identical scripts in bursts at 65% of a kuaishou room's comments on two
// of the mornings; and nine aged proxy accounts sharing two phones,
// paraphrasing heavily, chatting and buying, two or three lines a
// broadcast over four merchants on both platforms, every member on both.
// And a camouflaged crew of 36 aged proxy accounts on twelve phones, a
// third of its lines filler, 20 of the 36 buying, half of them
// contradicting themselves, keeps to 45% of a cosmetics room's comments
// spread evenly over two 70-minute evenings beside a 3,000-fan chant.
// Every member of every crew posts at least two scripted lines over its
// run (checked by generating the events), and every crew posts
// testimonials about the goods on sale.
//
// Its organic runs are large and busy, with every hard case: four
// platforms (douyin, kuaishou, taobao, weixin), twelve rooms and two
// one-hour evenings with 3,500-fan chants, 800 viewers behind one NAT
// address in each head room and 150 loyal fans a merchant; six platforms
// (douyin, kuaishou, bilibili, xiaohongshu, pinduoduo, jd), eighteen rooms
// and four days of 20-minute broadcasts with 2,000-fan chants, 1,200
// viewers behind one NAT address and 250 loyal fans a merchant; and three
// platforms (shipinhao, taobao, douyin), nine rooms and three 45-minute
// afternoons with 5,000-fan chants, 2,000 viewers behind one NAT address
// and 600 loyal fans a merchant, many of them fans of several merchants;
// all with buyers' reviews with numbers. Every crew leaves something a
// careful analyst holding all the data could go on (texts, numbers,
// timing, addresses, devices, account ages, rooms, platforms); none is
// made indistinguishable from viewers by construction. It was run once,
// after the changes to the script webs' chance rate and to buyers in
// lockstep, this version and the one before them scored at the same
// moment, for an unseen figure (docs/campaigns.md); it is now used.
func Blind15() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind15/attack/lunch-identical-75pct-beside-head-room", Set: SetBlind15,
			Description: "午间短场的朴素团伙，同平台头部直播间同时满是真实观众：头部直播间有 2500 人口号、300 人共用一个运营商 NAT 地址、每个商家 50 名铁粉、买家带数字的评价、抽奖与“扣1”刷屏；28 个新号、同一 /24 网段、3 台共用手机、相同话术、四分之一自相矛盾、不闲聊、不下单、成批，占最冷清直播间（卖四件套的家居商家）评论的 75%（每场约 1110–1160 条，每人全程 80–82 条），6 个直播间，2 天，中午 12 点起每场 20 分钟 / " +
				"a naive crew in short lunchtime broadcasts while the head room of the same platform is full of viewers: the head room has a 2,500-fan chant, 300 viewers behind one carrier NAT address, 50 loyal fans a merchant, buyers' reviews with numbers, lotteries and floods of \"1\"; 28 new accounts, one /24, 3 shared phones, identical scripts, a quarter contradicting themselves, no filler, no orders, in bursts, 75% of the comments of the quietest room (a household merchant selling bedding; about 1,110-1,160 lines a broadcast, 80-82 per member over the run), 6 rooms, 2 days, 20-minute broadcasts from noon",
			Config: sim.Config{Seed: 2307, Rooms: 6, Days: 2, Duration: 20 * time.Minute, Start: time.Date(2025, 8, 4, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{Chant: 2500, NAT: 300, LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "shortblast", Accounts: 28, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 3,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.75, Reach: 1},
				}}},
		{Name: "blind15/attack/long-evening-aged-subnet-60pct", Set: SetBlind15,
			Description: "两个平台（快手、淘宝）长场晚间的老号团伙：两个头部直播间各有 1800 人口号、500 人共用一个运营商 NAT 地址、每个商家 80 名铁粉、买家评价（每场约 11 万条真实评论）；45 个老号、每号一机、同一网段（IPv6 比例 0.5，45 人中 18 人走其 IPv6 /64）、轻度改写 0.3、15% 自相矛盾、不闲聊、不下单、均匀，占快手上最冷清直播间（卖黑芝麻丸的食品商家，减肥话术）评论的 60%（每场约 4060–4750 条，每人全程 175–221 条），6 个直播间，2 天，每场 150 分钟 / " +
				"a crew of aged accounts over long evenings on two platforms (kuaishou, taobao): both head rooms have an 1,800-fan chant, 500 viewers behind one carrier NAT address, 80 loyal fans a merchant and buyers' reviews (about 110,000 organic comments a broadcast); 45 aged accounts, a phone each, one subnet (IPv6 share 0.5, 18 of the 45 on its IPv6 /64), light paraphrase 0.3, 15% contradicting themselves, no filler, no orders, spread evenly, 60% of the comments of the quietest room on kuaishou (a food merchant selling black sesame balls, weight-loss scripts; about 4,060-4,750 lines a broadcast, 175-221 per member over the run), 6 rooms, 2 days, 150-minute broadcasts",
			Config: sim.Config{Seed: 2314, Rooms: 6, Days: 2, Duration: 150 * time.Minute, Platforms: []string{"kuaishou", "taobao"},
				Hard: sim.HardCases{Chant: 1800, NAT: 500, LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "longhaul", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeAged, Contradict: 0.15, Timing: sim.TimingEven, Share: 0.6, Reach: 1},
				}}},
		{Name: "blind15/attack/chorus-two-merchants-and-drizzle-nine", Set: SetBlind15,
			Description: "同一平台（抖音）两个团伙，旁有全部疑难场景（头部直播间 1200 人口号、150 人共用 NAT 地址，每个商家 35 名铁粉，买家评价），14 个直播间，4 天，30 分钟：“合唱”团伙 40 个新号、同一网段（IPv6 比例 0.15，40 人中 8 人走其 IPv6 /64）、8 台共用手机、几乎不改写 0.25、三成自相矛盾、成批，只在第 2–4 天，占两个商家（卖精华液的化妆品商家、卖自热火锅的食品商家）评论的 55%（每场约 850–1520 条，每人全程 176–179 条）；“毛毛雨”团伙 16 个老号、每号一机、代理池（IPv6 比例 0.3，16 人中 10 人走 IPv6）、改写 0.75、20% 闲聊、20% 比例下单（16 人中 2 人）、一成自相矛盾、均匀，每场只 2–3 条、每人一条（占评论的 0.2%–0.6%），另外 9 个商家 4 天共 36 场，每人去 3–10 场、全程话术 2–9 条 / " +
				"two crews on one platform (douyin), beside every hard case (a 1,200-fan chant and 150 viewers behind one NAT address in the head room, 35 loyal fans a merchant, buyers' reviews), 14 rooms, 4 days, 30 minutes: \"chorus\", 40 new accounts, one subnet (IPv6 share 0.15, 8 of the 40 on its IPv6 /64), 8 shared phones, barely paraphrased 0.25, 30% contradicting themselves, in bursts, on days 2-4 only, 55% of the comments of two merchants (cosmetics selling serum, food selling self-heating hot pot; about 850-1,520 lines a broadcast, 176-179 per member over the run); and \"drizzle\", 16 aged accounts, a phone each, proxy pool (IPv6 share 0.3, 10 of the 16 on IPv6), paraphrase 0.75, 20% filler, buyers share 0.2 (2 of the 16), 10% contradicting themselves, spread evenly, only 2-3 lines a broadcast, one per member (0.2-0.6% of the comments), over 9 other merchants on all 4 days (36 broadcasts), 3-10 broadcasts and 2-9 scripted lines per member",
			Config: sim.Config{Seed: 2322, Rooms: 14, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin"},
				Hard: sim.HardCases{Chant: 1200, NAT: 150, LoyalFans: 35, Reviews: true},
				Crews: []sim.Crew{
					{Name: "chorus", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.15,
						Devices: 8, Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.55, Merchants: []int{3, 7}, Days: []int{1, 2, 3}},
					{Name: "drizzle", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingEven, RoomComments: [2]int{2, 3},
						Merchants: []int{1, 2, 4, 5, 6, 8, 9, 10, 11}},
				}}},
		{Name: "blind15/attack/even-flood-80pct-and-sparse-three-apps", Set: SetBlind15,
			Description: "三个平台（抖音、拼多多、小红书）两个团伙，旁有三个头部直播间的 900 人口号、120 人共用 NAT 地址、每个商家 20 名铁粉，12 个直播间，3 天，25 分钟：“均匀刷屏”团伙 50 个新号、同一网段（IPv6 比例 0.3，50 人中 15 人走其 IPv6 /64）、6 台共用手机、相同话术、35% 自相矛盾、不闲聊、不下单、均匀，占抖音上一个卖不粘锅的家居直播间评论的 80%（每场约 3590–4800 条，每人全程 215–292 条）；“三平台”团伙 10 个老号、每号一机、代理池（IPv6 比例 0.2，10 人中 4 人走 IPv6）、改写 0.6、三成自相矛盾、不闲聊、不下单、成批，每场只 2–5 条、每人一条，六个商家（每个平台两个：服装、珠宝大直播间、保健食品、电器、化妆品、电器）3 天共 18 场，10 人中 8 人三个平台都去过、2 人去过两个，每人全程 5–10 条 / " +
				"two crews on three platforms (douyin, pinduoduo, xiaohongshu), beside a 900-fan chant, 120 viewers behind one NAT address in each of the three head rooms and 20 loyal fans a merchant, 12 rooms, 3 days, 25 minutes: \"evenflood\", 50 new accounts, one subnet (IPv6 share 0.3, 15 of the 50 on its IPv6 /64), 6 shared phones, identical scripts, 35% contradicting themselves, no filler, no orders, spread evenly, 80% of the comments of a douyin household room selling non-stick pans (about 3,590-4,800 lines a broadcast, 215-292 per member over the run); and \"threeapps\", 10 aged accounts, a phone each, proxy pool (IPv6 share 0.2, 4 of the 10 on IPv6), paraphrase 0.6, 30% contradicting themselves, no filler, no orders, in bursts, only 2-5 lines a broadcast, one per member, over six merchants, two a platform (apparel, a big jewellery room, health food, electronics, cosmetics, electronics), 3 days (18 broadcasts), 8 of the 10 on all three platforms and 2 on two, 5-10 lines per member over the run",
			Config: sim.Config{Seed: 2329, Rooms: 12, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"douyin", "pinduoduo", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 900, NAT: 120, LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "evenflood", Accounts: 50, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 6,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingEven, Share: 0.8, Merchants: []int{6}},
					{Name: "threeapps", Accounts: 10, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Contradict: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{2, 5},
						Merchants: []int{3, 4, 5, 9, 10, 11}},
				}}},
		{Name: "blind15/attack/five-platforms-half-share", Set: SetBlind15,
			Description: "跨五个平台（抖音、快手、微信、京东、B站）的大声团伙，旁有全部疑难场景（每个头部直播间 600 人口号、80 人共用 NAT 地址，每个商家 15 名铁粉，买家评价），10 个直播间，2 天，50 分钟：60 个新号、10 台共用手机、代理池（IPv6 比例 0.1，60 人中 13 人走 IPv6）、轻度改写 0.35、10% 闲聊、两成自相矛盾、不下单、成批，每场抽 25 人，占每个平台上一个非头部商家（农产品、电器、保健食品、服装、食品）评论的一半（每场约 750–1900 条），60 人中 9 人五个平台都去过、19 人去过四个、18 人三个、12 人两个、2 人一个，每人全程 36–366 条 / " +
				"a loud crew over five platforms (douyin, kuaishou, weixin, jd, bilibili), beside every hard case (a 600-fan chant and 80 viewers behind one NAT address in each head room, 15 loyal fans a merchant, buyers' reviews), 10 rooms, 2 days, 50 minutes: 60 new accounts, 10 shared phones, proxy pool (IPv6 share 0.1, 13 of the 60 on IPv6), light paraphrase 0.35, 10% filler, 20% contradicting themselves, no orders, in bursts, 25 drawn a broadcast, half of the comments of one non-head merchant on each platform (farm produce, electronics, health food, apparel, food; about 750-1,900 lines a broadcast), 9 of the 60 on all five platforms, 19 on four, 18 on three, 12 on two, 2 on one, 36-366 lines per member over the run",
			Config: sim.Config{Seed: 2336, Rooms: 10, Days: 2, Duration: 50 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "weixin", "jd", "bilibili"},
				Hard:      sim.HardCases{Chant: 600, NAT: 80, LoyalFans: 15, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fiveapps", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.35, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 10, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.2, Timing: sim.TimingBurst, Share: 0.5, RoomMembers: 25,
						Merchants: []int{5, 6, 7, 8, 9}},
				}}},
		{Name: "blind15/attack/crew-inside-late-night-head-room", Set: SetBlind15,
			Description: "深夜头部直播间里的大团伙：两个平台（抖音、微信），4 个直播间，一场 90 分钟（21:30 起），两个头部直播间各有 2000 人口号、250 人共用一个运营商 NAT 地址、每个商家 40 名铁粉、抽奖与“扣1”刷屏；150 个老号、每号一机、代理池（IPv6 比例 0.2，150 人中 37 人走 IPv6）、轻度改写 0.3、一成自相矛盾、不闲聊、不下单、均匀，占微信头部直播间（卖猕猴桃的农产品商家，约 5.2 万条真实评论）评论的 20%（共 12874 条，每人 54–116 条） / " +
				"a big crew inside a late-night head room: two platforms (douyin, weixin), 4 rooms, one 90-minute broadcast from 21:30, both head rooms with a 2,000-fan chant, 250 viewers behind one carrier NAT address, 40 loyal fans a merchant, lotteries and floods of \"1\"; 150 aged accounts, a phone each, proxy pool (IPv6 share 0.2, 37 of the 150 on IPv6), light paraphrase 0.3, 10% contradicting themselves, no filler, no orders, spread evenly, 20% of the comments of the weixin head room (farm produce, kiwi fruit, about 52,000 organic comments; 12,874 lines, 54-116 per member)",
			Config: sim.Config{Seed: 2343, Rooms: 4, Duration: 90 * time.Minute, Platforms: []string{"douyin", "weixin"},
				Start: time.Date(2025, 8, 8, 21, 30, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 2000, NAT: 250, LoyalFans: 40},
				Crews: []sim.Crew{
					{Name: "headroom", Accounts: 150, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Contradict: 0.1, Timing: sim.TimingEven, Share: 0.2, Merchants: []int{1}},
				}}},
		{Name: "blind15/attack/morning-identical-and-sparse-two-apps", Set: SetBlind15,
			Description: "两个平台（快手、京东）连续 6 个上午（9 点起、每场 15 分钟）的两个团伙，旁有头部直播间 700 人口号、200 人共用 NAT 地址、每个商家 60 名铁粉、买家评价，10 个直播间：“早场刷屏”团伙 24 个新号、同一 /24 网段、2 台共用手机、相同话术、两成自相矛盾、不下单、成批，只在第 3–4 天，占快手上一个卖玻尿酸精华液的化妆品直播间评论的 65%（每场约 660–800 条，每人全程 60–62 条）；“两平台”团伙 9 个老号共用 2 台手机、代理池（IPv6 比例 0.4，9 人中 3 人走 IPv6）、重度改写 0.85、20% 闲聊、三成比例下单（9 人中 6 人下过单）、两成自相矛盾、均匀，每场只 2–3 条、每人一条，四个商家（快手：橄榄油、手机壳；京东：金手链、叶黄素）6 天共 24 场，9 人全都两个平台都去过，每人去 5–9 场、全程话术 3–8 条 / " +
				"two crews on two platforms (kuaishou, jd) over 6 mornings in a row (15-minute broadcasts from 9:00), beside a 700-fan chant and 200 viewers behind one NAT address in the head rooms, 60 loyal fans a merchant and buyers' reviews, 10 rooms: \"morningburst\", 24 new accounts, one /24, 2 shared phones, identical scripts, 20% contradicting themselves, no orders, in bursts, on days 3-4 only, 65% of the comments of a kuaishou cosmetics room selling hyaluronic serum (about 660-800 lines a broadcast, 60-62 per member over the run); and \"twoapps\", 9 aged accounts sharing 2 phones, proxy pool (IPv6 share 0.4, 3 of the 9 on IPv6), heavy paraphrase 0.85, 20% filler, buyers share 0.3 (6 of the 9 ordered), 20% contradicting themselves, spread evenly, only 2-3 lines a broadcast, one per member, over four merchants (kuaishou: olive oil, phone cases; jd: a gold bracelet, lutein), 6 days (24 broadcasts), all 9 on both platforms, 5-9 broadcasts and 3-8 scripted lines per member",
			Config: sim.Config{Seed: 2351, Rooms: 10, Days: 6, Duration: 15 * time.Minute, Platforms: []string{"kuaishou", "jd"},
				Start: time.Date(2025, 8, 11, 9, 0, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 700, NAT: 200, LoyalFans: 60, Reviews: true},
				Crews: []sim.Crew{
					{Name: "morningburst", Accounts: 24, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 2,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, Share: 0.65, Merchants: []int{4}, Days: []int{2, 3}},
					{Name: "twoapps", Accounts: 9, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 2, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{2, 3},
						Merchants: []int{2, 3, 6, 7}},
				}}},
		{Name: "blind15/attack/camouflaged-buyers-45pct-beside-chant-3000", Set: SetBlind15,
			Description: "伪装而大声的团伙，同平台头部直播间有 3000 人口号、400 人共用一个运营商 NAT 地址、每个商家 25 名铁粉、抽奖与“扣1”刷屏：36 个老号、12 台共用手机、代理池（IPv6 比例 0.6，36 人中 21 人走 IPv6）、改写 0.5、35% 闲聊、六成比例下单（36 人中 20 人下过单）、五成自相矛盾、均匀，每场抽 34 人，占一个卖卸妆水的化妆品直播间评论的 45%（每场约 2740–3230 条，每人全程 82–209 条，其中话术 52–138 条），5 个直播间，2 天，每场 70 分钟 / " +
				"a camouflaged yet loud crew while the head room of the same platform has a 3,000-fan chant, 400 viewers behind one carrier NAT address, 25 loyal fans a merchant, lotteries and floods of \"1\": 36 aged accounts on 12 shared phones, proxy pool (IPv6 share 0.6, 21 of the 36 on IPv6), paraphrase 0.5, 35% filler, buyers share 0.6 (20 of the 36 ordered), half contradicting themselves, spread evenly, 34 drawn a broadcast, 45% of the comments of a cosmetics room selling make-up remover (about 2,740-3,230 lines a broadcast, 82-209 per member over the run, 52-138 of them scripted), 5 rooms, 2 days, 70-minute broadcasts",
			Config: sim.Config{Seed: 2358, Rooms: 5, Days: 2, Duration: 70 * time.Minute,
				Hard: sim.HardCases{Chant: 3000, NAT: 400, LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "dressed", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.6,
						Devices: 12, Age: sim.AgeAged, Filler: 0.35, Buyers: 0.6, Contradict: 0.5, Timing: sim.TimingEven, Share: 0.45,
						RoomMembers: 34, Merchants: []int{2}},
				}}},
		{Name: "blind15/organic/four-platforms-hour-every-hard-case", Set: SetBlind15,
			Description: "只有真实观众：四个平台（抖音、快手、淘宝、微信）12 个直播间，全部疑难场景：每个头部直播间 3500 人口号、800 人共用一个运营商 NAT 地址（每人 2–4 条），每个商家 150 名铁粉场场必到，买家带数字的评价，抽奖与“扣1”刷屏，2 天，每场 60 分钟 / " +
				"organic only: 12 rooms on four platforms (douyin, kuaishou, taobao, weixin), every hard case: a 3,500-fan chant and 800 viewers behind one carrier NAT address (2-4 comments each) in each head room, 150 loyal fans a merchant at every broadcast, buyers' reviews with numbers, lotteries and floods of \"1\", 2 days of 60-minute broadcasts",
			Config: sim.Config{Seed: 2373, Rooms: 12, Days: 2, Duration: 60 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao", "weixin"},
				Hard: sim.HardCases{Chant: 3500, NAT: 800, LoyalFans: 150, Reviews: true}}},
		{Name: "blind15/organic/six-platforms-short-four-days", Set: SetBlind15,
			Description: "只有真实观众：六个平台（抖音、快手、B站、小红书、拼多多、京东）18 个直播间，全部疑难场景：每个头部直播间 2000 人口号、1200 人共用一个运营商 NAT 地址，每个商家 250 名铁粉（许多人同时是同平台几个商家的铁粉），买家带数字的评价，4 天，每场 20 分钟 / " +
				"organic only: 18 rooms on six platforms (douyin, kuaishou, bilibili, xiaohongshu, pinduoduo, jd), every hard case: a 2,000-fan chant and 1,200 viewers behind one carrier NAT address in each head room, 250 loyal fans a merchant (many of them fans of several merchants of their platform), buyers' reviews with numbers, 4 days of 20-minute broadcasts",
			Config: sim.Config{Seed: 2381, Rooms: 18, Days: 4, Duration: 20 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "bilibili", "xiaohongshu", "pinduoduo", "jd"},
				Hard:      sim.HardCases{Chant: 2000, NAT: 1200, LoyalFans: 250, Reviews: true}}},
		{Name: "blind15/organic/three-platforms-chant-5000-afternoons", Set: SetBlind15,
			Description: "只有真实观众：三个平台（视频号、淘宝、抖音）9 个直播间连续三个下午（14 点起）开播，全部疑难场景：每个头部直播间 5000 人口号、2000 人共用一个运营商 NAT 地址，每个商家 600 名铁粉（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉），买家带数字的评价，每场 45 分钟 / " +
				"organic only: 9 rooms on three platforms (shipinhao, taobao, douyin) broadcasting three afternoons in a row from 14:00, every hard case: a 5,000-fan chant and 2,000 viewers behind one carrier NAT address in each head room, 600 loyal fans a merchant (drawn from the platform's 5,000 viewers, so many are fans of several merchants), buyers' reviews with numbers, 45-minute broadcasts",
			Config: sim.Config{Seed: 2392, Rooms: 9, Days: 3, Duration: 45 * time.Minute, Platforms: []string{"shipinhao", "taobao", "douyin"},
				Start: time.Date(2025, 8, 18, 14, 0, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 5000, NAT: 2000, LoyalFans: 600, Reviews: true}}},
	}
}
