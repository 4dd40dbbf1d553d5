package enforce

import (
	"context"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/regloop"
)

// What a dispute answer says of a detail Qinglang does not hold. The
// registry keeps no contact details of operators and hosts (its records
// have no such field), so the contact always says so and points the
// consumer to the platform, which must pass the request on.
const (
	unknownDetail = "未知（平台登记信息中没有） / unknown (not in the platform's registry)"
	noContact     = "平台登记信息未含联系方式，请通过平台客服转达 / " +
		"the platform's registry holds no contact details: reach them through the platform's customer service"
)

// Dispute answers a consumer's request in a dispute (Order 117 art. 18):
// the room's live-room operator and host, as the room's events name them
// and the registry identifies them, and the consumer's own orders in that
// room (regloop.DisputeAnswer). Only the platform (or an admin) answers;
// a platform's empty request platform is its own. What the registry does
// not hold is marked unknown (see unknownDetail and noContact). The audit
// entry keeps the request and the number of orders, not the parties'
// details.
func (s *Service) Dispute(ctx context.Context, p qinglang.Principal, req regloop.DisputeRequest) (regloop.Answer, error) {
	if req.Platform == "" && p.Role != qinglang.RoleAdmin {
		req.Platform = p.Platform
	}
	if err := authz.Check(p, authz.DisputesAnswer, authz.Resource{Platform: req.Platform, Room: req.Room}); err != nil {
		return regloop.Answer{}, err
	}
	if req.Room == "" || req.User == "" {
		return regloop.Answer{}, qinglang.Errorf(qinglang.EINVALID, "纠纷请求需要直播间和消费者账号", "a dispute request needs a room and the consumer's account")
	}
	sum, err := s.cfg.Store.Room(ctx, qinglang.RoomKey{Platform: req.Platform, Room: req.Room})
	if err != nil {
		return regloop.Answer{}, notFound(err)
	}
	on := sum.FirstTS
	if sum.StartedAt != nil {
		on = *sum.StartedAt
	}
	operator, host := disputeParties(s.cfg.Registry(), sum, on)
	orders, err := s.userOrders(ctx, req.Platform, req.Room, req.User)
	if err != nil {
		return regloop.Answer{}, err
	}
	ans, err := regloop.DisputeAnswer(req, orders, operator, host, s.now())
	if err != nil {
		return regloop.Answer{}, err
	}
	err = s.inTx(ctx, func(c *change) error {
		data := struct {
			Request regloop.DisputeRequest `json:"request"`
			Orders  int                    `json:"orders"`
		}{req, len(ans.Orders)}
		return s.audit(ctx, c, p, "dispute.answer", "room:"+req.Platform+"/"+req.Room, data)
	})
	if err != nil {
		return regloop.Answer{}, err
	}
	return ans, nil
}

// disputeParties returns the operator and the host of a room on the day
// on: their ids as the room's events name them (the registry's operator of
// the room when the events name none), their names and the operator's
// USCC from the registry (reg may be nil), and what is not known marked
// so.
func disputeParties(reg *registry.Registry, sum qinglang.RoomSummary, on time.Time) (operator, host regloop.Party) {
	operator = regloop.Party{Kind: qinglang.SubjectOperator, ID: sum.Operator, Name: unknownDetail, Contact: noContact}
	host = regloop.Party{Kind: qinglang.SubjectHost, ID: sum.Host, Name: unknownDetail, Contact: noContact}
	if reg != nil {
		if operator.ID == "" {
			if o, ok := reg.RoomOperator(sum.Room, on); ok {
				operator.ID = o.ID
			}
		}
		if o, ok := reg.Operator(operator.ID); ok && operator.ID != "" {
			operator.Name, operator.USCC = o.Name, o.USCC
		}
		if h, ok := reg.Host(host.ID); ok && host.ID != "" {
			host.Name = h.Name
		}
	}
	if operator.ID == "" {
		operator.ID = unknownDetail
	}
	if host.ID == "" {
		host.ID = unknownDetail
	}
	return operator, host
}

// userOrders returns the order events of user in a room, in the order of
// their ts, reading the room's orders page by page (Events pages by time:
// a page ends inside a run of equal times, so the next one starts at that
// time and skips what was read of it).
func (s *Service) userOrders(ctx context.Context, platform, room, user string) ([]qinglang.Event, error) {
	f := qinglang.EventFilter{Platform: platform, Room: room, Types: []qinglang.EventType{qinglang.Order}, Limit: 1000}
	out := []qinglang.Event{}
	skip, read := 0, 0
	for {
		evs, err := s.cfg.Store.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, e := range evs[min(skip, len(evs)):] {
			if e.User == user {
				out = append(out, e)
			}
		}
		read += len(evs) - min(skip, len(evs))
		if len(evs) < f.Limit {
			return out, nil
		}
		if read > maxListed {
			return nil, qinglang.Errorf(qinglang.ETOOLARGE, "直播间 %[1]s 的订单超过 %[2]d 条，无法全部读取",
				"room %[1]s has more than %[2]d orders: too many to read", room, maxListed)
		}
		last := evs[len(evs)-1].TS
		skip = 0
		for _, e := range evs {
			if e.TS.Equal(last) {
				skip++
			}
		}
		if last.Equal(f.From) { // the whole page at one time: read more at once
			f.Limit *= 2
		}
		f.From = last
	}
}
