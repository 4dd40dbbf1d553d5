package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind25 names the twenty-fifth blind set.
const SetBlind25 = "blind25"

// Blind25 returns the twenty-fifth blind scenarios: a twenty-eighth set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (3300 to 3399) and parameter combinations no other set uses. It was kept
// for one run, for an unseen figure of the next detector change, and has
// been run once: its figures are in docs/campaigns.md.
//
// A naive crew (28 new accounts reciting identical scripts in bursts from
// one subnet, 16 of them on its IPv6 /64, on only three phones, at 30% of
// the comments of a mid-sized room selling bread, so that everyone copies
// the jelly case's "35 jin" and "16.6 jin") works beside 30 families a
// merchant, each sharing one phone. Fifty aged proxy accounts, a phone
// each, post paraphrases spread evenly at 10% of the comments of two
// cosmetics rooms over two days, among 80 loyal fans a merchant and
// buyers' reviews. A sparse crew of 20 new proxy accounts on five phones
// posts three to five lines a broadcast, one per member, seconds apart,
// in the 20 quietest of 26 rooms on two platforms (taobao, pinduoduo) over
// four lunchtimes, beside families. A camouflaged crew of 30 aged proxy
// accounts on ten phones, half its lines chatter, 18 of them buying, works
// the second and fourth merchants of two platforms (douyin, kuaishou) over
// four days, 14 a broadcast, two lines each spread evenly, beside the same
// households on both platforms and buyers' reviews. A crew of 55 new
// accounts on one subnet and eight phones posts five lightly paraphrased
// lines each in bursts in an apparel head room under a 2,500-fan chant,
// 1,100 viewers behind one carrier NAT address and 150 loyal fans. Two
// crews work one jelly merchant over three mornings: 24 new proxy
// accounts, a phone each, reciting identical scripts in bursts at 20% of
// the comments; and nine aged accounts on three phones, all on one IPv6
// /64, paraphrasing heavily, chatting, three of them buying, four lines
// each spread evenly, there and at a second food merchant. A crew of 36
// aged proxy accounts on six phones, mostly on IPv6, works five merchants
// of two platforms (shipinhao, douyin) on alternate evenings of a week, 12
// a broadcast, two lines each in bursts, among loyal fans and families.
// And 120 new accounts on one subnet and 20 phones post one line each a
// broadcast, spread evenly, at one merchant on each of three platforms
// (jd, xiaohongshu, bilibili) over two days. Every member of every crew
// posts at least two scripted lines over its run (checked by generating
// the events), and every crew posts testimonials about the goods on sale.
//
// Its organic runs have 40 families a merchant who are the same
// households on three platforms (douyin, taobao, kuaishou), with 60 loyal
// fans a merchant and buyers' reviews, over four days; 2,600-fan chants,
// 800 viewers behind one carrier NAT address and 20 families a merchant
// on two platforms (pinduoduo, xiaohongshu) over two long evenings; and
// every hard case with families in twenty rooms over five lunchtimes.
// Every crew leaves something a careful analyst holding all the data
// could go on (texts, numbers, timing, addresses, devices, account ages,
// rooms, platforms); none is made indistinguishable from viewers by
// construction.
func Blind25() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind25/attack/identical-subnet-three-phones-among-families", Set: SetBlind25,
			Description: "只用 3 台手机的朴素团伙，守一个卖食品（全麦面包）的中等直播间，旁有共用手机的家庭：每个商家 30 个家庭（每家 2–4 个账号共用一部手机，常走同一条家庭宽带）；28 个新号、同一网段（IPv6 比例 0.5，28 人中 16 人走其 IPv6 /64）、3 台共用手机、相同话术（人人都说同样的“瘦35斤”或“瘦16.6斤”）、三成自相矛盾、不闲聊、不下单、成批，占该直播间评论的 30%（634 条，实占 29%，每人 22–23 条），6 个直播间，一场 40 分钟 / " +
				"a naive crew on only 3 phones in one mid-sized room selling food (whole-wheat bread), beside families sharing phones: 30 families a merchant (2-4 accounts on one phone each, often on one home line); 28 new accounts, one subnet (IPv6 share 0.5, 16 of the 28 on its IPv6 /64), 3 shared phones, identical scripts (everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 30% contradicting themselves, no filler, no orders, in bursts, share 0.3 of the room's comments (634 lines, 29% in fact; 22-23 per member), 6 rooms, one 40-minute broadcast",
			Config: sim.Config{Seed: 3303, Rooms: 6, Duration: 40 * time.Minute, Hard: sim.HardCases{Families: 30},
				Crews: []sim.Crew{
					{Name: "threephones", Accounts: 28, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.5, Devices: 3,
						Age: sim.AgeNew, Contradict: 0.3, Timing: sim.TimingBurst, Share: 0.3, Merchants: []int{1}},
				}}},
		{Name: "blind25/attack/phone-each-even-share-cosmetics", Set: SetBlind25,
			Description: "每号一机、均匀刷屏的老号团伙，混在铁粉与买家评价中：每个商家 80 名铁粉、买家带数字的评价；50 个老号（2–8 年）、每号一机、代理池（IPv6 比例 0.4，50 人中 17 人走 IPv6）、改写 0.75、不闲聊、不下单、15% 自相矛盾，均匀地占两个卖化妆品（补水面膜、卸妆水）的非头部直播间评论的 10%（每场 94–147 条、40–47 人上场），2 天共 4 场，每人全程 2–18 条，35 分钟 / " +
				"an aged crew with a phone each, posting evenly, among loyal fans and buyers' reviews: 80 loyal fans a merchant, buyers' reviews with numbers; 50 aged accounts (2-8 years), a phone each, proxy pool (IPv6 share 0.4, 17 of the 50 on IPv6), paraphrase 0.75, no filler, no orders, 15% contradicting themselves, spread evenly at 10% of the comments of two non-head rooms selling cosmetics (hydrating masks, make-up remover) (94-147 lines a broadcast, 40-47 members at work), 2 days (4 broadcasts), 2-18 lines per member over the run, 35 minutes",
			Config: sim.Config{Seed: 3318, Rooms: 7, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "evenshare", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Contradict: 0.15, Timing: sim.TimingEven, Share: 0.1, Merchants: []int{2, 6}},
				}}},
		{Name: "blind25/attack/sparse-twenty-rooms-two-platforms-lunchtimes", Set: SetBlind25,
			Description: "撒遍两个平台 20 个冷清直播间的稀疏团伙，旁有共用手机的家庭：淘宝、拼多多共 26 个商家中最冷清的 20 个（淘宝 11 个、拼多多 9 个），连续 4 个中午（12:30 起）共 80 场，每个商家 6 个家庭；20 个新号、5 台共用手机、代理池（IPv6 比例 0.15，20 人中 3 人走 IPv6）、改写 0.6、20% 闲聊、不下单、两成自相矛盾，每场只 3–5 条、每人一条、相隔数秒成批发出（占评论的 0.4%–2%），20 人都两个平台都去过，每人去 7–17 个直播间、全程 11–25 条，20 分钟 / " +
				"a sparse crew spread over 20 quiet rooms of two platforms, beside families sharing phones: the 20 quietest of 26 merchants on taobao and pinduoduo (11 on taobao, 9 on pinduoduo) on 4 lunchtimes in a row from 12:30 (80 broadcasts), 6 families a merchant; 20 new accounts on 5 shared phones, proxy pool (IPv6 share 0.15, 3 of the 20 on IPv6), paraphrase 0.6, 20% filler, no orders, 20% contradicting themselves, only 3-5 lines a broadcast, one per member, posted seconds apart in a burst (0.4-2% of the comments), all 20 on both platforms, 7-17 rooms and 11-25 lines per member over the run, 20 minutes",
			Config: sim.Config{Seed: 3331, Rooms: 26, Days: 4, Duration: 20 * time.Minute, Start: time.Date(2025, 10, 13, 12, 30, 0, 0, cst),
				Platforms: []string{"taobao", "pinduoduo"}, Hard: sim.HardCases{Families: 6},
				Crews: []sim.Crew{
					{Name: "sparse20", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 5, Age: sim.AgeNew, Filler: 0.2, Contradict: 0.2, Timing: sim.TimingBurst,
						RoomComments: [2]int{3, 5}, Reach: 20},
				}}},
		{Name: "blind25/attack/camouflage-buyers-beside-families-across", Set: SetBlind25,
			Description: "跨两个平台、伪装且下单的老号团伙，旁有两平台上同一批家庭与买家评价：抖音、快手各 4 个商家，每个商家 15 个家庭（两平台同一位置商家的家庭是同一批家庭，各平台上用同一部手机、同一条家庭宽带），买家带数字的评价；30 个老号、10 台共用手机、代理池（IPv6 比例 0.25，30 人中 8 人走 IPv6）、改写 0.85、五成闲聊、六成比例下单（30 人中 18 人每场下单）、一成自相矛盾，每场抽 14 人、每人 2 条、均匀（每场 28 条，占评论的 2%–4%），两平台的第 2 与第 4 个商家（抖音卖化妆品与血压计，快手卖保健食品与不粘锅，均非头部），4 天共 16 场，30 人都两个平台都去过，每人全程 6–24 条（其中话术 2–16 条），30 分钟 / " +
				"a camouflaged aged crew that buys, over two platforms, beside the same households on both and buyers' reviews: 4 merchants each on douyin and kuaishou, 15 families a merchant (the families of the same-placed merchant of each platform are the same households, on one phone and one home line on both), buyers' reviews with numbers; 30 aged accounts on 10 shared phones, proxy pool (IPv6 share 0.25, 8 of the 30 on IPv6), paraphrase 0.85, 50% filler, buyers share 0.6 (18 of the 30 buy every broadcast they work), 10% contradicting themselves, 14 drawn a broadcast posting 2 each, spread evenly (28 lines a broadcast, 2-4% of the comments), the second and fourth merchants of both platforms (cosmetics and blood-pressure monitors on douyin, health food and frying pans on kuaishou, none a head room), 4 days (16 broadcasts), all 30 on both platforms, 6-24 lines (2-16 of them scripted) per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3342, Rooms: 8, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Families: 15, FamiliesAcross: true, Reviews: true},
				Crews: []sim.Crew{
					{Name: "famcamo", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 10, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.6, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 2,
						RoomMembers: 14, Merchants: []int{2, 3, 6, 7}},
				}}},
		{Name: "blind25/attack/subnet-crew-in-head-room-chant-nat", Set: SetBlind25,
			Description: "藏在头部直播间口号与 NAT 人群中的同网段新号团伙：卖服装的头部直播间有 2500 人口号、1100 人共用一个运营商 NAT 地址、每个商家 150 名铁粉、抽奖与“扣1”刷屏；55 个新号、同一网段（IPv6 比例 0.3，55 人中 13 人走其 IPv6 /64）、8 台共用手机、轻度改写 0.25、15% 闲聊、一成比例下单（55 人中 11 人）、四分之一自相矛盾，全员每人 5 条、成批（275 条，约占评论的 0.6%），5 个直播间，一场 60 分钟 / " +
				"a new-account crew on one subnet hidden in a head room's chant and NAT crowd: the head room sells apparel and has a 2,500-fan chant, 1,100 viewers behind one carrier NAT address, 150 loyal fans a merchant, lotteries and floods of \"1\"; 55 new accounts, one subnet (IPv6 share 0.3, 13 of the 55 on its IPv6 /64), 8 shared phones, light paraphrase 0.25, 15% filler, buyers share 0.1 (11 of the 55), 25% contradicting themselves, every member 5 lines, in bursts (275 lines, about 0.6% of the comments), 5 rooms, one 60-minute broadcast",
			Config: sim.Config{Seed: 3355, Rooms: 5, Duration: 60 * time.Minute, Hard: sim.HardCases{Chant: 2500, NAT: 1100, LoyalFans: 150},
				Crews: []sim.Crew{
					{Name: "headsubnet", Accounts: 55, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 8, Age: sim.AgeNew, Filler: 0.15, Buyers: 0.1, Contradict: 0.25, Timing: sim.TimingBurst, PerAccount: 5,
						Merchants: []int{0}},
				}}},
		{Name: "blind25/attack/two-crews-chorus-and-testers-mornings", Set: SetBlind25,
			Description: "两个团伙同守一个卖果冻的食品商家，连续 3 个上午（10:00 起），30 分钟：“合唱”团伙 24 个新号、每号一机、代理池（IPv6 比例 0.2，24 人中 4 人走 IPv6）、相同话术（人人都说同样的“瘦35斤”或“瘦16.6斤”）、五成自相矛盾、不闲聊、不下单，成批地占该直播间评论的 20%（每场 161–230 条，实占约 19%，每人全程 23–26 条）；“试吃”团伙 9 个老号、3 台共用手机、同一网段且全走其 IPv6 /64（IPv6 比例 1）、改写 0.9、30% 闲聊、四成比例下单（9 人中 3 人每场下单）、两成自相矛盾，每人每场 4 条、均匀（每场 36 条，占评论的 3%–4%），在该商家与另一个卖黑芝麻丸的食品商家，每人全程 24 条 / " +
				"two crews at one food merchant selling jelly on 3 mornings in a row from 10:00, 30 minutes: \"chorus\", 24 new accounts, a phone each, proxy pool (IPv6 share 0.2, 4 of the 24 on IPv6), identical scripts (everyone says the same \"lost 35 jin\" or \"lost 16.6 jin\"), 50% contradicting themselves, no filler, no orders, in bursts at 20% of the room's comments (161-230 lines a broadcast, about 19% in fact; 23-26 per member over the run); and \"testers\", 9 aged accounts on 3 shared phones, one subnet with all of them on its IPv6 /64 (IPv6 share 1), paraphrase 0.9, 30% filler, buyers share 0.4 (3 of the 9 buy every broadcast), 20% contradicting themselves, 4 lines each a broadcast, spread evenly (36 lines a broadcast, 3-4% of the comments), there and at a second food merchant selling black-sesame balls, 24 lines per member over the run",
			Config: sim.Config{Seed: 3364, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Start: time.Date(2025, 3, 18, 10, 0, 0, 0, cst),
				Crews: []sim.Crew{
					{Name: "chorus", Accounts: 24, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeNew, Contradict: 0.5, Timing: sim.TimingBurst, Share: 0.2, Merchants: []int{3}},
					{Name: "testers", Accounts: 9, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetSubnet, IPv6: 1,
						Devices: 3, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.4, Contradict: 0.2, Timing: sim.TimingEven, PerAccount: 4,
						Merchants: []int{3, 2}},
				}}},
		{Name: "blind25/attack/alternate-evenings-two-platforms-fans-families", Set: SetBlind25,
			Description: "隔天上场、跨两个平台的老号团伙，混在铁粉与家庭中：视频号与抖音共 8 个商家连续 7 个晚上（20:30 起），每个商家 50 名铁粉、10 个共用手机的家庭；36 个老号、6 台共用手机、代理池（IPv6 比例 0.7，36 人中 27 人走 IPv6）、改写 0.5、20% 闲聊、15% 比例下单（36 人中 3 人）、35% 自相矛盾，只在第 1、3、5、7 天，每场抽 12 人、每人 2 条、成批（每场 24 条，占评论的 2%–5%），视频号三个（卖洗衣凝珠、面霜、蛋黄酥）与抖音两个（卖电动牙刷、面膜）非头部商家共 20 场，36 人中 35 人两个平台都去过，每人全程 4–22 条，25 分钟 / " +
				"an aged crew working alternate evenings over two platforms, among loyal fans and families: 8 merchants on shipinhao and douyin on 7 evenings in a row from 20:30, 50 loyal fans and 10 families sharing phones a merchant; 36 aged accounts on 6 shared phones, proxy pool (IPv6 share 0.7, 27 of the 36 on IPv6), paraphrase 0.5, 20% filler, buyers share 0.15 (3 of the 36), 35% contradicting themselves, on days 1, 3, 5 and 7 only, 12 drawn a broadcast posting 2 each, in bursts (24 lines a broadcast, 2-5% of the comments), three non-head merchants on shipinhao (laundry pods, face cream, egg-yolk pastries) and two on douyin (electric toothbrushes, face masks), 20 broadcasts, 35 of the 36 on both platforms, 4-22 lines per member over the run, 25 minutes",
			Config: sim.Config{Seed: 3377, Rooms: 8, Days: 7, Duration: 25 * time.Minute, Start: time.Date(2025, 8, 4, 20, 30, 0, 0, cst),
				Platforms: []string{"shipinhao", "douyin"}, Hard: sim.HardCases{LoyalFans: 50, Families: 10},
				Crews: []sim.Crew{
					{Name: "alternate", Accounts: 36, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.7,
						Devices: 6, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.15, Contradict: 0.35, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 12, Merchants: []int{2, 4, 5, 6, 7}, Days: []int{0, 2, 4, 6}},
				}}},
		{Name: "blind25/attack/wide-subnet-crew-one-line-three-platforms", Set: SetBlind25,
			Description: "号多话少、跨三个平台的同网段新号团伙：京东（卖不粘锅）、小红书（卖卸妆水）、B站（卖吹风机）各一个非头部商家，2 天共 6 场，每个头部直播间 300 人共用一个运营商 NAT 地址，每个商家 20 名铁粉；120 个新号、同一网段（IPv6 比例 0.2，120 人中 18 人走其 IPv6 /64）、20 台共用手机、改写 0.45、一成闲聊、5% 比例下单（120 人中 9 人）、一成自相矛盾，全员每场每人只 1 条、均匀（每场 120 条，占评论的 6%–12%），每人三个平台都去过、全程 6 条，30 分钟 / " +
				"a wide new-account crew on one subnet saying little, over three platforms: one non-head merchant each on jd (frying pans), xiaohongshu (make-up remover) and bilibili (hair dryers), 2 days (6 broadcasts), 300 viewers behind one carrier NAT address in each head room, 20 loyal fans a merchant; 120 new accounts, one subnet (IPv6 share 0.2, 18 of the 120 on its IPv6 /64), 20 shared phones, paraphrase 0.45, 10% filler, buyers share 0.05 (9 of the 120), 10% contradicting themselves, every member only 1 line a broadcast, spread evenly (120 lines a broadcast, 6-12% of the comments), every member on all three platforms, 6 lines per member over the run, 30 minutes",
			Config: sim.Config{Seed: 3388, Rooms: 9, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"jd", "xiaohongshu", "bilibili"},
				Hard: sim.HardCases{NAT: 300, LoyalFans: 20},
				Crews: []sim.Crew{
					{Name: "wide120", Accounts: 120, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetSubnet, IPv6: 0.2,
						Devices: 20, Age: sim.AgeNew, Filler: 0.1, Buyers: 0.05, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 1,
						Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind25/organic/families-across-three-platforms", Set: SetBlind25,
			Description: "只有真实观众：三个平台（抖音、淘宝、快手）共 9 个商家，每个商家 40 个共用一部手机的家庭（各平台同一位置商家的家庭是同一批家庭，各平台上用同一部手机、同一条家庭宽带）、60 名铁粉场场必到，买家带数字的评价，4 天，每场 30 分钟 / " +
				"organic only: 9 merchants on three platforms (douyin, taobao, kuaishou), 40 families a merchant each sharing one phone (the families of the same-placed merchant of every platform are the same households, on one phone and one home line everywhere), 60 loyal fans a merchant at every broadcast, buyers' reviews with numbers, 4 days of 30-minute broadcasts",
			Config: sim.Config{Seed: 3391, Rooms: 9, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "taobao", "kuaishou"},
				Hard: sim.HardCases{Families: 40, FamiliesAcross: true, LoyalFans: 60, Reviews: true}}},
		{Name: "blind25/organic/chant-2600-nat-800-families-two-platforms", Set: SetBlind25,
			Description: "只有真实观众：两个平台（拼多多、小红书）的头部直播间各有 2600 人口号、800 人共用一个运营商 NAT 地址，每个商家 20 个共用手机的家庭，抽奖与“扣1”刷屏，6 个直播间，2 天，每场 50 分钟 / " +
				"organic only: head rooms on two platforms (pinduoduo, xiaohongshu), each with a 2,600-fan chant and 800 viewers behind one carrier NAT address, 20 families sharing phones a merchant, lotteries and floods of \"1\", 6 rooms, 2 days of 50-minute broadcasts",
			Config: sim.Config{Seed: 3394, Rooms: 6, Days: 2, Duration: 50 * time.Minute, Platforms: []string{"pinduoduo", "xiaohongshu"},
				Hard: sim.HardCases{Chant: 2600, NAT: 800, Families: 20}}},
		{Name: "blind25/organic/everything-twenty-rooms-five-lunchtimes", Set: SetBlind25,
			Description: "只有真实观众：一个平台 20 个直播间连续五个中午开播（12:00 起），全部疑难场景并加上家庭（头部直播间 900 人口号、250 人共用 NAT 地址，每个商家 70 名铁粉、12 个共用手机的家庭，买家评价），每场 20 分钟 / " +
				"organic only: twenty rooms on one platform broadcasting five lunchtimes in a row from 12:00, every hard case and families (a 900-fan chant and 250 viewers behind one NAT address in the head room, 70 loyal fans and 12 families sharing phones a merchant, buyers' reviews), 20-minute broadcasts",
			Config: sim.Config{Seed: 3397, Rooms: 20, Days: 5, Duration: 20 * time.Minute, Start: time.Date(2025, 5, 12, 12, 0, 0, 0, cst),
				Hard: sim.HardCases{Chant: 900, NAT: 250, LoyalFans: 70, Reviews: true, Families: 12}}},
	}
}
