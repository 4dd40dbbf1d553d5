package campaigneval

// Report is the outcome of Run.
type Report struct {
	Interval   string    `json:"interval"`   // how often detectors were judged, in event time
	Contenders []string  `json:"contenders"` // detector names, in the order of each Result's Scores
	Results    []Result  `json:"results"`
	Summary    []Summary `json:"summary"` // one per contender, per set
}

// Result is one scenario's outcome.
type Result struct {
	Scenario     string  `json:"scenario"`
	Set          string  `json:"set"`
	Kind         Kind    `json:"kind"`
	Description  string  `json:"description"`
	Broadcasts   int     `json:"broadcasts"` // rooms in the contract's sense
	Events       int     `json:"events"`
	Comments     int     `json:"comments"`
	Commenters   int     `json:"commenters"`    // distinct commenting accounts
	CrewAccounts int     `json:"crew_accounts"` // distinct accounts of the crew labels
	CrewComments int     `json:"crew_comments"`
	Scores       []Score `json:"scores"`
}

// Score is one detector on one scenario. On an organic scenario every
// accused account is falsely accused (FalsePositives), and Precision,
// Recall and F1 are 0.
type Score struct {
	Detector       string  `json:"detector"`
	Campaigns      int     `json:"campaigns"` // distinct campaign ids reported
	Accused        int     `json:"accused"`   // distinct accounts in any reported campaign
	TruePositives  int     `json:"true_positives"`
	FalsePositives int     `json:"false_positives"` // innocent accounts accused
	FalseNegatives int     `json:"false_negatives"` // crew accounts missed
	Precision      float64 `json:"precision"`       // TP / accused; 0 when none accused
	Recall         float64 `json:"recall"`          // TP / crew accounts
	F1             float64 `json:"f1"`
	// FirstHitMinutes is the event time from the crew's first comment to
	// the first judgement that accused a crew account; absent when none
	// did.
	FirstHitMinutes *float64 `json:"first_hit_minutes,omitempty"`
}

// Summary is one contender over one set of scenarios.
type Summary struct {
	Set      string `json:"set"`
	Detector string `json:"detector"`
	// Over the attack scenarios: the mean of their F1 (macro), and the
	// precision, recall and F1 of their pooled counts (micro).
	MeanF1    float64 `json:"mean_f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// AttackFalsePositives are innocent accounts accused in attack
	// scenarios, OrganicFalselyAccused in organic ones.
	AttackFalsePositives  int `json:"attack_false_positives"`
	OrganicFalselyAccused int `json:"organic_falsely_accused"`
}

// score compares the accused accounts with the crew's.
func score(detector string, accused, crew map[string]bool, attack bool) Score {
	s := Score{Detector: detector, Accused: len(accused)}
	for u := range accused {
		if crew[u] {
			s.TruePositives++
		} else {
			s.FalsePositives++
		}
	}
	s.FalseNegatives = len(crew) - s.TruePositives
	if attack {
		s.Precision, s.Recall, s.F1 = prf(s.TruePositives, s.FalsePositives, s.FalseNegatives)
	}
	return s
}

// prf returns precision, recall and F1 of counts; each 0 when undefined.
func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// summarise fills the summary: per set (in order of appearance), per
// contender.
func (rep *Report) summarise() {
	var sets []string
	seen := map[string]bool{}
	for _, r := range rep.Results {
		if !seen[r.Set] {
			seen[r.Set] = true
			sets = append(sets, r.Set)
		}
	}
	rep.Summary = nil
	for _, set := range sets {
		for i, name := range rep.Contenders {
			sum := Summary{Set: set, Detector: name}
			var tp, fp, fn, attacks int
			for _, r := range rep.Results {
				if r.Set != set || i >= len(r.Scores) {
					continue
				}
				s := r.Scores[i]
				if r.Kind == Organic {
					sum.OrganicFalselyAccused += s.FalsePositives
					continue
				}
				attacks++
				sum.MeanF1 += s.F1
				sum.AttackFalsePositives += s.FalsePositives
				tp, fp, fn = tp+s.TruePositives, fp+s.FalsePositives, fn+s.FalseNegatives
			}
			if attacks > 0 {
				sum.MeanF1 /= float64(attacks)
			}
			sum.Precision, sum.Recall, sum.F1 = prf(tp, fp, fn)
			rep.Summary = append(rep.Summary, sum)
		}
	}
}
