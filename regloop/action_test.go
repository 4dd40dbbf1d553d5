package regloop

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// huangpuCase is a case in Huangpu, Shanghai.
func huangpuCase() qinglang.Case {
	return qinglang.Case{
		ID:       "case_1",
		Subject:  qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "douyin", ID: "h1"},
		State:    qinglang.CaseInReview,
		Region:   "310101",
		OpenedAt: t0,
	}
}

func TestRecordPerKind(t *testing.T) {
	text := "责令改正虚假宣传"
	for _, tc := range []struct {
		name string
		a    qinglang.RegulatoryAction
		want qinglang.ErrorCode
	}{
		{"guidance", qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: text}, ""},
		{"guidance without text", qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance}, qinglang.EINVALID},
		{"interview", qinglang.RegulatoryAction{Kind: qinglang.ActionInterview, Text: "约谈平台负责人"}, ""},
		{"interview with blank text", qinglang.RegulatoryAction{Kind: qinglang.ActionInterview, Text: " \n"}, qinglang.EINVALID},
		{"exposure", qinglang.RegulatoryAction{Kind: qinglang.ActionExposure, Text: "典型案例曝光"}, ""},
		{"exposure without text", qinglang.RegulatoryAction{Kind: qinglang.ActionExposure}, qinglang.EINVALID},
		{"penalty", qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: "沪市监罚〔2025〕1号", FineFen: 10_000_000}, ""},
		{"penalty without a fine", qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: "警告"}, ""},
		{"penalty without text", qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, FineFen: 100}, qinglang.EINVALID},
		{"negative fine", qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: text, FineFen: -1}, qinglang.EINVALID},
		{"fine on guidance", qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: text, FineFen: 100}, qinglang.EINVALID},
		{"target on a penalty", qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: text, Target: "310000"}, qinglang.EINVALID},
		{"text too long", qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: strings.Repeat("字", MaxTextRunes+1)}, qinglang.EINVALID},
		{"escalate to the province", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310000"}, ""},
		{"escalate to the nation", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: National}, ""},
		{"escalate to itself", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310101"}, qinglang.EINVALID},
		{"escalate sideways", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "110000"}, qinglang.EINVALID},
		{"escalate without target", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate}, qinglang.EINVALID},
		{"escalate to a bad code", qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "31000"}, qinglang.EINVALID},
		{"supervise", qinglang.RegulatoryAction{Kind: qinglang.ActionSupervise}, ""},
		{"share", qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "330100", Text: "涉及杭州发货仓"}, ""},
		{"share with itself", qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "310101"}, qinglang.EINVALID},
		{"share without target", qinglang.RegulatoryAction{Kind: qinglang.ActionShare}, qinglang.EINVALID},
		{"unknown kind", qinglang.RegulatoryAction{Kind: "fine", Text: text}, qinglang.EINVALID},
		{"another case's action", qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: text, CaseID: "case_2"}, qinglang.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, a, err := Record(huangpuCase(), tc.a, samr, t0)
			wantCode(t, err, tc.want)
			if err != nil {
				return
			}
			if a.CaseID != "case_1" || a.Region != National || !a.At.Equal(t0) || a.By != samr.Name || !strings.HasPrefix(a.ID, "act_") {
				t.Fatalf("recorded action = %+v", a)
			}
			switch a.Kind {
			case qinglang.ActionEscalate:
				if c.EscalatedTo != tc.a.Target {
					t.Fatalf("EscalatedTo = %q", c.EscalatedTo)
				}
			case qinglang.ActionSupervise:
				if !c.Supervised {
					t.Fatal("not supervised")
				}
			case qinglang.ActionShare:
				if len(c.SharedWith) != 1 || c.SharedWith[0] != tc.a.Target {
					t.Fatalf("SharedWith = %v", c.SharedWith)
				}
			default:
				if c.EscalatedTo != "" || c.Supervised || len(c.SharedWith) != 0 {
					t.Fatalf("a %s changed the case: %+v", a.Kind, c)
				}
			}
		})
	}
}

