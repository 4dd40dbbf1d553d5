package authz

import (
	"errors"
	"testing"

	"github.com/qinglang/qinglang"
)

// The principals of the scope tests.
var (
	admin     = qinglang.Principal{TokenID: "a", Name: "admin", Role: qinglang.RoleAdmin}
	shanghai  = qinglang.Principal{TokenID: "sh", Name: "上海市市场监管局", Role: qinglang.RoleRegulator, Region: "310000"}
	shenzhen  = qinglang.Principal{TokenID: "sz", Name: "深圳市市场监管局", Role: qinglang.RoleRegulator, Region: "440300"}
	national  = qinglang.Principal{TokenID: "nat", Name: "总局", Role: qinglang.RoleRegulator, Region: National}
	platform  = qinglang.Principal{TokenID: "p", Name: "douyin governance", Role: qinglang.RolePlatform, Platform: "douyin"}
	reviewer  = qinglang.Principal{TokenID: "v", Name: "douyin reviewer", Role: qinglang.RoleReviewer, Platform: "douyin"}
	operator  = qinglang.Principal{TokenID: "o", Name: "某 MCN", Role: qinglang.RoleOperator, Platform: "douyin", Rooms: []string{"r1", "r2"}}
	anonymous = qinglang.Principal{}
)

func TestVisible(t *testing.T) {
	type want struct{ admin, shanghai, shenzhen, national, platform, reviewer, operator, anonymous bool }
	for _, tc := range []struct {
		name string
		r    Resource
		want want
	}{
		{"unscoped (rules, lint)", Resource{},
			want{true, true, true, true, true, true, true, false}},
		{"own room's finding", Resource{Platform: "douyin", Room: "r1"},
			want{true, false, false, false, true, true, true, false}},
		{"another operator's room", Resource{Platform: "douyin", Room: "r3"},
			want{true, false, false, false, true, true, false, false}},
		{"foreign platform, same room id", Resource{Platform: "kuaishou", Room: "r1"},
			want{true, false, false, false, false, false, false, false}},
		{"case over own and foreign rooms", Resource{Platform: "douyin", Rooms: []string{"r1", "r3"}},
			want{true, false, false, false, true, true, false, false}},
		{"case over own rooms", Resource{Platform: "douyin", Room: "r2", Rooms: []string{"r1"}},
			want{true, false, false, false, true, true, true, false}},
		{"platform-wide (a merchant's case)", Resource{Platform: "douyin"},
			want{true, false, false, false, true, true, false, false}},
		{"rooms without a platform", Resource{Room: "r1"},
			want{true, false, false, false, false, false, false, false}},
		{"case in 浦东新区", Resource{Platform: "douyin", Region: "310115", Rooms: []string{"r1"}},
			want{true, true, false, true, true, true, true, false}},
		{"case in 南山区", Resource{Platform: "douyin", Region: "440305"},
			want{true, false, true, true, true, true, false, false}},
		{"case in 广东省 (above 深圳)", Resource{Platform: "douyin", Region: "440000"},
			want{true, false, false, true, true, true, false, false}},
		{"foreign case shared with 上海", Resource{Platform: "kuaishou", Region: "110105", Regions: []string{"310000"}},
			want{true, true, false, true, false, false, false, false}},
		{"case escalated to 深圳", Resource{Platform: "kuaishou", Region: "440305", Regions: []string{"440300"}},
			want{true, false, true, true, false, false, false, false}},
		{"a spot check in 上海 (all platforms)", Resource{Region: "310000"},
			want{true, true, false, true, true, true, true, false}},
		{"a region that is not a code", Resource{Platform: "douyin", Region: "shanghai"},
			want{true, false, false, false, true, true, false, false}},
	} {
		for _, pc := range []struct {
			p    qinglang.Principal
			want bool
		}{
			{admin, tc.want.admin}, {shanghai, tc.want.shanghai}, {shenzhen, tc.want.shenzhen},
			{national, tc.want.national}, {platform, tc.want.platform}, {reviewer, tc.want.reviewer},
			{operator, tc.want.operator}, {anonymous, tc.want.anonymous},
		} {
			if got := Visible(pc.p, tc.r); got != pc.want {
				t.Errorf("%s: Visible(%s) = %v, want %v", tc.name, pc.p.Name, got, pc.want)
			}
		}
	}
}

func TestVisibleMalformedPrincipal(t *testing.T) {
	for _, p := range []qinglang.Principal{
		{Role: qinglang.RolePlatform},
		{Role: qinglang.RoleReviewer},
		{Role: qinglang.RoleOperator, Platform: "douyin"},
		{Role: qinglang.RoleOperator, Rooms: []string{"r1"}},
		{Role: qinglang.RoleRegulator},
		{Role: qinglang.RoleRegulator, Region: "31"},
		{Role: "owner", Platform: "douyin"},
	} {
		for _, r := range []Resource{{}, {Platform: "douyin", Room: "r1", Region: "310000"}, {Platform: ""}} {
			if Visible(p, r) {
				t.Errorf("%+v sees %+v", p, r)
			}
		}
	}
}

