package spotcheck

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var issued = time.Date(2026, 2, 11, 9, 0, 0, 0, cst)

func policy() Policy {
	p := DefaultPolicy
	p.Now = func() time.Time { return issued }
	return p
}

func listings() []Listing {
	return []Listing{
		{Platform: "a", Room: "r1", Product: "p-formula", Batch: "B2026-01", Merchant: "m1", EventID: "e1"},
		{Platform: "a", Product: "p-formula", Batch: "B2026-02", Merchant: "m1", EventID: "e2"}, // other batch
		{Platform: "b", Room: "r9", Product: "p-formula", Batch: "B2026-01", Merchant: "m7", EventID: "e3"},
		{Platform: "b", Product: "p-formula", Merchant: "m8", EventID: "e4"},                                // batch unknown
		{Platform: "b", Product: "p-other", Batch: "B2026-01", Merchant: "m7", EventID: "e5"},               // other product
		{Platform: "a", Room: "r1", Product: "p-formula", Batch: "B2026-01", Merchant: "m1", EventID: "e1"}, // repeated
	}
}

func eventIDs(ds []Draft) []string {
	var ids []string
	for _, d := range ds {
		ids = append(ids, d.EventID)
	}
	return ids
}

func TestEffectsBatchKnown(t *testing.T) {
	out := policy().Effects(failed(), listings())
	if got := eventIDs(out.Drafts); !slices.Equal(got, []string{"e1", "e3", "e4"}) {
		t.Fatalf("affected %v, want e1 e3 e4 (e2 is another batch, e5 another product)", got)
	}
	for _, d := range out.Drafts {
		if d.Rule != "spotcheck.failed" || d.Kind != qinglang.KindListing || d.Severity != qinglang.SeverityCritical {
			t.Errorf("%s: rule %s kind %s severity %s", d.EventID, d.Rule, d.Kind, d.Severity)
		}
		if d.BatchConfirmed != (d.EventID != "e4") {
			t.Errorf("%s: batch confirmed %v", d.EventID, d.BatchConfirmed)
		}
		if len(d.FailedItems) != 1 || !strings.Contains(d.Basis, "食品安全法") || !strings.Contains(d.Summary, "蛋白质") {
			t.Errorf("%s: %+v", d.EventID, d)
		}
	}
	if !strings.Contains(out.Drafts[2].Summary, "未注明批次") {
		t.Errorf("unknown-batch listing not flagged: %s", out.Drafts[2].Summary)
	}
	f := out.Drafts[0].Finding()
	if f.Rule != Rule || f.Kind != qinglang.KindListing || f.Platform != "a" || f.Room != "r1" ||
		!slices.Equal(f.EventIDs, []string{"e1"}) || f.DedupKey == "" || !json.Valid(f.Evidence) {
		t.Errorf("finding: %+v", f)
	}
}

func TestEffectsBatchUnknown(t *testing.T) {
	r := failed()
	r.Batch = ""
	out := policy().Effects(r, listings())
	if got := eventIDs(out.Drafts); !slices.Equal(got, []string{"e1", "e2", "e3", "e4"}) {
		t.Fatalf("affected %v, want every listing of the product", got)
	}
	for _, d := range out.Drafts {
		if d.BatchConfirmed {
			t.Errorf("%s: batch confirmed without a batch", d.EventID)
		}
	}
}

