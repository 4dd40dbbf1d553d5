package notice

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// issued is 09:00 in Shanghai, given in UTC: notices must show it as 09:00.
var (
	issued = time.Date(2026, 2, 11, 1, 0, 0, 0, time.UTC)
	t0     = time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC) // 20:00 in Shanghai
)

var channel = AppealChannel{
	Text:   "请在 App「我的—违规申诉」中提交申诉材料",
	TextEN: "Submit your appeal in the app under Me → Appeals",
	Within: 7 * 24 * time.Hour,
}

func testCase() qinglang.Case {
	return qinglang.Case{
		ID:       "case_0042",
		Subject:  qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "douyin", ID: "host_13912345678"},
		State:    qinglang.CaseDecided,
		Title:    "主播 host_13912345678（张三）虚假宣传",
		Findings: []string{"f_claim", "f_camp", "f_age"},
		Rooms:    []string{"room_88001"},
		Assignee: "reviewer_wanglei",
		OpenedAt: t0.Add(time.Hour),
		Comments: []qinglang.CaseComment{{At: t0, Author: "reviewer_wanglei", Text: "联系主播手机 13912345678"}},
	}
}

func testMeasure() qinglang.Measure {
	return qinglang.Measure{
		ID: "m_7", CaseID: "case_0042", Kind: qinglang.MeasureSuspendLive, State: qinglang.MeasureActive,
		Subject:  qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "douyin", ID: "host_13912345678"},
		Duration: 7 * 24 * time.Hour, Points: 6, Standing: 12, Policy: "default-v1",
		Reason:    "直播中多次使用疾病治疗用语并组织虚假评论",
		ReasonEN:  "Repeated disease-cure claims in the stream and organised fake comments",
		Basis:     "《直播电商监督管理办法》第三十四条",
		BasisEN:   "Live E-commerce Supervision Measures (SAMR/CAC Order 117), art. 34",
		DecidedBy: "reviewer_zhao", DecidedAt: issued.Add(-time.Hour),
		StartsAt: issued, EndsAt: issued.Add(7 * 24 * time.Hour),
	}
}

func testFindings() []qinglang.Finding {
	return []qinglang.Finding{
		{
			ID: "f_camp", Kind: qinglang.KindCampaign, Rule: "campaign.coordinated", Severity: qinglang.SeverityHigh,
			Platform: "douyin", Room: "room_88001", TS: t0.Add(30 * time.Minute),
			EventIDs: []string{"evt_c_0001", "evt_c_0002"}, Accounts: []string{"user_fan_0071", "user_fan_0072"},
			Summary:   "疑似职业弹幕团伙：2 个账号（user_fan_0071、user_fan_0072）发布 14 条协同评论，共用 IP 10.20.30.40",
			SummaryEN: "Suspected paid-comment crew: 2 accounts (user_fan_0071, user_fan_0072) posted 14 coordinated comments from IP 10.20.30.40",
			Basis:     "《中华人民共和国反不正当竞争法》第九条；《直播电商监督管理办法》第三十四条、第四十四条",
			BasisEN:   "Anti-Unfair Competition Law of the PRC, art. 9; Live E-commerce Supervision Measures (SAMR/CAC Order 117), arts. 34 and 44",
			Evidence:  json.RawMessage(`{"accounts":["user_fan_0071","user_fan_0072"],"devices":["dev_A1B2C3D4"],"ips":["10.20.30.40","2001:db8::7"]}`),
		},
		{
			ID: "f_claim", Kind: qinglang.KindClaim, Rule: "claims.disease_cure", Severity: qinglang.SeverityCritical,
			Platform: "douyin", Room: "room_88001", TS: t0, EventIDs: []string{"evt_s_0100"},
			Summary:   "「吃了根治糖尿病」普通食品宣称治疗疾病",
			SummaryEN: "\"cures diabetes\": an ordinary food claimed to cure a disease",
			Basis:     "《中华人民共和国广告法》第十七条；《直播电商监督管理办法》第三十四条",
			BasisEN:   "Advertising Law of the PRC, art. 17; Live E-commerce Supervision Measures (SAMR/CAC Order 117), art. 34",
		},
	}
}

