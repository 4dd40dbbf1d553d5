package authz

import (
	"slices"

	"github.com/qinglang/qinglang"
)

// Action is what a request does, named resource.verb.
type Action string

// The actions of the API.
const (
	EventsWrite      Action = "events.write"      // send events (ingest)
	FindingsRead     Action = "findings.read"     // read findings and the live feed
	FindingsReview   Action = "findings.review"   // confirm or dismiss a finding
	CampaignsRead    Action = "campaigns.read"    // read campaigns (accounts, IPs, devices)
	RoomsRead        Action = "rooms.read"        // read rooms, transcripts and comments
	LintUse          Action = "lint.use"          // check a script or a product list
	RulesRead        Action = "rules.read"        // read the rule packs
	RulesReload      Action = "rules.reload"      // reload the rule packs (server-wide)
	RegistryRead     Action = "registry.read"     // read the actor registry
	RegistryWrite    Action = "registry.write"    // import into the actor registry
	SpotchecksRead   Action = "spotchecks.read"   // read spot checks and their effects
	SpotchecksWrite  Action = "spotchecks.write"  // plan spot checks and enter results
	CasesRead        Action = "cases.read"        // read cases
	CasesWrite       Action = "cases.write"       // open, assign, comment, move cases
	MeasuresDecide   Action = "measures.decide"   // approve or reject a proposed measure
	NoticesRead      Action = "notices.read"      // read measure notices
	AppealsFile      Action = "appeals.file"      // file an appeal against a measure
	AppealsReview    Action = "appeals.review"    // decide an appeal
	DirectivesSend   Action = "directives.send"   // send a notice to a platform (regulator)
	DirectivesAnswer Action = "directives.answer" // acknowledge, act on, report on a directive
	DirectivesRead   Action = "directives.read"   // read directives
	ActionsRecord    Action = "actions.record"    // record a regulator's instrument on a case
	DisputesAnswer   Action = "disputes.answer"   // answer a dispute about a measure or a finding
	EvidenceExport   Action = "evidence.export"   // export a case's evidence bundle
	TokensManage     Action = "tokens.manage"     // issue, list, revoke tokens (see CheckToken)
	WebhooksManage   Action = "webhooks.manage"   // register and remove webhooks
	AuditRead        Action = "audit.read"        // read the audit log
	AuditVerify      Action = "audit.verify"      // verify the audit log's hash chain
	PublicRead       Action = "public.read"       // read published cases and results (no token needed)
)

// Actions lists every action, in the order of the permission table.
var Actions = []Action{
	EventsWrite, FindingsRead, FindingsReview, CampaignsRead, RoomsRead, LintUse, RulesRead, RulesReload,
	RegistryRead, RegistryWrite, SpotchecksRead, SpotchecksWrite, CasesRead, CasesWrite, MeasuresDecide,
	NoticesRead, AppealsFile, AppealsReview, DirectivesSend, DirectivesAnswer, DirectivesRead,
	ActionsRecord, DisputesAnswer, EvidenceExport, TokensManage, WebhooksManage, AuditRead, AuditVerify,
	PublicRead,
}

// Known reports whether a is an action.
func (a Action) Known() bool { return slices.Contains(Actions, a) }

// grant is one row of the permission table: which roles may do an action.
type grant struct{ admin, regulator, platform, reviewer, operator bool }

// y and n fill the permission table.
const (
	y = true
	n = false
)

// permissions is the permission table, the one place that says which role
// may do what; its columns are A admin, R regulator, P platform, V reviewer
// and O operator. Scope is Visible's job: y means "on what the role may
// see" (its platform, its rooms, its jurisdiction). The reasons:
//
// Admin may do everything.
//
// Platform (a platform's governance team) may do everything on its
// platform except the regulators' instruments (directives.send,
// actions.record, spotchecks.write) and what acts on the whole server
// (rules.reload, audit.verify). It manages the tokens of its own platform
// only (CheckToken).
//
// Reviewer works the review queue (findings, cases, measures, appeals) and
// reads what that needs; it manages nothing (no tokens, webhooks or
// registry), answers no regulator and exports no evidence.
//
// Regulator reads within its jurisdiction and uses its own instruments
// (directives, actions, spot checks, evidence for its cases, the audit
// log); it never writes a platform's data (no events, reviews, platform
// cases or measures).
//
// Operator (a live-room operator or MCN) lints before going live, reads its
// own rooms with their findings, cases and notices, and appeals. It sends
// no events: they come from the platform's feed, the evidence of record,
// which the operator they are about must not be able to write. It reads
// neither campaigns (they name accounts, IPs and devices and show how
// detection works) nor the registry.
var permissions = map[Action]grant{
	//                 A  R  P  V  O
	EventsWrite:      {y, n, y, n, n},
	FindingsRead:     {y, y, y, y, y},
	FindingsReview:   {y, n, y, y, n},
	CampaignsRead:    {y, y, y, y, n},
	RoomsRead:        {y, y, y, y, y},
	LintUse:          {y, y, y, y, y},
	RulesRead:        {y, y, y, y, y},
	RulesReload:      {y, n, n, n, n},
	RegistryRead:     {y, y, y, y, n},
	RegistryWrite:    {y, n, y, n, n},
	SpotchecksRead:   {y, y, y, y, n},
	SpotchecksWrite:  {y, y, n, n, n},
	CasesRead:        {y, y, y, y, y},
	CasesWrite:       {y, n, y, y, n},
	MeasuresDecide:   {y, n, y, y, n},
	NoticesRead:      {y, y, y, y, y},
	AppealsFile:      {y, n, y, n, y},
	AppealsReview:    {y, n, y, y, n},
	DirectivesSend:   {y, y, n, n, n},
	DirectivesAnswer: {y, n, y, n, n},
	DirectivesRead:   {y, y, y, y, n},
	ActionsRecord:    {y, y, n, n, n},
	DisputesAnswer:   {y, n, y, n, n},
	EvidenceExport:   {y, y, y, n, n},
	TokensManage:     {y, n, y, n, n},
	WebhooksManage:   {y, n, y, n, n},
	AuditRead:        {y, y, y, n, n},
	AuditVerify:      {y, y, n, n, n},
	PublicRead:       {y, y, y, y, y}, // needs no token at all; listed for completeness
}

// Can reports whether p's role may do act, from the permission table
// alone (not whether p may see what act touches: see Check). public.read
// needs no token, so Can allows it to anyone, the zero Principal too.
func Can(p qinglang.Principal, act Action) bool {
	if act == PublicRead {
		return true
	}
	g, ok := permissions[act]
	if !ok {
		return false
	}
	switch p.Role {
	case qinglang.RoleAdmin:
		return g.admin
	case qinglang.RoleRegulator:
		return g.regulator
	case qinglang.RolePlatform:
		return g.platform
	case qinglang.RoleReviewer:
		return g.reviewer
	case qinglang.RoleOperator:
		return g.operator
	}
	return false
}
