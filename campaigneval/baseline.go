package campaigneval

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/campaign"
	"github.com/qinglang/qinglang/textnorm"
)

// Baseline is the naive detector the evaluation shows beside the real
// one: it groups comments by their normalised text (textnorm's
// normalisation, through a Normalizer of its own) per platform, and accuses every account of a text that MinAccounts or
// more accounts posted. It has no window and no other evidence, so it
// accuses every fan of a chant and everyone who typed "1" or a lottery
// phrase: the numbers show why repeated text alone is not the signal.
type Baseline struct {
	MinAccounts int
	norm        textnorm.Normalizer
	groups      map[string]*dupGroup
	dirty       []*dupGroup // grown to MinAccounts or beyond since the last Judge
}

// DefaultMinAccounts is the baseline's threshold.
const DefaultMinAccounts = 5

// dupGroup is the accounts that posted one normalised text.
type dupGroup struct {
	id       string
	platform string
	users    map[string]bool
	order    []string // users in the order they first posted
	reported int      // users reported so far
	sorted   []string // the reported users, sorted
	dirty    bool
	first    time.Time
	last     time.Time
}

// NewBaseline returns a baseline accusing texts of at least minAccounts
// accounts (0: DefaultMinAccounts).
func NewBaseline(minAccounts int) *Baseline {
	if minAccounts <= 0 {
		minAccounts = DefaultMinAccounts
	}
	return &Baseline{MinAccounts: minAccounts, groups: map[string]*dupGroup{}}
}

// Observe takes comments; other events are ignored. A Baseline is not
// safe for concurrent use.
func (b *Baseline) Observe(ev *qinglang.Event) {
	if ev.Type != qinglang.Comment || ev.User == "" {
		return
	}
	norm := b.norm.Normalize(ev.Text).Norm
	if norm == "" {
		return
	}
	key := ev.Platform + "\x00" + norm
	g := b.groups[key]
	if g == nil {
		h := fnv.New64a()
		h.Write([]byte(key))
		g = &dupGroup{id: "dup_" + strconv.FormatUint(h.Sum64(), 16), platform: ev.Platform, users: map[string]bool{}, first: ev.TS}
		b.groups[key] = g
	}
	g.last = ev.TS
	if g.users[ev.User] {
		return
	}
	g.users[ev.User] = true
	g.order = append(g.order, ev.User)
	if len(g.order) >= b.MinAccounts && !g.dirty {
		g.dirty = true
		b.dirty = append(b.dirty, g)
	}
}

// Judge reports the texts that reached MinAccounts accounts, or gained
// accounts, since the last Judge.
func (b *Baseline) Judge(time.Time) []campaign.Change {
	var out []campaign.Change
	for _, g := range b.dirty {
		g.dirty = false
		added := slices.Clone(g.order[g.reported:])
		slices.Sort(added)
		g.sorted = merge(g.sorted, added)
		members := make([]campaign.Member, len(g.sorted))
		for i, u := range g.sorted {
			members[i] = campaign.Member{User: u}
		}
		out = append(out, campaign.Change{
			Campaign: campaign.Campaign{ID: g.id, Platform: g.platform, FirstSeen: g.first, LastSeen: g.last, Members: members},
			New:      g.reported == 0,
			Added:    slices.Clone(g.order[g.reported:]),
		})
		g.reported = len(g.order)
	}
	b.dirty = b.dirty[:0]
	return out
}

// merge merges two sorted lists.
func merge(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if strings.Compare(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
