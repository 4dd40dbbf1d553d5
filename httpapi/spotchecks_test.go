package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/spotcheck"
)

// Private details of the test result's listings: they are in the stored
// drafts and notices and must never reach the public outputs.
const (
	secretRoom   = "room-secret-8842"
	secretEvent  = "ev-secret-5521"
	secretEvent2 = "ev-secret-7713"
)

// testResult is a failed result of infant formula, batch B2026-01.
func testResult() spotcheck.Result {
	return spotcheck.Result{
		Product: "p-formula", Batch: "B2026-01", Platform: "pa", Merchant: "m1", Category: qinglang.CatInfantFormula,
		Lab: "广州市质量监督检测研究院", SampledAt: time.Date(2026, 1, 20, 0, 0, 0, 0, cst),
		TestedAt:    time.Date(2026, 2, 10, 0, 0, 0, 0, cst),
		FailedItems: []spotcheck.Item{{Name: "蛋白质", Measured: "1.2", Limit: "≥1.8", Unit: "g/100kJ"}},
	}
}

// testSpotCheck is testResult recorded: its effects on listings on two
// platforms, one of them in secretRoom by secretEvent.
func testSpotCheck(t *testing.T) qinglang.SpotCheckRecord {
	t.Helper()
	res := testResult()
	p := spotcheck.DefaultPolicy
	p.Now = func() time.Time { return time.Date(2026, 2, 11, 9, 0, 0, 0, cst) }
	out := p.Effects(res, []spotcheck.Listing{
		{Platform: "pa", Room: secretRoom, Product: "p-formula", Batch: "B2026-01", Merchant: "m1", EventID: secretEvent},
		{Platform: "pb", Product: "p-formula", Merchant: "m7", EventID: secretEvent2},
	})
	rec, err := spotcheck.Stored{Result: res, Outcome: out}.Record()
	if err != nil {
		t.Fatal(err)
	}
	rec.RecordedAt = time.Date(2026, 2, 11, 1, 0, 0, 0, time.UTC)
	return rec
}

// passedSpotCheck is a passing result recorded.
func passedSpotCheck(t *testing.T) qinglang.SpotCheckRecord {
	t.Helper()
	res := testResult()
	res.Product, res.Pass, res.FailedItems = "p-tea", true, nil
	rec, err := spotcheck.Stored{Result: res}.Record()
	if err != nil {
		t.Fatal(err)
	}
	rec.RecordedAt = time.Date(2026, 2, 12, 1, 0, 0, 0, time.UTC)
	return rec
}

// fakeSpotChecks is a SpotCheckService made of a function field.
type fakeSpotChecks struct {
	RecordFn func(ctx context.Context, results []spotcheck.Result) ([]SpotCheckRecorded, error)
}

func (f *fakeSpotChecks) RecordSpotChecks(ctx context.Context, results []spotcheck.Result) ([]SpotCheckRecorded, error) {
	if f.RecordFn == nil {
		return nil, errUnexpected
	}
	return f.RecordFn(ctx, results)
}

// recordingServer is a server whose spot-check service keeps what it is
// given in *got and answers one entry per result.
func recordingServer(got *[]spotcheck.Result) *Server {
	s := newServer(nil)
	s.SpotChecks = &fakeSpotChecks{RecordFn: func(_ context.Context, results []spotcheck.Result) ([]SpotCheckRecorded, error) {
		*got = results
		out := make([]SpotCheckRecorded, len(results))
		for i, r := range results {
			out[i] = SpotCheckRecorded{ID: spotcheck.ID(r), Pass: r.Pass, Added: true}
			if !r.Pass {
				out[i].Findings, out[i].Platforms = 2, []string{"pa", "pb"}
			}
		}
		return out, nil
	}}
	return s
}

// recordAnswer is POST /v1/spotchecks's answer as a test reads it.
type recordAnswer struct {
	Recorded []SpotCheckRecorded `json:"recorded"`
	Problems []struct {
		Line     int    `json:"line"`
		Field    string `json:"field"`
		Reason   string `json:"reason"`
		ReasonEN string `json:"reason_en"`
	} `json:"problems"`
	ProblemsOmitted int `json:"problems_omitted"`
}

const spotCheckCSV = "product,batch,platform,merchant,category,lab,sampled_at,tested_at,pass,failed_items\n" +
	"p-formula,B2026-01,pa,m1,infant_formula,广州所,2026-01-20,2026-02-10,不合格,蛋白质|1.2|≥1.8|g/100kJ\n" +
	"p-tea,,pa,,food,广州所,2026-01-20,2026-01-10,合格,\n" + // 3: tested before sampled
	"p-rice,,pb,,agri,广州所,2026-01-20,2026-02-10,true,\n" +
	"p-milk,,pb,,food,广州所,2026-01-20,2026-02-10,maybe,\n" // 5: bad pass

