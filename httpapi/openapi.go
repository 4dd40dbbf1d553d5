package httpapi

import (
	_ "embed"
	"net/http"
	"slices"
)

// openAPIDoc is the OpenAPI 3.1 document of this API. Tests keep it true to
// the handlers: its paths are the route table, and the handlers' answers
// validate against its response schemas.
//
//go:embed openapi.json
var openAPIDoc []byte

// OpenAPI returns the API's OpenAPI 3.1 document (JSON), as served at
// GET /v1/openapi.json.
func OpenAPI() []byte { return slices.Clone(openAPIDoc) }

// getOpenAPI serves the OpenAPI document.
func (s *Server) getOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=300")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPIDoc)
}
