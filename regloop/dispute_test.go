package regloop

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var (
	operator = Party{Kind: qinglang.SubjectOperator, ID: "op1", Name: "厦门某某电子商务有限公司",
		USCC: "91350200776049653A", Contact: "0592-1234567"}
	host = Party{Kind: qinglang.SubjectHost, ID: "h1", Name: "张三", Contact: "13800000000"}
	req  = DisputeRequest{Platform: "douyin", Room: "r1", User: "u1"}
)

func order(id, room, user string, at time.Time, product string, qty, fen int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Order, ID: id, TS: at, Platform: "douyin", Room: room, User: user,
		IP: "10.0.0.1", Device: "dev-" + user, Product: product, Qty: qty, AmountFen: fen}
}

func roomEvents() []qinglang.Event {
	return []qinglang.Event{
		{Type: qinglang.RoomStart, ID: "e0", TS: t0, Platform: "douyin", Room: "r1", Host: "h1", Operator: "op1"},
		order("o2", "r1", "u1", t0.Add(20*time.Minute), "jelly", 1, 5990),
		order("o1", "r1", "u1", t0.Add(10*time.Minute), "jelly", 2, 11980),
		order("o3", "r1", "u2", t0.Add(15*time.Minute), "jelly", 9, 53910), // another user
		order("o4", "r2", "u1", t0.Add(15*time.Minute), "tea", 1, 1000),    // another room
		order("o1", "r1", "u1", t0.Add(10*time.Minute), "jelly", 2, 11980), // redelivered
		{Type: qinglang.Comment, ID: "c1", TS: t0, Platform: "douyin", Room: "r1", User: "u2", Text: "瘦了35斤"},
		{Type: qinglang.Order, ID: "o5", TS: t0, Platform: "kuaishou", Room: "r1", User: "u1", AmountFen: 7}, // another platform
	}
}

func TestDisputeAnswer(t *testing.T) {
	at := t0.Add(48 * time.Hour)
	a, err := DisputeAnswer(req, roomEvents(), operator, host, at)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Orders) != 2 || a.Orders[0].ID != "o1" || a.Orders[1].ID != "o2" || a.TotalFen != 17970 {
		t.Fatalf("orders = %+v, total %d", a.Orders, a.TotalFen)
	}
	if a.Operator != operator || a.Host != host || !a.AnsweredAt.Equal(at) || !strings.Contains(a.Basis, "第十八条") {
		t.Fatalf("answer = %+v", a)
	}
	zh, en := a.Text()
	for _, want := range []string{"厦门某某电子商务有限公司", "91350200776049653A", "0592-1234567", "张三", "13800000000",
		"o1", "o2", "¥179.70", "¥119.80", "共 2 笔", "2025-09-23 09:10:00", "第十八条"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese text lacks %q:\n%s", want, zh)
		}
	}
	for _, want := range []string{"Live-room operator", "Host: 张三", "contact: 13800000000", "USCC 91350200776049653A",
		"total ¥179.70", "art. 18", "China Standard Time"} {
		if !strings.Contains(en, want) {
			t.Errorf("English text lacks %q:\n%s", want, en)
		}
	}
	// Nothing of other users, other rooms, or the consumer's device data.
	for _, text := range []string{zh, en} {
		for _, leak := range []string{"u2", "o3", "o4", "o5", "53910", "539.10", "10.0.0.1", "dev-", "瘦了"} {
			if strings.Contains(text, leak) {
				t.Errorf("answer text contains %q:\n%s", leak, text)
			}
		}
	}
}

func TestDisputeAnswerNoOrders(t *testing.T) {
	for _, user := range []string{"u3", "u2x"} {
		r := req
		r.User = user
		_, err := DisputeAnswer(r, roomEvents(), operator, host, t0)
		wantCode(t, err, qinglang.ENOTFOUND)
	}
	r := req
	r.Room = "r9"
	_, err := DisputeAnswer(r, roomEvents(), operator, host, t0)
	wantCode(t, err, qinglang.ENOTFOUND)
	_, err = DisputeAnswer(req, nil, operator, host, t0)
	wantCode(t, err, qinglang.ENOTFOUND)
}

