package httpapi

import (
	"net/http"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// maxFindingsLimit is the largest page of findings (qinglang.FindingFilter).
const maxFindingsLimit = 1000

// findingPage answers GET /v1/findings; Next is absent on the last page.
type findingPage struct {
	Findings []qinglang.Finding `json:"findings"`
	Next     string             `json:"next,omitempty"`
}

// findingsNames name findings in listScope's messages.
var findingsNames = [2]string{"发现", "findings"}

// findingScope narrows a list of findings (its platform and room filters)
// to what the request's principal may see: an operator must name one of
// its rooms (or runs only one). none reports that nothing can match; false
// means the request was answered (an error, or no store).
func (s *Server) findingScope(w http.ResponseWriter, r *http.Request, platform, room *string) (none, ok bool) {
	p := principalOf(r)
	if p.Role == qinglang.RoleOperator && *room == "" {
		if len(p.Rooms) != 1 {
			s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID,
				"运营者令牌须用查询参数 room 指明其直播间之一（%s）",
				"an operator token must name one of its rooms with the query parameter room (%s)", strings.Join(p.Rooms, ", ")))
			return false, false
		}
		*room = p.Rooms[0]
	}
	none, err := listScope(p, authz.FindingsRead, platform, *room, findingsNames)
	if err != nil {
		s.writeError(w, r, err)
		return false, false
	}
	return none, s.readable(w, r, nil)
}

// getFindings lists findings, newest first, filtered by the query, within
// the principal's scope: a platform or reviewer token its platform's (a
// platform filter naming another matches nothing), an operator token one
// of its rooms (room is required unless it runs only one). A regulator
// sees findings through cases: 403.
func (s *Server) getFindings(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := q.findingFilter()
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	p := principalOf(r)
	none, ok := s.findingScope(w, r, &f.Platform, &f.Room)
	if !ok {
		return
	}
	if none {
		s.writeJSON(w, r, http.StatusOK, findingPage{Findings: []qinglang.Finding{}})
		return
	}
	page, err := s.Store.Findings(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, findingPage{Findings: cleanFindings(visibleFindings(p, page.Findings)), Next: page.Next})
}

// getFinding answers one finding by id, or 404 — also for a finding the
// principal may not see (another platform's, a room not an operator's,
// and any finding for a regulator, who sees findings through cases).
func (s *Server) getFinding(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.readable(w, r, nil) {
		return
	}
	f, err := s.Store.Finding(r.Context(), id)
	if err == nil {
		err = authz.Check(principalOf(r), authz.FindingsRead, authz.Resource{Platform: f.Platform, Room: f.Room})
	}
	if err != nil {
		s.writeError(w, r, hideMissing(err, errFindingNotFound(id)))
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanFinding(f))
}

func errFindingNotFound(id string) error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "没有找到发现 %s", "finding %s not found", clip(id))
}

// visibleFindings returns the findings of fs that p may see (a store
// filtered by p's scope already returns only those; this makes sure).
func visibleFindings(p qinglang.Principal, fs []qinglang.Finding) []qinglang.Finding {
	if p.Role == qinglang.RoleAdmin {
		return fs
	}
	out := fs[:0:0]
	for i := range fs {
		if visibleFinding(p, &fs[i]) {
			out = append(out, fs[i])
		}
	}
	return out
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
