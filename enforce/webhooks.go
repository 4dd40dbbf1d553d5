package enforce

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/webhook"
)

// The states of webhook records.
const (
	webhookActive   = "active"
	webhookInactive = "inactive"
	deliveryPending = "pending"
	deliveryDone    = "done"
	attemptOK       = "delivered"
	attemptFailed   = "failed"
)

// NewWebhook is an endpoint just created: its secret is shown this once.
type NewWebhook struct {
	Endpoint webhook.Endpoint `json:"endpoint"`
	Secret   string           `json:"secret"`
}

// storedEndpoint is a webhook record's body. webhook.Endpoint leaves its
// secret out of JSON; the store keeps it beside (the HMAC needs it whole).
type storedEndpoint struct {
	Endpoint webhook.Endpoint `json:"endpoint"`
	Secret   string           `json:"secret"`
}

// CreateWebhook subscribes an endpoint for a platform (a platform's empty
// one is its own): a new id, a new secret (webhook.NewSecret, shown once),
// active; URL and Events as given.
func (s *Service) CreateWebhook(ctx context.Context, p qinglang.Principal, e webhook.Endpoint) (NewWebhook, error) {
	if e.Platform == "" && p.Role != qinglang.RoleAdmin {
		e.Platform = p.Platform
	}
	if err := authz.Check(p, authz.WebhooksManage, authz.Resource{Platform: e.Platform}); err != nil {
		return NewWebhook{}, err
	}
	if e.Platform == "" {
		return NewWebhook{}, qinglang.Errorf(qinglang.EINVALID, "端点缺少 platform", "the endpoint has no platform")
	}
	e.ID = newID("wh_")
	e.Secret = webhook.NewSecret()
	e.Active = true
	e.CreatedAt = s.now()
	e.Events = slices.Clone(e.Events)
	if err := e.Validate(); err != nil {
		return NewWebhook{}, err
	}
	err := s.inTx(ctx, func(c *change) error {
		if err := c.putEndpoint(ctx, e); err != nil {
			return err
		}
		return s.audit(ctx, c, p, "webhook.create", "webhook:"+e.ID, e) // no secret: its JSON has none
	})
	if err != nil {
		return NewWebhook{}, err
	}
	secret := e.Secret
	e.Secret = ""
	return NewWebhook{Endpoint: e, Secret: secret}, nil
}

// Webhooks lists the endpoints p manages, inactive ones included, the
// most recently changed first, without their secrets.
func (s *Service) Webhooks(ctx context.Context, p qinglang.Principal) ([]webhook.Endpoint, error) {
	if err := authz.Check(p, authz.WebhooksManage, authz.Resource{}); err != nil {
		return nil, err
	}
	f := qinglang.RecordFilter{Kind: qinglang.RecWebhook}
	if p.Role != qinglang.RoleAdmin {
		f.Platform = p.Platform
	}
	eps, err := s.endpoints(ctx, f)
	if err != nil {
		return nil, err
	}
	out := []webhook.Endpoint{}
	for _, e := range eps {
		if authz.Visible(p, authz.Resource{Platform: e.Platform}) {
			e.Secret = ""
			out = append(out, e)
		}
	}
	return out, nil
}

// DeleteWebhook deactivates an endpoint: no more deliveries are enqueued
// for it and its pending ones are given up at their next attempt; the
// record and its delivery log stay. An endpoint p does not manage is
// ENOTFOUND; deactivating an inactive one changes nothing.
func (s *Service) DeleteWebhook(ctx context.Context, p qinglang.Principal, id string) error {
	return s.inTx(ctx, func(c *change) error {
		e, err := c.getEndpoint(ctx, id)
		if err != nil {
			return err
		}
		if err := authz.Check(p, authz.WebhooksManage, authz.Resource{Platform: e.Platform}); err != nil {
			return err
		}
		if !e.Active {
			return nil
		}
		e.Active = false
		if err := c.putEndpoint(ctx, e); err != nil {
			return err
		}
		e.Secret = ""
		return s.audit(ctx, c, p, "webhook.delete", "webhook:"+id, e)
	})
}

// Deliveries returns a page of an endpoint's delivery log, the latest
// attempt first, and the cursor of the next page ("" on the last).
func (s *Service) Deliveries(ctx context.Context, p qinglang.Principal, webhookID, cursor string, limit int) ([]webhook.Attempt, string, error) {
	var st storedEndpoint
	if _, err := s.readJSON(ctx, qinglang.RecWebhook, webhookID, &st); err != nil {
		return nil, "", notFound(err)
	}
	if err := authz.Check(p, authz.WebhooksManage, authz.Resource{Platform: st.Endpoint.Platform}); err != nil {
		return nil, "", err
	}
	if limit < 0 || limit > 1000 {
		return nil, "", qinglang.Errorf(qinglang.EINVALID, "limit 须在 1 到 1000 之间（收到 %d）",
			"limit must be between 1 and 1000 (got %d)", limit)
	}
	page, err := s.cfg.Store.Records(ctx, qinglang.RecordFilter{Kind: qinglang.RecAttempt,
		Platform: st.Endpoint.Platform, Subject: webhookID, Cursor: cursor, Limit: limit})
	if err != nil {
		return nil, "", err
	}
	stored, err := decodeAll[storedAttempt](page.Records)
	if err != nil {
		return nil, "", err
	}
	out := make([]webhook.Attempt, len(stored))
	for i, a := range stored {
		out[i] = a.attempt()
	}
	return out, page.Next, nil
}

