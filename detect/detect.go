// Package detect lists the detectors Qinglang runs: one place where scan,
// serve and the tests get the same set, in the same order.
package detect

import (
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/detect/claims"
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/rules"
)

// Set is one process's detectors. The claims detector is shared by every
// partition (it keeps its per-room state in the rooms, and its rules can
// be reloaded for all at once); the others are made per partition.
type Set struct {
	claims *claims.Detector
}

// NewSet compiles the rule packs into a detector set.
func NewSet(rs *rules.Set) (*Set, error) {
	c, err := claims.New(rs)
	if err != nil {
		return nil, err
	}
	return &Set{claims: c}, nil
}

// Detectors returns a partition's detectors, in the order they run.
func (s *Set) Detectors() []pipeline.Detector {
	return []pipeline.Detector{
		pricecheck.New(pricecheck.DefaultConfig),
		s.claims,
	}
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
