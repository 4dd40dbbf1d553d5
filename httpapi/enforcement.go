package httpapi

import (
	"context"
	"io"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/regloop"
	"github.com/qinglang/qinglang/webhook"
)

// Enforcement is the enforcement loop behind the /v1/cases, measures,
// notices, appeals, directives, disputes, tokens, webhooks and audit
// routes, the finding reviews and the public case feed (package enforce's
// Service implements it). Every method that takes a Principal checks it: ENOTFOUND for what
// the principal may not see, EFORBIDDEN for what it may see but not do.
type Enforcement interface {
	Authenticate(ctx context.Context, secret string) (qinglang.Principal, error)
	CreateToken(ctx context.Context, p qinglang.Principal, r enforce.TokenRequest) (enforce.NewToken, error)
	Tokens(ctx context.Context, p qinglang.Principal) ([]authz.Token, error)
	RevokeToken(ctx context.Context, p qinglang.Principal, id string) (authz.Token, error)

	Cases(ctx context.Context, p qinglang.Principal, f enforce.CaseFilter) (enforce.CasePage, error)
	Case(ctx context.Context, p qinglang.Principal, id string) (enforce.CaseView, error)
	ActOnCase(ctx context.Context, p qinglang.Principal, id string, a casework.Action) (qinglang.Case, error)
	ProposeMeasure(ctx context.Context, p qinglang.Principal, caseID string, r enforce.MeasureRequest) (qinglang.Measure, error)
	DecideMeasure(ctx context.Context, p qinglang.Principal, measureID string, d enforce.MeasureDecision) (qinglang.Measure, *qinglang.Notice, error)
	Notice(ctx context.Context, p qinglang.Principal, id string) (qinglang.Notice, error)
	FileAppeal(ctx context.Context, p qinglang.Principal, measureID, grounds string) (qinglang.Appeal, error)
	ReviewAppeal(ctx context.Context, p qinglang.Principal, appealID string, r enforce.AppealReview) (qinglang.Appeal, qinglang.Notice, error)
	ExportEvidence(ctx context.Context, p qinglang.Principal, caseID string, w io.Writer) error
	ReviewFinding(ctx context.Context, p qinglang.Principal, findingID, decision, reason string) (enforce.Review, error)
	Reviews(ctx context.Context, p qinglang.Principal, cursor string, limit int) ([]enforce.Review, string, error)
	PublicCases(ctx context.Context, cursor string, limit int) (enforce.PublicPage, error)
	AuditEntries(ctx context.Context, p qinglang.Principal, object string, after int64, limit int) (enforce.AuditPage, error)
	VerifyAudit(ctx context.Context, anchors ...audit.Head) (audit.Report, error)

	SendDirective(ctx context.Context, p qinglang.Principal, d qinglang.Directive) (qinglang.Directive, error)
	Directives(ctx context.Context, p qinglang.Principal, f enforce.DirectiveFilter) (enforce.DirectivePage, error)
	Directive(ctx context.Context, p qinglang.Principal, id string) (qinglang.Directive, error)
	AnswerDirective(ctx context.Context, p qinglang.Principal, id string, a enforce.DirectiveAnswer) (qinglang.Directive, error)
	RecordAction(ctx context.Context, p qinglang.Principal, caseID string, a qinglang.RegulatoryAction) (qinglang.Case, qinglang.RegulatoryAction, error)
	Dispute(ctx context.Context, p qinglang.Principal, req regloop.DisputeRequest) (regloop.Answer, error)

	CreateWebhook(ctx context.Context, p qinglang.Principal, e webhook.Endpoint) (enforce.NewWebhook, error)
	Webhooks(ctx context.Context, p qinglang.Principal) ([]webhook.Endpoint, error)
	DeleteWebhook(ctx context.Context, p qinglang.Principal, id string) error
	Deliveries(ctx context.Context, p qinglang.Principal, webhookID, cursor string, limit int) ([]webhook.Attempt, string, error)
}
