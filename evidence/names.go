package evidence

import (
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

// bi is a text in Chinese and in English; the report shows both.
type bi struct{ ZH, EN string }

// lookup looks v up in names; an unknown value is shown as it is.
func lookup[K ~string](names map[K]bi, v K) bi {
	if n, ok := names[v]; ok {
		return n
	}
	return bi{ZH: string(v), EN: string(v)}
}

var findingKindNames = map[qinglang.Kind]bi{
	qinglang.KindClaim:         {"虚假或引人误解的宣传", "false or misleading claim"},
	qinglang.KindListing:       {"商品问题", "listing"},
	qinglang.KindCampaign:      {"有组织刷评", "coordinated fake comments"},
	qinglang.KindQualification: {"资质问题", "qualification"},
}

var noticeKindNames = map[qinglang.NoticeKind]bi{
	qinglang.NoticeMeasure:      {"处置措施告知", "notice of a measure"},
	qinglang.NoticeAppealResult: {"申诉结果告知", "result of an appeal"},
}

var appealStateNames = map[qinglang.AppealState]bi{
	qinglang.AppealFiled:      {"已提交", "filed"},
	qinglang.AppealUpheld:     {"维持原措施", "upheld"},
	qinglang.AppealOverturned: {"撤销原措施", "overturned"},
}

var eventTypeNames = map[qinglang.EventType]bi{
	qinglang.RoomStart: {"开播", "room start"},
	qinglang.RoomEnd:   {"下播", "room end"},
	qinglang.Speech:    {"口播", "speech"},
	qinglang.Comment:   {"评论", "comment"},
	qinglang.Order:     {"订单", "order"},
	qinglang.Listing:   {"商品", "listing"},
	qinglang.Account:   {"账号", "account"},
}

// categoryName uses the root package's names, and the value itself for a
// category the contract does not define.
func categoryName(c qinglang.Category) bi {
	if !c.Known() {
		return bi{ZH: string(c), EN: string(c)}
	}
	zh, en := c.Name()
	return bi{ZH: zh, EN: en}
}

// biOf turns a (zh, en) name into a bi.
func biOf(zh, en string) bi { return bi{zh, en} }

// measureName and subjectKindName use the root package's names.
func measureName(k qinglang.MeasureKind) bi { return biOf(k.Name()) }

// caseStateName uses casework's names.
func caseStateName(s qinglang.CaseState) bi { return biOf(casework.StateName(s)) }

func subjectKindName(k qinglang.SubjectKind) bi { return biOf(k.Name()) }

// yesNo names a flag.
func yesNo(v bool) bi {
	if v {
		return bi{"是", "yes"}
	}
	return bi{"否", "no"}
}

// maybe names an optional flag: not sent is unknown.
func maybe(v *bool) bi {
	if v == nil {
		return bi{"未报送", "not sent"}
	}
	return yesNo(*v)
}

// duration names how long a measure lasts: whole days as days, none for
// a measure without a duration.
func duration(d time.Duration) bi {
	switch {
	case d <= 0:
		return bi{"不适用", "not applicable"}
	case d%(24*time.Hour) == 0:
		n := strconv.FormatInt(int64(d/(24*time.Hour)), 10)
		if n == "1" {
			return bi{"1 天", "1 day"}
		}
		return bi{n + " 天", n + " days"}
	}
	return bi{d.String(), d.String()}
}

// cst is China Standard Time, the time the report shows.
var cst = time.FixedZone("CST", 8*3600)

// when formats a time for the report, in China Standard Time; "—" for the
// zero time.
func when(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(cst).Format("2006-01-02 15:04:05") + " (UTC+8)"
}

// whenPtr is when for an optional time.
func whenPtr(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return when(*t)
}

// period formats the span of a measure: "—" when it has none.
func period(from, to time.Time) string {
	if from.IsZero() && to.IsZero() {
		return "—"
	}
	return when(from) + " — " + when(to)
}
