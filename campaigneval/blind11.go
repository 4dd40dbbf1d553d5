package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind11 names the eleventh blind set.
const SetBlind11 = "blind11"

// Blind11 returns the eleventh blind scenarios: a fourteenth set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// (1900 to 1999) and parameter combinations other than those of Matrix,
// Heldout, Blind9 and Blind10 (the sets its author read). It was run
// once, on the version with the synchrony test of (room, script, bucket)
// bursts, for an unseen figure of that version (docs/campaigns.md); it is
// now used.
//
// The jelly case itself, at its own scale: a room selling 燃咔 jelly
// broadcasts for twelve hours, and 48 new accounts, a phone each, on one
// subnet, post identical scripts in bursts, about 1,200 testimonials, 70%
// of the room's comments, everyone copying the case's "35 jin" or "16.6
// jin" and eight of them claiming both (the run is thinned to at most
// 3,300 events a room, so that the room holds the case's numbers). A
// lightly paraphrasing crew of 60 new accounts on one subnet and six
// phones, 20 a broadcast, three lines each in bursts, works six quiet
// merchants of different goods over two days. Two sparse crews leave only
// a line or three a broadcast: 14 aged accounts, a phone each, all on one
// subnet (half of them on its IPv6 /64), one line each spread evenly over
// the 20 quietest of 24 merchants on three evenings; and 18 new proxy
// accounts on five phones post two or three lines seconds apart in the
// rooms of nine merchants on three platforms (taobao, pinduoduo,
// xiaohongshu) over five days, most members on all three. Three crews
// are camouflaged: 28 aged proxy accounts, a phone each, whose lines are
// two-thirds chatter and most of whom buy, 18 a broadcast, four lines
// each spread evenly, at one cosmetics merchant over seven days among 80
// loyal fans a merchant and buyers' reviews whose "used it for 20 days"
// their script resembles; 26 aged proxy accounts on six phones that
// always paraphrase, 16 a broadcast, two lines each in bursts, at one
// merchant on each of two platforms (kuaishou, xiaohongshu) over five
// days among 50 loyal fans a merchant; and 24 aged proxy accounts on a
// single phone, 14 a broadcast, three lines each spread evenly, on every
// other day of six, in a health-food head room with an 800-fan chant and
// in a quiet food room, among loyal fans and buyers' reviews. And 45 aged
// proxy accounts on nine phones recite identical scripts, three lines
// each spread evenly, in a head room on two days, under a 2,500-fan
// chant, 300 viewers behind one carrier NAT address, 150 loyal fans,
// lotteries and floods of "1". Every member of every crew posts at least
// two scripted lines over its run (checked by generating the events), and
// every crew posts testimonials about the goods on sale.
//
// Its organic runs have 2,800-fan chants and 1,200 viewers behind one
// carrier NAT address in the head rooms of three platforms (douyin,
// weixin, taobao) at noon; 800 loyal fans a merchant on one platform
// (pinduoduo), most of them fans of several merchants, with buyers'
// reviews over four days; and every hard case over two twelve-hour days
// thinned as the jelly run is (a 1,200-fan chant and 300 viewers behind
// one NAT address in the head room, 120 loyal fans a merchant, reviews).
// Every crew leaves something a careful analyst holding all the data
// could go on (texts, numbers, timing, addresses, devices, account ages,
// rooms, platforms); none is made indistinguishable from viewers by
// construction.
func Blind11() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind11/attack/jelly-twelve-hours", Set: SetBlind11,
			Description: "燃咔果冻案原样重现：卖燃咔果冻（30颗装）的冷清直播间从早上 8 点起连播 12 小时（全场每个直播间最多 3300 个事件，评论随之稀疏）；48 个新号、每号一机、同一 /24 网段（不走 IPv6）、相同话术（人人都说同样的“瘦35斤”或“瘦16.6斤”）、四分之一自相矛盾（48 人中 8 人两种说法都说过）、不闲聊、不下单、成批，共 1196 条，占该直播间 1706 条评论的 70%，每人 24–25 条，6 个直播间，一天 / " +
				"the jelly case at its own scale: a quiet room selling 燃咔 jelly (30-piece packs) broadcasting 12 hours from 8 am (every room thinned to at most 3,300 events, comments with them); 48 new accounts, a phone each, one /24 subnet (none on IPv6), identical scripts (everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), a quarter contradicting themselves (8 of the 48 say both), no filler, no orders, in bursts, 1,196 lines, 70% of the room's 1,706 comments, 24-25 per member, 6 rooms, one day",
			Config: sim.Config{Seed: 1950, Rooms: 6, Duration: 12 * time.Hour, Start: time.Date(2025, 8, 19, 8, 0, 0, 0, cst),
				EventsPerRoom: 3300,
				Crews: []sim.Crew{
					{Name: "jelly12h", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Age: sim.AgeNew,
						Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.7, Merchants: []int{5}},
				}}},
		{Name: "blind11/attack/sparse-one-subnet-twenty-rooms", Set: SetBlind11,
			Description: "同一网段的稀疏老号团伙：14 个老号、每号一机、同一网段（IPv6 比例 0.5，14 人中 7 人走其 IPv6 /64）、改写 0.6、15% 闲聊、一成比例下单（14 人中 1 人）、两成自相矛盾，每场只 1–3 条、每人一条、均匀（占评论的 0.1%–1.1%），24 个商家中最冷清的 20 个，连续 3 个晚上共 60 场，每人去 6–15 个直播间、全程 6–15 条，20 分钟 / " +
				"a sparse crew of aged accounts on one subnet: 14 aged accounts, a phone each, one subnet (IPv6 share 0.5, 7 of the 14 on its IPv6 /64), paraphrase 0.6, 15% filler, buyers share 0.1 (1 of the 14), 20% contradicting themselves, only 1-3 lines a broadcast, one per member, spread evenly (0.1-1.1% of the comments), the 20 quietest of 24 merchants on 3 evenings in a row (60 broadcasts), 6-15 rooms and 6-15 lines per member, 20 minutes",
			Config: sim.Config{Seed: 1908, Rooms: 24, Days: 3, Duration: 20 * time.Minute,
				Crews: []sim.Crew{
					{Name: "subnetsparse", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.15, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 3}, Reach: 20},
				}}},
		{Name: "blind11/attack/sparse-bursts-three-platforms", Set: SetBlind11,
			Description: "跨三个平台、成批出手的稀疏新号团伙：18 个新号共用 5 台手机、代理池（IPv6 比例 0.25，18 人中 3 人走 IPv6）、改写 0.5、15% 闲聊、15% 比例下单（18 人中 1 人）、三成自相矛盾，每场 2–3 条、每人一条、相隔数秒成批发出（占评论的 0%–0.7%），淘宝（保健食品、燃咔果冻、日用品）、拼多多（三家化妆品）、小红书（服装、保健食品、水果）各 3 个非头部商家，5 天共 45 场，18 人中 14 人三个平台都去过、3 人去过两个、1 人只去过一个，每人去 2–12 个直播间、全程 2–12 条，25 分钟 / " +
				"a sparse crew of new accounts posting in bursts over three platforms: 18 new accounts sharing 5 phones, proxy pool (IPv6 share 0.25, 3 of the 18 on IPv6), paraphrase 0.5, 15% filler, buyers share 0.15 (1 of the 18), 30% contradicting themselves, 2-3 lines a broadcast, one per member, posted seconds apart in a burst (0-0.7% of the comments), three non-head merchants each on taobao (health food, 燃咔 jelly, household goods), pinduoduo (three cosmetics) and xiaohongshu (apparel, health food, fruit), 5 days (45 broadcasts), 14 of the 18 on all three platforms, 3 on two, 1 on one, 2-12 rooms and 2-12 lines per member, 25 minutes",
			Config: sim.Config{Seed: 1919, Rooms: 12, Days: 5, Duration: 25 * time.Minute,
				Platforms: []string{"taobao", "pinduoduo", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "burst3p", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 5, Age: sim.AgeNew, Filler: 0.15, Buyers: 0.15, Contradict: 0.3, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 3}, Merchants: []int{3, 4, 5, 6, 7, 8, 9, 10, 11}},
				}}},
		{Name: "blind11/attack/chatty-buyers-cosmetics-seven-days", Set: SetBlind11,
			Description: "爱闲聊、多下单的伪装团伙，混在铁粉与买家带数字的评价中：每个商家 80 名铁粉、买家评价；28 个老号、每号一机、代理池（IPv6 比例 0.2，28 人中 6 人走 IPv6）、改写 0.75、65% 闲聊、六成比例下单（28 人中 15 人）、15% 自相矛盾，每场抽 18 人、每人 4 条、均匀（每场 72 条，占评论的 3.5%–5.3%），一个卖口红礼盒的化妆品商家连续 7 天共 7 场，每人全程 8–28 条（其中话术 2–13 条），30 分钟 / " +
				"a chatty camouflaged crew that mostly buys, among loyal fans and buyers' reviews with numbers: 80 loyal fans a merchant, buyers' reviews; 28 aged accounts, a phone each, proxy pool (IPv6 share 0.2, 6 of the 28 on IPv6), paraphrase 0.75, 65% filler, buyers share 0.6 (15 of the 28), 15% contradicting themselves, 18 drawn a broadcast posting 4 each, spread evenly (72 lines a broadcast, 3.5-5.3% of the comments), one cosmetics merchant selling lipstick gift sets on 7 days in a row (7 broadcasts), 8-28 lines (2-13 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1931, Rooms: 6, Days: 7, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "chatty", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.65, Buyers: 0.6, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 18, Merchants: []int{5}},
				}}},
		{Name: "blind11/attack/full-paraphrase-bursts-two-platforms", Set: SetBlind11,
			Description: "完全改写、成批出手的伪装团伙，跨两个平台，旁有铁粉：每个商家 50 名铁粉；26 个老号、6 台共用手机、代理池（IPv6 比例 0.4，26 人中 14 人走 IPv6）、改写程度 1、35% 闲聊、45% 比例下单（26 人中 12 人）、两成自相矛盾，每场抽 16 人、每人 2 条、成批（每场 32 条，占评论的 3.5%–6.3%），快手一个卖牛肉干的商家与小红书一个卖手机壳的商家，5 天共 10 场，全员两个平台都去过，每人全程 6–16 条（其中话术 4–13 条），30 分钟 / " +
				"a camouflaged crew that always paraphrases, posting in bursts over two platforms, beside loyal fans: 50 loyal fans a merchant; 26 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.4, 14 of the 26 on IPv6), paraphrase degree 1, 35% filler, buyers share 0.45 (12 of the 26), 20% contradicting themselves, 16 drawn a broadcast posting 2 each, in bursts (32 lines a broadcast, 3.5-6.3% of the comments), a merchant selling beef jerky on kuaishou and one selling phone cases on xiaohongshu, 5 days (10 broadcasts), every member on both platforms, 6-16 lines (4-13 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1937, Rooms: 6, Days: 5, Duration: 30 * time.Minute,
				Platforms: []string{"kuaishou", "xiaohongshu"}, Hard: sim.HardCases{LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "fullpara", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 1, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 6, Age: sim.AgeAged, Filler: 0.35, Buyers: 0.45, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 16, Merchants: []int{2, 5}},
				}}},
		{Name: "blind11/attack/identical-even-in-head-room", Set: SetBlind11,
			Description: "头部直播间里均匀背诵相同话术的老号团伙：卖保温杯的头部直播间有 2500 人口号、300 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；45 个老号、9 台共用手机、代理池（IPv6 比例 0.2，45 人中 10 人走 IPv6）、相同话术（“回购第3次了，质量没得说”等）、15% 闲聊、一成比例下单（45 人中 7 人）、两成自相矛盾，全员两天都在、每场每人 3 条、均匀（每场 135 条，约占评论的 0.4%），每人全程 6 条（其中话术 2–6 条），2 天，40 分钟 / " +
				"a crew of aged accounts reciting identical scripts evenly in a head room: the head room sells vacuum flasks and has a 2,500-fan chant, 300 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 45 aged accounts on 9 shared phones, proxy pool (IPv6 share 0.2, 10 of the 45 on IPv6), identical scripts (\"bought it for the 3rd time, the quality is flawless\" and the like), 15% filler, buyers share 0.1 (7 of the 45), 20% contradicting themselves, every member on both days, 3 lines each a broadcast, spread evenly (135 lines a broadcast, about 0.4% of the comments), 6 lines (2-6 of them scripted) per member over the run, 2 days, 40 minutes",
			Config: sim.Config{Seed: 1946, Rooms: 5, Days: 2, Duration: 40 * time.Minute,
				Hard: sim.HardCases{Chant: 2500, NAT: 300, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headidentical", Accounts: 45, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 9, Age: sim.AgeAged, Filler: 0.15, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 3,
						Merchants: []int{0}},
				}}},
		{Name: "blind11/attack/subnet-six-merchants", Set: SetBlind11,
			Description: "同一网段、轻度改写、跨 6 个商家的新号团伙：60 个新号、同一网段（IPv6 比例 0.2，60 人中 8 人走其 IPv6 /64）、6 台共用手机、轻度改写 0.25、四分之一自相矛盾、不闲聊、不下单，每场抽 20 人、每人 3 条、成批（每场 60 条，占评论的 5.8%–12.1%），6 个非头部商家（两家卖服装、一家卖大米、一家卖文具、一家卖医用口罩、一家药房卖维生素 B2），2 天共 12 场，每人去 1–8 个直播间、全程 3–24 条，30 分钟 / " +
				"a lightly paraphrasing crew of new accounts on one subnet over 6 merchants: 60 new accounts, one subnet (IPv6 share 0.2, 8 of the 60 on its IPv6 /64), 6 shared phones, light paraphrase 0.25, a quarter contradicting themselves, no filler, no orders, 20 drawn a broadcast posting 3 each, in bursts (60 lines a broadcast, 5.8-12.1% of the comments), 6 non-head merchants (two apparel, one rice, one stationery, one medical masks, a pharmacy selling vitamin B2), 2 days (12 broadcasts), 1-8 rooms and 3-24 lines per member, 30 minutes",
			Config: sim.Config{Seed: 1963, Rooms: 9, Days: 2, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "sixshops", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.2,
						Devices: 6, Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 3, RoomMembers: 20,
						Merchants: []int{1, 2, 3, 5, 7, 8}},
				}}},
		{Name: "blind11/attack/one-phone-studio-alternate-days", Set: SetBlind11,
			Description: "只用 1 台手机、隔天上工的工作室团伙，跨头部与冷清直播间，旁有铁粉与买家评价：卖鱼油的保健食品头部直播间有 800 人口号，每个商家 40 名铁粉，买家带数字的评价；24 个老号共用 1 台手机、代理池（IPv6 比例 0.15，24 人中 4 人走 IPv6）、改写 0.85、30% 闲聊、三成比例下单（24 人中 9 人）、35% 自相矛盾，只在 6 天中的第 2、4、6 天，每场抽 14 人、每人 3 条、均匀（每场 42 条，在头部直播间约占评论的 0.2%–0.3%，在卖燃咔黑芝麻丸的冷清直播间占 6%–9%），共 6 场，每人全程 6–15 条（其中话术 3–11 条），30 分钟 / " +
				"a studio crew on a single phone working every other day, in a head room and a quiet room, beside loyal fans and buyers' reviews: the health-food head room sells fish oil and has an 800-fan chant, 40 loyal fans a merchant, buyers' reviews with numbers; 24 aged accounts sharing 1 phone, proxy pool (IPv6 share 0.15, 4 of the 24 on IPv6), paraphrase 0.85, 30% filler, buyers share 0.3 (9 of the 24), 35% contradicting themselves, on days 2, 4 and 6 of six only, 14 drawn a broadcast posting 3 each, spread evenly (42 lines a broadcast, about 0.2-0.3% of the comments in the head room, 6-9% in a quiet room selling 燃咔 black sesame balls), 6 broadcasts, 6-15 lines (3-11 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 1975, Rooms: 6, Days: 6, Duration: 30 * time.Minute,
				Hard: sim.HardCases{Chant: 800, LoyalFans: 40, Reviews: true},
				Crews: []sim.Crew{
					{Name: "onephone", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 1, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.3, Contradict: 0.35, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 14, Merchants: []int{0, 2}, Days: []int{1, 3, 5}},
				}}},
		{Name: "blind11/organic/chant-2800-nat-1200-noon", Set: SetBlind11,
			Description: "只有真实观众：三个平台（抖音、微信、淘宝）的头部直播间各有 2800 人口号、1200 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，6 个直播间，中午 12 点起一场 50 分钟 / " +
				"organic only: head rooms on three platforms (douyin, weixin, taobao), each with a 2,800-fan chant, 1,200 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 6 rooms, one 50-minute broadcast from noon",
			Config: sim.Config{Seed: 1982, Rooms: 6, Duration: 50 * time.Minute, Start: time.Date(2025, 10, 21, 12, 0, 0, 0, cst),
				Platforms: []string{"douyin", "weixin", "taobao"}, Hard: sim.HardCases{Chant: 2800, NAT: 1200}}},
		{Name: "blind11/organic/loyal-fans-800-reviews", Set: SetBlind11,
			Description: "只有真实观众：拼多多 7 个商家，每个商家 800 名铁粉场场必到（同一平台 5000 名观众中抽取，多数人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，4 天，每场 20 分钟 / " +
				"organic only: 7 merchants on pinduoduo, 800 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so most are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 4 days of 20-minute broadcasts",
			Config: sim.Config{Seed: 1988, Rooms: 7, Days: 4, Duration: 20 * time.Minute, Platforms: []string{"pinduoduo"},
				Hard: sim.HardCases{LoyalFans: 800, Reviews: true}}},
		{Name: "blind11/organic/everything-twelve-hours", Set: SetBlind11,
			Description: "只有真实观众：5 个直播间连续两天、每天从早上 8 点起连播 12 小时（与果冻案场景一样，每个直播间最多 3300 个事件），全部疑难场景（头部直播间 1200 人口号、300 人共用一个运营商 NAT 地址，每个商家 120 名铁粉，买家带数字的评价） / " +
				"organic only: 5 rooms broadcasting 12 hours from 8 am on two days in a row (at most 3,300 events a room, as in the jelly scenario), every hard case (a 1,200-fan chant and 300 viewers behind one carrier NAT address in the head room, 120 loyal fans a merchant, buyers' reviews with numbers)",
			Config: sim.Config{Seed: 1994, Rooms: 5, Days: 2, Duration: 12 * time.Hour, Start: time.Date(2025, 8, 26, 8, 0, 0, 0, cst),
				EventsPerRoom: 3300, Hard: sim.HardCases{Chant: 1200, NAT: 300, LoyalFans: 120, Reviews: true}}},
	}
}
