package claims

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/rules"
)

// factsPack has a testimonial rule and sales rules for the cross-checks.
const factsPack = `pack: test-facts
version: 1
rules:
  - id: t.testimonial
    kind: claim
    claim_type: review
    severity: medium
    where: [comment]
    patterns: ["瘦了{N}斤"]
    basis: 《直播电商监督管理办法》第三十四条
    basis_en: Live-Streaming E-Commerce Measures, art. 34
    message: 评论中的减重证言
    message_en: a weight-loss testimonial in a comment
    examples:
      match: [{text: 吃了一个月瘦了8斤, where: comment}]
      no_match: [{text: 什么时候发货, where: comment}]
  - id: t.sales
    kind: claim
    claim_type: sales
    severity: medium
    where: [speech]
    patterns: ["已售{N}", "已售{N}万", "只剩{N}件"]
    basis: 《中华人民共和国反不正当竞争法》第八条
    basis_en: Anti-Unfair Competition Law of the PRC, art. 8
    message: 销量宣称需有真实数据
    message_en: a sales claim needs true data
    examples:
      match: [{text: 已售3万单}]
      no_match: [{text: 已经发货}]
`

// orderFacts is a fake qinglang.Facts that knows order counts only.
type orderFacts struct {
	userOrders map[string]int64 // by user
	roomOrders int64
	roomQty    int64
}

func (orderFacts) LowestOrder(context.Context, string, string, time.Time, time.Time) (*qinglang.OrderFact, error) {
	return nil, nil
}

func (orderFacts) LastOrderBefore(context.Context, string, string, time.Time) (*qinglang.OrderFact, error) {
	return nil, nil
}

func (orderFacts) ComparedListings(context.Context, string, string, time.Time, time.Time, int) ([]qinglang.Event, error) {
	return nil, nil
}

func (f orderFacts) UserOrders(_ context.Context, _, user string, _ time.Time) (int64, error) {
	return f.userOrders[user], nil
}

func (f orderFacts) RoomOrders(context.Context, string, string, time.Time) (int64, int64, error) {
	return f.roomOrders, f.roomQty, nil
}

func (orderFacts) LatestSpotCheck(context.Context, string, time.Time) (*qinglang.SpotCheckRecord, error) {
	return nil, nil
}

// detectWith runs a detector of factsPack on ev with facts.
func detectWith(t *testing.T, facts qinglang.Facts, ev qinglang.Event) (qinglang.Finding, Evidence) {
	t.Helper()
	p, problems := rules.Parse("facts.yaml", []byte(factsPack))
	if problems != nil {
		t.Fatal(problems)
	}
	d, err := New(rules.NewSet(p.Rules...))
	if err != nil {
		t.Fatal(err)
	}
	ev.Platform, ev.Room = "default", "r1"
	room := pipeline.NewRoom(qinglang.RoomKey{Platform: "default", Room: "r1"})
	room.Observe(&ev)
	fs, err := d.Detect(context.Background(), &pipeline.Input{Event: &ev, Room: room, Facts: facts})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("findings = %+v, want one", fs)
	}
	var e Evidence
	if err := json.Unmarshal(fs[0].Evidence, &e); err != nil {
		t.Fatal(err)
	}
	return fs[0], e
}

var buyers = orderFacts{userOrders: map[string]int64{"buyer": 2}, roomOrders: 120, roomQty: 150}

func testimonial(user string) qinglang.Event {
	return qinglang.Event{Type: qinglang.Comment, ID: "c1", TS: t0, User: user, Text: "吃了一个月瘦了8斤"}
}

func TestTestimonialFromNonBuyerIsRaised(t *testing.T) {
	f, e := detectWith(t, buyers, testimonial("stranger"))
	if f.Severity != qinglang.SeverityHigh {
		t.Errorf("severity = %s, want high (medium raised one step)", f.Severity)
	}
	if !e.BuyerChecked || e.BuyerOrders == nil || *e.BuyerOrders != 0 {
		t.Errorf("evidence = %+v, want buyer_checked and buyer_orders 0", e)
	}
	if !strings.Contains(f.Summary, "未在本平台下过单") || !strings.Contains(f.SummaryEN, "no order") {
		t.Errorf("summary = %q / %q, want the account's lack of orders", f.Summary, f.SummaryEN)
	}
	if raw := string(f.Evidence); !strings.Contains(raw, `"buyer_orders":0`) {
		t.Errorf("evidence JSON %s lacks buyer_orders 0", raw)
	}
}

func TestTestimonialFromBuyerKeepsSeverity(t *testing.T) {
	f, e := detectWith(t, buyers, testimonial("buyer"))
	if f.Severity != qinglang.SeverityMedium {
		t.Errorf("severity = %s, want the rule's medium", f.Severity)
	}
	if !e.BuyerChecked || e.BuyerOrders == nil || *e.BuyerOrders < 1 {
		t.Errorf("evidence = %+v, want buyer_orders >= 1", e)
	}
	if strings.Contains(f.Summary, "下过单") {
		t.Errorf("summary = %q, want no remark on a buyer", f.Summary)
	}
}

func TestSalesClaimShowsRoomOrders(t *testing.T) {
	f, e := detectWith(t, buyers, speech("s1", "这款已售3万单了", 0))
	if f.Severity != qinglang.SeverityMedium {
		t.Errorf("severity = %s, want the rule's medium (a figure is stated, not judged)", f.Severity)
	}
	if e.ClaimedSales == nil || *e.ClaimedSales != 30000 || e.ObservedOrders == nil || *e.ObservedOrders != 120 ||
		e.ObservedQty == nil || *e.ObservedQty != 150 {
		t.Errorf("evidence = %+v, want claimed_sales 30000, observed_orders 120, observed_qty 150", e)
	}
	if !strings.Contains(f.Summary, "直播间内已见订单 120 单") || !strings.Contains(f.SummaryEN, "orders seen in this room: 120") {
		t.Errorf("summary = %q / %q, want the orders seen", f.Summary, f.SummaryEN)
	}

	f, e = detectWith(t, buyers, speech("s1", "已售100单", 0))
	if e.ClaimedSales == nil || *e.ClaimedSales != 100 || strings.Contains(f.Summary, "已见订单") {
		t.Errorf("a claim within the room's orders: %+v, summary %q", e, f.Summary)
	}
}

func TestStockLeftIsNotASalesFigure(t *testing.T) {
	_, e := detectWith(t, buyers, speech("s1", "只剩3件了", 0))
	if e.ClaimedSales != nil || e.ObservedOrders != nil {
		t.Errorf("evidence = %+v, want no sales cross-check", e)
	}
}

func TestNoFactsNoCrossCheck(t *testing.T) {
	f, e := detectWith(t, nil, testimonial("stranger"))
	if f.Severity != qinglang.SeverityMedium || e.BuyerChecked || e.BuyerOrders != nil {
		t.Errorf("without facts: severity %s, evidence %+v", f.Severity, e)
	}
}
