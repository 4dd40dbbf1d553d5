package notice

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// richCase is a case full of personal data: none of it may be published.
func richCase() (qinglang.Case, []qinglang.Measure, []qinglang.Finding) {
	c := testCase()
	c.Title, c.TitleEN = "主播张三（host_13912345678，身份证 11010519491231002X）虚假宣传", "Host 张三 (host_13912345678) false claims"
	c.Findings = append(c.Findings, "f_age")
	c.Rooms = append(c.Rooms, "room_77002")
	c.ClosedAt = t0.Add(30 * 24 * time.Hour)
	c.Comments = append(c.Comments, qinglang.CaseComment{Author: "auditor_liuyang", Text: "用户 buyer_661100 的手机 13700001111"})
	fs := testFindings()
	fs = append(fs, qinglang.Finding{
		ID: "f_age", Kind: qinglang.KindQualification, Rule: "qualification.host_under_age", Severity: qinglang.SeverityCritical,
		Platform: "douyin", Room: "room_77002", TS: t0.Add(48 * time.Hour), EventIDs: []string{"evt_rs_5501"},
		Summary:   "主播 张三（host_13912345678）开播时 15 岁：未满 16 周岁，联系电话 13700001111，登录 IP 240e:3b0:1a2b::9",
		SummaryEN: "Host 张三 (host_13912345678) is 15 at the start of the broadcast; phone 13700001111; login from 240e:3b0:1a2b::9",
		Basis:     "《网络直播营销管理办法（试行）》第十七条", BasisEN: "Measures on Network Live Marketing (Trial, 2021), art. 17",
		Evidence: json.RawMessage(`{"host":"host_13912345678","name":"张三","resident_id_masked":"110105********002X",
			"birth_date":"2010-05-01","device":"iPhone-UDID-0000A1B2C3","user":"buyer_661100"}`),
	}, qinglang.Finding{ // another case's finding: left out
		ID: "f_elsewhere", Kind: qinglang.KindListing, Rule: "brand.unauthorised", Summary: "其他案件 secret_case_9",
	})
	fs[0].Summary += "，评论者 buyer_661100 称其设备 iPhone-UDID-0000A1B2C3 与 evt_c_0001 相关"
	ms := []qinglang.Measure{
		testMeasure(),
		{ID: "m_prop", CaseID: "case_0042", Kind: qinglang.MeasureBlacklist, State: qinglang.MeasureProposed, Duration: 90 * 24 * time.Hour},
		{ID: "m_rej", CaseID: "case_0042", Kind: qinglang.MeasureRevokeSelling, State: qinglang.MeasureRejected},
		{ID: "m_warn", CaseID: "case_0042", Kind: qinglang.MeasureWarning, State: qinglang.MeasureActive, DecidedBy: "reviewer_sunli"},
		{ID: "m_other", CaseID: "case_9", Kind: qinglang.MeasureLimitTraffic, State: qinglang.MeasureActive},
	}
	return c, ms, fs
}

func TestPublicLeaksNothing(t *testing.T) {
	c, ms, fs := richCase()
	js, err := Public(c, ms, fs).JSON()
	if err != nil {
		t.Fatal(err)
	}
	out := string(js)
	for _, never := range []string{
		"case_0042", "host_13912345678", "13912345678", "张三", "11010519491231002X", "110105********002X", // case, subject, name, ID
		"user_fan_0071", "user_fan_0072", "buyer_661100", // accounts and users
		"10.20.30.40", "2001:db8::7", "240e:3b0:1a2b::9", "13700001111", // IP addresses, phone
		"iPhone-UDID-0000A1B2C3", "dev_A1B2C3D4", // devices
		"evt_c_0001", "evt_c_0002", "evt_s_0100", "evt_rs_5501", "f_claim", "f_camp", "f_age", // event and finding ids
		"room_88001", "room_77002", // rooms
		"reviewer_wanglei", "auditor_liuyang", "reviewer_zhao", "reviewer_sunli", "m_7", "联系主播", // assignee, comments, deciders
		"虚假宣传", "false claims", "secret_case_9", "f_elsewhere", "2010-05-01",
	} {
		if strings.Contains(out, never) {
			t.Errorf("the public record shows %q:\n%s", never, out)
		}
	}
	for _, want := range []string{`"subject": "ho*************8"`, "主播 张*（", `"ro*******1"`, `"ro*******2"`, "qualification.host_under_age", "根治糖尿病", `"platform": "douyin"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the public record lacks %q:\n%s", want, out)
		}
	}
}

func TestPublic(t *testing.T) {
	c, ms, fs := richCase()
	p := Public(c, ms, fs)
	if p.SubjectKind != qinglang.SubjectHost || p.SubjectKindZH != "主播" || p.SubjectKindEN != "host" || p.Platform != "douyin" {
		t.Errorf("subject: %+v", p)
	}
	if p2 := Public(c, ms, fs); p2.Ref != p.Ref || !strings.HasPrefix(p.Ref, "pub_") {
		t.Errorf("ref %q, %q: not stable", p.Ref, p2.Ref)
	}
	if p.Title != "平台 douyin 主播违规处置：虚假或引人误解的宣传；组织虚假评论；资质不符" ||
		p.TitleEN != "Measures against a host on platform douyin: false or misleading marketing; coordinated fake comments; missing or invalid qualifications" {
		t.Errorf("title %q / %q", p.Title, p.TitleEN)
	}
	if len(p.Measures) != 2 || p.Measures[0].Kind != qinglang.MeasureSuspendLive || p.Measures[0].Measure != "暂停直播 7 天" ||
		p.Measures[0].Duration != "7 天" || p.Measures[0].State != qinglang.MeasureActive || !p.Measures[0].EndsAt.Equal(testMeasure().EndsAt) ||
		p.Measures[1].Kind != qinglang.MeasureWarning || !strings.Contains(p.Measures[1].Duration, "一次性措施") {
		t.Errorf("only the decided measures of the case: %+v", p.Measures)
	}
	if len(p.Facts) != 3 || p.Facts[0].Rule != "claims.disease_cure" || p.Facts[0].On != "2025-06-12" || p.Facts[2].On != "2025-06-14" {
		t.Errorf("facts: %+v", p.Facts)
	}
	if len(p.Rooms) != 2 || p.OpenedOn != "2025-06-12" || p.ClosedOn != "2025-07-12" {
		t.Errorf("rooms %q, dates %q %q", p.Rooms, p.OpenedOn, p.ClosedOn)
	}
	js, _ := p.JSON()
	golden(t, "public.json", append(js, '\n'))
}

func TestPublicEmpty(t *testing.T) {
	c := qinglang.Case{ID: "case_1", Subject: qinglang.Subject{Kind: qinglang.SubjectMerchant, Platform: "kuaishou", ID: "shop_20260001"}}
	p := Public(c, nil, nil)
	js, _ := p.JSON()
	if p.Title != "平台 kuaishou 商家违规处置" || p.TitleEN != "Measures against a merchant on platform kuaishou" ||
		!strings.Contains(string(js), `"measures": []`) || !strings.Contains(string(js), `"facts": []`) || strings.Contains(string(js), "closed_on") {
		t.Errorf("empty case: %s", js)
	}
	other := Public(c, nil, []qinglang.Finding{{ID: "f_x", Kind: "pricing"}})
	if !strings.HasSuffix(other.Title, "：其他违规") {
		t.Errorf("unknown kind: %q", other.Title)
	}
}
