package metrics

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestNewRegistersEveryCollector(t *testing.T) {
	m := New()
	m.EventsIn.WithLabelValues("http").Add(3)
	m.Findings.WithLabelValues("claim", "high").Inc()
	m.ProcessingLag.Observe(0.02)
	m.StoreLatency.WithLabelValues("batch").Observe(0.001)
	m.Campaigns.Set(2)
	m.CampaignJudge.Observe(0.01)
	m.CampaignEvents.WithLabelValues("live").Inc()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range families {
		names[f.GetName()] = true
	}
	for _, want := range []string{"qinglang_events_received_total", "qinglang_findings_total",
		"qinglang_processing_lag_seconds", "qinglang_store_seconds", "go_goroutines",
		"qinglang_campaigns", "qinglang_campaign_judge_seconds", "qinglang_campaign_events_total"} {
		if !names[want] {
			t.Errorf("%s not exported", want)
		}
	}
	if got := testutil.ToFloat64(m.EventsIn.WithLabelValues("http")); got != 3 {
		t.Errorf("events received = %v", got)
	}
	if n, err := testutil.GatherAndCount(m.Registry, "qinglang_findings_total"); err != nil || n != 1 {
		t.Errorf("findings series = %d, %v", n, err)
	}
	if err := testutil.GatherAndCompare(m.Registry, strings.NewReader(`
# HELP qinglang_events_received_total Events accepted into the durable log, by source.
# TYPE qinglang_events_received_total counter
qinglang_events_received_total{source="http"} 3
`), "qinglang_events_received_total"); err != nil {
		t.Error(err)
	}
}
