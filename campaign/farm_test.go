package campaign

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// farmLines are testimonials a crew spreads one per account: each its own
// wording, so no script cluster holds two of them.
var farmLines = []string{
	"膝盖疼了好几年，贴了%d天就不疼了", "孩子喝了%d个月，个子长了一大截", "吃了%d天，体重掉了好多",
	"用了%d天，脸上的斑淡了好多", "熬夜%d年的黑眼圈，用了这个淡了好多", "血糖高了%d年，喝这个降下来了",
	"我妈失眠%d年，吃了这个一觉到天亮", "头发掉了%d年，用了这个长出新发了", "便秘%d年的老毛病，喝了就好了",
	"颈椎疼了%d年，睡这个枕头不疼了", "痘痘长了%d年，涂了这个全消了", "胃不好%d年了，吃了这个不疼了",
	"腰疼%d年，用了这个贴不疼了", "鼻炎%d年了，喷了这个好多了", "脚气%d年了，泡了这个就好多了",
}

// oneLineEach adds a crew of n accounts named prefix-NN, each posting one
// line of farmLines (its own wording) from ip(i) and device dev(i), in
// turn in the rooms of merchants, one broadcast a day.
func oneLineEach(w *world, byMerchant map[string][]string, prefix string, n int, merchants []string, ip, dev func(i int) string) {
	for i := range n {
		u := fmt.Sprintf("%s-%02d", prefix, i)
		w.crew[u] = true
		w.account(u, t0, 300+float64(i*29))
		k := i % 3
		at := t0.Add(time.Duration(k)*24*time.Hour + time.Duration(20+i*9)*time.Minute)
		w.comment(byMerchant[merchants[i%len(merchants)]][k], u, ip(i), dev(i), fmt.Sprintf(farmLines[i], 2+i%6), at)
	}
}

// TestPhoneFarmOneLineEach: a crew of 15 accounts on three phones posts
// one testimonial per account, each its own wording, evenly over the
// rooms of three merchants: no script, no burst, no knot. The phones are
// the crew's: most accounts on them post unbought commercial speech.
func TestPhoneFarmOneLineEach(t *testing.T) {
	w, byMerchant := praiseWorld()
	oneLineEach(w, byMerchant, "farm", 15, []string{"m1", "m2", "m3"},
		func(i int) string { return fmt.Sprintf("120.%d.%d.5", 30+i, i) },
		func(i int) string { return fmt.Sprintf("farm-phone-%d", i%3) })
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0.8)
}

// TestFamilyPhoneNotAccused: four family members on one phone each praise
// the goods once without an order of their own (one of them ordered for
// all): fewer accounts than a phone farm, no campaign.
func TestFamilyPhoneNotAccused(t *testing.T) {
	w, byMerchant := praiseWorld()
	room := byMerchant["m2"][1]
	start := t0.Add(24 * time.Hour)
	for i := range 4 {
		u := fmt.Sprintf("family-%d", i)
		w.account(u, t0, 800+float64(i*50))
		w.comment(room, u, "112.4.9.77", "family-phone", fmt.Sprintf(farmLines[i], 2+i), start.Add(time.Duration(30+i*6)*time.Minute))
	}
	_, chs := detect(w.sorted())
	if acc := accused(chs); len(acc) > 0 {
		t.Fatalf("%d accused: %v", len(acc), head(keys(acc), 10))
	}
}

// TestOfficeSubnetOneLineEach: a crew of 12 accounts, a phone each, posts
// one testimonial per account, each its own wording, over the rooms of
// three merchants, all from one office /24: no script, no burst, no
// shared phone. The network is the crew's: every account on it posts
// unbought commercial speech.
func TestOfficeSubnetOneLineEach(t *testing.T) {
	w, byMerchant := praiseWorld()
	oneLineEach(w, byMerchant, "office", 12, []string{"m2", "m3", "m4"},
		func(i int) string { return fmt.Sprintf("121.40.17.%d", 10+i) },
		func(i int) string { return fmt.Sprintf("office-phone-%d", i) })
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0.8)
}

