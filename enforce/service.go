// Package enforce runs the enforcement loop over the store: findings become
// cases (package casework), the policy proposes graduated measures (package
// policy), reviewers decide them, every measure produces a notice that
// satisfies Order 117 art. 14 (package notice), subjects appeal and someone
// other than the decider reviews, regulators send platforms directives
// with deadlines that escalate when overdue and record their instruments on
// cases (package regloop), cases are published masked and export as
// evidence bundles (package evidence), and every change appends to the
// hash-chained audit log (package audit) in the same transaction as the
// change itself.
//
// Every method that a person calls takes the qinglang.Principal making the
// request and checks it with package authz: a resource the principal may
// not see answers ENOTFOUND (as a missing one does), one it may see but not
// change EFORBIDDEN. The pipeline and timers act as qinglang.System.
package enforce

import (
	"context"
	"encoding/json"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/notice"
	"github.com/qinglang/qinglang/policy"
	"github.com/qinglang/qinglang/registry"
)

// Config is what a Service is built from.
type Config struct {
	Store qinglang.Store
	// Policy proposes measures; nil: policy.Default().
	Policy *policy.Policy
	// Grouping says which findings open cases; zero: the default.
	Grouping casework.Grouping
	// Notices configures notice texts; zero: notice.DefaultConfig.
	Notices notice.Config
	// Registry returns the actor registry in use (nil when none): the
	// agency of a host, the operator and merchant of a room, the details
	// a consumer is given in a dispute.
	Registry func() *registry.Registry
	// Region returns the jurisdiction (an administrative division code) a
	// case about the subject falls in, "" when unknown. Nil: the
	// platform's region from Regions, else "".
	Region func(s qinglang.Subject) string
	// Regions maps a platform to the region of its registered seat (the
	// regulator that supervises it by default).
	Regions map[string]string
	// Audit hashes the audit log; nil: unkeyed SHA-256 (audit.Next).
	Audit *audit.Hasher
	// OnChange is told of every record put (for webhooks); nil: nobody.
	// It runs after the commit and must not block.
	OnChange func(rec qinglang.Record)
	// Now is the clock; nil: time.Now.
	Now func() time.Time
	// Generator names the program in evidence bundles.
	Generator string
}

// Service is the enforcement loop. It is safe for concurrent use: state
// lives in the store, and each change is one transaction.
type Service struct {
	cfg Config
}

// New returns a Service, with the defaults filled in.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "执法服务需要存储", "the enforcement service needs a store")
	}
	if cfg.Policy == nil {
		cfg.Policy = policy.Default()
	}
	if err := cfg.Policy.Validate(); err != nil {
		return nil, err
	}
	if cfg.Grouping.Window == 0 && len(cfg.Grouping.Subjects) == 0 {
		cfg.Grouping = casework.DefaultGrouping()
	}
	if err := cfg.Grouping.Validate(); err != nil {
		return nil, err
	}
	if cfg.Notices.MaxFacts == 0 {
		cfg.Notices = notice.DefaultConfig
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Registry == nil {
		cfg.Registry = func() *registry.Registry { return nil }
	}
	return &Service{cfg: cfg}, nil
}

// Policy returns the policy in use.
func (s *Service) Policy() *policy.Policy { return s.cfg.Policy }

// now is the service's clock, in UTC truncated to microseconds (what the
// store and the audit log keep).
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// change is one transaction's work: the records it put, for OnChange
// after the commit.
type change struct {
	tx      qinglang.Tx
	written []qinglang.Record
}

// inTx runs fn in one transaction and commits it; OnChange hears of the
// records put once the commit succeeded.
func (s *Service) inTx(ctx context.Context, fn func(c *change) error) error {
	tx, err := s.cfg.Store.Begin(ctx)
	if err != nil {
		return err
	}
	c := &change{tx: tx}
	if err := fn(c); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if s.cfg.OnChange != nil {
		for _, r := range c.written {
			s.cfg.OnChange(r)
		}
	}
	return nil
}

// put stores v as the body of a record and remembers it for OnChange.
func (c *change) put(ctx context.Context, rec qinglang.Record, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "编码记录 %s 失败", "encoding record %s failed", rec.ID)
	}
	rec.Body = body
	if err := c.tx.PutRecord(ctx, &rec); err != nil {
		return err
	}
	c.written = append(c.written, rec)
	return nil
}

// get reads a record of the transaction into v.
func (c *change) get(ctx context.Context, kind qinglang.RecordKind, id string, v any) (qinglang.Record, error) {
	rec, err := c.tx.GetRecord(ctx, kind, id)
	if err != nil {
		return rec, err
	}
	if err := json.Unmarshal(rec.Body, v); err != nil {
		return rec, qinglang.Wrap(qinglang.EINTERNAL, err, "记录 %s 无法解读", "record %s cannot be read", id)
	}
	return rec, nil
}

// auditTrail appends the entries of trail, in order.
func (s *Service) auditTrail(ctx context.Context, c *change, trail []auditItem) error {
	for _, a := range trail {
		if err := s.audit(ctx, c, a.by, a.action, a.object, a.data); err != nil {
			return err
		}
	}
	return nil
}

// audit appends one entry for a change made by p to object ("case:ID",
// "measure:ID", ...), with data as the entry's JSON.
func (s *Service) audit(ctx context.Context, c *change, p qinglang.Principal, action, object string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "编码审计数据失败", "encoding the audit data failed")
	}
	actor := p.Name
	if p.TokenID != "" {
		actor = p.Name + " (" + p.TokenID + ")"
	}
	_, err = c.tx.AppendAudit(ctx, func(prev *qinglang.AuditEntry) (qinglang.AuditEntry, error) {
		e := audit.Entry{At: s.now(), Actor: actor, Action: action, Object: object, Data: raw}
		var pe *audit.Entry
		if prev != nil {
			pe = &audit.Entry{Seq: prev.Seq, At: prev.At, Actor: prev.Actor, Action: prev.Action, Object: prev.Object,
				Data: prev.Data, Prev: prev.Prev, Hash: prev.Hash}
		}
		var next audit.Entry
		var err error
		if s.cfg.Audit != nil {
			next, err = s.cfg.Audit.Next(pe, e)
		} else {
			next, err = audit.Next(pe, e)
		}
		if err != nil {
			return qinglang.AuditEntry{}, err
		}
		return qinglang.AuditEntry{Seq: next.Seq, At: next.At, Actor: next.Actor, Action: next.Action,
			Object: next.Object, Data: next.Data, Prev: next.Prev, Hash: next.Hash}, nil
	})
	return err
}

// readJSON reads a record outside a transaction into v.
func (s *Service) readJSON(ctx context.Context, kind qinglang.RecordKind, id string, v any) (qinglang.Record, error) {
	rec, err := s.cfg.Store.Record(ctx, kind, id)
	if err != nil {
		return rec, err
	}
	if err := json.Unmarshal(rec.Body, v); err != nil {
		return rec, qinglang.Wrap(qinglang.EINTERNAL, err, "记录 %s 无法解读", "record %s cannot be read", id)
	}
	return rec, nil
}
