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
	"github.com/qinglang/qinglang/spotcheck"
)

// The public disclosure of failed spot checks (GET /public/spotchecks, its
// JSON and its Atom feed) shows only spotcheck.PublicRecord: the product,
// batch, category, laboratory, dates, failed items and the sellers
// (platform and merchant). Rooms, hosts, users and event ids, which the
// drafts and notices of a result hold, never appear.
const (
	// publicPageSize is how many results the HTML page and the Atom feed
	// show (the newest first).
	publicPageSize = 50
	// maxPublicLimit is the largest page of GET /public/spotchecks.json.
	maxPublicLimit = 100
	// publicFeedID is the Atom id of the feed; entries are
	// publicFeedID:<record id>.
	publicFeedID = "urn:qinglang:public:spotchecks"
	// publicCSP allows the page nothing but its own inline style.
	publicCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

//go:embed public_spotchecks.html
var publicPageSource string

// publicSharedSource holds what both public pages share: the style and
// the site navigation.
//
//go:embed public_shared.html
var publicSharedSource string

// publicPage renders GET /public/spotchecks.
var publicPage = template.Must(template.Must(template.New("public_spotchecks.html").Parse(publicSharedSource)).Parse(publicPageSource))

// publicSpotCheck is one failed result as published: its id, when it was
// recorded and its public record, nothing else.
type publicSpotCheck struct {
	ID         string    `json:"id"`
	RecordedAt time.Time `json:"recorded_at"`
	spotcheck.PublicRecord
}

// publicSpotCheckPage answers GET /public/spotchecks.json; Next is absent on
// the last page.
type publicSpotCheckPage struct {
	Records []publicSpotCheck `json:"records"`
	Next    string            `json:"next,omitempty"`
}

// publicEntry is one result as the HTML page shows it.
type publicEntry struct {
	publicSpotCheck
	CategoryZH, CategoryEN string
	Recorded               string // in China Standard Time
}

// publicPageData is what the HTML page is rendered from.
type publicPageData struct {
	Entries []publicEntry
	Next    string
}

// publicSpotChecks reads a page of failed results as they are published.
func (s *Server) publicSpotChecks(ctx context.Context, cursor string, limit int) (publicSpotCheckPage, error) {
	page, err := s.Store.SpotChecks(ctx, qinglang.SpotCheckFilter{FailedOnly: true, Cursor: cursor, Limit: limit})
	if err != nil {
		return publicSpotCheckPage{}, err
	}
	out := publicSpotCheckPage{Records: make([]publicSpotCheck, 0, len(page.SpotChecks)), Next: page.Next}
	for _, rec := range page.SpotChecks {
		if rec.Pass {
			continue // only failures are published
		}
		st, err := spotcheck.Decode(rec)
		if err != nil {
			return out, err
		}
		out.Records = append(out.Records, publicSpotCheck{ID: rec.ID, RecordedAt: rec.RecordedAt.UTC(), PublicRecord: publicRecord(st)})
	}
	return out, nil
}

// publicRecord returns the public record of a stored failure; one stored
// without it (none should be) is made from the result's public fields.
func publicRecord(st spotcheck.Stored) spotcheck.PublicRecord {
	var pr spotcheck.PublicRecord
	if st.Outcome.Record != nil {
		pr = *st.Outcome.Record
	} else {
		r := st.Result
		pr = spotcheck.PublicRecord{Product: r.Product, Batch: r.Batch, Category: r.Category, Merchant: r.Merchant,
			Platform: r.Platform, FailedItems: r.FailedItems, Lab: r.Lab,
			SampledOn: r.SampledAt.Format(time.DateOnly), TestedOn: r.TestedAt.Format(time.DateOnly)}
	}
	pr.FailedItems = nonNil(pr.FailedItems)
	return pr
}

// getPublicSpotChecks serves the public page of failed spot checks, the
// newest first; cursor continues from an earlier page.
func (s *Server) getPublicSpotChecks(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor := q.one("cursor")
	if !s.readable(w, r, q.err) {
		return
	}
	page, err := s.publicSpotChecks(r.Context(), cursor, publicPageSize)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	data := publicPageData{Entries: make([]publicEntry, len(page.Records)), Next: page.Next}
	for i, rec := range page.Records {
		zh, en := rec.Category.Name()
		data.Entries[i] = publicEntry{publicSpotCheck: rec, CategoryZH: zh, CategoryEN: en,
			Recorded: rec.RecordedAt.In(cst).Format("2006-01-02 15:04") + " (UTC+8)"}
	}
	var buf bytes.Buffer
	if err := publicPage.Execute(&buf, data); err != nil {
		s.writeError(w, r, qinglang.Wrap(qinglang.EINTERNAL, err, "公示页面生成失败", "rendering the public page failed"))
		return
	}
	w.Header().Set("Content-Security-Policy", publicCSP)
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.writeFile(w, r, "text/html; charset=utf-8", "", buf.Bytes())
}

// getPublicSpotChecksJSON serves the failed spot checks as JSON, a page at
// a time.
func (s *Server) getPublicSpotChecksJSON(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor := q.one("cursor")
	limit := q.limit("limit", maxPublicLimit)
	if limit == 0 {
		limit = publicPageSize
	}
	if !s.readable(w, r, q.err) {
		return
	}
	page, err := s.publicSpotChecks(r.Context(), cursor, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writePublicJSON(w, r, page)
}

// writePublicJSON answers a public JSON listing: cacheable for a minute,
// readable from any origin.
func (s *Server) writePublicJSON(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Cache-Control", "public, max-age=60")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s.writeJSON(w, r, http.StatusOK, v)
}

// getPublicSpotChecksAtom serves the newest failed spot checks as an Atom
// feed: one entry per result, its id stable (the record id), updated when
// it was recorded, its content the bilingual summary.
func (s *Server) getPublicSpotChecksAtom(w http.ResponseWriter, r *http.Request) {
	if !s.readable(w, r, nil) {
		return
	}
	page, err := s.publicSpotChecks(r.Context(), "", publicPageSize)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	feed := &feeds.Feed{
		Title:       "抽检不合格公示 · Failed spot checks — 清朗 Qinglang",
		Link:        &feeds.Link{Href: "spotchecks", Rel: "alternate"},
		Description: "经检验机构抽样检验不合格的商品，最新的在前。Products whose samples failed laboratory testing, newest first.",
		Author:      &feeds.Author{Name: "清朗 Qinglang"},
		Updated:     s.clock().UTC(),
	}
	for i, rec := range page.Records {
		if i == 0 {
			feed.Updated = rec.RecordedAt
		}
		zh, en := publicSummary(rec.PublicRecord)
		feed.Add(&feeds.Item{
			Title:   publicTitle(rec.PublicRecord),
			Link:    &feeds.Link{Href: "spotchecks#" + rec.ID},
			Id:      publicFeedID + ":" + rec.ID,
			Updated: rec.RecordedAt,
			Content: zh + "\n\n" + en,
		})
	}
	s.writeAtom(w, r, feed, publicFeedID)
}

// writeAtom answers feed as an Atom document with the stable feed id id;
// entries' content is plain text, not HTML.
func (s *Server) writeAtom(w http.ResponseWriter, r *http.Request, feed *feeds.Feed, id string) {
	af := (&feeds.Atom{Feed: feed}).AtomFeed()
	af.Id = id
	for _, e := range af.Entries {
		if e.Content != nil {
			e.Content.Type = "text"
		}
	}
	var buf bytes.Buffer
	if err := feeds.WriteXML(af, &buf); err != nil {
		s.writeError(w, r, qinglang.Wrap(qinglang.EINTERNAL, err, "公示订阅源生成失败", "rendering the public feed failed"))
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.writeFile(w, r, "application/atom+xml; charset=utf-8", "", buf.Bytes())
}

// publicTitle is the title of a result's feed entry.
func publicTitle(pr spotcheck.PublicRecord) string {
	if pr.Batch != "" {
		return "抽检不合格：" + pr.Product + "（批次 " + pr.Batch + "） / Failed spot check: " + pr.Product + " (batch " + pr.Batch + ")"
	}
	return "抽检不合格：" + pr.Product + " / Failed spot check: " + pr.Product
}

// publicSummary says what a public record holds, in Chinese and English.
func publicSummary(pr spotcheck.PublicRecord) (zh, en string) {
	catZH, catEN := pr.Category.Name()
	batchZH, batchEN := "批次未知", "batch unknown"
	if pr.Batch != "" {
		batchZH, batchEN = "批次 "+pr.Batch, "batch "+pr.Batch
	}
	itemsZH := make([]string, len(pr.FailedItems))
	itemsEN := make([]string, len(pr.FailedItems))
	for i, it := range pr.FailedItems {
		itemsZH[i] = it.Name + " 检测值 " + it.Measured + it.Unit
		itemsEN[i] = it.Name + " measured " + it.Measured + spaced(it.Unit)
		if it.Limit != "" {
			itemsZH[i] += "（限值 " + it.Limit + it.Unit + "）"
			itemsEN[i] += " (limit " + it.Limit + spaced(it.Unit) + ")"
		}
	}
	var b, e strings.Builder
	b.WriteString(catZH + " " + pr.Product + "（" + batchZH + "）经 " + pr.Lab + " 于 " + pr.TestedOn +
		" 检验不合格：" + strings.Join(itemsZH, "；") + "。样品于 " + pr.SampledOn + " 在平台 " + pr.Platform)
	e.WriteString(catEN + " " + pr.Product + " (" + batchEN + ") failed testing at " + pr.Lab + " on " + pr.TestedOn +
		": " + strings.Join(itemsEN, "; ") + ". The sample was taken on " + pr.SampledOn + " on platform " + pr.Platform)
	if pr.Merchant != "" {
		b.WriteString("（商家 " + pr.Merchant + "）")
		e.WriteString(" (merchant " + pr.Merchant + ")")
	}
	b.WriteString("抽取。")
	e.WriteString(".")
	if len(pr.Sellers) > 0 {
		sz := make([]string, len(pr.Sellers))
		se := make([]string, len(pr.Sellers))
		for i, sl := range pr.Sellers {
			sz[i] = "平台 " + sl.Platform + " 商家 " + sl.Merchant
			se[i] = "merchant " + sl.Merchant + " on platform " + sl.Platform
		}
		b.WriteString("在售：" + strings.Join(sz, "；") + "。")
		e.WriteString(" Sold by: " + strings.Join(se, "; ") + ".")
	}
	return b.String(), e.String()
}

// spaced puts a space before a unit, "" for none.
func spaced(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}
