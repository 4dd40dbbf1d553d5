package enforce

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/notice"
	"github.com/qinglang/qinglang/policy"
)

// intakeAttempts is how many times OnFindings plans a finding again when
// another writer changed what the plan rested on before its transaction.
const intakeAttempts = 3

// errIntakeStale says that a record an intake plan read changed before
// the plan's transaction: plan again.
var errIntakeStale = errors.New("enforce: the intake plan is stale")

// OnFindings is the pipeline's hook: it places each finding in cases
// (casework.Plan), deducts its points from each case's subject (one
// deduction per finding and subject, ever) and puts what the policy
// proposes on the case, all as qinglang.System.
//
// The subjects of a finding are its room, and the host, operator,
// merchant and agency of the room's summary in the store and, with a
// registry, the room's operator and merchants and the host's agency on the
// finding's day; cases open for the kinds the grouping names. A new case
// falls in the region cfg.Region (else cfg.Regions) gives its subject.
//
// A proposal goes on the subject's case: an open or in_review case takes
// it (casework propose); a case with a proposal pending has it superseded
// (rejected by the system) by the new one, which the ladder makes at
// least as strict; a case past its decision (decided, notified, appealed,
// reviewed) cannot take another measure, so the finding opens a new case
// for the subject instead of joining it. An automatic measure is decided
// at once and its notice issued (notice.ForMeasure with the policy's
// appeal channel).
//
// Each finding is one transaction, planned from what the store holds
// when it starts, so the findings of a batch see each other's deductions.
// A finding already placed and deducted changes nothing: feeding the same
// findings twice is harmless. Findings without an id are skipped. A
// deduction is dated when it is made (the service's clock), not at the
// finding's time, so that a replay of old events deducts points that
// count from now. A finding a review dismissed (ReviewFinding) deducts
// nothing: it is placed in cases, and proposes no measure. On an error the Intake holds what the findings before
// it did: they are committed.
func (s *Service) OnFindings(ctx context.Context, fs []qinglang.Finding) (Intake, error) {
	out := Intake{Opened: []string{}, Joined: []string{}, Proposed: []qinglang.Measure{}}
	for _, f := range fs {
		if f.ID == "" {
			continue
		}
		if err := s.intakeOne(ctx, f, &out); err != nil {
			return out, err
		}
	}
	return out, nil
}

// intakeOne plans and applies one finding, planning again when the plan
// went stale.
func (s *Service) intakeOne(ctx context.Context, f qinglang.Finding, out *Intake) error {
	if f.Platform == "" {
		f.Platform = qinglang.DefaultPlatform
	}
	for attempt := 1; ; attempt++ {
		pl, err := s.planIntake(ctx, f)
		if err != nil || len(pl.steps) == 0 {
			return err
		}
		var res Intake
		err = s.inTx(ctx, func(c *change) error {
			res = Intake{}
			return s.applyIntake(ctx, c, pl, &res)
		})
		switch {
		case errors.Is(err, errIntakeStale) && attempt < intakeAttempts:
			continue
		case errors.Is(err, errIntakeStale):
			return qinglang.Errorf(qinglang.ECONFLICT, "发现 %s 涉及的案件被同时修改，请重试",
				"the cases of finding %s were changed at the same time; try again", f.ID)
		case err != nil:
			return err
		}
		out.Opened = append(out.Opened, res.Opened...)
		out.Joined = append(out.Joined, res.Joined...)
		out.Proposed = append(out.Proposed, res.Proposed...)
		return nil
	}
}

// intakePlan is what one finding will change, worked out before the
// transaction from what the store held.
type intakePlan struct {
	finding qinglang.Finding
	at      time.Time
	// read holds the records the plan rests on, by kind:id, as read; the
	// transaction checks that they are unchanged.
	read  map[string]qinglang.Record
	steps []intakeStep
	// dismissed: a review dismissed the finding, which deducts nothing.
	dismissed bool
}

