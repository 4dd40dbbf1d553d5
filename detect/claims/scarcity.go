package claims

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// ScarcityRule is the rule of the finding made when a room sells more of a
// product after "only N left" than the N it claimed.
const ScarcityRule = "sales.scarcity_contradicted"

// Bounds of the stock check: a claim is compared with the sales of the
// product in the room within stockHorizon after it; a room holds at most
// maxStockClaims open claims and a finding lists at most maxOrderIDs orders.
const (
	stockHorizon   = 2 * time.Hour
	maxStockClaims = 16
	maxOrderIDs    = 20
)

// The basis of ScarcityRule: false statements about sales status. Order 117
// art. 34 is rated [R] (secondary reports) in the domain facts.
const (
	scarcityBasis   = "《中华人民共和国反不正当竞争法》第九条（2025年修订前为第八条）；《直播电商监督管理办法》第三十四条"
	scarcityBasisEN = "Anti-Unfair Competition Law of the PRC, art. 9 (art. 8 before the 2025 revision); Live E-commerce Supervision Measures (Order 117), art. 34"
)

// stockClaim is one "only N left" said in a room, waiting for the sales
// that follow it.
type stockClaim struct {
	eventIDs []string
	ts       time.Time
	product  string // the product on sale when it was said; "" if none was listed
	matched  string
	left     int64
	sold     int64
	orders   []string
	reported bool
}

// StockEvidence is what a ScarcityRule finding shows.
type StockEvidence struct {
	Claim       string    `json:"claim"`
	ClaimTS     time.Time `json:"claim_ts"`
	ClaimedLeft int64     `json:"claimed_left"`
	SoldAfter   int64     `json:"sold_after"` // items sold in the room after the claim
	Orders      []string  `json:"orders"`     // ids of those orders (at most 20)
	Product     string    `json:"product,omitempty"`
}

// noteStock records a claim of stock left, for the product on sale.
func (st *roomState) noteStock(ids []string, ts time.Time, matched string, left float64) {
	if left < 0 {
		return
	}
	if len(st.stock) == maxStockClaims {
		st.stock = st.stock[1:]
	}
	st.stock = append(st.stock, stockClaim{eventIDs: append([]string(nil), ids...), ts: ts,
		product: st.product, matched: matched, left: int64(left)})
}

// checkStock counts an order against the room's open stock claims and
// reports each claim its sales have now exceeded, once.
func checkStock(st *roomState, ev *qinglang.Event) ([]qinglang.Finding, error) {
	var out []qinglang.Finding
	keep := st.stock[:0]
	for i := range st.stock {
		sc := st.stock[i]
		if ev.TS.Sub(sc.ts) > stockHorizon {
			continue // closed: nothing more is compared with it
		}
		keep = append(keep, sc)
		c := &keep[len(keep)-1]
		if c.reported || !ev.TS.After(c.ts) || (c.product != "" && ev.Product != c.product) {
			continue
		}
		c.sold += ev.Qty
		if len(c.orders) < maxOrderIDs && ev.ID != "" {
			c.orders = append(c.orders, ev.ID)
		}
		if c.sold <= c.left {
			continue
		}
		c.reported = true
		f, err := stockFinding(c, ev)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	st.stock = keep
	return out, nil
}

func stockFinding(c *stockClaim, ev *qinglang.Event) (qinglang.Finding, error) {
	raw, err := json.Marshal(StockEvidence{Claim: c.matched, ClaimTS: c.ts, ClaimedLeft: c.left,
		SoldAfter: c.sold, Orders: c.orders, Product: c.product})
	if err != nil {
		return qinglang.Finding{}, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码证据", "cannot encode evidence")
	}
	ids := append(append([]string(nil), c.eventIDs...), c.orders...)
	return qinglang.Finding{
		Kind:     qinglang.KindClaim,
		Rule:     ScarcityRule,
		Severity: qinglang.SeverityMedium,
		Platform: ev.Platform,
		Room:     ev.Room,
		TS:       ev.TS,
		EventIDs: ids,
		Summary: fmt.Sprintf("宣称「%s」（剩 %d 件）后，本直播间又卖出 %d 件，所称剩余数量不实",
			c.matched, c.left, c.sold),
		SummaryEN: fmt.Sprintf("After claiming %q (%d left), the room sold %d more: the stock claimed was not true",
			c.matched, c.left, c.sold),
		Basis:    scarcityBasis,
		BasisEN:  scarcityBasisEN,
		Evidence: raw,
		DedupKey: strings.Join(c.eventIDs, ",") + "|" + c.matched,
	}, nil
}
