package campaign

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// A small synthetic world to develop and test against: organic rooms with
// the hard cases (chants, 扣1 floods, lotteries, carrier NAT, loyal fans,
// buyers' reviews with numbers) and crews of several kinds. It is our
// own, independent of package sim.

var t0 = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))

// world collects events and the ground truth.
type world struct {
	rng    *rand.Rand
	events []*qinglang.Event
	crew   map[string]bool // crew accounts
	known  map[string]bool // accounts told about
	n      int
}

func newWorld(seed uint64) *world {
	return &world{rng: rand.New(rand.NewPCG(seed, 7)), crew: map[string]bool{}, known: map[string]bool{}}
}

func (w *world) add(ev *qinglang.Event) {
	w.n++
	ev.ID = "e" + strconv.Itoa(w.n)
	if ev.Platform == "" {
		ev.Platform = "default"
	}
	w.events = append(w.events, ev)
}

// sorted returns the events by time (stable: per room in order).
func (w *world) sorted() []*qinglang.Event {
	out := slices.Clone(w.events)
	slices.SortStableFunc(out, func(a, b *qinglang.Event) int { return a.TS.Compare(b.TS) })
	return out
}

// account tells about user once, created ageDays before at.
func (w *world) account(user string, at time.Time, ageDays float64) {
	if w.known[user] {
		return
	}
	w.known[user] = true
	c := at.Add(-time.Duration(ageDays * float64(24*time.Hour)))
	w.add(&qinglang.Event{Type: qinglang.Account, TS: at.Add(-time.Second), User: user, CreatedAt: &c})
}

func (w *world) comment(room, user, ip, dev, text string, at time.Time) {
	w.add(&qinglang.Event{Type: qinglang.Comment, TS: at, Room: room, User: user, IP: ip, Device: dev, Text: text})
}

func (w *world) order(room, user string, at time.Time) {
	w.add(&qinglang.Event{Type: qinglang.Order, TS: at, Room: room, User: user, Product: "p-" + room, Qty: 1, AmountFen: 5990})
}

func (w *world) say(room, text string, at time.Time) {
	w.add(&qinglang.Event{Type: qinglang.Speech, TS: at, Room: room, Speaker: "h-" + room, Text: text})
}

// Organic phrase banks (varied on purpose).
var (
	orgChat = []string{"主播好", "来了", "晚上好呀", "多少钱", "几号链接", "发什么快递", "有优惠券吗", "包邮吗",
		"什么时候发货", "主播声音真好听", "这个颜色好看", "上链接", "还有库存吗", "能便宜点吗", "今天人好多",
		"刚下班", "主播喝口水", "明天几点播", "好看", "哈哈哈", "笑死我了", "关注了", "这个适合油皮吗",
		"孕妇能用吗", "保质期多久", "有赠品吗", "第二件半价吗", "我在地铁上看", "等了好久终于开播了",
		"主播今天的衣服好看", "给我妈也买一个", "这个和上次的有什么区别", "小个子能穿吗", "退货包运费吗"}
	orgReview = []string{"买了%d盒了，吃了两周感觉还行", "上次买的%d包已经吃完了，味道不错", "第%d次回购了，家里人都爱吃",
		"收到了，和主播说的一样", "用了%d天了，还不错", "已经是第%d箱了"}
	orgChant   = []string{"冲冲冲", "主播辛苦了", "支持主播", "爱了爱了", "主播最棒", "666"}
	orgFlood   = []string{"1", "11", "111", "扣1", "1111", "想要", "要要要"}
	orgLottery = []string{"福袋来了", "我要福袋", "抽我抽我", "想要福袋"}
	orgNAT     = []string{"117.136.%d.16", "117.136.%d.17", "112.96.%d.33"}
)

// organicRoom adds one organic broadcast: viewers (the first fans of
// them come back to every room of the merchant), background chat, buyers
// and their reviews, a CTA flood, a lottery, optional chant waves.
type organicRoom struct {
	id, merchant string
	start        time.Time
	dur          time.Duration
	viewers      int     // distinct commenters
	rate         float64 // background comments per minute
	chant        bool    // chant waves of most of the audience
	fans         []string
	natShare     float64 // share of viewers behind one carrier NAT address
	region       int
}

