package sim

import (
	"strconv"

	"github.com/qinglang/qinglang"
)

// Crew is a crew of paid fake commenters (职业弹幕人) at work in the run,
// modelled on the weight-loss jelly case (shared/domain.md, "Real cases"):
// dozens of phone accounts paid by the session post scripted testimonials
// ("吃了三天瘦了5斤") about the goods on sale, now and then contradicting
// themselves ("瘦35斤", later "瘦16.6斤"). Every knob below is camouflage a
// crew may or may not use; the zero value of each is the naive crew of
// that case: identical scripts, one /24 subnet, new accounts, bursts.
//
// A crew comments in the broadcasts of its merchants (Merchants, or the
// Reach quietest rooms of the run), every day or on Days. Every comment
// and order of a crew member is labelled LabelCrew with the crew's Name
// and the account, so an evaluator knows the crew's accounts. Crews draw
// from random streams of their own: the organic rooms around them are
// the same, draw for draw, as in a run without crews (only event ids
// shift, and under an EventsPerRoom cap the organic events thin out a
// little more).
type Crew struct {
	Name     string `json:"name"`     // label name; default "crew1", "crew2", ... in order
	Accounts int    `json:"accounts"` // member accounts, 1 .. MaxCrewAccounts

	// Scripts: identical texts across accounts, or paraphrases (several
	// phrasings of each script idea, numbers, particles, emoji, word
	// order). Paraphrase is the degree, 0 .. 1: how often a comment
	// departs from the canonical phrasing and is decorated (default 0.7
	// for ScriptsParaphrase).
	Scripts    ScriptMode `json:"scripts"`
	Paraphrase float64    `json:"paraphrase,omitempty"`

	// Network: one /24 (and one IPv6 /64), or a proxy pool of addresses
	// over many networks, a new one for every comment, a third of them the
	// carrier NAT addresses local viewers of the room share. IPv6 is the
	// share of members on IPv6, 0 .. 1.
	Network NetworkMode `json:"network"`
	IPv6    float64     `json:"ipv6,omitempty"`

	// Devices is how many phones the crew shares among its accounts; 0
	// gives every account its own device.
	Devices int `json:"devices,omitempty"`

	// Age: new accounts (days old, few followers) or aged ones (years).
	Age AgeMode `json:"age"`

	// Filler is the share of a member's comments that are ordinary chatter
	// from the organic phrase pools (0 .. 0.9); Buyers the share of
	// members who place a real order in each broadcast they work in (0 ..
	// 1); Contradict the share of members who give different personal
	// results (0 .. 1).
	Filler     float64 `json:"filler,omitempty"`
	Buyers     float64 `json:"buyers,omitempty"`
	Contradict float64 `json:"contradict,omitempty"`

	// Timing: in bursts (many members post the same script idea within a
	// minute or two) or spread evenly over the broadcast.
	Timing TimingMode `json:"timing"`

	// Volume per broadcast, exactly one of: Share, the crew's share of all
	// the room's comments (0 .. 0.95, e.g. 0.7); PerAccount, comments per
	// member at work; RoomComments, the crew's comments in the room, drawn
	// from [lo, hi] (a low-rate crew: {4, 7}).
	Share        float64 `json:"share,omitempty"`
	PerAccount   int     `json:"per_account,omitempty"`
	RoomComments [2]int  `json:"room_comments,omitempty"`
	// RoomMembers is how many members work in each broadcast, drawn anew
	// each time; 0: all of them (for RoomComments: as many as comments).
	RoomMembers int `json:"room_members,omitempty"`

	// Reach: the merchants (room indices 0 .. Rooms-1; room i broadcasts
	// for merchant m<i> every day) the crew works for. Empty: the Reach
	// quietest merchants of the run (default 1), the small rooms crews
	// are hired to fill. Days: the days it works (0 .. Days-1); empty:
	// every day.
	Merchants []int `json:"merchants,omitempty"`
	Reach     int   `json:"reach,omitempty"`
	Days      []int `json:"days,omitempty"`
}

// ScriptMode says how a crew's texts vary.
type ScriptMode string

