package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/webhook"
)

func TestPostWebhook(t *testing.T) {
	var got webhook.Endpoint
	f := &fakeEnforcement{CreateWebhookFn: func(_ context.Context, _ qinglang.Principal, e webhook.Endpoint) (enforce.NewWebhook, error) {
		got = e
		ep := testEndpoint()
		ep.Events = e.Events
		return enforce.NewWebhook{Endpoint: ep, Secret: "whsec_shown_once"}, nil
	}}
	s := enforcing(f)
	rec := postJSON(t, s, "/v1/webhooks", `{"url":"https://hooks.example.com/qinglang","platform":"pa","events":["measure","notice"]}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.URL != "https://hooks.example.com/qinglang" || got.Platform != "pa" || !slices.Equal(got.Events, []string{"measure", "notice"}) ||
		got.ID != "" || got.Secret != "" {
		t.Errorf("endpoint %+v", got)
	}
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", rec.Header().Get("Cache-Control"))
	}
	var nw struct {
		Endpoint webhook.Endpoint `json:"endpoint"`
		Secret   string           `json:"secret"`
	}
	decode(t, rec.Body.Bytes(), &nw)
	if nw.Secret != "whsec_shown_once" || nw.Endpoint.ID != "wh_1" || strings.Contains(rec.Body.String(), "must-never-appear") {
		t.Errorf("answer %s", rec.Body)
	}
	// No events: all of them, answered as [].
	rec = postJSON(t, s, "/v1/webhooks", `{"url":"https://hooks.example.com/all"}`)
	if got.Events != nil || !strings.Contains(rec.Body.String(), `"events":[]`) {
		t.Errorf("events %v: %s", got.Events, rec.Body)
	}
	for body, field := range map[string]string{
		`{"platform":"pa"}`: "url",
		`{"url":"https://h.example.com","events":["measure","gossip"]}`: "events[1]",
		`{"url":"https://h.example.com","events":"measure"}`:            "events",
		`{"url":"https://h.example.com","secret":"mine"}`:               "secret",
	} {
		wantFieldError(t, postJSON(t, s, "/v1/webhooks", body), field)
	}
}

func TestGetWebhooks(t *testing.T) {
	f := &fakeEnforcement{WebhooksFn: func(context.Context, qinglang.Principal) ([]webhook.Endpoint, error) {
		off := testEndpoint()
		off.ID, off.Active, off.Events = "wh_2", false, nil
		return []webhook.Endpoint{testEndpoint(), off}, nil
	}}
	rec := serve(t, enforcing(f), http.MethodGet, "/v1/webhooks", nil)
	var list struct {
		Webhooks []webhook.Endpoint `json:"webhooks"`
	}
	decode(t, rec.Body.Bytes(), &list)
	if rec.Code != http.StatusOK || len(list.Webhooks) != 2 || list.Webhooks[1].Active || list.Webhooks[1].Events == nil {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "must-never-appear") {
		t.Errorf("a secret is listed: %s", rec.Body)
	}
}

func TestDeleteWebhook(t *testing.T) {
	var gotID string
	f := &fakeEnforcement{DeleteWebhookFn: func(_ context.Context, _ qinglang.Principal, id string) error {
		gotID = id
		return nil
	}}
	rec := serve(t, enforcing(f), http.MethodDelete, "/v1/webhooks/wh_1", nil)
	if rec.Code != http.StatusNoContent || rec.Body.Len() != 0 || gotID != "wh_1" {
		t.Errorf("status %d id %q: %q", rec.Code, gotID, rec.Body)
	}
}

func TestGetWebhookDeliveries(t *testing.T) {
	var gotID, gotCursor string
	var gotLimit int
	f := &fakeEnforcement{DeliveriesFn: func(_ context.Context, _ qinglang.Principal, id, cursor string, limit int) ([]webhook.Attempt, string, error) {
		gotID, gotCursor, gotLimit = id, cursor, limit
		return []webhook.Attempt{
			{DeliveryID: "dl_1", EndpointID: id, Type: webhook.EventMeasure, Attempt: 2, At: t0, Status: 200,
				Duration: 1500 * time.Microsecond, Delivered: true},
			{DeliveryID: "dl_1", EndpointID: id, Type: webhook.EventMeasure, Attempt: 1, At: t0.Add(-time.Minute), Status: 503,
				Error: "端点返回 503 / the endpoint answered 503", Duration: 2 * time.Second, NextAt: t0},
		}, "n2", nil
	}}
	s := enforcing(f)
	rec := serve(t, s, http.MethodGet, "/v1/webhooks/wh_1/deliveries?cursor=n1&limit=2", nil)
	if rec.Code != http.StatusOK || gotID != "wh_1" || gotCursor != "n1" || gotLimit != 2 {
		t.Fatalf("status %d (%q %q %d): %s", rec.Code, gotID, gotCursor, gotLimit, rec.Body)
	}
	var page struct {
		Deliveries []map[string]any `json:"deliveries"`
		Next       string           `json:"next"`
	}
	decode(t, rec.Body.Bytes(), &page)
	if len(page.Deliveries) != 2 || page.Next != "n2" {
		t.Fatalf("page %s", rec.Body)
	}
	if d := page.Deliveries[0]; d["duration_ms"] != 1.5 || d["delivered"] != true || d["next_at"] != nil || d["error"] != nil {
		t.Errorf("delivered attempt %v", d)
	}
	if d := page.Deliveries[1]; d["status"] != float64(503) || d["next_at"] != "2026-03-01T10:00:00Z" || d["duration_ms"] != float64(2000) {
		t.Errorf("failed attempt %v", d)
	}
	for q, field := range map[string]string{"limit=0": "limit", "limit=x": "limit", "cursor=a&cursor=b": "cursor"} {
		wantFieldError(t, serve(t, s, http.MethodGet, "/v1/webhooks/wh_1/deliveries?"+q, nil), field)
	}
}
