package sim

import (
	"cmp"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
)

// HardCases turns on organic behaviour that a fake-comment detector must
// not mistake for a campaign, beyond what every run has (floods of "1"
// after a call to action, lottery phrases typed by hundreds within two
// minutes, chants by hundreds in big rooms, a third of a room's viewers
// behind a few carrier NAT addresses). Each is off at its zero value and
// changes the output when on; they draw from a random stream of their
// own. The head room of a platform is its first room (room 0 of a
// single-platform run), which has thousands of viewers.
type HardCases struct {
	// Chant: in each head room, this many fans (about 1,000) chant the
	// room's fan phrase ("小美最棒") in rounds every few minutes,
	// thousands of times a broadcast, the same fans every day.
	Chant int `json:"chant,omitempty"`
	// NAT: in each head room, this many honest viewers (a campus, a
	// factory dormitory; 60 or more) comment two to four times each from
	// one carrier NAT address.
	NAT int `json:"nat,omitempty"`
	// LoyalFans: every merchant has this many loyal fans who come to every
	// broadcast, greet with their habit ("打卡", "打卡第37天") in the first
	// minutes, comment one to three times more and now and then buy.
	LoyalFans int `json:"loyal_fans,omitempty"`
	// Reviews: buyers of earlier days come back and write reviews with
	// numbers ("吃了20天，瘦了3斤，配合运动的", "第3次回购了", "165cm110斤穿M码刚好"),
	// varied, each after their own order. Needs Days of 2 or more.
	Reviews bool `json:"reviews,omitempty"`
	// Families: every merchant has this many families among its viewers,
	// two to four accounts on one shared phone (and often one home
	// address: a broadband IPv4 address or the home's IPv6 /64). A family
	// watches some broadcasts together; its members say what families say
	// ("我妈一直用这个，说好用", "全家都爱吃"), praise without an order of
	// their own, ask and chat, and one of them now and then buys. It is not
	// part of AllHardCases: the evaluation sets recorded before it have
	// none.
	Families int `json:"families,omitempty"`
	// FamiliesAcross: with several platforms, the families of the k-th
	// merchant of every platform are the same households, each on one
	// phone and one home line everywhere: its members' accounts on every
	// platform show the one device (as when the platforms report a common
	// device identifier) and the one address. Needs Families.
	FamiliesAcross bool `json:"families_across,omitempty"`
}

// AllHardCases are the hard cases at the sizes the campaign evaluation
// uses.
var AllHardCases = HardCases{Chant: 1000, NAT: 70, LoyalFans: 30, Reviews: true}

// Limits of HardCases.
const (
	MaxHardChant     = 5000
	MaxHardNAT       = 2000
	MaxHardLoyalFans = 1000
	MaxHardFamilies  = 200
)

// on reports whether a hard case is on.
func (h HardCases) on() bool { return h != HardCases{} }

// check validates the hard cases.
func (h HardCases) check() error {
	bad := func(zh, en string, args ...any) error {
		return qinglang.Errorf(qinglang.EINVALID, "模拟配置无效：疑难场景："+zh, "invalid simulation config: hard cases: "+en, args...)
	}
	switch {
	case h.Chant < 0 || h.Chant > MaxHardChant:
		return bad("口号人数须在 0 到 %d 之间，实为 %d", "chant must be 0 to %d viewers, got %d", MaxHardChant, h.Chant)
	case h.NAT < 0 || h.NAT > MaxHardNAT:
		return bad("同一 NAT 地址后的观众数须在 0 到 %d 之间，实为 %d", "NAT crowd must be 0 to %d viewers, got %d", MaxHardNAT, h.NAT)
	case h.LoyalFans < 0 || h.LoyalFans > MaxHardLoyalFans:
		return bad("铁粉数须在 0 到 %d 之间，实为 %d", "loyal fans must be 0 to %d, got %d", MaxHardLoyalFans, h.LoyalFans)
	case h.Families < 0 || h.Families > MaxHardFamilies:
		return bad("每个商家的家庭数须在 0 到 %d 之间，实为 %d", "families must be 0 to %d a merchant, got %d", MaxHardFamilies, h.Families)
	case h.FamiliesAcross && h.Families == 0:
		return bad("families-across 需要 families=N", "families-across needs families=N")
	}
	return nil
}

// hardKind is what a planned act of the hard cases does.
type hardKind uint8

const (
	hardChant    hardKind = iota // the fan phrase
	hardNAT                      // chatter from behind the NAT address
	hardHello                    // a loyal fan's habitual greeting
	hardFan                      // a loyal fan's other comments
	hardFanOrder                 // a loyal fan, or a family member, buys
	hardReview                   // a buyer of an earlier day reviews
	hardFamily                   // a family member's comment
)

type hardAct struct {
	at   int64
	u    uint32
	kind hardKind
}

// hardRun plays the hard cases of one broadcast: a plan made when the
// room starts, with the texts drawn as it goes.
type hardRun struct {
	rng    *rand.Rand
	acts   []hardAct
	next   int
	phrase string
}

