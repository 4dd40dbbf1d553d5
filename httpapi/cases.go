package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/regloop"
)

// maxCasesLimit is the largest page of cases (enforce.CaseFilter).
const maxCasesLimit = 1000

// maxMeasureDays bounds the days of a proposed measure (well within a
// time.Duration); the policy's caps are far lower.
const maxMeasureDays = 36500

// caseActionKinds are the actions POST /v1/cases/{id}/actions takes, and
// caseActionFields the body fields each reads (the others must be absent).
var (
	caseActionKinds = []casework.ActionKind{casework.ActAssign, casework.ActStartReview, casework.ActNotify,
		casework.ActClose, casework.ActReopen, casework.ActComment, casework.ActPublish, casework.ActUnpublish,
		casework.ActLegalHold, casework.ActSetRegion}
	caseActionFields = map[casework.ActionKind][]string{
		casework.ActAssign:    {"assignee", "due_at"},
		casework.ActNotify:    {"notice_id"},
		casework.ActClose:     {"reason"},
		casework.ActReopen:    {"reason"},
		casework.ActComment:   {"text"},
		casework.ActLegalHold: {"hold"},
		casework.ActSetRegion: {"region"},
	}
	// caseActionRoutes names the route that takes each other action.
	caseActionRoutes = map[casework.ActionKind]string{
		casework.ActPropose:      "POST /v1/cases/{id}/measures",
		casework.ActDecide:       "POST /v1/measures/{id}/decision",
		casework.ActAppeal:       "POST /v1/measures/{id}/appeals",
		casework.ActReviewAppeal: "POST /v1/appeals/{id}/review",
		casework.ActEscalate:     "POST /v1/cases/{id}/regulatory-actions",
		casework.ActSupervise:    "POST /v1/cases/{id}/regulatory-actions",
		casework.ActShare:        "POST /v1/cases/{id}/regulatory-actions",
	}
)

// caseActionRequest is the body of POST /v1/cases/{id}/actions: a kind and
// the fields it reads (casework.Action). Pointers tell a field given from
// one left out.
type caseActionRequest struct {
	Kind     casework.ActionKind `json:"kind"`
	Assignee *string             `json:"assignee"`
	DueAt    *string             `json:"due_at"` // RFC 3339
	NoticeID *string             `json:"notice_id"`
	Reason   *string             `json:"reason"`
	Text     *string             `json:"text"`
	Hold     *bool               `json:"hold"`
	Region   *string             `json:"region"`
}

// action checks the request's form and returns the casework.Action it asks
// for; what the values mean (a region's code, a text's length) the
// enforcement service checks.
func (req caseActionRequest) action() (casework.Action, error) {
	if req.Kind == "" {
		return casework.Action{}, missingOneOf("kind", caseActionKinds)
	}
	reads, ok := caseActionFields[req.Kind]
	if !ok && !slices.Contains(caseActionKinds, req.Kind) {
		if route, other := caseActionRoutes[req.Kind]; other {
			return casework.Action{}, qinglang.Errorf(qinglang.EINVALID, "字段 kind=%q 不能在此使用：请用 %s",
				"field kind=%q is not taken here: use %s", clip(string(req.Kind)), route)
		}
		return casework.Action{}, mustBeOneOf("kind", req.Kind, caseActionKinds)
	}
	given := []struct {
		name string
		set  bool
	}{
		{"assignee", req.Assignee != nil}, {"due_at", req.DueAt != nil}, {"notice_id", req.NoticeID != nil},
		{"reason", req.Reason != nil}, {"text", req.Text != nil}, {"hold", req.Hold != nil}, {"region", req.Region != nil},
	}
	for _, g := range given {
		if g.set && !slices.Contains(reads, g.name) {
			return casework.Action{}, qinglang.Errorf(qinglang.EINVALID, "字段 %[1]s 不适用于操作 %[2]s", "field %[1]s does not apply to the action %[2]s",
				g.name, req.Kind)
		}
	}
	a := casework.Action{Kind: req.Kind, Assignee: deref(req.Assignee), NoticeID: deref(req.NoticeID),
		Reason: deref(req.Reason), Text: deref(req.Text), Region: deref(req.Region)}
	if req.Kind == casework.ActLegalHold {
		if req.Hold == nil {
			return a, qinglang.Errorf(qinglang.EINVALID, "缺少字段 hold（true 设置法律保全，false 解除）",
				"missing field hold (true sets the legal hold, false lifts it)")
		}
		a.Hold = *req.Hold
	}
	var err error
	a.DueAt, err = bodyTime("due_at", deref(req.DueAt))
	return a, err
}

