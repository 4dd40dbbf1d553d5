package httpapi

import (
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// publicServer is a server whose store holds the failed test result (and,
// to show it is left out, a passing one the store should not have given).
func publicServer(t *testing.T, filter *qinglang.SpotCheckFilter) *Server {
	t.Helper()
	s := newServer(nil)
	s.Store = &fakeStore{SpotChecksFn: func(_ context.Context, f qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error) {
		if filter != nil {
			*filter = f
		}
		if f.Cursor == "bad" {
			return qinglang.SpotCheckPage{}, qinglang.Errorf(qinglang.EINVALID, "分页游标无效", "invalid cursor")
		}
		return qinglang.SpotCheckPage{SpotChecks: []qinglang.SpotCheckRecord{testSpotCheck(t), passedSpotCheck(t)}, Next: "n2"}, nil
	}}
	return s
}

// privateValues are what the stored drafts and notices of the test result
// hold that no public output may show.
var privateValues = []string{secretRoom, secretEvent, secretEvent2}

func assertPrivate(t *testing.T, what, body string) {
	t.Helper()
	for _, v := range privateValues {
		if strings.Contains(body, v) {
			t.Errorf("%s shows %q, which is not public", what, v)
		}
	}
}

// TestPublicOutputsHoldNoPersonalData checks the room and the listing
// event ids in the stored drafts and notices appear in none of the three
// public outputs, while the public fields do.
func TestPublicOutputsHoldNoPersonalData(t *testing.T) {
	st := testSpotCheck(t)
	if !strings.Contains(string(st.Body), secretRoom) || !strings.Contains(string(st.Body), secretEvent) {
		t.Fatal("the fixture's stored body does not hold the private values")
	}
	s := publicServer(t, nil)
	for _, target := range []string{"/public/spotchecks", "/public/spotchecks.json", "/public/spotchecks.atom"} {
		rec := serve(t, s, http.MethodGet, target, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
		}
		body := rec.Body.String()
		assertPrivate(t, target, body)
		for _, v := range []string{"p-formula", "B2026-01", "蛋白质", "m7"} {
			if !strings.Contains(body, v) {
				t.Errorf("%s lacks the public value %q", target, v)
			}
		}
		if strings.Contains(body, "p-tea") {
			t.Errorf("%s publishes a passing result", target)
		}
	}
}

func TestPublicPage(t *testing.T) {
	var f qinglang.SpotCheckFilter
	s := publicServer(t, &f)
	rec := serve(t, s, http.MethodGet, "/public/spotchecks", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if !f.FailedOnly || f.Limit != publicPageSize || f.Cursor != "" {
		t.Errorf("filter %+v, want failed only, one page", f)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<html lang="zh-CN">`,
		`<link rel="alternate" type="application/atom+xml"`,
		`href="spotchecks.atom"`, `href="spotchecks.json"`,
		"抽检不合格公示", "Failed spot checks",
		`<article id="` + testSpotCheck(t).ID + `">`,
		"婴幼儿配方食品", "infant formula",
		"<td>蛋白质</td><td>1.2 g/100kJ</td><td>≥1.8 g/100kJ</td>",
		"广州市质量监督检测研究院", "2026-01-20", "2026-02-10", "2026-02-11 09:00 (UTC&#43;8)",
		"平台 <span class=\"en\" lang=\"en\">platform</span> pb · 商家 <span class=\"en\" lang=\"en\">merchant</span> m7",
		`href="?cursor=n2"`,
		// the shared style and navigation (public_shared.html)
		"<style>", ".fail {", `<a href="cases">违规处置公示`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}

	serve(t, s, http.MethodGet, "/public/spotchecks?cursor=n2", nil)
	if f.Cursor != "n2" {
		t.Errorf("cursor %q not passed on", f.Cursor)
	}
	wantError(t, serve(t, s, http.MethodGet, "/public/spotchecks?cursor=bad", nil), http.StatusBadRequest, qinglang.EINVALID)
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/public/spotchecks", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

func TestPublicPageEmpty(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{SpotChecksFn: func(context.Context, qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error) {
		return qinglang.SpotCheckPage{}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/public/spotchecks", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "暂无抽检不合格记录") || strings.Contains(rec.Body.String(), "cursor=") {
		t.Errorf("empty page: %d %s", rec.Code, rec.Body)
	}
	rec = serve(t, s, http.MethodGet, "/public/spotchecks.json", nil)
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"records":[]}` {
		t.Errorf("empty JSON: %d %s", rec.Code, rec.Body)
	}
	rec = serve(t, s, http.MethodGet, "/public/spotchecks.atom", nil)
	var feed atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil || len(feed.Entries) != 0 || feed.Updated == "" {
		t.Errorf("empty feed: %v %s", err, rec.Body)
	}
}

func TestPublicJSON(t *testing.T) {
	var f qinglang.SpotCheckFilter
	s := publicServer(t, &f)
	rec := serve(t, s, http.MethodGet, "/public/spotchecks.json?cursor=n1&limit=20", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !f.FailedOnly || f.Cursor != "n1" || f.Limit != 20 || f.Product != "" {
		t.Errorf("filter %+v", f)
	}
	var page struct {
		Records []map[string]any `json:"records"`
		Next    string           `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Records) != 1 || page.Next != "n2" {
		t.Fatalf("page %s", rec.Body)
	}
	r := page.Records[0]
	if r["id"] != testSpotCheck(t).ID || r["recorded_at"] != "2026-02-11T01:00:00Z" || r["product"] != "p-formula" ||
		r["tested_on"] != "2026-02-10" || len(r["sellers"].([]any)) != 2 || r["merchant"] != "m1" {
		t.Errorf("record %v", r)
	}
	allowed := map[string]bool{"id": true, "recorded_at": true, "product": true, "batch": true, "category": true, "merchant": true,
		"platform": true, "failed_items": true, "lab": true, "sampled_on": true, "tested_on": true, "sellers": true}
	for k := range r {
		if !allowed[k] {
			t.Errorf("public record has key %q", k)
		}
	}

	serve(t, s, http.MethodGet, "/public/spotchecks.json", nil)
	if f.Limit != publicPageSize {
		t.Errorf("default limit %d", f.Limit)
	}
	for _, q := range []string{"limit=101", "limit=0", "cursor=bad"} {
		wantError(t, serve(t, s, http.MethodGet, "/public/spotchecks.json?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/public/spotchecks.json", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// atomFeed is the part of an Atom feed the tests read.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestPublicAtom(t *testing.T) {
	var f qinglang.SpotCheckFilter
	s := publicServer(t, &f)
	rec := serve(t, s, http.MethodGet, "/public/spotchecks.atom", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if !f.FailedOnly || f.Limit != publicPageSize {
		t.Errorf("filter %+v", f)
	}
	var feed atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil {
		t.Fatalf("the feed is not Atom XML: %v\n%s", err, rec.Body)
	}
	id := testSpotCheck(t).ID
	if feed.ID != publicFeedID || feed.Updated != "2026-02-11T01:00:00Z" || !strings.Contains(feed.Title, "抽检不合格公示") || len(feed.Entries) != 1 {
		t.Fatalf("feed %+v", feed)
	}
	e := feed.Entries[0]
	if e.ID != publicFeedID+":"+id || e.Updated != "2026-02-11T01:00:00Z" || e.Link.Href != "spotchecks#"+id ||
		!strings.Contains(e.Title, "p-formula") || !strings.Contains(e.Title, "Failed spot check") {
		t.Errorf("entry %+v", e)
	}
	if e.Content.Type != "text" || !strings.Contains(e.Content.Text, "经 广州市质量监督检测研究院 于 2026-02-10 检验不合格：蛋白质 检测值 1.2g/100kJ（限值 ≥1.8g/100kJ）") ||
		!strings.Contains(e.Content.Text, "failed testing at 广州市质量监督检测研究院 on 2026-02-10: 蛋白质 measured 1.2 g/100kJ (limit ≥1.8 g/100kJ)") ||
		!strings.Contains(e.Content.Text, "平台 pb 商家 m7") {
		t.Errorf("content %+v", e.Content)
	}
	// The same result gives the same entry id every time.
	var again atomFeed
	_ = xml.Unmarshal(serve(t, s, http.MethodGet, "/public/spotchecks.atom", nil).Body.Bytes(), &again)
	if len(again.Entries) != 1 || again.Entries[0].ID != e.ID {
		t.Errorf("entry id changed: %+v", again.Entries)
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/public/spotchecks.atom", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// TestPublicSchemaIsStrict shows the public record schema refuses a field
// that is not part of a public record.
func TestPublicSchemaIsStrict(t *testing.T) {
	sch := schemaAt(t, "components", "schemas", "PublicSpotCheckPage")
	body := `{"records":[{"id":"sc_1","recorded_at":"2026-02-11T01:00:00Z","product":"p","platform":"pa","failed_items":[],"lab":"l","sampled_on":"2026-01-20","tested_on":"2026-02-10"}]}`
	validateJSON(t, sch, []byte(body))
	for _, extra := range []string{`"room":"r1",`, `"event_id":"e1",`, `"hosts":[],`} {
		v, err := jsonUnmarshalAny(strings.Replace(body, `"product"`, extra+`"product"`, 1))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("a public record with %s passes the schema", extra)
		}
	}
}
