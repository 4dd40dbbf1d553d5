// Package rules holds Qinglang's rule packs: the data that says which
// words and numeric claims are false or misleading marketing, where, why
// (the legal basis) and what to say instead. Packs are YAML files (rules/
// in the repository holds the default pack, embedded in the binary); users
// add or override rules without rebuilding.
package rules

import "github.com/qinglang/qinglang"

// Source is where a text comes from: what the host says, what a viewer
// writes, or a product's title.
type Source string

// Text sources.
const (
	SourceSpeech  Source = "speech"
	SourceComment Source = "comment"
	SourceTitle   Source = "title"
)

// Sources lists every text source.
var Sources = []Source{SourceSpeech, SourceComment, SourceTitle}

// Known reports whether s is one of the sources.
func (s Source) Known() bool {
	switch s {
	case SourceSpeech, SourceComment, SourceTitle:
		return true
	}
	return false
}

// ClaimType is the kind of false or misleading claim regulators list
// (SAMR, 2025-09-23), plus counterfeit slang and prices.
type ClaimType string

// Claim types.
const (
	ClaimEntity        ClaimType = "entity"         // the operating entity (who sells)
	ClaimPerformance   ClaimType = "performance"    // performance, efficacy
	ClaimFunction      ClaimType = "function"       // function (health, disease)
	ClaimQuality       ClaimType = "quality"        // quality, absolute terms
	ClaimOrigin        ClaimType = "origin"         // origin, brand history
	ClaimHonour        ClaimType = "honour"         // honours, awards, authority
	ClaimQualification ClaimType = "qualification"  // qualifications, certifications
	ClaimSales         ClaimType = "sales"          // sales status, scarcity
	ClaimTransaction   ClaimType = "transaction"    // transaction information
	ClaimOperatingData ClaimType = "operating_data" // operating data
	ClaimReview        ClaimType = "review"         // user reviews, testimonials
	ClaimCounterfeit   ClaimType = "counterfeit"    // counterfeit slang
	ClaimPrice         ClaimType = "price"          // prices and discounts
)

// ClaimTypes lists every claim type.
var ClaimTypes = []ClaimType{ClaimEntity, ClaimPerformance, ClaimFunction, ClaimQuality,
	ClaimOrigin, ClaimHonour, ClaimQualification, ClaimSales, ClaimTransaction,
	ClaimOperatingData, ClaimReview, ClaimCounterfeit, ClaimPrice}

// Known reports whether c is one of the claim types.
func (c ClaimType) Known() bool {
	for _, k := range ClaimTypes {
		if c == k {
			return true
		}
	}
	return false
}

// Pack is one rule pack file.
type Pack struct {
	// Name identifies the pack ("default"); a later pack's rule with the
	// same id overrides the earlier one.
	Name    string `yaml:"pack"`
	Version int    `yaml:"version"` // the pack format's version: 1
	// Lexicons are named lists of words (term classes) that the rules of
	// every pack of a set may reference as {@name}; an entry "@other"
	// includes the lexicon other. Names match [a-z][a-z0-9_]*. A later
	// pack's lexicon of the same name replaces this one for every rule
	// (see Merge).
	Lexicons map[string][]string `yaml:"lexicons,omitempty"`
	// Guards are named context guards (see Guard) that the rules of every
	// pack of a set may apply by name (Rule.Guards). Names match
	// [a-z][a-z0-9_]*; a later pack's set of the same name replaces this
	// one for every rule, as a lexicon does.
	Guards map[string]Guard `yaml:"guards,omitempty"`
	// Rules are as written: references to lexicons are not yet expanded.
	Rules []Rule `yaml:"rules"`
	// File is where the pack was read from (not in the YAML).
	File string `yaml:"-"`

	// lexLines and refLines locate, for Merge's problems, each lexicon
	// and its words, and each rule item with references (by refKey).
	// Guard words with references and rules' guard set names are in
	// refLines too (guard sets under rule index -1).
	lexLines map[string]lexLines
	refLines map[string]int
}

