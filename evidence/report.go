package evidence

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/regloop"
)

//go:embed report.html
var reportSource string

// reportTemplate renders report.html: html/template escapes everything the
// platform, its users and the reviewers wrote.
var reportTemplate = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"caseState":      caseStateName,
	"measureState":   func(s qinglang.MeasureState) bi { return biOf(s.Name()) },
	"severity":       func(s qinglang.Severity) bi { return biOf(s.Name()) },
	"findingKind":    func(k qinglang.Kind) bi { return lookup(findingKindNames, k) },
	"noticeKind":     func(k qinglang.NoticeKind) bi { return lookup(noticeKindNames, k) },
	"appealState":    func(s qinglang.AppealState) bi { return lookup(appealStateNames, s) },
	"directiveKind":  func(k qinglang.DirectiveKind) bi { return biOf(regloop.KindName(k)) },
	"directiveState": func(s qinglang.DirectiveState) bi { return biOf(regloop.StateName(s)) },
	"actionKind":     func(k qinglang.RegulatoryActionKind) bi { return biOf(regloop.ActionName(k)) },
	"eventType":      func(t qinglang.EventType) bi { return lookup(eventTypeNames, t) },
	"measureName":    measureName,
	"subjectKind":    subjectKindName,
	"yesNo":          yesNo,
	"maybe":          maybe,
	"duration":       duration,
	"category":       categoryName,
	"when":           when,
	"period":         period,
	"whenPtr":        whenPtr,
	"yuan":           func(fen int64) string { return "¥" + yuan(fen) },
	"yuanPtr": func(fen *int64) string {
		if fen == nil {
			return "—"
		}
		return "¥" + yuan(*fen)
	},
	"join": func(s []string) string { return strings.Join(s, ", ") },
}).Parse(reportSource))

// eventRow is an event in a table of the report, marked when a finding
// names it.
type eventRow struct {
	*qinglang.Event
	Hit bool
}

// auditRow is one audit entry in the report: its number, what could be
// read of it (time, action, actor; empty when the entry has no such
// field) and the entry itself, indented.
type auditRow struct {
	N              int
	At, Action, By string
	JSON           string
}

// reportData is what report.html is rendered from.
type reportData struct {
	*Bundle
	FindingViews []findingView
	Broadcasts   []*qinglang.Event // room starts and ends
	Orders       []eventRow
	Listings     []eventRow
	AuditRows    []auditRow
	ContextLines int
}

// writeReport renders the HTML report.
func writeReport(w io.Writer, b *Bundle) error {
	d := reportData{Bundle: b, FindingViews: findingViews(b, newTimelines(b.Events)),
		Broadcasts: byRoomAndTime(b.Events, qinglang.RoomStart, qinglang.RoomEnd),
		Orders:     rowsNamed(b, qinglang.Order), Listings: rowsNamed(b, qinglang.Listing),
		AuditRows: auditRows(b.Audit), ContextLines: ContextLines}
	return reportTemplate.Execute(w, d)
}

// rowsNamed returns the events of type t by room and time, each marked
// when a finding names it.
func rowsNamed(b *Bundle, t qinglang.EventType) []eventRow {
	events := byRoomAndTime(b.Events, t)
	rows := make([]eventRow, len(events))
	for i, e := range events {
		rows[i] = eventRow{Event: e}
		for j := range b.Findings {
			if named(&b.Findings[j], e) {
				rows[i].Hit = true
				break
			}
		}
	}
	return rows
}

// auditRows reads what it can of the audit entries, which are opaque to
// this package: the time ("at", "ts" or "time"), the action ("action" or
// "kind") and the actor ("by" or "actor": a string, or an object with a
// "name" and a "role"), at the top of the entry or in its "change".
func auditRows(entries []json.RawMessage) []auditRow {
	rows := make([]auditRow, len(entries))
	for i, a := range entries {
		r := auditRow{N: i + 1, JSON: string(a)}
		var buf bytes.Buffer
		if json.Indent(&buf, a, "", "  ") == nil {
			r.JSON = buf.String()
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(a, &top) == nil {
			var change map[string]json.RawMessage
			_ = json.Unmarshal(top["change"], &change)
			for _, m := range []map[string]json.RawMessage{top, change} {
				r.At = cmp.Or(r.At, auditTime(m))
				r.Action = cmp.Or(r.Action, auditString(m, "action", "kind"))
				r.By = cmp.Or(r.By, auditActor(m))
			}
		}
		rows[i] = r
	}
	return rows
}

// auditString returns the first of keys that holds a string.
func auditString(m map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		var s string
		if json.Unmarshal(m[k], &s) == nil && s != "" {
			return s
		}
	}
	return ""
}

// auditTime returns the entry's time for the report.
func auditTime(m map[string]json.RawMessage) string {
	s := auditString(m, "at", "ts", "time")
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return when(t)
	}
	return s
}

// auditActor returns who made the change: a name, and the role when the
// entry gives one.
func auditActor(m map[string]json.RawMessage) string {
	if s := auditString(m, "by", "actor"); s != "" {
		return s
	}
	for _, k := range []string{"by", "actor"} {
		var a struct{ Name, Role string }
		if json.Unmarshal(m[k], &a) == nil && a.Name != "" {
			if a.Role != "" {
				return a.Name + " (" + a.Role + ")"
			}
			return a.Name
		}
	}
	return ""
}
