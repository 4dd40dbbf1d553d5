package httpapi

import (
	"net/http"

	"github.com/qinglang/qinglang"
)

// maxFindingsLimit is the largest page of findings (qinglang.FindingFilter).
const maxFindingsLimit = 1000

// findingPage answers GET /v1/findings; Next is absent on the last page.
type findingPage struct {
	Findings []qinglang.Finding `json:"findings"`
	Next     string             `json:"next,omitempty"`
}

// getFindings lists findings, newest first, filtered by the query.
func (s *Server) getFindings(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := q.findingFilter()
	if !s.readable(w, r, q.err) {
		return
	}
	page, err := s.Store.Findings(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, findingPage{Findings: cleanFindings(page.Findings), Next: page.Next})
}

// getFinding answers one finding by id, or 404.
func (s *Server) getFinding(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.readable(w, r, nil) {
		return
	}
	f, err := s.Store.Finding(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanFinding(f))
}

// cleanFindings returns fs with every finding cleaned, never nil, so the
// answer holds a list even when it is empty.
func cleanFindings(fs []qinglang.Finding) []qinglang.Finding {
	out := make([]qinglang.Finding, len(fs))
	for i, f := range fs {
		out[i] = cleanFinding(f)
	}
	return out
}

// cleanFinding makes a finding's required lists empty rather than null.
func cleanFinding(f qinglang.Finding) qinglang.Finding {
	if f.EventIDs == nil {
		f.EventIDs = []string{}
	}
	return f
}

// errNoStore answers routes that need a store when none is configured.
func errNoStore() error {
	return qinglang.Errorf(qinglang.EUNAVAILABLE, "存储未配置", "no store is configured")
}

// readable answers the error of a read route that cannot go on — a bad
// query (queryErr) or no store — and reports whether it can.
func (s *Server) readable(w http.ResponseWriter, r *http.Request, queryErr error) bool {
	switch {
	case queryErr != nil:
		s.writeError(w, r, queryErr)
	case s.Store == nil:
		s.writeError(w, r, errNoStore())
	default:
		return true
	}
	return false
}
