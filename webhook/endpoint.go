package webhook

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// The event types a delivery can carry (X-Qinglang-Event and the body's
// "type").
const (
	EventFinding   = "finding"   // a finding (qinglang.Finding)
	EventMeasure   = "measure"   // a measure proposed or decided
	EventNotice    = "notice"    // a notice to a subject (qinglang.Notice)
	EventDirective = "directive" // a regulator's notice to a platform (qinglang.Directive)
)

// EventTypes lists every event type.
var EventTypes = []string{EventFinding, EventMeasure, EventNotice, EventDirective}

// KnownEvent reports whether t is one of EventTypes.
func KnownEvent(t string) bool { return slices.Contains(EventTypes, t) }

// MinSecretBytes is the shortest secret an endpoint may have.
const MinSecretBytes = 16

// Endpoint is a platform's subscription: where to deliver, with which
// secret, and which event types.
//
// The secret never leaves through JSON (its tag is "-"), String or
// LogValue: a store persists it explicitly, and an API shows it once, when
// it is created.
type Endpoint struct {
	ID       string `json:"id"`
	Platform string `json:"platform"`
	// URL must be https, except http to 127.0.0.1, ::1 or localhost, for
	// tests and for a receiver on the same machine (a local relay): those
	// requests never leave the host.
	URL    string `json:"url"`
	Secret string `json:"-"`
	// Events lists the event types sent to the endpoint; empty means all.
	Events    []string  `json:"events"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
}

// Subscribed reports whether the endpoint takes events of type t.
func (e Endpoint) Subscribed(t string) bool {
	return len(e.Events) == 0 || slices.Contains(e.Events, t)
}

// Validate checks the endpoint and names the bad field.
func (e Endpoint) Validate() error {
	if e.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "端点缺少 id", "the endpoint has no id")
	}
	if e.Platform == "" {
		return qinglang.Errorf(qinglang.EINVALID, "端点 %s 缺少 platform", "endpoint %s has no platform", e.ID)
	}
	if err := checkURL(e.URL); err != nil {
		return qinglang.Errorf(qinglang.EINVALID, "端点 %s 的 url 无效：%s", "endpoint %s: the url is invalid: %s", e.ID, err.Error())
	}
	if len(e.Secret) < MinSecretBytes {
		return qinglang.Errorf(qinglang.EINVALID, "端点 %s 的 secret 过短（%d 字节，至少 %d 字节）",
			"endpoint %s: the secret is too short (%d bytes, want at least %d)", e.ID, len(e.Secret), MinSecretBytes)
	}
	for _, t := range e.Events {
		if !KnownEvent(t) {
			return qinglang.Errorf(qinglang.EINVALID, "端点 %s 的 events 含未知类型 %q（可用：%s）",
				"endpoint %s: events has the unknown type %q (known: %s)", e.ID, t, strings.Join(EventTypes, ", "))
		}
	}
	return nil
}

// checkURL applies the rule of Endpoint.URL. Its messages do not repeat
// the URL, which may carry a token.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return qinglang.Errorf(qinglang.EINVALID, "无法解析", "cannot be parsed")
	}
	switch {
	case u.Host == "" || u.Opaque != "":
		return qinglang.Errorf(qinglang.EINVALID, "应为绝对地址 https://主机/路径", "want an absolute https://host/path")
	case u.User != nil:
		return qinglang.Errorf(qinglang.EINVALID, "不得包含用户名或密码", "must not carry a user name or password")
	case u.Fragment != "":
		return qinglang.Errorf(qinglang.EINVALID, "不得包含片段（#…）", "must not carry a fragment (#…)")
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && loopback(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return qinglang.Errorf(qinglang.EINVALID, "须使用 https（http 仅限 127.0.0.1、::1 与 localhost）",
			"must use https (http only to 127.0.0.1, ::1 and localhost)")
	}
	return qinglang.Errorf(qinglang.EINVALID, "协议 %q 不受支持，应为 https", "scheme %q is not supported: want https", u.Scheme)
}

func loopback(host string) bool {
	return host == "127.0.0.1" || host == "::1" || strings.EqualFold(host, "localhost")
}

// String describes the endpoint without its secret.
func (e Endpoint) String() string {
	return fmt.Sprintf("endpoint %s (platform %s, %s, events %v, active %v)", e.ID, e.Platform, redactURL(e.URL), e.Events, e.Active)
}

// LogValue describes the endpoint to slog without its secret.
func (e Endpoint) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", e.ID), slog.String("platform", e.Platform),
		slog.String("url", redactURL(e.URL)), slog.Bool("active", e.Active))
}

// redactURL keeps the scheme, host and path of a URL: its query and user
// information may hold tokens.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid url)"
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}

// NewSecret returns a new random secret: 64 hexadecimal digits (32 bytes
// from crypto/rand). The key of the HMAC is the secret's text as is, not
// the bytes the digits encode.
func NewSecret() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return hex.EncodeToString(b)
}

// EndpointList is an Endpoints over a fixed list, for tests and embedded
// use.
type EndpointList []Endpoint

// Active returns the list's active endpoints of platform subscribed to
// eventType.
func (l EndpointList) Active(_ context.Context, platform, eventType string) ([]Endpoint, error) {
	var out []Endpoint
	for _, e := range l {
		if e.Active && e.Platform == platform && e.Subscribed(eventType) {
			out = append(out, e)
		}
	}
	return out, nil
}