func TestForMeasure(t *testing.T) {
	n, err := ForMeasure(testCase(), testMeasure(), testFindings(), channel, issued)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(n.ID, "ntc_") || len(n.ID) != 28 || n.Kind != qinglang.NoticeMeasure ||
		n.CaseID != "case_0042" || n.MeasureID != "m_7" || n.Subject.ID != "host_13912345678" {
		t.Errorf("header: %+v", n)
	}
	if n.IssuedAt.Location() != shanghai || !n.IssuedAt.Equal(issued) {
		t.Errorf("issued %v, want %v in Asia/Shanghai", n.IssuedAt, issued)
	}
	// Facts: oldest first, Shanghai time, where, rule, summary; no accounts,
	// IP addresses or devices.
	claim, camp := strings.Index(n.Facts, "claims.disease_cure"), strings.Index(n.Facts, "campaign.coordinated")
	if claim < 0 || camp < 0 || claim > camp {
		t.Errorf("facts not both listed oldest first:\n%s", n.Facts)
	}
	for _, want := range []string{"2025-06-12 20:00:00 +08:00", "平台 douyin 直播间 room_88001", "根治糖尿病", "严重程度：严重", "共 2 项"} {
		if !strings.Contains(n.Facts, want) {
			t.Errorf("facts lack %q:\n%s", want, n.Facts)
		}
	}
	for _, want := range []string{"2025-06-12 20:30:00 +08:00", "platform douyin, room room_88001", "cures diabetes", "severity: critical"} {
		if !strings.Contains(n.FactsEN, want) {
			t.Errorf("English facts lack %q:\n%s", want, n.FactsEN)
		}
	}
	for _, never := range []string{"user_fan_0071", "user_fan_0072", "10.20.30.40", "dev_A1B2C3D4"} {
		if strings.Contains(n.Facts+n.FactsEN, never) {
			t.Errorf("facts show %q", never)
		}
	}
	// Reasons: the policy's explanation and why this measure.
	for _, want := range []string{"疾病治疗用语", "default-v1", "扣 6 分", "累计 12 分", "「暂停直播」", "审核人员"} {
		if !strings.Contains(n.Reasons, want) {
			t.Errorf("reasons lack %q: %s", want, n.Reasons)
		}
	}
	if !strings.Contains(n.ReasonsEN, "fake comments") || !strings.Contains(n.ReasonsEN, "\"live streaming suspended\"") {
		t.Errorf("English reasons: %s", n.ReasonsEN)
	}
	// Basis: the measure's and the findings', each law once.
	if strings.Count(n.Basis, "《直播电商监督管理办法》第三十四条\n") != 1 || strings.Count(n.Basis, "\n") != 3 ||
		!strings.Contains(n.Basis, "《中华人民共和国广告法》第十七条") || !strings.Contains(n.Basis, "第四十四条") {
		t.Errorf("basis:\n%s", n.Basis)
	}
	if strings.Count(n.BasisEN, "\n") != 3 || !strings.Contains(n.BasisEN, "Advertising Law of the PRC, art. 17") {
		t.Errorf("English basis:\n%s", n.BasisEN)
	}
	if n.Measure != "暂停直播 7 天" || n.MeasureEN != "live streaming suspended for 7 days" ||
		n.Duration != "7 天" || n.DurationEN != "7 days" {
		t.Errorf("measure %q %q %q %q", n.Measure, n.MeasureEN, n.Duration, n.DurationEN)
	}
	if !n.StartsAt.Equal(issued) || !n.EndsAt.Equal(issued.Add(7*24*time.Hour)) {
		t.Errorf("period %v – %v", n.StartsAt, n.EndsAt)
	}
	if !n.AppealBy.Equal(issued.Add(channel.Within)) || !strings.Contains(n.Appeal, "违规申诉") ||
		!strings.Contains(n.Appeal, "2026-02-18 09:00:00 +08:00") || !strings.Contains(n.Appeal, "复核") ||
		!strings.Contains(n.AppealEN, "Me → Appeals") {
		t.Errorf("appeal %q by %v", n.Appeal, n.AppealBy)
	}
	if miss := Check(n); miss != nil {
		t.Errorf("Check: %v", miss)
	}
}

