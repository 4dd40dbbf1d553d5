package httpapi

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
	"github.com/qinglang/qinglang/registry"
)

// testSalt is the host-ID salt of test registries.
var testSalt = []byte("0123456789abcdef-test")

// regDay is the day test registries are judged on.
var regDay = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// testRegistry holds one record of each kind and links between them:
// merchant m1 (verified 2025-09-01) with a licence, sold in room r1 run
// by operator o1; host h1 (verified 2025-10-01) with agency a1; merchant
// m2, never verified.
func testRegistry(t *testing.T) *registry.Registry {
	t.Helper()
	r, err := registry.New(testSalt)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.AddPlatform(registry.Platform{ID: "p1", Name: "甲平台", LastVerified: day("2026-02-01")}))
	must(r.AddMerchant(registry.Merchant{ID: "m1", PlatformID: "p1", USCC: "91440101MA5CJQ4N59", Name: "甲商贸", LastVerified: day("2025-09-01")}))
	must(r.AddMerchant(registry.Merchant{ID: "m2", USCC: "91440101MA5CJQ4N59", Name: "乙商行"}))
	must(r.AddLicence("m1", qualify.Licence{Kind: qualify.KindFoodBusiness, Number: "JY14401010000012",
		Validity: qualify.Validity{From: day("2021-01-01"), To: day("2030-12-31")}}))
	must(r.AddOperator(registry.Operator{ID: "o1", Name: "运营甲", LastVerified: day("2026-01-05")}))
	must(r.AddAgency(registry.Agency{ID: "a1", Name: "星光 MCN", LastVerified: day("2026-01-05")}))
	must(r.AddHost(registry.Host{ID: "h1", Name: "张三", IDMasked: "110***********4561", IDHash: strings.Repeat("ab", 32),
		Birth: day("1990-03-07"), LastVerified: day("2025-10-01")}, regDay))
	must(r.AddRoom(registry.Room{ID: "r1", PlatformID: "p1", Name: "甲的直播间"}))
	must(r.AddHostAgency(registry.HostAgency{HostID: "h1", AgencyID: "a1", Validity: qualify.Validity{From: day("2025-01-01")}}))
	must(r.AddRoomLink(registry.RoomLink{RoomID: "r1", OperatorID: "o1", MerchantID: "m1", Validity: qualify.Validity{From: day("2025-01-01")}}))
	return r
}

// fakeRegistry is a RegistryService made of a registry and function fields.
type fakeRegistry struct {
	reg      *registry.Registry
	info     RegistryInfo
	ReloadFn func(ctx context.Context) (RegistryInfo, registry.Issues, error)
	ImportFn func(ctx context.Context, kind registry.Kind, body io.Reader) (RegistryInfo, registry.Issues, error)
}

func (f *fakeRegistry) Registry() (*registry.Registry, RegistryInfo) { return f.reg, f.info }

func (f *fakeRegistry) ReloadRegistry(ctx context.Context) (RegistryInfo, registry.Issues, error) {
	if f.ReloadFn == nil {
		return RegistryInfo{}, nil, errUnexpected
	}
	return f.ReloadFn(ctx)
}

func (f *fakeRegistry) ImportRegistry(ctx context.Context, kind registry.Kind, body io.Reader) (RegistryInfo, registry.Issues, error) {
	if f.ImportFn == nil {
		return RegistryInfo{}, nil, errUnexpected
	}
	return f.ImportFn(ctx, kind, body)
}

// registryServer is a server with the test registry in use.
func registryServer(t *testing.T) *Server {
	t.Helper()
	s := newServer(nil)
	s.Registry = &fakeRegistry{reg: testRegistry(t), info: RegistryInfo{Source: "/etc/qinglang/registry",
		LoadedAt: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), Counts: map[registry.Kind]int{registry.KindMerchant: 2, registry.KindHost: 1},
		Skipped: 1, ReverifyEvery: registry.DefaultReverifyEvery, ReverifyDays: 180}}
	s.now = func() time.Time { return time.Date(2026, 3, 1, 23, 0, 0, 0, time.FixedZone("", -5*3600)) } // 2026-03-02 UTC
	return s
}

