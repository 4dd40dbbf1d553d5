package registry

import (
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// Gaps returns what the merchant lacks to sell goods of category cat on
// the day on, from r.Requirements (qualify's matrix; the default when
// nil): the basis of qualification findings. An unknown merchant holds
// nothing, so every need of the category is a gap.
func (r *Registry) Gaps(merchant string, cat qinglang.Category, on time.Time) []qualify.Gap {
	req := r.Requirements
	if req == nil {
		req = qualify.DefaultRequirements()
	}
	var held []qualify.Licence
	if m := r.merchants[merchant]; m != nil {
		held = m.Licences
	}
	return req.Missing(cat, held, on)
}
