package casework

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var (
	cst = time.FixedZone("CST", 8*3600)
	t0  = time.Date(2025, 9, 23, 10, 0, 0, 0, cst)

	admin     = qinglang.Principal{Name: "admin1", Role: qinglang.RoleAdmin, TokenID: "tok_admin"}
	reviewer  = qinglang.Principal{Name: "li", Role: qinglang.RoleReviewer, Platform: "p1", TokenID: "tok_li"}
	platform  = qinglang.Principal{Name: "gov-team", Role: qinglang.RolePlatform, Platform: "p1"}
	regulator = qinglang.Principal{Name: "sh-samr", Role: qinglang.RoleRegulator, Region: "310000"}
	operator  = qinglang.Principal{Name: "op1", Role: qinglang.RoleOperator, Platform: "p1", Rooms: []string{"r1"}}
)

// caseIn returns a case in state s, in region 310000, not published, not
// on hold, not supervised, shared with nobody.
func caseIn(s qinglang.CaseState) qinglang.Case {
	return qinglang.Case{
		ID:       "case_0123456789abcdef",
		Subject:  qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"},
		State:    s,
		Title:    "主播 h1：虚假宣传",
		TitleEN:  "Host h1: false claims",
		Findings: []string{"f_1"},
		Rooms:    []string{"r1"},
		Region:   "310000",
		OpenedAt: t0.Add(-24 * time.Hour),
	}
}

// validAction returns an action of kind k whose fields are valid and
// that changes caseIn's case.
func validAction(k ActionKind) Action {
	a := Action{Kind: k}
	switch k {
	case ActAssign:
		a.Assignee, a.DueAt = "wang", t0.Add(72*time.Hour)
	case ActPropose:
		a.MeasureID = "m_1"
	case ActDecide:
		a.MeasureID, a.Approve = "m_1", true
	case ActNotify:
		a.NoticeID = "n_1"
	case ActAppeal:
		a.AppealID = "a_1"
	case ActReviewAppeal:
		a.AppealID, a.DecidedBy, a.Outcome = "a_1", "someone-else", qinglang.AppealUpheld
	case ActClose:
		a.Reason = "证据不足 / not enough evidence"
	case ActReopen:
		a.Reason = "新证据 / new evidence"
	case ActComment:
		a.Text = "请补充回放截图"
	case ActLegalHold:
		a.Hold = true
	case ActSetRegion:
		a.Region = "310100"
	case ActEscalate:
		a.Region = "320000"
	case ActShare:
		a.Region = "440300"
	}
	return a
}

// The machine as the brief states it, written out again so that the test
// does not read the table it tests. legal[k] lists the states k may be
// taken in; to[k] the state it leads to ("" for unchanged).
var (
	allStates = qinglang.CaseStates
	working   = []qinglang.CaseState{qinglang.CaseOpen, qinglang.CaseInReview, qinglang.CaseMeasureProposed,
		qinglang.CaseDecided, qinglang.CaseNotified, qinglang.CaseAppealed, qinglang.CaseReviewed}
	legal = map[ActionKind][]qinglang.CaseState{
		ActAssign:       working,
		ActStartReview:  {qinglang.CaseOpen},
		ActPropose:      {qinglang.CaseOpen, qinglang.CaseInReview},
		ActDecide:       {qinglang.CaseMeasureProposed},
		ActNotify:       {qinglang.CaseDecided},
		ActAppeal:       {qinglang.CaseNotified},
		ActReviewAppeal: {qinglang.CaseAppealed},
		ActClose: {qinglang.CaseOpen, qinglang.CaseInReview, qinglang.CaseMeasureProposed,
			qinglang.CaseNotified, qinglang.CaseReviewed},
		ActReopen:    {qinglang.CaseClosed},
		ActComment:   allStates,
		ActPublish:   allStates,
		ActUnpublish: allStates,
		ActLegalHold: allStates,
		ActSetRegion: allStates,
		ActEscalate:  working,
		ActSupervise: working,
		ActShare:     allStates,
	}
	to = map[ActionKind]qinglang.CaseState{
		ActStartReview:  qinglang.CaseInReview,
		ActPropose:      qinglang.CaseMeasureProposed,
		ActDecide:       qinglang.CaseDecided,
		ActNotify:       qinglang.CaseNotified,
		ActAppeal:       qinglang.CaseAppealed,
		ActReviewAppeal: qinglang.CaseReviewed,
		ActClose:        qinglang.CaseClosed,
		ActReopen:       qinglang.CaseOpen,
	}
)

