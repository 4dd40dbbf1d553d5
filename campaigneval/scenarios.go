package campaigneval

import (
	"time"

	"github.com/qinglang/qinglang/sim"
)

// The scenario sets. Broadcasts are short (30 to 40 minutes) so that the
// matrix runs in seconds; room 0 of every platform is a head room with
// thousands of viewers, so every scenario holds floods of "1" after calls
// to action, lottery phrases typed by hundreds and fan chants, whatever
// else it is about. Crews with a Reach work for the quietest merchants of
// the run. docs/campaigns-eval.md lists the parameters.

// Set names.
const (
	SetMatrix  = "matrix"
	SetHeldout = "heldout"
)

// Matrix returns the scenarios to develop and tune against.
func Matrix() []Scenario {
	return []Scenario{
		{Name: "attack/naive-jelly", Set: SetMatrix,
			Description: "燃咔果冻案式的朴素团伙：同一话术、同一 /24 网段、4 台共用手机、新注册账号、成批刷屏，占最冷清直播间评论的约 70% / " +
				"the jelly case: identical scripts, one /24, 4 shared phones, new accounts, bursts, ~70% of the quietest room's comments",
			Config: sim.Config{Seed: 101, Rooms: 5, Duration: 40 * time.Minute, Crews: []sim.Crew{
				{Name: "jelly", Accounts: 36, Scripts: sim.ScriptsIdentical, Network: sim.NetSubnet, Devices: 4, Age: sim.AgeNew,
					Timing: sim.TimingBurst, Share: 0.7, Contradict: 0.2, Reach: 1},
			}}},
		{Name: "attack/paraphrase-chant", Set: SetMatrix,
			Description: "改写话术、代理 IP 池（含运营商 NAT 段与 IPv6）、老账号，混在千人喊口号的头部直播间 / " +
				"paraphrased scripts from a proxy pool (carrier NAT ranges, IPv6) with aged accounts, in a head room where 1,000 fans chant",
			Config: sim.Config{Seed: 102, Rooms: 3, Duration: 40 * time.Minute, Hard: sim.HardCases{Chant: 1000},
				Crews: []sim.Crew{
					{Name: "para", Accounts: 40, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.25,
						Age: sim.AgeAged, Timing: sim.TimingBurst, PerAccount: 4, Contradict: 0.15, Merchants: []int{0}},
				}}},
		{Name: "attack/camouflage-4rooms", Set: SetMatrix,
			Description: "伪装团伙：改写话术、闲聊掺水（40%）、半数成员真实下单、均匀分布，跨同一商家的 4 场直播 / " +
				"camouflaged crew: paraphrases, 40% filler chatter, half of the members buy, spread evenly, over 4 broadcasts of one merchant",
			Config: sim.Config{Seed: 103, Rooms: 4, Days: 4, Duration: 30 * time.Minute, Crews: []sim.Crew{
				{Name: "camo", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.2,
					Age: sim.AgeAged, Filler: 0.4, Buyers: 0.5, Timing: sim.TimingEven, PerAccount: 5, Contradict: 0.1, Reach: 1},
			}}},
		{Name: "attack/lowrate-12rooms", Set: SetMatrix,
			Description: "低频团伙：每场仅 4–7 条，跨 3 个商家共 12 场直播 / " +
				"low-rate crew: 4-7 comments a broadcast, over 12 broadcasts of 3 merchants",
			Config: sim.Config{Seed: 104, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Crews: []sim.Crew{
				{Name: "low", Accounts: 24, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.2,
					Age: sim.AgeAged, Filler: 0.2, Buyers: 0.25, Timing: sim.TimingEven, RoomComments: [2]int{4, 7}, Contradict: 0.1, Reach: 3},
			}}},
		{Name: "attack/family-size-phones-beside-families", Set: SetMatrix,
			Description: "一家人大小的手机上的团伙，混在共用手机的真实家庭中：每个商家 40 个家庭（2–4 个账号一部手机、一个家庭地址）；20 个老号、5 台共用手机、改写 0.7、三成闲聊、三成比例下单，每场 3–5 条、均匀，3 个商家共 15 场 / " +
				"a crew on phones of a family's size among real families sharing phones: 40 families a merchant (2-4 accounts on one phone, one home address); 20 aged accounts on 5 shared phones, paraphrase 0.7, 30% filler, buyers share 0.3, 3-5 lines a broadcast, spread evenly, 15 broadcasts of 3 merchants",
			Config: sim.Config{Seed: 105, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Hard: sim.HardCases{Families: 40},
				Crews: []sim.Crew{
					{Name: "familysize", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.7, Network: sim.NetProxy, IPv6: 0.25,
						Devices: 5, Age: sim.AgeAged, Filler: 0.3, Buyers: 0.3, Timing: sim.TimingEven, RoomComments: [2]int{3, 5}, Contradict: 0.1, Reach: 3},
				}}},
		{Name: "organic/head-room", Set: SetMatrix,
			Description: "只有真实观众：千人口号数千次、扣1刷屏、抽奖口令、70 人共用一个运营商 NAT 地址 / " +
				"organic only: a chant by 1,000 fans thousands of times, 扣1 floods, lottery phrases, 70 viewers behind one carrier NAT address",
			Config: sim.Config{Seed: 201, Rooms: 3, Duration: 40 * time.Minute, Hard: sim.HardCases{Chant: 1000, NAT: 70}}},
		{Name: "organic/loyal-fans-reviews", Set: SetMatrix,
			Description: "只有真实观众：每个商家 30 名铁粉场场必到、开场打卡，往日买家带数字的评价，4 天 / " +
				"organic only: 30 loyal fans per merchant greeting at the start of every broadcast, earlier buyers' reviews with numbers, 4 days",
			Config: sim.Config{Seed: 202, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 30, Reviews: true}}},
		{Name: "organic/everything", Set: SetMatrix,
			Description: "只有真实观众：两个平台，全部疑难场景，2 天 / organic only: two platforms, every hard case, 2 days",
			Config: sim.Config{Seed: 203, Rooms: 4, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.AllHardCases}},
		{Name: "organic/family-phones", Set: SetMatrix,
			Description: "只有真实观众：每个商家 60 个共用手机的家庭（2–4 个账号一部手机，多在一个家庭地址：宽带 IPv4 或家里的 IPv6 /64），一起看、替家人夸、偶尔一人下单，另有 30 名铁粉与买家评价，两个平台 5 天 / " +
				"organic only: 60 families a merchant sharing phones (2-4 accounts on one phone, mostly from one home address: broadband IPv4 or the home's IPv6 /64) who watch together, praise for the family and now and then one buys, beside 30 loyal fans and buyers' reviews, two platforms, 5 days",
			Config: sim.Config{Seed: 204, Rooms: 6, Days: 5, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
				Hard: sim.HardCases{Families: 60, LoyalFans: 30, Reviews: true}}},
		{Name: "organic/families-across-platforms", Set: SetMatrix,
			Description: "只有真实观众：三个平台上同一批家庭（每个家庭在各平台的账号用同一部手机、同一条家庭宽带），每个商家 50 个家庭，另有 30 名铁粉与买家评价，4 天 / " +
				"organic only: the same households on three platforms (a family's accounts on every platform on one phone and one home line), 50 families a merchant, beside 30 loyal fans and buyers' reviews, 4 days",
			Config: sim.Config{Seed: 205, Rooms: 9, Days: 4, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou", "taobao"},
				Hard: sim.HardCases{Families: 50, FamiliesAcross: true, LoyalFans: 30, Reviews: true}}},
	}
}