// intakeStep is what the finding does for one subject.
type intakeStep struct {
	subject qinglang.Subject
	// place is the finding's placement (nil: a case holds it already).
	place *casework.Placement
	// c is the subject's case holding the finding, after the placement.
	c         qinglang.Case
	deduction *policy.Deduction
	proposal  *policy.Proposal
	// pending is the proposal the new one supersedes.
	pending *qinglang.Measure
	// findings are the case's findings, for an automatic measure's notice.
	findings []qinglang.Finding
}

// deductionRecord is a policy.Deduction as stored.
type deductionRecord struct {
	Subject   qinglang.Subject  `json:"subject"`
	FindingID string            `json:"finding_id"`
	Rule      string            `json:"rule"`
	Severity  qinglang.Severity `json:"severity"`
	Points    float64           `json:"points"`
	At        time.Time         `json:"at"`
}

// deductionID is the id of the deduction a finding makes from a subject:
// one per finding and subject.
func deductionID(s qinglang.Subject, findingID string) string {
	return recordID("ded_", s.Key(), findingID)
}

// planIntake works out what finding f changes.
func (s *Service) planIntake(ctx context.Context, f qinglang.Finding) (intakePlan, error) {
	pl := intakePlan{finding: f, at: s.now(), read: map[string]qinglang.Record{}}
	var err error
	if pl.dismissed, err = s.dismissed(ctx, f.ID, pl.read); err != nil {
		return pl, err
	}
	subjects, err := s.intakeSubjects(ctx, f)
	if err != nil {
		return pl, err
	}
	cases, err := s.subjectCases(ctx, subjects, f.ID, pl.read)
	if err != nil {
		return pl, err
	}
	placed := map[string]*casework.Placement{}
	for _, p := range casework.Plan(s.cfg.Grouping, casework.Resolved{Finding: f, Subjects: subjects}, cases, pl.at) {
		placed[p.Subject.Key()] = &p
	}
	for _, sub := range subjects {
		st := intakeStep{subject: sub, place: placed[sub.Key()]}
		if st.place != nil {
			st.c = st.place.Case
		} else if i := slices.IndexFunc(cases, func(c qinglang.Case) bool {
			return c.Subject == sub && slices.Contains(c.Findings, f.ID)
		}); i >= 0 {
			st.c = cases[i]
		} else {
			continue // no case: a finding too mild to open one
		}
		if err := s.planLedger(ctx, f, &st, pl); err != nil {
			return pl, err
		}
		if st.place != nil && st.place.New {
			st.c.Region = s.regionOf(st.subject)
		}
		if st.place != nil || st.deduction != nil {
			pl.steps = append(pl.steps, st)
		}
	}
	return pl, nil
}

