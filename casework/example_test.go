package casework_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

func ExamplePlan() {
	g, err := casework.LoadGrouping("grouping.yaml", strings.NewReader("window: 14d\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2025, 9, 23, 20, 0, 0, 0, time.UTC)
	f := qinglang.Finding{ID: "f_1", Kind: qinglang.KindClaim, Severity: qinglang.SeverityHigh, Platform: "p1", Room: "r1"}
	host := qinglang.Subject{Kind: qinglang.SubjectHost, ID: "h1"}
	for _, p := range casework.Plan(g, casework.Resolved{Finding: f, Subjects: []qinglang.Subject{host}}, nil, at) {
		fmt.Println(p.New, p.Case.ID, p.Case.Title, "/", p.Case.TitleEN)
	}
	// Output:
	// true case_ddeed41ec7d3c8b0 主播 h1：虚假宣传 / Host h1: false claims
	// true case_ed0ea50178666076 直播间 r1：虚假宣传 / Live room r1: false claims
}

func ExampleApply() {
	at := time.Date(2025, 9, 23, 20, 0, 0, 0, time.UTC)
	c := qinglang.Case{ID: "case_1", State: qinglang.CaseOpen}
	li := qinglang.Principal{Name: "li", Role: qinglang.RoleReviewer}
	steps := []casework.Action{
		{Kind: casework.ActStartReview},
		{Kind: casework.ActPropose, MeasureID: "m_1"},
		{Kind: casework.ActDecide, MeasureID: "m_1", Approve: true},
		{Kind: casework.ActNotify, NoticeID: "n_1"},
		{Kind: casework.ActAppeal, AppealID: "a_1"}, // a reviewer may not
	}
	enc := json.NewEncoder(os.Stdout)
	for _, a := range steps {
		var ch casework.Change
		var err error
		if c, ch, err = casework.Apply(c, a, li, at); err != nil {
			fmt.Println(qinglang.Code(err), err)
			continue
		}
		enc.Encode(ch)
	}
	// Output:
	// {"case_id":"case_1","action":"start_review","from":"open","to":"in_review","by":{"name":"li","role":"reviewer"},"at":"2025-09-23T20:00:00Z","details":{}}
	// {"case_id":"case_1","action":"propose","from":"in_review","to":"measure_proposed","by":{"name":"li","role":"reviewer"},"at":"2025-09-23T20:00:00Z","details":{"measure_id":"m_1"}}
	// {"case_id":"case_1","action":"decide","from":"measure_proposed","to":"decided","by":{"name":"li","role":"reviewer"},"at":"2025-09-23T20:00:00Z","details":{"measure_id":"m_1","approved":true}}
	// {"case_id":"case_1","action":"notify","from":"decided","to":"notified","by":{"name":"li","role":"reviewer"},"at":"2025-09-23T20:00:00Z","details":{"notice_id":"n_1"}}
	// forbidden 角色 reviewer 不能申诉（appeal） / role reviewer may not appeal
}
