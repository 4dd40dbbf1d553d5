package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// testCampaignBody is a whole campaign as package campaign's Campaign
// encodes it: two members in two rooms.
const testCampaignBody = `{"id":"cmp_1","platform":"p1","score":0.91,"severity":"high",
"first_seen":"2025-06-12T20:01:00+08:00","last_seen":"2025-06-13T20:05:00+08:00",
"members":[
 {"user":"u1","created_at":"2025-06-10T09:00:00+08:00","first_seen":"2025-06-12T20:01:00+08:00","last_seen":"2025-06-13T20:05:00+08:00",
  "comments":6,"scripted":5,"rooms":2,"orders":0,"ips":["36.112.4.17"],"devices":["d9"],
  "contradictions":[["吃了瘦35斤","吃了瘦16.6斤"]],"reasons":["script","shared_ip","new_account","no_purchase"]},
 {"user":"u2","first_seen":"2025-06-12T20:01:30+08:00","last_seen":"2025-06-13T20:04:00+08:00",
  "comments":4,"scripted":4,"rooms":2,"orders":1,"ips":["36.112.4.18"],"devices":["d9"],"reasons":["script","shared_device"]}],
"rooms":[
 {"room":"r1","merchant":"m1","members":2,"comments":6,"total":40,"share":0.15,"first_seen":"2025-06-12T20:01:00+08:00","last_seen":"2025-06-12T20:30:00+08:00"},
 {"room":"r2","members":2,"comments":4,"total":10,"share":0.4,"first_seen":"2025-06-13T20:00:00+08:00","last_seen":"2025-06-13T20:05:00+08:00"}],
"scripts":[{"cluster":"k1","examples":["真给力，3颗就瘦了3.2斤","真给力 3颗瘦了5斤"],"members":2,"comments":9,"rooms":2,"others":1}],
"evidence":{"members":2,"comments":10,"rooms":2,"merchants":1,"shared_ip":2,"distinct_nets":1,"shared_device":2,
 "new_accounts":1,"median_age_days":2.5,"purchasers":1,"testimonials_no_buy":1,"contradicting":1,"synchrony":0.8,"bursts":2,"script_web":1,
 "after_call_share":0.6,"room_share":0.2,"promotional":0.9},
"timeline":[{"minute":"2025-06-12T20:01:00+08:00","room":"r1","cluster":"k1","comments":3,"members":2}],
"event_ids":["c1","c2","c7"]}`

// testCampaign is a stored campaign record with testCampaignBody.
func testCampaign(t *testing.T) qinglang.CampaignRecord {
	t.Helper()
	var body json.RawMessage
	decode(t, []byte(testCampaignBody), &body)
	cst := time.FixedZone("", 8*3600)
	return qinglang.CampaignRecord{
		ID: "cmp_1", Platform: "p1", Severity: qinglang.SeverityHigh, Score: 0.91,
		FirstSeen: time.Date(2025, 6, 12, 20, 1, 0, 0, cst).UTC(), LastSeen: time.Date(2025, 6, 13, 20, 5, 0, 0, cst).UTC(),
		UpdatedAt: time.Date(2025, 6, 13, 12, 6, 0, 0, time.UTC),
		Members:   []string{"u1", "u2"}, Rooms: []string{"r1", "r2"}, Body: body,
	}
}

func TestListCampaignsPassesFilter(t *testing.T) {
	var got qinglang.CampaignFilter
	s := newServer(nil)
	s.Store = &fakeStore{CampaignsFn: func(_ context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
		got = f
		return qinglang.CampaignPage{Campaigns: []qinglang.CampaignRecord{testCampaign(t)}, Next: "n2"}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/campaigns?platform=p1&account=u1&room=r2&severity=high"+
		"&since=2025-06-12T20:00:00%2B08:00&cursor=n1&limit=20", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := qinglang.CampaignFilter{Platform: "p1", Account: "u1", Room: "r2", Severity: qinglang.SeverityHigh,
		Cursor: "n1", Limit: 20, OmitBody: true}
	if !got.Since.Equal(time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC)) {
		t.Fatalf("since %v", got.Since)
	}
	got.Since = time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("filter %+v, want %+v", got, want)
	}
	var page struct {
		Campaigns []map[string]any `json:"campaigns"`
		Next      string           `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Campaigns) != 1 || page.Campaigns[0]["id"] != "cmp_1" || page.Next != "n2" {
		t.Fatalf("page %+v", page)
	}
	if _, ok := page.Campaigns[0]["body"]; ok {
		t.Error("a campaign list entry carries the whole body; it should name members and rooms only")
	}
}

func TestListCampaignsEmptyIsAList(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{CampaignsFn: func(context.Context, qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
		return qinglang.CampaignPage{Campaigns: []qinglang.CampaignRecord{{ID: "cmp_2", Platform: "p1", Severity: qinglang.SeverityLow}}}, nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/campaigns", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"members":[]`) || !strings.Contains(rec.Body.String(), `"rooms":[]`) {
		t.Fatalf("answer %d %s, want empty lists for a record without members or rooms", rec.Code, rec.Body)
	}
}

