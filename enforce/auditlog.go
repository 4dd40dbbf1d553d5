package enforce

import (
	"context"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/authz"
)

// auditPage is how many audit entries one read of the store asks for.
const auditPage = 1000

// AuditEntries returns a page of the audit log in seq order (audit.read):
// the entries after seq after, of one object ("case:ID") or of all, at
// most limit (1..10000; 0 means 1000) read from the store.
//
// Who sees which entries:
//
//   - an admin sees every entry;
//   - a regulator sees the entries of the records it may see: a case, and
//     a measure, notice, appeal, directive or action of a case, when the
//     case is visible to it (authz.Visible); a record of no case when one
//     of its scopes is a region its own covers;
//   - a platform sees the entries of the records of its platform (the
//     record's platform column);
//   - entries of anything that is not a record ("rules", a token that no
//     longer exists) are the admin's alone.
//
// Entries p may not see are left out, so a page may hold fewer entries
// than the store returned; Next is the seq to continue after whenever the
// store returned a full page. Asked for one object p may not see, the
// answer is ENOTFOUND.
func (s *Service) AuditEntries(ctx context.Context, p qinglang.Principal, object string, after int64, limit int) (AuditPage, error) {
	if err := authz.Check(p, authz.AuditRead, authz.Resource{}); err != nil {
		return AuditPage{}, err
	}
	switch {
	case limit < 0 || limit > 10000:
		return AuditPage{}, qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 10000 之间（收到 %d）",
			"limit must be between 1 and 10000 (got %d)", limit)
	case after < 0:
		return AuditPage{}, qinglang.Errorf(qinglang.EINVALID, "after 不能为负数", "after must not be negative")
	case limit == 0:
		limit = 1000
	}
	seen := map[string]bool{}
	visible := func(obj string) (bool, error) {
		if p.Role == qinglang.RoleAdmin {
			return true, nil
		}
		v, ok := seen[obj]
		if !ok {
			var err error
			if v, err = s.objectVisible(ctx, p, obj); err != nil {
				return false, err
			}
			seen[obj] = v
		}
		return v, nil
	}
	if object != "" {
		ok, err := visible(object)
		if err != nil {
			return AuditPage{}, err
		}
		if !ok {
			return AuditPage{}, authz.NotFound()
		}
	}
	es, err := s.cfg.Store.AuditEntries(ctx, object, after, limit)
	if err != nil {
		return AuditPage{}, err
	}
	out := AuditPage{Entries: []qinglang.AuditEntry{}}
	for _, e := range es {
		ok, err := visible(e.Object)
		if err != nil {
			return AuditPage{}, err
		}
		if ok {
			out.Entries = append(out.Entries, e)
		}
	}
	if len(es) == limit {
		out.Next = es[len(es)-1].Seq
	}
	return out, nil
}

// objectVisible reports whether a regulator or a platform p sees the
// audit entries of object (see AuditEntries).
func (s *Service) objectVisible(ctx context.Context, p qinglang.Principal, object string) (bool, error) {
	kind, id, ok := strings.Cut(object, ":")
	if !ok || id == "" {
		return false, nil
	}
	rec, err := s.cfg.Store.Record(ctx, qinglang.RecordKind(kind), id)
	switch {
	case qinglang.Code(err) == qinglang.ENOTFOUND, qinglang.Code(err) == qinglang.EINVALID:
		return false, nil // gone, or no record kind at all
	case err != nil:
		return false, err
	}
	switch p.Role {
	case qinglang.RolePlatform:
		return p.Platform != "" && rec.Platform == p.Platform, nil
	case qinglang.RoleRegulator:
		caseID := rec.CaseID
		if rec.Kind == qinglang.RecCase {
			caseID = rec.ID
		}
		if caseID == "" {
			for _, sc := range rec.Scopes {
				if r, ok := strings.CutPrefix(sc, "region:"); ok && authz.Covers(p.Region, r) {
					return true, nil
				}
			}
			return false, nil
		}
		c, err := s.loadCase(ctx, caseID)
		switch {
		case qinglang.Code(err) == qinglang.ENOTFOUND:
			return false, nil
		case err != nil:
			return false, err
		}
		return authz.Visible(p, caseResource(c)), nil
	}
	return false, nil
}

// VerifyAudit verifies the whole audit log's hash chain, streamed from the
// store page by page through audit's Verifier (cfg.Audit's when the chain
// is keyed), against the given anchors (heads recorded earlier).
func (s *Service) VerifyAudit(ctx context.Context, anchors ...audit.Head) (audit.Report, error) {
	var v *audit.Verifier
	if s.cfg.Audit != nil {
		v = s.cfg.Audit.NewVerifier(anchors...)
	} else {
		v = audit.NewVerifier(anchors...)
	}
	var after int64
	for {
		es, err := s.cfg.Store.AuditEntries(ctx, "", after, auditPage)
		if err != nil {
			return audit.Report{}, err
		}
		for _, e := range es {
			if b := v.Add(audit.Entry{Seq: e.Seq, At: e.At, Actor: e.Actor, Action: e.Action, Object: e.Object,
				Data: e.Data, Prev: e.Prev, Hash: e.Hash}); b != nil {
				return v.Report(), nil
			}
		}
		if len(es) < auditPage {
			return v.Report(), nil
		}
		after = es[len(es)-1].Seq
	}
}