// TestSharedNetworkFewPraiseNotAccused: a home network of four accounts,
// each praising once without an order (fewer accounts than a farm), and a
// campus network of ten where three praise unbought and the others chat
// (most of its accounts say nothing commercial): no campaign.
func TestSharedNetworkFewPraiseNotAccused(t *testing.T) {
	w, byMerchant := praiseWorld()
	room := byMerchant["m3"][1]
	start := t0.Add(24 * time.Hour)
	for i := range 4 {
		u := fmt.Sprintf("home-%d", i)
		w.account(u, t0, 900+float64(i*40))
		w.comment(room, u, fmt.Sprintf("112.4.9.%d", 70+i), fmt.Sprintf("home-phone-%d", i), fmt.Sprintf(farmLines[i], 2+i), start.Add(time.Duration(30+i*6)*time.Minute))
	}
	chat := []string{"今天播到几点", "主播声音好好听", "刚下课来看看", "这个颜色好看", "宿舍网好卡", "明天还播吗", "来了来了"}
	for i := range 10 {
		u := fmt.Sprintf("campus-%d", i)
		w.account(u, t0, 400+float64(i*60))
		text := chat[i%len(chat)]
		if i < 3 {
			text = fmt.Sprintf(farmLines[5+i], 2+i)
		}
		r := byMerchant[[]string{"m2", "m4"}[i%2]][i%3]
		at := t0.Add(time.Duration(i%3)*24*time.Hour + time.Duration(40+i*5)*time.Minute)
		w.comment(r, u, fmt.Sprintf("202.118.6.%d", 20+i), fmt.Sprintf("campus-phone-%d", i), text, at)
	}
	_, chs := detect(w.sorted())
	if acc := accused(chs); len(acc) > 0 {
		t.Fatalf("%d accused: %v", len(acc), head(keys(acc), 10))
	}
}

// TestFarmAcrossPlatforms: a sparse crew of 15 accounts on three phones
// works one merchant on each of three platforms, two to four lines a
// broadcast among them. On each platform a phone carries a few of its
// accounts, no more than a family's; counted over the three platforms,
// the phones are a farm's (wide.go). 11 of its 13 active accounts are
// found here, none without the count over platforms, and 8 when only a
// farm account's lines in the group's scripts counted, not its unbought
// commercial speech anywhere (view.farm).
func TestFarmAcrossPlatforms(t *testing.T) {
	cfg := sim.Config{Seed: 1508, Rooms: 6, Days: 3, Duration: 25 * time.Minute, Platforms: []string{"douyin", "kuaishou", "xiaohongshu"},
		Crews: []sim.Crew{{Name: "wide", Accounts: 15, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.8, Network: sim.NetProxy, IPv6: 0.2,
			Devices: 3, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{2, 4}, Merchants: []int{3, 4, 5}}}}
	checkSimWorld(t, cfg, 0.8)
}

