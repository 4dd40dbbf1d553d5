package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind21 names the twenty-first blind set.
const SetBlind21 = "blind21"

// Blind21 returns the twenty-first blind scenarios: a twenty-fourth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2900 to 2999) and parameter combinations no other set uses, kept for
// one run, for an unseen figure of the next detector change, and has been
// run once: its figures are in docs/campaigns.md.
//
// Five of its crews work from one subnet with a large IPv6 share, so that
// many members sit on one IPv6 /64, and post little: 72 new accounts, a
// phone each, 64 of them on the /64, one line each (three in ten of them
// chatter, 14 of the 72 buying) spread evenly over one 40-minute broadcast
// of a xiaohongshu room selling health food; 60 aged accounts, 10 drawn a
// broadcast, one line each in bursts, heavily paraphrased, four in ten of
// the lines chatter, 24 of the 47 who turn up buying, at a cosmetics
// merchant and a farm-produce merchant over four days among buyers'
// reviews, 39 of the 47 on the /64; 48 aged accounts on six phones, two
// to four lines a broadcast, one per member, in bursts, over six non-head
// merchants of three platforms (douyin, pinduoduo, shipinhao) and three
// lunchtimes among 25 loyal fans a merchant, 27 of the 32 who turn up on
// the /64; 90 new accounts on fifteen phones, 45 drawn a broadcast, one
// lightly paraphrased line each in bursts, in an electronics head room
// with a 2,500-fan chant, 300 viewers behind one carrier NAT address, 80
// loyal fans, lotteries and floods of "1" on two days, 50 of the 66 who
// turn up on the /64; and 40 aged accounts on eight phones posing as loyal
// fans of a douyin food merchant on five evenings, 8 drawn a broadcast,
// one line each spread evenly, half of the lines chatter, 16 of the 28
// who turn up buying, among 120 loyal fans and buyers' reviews, 26 of the
// 28 on the /64. Two crews work from proxy pools, whose exits include the
// carrier NAT addresses local viewers share, in head rooms with large NAT
// crowds: 50 aged accounts on five phones, three lines each in bursts in
// the head rooms of taobao (health food) and kuaishou (household goods),
// each with 1,200 viewers behind one NAT address and a 600-fan chant, one
// hour; and 36 new accounts with identical scripts, no chatter and no
// orders, 14 to 22 lines a broadcast, one per member, spread evenly, in
// the head rooms of pinduoduo (cosmetics) and weixin (cold medicine), each
// with 1,500 viewers behind one NAT address, over three days among buyers'
// reviews. And two crews work one cosmetics merchant on two mornings: 30
// new accounts on one subnet (15 on its /64), barely paraphrased, at 6% of
// the room's comments in bursts, both days; and 22 aged proxy accounts on
// only two phones, paraphrasing almost always, a third of their lines
// chatter, 9 drawn a broadcast, two lines each spread evenly, on the
// second day only, there and at another cosmetics merchant, among 50
// loyal fans a merchant.
//
// Its organic runs have 3,500-fan chants and 400 viewers behind one
// carrier NAT address in the head rooms of three platforms (douyin,
// xiaohongshu, bilibili) in one 50-minute broadcast; 1,800 viewers behind
// one NAT address in each head room and 150 loyal fans a merchant over two
// platforms (kuaishou, jd) and six short days, with buyers' reviews; and
// every hard case over two platforms (taobao, shipinhao) and five
// lunchtimes (a 900-fan chant and 650 viewers behind one NAT address in
// each head room, 260 loyal fans a merchant, reviews). Every crew leaves
// something a careful analyst holding all the data could go on (texts,
// numbers, timing, addresses, devices, account ages, rooms, platforms);
// none is made indistinguishable from viewers by construction.
func Blind21() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind21/attack/ipv6-subnet-one-line-each-health-food", Set: SetBlind21,
			Description: "号多、每号只发一条、多走同一 IPv6 /64 的团伙：72 个新号、每号一机、同一网段（IPv6 比例 0.9，72 人中 64 人走其 IPv6 /64）、改写 0.55、三成闲聊（72 条中 26 条）、四分之一比例下单（72 人中 14 人）、一成自相矛盾，全员每人只发 1 条、均匀（72 条，约占评论的 4%），小红书上一个卖保健食品（维生素C咀嚼片）的直播间，一场 40 分钟 / " +
				"a wide crew saying one line each, mostly from one IPv6 /64: 72 new accounts, a phone each, one subnet (IPv6 share 0.9, 64 of the 72 on its IPv6 /64), paraphrase 0.55, 30% filler (26 of the 72 lines), buyers share 0.25 (14 of the 72), 10% contradicting themselves, every member exactly 1 line, spread evenly (72 lines, about 4% of the comments), a xiaohongshu room selling health food (vitamin C chewables), one 40-minute broadcast",
			Config: sim.Config{Seed: 2903, Rooms: 6, Duration: 40 * time.Minute, Platforms: []string{"xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "oneliners", Accounts: 72, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetSubnet, IPv6: 0.9,
						Age: sim.AgeNew, Filler: 0.3, Buyers: 0.25, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 1,
						Merchants: []int{3}},
				}}},
		{Name: "blind21/attack/ipv6-subnet-rotation-aged-buyers-four-days", Set: SetBlind21,
			Description: "轮换上场、每场每人一条的老号团伙，多走同一 IPv6 /64，混在买家带数字的评价中：60 个老号、每号一机、同一网段（IPv6 比例 0.75，出场的 47 人中 39 人走其 IPv6 /64）、改写 0.85、40% 闲聊、45% 比例下单（47 人中 24 人）、15% 自相矛盾，每场抽 10 人、每人 1 条、成批（每场 10 条，卖化妆品的直播间约占 0.1%、卖黑木耳的农产品直播间约占 1%），两个商家 4 天共 8 场，每人全程 1–4 条，30 分钟 / " +
				"an aged crew in rotation, one line per member a broadcast, mostly from one IPv6 /64, among buyers' reviews with numbers: 60 aged accounts, a phone each, one subnet (IPv6 share 0.75, 39 of the 47 who turn up on its IPv6 /64), paraphrase 0.85, 40% filler, buyers share 0.45 (24 of the 47), 15% contradicting themselves, 10 drawn a broadcast posting 1 each, in bursts (10 lines a broadcast, about 0.1% of the comments in the cosmetics room, about 1% in the farm-produce room selling black fungus), two merchants over 4 days (8 broadcasts), 1-4 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2914, Rooms: 7, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "rotation", Accounts: 60, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetSubnet, IPv6: 0.75,
						Age: sim.AgeAged, Filler: 0.4, Buyers: 0.45, Contradict: 0.15, Timing: sim.TimingBurst, PerAccount: 1,
						RoomMembers: 10, Merchants: []int{6, 5}},
				}}},
		{Name: "blind21/attack/ipv6-subnet-sparse-three-platforms-noon", Set: SetBlind21,
			Description: "跨三个平台、每场只 2–4 条的稀疏团伙，多走同一 IPv6 /64，旁有铁粉：每个商家 25 名铁粉；48 个老号、6 台共用手机、同一网段（IPv6 比例 0.8，出场的 32 人中 27 人走其 IPv6 /64）、改写 0.7、两成闲聊、一成比例下单（32 人中 4 人）、两成自相矛盾，每场 2–4 条、每人一条、相隔数秒成批发出，抖音（卖日用杂货、食品）、拼多多（卖药品、化妆品）、视频号（卖医疗器械、电器）各两个非头部商家，连续 3 个中午（12:00 起）共 18 场、51 条，每人全程 1–4 条，11 人去过两个以上平台，25 分钟 / " +
				"a sparse crew over three platforms, 2-4 lines a broadcast, mostly from one IPv6 /64, beside loyal fans: 25 loyal fans a merchant; 48 aged accounts on 6 shared phones, one subnet (IPv6 share 0.8, 27 of the 32 who turn up on its IPv6 /64), paraphrase 0.7, 20% filler, buyers share 0.1 (4 of the 32), 20% contradicting themselves, 2-4 lines a broadcast, one per member, posted seconds apart in a burst, two non-head merchants each on douyin (general goods, food), pinduoduo (drugs, cosmetics) and shipinhao (medical devices, electronics), 3 lunchtimes in a row from 12:00 (18 broadcasts, 51 lines), 1-4 lines per member over the run, 11 members on two platforms or more, 25 minutes",
			Config: sim.Config{Seed: 2927, Rooms: 9, Days: 3, Duration: 25 * time.Minute, Start: time.Date(2025, 10, 20, 12, 0, 0, 0, cst),
				Platforms: []string{"douyin", "pinduoduo", "shipinhao"}, Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "sparsev6", Accounts: 48, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetSubnet, IPv6: 0.8,
						Devices: 6, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{2, 4}, Merchants: []int{3, 6, 4, 7, 5, 8}},
				}}},
		{Name: "blind21/attack/ipv6-subnet-one-liners-in-head-room-chant", Set: SetBlind21,
			Description: "藏在头部直播间口号与 NAT 人群中、每场每人一条的新号团伙，多走同一 IPv6 /64：卖电器的头部直播间有 2500 人口号、300 人共用一个运营商 NAT 地址、80 名铁粉、抽奖与“扣1”刷屏；90 个新号、15 台共用手机、同一网段（IPv6 比例 0.7，出场的 66 人中 50 人走其 IPv6 /64）、轻度改写 0.4、四分之一闲聊、15% 比例下单（66 人中 9 人）、四分之一自相矛盾，每场抽 45 人、每人 1 条、成批（每场 45 条，约占评论的 0.13%），2 天，每人全程 1–2 条，45 分钟 / " +
				"a crew of new accounts saying one line each a broadcast, mostly from one IPv6 /64, hidden in a head room's chant and NAT crowd: the head room sells electronics and has a 2,500-fan chant, 300 viewers behind one carrier NAT address, 80 loyal fans, lotteries and floods of \"1\"; 90 new accounts on 15 shared phones, one subnet (IPv6 share 0.7, 50 of the 66 who turn up on its IPv6 /64), light paraphrase 0.4, 25% filler, buyers share 0.15 (9 of the 66), 25% contradicting themselves, 45 drawn a broadcast posting 1 each, in bursts (45 lines a broadcast, about 0.13% of the comments), 2 days, 1-2 lines per member over the run, 45 minutes",
			Config: sim.Config{Seed: 2938, Rooms: 5, Days: 2, Duration: 45 * time.Minute, Hard: sim.HardCases{Chant: 2500, NAT: 300, LoyalFans: 80},
				Crews: []sim.Crew{
					{Name: "headv6", Accounts: 90, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet, IPv6: 0.7,
						Devices: 15, Age: sim.AgeNew, Filler: 0.25, Buyers: 0.15, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 1,
						RoomMembers: 45, Merchants: []int{0}},
				}}},
		{Name: "blind21/attack/ipv6-subnet-fan-mimics-five-evenings", Set: SetBlind21,
			Description: "扮作铁粉、几乎全走同一 IPv6 /64 的老号团伙，混在铁粉与买家评价中：每个商家 120 名铁粉、买家带数字的评价；40 个老号、8 台共用手机、同一网段（IPv6 比例 0.95，出场的 28 人中 26 人走其 IPv6 /64）、重度改写 0.9、五成闲聊、五成比例下单（28 人中 16 人）、一成自相矛盾，每场抽 8 人、每人 1 条、均匀（每场 8 条，约占评论的 0.4%），抖音上一个卖果冻的食品商家连续 5 个晚上（20:30 起），每人全程 1–3 条，30 分钟 / " +
				"an aged crew posing as loyal fans, nearly all on one IPv6 /64, among loyal fans and buyers' reviews: 120 loyal fans a merchant, buyers' reviews with numbers; 40 aged accounts on 8 shared phones, one subnet (IPv6 share 0.95, 26 of the 28 who turn up on its IPv6 /64), heavy paraphrase 0.9, 50% filler, buyers share 0.5 (16 of the 28), 10% contradicting themselves, 8 drawn a broadcast posting 1 each, spread evenly (8 lines a broadcast, about 0.4% of the comments), one douyin food merchant selling jelly on 5 evenings in a row from 20:30, 1-3 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 2946, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Start: time.Date(2025, 12, 1, 20, 30, 0, 0, cst),
				Platforms: []string{"douyin"}, Hard: sim.HardCases{LoyalFans: 120, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fanv6", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 0.95,
						Devices: 8, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 1,
						RoomMembers: 8, Merchants: []int{1}},
				}}},
		{Name: "blind21/attack/proxy-two-head-rooms-nat-1200", Set: SetBlind21,
			Description: "走代理池、藏在两个头部直播间大 NAT 人群中的老号团伙：淘宝（卖保健食品）与快手（卖日用品）的头部直播间各有 1200 人共用一个运营商 NAT 地址、600 人口号、抽奖与“扣1”刷屏；50 个老号、5 台共用手机、代理池（约三分之一出口在本省运营商 NAT 段，241 个出口地址中 39 个也有观众用过；IPv6 比例 0.15，50 人中 11 人走 IPv6）、改写 0.6、两成闲聊、两成比例下单（50 人中 7 人）、两成自相矛盾，全员在两个直播间每人各 3 条、成批（每场 150 条，约占评论的 0.4%），一场 60 分钟 / " +
				"a crew of aged accounts on a proxy pool, hidden among the big NAT crowds of two head rooms: the head rooms on taobao (selling health food) and kuaishou (selling household goods) each have 1,200 viewers behind one carrier NAT address, a 600-fan chant, lotteries and floods of \"1\"; 50 aged accounts on 5 shared phones, proxy pool (about a third of the exits in the province's carrier NAT range, 39 of its 241 exit addresses also used by viewers; IPv6 share 0.15, 11 of the 50 on IPv6), paraphrase 0.6, 20% filler, buyers share 0.2 (7 of the 50), 20% contradicting themselves, every member 3 lines in each of the two rooms, in bursts (150 lines a broadcast, about 0.4% of the comments), one 60-minute broadcast",
			Config: sim.Config{Seed: 2955, Rooms: 4, Duration: 60 * time.Minute, Platforms: []string{"taobao", "kuaishou"},
				Hard: sim.HardCases{Chant: 600, NAT: 1200},
				Crews: []sim.Crew{
					{Name: "natproxy", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 5, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.2, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 3,
						Merchants: []int{0, 1}},
				}}},
		{Name: "blind21/attack/proxy-identical-new-nat-1500-three-days", Set: SetBlind21,
			Description: "走代理池、相同话术的新号团伙，混在两个头部直播间的大 NAT 人群与买家评价中：拼多多（卖化妆品）与微信（卖感冒灵颗粒）的头部直播间各有 1500 人共用一个运营商 NAT 地址，买家带数字的评价；36 个新号、每号一机、代理池（99 个出口地址中 21 个也有观众用过；IPv6 比例 0.05，36 人中 4 人走 IPv6）、相同话术、三成自相矛盾、不闲聊、不下单，每场 14–22 条、每人一条、均匀（不到评论的 0.1%），3 天共 6 场 107 条，每人全程 1–5 条，36 人中 29 人两个平台都去过，35 分钟 / " +
				"a crew of new accounts with identical scripts on a proxy pool, among the big NAT crowds of two head rooms and buyers' reviews: the head rooms on pinduoduo (selling cosmetics) and weixin (selling cold granules) each have 1,500 viewers behind one carrier NAT address, buyers' reviews with numbers; 36 new accounts, a phone each, proxy pool (21 of its 99 exit addresses also used by viewers; IPv6 share 0.05, 4 of the 36 on IPv6), identical scripts, 30% contradicting themselves, no filler, no orders, 14-22 lines a broadcast, one per member, spread evenly (under 0.1% of the comments), 3 days (6 broadcasts, 107 lines), 1-5 lines per member over the run, 29 of the 36 on both platforms, 35 minutes",
			Config: sim.Config{Seed: 2967, Rooms: 6, Days: 3, Duration: 35 * time.Minute, Platforms: []string{"pinduoduo", "weixin"},
				Hard: sim.HardCases{NAT: 1500, Reviews: true},
				Crews: []sim.Crew{
					{Name: "natclones", Accounts: 36, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.05,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingEven, RoomComments: [2]int{14, 22}, Merchants: []int{0, 1}},
				}}},
		{Name: "blind21/attack/two-crews-subnet-echo-and-two-phone-studio", Set: SetBlind21,
			Description: "两个团伙守同一个卖化妆品的商家，连续两个上午（10:00 起），每个商家 50 名铁粉，40 分钟：“复读”团伙 30 个新号、每号一机、同一网段（IPv6 比例 0.5，30 人中 15 人走其 IPv6 /64）、几乎不改写 0.25、三成自相矛盾、不闲聊、不下单，两天都成批地占该直播间评论的 6%（每场 168–219 条，每人全程 12–14 条）；“工作室”团伙 22 个老号共用 2 台手机、代理池（IPv6 比例 0.3，出场的 16 人中 3 人走 IPv6）、改写 0.95、35% 闲聊、三成比例下单（16 人中 4 人）、两成自相矛盾，只在第 2 天、每场抽 9 人、每人 2 条、均匀，在该商家与另一个卖化妆品的商家 / " +
				"two crews at one merchant selling cosmetics on two mornings in a row from 10:00, 50 loyal fans a merchant, 40 minutes: \"echo\", 30 new accounts, a phone each, one subnet (IPv6 share 0.5, 15 of the 30 on its IPv6 /64), barely paraphrased 0.25, 30% contradicting themselves, no filler, no orders, in bursts at 6% of the room's comments on both days (168-219 lines a broadcast, 12-14 per member over the run); and \"studio\", 22 aged accounts sharing 2 phones, proxy pool (IPv6 share 0.3, 3 of the 16 who turn up on IPv6), paraphrase 0.95, 35% filler, buyers share 0.3 (4 of the 16), 20% contradicting themselves, on day 2 only, 9 drawn a broadcast posting 2 each, spread evenly, at that merchant and at another cosmetics merchant",
			Config: sim.Config{Seed: 2981, Rooms: 8, Days: 2, Duration: 40 * time.Minute, Start: time.Date(2025, 5, 20, 10, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 50},
				Crews: []sim.Crew{
					{Name: "echo", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.5,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.06, Merchants: []int{5}},
					{Name: "studio", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.95, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 2, Age: sim.AgeAged, Filler: 0.35, Buyers: 0.3, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 9, Merchants: []int{5, 2}, Days: []int{1}},
				}}},
		{Name: "blind21/organic/chant-3500-nat-400-three-platforms", Set: SetBlind21,
			Description: "只有真实观众：三个平台（抖音、小红书、B站）的头部直播间各有 3500 人口号、400 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，6 个直播间，一场 50 分钟 / " +
				"organic only: head rooms on three platforms (douyin, xiaohongshu, bilibili), each with a 3,500-fan chant, 400 viewers behind one carrier NAT address, lotteries and floods of \"1\", 6 rooms, one 50-minute broadcast",
			Config: sim.Config{Seed: 2972, Rooms: 6, Duration: 50 * time.Minute, Platforms: []string{"douyin", "xiaohongshu", "bilibili"},
				Hard: sim.HardCases{Chant: 3500, NAT: 400}}},
		{Name: "blind21/organic/nat-1800-fans-150-reviews-six-days", Set: SetBlind21,
			Description: "只有真实观众：两个平台（快手、京东）共 8 个商家，每个头部直播间 1800 人共用一个运营商 NAT 地址，每个商家 150 名铁粉场场必到、打卡、偶尔下单，买家带数字的评价，6 天，每场 20 分钟 / " +
				"organic only: 8 merchants on two platforms (kuaishou, jd), 1,800 viewers behind one carrier NAT address in each head room, 150 loyal fans a merchant at every broadcast, greeting, now and then buying, buyers' reviews with numbers, 6 days of 20-minute broadcasts",
			Config: sim.Config{Seed: 2985, Rooms: 8, Days: 6, Duration: 20 * time.Minute, Platforms: []string{"kuaishou", "jd"},
				Hard: sim.HardCases{NAT: 1800, LoyalFans: 150, Reviews: true}}},
		{Name: "blind21/organic/everything-two-platforms-five-lunchtimes", Set: SetBlind21,
			Description: "只有真实观众：两个平台（淘宝、视频号）6 个直播间连续五个中午开播（12:30 起），全部疑难场景（每个头部直播间 900 人口号、650 人共用一个 NAT 地址，每个商家 260 名铁粉，买家评价），每场 25 分钟 / " +
				"organic only: six rooms on two platforms (taobao, shipinhao) broadcasting five lunchtimes in a row from 12:30, every hard case (a 900-fan chant and 650 viewers behind one NAT address in each head room, 260 loyal fans a merchant, buyers' reviews), 25-minute broadcasts",
			Config: sim.Config{Seed: 2993, Rooms: 6, Days: 5, Duration: 25 * time.Minute, Start: time.Date(2025, 8, 4, 12, 30, 0, 0, cst),
				Platforms: []string{"taobao", "shipinhao"}, Hard: sim.HardCases{Chant: 900, NAT: 650, LoyalFans: 260, Reviews: true}}},
	}
}