func (w *world) organic(r organicRoom) []string {
	w.add(&qinglang.Event{Type: qinglang.RoomStart, TS: r.start, Room: r.id, Host: "h-" + r.id, Merchant: r.merchant})
	users := make([]string, r.viewers)
	ips := make([]string, r.viewers)
	devs := make([]string, r.viewers)
	for i := range users {
		if i < len(r.fans) {
			users[i] = r.fans[i]
		} else {
			users[i] = fmt.Sprintf("v%s-%d", r.id, i)
		}
		h := hashString(users[i])
		if float64(h%1000)/1000 < r.natShare {
			ips[i] = fmt.Sprintf(orgNAT[h>>20%uint64(len(orgNAT))], r.region)
		} else {
			ips[i] = fmt.Sprintf("%d.%d.%d.%d", 36+h>>8%180, h>>16%250, h>>24%250, 1+h>>32%250)
		}
		devs[i] = fmt.Sprintf("dv%x", h>>12)
		age := 400 + float64(h>>40%2500)
		if h%20 == 0 {
			age = 2 + float64(h>>40%25) // 5% new
		}
		w.account(users[i], r.start, age)
	}
	pick := func() int { x := w.rng.Float64(); return int(float64(r.viewers) * x * x) }
	var buyers []int
	end := r.start.Add(r.dur)
	// background chat and orders
	for t := r.start.Add(20 * time.Second); t.Before(end); t = t.Add(time.Duration(w.rng.ExpFloat64() * float64(time.Minute) / r.rate)) {
		i := pick()
		switch x := w.rng.Float64(); {
		case x < 0.06:
			w.order(r.id, users[i], t)
			buyers = append(buyers, i)
		case x < 0.10 && len(buyers) > 0:
			b := buyers[w.rng.IntN(len(buyers))]
			txt := orgReview[w.rng.IntN(len(orgReview))]
			if strings.Contains(txt, "%d") {
				txt = fmt.Sprintf(txt, 2+w.rng.IntN(4))
			}
			w.comment(r.id, users[b], ips[b], devs[b], txt, t)
		case x < 0.18:
			w.comment(r.id, users[i], ips[i], devs[i], orgChant[w.rng.IntN(len(orgChant))], t)
		default:
			txt := orgChat[w.rng.IntN(len(orgChat))]
			if w.rng.IntN(10) == 0 {
				txt += "！"
			}
			w.comment(r.id, users[i], ips[i], devs[i], txt, t)
		}
	}
	// a 扣1 flood after a call to action, every 20 minutes
	for t := r.start.Add(7 * time.Minute); t.Before(end); t = t.Add(20 * time.Minute) {
		w.say(r.id, "想要的家人们扣1，我看看人数", t)
		n := max(5, r.viewers/5)
		for range n {
			i := w.rng.IntN(r.viewers)
			w.comment(r.id, users[i], ips[i], devs[i], orgFlood[w.rng.IntN(len(orgFlood))], t.Add(time.Duration(w.rng.Float64()*float64(40*time.Second))))
		}
	}
	// a lottery every 30 minutes
	for t := r.start.Add(15 * time.Minute); t.Before(end); t = t.Add(30 * time.Minute) {
		phrase := orgLottery[w.rng.IntN(len(orgLottery))] + "，谢谢主播"
		w.say(r.id, "福袋走一波，评论区打'"+phrase+"'", t)
		n := max(8, r.viewers/3)
		for range n {
			i := w.rng.IntN(r.viewers)
			w.comment(r.id, users[i], ips[i], devs[i], phrase, t.Add(time.Duration(w.rng.Float64()*float64(110*time.Second))))
		}
	}
	// chant waves: most of the audience repeats one phrase, many times
	if r.chant {
		for t := r.start.Add(5 * time.Minute); t.Before(end); t = t.Add(12 * time.Minute) {
			phrase := orgChant[w.rng.IntN(len(orgChant))]
			n := r.viewers * 2
			for range n {
				i := w.rng.IntN(r.viewers)
				w.comment(r.id, users[i], ips[i], devs[i], phrase, t.Add(time.Duration(w.rng.Float64()*float64(3*time.Minute))))
			}
		}
	}
	w.add(&qinglang.Event{Type: qinglang.RoomEnd, TS: end, Room: r.id})
	return users
}

// crew describes a paid comment crew.
type crew struct {
	name     string
	size     int
	rooms    []string // rooms it works
	start    time.Time
	dur      time.Duration // how long it works each room
	perRoom  [2]int        // comments per member per room, min and max
	newAccts bool          // new accounts (else aged)
	subnet   bool          // one /24 (else a proxy pool)
	sharedDv int           // accounts per shared device (0: own devices)
	scripts  []string      // templates; %s is a number
	paraphr  bool          // paraphrase the scripts
	filler   float64       // share of filler (organic-looking) comments
	buyShare float64       // share of members placing a camouflage order
	bursts   bool          // post in bursts (else spread out)
	rate     float64       // share of rooms each member works (1: all)
}

var jellyScripts = []string{
	"吃了一个月瘦了%s斤，真的有效", "我吃了两盒瘦了%s斤，不是托", "姐妹们真的有效，我瘦了%s斤",
	"回购第%s次了，效果太好了", "吃了半个月腰围小了一圈，瘦了%s斤",
}

var paraphrases = [][]string{
	{"才吃一个月就瘦了%s斤", "吃了一个月掉了%s斤", "一个月下来瘦了%s斤", "坚持吃了一个月，瘦了%s斤呢"},
	{"真的有用，不是托", "亲测有效，不是托哦", "不是托，真的有用", "我不是托，是真的有效"},
	{"我妈吃了睡得好多了", "给我妈买的，吃了睡得香", "我妈吃了以后睡得好了"},
}