func wantCode(t *testing.T, err error, want qinglang.ErrorCode) {
	t.Helper()
	if got := qinglang.Code(err); got != want {
		t.Fatalf("error code = %q, want %q (error: %v)", got, want, err)
	}
}

// TestEveryStateAndAction applies every action in every state.
func TestEveryStateAndAction(t *testing.T) {
	for _, k := range ActionKinds {
		for _, s := range qinglang.CaseStates {
			t.Run(string(k)+"/"+string(s), func(t *testing.T) {
				c := caseIn(s)
				if k == ActUnpublish {
					c.Published = true
				}
				got, ch, err := Apply(c, validAction(k), admin, t0)
				if !slices.Contains(legal[k], s) {
					wantCode(t, err, qinglang.ECONFLICT)
					var e *qinglang.Error
					if !errors.As(err, &e) {
						t.Fatal("not a *qinglang.Error")
					}
					szh, sen := StateName(s)
					kzh, _ := k.Name()
					for _, want := range []string{szh, string(s), kzh, string(k)} {
						if !strings.Contains(e.Message, want) {
							t.Errorf("message %q does not name %q", e.Message, want)
						}
					}
					for _, want := range []string{sen, string(s), string(k)} {
						if !strings.Contains(e.MessageEN, want) {
							t.Errorf("English message %q does not name %q", e.MessageEN, want)
						}
					}
					if got.State != s || ch != (Change{}) {
						t.Errorf("a refused action changed the case: %v, %+v", got.State, ch)
					}
					return
				}
				if err != nil {
					t.Fatalf("Apply: %v", err)
				}
				want := to[k]
				if want == "" {
					want = s
				}
				if got.State != want {
					t.Errorf("state = %s, want %s", got.State, want)
				}
				if ch.CaseID != c.ID || ch.Action != k || ch.From != s || ch.To != want || !ch.At.Equal(t0) ||
					ch.By != (Actor{Name: "admin1", Role: qinglang.RoleAdmin, TokenID: "tok_admin"}) {
					t.Errorf("change = %+v", ch)
				}
			})
		}
	}
}

func TestDecide(t *testing.T) {
	c := caseIn(qinglang.CaseMeasureProposed)
	rej := Action{Kind: ActDecide, MeasureID: "m_1", Approve: false, Reason: "措施过重"}
	got, ch, err := Apply(c, rej, reviewer, t0)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != qinglang.CaseInReview || ch.To != qinglang.CaseInReview || ch.Details.Approved == nil ||
		*ch.Details.Approved || ch.Details.Reason != "措施过重" || ch.Details.MeasureID != "m_1" {
		t.Errorf("reject: state %s, change %+v", got.State, ch)
	}
	// After a rejection another measure may be proposed and approved.
	got, _, err = Apply(got, Action{Kind: ActPropose, MeasureID: "m_2"}, reviewer, t0)
	if err != nil {
		t.Fatal(err)
	}
	got, ch, err = Apply(got, Action{Kind: ActDecide, MeasureID: "m_2", Approve: true}, reviewer, t0)
	if err != nil || got.State != qinglang.CaseDecided || ch.Details.Approved == nil || !*ch.Details.Approved {
		t.Errorf("approve: %v, %s, %+v", err, got.State, ch)
	}
}

