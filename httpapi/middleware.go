package httpapi

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
)

// unmatchedRoute labels requests that matched no route in logs and metrics,
// so that arbitrary paths cannot grow the metric's label set.
const unmatchedRoute = "unmatched"

// recorder remembers the status and size of a response for the logs and the
// metrics. Flushing goes through Unwrap (http.ResponseController).
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

// WriteHeader records the status and passes it on once.
func (rec *recorder) WriteHeader(status int) {
	if rec.wrote {
		return
	}
	rec.status, rec.wrote = status, true
	rec.ResponseWriter.WriteHeader(status)
}

// Write records the size and passes the bytes on.
func (rec *recorder) Write(b []byte) (int, error) {
	if !rec.wrote {
		rec.WriteHeader(http.StatusOK)
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// observe wraps mux with the API's middleware: the route pattern is found
// first (the metric's label, never the raw path), a panic becomes a 500 JSON
// answer, unmatched requests get JSON 404/405 answers, and every request is
// logged and counted once it is done.
func (s *Server) observe(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		_, pattern := mux.Handler(r)
		route := pattern
		if route == "" {
			route = unmatchedRoute
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logger().ErrorContext(r.Context(), "panic in handler",
					slog.String("route", route), slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
				if !rec.wrote {
					s.writeErrorStatus(rec, r, http.StatusInternalServerError, qinglang.EINTERNAL,
						"服务器内部错误，请稍后重试", "internal server error; please try again later")
				} else {
					rec.status = http.StatusInternalServerError
				}
			}
			s.finish(r, route, rec, time.Since(start))
		}()
		if pattern == "" {
			s.noRoute(rec, r, mux)
			return
		}
		mux.ServeHTTP(rec, r)
	})
}

// finish logs a finished request and counts it by route and status.
func (s *Server) finish(r *http.Request, route string, rec *recorder, d time.Duration) {
	status := rec.status
	if !rec.wrote {
		status = http.StatusOK
	}
	s.Metrics.HTTPRequests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	level := slog.LevelInfo
	if status >= http.StatusInternalServerError {
		level = slog.LevelWarn
	}
	s.logger().LogAttrs(r.Context(), level, "http request",
		slog.String("method", r.Method),
		slog.String("route", route),
		slog.String("path", r.URL.Path),
		slog.Int("status", status),
		slog.Duration("duration", d),
		slog.Int64("bytes", rec.bytes))
}

// noRoute answers a request no route matched. The mux decides what it is
// (not found, wrong method, or a redirect to the clean path); 404 and 405
// are answered as JSON errors, anything else is passed through.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request, mux *http.ServeMux) {
	h, _ := mux.Handler(r)
	c := &captured{header: http.Header{}}
	h.ServeHTTP(c, r)
	switch c.status {
	case http.StatusNotFound:
		s.writeErrorStatus(w, r, http.StatusNotFound, qinglang.ENOTFOUND,
			fmt.Sprintf("没有这个地址：%s", r.URL.Path),
			fmt.Sprintf("no such route: %s", r.URL.Path))
	case http.StatusMethodNotAllowed:
		allow := c.header.Get("Allow")
		w.Header().Set("Allow", allow)
		s.writeErrorStatus(w, r, http.StatusMethodNotAllowed, qinglang.EINVALID,
			fmt.Sprintf("%s 不支持方法 %s（可用：%s）", r.URL.Path, r.Method, allow),
			fmt.Sprintf("method %s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, allow))
	default:
		for k, v := range c.header {
			w.Header()[k] = v
		}
		w.WriteHeader(c.status)
		_, _ = w.Write(c.body.Bytes())
	}
}

// captured is a ResponseWriter that keeps what the mux's own fallback
// handlers write, so noRoute can translate it.
type captured struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// Header returns the captured header.
func (c *captured) Header() http.Header { return c.header }

// WriteHeader keeps the first status.
func (c *captured) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}

// Write keeps the body.
func (c *captured) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.body.Write(b)
}