func TestDisputeAnswerValidation(t *testing.T) {
	withOp := func(f func(*Party)) Party { p := operator; f(&p); return p }
	withHost := func(f func(*Party)) Party { p := host; f(&p); return p }
	for _, tc := range []struct {
		name   string
		req    DisputeRequest
		op, ho Party
		at     time.Time
		want   qinglang.ErrorCode
	}{
		{"valid", req, operator, host, t0, ""},
		{"no user", DisputeRequest{Platform: "douyin", Room: "r1"}, operator, host, t0, qinglang.EINVALID},
		{"no room", DisputeRequest{Platform: "douyin", User: "u1"}, operator, host, t0, qinglang.EINVALID},
		{"no platform", DisputeRequest{Room: "r1", User: "u1"}, operator, host, t0, qinglang.EINVALID},
		{"no time", req, operator, host, time.Time{}, qinglang.EINVALID},
		{"operator without contact", req, withOp(func(p *Party) { p.Contact = "" }), host, t0, qinglang.EINVALID},
		{"operator without name", req, withOp(func(p *Party) { p.Name = " " }), host, t0, qinglang.EINVALID},
		{"host without contact", req, operator, withHost(func(p *Party) { p.Contact = "" }), t0, qinglang.EINVALID},
		{"host without id", req, operator, withHost(func(p *Party) { p.ID = "" }), t0, qinglang.EINVALID},
		{"host given as operator", req, host, host, t0, qinglang.EINVALID},
		{"kind left empty", req, withOp(func(p *Party) { p.Kind = "" }), withHost(func(p *Party) { p.Kind = "" }), t0, ""},
		{"malformed USCC", req, withOp(func(p *Party) { p.USCC = "123" }), host, t0, qinglang.EINVALID},
		{"USCC failing its checksum", req, withOp(func(p *Party) { p.USCC = "91350203M0001QAY9B" }), host, t0, ""},
		{"resident ID as USCC", req, operator, withHost(func(p *Party) { p.USCC = "11010519491231002X" }), t0, qinglang.EINVALID},
		{"another room's operator", req, withOp(func(p *Party) { p.ID = "op9" }), host, t0, qinglang.EINVALID},
		{"another room's host", req, operator, withHost(func(p *Party) { p.ID = "h9" }), t0, qinglang.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := DisputeAnswer(tc.req, roomEvents(), tc.op, tc.ho, tc.at)
			wantCode(t, err, tc.want)
			if err == nil && (a.Operator.Kind != qinglang.SubjectOperator || a.Host.Kind != qinglang.SubjectHost) {
				t.Fatalf("kinds = %s, %s", a.Operator.Kind, a.Host.Kind)
			}
		})
	}
	// The resident ID is never echoed in the error.
	_, err := DisputeAnswer(req, roomEvents(), operator, Party{Kind: qinglang.SubjectHost, ID: "h1", Name: "张三",
		Contact: "1", USCC: "11010519491231002X"}, t0)
	if err == nil || strings.Contains(err.Error(), "11010519491231002X") {
		t.Fatalf("err = %v", err)
	}
}

func TestDisputeAnswerNormalisesUSCC(t *testing.T) {
	op := operator
	op.USCC = " 91350200776049653a "
	a, err := DisputeAnswer(req, roomEvents(), op, host, t0)
	if err != nil {
		t.Fatal(err)
	}
	if a.Operator.USCC != "91350200776049653A" {
		t.Fatalf("USCC = %q", a.Operator.USCC)
	}
}

func TestDisputeAnswerWithoutRoomStart(t *testing.T) {
	// Without the room's start the parties are taken as given.
	ev := roomEvents()[1:]
	other := host
	other.ID = "h9"
	if _, err := DisputeAnswer(req, ev, operator, other, t0); err != nil {
		t.Fatal(err)
	}
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", 199: "1.99", 10000: "100.00", -150: "-1.50"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %q, want %q", fen, got, want)
		}
	}
}
