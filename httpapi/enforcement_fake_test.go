package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/regloop"
	"github.com/qinglang/qinglang/webhook"
)

// fakeEnforcement is an Enforcement made of function fields. A method
// whose field is nil answers Err, or errUnexpected (a 500) when Err is nil
// too. Every call is recorded by method name in order.
type fakeEnforcement struct {
	Err error

	AuthenticateFn func(ctx context.Context, secret string) (qinglang.Principal, error)
	CreateTokenFn  func(ctx context.Context, p qinglang.Principal, r enforce.TokenRequest) (enforce.NewToken, error)
	TokensFn       func(ctx context.Context, p qinglang.Principal) ([]authz.Token, error)
	RevokeTokenFn  func(ctx context.Context, p qinglang.Principal, id string) (authz.Token, error)

	CasesFn          func(ctx context.Context, p qinglang.Principal, f enforce.CaseFilter) (enforce.CasePage, error)
	CaseFn           func(ctx context.Context, p qinglang.Principal, id string) (enforce.CaseView, error)
	ActOnCaseFn      func(ctx context.Context, p qinglang.Principal, id string, a casework.Action) (qinglang.Case, error)
	ProposeMeasureFn func(ctx context.Context, p qinglang.Principal, caseID string, r enforce.MeasureRequest) (qinglang.Measure, error)
	DecideMeasureFn  func(ctx context.Context, p qinglang.Principal, measureID string, d enforce.MeasureDecision) (qinglang.Measure, *qinglang.Notice, error)
	NoticeFn         func(ctx context.Context, p qinglang.Principal, id string) (qinglang.Notice, error)
	FileAppealFn     func(ctx context.Context, p qinglang.Principal, measureID, grounds string) (qinglang.Appeal, error)
	ReviewAppealFn   func(ctx context.Context, p qinglang.Principal, appealID string, r enforce.AppealReview) (qinglang.Appeal, qinglang.Notice, error)
	ExportEvidenceFn func(ctx context.Context, p qinglang.Principal, caseID string, w io.Writer) error
	ReviewFindingFn  func(ctx context.Context, p qinglang.Principal, findingID, decision, reason string) (enforce.Review, error)
	ReviewsFn        func(ctx context.Context, p qinglang.Principal, cursor string, limit int) ([]enforce.Review, string, error)
	PublicCasesFn    func(ctx context.Context, cursor string, limit int) (enforce.PublicPage, error)
	AuditEntriesFn   func(ctx context.Context, p qinglang.Principal, object string, after int64, limit int) (enforce.AuditPage, error)
	VerifyAuditFn    func(ctx context.Context, anchors ...audit.Head) (audit.Report, error)

	SendDirectiveFn   func(ctx context.Context, p qinglang.Principal, d qinglang.Directive) (qinglang.Directive, error)
	DirectivesFn      func(ctx context.Context, p qinglang.Principal, f enforce.DirectiveFilter) (enforce.DirectivePage, error)
	DirectiveFn       func(ctx context.Context, p qinglang.Principal, id string) (qinglang.Directive, error)
	AnswerDirectiveFn func(ctx context.Context, p qinglang.Principal, id string, a enforce.DirectiveAnswer) (qinglang.Directive, error)
	RecordActionFn    func(ctx context.Context, p qinglang.Principal, caseID string, a qinglang.RegulatoryAction) (qinglang.Case, qinglang.RegulatoryAction, error)
	DisputeFn         func(ctx context.Context, p qinglang.Principal, req regloop.DisputeRequest) (regloop.Answer, error)

	CreateWebhookFn func(ctx context.Context, p qinglang.Principal, e webhook.Endpoint) (enforce.NewWebhook, error)
	WebhooksFn      func(ctx context.Context, p qinglang.Principal) ([]webhook.Endpoint, error)
	DeleteWebhookFn func(ctx context.Context, p qinglang.Principal, id string) error
	DeliveriesFn    func(ctx context.Context, p qinglang.Principal, webhookID, cursor string, limit int) ([]webhook.Attempt, string, error)

	mu    sync.Mutex
	calls []string
}

// The fake and the real service both implement Enforcement.
var (
	_ Enforcement = (*fakeEnforcement)(nil)
	_ Enforcement = (*enforce.Service)(nil)
)

// call records a call and returns the error of a method without a
// function.
func (f *fakeEnforcement) call(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, name)
	if f.Err != nil {
		return f.Err
	}
	return errUnexpected
}

// Calls returns the names of the methods called, in order.
func (f *fakeEnforcement) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func (f *fakeEnforcement) Authenticate(ctx context.Context, secret string) (qinglang.Principal, error) {
	err := f.call("Authenticate")
	if f.AuthenticateFn == nil {
		return qinglang.Principal{}, err
	}
	return f.AuthenticateFn(ctx, secret)
}

