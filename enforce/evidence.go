package enforce

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/evidence"
)

// Evidence windows and bounds. Product choices: an hour either side of a
// room's findings shows what led to them and what followed; a bundle of
// more than MaxBundleEvents events is too large to hand on as one file.
const (
	EvidenceMargin  = time.Hour
	MaxBundleEvents = 50_000
)

// DefaultGenerator names the program in evidence bundles when
// Config.Generator is empty.
const DefaultGenerator = "qinglang"

// ExportEvidence writes a case's evidence bundle to w (evidence.export;
// evidence.Write): the case with its measures, notices, appeals,
// directives and actions, its findings, the stored events of each of its
// rooms from an hour before that room's first finding to an hour after its
// last (and the room's start and end events), and the audit entries of the
// case and of its measures, notices, appeals, directives and actions.
// More than MaxBundleEvents events is ETOOLARGE. Once the bundle is
// written the export is audited ("case.export") with the SHA-256 and size
// of the bundle, so that a recipient can check the copy it holds against
// the log.
func (s *Service) ExportEvidence(ctx context.Context, p qinglang.Principal, caseID string, w io.Writer) error {
	c, err := s.caseFor(ctx, p, authz.EvidenceExport, caseID)
	if err != nil {
		return err
	}
	v, err := s.caseView(ctx, p, c)
	if err != nil {
		return err
	}
	events, err := s.caseEvents(ctx, c, v.Findings)
	if err != nil {
		return err
	}
	entries, err := s.caseAudit(ctx, v)
	if err != nil {
		return err
	}
	b := evidence.Bundle{
		Case: c, Measures: v.Measures, Notices: v.Notices, Appeals: v.Appeals, Directives: v.Directives,
		Actions: v.Actions, Findings: v.Findings, Events: events, Audit: entries,
		ExportedAt: s.now(), ExportedBy: p.Name, Generator: cmp.Or(s.cfg.Generator, DefaultGenerator),
	}
	h := sha256.New()
	var n byteCount
	if err := evidence.Write(io.MultiWriter(w, h, &n), b); err != nil {
		return err
	}
	rec := exportRecord{ExportedAt: b.ExportedAt, Generator: b.Generator, SHA256: hex.EncodeToString(h.Sum(nil)),
		Bytes: int64(n), Findings: len(b.Findings), Events: len(b.Events), AuditEntries: len(b.Audit)}
	return s.inTx(ctx, func(ch *change) error {
		return s.audit(ctx, ch, p, "case.export", "case:"+c.ID, rec)
	})
}

// exportRecord is what the audit log keeps of an evidence export.
type exportRecord struct {
	ExportedAt   time.Time `json:"exported_at"`
	Generator    string    `json:"generator"`
	SHA256       string    `json:"sha256"`
	Bytes        int64     `json:"bytes"`
	Findings     int       `json:"findings"`
	Events       int       `json:"events"`
	AuditEntries int       `json:"audit_entries"`
}

// byteCount counts the bytes written to it.
type byteCount int64

func (n *byteCount) Write(p []byte) (int, error) {
	*n += byteCount(len(p))
	return len(p), nil
}

// caseEvents reads the stored events of the case's rooms around their
// findings, room by room in the order of c.Rooms, each room's in the order
// of their ts.
func (s *Service) caseEvents(ctx context.Context, c qinglang.Case, fs []qinglang.Finding) ([]qinglang.Event, error) {
	var out []qinglang.Event
	for _, room := range c.Rooms {
		var from, to time.Time
		for _, f := range fs {
			if f.Room != room || f.TS.IsZero() {
				continue
			}
			if from.IsZero() || f.TS.Before(from) {
				from = f.TS
			}
			if to.IsZero() || f.TS.After(to) {
				to = f.TS
			}
		}
		if from.IsZero() {
			continue // no finding of the room is stored any more
		}
		key := qinglang.EventFilter{Platform: c.Subject.Platform, Room: room}
		left := MaxBundleEvents - len(out)
		f := key
		f.From, f.To, f.Limit = from.Add(-EvidenceMargin), to.Add(EvidenceMargin+time.Microsecond), left+1
		evs, err := s.cfg.Store.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		b := key
		b.Types, b.Limit = []qinglang.EventType{qinglang.RoomStart, qinglang.RoomEnd}, 1000
		bounds, err := s.cfg.Store.Events(ctx, b)
		if err != nil {
			return nil, err
		}
		for _, e := range bounds {
			if e.TS.Before(f.From) || !e.TS.Before(f.To) {
				evs = append(evs, e)
			}
		}
		if len(evs) > left {
			return nil, qinglang.Errorf(qinglang.ETOOLARGE, "案件 %[1]s 的证据超过 %[2]d 条事件，无法打包为一个证据包",
				"case %[1]s has more than %[2]d events of evidence: too many for one bundle", c.ID, MaxBundleEvents)
		}
		slices.SortStableFunc(evs, func(a, b qinglang.Event) int { return a.TS.Compare(b.TS) })
		out = append(out, evs...)
	}
	return out, nil
}

// caseAudit reads the audit entries of the case and of everything that
// hangs off it, in seq order, each as one JSON value.
func (s *Service) caseAudit(ctx context.Context, v CaseView) ([]json.RawMessage, error) {
	objects := []string{"case:" + v.Case.ID}
	for _, m := range v.Measures {
		objects = append(objects, "measure:"+m.ID)
	}
	for _, n := range v.Notices {
		objects = append(objects, "notice:"+n.ID)
	}
	for _, a := range v.Appeals {
		objects = append(objects, "appeal:"+a.ID)
	}
	for _, d := range v.Directives {
		objects = append(objects, "directive:"+d.ID)
	}
	for _, a := range v.Actions {
		objects = append(objects, "action:"+a.ID)
	}
	var entries []qinglang.AuditEntry
	for _, obj := range objects {
		es, err := s.objectAudit(ctx, obj)
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	slices.SortFunc(entries, func(a, b qinglang.AuditEntry) int { return cmp.Compare(a.Seq, b.Seq) })
	entries = slices.CompactFunc(entries, func(a, b qinglang.AuditEntry) bool { return a.Seq == b.Seq })
	out := make([]json.RawMessage, 0, len(entries))
	for _, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "编码审计记录 %d 失败", "encoding audit entry %d failed", e.Seq)
		}
		out = append(out, b)
	}
	return out, nil
}

// objectAudit reads every audit entry of one object.
func (s *Service) objectAudit(ctx context.Context, object string) ([]qinglang.AuditEntry, error) {
	var out []qinglang.AuditEntry
	var after int64
	for {
		es, err := s.cfg.Store.AuditEntries(ctx, object, after, auditPage)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
		if len(es) < auditPage {
			return out, nil
		}
		after = es[len(es)-1].Seq
	}
}
