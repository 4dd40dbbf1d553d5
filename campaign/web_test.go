package campaign

import (
	"fmt"
	"math"
	"testing"
	"time"
)

func TestKnotChance(t *testing.T) {
	for _, c := range []struct {
		n int
		q float64
	}{{2, 0.03}, {3, 0.014}, {10, 0.2}, {40, 0.5}, {5, 0}, {7, 1}, {1, 0.3}} {
		want := 0.0
		if one := binomialTail(1, c.n, c.q); one > 0 {
			want = binomialTail(2, c.n, c.q) / one
		}
		if got := knotChance(c.n, c.q); math.Abs(got-want) > 1e-9 {
			t.Errorf("knotChance(%d, %g) = %g, want %g", c.n, c.q, got, want)
		}
	}
}

// specificPraise makes onlookers' specific, unbought praise: who had
// the goods, which goods, what they think, so lines of different
// onlookers often land in one small cluster.
func specificPraise(w *world) string {
	who := []string{"我在超市买过", "朋友家里一直用", "我妈用了好多年的", "之前在别处买的", "同事推荐过", "我家也有", "邻居送过我", "以前囤过"}
	goods := []string{"这款不粘锅", "这个电动牙刷", "这个牌子的抽纸", "这款乳胶枕头", "这个榨汁机", "这款羽绒被",
		"这个保温杯", "这款洗衣液", "这个空气炸锅", "这款蚕丝面膜", "这个按摩仪", "这款儿童牙膏"}
	says := []string{"确实好用", "质量很好", "真的不错", "挺划算的", "推荐大家买", "用着放心"}
	return who[w.rng.IntN(len(who))] + goods[w.rng.IntN(len(goods))] + "，" + says[w.rng.IntN(len(says))]
}

// countVerbs counts the verbs of a format.
func countVerbs(f string) int {
	n := 0
	for i := 0; i+1 < len(f); i++ {
		if f[i] == '%' {
			n++
		}
	}
	return n
}

// specificWorld is four merchants with three broadcasts each where 400
// onlookers write 30 lines of specificPraise per broadcast: their lines
// fall into small clusters and many write two or more.
func specificWorld() (*world, map[string][]string) {
	w := newWorld(41)
	n := 0
	byMerchant := make(map[string][]string)
	for _, m := range []string{"m1", "m2", "m3", "m4"} {
		byMerchant[m] = w.merchantRooms(m, 3, 200, t0, false)
		for k, room := range byMerchant[m] {
			start := t0.Add(time.Duration(k) * 24 * time.Hour)
			for range 30 {
				u := fmt.Sprintf("sp-%d", w.rng.IntN(400))
				n++
				w.account(u, t0, 200+float64(n%900))
				w.comment(room, u, fmt.Sprintf("59.%d.%d.3", n%180, n%89), "sd-"+u, specificPraise(w),
					start.Add(time.Duration(5+w.rng.IntN(170))*time.Minute))
			}
		}
	}
	return w, byMerchant
}

// TestWebOfOnlookersProvesNothing: when onlookers' own unbought praise
// falls into small clusters and many of them praise twice or more, their
// webs have the knots the platform's rate predicts and none counts.
func TestWebOfOnlookersProvesNothing(t *testing.T) {
	w, _ := specificWorld()
	d, chs := detect(w.sorted())
	if acc := accused(chs); len(acc) > 0 {
		t.Fatalf("%d onlookers accused: %v", len(acc), head(keys(acc), 10))
	}
	v := d.newView(d.plats[0], 0, math.MaxInt64/2)
	if len(v.webScript) > 0 {
		t.Errorf("%d private scripts in webs that count, want none", len(v.webScript))
	}
}

// sparseSheet is the sparse crew's script sheet: specific testimonials,
// each in two wordings.
var sparseSheet = [][]string{
	{"吃了%d天掉了%d斤，真的有效", "才%d天就瘦了%d斤，真的有效"},
	{"用了%d天脸上的斑淡了好多", "才用%d天，脸上的斑淡了好多"},
	{"膝盖疼了%d年，贴了%d天就不疼了", "膝盖疼了%d年，贴了%d天不疼了"},
	{"孩子喝了%d个月长高了%d厘米", "孩子喝了%d个月，长高%d厘米"},
}

