package regloop

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var (
	t0 = time.Date(2025, 9, 23, 9, 0, 0, 0, beijing)

	admin       = qinglang.System
	shanghai    = qinglang.Principal{Name: "上海市市场监管局", Role: qinglang.RoleRegulator, Region: "310000"}
	shanghaiCty = qinglang.Principal{Name: "上海市区级", Role: qinglang.RoleRegulator, Region: "310100"}
	huangpu     = qinglang.Principal{Name: "黄浦区市场监管局", Role: qinglang.RoleRegulator, Region: "310101"}
	xuhui       = qinglang.Principal{Name: "徐汇区市场监管局", Role: qinglang.RoleRegulator, Region: "310104"}
	beijingReg  = qinglang.Principal{Name: "北京市市场监管局", Role: qinglang.RoleRegulator, Region: "110000"}
	samr        = qinglang.Principal{Name: "国家市场监管总局", Role: qinglang.RoleRegulator, Region: National}
	douyinGov   = qinglang.Principal{Name: "dy-gov", Role: qinglang.RolePlatform, Platform: "douyin"}
	douyinRev   = qinglang.Principal{Name: "dy-rev", Role: qinglang.RoleReviewer, Platform: "douyin"}
	douyinOp    = qinglang.Principal{Name: "dy-op", Role: qinglang.RoleOperator, Platform: "douyin", Rooms: []string{"r1"}}
	kuaishouGov = qinglang.Principal{Name: "ks-gov", Role: qinglang.RolePlatform, Platform: "kuaishou"}
)

// draft is a valid directive from Huangpu to douyin, due in three days.
func draft() qinglang.Directive {
	return qinglang.Directive{
		Kind:     qinglang.DirectiveRequestToAct,
		Region:   "310101",
		Platform: "douyin",
		CaseID:   "case_1",
		Subject:  &qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "douyin", ID: "h1"},
		Text:     "请核查主播 h1 在直播间 r1 的虚假宣传线索并处置",
		TextEN:   "Check and act on the false-advertising clue against host h1 in room r1",
		Deadline: t0.Add(72 * time.Hour),
	}
}

func mustSend(t *testing.T) qinglang.Directive {
	t.Helper()
	d, err := Send(draft(), huangpu, t0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSend(t *testing.T) {
	in := draft()
	in.Report = "stray"
	in.AcknowledgedAt = t0
	d, err := Send(in, huangpu, t0)
	if err != nil {
		t.Fatal(err)
	}
	if d.State != qinglang.DirectiveSent || !d.SentAt.Equal(t0) || !strings.HasPrefix(d.ID, "dir_") || len(d.ID) != 4+24 {
		t.Fatalf("sent directive = %+v", d)
	}
	if d.Report != "" || !d.AcknowledgedAt.IsZero() || d.Evidence == nil {
		t.Fatalf("stray fields kept or evidence nil: %+v", d)
	}
	if d.Subject == in.Subject {
		t.Fatal("the subject pointer is shared with the input")
	}
	again, _ := Send(draft(), huangpu, t0)
	if again.ID != d.ID {
		t.Fatalf("the same notice at the same instant got ids %s and %s", d.ID, again.ID)
	}
	later, _ := Send(draft(), huangpu, t0.Add(time.Second))
	if later.ID == d.ID {
		t.Fatal("a notice sent later got the same id")
	}
	chosen := draft()
	chosen.ID = "dir_test"
	if d, _ := Send(chosen, huangpu, t0); d.ID != "dir_test" {
		t.Fatalf("a chosen id was replaced by %s", d.ID)
	}
}

func TestSendScope(t *testing.T) {
	for _, tc := range []struct {
		name string
		by   qinglang.Principal
		want qinglang.ErrorCode
	}{
		{"own county", huangpu, ""},
		{"its city", shanghaiCty, ""},
		{"its province", shanghai, ""},
		{"the nation", samr, ""},
		{"admin", admin, ""},
		{"a neighbouring county", xuhui, qinglang.EFORBIDDEN},
		{"another province", beijingReg, qinglang.EFORBIDDEN},
		{"a regulator without a region", qinglang.Principal{Role: qinglang.RoleRegulator}, qinglang.EFORBIDDEN},
		{"the platform", douyinGov, qinglang.EFORBIDDEN},
		{"an operator", douyinOp, qinglang.EFORBIDDEN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Send(draft(), tc.by, t0)
			wantCode(t, err, tc.want)
		})
	}
}

func TestSendValidation(t *testing.T) {
	long := strings.Repeat("字", MaxTextRunes+1)
	for _, tc := range []struct {
		name string
		edit func(*qinglang.Directive)
		at   time.Time
		want qinglang.ErrorCode
	}{
		{"unknown kind", func(d *qinglang.Directive) { d.Kind = "summon" }, t0, qinglang.EINVALID},
		{"no kind", func(d *qinglang.Directive) { d.Kind = "" }, t0, qinglang.EINVALID},
		{"bad region", func(d *qinglang.Directive) { d.Region = "31010" }, t0, qinglang.EINVALID},
		{"no platform", func(d *qinglang.Directive) { d.Platform = "" }, t0, qinglang.EINVALID},
		{"platform with spaces", func(d *qinglang.Directive) { d.Platform = " douyin" }, t0, qinglang.EINVALID},
		{"blank text", func(d *qinglang.Directive) { d.Text = "  " }, t0, qinglang.EINVALID},
		{"text too long", func(d *qinglang.Directive) { d.Text = long }, t0, qinglang.EINVALID},
		{"English text too long", func(d *qinglang.Directive) { d.TextEN = long }, t0, qinglang.EINVALID},
		{"deadline at sending", func(d *qinglang.Directive) { d.Deadline = t0 }, t0, qinglang.EINVALID},
		{"deadline before sending", func(d *qinglang.Directive) { d.Deadline = t0.Add(-time.Hour) }, t0, qinglang.EINVALID},
		{"no deadline", func(d *qinglang.Directive) { d.Deadline = time.Time{} }, t0, qinglang.EINVALID},
		{"no time", func(d *qinglang.Directive) {}, time.Time{}, qinglang.EINVALID},
		{"subject on another platform", func(d *qinglang.Directive) { d.Subject.Platform = "kuaishou" }, t0, qinglang.EINVALID},
		{"subject of unknown kind", func(d *qinglang.Directive) { d.Subject.Kind = "fan" }, t0, qinglang.EINVALID},
		{"no subject", func(d *qinglang.Directive) { d.Subject = nil }, t0, ""},
		{"no case", func(d *qinglang.Directive) { d.CaseID = "" }, t0, ""},
		{"already sent", func(d *qinglang.Directive) { d.State = qinglang.DirectiveAcknowledged }, t0, qinglang.ECONFLICT},
		{"clue transfer", func(d *qinglang.Directive) { d.Kind = qinglang.DirectiveClueTransfer }, t0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := draft()
			tc.edit(&d)
			_, err := Send(d, huangpu, tc.at)
			wantCode(t, err, tc.want)
		})
	}
	// An admin is not stopped by scope, so the region itself is checked.
	d := draft()
	d.Region = "31010"
	_, err := Send(d, admin, t0)
	wantCode(t, err, qinglang.EINVALID)
}

