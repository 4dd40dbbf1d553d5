package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind24 names the twenty-fourth blind set.
const SetBlind24 = "blind24"

// Blind24 returns the twenty-fourth blind scenarios: a twenty-seventh
// set, written from the task's list of attack variants and organic
// look-alikes and from the simulator alone, without sight of the
// detector, with seeds (3200 to 3299) and parameter combinations no other
// set uses. It was kept for one run, for an unseen figure of the next
// detector change, and has been run once: its figures are in
// docs/campaigns.md.
//
// A crew close to the naive jelly case (40 new accounts reciting
// identical scripts on one subnet, in bursts, at 30% of a food room's
// comments over two days, everyone copying the case's "35 jin" and "16.6
// jin") puts half of its members on the subnet's IPv6 /64 and five
// accounts on each of its eight phones, among 50 families a merchant who
// share phones of their own. A camouflaged crew of 18 aged proxy accounts
// on six phones, three accounts a phone like a family's, posts four to
// seven lines a broadcast, spread evenly, in the rooms of the four
// quietest of eight merchants over five days, among 60 families and 25
// loyal fans a merchant. A crew of 50 new proxy accounts, a phone each,
// posts three lightly paraphrased lines each in bursts in the head rooms
// of two platforms (douyin, taobao) at once, under a 2,200-fan chant and
// 700 viewers behind one carrier NAT address in each. A sparse crew of
// 21 aged proxy accounts on seven phones, three a phone, leaves two or
// three lines a broadcast in the 15 quietest of 18 rooms over three
// platforms (kuaishou, pinduoduo, xiaohongshu) and four days, among 20
// families and 15 loyal fans a merchant. A camouflaged crew of 28 aged
// proxy accounts, mostly buying and half of them on IPv6, draws nine
// members a broadcast at two food merchants over nine days, two lines
// each, half of them chatter, among buyers' reviews and 50 loyal fans a
// merchant. Two crews work one electronics merchant on weixin: 24 new
// accounts on one subnet and four phones reciting identical lines in
// bursts, every day of three; and, on the last two days, 20 aged proxy
// accounts on ten phones, two accounts a phone, there and at a food
// merchant on douyin, among 25 families a merchant and 300 viewers behind
// one NAT address in each head room. A crew of 60 new proxy accounts on
// fifteen phones keeps evenly to 12% of the comments of two rooms
// (health food, household goods) through one 75-minute night, beside a
// 1,200-fan chant and 80 loyal fans a merchant. And eight aged proxy
// accounts on only two phones, four a phone, three of them buying, with
// a contradiction share of 0.4, leave two or three lines a
// broadcast at three merchants over eight days, among 40 families a
// merchant and buyers' reviews. Every member of every crew posts at
// least two scripted lines over its run (checked by generating the
// events), and every crew posts testimonials about the goods on sale.
//
// Its organic runs have 150 families a merchant sharing phones, with 40
// loyal fans a merchant and buyers' reviews, over two platforms
// (kuaishou, jd) and five days; every hard case and 45 families a
// merchant over three platforms (douyin, xiaohongshu, bilibili) and three
// days (a 1,600-fan chant and 400 viewers behind one NAT address in each
// head room, 120 loyal fans a merchant, reviews); and 2,500-fan chants
// and 1,000 viewers behind one carrier NAT address in the head rooms of
// two platforms (taobao, pinduoduo) on two evenings. Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind24() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind24/attack/identical-subnet-half-ipv6-among-families", Set: SetBlind24,
			Description: "接近燃咔果冻案的朴素团伙，混在共用手机的真实家庭中：每个商家 50 个家庭（2–4 个账号一部手机）；40 个新号、同一网段（IPv6 比例 0.5，40 人中 18 人走其 IPv6 /64）、8 台共用手机（每台 5 个号）、相同话术（卖自热火锅的食品直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、四分之一自相矛盾、不闲聊、不下单、成批，占该直播间评论的 30%（每场 337–436 条，每人全程 18–20 条），同一个商家 2 天，35 分钟 / " +
				"a crew close to the naive jelly case, among real families sharing phones: 50 families a merchant (2-4 accounts on one phone); 40 new accounts, one subnet (IPv6 share 0.5, 18 of the 40 on its IPv6 /64), 8 shared phones (5 accounts each), identical scripts (a food room selling self-heating hotpots; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 25% contradicting themselves, no filler, no orders, in bursts, 30% of the room's comments (337-436 lines a broadcast, 18-20 per member over the run), one merchant over 2 days, 35 minutes",
			Config: sim.Config{Seed: 3203, Rooms: 6, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{Families: 50},
				Crews: []sim.Crew{
					{Name: "halfv6", Accounts: 40, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.5, Devices: 8,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.3, Merchants: []int{3}},
				}}},
		{Name: "blind24/attack/family-size-phones-four-merchants", Set: SetBlind24,
			Description: "一家人大小的手机上的伪装团伙，混在家庭与铁粉中：每个商家 60 个共用手机的家庭、25 名铁粉；18 个老号、6 台共用手机（每台 3 个号）、代理池（IPv6 比例 0.4，18 人中 6 人走 IPv6）、改写 0.75、30% 闲聊、三成比例下单（18 人中 5 人）、一成自相矛盾，每场 4–7 条、每人一条、均匀（占评论的 0.4%–1.1%），8 个商家中最冷清的 4 个（卖化妆品、服装、智能手表、吹风机），5 天共 20 场，每人去 2–4 个商家、全程 3–10 条（其中话术 2–7 条），30 分钟 / " +
				"a camouflaged crew on phones of a family's size, among families and loyal fans: 60 families sharing phones and 25 loyal fans a merchant; 18 aged accounts on 6 shared phones (3 accounts each), proxy pool (IPv6 share 0.4, 6 of the 18 on IPv6), paraphrase 0.75, 30% filler, buyers share 0.3 (5 of the 18), 10% contradicting themselves, 4-7 lines a broadcast, one per member, spread evenly (0.4-1.1% of the comments), the 4 quietest of 8 merchants (selling cosmetics, apparel, smart watches, hair dryers) over 5 days (20 broadcasts), 2-4 merchants and 3-10 lines (2-7 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3211, Rooms: 8, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{Families: 60, LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "threeaphone", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 6, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.3, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{4, 7}, Reach: 4},
				}}},
		{Name: "blind24/attack/new-accounts-in-two-head-rooms", Set: SetBlind24,
			Description: "同时守两个平台头部直播间的新号团伙：抖音（卖不粘锅）与淘宝（卖充电宝）的头部直播间各有 2200 人口号、700 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏；50 个新号、每号一机、代理池（IPv6 比例 0.2，50 人中 6 人走 IPv6）、轻度改写 0.55、两成自相矛盾、不闲聊、不下单，全员在两个头部直播间每场每人 3 条、成批（每场 150 条，约占评论的 0.4%），每人全程 6 条，一场 45 分钟 / " +
				"a crew of new accounts working two platforms' head rooms at once: the head rooms on douyin (selling non-stick pans) and taobao (selling power banks) each have a 2,200-fan chant, 700 viewers behind one carrier NAT address, lotteries and floods of \"1\"; 50 new accounts, a phone each, proxy pool (IPv6 share 0.2, 6 of the 50 on IPv6), light paraphrase 0.55, 20% contradicting themselves, no filler, no orders, every member 3 lines a broadcast in both head rooms, in bursts (150 lines a broadcast, about 0.4% of the comments), 6 lines per member over the run, one 45-minute broadcast",
			Config: sim.Config{Seed: 3218, Rooms: 6, Duration: 45 * time.Minute, Platforms: []string{"douyin", "taobao"},
				Hard: sim.HardCases{Chant: 2200, NAT: 700},
				Crews: []sim.Crew{
					{Name: "headnew", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3, Merchants: []int{0, 1}},
				}}},
		{Name: "blind24/attack/sparse-family-phones-three-platforms", Set: SetBlind24,
			Description: "跨三个平台、一家人大小手机上的稀疏团伙，混在家庭与铁粉中：每个商家 20 个共用手机的家庭、15 名铁粉；21 个老号、7 台共用手机（每台 3 个号）、代理池（IPv6 比例 0.3，21 人中 5 人走 IPv6）、重度改写 0.85、25% 闲聊、两成比例下单（21 人中 8 人）、两成自相矛盾，每场只 2–3 条、每人一条、均匀（占评论的 0.1%–0.9%），快手、拼多多、小红书 18 个直播间中最冷清的 15 个（各平台 5 个），4 天共 60 场，21 人中 16 人三个平台都去过、5 人去过两个，每人去 3–10 个商家、全程 3–13 条（其中话术 2–9 条），20 分钟 / " +
				"a sparse crew on phones of a family's size over three platforms, among families and loyal fans: 20 families sharing phones and 15 loyal fans a merchant; 21 aged accounts on 7 shared phones (3 accounts each), proxy pool (IPv6 share 0.3, 5 of the 21 on IPv6), heavy paraphrase 0.85, 25% filler, buyers share 0.2 (8 of the 21), 20% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly (0.1-0.9% of the comments), the 15 quietest of 18 rooms on kuaishou, pinduoduo and xiaohongshu (5 on each) over 4 days (60 broadcasts), 16 of the 21 on all three platforms, 5 on two, 3-10 merchants and 3-13 lines (2-9 of them scripted) per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3227, Rooms: 18, Days: 4, Duration: 20 * time.Minute, Platforms: []string{"kuaishou", "pinduoduo", "xiaohongshu"},
				Hard: sim.HardCases{Families: 20, LoyalFans: 15},
				Crews: []sim.Crew{
					{Name: "sparse3p", Accounts: 21, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 7, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Reach: 15},
				}}},
		{Name: "blind24/attack/buyers-nine-days-reviews-fans", Set: SetBlind24,
			Description: "大多下单的伪装团伙，混在买家带数字的评价与铁粉中：每个商家 50 名铁粉；28 个老号、每号一机、代理池（IPv6 比例 0.55，28 人中 14 人走 IPv6）、重度改写 0.9、五成闲聊、八成比例下单（28 人中 21 人每场下单）、15% 自相矛盾，每场抽 9 人、每人 2 条、均匀（每场 18 条，占评论的 2%–4%），两个食品商家（卖黑芝麻丸与果冻）连续 9 天共 18 场，每人上场 2–11 次、全程 4–22 条（其中话术 2–13 条），25 分钟 / " +
				"a camouflaged crew that mostly buys, among buyers' reviews with numbers and loyal fans: 50 loyal fans a merchant; 28 aged accounts, a phone each, proxy pool (IPv6 share 0.55, 14 of the 28 on IPv6), heavy paraphrase 0.9, 50% filler, buyers share 0.8 (21 of the 28 buy every broadcast they work), 15% contradicting themselves, 9 drawn a broadcast posting 2 each, spread evenly (18 lines a broadcast, 2-4% of the comments), two food merchants (selling black sesame balls and jelly) on 9 days in a row (18 broadcasts), 2-11 broadcasts and 4-22 lines (2-13 of them scripted) per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3234, Rooms: 7, Days: 9, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "ninedays", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.55,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.8, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 9, Merchants: []int{2, 5}},
				}}},
		{Name: "blind24/attack/two-crews-two-platforms-families", Set: SetBlind24,
			Description: "两个团伙守微信上一个卖智能手表的商家，旁有家庭与 NAT 人群：每个商家 25 个共用手机的家庭，每个头部直播间 300 人共用一个运营商 NAT 地址；“齐声”团伙 24 个新号、同一网段（IPv6 比例 0.3，24 人中 5 人走其 IPv6 /64）、4 台共用手机（每台 6 个号）、相同话术、三成自相矛盾、不闲聊、不下单，3 天每场每人 4 条、成批（每场 96 条，占评论的 14%–17%），每人全程 12 条；“成对”团伙 20 个老号、10 台共用手机（每台 2 个号）、代理池（IPv6 比例 0.35，20 人中 8 人走 IPv6）、改写 0.7、30% 闲聊、四成比例下单（20 人中 4 人）、一成自相矛盾，只在第 2–3 天、每场每人 2 条、均匀（每场 40 条，占评论的 3%–6%），在该商家与抖音上一个卖全麦面包的商家，每人全程 8 条，两个平台（抖音、微信），30 分钟 / " +
				"two crews at one merchant selling smart watches on weixin, beside families and NAT crowds: 25 families sharing phones a merchant, 300 viewers behind one carrier NAT address in each head room; \"chorus\", 24 new accounts, one subnet (IPv6 share 0.3, 5 of the 24 on its IPv6 /64), 4 shared phones (6 accounts each), identical scripts, 30% contradicting themselves, no filler, no orders, 4 lines each a broadcast on all 3 days, in bursts (96 lines a broadcast, 14-17% of the comments), 12 lines per member over the run; and \"pairs\", 20 aged accounts on 10 shared phones (2 accounts each), proxy pool (IPv6 share 0.35, 8 of the 20 on IPv6), paraphrase 0.7, 30% filler, buyers share 0.4 (4 of the 20), 10% contradicting themselves, on days 2-3 only, 2 lines each a broadcast, spread evenly (40 lines a broadcast, 3-6% of the comments), at that merchant and at a merchant selling whole-wheat bread on douyin, 8 lines per member over the run, two platforms (douyin, weixin), 30 minutes",
			Config: sim.Config{Seed: 3247, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"douyin", "weixin"},
				Hard: sim.HardCases{NAT: 300, Families: 25},
				Crews: []sim.Crew{
					{Name: "chorus", Accounts: 24, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 4,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 4, Merchants: []int{3}},
					{Name: "pairs", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.35,
						Devices: 10, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{3, 4}, Days: []int{1, 2}},
				}}},
		{Name: "blind24/attack/new-accounts-even-long-night", Set: SetBlind24,
			Description: "整晚均匀刷的新号团伙，旁有口号与铁粉：头部直播间 1200 人口号，每个商家 80 名铁粉；60 个新号、15 台共用手机（每台 4 个号）、代理池（IPv6 比例 0.15，60 人中 11 人走 IPv6）、改写 0.4、一成闲聊、不下单、三成自相矛盾，均匀地占两个直播间（卖益生菌与不粘锅）评论的 12%（每场 196–283 条），每人全程 2–14 条，一场 75 分钟，21:00 起 / " +
				"a crew of new accounts posting evenly through a long night, beside a chant and loyal fans: a 1,200-fan chant in the head room, 80 loyal fans a merchant; 60 new accounts on 15 shared phones (4 accounts each), proxy pool (IPv6 share 0.15, 11 of the 60 on IPv6), paraphrase 0.4, 10% filler, no orders, 30% contradicting themselves, spread evenly at 12% of the comments of two rooms (selling probiotics and non-stick pans; 196-283 lines a broadcast), 2-14 lines per member over the run, one 75-minute broadcast from 21:00",
			Config: sim.Config{Seed: 3255, Rooms: 5, Duration: 75 * time.Minute, Start: time.Date(2025, 10, 14, 21, 0, 0, 0, cst),
				Hard: sim.HardCases{Chant: 1200, LoyalFans: 80},
				Crews: []sim.Crew{
					{Name: "evennight", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 15, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingEven, Share: 0.12,
						Merchants: []int{1, 2}},
				}}},
		{Name: "blind24/attack/tiny-crew-two-phones-eight-days", Set: SetBlind24,
			Description: "只用 2 台手机的小团伙，混在家庭与买家带数字的评价中：每个商家 40 个共用手机的家庭；8 个老号共用 2 台手机（每台 4 个号）、代理池（IPv6 比例 0.25，8 人中 1 人走 IPv6）、改写 0.8、40% 闲聊、五成比例下单（8 人中 3 人）、四成自相矛盾，每场只 2–3 条、每人一条、均匀（占评论的 0.2%–0.9%），3 个商家（卖蓝莓、全麦面包、数据线）连续 8 天共 24 场，每人全程 4–9 条（其中话术 2–8 条），20 分钟 / " +
				"a tiny crew on only 2 phones, among families and buyers' reviews with numbers: 40 families sharing phones a merchant; 8 aged accounts sharing 2 phones (4 accounts each), proxy pool (IPv6 share 0.25, 1 of the 8 on IPv6), paraphrase 0.8, 40% filler, buyers share 0.5 (3 of the 8), 40% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly (0.2-0.9% of the comments), 3 merchants (selling blueberries, whole-wheat bread, charging cables) on 8 days in a row (24 broadcasts), 4-9 lines (2-8 of them scripted) per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3262, Rooms: 6, Days: 8, Duration: 20 * time.Minute, Hard: sim.HardCases{Families: 40, Reviews: true},
				Crews: []sim.Crew{
					{Name: "tinytwo", Accounts: 8, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 2, Age: sim.AgeAged, Filler: 0.4, Buyers: 0.5, Contradict: 0.4, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Merchants: []int{1, 3, 4}},
				}}},
		{Name: "blind24/organic/families-150-fans-reviews-two-platforms", Set: SetBlind24,
			Description: "只有真实观众：两个平台（快手、京东）共 8 个商家，每个商家 150 个共用手机的家庭（2–4 个账号一部手机，多在一个家庭地址：宽带 IPv4 或家里的 IPv6 /64），一起看、替家人夸、偶尔一人下单，另有每个商家 40 名铁粉与买家带数字的评价，5 天，每场 25 分钟 / " +
				"organic only: 8 merchants on two platforms (kuaishou, jd), 150 families a merchant sharing phones (2-4 accounts on one phone, mostly from one home address: broadband IPv4 or the home's IPv6 /64) who watch together, praise for the family and now and then one buys, beside 40 loyal fans a merchant and buyers' reviews with numbers, 5 days of 25-minute broadcasts",
			Config: sim.Config{Seed: 3281, Rooms: 8, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"kuaishou", "jd"},
				Hard: sim.HardCases{Families: 150, LoyalFans: 40, Reviews: true}}},
		{Name: "blind24/organic/everything-and-families-three-platforms", Set: SetBlind24,
			Description: "只有真实观众：三个平台（抖音、小红书、B站）各 2 个直播间，全部疑难场景（每个头部直播间 1600 人口号、400 人共用一个运营商 NAT 地址，每个商家 120 名铁粉，买家评价）外加每个商家 45 个共用手机的家庭，3 天，每场 35 分钟 / " +
				"organic only: two rooms on each of three platforms (douyin, xiaohongshu, bilibili), every hard case (a 1,600-fan chant and 400 viewers behind one carrier NAT address in each head room, 120 loyal fans a merchant, buyers' reviews) and 45 families a merchant sharing phones, 3 days of 35-minute broadcasts",
			Config: sim.Config{Seed: 3288, Rooms: 6, Days: 3, Duration: 35 * time.Minute, Platforms: []string{"douyin", "xiaohongshu", "bilibili"},
				Hard: sim.HardCases{Chant: 1600, NAT: 400, LoyalFans: 120, Reviews: true, Families: 45}}},
		{Name: "blind24/organic/chant-2500-nat-1000-two-evenings", Set: SetBlind24,
			Description: "只有真实观众：两个平台（淘宝、拼多多）的头部直播间各有 2500 人口号、1000 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，5 个直播间，2 个晚上，每场 50 分钟 / " +
				"organic only: head rooms on two platforms (taobao, pinduoduo), each with a 2,500-fan chant, 1,000 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 5 rooms, 2 evenings of 50-minute broadcasts",
			Config: sim.Config{Seed: 3296, Rooms: 5, Days: 2, Duration: 50 * time.Minute, Platforms: []string{"taobao", "pinduoduo"},
				Hard: sim.HardCases{Chant: 2500, NAT: 1000}}},
	}
}
