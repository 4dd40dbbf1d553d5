package httpapi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/regloop"
)

// maxDirectivesLimit is the largest page of directives
// (enforce.DirectiveFilter).
const maxDirectivesLimit = 1000

// directiveSteps are the steps of a platform's answer to a directive.
var directiveSteps = []enforce.DirectiveStep{enforce.StepAcknowledge, enforce.StepAct, enforce.StepReport}

// directiveRequest is the body of POST /v1/directives: a regulator's notice
// to a platform, its deadline an RFC 3339 time.
type directiveRequest struct {
	Kind     qinglang.DirectiveKind `json:"kind"`
	Region   string                 `json:"region"`
	Platform string                 `json:"platform"`
	CaseID   string                 `json:"case_id"`
	Text     string                 `json:"text"`
	TextEN   string                 `json:"text_en"`
	Deadline string                 `json:"deadline"`
}

// disputeAnswer answers POST /v1/disputes: the answer and its text in
// Chinese and English, ready to send to the consumer.
type disputeAnswer struct {
	regloop.Answer
	Text   string `json:"text"`
	TextEN string `json:"text_en"`
}

// postDirective sends a regulator's notice to a platform and answers it,
// 201.
func (s *Server) postDirective(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req directiveRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case req.Kind == "":
		s.writeError(w, r, missingOneOf("kind", regloop.DirectiveKinds))
		return
	case !slices.Contains(regloop.DirectiveKinds, req.Kind):
		s.writeError(w, r, mustBeOneOf("kind", req.Kind, regloop.DirectiveKinds))
		return
	case req.Deadline == "":
		s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID, "缺少字段 deadline（RFC 3339 时间，例如 2026-03-01T18:00:00+08:00）",
			"missing field deadline (an RFC 3339 time, for example 2026-03-01T18:00:00+08:00)"))
		return
	}
	deadline, err := bodyTime("deadline", req.Deadline)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := enf.SendDirective(r.Context(), principalOf(r), qinglang.Directive{Kind: req.Kind, Region: req.Region,
		Platform: req.Platform, CaseID: req.CaseID, Text: req.Text, TextEN: req.TextEN, Deadline: deadline})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, cleanDirective(d))
}

// getDirectives lists the directives the principal may see, the most
// recently changed first, filtered by the query.
func (s *Server) getDirectives(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := enforce.DirectiveFilter{
		Platform: q.id("platform"),
		States:   q.directiveStates("state"),
		Overdue:  q.boolean("overdue"),
		Cursor:   q.one("cursor"),
		Limit:    q.limit("limit", maxDirectivesLimit),
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := enf.Directives(r.Context(), principalOf(r), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := enforce.DirectivePage{Directives: make([]qinglang.Directive, len(page.Directives)), Next: page.Next}
	for i, d := range page.Directives {
		out.Directives[i] = cleanDirective(d)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// directiveStates returns directive states given as a repeated parameter,
// a comma list or both, without duplicates; nil (every state) when none is
// given.
func (q *query) directiveStates(name string) []qinglang.DirectiveState {
	var out []qinglang.DirectiveState
	for _, v := range q.values[name] {
		for part := range strings.SplitSeq(v, ",") {
			st := qinglang.DirectiveState(strings.TrimSpace(part))
			if st == "" {
				continue
			}
			if !slices.Contains(regloop.DirectiveStates, st) {
				zh, en := oneOf(regloop.DirectiveStates)
				q.fail(name, part, "必须是 "+zh+" 之一", "must be one of "+en)
				return nil
			}
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// getDirective answers one directive.
func (s *Server) getDirective(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	d, err := enf.Directive(r.Context(), principalOf(r), r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanDirective(d))
}

// postDirectiveAnswer records one step of a platform's answer to a
// directive (acknowledge, act, report) and answers the directive after it.
func (s *Server) postDirectiveAnswer(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var a enforce.DirectiveAnswer
	if err := readJSON(w, r, &a); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case a.Step == "":
		s.writeError(w, r, missingOneOf("step", directiveSteps))
		return
	case !slices.Contains(directiveSteps, a.Step):
		s.writeError(w, r, mustBeOneOf("step", a.Step, directiveSteps))
		return
	}
	d, err := enf.AnswerDirective(r.Context(), principalOf(r), r.PathValue("id"), a)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanDirective(d))
}

// postDispute answers a consumer's request, in a dispute, for the details
// of a room's operator and host and the consumer's own orders there (Order
// 117 art. 18), with the answer's text in Chinese and English.
func (s *Server) postDispute(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req regloop.DisputeRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := enf.Dispute(r.Context(), principalOf(r), req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	a.Orders = nonNil(a.Orders)
	out := disputeAnswer{Answer: a}
	out.Text, out.TextEN = a.Text()
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, r, http.StatusOK, out)
}
