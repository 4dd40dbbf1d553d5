package campaigneval

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestBlindScenariosGenerate generates every blind scenario (no detector
// runs) and checks the set's shape: names unique and prefixed, seeds
// unused by any other set, every crew of an attack scenario at work, no
// crew label in an organic one.
func TestBlindScenariosGenerate(t *testing.T) {
	seeds := map[int64]string{}
	for _, s := range append(append(append(Matrix(), Heldout()...), Fresh()...), Blind()...) {
		if prev, ok := seeds[s.Config.Seed]; ok {
			t.Errorf("seed %d of %s is also used by %s", s.Config.Seed, s.Name, prev)
		}
		seeds[s.Config.Seed] = s.Name
	}
	names := map[string]bool{}
	attacks, organics := 0, 0
	for _, s := range Blind() {
		if names[s.Name] {
			t.Errorf("duplicate scenario name %s", s.Name)
		}
		names[s.Name] = true
		if s.Set != SetBlind {
			t.Errorf("%s: set %q, want %q", s.Name, s.Set, SetBlind)
		}
		if s.Description == "" {
			t.Errorf("%s: no description", s.Name)
		}
		if seed := s.Config.Seed; seed < 700 || seed > 899 {
			t.Errorf("%s: seed %d outside 700-899", s.Name, seed)
		}
		prefix := "blind/organic/"
		if s.Kind() == Attack {
			prefix = "blind/attack/"
			attacks++
		} else {
			organics++
		}
		if !strings.HasPrefix(s.Name, prefix) {
			t.Errorf("%s: want prefix %s", s.Name, prefix)
		}

		cfg := s.Config
		crewUsers := map[string]map[string]bool{}
		crewComments := 0
		cfg.Labels = func(l sim.Label) {
			if l.Kind != sim.LabelCrew {
				return
			}
			if crewUsers[l.Crew] == nil {
				crewUsers[l.Crew] = map[string]bool{}
			}
			crewUsers[l.Crew][l.User] = true
			if l.Role != sim.RoleOrder {
				crewComments++
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
		if s.Kind() == Organic {
			if len(crewUsers) > 0 {
				t.Errorf("%s: organic scenario has crew labels", s.Name)
			}
		} else {
			for _, c := range cfg.Crews {
				if len(crewUsers[c.Name]) == 0 {
					t.Errorf("%s: crew %s left no label", s.Name, c.Name)
				}
			}
			if crewComments == 0 {
				t.Errorf("%s: no crew comments", s.Name)
			}
		}
		accounts := 0
		for _, us := range crewUsers {
			accounts += len(us)
		}
		t.Logf("%s: %d events, %d comments, %d crew accounts, %d crew comments", s.Name, events, comments, accounts, crewComments)
	}
	if attacks != 7 || organics != 3 {
		t.Errorf("blind set has %d attack and %d organic scenarios, want 7 and 3", attacks, organics)
	}
	if got, ok := Set(SetBlind); !ok || len(got) != attacks+organics {
		t.Errorf("Set(%q) = %d scenarios, %v", SetBlind, len(got), ok)
	}
}