func TestForMeasureID(t *testing.T) {
	a, _ := ForMeasure(testCase(), testMeasure(), testFindings(), channel, issued)
	b, _ := ForMeasure(testCase(), testMeasure(), testFindings()[:1], channel, issued.Add(time.Hour))
	if a.ID != b.ID {
		t.Errorf("ids %s and %s: the id depends on the case, measure and kind only", a.ID, b.ID)
	}
	m := testMeasure()
	m.ID = "m_8"
	c, _ := ForMeasure(testCase(), m, testFindings(), channel, issued)
	if c.ID == a.ID || c.ID == "" {
		t.Errorf("two measures, one id %s", a.ID)
	}
}

func TestForMeasureManyFindings(t *testing.T) {
	c := testCase()
	c.Findings = nil
	var fs []qinglang.Finding
	for i := range 13 {
		fs = append(fs, qinglang.Finding{ID: fmt.Sprintf("f_%02d", i), Rule: "claims.absolute", Severity: qinglang.SeverityMedium,
			Platform: "douyin", TS: t0.Add(time.Duration(i) * time.Minute), Summary: fmt.Sprintf("第 %d 次绝对化用语", i),
			SummaryEN: fmt.Sprintf("absolute term no. %d", i), Basis: "《中华人民共和国广告法》第九条", BasisEN: "Advertising Law, art. 9"})
	}
	n, err := ForMeasure(c, testMeasure(), fs, channel, issued)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n.Facts, "共 13 项，列出前 10 项") || !strings.Contains(n.Facts, "10. ") ||
		strings.Contains(n.Facts, "11. ") || !strings.Contains(n.Facts, "另有 3 项") || !strings.Contains(n.FactsEN, "3 more") {
		t.Errorf("facts:\n%s\n%s", n.Facts, n.FactsEN)
	}
	if strings.Contains(n.Facts, "第 10 次") || !strings.Contains(n.Facts, "第 9 次") {
		t.Errorf("not the first 10 in time:\n%s", n.Facts)
	}
	two, err := Config{MaxFacts: 2}.ForMeasure(c, testMeasure(), fs, channel, issued)
	if err != nil || !strings.Contains(two.Facts, "列出前 2 项") || !strings.Contains(two.Facts, "另有 11 项") {
		t.Errorf("MaxFacts 2: %v\n%s", err, two.Facts)
	}
}

func TestForMeasureDurations(t *testing.T) {
	for _, tt := range []struct {
		d      time.Duration
		zh, en string
		kind   qinglang.MeasureKind
		wantZH string
		wantEN string
	}{
		{12 * time.Hour, "12 小时", "12 hours", qinglang.MeasureLimitTraffic, "限制流量 12 小时", "limited traffic for 12 hours"},
		{36 * time.Hour, "1 天 12 小时", "1 day 12 hours", qinglang.MeasureLimitFunctions, "限制功能 1 天 12 小时", "limited functions for 1 day 12 hours"},
		{24 * time.Hour, "1 天", "1 day", qinglang.MeasureBlacklist, "列入黑名单 1 天", "blacklisted for 1 day"},
		{90 * time.Minute, "1 小时 30 分钟", "1 hour 30 minutes", qinglang.MeasureRevokeSelling, "取消带货权限 1 小时 30 分钟", "selling privileges revoked for 1 hour 30 minutes"},
	} {
		m := testMeasure()
		m.Kind, m.Duration, m.EndsAt = tt.kind, tt.d, m.StartsAt.Add(tt.d)
		n, err := ForMeasure(testCase(), m, testFindings(), channel, issued)
		if err != nil {
			t.Fatal(err)
		}
		if n.Duration != tt.zh || n.DurationEN != tt.en || n.Measure != tt.wantZH || n.MeasureEN != tt.wantEN {
			t.Errorf("%v: %q %q %q %q", tt.d, n.Duration, n.DurationEN, n.Measure, n.MeasureEN)
		}
	}
}