func (f *fakeEnforcement) CreateToken(ctx context.Context, p qinglang.Principal, r enforce.TokenRequest) (enforce.NewToken, error) {
	err := f.call("CreateToken")
	if f.CreateTokenFn == nil {
		return enforce.NewToken{}, err
	}
	return f.CreateTokenFn(ctx, p, r)
}

func (f *fakeEnforcement) Tokens(ctx context.Context, p qinglang.Principal) ([]authz.Token, error) {
	err := f.call("Tokens")
	if f.TokensFn == nil {
		return nil, err
	}
	return f.TokensFn(ctx, p)
}

func (f *fakeEnforcement) RevokeToken(ctx context.Context, p qinglang.Principal, id string) (authz.Token, error) {
	err := f.call("RevokeToken")
	if f.RevokeTokenFn == nil {
		return authz.Token{}, err
	}
	return f.RevokeTokenFn(ctx, p, id)
}

func (f *fakeEnforcement) Cases(ctx context.Context, p qinglang.Principal, flt enforce.CaseFilter) (enforce.CasePage, error) {
	err := f.call("Cases")
	if f.CasesFn == nil {
		return enforce.CasePage{}, err
	}
	return f.CasesFn(ctx, p, flt)
}

func (f *fakeEnforcement) Case(ctx context.Context, p qinglang.Principal, id string) (enforce.CaseView, error) {
	err := f.call("Case")
	if f.CaseFn == nil {
		return enforce.CaseView{}, err
	}
	return f.CaseFn(ctx, p, id)
}

func (f *fakeEnforcement) ActOnCase(ctx context.Context, p qinglang.Principal, id string, a casework.Action) (qinglang.Case, error) {
	err := f.call("ActOnCase")
	if f.ActOnCaseFn == nil {
		return qinglang.Case{}, err
	}
	return f.ActOnCaseFn(ctx, p, id, a)
}

func (f *fakeEnforcement) ProposeMeasure(ctx context.Context, p qinglang.Principal, caseID string, r enforce.MeasureRequest) (qinglang.Measure, error) {
	err := f.call("ProposeMeasure")
	if f.ProposeMeasureFn == nil {
		return qinglang.Measure{}, err
	}
	return f.ProposeMeasureFn(ctx, p, caseID, r)
}

func (f *fakeEnforcement) DecideMeasure(ctx context.Context, p qinglang.Principal, measureID string, d enforce.MeasureDecision) (qinglang.Measure, *qinglang.Notice, error) {
	err := f.call("DecideMeasure")
	if f.DecideMeasureFn == nil {
		return qinglang.Measure{}, nil, err
	}
	return f.DecideMeasureFn(ctx, p, measureID, d)
}

func (f *fakeEnforcement) Notice(ctx context.Context, p qinglang.Principal, id string) (qinglang.Notice, error) {
	err := f.call("Notice")
	if f.NoticeFn == nil {
		return qinglang.Notice{}, err
	}
	return f.NoticeFn(ctx, p, id)
}

func (f *fakeEnforcement) FileAppeal(ctx context.Context, p qinglang.Principal, measureID, grounds string) (qinglang.Appeal, error) {
	err := f.call("FileAppeal")
	if f.FileAppealFn == nil {
		return qinglang.Appeal{}, err
	}
	return f.FileAppealFn(ctx, p, measureID, grounds)
}

func (f *fakeEnforcement) ReviewAppeal(ctx context.Context, p qinglang.Principal, appealID string, r enforce.AppealReview) (qinglang.Appeal, qinglang.Notice, error) {
	err := f.call("ReviewAppeal")
	if f.ReviewAppealFn == nil {
		return qinglang.Appeal{}, qinglang.Notice{}, err
	}
	return f.ReviewAppealFn(ctx, p, appealID, r)
}

func (f *fakeEnforcement) ExportEvidence(ctx context.Context, p qinglang.Principal, caseID string, w io.Writer) error {
	err := f.call("ExportEvidence")
	if f.ExportEvidenceFn == nil {
		return err
	}
	return f.ExportEvidenceFn(ctx, p, caseID, w)
}

func (f *fakeEnforcement) ReviewFinding(ctx context.Context, p qinglang.Principal, findingID, decision, reason string) (enforce.Review, error) {
	err := f.call("ReviewFinding")
	if f.ReviewFindingFn == nil {
		return enforce.Review{}, err
	}
	return f.ReviewFindingFn(ctx, p, findingID, decision, reason)
}

func (f *fakeEnforcement) Reviews(ctx context.Context, p qinglang.Principal, cursor string, limit int) ([]enforce.Review, string, error) {
	err := f.call("Reviews")
	if f.ReviewsFn == nil {
		return nil, "", err
	}
	return f.ReviewsFn(ctx, p, cursor, limit)
}

func (f *fakeEnforcement) PublicCases(ctx context.Context, cursor string, limit int) (enforce.PublicPage, error) {
	err := f.call("PublicCases")
	if f.PublicCasesFn == nil {
		return enforce.PublicPage{}, err
	}
	return f.PublicCasesFn(ctx, cursor, limit)
}