// Script modes.
const (
	ScriptsIdentical  ScriptMode = "identical"
	ScriptsParaphrase ScriptMode = "paraphrase"
)

// NetworkMode says where a crew's addresses come from.
type NetworkMode string

// Network modes.
const (
	NetSubnet NetworkMode = "subnet"
	NetProxy  NetworkMode = "proxy"
)

// AgeMode says how old a crew's accounts are.
type AgeMode string

// Account ages.
const (
	AgeNew  AgeMode = "new"
	AgeAged AgeMode = "aged"
)

// TimingMode says when a crew posts.
type TimingMode string

// Timings.
const (
	TimingBurst TimingMode = "burst"
	TimingEven  TimingMode = "even"
)

// Limits of a Crew.
const (
	MaxCrewAccounts     = 5000
	MaxCrewPerAccount   = 500
	MaxCrewRoomComments = 100000
)

// LabelCrew labels every comment and order of a crew member (Fake is
// always true): Crew names the crew, User the account, Role is
// RoleScript, RoleFiller or RoleOrder. The set of Users of these labels
// is the set of crew accounts that were active in the run.
const LabelCrew = "crew"

// Roles of a crew event.
const (
	RoleScript = "script" // a scripted testimonial or urging
	RoleFiller = "filler" // ordinary chatter to blend in
	RoleOrder  = "order"  // a camouflage purchase
)

// normalizeCrews fills the crews' defaults and checks them against the
// run's rooms and days.
func normalizeCrews(c *Config) error {
	if len(c.Crews) == 0 {
		return nil
	}
	crews := make([]Crew, len(c.Crews))
	names := map[string]bool{}
	for i, cr := range c.Crews {
		n := strconv.Itoa(i + 1)
		if cr.Name == "" {
			cr.Name = "crew" + n
		}
		cr.Merchants = append([]int(nil), cr.Merchants...)
		cr.Days = append([]int(nil), cr.Days...)
		cr.Scripts = or(cr.Scripts, ScriptsIdentical)
		cr.Network = or(cr.Network, NetSubnet)
		cr.Age = or(cr.Age, AgeNew)
		cr.Timing = or(cr.Timing, TimingBurst)
		if cr.Scripts == ScriptsParaphrase && cr.Paraphrase == 0 {
			cr.Paraphrase = 0.7
		}
		if len(cr.Merchants) == 0 && cr.Reach == 0 {
			cr.Reach = 1
		}
		if err := cr.check(c, names); err != nil {
			return err
		}
		names[cr.Name] = true
		crews[i] = cr
	}
	c.Crews = crews
	return nil
}

// or returns v, or def when v is empty.
func or[T ~string](v, def T) T {
	if v == "" {
		return def
	}
	return v
}