// sheetLine fills a line of the sheet with a and, when it has a second
// number, b.
func sheetLine(f string, a, b int) string {
	if countVerbs(f) == 1 {
		return fmt.Sprintf(f, a)
	}
	return fmt.Sprintf(f, a, b)
}

// addSparseCrew adds a crew of 14 aged accounts on addresses and phones
// of their own that posts two lines each over the first two broadcasts of
// three merchants, evenly (no bursts), paraphrasing a sheet of specific
// testimonials, and never contradicts itself.
func addSparseCrew(w *world, byMerchant map[string][]string) {
	sheet := sparseSheet
	type slot struct {
		room  string
		start time.Time
	}
	var slots []slot
	for _, m := range []string{"m1", "m2", "m3"} {
		for k := range 2 {
			slots = append(slots, slot{byMerchant[m][k], t0.Add(time.Duration(k) * 24 * time.Hour)})
		}
	}
	for i := range 14 {
		u := fmt.Sprintf("sc-%02d", i)
		w.crew[u] = true
		w.account(u, t0, 400+float64(i*37))
		for j := range 2 {
			s := slots[(i+2*j)%len(slots)]
			idea := sheet[(i+j)%len(sheet)]
			f := idea[(i/2+j)%len(idea)]
			text := sheetLine(f, 3+i%9, 2+i%7)
			at := s.start.Add(time.Duration(15+i*9+j*4) * time.Minute)
			w.comment(s.room, u, fmt.Sprintf("101.%d.%d.%d", 60+i, j, 9), "sc-dev-"+u, text, at)
		}
	}
}

// TestSparseCrewWeb: in the onlookers' world of praiseWorld, no account
// of the sparse crew is a heavy promoter and no room holds more than a
// few of them; the web of their private scripts finds them.
func TestSparseCrewWeb(t *testing.T) {
	w, byMerchant := praiseWorld()
	addSparseCrew(w, byMerchant)
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0.8)
	found := false
	for _, ch := range chs {
		if ch.Campaign.Evidence.ScriptWeb > 0 {
			found = true
		}
	}
	if !found {
		t.Error("no campaign shows members tied by the script web")
	}
}

// TestSparseCrewAmongSpecificPraise: the same crew among onlookers whose
// specific praise forms webs of its own. Most unbought lines are then in
// private scripts, two of them per account are what chance gives, and the
// crew's web proves nothing either: the web finds no one here, and above
// all accuses no one (docs/campaigns.md, limits).
func TestSparseCrewAmongSpecificPraise(t *testing.T) {
	w, byMerchant := specificWorld()
	addSparseCrew(w, byMerchant)
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0)
}

// addOneLiners adds crew accounts that post one line each in the window,
// a paraphrase of the sheet of addSparseCrew as its knots wrote it, in
// the crew's rooms on the third day.
func addOneLiners(w *world, byMerchant map[string][]string, n int) []string {
	var users []string
	for i := range n {
		u := fmt.Sprintf("sc-one-%02d", i)
		users = append(users, u)
		w.crew[u] = true
		w.account(u, t0, 500+float64(i*41))
		text := sheetLine(sparseSheet[i%len(sparseSheet)][0], 4+i%5, 3+i%4)
		m := []string{"m1", "m2", "m3"}[i%3]
		at := t0.Add(48*time.Hour + time.Duration(20+i*11)*time.Minute)
		w.comment(byMerchant[m][2], u, fmt.Sprintf("102.%d.7.9", 60+i), "sc-one-dev-"+u, text, at)
	}
	return users
}

// TestOneLineMembersBoundToWeb: crew accounts posting a single line of
// the sheet in the window land in the knots' own private scripts (bound
// scripts) and are found with the crew; an account posting one line is no
// knot and only a bound script ties it.
func TestOneLineMembersBoundToWeb(t *testing.T) {
	w, byMerchant := praiseWorld()
	addSparseCrew(w, byMerchant)
	ones := addOneLiners(w, byMerchant, 6)
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkCrew(t, acc, w.crew, 0.8)
	found := 0
	for _, u := range ones {
		if acc[u] {
			found++
		}
	}
	if found < 4 {
		t.Errorf("%d of %d one-line crew accounts found, want at least 4", found, len(ones))
	}
}