func TestCloseAndReopen(t *testing.T) {
	at := t0.Add(time.Hour)
	closed, ch, err := Apply(caseIn(qinglang.CaseNotified), Action{Kind: ActClose, Reason: "未申诉"}, reviewer, at)
	if err != nil {
		t.Fatal(err)
	}
	if closed.State != qinglang.CaseClosed || !closed.ClosedAt.Equal(at) || ch.Details.Reason != "未申诉" {
		t.Errorf("close: %+v, %+v", closed, ch)
	}
	_, _, err = Apply(closed, Action{Kind: ActReopen, Reason: "新证据"}, reviewer, at)
	wantCode(t, err, qinglang.EFORBIDDEN) // a reviewer may not reopen
	open, ch, err := Apply(closed, Action{Kind: ActReopen, Reason: "新证据"}, platform, at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if open.State != qinglang.CaseOpen || !open.ClosedAt.IsZero() || !open.OpenedAt.Equal(closed.OpenedAt) ||
		ch.From != qinglang.CaseClosed || ch.To != qinglang.CaseOpen {
		t.Errorf("reopen: %+v, %+v", open, ch)
	}
}

func TestReviewAppealByAnotherPerson(t *testing.T) {
	c := caseIn(qinglang.CaseAppealed)
	a := Action{Kind: ActReviewAppeal, AppealID: "a_1", DecidedBy: "gov-team", Outcome: qinglang.AppealOverturned}
	tests := []struct {
		name      string
		decidedBy string
		wantErr   qinglang.ErrorCode
	}{
		{"same name", "gov-team", qinglang.EFORBIDDEN},
		{"same name, other case and spaces", "  GOV-Team ", qinglang.EFORBIDDEN},
		{"someone else", "li", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.DecidedBy = tt.decidedBy
			got, ch, err := Apply(c, a, platform, t0)
			wantCode(t, err, tt.wantErr)
			if tt.wantErr != "" {
				if !strings.Contains(err.Error(), tt.decidedBy) || !strings.Contains(err.Error(), "someone other than who decided") ||
					!strings.Contains(err.Error(), "决定措施者以外的人") {
					t.Errorf("error does not say why: %v", err)
				}
				if got.State != qinglang.CaseAppealed {
					t.Errorf("state = %s", got.State)
				}
				return
			}
			if got.State != qinglang.CaseReviewed || ch.Details.DecidedBy != "li" || ch.Details.AppealID != "a_1" ||
				ch.Details.Outcome != qinglang.AppealOverturned {
				t.Errorf("%s, %+v", got.State, ch)
			}
		})
	}
}

func TestComment(t *testing.T) {
	c := caseIn(qinglang.CaseClosed)
	c.Comments = make([]qinglang.CaseComment, 1, 4) // room to append in place
	c.Comments[0] = qinglang.CaseComment{At: t0.Add(-time.Hour), Author: "li", Text: "第一条"}
	got, ch, err := Apply(c, Action{Kind: ActComment, Text: "第二条"}, operator, t0)
	if err != nil {
		t.Fatal(err)
	}
	want := []qinglang.CaseComment{c.Comments[0], {At: t0, Author: "op1", Text: "第二条"}}
	if !slices.Equal(got.Comments, want) {
		t.Errorf("comments = %+v", got.Comments)
	}
	if ch.Details.Text != "第二条" || ch.From != qinglang.CaseClosed || ch.To != qinglang.CaseClosed {
		t.Errorf("change = %+v", ch)
	}
	// The caller's slice is not written to.
	if full := c.Comments[:2]; full[1] != (qinglang.CaseComment{}) {
		t.Errorf("Apply wrote into the caller's comments: %+v", full[1])
	}
	for _, text := range []string{"", "  ", strings.Repeat("字", MaxTextRunes+1)} {
		_, _, err := Apply(c, Action{Kind: ActComment, Text: text}, operator, t0)
		wantCode(t, err, qinglang.EINVALID)
	}
}

