package enforce

import (
	"context"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/notice"
)

// PublicCases lists the published cases for everyone (no principal), the
// most recently changed first, each masked by notice.Public: its decided
// measures and masked summaries of its findings, never an account, a
// user, an event id or the case's own id. Published is no lookup column,
// so the page is a page of cases of which the published ones are kept: it
// may hold fewer than limit (none, with Next set, when a page held no
// published case).
func (s *Service) PublicCases(ctx context.Context, cursor string, limit int) (PublicPage, error) {
	if limit < 0 || limit > 1000 {
		return PublicPage{}, qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 1000 之间（收到 %d）",
			"limit must be between 1 and 1000 (got %d)", limit)
	}
	page, err := s.cfg.Store.Records(ctx, qinglang.RecordFilter{Kind: qinglang.RecCase, Cursor: cursor, Limit: limit})
	if err != nil {
		return PublicPage{}, err
	}
	out := PublicPage{Cases: []notice.PublicCase{}, Next: page.Next}
	for _, rec := range page.Records {
		c, err := decodeCase(rec)
		if err != nil {
			return PublicPage{}, err
		}
		if !c.Published {
			continue
		}
		ms, err := childrenOf[qinglang.Measure](ctx, s, qinglang.RecMeasure, c.ID)
		if err != nil {
			return PublicPage{}, err
		}
		fs, err := s.findingsOf(ctx, c.Findings)
		if err != nil {
			return PublicPage{}, err
		}
		out.Cases = append(out.Cases, notice.Public(c, ms, fs))
	}
	return out, nil
}