// TestPhoneMatesOfFarm: the crew of TestPhoneFarmOneLineEach has two more
// accounts on each of its three phones that only chat. The phones are
// the crew's (7 accounts each, 5 of them posting its testimonials), and
// so are the chatting accounts: members for their phone alone, with the
// reason crew_phone and counted as phone mates. A family's phone beside
// it (three accounts, one of them praising once) adds nobody.
func TestPhoneMatesOfFarm(t *testing.T) {
	w, byMerchant := praiseWorld()
	oneLineEach(w, byMerchant, "farm", 15, []string{"m1", "m2", "m3"},
		func(i int) string { return fmt.Sprintf("120.%d.%d.5", 30+i, i) },
		func(i int) string { return fmt.Sprintf("farm-phone-%d", i%3) })
	chat := []string{"主播好", "今天播到几点", "来了来了", "这个颜色好看", "刚下班", "明天还播吗"}
	for i := range 6 {
		u := fmt.Sprintf("farm-chat-%d", i)
		w.crew[u] = true
		w.account(u, t0, 500+float64(i*31))
		room := byMerchant[[]string{"m1", "m2", "m3"}[i%3]][i%3]
		at := t0.Add(time.Duration(i%3)*24*time.Hour + time.Duration(25+i*7)*time.Minute)
		w.comment(room, u, fmt.Sprintf("121.%d.%d.8", 60+i, i), fmt.Sprintf("farm-phone-%d", i%3), chat[i], at)
	}
	for i := range 3 {
		u := fmt.Sprintf("family-%d", i)
		w.account(u, t0, 900+float64(i*40))
		text := chat[i]
		if i == 0 {
			text = fmt.Sprintf(farmLines[9], 3)
		}
		w.comment(byMerchant["m1"][1], u, "112.4.9.77", "family-phone", text, t0.Add(24*time.Hour+time.Duration(50+i*4)*time.Minute))
	}
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkCrew(t, acc, w.crew, 0.9)
	mates := 0
	for _, ch := range chs {
		for _, m := range ch.Campaign.Members {
			isMate := slices.Contains(m.Reasons, ReasonCrewPhone)
			if strings.HasPrefix(m.User, "farm-chat-") != isMate || (isMate && (m.Scripted != 0 || slices.Contains(m.Reasons, ReasonScript))) {
				t.Errorf("%s: reasons %v, scripted %d", m.User, m.Reasons, m.Scripted)
			}
		}
		mates = max(mates, ch.Campaign.Evidence.PhoneMates)
	}
	if mates == 0 {
		t.Error("no phone mates counted in the evidence")
	}
}

// onPlatforms copies every event of w to each of platforms, with rooms
// of its own (accounts are per platform).
func onPlatforms(w *world, platforms ...string) {
	evs := slices.Clone(w.events)
	for _, p := range platforms {
		for _, ev := range evs {
			e := *ev
			e.Platform = p
			if e.Room != "" {
				e.Room = p + "-" + e.Room
			}
			w.add(&e)
		}
	}
}

// TestFamilyPhoneAcrossPlatformsNotAccused: four family members share a
// phone and each has an account on two platforms, eight accounts on it in
// all; four of them praise the goods once without an order, two on each
// platform. Counted over the platforms the phone looks like a farm's (more
// than farmAccounts accounts, half of them praising), but no more than
// four of its accounts praise, which a family has: on each platform two
// accounts make no campaign.
func TestFamilyPhoneAcrossPlatformsNotAccused(t *testing.T) {
	w, byMerchant := praiseWorld()
	onPlatforms(w, "p2")
	start := t0.Add(24 * time.Hour)
	for i := range 8 {
		plat, room := "", byMerchant["m2"][1]
		if i >= 4 {
			plat, room = "p2", "p2-"+room
		}
		u := fmt.Sprintf("family-%d", i%4)
		text := []string{"今天播到几点", "主播声音好好听", "这个颜色好看"}[i%3]
		if i%4 < 2 {
			text = fmt.Sprintf(farmLines[i%4+2*(i/4)], 2+i)
		}
		c := t0.Add(-800 * 24 * time.Hour)
		w.add(&qinglang.Event{Type: qinglang.Account, Platform: plat, TS: t0.Add(-time.Second), User: u, CreatedAt: &c})
		w.add(&qinglang.Event{Type: qinglang.Comment, Platform: plat, TS: start.Add(time.Duration(30+i*6) * time.Minute), Room: room, User: u,
			IP: fmt.Sprintf("112.4.9.%d", 70+i), Device: "family-phone", Text: text})
	}
	_, chs := detect(w.sorted())
	if acc := accused(chs); len(acc) > 0 {
		t.Fatalf("%d accused: %v", len(acc), head(keys(acc), 10))
	}
}

