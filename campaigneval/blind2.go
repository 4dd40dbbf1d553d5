package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind2 names the second blind set.
const SetBlind2 = "blind2"

// Blind2 returns the second blind scenarios: a fifth set, written from the
// issue's list of attack variants and organic look-alikes alone, without
// sight of the detector, with seeds (900 to 999) and parameter
// combinations no other set uses: a crew that shows up in a few short
// bursts of the longest broadcasts, on some days only (the simulator has
// no working hours within a broadcast, so a few minutes of a 45-minute
// broadcast stand for a few hours of a long one); a crew whose members
// mostly chat (70% filler); one crew on one subnet working a head room on
// one platform and a small room on another; a crew beside 120 loyal fans
// a merchant who praise the host too; a crew mixing new accounts on
// shared phones with aged ones on a proxy pool (two crews for one
// merchant, the same scripts and timing mode); 90 accounts on three phones
// with a few comments a broadcast; the jelly case at its real rate (about
// 1.4 comments a minute) over five days from an IPv6-heavy subnet beside
// buyers' reviews; and identical one-comment bursts of aged proxy
// accounts in every room of six merchants. Its organic runs have the
// biggest NAT crowds yet in the longest broadcasts, 150 loyal fans a
// merchant over five days, and every hard case on four platforms. Every
// crew leaves something a careful analyst holding all the data could go
// on (texts, timing, addresses, devices, account ages, rooms); none is
// made indistinguishable from viewers by construction. It is unused and
// meant to be run once, at the next detector change, for an unseen
// figure: a change made to pass it makes it worthless.
func Blind2() []Scenario {
	return []Scenario{
		{Name: "blind2/attack/few-bursts-long-broadcast", Set: SetBlind2,
			Description: "只在长直播的少数时段出现的团伙：45 分钟直播中只有几阵短促成批（每场抽 16 人、每人 2 条），中度改写 0.5、同一网段（15% IPv6）、新账号，3 天中只来第 1、3 天 / " +
				"a crew present for only a few stretches of the longest broadcasts: a few short bursts in 45 minutes (16 members a broadcast, 2 each), paraphrase 0.5, one subnet (15% IPv6), new accounts, on days 1 and 3 of 3",
			Config: sim.Config{Seed: 901, Rooms: 3, Days: 3, Duration: 45 * time.Minute,
				Crews: []sim.Crew{
					{Name: "stretch", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetSubnet, IPv6: 0.15,
						Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 2, RoomMembers: 16, Contradict: 0.2,
						Reach: 1, Days: []int{0, 2}},
				}}},
		{Name: "blind2/attack/chatty-members", Set: SetBlind2,
			Description: "爱闲聊的团伙：每号每场 8 条、其中 70% 是闲聊，改写 0.6、同一网段（20% IPv6）、老账号、均匀发帖、15% 下单，2 个最冷清的商家 3 天 / " +
				"a chatty crew: 8 comments each a broadcast, 70% of them filler, paraphrase 0.6, one subnet (20% IPv6), aged accounts, spread evenly, 15% buy, the 2 quietest merchants over 3 days",
			Config: sim.Config{Seed: 902, Rooms: 5, Days: 3, Duration: 30 * time.Minute,
				Crews: []sim.Crew{
					{Name: "chatty", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetSubnet, IPv6: 0.2,
						Age: sim.AgeAged, Filler: 0.7, Buyers: 0.15, Timing: sim.TimingEven, PerAccount: 8, Contradict: 0.15, Reach: 2},
				}}},
		{Name: "blind2/attack/one-subnet-two-platforms-head", Set: SetBlind2,
			Description: "同时在两个平台干活的团伙：一个网段、新账号、改写 0.55、成批、每号 5 条、30% 下单，一个是抖音的头部直播间（800 人口号），一个是淘宝的小直播间 / " +
				"a crew on two platforms at once: one subnet, new accounts, paraphrase 0.55, bursts, 5 each, 30% buy, in a douyin head room (an 800-fan chant) and a small taobao room",
			Config: sim.Config{Seed: 903, Rooms: 5, Duration: 35 * time.Minute, Platforms: []string{"taobao", "douyin"},
				Hard: sim.HardCases{Chant: 800},
				Crews: []sim.Crew{
					{Name: "twoplat", Accounts: 38, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.55, Network: sim.NetSubnet,
						Age: sim.AgeNew, Buyers: 0.3, Timing: sim.TimingBurst, PerAccount: 5, Contradict: 0.2, Merchants: []int{1, 4}},
				}}},
		{Name: "blind2/attack/beside-praising-fans", Set: SetBlind2,
			Description: "混在夸主播的铁粉中的团伙：每个商家 120 名铁粉、买家评价；团伙改写 0.75、代理池（50% IPv6）、老账号、均匀、每号 3 条、25% 闲聊、35% 下单，3 个商家 4 天 / " +
				"a crew among loyal fans who praise the host too: 120 loyal fans per merchant, buyers' reviews; paraphrase 0.75, proxy pool (50% IPv6), aged accounts, even, 3 each, 25% filler, 35% buy, 3 merchants over 4 days",
			Config: sim.Config{Seed: 904, Rooms: 4, Days: 4, Duration: 35 * time.Minute, Hard: sim.HardCases{LoyalFans: 120, Reviews: true},
				Crews: []sim.Crew{
					{Name: "amongfans", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.75, Network: sim.NetProxy, IPv6: 0.5,
						Age: sim.AgeAged, Filler: 0.25, Buyers: 0.35, Timing: sim.TimingEven, PerAccount: 3, Contradict: 0.1,
						Merchants: []int{1, 2, 3}},
				}}},
		{Name: "blind2/attack/new-and-aged-accounts", Set: SetBlind2,
			Description: "新老账号混用的团伙（两组号、同一商家、同一套改写话术、同样成批发帖）：20 个新号在同一网段、4 台共用手机、每号 4 条；16 个买来的老号走代理池（20% IPv6）、每号 3 条；改写 0.45、成批，2 天 / " +
				"a crew mixing new and aged accounts (two groups, one merchant, the same paraphrased scripts, both in bursts): 20 new accounts on one subnet and 4 shared phones, 4 each; 16 bought aged accounts on a proxy pool (20% IPv6), 3 each; paraphrase 0.45, bursts, 2 days",
			Config: sim.Config{Seed: 905, Rooms: 4, Days: 2, Duration: 40 * time.Minute,
				Crews: []sim.Crew{
					{Name: "mixnew", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetSubnet, Devices: 4,
						Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 4, Contradict: 0.25, Merchants: []int{3}},
					{Name: "mixaged", Accounts: 16, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.45, Network: sim.NetProxy, IPv6: 0.2,
						Age: sim.AgeAged, Timing: sim.TimingBurst, PerAccount: 3, Contradict: 0.25, Merchants: []int{3}},
				}}},
		{Name: "blind2/attack/many-accounts-three-phones", Set: SetBlind2,
			Description: "90 个号只用 3 台手机：每场 6–10 条、均匀，重度改写 0.9、代理池（25% IPv6）、老账号、30% 闲聊、20% 下单，4 个最冷清的商家 3 天 / " +
				"90 accounts on only 3 phones: 6-10 comments a broadcast, spread evenly, paraphrase 0.9, proxy pool (25% IPv6), aged accounts, 30% filler, 20% buy, the 4 quietest merchants over 3 days",
			Config: sim.Config{Seed: 906, Rooms: 6, Days: 3, Duration: 25 * time.Minute,
				Crews: []sim.Crew{
					{Name: "threephones", Accounts: 90, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 3, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{6, 10},
						Contradict: 0.1, Reach: 4},
				}}},
		{Name: "blind2/attack/jelly-rate-week-ipv6", Set: SetBlind2,
			Description: "按燃咔果冻案的真实频率连播五天：每场 25 分钟 30–40 条（约每分钟 1.4 条）、均匀，相同话术、同一网段但 80% 走 IPv6 /64、10 台共用手机、新账号、三成多成员自相矛盾，2 个最冷清的商家，旁有买家带数字的评价 / " +
				"the jelly case at its real rate over five days: 30-40 comments a 25-minute broadcast (about 1.4 a minute), spread evenly, identical scripts, one subnet with 80% on its IPv6 /64, 10 shared phones, new accounts, a third of the members contradicting themselves, the 2 quietest merchants, beside buyers' reviews with numbers",
			Config: sim.Config{Seed: 907, Rooms: 6, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{Reviews: true},
				Crews: []sim.Crew{
					{Name: "jellyrate", Accounts: 44, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.8, Devices: 10,
						Age: sim.AgeNew, Timing: sim.TimingEven, RoomComments: [2]int{30, 40}, Contradict: 0.35, Reach: 2},
				}}},
		{Name: "blind2/attack/identical-once-every-room", Set: SetBlind2,
			Description: "150 个老号的号池：相同话术、代理池（10% IPv6）、每场抽 10 人、每人只发 1 条、成批，6 个商家的每个直播间（含 500 人口号、100 人共用 NAT 的头部直播间），2 天 / " +
				"a pool of 150 aged accounts: identical scripts, proxy pool (10% IPv6), 10 drawn a broadcast, one comment each, in bursts, in every room of 6 merchants (the head room with a 500-fan chant and 100 viewers behind one NAT address among them), 2 days",
			Config: sim.Config{Seed: 908, Rooms: 6, Days: 2, Duration: 30 * time.Minute, Hard: sim.HardCases{Chant: 500, NAT: 100},
				Crews: []sim.Crew{
					{Name: "oncepool", Accounts: 150, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.1,
						Age: sim.AgeAged, Timing: sim.TimingBurst, PerAccount: 1, RoomMembers: 10, Merchants: []int{0, 1, 2, 3, 4, 5}},
				}}},
		{Name: "blind2/organic/huge-nat-long", Set: SetBlind2,
			Description: "只有真实观众：两个平台（抖音、快手）的头部直播间各有 600 人共用一个运营商 NAT 地址，300 人口号，45 分钟的直播 / " +
				"organic only: head rooms on two platforms (douyin, kuaishou), each with 600 viewers behind one carrier NAT address and a 300-fan chant, 45-minute broadcasts",
			Config: sim.Config{Seed: 951, Rooms: 5, Duration: 45 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Chant: 300, NAT: 600}}},
		{Name: "blind2/organic/loyal-fans-150-5days", Set: SetBlind2,
			Description: "只有真实观众：每个商家 150 名铁粉场场必到，买家带数字的评价，5 天 / " +
				"organic only: 150 loyal fans per merchant at every broadcast, buyers' reviews with numbers, 5 days",
			Config: sim.Config{Seed: 952, Rooms: 4, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 150, Reviews: true}}},
		{Name: "blind2/organic/everything-four-platforms", Set: SetBlind2,
			Description: "只有真实观众：四个平台（抖音、快手、淘宝、小红书）、全部疑难场景（1500 人口号、400 人共用 NAT、70 名铁粉、评价），2 天 / " +
				"organic only: four platforms (douyin, kuaishou, taobao, xiaohongshu), every hard case (a 1,500-fan chant, 400 behind one NAT address, 70 loyal fans, reviews), 2 days",
			Config: sim.Config{Seed: 953, Rooms: 6, Days: 2, Duration: 35 * time.Minute,
				Platforms: []string{"douyin", "kuaishou", "taobao", "xiaohongshu"},
				Hard:      sim.HardCases{Chant: 1500, NAT: 400, LoyalFans: 70, Reviews: true}}},
	}
}
