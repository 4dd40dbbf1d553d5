package notice

import (
	"strings"

	"github.com/qinglang/qinglang"
)

// Missing is an element a notice lacks. A measure notice must state the
// facts, the reasons, the legal basis, the duration and the appeal channel
// (Order 117 art. 14); the measure itself and the appeal deadline make the
// duration and the channel usable.
type Missing string

// The elements Check looks for.
const (
	MissingFacts          Missing = "facts"
	MissingReasons        Missing = "reasons"
	MissingBasis          Missing = "basis"
	MissingMeasure        Missing = "measure"
	MissingDuration       Missing = "duration"
	MissingAppealChannel  Missing = "appeal_channel"
	MissingAppealDeadline Missing = "appeal_deadline"
)

// Name returns the element's name in Chinese and English.
func (m Missing) Name() (zh, en string) {
	switch m {
	case MissingFacts:
		return "事实", "facts"
	case MissingReasons:
		return "理由", "reasons"
	case MissingBasis:
		return "依据", "legal basis"
	case MissingMeasure:
		return "措施", "measure"
	case MissingDuration:
		return "期限", "duration"
	case MissingAppealChannel:
		return "申诉渠道", "appeal channel"
	case MissingAppealDeadline:
		return "申诉期限", "appeal deadline"
	}
	return string(m), string(m)
}

// Check lists every element n lacks, in the order of Missing's constants;
// nil when it has them all. A text counts only when it is there in both
// languages. A lasting measure (any whose duration is not the one-off
// wording ForMeasure writes) needs its period: a start, and an end after
// it. A measure notice needs an appeal deadline after its issue; an appeal
// result's notice names the further remedies instead and has no deadline
// nor period check.
func Check(n qinglang.Notice) []Missing {
	blank := func(zh, en string) bool { return strings.TrimSpace(zh) == "" || strings.TrimSpace(en) == "" }
	result := n.Kind == qinglang.NoticeAppealResult
	var miss []Missing
	if blank(n.Facts, n.FactsEN) {
		miss = append(miss, MissingFacts)
	}
	if blank(n.Reasons, n.ReasonsEN) {
		miss = append(miss, MissingReasons)
	}
	if blank(n.Basis, n.BasisEN) {
		miss = append(miss, MissingBasis)
	}
	if blank(n.Measure, n.MeasureEN) {
		miss = append(miss, MissingMeasure)
	}
	lasting := n.Duration != oneOff
	if blank(n.Duration, n.DurationEN) ||
		!result && lasting && (n.StartsAt.IsZero() || n.EndsAt.IsZero() || !n.EndsAt.After(n.StartsAt)) {
		miss = append(miss, MissingDuration)
	}
	if blank(n.Appeal, n.AppealEN) {
		miss = append(miss, MissingAppealChannel)
	}
	if !result && (n.AppealBy.IsZero() || !n.AppealBy.After(n.IssuedAt)) {
		miss = append(miss, MissingAppealDeadline)
	}
	return miss
}

// missingError is the EINVALID error naming what a notice lacks.
func missingError(miss []Missing) error {
	zs := make([]string, len(miss))
	es := make([]string, len(miss))
	for i, m := range miss {
		zs[i], es[i] = m.Name()
	}
	return qinglang.Errorf(qinglang.EINVALID,
		"通知缺少《直播电商监督管理办法》第十四条要求的内容：%[1]s",
		"the notice lacks what Order 117 art. 14 requires: %[2]s",
		strings.Join(zs, "、"), strings.Join(es, ", "))
}
