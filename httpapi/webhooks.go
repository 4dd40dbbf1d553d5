package httpapi

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/webhook"
)

// maxDeliveriesLimit is the largest page of a webhook's delivery log.
const maxDeliveriesLimit = 1000

// webhookRequest is the body of POST /v1/webhooks.
type webhookRequest struct {
	URL      string   `json:"url"`
	Platform string   `json:"platform"`
	Events   []string `json:"events"`
}

// webhookList answers GET /v1/webhooks.
type webhookList struct {
	Webhooks []webhook.Endpoint `json:"webhooks"`
}

// delivery is one attempt of the delivery log (webhook.Attempt, which has
// no JSON names).
type delivery struct {
	DeliveryID string    `json:"delivery_id"`
	EndpointID string    `json:"endpoint_id"`
	Type       string    `json:"type"`
	Attempt    int       `json:"attempt"`
	At         time.Time `json:"at"`
	// Status is the HTTP status the endpoint answered, 0 for none.
	Status     int       `json:"status"`
	Error      string    `json:"error,omitempty"`
	DurationMS float64   `json:"duration_ms"`
	NextAt     time.Time `json:"next_at,omitzero"`
	Delivered  bool      `json:"delivered"`
}

// deliveryPage answers GET /v1/webhooks/{id}/deliveries, the latest
// attempt first; Next is absent on the last page.
type deliveryPage struct {
	Deliveries []delivery `json:"deliveries"`
	Next       string     `json:"next,omitempty"`
}

// postWebhook subscribes an endpoint to a platform's events and answers it
// with its signing secret, 201. The secret appears in this answer only, so
// the answer must not be cached.
func (s *Server) postWebhook(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	var req webhookRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.URL == "" {
		s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID, "缺少字段 url（https 地址）", "missing field url (an https address)"))
		return
	}
	for i, t := range req.Events {
		if !webhook.KnownEvent(t) {
			s.writeError(w, r, mustBeOneOf("events["+strconv.Itoa(i)+"]", t, webhook.EventTypes))
			return
		}
	}
	nw, err := enf.CreateWebhook(r.Context(), principalOf(r), webhook.Endpoint{URL: req.URL, Platform: req.Platform,
		Events: slices.Clone(req.Events)})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, r, http.StatusCreated, enforce.NewWebhook{Endpoint: cleanEndpoint(nw.Endpoint), Secret: nw.Secret})
}

// getWebhooks lists the endpoints the principal manages, inactive ones
// too, without their secrets.
func (s *Server) getWebhooks(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	eps, err := enf.Webhooks(r.Context(), principalOf(r))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := webhookList{Webhooks: make([]webhook.Endpoint, len(eps))}
	for i, e := range eps {
		out.Webhooks[i] = cleanEndpoint(e)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// deleteWebhook deactivates an endpoint (its record and delivery log
// stay) and answers 204 without a body.
func (s *Server) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	if err := enf.DeleteWebhook(r.Context(), principalOf(r), r.PathValue("id")); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// getWebhookDeliveries answers a page of an endpoint's delivery log, the
// latest attempt first.
func (s *Server) getWebhookDeliveries(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	cursor := q.one("cursor")
	limit := q.limit("limit", maxDeliveriesLimit)
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	as, next, err := enf.Deliveries(r.Context(), principalOf(r), r.PathValue("id"), cursor, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := deliveryPage{Deliveries: make([]delivery, len(as)), Next: next}
	for i, a := range as {
		out.Deliveries[i] = delivery{DeliveryID: a.DeliveryID, EndpointID: a.EndpointID, Type: a.Type, Attempt: a.Attempt,
			At: a.At, Status: a.Status, Error: a.Error, DurationMS: float64(a.Duration) / float64(time.Millisecond),
			NextAt: a.NextAt, Delivered: a.Delivered}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// cleanEndpoint makes an endpoint's events an empty list (every event)
// rather than null and drops its secret, whatever the service left in it.
func cleanEndpoint(e webhook.Endpoint) webhook.Endpoint {
	e.Events = nonNil(e.Events)
	e.Secret = ""
	return e
}
