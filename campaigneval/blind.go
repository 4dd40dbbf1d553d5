package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// SetBlind names the blind set.
const SetBlind = "blind"

// Blind returns the blind scenarios: a fourth set, written from the
// issue's list of attack variants and organic look-alikes alone, without
// sight of the detector, with seeds (700 to 899) and parameter
// combinations no other set uses: crews on two and three platforms,
// identical scripts from a proxy pool with aged accounts, a small crew on
// two shared phones beside loyal fans and buyers' reviews, a crew spread
// evenly in a head room whose NAT crowd shares its proxy exits, a large
// rotating pool drawing a dozen members a broadcast over five days, a
// crew with few comments a broadcast on three platforms, a lightly
// paraphrasing crew at a low share for two named merchants, and two crews
// working one merchant on different days; and organic runs with bigger
// chants and NAT crowds, longer broadcasts full of loyal fans, and every
// hard case on three platforms. Every crew leaves something a careful
// analyst holding all the data could go on (texts, timing, addresses,
// devices, account ages, rooms); none is made indistinguishable from
// viewers by construction. It is meant to be run once per detector change
// under test, for an unseen figure: a change made to pass it makes it
// worthless.
func Blind() []Scenario {
	return []Scenario{
		{Name: "blind/attack/identical-proxy-aged-two-platforms", Set: SetBlind,
			Description: "相同话术却走代理 IP 池（35% IPv6）、老账号、每号一机、均匀发帖、每号每场 6 条，两个平台各一个商家 / " +
				"identical scripts from a proxy pool (35% IPv6), aged accounts, a phone each, spread evenly, 6 each a broadcast, one merchant on each of two platforms",
			Config: sim.Config{Seed: 701, Rooms: 4, Duration: 35 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Crews: []sim.Crew{
					{Name: "idproxy", Accounts: 32, Scripts: sim.ScriptsIdentical, Network: sim.NetProxy, IPv6: 0.35,
						Age: sim.AgeAged, Timing: sim.TimingEven, PerAccount: 6, Contradict: 0.1, Merchants: []int{2, 3}},
				}}},
		{Name: "blind/attack/small-crew-two-phones-fans-reviews", Set: SetBlind,
			Description: "12 个号的小团伙：相同话术、同一网段（半数 IPv6 /64）、2 台共用手机、新账号、成批、每号 6 条，只在第 2 天上阵，旁有 35 名铁粉与买家评价 / " +
				"a 12-account crew: identical scripts, one subnet (half on its IPv6 /64), 2 shared phones, new accounts, bursts, 6 each, on day 2 only, beside 35 loyal fans and buyers' reviews",
			Config: sim.Config{Seed: 702, Rooms: 4, Days: 2, Duration: 35 * time.Minute, Hard: sim.HardCases{LoyalFans: 35, Reviews: true},
				Crews: []sim.Crew{
					{Name: "small", Accounts: 12, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, IPv6: 0.5, Devices: 2,
						Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 6, Contradict: 0.3, Reach: 1, Days: []int{1}},
				}}},
		{Name: "blind/attack/even-head-room-nat", Set: SetBlind,
			Description: "头部直播间里均匀发帖的改写团伙：代理池（出口与 200 人共用的运营商 NAT 地址同段）、老账号、每号 5 条，旁有 700 人口号 / " +
				"a paraphrasing crew spread evenly in a head room: a proxy pool exiting at the carrier NAT range 200 viewers share, aged accounts, 5 each, beside a 700-fan chant",
			Config: sim.Config{Seed: 703, Rooms: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{Chant: 700, NAT: 200},
				Crews: []sim.Crew{
					{Name: "headeven", Accounts: 45, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.05,
						Age: sim.AgeAged, Timing: sim.TimingEven, PerAccount: 5, Contradict: 0.2, Merchants: []int{0}},
				}}},
		{Name: "blind/attack/rotating-pool-5days", Set: SetBlind,
			Description: "100 个号的轮换号池：每场抽 12 人、每人 3 条、成批，15% 闲聊、20% 下单，2 个指定商家，5 天中的 4 天，旁有 25 名铁粉 / " +
				"a rotating pool of 100 accounts: 12 drawn a broadcast, 3 comments each, in bursts, 15% filler, 20% buy, 2 named merchants, 4 of 5 days, beside 25 loyal fans",
			Config: sim.Config{Seed: 704, Rooms: 5, Days: 5, Duration: 25 * time.Minute, Hard: sim.HardCases{LoyalFans: 25},
				Crews: []sim.Crew{
					{Name: "rotate", Accounts: 100, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.65, Network: sim.NetProxy, IPv6: 0.1,
						Age: sim.AgeAged, Filler: 0.15, Buyers: 0.2, Timing: sim.TimingBurst, PerAccount: 3, RoomMembers: 12,
						Contradict: 0.1, Merchants: []int{2, 4}, Days: []int{0, 1, 3, 4}},
				}}},
		{Name: "blind/attack/few-per-room-three-platforms", Set: SetBlind,
			Description: "低频团伙：每场 3–5 条、均匀，14 个号用 3 台手机，20% 闲聊、30% 下单，三个平台各一个商家，3 天共 9 场 / " +
				"a low-rate crew: 3-5 comments a broadcast, spread evenly, 14 accounts on 3 phones, 20% filler, 30% buy, one merchant on each of three platforms, 9 broadcasts in 3 days",
			Config: sim.Config{Seed: 705, Rooms: 6, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Crews: []sim.Crew{
					{Name: "fewplat", Accounts: 14, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.85, Network: sim.NetProxy, IPv6: 0.3,
						Devices: 3, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.3, Timing: sim.TimingEven, RoomComments: [2]int{3, 5},
						Merchants: []int{3, 4, 5}},
				}}},
		{Name: "blind/attack/light-paraphrase-low-share", Set: SetBlind,
			Description: "轻度改写（0.25）、同一网段、新账号、成批、只占 25%、半数成员自相矛盾，2 个指定商家 2 天，头部直播间另有 800 人口号与 60 人共用 NAT / " +
				"light paraphrase (0.25), one subnet, new accounts, bursts, only a 25% share, half the members contradicting themselves, 2 named merchants over 2 days, beside a head room with an 800-fan chant and 60 viewers behind one NAT address",
			Config: sim.Config{Seed: 706, Rooms: 4, Days: 2, Duration: 40 * time.Minute, Hard: sim.HardCases{Chant: 800, NAT: 60},
				Crews: []sim.Crew{
					{Name: "light", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.25, Network: sim.NetSubnet,
						Age: sim.AgeNew, Timing: sim.TimingBurst, Share: 0.25, Contradict: 0.5, Merchants: []int{1, 2}},
				}}},
		{Name: "blind/attack/two-crews-one-merchant-shifts", Set: SetBlind,
			Description: "同一商家换班的两个团伙：第 1 天朴素团伙（相同话术、同一网段、5 台手机、新账号、均匀、占 60%），第 2、3 天重度伪装团伙（改写 0.9、代理池 40% IPv6、老账号、45% 闲聊、60% 下单、成批），旁有铁粉与买家评价 / " +
				"two crews taking shifts for one merchant: day 1 a naive one (identical, one subnet, 5 phones, new, even, 60% share), days 2-3 a heavily camouflaged one (paraphrase 0.9, proxy pool with 40% IPv6, aged, 45% filler, 60% buy, bursts), beside loyal fans and buyers' reviews",
			Config: sim.Config{Seed: 707, Rooms: 3, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 10, Reviews: true},
				Crews: []sim.Crew{
					{Name: "dayshift", Accounts: 26, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 5,
						Age: sim.AgeNew, Timing: sim.TimingEven, Share: 0.6, Contradict: 0.25, Reach: 1, Days: []int{0}},
					{Name: "lateshift", Accounts: 22, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.4,
						Age: sim.AgeAged, Filler: 0.45, Buyers: 0.6, Timing: sim.TimingBurst, PerAccount: 4, RoomMembers: 18,
						Reach: 1, Days: []int{1, 2}},
				}}},
		{Name: "blind/organic/big-chant-nat-short", Set: SetBlind,
			Description: "只有真实观众：两个平台（快手、淘宝）的头部直播间，2000 人口号、250 人共用一个 NAT 地址，短直播 / " +
				"organic only: head rooms on two platforms (kuaishou, taobao), a 2,000-fan chant, 250 viewers behind one NAT address, short broadcasts",
			Config: sim.Config{Seed: 801, Rooms: 6, Duration: 25 * time.Minute, Platforms: []string{"kuaishou", "taobao"},
				Hard: sim.HardCases{Chant: 2000, NAT: 250}}},
		{Name: "blind/organic/loyal-fans-reviews-long", Set: SetBlind,
			Description: "只有真实观众：每个商家 90 名铁粉场场必到，买家带数字的评价，40 分钟的直播，4 天 / " +
				"organic only: 90 loyal fans per merchant at every broadcast, buyers' reviews with numbers, 40-minute broadcasts, 4 days",
			Config: sim.Config{Seed: 802, Rooms: 4, Days: 4, Duration: 40 * time.Minute, Hard: sim.HardCases{LoyalFans: 90, Reviews: true}}},
		{Name: "blind/organic/everything-three-platforms", Set: SetBlind,
			Description: "只有真实观众：三个平台、全部疑难场景（400 人口号、300 人共用 NAT、50 名铁粉、评价），2 天 / " +
				"organic only: three platforms, every hard case (a 400-fan chant, 300 behind one NAT address, 50 loyal fans, reviews), 2 days",
			Config: sim.Config{Seed: 803, Rooms: 6, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Hard: sim.HardCases{Chant: 400, NAT: 300, LoyalFans: 50, Reviews: true}}},
	}
}
