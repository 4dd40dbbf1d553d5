package claims

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/rules"
)

const stockPack = `pack: test
version: 1
rules:
  - id: t.stock
    kind: claim
    claim_type: sales
    severity: medium
    patterns: ["只剩{N}件"]
    basis: 《中华人民共和国反不正当竞争法》第八条
    basis_en: Anti-Unfair Competition Law art. 8
    message: 剩余数量须真实
    message_en: stock left must be true
    examples:
      match: [{text: 只剩3件了}]
      no_match: [{text: 还有很多}]
`

func stockFeed(t *testing.T) *feed {
	t.Helper()
	p, problems := rules.Parse("stock.yaml", []byte(stockPack))
	if problems != nil {
		t.Fatal(problems)
	}
	d, err := New(rules.NewSet(p.Rules...))
	if err != nil {
		t.Fatal(err)
	}
	return &feed{t: t, d: d, room: pipeline.NewRoom(qinglang.RoomKey{Platform: "default", Room: "r1"})}
}

func order(id, product string, qty int64, at time.Duration) qinglang.Event {
	return qinglang.Event{Type: qinglang.Order, ID: id, TS: t0.Add(at), User: "u-" + id, Product: product, Qty: qty, AmountFen: 100 * qty}
}

func TestSalesAfterOnlyNLeft(t *testing.T) {
	f := stockFeed(t)
	f.send(qinglang.Event{Type: qinglang.Listing, ID: "l1", TS: t0, Product: "p1", Title: "保温杯", Merchant: "m1",
		Category: qinglang.CatHousehold, PriceFen: 100})
	if fs := f.send(speech("s1", "家人们只剩三件了", time.Minute)); len(fs) != 1 || fs[0].Rule != "t.stock" {
		t.Fatalf("the claim itself: %+v", fs)
	}
	if fs := f.send(order("o0", "p1", 5, 30*time.Second)); len(fs) != 0 {
		t.Errorf("an order before the claim must not count: %+v", fs)
	}
	for i, o := range []qinglang.Event{order("o1", "p1", 2, 2*time.Minute), order("o2", "p2", 5, 3*time.Minute), order("o3", "p1", 1, 4*time.Minute)} {
		if fs := f.send(o); len(fs) != 0 {
			t.Fatalf("order %d: 3 of p1 sold is not more than 3 left (p2 does not count): %+v", i, fs)
		}
	}
	fs := f.send(order("o4", "p1", 1, 5*time.Minute))
	if len(fs) != 1 || fs[0].Rule != ScarcityRule || fs[0].Severity != qinglang.SeverityMedium || fs[0].Basis == "" {
		t.Fatalf("the fourth item: %+v", fs)
	}
	var ev StockEvidence
	if err := json.Unmarshal(fs[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	if ev.ClaimedLeft != 3 || ev.SoldAfter != 4 || len(ev.Orders) != 3 || ev.Product != "p1" {
		t.Errorf("evidence = %+v, want 3 left, 4 sold after, orders o1 o3 o4", ev)
	}
	if ids := fs[0].EventIDs; len(ids) != 4 || ids[0] != "s1" || ids[3] != "o4" {
		t.Errorf("event_ids = %v, want the claim then the orders", ids)
	}
	if fs := f.send(order("o5", "p1", 1, 6*time.Minute)); len(fs) != 0 {
		t.Errorf("a claim is reported once: %+v", fs)
	}
}

func TestStockClaimCloses(t *testing.T) {
	f := stockFeed(t)
	f.send(speech("s1", "只剩1件", 0))
	if fs := f.send(order("o1", "p9", 5, 3*time.Hour)); len(fs) != 0 {
		t.Errorf("sales past the horizon are not compared: %+v", fs)
	}
	if len(f.room.State("claims", nil).(*roomState).stock) != 0 {
		t.Error("a closed claim must be dropped from the room state")
	}
}
