package brandcheck

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/pipeline"
)

var at = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))

func fixture(t *testing.T) *Detector {
	t.Helper()
	f, err := os.Open("testdata/brands.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := brands.LoadYAML("testdata/brands.yaml", f)
	if err != nil {
		t.Fatal(err)
	}
	return New(brands.NewChecker(r))
}

func detect(t *testing.T, d *Detector, room *pipeline.Room, ev qinglang.Event) []qinglang.Finding {
	t.Helper()
	ev.Platform = qinglang.DefaultPlatform
	if room != nil {
		room.Observe(&ev)
	}
	fs, err := d.Detect(context.Background(), &pipeline.Input{Event: &ev, Room: room})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Kind != qinglang.KindListing || f.Summary == "" || f.SummaryEN == "" || f.Basis == "" || f.DedupKey == "" || !json.Valid(f.Evidence) {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	return fs
}

func listing(id, merchant string, cat qinglang.Category, title string, price int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Listing, ID: id, TS: at, Room: "r1", Product: "p-" + id,
		Title: title, Merchant: merchant, Category: cat, PriceFen: price}
}

func byRule(fs []qinglang.Finding) map[string]Evidence {
	out := map[string]Evidence{}
	for _, f := range fs {
		var e Evidence
		_ = json.Unmarshal(f.Evidence, &e)
		out[f.Rule] = e
	}
	return out
}

func TestSlangWithBrand(t *testing.T) {
	fs := detect(t, fixture(t), nil, listing("e1", "m-luye", qinglang.CatApparel, "鹿野 飞羚跑鞋 高仿版", 5900))
	rules := byRule(fs)
	e, ok := rules[brands.RuleSlang]
	if !ok {
		t.Fatalf("findings = %v, want %s", rules, brands.RuleSlang)
	}
	if e.Span.Source != brands.SourceTitle || e.Span.Text == "" || e.Title[e.Span.Start:e.Span.End] != e.Span.Text {
		t.Errorf("span = %+v", e.Span)
	}
	if _, ok := rules[brands.RuleUnauthorised]; ok {
		t.Error("m-luye is authorised")
	}
	if _, ok := rules[brands.RuleBelowFloor]; !ok {
		t.Errorf("5900 is far below the line's floor 39900: %v", rules)
	}
}

func TestUnauthorised(t *testing.T) {
	fs := detect(t, fixture(t), nil, listing("e2", "m-other", qinglang.CatApparel, "鹿野 运动T恤", 12900))
	if len(fs) != 1 || fs[0].Rule != brands.RuleUnauthorised {
		t.Fatalf("findings = %+v, want one unauthorised", fs)
	}
	e := byRule(fs)[brands.RuleUnauthorised]
	if e.Auth == nil || e.Auth.Authorised || e.Auth.Status != brands.StatusNotListed || len(e.Auth.Sellers) != 1 ||
		e.Auth.Sellers[0].Merchant != "m-luye" || e.Span.Text != "鹿野" {
		t.Errorf("evidence = %+v", e)
	}
	if fs[0].EventIDs[0] != "e2" || fs[0].Room != "r1" {
		t.Errorf("finding = %+v", fs[0])
	}
}

func TestCompatibilityIsNoFinding(t *testing.T) {
	if fs := detect(t, fixture(t), nil, listing("e3", "m-other", qinglang.CatElectronics, "适用于星果15 的手机壳", 1990)); len(fs) != 0 {
		t.Errorf("compatibility listing: %+v", fs)
	}
}

func TestHostSpeech(t *testing.T) {
	d := fixture(t)
	room := pipeline.NewRoom(qinglang.RoomKey{Platform: qinglang.DefaultPlatform, Room: "r1"})
	detect(t, d, room, qinglang.Event{Type: qinglang.RoomStart, ID: "s", TS: at, Room: "r1", Host: "h1", Merchant: "m-other"})
	speech := qinglang.Event{Type: qinglang.Speech, ID: "e4", TS: at, Room: "r1", Speaker: "h1", Text: "家人们这是鹿野高仿，一比一"}
	fs := detect(t, d, room, speech)
	if len(fs) == 0 || fs[0].Rule != brands.RuleSlang {
		t.Fatalf("findings = %+v", fs)
	}
	if e := byRule(fs)[brands.RuleSlang]; e.Span.Source != brands.SourceSpeech || e.Text != speech.Text {
		t.Errorf("evidence = %+v", e)
	}
	speech.Speaker, speech.ID = "viewer", "e5"
	if fs := detect(t, d, room, speech); len(fs) != 0 {
		t.Errorf("only the host's speech is checked: %+v", fs)
	}
}

func TestNilChecker(t *testing.T) {
	if fs := detect(t, New(nil), nil, listing("e1", "m-other", qinglang.CatApparel, "鹿野 高仿", 100)); len(fs) != 0 {
		t.Errorf("no registry, no finding: %+v", fs)
	}
}
