package notice

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func testAppeal(state qinglang.AppealState) qinglang.Appeal {
	outcome := "直播回放显示主播本人口播疾病治疗用语，申诉理由不能成立"
	if state == qinglang.AppealOverturned {
		outcome = "复核认定相关评论并非主播组织，原措施认定事实不清，予以撤销"
	}
	return qinglang.Appeal{
		ID: "ap_3", CaseID: "case_0042", MeasureID: "m_7", State: state,
		Grounds: "评论不是我组织的", FiledAt: issued.Add(24 * time.Hour), FiledBy: "host_13912345678",
		ReviewedAt: issued.Add(3 * 24 * time.Hour), ReviewedBy: "reviewer_qian",
		Outcome: outcome,
	}
}

func TestForAppealResultUpheld(t *testing.T) {
	at := issued.Add(3 * 24 * time.Hour)
	n, err := ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealUpheld), at)
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != qinglang.NoticeAppealResult || !strings.HasPrefix(n.ID, "ntc_") || n.MeasureID != "m_7" {
		t.Errorf("header: %+v", n)
	}
	measure, _ := ForMeasure(testCase(), testMeasure(), testFindings(), channel, issued)
	if n.ID == measure.ID {
		t.Errorf("the appeal result has the measure notice's id %s", n.ID)
	}
	for _, want := range []string{"2026-02-12 09:00:00 +08:00", "「暂停直播 7 天」", "ap_3", "未参与原决定", "复核结果：维持原措施"} {
		if !strings.Contains(n.Facts, want) {
			t.Errorf("facts lack %q: %s", want, n.Facts)
		}
	}
	if !strings.Contains(n.FactsEN, "upheld") || !strings.Contains(n.Reasons, "申诉理由不能成立") || !strings.Contains(n.ReasonsEN, "申诉理由不能成立") {
		t.Errorf("result and reasons: %s / %s / %s", n.FactsEN, n.Reasons, n.ReasonsEN)
	}
	if !strings.Contains(n.Basis, "第十四条") || !strings.Contains(n.Basis, "第三十四条") || !strings.Contains(n.BasisEN, "art. 14") {
		t.Errorf("basis: %s / %s", n.Basis, n.BasisEN)
	}
	if n.Measure != "暂停直播 7 天：维持原措施" || n.Duration != "7 天，继续执行至 2026-02-18 09:00:00 +08:00 期满解除" ||
		!strings.Contains(n.DurationEN, "until 2026-02-18 09:00:00 +08:00") || !n.EndsAt.Equal(testMeasure().EndsAt) {
		t.Errorf("measure %q %q %q ends %v", n.Measure, n.Duration, n.DurationEN, n.EndsAt)
	}
	// Further remedies, without claiming an article domain.md does not support.
	if n.Appeal != DefaultConfig.Remedies || !strings.Contains(n.Appeal, "市场监督管理部门") || !strings.Contains(n.Appeal, "行政复议") ||
		!strings.Contains(n.AppealEN, "market regulation") || !strings.Contains(n.AppealEN, "reconsideration") {
		t.Errorf("remedies: %s / %s", n.Appeal, n.AppealEN)
	}
	if regexp.MustCompile(`第.{1,6}条`).MatchString(n.Appeal) || strings.Contains(n.AppealEN, "art.") {
		t.Errorf("the remedies cite an article: %s / %s", n.Appeal, n.AppealEN)
	}
	if !n.AppealBy.IsZero() {
		t.Errorf("no deadline is known for the further remedies: %v", n.AppealBy)
	}
	for _, never := range []string{"reviewer_qian", "reviewer_zhao", "评论不是我组织的"} {
		if strings.Contains(Text(n)+TextEN(n), never) {
			t.Errorf("the notice shows %q", never)
		}
	}
}