// planLedger deducts f's points from the step's subject, unless done
// before or a review dismissed f, and plans what the policy proposes.
func (s *Service) planLedger(ctx context.Context, f qinglang.Finding, st *intakeStep, pl intakePlan) error {
	pol := s.cfg.Policy
	if !pol.AppliesTo(st.subject.Kind) || pl.dismissed {
		return nil
	}
	history, err := s.deductions(ctx, st.subject)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(history, func(d policy.Deduction) bool { return d.FindingID == f.ID }) {
		return nil // a finding deducts once
	}
	d := pol.Deduct(st.subject, f, pl.at)
	st.deduction = &d
	pr, err := pol.Propose(history, []policy.Deduction{d}, pl.at)
	if err != nil || pr == nil {
		return err
	}
	switch st.c.State {
	case qinglang.CaseOpen, qinglang.CaseInReview:
	case qinglang.CaseMeasureProposed:
		ms, err := childrenOf[qinglang.Measure](ctx, s, qinglang.RecMeasure, st.c.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(ms, func(m qinglang.Measure) bool { return m.State == qinglang.MeasureProposed })
		if i < 0 {
			return qinglang.Errorf(qinglang.EINTERNAL, "案件 %s 处于待决定状态，却没有待决定的措施",
				"case %s awaits a decision but has no proposed measure", st.c.ID)
		}
		rec, err := s.cfg.Store.Record(ctx, qinglang.RecMeasure, ms[i].ID)
		if err != nil {
			return err
		}
		pl.read[string(qinglang.RecMeasure)+":"+rec.ID] = rec
		st.pending = &ms[i]
	default:
		// Past its decision: the finding opens a case of its own, whatever
		// its severity, to carry the new measure.
		if st.place == nil || st.place.New {
			return nil // already in that case (an earlier run): no measure
		}
		g := casework.Grouping{Subjects: []qinglang.SubjectKind{st.subject.Kind}, Window: s.cfg.Grouping.Window,
			MinSeverity: qinglang.SeverityLow}
		ps := casework.Plan(g, casework.Resolved{Finding: f, Subjects: []qinglang.Subject{st.subject}}, nil, pl.at)
		if len(ps) == 0 || ps[0].Subject != st.subject {
			return nil
		}
		st.place, st.c = &ps[0], ps[0].Case
	}
	st.proposal = pr
	if pr.Auto {
		ids := slices.DeleteFunc(slices.Clone(st.c.Findings), func(id string) bool { return id == f.ID })
		if st.findings, err = s.findingsOf(ctx, ids); err != nil {
			return err
		}
		st.findings = append(st.findings, f)
	}
	return nil
}

// deductions returns the subject's stored deductions.
func (s *Service) deductions(ctx context.Context, sub qinglang.Subject) ([]policy.Deduction, error) {
	recs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction, Subject: sub.Key()})
	if err != nil {
		return nil, err
	}
	stored, err := decodeAll[deductionRecord](recs)
	if err != nil {
		return nil, err
	}
	out := make([]policy.Deduction, len(stored))
	for i, d := range stored {
		out[i] = policy.Deduction(d)
	}
	return out, nil
}

// intakeSubjects resolves who finding f is about, of the kinds the
// grouping opens cases for.
func (s *Service) intakeSubjects(ctx context.Context, f qinglang.Finding) ([]qinglang.Subject, error) {
	groupBy := s.cfg.Grouping.Subjects
	if len(groupBy) == 0 {
		groupBy = casework.DefaultSubjects
	}
	var all []qinglang.Subject
	add := func(k qinglang.SubjectKind, id string) {
		sub := qinglang.Subject{Kind: k, Platform: f.Platform, ID: id}
		if id != "" && slices.Contains(groupBy, k) && !slices.Contains(all, sub) {
			all = append(all, sub)
		}
	}
	if f.Room == "" {
		return all, nil
	}
	var host string
	sum, err := s.cfg.Store.Room(ctx, qinglang.RoomKey{Platform: f.Platform, Room: f.Room})
	switch {
	case err == nil:
		host = sum.Host
		add(qinglang.SubjectHost, sum.Host)
		add(qinglang.SubjectOperator, sum.Operator)
		add(qinglang.SubjectMerchant, sum.Merchant)
		add(qinglang.SubjectAgency, sum.Agency)
	case qinglang.Code(err) != qinglang.ENOTFOUND:
		return nil, err
	}
	if reg := s.cfg.Registry(); reg != nil {
		on := f.TS
		if on.IsZero() {
			on = s.now()
		}
		// Registry rooms may name their platform; another platform's room
		// of the same id is not this one.
		if rm, ok := reg.Room(f.Room); !ok || rm.PlatformID == "" || rm.PlatformID == f.Platform {
			if op, ok := reg.RoomOperator(f.Room, on); ok {
				add(qinglang.SubjectOperator, op.ID)
			}
			for _, m := range reg.RoomMerchants(f.Room, on) {
				add(qinglang.SubjectMerchant, m.ID)
			}
		}
		if host != "" {
			if ag, ok := reg.HostAgency(host, on); ok {
				add(qinglang.SubjectAgency, ag.ID)
			}
		}
	}
	add(qinglang.SubjectRoom, f.Room)
	return all, nil
}