// run adds the crew's events and returns its members.
func (w *world) run(c crew) []string {
	members := make([]string, c.size)
	ips := make([]string, c.size)
	devs := make([]string, c.size)
	base := hashString(c.name)
	for i := range members {
		members[i] = fmt.Sprintf("%s-%02d", c.name, i)
		w.crew[members[i]] = true
		h := hashString(members[i])
		if c.subnet {
			ips[i] = fmt.Sprintf("61.%d.%d.%d", base>>8%250, base>>16%250, 2+i%250)
		} else {
			ips[i] = fmt.Sprintf("%d.%d.%d.%d", 36+h>>8%180, h>>16%250, h>>24%250, 1+h>>32%250)
		}
		if c.sharedDv > 0 {
			devs[i] = fmt.Sprintf("phone-%s-%d", c.name, i/c.sharedDv)
		} else {
			devs[i] = fmt.Sprintf("dv%x", h>>12)
		}
		age := 400 + float64(h>>40%1500)
		if c.newAccts {
			age = 1 + float64(h>>40%12)
		}
		w.account(members[i], c.start, age)
	}
	text := func() string {
		if c.paraphr {
			p := paraphrases[w.rng.IntN(len(paraphrases))]
			t := p[w.rng.IntN(len(p))]
			if strings.Contains(t, "%s") {
				t = fmt.Sprintf(t, strconv.Itoa(3+w.rng.IntN(30)))
			}
			return t
		}
		t := c.scripts[w.rng.IntN(len(c.scripts))]
		if strings.Contains(t, "%s") {
			v := strconv.Itoa(3 + w.rng.IntN(30))
			if w.rng.IntN(3) == 0 {
				v += "." + strconv.Itoa(w.rng.IntN(10))
			}
			t = fmt.Sprintf(t, v)
		}
		return t
	}
	for ri, room := range c.rooms {
		start := c.start.Add(time.Duration(ri) * 3 * time.Hour)
		for i, m := range members {
			if c.rate < 1 && float64(hashString(m+room)%1000)/1000 >= c.rate {
				continue
			}
			if c.buyShare > 0 && float64(hashString(m)%1000)/1000 < c.buyShare && ri == 0 {
				w.order(room, m, start.Add(time.Minute))
			}
			n := c.perRoom[0] + w.rng.IntN(c.perRoom[1]-c.perRoom[0]+1)
			for k := range n {
				var at time.Time
				if c.bursts {
					slot := k % max(1, int(c.dur/(10*time.Minute)))
					at = start.Add(time.Duration(slot)*10*time.Minute + time.Duration(w.rng.Float64()*float64(90*time.Second)))
				} else {
					at = start.Add(time.Duration(w.rng.Float64() * float64(c.dur)))
				}
				t := text()
				if w.rng.Float64() < c.filler {
					t = orgChat[w.rng.IntN(len(orgChat))]
				}
				w.comment(room, m, ips[i], devs[i], t, at)
			}
		}
	}
	return members
}

// detect runs events through a detector and judges at the end.
func detect(evs []*qinglang.Event) (*Detector, []Change) {
	d := New(Config{})
	for _, ev := range evs {
		d.Observe(ev)
	}
	return d, d.Judge(time.Time{})
}

// accused returns every member of the changes' campaigns.
func accused(chs []Change) map[string]bool {
	out := map[string]bool{}
	for _, ch := range chs {
		for _, m := range ch.Campaign.Members {
			out[m.User] = true
		}
	}
	return out
}

// prf is precision, recall and F1 of accused against the crew.
// checkCrew logs how the accused accounts fare against crew, fails on
// any innocent accused, and on recall below minRecall (0: recall is not
// checked). It returns the recall.
func checkCrew(t *testing.T, acc, crew map[string]bool, minRecall float64) float64 {
	t.Helper()
	p, r, f, fp, fn := prf(acc, crew)
	t.Logf("accused %d, crew %d: P %.3f R %.3f F1 %.3f missed %v", len(acc), len(crew), p, r, f, head(fn, 10))
	if len(fp) > 0 {
		t.Errorf("falsely accused %d: %v", len(fp), head(fp, 10))
	}
	if r < minRecall {
		t.Errorf("recall %.3f < %.1f", r, minRecall)
	}
	return r
}

func prf(acc, crew map[string]bool) (p, r, f float64, fp, fn []string) {
	tp := 0
	for u := range acc {
		if crew[u] {
			tp++
		} else {
			fp = append(fp, u)
		}
	}
	for u := range crew {
		if !acc[u] {
			fn = append(fn, u)
		}
	}
	slices.Sort(fp)
	slices.Sort(fn)
	if len(acc) > 0 {
		p = float64(tp) / float64(len(acc))
	}
	if len(crew) > 0 {
		r = float64(tp) / float64(len(crew))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}
