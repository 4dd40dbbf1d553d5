package campaign

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
)

// benchGen streams a large synthetic platform: many rooms and accounts,
// organic chatter with a long tail of unique texts, chants, floods after
// calls to action, orders, and a few crews. One Event is reused: the
// detector keeps no pointer into it.
type benchGen struct {
	rng      *rand.Rand
	rooms    int
	accounts int
	crews    int
	ev       qinglang.Event
	start    time.Time
}

var benchWords = []rune("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感")

// text returns an organic comment: a bank phrase, sometimes decorated,
// or a unique random one (the long tail of real rooms).
func (g *benchGen) text() string {
	switch x := g.rng.Float64(); {
	case x < 0.45:
		return orgChat[g.rng.IntN(len(orgChat))]
	case x < 0.55:
		return orgChant[g.rng.IntN(len(orgChant))]
	case x < 0.62:
		return orgFlood[g.rng.IntN(len(orgFlood))]
	case x < 0.70:
		return orgChat[g.rng.IntN(len(orgChat))] + "，" + orgChat[g.rng.IntN(len(orgChat))]
	default:
		n := 4 + g.rng.IntN(10)
		b := make([]rune, n)
		for i := range b {
			b[i] = benchWords[g.rng.IntN(len(benchWords))]
		}
		return string(b)
	}
}

// stream emits n comments (plus orders, accounts, calls and room starts
// around them) over a week, in time order.
func (g *benchGen) stream(n int, emit func(*qinglang.Event)) {
	span := 7 * 24 * time.Hour
	step := span / time.Duration(n)
	ev := &g.ev
	crewSize := 40
	for i := range n {
		at := g.start.Add(time.Duration(i) * step)
		// a viewer watches a few rooms of its own
		u := g.rng.IntN(g.accounts)
		room := (u*7 + g.rng.IntN(3)) % g.rooms
		*ev = qinglang.Event{Type: qinglang.Comment, TS: at, Platform: "default", Room: "r" + strconv.Itoa(room), ID: "c" + strconv.Itoa(i)}
		if i%997 == 0 {
			ev.Type, ev.Text, ev.Speaker = qinglang.Speech, "想要的家人们扣1", "h"
			emit(ev)
			ev.Type, ev.Speaker = qinglang.Comment, ""
		}
		if c := room % 97; c < g.crews && g.rng.IntN(4) == 0 {
			// a crew works this room: its members post its scripts
			m := g.rng.IntN(crewSize)
			ev.User = fmt.Sprintf("crew%d-%d", c, m)
			ev.IP = fmt.Sprintf("61.%d.7.%d", c, m)
			ev.Device = fmt.Sprintf("ph%d-%d", c, m%4)
			ev.Text = fmt.Sprintf(jellyScripts[g.rng.IntN(len(jellyScripts))], strconv.Itoa(3+g.rng.IntN(30)))
			emit(ev)
			continue
		}
		ev.User = "u" + strconv.Itoa(u)
		h := uint64(u) * 0x9e3779b97f4a7c15
		if h%3 == 0 {
			ev.IP = "117.136." + strconv.Itoa(room%31) + ".16"
		} else {
			ev.IP = strconv.Itoa(36+int(h>>8%180)) + "." + strconv.Itoa(int(h>>16%250)) + "." + strconv.Itoa(int(h>>24%250)) + ".9"
		}
		ev.Device = "dv" + strconv.FormatUint(h>>20, 36)
		if g.rng.IntN(40) == 0 {
			ev.Type, ev.Product, ev.Qty, ev.AmountFen = qinglang.Order, "p", 1, 990
			emit(ev)
			continue
		}
		ev.Text = g.text()
		emit(ev)
	}
}

// BenchmarkObserveComment measures the streaming layer per comment:
// normalise, mask, shingle, MinHash, LSH, account and room updates, log.
func BenchmarkObserveComment(b *testing.B) {
	const n = 1 << 20
	type compact struct {
		typ                              qinglang.EventType
		ts                               time.Time
		id, room, user, ip, device, text string
	}
	evs := make([]compact, 0, n)
	g := &benchGen{rng: rand.New(rand.NewPCG(1, 2)), rooms: 2000, accounts: 300_000, crews: 3, start: t0}
	g.stream(n, func(ev *qinglang.Event) {
		evs = append(evs, compact{ev.Type, ev.TS, ev.ID, ev.Room, ev.User, ev.IP, ev.Device, ev.Text})
	})
	var ev qinglang.Event
	b.ReportAllocs()
	b.ResetTimer()
	d := New(Config{})
	for i := range b.N {
		if i%len(evs) == 0 && i > 0 {
			b.StopTimer()
			d = New(Config{})
			runtime.GC()
			b.StartTimer()
		}
		c := &evs[i%len(evs)]
		ev = qinglang.Event{Type: c.typ, TS: c.ts, ID: c.id, Platform: "default", Room: c.room, User: c.user, IP: c.ip, Device: c.device, Text: c.text, Qty: 1}
		d.Observe(&ev)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "µs/comment")
}

// BenchmarkNormalizeOnly is the share of the per-comment cost spent in
// package textnorm.
func BenchmarkNormalizeOnly(b *testing.B) {
	g := &benchGen{rng: rand.New(rand.NewPCG(1, 2))}
	texts := make([]string, 4096)
	for i := range texts {
		texts[i] = g.text()
	}
	var nz textnorm.Normalizer
	b.ResetTimer()
	for i := range b.N {
		nz.Normalize(texts[i%len(texts)])
	}
}

// benchWindow builds a detector holding n comments of one week.
func benchWindow(n int) *Detector {
	d := New(Config{})
	g := &benchGen{rng: rand.New(rand.NewPCG(3, 4)), rooms: max(200, n/2000), accounts: max(10_000, n/8), crews: 4, start: t0}
	g.stream(n, d.Observe)
	return d
}

// benchN is the window of the batch benchmarks: CAMPAIGN_BENCH_N comment
// events, default 1,000,000.
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("CAMPAIGN_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkJudge measures the cross-room stage over a window holding
// CAMPAIGN_BENCH_N comment events (default 1,000,000).
func BenchmarkJudge(b *testing.B) {
	n := benchN()
	d := benchWindow(n)
	b.Logf("window: %d actions, %d accounts, %d rooms, %d scripts", len(d.log), d.liveAccts, d.liveRooms, d.scripts.live)
	b.ResetTimer()
	var chs []Change
	for range b.N {
		d.camps = newCampaignSet() // judge afresh each time
		chs = d.Judge(time.Time{})
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/judge")
	b.ReportMetric(float64(n), "comments")
	acc, crew := accused(chs), 0
	for u := range acc {
		if strings.HasPrefix(u, "crew") {
			crew++
		}
	}
	b.Logf("%d campaigns, %d accounts accused, %d of them crew members", len(chs), len(acc), crew)
}
