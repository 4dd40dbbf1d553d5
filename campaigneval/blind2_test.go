package campaigneval

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestBlind2ScenariosGenerate generates every scenario of the second blind
// set (no detector runs) and checks the set's shape: names unique and
// prefixed, seeds in 900-999 and unused by any other set, every crew of an
// attack scenario at work, no crew label in an organic one.
func TestBlind2ScenariosGenerate(t *testing.T) {
	seeds := map[int64]string{}
	all := append(append(append(append(Matrix(), Heldout()...), Fresh()...), Blind()...), Blind2()...)
	for _, s := range all {
		if prev, ok := seeds[s.Config.Seed]; ok {
			t.Errorf("seed %d of %s is also used by %s", s.Config.Seed, s.Name, prev)
		}
		seeds[s.Config.Seed] = s.Name
	}
	names := map[string]bool{}
	for _, s := range all {
		if names[s.Name] {
			t.Errorf("duplicate scenario name %s", s.Name)
		}
		names[s.Name] = true
	}
	attacks, organics := 0, 0
	for _, s := range Blind2() {
		if s.Set != SetBlind2 {
			t.Errorf("%s: set %q, want %q", s.Name, s.Set, SetBlind2)
		}
		if s.Description == "" {
			t.Errorf("%s: no description", s.Name)
		}
		if seed := s.Config.Seed; seed < 900 || seed > 999 {
			t.Errorf("%s: seed %d outside 900-999", s.Name, seed)
		}
		prefix := "blind2/organic/"
		if s.Kind() == Attack {
			prefix = "blind2/attack/"
			attacks++
		} else {
			organics++
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
		if s.Kind() == Organic {
			if len(crewUsers) > 0 {
				t.Errorf("%s: organic scenario has crew labels", s.Name)
			}
		} else {
			for _, c := range cfg.Crews {
				if len(crewUsers[c.Name]) == 0 {
					t.Errorf("%s: crew %s left no label", s.Name, c.Name)
				}
				if crewComments[c.Name] == 0 {
					t.Errorf("%s: crew %s posted no comment", s.Name, c.Name)
				}
				t.Logf("%s: crew %s: %d accounts, %d comments", s.Name, c.Name, len(crewUsers[c.Name]), crewComments[c.Name])
			}
		}
		t.Logf("%s: %d events, %d comments", s.Name, events, comments)
	}
	if attacks != 8 || organics != 3 {
		t.Errorf("blind2 set has %d attack and %d organic scenarios, want 8 and 3", attacks, organics)
	}
	if got, ok := Set(SetBlind2); !ok || len(got) != attacks+organics {
		t.Errorf("Set(%q) = %d scenarios, %v", SetBlind2, len(got), ok)
	}
}
