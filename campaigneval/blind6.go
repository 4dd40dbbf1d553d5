package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind6 names the sixth blind set.
const SetBlind6 = "blind6"

// Blind6 returns the sixth blind scenarios: a ninth set, written from the
// task's list of attack variants and organic look-alikes alone, without
// sight of the detector, with seeds (1300 to 1399) and parameter
// combinations no other set uses. A crew close to the naive jelly case (36
// new accounts on one /24 with no IPv6 and three shared phones, identical
// scripts with the case's two personal results, 35 and 16.6 jin, three in
// ten members contradicting themselves, in bursts) works a head room that
// sells slimming food at a 15% share (about 12% of its comments, some
// 3,700 lines), beside a 1,600-fan chant, lotteries and floods of "1". A
// heavily camouflaged crew of 18 aged proxy accounts (paraphrase 0.92,
// 45% IPv6, 55% filler, three in four buying every broadcast, 11 drawn a
// broadcast posting five lines each, spread evenly) works the six
// broadcasts of one merchant over six days among buyers' reviews. A
// low-rate crew of 16 aged proxy accounts on five phones posts only 4 or
// 5 lines a broadcast, two members at a time, over eight merchants on
// three platforms (douyin, kuaishou, shipinhao) and three days. A crew of
// 14 aged accounts on one subnet (65% on its IPv6 /64) and seven phones,
// every member buying in every broadcast, posts two lines each, spread
// evenly, for two merchants over four days among 160 loyal fans a
// merchant and buyers' reviews. A crew of 24 new proxy accounts with
// light paraphrase (0.3) bursts early in ten-minute broadcasts, 12 drawn
// a broadcast posting two lines each, where 45 loyal fans a merchant greet
// in the first minutes (the simulator cannot place bursts at the start of
// a broadcast; short broadcasts put every burst within the first minutes).
// Two crews share a head room with 450 viewers behind one carrier NAT
// address: five new accounts on a single phone and a single IPv6 /64 with
// the lightest paraphrase (0.15), four lines each, spread evenly; and 26
// aged proxy accounts, 15 drawn a broadcast, ten lines each in bursts, six
// in ten of them filler, in the head room and a small room, over two
// days. A crew of 20 aged accounts on one subnet and eight phones posts
// identical scripts in bursts, 10 to 14 lines a broadcast by five members,
// for the three quietest merchants on the first weekend and the next
// Saturday of a nine-day run that starts on a Friday evening in November.
// And a phone farm of 240 new accounts on one subnet (40% IPv6) and twelve
// phones, 30 drawn a broadcast posting two lines each in bursts, works
// four merchants on two platforms (pinduoduo, jd) over three days. Every member of every crew
// posts at least two crew lines over its run, and crews post mostly
// testimonials. Its organic runs have 90-minute broadcasts with 2,200-fan
// chants and 140 viewers behind one NAT address in the head rooms of two
// platforms; 220 loyal fans a merchant over six merchants and seven
// morning broadcasts with buyers' reviews; and every hard case with 900
// viewers behind one NAT address in each head room of three platforms
// over three days. Every crew leaves something a careful analyst holding
// all the data could go on (texts, numbers, timing, addresses, devices,
// account ages, rooms, platforms); none is made indistinguishable from
// viewers by construction. It was run once, on the version that bound
// one-line crew members to script webs and linked phone farms, for an
// unseen figure of that version (docs/campaigns.md); the onlookers it
// accused were then looked at, and the burst core was made because of
// them, so it is no longer unseen for any later version.
func Blind6() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind6/attack/jelly-identical-subnet-chanting-head-room", Set: SetBlind6,
			Description: "接近燃咔果冻案的朴素团伙，却在喊口号的头部直播间：36 个新号、同一 /24 网段（无 IPv6）、3 台共用手机、相同话术（头部直播间卖减肥食品，人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成成员自相矛盾、成批，设定占比 15%（约占头部直播间评论的 12%，约 3700 条），旁有 1600 人口号、抽奖与“扣1”刷屏，40 分钟 / " +
				"a crew close to the naive jelly case, but in a chanting head room: 36 new accounts, one /24 (no IPv6), 3 shared phones, identical scripts (the head room sells slimming food; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, in bursts, a 15% share (about 12% of the head room's comments, some 3,700 lines), beside a 1,600-fan chant, lotteries and floods of \"1\", 40 minutes",
			Config: sim.Config{Seed: 1320, Rooms: 3, Duration: 40 * time.Minute, Hard: sim.HardCases{Chant: 1600},
				Crews: []sim.Crew{
					{Name: "jellychant", Accounts: 36, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 3,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.15, Merchants: []int{0}},
				}}},
		{Name: "blind6/attack/camouflage-one-merchant-six-days", Set: SetBlind6,
			Description: "重度伪装、跨同一商家六场直播的团伙：18 个老号、代理池（45% IPv6）、改写 0.92、55% 闲聊、75% 成员每场下单、极少自相矛盾，每场抽 11 人、每人 5 条、均匀，一个商家 6 天，旁有买家带数字的评价 / " +
				"a heavily camouflaged crew over six broadcasts of one merchant: 18 aged accounts, proxy pool (45% IPv6), paraphrase 0.92, 55% filler, 75% of members buying every broadcast, hardly contradicting themselves, 11 drawn a broadcast posting 5 each, spread evenly, one merchant over 6 days, beside buyers' reviews with numbers",
			Config: sim.Config{Seed: 1302, Rooms: 4, Days: 6, Duration: 25 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "camo6", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.92, Network: sim.NetProxy, IPv6: 0.45,
						Age: sim.AgeAged, Filler: 0.55, Buyers: 0.75, Contradict: 0.05, Timing: sim.TimingEven, PerAccount: 5,
						RoomMembers: 11, Merchants: []int{2}},
				}}},
		{Name: "blind6/attack/lowrate-eight-merchants-three-platforms", Set: SetBlind6,
			Description: "跨三个平台八个商家的低频团伙：16 个老号、5 台共用手机、代理池（15% IPv6）、改写 0.65、5% 闲聊、15% 下单，每场只 4–5 条、每场只 2 人上阵、均匀，抖音、快手、视频号共 8 个商家 3 天共 24 场 / " +
				"a low-rate crew over eight merchants on three platforms: 16 aged accounts on 5 shared phones, proxy pool (15% IPv6), paraphrase 0.65, 5% filler, 15% buy, only 4-5 comments a broadcast by 2 members, spread evenly, 24 broadcasts of 8 merchants on douyin, kuaishou and shipinhao over 3 days",
			Config: sim.Config{Seed: 1303, Rooms: 12, Days: 3, Duration: 20 * time.Minute, Platforms: []string{"douyin", "kuaishou", "shipinhao"},
				Crews: []sim.Crew{
					{Name: "low8", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.65, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 5, Age: sim.AgeAged, Filler: 0.05, Buyers: 0.15, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{4, 5}, RoomMembers: 2, Merchants: []int{3, 4, 5, 6, 7, 8, 10, 11}},
				}}},
		{Name: "blind6/attack/all-buy-among-160-loyal-fans", Set: SetBlind6,
			Description: "人人每场下单、混在铁粉中的团伙：每个商家 160 名铁粉、买家带数字的评价；14 个老号、同一网段（65% 走其 IPv6 /64）、7 台共用手机、改写 0.55、30% 闲聊、所有成员每场下单、两成自相矛盾，每人每场 2 条、均匀，2 个商家 4 天 / " +
				"a crew that all buys, among loyal fans: 160 loyal fans a merchant, buyers' reviews with numbers; 14 aged accounts, one subnet (65% on its IPv6 /64), 7 shared phones, paraphrase 0.55, 30% filler, every member buying every broadcast, 20% contradicting themselves, 2 each a broadcast, spread evenly, 2 merchants over 4 days",
			Config: sim.Config{Seed: 1304, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 160, Reviews: true},
				Crews: []sim.Crew{
					{Name: "allbuy", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetSubnet, IPv6: 0.65,
						Devices: 7, Age: sim.AgeAged, Filler: 0.3, Buyers: 1, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{1, 3}},
				}}},
		{Name: "blind6/attack/early-bursts-ten-minute-broadcasts-fans", Set: SetBlind6,
			Description: "在开播头几分钟成批刷屏的团伙，正是铁粉打卡的时候：10 分钟的短直播（模拟器无法把成批放在开播时，短直播让每阵都落在头几分钟），每个商家 45 名铁粉；24 个新号、代理池（35% IPv6）、轻度改写 0.3、两成自相矛盾，每场抽 12 人、每人 2 条、成批，2 个商家 3 天 / " +
				"a crew bursting in the first minutes of broadcasts, when loyal fans greet: 10-minute broadcasts (the simulator cannot place bursts at the start; short broadcasts put every burst within the first minutes), 45 loyal fans a merchant; 24 new accounts, proxy pool (35% IPv6), light paraphrase 0.3, 20% contradicting themselves, 12 drawn a broadcast posting 2 each, in bursts, 2 merchants over 3 days",
			Config: sim.Config{Seed: 1305, Rooms: 5, Days: 3, Duration: 10 * time.Minute, Hard: sim.HardCases{LoyalFans: 45},
				Crews: []sim.Crew{
					{Name: "earlybird", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 12, Merchants: []int{1, 2}},
				}}},
		{Name: "blind6/attack/two-crews-nat-head-room", Set: SetBlind6,
			Description: "同一个头部直播间里的两个团伙，旁有 450 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏：5 个新号只用 1 台手机、全走同一 IPv6 /64、最轻的改写 0.15、四成自相矛盾，每人每场 4 条、均匀；26 个老号、代理池（5% IPv6，部分出口与 NAT 人群同段）、改写 0.8、60% 闲聊、10% 下单，每场抽 15 人、每人 10 条、成批，头部直播间与一个小直播间，2 天 / " +
				"two crews in one head room, beside 450 viewers behind one carrier NAT address, lotteries and floods of \"1\": 5 new accounts on a single phone, all on one IPv6 /64, the lightest paraphrase 0.15, 40% contradicting themselves, 4 each a broadcast, spread evenly; and 26 aged accounts, proxy pool (5% IPv6, some exits in the NAT crowd's carrier range), paraphrase 0.8, 60% filler, 10% buy, 15 drawn a broadcast posting 10 each, in bursts, in the head room and a small room; 2 days",
			Config: sim.Config{Seed: 1306, Rooms: 4, Days: 2, Duration: 30 * time.Minute, Hard: sim.HardCases{NAT: 450},
				Crews: []sim.Crew{
					{Name: "onephone", Accounts: 5, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.15, Network: sim.NetSubnet, IPv6: 1,
						Devices: 1, Age: sim.AgeNew, Contradict: 0.4, Timing: sim.TimingEven, PerAccount: 4, Merchants: []int{0}},
					{Name: "chatty", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.05,
						Age: sim.AgeAged, Filler: 0.6, Buyers: 0.1, Contradict: 0.1, Timing: sim.TimingBurst, PerAccount: 10,
						RoomMembers: 15, Merchants: []int{0, 2}},
				}}},
		{Name: "blind6/attack/identical-aged-subnet-weekends", Set: SetBlind6,
			Description: "只在周末上阵、用相同话术的老号团伙：九天的直播从十一月的一个周五晚上开始，团伙只在周末来（第一个周六、周日与下一个周六，即第 2、3、9 天）；20 个老号、同一网段（30% IPv6 /64）、8 台共用手机、相同话术、10% 闲聊、40% 下单、四分之一自相矛盾，每场抽 5 人、共 10–14 条、成批，3 个最冷清的商家 / " +
				"a crew of aged accounts with identical scripts, only at weekends: a nine-day run starting on a Friday evening in November, the crew at weekends only (the first Saturday and Sunday and the next Saturday: days 2, 3 and 9); 20 aged accounts, one subnet (30% on its IPv6 /64), 8 shared phones, identical scripts, 10% filler, 40% buy, a quarter contradicting themselves, 5 drawn a broadcast, 10-14 comments a broadcast, in bursts, the 3 quietest merchants",
			Config: sim.Config{Seed: 1307, Rooms: 5, Days: 9, Duration: 20 * time.Minute, Start: time.Date(2025, 11, 7, 19, 30, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "weekend", Accounts: 20, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 8,
						Age: sim.AgeAged, Filler: 0.1, Buyers: 0.4, Contradict: 0.25, Timing: sim.TimingBurst,
						RoomComments: [2]int{10, 14}, RoomMembers: 5, Reach: 3, Days: []int{1, 2, 8}},
				}}},
		{Name: "blind6/attack/phone-farm-240-new-two-platforms", Set: SetBlind6,
			Description: "240 个新号的手机农场：同一网段（40% IPv6 /64）、12 台手机、改写 0.5、不闲聊、一成多自相矛盾，每场抽 30 人、每人 2 条、成批，拼多多与京东共 4 个商家 3 天 / " +
				"a phone farm of 240 new accounts: one subnet (40% on its IPv6 /64), 12 phones, paraphrase 0.5, no filler, 15% contradicting themselves, 30 drawn a broadcast posting 2 each, in bursts, 4 merchants on pinduoduo and jd over 3 days",
			Config: sim.Config{Seed: 1308, Rooms: 6, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"pinduoduo", "jd"},
				Crews: []sim.Crew{
					{Name: "farm240", Accounts: 240, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet, IPv6: 0.4,
						Devices: 12, Age: sim.AgeNew, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 30, Merchants: []int{2, 3, 4, 5}},
				}}},
		{Name: "blind6/organic/long-broadcasts-chant-2200-nat", Set: SetBlind6,
			Description: "只有真实观众：90 分钟的长直播，两个平台（抖音、视频号）的头部直播间各有 2200 人口号、140 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏 / " +
				"organic only: 90-minute broadcasts, head rooms on two platforms (douyin, shipinhao), each with a 2,200-fan chant, 140 viewers behind one carrier NAT address, lotteries and floods of \"1\"",
			Config: sim.Config{Seed: 1351, Rooms: 4, Duration: 90 * time.Minute, Platforms: []string{"douyin", "shipinhao"},
				Hard: sim.HardCases{Chant: 2200, NAT: 140}}},
		{Name: "blind6/organic/loyal-fans-220-seven-mornings", Set: SetBlind6,
			Description: "只有真实观众：6 个商家连续七个上午开播，每个商家 220 名铁粉场场必到、打卡、夸主播、偶尔下单，买家带数字的评价 / " +
				"organic only: 6 merchants broadcasting seven mornings in a row, 220 loyal fans each at every broadcast (greeting, praising the host, now and then buying), buyers' reviews with numbers",
			Config: sim.Config{Seed: 1352, Rooms: 6, Days: 7, Duration: 20 * time.Minute, Start: time.Date(2025, 9, 1, 10, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 220, Reviews: true}}},
		{Name: "blind6/organic/everything-nat-900-three-platforms", Set: SetBlind6,
			Description: "只有真实观众：三个平台（快手、拼多多、京东）、全部疑难场景（1000 人口号、每个头部直播间 900 人共用 NAT、每个商家 75 名铁粉、评价），3 天 / " +
				"organic only: three platforms (kuaishou, pinduoduo, jd), every hard case (a 1,000-fan chant, 900 behind one NAT address in each head room, 75 loyal fans a merchant, reviews), 3 days",
			Config: sim.Config{Seed: 1353, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "pinduoduo", "jd"},
				Hard: sim.HardCases{Chant: 1000, NAT: 900, LoyalFans: 75, Reviews: true}}},
	}
}
