package contract_test

import (
	"fmt"
	"strings"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/contract"
)

func ExampleDecode() {
	body := `{"type":"comment","id":"e4","ts":"2025-06-12T20:01:02+08:00","room":"r1","user":"u8","text":"真给力"}
{"type":"order","id":"e5","ts":"2025-06-12T20:02:00","room":"r1","user":"u9","product":"p1","qty":1,"amount_fen":5990}

{"type":"order","id":"e6","ts":"2025-06-12T20:02:00+08:00","room":"r1","user":"u9","product":"p1","qty":1.5,"amount_fen":5990}
`
	err := contract.Decode(strings.NewReader(body),
		func(ev qinglang.Event, pos contract.Position) error {
			fmt.Printf("line %d: %s %s by %s at %s\n", pos.Line, ev.Type, ev.ID, ev.User, ev.TS.Format("15:04:05 -07:00"))
			return nil
		},
		func(p contract.Problem) error {
			fmt.Println(p.Error())
			return nil
		})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// line 1: comment e4 by u8 at 20:01:02 +08:00
	// 第 2 行 字段 "ts"：缺少时区偏移（RFC 3339 时间须以 Z 或 ±hh:mm 结尾，例如 2025-06-12T20:01:02+08:00）："2025-06-12T20:02:00" / line 2, field "ts": time has no offset (an RFC 3339 time ends in Z or ±hh:mm, e.g. 2025-06-12T20:01:02+08:00): "2025-06-12T20:02:00"
	// 第 4 行 字段 "qty"：必须是不小于 1 的整数（收到 1.5） / line 4, field "qty": must be an integer >= 1 (got 1.5)
}

func ExampleDecodeEvent() {
	ev, p := contract.DecodeEvent([]byte(`{"type":"listing","ts":"2025-06-12T20:00:05Z","product":"p1","title":"燃咔果冻","merchant":"m1","category":"food","price_fen":5990}`))
	fmt.Println(ev.Type, ev.Platform, ev.Category, ev.PriceFen, p == nil)

	_, p = contract.DecodeEvent([]byte(`{"type":"gift","ts":"2025-06-12T20:00:05Z"}`))
	fmt.Println(p.Field, p.ReasonEN)
	// Output:
	// listing default food 5990 true
	// type unknown event type "gift" (one of: room_start, room_end, speech, comment, order, listing, account)
}
