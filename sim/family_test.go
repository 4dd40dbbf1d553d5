package sim

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// TestFamilies checks the families of the hard cases: two to four
// accounts on one phone, one home address for most of their comments
// (a /64 for some homes), family talk without an order of one's own
// beside a member's orders, and nothing labelled a crew.
func TestFamilies(t *testing.T) {
	cfg := Config{Seed: 11, Rooms: 4, Days: 3, Duration: 30 * time.Minute, Hard: HardCases{Families: 20}}
	evs, labels := run(t, cfg)
	for _, l := range labels {
		if l.Kind == LabelCrew {
			t.Fatalf("families labelled as a crew: %+v", l)
		}
	}
	byDev := map[string]map[string]bool{}
	byPrefix := map[string]map[string]bool{}
	ordered := map[string]bool{}
	var talkers []string
	for _, ev := range evs {
		switch ev.Type {
		case qinglang.Order:
			ordered[ev.User] = true
		case qinglang.Comment:
			if byDev[ev.Device] == nil {
				byDev[ev.Device] = map[string]bool{}
			}
			byDev[ev.Device][ev.User] = true
			if a, err := netip.ParseAddr(ev.IP); err == nil && a.Is6() {
				p := netip.PrefixFrom(a, 64).Masked().String()
				if byPrefix[p] == nil {
					byPrefix[p] = map[string]bool{}
				}
				byPrefix[p][ev.User] = true
			}
			if isFamilyLine(ev.Text) {
				talkers = append(talkers, ev.User)
			}
		}
	}
	shared := 0
	for dev, us := range byDev {
		switch n := len(us); {
		case n > 4:
			t.Errorf("device %s used by %d accounts, a family has at most 4", dev, n)
		case n >= 2:
			shared++
		}
	}
	// 80 families, each watching 60% of 12 broadcasts: nearly all comment
	if shared < 60 {
		t.Errorf("%d phones shared by families, want >= 60 of 80", shared)
	}
	homes := 0
	for _, us := range byPrefix {
		if len(us) >= 2 {
			homes++
		}
	}
	if homes < 15 {
		t.Errorf("%d IPv6 /64s of two accounts or more, want >= 15 (four homes in ten)", homes)
	}
	unbought := 0
	for _, u := range talkers {
		if !ordered[u] {
			unbought++
		}
	}
	if len(talkers) < 100 || unbought < len(talkers)/3 {
		t.Errorf("%d family lines, %d by accounts without an order; want >= 100, a third unbought", len(talkers), unbought)
	}
	t.Logf("%d shared phones, %d home /64s, %d family lines (%d unbought)", shared, homes, len(talkers), unbought)
	// no families: the output of a run is what it was before families
	none, with := cfg, cfg
	none.Hard.Families = 0
	with.Hard.Families = 1
	if bytes.Equal(jsonl(t, none), jsonl(t, with)) {
		t.Error("one family a merchant changed nothing")
	}
	if !bytes.Equal(jsonl(t, none), jsonl(t, Config{Seed: 11, Rooms: 4, Days: 3, Duration: 30 * time.Minute})) {
		t.Error("families=0 differs from no hard cases")
	}
}

// isFamilyLine reports whether text begins as familyLine's do.
func isFamilyLine(text string) bool {
	for _, who := range familyWho {
		if rest, ok := strings.CutPrefix(text, who); ok {
			for _, did := range familyDid {
				if strings.HasPrefix(rest, did[:3]) {
					return true
				}
			}
		}
	}
	return false
}

func TestParseHardCasesFamilies(t *testing.T) {
	h, err := ParseHardCases("fans=30,families=12")
	if err != nil || h.Families != 12 || h.LoyalFans != 30 {
		t.Fatalf("got %+v, %v", h, err)
	}
	if _, err := ParseHardCases("families=201"); err == nil {
		t.Error("families=201 accepted, want the limit of 200")
	}
}

// TestFamiliesAcross checks that with FamiliesAcross a household's phone
// and home line are the same on every platform, and that without it no
// family phone shows on two platforms.
func TestFamiliesAcross(t *testing.T) {
	platforms := func(across bool) int {
		cfg := Config{Seed: 12, Rooms: 4, Days: 2, Duration: 30 * time.Minute, Platforms: []string{"douyin", "kuaishou"},
			Hard: HardCases{Families: 20, FamiliesAcross: across}}
		evs, _ := run(t, cfg)
		on := map[string]map[string]bool{} // device -> platforms
		for _, ev := range evs {
			if ev.Type == qinglang.Comment {
				if on[ev.Device] == nil {
					on[ev.Device] = map[string]bool{}
				}
				on[ev.Device][ev.Platform] = true
			}
		}
		both := 0
		for _, ps := range on {
			if len(ps) == 2 {
				both++
			}
		}
		return both
	}
	if n := platforms(false); n != 0 {
		t.Errorf("without families-across, %d phones on both platforms", n)
	}
	if n := platforms(true); n < 20 {
		t.Errorf("with families-across, %d phones on both platforms, want >= 20 of 40 households", n)
	}
	if _, err := ParseHardCases("families-across"); err == nil {
		t.Error("families-across without families accepted")
	}
	if h, err := ParseHardCases("families=5,families-across"); err != nil || !h.FamiliesAcross {
		t.Errorf("got %+v, %v", h, err)
	}
}
