package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/qinglang/qinglang"
)

// readiness answers GET /readyz when every check passed.
type readiness struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

// versionInfo answers GET /v1/version.
type versionInfo struct {
	Version string `json:"version"`
	Go      string `json:"go"`
}

// getHealthz answers liveness: the process serves requests.
func (s *Server) getHealthz(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
}

// getReadyz runs every readiness check at once, each under a timeout
// (ReadyTimeout), and answers 200 when all pass or 503 naming each failed
// check and why.
func (s *Server) getReadyz(w http.ResponseWriter, r *http.Request) {
	names := make([]string, 0, len(s.Ready))
	for name := range s.Ready {
		names = append(names, name)
	}
	slices.Sort(names)
	results := make([]error, len(names))
	finished := make(chan struct{}, len(names))
	for i, name := range names {
		go func() {
			results[i] = runCheck(r.Context(), s.Ready[name], s.readyWithin())
			finished <- struct{}{}
		}()
	}
	for range names {
		<-finished
	}

	var zh, en []string
	out := readiness{Status: "ok", Checks: map[string]string{}}
	for i, name := range names {
		err := results[i]
		if err == nil {
			out.Checks[name] = "ok"
			continue
		}
		czh, cen := checkMessages(err)
		zh = append(zh, name+"："+czh)
		en = append(en, name+": "+cen)
	}
	if len(zh) > 0 {
		s.writeError(w, r, &qinglang.Error{
			Code:      qinglang.EUNAVAILABLE,
			Message:   "未就绪：" + strings.Join(zh, "；"),
			MessageEN: "not ready: " + strings.Join(en, "; "),
		})
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// runCheck runs one readiness check under timeout and returns its
// error, or a timeout error when the check does not return in time (a check
// that ignores its context does not hold the probe).
func runCheck(ctx context.Context, check func(context.Context) error, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				errc <- fmt.Errorf("check panicked: %v", v)
			}
		}()
		errc <- check(ctx)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return qinglang.Errorf(qinglang.EUNAVAILABLE,
			"检查超时（%s）", "check timed out (%s)", timeout)
	}
}

// checkMessages returns why a check failed, in Chinese and English. A
// readiness answer is for operators, so the cause's text is given.
func checkMessages(err error) (zh, en string) {
	var qe *qinglang.Error
	if errors.As(err, &qe) {
		zh, en = qe.Message, qe.MessageEN
		if qe.Err != nil {
			zh += "：" + qe.Err.Error()
			en += ": " + qe.Err.Error()
		}
		return zh, en
	}
	return err.Error(), err.Error()
}

// getVersion answers the server's version and the Go it was built with.
func (s *Server) getVersion(w http.ResponseWriter, r *http.Request) {
	v := s.Version
	if v == "" {
		v = "dev"
	}
	s.writeJSON(w, r, http.StatusOK, versionInfo{Version: v, Go: runtime.Version()})
}

// getMetrics serves the Prometheus metrics of s.Metrics.Registry.
func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) {
	s.metricsOnce.Do(func() {
		s.metricsHandler = promhttp.HandlerFor(s.Metrics.Registry, promhttp.HandlerOpts{})
	})
	s.metricsHandler.ServeHTTP(w, r)
}