func TestPostSpotChecksCSV(t *testing.T) {
	var got []spotcheck.Result
	s := recordingServer(&got)
	rec := serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(spotCheckCSV), "Content-Type", "text/csv")
	var a recordAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || len(got) != 2 || len(a.Recorded) != 2 || len(a.Problems) != 2 {
		t.Fatalf("status %d (recorded %d): %s", rec.Code, len(got), rec.Body)
	}
	if got[0].Product != "p-formula" || got[0].Pass || got[0].FailedItems[0].Limit != "≥1.8" || got[1].Product != "p-rice" {
		t.Errorf("recorded %+v", got)
	}
	if a.Recorded[0].ID != spotcheck.ID(got[0]) || a.Recorded[0].Findings != 2 || a.Recorded[1].Platforms == nil {
		t.Errorf("recorded answer %+v (platforms must be a list)", a.Recorded)
	}
	if p := a.Problems[0]; p.Line != 3 || p.Field != "tested_at" || !strings.Contains(p.ReasonEN, "before sampled_at") || p.Reason == "" {
		t.Errorf("problem %+v, want line 3 tested_at", p)
	}
	if p := a.Problems[1]; p.Line != 5 || p.Field != "pass" {
		t.Errorf("problem %+v, want line 5 pass", p)
	}

	// Without a Content-Type, a body that is not [ or { is CSV.
	rec = serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader("\ufeff"+spotCheckCSV))
	if rec.Code != http.StatusOK || len(got) != 2 {
		t.Errorf("sniffed CSV: %d %s", rec.Code, rec.Body)
	}
}

func TestPostSpotChecksJSON(t *testing.T) {
	var got []spotcheck.Result
	s := recordingServer(&got)
	good, _ := json.Marshal(testResult())
	items := []string{
		string(good),
		`{"product":"p-tea","platform":"pa","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-01-10","pass":true}`,
		`{"product":"p-rice","platform":"pb","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10T10:00:00+08:00","pass":true}`,
		`{"product":"p-milk","platform":"pb","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10"}`,
		`{"product":"p-milk","platform":"pb","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10","pass":"yes"}`,
		`{"product":"p-milk","platform":"pb","lab":"l","sampled_at":"20 Jan","tested_at":"2026-02-10","pass":true}`,
		`{"product":"p-milk","platform":"pb","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10","pass":true,"colour":"red"}`,
		`{"product":"p-milk","platform":"pb","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10","pass":false,"failed_items":[{"name":"铅"}]}`,
	}
	wantFields := []string{"results[1].tested_at", "results[3].pass", "results[4].pass", "results[5].sampled_at", "results[6]", "results[7].failed_items"}
	for _, body := range []string{"[" + strings.Join(items, ",") + "]", `{"results":[` + strings.Join(items, ",") + "]}"} {
		rec := serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(body), "Content-Type", "application/json")
		var a recordAnswer
		decode(t, rec.Body.Bytes(), &a)
		if rec.Code != http.StatusOK || len(got) != 2 || len(a.Recorded) != 2 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if !reflect.DeepEqual(got[0].FailedItems, testResult().FailedItems) || !got[0].TestedAt.Equal(testResult().TestedAt) || !got[1].Pass {
			t.Errorf("recorded %+v", got)
		}
		var fields []string
		for _, p := range a.Problems {
			fields = append(fields, p.Field)
			if p.Line != 0 || p.Reason == "" || p.ReasonEN == "" {
				t.Errorf("problem %+v", p)
			}
		}
		if !reflect.DeepEqual(fields, wantFields) {
			t.Errorf("problem fields %v, want %v", fields, wantFields)
		}
	}
	// A bare date is midnight China Standard Time, as in CSV.
	rec := serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader("["+items[2]+"]"), "Content-Type", "application/octet-stream")
	if rec.Code != http.StatusOK || !got[0].SampledAt.Equal(time.Date(2026, 1, 20, 0, 0, 0, 0, cst)) {
		t.Errorf("sniffed JSON: %d %s, sampled %v", rec.Code, rec.Body, got)
	}
}

