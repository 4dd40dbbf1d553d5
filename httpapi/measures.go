package httpapi

import (
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/notice"
)

// measureDecided answers POST /v1/measures/{id}/decision: the measure
// decided and, when it was approved, the notice issued to its subject.
type measureDecided struct {
	Measure qinglang.Measure `json:"measure"`
	Notice  *qinglang.Notice `json:"notice,omitempty"`
}

// measureDecisionRequest is the body of POST /v1/measures/{id}/decision
// (enforce.MeasureDecision). Approve is required: a missing one must not
// read as a rejection.
type measureDecisionRequest struct {
	Approve *bool  `json:"approve"`
	Reason  string `json:"reason"`
}

// appealReviewRequest is the body of POST /v1/appeals/{id}/review
// (enforce.AppealReview). Upheld is required: a missing one must not read
// as overturning the measure.
type appealReviewRequest struct {
	Upheld  *bool  `json:"upheld"`
	Outcome string `json:"outcome"`
}

// appealRequest is the body of POST /v1/measures/{id}/appeals.
type appealRequest struct {
	Grounds string `json:"grounds"`
}

// appealReviewed answers POST /v1/appeals/{id}/review: the appeal reviewed
// and the notice of its result.
type appealReviewed struct {
	Appeal qinglang.Appeal `json:"appeal"`
	Notice qinglang.Notice `json:"notice"`
}

// postMeasureDecision approves or rejects a proposed measure.
func (s *Server) postMeasureDecision(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req measureDecisionRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Approve == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID, "缺少字段 approve（true 批准，false 驳回）",
			"missing field approve (true approves, false rejects)"))
		return
	}
	m, n, err := enf.DecideMeasure(r.Context(), principalOf(r), r.PathValue("id"),
		enforce.MeasureDecision{Approve: *req.Approve, Reason: req.Reason})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, measureDecided{Measure: m, Notice: n})
}

// postMeasureAppeal files an appeal against a measure and answers it, 201.
func (s *Server) postMeasureAppeal(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req appealRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := enf.FileAppeal(r.Context(), principalOf(r), r.PathValue("id"), req.Grounds)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, a)
}

// postAppealReview reviews an appeal: upheld (the measure stands) or
// overturned (it is revoked).
func (s *Server) postAppealReview(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req appealReviewRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Upheld == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID, "缺少字段 upheld（true 维持措施，false 撤销措施）",
			"missing field upheld (true upholds the measure, false overturns it)"))
		return
	}
	a, n, err := enf.ReviewAppeal(r.Context(), principalOf(r), r.PathValue("id"),
		enforce.AppealReview{Upheld: *req.Upheld, Outcome: req.Outcome})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, appealReviewed{Appeal: a, Notice: n})
}

// getNotice answers a notice to a subject: as JSON (format=json, the
// default; times in Asia/Shanghai, notice.JSON) or as text (format=text) in
// Chinese (lang=zh, the default) or English (lang=en).
func (s *Server) getNotice(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	format := q.choice("format", "json", "json", "text")
	lang := q.choice("lang", "zh", "zh", "en")
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	n, err := enf.Notice(r.Context(), principalOf(r), r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if format == "json" {
		b, err := notice.JSON(n)
		if err != nil {
			s.writeError(w, r, qinglang.Wrap(qinglang.EINTERNAL, err, "通知编码失败", "encoding the notice failed"))
			return
		}
		s.writeFile(w, r, "application/json; charset=utf-8", "", append(b, '\n'))
		return
	}
	text := notice.Text(n)
	if lang == "en" {
		text = notice.TextEN(n)
	}
	s.writeFile(w, r, "text/plain; charset=utf-8", "", []byte(text))
}
