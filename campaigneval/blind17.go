package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind17 names the seventeenth blind set.
const SetBlind17 = "blind17"

// Blind17 returns the seventeenth blind scenarios: a twentieth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2500 to 2599) and parameter combinations no other set uses. It was
// kept for one run, for an unseen figure of the next detector change, and
// has been run once: its figures are in docs/campaigns.md.
//
// A lazy crew of 22 aged accounts, a phone each, recites identical
// scripts (the room sells food, black sesame balls, so everyone copies
// the jelly case's "35 jin" or "16.6 jin") through a proxy pool, most of it
// IPv6, spread evenly at a fifth of one room's comments in one long
// broadcast. A crew of 14 new accounts, a phone each, all on one IPv6
// /64, leaves three to five paraphrased lines a broadcast, one per
// member, over six merchants on two platforms (kuaishou, jd) and four
// early mornings, beside loyal fans. A studio of 22 aged accounts on one
// IPv4 /24 and six phones, with filler and camouflage purchases, draws 11
// members a broadcast, two lines each in bursts, over five merchants on
// two platforms (taobao, pinduoduo) and three days, among buyers' reviews
// with numbers. A crew of 48 new proxy accounts on six phones posts four
// lightly paraphrased lines each, spread evenly, in a kuaishou head room
// with a 2,500-fan chant, 300 viewers behind one carrier NAT address, 80
// loyal fans, lotteries and floods of "1". Two crews work neighbouring
// merchants of one platform at once over three days: 18 aged accounts, a
// phone each, mostly on IPv6 proxies, paraphrasing heavily and chatting,
// four lines each a broadcast at two merchants; and 15 new accounts on
// one subnet and three phones, six to ten lines a broadcast in bursts, one
// per member, at three others. A crew of 16 aged proxy accounts, a phone
// each, most of them buying and most contradicting themselves, posts two
// to four identical-script lines a broadcast, one per member, over ten
// merchants on two platforms (pinduoduo, xiaohongshu) and five
// afternoons, among buyers' reviews. A crew of 26 aged proxy accounts on
// five phones fills the four quietest of twelve rooms in the small hours
// of two nights, at 40% of their comments, spread evenly, heavily
// paraphrased. And 12 new accounts on a single phone and one subnet post
// identical scripts in bursts, three or four lines a broadcast, one per
// member, in the eight quietest of 14 vipshop rooms over three evenings.
// Every member of every crew posts at least two scripted lines over its
// run (checked by generating the events), and every crew posts
// testimonials about the goods on sale.
//
// Its organic runs have 2,600-fan chants, 1,100 viewers behind one
// carrier NAT address and 150 loyal fans a merchant in one 50-minute
// broadcast on three platforms (dewu, vipshop, douyin); 650 loyal fans a
// merchant, most of them fans of several merchants, with buyers' reviews,
// over 16 pinduoduo merchants and seven short afternoons; and every hard
// case over four platforms (kuaishou, taobao, xiaohongshu, jd) and two
// nights (a 3,500-fan chant and 320 viewers behind one NAT address in
// each head room, 90 loyal fans a merchant, reviews). Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind17() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind17/attack/identical-aged-ipv6-proxy-even", Set: SetBlind17,
			Description: "懒惰的老号团伙：22 个老号、每号一机、代理池（IPv6 比例 0.5，22 人中 17 人走 IPv6）、相同话术（得物一个卖食品（黑芝麻丸）的非头部直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成自相矛盾、不闲聊、不下单，均匀地占该直播间评论的 20%（共 280 条），每人 5–20 条，两个平台（小红书、得物）5 个直播间，一场 50 分钟 / " +
				"a lazy crew of aged accounts: 22 aged accounts, a phone each, proxy pool (IPv6 share 0.5, 17 of the 22 on IPv6), identical scripts (a non-head dewu room selling food, black sesame balls; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, no filler, no orders, spread evenly at 20% of the room's comments (280 lines), 5-20 lines per member, 5 rooms on two platforms (xiaohongshu, dewu), one 50-minute broadcast",
			Config: sim.Config{Seed: 2503, Rooms: 5, Duration: 50 * time.Minute, Platforms: []string{"xiaohongshu", "dewu"},
				Crews: []sim.Crew{
					{Name: "agedcopy", Accounts: 22, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Contradict: 0.3, Timing: sim.TimingEven, Share: 0.2, Merchants: []int{3}},
				}}},
		{Name: "blind17/attack/one-ipv6-slash64-sparse-two-platforms", Set: SetBlind17,
			Description: "同一 IPv6 /64 下的低频新号团伙，旁有铁粉：每个商家 35 名铁粉；14 个新号、每号一机、全部走团伙的同一个 IPv6 /64（IPv6 比例 1）、改写 0.6、20% 闲聊、两成自相矛盾、不下单，每场 3–5 条、每人一条、均匀（占评论的 0.3%–1.4%），快手（卖杂货、非处方药）与京东（卖农产品、日用品、两家服装）共 6 个非头部商家，连续 4 个清晨（7:30 起）共 24 场，全员两个平台都去过，每人去 5–11 场、全程 5–11 条，20 分钟 / " +
				"a low-rate crew of new accounts under one IPv6 /64, beside loyal fans: 35 loyal fans a merchant; 14 new accounts, a phone each, all on the crew's one IPv6 /64 (IPv6 share 1), paraphrase 0.6, 20% filler, 20% contradicting themselves, no orders, 3-5 lines a broadcast, one per member, spread evenly (0.3-1.4% of the comments), 6 non-head merchants on kuaishou (general goods, an OTC drug) and jd (farm produce, household goods, two apparel), 4 early mornings in a row from 7:30 (24 broadcasts), every member on both platforms, 5-11 broadcasts and 5-11 lines per member, 20 minutes",
			Config: sim.Config{Seed: 2517, Rooms: 10, Days: 4, Duration: 20 * time.Minute, Start: time.Date(2025, 5, 6, 7, 30, 0, 0, cst),
				Platforms: []string{"kuaishou", "jd"}, Hard: sim.HardCases{LoyalFans: 35},
				Crews: []sim.Crew{
					{Name: "slash64", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 1,
						Age: sim.AgeNew, Filler: 0.2, Contradict: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{3, 5},
						Merchants: []int{2, 3, 4, 5, 7, 9}},
				}}},
		{Name: "blind17/attack/aged-studio-one-subnet-bursts", Set: SetBlind17,
			Description: "同一 IPv4 /24 网段里的老号工作室，混在买家带数字的评价中：22 个老号、6 台共用手机、同一网段（不走 IPv6）、改写 0.55、30% 闲聊、四成比例下单（22 人中 7 人下过单）、四分之一自相矛盾，每场抽 11 人、每人 2 条、成批（每场 22 条，占评论的 1.4%–4.8%），淘宝（卖婴幼儿奶粉、化妆品）与拼多多（卖电器、食品（橄榄油）、杂货）共 5 个非头部商家，3 天共 15 场，全员两个平台都去过，每人去 5–12 场、全程 10–24 条，30 分钟 / " +
				"a studio of aged accounts on one IPv4 /24, among buyers' reviews with numbers: 22 aged accounts on 6 shared phones, one subnet (no IPv6), paraphrase 0.55, 30% filler, buyers share 0.4 (7 of the 22 ordered), 25% contradicting themselves, 11 drawn a broadcast posting 2 each, in bursts (22 lines a broadcast, 1.4-4.8% of the comments), 5 non-head merchants on taobao (infant formula, cosmetics) and pinduoduo (electronics, food (olive oil), general goods), 3 days (15 broadcasts), every member on both platforms, 5-12 broadcasts and 10-24 lines per member, 30 minutes",
			Config: sim.Config{Seed: 2528, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"taobao", "pinduoduo"},
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "subnetstudio", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetSubnet,
						Devices: 6, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 11, Merchants: []int{2, 3, 5, 6, 7}},
				}}},
		{Name: "blind17/attack/new-accounts-even-in-nat-head-room", Set: SetBlind17,
			Description: "均匀混在快手头部直播间疑难场景中的新号团伙：卖电器（吹风机）的头部直播间有 2500 人口号、300 人共用一个运营商 NAT 地址、每个商家 80 名铁粉、抽奖与“扣1”刷屏；48 个新号、6 台共用手机、代理池（部分出口与 NAT 人群同段；IPv6 比例 0.05，48 人中 3 人走 IPv6）、轻度改写 0.25、12% 闲聊、一成比例下单（48 人中 5 人下过单）、三成自相矛盾，全员每人 4 条、均匀（共 192 条，约占评论的 0.7%），4 个直播间，一场 40 分钟 / " +
				"a crew of new accounts spread evenly among the hard cases of a kuaishou head room: the head room sells electronics (a hair dryer) and has a 2,500-fan chant, 300 viewers behind one carrier NAT address, 80 loyal fans a merchant, lotteries and floods of \"1\"; 48 new accounts on 6 shared phones, proxy pool (some exits in the NAT crowd's carrier range; IPv6 share 0.05, 3 of the 48 on IPv6), light paraphrase 0.25, 12% filler, buyers share 0.1 (5 of the 48 ordered), 30% contradicting themselves, every member 4 lines, spread evenly (192 lines, about 0.7% of the comments), 4 rooms, one 40-minute broadcast",
			Config: sim.Config{Seed: 2536, Rooms: 4, Duration: 40 * time.Minute, Platforms: []string{"kuaishou"},
				Hard: sim.HardCases{Chant: 2500, NAT: 300, LoyalFans: 80},
				Crews: []sim.Crew{
					{Name: "headeven", Accounts: 48, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetProxy, IPv6: 0.05,
						Devices: 6, Age: sim.AgeNew, Filler: 0.12, Buyers: 0.1, Contradict: 0.3, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{0}},
				}}},
		{Name: "blind17/attack/two-crews-neighbouring-merchants", Set: SetBlind17,
			Description: "两个团伙同时在同一平台相邻的商家干活，旁有铁粉（每个商家 30 名），9 个直播间，3 天，25 分钟：“细水”团伙 18 个老号、每号一机、代理池（IPv6 比例 0.7，18 人中 16 人走 IPv6）、重度改写 0.85、35% 闲聊、三成比例下单（18 人中 2 人下过单）、不自相矛盾，全员每场每人 4 条、均匀（每场 72 条，占评论的 7.6%–13.5%），在两个商家（卖床品四件套、电动牙刷），每人全程 24 条；“快闪”团伙 15 个新号、同一 IPv4 网段、3 台共用手机、改写 0.4、四成自相矛盾、不闲聊、不下单，每场 6–10 条、每人一条、成批（占评论的 1.2%–1.8%），在另外三个商家（卖坚果、血压计、抽纸），每人全程 2–7 条 / " +
				"two crews working neighbouring merchants of one platform at once, beside loyal fans (30 a merchant), 9 rooms, 3 days, 25 minutes: \"steady\", 18 aged accounts, a phone each, proxy pool (IPv6 share 0.7, 16 of the 18 on IPv6), heavy paraphrase 0.85, 35% filler, buyers share 0.3 (2 of the 18 ordered), no contradictions, every member 4 lines a broadcast, spread evenly (72 lines a broadcast, 7.6-13.5% of the comments), at two merchants (bedding, an electric toothbrush), 24 lines per member over the run; and \"hitrun\", 15 new accounts on one IPv4 subnet and 3 shared phones, paraphrase 0.4, 40% contradicting themselves, no filler, no orders, 6-10 lines a broadcast, one per member, in bursts (1.2-1.8% of the comments), at three other merchants (nuts, a blood-pressure monitor, tissues), 2-7 lines per member over the run",
			Config: sim.Config{Seed: 2544, Rooms: 9, Days: 3, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 30},
				Crews: []sim.Crew{
					{Name: "steady", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.7,
						Age: sim.AgeAged, Filler: 0.35, Buyers: 0.3, Timing: sim.TimingEven, PerAccount: 4, Merchants: []int{2, 5}},
					{Name: "hitrun", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet,
						Devices: 3, Age: sim.AgeNew, Contradict: 0.4, Timing: sim.TimingBurst, RoomComments: [2]int{6, 10},
						Merchants: []int{3, 6, 7}},
				}}},
		{Name: "blind17/attack/identical-buyers-sparse-ten-merchants", Set: SetBlind17,
			Description: "会下单、多半自相矛盾的相同话术低频团伙，混在买家带数字的评价中：16 个老号、每号一机、代理池（不走 IPv6）、相同话术、25% 闲聊、六成比例下单（16 人中 10 人下过单）、八成自相矛盾，每场 2–4 条、每人一条、均匀（不到评论的 1.5%，大直播间里仅 0.02%），拼多多与小红书共 10 个非头部商家（卖服装、化妆品、农产品、日用品、杂货），连续 5 个下午（13:00 起）共 50 场，16 人中 15 人两个平台都去过，每人全程 4–14 条，20 分钟 / " +
				"a low-rate crew with identical scripts that buys and mostly contradicts itself, among buyers' reviews with numbers: 16 aged accounts, a phone each, proxy pool (no IPv6), identical scripts, 25% filler, buyers share 0.6 (10 of the 16 ordered), 80% contradicting themselves, 2-4 lines a broadcast, one per member, spread evenly (under 1.5% of the comments, 0.02% in a big room), 10 non-head merchants on pinduoduo and xiaohongshu (apparel, cosmetics, farm produce, household and general goods), 5 afternoons in a row from 13:00 (50 broadcasts), 15 of the 16 on both platforms, 4-14 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 2558, Rooms: 12, Days: 5, Duration: 20 * time.Minute, Start: time.Date(2025, 3, 10, 13, 0, 0, 0, cst),
				Platforms: []string{"pinduoduo", "xiaohongshu"}, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "copybuyers", Accounts: 16, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, Age: sim.AgeAged,
						Filler: 0.25, Buyers: 0.6, Contradict: 0.8, Timing: sim.TimingEven, RoomComments: [2]int{2, 4},
						Merchants: []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
				}}},
		{Name: "blind17/attack/small-hours-filling-quiet-rooms", Set: SetBlind17,
			Description: "深夜撑场的老号团伙：12 个商家中最冷清的 4 个（卖服装、化妆品、两家电器）连续两个凌晨（1:30 起）开播，30 分钟；26 个老号、5 台共用手机、代理池（IPv6 比例 0.2，26 人中 12 人走 IPv6）、重度改写 0.9、25% 闲聊、两成比例下单（26 人中 8 人下过单）、一成自相矛盾，均匀地占每个直播间评论的 40%（每场 292–418 条），全员 8 场都在，每人全程 89–138 条 / " +
				"a crew of aged accounts filling quiet rooms in the small hours: the 4 quietest of 12 merchants (apparel, cosmetics, two electronics) broadcasting on two nights from 1:30, 30 minutes; 26 aged accounts on 5 shared phones, proxy pool (IPv6 share 0.2, 12 of the 26 on IPv6), heavy paraphrase 0.9, 25% filler, buyers share 0.2 (8 of the 26 ordered), 10% contradicting themselves, spread evenly at 40% of each room's comments (292-418 lines a broadcast), every member in all 8 broadcasts, 89-138 lines per member over the run",
			Config: sim.Config{Seed: 2569, Rooms: 12, Days: 2, Duration: 30 * time.Minute, Start: time.Date(2025, 8, 19, 1, 30, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "nightfill", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.1, Timing: sim.TimingEven, Share: 0.4, Reach: 4},
				}}},
		{Name: "blind17/attack/one-phone-identical-bursts-eight-merchants", Set: SetBlind17,
			Description: "一台手机养的新号团伙：12 个新号全用同一台手机、同一网段（IPv6 比例 0.3，12 人中 5 人走其 IPv6 /64）、相同话术、五成自相矛盾、不闲聊、不下单，每场 3–4 条、每人一条、相隔数秒成批发出（占评论的 0.5%–1.5%），唯品会 14 个商家中最冷清的 8 个（两家卖食品、三家服装，杂货、农产品、日用品各一家），3 个晚上共 24 场，每人全程 3–12 条，25 分钟 / " +
				"a crew of new accounts kept on one phone: 12 new accounts all on a single phone, one subnet (IPv6 share 0.3, 5 of the 12 on its IPv6 /64), identical scripts, 50% contradicting themselves, no filler, no orders, 3-4 lines a broadcast, one per member, posted seconds apart in a burst (0.5-1.5% of the comments), the 8 quietest of 14 vipshop merchants (two food, three apparel, one each of general goods, farm produce and household goods), 3 evenings (24 broadcasts), 3-12 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2581, Rooms: 14, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"vipshop"},
				Crews: []sim.Crew{
					{Name: "onephone", Accounts: 12, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 1,
						Age: sim.AgeNew, Contradict: 0.5, Timing: sim.TimingBurst, RoomComments: [2]int{3, 4}, Reach: 8},
				}}},
		{Name: "blind17/organic/chant-2600-nat-1100-three-platforms", Set: SetBlind17,
			Description: "只有真实观众：三个平台（得物、唯品会、抖音）的头部直播间各有 2600 人口号、1100 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，每个商家 150 名铁粉，9 个直播间，一场 50 分钟 / " +
				"organic only: head rooms on three platforms (dewu, vipshop, douyin), each with a 2,600-fan chant, 1,100 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 150 loyal fans a merchant, 9 rooms, one 50-minute broadcast",
			Config: sim.Config{Seed: 2591, Rooms: 9, Duration: 50 * time.Minute, Platforms: []string{"dewu", "vipshop", "douyin"},
				Hard: sim.HardCases{Chant: 2600, NAT: 1100, LoyalFans: 150}}},
		{Name: "blind17/organic/fans-650-seven-afternoons", Set: SetBlind17,
			Description: "只有真实观众：拼多多 16 个商家连续七个下午开播（15:00 起），每个商家 650 名铁粉场场必到（同一平台 5000 名观众中抽取，多数人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 12 分钟 / " +
				"organic only: 16 pinduoduo merchants broadcasting seven afternoons in a row from 15:00, 650 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so most are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 12-minute broadcasts",
			Config: sim.Config{Seed: 2594, Rooms: 16, Days: 7, Duration: 12 * time.Minute, Start: time.Date(2025, 10, 20, 15, 0, 0, 0, cst),
				Platforms: []string{"pinduoduo"}, Hard: sim.HardCases{LoyalFans: 650, Reviews: true}}},
		{Name: "blind17/organic/everything-four-platforms-nights", Set: SetBlind17,
			Description: "只有真实观众：四个平台（快手、淘宝、小红书、京东）各 2 个直播间，全部疑难场景（每个头部直播间 3500 人口号、320 人共用一个运营商 NAT 地址，每个商家 90 名铁粉，买家评价），两个晚上（21:00 起），每场 35 分钟 / " +
				"organic only: four platforms (kuaishou, taobao, xiaohongshu, jd) with 2 rooms each, every hard case (a 3,500-fan chant and 320 viewers behind one carrier NAT address in each head room, 90 loyal fans a merchant, buyers' reviews), two nights from 21:00, 35-minute broadcasts",
			Config: sim.Config{Seed: 2598, Rooms: 8, Days: 2, Duration: 35 * time.Minute, Start: time.Date(2026, 1, 14, 21, 0, 0, 0, cst),
				Platforms: []string{"kuaishou", "taobao", "xiaohongshu", "jd"}, Hard: sim.HardCases{Chant: 3500, NAT: 320, LoyalFans: 90, Reviews: true}}},
	}
}
