package sim

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// TestNoCrewsNoChange holds runs without crews or hard cases to the bytes
// of the organic model (crews and hard cases must not change them; the
// hashes last changed on purpose when onlookers' unbought praise joined
// the background comments). The capped run has the same lines as
// then, in ts order: it used to go back in time where an action emitted
// nothing (an order under the cap).
func TestNoCrewsNoChange(t *testing.T) {
	for _, c := range []struct {
		cfg  Config
		n    int64
		want string
	}{
		{small, 79634, "5a6fc304247d432c7864962729cb7edf5cbf23a89b9f8a72e01b7917f1fffa1c"},
		{Config{Seed: 11, Rooms: 1, Duration: 2 * time.Hour}, 81458, "5d18b317167dde5d5249e112ce55be7b5dde746c2242c0d246fa5a61e84bf109"},
		{Config{Seed: 3, Rooms: 3, Duration: time.Hour, EventsPerRoom: 150}, 450, "f13562ff62c1c7f31c9e12d64cbea23e1a81bbc6da1b8e1bc1986870538ae303"},
	} {
		h := sha256.New()
		n, err := WriteJSONL(h, c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); n != c.n || got != c.want {
			t.Errorf("seed %d: %d events, sha256 %s; want %d, %s", c.cfg.Seed, n, got, c.n, c.want)
		}
	}
}

// crewCfg is a run with a naive crew in the quietest room and a
// camouflaged one in the head room.
var crewCfg = Config{Seed: 3, Rooms: 6, Duration: 40 * time.Minute, Crews: []Crew{
	{Name: "jelly", Accounts: 36, Devices: 4, Share: 0.7, Contradict: 0.2},
	{Name: "proxy", Accounts: 40, Scripts: ScriptsParaphrase, Paraphrase: 0.8, Network: NetProxy, IPv6: 0.25,
		Age: AgeAged, Timing: TimingEven, PerAccount: 3, Filler: 0.3, Buyers: 0.5, Merchants: []int{0}},
}}

// crewEvents splits a run's events into each crew's (by label) and the
// rest, and checks that every event of a crew account is labelled and
// every label names an event of its account.
func crewEvents(t *testing.T, cfg Config) (evs []*qinglang.Event, byCrew map[string][]*qinglang.Event, labels map[string]Label) {
	t.Helper()
	evs, ls := run(t, cfg)
	labels = map[string]Label{}
	members := map[string]string{} // user -> crew
	for _, l := range ls {
		if l.Kind != LabelCrew {
			continue
		}
		if !l.Fake || l.User == "" || l.Crew == "" || (l.Role != RoleScript && l.Role != RoleFiller && l.Role != RoleOrder) {
			t.Fatalf("bad crew label %+v", l)
		}
		labels[l.EventID] = l
		members[l.User] = l.Crew
	}
	byCrew = map[string][]*qinglang.Event{}
	seen := 0
	for _, ev := range evs {
		crew, ok := members[ev.User]
		if !ok || ev.Type == qinglang.Account {
			continue
		}
		l, ok := labels[ev.ID]
		if !ok {
			t.Fatalf("crew account %s: event %s (%s) not labelled", ev.User, ev.ID, ev.Type)
		}
		if l.User != ev.User || l.Room != ev.Room || !l.TS.Equal(ev.TS) || l.Crew != crew ||
			(l.Role == RoleOrder) != (ev.Type == qinglang.Order) {
			t.Fatalf("label %+v does not match event %+v", l, ev)
		}
		byCrew[crew] = append(byCrew[crew], ev)
		seen++
	}
	if seen != len(labels) {
		t.Fatalf("%d crew labels, %d labelled events", len(labels), seen)
	}
	return evs, byCrew, labels
}

func TestCrewDeterministicAndWellFormed(t *testing.T) {
	a, b := jsonl(t, crewCfg), jsonl(t, crewCfg)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of one config with crews differ")
	}
	other := crewCfg
	other.Seed = 4
	if bytes.Equal(a, jsonl(t, other)) {
		t.Fatal("different seeds give the same output")
	}
	cfg := crewCfg
	cfg.Days, cfg.Duration, cfg.Platforms, cfg.Hard = 2, 15*time.Minute, []string{"douyin", "kuaishou"}, AllHardCases
	wellFormed(t, cfg)
}