// ownResource returns a resource each principal may see.
func ownResource(p qinglang.Principal) Resource {
	switch p.Role {
	case qinglang.RoleRegulator:
		return Resource{Platform: "douyin", Region: "310115"}
	case qinglang.RoleOperator:
		return Resource{Platform: "douyin", Room: "r1"}
	case qinglang.RoleAdmin:
		return Resource{Platform: "kuaishou", Region: "110105", Room: "x"}
	}
	return Resource{Platform: "douyin"}
}

// TestCheckFollowsTable: on a visible resource Check allows exactly what
// the table allows and answers EFORBIDDEN otherwise; on a foreign resource
// it answers ENOTFOUND whatever the action (but public.read).
func TestCheckFollowsTable(t *testing.T) {
	foreign := Resource{Platform: "kuaishou", Region: "110105", Room: "r1"}
	for _, p := range []qinglang.Principal{admin, shanghai, platform, reviewer, operator} {
		for _, act := range Actions {
			err := Check(p, act, ownResource(p))
			switch {
			case Can(p, act) && err != nil:
				t.Errorf("Check(%s, %s, own) = %v, want nil", p.Role, act, err)
			case !Can(p, act) && qinglang.Code(err) != qinglang.EFORBIDDEN:
				t.Errorf("Check(%s, %s, own) = %v, want EFORBIDDEN", p.Role, act, err)
			}
			err = Check(p, act, foreign)
			switch {
			case p.Role == qinglang.RoleAdmin || act == PublicRead:
				if err != nil {
					t.Errorf("Check(%s, %s, foreign) = %v, want nil", p.Role, act, err)
				}
			case qinglang.Code(err) != qinglang.ENOTFOUND:
				t.Errorf("Check(%s, %s, foreign) = %v, want ENOTFOUND", p.Role, act, err)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    qinglang.Principal
		act  Action
		r    Resource
		want qinglang.ErrorCode
	}{
		{"platform reads a foreign platform's finding", platform, FindingsRead, Resource{Platform: "kuaishou", Room: "r9"}, qinglang.ENOTFOUND},
		{"platform reviews its own finding", platform, FindingsReview, Resource{Platform: "douyin", Room: "r9"}, ""},
		{"platform sends a directive", platform, DirectivesSend, Resource{Platform: "douyin", Region: "310000"}, qinglang.EFORBIDDEN},
		{"platform answers a directive", platform, DirectivesAnswer, Resource{Platform: "douyin", Region: "310000"}, ""},
		{"platform answers another's directive", platform, DirectivesAnswer, Resource{Platform: "kuaishou", Region: "310000"}, qinglang.ENOTFOUND},
		{"reviewer decides a measure", reviewer, MeasuresDecide, Resource{Platform: "douyin", Rooms: []string{"r1"}}, ""},
		{"reviewer decides a foreign measure", reviewer, MeasuresDecide, Resource{Platform: "kuaishou"}, qinglang.ENOTFOUND},
		{"reviewer manages webhooks", reviewer, WebhooksManage, Resource{Platform: "douyin"}, qinglang.EFORBIDDEN},
		{"regulator reads a case in its region", shanghai, CasesRead, Resource{Platform: "douyin", Region: "310115"}, ""},
		{"regulator reads a case out of its region", shanghai, CasesRead, Resource{Platform: "douyin", Region: "440305"}, qinglang.ENOTFOUND},
		{"city regulator reads its province's case", shenzhen, CasesRead, Resource{Platform: "douyin", Region: "440000"}, qinglang.ENOTFOUND},
		{"regulator reads a finding on its own", shanghai, FindingsRead, Resource{Platform: "douyin", Room: "r1"}, qinglang.ENOTFOUND},
		{"regulator reads a finding through a case", shanghai, FindingsRead, Resource{Platform: "douyin", Room: "r1", Region: "310104"}, ""},
		{"regulator writes events", shanghai, EventsWrite, Resource{Platform: "douyin", Region: "310000"}, qinglang.EFORBIDDEN},
		{"regulator sends a directive", shanghai, DirectivesSend, Resource{Platform: "douyin", Region: "310000"}, ""},
		{"regulator sends a directive out of its region", shanghai, DirectivesSend, Resource{Platform: "douyin", Region: "320000"}, qinglang.ENOTFOUND},
		{"regulator records an action", shanghai, ActionsRecord, Resource{Platform: "douyin", Region: "310115"}, ""},
		{"regulator enters a spot check", shanghai, SpotchecksWrite, Resource{Region: "310000"}, ""},
		{"regulator reads rules", shanghai, RulesRead, Resource{}, ""},
		{"regulator reloads rules", shanghai, RulesReload, Resource{}, qinglang.EFORBIDDEN},
		{"operator reads its room's finding", operator, FindingsRead, Resource{Platform: "douyin", Room: "r2"}, ""},
		{"operator reads a foreign room's finding", operator, FindingsRead, Resource{Platform: "douyin", Room: "r3"}, qinglang.ENOTFOUND},
		{"operator reads its room id on another platform", operator, RoomsRead, Resource{Platform: "kuaishou", Room: "r1"}, qinglang.ENOTFOUND},
		{"operator appeals its case", operator, AppealsFile, Resource{Platform: "douyin", Rooms: []string{"r1", "r2"}, Region: "310115"}, ""},
		{"operator appeals a case over a foreign room too", operator, AppealsFile, Resource{Platform: "douyin", Rooms: []string{"r1", "r3"}}, qinglang.ENOTFOUND},
		{"operator writes events for its room", operator, EventsWrite, Resource{Platform: "douyin", Room: "r1"}, qinglang.EFORBIDDEN},
		{"operator reviews its own finding", operator, FindingsReview, Resource{Platform: "douyin", Room: "r1"}, qinglang.EFORBIDDEN},
		{"operator reads a campaign in its room", operator, CampaignsRead, Resource{Platform: "douyin", Rooms: []string{"r1"}}, qinglang.EFORBIDDEN},
		{"operator lints", operator, LintUse, Resource{}, ""},
		{"anonymous reads public data", anonymous, PublicRead, Resource{Platform: "douyin", Region: "310000"}, ""},
		{"anonymous lints", anonymous, LintUse, Resource{}, qinglang.ENOTFOUND},
		{"admin does anything", admin, TokensManage, Resource{Platform: "kuaishou", Room: "x"}, ""},
		{"the system does anything", qinglang.System, MeasuresDecide, Resource{Platform: "kuaishou"}, ""},
	} {
		if got := qinglang.Code(Check(tc.p, tc.act, tc.r)); got != tc.want {
			t.Errorf("%s: Check = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestNotFoundIndistinguishable: a foreign resource answers exactly as
// NotFound, which handlers use for a missing one.
func TestNotFoundIndistinguishable(t *testing.T) {
	err := Check(platform, FindingsRead, Resource{Platform: "kuaishou"})
	var e *qinglang.Error
	if !errors.As(err, &e) {
		t.Fatalf("Check = %v", err)
	}
	if nf := NotFound(); e.Code != nf.Code || e.Message != nf.Message || e.MessageEN != nf.MessageEN || e.Err != nil {
		t.Errorf("Check = %#v, NotFound = %#v", e, nf)
	}
	err = Check(reviewer, TokensManage, Resource{Platform: "douyin"})
	if !errors.As(err, &e) || e.Code != qinglang.EFORBIDDEN || e.Message == "" || e.MessageEN != `role "reviewer" may not do tokens.manage` {
		t.Errorf("forbidden = %v", err)
	}
}

func TestCheckToken(t *testing.T) {
	tokenOf := func(role qinglang.Role, platform string, rooms ...string) Token {
		return Token{ID: "t", Role: role, Platform: platform, Rooms: rooms}
	}
	adminTok := tokenOf(qinglang.RoleAdmin, "")
	regulatorTok := Token{ID: "t", Role: qinglang.RoleRegulator, Region: "310000"}
	ownPlatform := tokenOf(qinglang.RolePlatform, "douyin")
	ownReviewer := tokenOf(qinglang.RoleReviewer, "douyin")
	ownOperator := tokenOf(qinglang.RoleOperator, "douyin", "r1")
	foreignReviewer := tokenOf(qinglang.RoleReviewer, "kuaishou")
	smuggled := tokenOf(qinglang.RoleAdmin, "douyin") // invalid, but must not pass
	for _, tc := range []struct {
		name string
		p    qinglang.Principal
		t    Token
		want qinglang.ErrorCode
	}{
		{"admin, admin token", admin, adminTok, ""},
		{"admin, foreign reviewer", admin, foreignReviewer, ""},
		{"platform, own platform token", platform, ownPlatform, ""},
		{"platform, own reviewer", platform, ownReviewer, ""},
		{"platform, own operator", platform, ownOperator, ""},
		{"platform, foreign reviewer", platform, foreignReviewer, qinglang.ENOTFOUND},
		{"platform, admin token", platform, adminTok, qinglang.ENOTFOUND},
		{"platform, regulator token", platform, regulatorTok, qinglang.ENOTFOUND},
		{"platform, admin token with its platform", platform, smuggled, qinglang.ENOTFOUND},
		{"reviewer, own reviewer", reviewer, ownReviewer, qinglang.EFORBIDDEN},
		{"reviewer, foreign reviewer", reviewer, foreignReviewer, qinglang.ENOTFOUND},
		{"operator, own operator", operator, ownOperator, qinglang.EFORBIDDEN},
		{"operator, own platform token", operator, ownPlatform, qinglang.ENOTFOUND},
		{"regulator, regulator token", shanghai, regulatorTok, qinglang.ENOTFOUND},
		{"regulator, platform token", shanghai, ownPlatform, qinglang.ENOTFOUND},
	} {
		if got := qinglang.Code(CheckToken(tc.p, tc.t)); got != tc.want {
			t.Errorf("%s: CheckToken = %q, want %q", tc.name, got, tc.want)
		}
	}
}