func TestPostSpotChecksNoneValid(t *testing.T) {
	var got []spotcheck.Result
	s := recordingServer(&got)
	rec := serve(t, s, http.MethodPost, "/v1/spotchecks",
		strings.NewReader(`[{"product":"p","platform":"pa","lab":"l","sampled_at":"2026-01-20","tested_at":"2026-02-10","pass":false}]`))
	var a recordAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusBadRequest || got != nil || len(a.Recorded) != 0 || a.Recorded == nil ||
		len(a.Problems) != 1 || a.Problems[0].Field != "results[0].failed_items" {
		t.Fatalf("status %d (recorded %v): %s", rec.Code, got, rec.Body)
	}
	rec = serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(
		"product,platform,lab,sampled_at,tested_at,pass\np,pa,l,2026-01-20,,true\n"), "Content-Type", "text/csv")
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusBadRequest || len(a.Problems) != 1 || a.Problems[0].Line != 2 || a.Problems[0].Field != "tested_at" {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestPostSpotChecksManyProblems(t *testing.T) {
	var got []spotcheck.Result
	s := recordingServer(&got)
	var b strings.Builder
	b.WriteString("product,platform,lab,sampled_at,tested_at,pass\np,pa,l,2026-01-20,2026-02-10,true\n")
	for range MaxListedProblems + 5 {
		b.WriteString("p,pa,l,2026-01-20,2026-02-10,maybe\n")
	}
	rec := serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(b.String()), "Content-Type", "text/csv")
	var a recordAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || len(a.Problems) != MaxListedProblems || a.ProblemsOmitted != 5 || a.Problems[0].Line != 3 {
		t.Fatalf("status %d, %d problems, %d omitted", rec.Code, len(a.Problems), a.ProblemsOmitted)
	}
}

