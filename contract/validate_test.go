package contract

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestValidateGoBuiltEvents(t *testing.T) {
	ts := time.Date(2025, 6, 12, 20, 0, 0, 0, cst)
	order := func(mod func(*qinglang.Event)) qinglang.Event {
		ev := qinglang.Event{Type: qinglang.Order, TS: ts, Room: "r", User: "u", Product: "p", Qty: 1, AmountFen: 0}
		if mod != nil {
			mod(&ev)
		}
		return ev
	}
	tests := []struct {
		name  string
		ev    qinglang.Event
		field string // "" when valid
		en    string
	}{
		{"valid order with zero amount", order(nil), "", ""},
		{"no type", order(func(e *qinglang.Event) { e.Type = "" }), "type", "missing required field"},
		{"unknown type", order(func(e *qinglang.Event) { e.Type = "refund" }), "type", `unknown event type "refund"`},
		{"invalid UTF-8 type", order(func(e *qinglang.Event) { e.Type = "\xff" }), "type", "invalid UTF-8"},
		{"no ts", order(func(e *qinglang.Event) { e.TS = time.Time{} }), "ts", "missing required field"},
		{"no room", order(func(e *qinglang.Event) { e.Room = "" }), "room", "missing required field"},
		{"qty zero", order(func(e *qinglang.Event) { e.Qty = 0 }), "qty", "must be an integer >= 1 (got 0)"},
		{"negative amount", order(func(e *qinglang.Event) { e.AmountFen = -1 }), "amount_fen", "must be an integer >= 0 (got -1)"},
		{"invalid UTF-8 user", order(func(e *qinglang.Event) { e.User = "a\xffb" }), "user", "invalid UTF-8"},
		{"long id", order(func(e *qinglang.Event) { e.ID = strings.Repeat("i", 129) }), "id", "longer than 128 bytes"},
		{"invalid UTF-8 platform", order(func(e *qinglang.Event) { e.Platform = "\xc3" }), "platform", "invalid UTF-8"},
		{"bad ip", order(func(e *qinglang.Event) { e.IP = "1.2.3.4.5" }), "ip", "not a valid IPv4 or IPv6 address"},
		{"fields the type does not use are not checked", order(func(e *qinglang.Event) { e.Text = strings.Repeat("x", 9999); e.Host = "\xff" }), "", ""},
		{"listing without room", qinglang.Event{Type: qinglang.Listing, TS: ts, Product: "p", Title: "t", Merchant: "m", Category: qinglang.CatDrug}, "", ""},
		{"listing unknown category", qinglang.Event{Type: qinglang.Listing, TS: ts, Product: "p", Title: "t", Merchant: "m", Category: "toys"}, "category", `unknown category "toys"`},
		{"listing no category", qinglang.Event{Type: qinglang.Listing, TS: ts, Product: "p", Title: "t", Merchant: "m"}, "category", "missing required field"},
		{"listing negative original price", qinglang.Event{Type: qinglang.Listing, TS: ts, Product: "p", Title: "t", Merchant: "m", Category: qinglang.CatFood,
			OriginalPriceFen: ptr[int64](-1)}, "original_price_fen", "must be an integer >= 0"},
		{"account without created_at", qinglang.Event{Type: qinglang.Account, TS: ts, User: "u"}, "created_at", "missing required field"},
		{"account negative followers", qinglang.Event{Type: qinglang.Account, TS: ts, User: "u", CreatedAt: &ts, Followers: ptr[int64](-3)}, "followers", "(got -3)"},
		{"speech text limit", qinglang.Event{Type: qinglang.Speech, TS: ts, Room: "r", Speaker: "h", Text: strings.Repeat("字", 4001)}, "text", "longer than 4000 characters"},
		{"comment text limit", qinglang.Event{Type: qinglang.Comment, TS: ts, Room: "r", User: "u", Text: strings.Repeat("字", 501)}, "text", "longer than 500 characters"},
		{"room_start title limit", qinglang.Event{Type: qinglang.RoomStart, TS: ts, Room: "r", Host: "h", Title: strings.Repeat("字", 501)}, "title", "longer than 500 characters"},
		{"room_start without host", qinglang.Event{Type: qinglang.RoomStart, TS: ts, Room: "r"}, "host", "missing required field"},
		{"room_end", qinglang.Event{Type: qinglang.RoomEnd, TS: ts, Room: "r"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev
			p := Validate(&ev)
			if tt.field == "" {
				if p != nil {
					t.Fatalf("rejected: %v", p)
				}
				if ev.Platform != qinglang.DefaultPlatform {
					t.Errorf("Platform = %q, want the default", ev.Platform)
				}
				return
			}
			if p == nil {
				t.Fatal("accepted")
			}
			if p.Field != tt.field || !strings.Contains(p.ReasonEN, tt.en) || p.Reason == "" {
				t.Errorf("problem = %+v, want field %q and %q", p, tt.field, tt.en)
			}
		})
	}
}

func TestValidateKeepsPlatform(t *testing.T) {
	ev := exampleEvents[4]
	ev.Platform = "kuaishou"
	if p := Validate(&ev); p != nil || ev.Platform != "kuaishou" {
		t.Errorf("Validate = %v, platform %q", p, ev.Platform)
	}
}

// TestValidateAcceptsDecoded checks that what DecodeEvent accepts passes
// Validate unchanged.
func TestValidateAcceptsDecoded(t *testing.T) {
	for _, line := range exampleLines {
		ev, p := DecodeEvent([]byte(line))
		if p != nil {
			t.Fatal(p)
		}
		before := ev
		if p := Validate(&ev); p != nil {
			t.Errorf("Validate rejected a decoded event: %v", p)
		}
		if d := sameEvent(before, ev); d != "" {
			t.Errorf("Validate changed a decoded event: %s", d)
		}
	}
}
