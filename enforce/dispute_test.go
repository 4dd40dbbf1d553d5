package enforce

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/regloop"
)

// rgAddEvents stores events (ids and origins from their index).
func rgAddEvents(t *testing.T, env *rgEnv, evs []qinglang.Event) {
	t.Helper()
	tx, err := env.store.Begin(env.ctx)
	if err != nil {
		t.Fatal(err)
	}
	origins := make([]string, len(evs))
	for i := range evs {
		origins[i] = fmt.Sprintf("test:%d", i)
	}
	if _, err := tx.AddEvents(env.ctx, evs, origins); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// rgOrder is an order in a room of douyin.
func rgOrder(id, room, user string, ts time.Time, fen int64) qinglang.Event {
	return qinglang.Event{Type: qinglang.Order, ID: id, Platform: "douyin", Room: room, TS: ts, User: user,
		Product: "p1", Qty: 1, AmountFen: fen}
}

// rgRegistry knows operator op1 (a company) and host h1, and links room
// r2 to operator op1.
func rgRegistry(t *testing.T) *registry.Registry {
	t.Helper()
	reg, err := registry.New([]byte("0123456789abcdef-salt"))
	if err != nil {
		t.Fatal(err)
	}
	on := rgT0
	h, err := reg.IdentifyHost(registry.Host{ID: "h1", Name: "张三"}, "11010519491231002X", on)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		reg.AddOperator(registry.Operator{ID: "op1", Name: "厦门某某文化传媒有限公司", USCC: "91350200776049653A"}),
		reg.AddHost(h, on),
		reg.AddMerchant(registry.Merchant{ID: "m1", Name: "某某食品", USCC: "91440101MA5CJQ4N59"}),
		reg.AddRoom(registry.Room{ID: "r2", Name: "二号直播间"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := reg.AddRoomLink(registry.RoomLink{RoomID: "r2", OperatorID: "op1", MerchantID: "m1",
		Validity: qualify.Validity{From: rgT0.Add(-24 * time.Hour), To: rgT0.Add(24 * time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestDisputeGivesTheConsumersOwnOrders(t *testing.T) {
	reg := rgRegistry(t)
	env := rgSetup(t, func(c *Config) { c.Registry = func() *registry.Registry { return reg } })
	ctx, s := env.ctx, env.svc
	start := rgT0.Add(-time.Hour)
	rgAddEvents(t, env, []qinglang.Event{
		{Type: qinglang.RoomStart, ID: "s1", Platform: "douyin", Room: "r1", TS: start, Host: "h1", Operator: "op1"},
		rgOrder("o1", "r1", "u1", start.Add(time.Minute), 9900),
		rgOrder("o2", "r1", "u2", start.Add(2*time.Minute), 5000),
		rgOrder("o3", "r1", "u1", start.Add(3*time.Minute), 100),
		rgOrder("o4", "r9", "u1", start.Add(4*time.Minute), 7000),
	})

	req := regloop.DisputeRequest{Room: "r1", User: "u1"} // the platform is the caller's
	ans, err := s.Dispute(ctx, rgDouyin, req)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range ans.Orders {
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, []string{"o1", "o3"}) || ans.TotalFen != 10000 || ans.Platform != "douyin" {
		t.Fatalf("orders %v, total %d", ids, ans.TotalFen)
	}
	if ans.Operator.ID != "op1" || ans.Operator.Name != "厦门某某文化传媒有限公司" || ans.Operator.USCC != "91350200776049653A" ||
		ans.Host.ID != "h1" || ans.Host.Name != "张三" || ans.Host.USCC != "" || ans.Operator.Contact != noContact {
		t.Fatalf("parties %+v, %+v", ans.Operator, ans.Host)
	}
	if !ans.AnsweredAt.Equal(rgT0) || ans.Basis == "" {
		t.Fatalf("answer %+v", ans)
	}

	// The audit keeps the request, not the parties' details.
	entries := env.audit(t, "room:douyin/r1")
	if len(entries) != 1 || entries[0].Action != "dispute.answer" {
		t.Fatalf("audit %+v", entries)
	}
	data := string(entries[0].Data)
	if !strings.Contains(data, `"user":"u1"`) || !strings.Contains(data, `"orders":2`) || strings.Contains(data, "张三") ||
		strings.Contains(data, "91350200776049653A") {
		t.Fatalf("audit data %s", data)
	}

	// Who may answer, and for whom.
	_, err = s.Dispute(ctx, rgKuaishou, regloop.DisputeRequest{Platform: "douyin", Room: "r1", User: "u1"})
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.Dispute(ctx, rgReviewer, req)
	rgWantCode(t, err, qinglang.EFORBIDDEN)
	_, err = s.Dispute(ctx, rgRegulator("310000"), regloop.DisputeRequest{Platform: "douyin", Room: "r1", User: "u1"})
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.Dispute(ctx, rgDouyin, regloop.DisputeRequest{Room: "r1", User: "u3"})
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.Dispute(ctx, rgDouyin, regloop.DisputeRequest{Room: "nosuchroom", User: "u1"})
	rgWantCode(t, err, qinglang.ENOTFOUND)
	_, err = s.Dispute(ctx, rgDouyin, regloop.DisputeRequest{Room: "r1"})
	rgWantCode(t, err, qinglang.EINVALID)
	if n := len(env.audit(t, "")); n != 1 {
		t.Fatalf("%d audit entries after refusals, want 1", n)
	}
}

func TestDisputeMarksWhatIsUnknown(t *testing.T) {
	reg := rgRegistry(t)
	env := rgSetup(t, func(c *Config) { c.Registry = func() *registry.Registry { return reg } })
	rgAddEvents(t, env, []qinglang.Event{
		// r2 names a host the registry does not know and no operator: the
		// registry's link gives the operator.
		{Type: qinglang.RoomStart, ID: "s2", Platform: "douyin", Room: "r2", TS: rgT0, Host: "h9"},
		rgOrder("o1", "r2", "u1", rgT0.Add(time.Minute), 100),
		// r3 names nobody, and the registry knows nothing of it.
		rgOrder("o2", "r3", "u1", rgT0.Add(time.Minute), 100),
	})
	ans, err := env.svc.Dispute(env.ctx, rgAdmin, regloop.DisputeRequest{Platform: "douyin", Room: "r2", User: "u1"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Operator.ID != "op1" || ans.Operator.USCC != "91350200776049653A" || ans.Host.ID != "h9" || ans.Host.Name != unknownDetail {
		t.Fatalf("parties %+v, %+v", ans.Operator, ans.Host)
	}
	ans, err = env.svc.Dispute(env.ctx, rgAdmin, regloop.DisputeRequest{Platform: "douyin", Room: "r3", User: "u1"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Operator.ID != unknownDetail || ans.Operator.Name != unknownDetail || ans.Host.ID != unknownDetail ||
		len(ans.Orders) != 1 {
		t.Fatalf("answer %+v", ans)
	}
	zh, en := ans.Text()
	if !strings.Contains(zh, "未知") || !strings.Contains(en, "unknown") {
		t.Fatalf("texts:\n%s\n%s", zh, en)
	}
}

func TestUserOrdersReadsEveryPage(t *testing.T) {
	env := rgSetup(t, nil)
	at := rgT0.Add(time.Hour)
	var evs []qinglang.Event
	// 1,500 orders at one instant, u1's among them, then more after:
	// pages end inside a run of equal times.
	for i := range 1500 {
		user := "u2"
		if i%500 == 499 {
			user = "u1"
		}
		evs = append(evs, rgOrder(fmt.Sprintf("a%04d", i), "r1", user, at, 1))
	}
	for i := range 1200 {
		user := "u2"
		if i == 0 || i == 1199 {
			user = "u1"
		}
		evs = append(evs, rgOrder(fmt.Sprintf("b%04d", i), "r1", user, at.Add(time.Duration(i+1)*time.Second), 1))
	}
	rgAddEvents(t, env, evs)
	got, err := env.svc.userOrders(env.ctx, "douyin", "r1", "u1")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	want := []string{"a0499", "a0999", "a1499", "b0000", "b1199"}
	if !slices.Equal(ids, want) {
		t.Fatalf("u1's orders %v, want %v", ids, want)
	}
}