// Heldout returns the held-out scenarios: the kinds of Matrix with other
// seeds and jittered parameters (crew sizes, rates, paraphrase degree),
// and mixes Matrix does not have (two crews in one room, a crew in the
// lottery and chant of a head room). They are for checking a detector
// tuned on Matrix, not for tuning: a change made to pass them makes them
// worthless.
func Heldout() []Scenario {
	return []Scenario{
		{Name: "heldout/attack/two-crews-one-room", Set: SetHeldout,
			Description: "同一直播间两个团伙：朴素团伙（占 40%）与代理池改写团伙 / two crews in one room: a naive one (40%) and a paraphrasing one on a proxy pool",
			Config: sim.Config{Seed: 311, Rooms: 6, Duration: 35 * time.Minute, Crews: []sim.Crew{
				{Name: "naive", Accounts: 24, Devices: 3, Timing: sim.TimingBurst, Share: 0.4, Contradict: 0.3, Reach: 1},
				{Name: "para", Accounts: 28, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.3,
					Age: sim.AgeAged, Timing: sim.TimingEven, PerAccount: 4, Reach: 1},
			}}},
		{Name: "heldout/attack/crew-in-lottery-room", Set: SetHeldout,
			Description: "头部直播间（抽奖口令、扣1、1200 人口号）里的团伙：新账号、代理池、成批 / a crew in a head room with lotteries, floods and a 1,200-fan chant: new accounts, proxy pool, bursts",
			Config: sim.Config{Seed: 312, Rooms: 3, Duration: 35 * time.Minute, Hard: sim.HardCases{Chant: 1200},
				Crews: []sim.Crew{
					{Name: "lotto", Accounts: 55, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.5, Network: sim.NetProxy, IPv6: 0.15,
						Age: sim.AgeNew, Timing: sim.TimingBurst, PerAccount: 3, Contradict: 0.2, Merchants: []int{0}},
				}}},
		{Name: "heldout/attack/naive-spread", Set: SetHeldout,
			Description: "朴素团伙的变体：60 个号、8 台手机、30% IPv6、均匀发帖、占 55% / a naive variant: 60 accounts, 8 phones, 30% IPv6, spread evenly, 55% share",
			Config: sim.Config{Seed: 313, Rooms: 4, Duration: 40 * time.Minute, Crews: []sim.Crew{
				{Name: "spread", Accounts: 60, Devices: 8, IPv6: 0.3, Timing: sim.TimingEven, Share: 0.55, Contradict: 0.3, Reach: 1},
			}}},
		{Name: "heldout/attack/camouflage-heavy", Set: SetHeldout,
			Description: "重度伪装：改写程度 0.95、60% 闲聊、80% 下单、每场 15 人上阵，3 场 / heavy camouflage: paraphrase 0.95, 60% filler, 80% buy, 15 members a broadcast, 3 broadcasts",
			Config: sim.Config{Seed: 314, Rooms: 4, Days: 3, Duration: 30 * time.Minute, Crews: []sim.Crew{
				{Name: "heavy", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.95, Network: sim.NetProxy, IPv6: 0.25,
					Age: sim.AgeAged, Filler: 0.6, Buyers: 0.8, Timing: sim.TimingEven, PerAccount: 6, RoomMembers: 15, Reach: 1},
			}}},
		{Name: "heldout/attack/lowrate-wide", Set: SetHeldout,
			Description: "更稀的低频团伙：每场 3–5 条、成批，5 个商家 3 天共 15 场 / sparser low-rate crew: 3-5 comments a broadcast in bursts, 15 broadcasts of 5 merchants",
			Config: sim.Config{Seed: 315, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Crews: []sim.Crew{
				{Name: "wide", Accounts: 30, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.2,
					Age: sim.AgeAged, Filler: 0.3, Buyers: 0.3, Timing: sim.TimingBurst, RoomComments: [2]int{3, 5}, Reach: 5},
			}}},
		{Name: "heldout/organic/head-rooms", Set: SetHeldout,
			Description: "只有真实观众：两个平台的头部直播间，1300 人口号、90 人共用 NAT 地址 / organic only: head rooms on two platforms, a 1,300-fan chant, 90 viewers behind one NAT address",
			Config: sim.Config{Seed: 411, Rooms: 4, Duration: 35 * time.Minute, Platforms: []string{"douyin", "taobao"},
				Hard: sim.HardCases{Chant: 1300, NAT: 90}}},
		{Name: "heldout/organic/fans-reviews", Set: SetHeldout,
			Description: "只有真实观众：45 名铁粉、买家评价，3 天 / organic only: 45 loyal fans, buyers' reviews, 3 days",
			Config:      sim.Config{Seed: 412, Rooms: 6, Days: 3, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 45, Reviews: true}}},
	}
}

