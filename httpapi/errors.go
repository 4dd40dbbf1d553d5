package httpapi

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/qinglang/qinglang"
)

// errorBody is the one error shape of the API:
// {"error": {"code": ..., "message": ..., "message_en": ...}}.
type errorBody struct {
	Error errorDetail `json:"error"`
}

// errorDetail is the inside of errorBody.
type errorDetail struct {
	Code      qinglang.ErrorCode `json:"code"`
	Message   string             `json:"message"`
	MessageEN string             `json:"message_en"`
	// Problems lists what is wrong with rule packs that POST
	// /v1/rules/reload refused, or with a registry that POST
	// /v1/registry/reload or /v1/registry/import refused; absent
	// otherwise.
	Problems []problemDetail `json:"problems,omitempty"`
}

// problemDetail is one problem of a file read (a rule pack, a registry
// file): where and why.
type problemDetail struct {
	File     string `json:"file"`
	Line     int    `json:"line"`  // 0: the whole file (or a JSON document)
	Field    string `json:"field"` // "": the file or its YAML; a column or a JSON path
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
	// Severity grades a registry issue (error, warning or note; only an
	// error drops the row); absent for rule packs, whose problems are all
	// errors.
	Severity string `json:"severity,omitempty"`
}

// statusOf maps an error code to the HTTP status it answers with. It is the
// only place this mapping lives.
func statusOf(code qinglang.ErrorCode) int {
	switch code {
	case qinglang.EINVALID:
		return http.StatusBadRequest
	case qinglang.ENOTFOUND:
		return http.StatusNotFound
	case qinglang.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case qinglang.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case qinglang.ECONFLICT:
		return http.StatusConflict
	case qinglang.EUNAUTHENTICATED:
		return http.StatusUnauthorized
	case qinglang.EFORBIDDEN:
		return http.StatusForbidden
	case qinglang.ERATELIMITED:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// authRealm is the challenge a 401 answer carries (RFC 6750).
const authRealm = `Bearer realm="qinglang"`

// writeError answers with err in the one error shape, at the status its code
// maps to. Internal errors (and codes this package does not know) are logged
// and answered with a generic message, so no internal text leaks; other
// errors answer with their Chinese and English messages, never with the
// text of the error they wrap. A 401 carries the Bearer challenge
// (WWW-Authenticate); a 429 carries Retry-After, 1 second unless the caller
// set a better one.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := qinglang.Code(err)
	status := statusOf(code)
	var qe *qinglang.Error
	if status == http.StatusInternalServerError || !errors.As(err, &qe) {
		s.logger().ErrorContext(r.Context(), "internal error",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
		s.writeErrorStatus(w, r, http.StatusInternalServerError, qinglang.EINTERNAL,
			"服务器内部错误，请稍后重试", "internal server error; please try again later")
		return
	}
	switch status {
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", authRealm)
	case http.StatusTooManyRequests:
		if w.Header().Get("Retry-After") == "" {
			w.Header().Set("Retry-After", "1")
		}
	}
	if status == http.StatusServiceUnavailable {
		s.logger().WarnContext(r.Context(), "dependency unavailable",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	s.writeErrorStatus(w, r, status, code, qe.Message, qe.MessageEN)
}

// writeErrorStatus answers with an error of the given status, code and
// messages. Only writeError and the 404/405 fallback call it.
func (s *Server) writeErrorStatus(w http.ResponseWriter, r *http.Request, status int, code qinglang.ErrorCode, zh, en string) {
	s.writeJSON(w, r, status, errorBody{Error: errorDetail{Code: code, Message: zh, MessageEN: en}})
}

// writeJSON answers with v encoded as JSON at the given status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.logger().ErrorContext(r.Context(), "encode response",
			slog.String("path", r.URL.Path), slog.Any("err", err))
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"服务器内部错误，请稍后重试","message_en":"internal server error; please try again later"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		s.logger().DebugContext(r.Context(), "write response", slog.Any("err", err))
	}
}