func TestEffectsNoticePerPlatform(t *testing.T) {
	out := policy().Effects(failed(), listings())
	if len(out.Notices) != 2 || out.Notices[0].Platform != "a" || out.Notices[1].Platform != "b" {
		t.Fatalf("notices: %+v", out.Notices)
	}
	a, b := out.Notices[0], out.Notices[1]
	if len(a.Listings) != 1 || len(b.Listings) != 2 || b.Listings[0].EventID != "e3" || b.Listings[1].Batch != "" {
		t.Errorf("listings: a %+v, b %+v", a.Listings, b.Listings)
	}
	if !b.DueBy.Equal(issued.Add(24*time.Hour)) || b.DeadlineHours != 24 {
		t.Errorf("deadline: %v, %v h", b.DueBy, b.DeadlineHours)
	}
	zh, en := b.Text(), b.TextEN()
	for _, s := range []string{"下架通知", "平台 b", "p-formula", "B2026-01", "蛋白质 检测值 1.2g/100kJ（限值 ≥1.8g/100kJ）",
		"e3", "m7", "直播间 r9", "e4", "《中华人民共和国食品安全法》", "2026-02-12 09:00:00 +08:00", "24 小时", "复检"} {
		if !strings.Contains(zh, s) {
			t.Errorf("Chinese notice lacks %q:\n%s", s, zh)
		}
	}
	for _, s := range []string{"Delisting notice", "platform b", "Failed items", "measured 1.2 g/100kJ (limit ≥1.8 g/100kJ)",
		"e3", "Food Safety Law", "within 24 hours", "re-test"} {
		if !strings.Contains(en, s) {
			t.Errorf("English notice lacks %q:\n%s", s, en)
		}
	}
	js, err := b.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Notice
	if err := json.Unmarshal(js, &back); err != nil || back.Platform != "b" || len(back.Listings) != 2 || back.DeadlineHours != 24 {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}

	// A configurable deadline.
	p := policy()
	p.Deadline = 48 * time.Hour
	if n := p.Effects(failed(), listings()).Notices[0]; n.DeadlineHours != 48 || !strings.Contains(n.TextEN(), "within 48 hours") {
		t.Errorf("48 h deadline: %v", n.DeadlineHours)
	}
}

func TestEffectsPublicRecord(t *testing.T) {
	out := policy().Effects(failed(), listings())
	rec := out.Record
	if rec == nil || rec.Product != "p-formula" || rec.Batch != "B2026-01" || rec.Merchant != "m1" || rec.Platform != "a" ||
		rec.Lab == "" || rec.TestedOn != "2026-02-10" || rec.SampledOn != "2026-02-01" || len(rec.FailedItems) != 1 {
		t.Fatalf("record: %+v", rec)
	}
	want := []PublicSeller{{"a", "m1"}, {"b", "m7"}, {"b", "m8"}}
	if !slices.Equal(rec.Sellers, want) {
		t.Errorf("sellers %v, want %v", rec.Sellers, want)
	}
	js, _ := json.Marshal(rec)
	for _, s := range []string{"r1", "r9", "e1", "e3", "room", "event", "host", "user"} {
		if strings.Contains(string(js), s) {
			t.Errorf("public record holds %q: %s", s, js)
		}
	}
}

func TestEffectsSeverityAndPass(t *testing.T) {
	r := failed()
	r.Category = qinglang.CatApparel
	out := policy().Effects(r, listings())
	if out.Drafts[0].Severity != qinglang.SeverityHigh || !strings.Contains(out.Drafts[0].Basis, "产品质量法") ||
		strings.Contains(out.Drafts[0].Basis, "待核实") {
		t.Errorf("apparel: %s %s", out.Drafts[0].Severity, out.Drafts[0].Basis)
	}
	for _, c := range []qinglang.Category{qinglang.CatFood, qinglang.CatHealthFood} {
		r.Category = c
		if s := policy().Effects(r, listings()).Drafts[0].Severity; s != qinglang.SeverityCritical {
			t.Errorf("%s: severity %s", c, s)
		}
	}
	r = failed()
	if d := policy().Effects(r, listings()).Drafts[0]; !strings.Contains(d.Basis, "第八十七条（条号待核实）") ||
		!strings.Contains(d.BasisEN, "art. 87 (article number unverified)") {
		t.Errorf("unverified article not marked: %s / %s", d.Basis, d.BasisEN)
	}
	r.Pass, r.FailedItems = true, nil
	if out := Effects(r, listings()); len(out.Drafts)+len(out.Notices) != 0 || out.Record != nil {
		t.Errorf("a pass has effects: %+v", out)
	}
	if out := policy().Effects(failed(), nil); len(out.Drafts) != 0 || len(out.Notices) != 0 || out.Record == nil {
		t.Errorf("no listings: %+v", out)
	}
}