// deref returns *p, "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// regulatoryActionRequest is the body of POST
// /v1/cases/{id}/regulatory-actions.
type regulatoryActionRequest struct {
	Kind    qinglang.RegulatoryActionKind `json:"kind"`
	Text    string                        `json:"text"`
	Target  string                        `json:"target"`
	FineFen int64                         `json:"fine_fen"`
}

// caseActionRecorded answers POST /v1/cases/{id}/regulatory-actions: the
// case after the action and the action recorded.
type caseActionRecorded struct {
	Case   qinglang.Case             `json:"case"`
	Action qinglang.RegulatoryAction `json:"action"`
}

// enforcement returns the enforcement service, or answers 503 when none is
// configured.
func (s *Server) enforcer(w http.ResponseWriter, r *http.Request) (Enforcement, bool) {
	if s.Enforcement == nil {
		s.writeError(w, r, errEnforcementOff())
		return nil, false
	}
	return s.Enforcement, true
}

// getCases lists the cases the principal may see, the most recently
// changed first, filtered by the query.
func (s *Server) getCases(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := enforce.CaseFilter{
		State:     qinglang.CaseState(q.choice("state", "", caseStateNames()...)),
		Subject:   q.subject("subject"),
		Platform:  q.id("platform"),
		Published: q.boolean("published"),
		Cursor:    q.one("cursor"),
		Limit:     q.limit("limit", maxCasesLimit),
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := enf.Cases(r.Context(), principalOf(r), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := enforce.CasePage{Cases: make([]qinglang.Case, len(page.Cases)), Next: page.Next}
	for i, c := range page.Cases {
		out.Cases[i] = cleanCase(c)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// caseStateNames lists the case states as strings, for q.choice.
func caseStateNames() []string {
	out := make([]string, len(qinglang.CaseStates))
	for i, st := range qinglang.CaseStates {
		out[i] = string(st)
	}
	return out
}

// subject returns a subject key parameter, kind:platform:id with a known
// kind; "" when absent.
func (q *query) subject(name string) string {
	v := q.one(name)
	if v == "" {
		return ""
	}
	parts := strings.SplitN(v, ":", 3)
	if len(parts) != 3 || !qinglang.SubjectKind(parts[0]).Known() || parts[1] == "" || parts[2] == "" ||
		len(parts[1]) > qinglang.MaxIDBytes || len(parts[2]) > qinglang.MaxIDBytes {
		zh, en := oneOf(qinglang.SubjectKinds)
		q.fail(name, v, "应为 种类:平台:id，种类为 "+zh+" 之一", "want kind:platform:id with kind one of "+en)
		return ""
	}
	return v
}

// getCase answers one case with everything that hangs off it, as the
// principal may see it.
func (s *Server) getCase(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	v, err := enf.Case(r.Context(), principalOf(r), r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanCaseView(v))
}

// postCaseAction takes one action on a case (assign, start_review, notify,
// close, reopen, comment, publish, unpublish, legal_hold, set_region) and
// answers the case after it. Measures, appeals and the regulators'
// instruments have routes of their own.
func (s *Server) postCaseAction(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req caseActionRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := req.action()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, err := enf.ActOnCase(r.Context(), principalOf(r), r.PathValue("id"), a)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanCase(c))
}

// postCaseMeasure proposes a measure for a case (a reviewer's own
// proposal, within the policy's caps) and answers it, 201. Its length comes
// as days (a number, fractions allowed), which the service turns into the
// measure's duration.
func (s *Server) postCaseMeasure(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req enforce.MeasureRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case req.Kind == "":
		s.writeError(w, r, missingOneOf("kind", qinglang.MeasureKinds))
		return
	case !req.Kind.Known():
		s.writeError(w, r, mustBeOneOf("kind", req.Kind, qinglang.MeasureKinds))
		return
	case req.Days < 0 || req.Days > maxMeasureDays:
		s.writeError(w, r, fieldError("days", fmt.Sprintf("必须是 0 到 %d 之间的天数", maxMeasureDays),
			fmt.Sprintf("must be a number of days from 0 to %d", maxMeasureDays)))
		return
	}
	m, err := enf.ProposeMeasure(r.Context(), principalOf(r), r.PathValue("id"), req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, m)
}

// getCaseEvidence answers a case's evidence bundle as a ZIP attachment
// (case-<id>-evidence.zip). The bundle is built in memory before the first
// byte is sent, so that a failure at any point still answers with a JSON
// error and its status, and no client ever holds a truncated ZIP that looks
// whole; the price is memory the size of one bundle per request.
func (s *Server) getCaseEvidence(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	var buf bytes.Buffer
	if err := enf.ExportEvidence(r.Context(), principalOf(r), id, &buf); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeFile(w, r, "application/zip", "case-"+fileSafe(id)+"-evidence.zip", buf.Bytes())
}

// fileSafe keeps of an id what is safe in a file name: letters, digits,
// '-', '_' and '.'; anything else becomes '_'.
func fileSafe(id string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, id)
}

// postRegulatoryAction records a regulator's instrument on a case
// (guidance, interview, penalty, exposure, escalate, supervise, share) and
// answers the case after it with the action recorded, 201.
func (s *Server) postRegulatoryAction(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req regulatoryActionRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case req.Kind == "":
		s.writeError(w, r, missingOneOf("kind", regloop.ActionKinds))
		return
	case !slices.Contains(regloop.ActionKinds, req.Kind):
		s.writeError(w, r, mustBeOneOf("kind", req.Kind, regloop.ActionKinds))
		return
	case req.FineFen < 0:
		s.writeError(w, r, fieldError("fine_fen", "罚款金额不能为负", "a fine cannot be negative"))
		return
	}
	c, a, err := enf.RecordAction(r.Context(), principalOf(r), r.PathValue("id"),
		qinglang.RegulatoryAction{Kind: req.Kind, Text: req.Text, Target: req.Target, FineFen: req.FineFen})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, caseActionRecorded{Case: cleanCase(c), Action: a})
}

