package enforce

import (
	"context"
	"errors"
)

// Sweep runs the timers once, as qinglang.System: it lifts the measures
// whose end has passed (SweepMeasures) and escalates the directives whose
// deadline or next escalation has passed (SweepDirectives). One failing
// does not stop the other: what each did is in the result, and their
// errors are joined.
func (s *Service) Sweep(ctx context.Context) (SweepResult, error) {
	lifted, lerr := s.SweepMeasures(ctx)
	escalated, eerr := s.SweepDirectives(ctx)
	return SweepResult{Lifted: lifted, Escalated: escalated}, errors.Join(lerr, eerr)
}
