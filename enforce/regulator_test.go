package enforce

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/webhook"
)

// rgNotice is a request to act from Pudong's regulator to douyin, due in
// two days.
func rgNotice() qinglang.Directive {
	return qinglang.Directive{Kind: qinglang.DirectiveRequestToAct, Platform: "douyin",
		Text: "请核查主播 h1 的虚假宣传并处置", Deadline: rgT0.Add(48 * time.Hour)}
}

func TestSendDirective(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	pudong, shanghai, jiangsu := rgRegulator("310115"), rgRegulator("310000"), rgRegulator("320000")

	d, err := s.SendDirective(ctx, pudong, rgNotice())
	if err != nil {
		t.Fatal(err)
	}
	if d.Region != "310115" || d.State != qinglang.DirectiveSent || !d.SentAt.Equal(rgT0) || d.ID == "" {
		t.Fatalf("sent %+v", d)
	}
	again, err := s.SendDirective(ctx, pudong, rgNotice())
	if err != nil || again.ID != d.ID {
		t.Fatalf("a retried send: %+v, %v", again, err)
	}
	rec, err := env.store.Record(ctx, qinglang.RecDirective, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Platform != "douyin" || rec.State != "sent" || !rec.Due.Equal(d.Deadline) ||
		!slices.Equal(rec.Scopes, []string{"region:310115"}) {
		t.Fatalf("directive record %+v", rec)
	}

	// A province sends in its county's name; a foreign region may not.
	n := rgNotice()
	n.Region, n.Text = "310115", "另一通知"
	if _, err := s.SendDirective(ctx, shanghai, n); err != nil {
		t.Fatal(err)
	}
	_, err = s.SendDirective(ctx, jiangsu, n)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.SendDirective(ctx, rgDouyin, n)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	n.Region, n.Deadline = "", rgT0
	_, err = s.SendDirective(ctx, pudong, n)
	rgWantCode(t, err, qinglang.EINVALID)

	// About a case: it must be visible; the platform is the case's.
	env.putCase(t, rgCase("case_1"))
	n = rgNotice()
	n.Platform, n.CaseID = "", "case_1"
	_, err = s.SendDirective(ctx, jiangsu, n)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	n.CaseID = "case_none"
	_, err = s.SendDirective(ctx, pudong, n)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	n.CaseID = "case_1"
	withCase, err := s.SendDirective(ctx, pudong, n)
	if err != nil {
		t.Fatal(err)
	}
	if withCase.Platform != "douyin" || withCase.CaseID != "case_1" {
		t.Fatalf("directive about a case %+v", withCase)
	}
	n.Platform = "kuaishou"
	_, err = s.SendDirective(ctx, pudong, n)
	rgWantCode(t, err, qinglang.EINVALID)

	if got := env.auditActions(t, ""); strings.Join(got, ",") != "directive.send,directive.send,directive.send" {
		t.Fatalf("audit %v", got)
	}
}

func TestDirectiveVisibilityAndAnswers(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	d, err := s.SendDirective(ctx, rgRegulator("310115"), rgNotice())
	if err != nil {
		t.Fatal(err)
	}

	list := func(p qinglang.Principal, f DirectiveFilter) []string {
		t.Helper()
		page, err := s.Directives(ctx, p, f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range page.Directives {
			ids = append(ids, d.ID)
		}
		return ids
	}
	for _, p := range []qinglang.Principal{rgDouyin, rgReviewer, rgAdmin, rgRegulator("310000"), rgRegulator("000000")} {
		if got := list(p, DirectiveFilter{}); !slices.Equal(got, []string{d.ID}) {
			t.Errorf("%s lists %v", p.Name, got)
		}
		if _, err := s.Directive(ctx, p, d.ID); err != nil {
			t.Errorf("%s reads: %v", p.Name, err)
		}
	}
	for _, p := range []qinglang.Principal{rgKuaishou, rgRegulator("320000"), rgRegulator("310101")} {
		if got := list(p, DirectiveFilter{}); len(got) != 0 {
			t.Errorf("%s lists %v", p.Name, got)
		}
		_, err := s.Directive(ctx, p, d.ID)
		rgWantCode(t, err, qinglang.ENOTFOUND)
	}
	if got := list(rgDouyin, DirectiveFilter{Platform: "kuaishou"}); len(got) != 0 {
		t.Errorf("douyin lists kuaishou's: %v", got)
	}
	_, err = s.Directives(ctx, rgOperator, DirectiveFilter{})
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.Directive(ctx, rgDouyin, "dir_none")
	rgWantCode(t, err, qinglang.ENOTFOUND)

	// Who answers: the platform (or an admin), nobody else.
	ack := DirectiveAnswer{Step: StepAcknowledge}
	_, err = s.AnswerDirective(ctx, rgKuaishou, d.ID, ack)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.AnswerDirective(ctx, rgReviewer, d.ID, ack)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.AnswerDirective(ctx, rgRegulator("310115"), d.ID, ack)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.AnswerDirective(ctx, rgDouyin, d.ID, DirectiveAnswer{Step: StepAct})
	rgWantCode(t, err, qinglang.EINVALID) // no text
	_, err = s.AnswerDirective(ctx, rgDouyin, d.ID, DirectiveAnswer{Step: StepAct, Text: "已下架"})
	rgWantCode(t, err, qinglang.ECONFLICT) // not acknowledged yet
	_, err = s.AnswerDirective(ctx, rgDouyin, d.ID, DirectiveAnswer{Step: "shrug"})
	rgWantCode(t, err, qinglang.EINVALID)

	env.clock.Add(time.Hour)
	got, err := s.AnswerDirective(ctx, rgDouyin, d.ID, ack)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != qinglang.DirectiveAcknowledged || !got.AcknowledgedAt.Equal(rgT0.Add(time.Hour)) {
		t.Fatalf("acknowledged %+v", got)
	}
	env.clock.Add(time.Hour)
	if _, err := s.AnswerDirective(ctx, rgDouyin, d.ID, DirectiveAnswer{Step: StepAct, Text: "已暂停直播间 r1"}); err != nil {
		t.Fatal(err)
	}
	env.clock.Add(time.Hour)
	got, err = s.AnswerDirective(ctx, rgDouyin, d.ID, DirectiveAnswer{Step: StepReport, Text: "处置完毕",
		Evidence: []string{"msr_1", "msr_1", "f_2"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.State != qinglang.DirectiveReported || !slices.Equal(got.Evidence, []string{"msr_1", "f_2"}) ||
		!strings.Contains(got.Report, "已暂停直播间 r1") {
		t.Fatalf("reported %+v", got)
	}
	rec, err := env.store.Record(ctx, qinglang.RecDirective, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.State != "reported" || !rec.Due.IsZero() {
		t.Fatalf("reported record: state %q, due %v", rec.State, rec.Due)
	}
	stored, err := s.Directive(ctx, rgRegulator("310115"), d.ID)
	if err != nil || stored.State != qinglang.DirectiveReported {
		t.Fatalf("the regulator reads %+v, %v", stored, err)
	}
	want := "directive.send,directive.acknowledge,directive.act,directive.report"
	if got := env.auditActions(t, "directive:"+d.ID); strings.Join(got, ",") != want {
		t.Fatalf("audit %v", got)
	}

	// Every put reached OnChange, and each turns into a webhook message.
	var msgs int
	for _, rec := range env.changes() {
		if m, ok := s.WebhookMessage(rec); ok {
			if m.Type != webhook.EventDirective || m.Platform != "douyin" {
				t.Fatalf("message %+v", m)
			}
			var body qinglang.Directive
			if err := json.Unmarshal(m.Data.(json.RawMessage), &body); err != nil || body.ID != d.ID {
				t.Fatalf("message data %s, %v", m.Data, err)
			}
			msgs++
		}
	}
	if msgs != 4 {
		t.Fatalf("%d directive messages, want 4", msgs)
	}
}

func TestSweepDirectivesEscalates(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	nanjing := rgRegulator("320100") // a city
	n := rgNotice()
	n.Deadline = rgT0.Add(24 * time.Hour)
	late, err := s.SendDirective(ctx, nanjing, n)
	if err != nil {
		t.Fatal(err)
	}
	n.Text = "另一条线索"
	onTime, err := s.SendDirective(ctx, nanjing, n)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AnswerDirective(ctx, rgDouyin, onTime.ID, DirectiveAnswer{Step: StepAcknowledge}); err != nil {
		t.Fatal(err)
	}

	sweep := func() []qinglang.Directive {
		t.Helper()
		ds, err := s.SweepDirectives(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	env.clock.Add(24 * time.Hour) // at the deadline: not yet overdue
	if ds := sweep(); len(ds) != 0 {
		t.Fatalf("escalated at the deadline: %+v", ds)
	}
	page, err := s.Directives(ctx, rgDouyin, DirectiveFilter{Overdue: true})
	if err != nil || len(page.Directives) != 0 {
		t.Fatalf("overdue at the deadline: %+v, %v", page, err)
	}

	env.clock.Add(time.Hour)
	ds := sweep()
	if len(ds) != 2 {
		t.Fatalf("escalated %d, want both", len(ds))
	}
	for _, d := range ds {
		if d.State != qinglang.DirectiveEscalated || d.EscalatedTo != "320000" || !d.EscalatedAt.Equal(rgT0.Add(25*time.Hour)) {
			t.Fatalf("escalated %+v", d)
		}
	}
	rec, err := env.store.Record(ctx, qinglang.RecDirective, late.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.Scopes, []string{"region:320000", "region:320100"}) || !rec.Due.Equal(rgT0.Add(49*time.Hour)) ||
		rec.State != "escalated" {
		t.Fatalf("escalated record %+v", rec)
	}
	page, err = s.Directives(ctx, rgRegulator("320000"), DirectiveFilter{Overdue: true,
		States: []qinglang.DirectiveState{qinglang.DirectiveEscalated}})
	if err != nil || len(page.Directives) != 2 {
		t.Fatalf("the province's overdue list %+v, %v", page, err)
	}
	if ds := sweep(); len(ds) != 0 {
		t.Fatalf("escalated twice in one window: %+v", ds)
	}

	// The platform reports one late; the other goes up to the nation.
	if _, err := s.AnswerDirective(ctx, rgDouyin, onTime.ID, DirectiveAnswer{Step: StepAct, Text: "已处置"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.AnswerDirective(ctx, rgDouyin, onTime.ID, DirectiveAnswer{Step: StepReport, Text: "报告"})
	if err != nil || d.State != qinglang.DirectiveReported || d.EscalatedTo != "320000" {
		t.Fatalf("late report %+v, %v", d, err)
	}
	env.clock.Add(24 * time.Hour)
	ds = sweep()
	if len(ds) != 1 || ds[0].ID != late.ID || ds[0].EscalatedTo != "000000" {
		t.Fatalf("second escalation %+v", ds)
	}
	rec, err = env.store.Record(ctx, qinglang.RecDirective, late.ID)
	if err != nil || !rec.Due.IsZero() {
		t.Fatalf("a national directive keeps a timer: %+v, %v", rec, err)
	}
	env.clock.Add(100 * 24 * time.Hour)
	if ds := sweep(); len(ds) != 0 {
		t.Fatalf("escalated past the nation: %+v", ds)
	}

	var escalations []qinglang.AuditEntry
	for _, e := range env.audit(t, "") {
		if e.Action == "directive.escalate" {
			escalations = append(escalations, e)
		}
	}
	if len(escalations) != 3 {
		t.Fatalf("%d escalation entries, want 3", len(escalations))
	}
	if escalations[0].Actor != qinglang.System.Name || !strings.Contains(string(escalations[2].Data), `"to":"000000"`) ||
		!strings.Contains(string(escalations[2].Data), `"from":"320000"`) {
		t.Fatalf("escalation entries %+v", escalations)
	}
}

func TestRecordActionWidensScopes(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	cs := env.putCase(t, rgCase("case_1"))
	pudong, shanghai, jiangsu := rgRegulator("310115"), rgRegulator("310000"), rgRegulator("320000")

	// lists returns whether p's scope filter, as the store applies it,
	// finds the case.
	lists := func(p qinglang.Principal) bool {
		t.Helper()
		page, err := env.store.Records(ctx, scopeFilter(p, qinglang.RecordFilter{Kind: qinglang.RecCase}))
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(page.Records, func(r qinglang.Record) bool { return r.ID == cs.ID })
	}
	if !lists(pudong) || !lists(shanghai) || lists(jiangsu) {
		t.Fatal("the case's scopes before any action")
	}

	// Who may act.
	guidance := qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: "请规范直播话术"}
	_, _, err := s.RecordAction(ctx, jiangsu, cs.ID, guidance)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, _, err = s.RecordAction(ctx, rgKuaishou, cs.ID, guidance)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, _, err = s.RecordAction(ctx, rgDouyin, cs.ID, guidance)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, _, err = s.RecordAction(ctx, pudong, "case_none", guidance)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, _, err = s.RecordAction(ctx, pudong, cs.ID, qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance})
	rgWantCode(t, err, qinglang.EINVALID)

	c1, a1, err := s.RecordAction(ctx, pudong, cs.ID, guidance)
	if err != nil {
		t.Fatal(err)
	}
	if a1.Region != "310115" || a1.CaseID != cs.ID || a1.By != pudong.Name || !a1.At.Equal(rgT0) || c1.EscalatedTo != "" {
		t.Fatalf("guidance %+v on %+v", a1, c1)
	}
	rec, err := env.store.Record(ctx, qinglang.RecAction, a1.ID)
	if err != nil || rec.CaseID != cs.ID || rec.Platform != "douyin" || !slices.Contains(rec.Scopes, "region:310115") {
		t.Fatalf("action record %+v, %v", rec, err)
	}

	// Escalation: decided by the higher jurisdiction, which then acts;
	// the county keeps reading but no longer acts.
	esc := qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310000", Text: "案情重大，提级管辖"}
	_, _, err = s.RecordAction(ctx, pudong, cs.ID, esc)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	env.clock.Add(time.Hour)
	c2, a2, err := s.RecordAction(ctx, shanghai, cs.ID, esc)
	if err != nil {
		t.Fatal(err)
	}
	if c2.EscalatedTo != "310000" || a2.Target != "310000" {
		t.Fatalf("escalated %+v, %+v", c2, a2)
	}
	rec, err = env.store.Record(ctx, qinglang.RecCase, cs.ID)
	if err != nil || !slices.Equal(rec.Scopes, []string{"region:310000", "region:310115", "room:r1"}) {
		t.Fatalf("escalated case record %+v, %v", rec, err)
	}
	if !lists(shanghai) || !lists(pudong) {
		t.Fatal("after the escalation both regions list the case")
	}
	_, _, err = s.RecordAction(ctx, pudong, cs.ID, guidance)
	rgWantCode(t, err, qinglang.EFORBIDDEN)

	// Sharing with Jiangsu: it now lists and reads the case, and may not act.
	share := qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "320000", Text: "涉及江苏商家"}
	c3, _, err := s.RecordAction(ctx, shanghai, cs.ID, share)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c3.SharedWith, []string{"320000"}) {
		t.Fatalf("shared with %v", c3.SharedWith)
	}
	if !lists(jiangsu) {
		t.Fatal("the region shared with does not list the case")
	}
	view, err := s.Case(ctx, jiangsu, cs.ID)
	if err != nil || len(view.Actions) != 3 {
		t.Fatalf("Jiangsu's view %+v, %v", view, err)
	}
	_, _, err = s.RecordAction(ctx, jiangsu, cs.ID, guidance)
	rgWantCode(t, err, qinglang.EFORBIDDEN)

	// Supervision: once.
	sup := qinglang.RegulatoryAction{Kind: qinglang.ActionSupervise}
	if c4, _, err := s.RecordAction(ctx, shanghai, cs.ID, sup); err != nil || !c4.Supervised {
		t.Fatalf("supervised %+v, %v", c4, err)
	}
	_, _, err = s.RecordAction(ctx, shanghai, cs.ID, sup)
	rgWantCode(t, err, qinglang.ECONFLICT)

	// The audit: one entry per action; the case-changing ones carry the
	// casework change.
	entries := env.audit(t, "case:"+cs.ID)
	var got []string
	for _, e := range entries {
		got = append(got, e.Action)
	}
	want := "case.action.guidance,case.action.escalate,case.action.share,case.action.supervise"
	if strings.Join(got, ",") != want {
		t.Fatalf("audit %v", got)
	}
	var entry struct {
		Action qinglang.RegulatoryAction `json:"action"`
		Change *struct {
			Action  string `json:"action"`
			Details struct {
				Region string `json:"region"`
			} `json:"details"`
		} `json:"change"`
	}
	if err := json.Unmarshal(entries[0].Data, &entry); err != nil || entry.Change != nil || entry.Action.ID != a1.ID {
		t.Fatalf("guidance entry %s, %v", entries[0].Data, err)
	}
	if err := json.Unmarshal(entries[1].Data, &entry); err != nil || entry.Change == nil ||
		entry.Change.Action != "escalate" || entry.Change.Details.Region != "310000" {
		t.Fatalf("escalation entry %s, %v", entries[1].Data, err)
	}
}