// sets are the scenario sets by name, in the order they were written.
var sets = []struct {
	name  string
	build func() []Scenario
}{
	{SetMatrix, Matrix}, {SetHeldout, Heldout}, {SetFresh, Fresh}, {SetBlind, Blind},
	{SetBlind2, Blind2}, {SetBlind3, Blind3}, {SetBlind4, Blind4}, {SetBlind5, Blind5},
	{SetBlind6, Blind6}, {SetBlind7, Blind7}, {SetBlind8, Blind8}, {SetBlind9, Blind9},
	{SetBlind10, Blind10}, {SetBlind11, Blind11}, {SetBlind12, Blind12}, {SetBlind13, Blind13},
	{SetBlind14, Blind14}, {SetBlind15, Blind15}, {SetBlind16, Blind16}, {SetBlind17, Blind17},
	{SetBlind18, Blind18}, {SetBlind19, Blind19}, {SetBlind20, Blind20}, {SetBlind21, Blind21},
	{SetBlind22, Blind22}, {SetBlind23, Blind23}, {SetBlind24, Blind24}, {SetBlind25, Blind25},
	{SetBlind26, Blind26}, {SetBlind27, Blind27},
}

// SetNames returns the names of the scenario sets, in the order they were
// written.
func SetNames() []string {
	names := make([]string, len(sets))
	for i, s := range sets {
		names[i] = s.name
	}
	return names
}

// Set returns the named set (one of SetNames).
func Set(name string) ([]Scenario, bool) {
	for _, s := range sets {
		if s.name == name {
			return s.build(), true
		}
	}
	return nil, false
}
