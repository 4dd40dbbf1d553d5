package sim

import (
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
)

// Crews and hard cases on a command line. A crew spec is a preset name,
// key=value pairs, or a preset followed by pairs that override it:
//
//	jelly
//	lowrate,accounts=40,merchants=1+2+5
//	accounts=40,scripts=paraphrase,network=proxy,per-account=3
//
// Lists (merchants, days) join items with "+"; an item may be a range
// "a-b". A volume key (share, per-account, room-comments) replaces the
// preset's volume, merchants replaces reach and reach merchants.

// crewPresets are the named crews, after the campaign evaluation's
// attack scenarios.
var crewPresets = []struct {
	name string
	crew Crew
}{
	{"jelly", Crew{Accounts: 36, Scripts: ScriptsIdentical, Network: NetSubnet, Devices: 4, Age: AgeNew,
		Timing: TimingBurst, Share: 0.7, Contradict: 0.2}},
	{"paraphrase", Crew{Accounts: 40, Scripts: ScriptsParaphrase, Paraphrase: 0.8, Network: NetProxy, IPv6: 0.25,
		Age: AgeAged, Timing: TimingEven, PerAccount: 3, Contradict: 0.15}},
	{"camouflage", Crew{Accounts: 30, Scripts: ScriptsParaphrase, Paraphrase: 0.6, Network: NetProxy, IPv6: 0.2,
		Age: AgeAged, Filler: 0.4, Buyers: 0.5, Timing: TimingEven, PerAccount: 5, Contradict: 0.1}},
	{"lowrate", Crew{Accounts: 24, Scripts: ScriptsParaphrase, Paraphrase: 0.7, Network: NetProxy, IPv6: 0.2,
		Age: AgeAged, Filler: 0.2, Buyers: 0.25, Timing: TimingEven, RoomComments: [2]int{4, 7}, Reach: 3, Contradict: 0.1}},
}

// CrewPresets returns the names of the crew presets, in order: jelly (the
// naive crew of the jelly case: identical scripts, one /24, four shared
// phones, new accounts, bursts, 70% of the room's comments), paraphrase
// (paraphrased scripts from a proxy pool with aged accounts, 3 comments
// each), camouflage (paraphrases, filler chatter, half of them buying, 5
// comments each) and lowrate (4 to 7 comments a broadcast in the rooms of
// the 3 quietest merchants).
func CrewPresets() []string {
	names := make([]string, len(crewPresets))
	for i, p := range crewPresets {
		names[i] = p.name
	}
	return names
}

// CrewPreset returns the named preset, with its name as the crew's name.
func CrewPreset(name string) (Crew, bool) {
	for _, p := range crewPresets {
		if p.name == name {
			c := p.crew
			c.Name = name
			return c, true
		}
	}
	return Crew{}, false
}

// CrewHelp describes crews and the crew spec, in Chinese and English, for
// a command's help (the --crew flag of qinglang sim).
const CrewHelp = `水军团伙 / paid comment crews (--crew SPEC，可重复 / repeatable):
  SPEC 为预设名、key=value 列表，或预设名后接覆盖项 / a preset, key=value pairs, or a preset then overrides:
    jelly | paraphrase | camouflage | lowrate
    lowrate,accounts=40,merchants=1+2+5
  键 keys: name, accounts, scripts=identical|paraphrase, paraphrase=0..1, network=subnet|proxy, ipv6=0..1,
    devices=N（0 每号一机 / 0: one per account）, age=new|aged, filler=0..0.9, buyers=0..1, contradict=0..1,
    timing=burst|even；数量三选一 / one volume: share=0..0.95 | per-account=N | room-comments=LO-HI；
    room-members=N, merchants=I+J|A-B（房间序号 / room indices）, reach=N（最冷清的 N 个商家 / the N quietest merchants）, days=D+E
  每条水军评论与订单都带真值标签 kind=crew（crew、user、role=script|filler|order）。
  Every crew comment and order is labelled kind=crew (crew, user, role=script|filler|order).
疑难场景 / hard cases (--hard SPEC): all | chant=N,nat=N,fans=N,families=N,families-across,reviews
  口号（头部直播间 N 名粉丝）、同一 NAT 地址后的 N 名观众、每场必到的 N 名铁粉、每个商家 N 个共用一部手机的家庭（all 不含；
  families-across：各平台同一位置商家的家庭是同一批家庭，各平台上用同一部手机、同一条家庭宽带）、买家带数字的评价。
  a chant by N fans and N viewers behind one NAT address (head room), N loyal fans per merchant,
  N families a merchant sharing one phone each (not in all; families-across: the same households
  on every platform, on one phone and one home line), buyers' reviews with numbers.`

// ParseCrews parses crew specs; crews named after the same preset are
// numbered (jelly, jelly2, ...).
func ParseCrews(specs []string) ([]Crew, error) {
	var crews []Crew
	seen := map[string]int{}
	for _, s := range specs {
		c, err := ParseCrew(s)
		if err != nil {
			return nil, err
		}
		if c.Name != "" {
			if seen[c.Name]++; seen[c.Name] > 1 {
				c.Name += strconv.Itoa(seen[c.Name])
			}
		}
		crews = append(crews, c)
	}
	return crews, nil
}

