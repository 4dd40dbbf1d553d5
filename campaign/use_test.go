package campaign

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang/sim"
)

func TestIsUse(t *testing.T) {
	for text, want := range map[string]bool{
		"吃了10天瘦了21.4斤":    true,
		"主播没骗人，叶黄素酯片真的好用": true,
		"用了一个月了，还不错":      true,
		"回购第4次了":          false,
		"不是托，真实评价":        false,
		"老顾客了，一直在这买":      false,
	} {
		if _, _, m := masked(text); isUse(m) != want {
			t.Errorf("isUse(%q) = %v, want %v", text, !want, want)
		}
	}
}

// TestBuyersTestifyingMinutesAfterOrdering: a sparse crew whose members
// mostly order in every broadcast and then, minutes later, tell how many
// jin they lost in how many days, among 70 loyal fans a merchant and
// earlier buyers' reviews. An order of the same broadcast backed such a
// testimonial, and 3 of the 12 members were found; a testimonial of use
// is backed only by an order of an earlier broadcast (useLag). The
// finding says so rather than calling them testimonials without a
// purchase: those members carry testimonial_right_after_order, the
// evidence counts them apart, and the summary tells of them.
func TestBuyersTestifyingMinutesAfterOrdering(t *testing.T) {
	cfg := sim.Config{Seed: 1601, Rooms: 5, Days: 4, Duration: 30 * time.Minute, Hard: sim.HardCases{LoyalFans: 70, Reviews: true},
		Crews: []sim.Crew{
			{Name: "fanbuyers", Accounts: 12, Scripts: sim.ScriptsParaphrase, Paraphrase: 0.6, Network: sim.NetProxy, IPv6: 0.3,
				Age: sim.AgeAged, Filler: 0.1, Buyers: 0.6, Contradict: 0.2, Timing: sim.TimingEven, RoomComments: [2]int{4, 6},
				Merchants: []int{1, 2, 3, 4}},
		}}
	chs := checkSimWorld(t, cfg, 0.95)
	if len(chs) == 0 {
		return
	}
	c := chs[len(chs)-1].Campaign
	after := 0
	for _, m := range c.Members {
		right := slices.Contains(m.Reasons, ReasonRightAfterOrder)
		if right {
			after++
		}
		if right && m.Orders == 0 {
			t.Errorf("%s: %s without an order", m.User, ReasonRightAfterOrder)
		}
	}
	e := c.Evidence
	if after == 0 || e.TestimonialsAfterOrder == 0 || e.TestimonialsAfterOrder+e.TestimonialsNoBuy > e.Members {
		t.Errorf("members right after ordering %d; evidence %d after an order, %d without, of %d", after, e.TestimonialsAfterOrder, e.TestimonialsNoBuy, e.Members)
	}
	f := c.Finding()
	if !strings.Contains(f.Summary, fmt.Sprintf("%d 个账号下单不到 12 小时即称已见效", e.TestimonialsAfterOrder)) || !strings.Contains(f.SummaryEN, "claiming results within 12 hours of ordering") {
		t.Errorf("summary: %s / %s", f.Summary, f.SummaryEN)
	}
}
