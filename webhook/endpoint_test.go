package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestEndpointValidate(t *testing.T) {
	good := endpoint("ep1", "douyin", "https://hooks.example.com/qinglang", EventFinding, EventDirective)
	if err := good.Validate(); err != nil {
		t.Fatalf("good endpoint: %v", err)
	}
	for _, u := range []string{"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9/hook", "https://10.0.0.1/x?tenant=7"} {
		e := good
		e.URL = u
		if err := e.Validate(); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	cases := map[string]func(*Endpoint){
		"no id":             func(e *Endpoint) { e.ID = "" },
		"no platform":       func(e *Endpoint) { e.Platform = "" },
		"plain http":        func(e *Endpoint) { e.URL = "http://hooks.example.com/q" },
		"http to 127.0.0.2": func(e *Endpoint) { e.URL = "http://127.0.0.2/q" },
		"relative":          func(e *Endpoint) { e.URL = "/hook" },
		"ftp":               func(e *Endpoint) { e.URL = "ftp://hooks.example.com/q" },
		"user info":         func(e *Endpoint) { e.URL = "https://user:pass@hooks.example.com/q" },
		"fragment":          func(e *Endpoint) { e.URL = "https://hooks.example.com/q#x" },
		"unparsable":        func(e *Endpoint) { e.URL = "https://[bad" },
		"short secret":      func(e *Endpoint) { e.Secret = "0123456789abcde" },
		"unknown event":     func(e *Endpoint) { e.Events = []string{EventFinding, "findings"} },
	}
	for name, change := range cases {
		e := good
		change(&e)
		err := e.Validate()
		if qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if strings.Contains(err.Error(), "pass@") {
			t.Errorf("%s: the error repeats the URL: %v", name, err)
		}
	}
}

func TestSubscribed(t *testing.T) {
	all := endpoint("a", "douyin", "https://x.example/")
	some := endpoint("s", "douyin", "https://x.example/", EventMeasure)
	for _, ty := range EventTypes {
		if !all.Subscribed(ty) {
			t.Errorf("no events: not subscribed to %s", ty)
		}
		if some.Subscribed(ty) != (ty == EventMeasure) {
			t.Errorf("measure only: subscribed to %s = %v", ty, some.Subscribed(ty))
		}
	}
}

func TestNewSecret(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	if len(a) != 64 || a == b || strings.Trim(a, "0123456789abcdef") != "" {
		t.Fatalf("secrets %q %q", a, b)
	}
	e := endpoint("ep1", "douyin", "https://x.example/")
	e.Secret = a
	if err := e.Validate(); err != nil {
		t.Errorf("a new secret is refused: %v", err)
	}
}

func TestEndpointKeepsItsSecret(t *testing.T) {
	e := endpoint("ep1", "douyin", "https://x.example/hook?token=TOKEN-123")
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("endpoint", "ep", e)
	for name, s := range map[string]string{"String": e.String(), "%+v": fmt.Sprintf("%+v", e), "slog": buf.String()} {
		if strings.Contains(s, secret) || strings.Contains(s, "TOKEN-123") {
			t.Errorf("%s shows the secret or the token: %s", name, s)
		}
		if !strings.Contains(s, "ep1") {
			t.Errorf("%s does not name the endpoint: %s", name, s)
		}
	}
	// JSON keeps the URL (an API shows it to the platform) but not the secret.
	if js, _ := json.Marshal(e); strings.Contains(string(js), secret) {
		t.Errorf("JSON shows the secret: %s", js)
	}
}

func TestEndpointListActive(t *testing.T) {
	off := endpoint("off", "douyin", "https://x.example/")
	off.Active = false
	l := EndpointList{
		endpoint("all", "douyin", "https://x.example/"),
		endpoint("notices", "douyin", "https://x.example/", EventNotice),
		endpoint("other", "kuaishou", "https://x.example/"),
		off,
	}
	got, err := l.Active(context.Background(), "douyin", EventFinding)
	if err != nil || len(got) != 1 || got[0].ID != "all" {
		t.Errorf("Active = %v %v, want all", got, err)
	}
	if got, _ := l.Active(context.Background(), "douyin", EventNotice); len(got) != 2 {
		t.Errorf("notices to %v, want all and notices", got)
	}
}