func TestShareWithoutDuplicates(t *testing.T) {
	c := caseIn(qinglang.CaseOpen)
	c, _, err := Apply(c, Action{Kind: ActShare, Region: "440300"}, regulator, t0)
	if err != nil {
		t.Fatal(err)
	}
	c, ch, err := Apply(c, Action{Kind: ActShare, Region: "330100"}, regulator, t0)
	if err != nil || ch.Details.Region != "330100" {
		t.Fatal(err, ch)
	}
	again, _, err := Apply(c, Action{Kind: ActShare, Region: "440300"}, regulator, t0)
	wantCode(t, err, qinglang.ECONFLICT)
	if !strings.Contains(err.Error(), "440300") {
		t.Errorf("error does not name the region: %v", err)
	}
	if !slices.Equal(again.SharedWith, []string{"440300", "330100"}) {
		t.Errorf("shared with %v", again.SharedWith)
	}
	_, _, err = Apply(c, Action{Kind: ActShare, Region: "310000"}, regulator, t0) // its own region
	wantCode(t, err, qinglang.ECONFLICT)
	_, _, err = Apply(c, Action{Kind: ActShare, Region: "Shanghai"}, regulator, t0)
	wantCode(t, err, qinglang.EINVALID)
}

// TestNoops: an action that would change nothing is refused, so that the
// audit log records only changes.
func TestNoops(t *testing.T) {
	base := caseIn(qinglang.CaseInReview)
	base.Assignee, base.DueAt = "wang", t0.Add(72*time.Hour)
	published := base
	published.Published, published.LegalHold, published.Supervised, published.EscalatedTo = true, true, true, "320000"
	tests := []struct {
		name string
		c    qinglang.Case
		a    Action
	}{
		{"assign the same", base, Action{Kind: ActAssign, Assignee: "wang", DueAt: t0.Add(72 * time.Hour)}},
		{"publish twice", published, Action{Kind: ActPublish}},
		{"unpublish an unpublished case", base, Action{Kind: ActUnpublish}},
		{"hold twice", published, Action{Kind: ActLegalHold, Hold: true}},
		{"lift a hold that is not there", base, Action{Kind: ActLegalHold, Hold: false}},
		{"the same region", base, Action{Kind: ActSetRegion, Region: "310000"}},
		{"escalate twice", published, Action{Kind: ActEscalate, Region: "320000"}},
		{"escalate to its own region", base, Action{Kind: ActEscalate, Region: "310000"}},
		{"supervise twice", published, Action{Kind: ActSupervise}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ch, err := Apply(tt.c, tt.a, admin, t0)
			wantCode(t, err, qinglang.ECONFLICT)
			kzh, ken := tt.a.Kind.Name()
			if !strings.Contains(err.Error(), kzh) || !strings.Contains(err.Error(), ken) {
				t.Errorf("error does not name the action: %v", err)
			}
			if ch != (Change{}) || got.State != tt.c.State {
				t.Errorf("changed: %+v", ch)
			}
		})
	}
}

func TestFlagsAndDetails(t *testing.T) {
	c := caseIn(qinglang.CaseOpen)
	steps := []struct {
		by    qinglang.Principal
		a     Action
		check func(qinglang.Case, Change) bool
	}{
		{reviewer, Action{Kind: ActAssign, Assignee: "wang"}, func(c qinglang.Case, ch Change) bool {
			return c.Assignee == "wang" && c.DueAt.IsZero() && ch.Details.Assignee == "wang" && ch.Details.Previous == ""
		}},
		{reviewer, Action{Kind: ActAssign, Assignee: "zhao", DueAt: t0.Add(time.Hour)}, func(c qinglang.Case, ch Change) bool {
			return c.Assignee == "zhao" && c.DueAt.Equal(t0.Add(time.Hour)) && ch.Details.Previous == "wang"
		}},
		{regulator, Action{Kind: ActPublish}, func(c qinglang.Case, _ Change) bool { return c.Published }},
		{regulator, Action{Kind: ActUnpublish}, func(c qinglang.Case, _ Change) bool { return !c.Published }},
		{platform, Action{Kind: ActLegalHold, Hold: true}, func(c qinglang.Case, ch Change) bool {
			return c.LegalHold && ch.Details.Hold != nil && *ch.Details.Hold
		}},
		{regulator, Action{Kind: ActLegalHold, Hold: false}, func(c qinglang.Case, ch Change) bool {
			return !c.LegalHold && ch.Details.Hold != nil && !*ch.Details.Hold
		}},
		{regulator, Action{Kind: ActSetRegion, Region: "310104"}, func(c qinglang.Case, ch Change) bool {
			return c.Region == "310104" && ch.Details.Region == "310104" && ch.Details.Previous == "310000"
		}},
		{regulator, Action{Kind: ActEscalate, Region: "310000"}, func(c qinglang.Case, ch Change) bool {
			return c.EscalatedTo == "310000" && c.Region == "310104" && ch.Details.Region == "310000"
		}},
		{regulator, Action{Kind: ActSupervise}, func(c qinglang.Case, _ Change) bool { return c.Supervised }},
	}
	for i, st := range steps {
		var ch Change
		var err error
		c, ch, err = Apply(c, st.a, st.by, t0)
		if err != nil {
			t.Fatalf("step %d (%s): %v", i, st.a.Kind, err)
		}
		if !st.check(c, ch) {
			t.Errorf("step %d (%s): case %+v, change %+v", i, st.a.Kind, c, ch)
		}
	}
}

