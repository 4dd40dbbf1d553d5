package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/lint"
)

func TestOpenAPIHeader(t *testing.T) {
	root := loadDoc(t)
	if root["openapi"] != "3.1.0" {
		t.Errorf("openapi %v, want 3.1.0", root["openapi"])
	}
	if root["jsonSchemaDialect"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("jsonSchemaDialect %v", root["jsonSchemaDialect"])
	}
}

// TestOpenAPIPathsAreTheRoutes fails on any route the document lacks and
// any operation the server does not serve.
func TestOpenAPIPathsAreTheRoutes(t *testing.T) {
	root := loadDoc(t)
	var documented []string
	for path, item := range object(root, "paths") {
		for method := range item.(map[string]any) {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	var served []string
	for _, rt := range routes {
		served = append(served, rt.pattern())
	}
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Fatalf("document and routes differ\ndocumented: %v\nserved:     %v", documented, served)
	}
}

// TestRoutesAreRegistered checks that the handler serves every route of
// the table (no pattern shadowed by another).
func TestRoutesAreRegistered(t *testing.T) {
	for _, rt := range routes {
		target := strings.ReplaceAll(rt.Path, "{id}", "x1")
		req := httptest.NewRequest(rt.Method, target, nil)
		path, method, ok := docPath(req)
		if !ok || strings.ToUpper(method)+" "+path != rt.pattern() {
			t.Errorf("%s %s is served by %q %q", rt.Method, target, method, path)
		}
	}
}

func TestOpenAPISchemasCompile(t *testing.T) {
	root := loadDoc(t)
	for name := range object(object(root, "components"), "schemas") {
		schemaAt(t, "components", "schemas", name)
	}
}

// TestOpenAPISchemasAreStrict shows the validator catches a renamed field
// in each answer shape, so the handler tests that validate real answers can
// fail.
func TestOpenAPISchemasAreStrict(t *testing.T) {
	finding, _ := json.Marshal(cleanFinding(testFinding("f_1", "p1", "r1", qinglang.SeverityHigh)))
	room, _ := json.Marshal(testRoom(qinglang.RoomKey{Platform: "p1", Room: "r1"}))
	event, _ := json.Marshal(eventList{Events: []qinglang.Event{{Type: qinglang.Order, TS: time.Now(),
		Platform: "p1", Room: "r1", User: "u", Product: "p", Qty: 1, AmountFen: 100}}})
	result := []byte(`{"accepted":1,"rejected":0,"errors":[],"errors_omitted":0}`)
	errBody := []byte(`{"error":{"code":"invalid","message":"坏","message_en":"bad"}}`)
	problemsBody := []byte(`{"error":{"code":"invalid","message":"坏","message_en":"bad","problems":[{"file":"x.yaml","line":7,"field":"severity","reason":"坏","reason_en":"bad"}]}}`)
	lintBody, _ := json.Marshal(lintResult{High: true, Findings: []lint.Finding{{Line: 2, Column: 7, Rule: "ad.x",
		Severity: qinglang.SeverityHigh, Matched: "根治", Text: "能根治", Category: qinglang.CatFood,
		Message: "m", MessageEN: "m", Basis: "b", BasisEN: "b"}}})
	cases := []struct {
		schema, body, from, to string
	}{
		{"Finding", string(finding), `"summary"`, `"summary_zh"`},
		{"Finding", string(finding), `"event_ids"`, `"eventIds"`},
		{"RoomSummary", string(room), `"first_ts"`, `"firstTs"`},
		{"EventList", string(event), `"amount_fen"`, `"amountFen"`},
		{"IngestResult", string(result), `"errors_omitted"`, `"omitted"`},
		{"Error", string(errBody), `"message_en"`, `"messageEn"`},
		{"Error", string(problemsBody), `"reason_en"`, `"reasonEn"`},
		{"LintResult", string(lintBody), `"basis_en"`, `"basisEn"`},
		{"LintResult", string(lintBody), `"high"`, `"severe"`},
		{"RulesReloaded", `{"rules":74,"packs":["default"]}`, `"packs"`, `"pack"`},
	}
	for _, c := range cases {
		sch := schemaAt(t, "components", "schemas", c.schema)
		validateJSON(t, sch, []byte(c.body)) // the real shape passes
		renamed := strings.Replace(c.body, c.from, c.to, 1)
		v, err := jsonUnmarshalAny(renamed)
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("%s with %s renamed to %s passes the schema", c.schema, c.from, c.to)
		}
	}
}

// jsonUnmarshalAny decodes JSON the way the schema validator expects.
func jsonUnmarshalAny(s string) (any, error) {
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	return v, d.Decode(&v)
}

func TestOpenAPIServedAsJSON(t *testing.T) {
	rec := serve(t, newServer(nil), http.MethodGet, "/v1/openapi.json", nil)
	var v map[string]any
	decode(t, rec.Body.Bytes(), &v)
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("Content-Type %q", rec.Header().Get("Content-Type"))
	}
}