func TestForAppealResultUpheldAfterTheEnd(t *testing.T) {
	at := testMeasure().EndsAt.Add(time.Hour)
	n, err := ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealUpheld), at)
	if err != nil || n.Duration != "7 天，已于 2026-02-18 09:00:00 +08:00 期满解除" {
		t.Errorf("%v: %q", err, n.Duration)
	}
}

func TestForAppealResultOverturned(t *testing.T) {
	at := issued.Add(3 * 24 * time.Hour)
	n, err := ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealOverturned), at)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n.Facts, "复核结果：撤销原措施") || !strings.Contains(n.FactsEN, "overturned") {
		t.Errorf("facts: %s / %s", n.Facts, n.FactsEN)
	}
	if n.Measure != "暂停直播 7 天：撤销" || n.Duration != "原定 7 天，自 2026-02-14 09:00:00 +08:00 起立即解除" ||
		!n.EndsAt.Equal(at) || !n.StartsAt.Equal(issued) {
		t.Errorf("revoked at once: %q %q %v – %v", n.Measure, n.Duration, n.StartsAt, n.EndsAt)
	}
	if n.Basis != art14 || strings.Contains(n.Appeal, "行政复议") || !strings.Contains(n.Appeal, "撤销") {
		t.Errorf("overturned basis %q appeal %q", n.Basis, n.Appeal)
	}
}

func TestForAppealResultOverturnedCases(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*qinglang.Measure) time.Time
		want string
	}{
		{"one-off", func(m *qinglang.Measure) time.Time {
			m.Kind, m.Duration, m.StartsAt, m.EndsAt = qinglang.MeasureWarning, 0, time.Time{}, time.Time{}
			return issued
		}, "一次性措施，现予撤销，自本通知签发时起不再有效"},
		{"not begun", func(m *qinglang.Measure) time.Time { return m.StartsAt.Add(-time.Hour) }, "原定 7 天，尚未开始执行，撤销后不再执行"},
		{"ended", func(m *qinglang.Measure) time.Time { return m.EndsAt }, "原定 7 天，已于 2026-02-18 09:00:00 +08:00 期满解除；该措施现予撤销"},
	} {
		m := testMeasure()
		at := tt.edit(&m)
		n, err := ForAppealResult(testCase(), m, testAppeal(qinglang.AppealOverturned), at)
		if err != nil || n.Duration != tt.want || n.DurationEN == "" {
			t.Errorf("%s: %v: %q / %q", tt.name, err, n.Duration, n.DurationEN)
		}
	}
}

func TestForAppealResultRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*qinglang.Measure, *qinglang.Appeal)
	}{
		{"not reviewed", func(_ *qinglang.Measure, a *qinglang.Appeal) { a.State = qinglang.AppealFiled }},
		{"another measure", func(_ *qinglang.Measure, a *qinglang.Appeal) { a.MeasureID = "m_8" }},
		{"another case", func(_ *qinglang.Measure, a *qinglang.Appeal) { a.CaseID = "case_9" }},
		{"reviewed by the decider", func(m *qinglang.Measure, a *qinglang.Appeal) { a.ReviewedBy = m.DecidedBy }},
		{"no outcome", func(_ *qinglang.Measure, a *qinglang.Appeal) { a.Outcome = " " }},
	} {
		m, a := testMeasure(), testAppeal(qinglang.AppealUpheld)
		tt.edit(&m, &a)
		if _, err := ForAppealResult(testCase(), m, a, issued); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: err %v, want EINVALID", tt.name, err)
		}
	}
}

func TestForAppealResultRemediesConfig(t *testing.T) {
	cfg := Config{Remedies: "可向所在地市场监督管理部门投诉。", RemediesEN: "You may complain to the local market regulator."}
	n, err := cfg.ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealUpheld), issued)
	if err != nil || n.Appeal != cfg.Remedies || n.AppealEN != cfg.RemediesEN {
		t.Errorf("%v: %q %q", err, n.Appeal, n.AppealEN)
	}
	cfg.RemediesEN = ""
	if _, err := cfg.ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealUpheld), issued); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("remedies without English: %v", err)
	}
}
