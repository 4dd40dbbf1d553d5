package spotcheck

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Candidate is a product on a platform that a spot check could sample, with
// the inputs of its risk weight. Counts are the caller's, over the window
// named in Config (findings) or over all time (past failures).
type Candidate struct {
	Product  string            `json:"product"`
	Platform string            `json:"platform"`
	Merchant string            `json:"merchant"`
	Category qinglang.Category `json:"category,omitempty"` // empty: unknown, medium risk
	// Findings is the number of findings against the product in the last
	// Config.FindingsWindowDays days.
	Findings   int `json:"findings"`
	Complaints int `json:"complaints"`
	// NewMerchant: the merchant registered on the platform less than
	// Config.NewMerchantDays days ago (see Config.IsNewMerchant).
	NewMerchant  bool `json:"new_merchant"`
	PastFailures int  `json:"past_failures"` // failed spot checks of the product
}

// RiskLevel grades a category's inherent risk.
type RiskLevel string

// Risk levels.
const (
	RiskLow    RiskLevel = "low"
	RiskMedium RiskLevel = "medium"
	RiskHigh   RiskLevel = "high"
)

// Config holds the planner's numbers. Every one is a product choice, not a
// legal requirement: change DefaultConfig (or pass your own) to tune them.
type Config struct {
	// CategoryRisk grades each category; a category missing here (or an
	// empty one) is medium.
	CategoryRisk map[qinglang.Category]RiskLevel
	// LevelFactor multiplies the weight by a category's risk level.
	LevelFactor map[RiskLevel]float64
	// Each finding adds PerFinding to a factor starting at 1, counting at
	// most MaxFindings; FindingsWindowDays only names the window in texts.
	PerFinding         float64
	MaxFindings        int
	FindingsWindowDays int
	// Likewise for complaints.
	PerComplaint  float64
	MaxComplaints int
	// A new merchant multiplies the weight by NewMerchantFactor; "new" is
	// registered less than NewMerchantDays days ago.
	NewMerchantFactor float64
	NewMerchantDays   int
	// Likewise for past spot-check failures.
	PerPastFailure  float64
	MaxPastFailures int
}

// DefaultConfig is the planner's default. Product choice: categories whose
// failures harm health directly (food, health food, infant formula,
// cosmetics, medical devices, drugs) are high; apparel is low; the rest are
// medium.
var DefaultConfig = Config{
	CategoryRisk: map[qinglang.Category]RiskLevel{
		qinglang.CatFood:          RiskHigh,
		qinglang.CatHealthFood:    RiskHigh,
		qinglang.CatInfantFormula: RiskHigh,
		qinglang.CatCosmetics:     RiskHigh,
		qinglang.CatMedicalDevice: RiskHigh,
		qinglang.CatDrug:          RiskHigh,
		qinglang.CatAgri:          RiskMedium,
		qinglang.CatJewelry:       RiskMedium,
		qinglang.CatElectronics:   RiskMedium,
		qinglang.CatHousehold:     RiskMedium,
		qinglang.CatGeneral:       RiskMedium,
		qinglang.CatApparel:       RiskLow,
	},
	LevelFactor:        map[RiskLevel]float64{RiskLow: 1, RiskMedium: 1.5, RiskHigh: 3},
	PerFinding:         0.2,
	MaxFindings:        10,
	FindingsWindowDays: 30,
	PerComplaint:       0.1,
	MaxComplaints:      20,
	NewMerchantFactor:  1.5,
	NewMerchantDays:    90,
	PerPastFailure:     1,
	MaxPastFailures:    3,
}

// IsNewMerchant reports whether a merchant registered at registered counts
// as new at asOf.
func (cfg Config) IsNewMerchant(registered, asOf time.Time) bool {
	return !registered.IsZero() && asOf.Sub(registered) < time.Duration(cfg.NewMerchantDays)*24*time.Hour
}