// TestFarmPhonesVouchAcrossPlatforms: a farm's three phones carry two
// accounts each on each of three platforms, all eighteen praising the
// goods once without an order at one merchant: on each platform six
// accounts on phones of a family's size, two a phone. Over the platforms
// each phone has more praising accounts than a family, and the
// merchant has three phones with two praising accounts where the others
// have none: the phones vouch for their accounts, and each platform
// reports its six. One such phone alone is what a household with
// accounts on three platforms looks like, and vouches for nothing
// (families-across in sim; matrix organic/families-across-platforms).
func TestFarmPhonesVouchAcrossPlatforms(t *testing.T) {
	for _, phones := range []int{3, 1} {
		t.Run(fmt.Sprintf("phones=%d", phones), func(t *testing.T) {
			w, byMerchant := praiseWorld()
			plats := []string{"", "p2", "p3"}
			onPlatforms(w, plats[1:]...)
			start := t0.Add(24 * time.Hour)
			for i := range 6 * phones {
				plat, room := plats[(i/2)%3], byMerchant["m3"][1]
				if plat != "" {
					room = plat + "-" + room
				}
				u := fmt.Sprintf("farm-%d", i)
				w.crew[u] = true
				c := t0.Add(-400 * 24 * time.Hour)
				w.add(&qinglang.Event{Type: qinglang.Account, Platform: plat, TS: t0.Add(-time.Second), User: u, CreatedAt: &c})
				w.add(&qinglang.Event{Type: qinglang.Comment, Platform: plat, TS: start.Add(time.Duration(20+i*3) * time.Minute), Room: room, User: u,
					IP: fmt.Sprintf("36.%d.7.%d", 40+i, 9+i), Device: fmt.Sprintf("farm-phone-%d", i/6), Text: fmt.Sprintf(farmLines[i%len(farmLines)], 2+i)})
			}
			_, chs := detect(w.sorted())
			if phones == 1 {
				if acc := accused(chs); len(acc) > 0 {
					t.Errorf("one phone of a household's size on three platforms: %d accused", len(acc))
				}
				return
			}
			checkCrew(t, accused(chs), w.crew, 1)
		})
	}
}

// TestPhoneSiblings: beside the crew of TestPhoneFarmOneLineEach, some of
// its members also use phones of a family's size. On one, two members and
// one more account, which praised the goods once without an order: that
// account is the crew's (every other account on the phone is a member). On
// another, one member and two accounts praising once; on a third, two
// members and two such accounts: a member or two on a phone with others
// says nothing of the others, and they are not accused.
func TestPhoneSiblings(t *testing.T) {
	w, byMerchant := praiseWorld()
	oneLineEach(w, byMerchant, "farm", 15, []string{"m1", "m2", "m3"},
		func(i int) string { return fmt.Sprintf("120.%d.%d.5", 30+i, i) },
		func(i int) string { return fmt.Sprintf("farm-phone-%d", i%3) })
	room := byMerchant["m4"][2]
	at := t0.Add(48*time.Hour + 40*time.Minute)
	use := func(u, phone, text string) {
		at = at.Add(7 * time.Minute)
		w.comment(room, u, fmt.Sprintf("27.%d.3.%d", len(u), at.Minute()), phone, text, at)
	}
	for _, p := range []struct {
		phone   string
		members []int
		others  []string
	}{
		{"small-phone-a", []int{0, 1}, []string{"sib-a"}},
		{"small-phone-b", []int{2}, []string{"kin-b1", "kin-b2"}},
		{"small-phone-c", []int{3, 4}, []string{"kin-c1", "kin-c2"}},
	} {
		for _, i := range p.members {
			use(fmt.Sprintf("farm-%02d", i), p.phone, "主播好")
		}
		for k, u := range p.others {
			w.account(u, t0, 700+float64(k*90))
			use(u, p.phone, praiseLines[1+k])
		}
	}
	w.crew["sib-a"] = true
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 1)
}

