package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/lint"
	"github.com/qinglang/qinglang/rules"
)

// MaxLintBytes is the largest body POST /v1/lint reads.
const MaxLintBytes = 1 << 20

// lintResult answers POST /v1/lint.
type lintResult struct {
	Findings []lint.Finding `json:"findings"`
	// High is true when a finding is of severity high or critical.
	High bool `json:"high"`
}

// postLint checks a script or a product list against the rules in use.
func (s *Server) postLint(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.LintUse) {
		return
	}
	if s.Lint == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EUNAVAILABLE, "自查未启用", "lint is not configured"))
		return
	}
	req, err := readLintRequest(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items, err := req.Items()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	found, err := s.Lint(r.Context(), items)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if found == nil {
		found = []lint.Finding{}
	}
	s.writeJSON(w, r, http.StatusOK, lintResult{Findings: found, High: lint.High(found)})
}

// readLintRequest reads one JSON object, strictly (no unknown keys, nothing
// after it), under MaxLintBytes.
func readLintRequest(w http.ResponseWriter, r *http.Request) (lint.Request, error) {
	var req lint.Request
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return req, qinglang.Errorf(qinglang.EINVALID, "不支持的 Content-Type %q：请用 application/json",
				"unsupported Content-Type %q: use application/json", ct)
		}
	}
	if r.ContentLength > MaxLintBytes {
		return req, errLintTooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxLintBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return req, errLintTooLarge()
		}
		return req, qinglang.Errorf(qinglang.EINVALID, "读取请求体失败：%v", "could not read the request body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, qinglang.Errorf(qinglang.EINVALID,
			"请求体应为 JSON 对象 {text, category} 或 {products}：%v",
			"the body must be a JSON object {text, category} or {products}: %v", err)
	}
	if dec.More() {
		return req, qinglang.Errorf(qinglang.EINVALID, "JSON 对象之后还有内容", "unexpected data after the JSON object")
	}
	return req, nil
}

func errLintTooLarge() error {
	return qinglang.Errorf(qinglang.ETOOLARGE, "请求体超过上限 %d 字节（%s）；请分段自查",
		"the request body is over the limit of %d bytes (%s); check it in parts", MaxLintBytes, byteSize(MaxLintBytes))
}

// ruleView is a rule as GET /v1/rules shows it.
type ruleView struct {
	ID         string              `json:"id"`
	Kind       qinglang.Kind       `json:"kind"`
	ClaimType  rules.ClaimType     `json:"claim_type"`
	Severity   qinglang.Severity   `json:"severity"`
	Categories []qinglang.Category `json:"categories"` // empty: every category
	Basis      string              `json:"basis"`
	BasisEN    string              `json:"basis_en"`
	Message    string              `json:"message"`
	MessageEN  string              `json:"message_en"`
	Rewrite    string              `json:"rewrite,omitempty"`
	RewriteEN  string              `json:"rewrite_en,omitempty"`
	File       string              `json:"file"`
	Line       int                 `json:"line"`
}

// rulesList answers GET /v1/rules.
type rulesList struct {
	Rules []ruleView `json:"rules"`
	Packs []string   `json:"packs"`
}

// rulesReloaded answers POST /v1/rules/reload.
type rulesReloaded struct {
	Rules int      `json:"rules"`
	Packs []string `json:"packs"`
}

// getRules lists the rules in use.
func (s *Server) getRules(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.RulesRead) {
		return
	}
	if s.Rules == nil {
		s.writeError(w, r, errRulesOff())
		return
	}
	set := s.Rules()
	out := rulesList{Rules: make([]ruleView, 0, len(set.Rules)), Packs: nonNil(set.Packs)}
	for _, ru := range set.Rules {
		out.Rules = append(out.Rules, ruleView{
			ID: ru.ID, Kind: ru.Kind, ClaimType: ru.ClaimType, Severity: ru.Severity,
			Categories: nonNil(ru.Categories), Basis: ru.Basis, BasisEN: ru.BasisEN,
			Message: ru.Message, MessageEN: ru.MessageEN, Rewrite: ru.Rewrite, RewriteEN: ru.RewriteEN,
			File: set.File(ru.ID), Line: ru.Line,
		})
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// postRulesReload reloads the rule packs (server-wide: an admin's). Invalid
// packs answer 400 listing every problem, and the rules in use stay.
func (s *Server) postRulesReload(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.RulesReload) {
		return
	}
	if s.ReloadRules == nil {
		s.writeError(w, r, errRulesOff())
		return
	}
	set, err := s.ReloadRules(r.Context())
	var ps rules.Problems
	switch {
	case errors.As(err, &ps):
		s.logger().WarnContext(r.Context(), "rule reload refused", "problems", len(ps))
		d := errorDetail{Code: qinglang.EINVALID,
			Message:   fmt.Sprintf("规则包无效，仍使用原有规则（%d 个问题）", len(ps)),
			MessageEN: fmt.Sprintf("invalid rule packs; the rules in use stay (%d problems)", len(ps)),
			Problems:  make([]problemDetail, len(ps))}
		for i, p := range ps {
			d.Problems[i] = problemDetail{File: p.File, Line: p.Line, Field: p.Field, Reason: p.Reason, ReasonEN: p.ReasonEN}
		}
		s.writeJSON(w, r, http.StatusBadRequest, errorBody{Error: d})
	case err != nil:
		s.writeError(w, r, err)
	default:
		s.logger().InfoContext(r.Context(), "rules reloaded", "rules", len(set.Rules), "packs", set.Packs)
		s.writeJSON(w, r, http.StatusOK, rulesReloaded{Rules: len(set.Rules), Packs: nonNil(set.Packs)})
	}
}

func errRulesOff() error {
	return qinglang.Errorf(qinglang.EUNAVAILABLE, "规则管理未启用", "rule management is not configured")
}

// nonNil makes a nil slice an empty one, so that it encodes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
