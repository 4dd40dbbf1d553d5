// Package lint is the pre-broadcast self-check (《直播电商监督管理办法》第三十条):
// a host's script or a shop's product list is matched against the rule
// packs before going live, and every match is described with its rule,
// basis and a suggested rewrite. `qinglang lint` and POST /v1/lint both use
// it.
package lint

import (
	"slices"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

// Finding is one problem lint reports.
type Finding struct {
	// Line is the script line, the CSV line, or the product's 1-based
	// position in a JSON list.
	Line      int               `json:"line"`
	Column    int               `json:"column"` // 1-based, in characters
	Rule      string            `json:"rule"`
	Severity  qinglang.Severity `json:"severity"`
	Matched   string            `json:"matched"`
	Text      string            `json:"text"`
	Category  qinglang.Category `json:"category"`
	Message   string            `json:"message"`
	MessageEN string            `json:"message_en"`
	Basis     string            `json:"basis"`
	BasisEN   string            `json:"basis_en"`
	Rewrite   string            `json:"rewrite,omitempty"`
	RewriteEN string            `json:"rewrite_en,omitempty"`
	// Also lists the other rules that matched the same words (see
	// Check), by id.
	Also []string `json:"also,omitempty"`
}

// Item is one text to check: a script line or a product's title.
type Item struct {
	Line     int // where findings say the text is
	Text     string
	Category qinglang.Category
	Where    rules.Source // speech for a script, title for a product
}

// Check matches every item and describes each match with its rule. Two
// rules often name one claim (a rule on the wording, another on the
// concept: 「三天瘦五斤」 and 「天瘦五斤」): matches of one item that overlap
// by at least half of the shorter are one finding, the gravest (then the
// longest) of them, the others' rules listed in Also. The findings are in
// item order, then in the order of their start within an item.
func Check(set *rules.Set, m *claimmatch.Matcher, items []Item) []Finding {
	var out []Finding
	for _, it := range items {
		var found []span
		for _, hit := range m.Scan(it.Text, claimmatch.Context{Category: it.Category, Where: it.Where}) {
			r, ok := set.Rule(hit.RuleID)
			if !ok {
				continue
			}
			found = append(found, span{hit.Start, hit.End, Finding{
				Line: it.Line, Column: utf8.RuneCountInString(it.Text[:hit.Start]) + 1,
				Rule: r.ID, Severity: r.Severity, Matched: hit.Text, Text: it.Text, Category: it.Category,
				Message: r.Message, MessageEN: r.MessageEN, Basis: r.Basis, BasisEN: r.BasisEN,
				Rewrite: r.Rewrite, RewriteEN: r.RewriteEN,
			}})
		}
		for _, f := range merge(found) {
			out = append(out, f.f)
		}
	}
	return out
}

// span is a finding and its bytes in the item's text.
type span struct {
	start, end int
	f          Finding
}

// merge folds each match into a graver (or as grave and longer) one it
// overlaps by at least half of the shorter, and returns what is left in
// order of start.
func merge(found []span) []span {
	if len(found) < 2 {
		return found
	}
	slices.SortStableFunc(found, func(a, b span) int {
		if d := b.f.Severity.Rank() - a.f.Severity.Rank(); d != 0 {
			return d
		}
		return (b.end - b.start) - (a.end - a.start)
	})
	var kept []span
	for _, s := range found {
		i := slices.IndexFunc(kept, func(k span) bool {
			shared := min(k.end, s.end) - max(k.start, s.start)
			return 2*shared >= min(k.end-k.start, s.end-s.start)
		})
		if i < 0 {
			kept = append(kept, s)
			continue
		}
		if k := &kept[i].f; k.Rule != s.f.Rule && !slices.Contains(k.Also, s.f.Rule) {
			k.Also = append(k.Also, s.f.Rule)
		}
	}
	slices.SortStableFunc(kept, func(a, b span) int { return a.start - b.start })
	return kept
}

// High reports whether any finding is of severity high or critical: what
// makes `qinglang lint` exit 1 and POST /v1/lint answer "high": true.
func High(found []Finding) bool {
	for _, f := range found {
		if f.Severity.Rank() >= qinglang.SeverityHigh.Rank() {
			return true
		}
	}
	return false
}