// TestPhoneSiblingsOnSim: a low-rate crew of 20 aged accounts on 6 phones
// (three or four accounts each, a family's number) over the 10 quietest of
// 14 merchants, two or three lines a broadcast (blind7's kind, another
// seed): two members whose lines tie them to nothing are on phones whose
// every other account is a member. 18 of 20 are found without the rule.
func TestPhoneSiblingsOnSim(t *testing.T) {
	cfg := sim.Config{Seed: 1635, Rooms: 14, Days: 4, Duration: 20 * time.Minute,
		Crews: []sim.Crew{{Name: "low10", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.1,
			Devices: 6, Age: sim.AgeAged, Filler: 0.1, Buyers: 0.1, Contradict: 0.15, Timing: sim.TimingEven,
			RoomComments: [2]int{2, 3}, Reach: 10}}}
	checkSimWorld(t, cfg, 1)
}

// subscriberCrew adds a crew of 16 accounts, a phone each, of which the
// first 12 post one line of farmLines (its own wording) and the last 4 a
// line of praiseLines that onlookers post by the dozen, every one from
// ip(i), in the rooms of m2 to m4. It returns the last 4.
func subscriberCrew(w *world, byMerchant map[string][]string, prefix string, ip func(i int) string) []string {
	oneLineEach(w, byMerchant, prefix, 12, []string{"m2", "m3", "m4"}, ip,
		func(i int) string { return fmt.Sprintf("%s-phone-%d", prefix, i) })
	var common []string
	for i := 12; i < 16; i++ {
		u := fmt.Sprintf("%s-%02d", prefix, i)
		common = append(common, u)
		w.crew[u] = true
		w.account(u, t0, 300+float64(i*29))
		at := t0.Add(time.Duration(i%3)*24*time.Hour + time.Duration(25+i*9)*time.Minute)
		w.comment(byMerchant[[]string{"m2", "m3", "m4"}[i%3]][i%3], u, ip(i), fmt.Sprintf("%s-phone-%d", prefix, i), praiseLines[[]int{1, 2, 3, 5}[i-12]], at)
	}
	return common
}

// TestSubscriberPrefixIsFarm: the crew of subscriberCrew on one IPv6 /64
// (a subscriber's prefix). The four posting a line hundreds of onlookers
// post too are found as the crew's, their unbought commercial speech
// counted as its script wherever it fell (view.farm), as for a phone
// farm. Without it they are not.
func TestSubscriberPrefixIsFarm(t *testing.T) {
	w, byMerchant := praiseWorld()
	common := subscriberCrew(w, byMerchant, "v6", func(i int) string { return fmt.Sprintf("2408:8456:3c1:7a20::%x", 0x10+i) })
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkCrew(t, acc, w.crew, 0.9)
	checkFound(t, acc, common)
}

// TestCarrierNATBesideCrewNotFarm: the same crew exits through a carrier
// NAT range (one IPv4 /24) that six viewers share, four of whom praise
// the goods once, unbought, in the lines onlookers write, two of whom
// only chat. The crew makes most of the range's accounts and is found on
// it, but an IPv4 /24 serves strangers: the viewers' praise is not the
// crew's script, the chatting viewers are not its mates, and none is
// accused. Counted as a farm, like a phone or a /64, the range accused
// the four who praise.
func TestCarrierNATBesideCrewNotFarm(t *testing.T) {
	w, byMerchant := praiseWorld()
	nat := func(i int) string { return fmt.Sprintf("117.136.5.%d", 16+i) }
	subscriberCrew(w, byMerchant, "nat", nat)
	var viewers []string
	for i := range 6 {
		u := fmt.Sprintf("nat-viewer-%d", i)
		viewers = append(viewers, u)
		w.account(u, t0, 600+float64(i*45))
		text := []string{"主播晚上好", "今天播到几点"}[i%2]
		if i < 4 {
			text = praiseLines[[]int{1, 2, 3, 5}[i]]
		}
		at := t0.Add(time.Duration(i%3)*24*time.Hour + time.Duration(33+i*7)*time.Minute)
		w.comment(byMerchant[[]string{"m2", "m3", "m4"}[i%3]][i%3], u, nat(20+i), fmt.Sprintf("nat-viewer-phone-%d", i), text, at)
	}
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkNotAccused(t, acc, viewers)
	checkCrew(t, acc, w.crew, 0.7)
}