// TestCrewsLeaveOrganicAlone checks that the organic events of a run with
// crews are those of the run without, draw for draw (ids aside).
func TestCrewsLeaveOrganicAlone(t *testing.T) {
	type key struct {
		typ       qinglang.EventType
		ts        int64
		room      string
		user      string
		text      string
		product   string
		amount    int64
		ip, devic string
	}
	keys := func(cfg Config) []key {
		evs, byCrew, _ := crewEvents(t, cfg)
		crew := map[string]bool{}
		for _, es := range byCrew {
			for _, ev := range es {
				crew[ev.User] = true
			}
		}
		var ks []key
		for _, ev := range evs {
			if !crew[ev.User] {
				ks = append(ks, key{ev.Type, ev.TS.UnixMilli(), ev.Room, ev.User, ev.Text, ev.Product, ev.AmountFen, ev.IP, ev.Device})
			}
		}
		return ks
	}
	plain := crewCfg
	plain.Crews = nil
	want, got := keys(plain), keys(crewCfg)
	if len(want) != len(got) {
		t.Fatalf("%d organic events with crews, %d without", len(got), len(want))
	}
	for i := range want {
		if want[i] != got[i] {
			t.Fatalf("organic event %d differs: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestCrewShareAndScripts(t *testing.T) {
	evs, byCrew, labels := crewEvents(t, crewCfg)
	jelly, proxy := byCrew["jelly"], byCrew["proxy"]
	if len(jelly) == 0 || len(proxy) == 0 {
		t.Fatalf("crew events: jelly %d, proxy %d", len(jelly), len(proxy))
	}
	room := jelly[0].Room
	var crewN, all int
	for _, ev := range evs {
		if ev.Type == qinglang.Comment && ev.Room == room {
			all++
			if l, ok := labels[ev.ID]; ok && l.Crew == "jelly" {
				crewN++
			}
		}
	}
	if share := float64(crewN) / float64(all); share < 0.62 || share > 0.78 {
		t.Errorf("jelly crew: %d of %d comments in %s (%.2f), want about 0.7", crewN, all, room, share)
	}
	// Identical scripts: a handful of texts, each posted by many accounts.
	texts := map[string]map[string]bool{}
	for _, ev := range jelly {
		if texts[ev.Text] == nil {
			texts[ev.Text] = map[string]bool{}
		}
		texts[ev.Text][ev.User] = true
	}
	if len(texts) > 12 {
		t.Errorf("identical scripts: %d distinct texts", len(texts))
	}
	for tx, us := range texts {
		if len(us) < 5 {
			t.Errorf("identical script %q posted by only %d accounts", tx, len(us))
		}
	}
	// Paraphrases: mostly distinct, and not one character apart.
	var scripts []string
	for _, ev := range proxy {
		if l := labels[ev.ID]; l.Role == RoleScript {
			scripts = append(scripts, ev.Text)
		}
	}
	distinct := map[string]bool{}
	for _, s := range scripts {
		distinct[s] = true
	}
	if r := float64(len(distinct)) / float64(len(scripts)); r < 0.5 {
		t.Errorf("paraphrases: %d distinct of %d scripts", len(distinct), len(scripts))
	}
	var uniq []string
	for s := range distinct {
		uniq = append(uniq, s)
	}
	near := 0
	for i, a := range uniq {
		best := 1 << 30
		for j, b := range uniq {
			if i != j {
				best = min(best, editDistance(a, b))
			}
		}
		if best <= 1 {
			near++
		}
	}
	if near*4 > len(uniq) {
		t.Errorf("paraphrases: %d of %d texts are one character from another", near, len(uniq))
	}
}

// editDistance is the Levenshtein distance of a and b in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range x {
		cur := make([]int, len(y)+1)
		cur[0] = i + 1
		for j := range y {
			cost := 1
			if x[i] == y[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j]+cost, prev[j+1]+1, cur[j]+1)
		}
		prev = cur
	}
	return prev[len(y)]
}