// infoOf builds the info of a registry as a service would.
func infoOf(r *registry.Registry) RegistryInfo {
	counts := map[registry.Kind]int{}
	for _, k := range registry.Kinds {
		counts[k] = len(r.Rows(k))
	}
	return RegistryInfo{LoadedAt: time.Now().UTC(), Counts: counts, ReverifyDays: 180, ReverifyEvery: registry.DefaultReverifyEvery}
}

// problemAnswer is an error answer with problems, as a test reads it.
type problemAnswer struct {
	Error struct {
		Code     string `json:"code"`
		Problems []struct {
			File, Field, Reason, Severity string
			ReasonEN                      string `json:"reason_en"`
			Line                          int
		} `json:"problems"`
	} `json:"error"`
}

// registryAnswer is the answer of a reload or an import.
type registryAnswer struct {
	Info struct {
		Counts  map[string]int `json:"counts"`
		Skipped int            `json:"skipped"`
	} `json:"info"`
	Issues []struct {
		File, Field, Reason, Severity string
		ReasonEN                      string `json:"reason_en"`
		Line                          int
	} `json:"issues"`
}

func TestRegistryWithoutService(t *testing.T) {
	s := newServer(nil)
	for _, c := range []struct{ method, target string }{
		{http.MethodGet, "/v1/registry"},
		{http.MethodGet, "/v1/registry/export"},
		{http.MethodGet, "/v1/registry/due"},
		{http.MethodGet, "/v1/registry/report?period=2026-01"},
		{http.MethodGet, "/v1/registry/merchants"},
		{http.MethodGet, "/v1/registry/merchants/m1"},
		{http.MethodPost, "/v1/registry/reload"},
		{http.MethodPost, "/v1/registry/import?kind=merchants"},
	} {
		rec := serve(t, s, c.method, c.target, strings.NewReader("id,name\n"))
		wantError(t, rec, http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	}
}

func TestGetRegistryInfo(t *testing.T) {
	rec := serve(t, registryServer(t), http.MethodGet, "/v1/registry", nil)
	var info map[string]any
	decode(t, rec.Body.Bytes(), &info)
	if rec.Code != http.StatusOK || info["source"] != "/etc/qinglang/registry" || info["reverify_days"] != 180.0 ||
		info["skipped"] != 1.0 || object(info, "counts")["merchants"] != 2.0 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if _, ok := info["ReverifyEvery"]; ok {
		t.Error("the duration leaks into the answer")
	}
	// No registry loaded: the info still answers, with empty counts.
	s := newServer(nil)
	s.Registry = &fakeRegistry{}
	rec = serve(t, s, http.MethodGet, "/v1/registry", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"counts":{}`) {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestRegistryExport(t *testing.T) {
	rec := serve(t, registryServer(t), http.MethodGet, "/v1/registry/export", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	var doc struct {
		Format    string              `json:"format"`
		Merchants []map[string]string `json:"merchants"`
		Hosts     []map[string]string `json:"hosts"`
		RoomLinks []map[string]string `json:"room_links"`
	}
	decode(t, rec.Body.Bytes(), &doc)
	if doc.Format != registry.JSONFormat || len(doc.Merchants) != 2 || doc.Merchants[0]["uscc"] != "91440101MA5CJQ4N59" ||
		doc.Hosts[0]["resident_id_masked"] != "110***********4561" || len(doc.RoomLinks) != 1 {
		t.Fatalf("document %+v", doc)
	}
	// What export writes, import reads back whole.
	back, _ := registry.New(testSalt)
	if is := back.ReadJSON("registry.json", strings.NewReader(rec.Body.String()), regDay); len(is) != 0 {
		t.Fatalf("re-import issues: %v", is)
	}
	if len(back.Merchants()) != 2 || len(back.RoomLinks()) != 1 {
		t.Error("the export does not import back")
	}

	s := newServer(nil)
	s.Registry = &fakeRegistry{}
	e := wantError(t, serve(t, s, http.MethodGet, "/v1/registry/export", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if e.Error.MessageEN != "no registry loaded" {
		t.Errorf("message %q", e.Error.MessageEN)
	}
}

func TestRegistryDue(t *testing.T) {
	s := registryServer(t)
	type due struct {
		On           string  `json:"on"`
		ReverifyDays float64 `json:"reverify_days"`
		Items        []struct {
			Kind, ID, Name, LastVerified, Deadline string
			Overdue                                bool
		} `json:"items"`
	}
	rec := serve(t, s, http.MethodGet, "/v1/registry/due?on=2026-03-01", nil)
	var d due
	decode(t, rec.Body.Bytes(), &d)
	if rec.Code != http.StatusOK || d.On != "2026-03-01" || d.ReverifyDays != 180 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	// m2 never verified (first), m1 verified 2025-09-01 (deadline
	// 2026-02-28: overdue), h1 verified 2025-10-01 (deadline 2026-03-30:
	// due within 30 days, not overdue).
	var got []string
	for _, it := range d.Items {
		got = append(got, it.Kind+"/"+it.ID)
	}
	if !slices.Equal(got, []string{"merchants/m2", "merchants/m1", "hosts/h1"}) {
		t.Fatalf("due %v, want m2, m1, h1: %s", got, rec.Body)
	}
	if !strings.Contains(rec.Body.String(), `"last_verified":"2025-09-01","deadline":"2026-02-28","overdue":true`) ||
		!strings.Contains(rec.Body.String(), `"deadline":"2026-03-30","overdue":false`) {
		t.Errorf("dates or overdue flags wrong: %s", rec.Body)
	}
	if strings.Contains(strings.SplitN(rec.Body.String(), `"m1"`, 2)[0], `"last_verified"`) {
		t.Errorf("a never verified actor has a last_verified: %s", rec.Body)
	}

	rec = serve(t, s, http.MethodGet, "/v1/registry/due?on=2026-03-01&overdue=true", nil)
	decode(t, rec.Body.Bytes(), &d)
	if rec.Code != http.StatusOK || len(d.Items) != 2 || d.Items[1].ID != "m1" {
		t.Fatalf("overdue only: %s", rec.Body)
	}

	// Default: today in UTC (the server's clock reads 2026-03-02 UTC).
	rec = serve(t, s, http.MethodGet, "/v1/registry/due", nil)
	decode(t, rec.Body.Bytes(), &d)
	if d.On != "2026-03-02" {
		t.Errorf("default on %q, want today in UTC", d.On)
	}

	for _, q := range []string{"on=2026-3-1", "on=yesterday", "overdue=maybe", "on=2026-03-01&on=2026-03-02"} {
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/registry/due?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
		name, _, _ := strings.Cut(q, "=")
		if !strings.Contains(e.Error.MessageEN, "parameter "+name) || !strings.Contains(e.Error.Message, name) {
			t.Errorf("%s: message %+v does not name the parameter", q, e.Error)
		}
	}

	// No registry loaded: an empty list.
	s.Registry = &fakeRegistry{}
	rec = serve(t, s, http.MethodGet, "/v1/registry/due", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"items":[]`) || !strings.Contains(rec.Body.String(), `"reverify_days":180`) {
		t.Errorf("no registry: %d %s", rec.Code, rec.Body)
	}
}

func TestRegistryReport(t *testing.T) {
	s := registryServer(t)
	rec := serve(t, s, http.MethodGet, "/v1/registry/report?period=2026-01", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename=identity-report-2026-01.csv` {
		t.Errorf("Content-Disposition %q", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], registry.ReportColumns) || len(rows) != 1+2+1+1+1 {
		t.Fatalf("report rows %v", rows)
	}
	if rows[1][0] != "2025-07-01" || rows[1][1] != "2025-12-31" || rows[1][3] != "m1" || rows[1][12] != "yes" {
		t.Errorf("first row %v, want m1 in the period 2025-07-01..2025-12-31, verified in it", rows[1])
	}
	if strings.Contains(rec.Body.String(), strings.Repeat("ab", 32)) {
		t.Error("the report carries a host's ID hash")
	}

	for q, why := range map[string]string{
		"":                "give the report month",
		"period=":         "give the report month",
		"period=2026-03":  "not a report month",
		"period=2026":     "not a month",
		"period=26-01":    "not a month",
		"period=2026-1":   "not a month",
		"period=2026-07x": "not a month",
	} {
		e := wantError(t, serve(t, s, http.MethodGet, "/v1/registry/report?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, "parameter period") || !strings.Contains(e.Error.MessageEN, why) ||
			!strings.Contains(e.Error.Message, "period") {
			t.Errorf("%q: message %+v, want the parameter named and %q", q, e.Error, why)
		}
	}

	s.Registry = &fakeRegistry{}
	rec = serve(t, s, http.MethodGet, "/v1/registry/report?period=2026-07", nil)
	if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), "\n") != 1 {
		t.Errorf("no registry: want the header only, got %d %q", rec.Code, rec.Body)
	}
}

func TestRegistryKindRecords(t *testing.T) {
	s := registryServer(t)
	rec := serve(t, s, http.MethodGet, "/v1/registry/merchants", nil)
	var list struct {
		Kind    string              `json:"kind"`
		Records []map[string]string `json:"records"`
	}
	decode(t, rec.Body.Bytes(), &list)
	if rec.Code != http.StatusOK || list.Kind != "merchants" || len(list.Records) != 2 || list.Records[0]["id"] != "m1" ||
		list.Records[0]["last_verified"] != "2025-09-01" {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	rec = serve(t, s, http.MethodGet, "/v1/registry/room_links?format=json", nil)
	decode(t, rec.Body.Bytes(), &list)
	if len(list.Records) != 1 || list.Records[0]["operator_id"] != "o1" {
		t.Fatalf("room links: %s", rec.Body)
	}

	rec = serve(t, s, http.MethodGet, "/v1/registry/licences?format=csv", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") ||
		rec.Header().Get("Content-Disposition") != "attachment; filename=licences.csv" {
		t.Fatalf("csv: %d %v", rec.Code, rec.Header())
	}
	if want := "merchant_id,kind,number,valid_from,valid_to\nm1,food_business,JY14401010000012,2021-01-01,2030-12-31\n"; rec.Body.String() != want {
		t.Errorf("csv %q, want %q", rec.Body, want)
	}

	e := wantError(t, serve(t, s, http.MethodGet, "/v1/registry/sellers", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, `"sellers"`) || !strings.Contains(e.Error.MessageEN, "merchants") {
		t.Errorf("message %q should name the kind and the known ones", e.Error.MessageEN)
	}
	e = wantError(t, serve(t, s, http.MethodGet, "/v1/registry/merchants?format=xml", nil), http.StatusBadRequest, qinglang.EINVALID)
	if !strings.Contains(e.Error.MessageEN, "format") {
		t.Errorf("message %q", e.Error.MessageEN)
	}

	s.Registry = &fakeRegistry{}
	rec = serve(t, s, http.MethodGet, "/v1/registry/hosts", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"records":[]`) {
		t.Errorf("no registry: %d %s", rec.Code, rec.Body)
	}
	rec = serve(t, s, http.MethodGet, "/v1/registry/hosts?format=csv", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "id,name,resident_id_masked,") || strings.Count(rec.Body.String(), "\n") != 1 {
		t.Errorf("no registry, csv: %d %q", rec.Code, rec.Body)
	}
}

func TestRegistryRecord(t *testing.T) {
	s := registryServer(t)
	type one struct {
		Kind   string                         `json:"kind"`
		Key    string                         `json:"key"`
		ID     string                         `json:"id"`
		Record map[string]string              `json:"record"`
		Links  map[string][]map[string]string `json:"links"`
	}
	get := func(target string) one {
		t.Helper()
		rec := serve(t, s, http.MethodGet, target, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
		}
		var o one
		decode(t, rec.Body.Bytes(), &o)
		return o
	}

	m := get("/v1/registry/merchants/m1")
	if m.Key != "id" || m.Record["name"] != "甲商贸" || len(m.Links["licences"]) != 1 || len(m.Links["room_links"]) != 1 ||
		len(m.Links["host_agencies"]) != 0 || m.Links["host_agencies"] == nil {
		t.Fatalf("merchant m1: %+v", m)
	}
	if m2 := get("/v1/registry/merchants/m2"); len(m2.Links["licences"]) != 0 || len(m2.Links["room_links"]) != 0 {
		t.Errorf("merchant m2 has links: %+v", m2)
	}
	if h := get("/v1/registry/hosts/h1"); len(h.Links["host_agencies"]) != 1 || h.Links["host_agencies"][0]["agency_id"] != "a1" {
		t.Errorf("host h1: %+v", h)
	}
	if a := get("/v1/registry/agencies/a1"); len(a.Links["host_agencies"]) != 1 {
		t.Errorf("agency a1: %+v", a)
	}
	if o := get("/v1/registry/operators/o1"); len(o.Links["room_links"]) != 1 || len(o.Links["licences"]) != 0 {
		t.Errorf("operator o1: %+v", o)
	}
	// Link kinds are looked up by their first id column.
	if l := get("/v1/registry/licences/m1"); l.Key != "merchant_id" || l.Record["number"] != "JY14401010000012" || len(l.Links["licences"]) != 1 {
		t.Errorf("licences of m1: %+v", l)
	}
	if l := get("/v1/registry/room_links/r1"); l.Key != "room_id" || l.Record["merchant_id"] != "m1" || len(l.Links["room_links"]) != 1 {
		t.Errorf("room links of r1: %+v", l)
	}
	if l := get("/v1/registry/host_agencies/h1"); l.Key != "host_id" || l.Record["agency_id"] != "a1" {
		t.Errorf("host-agency links of h1: %+v", l)
	}

	e := wantError(t, serve(t, s, http.MethodGet, "/v1/registry/merchants/m9", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, `merchant "m9"`) || !strings.Contains(e.Error.Message, "商家") {
		t.Errorf("message %+v", e.Error)
	}
	wantError(t, serve(t, s, http.MethodGet, "/v1/registry/licences/m2", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	wantError(t, serve(t, s, http.MethodGet, "/v1/registry/sellers/m1", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	s.Registry = &fakeRegistry{}
	wantError(t, serve(t, s, http.MethodGet, "/v1/registry/merchants/m1", nil), http.StatusNotFound, qinglang.ENOTFOUND)
}

func TestRegistryReload(t *testing.T) {
	s := newServer(nil)
	fr := &fakeRegistry{}
	s.Registry = fr
	fr.ReloadFn = func(context.Context) (RegistryInfo, registry.Issues, error) {
		r, _ := registry.New(testSalt)
		is := r.ReadCSV(registry.KindMerchant, "merchants.csv", strings.NewReader(
			"id,uscc,name\nm1,91440101MA5CJQ4N59,甲\nm2,9144,乙\nm3,91350203M0001QAY9B,丙\n"), regDay)
		info := infoOf(r)
		info.Source, info.Skipped = "/srv/registry", len(is.Errors())
		return info, is, nil
	}
	rec := serve(t, s, http.MethodPost, "/v1/registry/reload", nil)
	var a registryAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || a.Info.Counts["merchants"] != 2 || a.Info.Skipped != 1 || len(a.Issues) != 2 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if p := a.Issues[0]; p.File != "merchants.csv" || p.Line != 3 || p.Field != "uscc" || p.Severity != "error" || p.Reason == "" || p.ReasonEN == "" {
		t.Errorf("issue %+v, want merchants.csv:3 uscc error", p)
	}
	if p := a.Issues[1]; p.Line != 4 || p.Severity != "warning" {
		t.Errorf("issue %+v, want line 4 a warning", p)
	}

	// An invalid source: 400 with the issues as problems.
	fr.ReloadFn = func(context.Context) (RegistryInfo, registry.Issues, error) {
		is := registry.Issues{{File: "room_links.csv", Line: 2, Field: "merchant_id", Severity: registry.SevError,
			Message: "关联的商家 \"m9\" 不存在", MessageEN: `the linked merchant "m9" does not exist`}}
		return RegistryInfo{}, is, is.Err()
	}
	rec = serve(t, s, http.MethodPost, "/v1/registry/reload", nil)
	wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
	var pa problemAnswer
	decode(t, rec.Body.Bytes(), &pa)
	if len(pa.Error.Problems) != 1 || pa.Error.Problems[0].File != "room_links.csv" || pa.Error.Problems[0].Line != 2 ||
		pa.Error.Problems[0].Field != "merchant_id" || pa.Error.Problems[0].Severity != "error" {
		t.Errorf("problems %+v", pa.Error.Problems)
	}

	// No source configured: 400 without problems.
	fr.ReloadFn = func(context.Context) (RegistryInfo, registry.Issues, error) {
		return RegistryInfo{}, nil, qinglang.Errorf(qinglang.EINVALID, "未配置登记册来源", "no registry source is configured")
	}
	rec = serve(t, s, http.MethodPost, "/v1/registry/reload", nil)
	if e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID); e.Error.MessageEN != "no registry source is configured" ||
		strings.Contains(rec.Body.String(), "problems") {
		t.Errorf("answer %s", rec.Body)
	}

	// A source that cannot be read now: its status; an internal error: 500
	// without its text.
	fr.ReloadFn = func(context.Context) (RegistryInfo, registry.Issues, error) {
		return RegistryInfo{}, nil, qinglang.Errorf(qinglang.EUNAVAILABLE, "登记册存储不可用", "the registry store is unavailable")
	}
	wantError(t, serve(t, s, http.MethodPost, "/v1/registry/reload", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	fr.ReloadFn = func(context.Context) (RegistryInfo, registry.Issues, error) {
		return RegistryInfo{}, nil, io.ErrUnexpectedEOF
	}
	rec = serve(t, s, http.MethodPost, "/v1/registry/reload", nil)
	wantError(t, rec, http.StatusInternalServerError, qinglang.EINTERNAL)
	if strings.Contains(rec.Body.String(), "EOF") {
		t.Errorf("internal text leaked: %s", rec.Body)
	}
}

// importingRegistry is a fake whose import reads the body into a fresh
// registry, as the real service does, and remembers what it was given.
func importingRegistry(got *registry.Kind) *fakeRegistry {
	return &fakeRegistry{ImportFn: func(_ context.Context, kind registry.Kind, body io.Reader) (RegistryInfo, registry.Issues, error) {
		*got = kind
		r, _ := registry.New(testSalt)
		var is registry.Issues
		if kind == "" {
			is = r.ReadJSON("", body, regDay)
		} else {
			_ = r.AddPlatform(registry.Platform{ID: "p1", Name: "甲平台"})
			is = r.ReadCSV(kind, kind.FileName(), body, regDay)
		}
		if len(is.Errors()) > 0 && len(r.Rows(registry.KindMerchant)) == 0 {
			return RegistryInfo{}, is, is.Err()
		}
		info := infoOf(r)
		info.Skipped = len(is.Errors())
		return info, is, nil
	}}
}

func TestRegistryImportCSV(t *testing.T) {
	s := newServer(nil)
	var kind registry.Kind
	s.Registry = importingRegistry(&kind)
	body := "编号,平台编号,统一社会信用代码,企业名称\nm1,p1,91440101MA5CJQ4N59,甲\nm2,p9,91440101MA5CJQ4N59,乙\nm3,p1,91440101MA5CJQ4N59,丙\n"
	rec := serve(t, s, http.MethodPost, "/v1/registry/import?kind=merchants", strings.NewReader(body), "Content-Type", "text/csv; charset=utf-8")
	var a registryAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || kind != registry.KindMerchant || a.Info.Counts["merchants"] != 2 || a.Info.Skipped != 1 {
		t.Fatalf("status %d (kind %q): %s", rec.Code, kind, rec.Body)
	}
	if len(a.Issues) != 1 || a.Issues[0].File != "merchants.csv" || a.Issues[0].Line != 3 || a.Issues[0].Field != "platform_id" ||
		a.Issues[0].Severity != "error" || !strings.Contains(a.Issues[0].ReasonEN, "p9") {
		t.Errorf("issues %+v, want merchants.csv:3 platform_id", a.Issues)
	}

	// Every row bad: the import is refused, 400 with the issues.
	rec = serve(t, s, http.MethodPost, "/v1/registry/import?kind=merchants", strings.NewReader("id,uscc,name\nm1,9144,甲\n"), "Content-Type", "text/csv")
	wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
	var pa problemAnswer
	decode(t, rec.Body.Bytes(), &pa)
	if len(pa.Error.Problems) != 1 || pa.Error.Problems[0].Line != 2 || pa.Error.Problems[0].Field != "uscc" {
		t.Errorf("problems %+v", pa.Error.Problems)
	}
}

func TestRegistryImportJSON(t *testing.T) {
	s := newServer(nil)
	var kind registry.Kind = "unset"
	s.Registry = importingRegistry(&kind)
	doc := `{"format":"qinglang.registry/v1","platforms":[{"id":"p1","name":"甲平台"}],
	"merchants":[{"id":"m1","platform_id":"p1","uscc":"91440101MA5CJQ4N59","name":"甲"},{"id":"m2","uscc":"91440101MA5CJQ4N59","name":"乙","last_verified":"2025-13-01"}]}`
	rec := serve(t, s, http.MethodPost, "/v1/registry/import", strings.NewReader(doc), "Content-Type", "application/json")
	var a registryAnswer
	decode(t, rec.Body.Bytes(), &a)
	if rec.Code != http.StatusOK || kind != "" || a.Info.Counts["merchants"] != 1 || a.Info.Counts["platforms"] != 1 {
		t.Fatalf("status %d (kind %q): %s", rec.Code, kind, rec.Body)
	}
	// A JSON issue has no line; a fake that names no file gets the
	// document's name.
	if len(a.Issues) != 1 || a.Issues[0].File != "registry.json" || a.Issues[0].Line != 0 || a.Issues[0].Field != "merchants[1].last_verified" {
		t.Errorf("issues %+v", a.Issues)
	}
	// No Content-Type is taken too.
	rec = serve(t, s, http.MethodPost, "/v1/registry/import", strings.NewReader(doc))
	if rec.Code != http.StatusOK {
		t.Errorf("no Content-Type: %d %s", rec.Code, rec.Body)
	}
}

func TestRegistryImportRefusals(t *testing.T) {
	s := newServer(nil)
	var kind registry.Kind
	s.Registry = importingRegistry(&kind)
	for _, c := range []struct{ target, ct, body, want string }{
		{"/v1/registry/import?kind=sellers", "text/csv", "id\n", "parameter kind"},
		{"/v1/registry/import?kind=merchants&kind=hosts", "text/csv", "id\n", "parameter kind"},
		{"/v1/registry/import?kind=merchants", "application/json", "{}", "text/csv"},
		{"/v1/registry/import", "text/csv", "id,name\n", "application/json"},
		{"/v1/registry/import", "application/json", "  \n", "empty"},
	} {
		e := wantError(t, serve(t, s, http.MethodPost, c.target, strings.NewReader(c.body), "Content-Type", c.ct), http.StatusBadRequest, qinglang.EINVALID)
		if !strings.Contains(e.Error.MessageEN, c.want) {
			t.Errorf("%s %s: message %q lacks %q", c.target, c.ct, e.Error.MessageEN, c.want)
		}
	}
	// Over the limit: refused by its length, or while reading when the
	// length is not known.
	big := strings.NewReader(strings.Repeat("x", MaxRegistryImportBytes+1))
	wantError(t, serve(t, s, http.MethodPost, "/v1/registry/import?kind=merchants", big, "Content-Type", "text/csv"),
		http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
	stream := io.MultiReader(strings.NewReader("id,name\n"), &endless{}) // no length
	rec := serve(t, s, http.MethodPost, "/v1/registry/import?kind=merchants", io.NopCloser(stream), "Content-Type", "text/csv")
	wantError(t, rec, http.StatusRequestEntityTooLarge, qinglang.ETOOLARGE)
	if kind != "" {
		t.Errorf("a refused body reached the service (kind %q)", kind)
	}
}

// endless is a reader of endless 'a's.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestRegistrySchemasAreStrict shows the registry schemas catch a renamed
// field.
func TestRegistrySchemasAreStrict(t *testing.T) {
	info, _ := json.Marshal(RegistryInfo{LoadedAt: regDay, Counts: map[registry.Kind]int{registry.KindHost: 1}, ReverifyDays: 180})
	for _, c := range []struct{ schema, body, from, to string }{
		{"RegistryInfo", string(info), `"reverify_days"`, `"reverifyDays"`},
		{"RegistryInfo", string(info), `"hosts"`, `"host"`},
		{"DueList", `{"on":"2026-03-01","reverify_days":180,"items":[{"kind":"hosts","id":"h1","name":"x","overdue":true}]}`, `"overdue"`, `"late"`},
		{"RegistryRecords", `{"kind":"rooms","records":[{"id":"r1","platform_id":"","name":"x"}]}`, `"platform_id"`, `"platform"`},
		{"RegistryResult", `{"info":` + string(info) + `,"issues":[{"file":"a.csv","line":2,"field":"id","reason":"坏","reason_en":"bad","severity":"error"}]}`, `"severity"`, `"level"`},
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