// Validate checks that every factor is a finite number of at least 1 (no
// factor may lower a weight below the base or zero it) and every cap ≥ 0.
func (cfg Config) Validate() error {
	check := func(name string, v float64, min float64) error {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < min {
			return qinglang.Errorf(qinglang.EINVALID, "抽检配置 %s 无效：%v（应为不小于 %v 的有限数）",
				"spot-check config %s is invalid: %v (must be a finite number ≥ %v)", name, v, min)
		}
		return nil
	}
	for _, l := range []RiskLevel{RiskLow, RiskMedium, RiskHigh} {
		f, ok := cfg.LevelFactor[l]
		if !ok {
			return qinglang.Errorf(qinglang.EINVALID, "抽检配置 LevelFactor 缺少 %s", "spot-check config LevelFactor lacks %s", l)
		}
		if err := check("LevelFactor["+string(l)+"]", f, 1); err != nil {
			return err
		}
	}
	for c, l := range cfg.CategoryRisk {
		if _, ok := cfg.LevelFactor[l]; !ok {
			return qinglang.Errorf(qinglang.EINVALID, "抽检配置 CategoryRisk[%s] 的等级 %q 未知", "spot-check config CategoryRisk[%s] has unknown level %q", c, l)
		}
	}
	for _, f := range []struct {
		name string
		v    float64
		min  float64
	}{{"PerFinding", cfg.PerFinding, 0}, {"PerComplaint", cfg.PerComplaint, 0},
		{"NewMerchantFactor", cfg.NewMerchantFactor, 1}, {"PerPastFailure", cfg.PerPastFailure, 0}} {
		if err := check(f.name, f.v, f.min); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		name string
		v    int
	}{{"MaxFindings", cfg.MaxFindings}, {"MaxComplaints", cfg.MaxComplaints}, {"MaxPastFailures", cfg.MaxPastFailures},
		{"FindingsWindowDays", cfg.FindingsWindowDays}, {"NewMerchantDays", cfg.NewMerchantDays}} {
		if c.v < 0 {
			return qinglang.Errorf(qinglang.EINVALID, "抽检配置 %s 不能为负：%d", "spot-check config %s must not be negative: %d", c.name, c.v)
		}
	}
	return nil
}

// Factor is one factor of a pick's weight.
type Factor struct {
	Name       string  `json:"name"` // category, findings, complaints, new_merchant, past_failures
	Multiplier float64 `json:"multiplier"`
	Text       string  `json:"text"`
	TextEN     string  `json:"text_en"`
}

// Pick is one sampled candidate with the reasons for its weight.
type Pick struct {
	Candidate Candidate `json:"candidate"`
	Rank      int       `json:"rank"` // 1 = drawn first
	Weight    float64   `json:"weight"`
	Factors   []Factor  `json:"factors"` // every factor, in a fixed order, ×1 included
	Explain   string    `json:"explain"`
	ExplainEN string    `json:"explain_en"`
}

// Plan draws n candidates with DefaultConfig; see Config.Plan.
func Plan(candidates []Candidate, n int, seed int64) ([]Pick, error) {
	return DefaultConfig.Plan(candidates, n, seed)
}

// Plan draws n of the candidates without replacement, each with probability
// proportional to its weight among those not yet drawn (Efraimidis–Spirakis
// A-Res: key = u^(1/w), the n largest keys win). The same candidates, n and
// seed always give the same picks, in draw order. A candidate with a bad
// input (empty product, negative count, unknown category, a product listed
// twice on one platform) is an error naming its index and field.
func (cfg Config) Plan(candidates []Candidate, n int, seed int64) ([]Pick, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if n < 1 || n > len(candidates) {
		return nil, qinglang.Errorf(qinglang.EINVALID, "抽检数量 n=%d 无效：应在 1 到候选数 %d 之间",
			"sample size n=%d is invalid: must be between 1 and the number of candidates, %d", n, len(candidates))
	}
	seen := make(map[[2]string]int, len(candidates))
	type keyed struct {
		i   int
		key float64 // ln(u)/w: larger wins, same order as u^(1/w)
	}
	keys := make([]keyed, len(candidates))
	picks := make([]Pick, len(candidates))
	rng := rand.New(rand.NewPCG(uint64(seed), 0x71696e676c616e67)) // "qinglang"
	for i, c := range candidates {
		if err := cfg.checkCandidate(i, c); err != nil {
			return nil, err
		}
		k := [2]string{c.Platform, c.Product}
		if j, dup := seen[k]; dup {
			return nil, qinglang.Errorf(qinglang.EINVALID, "候选 %d 与候选 %d 重复（平台 %q 商品 %q）",
				"candidate %d repeats candidate %d (platform %q, product %q)", i, j, c.Platform, c.Product)
		}
		seen[k] = i
		p := cfg.weigh(c)
		if !(p.Weight > 0) || math.IsInf(p.Weight, 0) {
			return nil, qinglang.Errorf(qinglang.EINVALID, "候选 %d 的权重无效：%v", "candidate %d has an invalid weight: %v", i, p.Weight)
		}
		picks[i] = p
		u := rng.Float64()
		for u == 0 {
			u = rng.Float64()
		}
		keys[i] = keyed{i, math.Log(u) / p.Weight}
	}
	slices.SortStableFunc(keys, func(a, b keyed) int { return cmp.Compare(b.key, a.key) })
	out := make([]Pick, n)
	for r := range n {
		out[r] = picks[keys[r].i]
		out[r].Rank = r + 1
	}
	return out, nil
}