func TestForMeasureOneOff(t *testing.T) {
	m := testMeasure()
	m.Kind, m.Duration, m.StartsAt, m.EndsAt = qinglang.MeasureWarning, 0, time.Time{}, time.Time{}
	n, err := ForMeasure(testCase(), m, testFindings(), channel, issued)
	if err != nil {
		t.Fatal(err)
	}
	if n.Measure != "警告" || n.MeasureEN != "warning" || !strings.Contains(n.Duration, "一次性措施") ||
		!strings.Contains(n.DurationEN, "one-off") || !n.StartsAt.IsZero() || !n.EndsAt.IsZero() {
		t.Errorf("one-off: %q %q %q %v %v", n.Measure, n.Duration, n.DurationEN, n.StartsAt, n.EndsAt)
	}
}

func TestForMeasureMissing(t *testing.T) {
	for _, tt := range []struct {
		name  string
		edit  func(*qinglang.Measure, *[]qinglang.Finding, *AppealChannel)
		want  []Missing
		words []string // in the error, Chinese and English
	}{
		{"no findings", func(_ *qinglang.Measure, fs *[]qinglang.Finding, _ *AppealChannel) { *fs = nil },
			[]Missing{MissingFacts}, []string{"事实", "facts"}},
		{"no reason", func(m *qinglang.Measure, _ *[]qinglang.Finding, _ *AppealChannel) { m.Reason, m.ReasonEN = "", "" },
			[]Missing{MissingReasons}, []string{"理由", "reasons"}},
		{"no basis anywhere", func(m *qinglang.Measure, fs *[]qinglang.Finding, _ *AppealChannel) {
			m.Basis, m.BasisEN = "", ""
			for i := range *fs {
				(*fs)[i].Basis, (*fs)[i].BasisEN = "", ""
			}
		}, []Missing{MissingBasis}, []string{"依据", "legal basis"}},
		{"lasting without a period", func(m *qinglang.Measure, _ *[]qinglang.Finding, _ *AppealChannel) {
			m.StartsAt, m.EndsAt = time.Time{}, time.Time{}
		}, []Missing{MissingDuration}, []string{"期限", "duration"}},
		{"lasting without a duration", func(m *qinglang.Measure, _ *[]qinglang.Finding, _ *AppealChannel) {
			m.Duration, m.StartsAt, m.EndsAt = 0, time.Time{}, time.Time{}
		}, []Missing{MissingDuration}, []string{"期限"}},
		{"no channel", func(_ *qinglang.Measure, _ *[]qinglang.Finding, ch *AppealChannel) { *ch = AppealChannel{} },
			[]Missing{MissingAppealChannel, MissingAppealDeadline}, []string{"申诉渠道", "申诉期限", "appeal channel", "appeal deadline"}},
		{"no time limit", func(_ *qinglang.Measure, _ *[]qinglang.Finding, ch *AppealChannel) { ch.Within = 0 },
			[]Missing{MissingAppealDeadline}, []string{"申诉期限", "appeal deadline"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, fs, ch := testMeasure(), testFindings(), channel
			tt.edit(&m, &fs, &ch)
			n, err := ForMeasure(testCase(), m, fs, ch, issued)
			if qinglang.Code(err) != qinglang.EINVALID || n.ID != "" {
				t.Fatalf("err %v, notice %q: want EINVALID and no notice", err, n.ID)
			}
			var e *qinglang.Error
			errors.As(err, &e)
			for _, w := range tt.words {
				if !strings.Contains(e.Message+e.MessageEN, w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			for _, m := range []Missing{MissingFacts, MissingReasons, MissingBasis, MissingDuration, MissingAppealChannel, MissingAppealDeadline} {
				zh, _ := m.Name()
				if !contains(tt.want, m) && strings.Contains(e.Message, "："+zh) {
					t.Errorf("error %q names %s, which is there", err, zh)
				}
			}
		})
	}
}

func contains(ms []Missing, m Missing) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

func TestForMeasureRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*qinglang.Case, *qinglang.Measure, *[]qinglang.Finding, *time.Time)
	}{
		{"measure of another case", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) { m.CaseID = "case_9" }},
		{"no measure id", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) { m.ID = "" }},
		{"unknown kind", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) { m.Kind = "fine" }},
		{"rejected", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) {
			m.State = qinglang.MeasureRejected
		}},
		{"revoked", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) {
			m.State = qinglang.MeasureRevoked
		}},
		{"period and duration disagree", func(_ *qinglang.Case, m *qinglang.Measure, _ *[]qinglang.Finding, _ *time.Time) {
			m.EndsAt = m.StartsAt.Add(3 * 24 * time.Hour)
		}},
		{"finding of another case", func(_ *qinglang.Case, _ *qinglang.Measure, fs *[]qinglang.Finding, _ *time.Time) {
			*fs = append(*fs, qinglang.Finding{ID: "f_other", Summary: "x"})
		}},
		{"no issue time", func(_ *qinglang.Case, _ *qinglang.Measure, _ *[]qinglang.Finding, at *time.Time) { *at = time.Time{} }},
	} {
		c, m, fs, at := testCase(), testMeasure(), testFindings(), issued
		tt.edit(&c, &m, &fs, &at)
		if _, err := ForMeasure(c, m, fs, channel, at); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: err %v, want EINVALID", tt.name, err)
		}
	}
}

