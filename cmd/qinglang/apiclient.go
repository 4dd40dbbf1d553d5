package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

// apiProblem is one problem in an API error or answer.
type apiProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Field    string `json:"field"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
	Severity string `json:"severity"`
}

func (p apiProblem) String() string {
	where := p.File
	if p.Line > 0 {
		where += fmt.Sprintf(":%d", p.Line)
	}
	if p.Field != "" {
		where += ": " + p.Field
	}
	sev := p.Severity
	if sev == "" {
		sev = "error"
	}
	return fmt.Sprintf("%s: %s：%s / %s", strings.TrimPrefix(where, ": "), sev, p.Reason, p.ReasonEN)
}

// apiError is the API's error shape.
type apiError struct {
	Error struct {
		Code      string       `json:"code"`
		Message   string       `json:"message"`
		MessageEN string       `json:"message_en"`
		Problems  []apiProblem `json:"problems"`
	} `json:"error"`
}

// callAPI sends a request to a running server and decodes a 2xx JSON
// answer into out. Any other answer is an error carrying the server's
// message; its problems are written to errw. A server that cannot be
// reached is a failure (exit 3), a refused request bad input (exit 2).
func callAPI(ctx context.Context, errw io.Writer, method, base, path, contentType string, body []byte, out any) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	url := strings.TrimRight(base, "/") + path
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return usageError("服务地址无效 %q / bad server URL %q", base, base)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if tok := os.Getenv("QINGLANG_TOKEN"); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("无法连接服务 %s / cannot reach the server %s: %w", base, base, err)}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("读取应答失败 / reading the answer failed: %w", err)}
	}
	if resp.StatusCode/100 != 2 {
		var e apiError
		if json.Unmarshal(data, &e) != nil || e.Error.Message == "" {
			return &exitError{code: exitFailure, err: fmt.Errorf("服务应答 %s / the server answered %s", resp.Status, resp.Status)}
		}
		for _, p := range e.Error.Problems {
			fmt.Fprintln(errw, p)
		}
		code := exitFailure
		if resp.StatusCode/100 == 4 {
			code = exitBadInput
		}
		return &exitError{code: code, err: fmt.Errorf("%s / %s", e.Error.Message, e.Error.MessageEN)}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("应答无法解读 / the answer cannot be read: %w", err)}
	}
	return nil
}

// serverFlag binds --server (a running `qinglang serve`).
func serverFlag(fs interface {
	StringVar(*string, string, string, string)
}, p *string, doc string) {
	fs.StringVar(p, "server", env("QINGLANG_SERVER", ""), doc+" [QINGLANG_SERVER]")
}