// step is one platform answer in a transition table.
type step func(qinglang.Directive, qinglang.Principal, time.Time) (qinglang.Directive, error)

var (
	ack step = Acknowledge
	act step = func(d qinglang.Directive, by qinglang.Principal, at time.Time) (qinglang.Directive, error) {
		return Act(d, by, "已暂停主播 h1 直播 7 天", at)
	}
	report step = func(d qinglang.Directive, by qinglang.Principal, at time.Time) (qinglang.Directive, error) {
		return Report(d, by, "已核实并处置，详见证据", []string{"f_1", "m_1", "f_1"}, at)
	}
)

func TestTransitions(t *testing.T) {
	sent := mustSend(t)
	acked, err := Acknowledge(sent, douyinGov, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	acted, err := act(acked, douyinRev, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	reported, err := report(acted, douyinGov, t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	byState := map[qinglang.DirectiveState]qinglang.Directive{
		qinglang.DirectiveSent: sent, qinglang.DirectiveAcknowledged: acked,
		qinglang.DirectiveActed: acted, qinglang.DirectiveReported: reported,
	}
	steps := map[string]struct {
		f  step
		to qinglang.DirectiveState
	}{"acknowledge": {ack, qinglang.DirectiveAcknowledged}, "act": {act, qinglang.DirectiveActed}, "report": {report, qinglang.DirectiveReported}}
	allowed := map[qinglang.DirectiveState]string{
		qinglang.DirectiveSent: "acknowledge", qinglang.DirectiveAcknowledged: "act", qinglang.DirectiveActed: "report",
	}
	for from, d := range byState {
		for name, s := range steps {
			t.Run(string(from)+"/"+name, func(t *testing.T) {
				got, err := s.f(d, douyinGov, t0.Add(4*time.Hour))
				if allowed[from] != name {
					wantCode(t, err, qinglang.ECONFLICT)
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if got.State != s.to {
					t.Fatalf("state = %s, want %s", got.State, s.to)
				}
			})
		}
	}
	if !reported.ReportedAt.Equal(t0.Add(3*time.Hour)) || !reported.ActedAt.Equal(t0.Add(2*time.Hour)) {
		t.Fatalf("timestamps = %+v", reported)
	}
	if reported.Report != "已暂停主播 h1 直播 7 天\n已核实并处置，详见证据" {
		t.Fatalf("report = %q", reported.Report)
	}
	if strings.Join(reported.Evidence, ",") != "f_1,m_1" {
		t.Fatalf("evidence = %v", reported.Evidence)
	}
	if acted.Report != "已暂停主播 h1 直播 7 天" || sent.Report != "" {
		t.Fatal("a transition changed its input")
	}
	if Late(reported) {
		t.Fatal("an answer within the deadline is late")
	}
}

func TestNotSent(t *testing.T) {
	_, err := Acknowledge(draft(), douyinGov, t0)
	wantCode(t, err, qinglang.ECONFLICT)
	d := mustSend(t)
	d.State = "lost"
	_, err = Acknowledge(d, douyinGov, t0)
	wantCode(t, err, qinglang.EINVALID)
}

func TestAnswerScope(t *testing.T) {
	for _, tc := range []struct {
		name string
		by   qinglang.Principal
		want qinglang.ErrorCode
	}{
		{"platform", douyinGov, ""},
		{"reviewer", douyinRev, ""},
		{"admin", admin, ""},
		{"foreign platform", kuaishouGov, qinglang.ENOTFOUND},
		{"foreign reviewer", qinglang.Principal{Role: qinglang.RoleReviewer, Platform: "kuaishou"}, qinglang.ENOTFOUND},
		{"platform token without a platform", qinglang.Principal{Role: qinglang.RolePlatform}, qinglang.ENOTFOUND},
		{"room operator", douyinOp, qinglang.ENOTFOUND},
		{"the sending regulator", huangpu, qinglang.EFORBIDDEN},
		{"a regulator above it", shanghai, qinglang.EFORBIDDEN},
		{"an unrelated regulator", beijingReg, qinglang.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustSend(t)
			for _, s := range []step{ack, act, report} {
				d2, err := s(d, tc.by, t0.Add(time.Hour))
				wantCode(t, err, tc.want)
				if err != nil {
					return
				}
				d = d2
			}
			if d.State != qinglang.DirectiveReported {
				t.Fatalf("state = %s", d.State)
			}
		})
	}
}

func TestAnswerValidation(t *testing.T) {
	d := mustSend(t)
	_, err := Acknowledge(d, douyinGov, t0.Add(-time.Minute))
	wantCode(t, err, qinglang.EINVALID) // before it was sent
	_, err = Acknowledge(d, douyinGov, time.Time{})
	wantCode(t, err, qinglang.EINVALID)
	d, _ = Acknowledge(d, douyinGov, t0.Add(time.Hour))
	_, err = Act(d, douyinGov, " ", t0.Add(2*time.Hour))
	wantCode(t, err, qinglang.EINVALID)
	_, err = Act(d, douyinGov, "已下架", t0.Add(30*time.Minute))
	wantCode(t, err, qinglang.EINVALID) // before the acknowledgement
	d, _ = Act(d, douyinGov, "已下架", t0.Add(2*time.Hour))
	_, err = Report(d, douyinGov, "", nil, t0.Add(3*time.Hour))
	wantCode(t, err, qinglang.EINVALID)
	_, err = Report(d, douyinGov, "完成", []string{""}, t0.Add(3*time.Hour))
	wantCode(t, err, qinglang.EINVALID)
	_, err = Report(d, douyinGov, strings.Repeat("字", MaxTextRunes-2), nil, t0.Add(3*time.Hour))
	wantCode(t, err, qinglang.EINVALID) // with what Act recorded, over the limit
	r, err := Report(d, douyinGov, "线索经核查不属实", nil, t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Evidence == nil || len(r.Evidence) != 0 {
		t.Fatalf("evidence = %#v, want empty", r.Evidence)
	}
}

func TestLate(t *testing.T) {
	d := mustSend(t)
	if Late(d) {
		t.Fatal("an unanswered directive is late")
	}
	onTime, _ := Acknowledge(d, douyinGov, d.Deadline)
	if Late(onTime) {
		t.Fatal("an answer exactly at the deadline is late")
	}
	late, err := Acknowledge(d, douyinGov, d.Deadline.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if !Late(late) || late.State != qinglang.DirectiveAcknowledged {
		t.Fatalf("a late acknowledgement: late=%v state=%s", Late(late), late.State)
	}
	// Acknowledged in time, reported late.
	d, _ = Acknowledge(d, douyinGov, t0.Add(time.Hour))
	d, _ = act(d, douyinGov, t0.Add(2*time.Hour))
	d, err = report(d, douyinGov, d.Deadline.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !Late(d) || d.State != qinglang.DirectiveReported {
		t.Fatalf("a late report: late=%v state=%s", Late(d), d.State)
	}
}

func TestCanSeeDirective(t *testing.T) {
	d := mustSend(t)
	d.EscalatedTo = "310100"
	for _, tc := range []struct {
		p    qinglang.Principal
		want bool
	}{
		{admin, true}, {douyinGov, true}, {douyinRev, true}, {huangpu, true}, {shanghaiCty, true},
		{shanghai, true}, {samr, true}, {xuhui, false}, {beijingReg, false}, {kuaishouGov, false}, {douyinOp, false},
	} {
		if got := CanSeeDirective(tc.p, d); got != tc.want {
			t.Errorf("CanSeeDirective(%s) = %v, want %v", tc.p.Name, got, tc.want)
		}
	}
}
