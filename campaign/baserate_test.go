package campaign

import (
	"fmt"
	"math"
	"testing"
	"time"
)

func TestBinomialTail(t *testing.T) {
	exact := func(k, n int, q float64) float64 {
		s := 0.0
		for i := k; i <= n; i++ {
			c := 1.0
			for j := range i {
				c = c * float64(n-j) / float64(j+1)
			}
			s += c * math.Pow(q, float64(i)) * math.Pow(1-q, float64(n-i))
		}
		return s
	}
	for _, c := range []struct {
		k, n int
		q    float64
	}{{1, 1, 0.03}, {2, 2, 0.03}, {3, 5, 0.05}, {0, 4, 0.2}, {4, 10, 0.5}, {7, 40, 0.04}} {
		if got, want := binomialTail(c.k, c.n, c.q), exact(c.k, c.n, c.q); math.Abs(got-want) > 1e-9*max(1, want) {
			t.Errorf("binomialTail(%d, %d, %g) = %g, want %g", c.k, c.n, c.q, got, want)
		}
	}
	if binomialTail(3, 2, 0.5) != 0 || binomialTail(1, 5, 0) != 0 || binomialTail(1, 5, 1) != 1 {
		t.Error("edge cases")
	}
	for _, c := range []struct {
		n int
		q float64
	}{{1, 0.03}, {20, 0.025}, {500, 0.01}, {5, 0}, {5, 1}} {
		if got, want := anyOf(c.n, c.q), binomialTail(1, c.n, c.q); math.Abs(got-want) > 1e-9*max(1, want) {
			t.Errorf("anyOf(%d, %g) = %g, want %g", c.n, c.q, got, want)
		}
	}
}

func TestNegBinomialTail(t *testing.T) {
	// no overdispersion: Poisson
	if a, b := negBinomialTail(4, 0.5, 0.5), poissonTail(4, 0.5); math.Abs(a-b) > 1e-12 {
		t.Errorf("equidispersed %g, Poisson %g", a, b)
	}
	// P(X ≥ 1) of a negative binomial is 1 - (size/(size+mean))^size
	mean, variance := 1.0, 3.0
	size := mean * mean / (variance - mean)
	if got, want := negBinomialTail(1, mean, variance), 1-math.Pow(size/(size+mean), size); math.Abs(got-want) > 1e-12 {
		t.Errorf("P(X ≥ 1) = %g, want %g", got, want)
	}
	// waves make a large count far less surprising
	if negBinomialTail(8, 1, 6) < 100*poissonTail(8, 1) {
		t.Errorf("overdispersed tail %g not much heavier than Poisson %g", negBinomialTail(8, 1, 6), poissonTail(8, 1))
	}
}

// praiseLines are what onlookers write without buying: the same few lines
// over and over, across rooms.
var praiseLines = []string{"看着质量不错", "主播推荐的东西都靠谱", "这个价格挺划算的", "闺蜜用过说好用", "性价比可以", "这个真的好用，我妈一直在用"}

// praiseWorld is four merchants with three broadcasts each and onlookers'
// praise in them: 40 unbought lines per broadcast from onlookers who come
// back now and then, and in the rooms of the first two merchants a surge
// after the price is shown, when a dozen of them praise within two
// minutes.
func praiseWorld() (*world, map[string][]string) {
	w := newWorld(23)
	n := 0
	byMerchant := make(map[string][]string)
	for _, m := range []string{"m1", "m2", "m3", "m4"} {
		byMerchant[m] = w.merchantRooms(m, 3, 300, t0, m == "m1")
		for k, room := range byMerchant[m] {
			start := t0.Add(time.Duration(k) * 24 * time.Hour) // merchantRooms: one a day from t0
			for i := range 40 {
				u := fmt.Sprintf("on-%d", n%900)
				n++
				at := start.Add(time.Duration(10+w.rng.IntN(160)) * time.Minute)
				if i < 12 && (m == "m1" || m == "m2") {
					at = start.Add(60*time.Minute + time.Duration(w.rng.IntN(110))*time.Second)
				}
				w.account(u, t0, 300+float64(n%2000))
				w.comment(room, u, fmt.Sprintf("58.%d.%d.9", n%200, n%97), "od-"+u, praiseLines[w.rng.IntN(len(praiseLines))], at)
			}
		}
	}
	return w, byMerchant
}

func TestOnlookersPraiseNoCampaign(t *testing.T) {
	w, _ := praiseWorld()
	_, chs := detect(w.sorted())
	if acc := accused(chs); len(acc) > 0 {
		t.Fatalf("%d onlookers accused: %v", len(acc), head(keys(acc), 10))
	}
}

// TestPraiseBurstsFindCrew: in the same world, a crew of 10 aged accounts
// on their own addresses bursts in four broadcasts of the two merchants
// without surges, five of them at a time within a minute, each with a
// paraphrase of one idea, one line per account per broadcast.
func TestPraiseBurstsFindCrew(t *testing.T) {
	w, byMerchant := praiseWorld()
	ideas := [][]string{
		{"犹豫的姐妹直接拍，不会后悔", "还在犹豫的直接拍，不后悔", "别犹豫了姐妹们，直接拍不后悔", "不会后悔的，犹豫的姐妹直接拍", "犹豫啥，直接拍不后悔"},
		{"比实体店便宜太多了", "讲真比实体店便宜太多", "在实体店买贵多了，这里便宜太多", "比实体店便宜好多，划算", "实体店贵多了，这里便宜太多"},
	}
	var rooms []string
	var starts []time.Time
	for _, m := range []string{"m3", "m4"} {
		for k := range 2 {
			rooms = append(rooms, byMerchant[m][k])
			starts = append(starts, t0.Add(time.Duration(k)*24*time.Hour))
		}
	}
	for i := range 10 {
		u := fmt.Sprintf("bc-%02d", i)
		w.crew[u] = true
		w.account(u, t0, 800+float64(i*41))
	}
	for ri, room := range rooms {
		at := starts[ri].Add(time.Duration(30+ri*7) * time.Minute)
		for j := range 5 {
			i := (ri*3 + j) % 10
			u := fmt.Sprintf("bc-%02d", i)
			w.comment(room, u, fmt.Sprintf("61.%d.%d.%d", 30+i, ri, 5+j), "bd-"+u, ideas[ri%2][j], at.Add(time.Duration(j*12)*time.Second))
		}
	}
	_, chs := detect(w.sorted())
	checkCrew(t, accused(chs), w.crew, 0.9)
}

// TestHeavyGivenSomePraise: the heavy-promoter test judges an account
// among those who write some unbought commercial speech. A chatty viewer
// with 4 lines of praise in 20 comments, at a platform rate of 2.5%, is
// not heavy among 30 tested (P(X ≥ 4) = 0.0014 is below 0.05/30, but
// P(X ≥ 4 | X ≥ 1) = 0.0036 is not); a member with 4 of 6 is.
func TestHeavyGivenSomePraise(t *testing.T) {
	v := &view{aPromo: []int32{4, 4, 0}, aAll: []int32{20, 6, 20}}
	const q, tested = 0.025, 30
	if p := binomialTail(4, 20, q); p >= heavyFalse/tested {
		t.Fatalf("P(X ≥ 4) = %g: the case no longer tells the conditioned test from the plain one", p)
	}
	if v.heavy(0, q, tested) {
		t.Error("4 lines of praise in 20 comments: heavy")
	}
	if !v.heavy(1, q, tested) {
		t.Error("4 lines of praise in 6 comments: not heavy")
	}
	if v.heavy(2, q, tested) {
		t.Error("no praise: heavy")
	}
}
