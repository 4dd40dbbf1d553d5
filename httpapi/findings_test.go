package httpapi

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestListFindingsPassesFilter(t *testing.T) {
	var got qinglang.FindingFilter
	s := newServer(nil)
	s.Store = &fakeStore{FindingsFn: func(_ context.Context, f qinglang.FindingFilter) (qinglang.FindingPage, error) {
		got = f
		return qinglang.FindingPage{
			Findings: []qinglang.Finding{testFinding("f_1", "p1", "r1", qinglang.SeverityHigh)},
			Next:     "c2",
		}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/findings?platform=p1&room=r1&kind=claim&rule=claim.absolute"+
		"&severity=high&since=2025-06-12T20:00:00%2B08:00&until=2025-06-13T00:00:00Z&cursor=c1&limit=50", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := qinglang.FindingFilter{
		Platform: "p1", Room: "r1", Kind: qinglang.KindClaim, Rule: "claim.absolute",
		Severity: qinglang.SeverityHigh,
		Since:    time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC),
		Until:    time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC),
		Cursor:   "c1", Limit: 50,
	}
	if !got.Since.Equal(want.Since) || !got.Until.Equal(want.Until) {
		t.Fatalf("since/until %v %v, want %v %v", got.Since, got.Until, want.Since, want.Until)
	}
	got.Since, got.Until, want.Since, want.Until = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("filter %+v, want %+v", got, want)
	}
	var page struct {
		Findings []qinglang.Finding `json:"findings"`
		Next     string             `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Findings) != 1 || page.Findings[0].ID != "f_1" || page.Next != "c2" {
		t.Fatalf("page %+v", page)
	}
}

func TestListFindingsEmptyIsAList(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		return qinglang.FindingPage{}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/findings", nil)
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"findings":[]}` {
		t.Fatalf("status %d body %s, want {\"findings\":[]}", rec.Code, rec.Body)
	}
}

func TestListFindingsBadParameters(t *testing.T) {
	long := strings.Repeat("x", qinglang.MaxIDBytes+1)
	cases := []struct{ query, param string }{
		{"severity=urgent", "severity"},
		{"since=yesterday", "since"},
		{"until=2025-06-12T20:00:00", "until"}, // no offset
		{"since=2025-06-13T00:00:00Z&until=2025-06-12T00:00:00Z", "until"},
		{"limit=0", "limit"},
		{"limit=1001", "limit"},
		{"limit=ten", "limit"},
		{"kind=Claim!", "kind"},
		{"platform=a&platform=b", "platform"},
		{"room=" + long, "room"},
	}
	for _, c := range cases {
		t.Run(c.query[:min(len(c.query), 30)], func(t *testing.T) {
			s := newServer(nil)
			s.Store = &fakeStore{} // any store call would be a 500
			e := wantError(t, serve(t, s, http.MethodGet, "/v1/findings?"+c.query, nil),
				http.StatusBadRequest, qinglang.EINVALID)
			if !strings.Contains(e.Error.Message, c.param+"=") || !strings.Contains(e.Error.MessageEN, c.param+"=") {
				t.Fatalf("messages %q / %q do not name %s", e.Error.Message, e.Error.MessageEN, c.param)
			}
			if len(e.Error.Message) > 400 {
				t.Fatalf("message not clipped: %d bytes", len(e.Error.Message))
			}
		})
	}
}

func TestListFindingsStoreErrors(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		return qinglang.FindingPage{}, qinglang.Errorf(qinglang.EINVALID, "游标无效", "bad cursor")
	}}
	e := wantError(t, serve(t, s, http.MethodGet, "/v1/findings?cursor=zzz", nil), http.StatusBadRequest, qinglang.EINVALID)
	if e.Error.MessageEN != "bad cursor" {
		t.Fatalf("message_en %q, want the store's", e.Error.MessageEN)
	}

	s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		return qinglang.FindingPage{}, qinglang.Wrap(qinglang.EUNAVAILABLE, errors.New("dial tcp: refused"),
			"数据库不可用", "database unavailable")
	}}
	e = wantError(t, serve(t, s, http.MethodGet, "/v1/findings", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	if strings.Contains(e.Error.MessageEN, "refused") {
		t.Fatalf("503 leaks the wrapped error: %q", e.Error.MessageEN)
	}

	logs := &logBuffer{}
	s = newServer(logs)
	s.Store = &fakeStore{FindingsFn: func(context.Context, qinglang.FindingFilter) (qinglang.FindingPage, error) {
		return qinglang.FindingPage{}, errors.New("pq: relation findings_secret does not exist")
	}}
	rec := serve(t, s, http.MethodGet, "/v1/findings", nil)
	wantError(t, rec, http.StatusInternalServerError, qinglang.EINTERNAL)
	if strings.Contains(rec.Body.String(), "findings_secret") {
		t.Fatalf("500 leaks internal text: %s", rec.Body)
	}
	if !strings.Contains(logs.String(), "findings_secret") {
		t.Fatalf("internal error was not logged: %s", logs)
	}
}

func TestGetFinding(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{FindingFn: func(_ context.Context, id string) (qinglang.Finding, error) {
		if id != "f_abc" {
			return qinglang.Finding{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有发现 %s", "no finding %s", id)
		}
		f := testFinding("f_abc", "p1", "r1", qinglang.SeverityMedium)
		f.EventIDs = nil
		return f, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/findings/f_abc", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !strings.Contains(rec.Body.String(), `"event_ids":[]`) {
		t.Fatalf("event_ids not an empty list: %s", rec.Body)
	}
	var f qinglang.Finding
	decode(t, rec.Body.Bytes(), &f)
	if f.ID != "f_abc" || f.Severity != qinglang.SeverityMedium {
		t.Fatalf("finding %+v", f)
	}

	e := wantError(t, serve(t, s, http.MethodGet, "/v1/findings/f_nope", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, "f_nope") {
		t.Fatalf("404 message %q does not name the id", e.Error.MessageEN)
	}
}

func TestNoStoreIsUnavailable(t *testing.T) {
	s := newServer(nil)
	for _, target := range []string{"/v1/findings", "/v1/findings/f_1", "/v1/rooms/r1", "/v1/rooms/r1/events"} {
		wantError(t, serve(t, s, http.MethodGet, target, nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	}
}