// subjectCases returns the cases a placement of finding f must consider:
// the subjects' cases not closed, and every case holding f already (closed
// ones too, so that f is never placed twice). It records them in read.
func (s *Service) subjectCases(ctx context.Context, subjects []qinglang.Subject, findingID string,
	read map[string]qinglang.Record) ([]qinglang.Case, error) {
	var states []string
	for _, st := range qinglang.CaseStates {
		if st != qinglang.CaseClosed {
			states = append(states, string(st))
		}
	}
	keys := map[string]bool{}
	recs := map[string]qinglang.Record{}
	for _, sub := range subjects {
		keys[sub.Key()] = true
		rs, err := s.allRecords(ctx, qinglang.RecordFilter{Kind: qinglang.RecCase, Subject: sub.Key(), States: states})
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			recs[r.ID] = r
		}
	}
	ids, err := s.cfg.Store.CasesOfFinding(ctx, findingID)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := recs[id]; ok {
			continue
		}
		r, err := s.cfg.Store.Record(ctx, qinglang.RecCase, id)
		switch {
		case qinglang.Code(err) == qinglang.ENOTFOUND:
			continue
		case err != nil:
			return nil, err
		}
		if keys[r.Subject] {
			recs[id] = r
		}
	}
	var out []qinglang.Case
	for _, id := range slices.Sorted(maps.Keys(recs)) {
		c, err := decodeCase(recs[id])
		if err != nil {
			return nil, err
		}
		read[string(qinglang.RecCase)+":"+id] = recs[id]
		out = append(out, c)
	}
	return out, nil
}

// applyIntake writes a plan in transaction c, after checking that what it
// rests on is unchanged (errIntakeStale otherwise).
func (s *Service) applyIntake(ctx context.Context, c *change, pl intakePlan, out *Intake) error {
	f := pl.finding
	for _, st := range pl.steps {
		if err := c.unchanged(ctx, qinglang.RecCase, st.c.ID, pl.read); err != nil {
			return err
		}
		cs := st.c
		var trail []auditItem
		if st.place != nil {
			trail = append(trail, auditItem{qinglang.System, "case." + string(st.place.Change.Action), "case:" + cs.ID, st.place.Change})
			if st.place.New {
				out.Opened = append(out.Opened, cs.ID)
			} else {
				out.Joined = append(out.Joined, cs.ID)
			}
		}
		var measures []qinglang.Measure
		var notices []qinglang.Notice
		if st.proposal != nil {
			if st.pending != nil {
				if err := c.unchanged(ctx, qinglang.RecMeasure, st.pending.ID, pl.read); err != nil {
					return err
				}
			}
			r, err := s.applyProposal(cs, st, f.ID, pl.at)
			if err != nil {
				return err
			}
			cs, measures, notices = r.c, r.measures, r.notices
			trail = append(trail, r.trail...)
			out.Proposed = append(out.Proposed, r.measures[len(r.measures)-1])
		}
		if st.place != nil || st.proposal != nil {
			if err := c.putCase(ctx, &cs); err != nil {
				return err
			}
		}
		if st.place != nil {
			if err := c.tx.LinkFinding(ctx, cs.ID, f.ID); err != nil {
				return err
			}
		}
		if d := st.deduction; d != nil {
			id := deductionID(st.subject, f.ID)
			if err := c.unchanged(ctx, qinglang.RecDeduction, id, pl.read); err != nil {
				return err
			}
			// A review made since the plan may have dismissed f.
			if err := c.unchanged(ctx, qinglang.RecReview, reviewID(f.ID), pl.read); err != nil {
				return err
			}
			rec := qinglang.Record{Kind: qinglang.RecDeduction, ID: id, Platform: st.subject.Platform,
				CaseID: cs.ID, Subject: st.subject.Key()}
			if err := c.put(ctx, rec, deductionRecord(*d)); err != nil {
				return err
			}
		}
		for _, m := range measures {
			if err := c.put(ctx, measureRecord(m), m); err != nil {
				return err
			}
		}
		for _, n := range notices {
			if err := c.put(ctx, noticeRecord(n), n); err != nil {
				return err
			}
		}
		if err := s.auditTrail(ctx, c, trail); err != nil {
			return err
		}
	}
	return nil
}