// Rule is one rule of a pack.
//
// A rule matches a text when one of its terms or patterns occurs in the
// normalised text (see package textnorm; terms, patterns and exceptions
// are normalised the same way), the text's category is in scope, the text's
// source is in Where, and the occurrence does not lie within an occurrence
// of one of the rule's exceptions, and no context guard of the rule holds
// around it (see Guard: a denial before it, a question after it, in its
// clause).
//
// In a pack file, terms, patterns and exceptions may name a lexicon (see
// Pack.Lexicons) as {@name}: "any word of the lexicon". When the rule set
// is put together (Merge, Load) each such string is expanded into the
// cross product of its alternatives ("{@disease}{GAP:3}{@cured}" becomes
// one pattern per disease and outcome), at most MaxExpansions strings per
// rule; the rules of a Set hold only the expanded, plain strings, and each
// expansion meets the same checks as a string written out.
type Rule struct {
	ID        string            `yaml:"id"`         // unique: [a-z0-9][a-z0-9._-]*, at most 64 bytes, e.g. "ad.absolute.best"
	Kind      qinglang.Kind     `yaml:"kind"`       // claim or listing
	ClaimType ClaimType         `yaml:"claim_type"` // see the constants
	Severity  qinglang.Severity `yaml:"severity"`
	// Categories in scope; empty means every category.
	Categories []qinglang.Category `yaml:"categories,omitempty"`
	// ExceptCategories are out of scope even when Categories is empty
	// (e.g. disease claims are lawful only for drugs).
	ExceptCategories []qinglang.Category `yaml:"except_categories,omitempty"`
	// Where limits the sources; empty means every source.
	Where []Source `yaml:"where,omitempty"`
	// Terms are literal words or phrases; in a pack file, {@name} stands
	// for any word of a lexicon ("{@disease}克星").
	Terms []string `yaml:"terms,omitempty"`
	// Patterns are numeric claim patterns: literal text with placeholders
	// {N} (a number: digits, decimals, Chinese numerals after
	// normalisation, e.g. 三, 十五, 3.2, 98) and {GAP:k} (up to k runes of
	// anything). Example: "{N}天瘦{N}斤", "有效率{N}%", "已售{N}万单". In a
	// pack file, {@name} stands for any word of a lexicon, as literal text:
	// "{@disease}{GAP:3}{@cured}", "瘦了{N}{@weight_unit}".
	Patterns []string `yaml:"patterns,omitempty"`
	// Exceptions are lawful look-alikes: a match that lies within an
	// occurrence of an exception is not reported (最近, 第一个链接, 特级).
	// In a pack file, {@name} stands for any word of a lexicon.
	Exceptions []string `yaml:"exceptions,omitempty"`
	// Guards names guard sets of the packs (Pack.Guards) that apply to
	// the rule: "guards: [denial, question]".
	Guards []string `yaml:"guards,omitempty"`
	// Guard is the rule's own context guard (not_after, not_before,
	// within_before, within_after); its Unless applies to the named sets
	// of Guards as well. In a pack file, {@name} stands for any word of a
	// lexicon.
	Guard `yaml:",inline"`
	// InForce are the guards a matcher applies, put together by Merge:
	// each set of Guards as it is in force (references expanded, windows
	// defaulted, the rule's Unless added), then the rule's own guard.
	// Nil when the rule has none or did not go through Merge; see
	// ContextGuards.
	InForce   []Guard `yaml:"-"`
	Basis     string  `yaml:"basis"`    // legal or platform basis, Chinese
	BasisEN   string  `yaml:"basis_en"` // the same in English
	Message   string  `yaml:"message"`  // what is wrong, Chinese
	MessageEN string  `yaml:"message_en"`
	// Rewrite is an optional compliant way to say it.
	Rewrite   string   `yaml:"rewrite,omitempty"`
	RewriteEN string   `yaml:"rewrite_en,omitempty"`
	Examples  Examples `yaml:"examples"`
	// Line is the rule's line in its file (not in the YAML).
	Line int `yaml:"-"`
}

// Examples are texts the rule must and must not match; `qinglang rules
// test` runs them. Every rule has at least one of each.
type Examples struct {
	Match   []Example `yaml:"match"`
	NoMatch []Example `yaml:"no_match"`
}

// Example is one example text with its context.
type Example struct {
	Text     string            `yaml:"text"`
	Category qinglang.Category `yaml:"category,omitempty"` // default "general"
	Where    Source            `yaml:"where,omitempty"`    // default "speech"
}
