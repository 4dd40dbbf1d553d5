package httpapi

import (
	"bytes"
	"context"
	_ "embed"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/notice"
)

// The public disclosure of decided cases (GET /public/cases, its JSON and
// its Atom feed) shows only notice.PublicCase: the kind of subject, the
// platform, the subject's and rooms' ids masked, a title without ids, the
// measures decided, a masked summary of each finding, and the dates. The
// handlers read nothing but Enforcement.PublicCases, which returns only
// published cases, already masked; accounts, users, event and finding ids,
// the case id, comments and assignees never reach them.
const (
	// publicCasesFeedID is the Atom id of the case feed; entries are
	// publicCasesFeedID:<ref>.
	publicCasesFeedID = "urn:qinglang:public:cases"
)

//go:embed public_cases.html
var publicCasesSource string

// publicCasesPage renders GET /public/cases.
var publicCasesPage = template.Must(template.Must(template.New("public_cases.html").Parse(publicSharedSource)).Parse(publicCasesSource))

// publicCaseMeasure is a published measure as the HTML page shows it.
type publicCaseMeasure struct {
	notice.PublicMeasure
	StateZH, StateEN string
	Starts, Ends     string // in China Standard Time, "" when not set
}

// publicCaseEntry is a published case as the HTML page shows it.
type publicCaseEntry struct {
	notice.PublicCase
	MeasureRows []publicCaseMeasure
}

// publicCasesData is what the HTML page is rendered from.
type publicCasesData struct {
	Entries []publicCaseEntry
	Next    string
}

// publicCases reads a page of published cases, with every list present.
func (s *Server) publicCases(ctx context.Context, enf Enforcement, cursor string, limit int) (enforce.PublicPage, error) {
	page, err := enf.PublicCases(ctx, cursor, limit)
	if err != nil {
		return enforce.PublicPage{}, err
	}
	out := enforce.PublicPage{Cases: make([]notice.PublicCase, len(page.Cases)), Next: page.Next}
	for i, pc := range page.Cases {
		pc.Rooms, pc.Measures, pc.Facts = nonNil(pc.Rooms), nonNil(pc.Measures), nonNil(pc.Facts)
		out.Cases[i] = pc
	}
	return out, nil
}

// getPublicCases serves the public page of decided cases, the most
// recently changed first; cursor continues from an earlier page.
func (s *Server) getPublicCases(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor := q.one("cursor")
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := s.publicCases(r.Context(), enf, cursor, publicPageSize)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	data := publicCasesData{Entries: make([]publicCaseEntry, len(page.Cases)), Next: page.Next}
	for i, pc := range page.Cases {
		e := publicCaseEntry{PublicCase: pc, MeasureRows: make([]publicCaseMeasure, len(pc.Measures))}
		for j, m := range pc.Measures {
			zh, en := m.State.Name()
			e.MeasureRows[j] = publicCaseMeasure{PublicMeasure: m, StateZH: zh, StateEN: en,
				Starts: cstMinute(m.StartsAt), Ends: cstMinute(m.EndsAt)}
		}
		data.Entries[i] = e
	}
	var buf bytes.Buffer
	if err := publicCasesPage.Execute(&buf, data); err != nil {
		s.writeError(w, r, qinglang.Wrap(qinglang.EINTERNAL, err, "公示页面生成失败", "rendering the public page failed"))
		return
	}
	w.Header().Set("Content-Security-Policy", publicCSP)
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.writeFile(w, r, "text/html; charset=utf-8", "", buf.Bytes())
}

// cstMinute writes a time to the minute in China Standard Time, "" for the
// zero time.
func cstMinute(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(cst).Format("2006-01-02 15:04") + " (UTC+8)"
}

