package enforce

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestSweepRunsBothTimers(t *testing.T) {
	env := rgSetup(t, nil)
	ctx, s := env.ctx, env.svc
	m := qinglang.Measure{ID: "msr_1", CaseID: "case_1", Subject: qinglang.Subject{Kind: qinglang.SubjectHost,
		Platform: "douyin", ID: "h1"}, Kind: qinglang.MeasureSuspendLive, State: qinglang.MeasureActive,
		Duration: 7 * 24 * time.Hour, StartsAt: rgT0, EndsAt: rgT0.Add(7 * 24 * time.Hour), ProposedAt: rgT0,
		DecidedAt: rgT0, DecidedBy: "rev"}
	if err := s.inTx(ctx, func(c *change) error { return c.put(ctx, measureRecord(m), m) }); err != nil {
		t.Fatal(err)
	}
	d, err := s.SendDirective(ctx, rgRegulator("310115"), rgNotice())
	if err != nil {
		t.Fatal(err)
	}

	res, err := s.Sweep(ctx)
	if err != nil || len(res.Lifted) != 0 || len(res.Escalated) != 0 {
		t.Fatalf("an early sweep %+v, %v", res, err)
	}
	env.clock.Add(7 * 24 * time.Hour)
	res, err = s.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lifted) != 1 || res.Lifted[0].ID != m.ID || res.Lifted[0].State != qinglang.MeasureLifted {
		t.Fatalf("lifted %+v", res.Lifted)
	}
	if len(res.Escalated) != 1 || res.Escalated[0].ID != d.ID || res.Escalated[0].EscalatedTo != "310100" {
		t.Fatalf("escalated %+v", res.Escalated)
	}
	got := strings.Join(env.auditActions(t, ""), ",")
	if got != "directive.send,measure.lift,directive.escalate" {
		t.Fatalf("audit %s", got)
	}
	res, err = s.Sweep(ctx)
	if err != nil || len(res.Lifted) != 0 || len(res.Escalated) != 0 {
		t.Fatalf("a second sweep %+v, %v", res, err)
	}
}
