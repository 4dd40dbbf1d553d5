package enforce

import (
	"slices"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

func TestCasesListsOnlyVisibleCases(t *testing.T) {
	e := cwSetup(t)
	e.proposed() // cases about host h1 and room r1, platform p1, region 310101
	for _, tc := range []struct {
		p    qinglang.Principal
		want int
	}{
		{cwAdmin, 2}, {cwPlatform, 2}, {cwReviewer, 2}, {cwOperator, 2}, {cwShanghai, 2},
		{cwOther, 0}, {cwStranger, 0}, {cwGuangdong, 0},
	} {
		page, err := e.svc.Cases(e.ctx, tc.p, CaseFilter{})
		if err != nil || len(page.Cases) != tc.want {
			t.Errorf("Cases as %s (%s) = %d cases, %v; want %d", tc.p.Name, tc.p.Role, len(page.Cases), err, tc.want)
		}
	}
	for _, tc := range []struct {
		name string
		f    CaseFilter
		want int
	}{
		{"by state", CaseFilter{State: qinglang.CaseMeasureProposed}, 2},
		{"by another state", CaseFilter{State: qinglang.CaseClosed}, 0},
		{"by subject", CaseFilter{Subject: "room:p1:r1"}, 1},
		{"published only", CaseFilter{Published: true}, 0},
		{"another platform's", CaseFilter{Platform: "p2"}, 0},
		{"one a page", CaseFilter{Limit: 1}, 1},
	} {
		page, err := e.svc.Cases(e.ctx, cwPlatform, tc.f)
		if err != nil || len(page.Cases) != tc.want {
			t.Errorf("Cases %s = %d, %v; want %d", tc.name, len(page.Cases), err, tc.want)
		}
	}
	page, err := e.svc.Cases(e.ctx, cwPlatform, CaseFilter{Limit: 1})
	if err != nil || page.Next == "" {
		t.Fatalf("first page = %+v, %v; want a next page", page, err)
	}
	next, err := e.svc.Cases(e.ctx, cwPlatform, CaseFilter{Limit: 1, Cursor: page.Next})
	if err != nil || len(next.Cases) != 1 || next.Cases[0].ID == page.Cases[0].ID {
		t.Errorf("second page = %+v, %v", next, err)
	}
	_, err = e.svc.Cases(e.ctx, cwPlatform, CaseFilter{State: "lost"})
	cwCode(t, "unknown state", err, qinglang.EINVALID)
	_, err = e.svc.Cases(e.ctx, cwPlatform, CaseFilter{Limit: 5000})
	cwCode(t, "limit too large", err, qinglang.EINVALID)
}

func TestCaseViewAndScope(t *testing.T) {
	e := cwSetup(t)
	c, m := e.proposed()
	v, err := e.svc.Case(e.ctx, cwPlatform, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Case.ID != c.ID || len(v.Measures) != 1 || v.Measures[0].ID != m.ID || len(v.Findings) != 1 ||
		v.Findings[0].Summary == "" || len(v.Notices) != 0 || v.Directives == nil || v.Actions == nil {
		t.Errorf("view = %+v", v)
	}
	// A platform may decide (its own route), not propose again from here.
	if !slices.Contains(v.Available, casework.ActDecide) || !slices.Contains(v.Available, casework.ActClose) {
		t.Errorf("Available to the platform = %v", v.Available)
	}
	if op, err := e.svc.Case(e.ctx, cwOperator, c.ID); err != nil || slices.Contains(op.Available, casework.ActComment) {
		t.Errorf("operator's view = %v, %v; want no comment (cases.write)", op.Available, err)
	}
	for _, p := range []qinglang.Principal{cwOther, cwStranger, cwGuangdong} {
		_, err := e.svc.Case(e.ctx, p, c.ID)
		cwCode(t, "Case as "+p.Name, err, qinglang.ENOTFOUND)
	}
	_, err = e.svc.Case(e.ctx, cwAdmin, "case_missing")
	cwCode(t, "missing case", err, qinglang.ENOTFOUND)
	if _, err := e.svc.Case(e.ctx, cwShanghai, c.ID); err != nil {
		t.Errorf("Case as the regulator of the region: %v", err)
	}
}

func TestActOnCase(t *testing.T) {
	e := cwSetup(t)
	e.room("r1", "h1")
	e.intake(e.finding("r1", "claim.health.cure", qinglang.SeverityMedium, "k1"))
	c := e.caseOf(qinglang.SubjectHost, "h1")

	got, err := e.svc.ActOnCase(e.ctx, cwReviewer, c.ID, casework.Action{Kind: casework.ActAssign, Assignee: "王审核员"})
	if err != nil || got.Assignee != "王审核员" {
		t.Fatalf("assign = %+v, %v", got, err)
	}
	got, err = e.svc.ActOnCase(e.ctx, cwReviewer, c.ID, casework.Action{Kind: casework.ActStartReview})
	if err != nil || got.State != qinglang.CaseInReview {
		t.Fatalf("start_review = %+v, %v", got.State, err)
	}
	// A regulator acts by casework's table: it comments, it does not assign.
	if _, err := e.svc.ActOnCase(e.ctx, cwShanghai, c.ID, casework.Action{Kind: casework.ActComment, Text: "请核查资质"}); err != nil {
		t.Errorf("regulator comment: %v", err)
	}
	_, err = e.svc.ActOnCase(e.ctx, cwShanghai, c.ID, casework.Action{Kind: casework.ActAssign, Assignee: "x"})
	cwCode(t, "regulator assign", err, qinglang.EFORBIDDEN)
	_, err = e.svc.ActOnCase(e.ctx, cwGuangdong, c.ID, casework.Action{Kind: casework.ActComment, Text: "x"})
	cwCode(t, "regulator of another region", err, qinglang.ENOTFOUND)
	_, err = e.svc.ActOnCase(e.ctx, cwOperator, c.ID, casework.Action{Kind: casework.ActComment, Text: "x"})
	cwCode(t, "operator comment", err, qinglang.EFORBIDDEN)
	_, err = e.svc.ActOnCase(e.ctx, cwOther, c.ID, casework.Action{Kind: casework.ActClose, Reason: "x"})
	cwCode(t, "another platform", err, qinglang.ENOTFOUND)
	for _, k := range []casework.ActionKind{casework.ActPropose, casework.ActDecide, casework.ActAppeal, casework.ActReviewAppeal} {
		_, err = e.svc.ActOnCase(e.ctx, cwAdmin, c.ID, casework.Action{Kind: k})
		cwCode(t, string(k)+" through ActOnCase", err, qinglang.EINVALID)
	}
	_, err = e.svc.ActOnCase(e.ctx, cwReviewer, c.ID, casework.Action{Kind: casework.ActStartReview})
	cwCode(t, "start_review twice", err, qinglang.ECONFLICT)
	got, err = e.svc.ActOnCase(e.ctx, cwPlatform, c.ID, casework.Action{Kind: casework.ActClose, Reason: "证据不足"})
	if err != nil || got.State != qinglang.CaseClosed || got.ClosedAt.IsZero() {
		t.Fatalf("close = %+v, %v", got, err)
	}
	want := []string{"case.open", "case.assign", "case.start_review", "case.comment", "case.close"}
	if got := e.auditActions("case:" + c.ID); !slices.Equal(got, want) {
		t.Errorf("audit = %v, want %v", got, want)
	}
	// Scopes follow the case: shared with Guangzhou, the Guangdong
	// regulator lists it.
	if _, err := e.svc.ActOnCase(e.ctx, cwShanghai, c.ID, casework.Action{Kind: casework.ActShare, Region: "440100"}); err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.Cases(e.ctx, cwGuangdong, CaseFilter{})
	if err != nil || len(page.Cases) != 1 || page.Cases[0].ID != c.ID {
		t.Errorf("Cases as the region shared with = %+v, %v", page.Cases, err)
	}
}
