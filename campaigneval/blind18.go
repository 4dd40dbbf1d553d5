package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind18 names the eighteenth blind set.
const SetBlind18 = "blind18"

// Blind18 returns the eighteenth blind scenarios: a twenty-first set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2600 to 2699) and parameter combinations no other set uses. It was
// kept for one run, for an unseen figure of the next detector change, and
// has been run once: its figures are in docs/campaigns.md.
//
// A crew with identical scripts is made of bought aged accounts rather
// than new ones: 38 of them on one subnet and six phones, 22 on its IPv6
// /64, recite the same lines in bursts at 22% of the comments of two
// merchants on two platforms (taobao, pinduoduo), every member on both. A
// phone farm of 80 aged accounts on only four phones, all on IPv4 proxy
// exits, draws 30 members a broadcast, two lines each spread evenly, for
// five merchants (four of them selling food, one of them a big room of
// fifteen thousand comments) over four days among 80 loyal fans a
// merchant. A sparse crew of 20 new proxy accounts on ten phones leaves
// one to three lines a broadcast, one per member, in the 20 quietest of
// 26 rooms on two platforms (douyin, xiaohongshu) over four early
// mornings, 19 of the 20 on both platforms. A crew of 50 aged proxy
// accounts, a phone each, 40 drawn a broadcast, three lines each spread
// evenly, a third of them chatter, 18 of the 50 buying, works the
// kuaishou head room (a 2,500-fan chant, 350 viewers behind one carrier
// NAT address, 150 loyal fans, lotteries and floods of "1"), where it is
// under half a percent of the comments, and a quiet food room of the same
// platform, where it is a tenth, on two days. Two crews work one food
// merchant among buyers' reviews: 25 new accounts on one subnet and five
// phones recite identical scripts (the jelly case's "35 jin" and "16.6
// jin"), a third contradicting themselves, four lines each in bursts, on
// the first two days only; and 12 aged proxy accounts that paraphrase
// heavily, chat, and buy (7 of the 12) post ten to fourteen lines a
// broadcast, eight members at a time, spread evenly, from the second day
// on, there and at two other merchants. A crew of 30 new proxy accounts,
// a phone each, 20 of them on IPv6, keeps to 12% of the comments of one
// apparel room, spread evenly, over three long afternoons. A studio of 15
// aged accounts on one subnet and five phones paraphrases almost always,
// chats 40% of the time, and posts two lines each in bursts, eight
// members a broadcast, in the six quietest rooms of three platforms (jd,
// xiaohongshu, bilibili), two a platform, over three days among 35 loyal
// fans a merchant; 14 of the 15 are on all three platforms. And 14 new
// proxy accounts, a phone each, recite identical scripts (the "35 jin"
// and "16.6 jin" again, four in ten contradicting themselves) in bursts
// of six to nine lines a broadcast, one per member, in a health-food room
// on ten days in a row among buyers' reviews. Every member of every crew
// posts at least two scripted lines over its run (checked by generating
// the events).
//
// Its organic runs have 5,000-fan chants and 800 viewers behind one
// carrier NAT address in the head rooms of three platforms (pinduoduo,
// kuaishou, weixin) in one 50-minute night broadcast; 700 loyal fans a
// merchant, most of them fans of several merchants, with 120 viewers
// behind one NAT address in each head room and buyers' reviews, over two
// platforms (douyin, jd) and five days; and every hard case on eight
// early mornings over two platforms (shipinhao, taobao): a 2,200-fan
// chant and 450 viewers behind one NAT address in each head room, 90
// loyal fans a merchant, reviews. Every crew leaves something a careful
// analyst holding all the data could go on (texts, numbers, timing,
// addresses, devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction.
func Blind18() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind18/attack/identical-aged-two-platforms-ipv6-subnet", Set: SetBlind18,
			Description: "用买来的老号念相同话术、跨两个平台的团伙：38 个老号、同一网段（IPv6 比例 0.55，38 人中 22 人走其 IPv6 /64）、6 台共用手机、相同话术（人人都说同样的“回购第3次”或“第6次”）、四分之一自相矛盾、不闲聊、不下单、成批，占两个商家直播间评论的 22%（拼多多上卖冰丝阔腿裤、淘宝上卖婴儿奶粉，每场 144–234 条），全员两个平台都去、每人全程 17–19 条，2 天，30 分钟 / " +
				"a crew of bought aged accounts reciting identical scripts over two platforms: 38 aged accounts, one subnet (IPv6 share 0.55, 22 of the 38 on its IPv6 /64), 6 shared phones, identical scripts (everyone says the same \"bought it for the 3rd time\" or \"the 6th\"), a quarter contradicting themselves, no filler, no orders, in bursts, 22% of the comments of two merchants' rooms (wide-leg trousers on pinduoduo, infant formula on taobao; 144-234 lines a broadcast), every member on both platforms, 17-19 lines per member over the run, 2 days, 30 minutes",
			Config: sim.Config{Seed: 2603, Rooms: 6, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"taobao", "pinduoduo"},
				Crews: []sim.Crew{
					{Name: "twinshop", Accounts: 38, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.55, Devices: 6,
						Age: sim.AgeAged, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.22, Merchants: []int{3, 4}},
				}}},
		{Name: "blind18/attack/phone-farm-four-phones-among-fans", Set: SetBlind18,
			Description: "只用 4 台手机的手机农场，混在铁粉中：每个商家 80 名铁粉；80 个老号共用 4 台手机（每台 20 个号）、代理池（全走 IPv4）、改写 0.55、15% 闲聊、一成比例下单（80 人中 4 人）、两成自相矛盾，每场抽 30 人、每人 2 条、均匀（每场 60 条，占评论的 0.3%–6%），5 个商家（四家卖食品，其中一家是每场一万五千条评论的大直播间；一家卖苹果）4 天共 20 场，每人上场 3–12 次、全程 6–24 条，30 分钟 / " +
				"a phone farm on only 4 phones, among loyal fans: 80 loyal fans a merchant; 80 aged accounts sharing 4 phones (20 accounts a phone), proxy pool (all on IPv4), paraphrase 0.55, 15% filler, buyers share 0.1 (4 of the 80), 20% contradicting themselves, 30 drawn a broadcast posting 2 each, spread evenly (60 lines a broadcast, 0.3-6% of the comments), 5 merchants (four selling food, one of them a big room of fifteen thousand comments a broadcast; one selling apples) over 4 days (20 broadcasts), 3-12 broadcasts and 6-24 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2611, Rooms: 7, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 80},
				Crews: []sim.Crew{
					{Name: "farm", Accounts: 80, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy,
						Devices: 4, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 30, Merchants: []int{1, 2, 4, 5, 6}},
				}}},
		{Name: "blind18/attack/sparse-mornings-two-platforms", Set: SetBlind18,
			Description: "清晨撒在两个平台 20 个直播间的稀疏团伙：抖音与小红书共 26 个商家中最冷清的 20 个，连续 4 个清晨（8:30 起）共 80 场，每场只 1–3 条、每人一条、相隔数秒成批（占评论的 0.1%–1.1%）；20 个新号、10 台共用手机、代理池（IPv6 比例 0.4，20 人中 6 人走 IPv6）、改写 0.6、10% 闲聊、不下单、15% 自相矛盾，20 人中 19 人两个平台都去过，每人上场 3–14 次、全程 3–14 条，25 分钟 / " +
				"a sparse crew spread over 20 rooms of two platforms in the early mornings: the 20 quietest of 26 merchants on douyin and xiaohongshu, 4 mornings in a row from 8:30 (80 broadcasts), only 1-3 lines a broadcast, one per member, seconds apart in a burst (0.1-1.1% of the comments); 20 new accounts on 10 shared phones, proxy pool (IPv6 share 0.4, 6 of the 20 on IPv6), paraphrase 0.6, 10% filler, no orders, 15% contradicting themselves, 19 of the 20 on both platforms, 3-14 broadcasts and 3-14 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2618, Rooms: 26, Days: 4, Duration: 25 * time.Minute, Start: time.Date(2025, 8, 18, 8, 30, 0, 0, cst),
				Platforms: []string{"douyin", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "dawn", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 10, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.15, Timing: sim.TimingBurst,
						RoomComments: [2]int{1, 3}, Reach: 20},
				}}},
		{Name: "blind18/attack/crew-in-head-room-nat-lottery", Set: SetBlind18,
			Description: "快手头部直播间疑难场景中的老号团伙，兼顾同平台一个冷清直播间：头部直播间（卖床品四件套）有 2500 人口号、350 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；50 个老号、每号一机、代理池（部分出口与 NAT 人群同段；IPv6 比例 0.35，50 人中 16 人走 IPv6）、改写 0.75、30% 闲聊、四成比例下单（50 人中 18 人）、一成自相矛盾，每场抽 40 人、每人 3 条、均匀（每场 120 条：头部直播间约 3.1 万条评论中不到 0.4%，卖蛋黄酥的冷清直播间约 10%），2 天共 4 场，每人上场 1–4 次、全程 3–12 条，40 分钟 / " +
				"a crew of aged accounts among the hard cases of the kuaishou head room, and in a quiet room of the same platform: the head room (selling bedding) has a 2,500-fan chant, 350 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 50 aged accounts, a phone each, proxy pool (some exits in the NAT crowd's carrier range; IPv6 share 0.35, 16 of the 50 on IPv6), paraphrase 0.75, 30% filler, buyers share 0.4 (18 of the 50), 10% contradicting themselves, 40 drawn a broadcast posting 3 each, spread evenly (120 lines a broadcast: under 0.4% of the head room's 31,000 comments, about 10% of the quiet room selling egg-yolk pastries), 2 days (4 broadcasts), 1-4 broadcasts and 3-12 lines per member over the run, 40 minutes",
			Config: sim.Config{Seed: 2624, Rooms: 4, Days: 2, Duration: 40 * time.Minute, Platforms: []string{"kuaishou"},
				Hard: sim.HardCases{Chant: 2500, NAT: 350, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headkuai", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 40, Merchants: []int{0, 3}},
				}}},
		{Name: "blind18/attack/two-crews-openers-and-reviewers", Set: SetBlind18,
			Description: "两个团伙先后守一个卖蛋黄酥的商家，旁有买家带数字的评价，4 天，35 分钟：“开场”团伙 25 个新号、同一网段（IPv6 比例 0.2，25 人中 6 人走其 IPv6 /64）、5 台共用手机、相同话术（人人都说“瘦35斤”或“瘦16.6斤”）、35% 自相矛盾、不闲聊、不下单，只在前 2 天、每人每场 4 条、成批（每场 100 条，占评论的 11%–13%），每人全程 8 条；“口碑”团伙 12 个老号、每号一机、代理池（IPv6 比例 0.5，12 人中 4 人走 IPv6）、改写 0.85、30% 闲聊、六成比例下单（12 人中 7 人）、两成自相矛盾，从第 2 天起、每场 10–14 条、抽 8 人轮流、均匀（占评论的 0.5%–2.5%），在该商家与另两个商家（卖针织开衫、卖蛋黄酥），每人全程 8–12 条 / " +
				"two crews in turn at one merchant selling egg-yolk pastries, beside buyers' reviews with numbers, 4 days, 35 minutes: \"openers\", 25 new accounts, one subnet (IPv6 share 0.2, 6 of the 25 on its IPv6 /64), 5 shared phones, identical scripts (everyone says \"lost 35 jin\" or \"lost 16.6 jin\"), 35% contradicting themselves, no filler, no orders, on the first 2 days only, 4 lines each a broadcast in bursts (100 lines a broadcast, 11-13% of the comments), 8 lines per member over the run; and \"reviewers\", 12 aged accounts, a phone each, proxy pool (IPv6 share 0.5, 4 of the 12 on IPv6), paraphrase 0.85, 30% filler, buyers share 0.6 (7 of the 12), 20% contradicting themselves, from the second day on, 10-14 lines a broadcast by 8 drawn members in turn, spread evenly (0.5-2.5% of the comments), there and at two other merchants (cardigans, egg-yolk pastries), 8-12 lines per member over the run",
			Config: sim.Config{Seed: 2637, Rooms: 8, Days: 4, Duration: 35 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "openers", Accounts: 25, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.2, Devices: 5,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, PerAccount: 4, Merchants: []int{2}, Days: []int{0, 1}},
					{Name: "reviewers", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.6, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{10, 14}, RoomMembers: 8, Merchants: []int{2, 5, 7}, Days: []int{1, 2, 3}},
				}}},
		{Name: "blind18/attack/share-even-ipv6-proxy-afternoons", Set: SetBlind18,
			Description: "三个下午均匀占比的新号团伙，多走 IPv6：30 个新号、每号一机、代理池（IPv6 比例 0.7，30 人中 20 人走 IPv6）、轻度改写 0.4、两成闲聊、15% 比例下单（30 人中 6 人）、一成自相矛盾、均匀，占一个卖防晒衣的服装直播间评论的 12%（每场 97–133 条），连续 3 个下午（14:00 起），每人全程 6–22 条，50 分钟 / " +
				"a crew of new accounts at an even share over three afternoons, mostly on IPv6: 30 new accounts, a phone each, proxy pool (IPv6 share 0.7, 20 of the 30 on IPv6), light paraphrase 0.4, 20% filler, buyers share 0.15 (6 of the 30), 10% contradicting themselves, spread evenly at 12% of the comments of one apparel room selling sun-protection jackets (97-133 lines a broadcast), 3 afternoons in a row from 14:00, 6-22 lines per member over the run, 50 minutes",
			Config: sim.Config{Seed: 2642, Rooms: 5, Days: 3, Duration: 50 * time.Minute, Start: time.Date(2025, 10, 21, 14, 0, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "afternoon", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.7,
						Age: sim.AgeNew, Filler: 0.2, Buyers: 0.15, Contradict: 0.1, Timing: sim.TimingEven, Share: 0.12, Merchants: []int{3}},
				}}},
		{Name: "blind18/attack/studio-subnet-three-platforms", Set: SetBlind18,
			Description: "同一网段的工作室团伙跨三个平台，旁有铁粉：每个商家 35 名铁粉；15 个老号、同一网段（IPv6 比例 0.3，15 人中 2 人走其 IPv6 /64）、5 台共用手机、重度改写 0.9、40% 闲聊、两成比例下单（15 人中 2 人）、三成自相矛盾，每场抽 8 人、每人 2 条、成批（每场 16 条，占评论的 1%–3%），京东、小红书、B站各 2 个最冷清的商家（卖手机壳、雨伞、吹风机、化妆品、服装）3 天共 18 场，15 人中 14 人三个平台都去过，每人上场 7–16 次、全程 14–32 条，30 分钟 / " +
				"a studio crew on one subnet over three platforms, beside loyal fans: 35 loyal fans a merchant; 15 aged accounts, one subnet (IPv6 share 0.3, 2 of the 15 on its IPv6 /64), 5 shared phones, heavy paraphrase 0.9, 40% filler, buyers share 0.2 (2 of the 15), 30% contradicting themselves, 8 drawn a broadcast posting 2 each, in bursts (16 lines a broadcast, 1-3% of the comments), the 2 quietest merchants each on jd, xiaohongshu and bilibili (phone cases, umbrellas, hair dryers, cosmetics, apparel) over 3 days (18 broadcasts), 14 of the 15 on all three platforms, 7-16 broadcasts and 14-32 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2656, Rooms: 9, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"jd", "xiaohongshu", "bilibili"},
				Hard: sim.HardCases{LoyalFans: 35},
				Crews: []sim.Crew{
					{Name: "studio3p", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 5, Age: sim.AgeAged, Filler: 0.4, Buyers: 0.2, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 8, Reach: 6},
				}}},
		{Name: "blind18/attack/identical-new-ten-days-one-merchant", Set: SetBlind18,
			Description: "十天里每场只刷几条相同话术的新号团伙，旁有买家带数字的评价：14 个新号、每号一机、代理池（IPv6 比例 0.15，14 人中 3 人走 IPv6）、相同话术（卖维生素C咀嚼片的直播间，人人都说“瘦35斤”或“瘦16.6斤”）、四成自相矛盾、不闲聊、不下单，每场 6–9 条、每人一条、成批（占评论的 1.3%–2.3%），一个卖保健食品的商家连续 10 天，每人全程 2–8 条，20 分钟 / " +
				"a crew of new accounts posting only a few identical lines a broadcast over ten days, beside buyers' reviews with numbers: 14 new accounts, a phone each, proxy pool (IPv6 share 0.15, 3 of the 14 on IPv6), identical scripts (a room selling vitamin C chewables; everyone says \"lost 35 jin\" or \"lost 16.6 jin\"), 40% contradicting themselves, no filler, no orders, 6-9 lines a broadcast, one per member, in bursts (1.3-2.3% of the comments), one health-food merchant on 10 days in a row, 2-8 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 2669, Rooms: 6, Days: 10, Duration: 20 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "tendayid", Accounts: 14, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.15,
						Age: sim.AgeNew, Contradict: 0.4, Timing: sim.TimingBurst, RoomComments: [2]int{6, 9}, Merchants: []int{1}},
				}}},
		{Name: "blind18/organic/chant-5000-three-platforms-night", Set: SetBlind18,
			Description: "只有真实观众：三个平台（拼多多、快手、微信）的头部直播间各有 5000 人口号、800 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，7 个直播间，一场 50 分钟的夜播（21:00 起） / " +
				"organic only: head rooms on three platforms (pinduoduo, kuaishou, weixin), each with a 5,000-fan chant, 800 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 7 rooms, one 50-minute night broadcast from 21:00",
			Config: sim.Config{Seed: 2677, Rooms: 7, Duration: 50 * time.Minute, Start: time.Date(2025, 11, 11, 21, 0, 0, 0, cst),
				Platforms: []string{"pinduoduo", "kuaishou", "weixin"}, Hard: sim.HardCases{Chant: 5000, NAT: 800}}},
		{Name: "blind18/organic/fans-700-nat-120-two-platforms", Set: SetBlind18,
			Description: "只有真实观众：两个平台（抖音、京东）共 8 个商家，每个商家 700 名铁粉场场必到（同一平台 5000 名观众中抽取，多数人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，每个头部直播间 120 人共用一个运营商 NAT 地址，买家带数字的评价，5 天，每场 25 分钟 / " +
				"organic only: 8 merchants on two platforms (douyin, jd), 700 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so most are loyal fans of several merchants), greeting, praising the host, now and then buying, 120 viewers behind one carrier NAT address in each head room, buyers' reviews with numbers, 5 days of 25-minute broadcasts",
			Config: sim.Config{Seed: 2688, Rooms: 8, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"douyin", "jd"},
				Hard: sim.HardCases{LoyalFans: 700, NAT: 120, Reviews: true}}},
		{Name: "blind18/organic/everything-dawn-eight-days", Set: SetBlind18,
			Description: "只有真实观众：两个平台（视频号、淘宝）各 3 个直播间连续八个清晨开播（7:30 起），全部疑难场景（每个头部直播间 2200 人口号、450 人共用一个运营商 NAT 地址，每个商家 90 名铁粉，买家评价），每场 20 分钟 / " +
				"organic only: two platforms (shipinhao, taobao) with 3 rooms each broadcasting eight early mornings in a row from 7:30, every hard case (a 2,200-fan chant and 450 viewers behind one carrier NAT address in each head room, 90 loyal fans a merchant, buyers' reviews), 20-minute broadcasts",
			Config: sim.Config{Seed: 2694, Rooms: 6, Days: 8, Duration: 20 * time.Minute, Start: time.Date(2025, 3, 3, 7, 30, 0, 0, cst),
				Platforms: []string{"shipinhao", "taobao"}, Hard: sim.HardCases{Chant: 2200, NAT: 450, LoyalFans: 90, Reviews: true}}},
	}
}