// WebhookMessage turns a record just put (Config.OnChange) into the
// message its platform's endpoints receive: a measure, a notice or a
// directive, its body as the data. Other kinds, and a record without a
// platform, are not sent (false). Findings are sent by the server itself.
func (s *Service) WebhookMessage(rec qinglang.Record) (webhook.Message, bool) {
	var t string
	switch rec.Kind {
	case qinglang.RecMeasure:
		t = webhook.EventMeasure
	case qinglang.RecNotice:
		t = webhook.EventNotice
	case qinglang.RecDirective:
		t = webhook.EventDirective
	default:
		return webhook.Message{}, false
	}
	if rec.Platform == "" || !json.Valid(rec.Body) {
		return webhook.Message{}, false
	}
	return webhook.Message{Type: t, Platform: rec.Platform, Data: json.RawMessage(rec.Body)}, true
}

// WebhookEndpoints returns the endpoints kept as records, for a
// webhook.Dispatcher.
func (s *Service) WebhookEndpoints() webhook.Endpoints { return recordEndpoints{s} }

// WebhookQueue returns the pending deliveries kept as records (kind
// delivery), for a webhook.Dispatcher.
func (s *Service) WebhookQueue() webhook.Queue { return recordQueue{s} }

// WebhookLog returns the delivery log kept as records (kind attempt), for
// a webhook.Dispatcher.
func (s *Service) WebhookLog() webhook.Log { return recordLog{s} }

type recordEndpoints struct{ s *Service }

// Active implements webhook.Endpoints: the active endpoints of the
// platform subscribed to the type, with their secrets.
func (r recordEndpoints) Active(ctx context.Context, platform, eventType string) ([]webhook.Endpoint, error) {
	eps, err := r.s.endpoints(ctx, qinglang.RecordFilter{Kind: qinglang.RecWebhook, Platform: platform,
		States: []string{webhookActive}})
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(eps, func(e webhook.Endpoint) bool {
		return !e.Active || e.Platform != platform || !e.Subscribed(eventType)
	}), nil
}

// recordQueue is a webhook.Queue over delivery records: a pending
// delivery has state pending and Due its NextAt; Done sets state done
// (records are not deleted).
type recordQueue struct{ s *Service }

// storedPending is a delivery record's body (webhook.Pending has no JSON
// names). Body is kept as base64, byte for byte: every attempt signs the
// same bytes.
type storedPending struct {
	ID         string    `json:"id"`
	EndpointID string    `json:"endpoint_id"`
	Platform   string    `json:"platform"`
	Type       string    `json:"type"`
	Body       []byte    `json:"body"`
	Attempts   int       `json:"attempts"`
	NextAt     time.Time `json:"next_at"`
	CreatedAt  time.Time `json:"created_at"`
}

// Put implements webhook.Queue.
func (q recordQueue) Put(ctx context.Context, p webhook.Pending) error {
	if p.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "待投递记录缺少 id", "the pending delivery has no id")
	}
	rec := qinglang.Record{Kind: qinglang.RecDelivery, ID: p.ID, Platform: p.Platform, Subject: p.EndpointID,
		State: deliveryPending, Due: p.NextAt}
	body := storedPending{ID: p.ID, EndpointID: p.EndpointID, Platform: p.Platform, Type: p.Type, Body: p.Body,
		Attempts: p.Attempts, NextAt: p.NextAt, CreatedAt: p.CreatedAt}
	return q.s.inTx(ctx, func(c *change) error { return c.put(ctx, rec, body) })
}

// dueScan bounds how many due deliveries Due reads to find the earliest:
// the store lists by the order put, not by due time. Product choice.
const dueScan = 10_000