// TestOnlookersBesideOneKnotNotBound: onlookers who post one line like a
// crew's, unbought, outnumber the crew's knots in that script: it is not
// the knots' own and ties none of them.
func TestOnlookersBesideOneKnotNotBound(t *testing.T) {
	w, byMerchant := praiseWorld()
	addSparseCrew(w, byMerchant)
	var onlookers []string
	for i := range 8 {
		u := fmt.Sprintf("look-%d", i)
		onlookers = append(onlookers, u)
		w.account(u, t0, 700+float64(i*13))
		m := []string{"m1", "m2", "m3"}[i%3]
		at := t0.Add(48*time.Hour + time.Duration(30+i*7)*time.Minute)
		w.comment(byMerchant[m][2], u, fmt.Sprintf("36.%d.8.1", 40+i), "look-dev-"+u, fmt.Sprintf("孩子喝了%d个月，长高%d厘米", 2+i%3, 3+i%2), at)
		w.comment(byMerchant[m][2], u, fmt.Sprintf("36.%d.8.1", 40+i), "look-dev-"+u, "主播今天穿的真好看", at.Add(3*time.Minute))
		w.comment(byMerchant[m][2], u, fmt.Sprintf("36.%d.8.1", 40+i), "look-dev-"+u, "明天几点开播呀", at.Add(9*time.Minute))
	}
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkNotAccused(t, acc, onlookers)
	checkCrew(t, acc, w.crew, 0.8)
}

// checkNotAccused fails for each of onlookers that acc accuses.
func checkNotAccused(t *testing.T, acc map[string]bool, onlookers []string) {
	t.Helper()
	for _, u := range onlookers {
		if acc[u] {
			t.Errorf("onlooker %s accused", u)
		}
	}
}

// busyPraiseWorld is praiseWorld with two more merchants, m5 and m6, in
// busier rooms: 150 lines of onlookers' praise per broadcast. The sparse
// crew of addSparseCrew works the quieter m1 to m3.
func busyPraiseWorld() (*world, map[string][]string) {
	w, byMerchant := praiseWorld()
	n := 0
	for _, m := range []string{"m5", "m6"} {
		byMerchant[m] = w.merchantRooms(m, 3, 300, t0, false)
		for k, room := range byMerchant[m] {
			start := t0.Add(time.Duration(k) * 24 * time.Hour)
			for range 150 {
				u := fmt.Sprintf("busy-%d", n%1500)
				n++
				w.account(u, t0, 300+float64(n%2000))
				w.comment(room, u, fmt.Sprintf("57.%d.%d.9", n%200, n%97), "bd-"+u, praiseLines[w.rng.IntN(len(praiseLines))],
					start.Add(time.Duration(10+w.rng.IntN(160))*time.Minute))
			}
		}
	}
	return w, byMerchant
}

// pairLines are specific lines, each in two wordings, that two accounts
// post once each: none is a line of sparseSheet.
var pairLines = [][2]string{
	{"痘痘都消了，真的好用", "痘痘全消了，真的好用啊"},
	{"主播没骗人，补水面膜真的好用", "补水面膜真的好用，主播没骗人"},
	{"犹豫的姐妹直接拍，不后悔", "不后悔，犹豫的姐妹直接拍"},
	{"在别家买贵了好多，后悔死了", "说实话在别家买贵了好多，后悔"},
	{"黑眼圈淡了好多，熬夜党必备", "熬夜党必备，黑眼圈淡了好多"},
}

