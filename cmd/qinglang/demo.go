package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/server"
	"github.com/qinglang/qinglang/sim"
)

// demoBatch is how many history events go into one ingest call.
const demoBatch = 2000

func newDemoCmd() *cobra.Command {
	simCfg := sim.Config{Rooms: 8, Days: 8, Duration: time.Hour}
	var srvCfg server.Config
	var reg registryOpts
	var eo enforceOpts
	var start, platforms, hard string
	crews := []string{"jelly"}
	var speed float64
	var verbose bool
	c := &cobra.Command{
		Use:   "demo",
		Short: "一条命令看清朗工作：启动服务并回放模拟的一天 / serve and replay a simulated day",
		Long: `启动服务（内嵌 NATS 与 SQLite，数据放在新的临时目录），先快速写入前几天的历史（订单与价格），
再按 --speed 倍速回放当天的直播，实时打印每条发现，并给出可打开的地址。按 Ctrl-C 结束。
Starts the server (embedded NATS and SQLite, data in a fresh temporary directory), loads the
previous days' history (orders and prices) at full speed, then replays today's broadcasts at
--speed times real time, printing each finding as it is made and the URL to open. Ctrl-C ends it.
当天默认有一个水军团伙（--crew jelly）在最冷清的直播间刷效果证言；--crew 可换成别的团伙，可重复。
By default a paid comment crew (--crew jelly) posts fake testimonials in the quietest room on the
replayed day; --crew sets other crews and repeats.

` + sim.CrewHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := finishSimConfig(&simCfg, start, platforms); err != nil {
				return err
			}
			if err := finishCrews(&simCfg, crews, hard); err != nil {
				return err
			}
			for i := range simCfg.Crews { // crews without days work on the replayed day
				if len(simCfg.Crews[i].Days) == 0 {
					simCfg.Crews[i].Days = []int{simCfg.Days - 1}
				}
			}
			if speed <= 0 {
				return usageError("--speed 须大于 0 / --speed must be > 0")
			}
			if srvCfg.DataDir == "" {
				dir, err := os.MkdirTemp("", "qinglang-demo-")
				if err != nil {
					return &exitError{code: exitFailure, err: err}
				}
				defer os.RemoveAll(dir)
				srvCfg.DataDir = dir
			}
			level := slog.LevelWarn
			if verbose {
				level = slog.LevelInfo
			}
			srvCfg.Version = version
			srvCfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
			srvCfg.Campaigns = campaignFactory(srvCfg.Logger)
			var err error
			if err = serverRegistries(c.ErrOrStderr(), reg, &srvCfg, warnLog(srvCfg.Logger)); err != nil {
				return err
			}
			if err = eo.apply(c.ErrOrStderr(), &srvCfg); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			m, err := server.Start(ctx, srvCfg)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			defer func() {
				sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				_ = m.Shutdown(sctx)
			}()
			out := c.OutOrStdout()
			printBanner(out, m.URL(), m.AdminToken())
			feed, unsubscribe := m.Feed().Subscribe()
			defer unsubscribe()
			go printFindings(out, feed, m.URL(), m.AdminToken())
			err = replay(ctx, out, m, simCfg, speed)
			if errors.Is(err, context.Canceled) {
				return nil
			}
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			fmt.Fprintf(out, "\n回放结束，服务继续运行于 %s（Ctrl-C 退出）\nReplay finished; still serving at %s (Ctrl-C to quit)\n", m.URL(), m.URL())
			<-ctx.Done()
			return nil
		},
	}
	simFlags(c, &simCfg, &start, &platforms)
	crewFlags(c, &crews, &hard)
	f := c.Flags()
	f.Float64Var(&speed, "speed", 60, "当天回放倍速（60 即一分钟模拟时间用一秒）/ replay speed-up of today (60: a simulated minute per second)")
	f.StringVar(&srvCfg.Listen, "listen", env("QINGLANG_LISTEN", "127.0.0.1:8080"), "API 监听地址 API listen address [QINGLANG_LISTEN]")
	f.StringVar(&srvCfg.DataDir, "data-dir", "", "数据目录（默认新的临时目录，退出时删除）/ data directory (default: a fresh temporary one, removed on exit)")
	f.BoolVarP(&verbose, "verbose", "v", false, "显示服务日志 / show the server's logs")
	campaignFlags(c, &srvCfg)
	registryFlags(c, &reg)
	enforceFlags(c, &eo, &srvCfg)
	return c
}

