package campaigneval

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestSetsUnique checks that scenario names and seeds are unique across
// every set.
func TestSetsUnique(t *testing.T) {
	seeds := map[int64]string{}
	names := map[string]bool{}
	for _, set := range SetNames() {
		scs, ok := Set(set)
		if !ok || len(scs) == 0 {
			t.Fatalf("Set(%q) = %d scenarios, %v", set, len(scs), ok)
		}
		for _, s := range scs {
			if prev, ok := seeds[s.Config.Seed]; ok {
				t.Errorf("seed %d of %s is also used by %s", s.Config.Seed, s.Name, prev)
			}
			seeds[s.Config.Seed] = s.Name
			if names[s.Name] {
				t.Errorf("duplicate scenario name %s", s.Name)
			}
			names[s.Name] = true
		}
	}
}

// TestBlindScenariosGenerate generates every scenario of the blind sets
// (no detector runs) and checks each set's shape: names prefixed, seeds
// in the set's range, every crew of an attack scenario at work (labels
// and comments), no crew label in an organic one.
func TestBlindScenariosGenerate(t *testing.T) {
	for _, c := range []struct {
		set              string
		scenarios        []Scenario
		seedLo, seedHi   int64
		attacks, organic int
	}{
		{SetBlind, Blind(), 700, 899, 7, 3},
		{SetBlind2, Blind2(), 900, 999, 8, 3},
		{SetBlind3, Blind3(), 1000, 1099, 8, 3},
		{SetBlind4, Blind4(), 1100, 1199, 8, 3},
		{SetBlind5, Blind5(), 1200, 1299, 8, 3},
		{SetBlind6, Blind6(), 1300, 1399, 8, 3},
		{SetBlind7, Blind7(), 1400, 1499, 8, 3},
		{SetBlind8, Blind8(), 1600, 1699, 8, 3},
		{SetBlind9, Blind9(), 1700, 1799, 8, 3},
		{SetBlind10, Blind10(), 1800, 1899, 8, 3},
		{SetBlind11, Blind11(), 1900, 1999, 8, 3},
		{SetBlind12, Blind12(), 2000, 2099, 8, 3},
		{SetBlind13, Blind13(), 2100, 2199, 8, 3},
		{SetBlind14, Blind14(), 2200, 2299, 8, 3},
		{SetBlind15, Blind15(), 2300, 2399, 8, 3},
		{SetBlind16, Blind16(), 2400, 2499, 8, 3},
		{SetBlind17, Blind17(), 2500, 2599, 8, 3},
		{SetBlind18, Blind18(), 2600, 2699, 8, 3},
		{SetBlind19, Blind19(), 2700, 2799, 8, 3},
		{SetBlind20, Blind20(), 2800, 2899, 8, 3},
		{SetBlind21, Blind21(), 2900, 2999, 8, 3},
		{SetBlind22, Blind22(), 3000, 3099, 8, 3},
		{SetBlind23, Blind23(), 3100, 3199, 8, 3},
		{SetBlind24, Blind24(), 3200, 3299, 8, 3},
		{SetBlind25, Blind25(), 3300, 3399, 8, 3},
		{SetBlind26, Blind26(), 3400, 3499, 8, 3},
		{SetBlind27, Blind27(), 3500, 3599, 8, 3},
	} {
		t.Run(c.set, func(t *testing.T) {
			attacks, organics := 0, 0
			for _, s := range c.scenarios {
				checkGenerates(t, &s, c.set, c.seedLo, c.seedHi)
				if s.Kind() == Attack {
					attacks++
				} else {
					organics++
				}
			}
			if attacks != c.attacks || organics != c.organic {
				t.Errorf("%d attack and %d organic scenarios, want %d and %d", attacks, organics, c.attacks, c.organic)
			}
		})
	}
}

// checkGenerates checks one scenario of set and generates its events.
func checkGenerates(t *testing.T, s *Scenario, set string, seedLo, seedHi int64) {
	t.Helper()
	if s.Set != set {
		t.Errorf("%s: set %q, want %q", s.Name, s.Set, set)
	}
	if s.Description == "" {
		t.Errorf("%s: no description", s.Name)
	}
	if seed := s.Config.Seed; seed < seedLo || seed > seedHi {
		t.Errorf("%s: seed %d outside %d-%d", s.Name, seed, seedLo, seedHi)
	}
	prefix := set + "/organic/"
	if s.Kind() == Attack {
		prefix = set + "/attack/"
	}
	if !strings.HasPrefix(s.Name, prefix) {
		t.Errorf("%s: want prefix %s", s.Name, prefix)
	}
	cfg := s.Config
	crewUsers := map[string]map[string]bool{}
	crewComments := map[string]int{}
	cfg.Labels = func(l sim.Label) {
		if l.Kind != sim.LabelCrew {
			return
		}
		if crewUsers[l.Crew] == nil {
			crewUsers[l.Crew] = map[string]bool{}
		}
		crewUsers[l.Crew][l.User] = true
		if l.Role != sim.RoleOrder {
			crewComments[l.Crew]++
		}
	}
	events, comments := 0, 0
	err := sim.Generate(cfg, func(ev *qinglang.Event) error {
		events++
		if ev.Type == qinglang.Comment {
			comments++
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	if comments == 0 {
		t.Errorf("%s: no comments", s.Name)
	}
	if s.Kind() == Organic && len(crewUsers) > 0 {
		t.Errorf("%s: organic scenario has crew labels", s.Name)
	}
	for _, crew := range cfg.Crews {
		if len(crewUsers[crew.Name]) == 0 || crewComments[crew.Name] == 0 {
			t.Errorf("%s: crew %s: %d accounts labelled, %d comments", s.Name, crew.Name, len(crewUsers[crew.Name]), crewComments[crew.Name])
		}
	}
	t.Logf("%s: %d events, %d comments", s.Name, events, comments)
}
