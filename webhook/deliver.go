package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// excerptBytes caps the part of a failed response kept in Attempt.Error.
const excerptBytes = 200

// attempt makes the next attempt at p and records it. A queue or an
// endpoint lookup failing leaves p as it is, due again at the next poll;
// attempt then returns false.
func (d *Dispatcher) attempt(ctx context.Context, p Pending) bool {
	n := p.Attempts + 1
	rec := Attempt{DeliveryID: p.ID, EndpointID: p.EndpointID, Type: p.Type, Attempt: n, At: d.cfg.Clock.Now()}
	ep, found, err := d.endpoint(ctx, p)
	switch {
	case err != nil:
		d.logger.Warn("webhook: endpoint lookup failed", "delivery", p.ID, "endpoint", p.EndpointID, "err", err)
		return false
	case !found:
		rec.Error = qinglang.Errorf(qinglang.ENOTFOUND, "端点 %s 已停用、已删除或不再订阅 %s，放弃投递",
			"endpoint %s is inactive, deleted or no longer subscribed to %s: delivery given up", p.EndpointID, p.Type).Error()
		d.finish(ctx, p, rec)
		return true
	case n > d.cfg.MaxAttempts:
		// Only after a crash during the last attempt, or a lower
		// MaxAttempts: what became of that attempt is unknown.
		rec.Attempt = p.Attempts
		rec.Error = qinglang.Errorf(qinglang.EUNAVAILABLE, "已尝试 %d 次（上限 %d），放弃投递",
			"%d attempts made (limit %d): delivery given up", p.Attempts, d.cfg.MaxAttempts).Error()
		d.finish(ctx, p, rec)
		return true
	}
	if err := ep.Validate(); err != nil {
		rec.Error = err.Error()
		d.finish(ctx, p, rec)
		return true
	}
	leased := p
	leased.Attempts = n
	leased.NextAt = rec.At.Add(d.cfg.Timeout + leaseMargin)
	if err := d.queue.Put(ctx, leased); err != nil {
		d.logger.Warn("webhook: leasing a delivery failed", "delivery", p.ID, "err", err)
		return false
	}
	rec.Status, err = d.post(ctx, ep, p, rec.At)
	end := d.cfg.Clock.Now()
	rec.Duration = end.Sub(rec.At)
	switch {
	case err == nil:
		rec.Delivered = true
		d.finish(ctx, p, rec)
	case rec.Status == http.StatusGone:
		rec.Error = qinglang.Wrap(qinglang.ENOTFOUND, err, "端点表示已不存在（410），本次投递不再重试",
			"the endpoint says it is gone (410): this delivery is not retried").Error()
		d.finish(ctx, p, rec)
	case n >= d.cfg.MaxAttempts:
		rec.Error = qinglang.Wrap(qinglang.EUNAVAILABLE, err, "已尝试 %d 次，放弃投递",
			"%d attempts made: delivery given up", n).Error()
		d.finish(ctx, p, rec)
	default:
		rec.Error = err.Error()
		rec.NextAt = end.Add(d.delay(n))
		leased.NextAt = rec.NextAt
		if err := d.queue.Put(ctx, leased); err != nil {
			// The lease stands: the retry comes when it is over.
			d.logger.Warn("webhook: rescheduling a delivery failed", "delivery", p.ID, "err", err)
			rec.NextAt = leased.NextAt
		}
		d.record(ctx, rec)
	}
	return true
}

// finish removes p from the queue and records its last attempt.
func (d *Dispatcher) finish(ctx context.Context, p Pending, rec Attempt) {
	if err := d.queue.Done(ctx, p.ID); err != nil {
		d.logger.Warn("webhook: removing a finished delivery failed", "delivery", p.ID, "err", err)
	}
	d.record(ctx, rec)
}

func (d *Dispatcher) record(ctx context.Context, rec Attempt) {
	if d.log == nil {
		return
	}
	if err := d.log.Record(ctx, rec); err != nil {
		d.logger.Warn("webhook: recording an attempt failed", "delivery", rec.DeliveryID, "attempt", rec.Attempt, "err", err)
	}
}

// endpoint looks up p's endpoint as it is now (a new secret applies to the
// next attempt; a deactivated endpoint gets no more attempts).
func (d *Dispatcher) endpoint(ctx context.Context, p Pending) (Endpoint, bool, error) {
	eps, err := d.endpoints.Active(ctx, p.Platform, p.Type)
	if err != nil {
		return Endpoint{}, false, err
	}
	for _, ep := range eps {
		if ep.ID == p.EndpointID && ep.Active && ep.Platform == p.Platform && ep.Subscribed(p.Type) {
			return ep, true, nil
		}
	}
	return Endpoint{}, false, nil
}

// post sends p's body to ep, signed at at, and returns the response's
// status; the error is nil only for a 2xx.
func (d *Dispatcher) post(ctx context.Context, ep Endpoint, p Pending, at time.Time) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(p.Body))
	if err != nil {
		return 0, qinglang.Errorf(qinglang.EINVALID, "无法构造请求", "cannot build the request")
	}
	ts := at.Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Qinglang-Webhook/1")
	req.Header.Set(HeaderEvent, p.Type)
	req.Header.Set(HeaderDelivery, p.ID)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign(ep.Secret, ts, p.Body))
	resp, err := d.client.Do(req)
	if err != nil {
		return 0, d.networkError(ctx, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, d.cfg.MaxResponseBytes))
	switch s := resp.StatusCode; {
	case s >= 200 && s < 300:
		return s, nil
	case s >= 300 && s < 400:
		return s, qinglang.Errorf(qinglang.EUNAVAILABLE, "端点返回重定向 HTTP %d，未跟随（投递从不跟随重定向）",
			"the endpoint answered a redirect, HTTP %d, not followed (deliveries never follow redirects)", s)
	default:
		return s, qinglang.Errorf(qinglang.EUNAVAILABLE, "端点返回 HTTP %d：%s", "the endpoint answered HTTP %d: %s", s, excerpt(body))
	}
}

// networkError describes a failed request without its URL, which may
// carry a token.
func (d *Dispatcher) networkError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return qinglang.Errorf(qinglang.EUNAVAILABLE, "%s 内未收到响应", "no response within %s", d.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "请求失败", "the request failed")
}

// delay is the wait after the n-th failed attempt, with jitter.
func (d *Dispatcher) delay(n int) time.Duration {
	base := d.cfg.Schedule[min(n, len(d.cfg.Schedule))-1]
	f := 1 + d.cfg.Jitter*(2*d.cfg.Rand()-1)
	return time.Duration(float64(base) * f)
}

// excerpt is the start of a response body as one line of printable text.
func excerpt(b []byte) string {
	if len(b) > excerptBytes {
		b = b[:excerptBytes] // a character cut in two becomes a space
	}
	s := strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, string(b))
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "（无内容）/ (no body)"
	}
	return s
}
