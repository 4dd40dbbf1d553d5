// Package detect lists the detectors Qinglang runs: one place where scan,
// serve and the tests get the same set, in the same order.
package detect

import (
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/pipeline"
)

// Default returns a fresh set of the built-in detectors. Each Engine gets
// its own set, so detectors may keep unsynchronised state.
func Default() []pipeline.Detector {
	return []pipeline.Detector{
		pricecheck.New(pricecheck.DefaultConfig),
	}
}
