package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind19 names the nineteenth blind set.
const SetBlind19 = "blind19"

// Blind19 returns the nineteenth blind scenarios: a twenty-second set,
// written from the task's list of attack variants and organic look-alikes
// and from the simulator alone, without sight of the detector, with seeds
// (2700 to 2799) and parameter combinations no other set uses. It was
// kept for one run, for an unseen figure of the next detector change, and
// has been run once: its figures are in docs/campaigns.md. Unlike the
// sets before it, most of its crews share a few phones and some members
// post fewer than two scripted lines.
//
// Most of its crews work from a few shared phones, fewer phones than
// accounts, and hide behind chatter and purchases, so that some members
// post few scripted lines or only chatter and the phone they share with
// the crew is what an analyst could go on. Twenty aged proxy accounts on
// a single phone, half of them chatter, 40% buying, ten drawn a broadcast
// with three lines each spread evenly, work one merchant over three days.
// Fifteen new accounts on one subnet (30% of them on its IPv6 /64) share
// three phones, five accounts a phone, and post two lines each in bursts,
// 60% of them chatter, half of the members buying, at two merchants on two
// platforms (douyin, kuaishou) over four days. Twenty-four aged proxy
// accounts share ten phones, two or three accounts a phone, and leave six
// to ten lines a broadcast, 70% of them chatter, spread evenly over four
// merchants on three platforms (taobao, xiaohongshu, jd) and five days,
// beside buyers' reviews. Thirty aged proxy accounts on six phones recite
// identical scripts in bursts but chat 85% of the time, 60% of them
// buying, four lines each a broadcast at two merchants over four days,
// among 80 loyal fans a merchant and buyers' reviews. Fifty new accounts
// on one subnet share four phones and keep to 30% of the comments of two
// merchants on two platforms (pinduoduo, weixin) over two days, lightly
// paraphrased, in bursts, a third of their lines chatter. Eighty aged
// proxy accounts on five phones, 40 drawn a broadcast, two lines each in
// bursts, 40% chatter, work the head rooms of two platforms (bilibili,
// kuaishou) on two days under a 2,500-fan chant and 300 viewers behind
// one carrier NAT address. Two crews without shared phones work one
// merchant over three days beside buyers' reviews: 35 new accounts on one
// subnet, 70% of them on its IPv6 /64, reciting identical scripts, three
// lines each spread evenly, many contradicting themselves; and, on the
// last two days, 12 aged proxy accounts paraphrasing heavily, five lines
// each in bursts, half of them buying, there and at another merchant.
// And 16 new proxy accounts, a phone each, leave three to six lines a
// broadcast in bursts in the 12 quietest of 16 rooms on two platforms
// (douyin, xiaohongshu) over two evenings. In the crews without shared
// phones every member posts at least two scripted lines over its run
// (checked by generating the events); in the crews on shared phones some
// members post fewer, or only chatter, but share a phone with the crew.
//
// Its organic runs have 2,600-fan chants and 400 viewers behind one
// carrier NAT address in the head rooms of three platforms (kuaishou, jd,
// bilibili) over two evenings; 150 loyal fans a merchant, 120 viewers
// behind one NAT address in each head room and buyers' reviews over two
// platforms (xiaohongshu, pinduoduo) and five mornings; and every hard
// case (an 1,800-fan chant, 220 viewers behind one NAT address, 70 loyal
// fans a merchant, reviews) over four platforms (douyin, weixin, taobao,
// jd) and three lunchtimes. Every crew leaves something a careful analyst
// holding all the data could go on (texts, numbers, timing, addresses,
// devices, account ages, rooms, platforms); none is made
// indistinguishable from viewers by construction.
func Blind19() []Scenario {
	cst := time.FixedZone("CST", 8*3600)
	return []Scenario{
		{Name: "blind19/attack/one-phone-twenty-accounts", Set: SetBlind19,
			Description: "一台手机养 20 个号的伪装团伙：20 个老号共用 1 台手机、代理池（IPv6 比例 0.15）、改写 0.6、五成闲聊、四成比例下单、一成自相矛盾，每场抽 10 人、每人 3 条、均匀，一个商家连续 3 天，部分成员全程话术不足 2 条甚至只闲聊，30 分钟 / " +
				"a camouflaged crew raising 20 accounts on one phone: 20 aged accounts sharing a single phone, proxy pool (IPv6 share 0.15), paraphrase 0.6, 50% filler, buyers share 0.4, 10% contradicting themselves, 10 drawn a broadcast posting 3 each, spread evenly, one merchant on 3 days in a row, some members posting fewer than 2 scripted lines over the run or only chatter, 30 minutes",
			Config: sim.Config{Seed: 2703, Rooms: 6, Days: 3, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "onephone", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
						Devices: 1, Age: sim.AgeAged, Filler: 0.5, Buyers: 0.4, Contradict: 0.1, Timing: sim.TimingEven, PerAccount: 3,
						RoomMembers: 10, Merchants: []int{3}},
				}}},
		{Name: "blind19/attack/three-phones-two-platforms-subnet", Set: SetBlind19,
			Description: "三台手机、两个平台、同一网段的新号团伙：15 个新号共用 3 台手机（每台 5 个号）、同一网段（IPv6 比例 0.3）、改写 0.4、六成闲聊、半数比例下单、两成自相矛盾，全员每场每人 2 条、成批，抖音与快手各一个商家，4 天，30 分钟 / " +
				"a crew of new accounts on three phones, two platforms and one subnet: 15 new accounts sharing 3 phones (5 accounts a phone), one subnet (IPv6 share 0.3), paraphrase 0.4, 60% filler, buyers share 0.5, 20% contradicting themselves, every member 2 lines a broadcast, in bursts, one merchant each on douyin and kuaishou, 4 days, 30 minutes",
			Config: sim.Config{Seed: 2716, Rooms: 8, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Crews: []sim.Crew{
					{Name: "threephones", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.4, Network: sim.NetSubnet, IPv6: 0.3,
						Devices: 3, Age: sim.AgeNew, Filler: 0.6, Buyers: 0.5, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2,
						Merchants: []int{3, 4}},
				}}},
		{Name: "blind19/attack/phone-per-pair-three-platforms", Set: SetBlind19,
			Description: "两三个号一台手机、跨三个平台的闲聊型团伙，旁有买家带数字的评价：24 个老号共用 10 台手机、代理池（IPv6 比例 0.4）、改写 0.75、七成闲聊、三成比例下单、15% 自相矛盾，每场只 6–10 条、均匀，淘宝、小红书、京东共 4 个商家，5 天，25 分钟 / " +
				"a chatty crew with a phone for two or three accounts over three platforms, beside buyers' reviews with numbers: 24 aged accounts sharing 10 phones, proxy pool (IPv6 share 0.4), paraphrase 0.75, 70% filler, buyers share 0.3, 15% contradicting themselves, only 6-10 lines a broadcast, spread evenly, 4 merchants on taobao, xiaohongshu and jd, 5 days, 25 minutes",
			Config: sim.Config{Seed: 2728, Rooms: 9, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"taobao", "xiaohongshu", "jd"},
				Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "pairs", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.4,
						Devices: 10, Age: sim.AgeAged, Filler: 0.7, Buyers: 0.3, Contradict: 0.15, Timing: sim.TimingEven,
						RoomComments: [2]int{6, 10}, Merchants: []int{3, 4, 5, 7}},
				}}},
		{Name: "blind19/attack/chatter-crew-six-phones-loyal-fans", Set: SetBlind19,
			Description: "几乎只闲聊的团伙混在铁粉中：每个商家 80 名铁粉、买家评价；30 个老号共用 6 台手机、代理池（IPv6 比例 0.2）、相同话术但 85% 是闲聊、六成比例下单、三成自相矛盾，全员每场每人 4 条、成批，两个商家，4 天，30 分钟 / " +
				"a crew that mostly chats, among loyal fans: 80 loyal fans a merchant, buyers' reviews; 30 aged accounts sharing 6 phones, proxy pool (IPv6 share 0.2), identical scripts but 85% filler, buyers share 0.6, 30% contradicting themselves, every member 4 lines a broadcast, in bursts, two merchants, 4 days, 30 minutes",
			Config: sim.Config{Seed: 2735, Rooms: 6, Days: 4, Duration: 30 * time.Minute,
				Hard: sim.HardCases{LoyalFans: 80, Reviews: true},
				Crews: []sim.Crew{
					{Name: "chatter", Accounts: 30, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 6, Age: sim.AgeAged, Filler: 0.85, Buyers: 0.6, Contradict: 0.3, Timing: sim.TimingBurst, PerAccount: 4,
						Merchants: []int{1, 2}},
				}}},
		{Name: "blind19/attack/four-phones-share-three-platforms", Set: SetBlind19,
			Description: "四台手机、同一网段、按占比刷屏的新号团伙：50 个新号共用 4 台手机、同一网段（IPv6 比例 0.1）、轻度改写 0.3、三成闲聊、两成比例下单、四分之一自相矛盾、成批，占拼多多与微信各一个商家评论的 30%，2 天，35 分钟 / " +
				"a crew of new accounts on four phones and one subnet keeping to a share: 50 new accounts sharing 4 phones, one subnet (IPv6 share 0.1), light paraphrase 0.3, 30% filler, buyers share 0.2, 25% contradicting themselves, in bursts, 30% of the comments of one merchant each on pinduoduo and weixin, 2 days, 35 minutes",
			Config: sim.Config{Seed: 2741, Rooms: 9, Days: 2, Duration: 35 * time.Minute, Platforms: []string{"douyin", "pinduoduo", "weixin"},
				Crews: []sim.Crew{
					{Name: "fourphones", Accounts: 50, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.3, Network: sim.NetSubnet, IPv6: 0.1,
						Devices: 4, Age: sim.AgeNew, Filler: 0.3, Buyers: 0.2, Contradict: 0.25, Timing: sim.TimingBurst, Share: 0.3,
						Merchants: []int{4, 5}},
				}}},
		{Name: "blind19/attack/five-phones-head-rooms-chant", Set: SetBlind19,
			Description: "五台手机藏在两个平台头部直播间口号下的团伙：B站与快手的头部直播间各有 2500 人口号、300 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏；80 个老号共用 5 台手机、代理池（IPv6 比例 0.2）、改写 0.5、四成闲聊、一成比例下单、两成自相矛盾，每场抽 40 人、每人 2 条、成批，2 天，35 分钟 / " +
				"a crew on five phones hidden under the chants of two platforms' head rooms: the head rooms of bilibili and kuaishou each with a 2,500-fan chant, 300 viewers behind one carrier NAT address, lotteries and floods of \"1\"; 80 aged accounts sharing 5 phones, proxy pool (IPv6 share 0.2), paraphrase 0.5, 40% filler, buyers share 0.1, 20% contradicting themselves, 40 drawn a broadcast posting 2 each, in bursts, 2 days, 35 minutes",
			Config: sim.Config{Seed: 2752, Rooms: 4, Days: 2, Duration: 35 * time.Minute, Platforms: []string{"bilibili", "kuaishou"},
				Hard: sim.HardCases{Chant: 2500, NAT: 300},
				Crews: []sim.Crew{
					{Name: "headphones", Accounts: 80, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.2,
						Devices: 5, Age: sim.AgeAged, Filler: 0.4, Buyers: 0.1, Contradict: 0.2, Timing: sim.TimingBurst, PerAccount: 2,
						RoomMembers: 40, Merchants: []int{0, 1}},
				}}},
		{Name: "blind19/attack/two-crews-ipv6-subnet-and-proxy", Set: SetBlind19,
			Description: "两个团伙守同一个商家，旁有买家评价，3 天，30 分钟：35 个新号、每号一机、同一网段（IPv6 比例 0.7）、相同话术、四成自相矛盾、不闲聊、不下单，全员每场每人 3 条、均匀；另有 12 个老号、每号一机、代理池（IPv6 比例 0.35）、改写 0.85、两成闲聊、半数比例下单，只在第 2–3 天、每场每人 5 条、成批，在该商家与另一个商家 / " +
				"two crews at one merchant, beside buyers' reviews, 3 days, 30 minutes: 35 new accounts, a phone each, one subnet (IPv6 share 0.7), identical scripts, 40% contradicting themselves, no filler, no orders, every member 3 lines a broadcast, spread evenly; and 12 aged accounts, a phone each, proxy pool (IPv6 share 0.35), paraphrase 0.85, 20% filler, buyers share 0.5, on days 2-3 only, 5 lines each a broadcast, in bursts, there and at another merchant",
			Config: sim.Config{Seed: 2764, Rooms: 7, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "v6subnet", Accounts: 35, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.7,
						Age: sim.AgeNew, Contradict: 0.4, Timing: sim.TimingEven, PerAccount: 3, Merchants: []int{5}},
					{Name: "proxyaged", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Filler: 0.2, Buyers: 0.5, Contradict: 0.1, Timing: sim.TimingBurst, PerAccount: 5,
						Merchants: []int{5, 2}, Days: []int{1, 2}},
				}}},
		{Name: "blind19/attack/sparse-twelve-rooms-two-evenings", Set: SetBlind19,
			Description: "两个晚上撒遍 12 个直播间的稀疏团伙：抖音与小红书共 16 个商家中最冷清的 12 个，每场只 3–6 条、相隔数秒成批；16 个新号、每号一机、代理池（IPv6 比例 0.25）、改写 0.55、不闲聊、不下单、两成自相矛盾，2 天，30 分钟 / " +
				"a sparse crew spread over 12 rooms on two evenings: the 12 quietest of 16 merchants on douyin and xiaohongshu, only 3-6 lines a broadcast, posted seconds apart in bursts; 16 new accounts, a phone each, proxy pool (IPv6 share 0.25), paraphrase 0.55, no filler, no orders, 20% contradicting themselves, 2 days, 30 minutes",
			Config: sim.Config{Seed: 2777, Rooms: 16, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "xiaohongshu"},
				Crews: []sim.Crew{
					{Name: "sparse", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetProxy, IPv6: 0.25,
						Age: sim.AgeNew, Contradict: 0.2, Timing: sim.TimingBurst, RoomComments: [2]int{3, 6}, Reach: 12},
				}}},
		{Name: "blind19/organic/chant-2600-nat-400-three-platforms", Set: SetBlind19,
			Description: "只有真实观众：三个平台（快手、京东、B站）的头部直播间各有 2600 人口号、400 人共用一个运营商 NAT 地址、抽奖与“扣1”刷屏，6 个直播间，2 天，每场 40 分钟 / " +
				"organic only: head rooms on three platforms (kuaishou, jd, bilibili), each with a 2,600-fan chant, 400 viewers behind one carrier NAT address, lotteries and floods of \"1\", 6 rooms, 2 days of 40-minute broadcasts",
			Config: sim.Config{Seed: 2785, Rooms: 6, Days: 2, Duration: 40 * time.Minute, Platforms: []string{"kuaishou", "jd", "bilibili"},
				Hard: sim.HardCases{Chant: 2600, NAT: 400}}},
		{Name: "blind19/organic/fans-150-nat-120-five-mornings", Set: SetBlind19,
			Description: "只有真实观众：两个平台（小红书、拼多多）共 8 个商家连续五个上午开播（9:30 起），每个商家 150 名铁粉场场必到、打卡，每个头部直播间 120 人共用一个运营商 NAT 地址，买家带数字的评价，每场 25 分钟 / " +
				"organic only: 8 merchants on two platforms (xiaohongshu, pinduoduo) broadcasting five mornings in a row from 9:30, 150 loyal fans each at every broadcast, greeting, 120 viewers behind one carrier NAT address in each head room, buyers' reviews with numbers, 25-minute broadcasts",
			Config: sim.Config{Seed: 2791, Rooms: 8, Days: 5, Duration: 25 * time.Minute, Platforms: []string{"xiaohongshu", "pinduoduo"},
				Start: time.Date(2025, 8, 4, 9, 30, 0, 0, cst),
				Hard:  sim.HardCases{LoyalFans: 150, NAT: 120, Reviews: true}}},
		{Name: "blind19/organic/everything-four-platforms-lunchtimes", Set: SetBlind19,
			Description: "只有真实观众：四个平台（抖音、微信、淘宝、京东）共 8 个直播间连续三个中午开播（12:00 起），全部疑难场景（每个头部直播间 1800 人口号、220 人共用 NAT 地址，每个商家 70 名铁粉，买家评价），每场 30 分钟 / " +
				"organic only: 8 rooms on four platforms (douyin, weixin, taobao, jd) broadcasting three lunchtimes in a row from 12:00, every hard case (a 1,800-fan chant and 220 viewers behind one NAT address in each head room, 70 loyal fans a merchant, buyers' reviews), 30-minute broadcasts",
			Config: sim.Config{Seed: 2798, Rooms: 8, Days: 3, Duration: 30 * time.Minute, Platforms: []string{"douyin", "weixin", "taobao", "jd"},
				Start: time.Date(2025, 9, 15, 12, 0, 0, 0, cst),
				Hard:  sim.HardCases{Chant: 1800, NAT: 220, LoyalFans: 70, Reviews: true}}},
	}
}