func TestRecordScope(t *testing.T) {
	guidance := qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: "合规指导"}
	for _, tc := range []struct {
		name   string
		by     qinglang.Principal
		want   qinglang.ErrorCode
		region string
	}{
		{"the county", huangpu, "", "310101"},
		{"its city", shanghaiCty, "", "310100"},
		{"its province", shanghai, "", "310000"},
		{"the nation", samr, "", National},
		{"admin", admin, "", "310101"},
		{"a neighbouring county", xuhui, qinglang.ENOTFOUND, ""},
		{"another province", beijingReg, qinglang.ENOTFOUND, ""},
		{"the case's platform", douyinGov, qinglang.EFORBIDDEN, ""},
		{"the case's reviewer", douyinRev, qinglang.EFORBIDDEN, ""},
		{"another platform", kuaishouGov, qinglang.ENOTFOUND, ""},
		{"an operator", douyinOp, qinglang.ENOTFOUND, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, a, err := Record(huangpuCase(), guidance, tc.by, t0)
			wantCode(t, err, tc.want)
			if err == nil && a.Region != tc.region {
				t.Fatalf("acted as region %q, want %q", a.Region, tc.region)
			}
		})
	}
}

func TestRecordWithoutRegion(t *testing.T) {
	c := huangpuCase()
	c.Region = ""
	g := qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: "合规指导"}
	_, _, err := Record(c, g, samr, t0)
	wantCode(t, err, qinglang.ENOTFOUND) // no regulator sees it
	_, _, err = Record(c, g, admin, t0)
	wantCode(t, err, qinglang.EINVALID)
	_, _, err = Record(huangpuCase(), g, admin, time.Time{})
	wantCode(t, err, qinglang.EINVALID)
}

func TestSharingGivesReadAndComment(t *testing.T) {
	c, _, err := Record(huangpuCase(), qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "110000", Text: "涉京仓储"}, huangpu, t0)
	if err != nil {
		t.Fatal(err)
	}
	if !VisibleToRegulator("110000", c) {
		t.Fatal("Beijing cannot see a case shared with it")
	}
	if VisibleToRegulator("110105", c) {
		t.Fatal("a Beijing district sees a case shared with the Beijing province")
	}
	if MayAct("110000", c) {
		t.Fatal("a region the case is shared with may act on it")
	}
	for _, a := range []qinglang.RegulatoryAction{
		{Kind: qinglang.ActionGuidance, Text: "指导"},
		{Kind: qinglang.ActionEscalate, Target: National},
		{Kind: qinglang.ActionShare, Target: "120000"},
	} {
		_, _, err := Record(c, a, beijingReg, t0.Add(time.Hour))
		wantCode(t, err, qinglang.EFORBIDDEN)
	}
	c2, err := Comment(c, "北京仓库已查封", beijingReg, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(c2.Comments) != 1 || c2.Comments[0].Author != beijingReg.Name || c2.Comments[0].Text != "北京仓库已查封" {
		t.Fatalf("comments = %+v", c2.Comments)
	}
	if len(c.Comments) != 0 {
		t.Fatal("Comment changed its input")
	}
	// Sharing again with the same region records, without a duplicate.
	c3, a, err := Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "110000", Text: "补充线索"}, huangpu, t0.Add(2*time.Hour))
	if err != nil || a.Text != "补充线索" {
		t.Fatal(err)
	}
	if len(c3.SharedWith) != 1 {
		t.Fatalf("SharedWith = %v", c3.SharedWith)
	}
}

func TestSharedWithDoesNotAlias(t *testing.T) {
	base := huangpuCase()
	base.SharedWith = make([]string, 1, 4)
	base.SharedWith[0] = "330000"
	a, _, _ := Record(base, qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "110000"}, huangpu, t0)
	b, _, _ := Record(base, qinglang.RegulatoryAction{Kind: qinglang.ActionShare, Target: "120000"}, huangpu, t0)
	if a.SharedWith[1] != "110000" || b.SharedWith[1] != "120000" || len(base.SharedWith) != 1 {
		t.Fatalf("shared slices alias: %v %v %v", a.SharedWith, b.SharedWith, base.SharedWith)
	}
}

