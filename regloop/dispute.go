package regloop

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// The basis of a dispute answer. The article number is the project's
// reading of Order 117 ([S] in domain.md); correct it here.
const (
	disputeBasis   = "《直播电商监督管理办法》第十八条"
	disputeBasisEN = "Live E-commerce Supervision Measures (Order 117), art. 18"
)

// beijing is the time zone answers are written in (China Standard Time).
var beijing = time.FixedZone("CST", 8*3600)

// Party is the live-room operator or the host whose details a consumer is
// given in a dispute: the platform's verified identity of them.
type Party struct {
	Kind qinglang.SubjectKind `json:"kind"` // operator or host
	ID   string               `json:"id"`   // the platform's account id
	Name string               `json:"name"` // real name or registered name
	// USCC is the Unified Social Credit Code of an operator that is an
	// organisation or an individual business; "" for a natural person.
	USCC    string `json:"uscc,omitempty"`
	Contact string `json:"contact"`
}

// DisputeRequest is a consumer's request, in a dispute, for the details of
// a room's operator and host and for the consumer's transaction records.
type DisputeRequest struct {
	Platform string `json:"platform"`
	Room     string `json:"room"`
	User     string `json:"user"` // the consumer's account on the platform
}

// OrderRecord is one of the consumer's orders as given to the consumer:
// the transaction, not the device or address it came from.
type OrderRecord struct {
	ID        string    `json:"id"`
	TS        time.Time `json:"ts"`
	Product   string    `json:"product"`
	Qty       int64     `json:"qty"`
	AmountFen int64     `json:"amount_fen"`
}

// Answer is what the platform gives the consumer under Order 117 art. 18:
// the operator's and the host's identity and contact details in full (the
// article requires them; nothing is masked) and the consumer's own orders
// in the room, oldest first. No other user's data is in it.
type Answer struct {
	Platform   string        `json:"platform"`
	Room       string        `json:"room"`
	User       string        `json:"user"`
	Operator   Party         `json:"operator"`
	Host       Party         `json:"host"`
	Orders     []OrderRecord `json:"orders"`
	TotalFen   int64         `json:"total_fen"`
	AnsweredAt time.Time     `json:"answered_at"`
	Basis      string        `json:"basis"`
	BasisEN    string        `json:"basis_en"`
}

// DisputeAnswer builds the answer to req from the platform's events of the
// room: orders keeps the order events of req.User in req.Room on
// req.Platform (an order repeated under the same id counts once) and
// ignores every other event but the room's room_start, which, when given,
// must name operator and host (EINVALID otherwise: the consumer must get
// the room's real parties). The operator and the host need an id, a name
// and a contact; a USCC, when given, must be well formed and not a
// resident ID typed in the wrong field. A user without orders in the room
// is ENOTFOUND.
func DisputeAnswer(req DisputeRequest, orders []qinglang.Event, operator, host Party, at time.Time) (Answer, error) {
	for _, f := range []struct{ zh, en, v string }{
		{"平台", "platform", req.Platform}, {"直播间", "room", req.Room}, {"消费者", "consumer", req.User}} {
		if err := checkID(f.zh, f.en, f.v, true); err != nil {
			return Answer{}, err
		}
	}
	if at.IsZero() {
		return Answer{}, qinglang.Errorf(qinglang.EINVALID, "缺少答复时间", "the time of the answer is missing")
	}
	op, err := checkParty(operator, qinglang.SubjectOperator)
	if err != nil {
		return Answer{}, err
	}
	ho, err := checkParty(host, qinglang.SubjectHost)
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Platform: req.Platform, Room: req.Room, User: req.User, Operator: op, Host: ho,
		AnsweredAt: at, Basis: disputeBasis, BasisEN: disputeBasisEN, Orders: []OrderRecord{}}
	seen := map[string]bool{}
	for _, e := range orders {
		if e.Platform != req.Platform || e.Room != req.Room {
			continue
		}
		switch e.Type {
		case qinglang.RoomStart:
			if (e.Operator != "" && e.Operator != op.ID) || (e.Host != "" && e.Host != ho.ID) {
				return Answer{}, qinglang.Errorf(qinglang.EINVALID,
					"直播间 %[1]q 的运营者或主播与所给信息不符（开播记录：运营者 %[2]q，主播 %[3]q）",
					"the operator or host given does not match room %[1]q (its start names operator %[2]q, host %[3]q)",
					req.Room, e.Operator, e.Host)
			}
		case qinglang.Order:
			if e.User != req.User || (e.ID != "" && seen[e.ID]) {
				continue
			}
			seen[e.ID] = true
			a.Orders = append(a.Orders, OrderRecord{ID: e.ID, TS: e.TS, Product: e.Product, Qty: e.Qty, AmountFen: e.AmountFen})
			a.TotalFen += e.AmountFen
		}
	}
	if len(a.Orders) == 0 {
		return Answer{}, qinglang.Errorf(qinglang.ENOTFOUND, "未找到消费者 %[1]q 在直播间 %[2]q 的订单",
			"no order of consumer %[1]q found in room %[2]q", req.User, req.Room)
	}
	slices.SortStableFunc(a.Orders, func(x, y OrderRecord) int { return x.TS.Compare(y.TS) })
	return a, nil
}

