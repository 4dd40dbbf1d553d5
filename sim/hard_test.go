package sim

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// TestHardCases checks the organic hard cases: a chant by about a
// thousand fans, thousands of times, the same fans every day; sixty and
// more users behind one NAT address; loyal fans in every broadcast of
// their merchant; reviews with numbers by earlier buyers.
func TestHardCases(t *testing.T) {
	cfg := Config{Seed: 5, Rooms: 3, Days: 3, Duration: 30 * time.Minute, Hard: AllHardCases}
	evs, labels := run(t, cfg)
	if len(labels) > 0 {
		for _, l := range labels {
			if l.Kind == LabelCrew {
				t.Fatalf("hard cases labelled as a crew: %+v", l)
			}
		}
	}
	norm, err := cfg.normalize()
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(norm)
	phrase := strings.ReplaceAll(cmtChants[hash(w.seed, saltHard, 1, 0)%uint64(len(cmtChants))], "{h}", w.slots[0].nick)

	type day = string // room id, one per slot and day
	chanters := map[day]map[string]bool{}
	chants := map[day]int{}
	byIP := map[day]map[string]map[string]bool{}
	commenters := map[day]map[string]bool{}
	var comments []*qinglang.Event
	orders := map[string][]*qinglang.Event{} // user -> orders
	for _, ev := range evs {
		switch ev.Type {
		case qinglang.Order:
			orders[ev.User] = append(orders[ev.User], ev)
		case qinglang.Comment:
			comments = append(comments, ev)
			if commenters[ev.Room] == nil {
				commenters[ev.Room] = map[string]bool{}
				byIP[ev.Room] = map[string]map[string]bool{}
				chanters[ev.Room] = map[string]bool{}
			}
			commenters[ev.Room][ev.User] = true
			if byIP[ev.Room][ev.IP] == nil {
				byIP[ev.Room][ev.IP] = map[string]bool{}
			}
			byIP[ev.Room][ev.IP][ev.User] = true
			if strings.HasPrefix(ev.Room, "r0-") && strings.HasPrefix(ev.Text, phrase) {
				chants[ev.Room]++
				chanters[ev.Room][ev.User] = true
			}
		}
	}

	var first map[string]bool
	for room, us := range chanters {
		if !strings.HasPrefix(room, "r0-") {
			continue
		}
		if len(us) < 900 || chants[room] < 2000 {
			t.Errorf("%s: %q chanted %d times by %d users, want >= 2000 by >= 900", room, phrase, chants[room], len(us))
		}
		if first == nil {
			first = us
		}
		same := 0
		for u := range us {
			if first[u] {
				same++
			}
		}
		if same < 700 {
			t.Errorf("%s: %d chanters of another day again, want the same fans", room, same)
		}
		best := 0
		for _, users := range byIP[room] {
			best = max(best, len(users))
		}
		if best < 60 {
			t.Errorf("%s: at most %d users behind one address, want >= 60", room, best)
		}
	}

	// Loyal fans: of each merchant, most of LoyalFans users greet with the
	// same words in the first minutes of every one of its broadcasts.
	starts := map[string]time.Time{}
	for _, ev := range evs {
		if ev.Type == qinglang.RoomStart {
			starts[ev.Room] = ev.TS
		}
	}
	for s := range cfg.Rooms {
		pfx := "r" + string(rune('0'+s)) + "-"
		said := map[string]map[string]map[string]bool{} // user -> text -> rooms
		for _, c := range comments {
			if strings.HasPrefix(c.Room, pfx) && c.TS.Before(starts[c.Room].Add(7*time.Minute)) {
				if said[c.User] == nil {
					said[c.User] = map[string]map[string]bool{}
				}
				if said[c.User][c.Text] == nil {
					said[c.User][c.Text] = map[string]bool{}
				}
				said[c.User][c.Text][c.Room] = true
			}
		}
		habit := 0
		for _, texts := range said {
			for _, rooms := range texts {
				if len(rooms) == cfg.Days {
					habit++
					break
				}
			}
		}
		if habit < cfg.Hard.LoyalFans*2/3 {
			t.Errorf("merchant %d: %d users greet alike at the start of all %d broadcasts, want most of %d loyal fans",
				s, habit, cfg.Days, cfg.Hard.LoyalFans)
		}
	}

	// Reviews with numbers come from buyers of an earlier day in the room.
	var pats []*regexp.Regexp
	for _, bank := range [][]string{reviewsSlim, reviewsSkin, reviewsWear, reviewsAny} {
		for _, tmpl := range bank {
			p := regexp.QuoteMeta(tmpl)
			for _, ph := range []string{"{x}", "{d}", "{k}", "{cm}", "{kg}"} {
				p = strings.ReplaceAll(p, regexp.QuoteMeta(ph), `[0-9.一二三四五六七八九十点]+`)
			}
			pats = append(pats, regexp.MustCompile("^"+p))
		}
	}
	reviews, distinct := 0, map[string]bool{}
	for _, c := range comments {
		isReview := false
		for _, p := range pats {
			if p.MatchString(c.Text) {
				isReview = true
				break
			}
		}
		if !isReview {
			continue
		}
		reviews++
		distinct[c.Text] = true
		slot := c.Room[:strings.IndexByte(c.Room, '-')+1]
		ok := false
		for _, o := range orders[c.User] {
			if strings.HasPrefix(o.Room, slot) && o.TS.Before(c.TS) && o.Room < c.Room {
				ok = true
			}
		}
		if !ok {
			t.Errorf("review %q by %s in %s without an order of an earlier day", c.Text, c.User, c.Room)
		}
	}
	if reviews < 15 || len(distinct)*10 < reviews*7 {
		t.Errorf("%d reviews with numbers, %d distinct", reviews, len(distinct))
	}
}

func TestHardCaseErrors(t *testing.T) {
	for _, h := range []HardCases{{Chant: -1}, {NAT: MaxHardNAT + 1}, {LoyalFans: -3}} {
		err := Generate(Config{Rooms: 1, Duration: time.Minute, Hard: h}, func(*qinglang.Event) error { return nil })
		if qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), "hard cases") {
			t.Errorf("%+v: got %v", h, err)
		}
	}
}
