package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind13 names the thirteenth blind set.
const SetBlind13 = "blind13"

// Blind13 returns the thirteenth blind scenarios: a sixteenth set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// (2100 to 2199) and parameter combinations no other set uses. It was run
// once, on the version with farms across platforms, for an unseen figure
// of that version (docs/campaigns.md); it is now used.
//
// The naive jelly case itself, as told: one 12-hour day of a quiet room
// selling 谷语 jelly, every room of the run capped at 4,000 events so that
// the rooms are as quiet as the case's, where 48 new accounts on 16
// shared phones and one subnet recite identical scripts in bursts at 70%
// of the room's comments (1,481 lines, 30 or 31 a member), eight of them
// claiming both "35 jin" and "16.6 jin". Three sparse crews leave only a
// line or a few a broadcast: 20 new proxy accounts, a phone each, post one
// to three lines, seconds apart, in each broadcast of the 18 quietest of
// 24 merchants on three platforms (douyin, taobao, xiaohongshu) over four
// afternoons, every member on two platforms or three; 15 aged accounts on
// five phones and one subnet, 6 of them on its IPv6 /64, post two or three
// lines a broadcast, spread evenly, one per member, at ten merchants on
// five platforms (kuaishou, pinduoduo, weixin, jd, bilibili) over three
// late evenings, a fifth of them buying; and 14 new accounts, a phone
// each, on one subnet, 9 of them on its IPv6 /64, post exactly one line a
// broadcast in the 26 quietest of 30 rooms on a weekend. Two camouflaged
// crews of aged proxy accounts buy: 18 on six phones, paraphrasing
// heavily, more than half their lines chatter, 12 of the 18 buying, nine
// drawn a broadcast, four lines each spread evenly, at two cosmetics
// merchants of one brand over five days among 80 loyal fans a merchant
// and buyers' reviews with numbers; and 26, a phone each, that recite
// identical scripts under 40% chatter, 14 of them buying, 12 drawn a
// broadcast, three lines each spread evenly, at three merchants on the
// first, third and fifth of five days among 50 loyal fans a merchant. A
// crew of 40 aged accounts on five phones and one subnet (13 of them on
// its IPv6 /64) posts two lines each in bursts in the head rooms of three
// platforms (douyin, kuaishou, taobao) at once, hidden under 2,500-fan
// chants, 1,200 viewers behind one carrier NAT address and 150 loyal fans
// a merchant, lotteries and floods of "1". And two crews work two
// platforms (shipinhao, douyin) over three days: 30 new proxy accounts, a
// phone each, spread evenly at 20% of one household-goods room's comments;
// and 12 aged proxy accounts on three phones, paraphrasing almost always,
// every member one line a broadcast in a burst, at that merchant and four
// others on both platforms, three of them buying. Every member of every
// crew posts at least two scripted lines over its run (checked by
// generating the events), and every crew posts testimonials about the
// goods on sale.
//
// Its organic runs have 3,500-fan chants and 1,800 viewers behind one
// carrier NAT address in the head rooms of three platforms (pinduoduo,
// douyin, jd) in one 50-minute broadcast; 350 loyal fans a merchant, many
// of them fans of several merchants, 400 viewers behind one NAT address in
// the head room and buyers' reviews, over twelve merchants and five late
// evenings; and every hard case over two 12-hour days capped at 4,000
// events a room, like the jelly run (a 1,200-fan chant and 300 viewers
// behind one NAT address in the head room, 60 loyal fans a merchant,
// reviews). Every crew leaves something a careful analyst holding all the
// data could go on (texts, numbers, timing, addresses, devices, account
// ages, rooms, platforms); none is made indistinguishable from viewers by
// construction.
func Blind13() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind13/attack/jelly-twelve-hours-quiet-day", Set: SetBlind13,
			Description: "燃咔果冻案原样重现：卖谷语果冻的冷清直播间连播 12 小时（8:00 起），每个直播间当天最多 4000 个事件（直播间都像案中一样冷清）；48 个新号共用 16 台手机、同一网段（不走 IPv6）、相同话术（人人都说同样的“瘦35斤”或“瘦16.6斤”，其中 8 人两个数字都说过）、三成自相矛盾、不闲聊、不下单、成批，占该直播间评论的 70%（共 1481 条，每人 30–31 条），5 个直播间，一场 12 小时 / " +
				"the naive jelly case as told: a quiet room selling 谷语 jelly broadcasting for 12 hours (from 8:00), every room capped at 4,000 events for the day (all the rooms as quiet as the case's); 48 new accounts sharing 16 phones, one subnet (no IPv6), identical scripts (everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"; 8 of them say both), 30% contradicting themselves, no filler, no orders, in bursts, 70% of the room's comments (1,481 lines, 30-31 per member), 5 rooms, one 12-hour broadcast",
			Config: sim.Config{Seed: 2146, Rooms: 5, Duration: 12 * time.Hour, Start: time.Date(2025, 8, 18, 8, 0, 0, 0, cst), EventsPerRoom: 4000,
				Crews: []sim.Crew{
					{Name: "jelly12h", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 16, Age: sim.AgeNew,
						Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.7, Merchants: []int{4}},
				}}},
		{Name: "blind13/attack/sparse-three-platforms-phone-each", Set: SetBlind13,
			Description: "跨三个平台、每号一机的稀疏团伙：抖音、淘宝、小红书共 24 个商家中最冷清的 18 个（每个平台 6 个），连续 4 个下午（13:00 起）共 72 场，每场只 1–3 条、每人一条、相隔数秒成批发出（占评论的 0.1%–1.2%）；20 个新号、每号一机、代理池（IPv6 比例 0.15，20 人中 5 人走 IPv6）、改写 0.55、15% 闲聊、不下单、两成自相矛盾，20 人中 12 人三个平台都去过、8 人去过两个，每人去 5–15 个直播间、全程 5–15 条（其中话术 4–14 条），20 分钟 / " +
				"a sparse crew over three platforms, a phone each: the 18 quietest of 24 merchants on douyin, taobao and xiaohongshu (6 a platform), 4 afternoons in a row from 13:00 (72 broadcasts), only 1-3 lines a broadcast, one per member, posted seconds apart in a burst (0.1-1.2% of the comments); 20 new accounts, a phone each, proxy pool (IPv6 share 0.15, 5 of the 20 on IPv6), paraphrase 0.55, 15% filler, no orders, 20% contradicting themselves, 12 of the 20 on all three platforms, 8 on two, 5-15 rooms and 5-15 lines (4-14 of them scripted) per member, 20 minutes",
			Config: sim.Config{Seed: 2111, Rooms: 24, Days: 4, Duration: 20 * time.Minute, Start: time.Date(2025, 10, 6, 13, 0, 0, 0, cst),
				Platforms: []string{"douyin", "taobao", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "threeplat", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy, IPv6: 0.15,
						Age: sim.AgeNew, Filler: 0.15, Contradict: 0.2, Timing: sim.TimingBurst, RoomComments: [2]int{1, 3}, Reach: 18},
				}}},
		{Name: "blind13/attack/sparse-five-platforms-subnet-five-phones", Set: SetBlind13,
			Description: "跨五个平台、同一网段、5 台手机的低频老号团伙：15 个老号共用 5 台手机、同一网段（IPv6 比例 0.4，15 人中 6 人走其 IPv6 /64）、改写 0.75、25% 闲聊、两成比例下单（15 人中 3 人）、15% 自相矛盾，每场只 2–3 条、每人一条、均匀（占评论的 0.1%–0.9%），快手、拼多多、微信、京东、B站共 10 个非头部商家（面包、蛋黄酥、蓝莓、洗衣凝珠、笔记本、防晒衣、洗面奶、雨伞、婴儿奶粉），连续 3 个晚上（21:00 起）共 30 场，15 人中 3 人去过四个平台、9 人三个、3 人两个，每人全程 4–8 条（其中话术 2–7 条），25 分钟 / " +
				"a low-rate crew of aged accounts over five platforms, one subnet, 5 phones: 15 aged accounts sharing 5 phones, one subnet (IPv6 share 0.4, 6 of the 15 on its IPv6 /64), paraphrase 0.75, 25% filler, buyers share 0.2 (3 of the 15), 15% contradicting themselves, only 2-3 lines a broadcast, one per member, spread evenly (0.1-0.9% of the comments), 10 non-head merchants on kuaishou, pinduoduo, weixin, jd and bilibili (bread, egg-yolk pastries, blueberries, laundry pods, notebooks, sun-protective clothing, face wash, umbrellas, infant formula), 3 evenings in a row from 21:00 (30 broadcasts), 3 of the 15 on four platforms, 9 on three, 3 on two, 4-8 lines (2-7 of them scripted) per member, 25 minutes",
			Config: sim.Config{Seed: 2122, Rooms: 20, Days: 3, Duration: 25 * time.Minute, Start: time.Date(2025, 3, 10, 21, 0, 0, 0, cst),
				Platforms: []string{"kuaishou", "pinduoduo", "weixin", "jd", "bilibili"},
				Crews: []sim.Crew{
					{Name: "fiveplat", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetSubnet, IPv6: 0.4,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.15, Timing: sim.TimingEven, RoomComments: [2]int{2, 3},
						Merchants: []int{5, 6, 7, 8, 9, 11, 12, 13, 16, 18}},
				}}},
		{Name: "blind13/attack/one-line-a-room-ipv6-subnet", Set: SetBlind13,
			Description: "每场只发一条的新号团伙：30 个商家中最冷清的 26 个，一个周末两个下午（14:30 起）共 52 场，每场恰好 1 条（占评论的 0.07%–0.44%）、均匀；14 个新号、每号一机、同一网段（IPv6 比例 0.7，14 人中 9 人走其 IPv6 /64）、改写 0.6、不闲聊、不下单、三成自相矛盾，每人去 2–6 个直播间、全程 2–6 条，20 分钟 / " +
				"a crew of new accounts posting a single line a broadcast: the 26 quietest of 30 merchants on two weekend afternoons from 14:30 (52 broadcasts), exactly 1 line a broadcast (0.07-0.44% of the comments), spread evenly; 14 new accounts, a phone each, one subnet (IPv6 share 0.7, 9 of the 14 on its IPv6 /64), paraphrase 0.6, no filler, no orders, 30% contradicting themselves, 2-6 rooms and 2-6 lines per member, 20 minutes",
			Config: sim.Config{Seed: 2133, Rooms: 30, Days: 2, Duration: 20 * time.Minute, Start: time.Date(2025, 5, 17, 14, 30, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "oneline", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.7,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingEven, RoomComments: [2]int{1, 1}, Reach: 26},
				}}},
		{Name: "blind13/attack/beauty-buyers-among-fans-and-reviews", Set: SetBlind13,
			Description: "混在铁粉与买家评价中的美妆伪装团伙：每个商家 80 名铁粉、买家带数字的评价；18 个老号共用 6 台手机、代理池（IPv6 比例 0.2，18 人中 2 人走 IPv6）、重度改写 0.85、55% 闲聊、六成比例下单（18 人中 12 人）、5% 自相矛盾，每场抽 9 人、每人 4 条、均匀（每场 36 条，占评论的 3%–5.5%），同一品牌的两个化妆品商家（口红、玻尿酸精华）5 天共 10 场，每人全程 8–32 条（其中话术 2–16 条），30 分钟 / " +
				"a camouflaged beauty crew among loyal fans and buyers' reviews: 80 loyal fans a merchant, buyers' reviews with numbers; 18 aged accounts sharing 6 phones, proxy pool (IPv6 share 0.2, 2 of the 18 on IPv6), heavy paraphrase 0.85, 55% filler, buyers share 0.6 (12 of the 18), 5% contradicting themselves, 9 drawn a broadcast posting 4 each, spread evenly (36 lines a broadcast, 3-5.5% of the comments), two cosmetics merchants of one brand (lipstick, hyaluronic serum) over 5 days (10 broadcasts), 8-32 lines (2-16 of them scripted) per member, 30 minutes",
			Config: sim.Config{Seed: 2155, Rooms: 8, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "beautybuyers", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 6, Age: sim.AgeAged, Filler: 0.55, Buyers: 0.6, Contradict: 0.05, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 9, Merchants: []int{3, 6}},
				}}},
		{Name: "blind13/attack/identical-scripts-aged-buyers-alternate-days", Set: SetBlind13,
			Description: "隔天上场、话术相同的老号下单团伙，旁有铁粉：每个商家 50 名铁粉；26 个老号、每号一机、代理池（IPv6 比例 0.35，26 人中 13 人走 IPv6）、相同话术、40% 闲聊、五成比例下单（26 人中 14 人）、一成自相矛盾，只在第 1、3、5 天，每场抽 12 人、每人 3 条、均匀（每场 36 条，占评论的 1.5%–5.5%），三个商家（充电宝、阔腿裤、蓝莓）共 9 场，每人全程 6–21 条（其中话术 3–18 条），5 天，35 分钟 / " +
				"a crew of aged buyers reciting identical scripts on alternate days, beside loyal fans: 50 loyal fans a merchant; 26 aged accounts, a phone each, proxy pool (IPv6 share 0.35, 13 of the 26 on IPv6), identical scripts, 40% filler, buyers share 0.5 (14 of the 26), 10% contradicting themselves, on days 1, 3 and 5 only, 12 drawn a broadcast posting 3 each, spread evenly (36 lines a broadcast, 1.5-5.5% of the comments), three merchants (power banks, wide-leg trousers, blueberries), 9 broadcasts, 6-21 lines (3-18 of them scripted) per member, 5 days, 35 minutes",
			Config: sim.Config{Seed: 2125, Rooms: 7, Days: 5, Duration: 35 * time.Minute, Hard: sim.HardCases{LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "samewords", Accounts: 26, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Filler: 0.4, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3, RoomMembers: 12,
						Merchants: []int{1, 3, 6}, Days: []int{0, 2, 4}},
				}}},
		{Name: "blind13/attack/subnet-crew-in-three-head-rooms", Set: SetBlind13,
			Description: "同时藏在三个平台头部直播间里的同网段老号团伙：抖音（卖保温杯）、快手（卖苹果）、淘宝（卖牛肉干）的头部直播间各有 2500 人口号、1200 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；40 个老号共用 5 台手机、同一网段（IPv6 比例 0.3，40 人中 13 人走其 IPv6 /64）、改写 0.5、25% 闲聊、15% 比例下单（40 人中 5 人）、两成自相矛盾，全员在三个头部直播间每场每人 2 条、成批（每场 80 条，约占评论的 0.25%），每人全程 6 条（其中话术 2–6 条），一场 40 分钟 / " +
				"a crew of aged accounts on one subnet hidden in the head rooms of three platforms at once: the head rooms on douyin (selling vacuum flasks), kuaishou (apples) and taobao (beef jerky) each have a 2,500-fan chant, 1,200 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 40 aged accounts sharing 5 phones, one subnet (IPv6 share 0.3, 13 of the 40 on its IPv6 /64), paraphrase 0.5, 25% filler, buyers share 0.15 (5 of the 40), 20% contradicting themselves, every member 2 lines in each of the three head rooms, in bursts (80 lines a broadcast, about 0.25% of the comments), 6 lines (2-6 of them scripted) per member, one 40-minute broadcast",
			Config: sim.Config{Seed: 2168, Rooms: 6, Duration: 40 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Hard: sim.HardCases{Chant: 2500, NAT: 1200, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headsubnet", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{0, 1, 2}},
				}}},
		{Name: "blind13/attack/steady-share-and-drifters-two-platforms", Set: SetBlind13,
			Description: "两个平台（视频号、抖音）上的两个团伙，3 天，40 分钟：“常驻”团伙 30 个新号、每号一机、代理池（IPv6 比例 0.1，30 人中 5 人走 IPv6）、改写 0.4、10% 闲聊、不下单、四分之一自相矛盾，均匀地占抖音一个卖收纳箱的商家直播间评论的 20%（每场 279–372 条），每人全程 17–44 条；“游走”团伙 12 个老号共用 3 台手机、代理池（IPv6 比例 0.5，12 人中 9 人走 IPv6）、改写 0.9、40% 闲聊、三成比例下单（12 人中 3 人）、四成自相矛盾，全员每场每人 1 条、成批（每场 12 条，占评论的 0.2%–1.6%），在该商家与另外四个商家（抖音的吹风机、猫粮，视频号的卸妆水、木耳）共 15 场，每人全程 15 条（其中话术 7–12 条） / " +
				"two crews on two platforms (shipinhao, douyin), 3 days, 40 minutes: \"steady\", 30 new accounts, a phone each, proxy pool (IPv6 share 0.1, 5 of the 30 on IPv6), paraphrase 0.4, 10% filler, no orders, 25% contradicting themselves, spread evenly at 20% of the comments of one douyin merchant selling storage boxes (279-372 lines a broadcast), 17-44 lines per member over the run; and \"drifters\", 12 aged accounts sharing 3 phones, proxy pool (IPv6 share 0.5, 9 of the 12 on IPv6), paraphrase 0.9, 40% filler, buyers share 0.3 (3 of the 12), 40% contradicting themselves, every member 1 line a broadcast, in bursts (12 lines a broadcast, 0.2-1.6% of the comments), at that merchant and four others (hair dryers and cat food on douyin, make-up remover and wood-ear mushrooms on shipinhao), 15 broadcasts, 15 lines (7-12 of them scripted) per member",
			Config: sim.Config{Seed: 2179, Rooms: 8, Days: 3, Duration: 40 * time.Minute, Platforms: []string{"shipinhao", "douyin"},
				Crews: []sim.Crew{
					{Name: "steady", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.1,
						Age: sim.AgeNew, Filler: 0.1, Contradict: 0.25, Timing: sim.TimingEven, Share: 0.2, Merchants: []int{3}},
					{Name: "drifters", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.5,
						Devices: 3, Age: sim.AgeAged, Filler: 0.4, Buyers: 0.3, Contradict: 0.4, Timing: sim.TimingBurst, PerAccount: 1,
						Merchants: []int{3, 4, 5, 6, 7}},
				}}},
		{Name: "blind13/organic/chant-3500-nat-1800-three-platforms", Set: SetBlind13,
			Description: "只有真实观众：三个平台（拼多多、抖音、京东）的头部直播间各有 3500 人口号、1800 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，6 个直播间，一场 50 分钟 / " +
				"organic only: head rooms on three platforms (pinduoduo, douyin, jd), each with a 3,500-fan chant, 1,800 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 6 rooms, one 50-minute broadcast",
			Config: sim.Config{Seed: 2187, Rooms: 6, Duration: 50 * time.Minute, Platforms: []string{"pinduoduo", "douyin", "jd"},
				Hard: sim.HardCases{Chant: 3500, NAT: 1800}}},
		{Name: "blind13/organic/fans-350-nat-400-late-evenings", Set: SetBlind13,
			Description: "只有真实观众：一个平台 12 个商家连续五个晚上开播（21:00 起），每个商家 350 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，头部直播间 400 人共用一个运营商 NAT 地址，买家带数字的评价，每场 25 分钟 / " +
				"organic only: 12 merchants on one platform broadcasting five evenings in a row from 21:00, 350 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, 400 viewers behind one carrier NAT address in the head room, buyers' reviews with numbers, 25-minute broadcasts",
			Config: sim.Config{Seed: 2192, Rooms: 12, Days: 5, Duration: 25 * time.Minute, Start: time.Date(2025, 2, 3, 21, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 350, NAT: 400, Reviews: true}}},
		{Name: "blind13/organic/everything-twelve-hours-capped", Set: SetBlind13,
			Description: "只有真实观众：5 个直播间连续两天各连播 12 小时（8:00 起），与果冻案场景一样每个直播间每天最多 4000 个事件，全部疑难场景（头部直播间 1200 人口号、300 人共用一个 NAT 地址，每个商家 60 名铁粉，买家评价） / " +
				"organic only: 5 rooms broadcasting 12 hours (from 8:00) on two days in a row, capped like the jelly run at 4,000 events a room a day, every hard case (a 1,200-fan chant and 300 viewers behind one NAT address in the head room, 60 loyal fans a merchant, buyers' reviews)",
			Config: sim.Config{Seed: 2196, Rooms: 5, Days: 2, Duration: 12 * time.Hour, Start: time.Date(2025, 8, 18, 8, 0, 0, 0, cst), EventsPerRoom: 4000,
				Hard: sim.HardCases{Chant: 1200, NAT: 300, LoyalFans: 60, Reviews: true}}},
	}
}
