package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind14 names the fourteenth blind set.
const SetBlind14 = "blind14"

// Blind14 returns the fourteenth blind scenarios: a seventeenth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2200 to 2299) and parameter combinations no other set uses. It leans on
// crews that work several platforms at once and on scenarios that hold two
// or three crews at the same time.
//
// A crew close to the naive jelly case (40 new accounts reciting identical
// scripts in bursts from one subnet on five shared phones, at 35% of the
// comments of each room it works) has a twist: it works three merchants
// at once, one each on douyin, kuaishou and xiaohongshu, every member on
// all three, beside 250 viewers behind one carrier NAT address in each
// head room. A sparse crew of 14 aged proxy accounts on four phones posts
// four to seven lines a broadcast, one per member, spread evenly, at one
// merchant on each of five platforms (douyin, kuaishou, taobao, pinduoduo,
// weibo) over four late evenings, every member on three platforms or
// more, among 30 loyal fans a merchant and buyers' reviews with numbers. A
// crew of 45 aged proxy accounts on nine phones posts two lines each,
// spread evenly, in the head rooms of three platforms (douyin, taobao,
// bilibili) in one broadcast, hidden among 1,500-fan chants, 300 viewers
// behind one carrier NAT address, 60 loyal fans a merchant, lotteries and
// floods of "1". Two crews take turns at one merchant over three days and
// meet there on the last: a chorus of 28 new accounts, a phone each, on
// one subnet and mostly on its IPv6 /64, reciting identical scripts in
// bursts at a quarter of the room's comments on the first and third days;
// and 12 aged proxy accounts on three phones, paraphrasing heavily, half
// of them buying, four lines each a broadcast spread evenly on the second
// and third days, there and at a health-food merchant; among 80 loyal
// fans a merchant and buyers' reviews. Two crews work two platforms side
// by side over three days: 36 new proxy accounts on six phones post 24 to
// 32 lightly paraphrased lines a broadcast in bursts, one per member, at
// three kuaishou merchants; and 22 aged accounts on one subnet and eleven
// phones post three lines each a broadcast spread evenly at two jd
// apparel merchants; beside 400 viewers behind one NAT address in each
// head room and 40 loyal fans a merchant. Three crews work three
// platforms (douyin, xiaohongshu, shipinhao) on two mornings among every
// hard case: 24 aged proxy accounts on six phones, 18 a broadcast, two
// lines each spread evenly, at a douyin and a xiaohongshu merchant; 50 new
// accounts on one subnet and eight phones reciting identical scripts in
// bursts at 30% of the comments of that xiaohongshu merchant's room on the
// second morning only; and six new proxy accounts on two phones,
// paraphrasing almost always, three to six lines a broadcast at two
// shipinhao merchants and another xiaohongshu one. Two crews that both
// work several platforms overlap at two merchants over three days, among
// 600-fan chants in the four head rooms and buyers' reviews: 26 new
// accounts, a phone each, on one subnet, 14 a broadcast, two lightly
// paraphrased lines each in bursts, at a douyin, a kuaishou and a taobao
// merchant; and 18 aged proxy accounts on three phones, paraphrasing
// heavily, chatting and buying, eight to eleven lines a broadcast spread
// evenly, at the same kuaishou and taobao merchants and a pinduoduo one.
// And a crew close to the jelly case's numbers works one twelve-hour day:
// 48 aged proxy accounts on six phones reciting identical scripts in
// bursts at 70% of the comments of a food merchant's room (some 1,100
// lines, about 1.5 a minute, so that everyone copies the case's "35 jin"
// and "16.6 jin"), under a cap of 3,000 events a room, among 25 loyal fans
// a merchant. Every member of every crew posts at least two scripted
// lines over its run (checked by generating the events), and every crew
// posts testimonials about the goods on sale.
//
// Its organic runs have 5,000-fan chants and 120 viewers behind one
// carrier NAT address in the head rooms of two platforms (douyin, weibo)
// in one short 20-minute broadcast, so that the chant comes in big rounds;
// 1,000 loyal fans a merchant, drawn from the platform's 5,000 viewers so
// that most of them are fans of several merchants, over eight merchants
// and five afternoons, with buyers' reviews; and every hard case over
// three platforms (kuaishou, xiaohongshu, jd) and three days, with 2,000
// viewers behind one carrier NAT address in each head room (an 800-fan
// chant, 150 loyal fans a merchant, reviews). Every crew leaves something
// a careful analyst holding all the data could go on (texts, numbers,
// timing, addresses, devices, account ages, rooms, platforms); none is
// made indistinguishable from viewers by construction. It was run once,
// on the version with related campaigns (docs/campaigns.md), and then
// looked at: the six onlookers accused in jelly-three-platforms-subnet led
// to the change of the script webs' chance rate, so it is no longer unseen.
func Blind14() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind14/attack/jelly-three-platforms-subnet", Set: SetBlind14,
			Description: "接近燃咔果冻案的朴素团伙，但同时跨三个平台：40 个新号、同一网段（IPv6 比例 0.2，40 人中 14 人走其 IPv6 /64）、5 台共用手机、相同话术、四分之一自相矛盾、不闲聊、不下单、成批，同时在抖音（卖雨伞）、快手（卖针织开衫）、小红书（卖全麦面包，人人都说同样的“瘦35斤”或“瘦16.6斤”）各一个非头部商家，各占该直播间评论的 35%（每场 432–1305 条），全员三个平台都在、每人 73–76 条；每个头部直播间 250 人共用一个运营商 NAT 地址，一场 40 分钟 / " +
				"a crew close to the naive jelly case, but on three platforms at once: 40 new accounts, one subnet (IPv6 share 0.2, 14 of the 40 on its IPv6 /64), 5 shared phones, identical scripts, 25% contradicting themselves, no filler, no orders, in bursts, at one non-head merchant each on douyin (umbrellas), kuaishou (cardigans) and xiaohongshu (whole-wheat bread; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 35% of each room's comments (432-1305 lines a broadcast), every member on all three platforms, 73-76 lines each; 250 viewers behind one carrier NAT address in each head room, one 40-minute broadcast",
			Config: sim.Config{Seed: 2203, Rooms: 6, Duration: 40 * time.Minute, Platforms: []string{"douyin", "kuaishou", "xiaohongshu"},
				Hard: sim.HardCases{NAT: 250},
				Crews: []sim.Crew{
					{Name: "tri", Accounts: 40, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.2, Devices: 5,
						Age: sim.AgeNew, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.35, Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind14/attack/lowrate-five-platforms", Set: SetBlind14,
			Description: "跨五个平台的低频团伙，旁有铁粉与买家带数字的评价：每个商家 30 名铁粉、买家评价；14 个老号、4 台共用手机、代理池（IPv6 比例 0.3，14 人中 4 人走 IPv6）、改写 0.75、25% 闲聊、两成比例下单（14 人中 3 人）、两成自相矛盾，每场 4–7 条、每人一条、均匀（占评论的 0.1%–1.3%），抖音（卖果冻）、快手（卖益生菌）、淘宝（卖蓝牙耳机）、拼多多（卖卸妆水）、微博（卖电动牙刷）各一个非头部商家，连续 4 个晚上（20:30 起）共 20 场，14 人中 4 人五个平台都去过、8 人去过四个、2 人去过三个，每人全程 3–11 条（其中话术 2–10 条），25 分钟 / " +
				"a low-rate crew over five platforms, beside loyal fans and buyers' reviews with numbers: 30 loyal fans a merchant, buyers' reviews; 14 aged accounts on 4 shared phones, proxy pool (IPv6 share 0.3, 4 of the 14 on IPv6), paraphrase 0.75, 25% filler, buyers share 0.2 (3 of the 14), 20% contradicting themselves, 4-7 lines a broadcast, one per member, spread evenly (0.1-1.3% of the comments), one non-head merchant each on douyin (jelly), kuaishou (probiotics), taobao (earbuds), pinduoduo (make-up remover) and weibo (electric toothbrushes), 4 evenings in a row from 20:30 (20 broadcasts), 4 of the 14 on all five platforms, 8 on four, 2 on three, 3-11 lines (2-10 scripted) per member over the run, 25 minutes",
			Config: sim.Config{Seed: 2217, Rooms: 10, Days: 4, Duration: 25 * time.Minute, Start: time.Date(2025, 11, 24, 20, 30, 0, 0, cst),
				Platforms: []string{"douyin", "kuaishou", "taobao", "pinduoduo", "weibo"},
				Hard:      sim.HardCases{LoyalFans: 30, Reviews: true},
				Crews: []sim.Crew{
					{Name: "fiveplat", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 4, Age: sim.AgeAged, Filler: 0.25, Buyers: 0.2, Contradict: 0.2, Timing: sim.TimingEven,
						RoomComments: [2]int{4, 7}, Merchants: []int{5, 6, 7, 8, 9}},
				}}},
		{Name: "blind14/attack/even-crew-three-head-rooms", Set: SetBlind14,
			Description: "同时藏在三个平台头部直播间里的老号团伙：抖音（卖面膜）、淘宝（卖保温杯）、B站（卖洗面奶）的头部直播间各有 1500 人口号、300 人共用一个运营商 NAT 地址、每个商家 60 名铁粉、抽奖与“扣1”刷屏；45 个老号、9 台共用手机、代理池（IPv6 比例 0.15，45 人中 8 人走 IPv6）、改写 0.55、30% 闲聊、15% 比例下单（45 人中 9 人）、两成自相矛盾，全员在三个头部直播间每场每人 2 条、均匀（每场 90 条，约占评论的 0.4%），每人全程 6 条（其中话术 2–6 条），一场 35 分钟 / " +
				"a crew of aged accounts hidden in the head rooms of three platforms at once: the head rooms on douyin (face masks), taobao (thermos cups) and bilibili (facial cleanser) each have a 1,500-fan chant, 300 viewers behind one carrier NAT address, 60 loyal fans a merchant, lotteries and floods of \"1\"; 45 aged accounts on 9 shared phones, proxy pool (IPv6 share 0.15, 8 of the 45 on IPv6), paraphrase 0.55, 30% filler, buyers share 0.15 (9 of the 45), 20% contradicting themselves, every member 2 lines in each of the three head rooms, spread evenly (90 lines a broadcast, about 0.4% of the comments), 6 lines (2-6 scripted) per member, one 35-minute broadcast",
			Config: sim.Config{Seed: 2226, Rooms: 6, Duration: 35 * time.Minute, Platforms: []string{"douyin", "taobao", "bilibili"},
				Hard: sim.HardCases{Chant: 1500, NAT: 300, LoyalFans: 60},
				Crews: []sim.Crew{
					{Name: "headtrio", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 9, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.15, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 2,
						Merchants: []int{0, 1, 2}},
				}}},
		{Name: "blind14/attack/two-crews-one-merchant-alternating", Set: SetBlind14,
			Description: "两个团伙轮流守同一个卖冻干猫粮的商家、第 3 天同场，旁有每个商家 80 名铁粉与买家带数字的评价，3 天，30 分钟：“合唱”团伙 28 个新号、每号一机、同一网段（IPv6 比例 0.6，28 人中 16 人走其 IPv6 /64）、相同话术、35% 自相矛盾、不闲聊、不下单，只在第 1、3 天成批地占该直播间评论的约 25%（每场 224–261 条，每人全程 17–18 条）；“收口”团伙 12 个老号、3 台共用手机、代理池（IPv6 比例 0.4，12 人中 6 人走 IPv6）、改写 0.85、35% 闲聊、六成比例下单（12 人中 6 人）、一成自相矛盾，只在第 2、3 天、每人每场 4 条、均匀，在该商家与一个卖保健食品（钙维生素D）的商家，每人全程 16 条（其中话术 9–13 条） / " +
				"two crews taking turns at one merchant selling freeze-dried cat food and meeting there on day 3, beside 80 loyal fans a merchant and buyers' reviews with numbers, 3 days, 30 minutes: \"chorus\", 28 new accounts, a phone each, one subnet (IPv6 share 0.6, 16 of the 28 on its IPv6 /64), identical scripts, 35% contradicting themselves, no filler, no orders, on days 1 and 3 only, in bursts at about 25% of the room's comments (224-261 lines a broadcast, 17-18 per member over the run); and \"closer\", 12 aged accounts on 3 shared phones, proxy pool (IPv6 share 0.4, 6 of the 12 on IPv6), paraphrase 0.85, 35% filler, buyers share 0.6 (6 of the 12), 10% contradicting themselves, on days 2 and 3 only, 4 lines each a broadcast, spread evenly, at that merchant and at a health-food merchant (calcium and vitamin D), 16 lines (9-13 scripted) per member over the run",
			Config: sim.Config{Seed: 2234, Rooms: 7, Days: 3, Duration: 30 * time.Minute,
				Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "chorus", Accounts: 28, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.6,
						Age: sim.AgeNew, Contradict: 0.35, Timing: sim.TimingBurst, Share: 0.25, Merchants: []int{2}, Days: []int{0, 2}},
					{Name: "closer", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 3, Age: sim.AgeAged, Filler: 0.35, Buyers: 0.6, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{2, 5}, Days: []int{1, 2}},
				}}},
		{Name: "blind14/attack/two-crews-two-platforms", Set: SetBlind14,
			Description: "两个团伙分守两个平台，3 天，30 分钟，每个头部直播间 400 人共用一个运营商 NAT 地址、每个商家 40 名铁粉：快手团伙 36 个新号、6 台共用手机、代理池（IPv6 比例 0.1，36 人中 5 人走 IPv6）、轻度改写 0.4、10% 闲聊、不下单、三成自相矛盾，每场 24–32 条、每人一条、成批（占评论的 1.2%–5.3%），三个快手商家（卖奶粉、保温杯、四件套）共 9 场，每人全程 4–9 条（其中话术 2–8 条）；京东团伙 22 个老号、11 台共用手机、同一网段（IPv6 比例 0.3，22 人中 2 人走其 IPv6 /64）、改写 0.6、20% 闲聊、三成比例下单（22 人中 7 人）、15% 自相矛盾，全员每场每人 3 条、均匀（每场 66 条，占评论的 2.5%–7.3%），两个卖服装（防晒衣、连衣裙）的京东商家共 6 场，每人全程 18 条 / " +
				"two crews on two platforms side by side, 3 days, 30 minutes, 400 viewers behind one carrier NAT address in each head room, 40 loyal fans a merchant: on kuaishou, 36 new accounts on 6 shared phones, proxy pool (IPv6 share 0.1, 5 of the 36 on IPv6), light paraphrase 0.4, 10% filler, no orders, 30% contradicting themselves, 24-32 lines a broadcast, one per member, in bursts (1.2-5.3% of the comments), three kuaishou merchants (infant formula, thermos cups, bedding), 9 broadcasts, 4-9 lines (2-8 scripted) per member over the run; on jd, 22 aged accounts on 11 shared phones, one subnet (IPv6 share 0.3, 2 of the 22 on its IPv6 /64), paraphrase 0.6, 20% filler, buyers share 0.3 (7 of the 22), 15% contradicting themselves, every member 3 lines a broadcast, spread evenly (66 lines a broadcast, 2.5-7.3% of the comments), two jd apparel merchants (sun-protection jackets, dresses), 6 broadcasts, 18 lines per member over the run",
			Config: sim.Config{Seed: 2241, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "jd"},
				Hard: sim.HardCases{NAT: 400, LoyalFans: 40},
				Crews: []sim.Crew{
					{Name: "ksburst", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetProxy, IPv6: 0.1,
						Devices: 6, Age: sim.AgeNew, Filler: 0.1, Contradict: 0.3, Timing: sim.TimingBurst,
						RoomComments: [2]int{24, 32}, Merchants: []int{2, 4, 6}},
					{Name: "jdsubnet", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 11, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 3,
						Merchants: []int{3, 5}},
				}}},
		{Name: "blind14/attack/three-crews-every-hard-case", Set: SetBlind14,
			Description: "三个团伙同时跨三个平台（抖音、小红书、视频号），全部疑难场景（每个头部直播间 900 人口号、150 人共用一个运营商 NAT 地址，每个商家 50 名铁粉，买家评价），连续两个上午（10:00 起），35 分钟：“桥”团伙 24 个老号、6 台共用手机、代理池（IPv6 比例 0.2，24 人中 2 人走 IPv6）、改写 0.6、20% 闲聊、三成比例下单（24 人中 11 人）、15% 自相矛盾，每场抽 18 人、每人 2 条、均匀，在抖音（卖大米）与小红书（卖乳清蛋白粉）各一个商家共 4 场，24 人中 21 人两个平台都去过，每人全程 2–8 条；“蜂群”团伙 50 个新号、同一网段（IPv6 比例 0.3，50 人中 12 人走其 IPv6 /64）、8 台共用手机、相同话术、三成自相矛盾，只在第 2 天成批地占那个小红书直播间评论的 30%（733 条，每人 14–15 条）；“滴灌”团伙 6 个新号共用 2 台手机、代理池、改写 0.9、15% 闲聊、四分之一自相矛盾，每场 3–6 条、每人一条、均匀，视频号两个商家（卖智能手表、针织开衫）与小红书一个商家（卖牛肉干）共 6 场，6 人中 5 人两个平台都去过，每人全程 3–6 条（其中话术 2–6 条） / " +
				"three crews at once over three platforms (douyin, xiaohongshu, shipinhao), every hard case (a 900-fan chant and 150 viewers behind one carrier NAT address in each head room, 50 loyal fans a merchant, buyers' reviews), two mornings in a row from 10:00, 35 minutes: \"bridge\", 24 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.2, 2 of the 24 on IPv6), paraphrase 0.6, 20% filler, buyers share 0.3 (11 of the 24), 15% contradicting themselves, 18 drawn a broadcast posting 2 each, spread evenly, at one merchant each on douyin (rice) and xiaohongshu (whey protein), 4 broadcasts, 21 of the 24 on both platforms, 2-8 lines per member; \"swarm\", 50 new accounts, one subnet (IPv6 share 0.3, 12 of the 50 on its IPv6 /64), 8 shared phones, identical scripts, 30% contradicting themselves, on day 2 only, in bursts at 30% of that xiaohongshu room's comments (733 lines, 14-15 per member); \"drip\", 6 new accounts sharing 2 phones, proxy pool, paraphrase 0.9, 15% filler, 25% contradicting themselves, 3-6 lines a broadcast, one per member, spread evenly, at two shipinhao merchants (smart watches, cardigans) and one xiaohongshu merchant (beef jerky), 6 broadcasts, 5 of the 6 on two platforms, 3-6 lines (2-6 scripted) per member",
			Config: sim.Config{Seed: 2252, Rooms: 9, Days: 2, Duration: 35 * time.Minute, Start: time.Date(2025, 5, 6, 10, 0, 0, 0, cst),
				Platforms: []string{"douyin", "xiaohongshu", "shipinhao"},
				Hard:      sim.HardCases{Chant: 900, NAT: 150, LoyalFans: 50, Reviews: true},
				Crews: []sim.Crew{
					{Name: "bridge", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 6, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 18, Merchants: []int{3, 4}},
					{Name: "swarm", Accounts: 50, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.3, Devices: 8,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.3, Merchants: []int{4}, Days: []int{1}},
					{Name: "drip", Accounts: 6, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy,
						Devices: 2, Age: sim.AgeNew, Filler: 0.15, Contradict: 0.25, Timing: sim.TimingEven,
						RoomComments: [2]int{3, 6}, Merchants: []int{5, 7, 8}},
				}}},
		{Name: "blind14/attack/two-multiplatform-crews-overlap", Set: SetBlind14,
			Description: "两个都跨平台的团伙在两个商家重叠，四个平台（抖音、快手、淘宝、拼多多）的头部直播间各有 600 人口号，买家带数字的评价，3 天，25 分钟：“东”团伙 26 个新号、每号一机、同一网段（IPv6 比例 0.1，26 人中 4 人走其 IPv6 /64）、轻度改写 0.35、两成自相矛盾、不闲聊、不下单，每场抽 14 人、每人 2 条、成批（每场 28 条，占评论的 3.9%–7.7%），抖音（卖板蓝根）、快手（卖橄榄油）、淘宝（卖奶粉）各一个商家共 9 场，26 人中 20 人三个平台都去过、6 人去过两个，每人全程 4–16 条；“西”团伙 18 个老号、3 台共用手机、代理池（IPv6 比例 0.5，18 人中 10 人走 IPv6）、改写 0.8、30% 闲聊、四成比例下单（18 人中 7 人）、一成自相矛盾，每场 8–11 条、每人一条、均匀，在同样的快手与淘宝商家及一个拼多多商家（卖防晒衣）共 9 场，18 人中 10 人三个平台都去过、7 人去过两个、1 人只在一个平台，每人全程 2–8 条（其中话术 2–6 条） / " +
				"two crews that both work several platforms, overlapping at two merchants, with a 600-fan chant in the head room of each of four platforms (douyin, kuaishou, taobao, pinduoduo) and buyers' reviews with numbers, 3 days, 25 minutes: \"east\", 26 new accounts, a phone each, one subnet (IPv6 share 0.1, 4 of the 26 on its IPv6 /64), light paraphrase 0.35, 20% contradicting themselves, no filler, no orders, 14 drawn a broadcast posting 2 each, in bursts (28 lines a broadcast, 3.9-7.7% of the comments), one merchant each on douyin (banlangen granules), kuaishou (olive oil) and taobao (infant formula), 9 broadcasts, 20 of the 26 on all three platforms and 6 on two, 4-16 lines per member; \"west\", 18 aged accounts on 3 shared phones, proxy pool (IPv6 share 0.5, 10 of the 18 on IPv6), paraphrase 0.8, 30% filler, buyers share 0.4 (7 of the 18), 10% contradicting themselves, 8-11 lines a broadcast, one per member, spread evenly, at the same kuaishou and taobao merchants and a pinduoduo one (sun-protection jackets), 9 broadcasts, 10 of the 18 on all three platforms, 7 on two and 1 on one, 2-8 lines (2-6 scripted) per member",
			Config: sim.Config{Seed: 2265, Rooms: 8, Days: 3, Duration: 25 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "pinduoduo"},
				Hard:      sim.HardCases{Chant: 600, Reviews: true},
				Crews: []sim.Crew{
					{Name: "east", Accounts: 26, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.35, Network: sim.NetSubnet, IPv6: 0.1,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 14, Merchants: []int{4, 5, 6}},
					{Name: "west", Accounts: 18, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.5,
						Devices: 3, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingEven,
						RoomComments: [2]int{8, 11}, Merchants: []int{5, 6, 7}},
				}}},
		{Name: "blind14/attack/marathon-jelly-aged-proxy", Set: SetBlind14,
			Description: "燃咔果冻案的节奏（12 小时、约每分钟 1.5 条、约占 70%），但用老号走代理池：8 个直播间从早上 9:00 连播 12 小时，每场上限 3000 个事件，每个商家 25 名铁粉；48 个老号、6 台共用手机、代理池（IPv6 比例 0.05，48 人中 3 人走 IPv6）、相同话术（卖燃咔每日坚果的食品直播间，人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成自相矛盾、不闲聊、不下单、成批，占该直播间评论的 70%（1105 条，每人 23–24 条） / " +
				"the jelly case's pace (12 hours, about 1.5 lines a minute, about 70%), but with aged accounts on a proxy pool: 8 rooms broadcasting 12 hours from 9:00, capped at 3,000 events a room, 25 loyal fans a merchant; 48 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.05, 3 of the 48 on IPv6), identical scripts (a food room selling 燃咔 daily nuts; everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, no filler, no orders, in bursts, 70% of the room's comments (1,105 lines, 23-24 per member)",
			Config: sim.Config{Seed: 2283, Rooms: 8, EventsPerRoom: 3000, Duration: 12 * time.Hour, Start: time.Date(2025, 8, 19, 9, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "marathon", Accounts: 48, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.05, Devices: 6,
						Age: sim.AgeAged, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.7, Merchants: []int{5}},
				}}},
		{Name: "blind14/organic/chant-5000-short-two-platforms", Set: SetBlind14,
			Description: "只有真实观众：两个平台（抖音、微博）的头部直播间各有 5000 人口号（直播只有 20 分钟，每轮口号人数更多）、120 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，4 个直播间，一场 20 分钟 / " +
				"organic only: head rooms on two platforms (douyin, weibo), each with a 5,000-fan chant (the broadcast lasts only 20 minutes, so each round is bigger), 120 viewers behind one carrier NAT address, lotteries and floods of \"1\", 4 rooms, one 20-minute broadcast",
			Config: sim.Config{Seed: 2291, Rooms: 4, Duration: 20 * time.Minute, Platforms: []string{"douyin", "weibo"},
				Hard: sim.HardCases{Chant: 5000, NAT: 120}}},
		{Name: "blind14/organic/loyal-1000-afternoons", Set: SetBlind14,
			Description: "只有真实观众：一个平台 8 个商家连续五个下午开播（14:00 起），每个商家 1000 名铁粉场场必到（同一平台 5000 名观众中抽取，多数人同时是几个商家的铁粉）、打卡、夸主播、偶尔下单，买家带数字的评价，每场 25 分钟 / " +
				"organic only: 8 merchants on one platform broadcasting five afternoons in a row from 14:00, 1,000 loyal fans each at every broadcast (drawn from the platform's 5,000 viewers, so most are loyal fans of several merchants), greeting, praising the host, now and then buying, buyers' reviews with numbers, 25-minute broadcasts",
			Config: sim.Config{Seed: 2294, Rooms: 8, Days: 5, Duration: 25 * time.Minute, Start: time.Date(2025, 10, 13, 14, 0, 0, 0, cst),
				Hard: sim.HardCases{LoyalFans: 1000, Reviews: true}}},
		{Name: "blind14/organic/everything-nat-2000-three-platforms", Set: SetBlind14,
			Description: "只有真实观众：三个平台（快手、小红书、京东）各 2 个直播间，全部疑难场景（每个头部直播间 800 人口号、2000 人共用一个运营商 NAT 地址，每个商家 150 名铁粉，买家评价），3 天，每场 30 分钟 / " +
				"organic only: three platforms (kuaishou, xiaohongshu, jd) with 2 rooms each, every hard case (an 800-fan chant and 2,000 viewers behind one carrier NAT address in each head room, 150 loyal fans a merchant, buyers' reviews), 3 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 2297, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"kuaishou", "xiaohongshu", "jd"},
				Hard: sim.HardCases{Chant: 800, NAT: 2000, LoyalFans: 150, Reviews: true}}},
	}
}