func TestApplyRefusesBadInput(t *testing.T) {
	c := caseIn(qinglang.CaseOpen)
	tests := []struct {
		name string
		c    qinglang.Case
		a    Action
		by   qinglang.Principal
		at   time.Time
		want qinglang.ErrorCode
	}{
		{"no name", c, validAction(ActComment), qinglang.Principal{Role: qinglang.RoleAdmin}, t0, qinglang.EINVALID},
		{"unknown role", c, validAction(ActComment), qinglang.Principal{Name: "x", Role: "root"}, t0, qinglang.EFORBIDDEN},
		{"no time", c, validAction(ActComment), admin, time.Time{}, qinglang.EINVALID},
		{"unknown action", c, Action{Kind: "delete"}, admin, t0, qinglang.EINVALID},
		{"open is Plan's", c, Action{Kind: ActOpen}, admin, t0, qinglang.EINVALID},
		{"add_finding is Plan's", c, Action{Kind: ActAddFinding}, admin, t0, qinglang.EINVALID},
		{"unknown state", caseIn("archived"), validAction(ActComment), admin, t0, qinglang.EINVALID},
		{"no assignee", c, Action{Kind: ActAssign}, admin, t0, qinglang.EINVALID},
		{"due in the past", c, Action{Kind: ActAssign, Assignee: "w", DueAt: t0.Add(-time.Hour)}, admin, t0, qinglang.EINVALID},
		{"propose without measure", c, Action{Kind: ActPropose}, admin, t0, qinglang.EINVALID},
		{"long measure id", c, Action{Kind: ActPropose, MeasureID: strings.Repeat("m", MaxIDBytes+1)}, admin, t0, qinglang.EINVALID},
		{"decide without measure", caseIn(qinglang.CaseMeasureProposed), Action{Kind: ActDecide, Approve: true}, admin, t0, qinglang.EINVALID},
		{"appeal without id", caseIn(qinglang.CaseNotified), Action{Kind: ActAppeal}, admin, t0, qinglang.EINVALID},
		{"review without decider", caseIn(qinglang.CaseAppealed), Action{Kind: ActReviewAppeal, AppealID: "a", Outcome: qinglang.AppealUpheld}, admin, t0, qinglang.EINVALID},
		{"review without outcome", caseIn(qinglang.CaseAppealed), Action{Kind: ActReviewAppeal, AppealID: "a", DecidedBy: "li"}, admin, t0, qinglang.EINVALID},
		{"review filed outcome", caseIn(qinglang.CaseAppealed), Action{Kind: ActReviewAppeal, AppealID: "a", DecidedBy: "li", Outcome: qinglang.AppealFiled}, admin, t0, qinglang.EINVALID},
		{"close without reason", c, Action{Kind: ActClose}, admin, t0, qinglang.EINVALID},
		{"reopen without reason", caseIn(qinglang.CaseClosed), Action{Kind: ActReopen}, admin, t0, qinglang.EINVALID},
		{"region not a code", c, Action{Kind: ActSetRegion, Region: "3100"}, admin, t0, qinglang.EINVALID},
		{"escalate without region", c, Action{Kind: ActEscalate}, admin, t0, qinglang.EINVALID},
		// Fields are checked before the state.
		{"bad fields in a wrong state", caseIn(qinglang.CaseClosed), Action{Kind: ActPropose}, admin, t0, qinglang.EINVALID},
		// The role is checked before the fields.
		{"forbidden and bad fields", c, Action{Kind: ActEscalate}, reviewer, t0, qinglang.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ch, err := Apply(tt.c, tt.a, tt.by, tt.at)
			wantCode(t, err, tt.want)
			if err.(*qinglang.Error).Message == "" || err.(*qinglang.Error).MessageEN == "" {
				t.Errorf("error lacks a language: %#v", err)
			}
			if got.State != tt.c.State || ch != (Change{}) {
				t.Errorf("changed on error")
			}
		})
	}
}

