package campaign

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Commercial lines of a sparse crew: each member says one or two of them,
// in different broadcasts of different merchants.
var sparseLines = []string{
	"相信主播，这个质量真的好", "还在犹豫的姐妹赶紧拍，不会后悔", "闭眼入，性价比太高了", "用了%d天了，真的有效",
	"比实体店便宜太多了，放心冲", "主播没骗人，是真的好用", "回购第%d次了，效果没得说", "良心推荐，质量真的好",
}

// sparseWorld is four merchants with three daily broadcasts each, and,
// when crew is set, a crew of 12 aged accounts each posting two
// commercial lines (and a filler line) in two broadcasts of different
// merchants.
func sparseWorld(crew bool) *world {
	w := newWorld(11)
	var rooms [][]string
	for _, m := range []string{"m1", "m2", "m3", "m4"} {
		rooms = append(rooms, w.merchantRooms(m, 3, 150, t0, false))
	}
	if !crew {
		return w
	}
	for i := range 12 {
		u := fmt.Sprintf("sp-%02d", i)
		w.crew[u] = true
		w.account(u, t0, 900+float64(i*37))
		for k := range 2 {
			m, day := (i+k)%4, (i+2*k)%3
			at := t0.Add(time.Duration(day)*24*time.Hour + time.Duration(20+w.rng.IntN(140))*time.Minute)
			t := sparseLines[(i*3+k)%len(sparseLines)]
			if strings.Contains(t, "%d") {
				t = fmt.Sprintf(t, 2+w.rng.IntN(9))
			}
			ip := fmt.Sprintf("%d.%d.%d.%d", 40+i, 10+k, w.rng.IntN(250), 1+w.rng.IntN(250))
			w.comment(rooms[m][day], u, ip, fmt.Sprintf("sp-dev-%d", i), t, at)
			if k == 0 && i%3 == 0 {
				w.comment(rooms[m][day], u, ip, fmt.Sprintf("sp-dev-%d", i), orgChat[i%len(orgChat)], at.Add(3*time.Minute))
			}
		}
	}
	return w
}

func TestSparseCrewAcrossRooms(t *testing.T) {
	w := sparseWorld(true)
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0.9)
}

func TestSparseOrganicNoCampaign(t *testing.T) {
	w := sparseWorld(false)
	if acc := accused(detectEvery(New(Config{}), w.sorted(), 5*time.Minute)); len(acc) > 0 {
		t.Errorf("falsely accused %d: %v", len(acc), head(keys(acc), 10))
	}
}

// Three strangers, each writing one similar line of praise in a room of
// their own, are no crew.
func TestThreeStrangersOneLineEach(t *testing.T) {
	w := newWorld(12)
	var rooms []string
	for _, m := range []string{"m1", "m2", "m3"} {
		rooms = append(rooms, w.merchantRooms(m, 1, 120, t0, false)...)
	}
	for i, text := range []string{"这个质量真的好，放心买", "质量真的好，放心买吧", "放心买，质量真的好"} {
		u := fmt.Sprintf("stranger-%d", i)
		w.account(u, t0, 800)
		w.comment(rooms[i], u, fmt.Sprintf("58.%d.3.4", 20+i), "sd"+u, text, t0.Add(time.Duration(30+i)*time.Minute))
	}
	if acc := accused(detectEvery(New(Config{}), w.sorted(), 5*time.Minute)); len(acc) > 0 {
		t.Errorf("falsely accused %d: %v", len(acc), head(keys(acc), 10))
	}
}

// Loyal fans follow a merchant to every broadcast, chat about all sorts
// of things and now and then praise the goods before buying: no crew.
func TestLoyalFansAcrossRoomsNoCampaign(t *testing.T) {
	w := newWorld(13)
	rooms := w.merchantRooms("m1", 4, 150, t0, false)
	for i := range 25 {
		u := fmt.Sprintf("loyal-%02d", i)
		w.account(u, t0, 600+float64(i*11))
		ip := fmt.Sprintf("101.%d.%d.9", 30+i, 7)
		for d, r := range rooms {
			start := t0.Add(time.Duration(d) * 24 * time.Hour)
			for k := range 3 {
				w.comment(r, u, ip, "ld"+u, orgChat[(i+d*5+k*7)%len(orgChat)], start.Add(time.Duration(5+k*40+i)*time.Minute))
			}
			if (i+d)%2 == 0 {
				w.comment(r, u, ip, "ld"+u, sparseLines[(i+d)%len(sparseLines)], start.Add(time.Duration(130+i)*time.Minute))
			}
		}
	}
	if acc := accused(detectEvery(New(Config{}), w.sorted(), 5*time.Minute)); len(acc) > 0 {
		t.Errorf("falsely accused %d: %v", len(acc), head(keys(acc), 10))
	}
}

// Loyal fans greet the host at the start of every broadcast, in the same
// minutes (lockstep across rooms), and praise the goods now and then, as
// onlookers do; a crew works the same broadcasts. The crew is found and
// no fan is accused: greetings in step are no crew's script nor its
// lockstep (view.commercial).
func TestGreetingFansBesideCrewNotAccused(t *testing.T) {
	w := newWorld(17)
	rooms := w.merchantRooms("m1", 4, 150, t0, false)
	greetings := []string{"燕子姐姐我来啦", "燕子姐姐晚上好呀", "又来看燕子姐姐了"}
	// onlookers praise the goods too, about 3% of the comments
	for d, r := range rooms {
		start := t0.Add(time.Duration(d) * 24 * time.Hour)
		for k := range 40 {
			u := fmt.Sprintf("on-%d", (d*40+k)%120)
			w.account(u, t0, 300+float64(k*7))
			w.comment(r, u, fmt.Sprintf("58.%d.%d.9", k, d), "od-"+u, praiseLines[w.rng.IntN(len(praiseLines))],
				start.Add(time.Duration(10+w.rng.IntN(160))*time.Minute))
		}
	}
	for i := range 30 {
		u := fmt.Sprintf("greeter-%02d", i)
		w.account(u, t0, 500+float64(i*13))
		ip := fmt.Sprintf("102.%d.%d.9", 30+i, 8)
		for d, r := range rooms {
			start := t0.Add(time.Duration(d) * 24 * time.Hour)
			w.comment(r, u, ip, "gd"+u, greetings[(i+d)%len(greetings)], start.Add(time.Duration(40+i*3)*time.Second))
			w.comment(r, u, ip, "gd"+u, orgChat[w.rng.IntN(len(orgChat))], start.Add(time.Duration(10+w.rng.IntN(160))*time.Minute))
			if w.rng.IntN(3) == 0 {
				w.comment(r, u, ip, "gd"+u, praiseLines[w.rng.IntN(len(praiseLines))], start.Add(time.Duration(10+w.rng.IntN(160))*time.Minute))
			}
		}
	}
	w.run(crew{name: "gc", size: 16, rooms: rooms, start: t0, dur: 2 * time.Hour, perRoom: [2]int{2, 3},
		newAccts: true, subnet: true, sharedDv: 4, scripts: jellyScripts, bursts: true, rate: 1})
	checkCrew(t, accused(detectEvery(New(Config{}), w.sorted(), 5*time.Minute)), w.crew, 0.9)
}
