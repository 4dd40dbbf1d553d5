package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/loadgen"
)

func newLoadCmd() *cobra.Command {
	cfg := loadgen.Config{Duration: 30 * time.Second}
	var asJSON, quiet bool
	c := &cobra.Command{
		Use:   "load --url URL [flags]",
		Short: "对运行中的服务施压并测量吞吐与延迟 / load a running server, measure events/s and latency",
		Long: `向运行中的清朗服务发送事件（POST /v1/events），并通过 SSE 测量从写入到发现的延迟（p50/p95/p99）。
Sends events to a running Qinglang server (POST /v1/events) and measures ingest-to-finding
latency through the SSE stream (p50/p95/p99) with probes: an order, then a listing of the same
product with a fictitious original price, whose finding is timed.

示例 example: qinglang load --url http://127.0.0.1:8080 --rate 5000 --duration 60s`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if cfg.URL == "" {
				return usageError("需要 --url / --url is required")
			}
			if !quiet {
				cfg.Progress = func(s loadgen.Snapshot) {
					fmt.Fprintf(c.ErrOrStderr(), "\r%5.0fs  已发送 sent %d  接受 accepted %d  失败 failed %d  %8.0f 事件/秒 events/s  探针 probes %d/%d ",
						s.Elapsed.Seconds(), s.Sent, s.Accepted, s.Failed, s.EventsPerSec, s.ProbesMatched, s.Probes)
				}
			}
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			rep, err := loadgen.Run(ctx, cfg)
			if !quiet {
				fmt.Fprintln(c.ErrOrStderr())
			}
			if err != nil && rep.Sent == 0 {
				return &exitError{code: exitCode(err), err: err}
			}
			if asJSON {
				enc := json.NewEncoder(c.OutOrStdout())
				enc.SetIndent("", "  ")
				if werr := enc.Encode(rep); werr != nil {
					return &exitError{code: exitFailure, err: fmt.Errorf("写出报告失败 / writing the report failed: %w", werr)}
				}
			} else {
				fmt.Fprint(c.OutOrStdout(), rep.Text())
			}
			if err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&cfg.URL, "url", os.Getenv("QINGLANG_URL"), "服务地址 server base URL [QINGLANG_URL]")
	f.StringVar(&cfg.Token, "token", os.Getenv("QINGLANG_TOKEN"), "API 令牌（服务要求令牌时）/ API token, when the server requires one [QINGLANG_TOKEN]")
	f.Float64Var(&cfg.Rate, "rate", 0, "每秒发送事件数，0 为尽可能快 / events per second to offer, 0 for as fast as the server takes them")
	f.DurationVar(&cfg.Duration, "duration", cfg.Duration, "发送时长 / how long to send")
	f.Int64Var(&cfg.MaxEvents, "max-events", 0, "最多发送的事件数，0 为不限 / cap on events sent, 0 for none")
	f.IntVar(&cfg.Batch, "batch", loadgen.DefaultBatch, "每个请求的事件数 / events per POST")
	f.IntVar(&cfg.Concurrency, "concurrency", loadgen.DefaultConc, "并发请求数 / POSTs in flight")
	f.IntVar(&cfg.Rooms, "rooms", loadgen.DefaultRooms, "模拟直播间数 / simulated rooms")
	f.IntVar(&cfg.ProbeEvery, "probe-every", loadgen.DefaultProbes, "每 N 个事件一个延迟探针，负数关闭 / one latency probe every N events, negative for none")
	f.StringVar(&cfg.Probe, "probe", loadgen.ProbePrice, "延迟探针：price（虚构原价）或 claim（口播虚假销量）/ latency probe: price (fictitious original price) or claim (a false sales figure in host speech)")
	f.StringVar(&cfg.Platform, "platform", loadgen.DefaultPlatform, "事件所属平台 / platform of the events")
	f.Int64Var(&cfg.Seed, "seed", 0, "随机种子，0 为随机 / seed, 0 for random")
	f.BoolVar(&asJSON, "json", false, "以 JSON 输出报告 / print the report as JSON")
	f.BoolVarP(&quiet, "quiet", "q", false, "不显示进度 / no progress line")
	return c
}