// getPublicCasesJSON serves the published cases as JSON, a page at a time.
func (s *Server) getPublicCasesJSON(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor := q.one("cursor")
	limit := q.limit("limit", maxPublicLimit)
	if limit == 0 {
		limit = publicPageSize
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := s.publicCases(r.Context(), enf, cursor, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writePublicJSON(w, r, page)
}

// getPublicCasesAtom serves the newest published cases as an Atom feed:
// one entry per case, its id stable (the case's public ref), updated at the
// latest date the public case holds (opened, closed, or a measure's start),
// its content the bilingual summary.
func (s *Server) getPublicCasesAtom(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := s.publicCases(r.Context(), enf, "", publicPageSize)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	feed := &feeds.Feed{
		Title:       "违规处置公示 · Published case decisions — 清朗 Qinglang",
		Link:        &feeds.Link{Href: "cases", Rel: "alternate"},
		Description: "平台对直播电商违规行为作出的处置决定，标识已脱敏。Decisions taken on violations in live-streaming e-commerce, identifiers masked.",
		Author:      &feeds.Author{Name: "清朗 Qinglang"},
	}
	var newest time.Time
	for _, pc := range page.Cases {
		updated := publicCaseUpdated(pc)
		if updated.After(newest) {
			newest = updated
		}
		zh, en := publicCaseSummary(pc)
		feed.Add(&feeds.Item{
			Title:   pc.Title + " / " + pc.TitleEN,
			Link:    &feeds.Link{Href: "cases#" + pc.Ref},
			Id:      publicCasesFeedID + ":" + pc.Ref,
			Updated: updated,
			Created: updated,
			Content: zh + "\n\n" + en,
		})
	}
	if newest.IsZero() {
		newest = s.clock().UTC()
	}
	feed.Updated = newest
	s.writeAtom(w, r, feed, publicCasesFeedID)
}

// publicCaseUpdated is when a published case last changed, as far as the
// public case tells: the latest of the day it was opened, the day it was
// closed and the start of each measure (when it was decided and took
// effect), in UTC. A day counts from midnight China Standard Time.
func publicCaseUpdated(pc notice.PublicCase) time.Time {
	var t time.Time
	for _, d := range []string{pc.OpenedOn, pc.ClosedOn} {
		if day, err := time.ParseInLocation(time.DateOnly, d, cst); err == nil && day.After(t) {
			t = day
		}
	}
	for _, m := range pc.Measures {
		if m.StartsAt.After(t) {
			t = m.StartsAt
		}
	}
	return t.UTC()
}

// publicCaseSummary says what a published case holds, in Chinese and
// English.
func publicCaseSummary(pc notice.PublicCase) (zh, en string) {
	var b, e strings.Builder
	b.WriteString(pc.Title + "。平台 " + pc.Platform + " 的" + pc.SubjectKindZH + " " + pc.Subject)
	e.WriteString(pc.TitleEN + ". The " + pc.SubjectKindEN + " " + pc.Subject + " on platform " + pc.Platform)
	if len(pc.Rooms) > 0 {
		b.WriteString("（直播间 " + strings.Join(pc.Rooms, "、") + "）")
		e.WriteString(" (rooms " + strings.Join(pc.Rooms, ", ") + ")")
	}
	b.WriteString("，案件于 " + pc.OpenedOn + " 立案")
	e.WriteString("; the case was opened on " + pc.OpenedOn)
	if pc.ClosedOn != "" {
		b.WriteString("，于 " + pc.ClosedOn + " 结案")
		e.WriteString(" and closed on " + pc.ClosedOn)
	}
	b.WriteString("。")
	e.WriteString(".")
	for _, m := range pc.Measures {
		szh, sen := m.State.Name()
		b.WriteString("措施：" + m.Measure + "，期限 " + m.Duration + "（" + szh + "）。")
		e.WriteString(" Measure: " + m.MeasureEN + ", " + m.DurationEN + " (" + sen + ").")
	}
	for _, f := range pc.Facts {
		b.WriteString("事实（" + f.On + "）：" + f.Summary + "。")
		summary := f.SummaryEN
		if summary == "" {
			summary = f.Summary
		}
		e.WriteString(" Fact (" + f.On + "): " + summary + ".")
	}
	return b.String(), e.String()
}