// unchanged checks in the transaction that the record kind:id is as the
// plan read it (absent when the plan did not read it).
func (c *change) unchanged(ctx context.Context, kind qinglang.RecordKind, id string, read map[string]qinglang.Record) error {
	was, ok := read[string(kind)+":"+id]
	rec, err := c.tx.GetRecord(ctx, kind, id)
	switch {
	case qinglang.Code(err) == qinglang.ENOTFOUND:
		if ok {
			return errIntakeStale
		}
		return nil
	case err != nil:
		return err
	case !ok || rec.State != was.State || !bytes.Equal(rec.Body, was.Body):
		return errIntakeStale
	}
	return nil
}

// auditItem is one audit entry to append.
type auditItem struct {
	by     qinglang.Principal
	action string
	object string
	data   any
}

// proposalResult is what a policy proposal did to a case: the case after
// it, the measures written (a superseded one first, then the new one), the
// notice of an automatic measure, and the audit trail.
type proposalResult struct {
	c        qinglang.Case
	measures []qinglang.Measure
	notices  []qinglang.Notice
	trail    []auditItem
}

// applyProposal puts the step's proposal on case cs as the system:
// supersedes the pending proposal, proposes, and for an automatic measure
// decides and notifies with its notice.
func (s *Service) applyProposal(cs qinglang.Case, st intakeStep, findingID string, at time.Time) (proposalResult, error) {
	sys := qinglang.System
	r := proposalResult{c: cs}
	step := func(a casework.Action) error {
		n, ch, err := casework.Apply(r.c, a, sys, at)
		if err != nil {
			return err
		}
		r.c = n
		r.trail = append(r.trail, auditItem{sys, "case." + string(a.Kind), "case:" + n.ID, ch})
		return nil
	}
	pr := st.proposal
	m := pr.Measure(cs.ID, at)
	m.ID = recordID("msr_", cs.ID, st.subject.Key(), findingID)
	if old := st.pending; old != nil {
		o := *old
		o.State, o.DecidedAt, o.DecidedBy = qinglang.MeasureRejected, at, policy.DecidedBy(s.cfg.Policy.Name)
		r.measures = append(r.measures, o)
		r.trail = append(r.trail, auditItem{sys, "measure.supersede", "measure:" + o.ID, o})
		if err := step(casework.Action{Kind: casework.ActDecide, MeasureID: o.ID, Approve: false,
			Reason: "被策略提出的更严措施 " + m.ID + " 取代 / superseded by the policy's stricter proposal " + m.ID}); err != nil {
			return r, err
		}
	}
	r.trail = append(r.trail, auditItem{sys, "measure.propose", "measure:" + m.ID, m})
	if err := step(casework.Action{Kind: casework.ActPropose, MeasureID: m.ID}); err != nil {
		return r, err
	}
	r.measures = append(r.measures, m)
	if !pr.Auto {
		return r, nil
	}
	if err := step(casework.Action{Kind: casework.ActDecide, MeasureID: m.ID, Approve: true}); err != nil {
		return r, err
	}
	ch := notice.AppealChannel{Text: pr.Appeal, TextEN: pr.AppealEN, Within: pr.AppealWithin}
	n, err := s.cfg.Notices.ForMeasure(r.c, m, st.findings, ch, at)
	if err != nil {
		return r, err
	}
	r.notices = append(r.notices, n)
	r.trail = append(r.trail, noticeAudit(sys, n))
	if err := step(casework.Action{Kind: casework.ActNotify, NoticeID: n.ID}); err != nil {
		return r, err
	}
	return r, nil
}

// regionOf is the region a new case about subject sub falls in.
func (s *Service) regionOf(sub qinglang.Subject) string {
	if s.cfg.Region != nil {
		if r := s.cfg.Region(sub); r != "" {
			return r
		}
	}
	return s.cfg.Regions[sub.Platform]
}