func TestForMeasureRepeatedFinding(t *testing.T) {
	fs := testFindings()
	fs = append(fs, fs[0])
	n, err := ForMeasure(testCase(), testMeasure(), fs, channel, issued)
	if err != nil || !strings.Contains(n.Facts, "共 2 项") || strings.Count(n.Facts, "campaign.coordinated") != 1 {
		t.Errorf("a finding given twice is listed once: %v\n%s", err, n.Facts)
	}
}

func TestForMeasureFallbacks(t *testing.T) {
	m, fs := testMeasure(), testFindings()
	m.ReasonEN = ""
	fs[1].SummaryEN, fs[1].BasisEN = "", ""
	n, err := ForMeasure(testCase(), m, fs, AppealChannel{Text: "拨打客服热线 95000 申诉", Within: 72 * time.Hour}, issued)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n.FactsEN, "(in Chinese) 「吃了根治糖尿病」") || !strings.Contains(n.ReasonsEN, "(in Chinese) 直播中") {
		t.Errorf("fallbacks:\n%s\n%s", n.FactsEN, n.ReasonsEN)
	}
	if !strings.Contains(n.BasisEN, "《中华人民共和国广告法》第十七条；《直播电商监督管理办法》第三十四条") {
		t.Errorf("a basis without English is given in Chinese:\n%s", n.BasisEN)
	}
	if !strings.Contains(n.AppealEN, "95000") || !strings.Contains(n.AppealEN, "within 3 days") {
		t.Errorf("appeal: %s", n.AppealEN)
	}
}

func TestBasisSplitsLawsOnlyWhenItCan(t *testing.T) {
	m := qinglang.Measure{Basis: "《中华人民共和国广告法》第九条第（三）项；第二十八条", BasisEN: "Advertising Law, art. 9(3); art. 28"}
	zh, en := basis(m, []qinglang.Finding{{Basis: "《中华人民共和国广告法》第九条第（三）项", BasisEN: "Advertising Law, art. 9(3)"}})
	if zh != "《中华人民共和国广告法》第九条第（三）项；第二十八条\n《中华人民共和国广告法》第九条第（三）项" ||
		en != "Advertising Law, art. 9(3); art. 28\nAdvertising Law, art. 9(3)" {
		t.Errorf("a part without its law's name must not stand alone:\n%s\n%s", zh, en)
	}
}