func (f *fakeEnforcement) AuditEntries(ctx context.Context, p qinglang.Principal, object string, after int64, limit int) (enforce.AuditPage, error) {
	err := f.call("AuditEntries")
	if f.AuditEntriesFn == nil {
		return enforce.AuditPage{}, err
	}
	return f.AuditEntriesFn(ctx, p, object, after, limit)
}

func (f *fakeEnforcement) VerifyAudit(ctx context.Context, anchors ...audit.Head) (audit.Report, error) {
	err := f.call("VerifyAudit")
	if f.VerifyAuditFn == nil {
		return audit.Report{}, err
	}
	return f.VerifyAuditFn(ctx, anchors...)
}

func (f *fakeEnforcement) SendDirective(ctx context.Context, p qinglang.Principal, d qinglang.Directive) (qinglang.Directive, error) {
	err := f.call("SendDirective")
	if f.SendDirectiveFn == nil {
		return qinglang.Directive{}, err
	}
	return f.SendDirectiveFn(ctx, p, d)
}

func (f *fakeEnforcement) Directives(ctx context.Context, p qinglang.Principal, flt enforce.DirectiveFilter) (enforce.DirectivePage, error) {
	err := f.call("Directives")
	if f.DirectivesFn == nil {
		return enforce.DirectivePage{}, err
	}
	return f.DirectivesFn(ctx, p, flt)
}

func (f *fakeEnforcement) Directive(ctx context.Context, p qinglang.Principal, id string) (qinglang.Directive, error) {
	err := f.call("Directive")
	if f.DirectiveFn == nil {
		return qinglang.Directive{}, err
	}
	return f.DirectiveFn(ctx, p, id)
}

func (f *fakeEnforcement) AnswerDirective(ctx context.Context, p qinglang.Principal, id string, a enforce.DirectiveAnswer) (qinglang.Directive, error) {
	err := f.call("AnswerDirective")
	if f.AnswerDirectiveFn == nil {
		return qinglang.Directive{}, err
	}
	return f.AnswerDirectiveFn(ctx, p, id, a)
}

func (f *fakeEnforcement) RecordAction(ctx context.Context, p qinglang.Principal, caseID string, a qinglang.RegulatoryAction) (qinglang.Case, qinglang.RegulatoryAction, error) {
	err := f.call("RecordAction")
	if f.RecordActionFn == nil {
		return qinglang.Case{}, qinglang.RegulatoryAction{}, err
	}
	return f.RecordActionFn(ctx, p, caseID, a)
}

func (f *fakeEnforcement) Dispute(ctx context.Context, p qinglang.Principal, req regloop.DisputeRequest) (regloop.Answer, error) {
	err := f.call("Dispute")
	if f.DisputeFn == nil {
		return regloop.Answer{}, err
	}
	return f.DisputeFn(ctx, p, req)
}

func (f *fakeEnforcement) CreateWebhook(ctx context.Context, p qinglang.Principal, e webhook.Endpoint) (enforce.NewWebhook, error) {
	err := f.call("CreateWebhook")
	if f.CreateWebhookFn == nil {
		return enforce.NewWebhook{}, err
	}
	return f.CreateWebhookFn(ctx, p, e)
}

func (f *fakeEnforcement) Webhooks(ctx context.Context, p qinglang.Principal) ([]webhook.Endpoint, error) {
	err := f.call("Webhooks")
	if f.WebhooksFn == nil {
		return nil, err
	}
	return f.WebhooksFn(ctx, p)
}

func (f *fakeEnforcement) DeleteWebhook(ctx context.Context, p qinglang.Principal, id string) error {
	err := f.call("DeleteWebhook")
	if f.DeleteWebhookFn == nil {
		return err
	}
	return f.DeleteWebhookFn(ctx, p, id)
}

func (f *fakeEnforcement) Deliveries(ctx context.Context, p qinglang.Principal, webhookID, cursor string, limit int) ([]webhook.Attempt, string, error) {
	err := f.call("Deliveries")
	if f.DeliveriesFn == nil {
		return nil, "", err
	}
	return f.DeliveriesFn(ctx, p, webhookID, cursor, limit)
}

// enforcing returns a server whose enforcement service is f.
func enforcing(f *fakeEnforcement) *Server {
	s := newServer(nil)
	s.Enforcement = f
	return s
}

// serveAs is serve for a request made by principal p (as the
// authentication middleware will set it).
func serveAs(t *testing.T, s *Server, p qinglang.Principal, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	req = req.WithContext(withPrincipal(req.Context(), p))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	checkAgainstDoc(t, req, rec.Code, rec.Header(), rec.Body.Bytes())
	return rec
}

// jsonBody is a JSON request body.
func jsonBody(s string) io.Reader { return strings.NewReader(s) }

// postJSON serves a POST with a JSON body.
func postJSON(t *testing.T, s *Server, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	return serve(t, s, http.MethodPost, target, jsonBody(body), "Content-Type", "application/json")
}
