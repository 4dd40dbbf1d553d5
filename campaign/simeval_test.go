package campaign

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/sim"
)

// TestSimMatrix runs package sim's crews and hard cases through a Detector
// and reports account-level precision, recall and F1 (labels are read
// here, to measure, never by the detector). It is slow: set
// CAMPAIGN_SIM=1. Package campaigneval is the project's harness; this is
// a development aid until it is there.
func TestSimMatrix(t *testing.T) {
	if os.Getenv("CAMPAIGN_SIM") == "" {
		t.Skip("set CAMPAIGN_SIM=1")
	}
	type run struct {
		name  string
		crews []string
		seed  int64
	}
	runs := []run{
		{"organic", nil, 1},
		{"jelly", []string{"jelly"}, 2},
		{"paraphrase", []string{"paraphrase"}, 3},
		{"camouflage", []string{"camouflage"}, 4},
		{"lowrate", []string{"lowrate"}, 5},
		{"mixture", []string{"jelly", "paraphrase", "camouflage", "lowrate"}, 6},
	}
	rooms, days := 12, 3
	if os.Getenv("CAMPAIGN_SIM") == "big" {
		rooms, days = 40, 4
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			crews, err := sim.ParseCrews(r.crews)
			if err != nil {
				t.Fatal(err)
			}
			truth := map[string]bool{}
			cfg := sim.Config{Seed: r.seed, Rooms: rooms, Days: days, Crews: crews, Hard: sim.AllHardCases,
				Labels: func(l sim.Label) {
					if l.Kind == sim.LabelCrew {
						truth[l.User] = true
					}
				}}
			d := New(Config{})
			n := 0
			start := time.Now()
			if err := sim.Generate(cfg, func(ev *qinglang.Event) error { n++; d.Observe(ev); return nil }); err != nil {
				t.Fatal(err)
			}
			obs := time.Since(start)
			chs := d.Judge(time.Time{})
			acc := accused(chs)
			p, rc, f, fp, fn := prf(acc, truth)
			t.Logf("%d events (observe %v), %d campaigns, accused %d, crew %d: P %.3f R %.3f F1 %.3f FP %d", n, obs, len(chs), len(acc), len(truth), p, rc, f, len(fp))
			if len(fp) > 0 {
				t.Logf("false positives: %v", head(fp, 12))
			}
			if len(fn) > 0 {
				t.Logf("missed: %v", head(fn, 12))
			}
			if os.Getenv("CAMPAIGN_SIM_V") != "" {
				for _, ch := range chs {
					c := ch.Campaign
					t.Logf("campaign %s score %.2f sev %s ev %+v", c.ID, c.Score, c.Severity, c.Evidence)
					for _, s := range c.Scripts {
						t.Logf("  script %s m %d c %d rooms %d others %d %q", s.Cluster, s.Members, s.Comments, s.Rooms, s.Others, s.Examples)
					}
					for _, m := range c.Members {
						if !truth[m.User] || os.Getenv("CAMPAIGN_SIM_V") == "all" {
							t.Logf("  member %s crew=%v cmts %d scripted %d rooms %d orders %d %v %v", m.User, truth[m.User], m.Comments, m.Scripted, m.Rooms, m.Orders, m.Reasons, m.Contradictions)
						}
					}
				}
				missed := slices.Clone(fn)
				for _, u := range head(missed, 8) {
					logAccount(t, d, u)
				}
			}
		})
	}
}

// logAccount prints what the detector knows of an account (development
// aid).
func logAccount(t *testing.T, d *Detector, user string) {
	for _, p := range d.plats {
		i0, ok := p.users.get(hashString(user))
		i := uint32(i0)
		if !ok {
			continue
		}
		a := d.accounts.at(i)
		var texts []string
		if a.x != nil {
			for _, s := range a.x.samples {
				texts = append(texts, s.text)
			}
		}
		no := 0
		if a.x != nil {
			no = len(a.x.orders)
		}
		t.Logf("  missed %s: created %v hop %d nets %d orders %d samples %q", user, a.created != 0, a.hopMax, len(a.nets), no, texts)
	}
}
