package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/enforce"
)

// testChain is a valid audit chain of two entries.
func testChain(t *testing.T) []audit.Entry {
	t.Helper()
	first, err := audit.Next(nil, audit.Entry{At: t0, Actor: "open", Action: "case.assign", Object: "case:case_1",
		Data: json.RawMessage(`{"assignee":"li"}`)})
	if err != nil {
		t.Fatal(err)
	}
	second, err := audit.Next(&first, audit.Entry{At: t0.Add(1), Actor: "qinglang", Action: "measure.lift", Object: "measure:m_1"})
	if err != nil {
		t.Fatal(err)
	}
	return []audit.Entry{first, second}
}

func TestGetAudit(t *testing.T) {
	chain := testChain(t)
	var gotObject string
	var gotAfter int64
	var gotLimit int
	f := &fakeEnforcement{AuditEntriesFn: func(_ context.Context, _ qinglang.Principal, object string, after int64, limit int) (enforce.AuditPage, error) {
		gotObject, gotAfter, gotLimit = object, after, limit
		out := enforce.AuditPage{Next: 2}
		for _, e := range chain {
			out.Entries = append(out.Entries, qinglang.AuditEntry(e))
		}
		return out, nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/audit?object=case:case_1&after=7&limit=2", nil)
	if rec.Code != http.StatusOK || gotObject != "case:case_1" || gotAfter != 7 || gotLimit != 2 {
		t.Fatalf("status %d (%q %d %d): %s", rec.Code, gotObject, gotAfter, gotLimit, rec.Body)
	}
	var page enforce.AuditPage
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Entries) != 2 || page.Next != 2 || page.Entries[0].Hash != chain[0].Hash || string(page.Entries[1].Data) != "null" {
		t.Errorf("page %s", rec.Body)
	}
	f.AuditEntriesFn = func(context.Context, qinglang.Principal, string, int64, int) (enforce.AuditPage, error) {
		return enforce.AuditPage{}, nil
	}
	if rec := serve(t, s, http.MethodGet, "/v1/audit", nil); strings.TrimSpace(rec.Body.String()) != `{"entries":[]}` {
		t.Errorf("empty page %s", rec.Body)
	}
	for q, field := range map[string]string{"after=-1": "after", "after=x": "after", "limit=1001": "limit", "object=" + long(257): "object"} {
		wantFieldError(t, serve(t, s, http.MethodGet, "/v1/audit?"+q, nil), field)
	}
}

func TestGetAuditVerify(t *testing.T) {
	chain := testChain(t)
	var got []audit.Head
	f := &fakeEnforcement{VerifyAuditFn: func(_ context.Context, anchors ...audit.Head) (audit.Report, error) {
		got = anchors
		return audit.Verify(chain, anchors...), nil
	}}
	s := enforcing(f)
	head := audit.Head{Seq: 1, Hash: chain[0].Hash}
	rec := serve(t, s, http.MethodGet, "/v1/audit/verify?anchor="+head.String(), nil)
	var rep audit.Report
	decode(t, rec.Body.Bytes(), &rep)
	if rec.Code != http.StatusOK || !rep.OK || rep.Checked != 2 || rep.Head.Seq != 2 || len(got) != 1 || got[0] != head || len(rep.Anchors) != 1 {
		t.Fatalf("status %d anchors %v: %s", rec.Code, got, rec.Body)
	}

	// A broken chain is still 200: the report says so.
	chain[1].Actor = "someone else"
	rec = serve(t, s, http.MethodGet, "/v1/audit/verify", nil)
	rep = audit.Report{}
	decode(t, rec.Body.Bytes(), &rep)
	if rec.Code != http.StatusOK || rep.OK || rep.Break == nil || rep.Break.Kind != audit.KindEdited || rep.Break.Seq != 2 || got != nil {
		t.Errorf("broken chain: %d %s", rec.Code, rec.Body)
	}

	for _, q := range []string{"anchor=1:abc", "anchor=x", "anchor=" + head.String() + "&anchor=-1:" + chain[0].Hash,
		strings.Repeat("anchor="+head.String()+"&", maxAnchors+1)} {
		wantFieldError(t, serve(t, s, http.MethodGet, "/v1/audit/verify?"+q, nil), "anchor")
	}
}
