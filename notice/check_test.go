package notice

import (
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func complete() qinglang.Notice {
	return qinglang.Notice{
		ID: "ntc_x", Kind: qinglang.NoticeMeasure, IssuedAt: issued,
		Facts: "事实", FactsEN: "facts", Reasons: "理由", ReasonsEN: "reasons", Basis: "依据", BasisEN: "basis",
		Measure: "暂停直播 7 天", MeasureEN: "live streaming suspended for 7 days", Duration: "7 天", DurationEN: "7 days",
		StartsAt: issued, EndsAt: issued.Add(7 * 24 * time.Hour),
		Appeal: "在 App 中申诉", AppealEN: "appeal in the app", AppealBy: issued.Add(7 * 24 * time.Hour),
	}
}

func TestCheckComplete(t *testing.T) {
	if miss := Check(complete()); miss != nil {
		t.Errorf("complete notice: %v", miss)
	}
	n := complete()
	n.Measure, n.MeasureEN, n.Duration, n.DurationEN = "警告", "warning", oneOff, oneOffEN
	n.StartsAt, n.EndsAt = time.Time{}, time.Time{}
	if miss := Check(n); miss != nil {
		t.Errorf("a one-off measure needs no period: %v", miss)
	}
}

func TestCheckMissing(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*qinglang.Notice)
		want []Missing
	}{
		{"nothing", func(n *qinglang.Notice) { *n = qinglang.Notice{Kind: qinglang.NoticeMeasure} },
			[]Missing{MissingFacts, MissingReasons, MissingBasis, MissingMeasure, MissingDuration, MissingAppealChannel, MissingAppealDeadline}},
		{"English facts", func(n *qinglang.Notice) { n.FactsEN = " " }, []Missing{MissingFacts}},
		{"Chinese reasons", func(n *qinglang.Notice) { n.Reasons = "" }, []Missing{MissingReasons}},
		{"basis", func(n *qinglang.Notice) { n.Basis, n.BasisEN = "", "" }, []Missing{MissingBasis}},
		{"measure", func(n *qinglang.Notice) { n.MeasureEN = "" }, []Missing{MissingMeasure}},
		{"duration words", func(n *qinglang.Notice) { n.Duration = "" }, []Missing{MissingDuration}},
		{"lasting without an end", func(n *qinglang.Notice) { n.EndsAt = time.Time{} }, []Missing{MissingDuration}},
		{"lasting, ends before it starts", func(n *qinglang.Notice) { n.EndsAt = n.StartsAt.Add(-time.Hour) }, []Missing{MissingDuration}},
		{"channel", func(n *qinglang.Notice) { n.Appeal = "" }, []Missing{MissingAppealChannel}},
		{"deadline", func(n *qinglang.Notice) { n.AppealBy = time.Time{} }, []Missing{MissingAppealDeadline}},
		{"deadline before issue", func(n *qinglang.Notice) { n.AppealBy = n.IssuedAt }, []Missing{MissingAppealDeadline}},
	} {
		n := complete()
		tt.edit(&n)
		if got := Check(n); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCheckAppealResult(t *testing.T) {
	n := complete()
	n.Kind, n.AppealBy, n.EndsAt = qinglang.NoticeAppealResult, time.Time{}, time.Time{}
	if miss := Check(n); miss != nil {
		t.Errorf("an appeal result needs no deadline nor period: %v", miss)
	}
	n.Appeal = ""
	if miss := Check(n); !slices.Equal(miss, []Missing{MissingAppealChannel}) {
		t.Errorf("an appeal result names the further remedies: %v", miss)
	}
}

func TestMissingName(t *testing.T) {
	for _, m := range []Missing{MissingFacts, MissingReasons, MissingBasis, MissingMeasure, MissingDuration, MissingAppealChannel, MissingAppealDeadline} {
		zh, en := m.Name()
		if zh == string(m) || en == "" {
			t.Errorf("%s: %q %q", m, zh, en)
		}
	}
	if zh, en := Missing("other").Name(); zh != "other" || en != "other" {
		t.Errorf("unknown: %q %q", zh, en)
	}
}
