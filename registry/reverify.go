package registry

import (
	"cmp"
	"slices"
	"time"
)

// DefaultReverifyEvery is how often an actor's identity is re-verified.
// [U] SAMR Order 37 (Online Trading Measures) art. 24: the platform
// verifies and updates merchants' identity information at least every 6
// months (domain.md, "Duties with numbers"). 180 days is a little under
// the shortest six calendar months, so a deadline is never late. Correct
// it here.
const DefaultReverifyEvery = 180 * 24 * time.Hour

// DueLead is how long before its deadline an actor appears in Due, so that
// there is time to act. A product choice, not a rule.
var DueLead = 30 * 24 * time.Hour

// DueItem is an actor whose re-verification is due.
type DueItem struct {
	Kind         Kind // platforms, merchants, operators, agencies or hosts
	ID, Name     string
	LastVerified time.Time // zero: never verified
	Deadline     time.Time // LastVerified + every; zero when never verified
	Overdue      bool      // the deadline is before the day asked about, or never verified
}

// Due lists the actors whose re-verification deadline falls within DueLead
// of the day on, or has passed, or who were never verified; every is the
// period (DefaultReverifyEvery when 0). Sorted by deadline (never verified
// first), then kind and id.
func (r *Registry) Due(on time.Time, every time.Duration) []DueItem {
	return r.due(on, every, DueLead)
}

// Overdue lists the actors whose deadline is before the day on, or who
// were never verified, in the order of Due.
func (r *Registry) Overdue(on time.Time, every time.Duration) []DueItem {
	var out []DueItem
	for _, d := range r.due(on, every, 0) {
		if d.Overdue {
			out = append(out, d)
		}
	}
	return out
}

// deadline returns the re-verification deadline of an actor verified on
// last (zero when never), in whole days.
func deadline(last time.Time, every time.Duration) time.Time {
	if every <= 0 {
		every = DefaultReverifyEvery
	}
	if last.IsZero() {
		return time.Time{}
	}
	y, m, d := last.Date()
	return time.Date(y, m, d+int(every/(24*time.Hour)), 0, 0, 0, 0, time.UTC)
}

func (r *Registry) due(on time.Time, every, lead time.Duration) []DueItem {
	y, m, d := on.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	horizon := today.AddDate(0, 0, int(lead/(24*time.Hour)))
	var out []DueItem
	add := func(k Kind, id, name string, last time.Time) {
		dl := deadline(last, every)
		if dl.IsZero() || !dl.After(horizon) {
			out = append(out, DueItem{Kind: k, ID: id, Name: name, LastVerified: last, Deadline: dl,
				Overdue: dl.IsZero() || dl.Before(today)})
		}
	}
	for _, p := range r.Platforms() {
		add(KindPlatform, p.ID, p.Name, p.LastVerified)
	}
	for _, x := range r.Merchants() {
		add(KindMerchant, x.ID, x.Name, x.LastVerified)
	}
	for _, x := range r.Operators() {
		add(KindOperator, x.ID, x.Name, x.LastVerified)
	}
	for _, x := range r.Agencies() {
		add(KindAgency, x.ID, x.Name, x.LastVerified)
	}
	for _, x := range r.Hosts() {
		add(KindHost, x.ID, x.Name, x.LastVerified)
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		return cmp.Or(a.Deadline.Compare(b.Deadline), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	return out
}
