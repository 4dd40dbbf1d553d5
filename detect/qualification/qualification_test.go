package qualification

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/qualify"
	"github.com/qinglang/qinglang/registry"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

var at = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))

// fixture is a small registry: m-food holds only a food business licence,
// m-old one that expired, h1 an adult host, h-young a host who was 16
// without a guardian's consent in June 2025 (and adult when imported).
func fixture(t *testing.T) *registry.Registry {
	t.Helper()
	r, err := registry.New([]byte("test-salt-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	lic := func(n, from, to string) qualify.Licence {
		l, err := qualify.ParseLicence(n)
		if err != nil {
			t.Fatal(err)
		}
		l.Validity = qualify.Validity{From: day(from), To: day(to)}
		return l
	}
	for _, m := range []registry.Merchant{
		{ID: "m-food", Name: "鲜食小铺", USCC: "91440101MA5CJQ4N59", Licences: []qualify.Licence{lic("JY14401010000001", "2024-01-01", "2028-12-31")}},
		{ID: "m-old", Name: "旧证食品店", USCC: "91440101MA5CJQ4N59", Licences: []qualify.Licence{lic("JY14401010000002", "2020-01-01", "2024-12-31")}},
	} {
		if err := r.AddMerchant(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range []struct{ id, name, birth string }{{"h1", "主播甲", "19950304"}, {"h-young", "主播乙", "20090110"}} {
		host, err := r.IdentifyHost(registry.Host{ID: h.id, Name: h.name}, residentID(h.birth), day("2027-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		if err := r.AddHost(host, day("2027-06-01")); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// residentID makes a valid (fictitious) resident ID born on birth (YYYYMMDD).
func residentID(birth string) string {
	body := "110101" + birth + "123"
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

func run(t *testing.T, d *Detector, room *pipeline.Room, ev qinglang.Event) []qinglang.Finding {
	t.Helper()
	if ev.Platform == "" {
		ev.Platform = qinglang.DefaultPlatform
	}
	if room != nil {
		room.Observe(&ev)
	}
	fs, err := d.Detect(context.Background(), &pipeline.Input{Event: &ev, Room: room})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Kind != qinglang.KindQualification || f.Summary == "" || f.SummaryEN == "" || f.Basis == "" || f.DedupKey == "" || !json.Valid(f.Evidence) {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	return fs
}

func listing(id, merchant string, cat qinglang.Category, title string) qinglang.Event {
	return qinglang.Event{Type: qinglang.Listing, ID: id, TS: at, Room: "r1", Product: "p-" + id,
		Title: title, Merchant: merchant, Category: cat, PriceFen: 9900}
}

func TestHealthFoodWithOnlyFoodLicence(t *testing.T) {
	d := New(fixture(t))
	fs := run(t, d, pipeline.NewRoom(qinglang.RoomKey{Room: "r1"}), listing("e1", "m-food", qinglang.CatHealthFood, "鲜食 蛋白粉"))
	if len(fs) != 1 || fs[0].Rule != RuleMissingLicence || fs[0].Severity != qinglang.SeverityHigh {
		t.Fatalf("findings = %+v, want one missing licence", fs)
	}
	var ev GapEvidence
	if err := json.Unmarshal(fs[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Reason != qualify.GapMissing || len(ev.Need) != 2 || ev.Need[0] != qualify.KindHealthFoodRegistration ||
		len(ev.Held) != 1 || ev.Held[0].Kind != qualify.KindFoodBusiness || ev.Held[0].Status != qualify.StatusValid {
		t.Errorf("evidence = %+v", ev)
	}
	if !strings.Contains(fs[0].Summary, "保健食品") || !strings.Contains(fs[0].SummaryEN, "health") {
		t.Errorf("summary %q / %q should name the missing registration", fs[0].Summary, fs[0].SummaryEN)
	}
	if fs[0].EventIDs[0] != "e1" {
		t.Errorf("event ids = %v", fs[0].EventIDs)
	}
}

func TestExpiredLicence(t *testing.T) {
	d := New(fixture(t))
	fs := run(t, d, nil, listing("e2", "m-old", qinglang.CatFood, "旧证 饼干"))
	if len(fs) != 1 || fs[0].Rule != RuleExpiredLicence {
		t.Fatalf("findings = %+v, want one expired licence", fs)
	}
	var ev GapEvidence
	_ = json.Unmarshal(fs[0].Evidence, &ev)
	if ev.Number != "JY14401010000002" || ev.Held[0].Status != qualify.StatusExpired || ev.Held[0].ValidTo != "2024-12-31" {
		t.Errorf("evidence = %+v", ev)
	}
}

func TestQualifiedAndUnknown(t *testing.T) {
	d := New(fixture(t))
	if fs := run(t, d, nil, listing("e3", "m-food", qinglang.CatFood, "饼干")); len(fs) != 0 {
		t.Errorf("a qualified food listing: %+v", fs)
	}
	if fs := run(t, d, nil, listing("e4", "m-food", qinglang.CatApparel, "T恤")); len(fs) != 0 {
		t.Errorf("apparel needs nothing: %+v", fs)
	}
	fs := run(t, d, nil, listing("e5", "m-nobody", qinglang.CatHealthFood, "蛋白粉"))
	if len(fs) != 1 || fs[0].Rule != RuleUnknownMerchant || fs[0].Severity != qinglang.SeverityLow {
		t.Errorf("unknown merchant: %+v", fs)
	}
}

func TestDedupPerRoom(t *testing.T) {
	d := New(fixture(t))
	room := pipeline.NewRoom(qinglang.RoomKey{Room: "r1"})
	a := run(t, d, room, listing("e1", "m-food", qinglang.CatHealthFood, "蛋白粉"))
	l := listing("e9", "m-food", qinglang.CatHealthFood, "蛋白粉 加量装")
	l.Product = "p-other"
	b := run(t, d, room, l)
	if len(a) != 1 || len(b) != 0 {
		t.Errorf("same gap twice in a room: %d then %d findings, want 1 then 0", len(a), len(b))
	}
	// Without room state, the same dedup key (so the same finding id).
	c := run(t, d, nil, l)
	if len(c) != 1 || c[0].DedupKey != a[0].DedupKey {
		t.Errorf("dedup key %v, want %q", c, a[0].DedupKey)
	}
}

func start(host string) qinglang.Event {
	return qinglang.Event{Type: qinglang.RoomStart, ID: "s1", TS: at, Room: "r1", Host: host, Merchant: "m-food"}
}

func TestHosts(t *testing.T) {
	d := New(fixture(t))
	if fs := run(t, d, nil, start("h1")); len(fs) != 0 {
		t.Errorf("adult registered host: %+v", fs)
	}
	fs := run(t, d, nil, start("h-nobody"))
	if len(fs) != 1 || fs[0].Rule != RuleUnknownHost || fs[0].Severity != qinglang.SeverityLow {
		t.Errorf("unknown host: %+v", fs)
	}
	fs = run(t, d, nil, start("h-young"))
	if len(fs) != 1 || fs[0].Rule != RuleHostUnderAge || fs[0].Severity != qinglang.SeverityCritical {
		t.Fatalf("under-age host: %+v", fs)
	}
	var ev HostAgeEvidence
	_ = json.Unmarshal(fs[0].Evidence, &ev)
	if ev.Age != 16 || ev.Gate != qualify.AgeNeedsGuardian || ev.GuardianConsent {
		t.Errorf("evidence = %+v", ev)
	}
}

func TestAIHost(t *testing.T) {
	yes, no := true, false
	for _, d := range []*Detector{New(nil), New(fixture(t))} {
		ev := start("h1")
		ev.AIHost = &yes
		fs := run(t, d, nil, ev)
		if len(fs) != 1 || fs[0].Rule != RuleAIHostUnlabelled || fs[0].Severity != qinglang.SeverityHigh {
			t.Errorf("AI host without label: %+v", fs)
		}
		ev.AILabel = &no
		if fs := run(t, d, nil, ev); len(fs) != 1 {
			t.Errorf("AI host labelled false: %+v", fs)
		}
		ev.AILabel = &yes
		if fs := run(t, d, nil, ev); len(fs) != 0 {
			t.Errorf("labelled AI host: %+v", fs)
		}
	}
}

func TestNilRegistry(t *testing.T) {
	d := New(nil)
	if fs := run(t, d, nil, listing("e1", "m-nobody", qinglang.CatDrug, "药")); len(fs) != 0 {
		t.Errorf("no registry, no finding: %+v", fs)
	}
	if fs := run(t, d, nil, start("h-nobody")); len(fs) != 0 {
		t.Errorf("no registry, no finding: %+v", fs)
	}
}