// addPairs adds len(pairLines) pairs of accounts named prefix-i-j, each
// posting one line of its pair, unbought, in the rooms of merchants on
// the second and third days.
func addPairs(w *world, byMerchant map[string][]string, prefix string, merchants []string, crew bool) []string {
	var users []string
	for i, p := range pairLines {
		for j := range 2 {
			u := fmt.Sprintf("%s-%d-%d", prefix, i, j)
			users = append(users, u)
			if crew {
				w.crew[u] = true
			}
			w.account(u, t0, 450+float64(i*31+j*7))
			m := merchants[(i+j)%len(merchants)]
			at := t0.Add(time.Duration(24*(1+j))*time.Hour + time.Duration(25+i*13)*time.Minute)
			w.comment(byMerchant[m][1+j], u, fmt.Sprintf("103.%d.%d.%d", 10+i, j, len(prefix)), "dev-"+u, p[j], at)
			w.comment(byMerchant[m][1+j], u, fmt.Sprintf("103.%d.%d.%d", 10+i, j, len(prefix)), "dev-"+u, "主播晚上好", at.Add(-6*time.Minute))
		}
	}
	return users
}

// TestSheetPairsOfCrewMerchants: five pairs of a sparse crew's accounts
// each post one line of the crew's sheet, once, in the rooms of the
// merchants the crew's web works, and nothing like it is seen at the
// other merchants: the pairs' private scripts are the web's sheet and all
// ten accounts are found. Without sheetScripts none is (each is a knot of
// nothing and its script apart from the web).
func TestSheetPairsOfCrewMerchants(t *testing.T) {
	w, byMerchant := busyPraiseWorld()
	addSparseCrew(w, byMerchant)
	pairs := addPairs(w, byMerchant, "pair", []string{"m1", "m2", "m3"}, true)
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkCrew(t, acc, w.crew, 0.8)
	checkFound(t, acc, pairs)
}

// checkFound fails for each of crew that acc does not accuse.
func checkFound(t *testing.T, acc map[string]bool, crew []string) {
	t.Helper()
	for _, u := range crew {
		if !acc[u] {
			t.Errorf("crew account %s not found", u)
		}
	}
}

// TestOnlookerPairsEverywhereNoSheet: when onlookers' pairs of like lines
// are as common at the other merchants as at the crew's, the pairs at the
// crew's merchants are what chance gives there: none of their accounts is
// accused, and the crew is still found.
func TestOnlookerPairsEverywhereNoSheet(t *testing.T) {
	w, byMerchant := busyPraiseWorld()
	addSparseCrew(w, byMerchant)
	here := addPairs(w, byMerchant, "look", []string{"m1", "m2", "m3"}, false)
	// the same lines elsewhere would join the clusters above: other pairs
	for i, p := range [][2]string{
		{"这款乳胶枕头睡着颈椎舒服多了，真的好用", "睡这款乳胶枕头颈椎舒服多了，真的好用"},
		{"空气炸锅做鸡翅太香了，推荐买", "用这个空气炸锅做鸡翅，太香了，推荐买"},
		{"儿童牙膏孩子终于肯刷牙了，真的好用", "孩子终于肯刷牙了，儿童牙膏真的好用"},
		{"保温杯泡茶一天都是热的，质量真好", "泡茶一天都是热的，保温杯质量真好"},
		{"羽绒被盖着一点不压身，值得买", "盖着一点不压身，这羽绒被值得买"},
		{"洗衣液洗完衣服香香的，真的好用", "洗完衣服香香的，这个洗衣液真的好用"},
		{"按摩仪用完肩膀松快多了，推荐买", "用了按摩仪，肩膀松快多了，推荐买"},
		{"榨汁机声音小还好洗，质量真好", "声音小还好洗，这个榨汁机质量真好"},
	} {
		for j := range 2 {
			u := fmt.Sprintf("far-%d-%d", i, j)
			w.account(u, t0, 380+float64(i*17+j))
			m := []string{"m4", "m5", "m6"}[(i+j)%3]
			w.comment(byMerchant[m][j], u, fmt.Sprintf("104.%d.%d.1", 10+i, j), "dev-"+u, p[j],
				t0.Add(time.Duration(24*j)*time.Hour+time.Duration(40+i*9)*time.Minute))
		}
	}
	_, chs := detect(w.sorted())
	acc := accused(chs)
	checkNotAccused(t, acc, here)
	checkCrew(t, acc, w.crew, 0.8)
}