func TestCrewNetworksDevicesAges(t *testing.T) {
	evs, byCrew, _ := crewEvents(t, crewCfg)
	accounts := map[string]*qinglang.Event{}
	organicNets := map[string]bool{}
	crewUser := map[string]bool{}
	for _, es := range byCrew {
		for _, ev := range es {
			crewUser[ev.User] = true
		}
	}
	for _, ev := range evs {
		if ev.Type == qinglang.Account {
			accounts[ev.User] = ev
		}
		if ev.Type == qinglang.Comment && !crewUser[ev.User] {
			organicNets[network(ev.IP)] = true
		}
	}
	check := func(crew string) (nets4, nets6, devices, users map[string]bool) {
		nets4, nets6, devices, users = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, ev := range byCrew[crew] {
			users[ev.User] = true
			if ev.Type != qinglang.Comment {
				continue
			}
			devices[ev.Device] = true
			if strings.Contains(ev.IP, ":") {
				nets6[network(ev.IP)] = true
			} else {
				nets4[network(ev.IP)] = true
			}
		}
		return
	}
	n4, n6, dev, users := check("jelly")
	if len(n4) != 1 || len(n6) > 1 || len(dev) != 4 {
		t.Errorf("jelly crew: %d /24s, %d /64s, %d devices; want one subnet and 4 shared phones", len(n4), len(n6), len(dev))
	}
	start := evs[0].TS
	for u := range users {
		a := accounts[u]
		if age := start.Sub(*a.CreatedAt); age > 30*24*time.Hour || *a.Followers >= 30 {
			t.Errorf("new account %s: age %v, %d followers", u, age, *a.Followers)
		}
	}
	n4, n6, dev, users = check("proxy")
	var shared, comments int
	for _, ev := range byCrew["proxy"] {
		if ev.Type == qinglang.Comment {
			comments++
			if organicNets[network(ev.IP)] {
				shared++
			}
		}
	}
	if len(n4) < 40 || len(n6) < 10 || shared*5 < comments {
		t.Errorf("proxy crew: %d /24s, %d /64s; %d of %d comments from networks organic viewers use", len(n4), len(n6), shared, comments)
	}
	if len(dev) != len(users) {
		t.Errorf("proxy crew: %d devices for %d accounts, want one each", len(dev), len(users))
	}
	for u := range users {
		if age := start.Sub(*accounts[u].CreatedAt); age < 2*365*24*time.Hour {
			t.Errorf("aged account %s is %v old", u, age)
		}
	}
}

// network returns the /24 of an IPv4 address or the /64 of an IPv6 one.
func network(ip string) string {
	a := netip.MustParseAddr(ip)
	bits := 24
	if a.Is6() {
		bits = 64
	}
	return netip.PrefixFrom(a, bits).Masked().String()
}

func TestCamouflageFillerAndPurchases(t *testing.T) {
	_, byCrew, labels := crewEvents(t, crewCfg)
	organic := map[string]bool{}
	for _, pool := range [][]string{cmtGreeting, cmtAsk, cmtReaction, cmtProduct, cmtChat, cmtChants} {
		for _, s := range pool {
			organic[s] = true
		}
	}
	var filler, orders int
	buyers := map[string]bool{}
	for _, ev := range byCrew["proxy"] {
		switch labels[ev.ID].Role {
		case RoleFiller:
			filler++
		case RoleOrder:
			orders++
			buyers[ev.User] = true
			if ev.Qty != 1 || ev.AmountFen <= 0 || ev.Product == "" {
				t.Errorf("bad camouflage order %+v", ev)
			}
		}
	}
	if filler < 10 || orders < 5 {
		t.Errorf("proxy crew: %d filler comments, %d orders", filler, orders)
	}
	if len(buyers) > 30 {
		t.Errorf("%d of 40 members bought; want about half", len(buyers))
	}
}