// newHardRun plans the hard cases of room r.
func newHardRun(r *roomGen) *hardRun {
	w, s, hc := r.w, r.s, r.w.cfg.Hard
	h := &hardRun{rng: rand.New(rand.NewPCG(w.seed, hash(w.seed, saltHard, uint64(s.idx), uint64(r.day))))}
	rng := h.rng
	pop := uint64(s.plat.pop)
	head := s.plat.slots[0] == s.idx
	within := func(from, to int64) int64 { return r.start + from + rng.Int64N(max(1, w.dur-from-to)) }
	if head && hc.Chant > 0 {
		h.phrase = r.fillText(cmtChants[hash(w.seed, saltHard, 1, uint64(s.idx))%uint64(len(cmtChants))], -1)
		// Rounds every three to six minutes; short broadcasts get bigger
		// rounds, so that every fan chants a few times.
		rounds := max(1, float64(w.dur-3*60000)/270000)
		boost := max(1, 6/rounds)
		for t := r.start + int64(between(rng, 120, 240))*1000; t < r.end-60000; t += int64(between(rng, 180, 360)) * 1000 {
			// A round: fans chant once each, a few of them again.
			n := int(float64(hc.Chant) * (0.3 + 0.3*rng.Float64()) * boost)
			window := int64(between(rng, 90, 180)) * 1000
			fans := rng.Perm(hc.Chant)
			for i := range n {
				k := rng.IntN(hc.Chant)
				if i < len(fans) {
					k = fans[i]
				}
				h.acts = append(h.acts, hardAct{at: t + rng.Int64N(window), u: r.viewer(k), kind: hardChant})
			}
		}
	}
	if head && hc.NAT > 0 {
		c := natCarriers[s.region%len(natCarriers)]
		r.natAddr = netip.AddrFrom4([4]byte{c[0], c[1], byte(s.region), 16}).String()
		r.nat = make(map[uint32]bool, hc.NAT)
		for i := 0; len(r.nat) < min(hc.NAT, int(pop)); i++ {
			u := uint32(hash(w.seed, saltHard, 2, uint64(s.idx), uint64(i)) % pop)
			if r.nat[u] {
				continue
			}
			r.nat[u] = true
			for range between(rng, 2, 4) {
				h.acts = append(h.acts, hardAct{at: within(30000, 30000), u: u, kind: hardNAT})
			}
		}
	}
	for i := range hc.LoyalFans {
		u := uint32(hash(w.seed, saltHard, 3, uint64(s.idx), uint64(i)) % pop)
		h.acts = append(h.acts, hardAct{at: r.start + int64(between(rng, 20, 360))*1000, u: u, kind: hardHello})
		for range between(rng, 1, 3) {
			h.acts = append(h.acts, hardAct{at: within(60000, 30000), u: u, kind: hardFan})
		}
		if rng.Float64() < 0.35 {
			h.acts = append(h.acts, hardAct{at: within(180000, 60000), u: u, kind: hardFanOrder})
		}
	}
	for _, fam := range s.families {
		if rng.Float64() >= familyWatch {
			continue
		}
		var present []uint32
		for _, u := range fam {
			if rng.Float64() < familyPresent {
				present = append(present, u)
			}
		}
		for _, u := range present {
			for range between(rng, 1, 2) {
				h.acts = append(h.acts, hardAct{at: within(60000, 30000), u: u, kind: hardFamily})
			}
		}
		if len(present) > 0 && rng.Float64() < familyOrder {
			h.acts = append(h.acts, hardAct{at: within(180000, 60000), u: present[rng.IntN(len(present))], kind: hardFanOrder})
		}
	}
	if hc.Reviews {
		var cands []uint32
		seen := map[uint32]bool{}
		for _, b := range s.past {
			if b.day < r.day && !seen[b.u] {
				seen[b.u] = true
				cands = append(cands, b.u)
			}
		}
		n := min(len(cands), 2+int(w.dur/600000)+r.audience/2000)
		for _, i := range rng.Perm(len(cands))[:n] {
			h.acts = append(h.acts, hardAct{at: within(120000, 60000), u: cands[i], kind: hardReview})
		}
	}
	slices.SortStableFunc(h.acts, func(a, b hardAct) int { return cmp.Compare(a.at, b.at) })
	return h
}

func (h *hardRun) nextAt() int64 {
	if h.next < len(h.acts) {
		return h.acts[h.next].at
	}
	return never
}

