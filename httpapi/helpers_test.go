package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/metrics"
)

// errUnexpected is what a fake answers for a call the test did not expect;
// it surfaces as a 500.
var errUnexpected = errors.New("unexpected call to fake")

// fakeStore is a qinglang.Store made of function fields.
type fakeStore struct {
	FindingsFn func(ctx context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error)
	FindingFn  func(ctx context.Context, id string) (qinglang.Finding, error)
	RoomFn     func(ctx context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error)
	RoomsFn    func(ctx context.Context, f qinglang.RoomFilter) (qinglang.RoomPage, error)
	EventsFn   func(ctx context.Context, f qinglang.EventFilter) ([]qinglang.Event, error)
	PingFn     func(ctx context.Context) error

	CampaignsFn func(ctx context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error)
	CampaignFn  func(ctx context.Context, id string) (qinglang.CampaignRecord, error)

	SpotChecksFn      func(ctx context.Context, f qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error)
	SpotCheckFn       func(ctx context.Context, id string) (qinglang.SpotCheckRecord, error)
	ProductListingsFn func(ctx context.Context, product string) ([]qinglang.Event, error)

	RecordFn         func(ctx context.Context, kind qinglang.RecordKind, id string) (qinglang.Record, error)
	RecordsFn        func(ctx context.Context, f qinglang.RecordFilter) (qinglang.RecordPage, error)
	CasesOfFindingFn func(ctx context.Context, findingID string) ([]string, error)
	AuditEntriesFn   func(ctx context.Context, object string, after int64, limit int) ([]qinglang.AuditEntry, error)

	PurgeEvidenceFn func(ctx context.Context, before time.Time, keep []qinglang.RoomKey) (events, findings int64, err error)
}

func (s *fakeStore) Begin(context.Context) (qinglang.Tx, error) { return nil, errUnexpected }
func (s *fakeStore) Close() error                               { return nil }

func (s *fakeStore) Findings(ctx context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
	if s.FindingsFn == nil {
		return qinglang.FindingPage{}, errUnexpected
	}
	return s.FindingsFn(ctx, f)
}

func (s *fakeStore) Finding(ctx context.Context, id string) (qinglang.Finding, error) {
	if s.FindingFn == nil {
		return qinglang.Finding{}, errUnexpected
	}
	return s.FindingFn(ctx, id)
}

func (s *fakeStore) Room(ctx context.Context, key qinglang.RoomKey) (qinglang.RoomSummary, error) {
	if s.RoomFn == nil {
		return qinglang.RoomSummary{}, errUnexpected
	}
	return s.RoomFn(ctx, key)
}

func (s *fakeStore) Rooms(ctx context.Context, f qinglang.RoomFilter) (qinglang.RoomPage, error) {
	if s.RoomsFn == nil {
		return qinglang.RoomPage{}, errUnexpected
	}
	return s.RoomsFn(ctx, f)
}

func (s *fakeStore) Events(ctx context.Context, f qinglang.EventFilter) ([]qinglang.Event, error) {
	if s.EventsFn == nil {
		return nil, errUnexpected
	}
	return s.EventsFn(ctx, f)
}

func (s *fakeStore) Listings(context.Context, string, string) ([]qinglang.Event, error) {
	return nil, errUnexpected
}

func (s *fakeStore) Account(context.Context, string, string) (qinglang.Event, error) {
	return qinglang.Event{}, errUnexpected
}

func (s *fakeStore) Ping(ctx context.Context) error {
	if s.PingFn == nil {
		return errUnexpected
	}
	return s.PingFn(ctx)
}

// fakeIngester is a qinglang.Ingester made of a function field.
type fakeIngester struct {
	IngestFn func(ctx context.Context, events []qinglang.Event) error
}

func (f *fakeIngester) Ingest(ctx context.Context, events []qinglang.Event) error {
	if f.IngestFn == nil {
		return errUnexpected
	}
	return f.IngestFn(ctx, events)
}

// fakeFeed is a qinglang.FindingFeed made of a function field.
type fakeFeed struct {
	SubscribeFn func() (<-chan qinglang.Finding, func())
}

func (f *fakeFeed) Subscribe() (<-chan qinglang.Finding, func()) { return f.SubscribeFn() }

// logBuffer collects JSON log lines safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newServer returns a server with fresh metrics and a logger into logs.
func newServer(logs *logBuffer) *Server {
	s := &Server{Metrics: metrics.New(), Version: "test"}
	if logs != nil {
		s.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return s
}

// serve runs one request through the server's handler, checks the answer
// against the OpenAPI document and returns it.
func serve(t *testing.T, s *Server, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	checkAgainstDoc(t, req, rec.Code, rec.Header(), rec.Body.Bytes())
	return rec
}

// decode unmarshals a JSON answer into v.
func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("answer is not the expected JSON: %v\n%s", err, b)
	}
}

