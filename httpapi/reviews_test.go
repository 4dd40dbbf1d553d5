package httpapi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
)

// testReview is a dismissal of f_1; its cases are nil, as a service may
// leave them.
func testReview() enforce.Review {
	return enforce.Review{ID: "rvw_1", FindingID: "f_1", Decision: enforce.ReviewDismiss, Reason: "转写错误",
		By: "审核甲", At: t0, Platform: "pa", Room: "r1"}
}

func TestPostFindingReview(t *testing.T) {
	var got struct {
		p                    qinglang.Principal
		id, decision, reason string
	}
	f := &fakeEnforcement{ReviewFindingFn: func(_ context.Context, p qinglang.Principal, id, decision, reason string) (enforce.Review, error) {
		got.p, got.id, got.decision, got.reason = p, id, decision, reason
		return testReview(), nil
	}}
	s := enforcing(f)
	rec := serveAs(t, s, reviewerA, http.MethodPost, "/v1/findings/f_1/review",
		jsonBody(`{"decision":"dismiss","reason":"转写错误"}`), "Content-Type", "application/json")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if got.p.Name != reviewerA.Name || got.id != "f_1" || got.decision != "dismiss" || got.reason != "转写错误" {
		t.Errorf("service got %+v", got)
	}
	m := decodeMap(t, rec.Body.Bytes())
	if cases, ok := m["cases"].([]any); !ok || len(cases) != 0 || m["decision"] != "dismiss" || m["id"] != "rvw_1" {
		t.Errorf("answer %s", rec.Body)
	}

	for _, c := range []struct{ body, field string }{
		{`{}`, "decision"},
		{`{"decision":"approve"}`, "decision"},
		{`{"decision":"dismiss"}`, "reason"},
		{`{"decision":"dismiss","reason":"  "}`, "reason"},
	} {
		f := &fakeEnforcement{}
		wantFieldError(t, postJSON(t, enforcing(f), "/v1/findings/f_1/review", c.body), c.field)
		if len(f.Calls()) != 0 {
			t.Errorf("%s: the service was called (%v)", c.body, f.Calls())
		}
	}
	// What the service refuses answers at its status.
	f.ReviewFindingFn = func(context.Context, qinglang.Principal, string, string, string) (enforce.Review, error) {
		return enforce.Review{}, qinglang.Errorf(qinglang.EINVALID, "理由太长", "the reason is too long")
	}
	wantError(t, postJSON(t, s, "/v1/findings/f_1/review", `{"decision":"confirm","reason":"x"}`), http.StatusBadRequest, qinglang.EINVALID)
}

func TestGetReviews(t *testing.T) {
	var gotCursor string
	var gotLimit int
	f := &fakeEnforcement{ReviewsFn: func(_ context.Context, p qinglang.Principal, cursor string, limit int) ([]enforce.Review, string, error) {
		gotCursor, gotLimit = cursor, limit
		return []enforce.Review{testReview()}, "next-1", nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/reviews?cursor=c1&limit=2", nil)
	if rec.Code != http.StatusOK || gotCursor != "c1" || gotLimit != 2 {
		t.Fatalf("%d %s; service got %q %d", rec.Code, rec.Body, gotCursor, gotLimit)
	}
	if !strings.Contains(rec.Body.String(), `"cases":[]`) || !strings.Contains(rec.Body.String(), `"next":"next-1"`) {
		t.Errorf("answer %s", rec.Body)
	}
	f.ReviewsFn = func(context.Context, qinglang.Principal, string, int) ([]enforce.Review, string, error) {
		return nil, "", nil
	}
	if rec := serve(t, s, http.MethodGet, "/v1/reviews", nil); strings.TrimSpace(rec.Body.String()) != `{"reviews":[]}` {
		t.Errorf("empty page %s", rec.Body)
	}
	for _, q := range []string{"limit=0", "limit=1001", "cursor=a&cursor=b"} {
		wantError(t, serve(t, s, http.MethodGet, "/v1/reviews?"+q, nil), http.StatusBadRequest, qinglang.EINVALID)
	}
}
