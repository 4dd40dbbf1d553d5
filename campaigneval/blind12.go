package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind12 names the twelfth blind set.
const SetBlind12 = "blind12"

// Blind12 returns the twelfth blind scenarios: a fifteenth set, written
// from the task's list of attack variants and organic look-alikes and
// from the simulator alone, without sight of the detector, with seeds
// 2000 to 2099 and parameter combinations that differ from those of
// Matrix, Heldout, Blind9 and Blind10. It was run once, on the version
// with office networks, for an unseen figure (docs/campaigns.md); its
// one miss was then read: it is used.
//
// The jelly case is replayed at its own scale: a quiet room selling jelly
// broadcasts for twelve hours from 9:00, every room of the run capped at
// 4,000 events so that comments thin out evenly, and 48 new accounts, a
// phone each, on one subnet (14 of them on its IPv6 /64), recite
// identical scripts in bursts at 70% of the room's comments, about 1,550
// lines, everyone copying "35 jin" or "16.6 jin" and five of them saying
// both. Two sparse crews leave one to three lines a broadcast: 20 aged
// proxy accounts on five phones, one line each, spread evenly, over the
// 15 non-head merchants of five platforms (douyin, kuaishou, taobao,
// pinduoduo, xiaohongshu) and four days, every member on two platforms or
// more, beside buyers' reviews; and 14 aged accounts on one subnet, half
// of them on its IPv6 /64, paraphrasing heavily and chatting a third of
// the time, two members a broadcast posting two or three lines seconds
// apart, over the 12 quietest of 16 merchants and six afternoons, beside
// 35 loyal fans a merchant. A heavily camouflaged crew of 18 aged proxy
// accounts on six phones (paraphrase 0.85, over half of its lines
// chatter, 11 of the 18 buying) draws nine members a broadcast, four
// lines each spread evenly, at two cosmetics merchants over five days,
// among 80 loyal fans a merchant and buyers' reviews. A camouflaged crew
// of 26 aged proxy accounts, a phone each and mostly on IPv6, works only
// every other day of six, 14 members a broadcast posting three lines each
// in bursts, at three merchants of three kinds of goods. A crew of 50 new
// proxy accounts on ten phones posts four lines each spread evenly in a
// cosmetics head room on two days, under a 2,500-fan chant, 800 viewers
// behind one carrier NAT address, 150 loyal fans, lotteries and floods of
// "1". A studio crew of 20 aged proxy accounts on a single phone draws
// eight members a broadcast, two lines each, over three non-head
// merchants on each of two platforms (weixin, jd) and four days, beside
// 30 loyal fans a merchant. And a rotating roster of 150 new proxy
// accounts on 25 phones sends 25 of them to each of eight lunchtime
// broadcasts of one health-food merchant, two barely paraphrased lines
// each in bursts, so that most members show up once. Every crew member
// that posts at all posts at least two scripted lines over its run
// (checked by generating the events), and every crew posts testimonials
// about the goods on sale.
//
// Its organic runs have 5,000-fan chants and 2,000 viewers behind one
// carrier NAT address in the head rooms of two platforms (kuaishou,
// xiaohongshu) in one late-evening broadcast; 800 loyal fans a merchant,
// many of them fans of several merchants, 300 viewers behind one NAT
// address in each head room and buyers' reviews, over two platforms
// (douyin, pinduoduo) and four days; and every hard case over two
// twelve-hour days capped at 4,000 events a room, like the jelly room's
// run (a 900-fan chant and 120 viewers behind one NAT address in the head
// room, 50 loyal fans a merchant, reviews). Every crew leaves something a
// careful analyst holding all the data could go on (texts, numbers,
// timing, addresses, devices, account ages, rooms, platforms); none is
// made indistinguishable from viewers by construction.
func Blind12() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind12/attack/jelly-twelve-hours", Set: SetBlind12,
			Description: "燃咔果冻案按原尺度重演：卖果冻（乐嘻嘻果冻）的冷清直播间连播 12 小时（9:00 起），全场每个直播间事件上限 4000 条（评论按比例稀释，该直播间全程约 2200 条评论）；48 个新号、每号一机（“几十个手机号”）、同一网段（IPv6 比例 0.2，48 人中 14 人走其 IPv6 /64）、相同话术（人人都说同样的“瘦35斤”或“瘦16.6斤”，48 人中 5 人两种说法都说过）、不闲聊、不下单、成批，占该直播间评论的 70%（全程约 1550 条，每人 32–33 条），一场 / " +
				"the jelly case replayed at its own scale: a quiet room selling jelly broadcasting for 12 hours from 9:00, every room of the run capped at 4,000 events (comments thinned evenly; about 2,200 comments in that room); 48 new accounts, a phone each (\"dozens of phone accounts\"), one subnet (IPv6 share 0.2, 14 of the 48 on its IPv6 /64), identical scripts (everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"; 5 of the 48 say both), no filler, no orders, in bursts, 70% of the room's comments (about 1,550 lines, 32-33 per member), one broadcast",
			Config: sim.Config{Seed: 2027, Rooms: 5, Duration: 12 * time.Hour, EventsPerRoom: 4000,
				Start: time.Date(2025, 8, 2, 9, 0, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "jelly12h", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.2,
						Age: sim.AgeNew, Contradict: 0.15, Timing: sim.TimingBurst, Share: 0.7, Merchants: []int{4}},
				}}},
		{Name: "blind12/attack/sparse-five-platforms", Set: SetBlind12,
			Description: "跨五个平台的稀疏团伙，旁有买家带数字的评价：抖音、快手、淘宝、拼多多、小红书各 3 个非头部商家共 15 个，4 天共 60 场，每场只 1–3 条、每人一条、均匀（占评论的 0.1%–1%）；20 个老号、5 台共用手机、代理池（IPv6 比例 0.3，20 人中 2 人走 IPv6）、改写 0.75、25% 闲聊、15% 比例下单（20 人中 3 人）、两成自相矛盾，每人去 3–12 场、2–5 个平台（3 人五个平台都去过）、全程话术 3–9 条，25 分钟 / " +
				"a sparse crew over five platforms, beside buyers' reviews with numbers: the 3 non-head merchants each of douyin, kuaishou, taobao, pinduoduo and xiaohongshu (15 merchants), 4 days (60 broadcasts), only 1-3 lines a broadcast, one per member, spread evenly (0.1-1% of the comments); 20 aged accounts on 5 shared phones, proxy pool (IPv6 share 0.3, 2 of the 20 on IPv6), paraphrase 0.75, 25% filler, buyers share 0.15 (3 of the 20), 20% contradicting themselves, 3-12 broadcasts and 2-5 platforms per member (3 on all five), 3-9 scripted lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2013, Rooms: 20, Days: 4, Duration: 25 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "pinduoduo", "xiaohongshu"}, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "fiveplat", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 5, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{1, 3}, Reach: 15},
				}}},
		{Name: "blind12/attack/sparse-subnet-pairs-afternoons", Set: SetBlind12,
			Description: "同一网段的老号稀疏团伙，两人一组，旁有铁粉：每个商家 35 名铁粉；14 个老号、每号一机、同一网段（IPv6 比例 0.5，14 人中 8 人走其 IPv6 /64）、重度改写 0.9、35% 闲聊、三成比例下单（14 人中 4 人）、两成自相矛盾，每场 2 人上场、共 2–3 条、相隔数秒成批（占评论的 0.3%–0.9%），16 个商家中最冷清的 12 个，连续 6 个下午（14:00 起）共 72 场，每人去 6–16 场、全程话术 4–14 条，20 分钟 / " +
				"a sparse crew of aged accounts on one subnet, working in pairs, beside loyal fans: 35 loyal fans a merchant; 14 aged accounts, a phone each, one subnet (IPv6 share 0.5, 8 of the 14 on its IPv6 /64), heavy paraphrase 0.9, 35% filler, buyers share 0.3 (4 of the 14), 20% contradicting themselves, 2 members a broadcast posting 2-3 lines seconds apart in a burst (0.3-0.9% of the comments), the 12 quietest of 16 merchants on 6 afternoons in a row from 14:00 (72 broadcasts), 6-16 broadcasts and 4-14 scripted lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 2036, Rooms: 16, Days: 6, Duration: 20 * time.Minute, Start: time.Date(2025, 10, 13, 14, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 35},
				Crews: []sim.Crew{
					{Name: "subnetpairs", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.35, Buyers: 0.3, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 3}, RoomMembers: 2, Reach: 12},
				}}},
		{Name: "blind12/attack/skincare-crew-among-fans-reviews", Set: SetBlind12,
			Description: "混在铁粉和买家评价中的重度伪装团伙：每个商家 80 名铁粉、买家带数字的评价；18 个老号、6 台共用手机、代理池（IPv6 比例 0.2，18 人中 5 人走 IPv6）、改写 0.85、55% 闲聊、六成比例下单（18 人中 11 人）、四分之一自相矛盾，每场抽 9 人、每人 4 条、均匀（每场 36 条，占评论的 1%–5%），两个卖化妆品（防晒霜、精华液）的商家 5 天共 10 场，每人上场 2–8 次、全程话术 3–17 条，30 分钟 / " +
				"a heavily camouflaged crew among loyal fans and buyers' reviews: 80 loyal fans a merchant, buyers' reviews with numbers; 18 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.2, 5 of the 18 on IPv6), paraphrase 0.85, 55% filler, buyers share 0.6 (11 of the 18), 25% contradicting themselves, 9 drawn a broadcast posting 4 each, spread evenly (36 lines a broadcast, 1-5% of the comments), two cosmetics merchants (sunscreen, serum) over 5 days (10 broadcasts), 2-8 broadcasts and 3-17 scripted lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2022, Rooms: 8, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "skinfans", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 6, Age: sim.AgeAged, Filler: 0.55, Buyers: 0.6, Contradict: 0.25, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 9, Merchants: []int{5, 6}},
				}}},
		{Name: "blind12/attack/every-other-day-three-merchants", Set: SetBlind12,
			Description: "隔天上工、多走 IPv6 的伪装团伙，旁有买家带数字的评价：26 个老号、每号一机、代理池（IPv6 比例 0.7，26 人中 17 人走 IPv6）、改写 0.6、30% 闲聊、四成比例下单（26 人中 11 人）、15% 自相矛盾，只在 6 天中的第 1、3、5 天，每场抽 14 人、每人 3 条、成批（每场 42 条，占评论的 2%–7%），三个商家（卖自热火锅、保温杯、精华液）共 9 场，每人上场 1–8 场、全程话术 3–16 条，30 分钟 / " +
				"a camouflaged crew working every other day, mostly on IPv6, beside buyers' reviews with numbers: 26 aged accounts, a phone each, proxy pool (IPv6 share 0.7, 17 of the 26 on IPv6), paraphrase 0.6, 30% filler, buyers share 0.4 (11 of the 26), 15% contradicting themselves, on days 1, 3 and 5 of 6 only, 14 drawn a broadcast posting 3 each, in bursts (42 lines a broadcast, 2-7% of the comments), three merchants (self-heating hotpot, vacuum flasks, serum), 9 broadcasts, 1-8 broadcasts and 3-16 scripted lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2044, Rooms: 8, Days: 6, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "altdays", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.7,
						Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 3,
						RoomMembers: 14, Merchants: []int{7, 3, 1}, Days: []int{0, 2, 4}},
				}}},
		{Name: "blind12/attack/even-crew-in-head-room-nat-800", Set: SetBlind12,
			Description: "均匀混在头部直播间里的新号团伙：卖化妆品的头部直播间有 2500 人口号、800 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；50 个新号、10 台共用手机、代理池（部分出口与本地观众同段 NAT；IPv6 比例 0.15，50 人中 1 人走 IPv6）、改写 0.5、15% 闲聊、一成比例下单（50 人中 4 人）、三成自相矛盾，全员两天都在、每场每人 4 条、均匀（每场 200 条，约占评论的 0.7%），每人全程话术 4–8 条，2 天，35 分钟 / " +
				"a crew of new accounts spread evenly through a head room: the head room sells cosmetics and has a 2,500-fan chant, 800 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 50 new accounts on 10 shared phones, proxy pool (some exits in the local viewers' carrier NAT range; IPv6 share 0.15, 1 of the 50 on IPv6), paraphrase 0.5, 15% filler, buyers share 0.1 (4 of the 50), 30% contradicting themselves, every member on both days, 4 lines each a broadcast, spread evenly (200 lines a broadcast, about 0.7% of the comments), 4-8 scripted lines per member over the run, 2 days, 35 minutes",
			Config: sim.Config{Seed: 2058, Rooms: 3, Days: 2, Duration: 35 * time.Minute,
				Hard: sim.HardCases{Chant: 2500, NAT: 800, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headnat", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 10, Age: sim.AgeNew, Filler: 0.15, Buyers: 0.1, Contradict: 0.3, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{0}},
				}}},
		{Name: "blind12/attack/one-phone-studio-two-platforms", Set: SetBlind12,
			Description: "一台手机养 20 个号的工作室团伙，跨两个平台，旁有铁粉：每个商家 30 名铁粉；20 个老号共用 1 台手机、代理池（IPv6 比例 0.25，20 人中 6 人走 IPv6）、改写 0.75、20% 闲聊、四分之一比例下单（20 人中 5 人）、三成自相矛盾，每场抽 8 人、每人 2 条、均匀（每场 16 条，占评论的 0.6%–4%），微信（卖大米、数据线、防晒衣）与京东（卖阔腿裤、连衣裙、螺蛳粉）各 3 个非头部商家，4 天共 24 场，人人两个平台都去过、每人上场 7–13 场、全程话术 10–22 条，25 分钟 / " +
				"a studio crew of 20 accounts on a single phone, over two platforms, beside loyal fans: 30 loyal fans a merchant; 20 aged accounts sharing 1 phone, proxy pool (IPv6 share 0.25, 6 of the 20 on IPv6), paraphrase 0.75, 20% filler, buyers share 0.25 (5 of the 20), 30% contradicting themselves, 8 drawn a broadcast posting 2 each, spread evenly (16 lines a broadcast, 0.6-4% of the comments), 3 non-head merchants each on weixin (rice, charging cables, sun-protection jackets) and jd (wide-leg trousers, dresses, river-snail noodles), 4 days (24 broadcasts), every member on both platforms, 7-13 broadcasts and 10-22 scripted lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2063, Rooms: 10, Days: 4, Duration: 25 * time.Minute, Platforms: []string{"weixin", "jd"},
				Hard: sim.HardCases{LoyalFans: 30},
				Crews: []sim.Crew{
					{Name: "onephone", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 1, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.25, Contradict: 0.3, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 8, Merchants: []int{2, 4, 6, 5, 7, 9}},
				}}},
		{Name: "blind12/attack/rotating-roster-lunchtimes", Set: SetBlind12,
			Description: "大名单轮换的新号团伙，多数号只露面一次，旁有铁粉：每个商家 40 名铁粉；150 个新号、25 台共用手机、代理池（IPv6 比例 0.2，上场的 119 人中 28 人走 IPv6）、轻度改写 0.4、不闲聊、不下单、两成自相矛盾，每场从 150 人中抽 25 人、每人 2 条、成批（每场 50 条，占评论的 8%–10%），一个卖保健食品（鱼油）的商家连续 8 个中午（12:00 起）共 8 场，150 人中 119 人上过场、每人 1–5 场、全程 2–10 条，25 分钟 / " +
				"a crew of new accounts on a rotating roster, most of them showing up once, beside loyal fans: 40 loyal fans a merchant; 150 new accounts on 25 shared phones, proxy pool (IPv6 share 0.2, 28 of the 119 who post on IPv6), light paraphrase 0.4, no filler, no orders, 20% contradicting themselves, 25 of the 150 drawn a broadcast posting 2 each, in bursts (50 lines a broadcast, 8-10% of the comments), one merchant selling health food (fish oil) on 8 lunchtimes in a row from 12:00 (8 broadcasts), 119 of the 150 posting at all, 1-5 broadcasts and 2-10 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2070, Rooms: 7, Days: 8, Duration: 25 * time.Minute, Start: time.Date(2025, 5, 19, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 40},
				Crews: []sim.Crew{
					{Name: "rotating", Accounts: 150, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 25, Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 25,
						Merchants: []int{6}},
				}}},
		{Name: "blind12/organic/chant-5000-nat-2000-late-evening", Set: SetBlind12,
			Description: "只有真实观众：两个平台（快手、小红书）的头部直播间各有 5000 人口号、2000 人共用一个运营商 NAT 地址（每人 2–4 条）、抽奖与“扣1”刷屏，6 个直播间，一场 50 分钟，21:00 起 / " +
				"organic only: head rooms on two platforms (kuaishou, xiaohongshu), each with a 5,000-fan chant, 2,000 viewers behind one carrier NAT address (2-4 comments each), lotteries and floods of \"1\", 6 rooms, one 50-minute broadcast from 21:00",
			Config: sim.Config{Seed: 2081, Rooms: 6, Duration: 50 * time.Minute, Start: time.Date(2025, 8, 20, 21, 0, 0, 0, cst),
				Platforms: []string{"kuaishou", "xiaohongshu"}, Hard: sim.HardCases{Chant: 5000, NAT: 2000}}},
		{Name: "blind12/organic/fans-800-nat-300-two-platforms", Set: SetBlind12,
			Description: "只有真实观众：两个平台（抖音、拼多多）共 8 个商家，每个商家 800 名铁粉场场必到（同一平台 5000 名观众中抽取，许多人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，每个头部直播间 300 人共用一个运营商 NAT 地址，买家带数字的评价，4 天，每场 20 分钟 / " +
				"organic only: 8 merchants on two platforms (douyin, pinduoduo), 800 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so many are loyal fans of several merchants), greeting, praising the host, now and then buying, 300 viewers behind one carrier NAT address in each head room, buyers' reviews with numbers, 4 days of 20-minute broadcasts",
			Config: sim.Config{Seed: 2088, Rooms: 8, Days: 4, Duration: 20 * time.Minute, Platforms: []string{"douyin", "pinduoduo"},
				Hard: sim.HardCases{LoyalFans: 800, NAT: 300, Reviews: true}}},
		{Name: "blind12/organic/everything-twelve-hours", Set: SetBlind12,
			Description: "只有真实观众：5 个直播间连续两天各播 12 小时（9:00 起），每个直播间事件上限 4000 条（评论按比例稀释），全部疑难场景（头部直播间 900 人口号、120 人共用 NAT 地址，每个商家 50 名铁粉，买家评价） / " +
				"organic only: 5 rooms broadcasting 12 hours a day from 9:00 on two days, every room capped at 4,000 events (comments thinned evenly), every hard case (a 900-fan chant and 120 viewers behind one NAT address in the head room, 50 loyal fans a merchant, buyers' reviews)",
			Config: sim.Config{Seed: 2095, Rooms: 5, Days: 2, Duration: 12 * time.Hour, EventsPerRoom: 4000,
				Start: time.Date(2025, 8, 9, 9, 0, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 900, NAT: 120, LoyalFans: 50, Reviews: true}}},
	}
}