// apiError is the error shape as a test reads it.
type apiError struct {
	Error struct {
		Code      string `json:"code"`
		Message   string `json:"message"`
		MessageEN string `json:"message_en"`
	} `json:"error"`
}

// wantError checks an error answer's status and code and returns it.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, code qinglang.ErrorCode) apiError {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	var e apiError
	decode(t, rec.Body.Bytes(), &e)
	if e.Error.Code != string(code) || e.Error.Message == "" || e.Error.MessageEN == "" {
		t.Fatalf("error %+v, want code %q with both messages", e.Error, code)
	}
	if strings.Contains(e.Error.Message, "%!") || strings.Contains(e.Error.MessageEN, "%!") {
		t.Errorf("error %+v is badly formatted", e.Error)
	}
	return e
}

// testFinding is a complete finding for fixtures.
func testFinding(id, platform, room string, sev qinglang.Severity) qinglang.Finding {
	ts := time.Date(2025, 6, 12, 20, 1, 0, 0, time.FixedZone("CST", 8*3600))
	return qinglang.Finding{
		ID: id, Kind: qinglang.KindClaim, Rule: "claim.absolute", Severity: sev,
		Platform: platform, Room: room, TS: ts, EventIDs: []string{"e3"},
		Summary: "宣称全网销量第一", SummaryEN: "claims to be the best seller",
		Basis: "《广告法》第九条", Evidence: json.RawMessage(`{"span":"全网销量第一"}`),
		DetectedAt: ts.Add(time.Second),
	}
}

// ----- OpenAPI document as a validator -----

const docURL = "https://qinglang.invalid/openapi.json"

var doc struct {
	once     sync.Once
	err      error
	root     map[string]any
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	cache    map[string]*jsonschema.Schema
}

// loadDoc parses the embedded document and prepares a schema compiler
// that resolves pointers into it.
func loadDoc(t *testing.T) map[string]any {
	t.Helper()
	doc.once.Do(func() {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDoc))
		if err != nil {
			doc.err = err
			return
		}
		doc.root, _ = v.(map[string]any)
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		if err := c.AddResource(docURL, v); err != nil {
			doc.err = err
			return
		}
		doc.compiler = c
		doc.cache = map[string]*jsonschema.Schema{}
	})
	if doc.err != nil {
		t.Fatalf("openapi.json: %v", doc.err)
	}
	return doc.root
}

// pointerEscape escapes one JSON pointer token and makes it safe in a URL
// fragment.
func pointerEscape(s string) string {
	s = strings.ReplaceAll(s, "~", "~0")
	s = strings.ReplaceAll(s, "/", "~1")
	s = strings.ReplaceAll(s, "{", "%7B")
	return strings.ReplaceAll(s, "}", "%7D")
}

// schemaAt compiles the schema at a JSON pointer (given as tokens) of the
// document.
func schemaAt(t *testing.T, tokens ...string) *jsonschema.Schema {
	t.Helper()
	loadDoc(t)
	var ptr strings.Builder
	for _, tok := range tokens {
		ptr.WriteString("/" + pointerEscape(tok))
	}
	loc := docURL + "#" + ptr.String()
	doc.mu.Lock()
	defer doc.mu.Unlock()
	if sch, ok := doc.cache[loc]; ok {
		return sch
	}
	sch, err := doc.compiler.Compile(loc)
	if err != nil {
		t.Fatalf("compile %s: %v", loc, err)
	}
	doc.cache[loc] = sch
	return sch
}

// docPath finds the route table entry a request is served by and returns
// its OpenAPI path and lower-case method, or ok false for unmatched ones.
func docPath(req *http.Request) (path, method string, ok bool) {
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt.pattern(), func(http.ResponseWriter, *http.Request) {})
	}
	_, pattern := mux.Handler(req)
	m, p, found := strings.Cut(pattern, " ")
	return p, strings.ToLower(m), found
}

// object returns v[key] as an object, or nil.
func object(v any, key string) map[string]any {
	m, _ := v.(map[string]any)
	o, _ := m[key].(map[string]any)
	return o
}