// check validates one crew with defaults filled.
func (cr *Crew) check(c *Config, names map[string]bool) error {
	bad := func(zh, en string, args ...any) error {
		return qinglang.Errorf(qinglang.EINVALID, "模拟配置无效：水军团伙 %q："+zh, "invalid simulation config: crew %q: "+en,
			append([]any{cr.Name}, args...)...)
	}
	share := func(v float64, hi float64) bool { return v >= 0 && v <= hi }
	volumes := 0
	for _, set := range []bool{cr.Share != 0, cr.PerAccount != 0, cr.RoomComments != [2]int{}} {
		if set {
			volumes++
		}
	}
	switch {
	case len(cr.Name) > 48 || names[cr.Name]:
		return bad("名称须不超过 48 字节且不重复", "names must be at most 48 bytes and distinct")
	case cr.Accounts < 1 || cr.Accounts > MaxCrewAccounts:
		return bad("账号数须在 1 到 %d 之间，实为 %d", "accounts must be 1 to %d, got %d", MaxCrewAccounts, cr.Accounts)
	case cr.Scripts != ScriptsIdentical && cr.Scripts != ScriptsParaphrase:
		return bad("话术方式须为 identical 或 paraphrase，实为 %q", "scripts must be identical or paraphrase, got %q", cr.Scripts)
	case !share(cr.Paraphrase, 1):
		return bad("改写程度须在 0 到 1 之间，实为 %v", "paraphrase degree must be 0 to 1, got %v", cr.Paraphrase)
	case cr.Network != NetSubnet && cr.Network != NetProxy:
		return bad("网络须为 subnet 或 proxy，实为 %q", "network must be subnet or proxy, got %q", cr.Network)
	case !share(cr.IPv6, 1):
		return bad("IPv6 比例须在 0 到 1 之间，实为 %v", "IPv6 share must be 0 to 1, got %v", cr.IPv6)
	case cr.Devices < 0 || cr.Devices > cr.Accounts:
		return bad("共用设备数须在 0 到账号数 %d 之间，实为 %d", "shared devices must be 0 to the %d accounts, got %d", cr.Accounts, cr.Devices)
	case cr.Age != AgeNew && cr.Age != AgeAged:
		return bad("账号年龄须为 new 或 aged，实为 %q", "age must be new or aged, got %q", cr.Age)
	case !share(cr.Filler, 0.9):
		return bad("闲聊比例须在 0 到 0.9 之间，实为 %v", "filler share must be 0 to 0.9, got %v", cr.Filler)
	case !share(cr.Buyers, 1):
		return bad("下单成员比例须在 0 到 1 之间，实为 %v", "buyers share must be 0 to 1, got %v", cr.Buyers)
	case !share(cr.Contradict, 1):
		return bad("自相矛盾成员比例须在 0 到 1 之间，实为 %v", "contradict share must be 0 to 1, got %v", cr.Contradict)
	case cr.Timing != TimingBurst && cr.Timing != TimingEven:
		return bad("节奏须为 burst 或 even，实为 %q", "timing must be burst or even, got %q", cr.Timing)
	case volumes != 1:
		return bad("须且只能设置一种数量：share、per-account 或 room-comments", "set exactly one volume: share, per-account or room-comments")
	case !share(cr.Share, 0.95):
		return bad("评论占比须在 0 到 0.95 之间，实为 %v", "share must be 0 to 0.95, got %v", cr.Share)
	case cr.PerAccount < 0 || cr.PerAccount > MaxCrewPerAccount:
		return bad("每账号每场评论数须在 0 到 %d 之间，实为 %d", "comments per account must be 0 to %d, got %d", MaxCrewPerAccount, cr.PerAccount)
	case cr.RoomComments[0] < 0 || cr.RoomComments[0] > cr.RoomComments[1] || cr.RoomComments[1] > MaxCrewRoomComments:
		return bad("每场评论数区间须满足 0 ≤ 下限 ≤ 上限 ≤ %d，实为 %v", "room comments must be 0 <= lo <= hi <= %d, got %v", MaxCrewRoomComments, cr.RoomComments)
	case cr.RoomMembers < 0 || cr.RoomMembers > cr.Accounts:
		return bad("每场上场成员数须在 0 到账号数 %d 之间，实为 %d", "room members must be 0 to the %d accounts, got %d", cr.Accounts, cr.RoomMembers)
	case len(cr.Merchants) > 0 && cr.Reach != 0:
		return bad("merchants 与 reach 只能设置一个", "set merchants or reach, not both")
	case cr.Reach < 0 || cr.Reach > c.Rooms:
		return bad("覆盖商家数须在 1 到房间数 %d 之间，实为 %d", "reach must be 1 to the %d rooms, got %d", c.Rooms, cr.Reach)
	}
	if x, ok := badIndex(cr.Merchants, c.Rooms); ok {
		return bad("商家（房间序号）%d：须在 0 到 %d 之间且不重复", "merchant (room index) %d: must be 0 to %d and distinct", x, c.Rooms-1)
	}
	if x, ok := badIndex(cr.Days, c.Days); ok {
		return bad("第 %d 天：须在 0 到 %d 之间且不重复", "day %d: must be 0 to %d and distinct", x, c.Days-1)
	}
	return nil
}

// badIndex returns the first element of xs that is out of [0, n) or
// repeated.
func badIndex(xs []int, n int) (int, bool) {
	seen := map[int]bool{}
	for _, x := range xs {
		if x < 0 || x >= n || seen[x] {
			return x, true
		}
		seen[x] = true
	}
	return 0, false
}
