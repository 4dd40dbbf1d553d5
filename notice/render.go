package notice

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// stampLayout shows a time with its offset: 2026-02-11 09:00:00 +08:00.
const stampLayout = "2006-01-02 15:04:05 -07:00"

// stamp formats t in Asia/Shanghai; "" for a zero t.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(shanghai).Format(stampLayout)
}

func inShanghai(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.In(shanghai)
}

// durationWords says d in days, hours, minutes and seconds, leaving out
// the zero ones ("7 天" / "7 days", "12 小时" / "12 hours",
// "1 天 12 小时" / "1 day 12 hours"); "" for a d of 0 or less.
func durationWords(d time.Duration) (zh, en string) {
	if d <= 0 {
		return "", ""
	}
	if d < time.Second {
		return d.String(), d.String()
	}
	units := []struct {
		d      time.Duration
		zh, en string
	}{{24 * time.Hour, "天", "day"}, {time.Hour, "小时", "hour"}, {time.Minute, "分钟", "minute"}, {time.Second, "秒", "second"}}
	var zs, es []string
	for _, u := range units {
		k := d / u.d
		d -= k * u.d
		if k == 0 {
			continue
		}
		zs = append(zs, fmt.Sprintf("%d %s", k, u.zh))
		if k == 1 {
			es = append(es, "1 "+u.en)
		} else {
			es = append(es, fmt.Sprintf("%d %ss", k, u.en))
		}
	}
	return strings.Join(zs, " "), strings.Join(es, " ")
}

// section writes a heading and the lines of text under it, indented;
// "（未载明）" or "(not stated)" for an empty text.
func section(b *strings.Builder, heading, text, none string) {
	fmt.Fprintf(b, "\n%s\n", heading)
	if strings.TrimSpace(text) == "" {
		text = none
	}
	for l := range strings.SplitSeq(text, "\n") {
		fmt.Fprintf(b, "  %s\n", l)
	}
}

// Text renders n in Chinese: a heading, who it is to and when, then 事实,
// 理由, 依据, 措施与期限 and 申诉渠道 (进一步救济 for an appeal's result),
// times in Asia/Shanghai with their offset.
func Text(n qinglang.Notice) string {
	const none = "（未载明）"
	result := n.Kind == qinglang.NoticeAppealResult
	var b strings.Builder
	if result {
		b.WriteString("申诉复核结果通知书\n")
	} else {
		b.WriteString("处置通知书\n")
	}
	fmt.Fprintf(&b, "通知编号：%s\n案件编号：%s\n", n.ID, n.CaseID)
	if n.MeasureID != "" {
		fmt.Fprintf(&b, "措施编号：%s\n", n.MeasureID)
	}
	kind, _ := n.Subject.Kind.Name()
	fmt.Fprintf(&b, "致：%s %s（平台 %s）\n", kind, n.Subject.ID, n.Subject.Platform)
	fmt.Fprintf(&b, "签发时间：%s\n", stamp(n.IssuedAt))
	section(&b, "一、事实", n.Facts, none)
	section(&b, "二、理由", n.Reasons, none)
	section(&b, "三、依据", n.Basis, none)
	m := "措施：" + orNone(n.Measure, none) + "\n期限：" + orNone(n.Duration, none)
	if !n.StartsAt.IsZero() || !n.EndsAt.IsZero() {
		m += fmt.Sprintf("\n起止：%s 至 %s", orNone(stamp(n.StartsAt), none), orNone(stamp(n.EndsAt), none))
	}
	section(&b, "四、措施与期限", m, none)
	a := n.Appeal
	if !n.AppealBy.IsZero() && !strings.Contains(a, stamp(n.AppealBy)) {
		a = orNone(a, none) + "\n申诉截止：" + stamp(n.AppealBy)
	}
	if result {
		section(&b, "五、进一步救济", a, none)
	} else {
		section(&b, "五、申诉渠道", a, none)
	}
	b.WriteString("\n本通知所列时间均为北京时间（Asia/Shanghai，UTC+08:00）。\n")
	return b.String()
}

// TextEN renders n in English, with the sections of Text: Facts, Reasons,
// Legal basis, Measure and duration, Appeal (Further remedies for an
// appeal's result).
func TextEN(n qinglang.Notice) string {
	const none = "(not stated)"
	result := n.Kind == qinglang.NoticeAppealResult
	var b strings.Builder
	if result {
		b.WriteString("Notice of the result of an appeal\n")
	} else {
		b.WriteString("Notice of a measure\n")
	}
	fmt.Fprintf(&b, "Notice: %s\nCase: %s\n", n.ID, n.CaseID)
	if n.MeasureID != "" {
		fmt.Fprintf(&b, "Measure: %s\n", n.MeasureID)
	}
	_, kind := n.Subject.Kind.Name()
	fmt.Fprintf(&b, "To: %s %s (platform %s)\n", kind, n.Subject.ID, n.Subject.Platform)
	fmt.Fprintf(&b, "Issued: %s\n", stamp(n.IssuedAt))
	section(&b, "1. Facts", n.FactsEN, none)
	section(&b, "2. Reasons", n.ReasonsEN, none)
	section(&b, "3. Legal basis", n.BasisEN, none)
	m := "Measure: " + orNone(n.MeasureEN, none) + "\nDuration: " + orNone(n.DurationEN, none)
	if !n.StartsAt.IsZero() || !n.EndsAt.IsZero() {
		m += fmt.Sprintf("\nPeriod: %s to %s", orNone(stamp(n.StartsAt), none), orNone(stamp(n.EndsAt), none))
	}
	section(&b, "4. Measure and duration", m, none)
	a := n.AppealEN
	if !n.AppealBy.IsZero() && !strings.Contains(a, stamp(n.AppealBy)) {
		a = orNone(a, none) + "\nAppeal by: " + stamp(n.AppealBy)
	}
	if result {
		section(&b, "5. Further remedies", a, none)
	} else {
		section(&b, "5. Appeal", a, none)
	}
	b.WriteString("\nAll times are Beijing time (Asia/Shanghai, UTC+08:00).\n")
	return b.String()
}

func orNone(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}

// JSON returns n as indented JSON, its times in Asia/Shanghai, so the same
// notice always gives the same bytes.
func JSON(n qinglang.Notice) ([]byte, error) {
	n.IssuedAt, n.StartsAt, n.EndsAt, n.AppealBy =
		inShanghai(n.IssuedAt), inShanghai(n.StartsAt), inShanghai(n.EndsAt), inShanghai(n.AppealBy)
	return json.MarshalIndent(n, "", "  ")
}