func TestLowRateCrew(t *testing.T) {
	c, _ := CrewPreset("lowrate")
	cfg := Config{Seed: 8, Rooms: 5, Days: 4, Duration: 20 * time.Minute, Crews: []Crew{c}}
	_, byCrew, labels := crewEvents(t, cfg)
	per := map[string]int{}
	for _, ev := range byCrew["lowrate"] {
		if labels[ev.ID].Role != RoleOrder {
			per[ev.Room]++
		}
	}
	if len(per) != 12 {
		t.Errorf("low-rate crew in %d rooms, want 12 (3 merchants x 4 days)", len(per))
	}
	merchants := map[string]bool{}
	for room, n := range per {
		merchants[room[:strings.IndexByte(room, '-')]] = true
		if n < 4 || n > 7 {
			t.Errorf("room %s: %d crew comments, want 4..7", room, n)
		}
	}
	if len(merchants) != 3 {
		t.Errorf("merchants %v, want 3", merchants)
	}
}

// TestCrewContradicts checks that contradicting members of an identical
// crew on weight-loss goods claim both 35 and 16.6 jin, and others don't.
func TestCrewContradicts(t *testing.T) {
	slim := -1
	base, err := Config{Seed: 3, Rooms: 8}.normalize()
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(base)
	for i := 1; i < len(w.slots) && slim < 0; i++ {
		if bankFor(catalog[w.slots[i].products[0].cat].cat) == bankSlim {
			slim = i
		}
	}
	if slim < 0 {
		t.Skip("no weight-loss room in this world")
	}
	for _, share := range []float64{0, 0.5} {
		cfg := Config{Seed: 3, Rooms: 8, Duration: 30 * time.Minute,
			Crews: []Crew{{Accounts: 20, PerAccount: 8, Contradict: share, Merchants: []int{slim}}}}
		_, byCrew, _ := crewEvents(t, cfg)
		said := map[string]map[string]bool{}
		for _, ev := range byCrew["crew1"] {
			if said[ev.User] == nil {
				said[ev.User] = map[string]bool{}
			}
			for _, x := range []string{"35斤", "16.6斤"} {
				if strings.Contains(ev.Text, x) {
					said[ev.User][x] = true
				}
			}
		}
		both := 0
		for _, xs := range said {
			if len(xs) == 2 {
				both++
			}
		}
		if (share == 0) != (both == 0) {
			t.Errorf("contradict %v: %d members claimed both 35斤 and 16.6斤", share, both)
		}
	}
}

func TestCrewConfigErrors(t *testing.T) {
	ok := Crew{Accounts: 10, Share: 0.5}
	for _, mod := range []func(c *Crew){
		func(c *Crew) { c.Accounts = 0 },
		func(c *Crew) { c.Scripts = "copy" },
		func(c *Crew) { c.Network = "tor" },
		func(c *Crew) { c.Age = "old" },
		func(c *Crew) { c.Timing = "random" },
		func(c *Crew) { c.Share = 0.99 },
		func(c *Crew) { c.PerAccount = 3 },
		func(c *Crew) { c.Share, c.RoomComments = 0, [2]int{7, 4} },
		func(c *Crew) { c.Devices = 11 },
		func(c *Crew) { c.Filler = 0.95 },
		func(c *Crew) { c.Paraphrase = 2 },
		func(c *Crew) { c.Merchants = []int{5} },
		func(c *Crew) { c.Merchants = []int{1, 1} },
		func(c *Crew) { c.Days = []int{2} },
		func(c *Crew) { c.Reach = 4 },
		func(c *Crew) { c.Merchants, c.Reach = []int{0}, 1 },
		func(c *Crew) { c.RoomMembers = 20 },
	} {
		c := ok
		mod(&c)
		err := Generate(Config{Rooms: 3, Days: 2, Duration: time.Minute, Crews: []Crew{c}}, func(*qinglang.Event) error { return nil })
		if qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), "水军团伙") || !strings.Contains(err.Error(), "crew") {
			t.Errorf("%+v: got %v, want a bilingual invalid-config error", c, err)
		}
	}
	err := Generate(Config{Rooms: 1, Duration: time.Minute, Crews: []Crew{ok, ok}}, func(*qinglang.Event) error { return nil })
	if err != nil {
		t.Errorf("two unnamed crews: %v", err)
	}
	err = Generate(Config{Rooms: 1, Duration: time.Minute, Crews: []Crew{{Name: "a", Accounts: 1, Share: 0.1}, {Name: "a", Accounts: 1, Share: 0.1}}},
		func(*qinglang.Event) error { return nil })
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("two crews named a: %v", err)
	}
}