// TestChangeJSON: the audit log hashes the change's JSON, so its field
// order and its omissions are fixed.
func TestChangeJSON(t *testing.T) {
	at := time.Date(2025, 9, 23, 10, 0, 0, 0, time.UTC)
	_, ch, err := Apply(caseIn(qinglang.CaseMeasureProposed), Action{Kind: ActDecide, MeasureID: "m_1", Approve: false}, reviewer, at)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(ch)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"case_id":"case_0123456789abcdef","action":"decide","from":"measure_proposed","to":"in_review",` +
		`"by":{"name":"li","role":"reviewer","token_id":"tok_li"},"at":"2025-09-23T10:00:00Z",` +
		`"details":{"measure_id":"m_1","approved":false}}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	_, ch, _ = Apply(caseIn(qinglang.CaseOpen), Action{Kind: ActStartReview}, operator, at)
	if ch != (Change{}) {
		t.Fatal("operator started a review")
	}
	_, ch, _ = Apply(caseIn(qinglang.CaseOpen), Action{Kind: ActStartReview}, platform, at)
	b, _ = json.Marshal(ch)
	want = `{"case_id":"case_0123456789abcdef","action":"start_review","from":"open","to":"in_review",` +
		`"by":{"name":"gov-team","role":"platform"},"at":"2025-09-23T10:00:00Z","details":{}}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

func TestAvailable(t *testing.T) {
	published := caseIn(qinglang.CaseNotified)
	published.Published, published.Supervised = true, true
	tests := []struct {
		name string
		c    qinglang.Case
		by   qinglang.Principal
		want []ActionKind
	}{
		{"reviewer, open", caseIn(qinglang.CaseOpen), reviewer,
			[]ActionKind{ActAssign, ActStartReview, ActPropose, ActClose, ActComment}},
		{"reviewer, decided", caseIn(qinglang.CaseDecided), reviewer, []ActionKind{ActAssign, ActNotify, ActComment}},
		{"operator, notified", caseIn(qinglang.CaseNotified), operator, []ActionKind{ActAppeal, ActComment}},
		{"operator, open", caseIn(qinglang.CaseOpen), operator, []ActionKind{ActComment}},
		{"regulator, published and supervised", published, regulator,
			[]ActionKind{ActComment, ActUnpublish, ActLegalHold, ActSetRegion, ActEscalate, ActShare}},
		{"regulator, closed", caseIn(qinglang.CaseClosed), regulator,
			[]ActionKind{ActComment, ActPublish, ActLegalHold, ActSetRegion, ActShare}},
		{"platform, appealed", caseIn(qinglang.CaseAppealed), platform,
			[]ActionKind{ActAssign, ActReviewAppeal, ActComment, ActPublish, ActLegalHold}},
		{"unknown role", caseIn(qinglang.CaseOpen), qinglang.Principal{Name: "x", Role: "root"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Available(tt.c, tt.by)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Available = %v, want %v", got, tt.want)
			}
			for _, k := range got { // each one offered is taken
				a := validAction(k)
				if k == ActLegalHold {
					a.Hold = !tt.c.LegalHold
				}
				if k == ActReviewAppeal {
					a.DecidedBy = "someone else"
				}
				if _, _, err := Apply(tt.c, a, tt.by, t0); err != nil {
					t.Errorf("%s offered but refused: %v", k, err)
				}
			}
		})
	}
}