// checkParty checks a party of kind and returns it with its USCC
// normalised.
func checkParty(p Party, kind qinglang.SubjectKind) (Party, error) {
	zh, en := kind.Name()
	if p.Kind == "" {
		p.Kind = kind
	}
	if p.Kind != kind {
		return Party{}, qinglang.Errorf(qinglang.EINVALID, "%[1]s信息的类型应为 %[3]q，实为 %[4]q",
			"the %[2]s's details must be of kind %[3]q, not %[4]q", zh, en, kind, p.Kind)
	}
	for _, f := range []struct{ zh, en, v string }{
		{"标识", "id", p.ID}, {"名称", "name", p.Name}, {"联系方式", "contact", p.Contact}} {
		if strings.TrimSpace(f.v) == "" {
			return Party{}, qinglang.Errorf(qinglang.EINVALID, "缺少%[1]s的%[3]s（第十八条要求提供）",
				"the %[2]s's %[4]s is missing (art. 18 requires it)", zh, en, f.zh, f.en)
		}
	}
	if err := checkID(zh, en, p.ID, true); err != nil {
		return Party{}, err
	}
	if p.USCC != "" {
		r := qualify.CheckUSCC(p.USCC)
		switch {
		case r.Verdict == qualify.VerdictMalformed:
			return Party{}, qinglang.Errorf(qinglang.EINVALID, "%[1]s的统一社会信用代码%[3]s", "the %[2]s's USCC is %[4]s", zh, en, r.Reason, r.ReasonEN)
		case strings.Contains(r.Code, "*"):
			// CheckUSCC masked it: a resident ID in the wrong field. Never
			// hand it to a consumer.
			return Party{}, qinglang.Errorf(qinglang.EINVALID, "%[1]s的统一社会信用代码像居民身份证号，请核实",
				"the %[2]s's USCC looks like a resident ID: check it", zh, en)
		}
		p.USCC = r.Code
	}
	return p, nil
}

// Text renders the answer in Chinese and in English, times in China
// Standard Time.
func (a Answer) Text() (zh, en string) {
	var z, e strings.Builder
	fmt.Fprintf(&z, "依据%s，应您的请求，现提供平台 %s 直播间 %s 的以下信息：\n", a.Basis, a.Platform, a.Room)
	fmt.Fprintf(&e, "Under %s, at your request, here are the details of room %s on platform %s:\n", a.BasisEN, a.Room, a.Platform)
	for _, p := range []Party{a.Operator, a.Host} {
		kzh, ken := p.Kind.Name()
		fmt.Fprintf(&z, "%s：%s（账号 %s", kzh, p.Name, p.ID)
		fmt.Fprintf(&e, "%s: %s (account %s", strings.ToUpper(ken[:1])+ken[1:], p.Name, p.ID)
		if p.USCC != "" {
			fmt.Fprintf(&z, "，统一社会信用代码 %s", p.USCC)
			fmt.Fprintf(&e, ", USCC %s", p.USCC)
		}
		fmt.Fprintf(&z, "），联系方式：%s\n", p.Contact)
		fmt.Fprintf(&e, "), contact: %s\n", p.Contact)
	}
	fmt.Fprintf(&z, "您（账号 %s）在该直播间的交易记录共 %d 笔，合计 ¥%s：\n", a.User, len(a.Orders), yuan(a.TotalFen))
	fmt.Fprintf(&e, "Your transactions (account %s) in this room: %d, total ¥%s:\n", a.User, len(a.Orders), yuan(a.TotalFen))
	for i, o := range a.Orders {
		ts := o.TS.In(beijing).Format("2006-01-02 15:04:05")
		fmt.Fprintf(&z, "%d. %s 订单 %s，商品 %s，数量 %d，金额 ¥%s\n", i+1, ts, o.ID, o.Product, o.Qty, yuan(o.AmountFen))
		fmt.Fprintf(&e, "%d. %s order %s, product %s, quantity %d, amount ¥%s\n", i+1, ts, o.ID, o.Product, o.Qty, yuan(o.AmountFen))
	}
	at := a.AnsweredAt.In(beijing).Format("2006-01-02 15:04:05")
	fmt.Fprintf(&z, "答复时间：%s（北京时间）", at)
	fmt.Fprintf(&e, "Answered at %s (China Standard Time)", at)
	return z.String(), e.String()
}

// yuan formats fen as yuan with two decimals.
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}
