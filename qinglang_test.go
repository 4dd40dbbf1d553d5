package qinglang

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFindingIDIsStableAndSeparatesItsParts(t *testing.T) {
	a := FindingID("default", "r1", "price.fake_original", "p1|198000|29800")
	if a != FindingID("default", "r1", "price.fake_original", "p1|198000|29800") {
		t.Fatal("the same evidence must give the same id")
	}
	if !strings.HasPrefix(a, "f_") || len(a) != 2+24 {
		t.Errorf("id %q: want f_ and 24 hex digits", a)
	}
	// Moving a character between fields must not collide.
	if FindingID("default", "r1x", "rule", "k") == FindingID("default", "r1", "xrule", "k") {
		t.Error("fields must be separated in the hash")
	}
	if a == FindingID("other", "r1", "price.fake_original", "p1|198000|29800") {
		t.Error("another platform is another finding")
	}
}

func TestErrorCodeAndMessages(t *testing.T) {
	base := errors.New("disk full")
	e := Wrap(EUNAVAILABLE, base, "无法写入 %s", "cannot write %s", "events")
	wrapped := fmt.Errorf("batch 7: %w", e)
	if Code(wrapped) != EUNAVAILABLE {
		t.Errorf("Code = %q, want unavailable", Code(wrapped))
	}
	if !errors.Is(wrapped, base) {
		t.Error("the cause must stay reachable")
	}
	if got := e.Error(); got != "无法写入 events / cannot write events: disk full" {
		t.Errorf("Error() = %q", got)
	}
	if Code(nil) != "" || Code(errors.New("x")) != EINTERNAL {
		t.Error("nil has no code; a foreign error is internal")
	}
}

func TestKnownTypesAndCategories(t *testing.T) {
	for _, typ := range EventTypes {
		if !typ.Known() {
			t.Errorf("%s not known", typ)
		}
	}
	if EventType("gift").Known() || Category("toys").Known() {
		t.Error("unknown values must not be known")
	}
	for _, c := range Categories {
		if !c.Known() {
			t.Errorf("%s not known", c)
		}
	}
	if len(Categories) != 12 || len(EventTypes) != 7 {
		t.Errorf("the contract has 12 categories and 7 types, got %d and %d", len(Categories), len(EventTypes))
	}
	if Account.NeedsRoom() || Listing.NeedsRoom() || !Comment.NeedsRoom() {
		t.Error("room is required except for account and listing")
	}
}

func TestSeverityRankAndUnitPrice(t *testing.T) {
	if !(SeverityLow.Rank() < SeverityMedium.Rank() && SeverityMedium.Rank() < SeverityHigh.Rank() &&
		SeverityHigh.Rank() < SeverityCritical.Rank()) || Severity("x").Rank() != 0 {
		t.Error("severity ranks out of order")
	}
	ev := Event{Qty: 3, AmountFen: 1000}
	if ev.UnitPriceFen() != 333 {
		t.Errorf("unit price = %d, want 333 (rounded down)", ev.UnitPriceFen())
	}
}

func TestCategoryName(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Categories {
		zh, en := c.Name()
		if zh == "类目未知" || en == "" || seen[zh] {
			t.Errorf("category %s: name %q / %q", c, zh, en)
		}
		seen[zh] = true
	}
	if zh, en := Category("toys").Name(); zh != "类目未知" || en != "unknown category" {
		t.Errorf("an unknown category: %q / %q", zh, en)
	}
}
