package server_test

import (
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
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
	// Several rules fire — 根治 (a cure claim, split over both segments),
	// 治失眠 (a named disease) among them — each once, the same on the
	// live stream and through the API.
	var got []qinglang.Finding
	waitFor(t, 10*time.Second, func() string { return fmt.Sprintf("%d findings via the API", len(got)) }, func() bool {
		got = allFindings(t, m, url.Values{"room": {"r1"}, "kind": {"claim"}})
		// the last segment's findings are stored in one transaction, the
		// cure claim among them
		return slices.ContainsFunc(got, func(f qinglang.Finding) bool { return f.Rule == "ad.medical.cure" })
	})
	if len(got) < 2 {
		t.Fatalf("GET /v1/findings = %d findings, want at least the cure and the disease claims", len(got))
	}
	live := map[string][]string{}
	for range got {
		f := c.next(t)
		if f.Kind != "claim" || f.Room != "r1" || f.Basis == "" {
			t.Fatalf("live finding = %+v, want a claim in r1 with its basis", f)
		}
		if _, dup := live[f.Rule]; dup {
			t.Errorf("rule %s reported twice", f.Rule)
		}
		live[f.Rule] = f.EventIDs
	}
	if ids := live["ad.medical.cure"]; len(ids) != 2 || ids[0] != "c2" || ids[1] != "c3" {
		t.Errorf("the cure claim rests on %v, want both segments c2 and c3 (live: %v)", ids, live)
	}
	for _, f := range got {
		if _, ok := live[f.Rule]; !ok {
			t.Errorf("finding %s via the API was not on the stream", f.Rule)
		}
		if f.Severity != "critical" {
			t.Errorf("finding %s is %s, want critical (a disease claim on food)", f.Rule, f.Severity)
		}
	}
}