// ParseCrew parses one crew spec (see CrewHelp). It checks the syntax and
// the values it can check alone; Generate checks the rest against the
// run.
func ParseCrew(spec string) (Crew, error) {
	var c Crew
	bad := func(zh, en string, args ...any) (Crew, error) {
		return Crew{}, qinglang.Errorf(qinglang.EINVALID, "水军团伙 %q："+zh, "crew %q: "+en, append([]any{spec}, args...)...)
	}
	for i, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			p, found := CrewPreset(part)
			if i > 0 || !found {
				return bad("未知的预设 %q（可用：%s）", "unknown preset %q (presets: %s)", part, strings.Join(CrewPresets(), ", "))
			}
			c = p
			continue
		}
		if err := c.set(strings.TrimSpace(key), strings.TrimSpace(val)); err != nil {
			return bad(strings.ReplaceAll(err.zh, "%", "%%"), strings.ReplaceAll(err.en, "%", "%%"))
		}
	}
	if c.Accounts == 0 {
		return bad("须给出预设或 accounts", "give a preset or accounts")
	}
	return c, nil
}

// specError is a message about one key of a spec.
type specError struct{ zh, en string }

func badValue(key, val string) *specError {
	return &specError{"键 " + key + " 的值 " + strconv.Quote(val) + " 无效", "bad value " + strconv.Quote(val) + " for " + key}
}

// set applies one key=value pair.
func (c *Crew) set(key, val string) *specError {
	num := func(dst *float64) *specError {
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return badValue(key, val)
		}
		*dst = v
		return nil
	}
	integer := func(dst *int) *specError {
		v, err := strconv.Atoi(val)
		if err != nil {
			return badValue(key, val)
		}
		*dst = v
		return nil
	}
	oneOf := func(opts ...string) (string, *specError) {
		for _, o := range opts {
			if val == o {
				return val, nil
			}
		}
		return "", &specError{"键 " + key + " 须为 " + strings.Join(opts, "、"), key + " must be one of " + strings.Join(opts, ", ")}
	}
	var err *specError
	var s string
	switch key {
	case "name":
		c.Name = val
	case "accounts":
		err = integer(&c.Accounts)
	case "scripts":
		s, err = oneOf(string(ScriptsIdentical), string(ScriptsParaphrase))
		c.Scripts = ScriptMode(s)
	case "paraphrase":
		err = num(&c.Paraphrase)
	case "network", "net":
		s, err = oneOf(string(NetSubnet), string(NetProxy))
		c.Network = NetworkMode(s)
	case "ipv6":
		err = num(&c.IPv6)
	case "devices":
		err = integer(&c.Devices)
	case "age":
		s, err = oneOf(string(AgeNew), string(AgeAged))
		c.Age = AgeMode(s)
	case "filler":
		err = num(&c.Filler)
	case "buyers":
		err = num(&c.Buyers)
	case "contradict":
		err = num(&c.Contradict)
	case "timing":
		s, err = oneOf(string(TimingBurst), string(TimingEven))
		c.Timing = TimingMode(s)
	case "share", "per-account", "room-comments":
		c.Share, c.PerAccount, c.RoomComments = 0, 0, [2]int{}
		switch key {
		case "share":
			err = num(&c.Share)
		case "per-account":
			err = integer(&c.PerAccount)
		default:
			lo, hi, ok := rangeOf(val)
			if !ok {
				return badValue(key, val)
			}
			c.RoomComments = [2]int{lo, hi}
		}
	case "room-members":
		err = integer(&c.RoomMembers)
	case "merchants":
		c.Reach = 0
		c.Merchants, err = listOf(key, val)
	case "reach":
		c.Merchants = nil
		err = integer(&c.Reach)
	case "days":
		c.Days, err = listOf(key, val)
	default:
		return &specError{"未知的键 " + strconv.Quote(key), "unknown key " + strconv.Quote(key)}
	}
	return err
}

// rangeOf parses "n" or "lo-hi".
func rangeOf(s string) (lo, hi int, ok bool) {
	a, b, isRange := strings.Cut(s, "-")
	lo, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0, false
	}
	if !isRange {
		return lo, lo, true
	}
	hi, err = strconv.Atoi(b)
	return lo, hi, err == nil && lo <= hi
}

// listOf parses items joined by "+", each "n" or "a-b".
func listOf(key, val string) ([]int, *specError) {
	var xs []int
	for _, item := range strings.Split(val, "+") {
		lo, hi, ok := rangeOf(strings.TrimSpace(item))
		if !ok || hi-lo > 100000 {
			return nil, badValue(key, val)
		}
		for x := lo; x <= hi; x++ {
			xs = append(xs, x)
		}
	}
	return xs, nil
}

// ParseHardCases parses a hard-cases spec: "all" (AllHardCases), or
// pairs such as "chant=1000,nat=70,fans=30,reviews"; "" is none.
func ParseHardCases(spec string) (HardCases, error) {
	var h HardCases
	bad := func(part string) (HardCases, error) {
		return HardCases{}, qinglang.Errorf(qinglang.EINVALID,
			"疑难场景 %q：无法识别 %q（all，或 chant=N、nat=N、fans=N、families=N、families-across、reviews）",
			"hard cases %q: cannot read %q (all, or chant=N, nat=N, fans=N, families=N, families-across, reviews)", spec, part)
	}
	if strings.TrimSpace(spec) == "all" {
		return AllHardCases, nil
	}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, hasVal := strings.Cut(part, "=")
		// switches: "reviews" alone is on, or "reviews=false"
		if sw := map[string]*bool{"reviews": &h.Reviews, "families-across": &h.FamiliesAcross}[key]; sw != nil {
			b, err := strconv.ParseBool(val)
			if hasVal && err != nil {
				return bad(part)
			}
			*sw = !hasVal || b
			continue
		}
		n, err := strconv.Atoi(val)
		if !hasVal || err != nil {
			return bad(part)
		}
		switch key {
		case "chant":
			h.Chant = n
		case "nat":
			h.NAT = n
		case "fans", "loyal-fans":
			h.LoyalFans = n
		case "families":
			h.Families = n
		default:
			return bad(part)
		}
	}
	return h, h.check()
}
