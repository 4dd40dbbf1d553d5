package server_test

import (
	"net/url"
	"testing"
	"time"
)

// A false claim split over two ASR segments reaches the live stream and
// the API as one finding, with the category of the product on sale.
func TestClaimThroughServe(t *testing.T) {
	m := newServer(t)
	c := openStream(t, m)
	postOK(t, m, lines(
		`{"type":"room_start","id":"c0","ts":"`+at(0)+`","room":"r1","host":"h1"}`,
		`{"type":"listing","id":"c1","ts":"`+at(time.Second)+`","room":"r1","product":"p1","title":"酸枣仁茶","merchant":"m1","category":"food","price_fen":3990}`,
		`{"type":"speech","id":"c2","ts":"`+at(time.Minute)+`","room":"r1","speaker":"h1","text":"家人们这个茶能根"}`,
		`{"type":"speech","id":"c3","ts":"`+at(time.Minute+3*time.Second)+`","room":"r1","speaker":"h1","text":"治失眠"}`,
	))
	// Two rules fire: 根治 (a cure claim, split over both segments) and
	// 治失眠 (a named disease), each once, live and through the API.
	live := map[string][]string{}
	for range 2 {
		f := c.next(t)
		if f.Kind != "claim" || f.Room != "r1" || f.Severity != "critical" || f.Basis == "" {
			t.Fatalf("live finding = %+v, want a critical claim in r1 with its basis", f)
		}
		live[f.Rule] = f.EventIDs
	}
	if ids := live["ad.medical.cure"]; len(ids) != 2 || ids[0] != "c2" || ids[1] != "c3" {
		t.Errorf("the cure claim rests on %v, want both segments c2 and c3 (live: %v)", ids, live)
	}
	got := allFindings(t, m, url.Values{"room": {"r1"}, "kind": {"claim"}})
	if len(got) != 2 {
		t.Fatalf("GET /v1/findings = %d findings, want the same 2", len(got))
	}
	for _, f := range got {
		if _, ok := live[f.Rule]; !ok {
			t.Errorf("finding %s via the API was not on the stream", f.Rule)
		}
	}
}