func (h *hardRun) run(r *roomGen, at int64) {
	a := h.acts[h.next]
	h.next++
	if h.next == len(h.acts) {
		h.acts = nil
	}
	rng := h.rng
	switch a.kind {
	case hardChant:
		text := h.phrase
		if x := rng.Float64(); x < 0.08 {
			text += pick(rng, cmtDecor)
		} else if x < 0.12 {
			text += text
		}
		r.comment(at, a.u, text)
	case hardNAT:
		pool := [][]string{cmtAsk, cmtReaction, cmtChat, cmtProduct, catalog[r.lineup[r.cur].p.cat].asks}[rng.IntN(5)]
		if at-r.start < 5*60000 && rng.IntN(2) == 0 {
			pool = cmtGreeting
		}
		r.comment(at, a.u, r.fillText(pick(rng, pool), r.cur))
	case hardHello:
		habit := fanHabits[hash(r.w.seed, saltHard, 4, uint64(a.u))%uint64(len(fanHabits))]
		streak := 20 + int(hash(r.w.seed, saltHard, 5, uint64(a.u))%300) + r.day
		r.comment(at, a.u, r.fillText(strings.ReplaceAll(habit, "{x}", strconv.Itoa(streak)), -1))
	case hardFan:
		pool := [][]string{fanTalk, cmtChants, cmtReaction, cmtAsk, cmtProduct}[rng.IntN(5)]
		r.comment(at, a.u, r.fillText(pick(rng, pool), r.cur))
	case hardFanOrder:
		li := &r.lineup[r.cur]
		if !li.listed || !r.greet(at, a.u) {
			return
		}
		ev := r.event(qinglang.Order, at)
		ev.User, ev.Product, ev.Qty, ev.AmountFen = userID(a.u), li.p.id, 1, li.price
		r.push(ev)
		li.p.hist.record(at, li.price)
		r.s.addBuyer(a.u)
		if r.w.cfg.Hard.Reviews {
			r.s.addPastBuyer(a.u, r.day)
		}
	case hardReview:
		r.comment(at, a.u, h.review(r))
	case hardFamily:
		if rng.IntN(3) == 0 {
			r.comment(at, a.u, r.fillText(familyLine(rng), r.cur))
			break
		}
		pool := [][]string{fanTalk, cmtReaction, cmtAsk, cmtChat, cmtProduct}[rng.IntN(5)]
		r.comment(at, a.u, r.fillText(pick(rng, pool), r.cur))
	}
}

// review writes a buyer's review with numbers for the room's goods.
func (h *hardRun) review(r *roomGen) string {
	rng := h.rng
	var bank []string
	switch catalog[r.lineup[0].p.cat].cat {
	case qinglang.CatFood, qinglang.CatHealthFood, qinglang.CatDrug:
		bank = reviewsSlim
	case qinglang.CatCosmetics:
		bank = reviewsSkin
	case qinglang.CatApparel:
		bank = reviewsWear
	default:
		bank = reviewsAny
	}
	cn := rng.Float64() < 0.2
	x := float64(between(rng, 1, 8))
	if rng.Float64() < 0.3 {
		x += float64(between(rng, 1, 9)) / 10
	}
	t := pick(rng, bank)
	t = strings.ReplaceAll(t, "{x}", number(x, cn))
	t = strings.ReplaceAll(t, "{d}", number(float64(between(rng, 3, 60)), cn))
	t = strings.ReplaceAll(t, "{k}", number(float64(between(rng, 2, 6)), cn))
	t = strings.ReplaceAll(t, "{cm}", strconv.Itoa(between(rng, 150, 178)))
	t = strings.ReplaceAll(t, "{kg}", strconv.Itoa(between(rng, 90, 150)))
	if rng.Float64() < 0.15 {
		t += pick(rng, cmtDecor)
	}
	return r.fillText(t, 0)
}

// Texts of the hard cases. {x} in a habit is the fan's day streak.
var (
	fanHabits = []string{"打卡", "每天必到", "{h}晚上好", "来了来了", "报到", "又来支持{h}了", "老粉报到",
		"{h}我来啦", "准时来了", "打卡打卡", "今天也来了", "第一时间赶来", "打卡第{x}天"}
	fanTalk = []string{"老粉了，每场都来", "{h}今天状态真好", "上次买的已经用完了", "每天都来看{h}",
		"{h}辛苦了", "支持{h}", "今天的福利好多"}
	reviewsSlim = []string{"吃了{d}天，瘦了{x}斤，配合运动的", "买了{k}盒了，口感不错", "第{k}次回购了，孩子爱吃",
		"吃了一个月掉了{x}斤，没那么神但有点用", "上次买了{k}袋，吃完了再来{k}袋", "收到{d}天了，每天吃两颗",
		"比超市便宜{k}块，划算", "吃了{d}天，感觉肠胃舒服多了"}
	reviewsSkin = []string{"用了{d}天，皮肤确实水润了", "第{k}瓶了，敏感肌也没问题", "用了{d}天没过敏，保湿还行",
		"买了{k}支，送了我妈一支", "上次买的用了{d}天，回购了", "用了{d}天，痘印淡了一点点"}
	reviewsWear = []string{"{cm}cm{kg}斤穿M码刚好", "买了{k}件，洗了{k}次没起球", "我{cm}穿L有点大，建议拍小一码",
		"第{k}次买了，面料舒服", "{kg}斤穿XL正好", "买了{k}条，{cm}的个子长度刚好"}
	reviewsAny = []string{"用了{d}天了，还不错", "第{k}次买了", "买了{k}个，送人了", "{d}天就到了，包装很好",
		"用了{d}个月了，没坏", "比别家便宜{k}块", "回购第{k}次，一直用这个"}
)
