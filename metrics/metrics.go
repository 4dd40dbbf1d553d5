// Package metrics defines Qinglang's Prometheus metrics in one place, so the
// ingest, the pipeline, the store and the API record into the same registry
// and /metrics serves it.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics holds every collector Qinglang exports.
type Metrics struct {
	Registry *prometheus.Registry

	// EventsIn counts events accepted into the log, by source (http, nats).
	EventsIn *prometheus.CounterVec
	// EventsRejected counts events rejected by validation, by source.
	EventsRejected *prometheus.CounterVec
	// EventsProcessed counts events the workers committed (duplicates
	// included, as they were processed by being skipped).
	EventsProcessed prometheus.Counter
	// EventsDuplicate counts re-delivered events skipped by id or origin.
	EventsDuplicate prometheus.Counter
	// ProcessingLag is the time from an event batch being stored in the log
	// to its findings being committed.
	ProcessingLag prometheus.Histogram
	// Findings counts new findings by kind and severity.
	Findings *prometheus.CounterVec
	// StoreLatency times store operations (commit of a batch, queries).
	StoreLatency *prometheus.HistogramVec
	// DetectionFailures counts events stored without detection because the
	// detectors failed on them every time (a detector bug; see the logs).
	DetectionFailures prometheus.Counter
	// HTTPRequests counts API requests by route and status code.
	HTTPRequests *prometheus.CounterVec
	// Campaigns is how many campaigns the campaign stage holds.
	Campaigns prometheus.Gauge
	// CampaignJudge times the campaign stage's cross-room judgement.
	CampaignJudge prometheus.Histogram
	// CampaignEvents counts events the campaign stage observed, by how
	// they came: live from the workers, or replayed from the store at
	// start.
	CampaignEvents *prometheus.CounterVec
}

// New creates the collectors on a fresh registry, with Go runtime and
// process collectors beside them.
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry: r,
		EventsIn: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qinglang_events_received_total",
			Help: "Events accepted into the durable log, by source.",
		}, []string{"source"}),
		EventsRejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qinglang_events_rejected_total",
			Help: "Events rejected by validation, by source.",
		}, []string{"source"}),
		EventsProcessed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "qinglang_events_processed_total",
			Help: "Events processed and committed by the workers.",
		}),
		EventsDuplicate: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "qinglang_events_duplicate_total",
			Help: "Re-delivered events skipped because their id or log position was seen before.",
		}),
		ProcessingLag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "qinglang_processing_lag_seconds",
			Help:    "Time from an event batch being stored in the log to its findings being committed.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
		}),
		Findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qinglang_findings_total",
			Help: "New findings, by kind and severity.",
		}, []string{"kind", "severity"}),
		StoreLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "qinglang_store_seconds",
			Help:    "Latency of store operations, by operation.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 18),
		}, []string{"op"}),
		DetectionFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "qinglang_detection_failures_total",
			Help: "Events stored as evidence without detection because the detectors failed on them every time.",
		}),
		HTTPRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qinglang_http_requests_total",
			Help: "API requests, by route and status code.",
		}, []string{"route", "code"}),
		Campaigns: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "qinglang_campaigns",
			Help: "Campaigns of coordinated comments the campaign stage holds.",
		}),
		CampaignJudge: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "qinglang_campaign_judge_seconds",
			Help:    "Duration of the campaign stage's cross-room judgement.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
		}),
		CampaignEvents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qinglang_campaign_events_total",
			Help: "Events the campaign stage observed, by how they came (live, replay).",
		}, []string{"from"}),
	}
	r.MustRegister(m.EventsIn, m.EventsRejected, m.EventsProcessed, m.EventsDuplicate,
		m.ProcessingLag, m.Findings, m.StoreLatency, m.DetectionFailures, m.HTTPRequests,
		m.Campaigns, m.CampaignJudge, m.CampaignEvents,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