func TestEscalatedCaseJurisdiction(t *testing.T) {
	// Only the higher jurisdiction decides an escalation.
	_, _, err := Record(huangpuCase(), qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310000"}, huangpu, t0)
	wantCode(t, err, qinglang.EFORBIDDEN)
	c, a, err := Record(huangpuCase(), qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310000", Text: "提级"}, shanghai, t0)
	if err != nil {
		t.Fatal(err)
	}
	if c.EscalatedTo != "310000" || a.Target != "310000" || Jurisdiction(c) != "310000" {
		t.Fatalf("escalated case = %+v", c)
	}
	// The county still reads and comments, but no longer acts.
	if !VisibleToRegulator("310101", c) || MayAct("310101", c) || MayAct("310100", c) || !MayAct("310000", c) {
		t.Fatal("jurisdiction after escalation wrong")
	}
	_, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: "处罚", FineFen: 1}, huangpu, t0.Add(time.Hour))
	wantCode(t, err, qinglang.EFORBIDDEN)
	if _, err := Comment(c, "已移交全部材料", huangpu, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	_, a, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionPenalty, Text: "处罚", FineFen: 560_000_000}, shanghai, t0.Add(time.Hour))
	if err != nil || a.Region != "310000" || a.FineFen != 560_000_000 {
		t.Fatalf("penalty by the higher jurisdiction: %+v, %v", a, err)
	}
	// A further escalation must go above the province, not back to the city.
	_, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310100"}, samr, t0.Add(time.Hour))
	wantCode(t, err, qinglang.EINVALID)
	_, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: "310000"}, samr, t0.Add(time.Hour))
	wantCode(t, err, qinglang.EINVALID)
	c, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: National}, samr, t0.Add(time.Hour))
	if err != nil || c.EscalatedTo != National {
		t.Fatalf("national escalation: %v, %q", err, c.EscalatedTo)
	}
	_, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionEscalate, Target: National}, samr, t0.Add(2*time.Hour))
	wantCode(t, err, qinglang.EINVALID) // nothing is higher
}

func TestSuperviseOnce(t *testing.T) {
	c, _, err := Record(huangpuCase(), qinglang.RegulatoryAction{Kind: qinglang.ActionSupervise, Text: "挂牌督办"}, shanghai, t0)
	if err != nil || !c.Supervised {
		t.Fatalf("supervise: %v %+v", err, c)
	}
	_, _, err = Record(c, qinglang.RegulatoryAction{Kind: qinglang.ActionSupervise}, shanghai, t0.Add(time.Hour))
	wantCode(t, err, qinglang.ECONFLICT)
}

func TestActionID(t *testing.T) {
	g := qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: "指导"}
	_, a1, _ := Record(huangpuCase(), g, huangpu, t0)
	_, a2, _ := Record(huangpuCase(), g, huangpu, t0)
	_, a3, _ := Record(huangpuCase(), g, huangpu, t0.Add(time.Second))
	if a1.ID != a2.ID || a1.ID == a3.ID {
		t.Fatalf("ids %s %s %s", a1.ID, a2.ID, a3.ID)
	}
	g.ID = "act_chosen"
	if _, a, _ := Record(huangpuCase(), g, huangpu, t0); a.ID != "act_chosen" {
		t.Fatalf("a chosen id was replaced by %s", a.ID)
	}
	anon := qinglang.Principal{TokenID: "tok_9", Role: qinglang.RoleRegulator, Region: "310101"}
	if _, a, _ := Record(huangpuCase(), qinglang.RegulatoryAction{Kind: qinglang.ActionGuidance, Text: "指导"}, anon, t0); a.By != "tok_9" {
		t.Fatalf("By = %q, want the token id", a.By)
	}
}

func TestVisibleToRegulator(t *testing.T) {
	c := huangpuCase()
	c.EscalatedTo = "310000"
	c.SharedWith = []string{"330100"}
	for _, tc := range []struct {
		region string
		want   bool
	}{
		{"310101", true}, {"310100", true}, {"310000", true}, {National, true},
		{"330100", true}, {"330102", false}, {"330000", true}, {"310104", false},
		{"110000", false}, {"", false}, {"bogus", false},
	} {
		if got := VisibleToRegulator(tc.region, c); got != tc.want {
			t.Errorf("VisibleToRegulator(%q) = %v, want %v", tc.region, got, tc.want)
		}
	}
	if VisibleToRegulator(National, qinglang.Case{ID: "x"}) {
		t.Error("a case without a region is visible to a regulator")
	}
}

func TestCommentScope(t *testing.T) {
	c := huangpuCase()
	for _, tc := range []struct {
		name string
		by   qinglang.Principal
		text string
		want qinglang.ErrorCode
	}{
		{"the county", huangpu, "意见", ""},
		{"admin", admin, "意见", ""},
		{"a neighbour", xuhui, "意见", qinglang.ENOTFOUND},
		{"the platform", douyinGov, "意见", qinglang.EFORBIDDEN},
		{"another platform", kuaishouGov, "意见", qinglang.ENOTFOUND},
		{"blank", huangpu, "  ", qinglang.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Comment(c, tc.text, tc.by, t0)
			wantCode(t, err, tc.want)
		})
	}
	_, err := Comment(c, "意见", huangpu, time.Time{})
	wantCode(t, err, qinglang.EINVALID)
}