// Due implements webhook.Queue: the pending deliveries due at now, the
// earliest first (ties by id), at most limit.
func (q recordQueue) Due(ctx context.Context, now time.Time, limit int) ([]webhook.Pending, error) {
	if limit <= 0 {
		return nil, nil
	}
	// DueBefore is strict and the store keeps microseconds: "not after
	// now" is "before the next microsecond".
	f := qinglang.RecordFilter{Kind: qinglang.RecDelivery, States: []string{deliveryPending},
		DueBefore: now.Truncate(time.Microsecond).Add(time.Microsecond), Oldest: true, Limit: 1000}
	var out []webhook.Pending
	for len(out) < dueScan {
		page, err := q.s.cfg.Store.Records(ctx, f)
		if err != nil {
			return nil, err
		}
		ps, err := decodeAll[storedPending](page.Records)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = append(out, webhook.Pending{ID: p.ID, EndpointID: p.EndpointID, Platform: p.Platform, Type: p.Type,
				Body: p.Body, Attempts: p.Attempts, NextAt: p.NextAt, CreatedAt: p.CreatedAt})
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	slices.SortFunc(out, func(a, b webhook.Pending) int {
		return cmp.Or(a.NextAt.Compare(b.NextAt), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(limit, len(out))], nil
}

// Done implements webhook.Queue.
func (q recordQueue) Done(ctx context.Context, id string) error {
	return q.s.inTx(ctx, func(c *change) error {
		var p storedPending
		rec, err := c.get(ctx, qinglang.RecDelivery, id, &p)
		switch {
		case qinglang.Code(err) == qinglang.ENOTFOUND:
			return nil
		case err != nil:
			return err
		case rec.State == deliveryDone:
			return nil
		}
		rec.State, rec.Due = deliveryDone, time.Time{}
		return c.put(ctx, rec, p)
	})
}

// recordLog is a webhook.Log over attempt records: one per attempt, id
// "<delivery id>.<attempt>", Subject the endpoint, Platform the
// endpoint's.
type recordLog struct{ s *Service }

// storedAttempt is an attempt record's body (webhook.Attempt has no JSON
// names).
type storedAttempt struct {
	DeliveryID string    `json:"delivery_id"`
	EndpointID string    `json:"endpoint_id"`
	Type       string    `json:"type"`
	Attempt    int       `json:"attempt"`
	At         time.Time `json:"at"`
	Status     int       `json:"status"`
	Error      string    `json:"error,omitempty"`
	DurationMS float64   `json:"duration_ms"`
	NextAt     time.Time `json:"next_at,omitzero"`
	Delivered  bool      `json:"delivered"`
}

func (a storedAttempt) attempt() webhook.Attempt {
	return webhook.Attempt{DeliveryID: a.DeliveryID, EndpointID: a.EndpointID, Type: a.Type, Attempt: a.Attempt,
		At: a.At, Status: a.Status, Error: a.Error, Duration: time.Duration(a.DurationMS * float64(time.Millisecond)),
		NextAt: a.NextAt, Delivered: a.Delivered}
}

// Record implements webhook.Log.
func (l recordLog) Record(ctx context.Context, a webhook.Attempt) error {
	var st storedEndpoint
	if _, err := l.s.readJSON(ctx, qinglang.RecWebhook, a.EndpointID, &st); err != nil {
		return err
	}
	state := attemptFailed
	if a.Delivered {
		state = attemptOK
	}
	rec := qinglang.Record{Kind: qinglang.RecAttempt, ID: a.DeliveryID + "." + strconv.Itoa(a.Attempt),
		Platform: st.Endpoint.Platform, Subject: a.EndpointID, State: state}
	body := storedAttempt{DeliveryID: a.DeliveryID, EndpointID: a.EndpointID, Type: a.Type, Attempt: a.Attempt,
		At: a.At, Status: a.Status, Error: a.Error, DurationMS: float64(a.Duration) / float64(time.Millisecond),
		NextAt: a.NextAt, Delivered: a.Delivered}
	return l.s.inTx(ctx, func(c *change) error { return c.put(ctx, rec, body) })
}

// endpoints reads every endpoint record of f, with its secret.
func (s *Service) endpoints(ctx context.Context, f qinglang.RecordFilter) ([]webhook.Endpoint, error) {
	recs, err := s.allRecords(ctx, f)
	if err != nil {
		return nil, err
	}
	stored, err := decodeAll[storedEndpoint](recs)
	if err != nil {
		return nil, err
	}
	out := make([]webhook.Endpoint, len(stored))
	for i, st := range stored {
		out[i] = st.Endpoint
		out[i].Secret = st.Secret
	}
	return out, nil
}

// getEndpoint reads an endpoint in the transaction, with its secret; a
// missing one is authz's ENOTFOUND.
func (c *change) getEndpoint(ctx context.Context, id string) (webhook.Endpoint, error) {
	var st storedEndpoint
	if _, err := c.get(ctx, qinglang.RecWebhook, id, &st); err != nil {
		return webhook.Endpoint{}, notFound(err)
	}
	st.Endpoint.Secret = st.Secret
	return st.Endpoint, nil
}

// putEndpoint stores e with its secret.
func (c *change) putEndpoint(ctx context.Context, e webhook.Endpoint) error {
	state := webhookActive
	if !e.Active {
		state = webhookInactive
	}
	rec := qinglang.Record{Kind: qinglang.RecWebhook, ID: e.ID, Platform: e.Platform, State: state}
	return c.put(ctx, rec, storedEndpoint{Endpoint: e, Secret: e.Secret})
}

// newID returns prefix and 24 random hexadecimal digits.
func newID(prefix string) string {
	b := make([]byte, 12)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return prefix + hex.EncodeToString(b)
}