// TestPrefixMatesOfCrew: the crew of subscriberCrew on one IPv6 /64 has
// five more accounts there that only chat. The /64 is the crew's line
// (21 accounts, 16 of them members), and so are the chatting accounts:
// members for it alone, with the reason crew_prefix, counted as prefix
// mates. A home line (another /64, four accounts, one of them praising
// once) that a member of the crew visits too adds nobody: one member of
// its five accounts does not make it the crew's. (On a carrier NAT range, an IPv4 /24, the
// viewers who only chat beside a crew are no mates:
// TestCarrierNATBesideCrewNotFarm.)
func TestPrefixMatesOfCrew(t *testing.T) {
	w, byMerchant := praiseWorld()
	prefix := func(i int) string { return fmt.Sprintf("2408:8456:3c1:7a20::%x", 0x10+i) }
	subscriberCrew(w, byMerchant, "v6", prefix)
	chat := []string{"主播晚上好", "今天播到几点", "这个颜色好看", "来了来了", "主播声音好好听"}
	for i := range 5 {
		u := fmt.Sprintf("v6-chat-%d", i)
		w.crew[u] = true
		w.account(u, t0, 500+float64(i*31))
		w.comment(byMerchant[[]string{"m2", "m3", "m4"}[i%3]][i%3], u, prefix(30+i), fmt.Sprintf("v6-chat-phone-%d", i), chat[i],
			t0.Add(time.Duration(i%3)*24*time.Hour+time.Duration(50+i*5)*time.Minute))
	}
	var home []string
	for i := range 4 {
		u := fmt.Sprintf("home-%d", i)
		home = append(home, u)
		w.account(u, t0, 800+float64(i*50))
		text := chat[i]
		if i == 0 {
			text = praiseLines[2]
		}
		w.comment(byMerchant["m3"][1], u, fmt.Sprintf("2408:8456:3c1:9b00::%x", 0x20+i), fmt.Sprintf("home-phone-%d", i), text,
			t0.Add(24*time.Hour+time.Duration(70+i*4)*time.Minute))
	}
	w.comment(byMerchant["m3"][1], "v6-00", "2408:8456:3c1:9b00::99", "v6-phone-0", chat[4], t0.Add(24*time.Hour+95*time.Minute))
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkNotAccused(t, acc, home)
	checkCrew(t, acc, w.crew, 1)
	mates := 0
	for _, ch := range chs {
		for _, m := range ch.Campaign.Members {
			isMate := slices.Contains(m.Reasons, ReasonCrewPrefix)
			if isMate != strings.HasPrefix(m.User, "v6-chat-") {
				t.Errorf("member %s: reasons %v", m.User, m.Reasons)
			}
		}
		mates = max(mates, ch.Campaign.Evidence.PrefixMates)
	}
	if mates != 5 {
		t.Errorf("prefix_mates %d, want 5", mates)
	}
}

// TestSimFamiliesNotAccused: families sharing a phone (sim's hard case,
// seed 4101, no evaluation set's) say what families say of the goods
// ("婆婆用了35天了，说划算"), in lines alike enough to cluster, and two of a
// family posting in one cluster made their phone one the group had to
// itself: 77 family accounts were accused so. A phone of a family's size
// is now no group's own by itself.
func TestSimFamiliesNotAccused(t *testing.T) {
	cfg := sim.Config{Seed: 4101, Rooms: 4, Days: 4, Duration: 30 * time.Minute,
		Hard: sim.HardCases{Families: 60, LoyalFans: 20, Reviews: true}}
	evs, crew := simWorld(t, cfg)
	checkCrew(t, accused(judgeOnGrid(New(Config{}), evs, 5*time.Minute)), crew, 0)
}

