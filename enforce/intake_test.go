package enforce

import (
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/notice"
	"github.com/qinglang/qinglang/qualify"
	"github.com/qinglang/qinglang/registry"
)

func TestOnFindingsOpensCasesAndProposesForReview(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	f := e.finding("r1", "claim.health.cure", qinglang.SeverityCritical, "k1")
	in := e.intake(f)

	if len(in.Opened) != 2 || len(in.Joined) != 0 {
		t.Fatalf("Intake = %+v; want two cases opened (host and room)", in)
	}
	host, room := e.caseOf(qinglang.SubjectHost, "h1"), e.caseOf(qinglang.SubjectRoom, "r1")
	for _, c := range []qinglang.Case{host, room} {
		if !slices.Contains(in.Opened, c.ID) {
			t.Errorf("case %s not in Opened %v", c.ID, in.Opened)
		}
		if c.State != qinglang.CaseMeasureProposed || c.Region != "310101" || !slices.Equal(c.Findings, []string{f.ID}) ||
			!slices.Equal(c.Rooms, []string{"r1"}) {
			t.Errorf("case = %+v; want measure_proposed in 310101 holding %s of r1", c, f.ID)
		}
		if got := e.auditActions("case:" + c.ID); !slices.Equal(got, []string{"case.open", "case.propose"}) {
			t.Errorf("audit of %s = %v", c.ID, got)
		}
	}
	ids, err := e.store.CasesOfFinding(e.ctx, f.ID)
	if err != nil || len(ids) != 2 {
		t.Errorf("CasesOfFinding = %v, %v; want both cases", ids, err)
	}
	// A critical finding deducts 8 points, crossing 2, 4, 6 and 8: the
	// strictest, suspending the stream, needs a reviewer.
	if len(in.Proposed) != 2 {
		t.Fatalf("Proposed = %+v; want one measure per subject", in.Proposed)
	}
	for _, m := range in.Proposed {
		if m.Kind != qinglang.MeasureSuspendLive || m.State != qinglang.MeasureProposed || m.Auto ||
			m.Duration != 7*24*time.Hour || m.Points != 8 || m.Standing != 8 || m.Policy != "default@1" {
			t.Errorf("measure = %+v; want suspend_live 7d proposed, 8 points", m)
		}
	}
	standing, err := e.svc.standing(e.ctx, host.Subject)
	if err != nil || standing != 8 {
		t.Errorf("standing of h1 = %v, %v; want 8", standing, err)
	}
	if v := e.view(host.ID); len(v.Notices) != 0 || len(v.Measures) != 1 {
		t.Errorf("view: %d notices, %d measures; want a proposal and no notice", len(v.Notices), len(v.Measures))
	}
}

func TestOnFindingsAutoWarningIssuesNotice(t *testing.T) {
	e := cwSetup(t)
	e.room("r2", "h2")
	f := e.finding("r2", "claim.exaggeration", qinglang.SeverityHigh, "k1")
	in := e.intake(f)

	// A high finding deducts 3 points: the warning at 2 applies at once.
	if len(in.Proposed) != 2 {
		t.Fatalf("Proposed = %+v; want two warnings", in.Proposed)
	}
	for _, m := range in.Proposed {
		if m.Kind != qinglang.MeasureWarning || m.State != qinglang.MeasureActive || !m.Auto || m.DecidedBy != "policy:default" {
			t.Errorf("measure = %+v; want an active automatic warning", m)
		}
	}
	c := e.caseOf(qinglang.SubjectHost, "h2")
	if c.State != qinglang.CaseNotified {
		t.Errorf("case state = %s; want notified", c.State)
	}
	v := e.view(c.ID)
	if len(v.Notices) != 1 {
		t.Fatalf("notices = %+v; want one", v.Notices)
	}
	n := v.Notices[0]
	if miss := notice.Check(n); miss != nil || n.MeasureID != v.Measures[0].ID || n.AppealBy.IsZero() {
		t.Errorf("notice %+v misses %v", n, miss)
	}
	want := []string{"case.open", "case.propose", "case.decide", "case.notify"}
	if got := e.auditActions("case:" + c.ID); !slices.Equal(got, want) {
		t.Errorf("case audit = %v, want %v", got, want)
	}
	if got := e.auditActions("notice:" + n.ID); !slices.Equal(got, []string{"notice.issue"}) {
		t.Errorf("notice audit = %v", got)
	}
}

