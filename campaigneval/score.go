package campaigneval

import (
	"slices"

	"github.com/qinglang/qinglang/campaign"
)

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
	// Relations scores the relations between campaigns, for a detector
	// that reports them (campaign.Campaign.Related); absent otherwise.
	Relations *Relations `json:"relations,omitempty"`
}

// Relations scores the relations a detector reports between its
// campaigns against the crews of the labels. Two campaigns are of one
// crew when each holds at least relCrewMembers of its accounts, or, with
// fewer members, only its accounts (the crew on two platforms, split in
// two, merged with another crew in one of them, or a farm's one or two
// accounts on a platform); those pairs should be related, and no other.
type Relations struct {
	Campaigns int `json:"campaigns"` // campaigns the detector holds at the end
	Pairs     int `json:"pairs"`     // pairs of them of one crew
	Related   int `json:"related"`   // pairs it related
	Right     int `json:"right"`     // related pairs of one crew
}

// add adds o's counts to r.
func (r *Relations) add(o *Relations) {
	r.Campaigns += o.Campaigns
	r.Pairs += o.Pairs
	r.Related += o.Related
	r.Right += o.Right
}

// relCrewMembers is how many accounts of a crew make a campaign that
// crew's, for Relations.
const relCrewMembers = 3

// scoreRelations scores the relations among cs, crewOf giving each crew
// account's crew.
func scoreRelations(cs []campaign.Campaign, crewOf map[string]string) *Relations {
	r := &Relations{Campaigns: len(cs)}
	crews := make([]map[string]bool, len(cs))
	for i, c := range cs {
		n := map[string]int{}
		for _, m := range c.Members {
			if k := crewOf[m.User]; k != "" {
				n[k]++
			}
		}
		crews[i] = map[string]bool{}
		for k, v := range n {
			if v >= min(relCrewMembers, len(c.Members)) {
				crews[i][k] = true
			}
		}
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			one := false
			for k := range crews[i] {
				one = one || crews[j][k]
			}
			related := slices.ContainsFunc(cs[i].Related, func(x campaign.Related) bool { return x.ID == cs[j].ID }) ||
				slices.ContainsFunc(cs[j].Related, func(x campaign.Related) bool { return x.ID == cs[i].ID })
			if one {
				r.Pairs++
			}
			if related {
				r.Related++
				if one {
					r.Right++
				}
			}
		}
	}
	return r
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
	// Relations adds up the scenarios' relations, for a detector that
	// reports them.
	Relations *Relations `json:"relations,omitempty"`
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
				if s.Relations != nil {
					if sum.Relations == nil {
						sum.Relations = &Relations{}
					}
					sum.Relations.add(s.Relations)
				}
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