// cleanCase makes a case's lists empty rather than null.
func cleanCase(c qinglang.Case) qinglang.Case {
	c.Findings, c.Rooms, c.SharedWith, c.Comments = nonNil(c.Findings), nonNil(c.Rooms), nonNil(c.SharedWith), nonNil(c.Comments)
	return c
}

// cleanDirective makes a directive's evidence an empty list rather than
// null.
func cleanDirective(d qinglang.Directive) qinglang.Directive {
	d.Evidence = nonNil(d.Evidence)
	return d
}

// cleanCaseView makes every list of a case view empty rather than null.
func cleanCaseView(v enforce.CaseView) enforce.CaseView {
	v.Case = cleanCase(v.Case)
	v.Measures, v.Notices, v.Appeals, v.Actions = nonNil(v.Measures), nonNil(v.Notices), nonNil(v.Appeals), nonNil(v.Actions)
	v.Available = nonNil(v.Available)
	ds := make([]qinglang.Directive, len(v.Directives))
	for i, d := range v.Directives {
		ds[i] = cleanDirective(d)
	}
	v.Directives = ds
	v.Findings = cleanFindings(v.Findings)
	return v
}

func errEnforcementOff() error {
	return qinglang.Errorf(qinglang.EUNAVAILABLE, "执法功能未启用", "enforcement is not configured")
}