// TestFamilySizePhonesOfCrew: a crew of 20 on 5 phones, four accounts a
// phone as in a family, 3-4 lines a broadcast at 3 of 8 merchants (seed
// 4105, no evaluation set's). Where no families praise together, its merchants
// hold more phones with two praising accounts than the other merchants'
// rate allows, and the phones are the group's own: all 19 who posted are
// found (16 when phones of a family's size never count). Beside 60
// families a merchant sharing phones, no family member is accused.
func TestFamilySizePhonesOfCrew(t *testing.T) {
	crew := sim.Crew{Name: "fam", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.9, Network: sim.NetProxy, IPv6: 0.3,
		Devices: 5, Age: sim.AgeAged, Filler: 0.2, Buyers: 0.2, Contradict: 0.2, Timing: sim.TimingEven,
		RoomComments: [2]int{3, 4}, Merchants: []int{2, 3, 4}}
	for _, families := range []int{0, 60} {
		t.Run(fmt.Sprintf("families=%d", families), func(t *testing.T) {
			cfg := sim.Config{Seed: 4105, Rooms: 8, Days: 6, Duration: 30 * time.Minute,
				Hard:  sim.HardCases{LoyalFans: 30, Reviews: true, Families: families},
				Crews: []sim.Crew{crew}}
			evs, members := simWorld(t, cfg)
			minRecall := 0.95
			if families > 0 {
				minRecall = 0 // the crew may hide among families; no family may be accused
			}
			checkCrew(t, accused(judgeOnGrid(New(Config{}), evs, 5*time.Minute)), members, minRecall)
		})
	}
}

// TestFamiliesBesideWideCrew: a sparse crew of 20 new accounts on five
// phones works 16 of the 20 merchants of two platforms, beside 8 families
// a merchant (seed 4120, no evaluation set's). Measured at the four
// merchants left, the rate of praising family phones made the families'
// phones at the crew's merchants look improbable, and three at home made
// their line the group's own: 35 family accounts were accused, most
// for their phone. No family account is now a member for its phone or
// its home line. (Script webs of family talk still take in some: an open
// risk, docs/campaigns.md.)
func TestFamiliesBesideWideCrew(t *testing.T) {
	cfg := sim.Config{Seed: 4120, Rooms: 20, Days: 3, Duration: 20 * time.Minute, Platforms: []string{"taobao", "pinduoduo"},
		Hard: sim.HardCases{Families: 8},
		Crews: []sim.Crew{{Name: "wide", Accounts: 20, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.15,
			Devices: 5, Age: sim.AgeNew, Filler: 0.2, Contradict: 0.2, Timing: sim.TimingBurst, RoomComments: [2]int{3, 5}, Reach: 16}}}
	evs, crew := simWorld(t, cfg)
	if checkNoHomeInfra(t, judgeOnGrid(New(Config{}), evs, 5*time.Minute), crew) == 0 {
		t.Error("the crew was not found")
	}
}

// checkNoHomeInfra fails t for every account outside crew that a
// campaign holds for its phone or its network (a family's, in the sims
// that use it), and returns how many crew memberships the campaigns hold.
func checkNoHomeInfra(t *testing.T, chs []Change, crew map[string]bool) int {
	t.Helper()
	found := 0
	for _, ch := range chs {
		for _, m := range ch.Campaign.Members {
			if crew[m.User] {
				found++
				continue
			}
			if slices.Contains(m.Reasons, ReasonSharedDevice) || slices.Contains(m.Reasons, ReasonSharedNetwork) {
				t.Errorf("%s, no crew member, accused for its phone or home line: %v", m.User, m.Reasons)
			}
		}
	}
	return found
}
