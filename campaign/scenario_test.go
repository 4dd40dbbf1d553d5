package campaign

import (
	"fmt"
	"testing"
	"time"
)

// scenario builds one synthetic world.
type scenario struct {
	name   string
	attack bool
	build  func(w *world)
}

// merchantRooms adds n organic rooms of one merchant, a day apart, with
// the same loyal fans.
func (w *world) merchantRooms(merchant string, n int, viewers int, start time.Time, chant bool) []string {
	fans := make([]string, viewers*6/10)
	for i := range fans {
		fans[i] = fmt.Sprintf("fan-%s-%d", merchant, i)
	}
	var rooms []string
	for k := range n {
		id := fmt.Sprintf("%s-r%d", merchant, k)
		rooms = append(rooms, id)
		w.organic(organicRoom{id: id, merchant: merchant, start: start.Add(time.Duration(k) * 24 * time.Hour),
			dur: 3 * time.Hour, viewers: viewers, rate: float64(viewers) / 40, chant: chant, fans: fans,
			natShare: 0.35, region: k % 31})
	}
	return rooms
}

var scenarios = []scenario{
	{name: "organic/chanting-room", build: func(w *world) {
		w.organic(organicRoom{id: "big", merchant: "m1", start: t0, dur: 2 * time.Hour, viewers: 900, rate: 30, chant: true, natShare: 0.35, region: 3})
	}},
	{name: "organic/loyal-fans", build: func(w *world) {
		w.merchantRooms("m1", 4, 300, t0, false)
		w.merchantRooms("m2", 3, 200, t0, true)
	}},
	{name: "organic/nat", build: func(w *world) {
		w.organic(organicRoom{id: "nat", merchant: "m1", start: t0, dur: 2 * time.Hour, viewers: 150, rate: 8, natShare: 0.9, region: 5})
	}},
	{name: "attack/jelly", attack: true, build: func(w *world) {
		w.organic(organicRoom{id: "jelly", merchant: "m1", start: t0, dur: 12 * time.Hour, viewers: 80, rate: 0.6, natShare: 0.35, region: 1})
		w.run(crew{name: "jc", size: 40, rooms: []string{"jelly"}, start: t0.Add(5 * time.Minute), dur: 12 * time.Hour,
			perRoom: [2]int{20, 30}, newAccts: true, subnet: true, scripts: jellyScripts, bursts: true, rate: 1})
	}},
	{name: "attack/paraphrase-chant", attack: true, build: func(w *world) {
		w.organic(organicRoom{id: "big", merchant: "m1", start: t0, dur: 3 * time.Hour, viewers: 900, rate: 30, chant: true, natShare: 0.35, region: 3})
		w.run(crew{name: "pc", size: 30, rooms: []string{"big"}, start: t0.Add(5 * time.Minute), dur: 170 * time.Minute,
			perRoom: [2]int{6, 12}, paraphr: true, bursts: true, rate: 1})
	}},
	{name: "attack/camouflage", attack: true, build: func(w *world) {
		rooms := w.merchantRooms("m1", 4, 200, t0, false)
		w.run(crew{name: "cc", size: 25, rooms: rooms, start: t0.Add(10 * time.Minute), dur: 150 * time.Minute,
			perRoom: [2]int{5, 10}, scripts: jellyScripts, filler: 0.4, buyShare: 0.5, bursts: true, rate: 1})
	}},
	{name: "attack/low-rate", attack: true, build: func(w *world) {
		var rooms []string
		for _, m := range []string{"m1", "m2", "m3"} {
			rooms = append(rooms, w.merchantRooms(m, 4, 150, t0, false)...)
		}
		w.run(crew{name: "lr", size: 30, rooms: rooms, start: t0.Add(10 * time.Minute), dur: 150 * time.Minute,
			perRoom: [2]int{4, 7}, scripts: jellyScripts, rate: 0.6})
	}},
}

func TestScenarios(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			w := newWorld(1)
			sc.build(w)
			evs := w.sorted()
			_, chs := detect(evs)
			acc := accused(chs)
			p, r, f, fp, fn := prf(acc, w.crew)
			t.Logf("%d events, %d campaigns, accused %d, crew %d: P %.3f R %.3f F1 %.3f", len(evs), len(chs), len(acc), len(w.crew), p, r, f)
			if len(fp) > 0 {
				t.Logf("false positives: %v", head(fp, 10))
			}
			if len(fn) > 0 {
				t.Logf("missed: %v", head(fn, 10))
			}
			if sc.attack && f < 0.95 {
				t.Errorf("F1 %.3f < 0.95", f)
			}
			if !sc.attack && len(acc) > 0 {
				t.Errorf("%d falsely accused", len(acc))
			}
		})
	}
}

func head(s []string, n int) []string { return s[:min(n, len(s))] }