// checkAgainstDoc validates an answer against the document: the status (or
// "default") must be documented for the route, the Content-Type must be one
// the document lists, and a JSON body must match the schema there. Answers
// to unmatched requests must be the Error schema.
func checkAgainstDoc(t *testing.T, req *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	root := loadDoc(t)
	path, method, ok := docPath(req)
	ct := header.Get("Content-Type")
	if !ok {
		if !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("unmatched %s %s answered %q", req.Method, req.URL.Path, ct)
		}
		validateJSON(t, schemaAt(t, "components", "schemas", "Error"), body)
		return
	}
	if req.Method == http.MethodHead {
		return
	}
	responses := object(object(object(root, "paths"), path), method)["responses"]
	code := strconv.Itoa(status)
	resp := object(responses, code)
	tokens := []string{"paths", path, method, "responses", code}
	if resp == nil {
		code = "default"
		resp = object(responses, code)
		tokens[4] = code
	}
	if resp == nil {
		t.Fatalf("%s %s: status %d is not documented", method, path, status)
	}
	seen.add(method + " " + path + " " + code)
	if ref, ok := resp["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/responses/")
		resp = object(object(object(root, "components"), "responses"), name)
		tokens = []string{"components", "responses", name}
	}
	content := object(resp, "content")
	if len(content) == 0 {
		if len(body) != 0 {
			t.Fatalf("%s %s %d: a body where the document promises none: %s", method, path, status, body)
		}
		return
	}
	for mt := range content {
		if !strings.HasPrefix(ct, mt) {
			continue
		}
		if mt == "application/json" {
			validateJSON(t, schemaAt(t, append(tokens, "content", mt, "schema")...), body)
		}
		return
	}
	t.Fatalf("%s %s %d: Content-Type %q is not documented (%v)", method, path, status, ct, content)
}

// validateJSON fails the test when body does not match sch.
func validateJSON(t *testing.T, sch *jsonschema.Schema, body []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, body)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("answer does not match the OpenAPI document: %#v\n%s", err, body)
	}
}

// seen records every documented answer (method, path, status) a test
// validated; TestMain fails when one was never exercised.
var seen = &answerSet{m: map[string]bool{}}

// answerSet is a set of strings safe across goroutines.
type answerSet struct {
	mu sync.Mutex
	m  map[string]bool
}

func (a *answerSet) add(k string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.m[k] = true
}

func (a *answerSet) has(k string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.m[k]
}

// Campaign and evidence-scan methods of fakeStore.

func (s *fakeStore) Campaigns(ctx context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
	if s.CampaignsFn == nil {
		return qinglang.CampaignPage{}, errUnexpected
	}
	return s.CampaignsFn(ctx, f)
}

func (s *fakeStore) Campaign(ctx context.Context, id string) (qinglang.CampaignRecord, error) {
	if s.CampaignFn == nil {
		return qinglang.CampaignRecord{}, errUnexpected
	}
	return s.CampaignFn(ctx, id)
}

func (s *fakeStore) ScanEvents(context.Context, qinglang.EventScan) ([]qinglang.Event, string, error) {
	return nil, "", errUnexpected
}

func (s *fakeStore) EventMark(context.Context) (qinglang.EventMark, error) {
	return qinglang.EventMark{}, errUnexpected
}

// Spot-check methods of fakeStore.

func (s *fakeStore) SpotChecks(ctx context.Context, f qinglang.SpotCheckFilter) (qinglang.SpotCheckPage, error) {
	if s.SpotChecksFn == nil {
		return qinglang.SpotCheckPage{}, errUnexpected
	}
	return s.SpotChecksFn(ctx, f)
}

func (s *fakeStore) SpotCheck(ctx context.Context, id string) (qinglang.SpotCheckRecord, error) {
	if s.SpotCheckFn == nil {
		return qinglang.SpotCheckRecord{}, errUnexpected
	}
	return s.SpotCheckFn(ctx, id)
}

func (s *fakeStore) ProductListings(ctx context.Context, product string) ([]qinglang.Event, error) {
	if s.ProductListingsFn == nil {
		return nil, errUnexpected
	}
	return s.ProductListingsFn(ctx, product)
}

// Record and audit-log methods of fakeStore.

func (s *fakeStore) Record(ctx context.Context, kind qinglang.RecordKind, id string) (qinglang.Record, error) {
	if s.RecordFn == nil {
		return qinglang.Record{}, errUnexpected
	}
	return s.RecordFn(ctx, kind, id)
}

func (s *fakeStore) Records(ctx context.Context, f qinglang.RecordFilter) (qinglang.RecordPage, error) {
	if s.RecordsFn == nil {
		return qinglang.RecordPage{}, errUnexpected
	}
	return s.RecordsFn(ctx, f)
}

func (s *fakeStore) CasesOfFinding(ctx context.Context, findingID string) ([]string, error) {
	if s.CasesOfFindingFn == nil {
		return nil, errUnexpected
	}
	return s.CasesOfFindingFn(ctx, findingID)
}

func (s *fakeStore) AuditEntries(ctx context.Context, object string, after int64, limit int) ([]qinglang.AuditEntry, error) {
	if s.AuditEntriesFn == nil {
		return nil, errUnexpected
	}
	return s.AuditEntriesFn(ctx, object, after, limit)
}

func (s *fakeStore) PurgeEvidence(ctx context.Context, before time.Time, keep []qinglang.RoomKey) (int64, int64, error) {
	if s.PurgeEvidenceFn == nil {
		return 0, 0, errUnexpected
	}
	return s.PurgeEvidenceFn(ctx, before, keep)
}