func TestListCampaignsBadParameters(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{}
	for _, q := range []string{
		"severity=grave", "since=yesterday", "limit=0", "limit=1001", "account=" + strings.Repeat("u", 129), "platform=a&platform=b",
	} {
		rec := serve(t, s, http.MethodGet, "/v1/campaigns?"+q, nil)
		e := wantError(t, rec, http.StatusBadRequest, qinglang.EINVALID)
		name, _, _ := strings.Cut(q, "=")
		if !strings.Contains(e.Error.Message, name) || !strings.Contains(e.Error.MessageEN, name) {
			t.Errorf("%s: message %+v does not name the parameter", q, e.Error)
		}
	}
	// A cursor the store did not hand out is the store's EINVALID: 400.
	s.Store = &fakeStore{CampaignsFn: func(context.Context, qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
		return qinglang.CampaignPage{}, qinglang.Errorf(qinglang.EINVALID, "分页游标无效", "invalid cursor")
	}}
	wantError(t, serve(t, s, http.MethodGet, "/v1/campaigns?cursor=zzz", nil), http.StatusBadRequest, qinglang.EINVALID)
}

func TestGetCampaignServesTheWholeState(t *testing.T) {
	s := newServer(nil)
	var asked string
	s.Store = &fakeStore{CampaignFn: func(_ context.Context, id string) (qinglang.CampaignRecord, error) {
		asked = id
		return testCampaign(t), nil
	}}
	rec := serve(t, s, http.MethodGet, "/v1/campaigns/cmp_1", nil)
	if rec.Code != http.StatusOK || asked != "cmp_1" {
		t.Fatalf("status %d (asked %q): %s", rec.Code, asked, rec.Body)
	}
	var c struct {
		Members []struct {
			User           string      `json:"user"`
			IPs            []string    `json:"ips"`
			Devices        []string    `json:"devices"`
			Orders         int         `json:"orders"`
			Contradictions [][2]string `json:"contradictions"`
		} `json:"members"`
		Evidence struct {
			SharedIP int `json:"shared_ip"`
		} `json:"evidence"`
		Timeline []json.RawMessage `json:"timeline"`
	}
	decode(t, rec.Body.Bytes(), &c)
	if len(c.Members) != 2 || c.Members[0].IPs[0] != "36.112.4.17" || c.Members[0].Contradictions[0][1] != "吃了瘦16.6斤" ||
		c.Members[1].Orders != 1 || c.Evidence.SharedIP != 2 || len(c.Timeline) != 1 {
		t.Errorf("campaign = %+v, want the stored body", c)
	}
	if lm := rec.Header().Get("Last-Modified"); lm != "Fri, 13 Jun 2025 12:06:00 GMT" {
		t.Errorf("Last-Modified %q, want the record's UpdatedAt", lm)
	}
}

func TestGetCampaignNotFound(t *testing.T) {
	s := newServer(nil)
	s.Store = &fakeStore{CampaignFn: func(_ context.Context, id string) (qinglang.CampaignRecord, error) {
		return qinglang.CampaignRecord{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到团伙 %s", "campaign %s not found", id)
	}}
	e := wantError(t, serve(t, s, http.MethodGet, "/v1/campaigns/cmp_nope", nil), http.StatusNotFound, qinglang.ENOTFOUND)
	if !strings.Contains(e.Error.MessageEN, "cmp_nope") {
		t.Errorf("message %q does not name the id", e.Error.MessageEN)
	}
}

func TestCampaignsWithoutStore(t *testing.T) {
	s := newServer(nil)
	wantError(t, serve(t, s, http.MethodGet, "/v1/campaigns", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	wantError(t, serve(t, s, http.MethodGet, "/v1/campaigns/cmp_1", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
	s.Store = &fakeStore{CampaignsFn: func(context.Context, qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
		return qinglang.CampaignPage{}, qinglang.Errorf(qinglang.EUNAVAILABLE, "数据库无法连接", "database unreachable")
	}}
	wantError(t, serve(t, s, http.MethodGet, "/v1/campaigns", nil), http.StatusServiceUnavailable, qinglang.EUNAVAILABLE)
}

// TestCampaignSchemaIsStrict shows the Campaign schema catches a renamed
// field at each level of the state, so that a body drifting from package
// campaign's Campaign fails the tests that validate real answers.
func TestCampaignSchemaIsStrict(t *testing.T) {
	sch := schemaAt(t, "components", "schemas", "Campaign")
	validateJSON(t, sch, []byte(testCampaignBody))
	for _, c := range []struct{ from, to string }{
		{`"event_ids"`, `"eventIds"`},
		{`"contradictions"`, `"contradiction"`},
		{`"testimonials_no_buy"`, `"testimonials"`},
		{`"after_call_share"`, `"afterCallShare"`},
		{`"others"`, `"other"`},
		{`"minute"`, `"ts"`},
		{`"share":0.15`, `"ratio":0.15`},
	} {
		v, err := jsonUnmarshalAny(strings.Replace(testCampaignBody, c.from, c.to, 1))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("Campaign with %s renamed to %s passes the schema", c.from, c.to)
		}
	}
	summary := schemaAt(t, "components", "schemas", "CampaignSummary")
	b, _ := json.Marshal(campaignSummary{ID: "cmp_1", Platform: "p1", Severity: qinglang.SeverityHigh, Members: []string{}, Rooms: []string{}})
	validateJSON(t, summary, b)
	v, _ := jsonUnmarshalAny(strings.Replace(string(b), `"updated_at"`, `"updated"`, 1))
	if summary.Validate(v) == nil {
		t.Error("CampaignSummary with updated_at renamed passes the schema")
	}
}
