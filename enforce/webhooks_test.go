package enforce

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/webhook"
)

func TestWebhookEndpoints(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc

	nw, err := s.CreateWebhook(ctx, rgDouyin, webhook.Endpoint{URL: "https://hooks.example.com/q?token=abc",
		Events: []string{webhook.EventDirective, webhook.EventMeasure}})
	if err != nil {
		t.Fatal(err)
	}
	e := nw.Endpoint
	if !strings.HasPrefix(e.ID, "wh_") || e.Platform != "douyin" || !e.Active || !e.CreatedAt.Equal(rgT0) ||
		e.Secret != "" || len(nw.Secret) != 64 {
		t.Fatalf("created %+v, secret %d bytes", e, len(nw.Secret))
	}
	_, err = s.CreateWebhook(ctx, rgDouyin, webhook.Endpoint{URL: "http://hooks.example.com/"})
	rgWantCode(t, err, qinglang.EINVALID)
	_, err = s.CreateWebhook(ctx, rgDouyin, webhook.Endpoint{Platform: "kuaishou", URL: "https://k.example.com/"})
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.CreateWebhook(ctx, rgReviewer, webhook.Endpoint{URL: "https://k.example.com/"})
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.CreateWebhook(ctx, rgAdmin, webhook.Endpoint{URL: "https://k.example.com/"})
	rgWantCode(t, err, qinglang.EINVALID) // an admin names the platform
	ks, err := s.CreateWebhook(ctx, rgAdmin, webhook.Endpoint{Platform: "kuaishou", URL: "https://k.example.com/"})
	if err != nil {
		t.Fatal(err)
	}

	ids := func(p qinglang.Principal) []string {
		t.Helper()
		eps, err := s.Webhooks(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range eps {
			if e.Secret != "" {
				t.Fatalf("listed with its secret: %s", e.ID)
			}
			out = append(out, e.ID)
		}
		return out
	}
	if got := ids(rgDouyin); !slices.Equal(got, []string{e.ID}) {
		t.Fatalf("douyin lists %v", got)
	}
	if got := ids(rgAdmin); len(got) != 2 {
		t.Fatalf("admin lists %v", got)
	}
	_, err = s.Webhooks(ctx, rgReviewer)
	rgWantCode(t, err, qinglang.EFORBIDDEN)

	// The dispatcher's view: active endpoints with their secrets.
	active, err := s.WebhookEndpoints().Active(ctx, "douyin", webhook.EventMeasure)
	if err != nil || len(active) != 1 || active[0].Secret != nw.Secret {
		t.Fatalf("active %+v, %v", active, err)
	}
	if active, _ := s.WebhookEndpoints().Active(ctx, "douyin", webhook.EventNotice); len(active) != 0 {
		t.Fatalf("an endpoint not subscribed to notices: %+v", active)
	}

	// Deactivating.
	err = s.DeleteWebhook(ctx, rgDouyin, ks.Endpoint.ID)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	err = s.DeleteWebhook(ctx, rgDouyin, "wh_none")
	rgWantCode(t, err, qinglang.ENOTFOUND)
	if err := s.DeleteWebhook(ctx, rgDouyin, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteWebhook(ctx, rgDouyin, e.ID); err != nil {
		t.Fatal(err)
	}
	if active, _ := s.WebhookEndpoints().Active(ctx, "douyin", webhook.EventMeasure); len(active) != 0 {
		t.Fatalf("a deactivated endpoint is active: %+v", active)
	}
	eps, err := s.Webhooks(ctx, rgDouyin)
	if err != nil || len(eps) != 1 || eps[0].Active {
		t.Fatalf("after the delete %+v, %v", eps, err)
	}

	got := env.auditActions(t, "")
	if strings.Join(got, ",") != "webhook.create,webhook.create,webhook.delete" {
		t.Fatalf("audit %v", got)
	}
	for _, a := range env.audit(t, "") {
		if strings.Contains(string(a.Data), nw.Secret) || strings.Contains(string(a.Data), ks.Secret) {
			t.Fatalf("the audit holds a secret: %s", a.Data)
		}
	}
}

func TestWebhookMessage(t *testing.T) {
	env := rgSetup(t, nil)
	body := json.RawMessage(`{"id":"x"}`)
	for kind, want := range map[qinglang.RecordKind]string{
		qinglang.RecMeasure: webhook.EventMeasure, qinglang.RecNotice: webhook.EventNotice,
		qinglang.RecDirective: webhook.EventDirective, qinglang.RecCase: "", qinglang.RecToken: "",
	} {
		m, ok := env.svc.WebhookMessage(qinglang.Record{Kind: kind, ID: "x", Platform: "douyin", Body: body})
		if ok != (want != "") || m.Type != want || (ok && m.Platform != "douyin") {
			t.Errorf("%s: %+v, %v", kind, m, ok)
		}
	}
	if _, ok := env.svc.WebhookMessage(qinglang.Record{Kind: qinglang.RecMeasure, ID: "x", Body: body}); ok {
		t.Error("a record without a platform is sent")
	}
}

func TestWebhookQueueContract(t *testing.T) {
	env := rgSetup(t, nil)
	q := env.svc.WebhookQueue()
	ctx := env.ctx
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	body := []byte(`{"a":"<&>"}` + "\n")
	for _, p := range []webhook.Pending{
		{ID: "dlv_b", EndpointID: "wh_1", Platform: "douyin", Type: "measure", Body: body, NextAt: now.Add(-time.Second)},
		{ID: "dlv_a", EndpointID: "wh_1", Platform: "douyin", Type: "measure", Body: body, NextAt: now.Add(-time.Second)},
		{ID: "dlv_c", EndpointID: "wh_1", Platform: "douyin", Type: "measure", Body: body, NextAt: now.Add(-time.Minute), Attempts: 2},
		{ID: "dlv_d", EndpointID: "wh_1", Platform: "douyin", Type: "measure", Body: body, NextAt: now},
		{ID: "dlv_e", EndpointID: "wh_1", Platform: "douyin", Type: "measure", Body: body, NextAt: now.Add(time.Microsecond)},
	} {
		if err := q.Put(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	rgWantCode(t, q.Put(ctx, webhook.Pending{}), qinglang.EINVALID)
	due, err := q.Due(ctx, now, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range due {
		ids = append(ids, p.ID)
		if string(p.Body) != string(body) || p.EndpointID != "wh_1" || p.Type != "measure" {
			t.Fatalf("pending %+v", p)
		}
	}
	if !slices.Equal(ids, []string{"dlv_c", "dlv_a", "dlv_b", "dlv_d"}) || due[0].Attempts != 2 {
		t.Fatalf("due %v", ids)
	}
	if due, _ := q.Due(ctx, now, 1); len(due) != 1 || due[0].ID != "dlv_c" {
		t.Fatalf("due with limit 1: %+v", due)
	}
	if due, _ := q.Due(ctx, now, 0); due != nil {
		t.Fatalf("due with limit 0: %+v", due)
	}
	// A lease moves a delivery out of the due list; Done removes it.
	c := due[0]
	c.NextAt = now.Add(time.Hour)
	if err := q.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := q.Done(ctx, "dlv_a"); err != nil {
		t.Fatal(err)
	}
	if err := q.Done(ctx, "dlv_none"); err != nil {
		t.Fatal(err)
	}
	due, _ = q.Due(ctx, now, 10)
	ids = ids[:0]
	for _, p := range due {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"dlv_b", "dlv_d"}) {
		t.Fatalf("due after a lease and a done: %v", ids)
	}
	rec, err := env.store.Record(ctx, qinglang.RecDelivery, "dlv_a")
	if err != nil || rec.State != "done" || !rec.Due.IsZero() {
		t.Fatalf("done record %+v, %v", rec, err)
	}
}

// rgReceiver is an endpoint that verifies every delivery's signature and
// fails the first attempt of each delivery.
type rgReceiver struct {
	mu       sync.Mutex
	secret   string
	attempts map[string]int
	bodies   [][]byte
	bad      []string
	got      chan struct{}
}

func (r *rgReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	err := webhook.Verify(r.secret, req.Header.Get(webhook.HeaderTimestamp), req.Header.Get(webhook.HeaderSignature),
		body, time.Now(), 0)
	if err != nil {
		r.bad = append(r.bad, err.Error())
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	id := req.Header.Get(webhook.HeaderDelivery)
	r.attempts[id]++
	if r.attempts[id] == 1 {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	r.bodies = append(r.bodies, body)
	select {
	case r.got <- struct{}{}:
	default:
	}
}

func TestWebhookDispatcherOverRecords(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	recv := &rgReceiver{attempts: map[string]int{}, got: make(chan struct{}, 1)}
	srv := httptest.NewServer(recv)
	defer srv.Close()
	nw, err := s.CreateWebhook(ctx, rgDouyin, webhook.Endpoint{URL: srv.URL + "/hook", Events: []string{webhook.EventDirective}})
	if err != nil {
		t.Fatal(err)
	}
	recv.mu.Lock()
	recv.secret = nw.Secret
	recv.mu.Unlock()

	d, err := webhook.NewDispatcher(s.WebhookQueue(), s.WebhookEndpoints(), s.WebhookLog(), webhook.Config{
		Schedule: []time.Duration{20 * time.Millisecond}, MaxAttempts: 3, PollInterval: 10 * time.Millisecond,
		Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := s.SendDirective(ctx, rgRegulator("310115"), rgNotice())
	if err != nil {
		t.Fatal(err)
	}
	var deliveries []string
	for _, rec := range env.changes() {
		if m, ok := s.WebhookMessage(rec); ok {
			ids, err := d.Enqueue(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			deliveries = append(deliveries, ids...)
		}
	}
	if len(deliveries) != 1 {
		t.Fatalf("enqueued %v", deliveries)
	}

	run, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- d.Run(run) }()
	select {
	case <-recv.got:
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery within 10s")
	}
	// Wait for the log to hold the delivered attempt, then stop.
	var log []webhook.Attempt
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if log, _, err = s.Deliveries(ctx, rgDouyin, nw.Endpoint.ID, "", 0); err != nil {
			t.Fatal(err)
		}
		if len(log) == 2 {
			break
		}
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	recv.mu.Lock()
	defer recv.mu.Unlock()
	if len(recv.bad) > 0 || len(recv.bodies) != 1 {
		t.Fatalf("receiver: bad %v, %d bodies", recv.bad, len(recv.bodies))
	}
	var env2 struct {
		ID   string             `json:"id"`
		Type string             `json:"type"`
		Data qinglang.Directive `json:"data"`
	}
	if err := json.Unmarshal(recv.bodies[0], &env2); err != nil || env2.ID != deliveries[0] || env2.Type != "directive" ||
		env2.Data.ID != sent.ID {
		t.Fatalf("delivered %s, %v", recv.bodies[0], err)
	}
	if len(log) != 2 {
		t.Fatalf("delivery log %+v", log)
	}
	last, first := log[0], log[1]
	if !last.Delivered || last.Status != 200 || last.Attempt != 2 || last.DeliveryID != deliveries[0] {
		t.Fatalf("last attempt %+v", last)
	}
	if first.Delivered || first.Status != 503 || first.Attempt != 1 || first.NextAt.IsZero() || first.Error == "" {
		t.Fatalf("first attempt %+v", first)
	}
	rec, err := env.store.Record(ctx, qinglang.RecDelivery, deliveries[0])
	if err != nil || rec.State != "done" {
		t.Fatalf("delivery record %+v, %v", rec, err)
	}
	rec, err = env.store.Record(ctx, qinglang.RecAttempt, deliveries[0]+".2")
	if err != nil || rec.Subject != nw.Endpoint.ID || rec.Platform != "douyin" || rec.State != "delivered" {
		t.Fatalf("attempt record %+v, %v", rec, err)
	}
	_, _, err = s.Deliveries(ctx, rgKuaishou, nw.Endpoint.ID, "", 0)
	rgWantCode(t, err, qinglang.ENOTFOUND)
	page, next, err := s.Deliveries(ctx, rgDouyin, nw.Endpoint.ID, "", 1)
	if err != nil || len(page) != 1 || next == "" || page[0].Attempt != 2 {
		t.Fatalf("first page %+v, %q, %v", page, next, err)
	}
}
