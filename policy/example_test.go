package policy_test

import (
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/policy"
)

// A host at 3 points gets a high finding (3 points) and a medium one (1):
// the standing goes to 7, crossing the 4 and 6 point nodes, and the
// strictest of their measures applies.
func Example() {
	p := policy.Default()
	host := qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"}
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	history := []policy.Deduction{
		p.Deduct(host, qinglang.Finding{ID: "f1", Rule: "price.fake_original", Severity: qinglang.SeverityHigh}, t0.Add(-48*time.Hour)),
	}
	add := []policy.Deduction{
		p.Deduct(host, qinglang.Finding{ID: "f2", Rule: "ad.medical.antibacterial", Severity: qinglang.SeverityHigh}, t0),
		p.Deduct(host, qinglang.Finding{ID: "f3", Rule: "sales.scarcity_contradicted", Severity: qinglang.SeverityMedium}, t0),
	}
	pr, err := p.Propose(history, add, t0)
	if err != nil {
		panic(err)
	}
	fmt.Println(pr.Reason)
	fmt.Println(pr.ReasonEN)
	m := pr.Measure("case-1", t0)
	fmt.Println(m.State, m.EndsAt.Format(time.DateOnly), m.DecidedBy)
	// Output:
	// 累计扣分 3 → 7，跨越 4、6 分节点，取最严措施：限制流量 7 天（自动执行）
	// points 3 → 7, crossing the 4 and 6 point thresholds; the strictest measure applies: limited traffic for 7 days (applied automatically)
	// active 2026-03-08 policy:default
}
