package spotcheck

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func candidates() []Candidate {
	return []Candidate{
		{Product: "p-formula", Platform: "a", Merchant: "m1", Category: qinglang.CatInfantFormula, Findings: 4, Complaints: 2, NewMerchant: true, PastFailures: 1},
		{Product: "p-shirt", Platform: "a", Merchant: "m2", Category: qinglang.CatApparel},
		{Product: "p-cream", Platform: "b", Merchant: "m3", Category: qinglang.CatCosmetics, Complaints: 5},
		{Product: "p-pan", Platform: "b", Merchant: "m4", Category: qinglang.CatHousehold, Findings: 1},
		{Product: "p-socks", Platform: "a", Merchant: "m5", Category: qinglang.CatApparel},
		{Product: "p-misc", Platform: "c", Merchant: "m6"},
	}
}

func TestPlanDeterministic(t *testing.T) {
	a, err := Plan(candidates(), 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Plan(candidates(), 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different plans:\n%v\n%v", a, b)
	}
	seen := map[string]bool{}
	for i, p := range a {
		if p.Rank != i+1 {
			t.Errorf("pick %d has rank %d", i, p.Rank)
		}
		if seen[p.Candidate.Product] {
			t.Errorf("%s drawn twice", p.Candidate.Product)
		}
		seen[p.Candidate.Product] = true
	}
	differs := false
	for seed := int64(0); seed < 20 && !differs; seed++ {
		c, _ := Plan(candidates(), 3, seed)
		differs = !reflect.DeepEqual(a, c)
	}
	if !differs {
		t.Error("20 seeds all gave the plan of seed 42")
	}
}

func TestPlanFavoursRisk(t *testing.T) {
	counts := map[string]int{}
	const runs = 4000
	for seed := int64(0); seed < runs; seed++ {
		ps, err := Plan(candidates(), 2, seed)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			counts[p.Candidate.Product]++
		}
	}
	// Weights: formula 3×1.8×1.2×1.5×2 = 19.44, cream 3×1.5 = 4.5, pan 1.5×1.2 = 1.8,
	// misc 1.5, shirt and socks 1.
	order := []string{"p-formula", "p-cream", "p-pan", "p-shirt"}
	for i := 1; i < len(order); i++ {
		if counts[order[i-1]] <= counts[order[i]] {
			t.Errorf("%s picked %d times, not more than %s (%d)", order[i-1], counts[order[i-1]], order[i], counts[order[i]])
		}
	}
	if f := float64(counts["p-formula"]) / runs; f < 0.9 {
		t.Errorf("the riskiest candidate is in only %.2f of the plans", f)
	}
	// Equal weights, equal chances (within 15%).
	if s, k := counts["p-shirt"], counts["p-socks"]; math.Abs(float64(s-k)) > 0.15*float64(s+k)/2 {
		t.Errorf("equal weights drawn unevenly: shirt %d, socks %d", s, k)
	}
}

func TestPlanExplainsEveryFactor(t *testing.T) {
	ps, err := Plan(candidates(), len(candidates()), 7)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		names := []string{}
		w := 1.0
		for _, f := range p.Factors {
			names = append(names, f.Name)
			w *= f.Multiplier
			if !strings.Contains(p.Explain, f.Text) || !strings.Contains(p.ExplainEN, f.TextEN) {
				t.Errorf("%s: explanation lacks %q / %q", p.Candidate.Product, f.Text, f.TextEN)
			}
		}
		want := []string{"category", "findings", "complaints", "new_merchant", "past_failures"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("%s: factors %v, want %v", p.Candidate.Product, names, want)
		}
		if math.Abs(w-p.Weight) > 0.01 {
			t.Errorf("%s: factors multiply to %v, weight %v", p.Candidate.Product, w, p.Weight)
		}
	}
	var formula Pick
	for _, p := range ps {
		if p.Candidate.Product == "p-formula" {
			formula = p
		}
	}
	for _, s := range []string{"类别风险高（婴幼儿配方食品）×3", "近 30 天 4 条发现 ×1.8", "2 条投诉 ×1.2",
		"新商家（入驻不足 90 天）×1.5", "既往抽检不合格 1 次 ×2", "权重 19.44"} {
		if !strings.Contains(formula.Explain, s) {
			t.Errorf("explanation %q lacks %q", formula.Explain, s)
		}
	}
	for _, s := range []string{"high category risk (infant formula) ×3", "4 findings in the last 30 days ×1.8", "weight 19.44"} {
		if !strings.Contains(formula.ExplainEN, s) {
			t.Errorf("explanation %q lacks %q", formula.ExplainEN, s)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	cs := candidates()
	for _, tc := range []struct {
		name  string
		cs    []Candidate
		n     int
		field string
	}{
		{"n zero", cs, 0, "n=0"},
		{"n too big", cs, len(cs) + 1, "n=7"},
		{"no candidates", nil, 1, "n=1"},
		{"negative findings", []Candidate{{Product: "x", Findings: -1}}, 1, "findings"},
		{"negative complaints", []Candidate{{Product: "x", Complaints: -2}}, 1, "complaints"},
		{"negative failures", []Candidate{{Product: "x", PastFailures: -1}}, 1, "past_failures"},
		{"unknown category", []Candidate{{Product: "x", Category: "toys"}}, 1, "category"},
		{"no product", []Candidate{{Platform: "a"}}, 1, "product"},
		{"duplicate", []Candidate{{Product: "x", Platform: "a"}, {Product: "x", Platform: "a"}}, 1, "重复"},
	} {
		_, err := Plan(tc.cs, tc.n, 1)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), tc.field) {
			t.Errorf("%s: error %v (code %s) does not name %q", tc.name, err, qinglang.Code(err), tc.field)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig.Validate(); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig
	cfg.LevelFactor = map[RiskLevel]float64{RiskLow: 1, RiskMedium: math.NaN(), RiskHigh: 3}
	if _, err := cfg.Plan(candidates(), 1, 1); err == nil || !strings.Contains(err.Error(), "LevelFactor[medium]") {
		t.Errorf("NaN factor: %v", err)
	}
	cfg = DefaultConfig
	cfg.PerFinding = -0.5
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "PerFinding") {
		t.Errorf("negative PerFinding: %v", err)
	}
	cfg = DefaultConfig
	cfg.CategoryRisk = map[qinglang.Category]RiskLevel{qinglang.CatFood: "extreme"}
	if err := cfg.Validate(); err == nil {
		t.Error("unknown level accepted")
	}
}

func TestIsNewMerchant(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if !DefaultConfig.IsNewMerchant(now.AddDate(0, 0, -10), now) {
		t.Error("10 days: not new")
	}
	if DefaultConfig.IsNewMerchant(now.AddDate(0, 0, -90), now) {
		t.Error("90 days: new")
	}
	if DefaultConfig.IsNewMerchant(time.Time{}, now) {
		t.Error("unknown registration: new")
	}
}