func (cfg Config) checkCandidate(i int, c Candidate) error {
	bad := func(field, zh, en string, args ...any) error {
		return qinglang.Errorf(qinglang.EINVALID, "候选 %d 字段 %s："+zh, "candidate %d field %s: "+en,
			append([]any{i, field}, args...)...)
	}
	switch {
	case strings.TrimSpace(c.Product) == "":
		return bad("product", "缺少商品", "missing")
	case c.Category != "" && !c.Category.Known():
		return bad("category", "未知的商品类目 %q", "unknown category %q", c.Category)
	case c.Findings < 0:
		return bad("findings", "不能为负：%d", "must not be negative: %d", c.Findings)
	case c.Complaints < 0:
		return bad("complaints", "不能为负：%d", "must not be negative: %d", c.Complaints)
	case c.PastFailures < 0:
		return bad("past_failures", "不能为负：%d", "must not be negative: %d", c.PastFailures)
	}
	return nil
}

// weigh returns the unranked pick of c: its weight and every factor.
func (cfg Config) weigh(c Candidate) Pick {
	level, ok := cfg.CategoryRisk[c.Category]
	if !ok {
		level = RiskMedium
	}
	catZH, catEN := c.Category.Name()
	fs := []Factor{{
		Name:       "category",
		Multiplier: cfg.LevelFactor[level],
		Text:       fmt.Sprintf("类别风险%s（%s）", levelZH[level], catZH),
		TextEN:     fmt.Sprintf("%s category risk (%s)", level, catEN),
	}}
	nf := min(c.Findings, cfg.MaxFindings)
	fs = append(fs, Factor{
		Name:       "findings",
		Multiplier: 1 + cfg.PerFinding*float64(nf),
		Text:       fmt.Sprintf("近 %d 天 %d 条发现", cfg.FindingsWindowDays, c.Findings),
		TextEN:     fmt.Sprintf("%d %s in the last %d days", c.Findings, plural(c.Findings, "finding"), cfg.FindingsWindowDays),
	})
	nc := min(c.Complaints, cfg.MaxComplaints)
	fs = append(fs, Factor{
		Name:       "complaints",
		Multiplier: 1 + cfg.PerComplaint*float64(nc),
		Text:       fmt.Sprintf("%d 条投诉", c.Complaints),
		TextEN:     fmt.Sprintf("%d %s", c.Complaints, plural(c.Complaints, "complaint")),
	})
	nm := Factor{Name: "new_merchant", Multiplier: 1,
		Text:   fmt.Sprintf("非新商家（入驻满 %d 天）", cfg.NewMerchantDays),
		TextEN: fmt.Sprintf("established merchant (registered %d+ days ago)", cfg.NewMerchantDays)}
	if c.NewMerchant {
		nm.Multiplier = cfg.NewMerchantFactor
		nm.Text = fmt.Sprintf("新商家（入驻不足 %d 天）", cfg.NewMerchantDays)
		nm.TextEN = fmt.Sprintf("new merchant (registered under %d days ago)", cfg.NewMerchantDays)
	}
	fs = append(fs, nm)
	np := min(c.PastFailures, cfg.MaxPastFailures)
	fs = append(fs, Factor{
		Name:       "past_failures",
		Multiplier: 1 + cfg.PerPastFailure*float64(np),
		Text:       fmt.Sprintf("既往抽检不合格 %d 次", c.PastFailures),
		TextEN:     fmt.Sprintf("%d past spot-check %s", c.PastFailures, plural(c.PastFailures, "failure")),
	})
	w := 1.0
	zh := make([]string, len(fs))
	en := make([]string, len(fs))
	for i := range fs {
		fs[i].Multiplier = round2(fs[i].Multiplier)
		w *= fs[i].Multiplier
		zh[i] = fs[i].Text + " ×" + num(fs[i].Multiplier)
		if strings.HasSuffix(fs[i].Text, "）") { // no space after full-width punctuation
			zh[i] = fs[i].Text + "×" + num(fs[i].Multiplier)
		}
		en[i] = fs[i].TextEN + " ×" + num(fs[i].Multiplier)
	}
	w = round2(w)
	return Pick{
		Candidate: c,
		Weight:    w,
		Factors:   fs,
		Explain:   strings.Join(zh, "；") + "；权重 " + num(w),
		ExplainEN: strings.Join(en, "; ") + "; weight " + num(w),
	}
}

var levelZH = map[RiskLevel]string{RiskLow: "低", RiskMedium: "中", RiskHigh: "高"}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
