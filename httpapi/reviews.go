package httpapi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/qinglang/qinglang/enforce"
)

// maxReviewsLimit is the largest page of finding reviews.
const maxReviewsLimit = 1000

// reviewRequest is the body of POST /v1/findings/{id}/review.
type reviewRequest struct {
	Decision string `json:"decision"`
	Reason   string `json:"reason"`
}

// reviewPage answers GET /v1/reviews; Next is absent on the last page.
type reviewPage struct {
	Reviews []enforce.Review `json:"reviews"`
	Next    string           `json:"next,omitempty"`
}

// postFindingReview records a reviewer's decision on a finding (confirm,
// dismiss with a reason, escalate) and answers the review. What it does to
// the finding's cases and points is the enforcement service's
// (enforce.Service.ReviewFinding).
func (s *Server) postFindingReview(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req reviewRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	switch {
	case req.Decision == "":
		s.writeError(w, r, missingOneOf("decision", enforce.ReviewDecisions))
		return
	case !slices.Contains(enforce.ReviewDecisions, req.Decision):
		s.writeError(w, r, mustBeOneOf("decision", req.Decision, enforce.ReviewDecisions))
		return
	case req.Decision == enforce.ReviewDismiss && strings.TrimSpace(req.Reason) == "":
		s.writeError(w, r, fieldError("reason", "驳回发现须说明理由", "dismissing a finding needs a reason"))
		return
	}
	rv, err := enf.ReviewFinding(r.Context(), principalOf(r), r.PathValue("id"), req.Decision, req.Reason)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, cleanReview(rv))
}

// getReviews lists the finding reviews the principal may see, the most
// recently made first.
func (s *Server) getReviews(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor, limit := q.one("cursor"), q.limit("limit", maxReviewsLimit)
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	rvs, next, err := enf.Reviews(r.Context(), principalOf(r), cursor, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := reviewPage{Reviews: make([]enforce.Review, len(rvs)), Next: next}
	for i, rv := range rvs {
		out.Reviews[i] = cleanReview(rv)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// cleanReview makes a review's cases an empty list rather than null.
func cleanReview(rv enforce.Review) enforce.Review {
	rv.Cases = nonNil(rv.Cases)
	return rv
}
