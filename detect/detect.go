// Package detect lists the detectors Qinglang runs: one place where scan,
// serve and the tests get the same set, in the same order.
package detect

import (
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/detect/brandcheck"
	"github.com/qinglang/qinglang/detect/claims"
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/detect/qualification"
	"github.com/qinglang/qinglang/detect/relisted"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/rules"
)

// Set is one process's detectors. The claims detector is shared by every
// partition (it keeps its per-room state in the rooms, and its rules can
// be reloaded for all at once); the others are made per partition.
type Set struct {
	claims *claims.Detector
	// qualification and brandcheck only read their registries, so one of
	// each serves every partition; SwapRegistries changes what they read.
	qualification *qualification.Detector
	brandcheck    *brandcheck.Detector
}

// Option adds to a detector set what NewSet does not make by default.
type Option func(*Set)

// WithRegistry runs the qualification checks (licences, hosts, AI hosts)
// against an actor registry; a nil registry runs only the AI-host check.
func WithRegistry(r *registry.Registry) Option {
	return func(s *Set) { s.qualification.Swap(r) }
}

// WithBrands runs the brand checks (unauthorised brands, counterfeit slang
// next to a brand, prices below a brand's floor) against a brand registry;
// nil runs none.
func WithBrands(b *brands.Registry) Option {
	return func(s *Set) { s.brandcheck.Swap(checker(b)) }
}

// NewSet compiles the rule packs into a detector set. Without options the
// qualification detector still runs, without a registry (it then checks
// only that an AI host is labelled).
func NewSet(rs *rules.Set, opts ...Option) (*Set, error) {
	c, err := claims.New(rs)
	if err != nil {
		return nil, err
	}
	s := &Set{claims: c, qualification: qualification.New(nil), brandcheck: brandcheck.New(nil)}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Detectors returns a partition's detectors, in the order they run.
func (s *Set) Detectors() []pipeline.Detector {
	return []pipeline.Detector{
		pricecheck.New(pricecheck.DefaultConfig),
		s.claims,
		s.qualification,
		s.brandcheck,
		relisted.New(),
	}
}

// SwapRegistries puts another actor registry and brand registry in use
// for the events detected from now on, in every partition (nil: none).
func (s *Set) SwapRegistries(r *registry.Registry, b *brands.Registry) {
	s.qualification.Swap(r)
	s.brandcheck.Swap(checker(b))
}

func checker(b *brands.Registry) *brands.Checker {
	if b == nil {
		return nil
	}
	return brands.NewChecker(b)
}

// Reload swaps in new rule packs; on error the running ones stay.
func (s *Set) Reload(rs *rules.Set) error { return s.claims.Reload(rs) }

// Rules returns the rule set the claims detector runs now and its compiled
// matcher (what lint should check against, after any reload).
func (s *Set) Rules() (*rules.Set, *claimmatch.Matcher) { return s.claims.Rules() }

// Default returns the detectors with the built-in rule pack.
func Default() ([]pipeline.Detector, error) {
	rs, err := rules.Load()
	if err != nil {
		return nil, err
	}
	s, err := NewSet(rs)
	if err != nil {
		return nil, err
	}
	return s.Detectors(), nil
}