func TestOnFindingsIsIdempotent(t *testing.T) {
	e := cwSetup(t)
	e.room("r2", "h2")
	f := e.finding("r2", "claim.exaggeration", qinglang.SeverityHigh, "k1")
	e.intake(f)
	before, err := e.store.AuditEntries(e.ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	again := e.intake(f, f)
	if len(again.Opened)+len(again.Joined)+len(again.Proposed) != 0 {
		t.Errorf("second intake = %+v; want nothing done", again)
	}
	after, err := e.store.AuditEntries(e.ctx, "", 0, 0)
	if err != nil || len(after) != len(before) {
		t.Errorf("audit entries %d → %d (%v); want no new entry", len(before), len(after), err)
	}
	if standing, _ := e.svc.standing(e.ctx, qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h2"}); standing != 3 {
		t.Errorf("standing = %v; want 3 (the finding deducts once)", standing)
	}
	if v := e.view(e.caseOf(qinglang.SubjectHost, "h2").ID); len(v.Measures) != 1 || len(v.Case.Findings) != 1 {
		t.Errorf("view = %d measures, findings %v; want one each", len(v.Measures), v.Case.Findings)
	}
}

func TestOnFindingsBatchSeesItsOwnDeductions(t *testing.T) {
	e := cwSetup(t)
	e.room("r2", "h2")
	f1 := e.finding("r2", "claim.exaggeration", qinglang.SeverityHigh, "k1")
	f2 := e.finding("r2", "claim.exaggeration", qinglang.SeverityHigh, "k2")
	in := e.intake(f1, f2)

	// 3 points: warning; 3 more (6): crosses 4 and 6, limited traffic.
	var kinds []qinglang.MeasureKind
	for _, m := range in.Proposed {
		if m.Subject.Kind == qinglang.SubjectHost {
			kinds = append(kinds, m.Kind)
		}
	}
	if !slices.Equal(kinds, []qinglang.MeasureKind{qinglang.MeasureWarning, qinglang.MeasureLimitTraffic}) {
		t.Fatalf("host measures = %v; want warning then limit_traffic", kinds)
	}
	// The first case was notified of its warning: the second measure
	// needs a case of its own.
	page, err := e.svc.Cases(e.ctx, cwAdmin, CaseFilter{Subject: "host:p1:h2"})
	if err != nil || len(page.Cases) != 2 {
		t.Fatalf("host cases = %+v, %v; want two", page.Cases, err)
	}
	for _, c := range page.Cases {
		if c.State != qinglang.CaseNotified || len(c.Findings) != 1 {
			t.Errorf("case %s: %s with %v; want notified with one finding", c.ID, c.State, c.Findings)
		}
	}
	if len(in.Opened) != 4 {
		t.Errorf("Opened = %v; want four cases (two subjects, two measures each)", in.Opened)
	}
}

func TestOnFindingsSupersedesAPendingProposal(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	first := e.intake(e.finding("r1", "claim.health.cure", qinglang.SeverityCritical, "k1"))
	in := e.intake(e.finding("r1", "claim.exaggeration", qinglang.SeverityHigh, "k2"))

	c := e.caseOf(qinglang.SubjectHost, "h1")
	if c.State != qinglang.CaseMeasureProposed || len(c.Findings) != 2 || len(in.Joined) != 2 {
		t.Fatalf("case = %+v, intake %+v; want both findings, a proposal pending", c, in)
	}
	v := e.view(c.ID)
	states := map[qinglang.MeasureKind]qinglang.MeasureState{}
	for _, m := range v.Measures {
		states[m.Kind] = m.State
	}
	// 8 + 3 = 11 crosses 10: selling revoked, replacing the suspension.
	if states[qinglang.MeasureSuspendLive] != qinglang.MeasureRejected || states[qinglang.MeasureRevokeSelling] != qinglang.MeasureProposed {
		t.Errorf("measures = %v; want suspend_live rejected, revoke_selling proposed", states)
	}
	old := first.Proposed[0].ID
	if got := e.auditActions("measure:" + old); len(got) != 2 || got[1] != "measure.supersede" {
		t.Errorf("audit of %s = %v", old, got)
	}
}

func TestOnFindingsMildFindingOpensNoCase(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	in := e.intake(e.finding("r1", "claim.absolute", qinglang.SeverityLow, "k1"), qinglang.Finding{Rule: "no id"})
	if len(in.Opened)+len(in.Joined)+len(in.Proposed) != 0 {
		t.Errorf("Intake = %+v; want nothing for a low finding", in)
	}
	if n, _ := e.store.Records(e.ctx, qinglang.RecordFilter{Kind: qinglang.RecDeduction}); len(n.Records) != 0 {
		t.Errorf("deductions = %d; want none without a case", len(n.Records))
	}
}

func TestOnFindingsResolvesSubjectsFromTheRegistry(t *testing.T) {
	reg, err := registry.New([]byte("0123456789abcdef-salt"))
	if err != nil {
		t.Fatal(err)
	}
	valid := qualify.Validity{From: cwT0.AddDate(-1, 0, 0), To: cwT0.AddDate(1, 0, 0)}
	for _, err := range []error{
		reg.AddOperator(registry.Operator{ID: "opR", Name: "甲运营公司"}),
		reg.AddMerchant(registry.Merchant{ID: "mR", Name: "乙商贸", USCC: "91350200776049653A"}),
		reg.AddRoom(registry.Room{ID: "r3", Name: "直播间三"}),
		reg.AddRoomLink(registry.RoomLink{RoomID: "r3", OperatorID: "opR", MerchantID: "mR", Validity: valid}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	e := cwSetup(t, func(c *Config) {
		c.Registry = func() *registry.Registry { return reg }
		c.Grouping = casework.Grouping{Subjects: []qinglang.SubjectKind{qinglang.SubjectOperator, qinglang.SubjectMerchant}}
	})
	e.room("r3", "h3") // its room_start names operator op1 and merchant m1
	e.intake(e.finding("r3", "claim.health.cure", qinglang.SeverityMedium, "k1"))
	page, err := e.svc.Cases(e.ctx, cwAdmin, CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, c := range page.Cases {
		subjects = append(subjects, c.Subject.Key())
	}
	slices.Sort(subjects)
	want := []string{"merchant:p1:m1", "merchant:p1:mR", "operator:p1:op1", "operator:p1:opR"}
	if !slices.Equal(subjects, want) {
		t.Errorf("case subjects = %v, want %v", subjects, want)
	}
}
