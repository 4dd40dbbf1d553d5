package sim

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// TestOrganicHardCases checks that a head room shows the innocent
// behaviour a fake-comment detector must not mistake for a campaign:
// chants by hundreds, floods of "1" after a call to action, lottery
// phrases typed by many at once, dozens of users behind one carrier NAT
// address, and buyers' reviews with numbers in them.
func TestOrganicHardCases(t *testing.T) {
	evs, _ := run(t, Config{Seed: 11, Rooms: 1, Duration: 2 * time.Hour})
	var comments []*qinglang.Event
	ordered := map[string]time.Time{} // user -> first order
	accounts := map[string]*qinglang.Event{}
	for _, ev := range evs {
		switch ev.Type {
		case qinglang.Comment:
			comments = append(comments, ev)
		case qinglang.Order:
			if _, ok := ordered[ev.User]; !ok {
				ordered[ev.User] = ev.TS
			}
		case qinglang.Account:
			accounts[ev.User] = ev
		}
	}

	// Chants: one text, at least 100 distinct users.
	chanters := map[string]map[string]bool{}
	for _, c := range comments {
		for _, ch := range cmtChants[:5] {
			if c.Text == ch {
				if chanters[ch] == nil {
					chanters[ch] = map[string]bool{}
				}
				chanters[ch][c.User] = true
			}
		}
	}
	best := 0
	for _, us := range chanters {
		best = max(best, len(us))
	}
	if best < 100 {
		t.Errorf("largest chant has %d distinct users, want >= 100", best)
	}

	// Floods of 1 within 45 s of a call to action.
	isFlood := map[string]bool{}
	for _, f := range cmtFlood {
		isFlood[f] = true
	}
	bestFlood, floods := 0, 0
	for _, ev := range evs {
		if ev.Type != qinglang.Speech || !(strings.Contains(ev.Text, "扣1") || strings.Contains(ev.Text, "扣个1")) {
			continue
		}
		users := map[string]bool{}
		for _, c := range comments {
			if isFlood[c.Text] && !c.TS.Before(*ev.EndTS) && c.TS.Before(ev.EndTS.Add(45*time.Second)) {
				users[c.User] = true
			}
		}
		bestFlood = max(bestFlood, len(users))
		if len(users) >= 20 {
			floods++
		}
	}
	if bestFlood < 50 || floods < 5 {
		t.Errorf("扣1 floods: best %d users, %d floods of >= 20 users", bestFlood, floods)
	}

	// Lottery: the announced phrase typed by many within two minutes.
	bestLottery := 0
	for _, ev := range evs {
		if ev.Type != qinglang.Speech {
			continue
		}
		i := strings.Index(ev.Text, "打'")
		if i < 0 {
			continue
		}
		phrase := strings.TrimSuffix(ev.Text[i+len("打'"):], "'")
		phrase = strings.TrimSuffix(phrase, "'参与抽奖")
		users := map[string]bool{}
		for _, c := range comments {
			if c.Text == phrase && c.TS.After(ev.TS) && c.TS.Before(ev.TS.Add(2*time.Minute)) {
				users[c.User] = true
			}
		}
		bestLottery = max(bestLottery, len(users))
	}
	if bestLottery < 50 {
		t.Errorf("lottery phrase typed by at most %d users within 2 min", bestLottery)
	}

	// Carrier NAT: one address, many honest users.
	byIP := map[string]map[string]bool{}
	v6 := 0
	for _, c := range comments {
		if byIP[c.IP] == nil {
			byIP[c.IP] = map[string]bool{}
		}
		byIP[c.IP][c.User] = true
		if strings.Contains(c.IP, ":") {
			v6++
		}
	}
	shared := 0
	for _, us := range byIP {
		shared = max(shared, len(us))
	}
	if shared < 20 {
		t.Errorf("most users behind one IP: %d, want >= 20", shared)
	}
	if v6 == 0 {
		t.Error("no IPv6 viewers")
	}

	// Reviews with numbers come from real buyers.
	reviews := 0
	for _, c := range comments {
		for _, r := range cmtReview {
			if strings.HasPrefix(c.Text, r) {
				reviews++
				if first, ok := ordered[c.User]; !ok || first.After(c.TS) {
					t.Fatalf("review %q by %s, who had not bought", c.Text, c.User)
				}
			}
		}
	}
	if reviews < 20 {
		t.Errorf("%d reviews, want >= 20", reviews)
	}

	// Accounts from days to years old.
	var young, old int
	start := evs[0].TS
	for _, a := range accounts {
		age := start.Sub(*a.CreatedAt)
		if age < 30*24*time.Hour {
			young++
		}
		if age > 3*365*24*time.Hour {
			old++
		}
	}
	if young == 0 || old == 0 {
		t.Errorf("account ages: %d under a month, %d over three years", young, old)
	}
	t.Logf("%d events, %d comments; chant %d users, flood %d, lottery %d, NAT %d users, %d reviews, %d IPv6 comments",
		len(evs), len(comments), best, bestFlood, bestLottery, shared, reviews, v6)
}

// TestSmallRoom checks that an ordinary room is quiet: no hundred-strong
// chants, a few comments a minute.
func TestSmallRoom(t *testing.T) {
	evs, _ := run(t, Config{Seed: 4, Rooms: 6, Duration: time.Hour})
	per := map[string]int{}
	for _, ev := range evs {
		if ev.Type == qinglang.Comment {
			per[ev.Room]++
		}
	}
	quiet := 0
	for _, n := range per {
		if n < 3000 {
			quiet++
		}
	}
	if quiet < 3 {
		t.Errorf("comments per room %v: want most rooms small", per)
	}
}