// printBanner prints where to look. The console link carries the admin
// token in its fragment (never sent to the server; the console stores it
// in the tab and removes it from the address bar) when the demo created
// one.
func printBanner(w io.Writer, url, token string) {
	auth := ""
	consoleURL := url + "/console/"
	if token != "" {
		auth = fmt.Sprintf("  管理员令牌 admin token (只在本机演示中显示 / shown only in the local demo):\n    export QINGLANG_TOKEN=%s\n  请求时带上 / send it with: curl -H \"Authorization: Bearer $QINGLANG_TOKEN\" …\n", token)
		consoleURL += "#token=" + token
	}
	fmt.Fprintf(w, `
清朗 Qinglang 演示 / demo
  控制台 console: %[3]s
  打开 open:      %[1]s/v1/findings
  实时发现 live:  curl -N %[1]s/v1/findings/stream
  团伙 campaigns: %[1]s/v1/campaigns
  案件 cases:     %[1]s/v1/cases
  公示 public:    %[1]s/public/cases
  指标 metrics:   %[1]s/metrics
  接口文档 API:   %[1]s/v1/openapi.json
%[2]s
`, url, auth, consoleURL)
}

// printFindings prints each finding as it is made; the first time a
// campaign is found it also prints the console link to its room's monitor
// (signed in with the demo's token when the demo created one).
func printFindings(w io.Writer, feed <-chan qinglang.Finding, base, token string) {
	shown := map[string]bool{}
	for f := range feed {
		fmt.Fprintf(w, "⚠ [%s] %s %s/%s %s\n", f.Severity, f.Rule, f.Platform, f.Room, f.Summary)
		if f.Kind != qinglang.KindCampaign || f.Room == "" || shown[f.ID] {
			continue
		}
		shown[f.ID] = true
		fmt.Fprintf(w, "  ↳ 在控制台观看该直播间 / watch the room in the console: %s\n", monitorLink(base, token, f.Platform, f.Room))
	}
}

// monitorLink is the console's monitor of a room, through the sign-in
// fragment when there is a token to hand over.
func monitorLink(base, token, platform, room string) string {
	route := "#/monitor?" + url.Values{"platform": {platform}, "room": {room}}.Encode()
	if token == "" {
		return base + "/console/" + route
	}
	// The console takes the token from a fragment that starts with token=.
	return base + "/console/#token=" + url.QueryEscape(token) + "&next=" + url.QueryEscape(route)
}

// replay generates the simulated days and ingests them: the history days
// as fast as the server takes them, the last day paced at speed times real
// time.
func replay(ctx context.Context, w io.Writer, m *server.Main, cfg sim.Config, speed float64) error {
	in := m.Ingester()
	simStart := cfg.Start
	if simStart.IsZero() {
		simStart = sim.DefaultStart
	}
	today := simStart.Add(time.Duration(cfg.Days-1) * 24 * time.Hour)
	var batch []qinglang.Event
	var sent int64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := in.Ingest(ctx, batch); err != nil {
			return err
		}
		sent += int64(len(batch))
		batch = batch[:0]
		return nil
	}
	fmt.Fprintf(w, "写入 %d 天的历史… / loading %d days of history…\n", cfg.Days-1, cfg.Days-1)
	var wallStart time.Time
	lastFlush := time.Now()
	err := sim.Generate(cfg, func(ev *qinglang.Event) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if ev.TS.Before(today) {
			batch = append(batch, *ev)
			if len(batch) >= demoBatch {
				return flush()
			}
			return nil
		}
		if wallStart.IsZero() {
			if err := flush(); err != nil {
				return err
			}
			if err := waitProcessed(ctx, w, m, sent); err != nil {
				return err
			}
			fmt.Fprintf(w, "历史已处理 %d 条事件；按 %g 倍速回放当天… / history processed (%d events); replaying today at %gx…\n", sent, speed, sent, speed)
			wallStart = time.Now()
		}
		due := wallStart.Add(time.Duration(float64(ev.TS.Sub(today)) / speed))
		if wait := time.Until(due); wait > 0 || time.Since(lastFlush) > 200*time.Millisecond {
			if err := flush(); err != nil {
				return err
			}
			lastFlush = time.Now()
			if wait > 0 {
				select {
				case <-time.After(wait):
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		}
		batch = append(batch, *ev)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// waitProcessed waits until the workers committed n events, showing
// progress, so that today's replay is not queued behind the history.
func waitProcessed(ctx context.Context, w io.Writer, m *server.Main, n int64) error {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		done := m.Processed()
		fmt.Fprintf(w, "\r处理历史 processing history: %d / %d", done, n)
		if done >= n {
			fmt.Fprintln(w)
			return nil
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			fmt.Fprintln(w)
			return ctx.Err()
		}
	}
}