func TestPostSpotChecksRefusals(t *testing.T) {
	var got []spotcheck.Result
	s := recordingServer(&got)
	for _, c := range []struct{ ct, body, want string }{
		{"text/csv", "", "no results"},
		{"application/json", "[]", "no results"},
		{"text/csv", "product,platform\np,pa\n", "lacks column"},
		{"application/json", `{"result":[]}`, "JSON array of results"},
		{"application/json", `{}`, "JSON array of results"},
		{"application/json", `[{}] []`, "after the JSON value"},
		{"application/json", `"x"`, "JSON array of results"},
		{"application/xml", `<r/>`, "unsupported Content-Type"},
	} {
		e := wantError(t, serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(c.body), "Content-Type", c.ct),
			http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, c.want) {
			t.Errorf("%s %q: message %q lacks %q", c.ct, c.body, e.Error.MessageEN, c.want)
		}
	}
	big := strings.NewReader(strings.Repeat("x", MaxSpotCheckBytes+1))
	wantError(t, serve(t, s, http.MethodPost, "/v1/spotchecks", big, "Content-Type", "text/csv"), http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
	if got != nil {
		t.Errorf("a refused body reached the service: %v", got)
	}

	// The service down: 503; not configured: 503.
	s.SpotChecks = &fakeSpotChecks{RecordFn: func(context.Context, []spotcheck.Result) ([]SpotCheckRecorded, error) {
		return nil, qinglang.Errorf(qinglang.EUNAVAILABLE, "数据库无法连接", "database unreachable")
	}}
	wantError(t, serve(t, s, http.MethodPost, "/v1/spotchecks", strings.NewReader(spotCheckCSV)), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	wantError(t, serve(t, newServer(nil), http.MethodPost, "/v1/spotchecks", strings.NewReader(spotCheckCSV)),
		http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

func TestListSpotChecks(t *testing.T) {
	var f qinglang.SpotCheckFilter
	s := newServer(nil)
	s.Store = &fakeStore{SpotChecksFn: func(_ context.Context, got qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error) {
		f = got
		return qinglang.SpotCheckPage{SpotChecks: []qinglang.SpotCheckRecord{passedSpotCheck(t), testSpotCheck(t)}, Next: "n2"}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/spotchecks?product=p-formula&platform=pa&failed=true&cursor=n1&limit=10", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if want := (qinglang.SpotCheckFilter{Product: "p-formula", Platform: "pa", FailedOnly: true, Cursor: "n1", Limit: 10}); f != want {
		t.Errorf("filter %+v, want %+v", f, want)
	}
	var page struct {
		SpotChecks []map[string]any `json:"spot_checks"`
		Next       string           `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.SpotChecks) != 2 || page.Next != "n2" {
		t.Fatalf("page %s", rec.Body)
	}
	passed, failed := page.SpotChecks[0], page.SpotChecks[1]
	if passed["pass"] != true || passed["affected_listings"] != 0.0 || len(passed["failed_items"].([]any)) != 0 {
		t.Errorf("passed entry %v", passed)
	}
	if failed["id"] != testSpotCheck(t).ID || failed["affected_listings"] != 2.0 || failed["notices"] != 2.0 ||
		len(failed["failed_items"].([]any)) != 1 || failed["recorded_at"] != "2026-02-11T01:00:00Z" {
		t.Errorf("failed entry %v", failed)
	}
	for _, k := range []string{"drafts", "body", "result"} {
		if _, ok := failed[k]; ok {
			t.Errorf("a list entry carries %s", k)
		}
	}

	for _, q := range []string{"failed=yes", "limit=0", "product=" + strings.Repeat("p", 129)} {
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/spotchecks?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
		name, _, _ := strings.Cut(q, "=")
		if !strings.Contains(e.Error.MessageEN, name) {
			t.Errorf("%s: message %q does not name the parameter", q, e.Error.MessageEN)
		}
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/v1/spotchecks", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// spotCheckStore answers the test record by its id and ENOTFOUND for any
// other.
func spotCheckStore(t *testing.T) *fakeStore {
	rec := testSpotCheck(t)
	return &fakeStore{SpotCheckFn: func(_ context.Context, id string) (qinglang.SpotCheckRecord, error) {
		if id != rec.ID {
			return qinglang.SpotCheckRecord{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有抽检结果 %s", "spot check %s not found", id)
		}
		return rec, nil
	}}
}

func TestGetSpotCheck(t *testing.T) {
	s := newServer(nil)
	s.Store = spotCheckStore(t)
	id := testSpotCheck(t).ID
	rec := serve(t, s, http.MethodGet, "/v1/spotchecks/"+id, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var d struct {
		ID           string                  `json:"id"`
		Result       spotcheck.Result        `json:"result"`
		Drafts       []spotcheck.Draft       `json:"drafts"`
		Notices      []spotcheck.Notice      `json:"notices"`
		PublicRecord *spotcheck.PublicRecord `json:"public_record"`
	}
	decode(t, rec.Body.Bytes(), &d)
	if d.ID != id || d.Result.Lab != testResult().Lab || len(d.Drafts) != 2 || d.Drafts[0].Room != secretRoom ||
		len(d.Notices) != 2 || d.PublicRecord == nil || len(d.PublicRecord.Sellers) != 2 {
		t.Errorf("detail %+v", d)
	}
	e := wantError(t, serve(t, s, http.MethodGet, "/v1/spotchecks/sc_nope", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, "sc_nope") {
		t.Errorf("message %q", e.Error.MessageEN)
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, "/v1/spotchecks/"+id, nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)

	// A passing result: empty lists, no public record.
	passed := passedSpotCheck(t)
	s.Store = &fakeStore{SpotCheckFn: func(context.Context, string) (qinglang.SpotCheckRecord, error) { return passed, nil }}
	rec = serve(t, s, http.MethodGet, "/v1/spotchecks/"+passed.ID, nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"drafts":[],"notices":[]`) || strings.Contains(rec.Body.String(), "public_record") {
		t.Errorf("passed: %d %s", rec.Code, rec.Body)
	}

	// A body that cannot be read is an internal error.
	s.Store = &fakeStore{SpotCheckFn: func(context.Context, string) (qinglang.SpotCheckRecord, error) {
		return qinglang.SpotCheckRecord{ID: "sc_bad", Body: json.RawMessage(`{`)}, nil
	}}
	wantError(t, serve(t, s, http.MethodGet, "/v1/spotchecks/sc_bad", nil), http.StatusInternalServerError, qinglang.EINTERNAL)
}

func TestGetSpotCheckNotice(t *testing.T) {
	s := newServer(nil)
	s.Store = spotCheckStore(t)
	base := "/v1/spotchecks/" + testSpotCheck(t).ID + "/notices/"

	rec := serve(t, s, http.MethodGet, base+"pa", nil)
	var n spotcheck.Notice
	decode(t, rec.Body.Bytes(), &n)
	if rec.Code != http.StatusOK || n.Platform != "pa" || len(n.Listings) != 1 || n.Listings[0].EventID != secretEvent || n.DeadlineHours != 24 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}

	rec = serve(t, s, http.MethodGet, base+"pb?format=text", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/plain; charset=utf-8" ||
		!strings.HasPrefix(rec.Body.String(), "下架通知\n") || !strings.Contains(rec.Body.String(), secretEvent2+"（商家 m7") {
		t.Fatalf("text zh: %d %q %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	rec = serve(t, s, http.MethodGet, base+"pb?format=text&lang=en", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "Delisting notice\n") || !strings.Contains(rec.Body.String(), secretEvent2+" (merchant m7") {
		t.Fatalf("text en: %d %s", rec.Code, rec.Body)
	}

	e := wantError(t, serve(t, s, http.MethodGet, base+"pz", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, `"pz"`) {
		t.Errorf("message %q", e.Error.MessageEN)
	}
	wantError(t, serve(t, s, http.MethodGet, "/v1/spotchecks/sc_nope/notices/pa", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	for _, q := range []string{"format=pdf", "lang=fr", "format=text&lang=en&lang=zh"} {
		wantError(t, serve(t, s, http.MethodGet, base+"pa?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
	}
	wantError(t, serve(t, newServer(nil), http.MethodGet, base+"pa", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// TestSpotCheckSchemasAreStrict shows the spot-check schemas catch a
// renamed field at each level.
func TestSpotCheckSchemasAreStrict(t *testing.T) {
	rec := testSpotCheck(t)
	st, err := spotcheck.Decode(rec)
	if err != nil {
		t.Fatal(err)
	}
	detail, _ := json.Marshal(spotCheckDetail{ID: rec.ID, Product: rec.Product, Platform: rec.Platform, TestedAt: rec.TestedAt,
		RecordedAt: rec.RecordedAt, Result: st.Result, Drafts: st.Outcome.Drafts, Notices: st.Outcome.Notices, PublicRecord: st.Outcome.Record})
	recorded, _ := json.Marshal(spotChecksResult{Recorded: []SpotCheckRecorded{{ID: "sc_1", Platforms: []string{}}},
		Problems: []spotCheckProblem{{Line: 2, Field: "pass", Reason: "坏", ReasonEN: "bad"}}})
	for _, c := range []struct{ schema, body, from, to string }{
		{"SpotCheck", string(detail), `"batch_confirmed"`, `"confirmed"`},
		{"SpotCheck", string(detail), `"due_by"`, `"due"`},
		{"SpotCheck", string(detail), `"sellers"`, `"seller"`},
		{"SpotCheck", string(detail), `"sampled_at"`, `"sampled"`},
		{"SpotCheck", string(detail), `"measured"`, `"value"`},
		{"SpotChecksRecorded", string(recorded), `"reason_en"`, `"reasonEn"`},
		{"SpotChecksRecorded", string(recorded), `"added"`, `"new"`},
	} {
		sch := schemaAt(t, "components", "schemas", c.schema)
		validateJSON(t, sch, []byte(c.body))
		v, err := jsonUnmarshalAny(strings.Replace(c.body, c.from, c.to, 1))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("%s with %s renamed to %s passes the schema", c.schema, c.from, c.to)
		}
	}
}

// TestSpotCheckOwnPlatform: a platform token sees only its own platform's
// affected listings and notice; another platform's notice is not there.
func TestSpotCheckOwnPlatform(t *testing.T) {
	s := newServer(nil)
	s.Store = spotCheckStore(t)
	id := testSpotCheck(t).ID
	pa := qinglang.Principal{Name: "pa-gov", Role: qinglang.RolePlatform, Platform: "pa", TokenID: "t1"}
	rec := serveAs(t, s, pa, http.MethodGet, "/v1/spotchecks/"+id, nil)
	var d struct {
		Drafts  []spotcheck.Draft  `json:"drafts"`
		Notices []spotcheck.Notice `json:"notices"`
	}
	decode(t, rec.Body.Bytes(), &d)
	if rec.Code != http.StatusOK || len(d.Drafts) != 1 || d.Drafts[0].Platform != "pa" || len(d.Notices) != 1 || d.Notices[0].Platform != "pa" {
		t.Fatalf("pa sees %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), secretEvent2) {
		t.Error("pa sees pb's listing")
	}
	wantError(t, serveAs(t, s, pa, http.MethodGet, "/v1/spotchecks/"+id+"/notices/pb", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if rec := serveAs(t, s, pa, http.MethodGet, "/v1/spotchecks/"+id+"/notices/pa", nil); rec.Code != http.StatusOK {
		t.Errorf("pa's own notice: %d", rec.Code)
	}
	reg := qinglang.Principal{Name: "amr", Role: qinglang.RoleRegulator, Region: "310000", TokenID: "t2"}
	if rec := serveAs(t, s, reg, http.MethodGet, "/v1/spotchecks/"+id+"/notices/pb", nil); rec.Code != http.StatusOK {
		t.Errorf("a regulator reads pb's notice: %d", rec.Code)
	}
}
