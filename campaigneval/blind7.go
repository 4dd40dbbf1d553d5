package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind7 names the seventh blind set.
const SetBlind7 = "blind7"

// Blind7 returns the seventh blind scenarios: a tenth set, written from
// the task's list of attack variants and organic look-alikes and from the
// simulator alone, without sight of the detector, with seeds (1400 to
// 1499) and parameter combinations no other set uses. It was run once,
// on the version with the burst core, for an unseen figure of that
// version (docs/campaigns.md); the viewers it accused were then looked
// at, and the synchrony test of (room, script, bucket) bursts was made
// because of them, so it is no longer unseen for any later version.
//
// A crew close to the naive jelly case (48 new accounts with identical
// scripts, in bursts, at a 60% share of a quiet room selling snack food,
// so that everyone copies the case's "35 jin" and "16.6 jin") has a
// twist: every account has its own phone and posts through a proxy pool,
// a new address for every comment, about a third of its IPv4 comments
// through the carrier NAT exits of the room's province, 18 of the 48 on
// IPv6. A heavily camouflaged crew of 26 aged proxy accounts (paraphrase
// 0.9, half its lines filler, about two in three buying in every
// broadcast they work) draws 13 members a broadcast, four lines each, for
// three merchants over four days, among buyers' reviews. A second heavily
// camouflaged crew of 12 aged accounts, all on IPv6 proxies, at the
// highest paraphrase (1.0), with 60% filler and about nine in ten buying,
// draws 8 members a broadcast, six lines each, for one merchant selling
// health food over seven mornings, among 60 loyal fans. A low-rate crew
// of 20 aged proxy accounts on six shared phones posts only 2 or 3 lines
// a broadcast, one per member, over the ten quietest of fourteen
// merchants and four days. A low-rate crew of 12 new accounts on one
// subnet (six of them on its IPv6 /64) posts 3 or 4 lines a broadcast in
// bursts by 3 drawn members, over eight small merchants on four platforms
// (douyin, kuaishou, taobao, xiaohongshu) and three days. A crew of 70
// new accounts on 14 phones, lightly paraphrasing (0.35), posts two lines
// each in bursts in a head room selling food, hidden among a 3,600-fan
// chant, 1,500 viewers behind one carrier NAT address, 250 loyal fans,
// lotteries and floods of "1". Two crews take turns at one merchant over
// four days: 16 aged accounts on one subnet and four phones with
// identical scripts, three lines each spread evenly, on days 1 and 3; and
// 20 new proxy accounts with paraphrases, 12 drawn a broadcast, 20 to 26
// lines a broadcast in bursts, on days 2 and 4, there and at a second
// merchant. And a crew of 24 new accounts on one subnet, lightly
// camouflaged with filler and purchases, keeps to 5% of the comments of a
// mid-sized room's four-hour broadcast, spread evenly. Every member of
// every crew posts at least two crew lines over its run, and every crew
// posts testimonials about the goods on sale.
//
// Its organic runs have 4,200-fan chants and 1,800 viewers behind one NAT
// address in the head rooms of two platforms (taobao, xiaohongshu) over
// two 50-minute evenings; 600 loyal fans a merchant over eight merchants
// and ten mornings, with buyers' reviews; and every hard case over five
// platforms and three lunchtime broadcasts (a 2,800-fan chant and 650
// viewers behind one NAT address in each head room, 90 loyal fans a
// merchant, reviews). Every crew leaves something a careful analyst
// holding all the data could go on (texts, numbers, timing, addresses,
// devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction.
func Blind7() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind7/attack/jelly-own-phones-proxy", Set: SetBlind7,
			Description: "接近燃咔果冻案的朴素团伙，但每号一机、走代理池：48 个新号、相同话术（卖零食的冷清直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、四分之一自相矛盾、成批，占该直播间评论的 60%；每个号各用一台手机，每条评论换一个代理地址（约三分之一的 IPv4 评论走本省运营商 NAT 出口；IPv6 比例 0.35，48 人中 18 人走 IPv6），45 分钟 / " +
				"a crew close to the naive jelly case, but with a phone per account and a proxy pool: 48 new accounts, identical scripts (a quiet room selling snack food; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), a quarter contradicting themselves, in bursts, 60% of the room's comments; every account on its own phone, a new proxy address for every comment (about a third of the IPv4 comments through the province's carrier NAT exits; IPv6 share 0.35, 18 of the 48 on IPv6), 45 minutes",
			Config: sim.Config{Seed: 1411, Rooms: 7, Duration: 45 * time.Minute,
				Crews: []sim.Crew{
					{Name: "jellyproxy", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.6, Merchants: []int{6}},
				}}},
		{Name: "blind7/attack/camouflage-three-merchants-reviews", Set: SetBlind7,
			Description: "重度伪装、跨三个商家的团伙，混在买家带数字的评价中：26 个老号、代理池（IPv6 比例 0.55，26 人中 11 人走 IPv6）、改写 0.9、50% 闲聊、65% 成员每场下单、5% 自相矛盾，每场抽 13 人、每人 4 条、均匀，3 个商家（卖日用品与零食）4 天共 12 场，35 分钟 / " +
				"a heavily camouflaged crew over three merchants, among buyers' reviews with numbers: 26 aged accounts, proxy pool (IPv6 share 0.55, 11 of the 26 on IPv6), paraphrase 0.9, 50% filler, 65% of members buying every broadcast they work, 5% contradicting themselves, 13 drawn a broadcast posting 4 each, spread evenly, 12 broadcasts of 3 merchants (household goods and snack food) over 4 days, 35 minutes",
			Config: sim.Config{Seed: 1412, Rooms: 5, Days: 4, Duration: 35 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "camo3", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.55,
						Age: sim.AgeAged, Filler: 0.5, Buyers: 0.65, Contradict: 0.05, Timing: sim.TimingEven, PerAccount: 4,
						RoomMembers: 13, Merchants: []int{1, 3, 4}},
				}}},
		{Name: "blind7/attack/camouflage-ipv6-full-paraphrase-seven-mornings", Set: SetBlind7,
			Description: "最重度的伪装、连续七个上午守同一个商家的团伙，混在 60 名铁粉中：12 个老号、全部走 IPv6 代理、改写 1.0、60% 闲聊、九成成员每场下单、一成自相矛盾，每场抽 8 人、每人 6 条、均匀，一个卖保健食品的商家，7 天、每场 20 分钟、上午 10 点起开播 / " +
				"the heaviest camouflage, a crew at one merchant seven mornings in a row, among 60 loyal fans: 12 aged accounts, all on IPv6 proxies, paraphrase 1.0, 60% filler, 90% of members buying every broadcast they work, 10% contradicting themselves, 8 drawn a broadcast posting 6 each, spread evenly, one merchant selling health food, 7 days of 20-minute broadcasts from 10 a.m.",
			Config: sim.Config{Seed: 1413, Rooms: 4, Days: 7, Duration: 20 * time.Minute, Start: time.Date(2025, 8, 4, 10, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 60},
				Crews: []sim.Crew{
					{Name: "v6camo", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 1, Network: sim.NetProxy, IPv6: 1,
						Age: sim.AgeAged, Filler: 0.6, Buyers: 0.9, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 6,
						RoomMembers: 8, Merchants: []int{2}},
				}}},
		{Name: "blind7/attack/lowrate-ten-merchants-six-phones", Set: SetBlind7,
			Description: "低频团伙，每场只来两三条、每人一条：20 个老号、6 台共用手机、代理池（IPv6 比例 0.1，20 人中 3 人走 IPv6）、改写 0.6、10% 闲聊、10% 下单、15% 自相矛盾，每场 2–3 条、均匀，14 个商家中最冷清的 10 个，4 天共 40 场，20 分钟 / " +
				"a low-rate crew, two or three lines a broadcast, one per member: 20 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.1, 3 of the 20 on IPv6), paraphrase 0.6, 10% filler, 10% buy, 15% contradicting themselves, 2-3 comments a broadcast, spread evenly, the 10 quietest of 14 merchants over 4 days (40 broadcasts), 20 minutes",
			Config: sim.Config{Seed: 1414, Rooms: 14, Days: 4, Duration: 20 * time.Minute,
				Crews: []sim.Crew{
					{Name: "low10", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 6, Age: sim.AgeAged, Filler: 0.1, Buyers: 0.1, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{2, 3}, Reach: 10},
				}}},
		{Name: "blind7/attack/lowrate-subnet-four-platforms", Set: SetBlind7,
			Description: "跨四个平台的低频团伙：12 个新号、同一网段（12 人中 6 人走其 IPv6 /64）、每号一机、改写 0.45、不闲聊、三成自相矛盾，每场 3–4 条、每场抽 3 人、成批，抖音、快手、淘宝、小红书共 8 个小商家 3 天共 24 场，25 分钟 / " +
				"a low-rate crew over four platforms: 12 new accounts, one subnet (6 of the 12 on its IPv6 /64), a phone each, paraphrase 0.45, no filler, 30% contradicting themselves, 3-4 comments a broadcast by 3 drawn members, in bursts, 24 broadcasts of 8 small merchants on douyin, kuaishou, taobao and xiaohongshu over 3 days, 25 minutes",
			Config: sim.Config{Seed: 1415, Rooms: 12, Days: 3, Duration: 25 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "low4p", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{3, 4}, RoomMembers: 3,
						Merchants: []int{4, 5, 6, 7, 8, 9, 10, 11}},
				}}},
		{Name: "blind7/attack/farm-in-chant-nat-fans-head-room", Set: SetBlind7,
			Description: "藏在头部直播间疑难场景中的团伙：卖食品的头部直播间有 3600 人口号、1500 人共用一个运营商 NAT 地址、250 名铁粉、抽奖与“扣1”刷屏；70 个新号、14 台共用手机、代理池（IPv6 比例 0.1，70 人中 4 人走 IPv6）、轻度改写 0.35、15% 闲聊、两成自相矛盾，每人 2 条、成批，50 分钟 / " +
				"a crew hidden among a head room's hard cases: the head room sells food and has a 3,600-fan chant, 1,500 viewers behind one carrier NAT address, 250 loyal fans, lotteries and floods of \"1\"; 70 new accounts on 14 shared phones, proxy pool (IPv6 share 0.1, 4 of the 70 on IPv6), light paraphrase 0.35, 15% filler, 20% contradicting themselves, 2 each, in bursts, 50 minutes",
			Config: sim.Config{Seed: 1416, Rooms: 6, Duration: 50 * time.Minute, Hard: sim.HardCases{Chant: 3600, NAT: 1500, LoyalFans: 250},
				Crews: []sim.Crew{
					{Name: "headfarm", Accounts: 70, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.35, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 14, Age: sim.AgeNew, Filler: 0.15, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{0}},
				}}},
		{Name: "blind7/attack/two-crews-alternate-days", Set: SetBlind7,
			Description: "两个团伙隔天轮班守同一个卖面包的商家：16 个老号、同一网段（16 人中 3 人走其 IPv6 /64）、4 台共用手机、相同话术、30% 下单，每人每场 3 条、均匀，第 1、3 天；20 个新号、代理池（20 人中 6 人走 IPv6）、改写 0.7、35% 自相矛盾，每场抽 12 人、共 20–26 条、成批，第 2、4 天，在该商家与另一个卖日用品的商家，30 分钟 / " +
				"two crews taking turns at one merchant selling bread: 16 aged accounts, one subnet (3 of the 16 on its IPv6 /64), 4 shared phones, identical scripts, 30% buy, 3 each a broadcast, spread evenly, on days 1 and 3; and 20 new accounts, proxy pool (6 of the 20 on IPv6), paraphrase 0.7, 35% contradicting themselves, 12 drawn a broadcast, 20-26 comments a broadcast, in bursts, on days 2 and 4, at that merchant and at another selling household goods; 30 minutes",
			Config: sim.Config{Seed: 1417, Rooms: 6, Days: 4, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "oddday", Accounts: 16, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 4,
						Age: sim.AgeAged, Buyers: 0.3, Timing: sim.TimingEven, PerAccount: 3, Merchants: []int{3}, Days: []int{0, 2}},
					{Name: "evenday", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.3,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, RoomComments: [2]int{20, 26}, RoomMembers: 12,
						Merchants: []int{3, 4}, Days: []int{1, 3}},
				}}},
		{Name: "blind7/attack/marathon-four-hours-share-5pct", Set: SetBlind7,
			Description: "四小时长直播里稀疏均匀的团伙：24 个新号、同一网段（IPv6 比例 0.15，24 人中 2 人走其 IPv6 /64）、每号一机、改写 0.6、30% 闲聊、20% 下单、两成自相矛盾，均匀地占一个卖橄榄油的中等直播间评论的 5%，一场 4 小时 / " +
				"a sparse, even crew in a four-hour broadcast: 24 new accounts, one subnet (IPv6 share 0.15, 2 of the 24 on its IPv6 /64), a phone each, paraphrase 0.6, 30% filler, 20% buy, 20% contradicting themselves, spread evenly at 5% of the comments of a mid-sized room selling olive oil, one 4-hour broadcast",
			Config: sim.Config{Seed: 1418, Rooms: 5, Duration: 4 * time.Hour,
				Crews: []sim.Crew{
					{Name: "marathon", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.15,
						Age: sim.AgeNew, Filler: 0.3, Buyers: 0.2, Contradict: 0.2, Timing: sim.TimingEven, Share: 0.05,
						Merchants: []int{2}},
				}}},
		{Name: "blind7/organic/chant-4200-nat-1800-two-platforms", Set: SetBlind7,
			Description: "只有真实观众：两个平台（淘宝、小红书）的头部直播间各有 4200 人口号、1800 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，50 分钟，2 天 / " +
				"organic only: head rooms on two platforms (taobao, xiaohongshu), each with a 4,200-fan chant, 1,800 viewers behind one carrier NAT address, lotteries and floods of \"1\", 50 minutes, 2 days",
			Config: sim.Config{Seed: 1461, Rooms: 4, Days: 2, Duration: 50 * time.Minute, Platforms: []string{"taobao", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 4200, NAT: 1800}}},
		{Name: "blind7/organic/loyal-fans-600-ten-mornings", Set: SetBlind7,
			Description: "只有真实观众：8 个商家连续十个上午开播，每个商家 600 名铁粉场场必到、打卡、夸主播、偶尔下单，买家带数字的评价，每场 15 分钟 / " +
				"organic only: 8 merchants broadcasting ten mornings in a row, 600 loyal fans each at every broadcast (greeting, praising the host, now and then buying), buyers' reviews with numbers, 15-minute broadcasts",
			Config: sim.Config{Seed: 1462, Rooms: 8, Days: 10, Duration: 15 * time.Minute, Start: time.Date(2025, 10, 1, 9, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 600, Reviews: true}}},
		{Name: "blind7/organic/everything-five-platforms-lunchtime", Set: SetBlind7,
			Description: "只有真实观众：五个平台（抖音、快手、淘宝、小红书、视频号）各两个直播间、中午开播，全部疑难场景（每个头部直播间 2800 人口号、650 人共用 NAT 地址，每个商家 90 名铁粉，评价），3 天，每场 25 分钟 / " +
				"organic only: five platforms (douyin, kuaishou, taobao, xiaohongshu, shipinhao) with two rooms each, broadcasting at noon, every hard case (a 2,800-fan chant and 650 viewers behind one NAT address in each head room, 90 loyal fans a merchant, reviews), 3 days of 25-minute broadcasts",
			Config: sim.Config{Seed: 1463, Rooms: 10, Days: 3, Duration: 25 * time.Minute, Start: time.Date(2025, 7, 15, 12, 0, 0, 0, cst),
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu", "shipinhao"},
				Hard:      sim.HardCases{Chant: 2800, NAT: 650, LoyalFans: 90, Reviews: true}}},
	}
}
