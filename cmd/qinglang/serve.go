package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/natsbus"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/rules"
	"github.com/qinglang/qinglang/server"
)

// serveFlags binds serve's flags; each defaults to an environment variable.
func serveFlags(c *cobra.Command, cfg *server.Config) {
	f := c.Flags()
	f.StringVar(&cfg.DataDir, "data-dir", env("QINGLANG_DATA_DIR", "qinglang-data"), "数据目录 data directory (SQLite file, embedded log) [QINGLANG_DATA_DIR]")
	f.StringVar(&cfg.Listen, "listen", env("QINGLANG_LISTEN", "127.0.0.1:8080"), "API 监听地址 API listen address [QINGLANG_LISTEN]")
	f.StringVar(&cfg.DB, "db", env("QINGLANG_DB", ""), "数据库：空为数据目录中的 SQLite，或 postgres://… / database: empty for SQLite in the data dir, or postgres://… [QINGLANG_DB]")
	f.StringVar(&cfg.NATSURL, "nats-url", env("QINGLANG_NATS_URL", ""), "外部 NATS 地址；空则启动内嵌 NATS JetStream / external NATS URL; empty starts the embedded one [QINGLANG_NATS_URL]")
	f.IntVar(&cfg.NATSPort, "nats-port", envInt("QINGLANG_NATS_PORT", 0), "内嵌 NATS 的客户端端口（0 为任意空闲端口）/ embedded NATS client port (0: any free port) [QINGLANG_NATS_PORT]")
	f.IntVar(&cfg.Partitions, "partitions", envInt("QINGLANG_PARTITIONS", 8), "日志分区数（按平台+直播间）/ log partitions (by platform+room) [QINGLANG_PARTITIONS]")
	f.Int64Var(&cfg.MaxBodyBytes, "max-body", int64(envInt("QINGLANG_MAX_BODY", 16<<20)), "POST /v1/events 请求体上限（字节）/ body limit of POST /v1/events in bytes [QINGLANG_MAX_BODY]")
	rulesDirs(c, &cfg.RulesDirs)
	f.DurationVar(&cfg.Retention, "log-retention", 7*24*time.Hour, "事件日志保留时长（证据另存于数据库）/ how long the event log keeps events (evidence stays in the database)")
	campaignFlags(c, cfg)
	f.DurationVar(&cfg.ReverifyEvery, "reverify-every", registry.DefaultReverifyEvery,
		"主体身份复核周期（到期与逾期清单）/ identity re-verification period (due and overdue lists)")
}

// campaignFlags binds the campaign stage's flags (serve and demo).
func campaignFlags(c *cobra.Command, cfg *server.Config) {
	f := c.Flags()
	f.DurationVar(&cfg.CampaignInterval, "campaign-interval", envDuration("QINGLANG_CAMPAIGN_INTERVAL", server.DefaultCampaignInterval),
		"团伙（职业弹幕）研判间隔，0 关闭团伙检测 / how often campaigns of coordinated comments are judged; 0 turns campaign detection off [QINGLANG_CAMPAIGN_INTERVAL]")
	f.DurationVar(&cfg.CampaignWindow, "campaign-window", server.DefaultCampaignWindow,
		"团伙检测的滑动窗口（启动时恢复并回放此窗口）/ sliding window of campaign detection (restored and replayed at start)")
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(key); ok {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
		fmt.Fprintf(os.Stderr, "qinglang: 环境变量 %s=%q 不是时长，使用默认值 %s / %s=%q is not a duration, using %s\n", key, v, def, key, v, def)
	}
	return def
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, ok := os.LookupEnv(key); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
		fmt.Fprintf(os.Stderr, "qinglang: 环境变量 %s=%q 不是整数，使用默认值 %d / %s=%q is not an integer, using %d\n", key, v, def, key, v, def)
	}
	return def
}

func newServeCmd() *cobra.Command {
	var cfg server.Config
	var reg registryOpts
	var eo enforceOpts
	c := &cobra.Command{
		Use:   "serve",
		Short: "启动服务：API、事件日志与检测流水线 / run the API, the event log and the pipeline",
		Long: `启动 HTTP API（/v1）、持久化事件日志（默认内嵌 NATS JetStream）与检测流水线。SIGTERM 或 Ctrl-C 时先处理完手上的事件再退出。
SIGHUP 时重新加载规则包（--rules）：全部有效才替换，否则保留原规则并在日志中列出问题；
同时重新加载主体登记（--registry，坏行跳过并记录）与品牌登记（--brands）。
Starts the HTTP API (/v1), the durable event log (embedded NATS JetStream by default) and the
detection pipeline. On SIGTERM or Ctrl-C it finishes the work in hand, then exits. On SIGHUP it
reloads the rule packs (--rules): only valid packs replace the rules in use; otherwise the log
lists every problem and the running rules stay. SIGHUP also reloads the actor registry
(--registry; bad rows are logged and skipped) and the brand registry (--brands).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if cfg.CampaignInterval < 0 || cfg.CampaignWindow < 0 {
				return usageError("--campaign-interval 与 --campaign-window 不能为负 / --campaign-interval and --campaign-window must not be negative")
			}
			cfg.Version = version
			cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
			cfg.Campaigns = campaignFactory(cfg.Logger)
			var err error
			if err = serverRegistries(c.ErrOrStderr(), reg, &cfg, warnLog(cfg.Logger)); err != nil {
				return err
			}
			if err = eo.apply(c.ErrOrStderr(), &cfg); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// SIGHUP reloads the rules; caught from now on, so that one sent
			// while starting does not end the process.
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			defer signal.Stop(hup)
			m, err := server.Start(ctx, cfg)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			fmt.Fprintf(c.OutOrStdout(), "清朗已启动 Qinglang is serving at %s\n事件也可发布到 NATS / events may also be published to NATS: %s subject qinglang.in\n", m.URL(), natsbus.RedactURL(m.NATSURL()))
			go reloadOnHUP(ctx, m, hup, cfg.Logger)
			<-ctx.Done()
			cfg.Logger.Info("shutting down: draining in-flight work")
			sctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			if err := m.Shutdown(sctx); err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			return nil
		},
	}
	serveFlags(c, &cfg)
	registryFlags(c, &reg)
	enforceFlags(c, &eo, &cfg)
	return c
}

// warnLog reports a bilingual warning on the server's log.
func warnLog(log *slog.Logger) func(zh, en string) {
	return func(zh, en string) { log.Warn(en, "zh", zh) }
}

// reloadOnHUP reloads the rule packs on each signal from hup until ctx ends,
// and logs the result: the rules now in use, or every problem of the packs
// (the running rules stay).
func reloadOnHUP(ctx context.Context, m *server.Main, hup <-chan os.Signal, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
		}
		err := m.ReloadRules(ctx)
		var probs rules.Problems
		switch {
		case errors.As(err, &probs):
			log.Error("SIGHUP: 规则包无效，仍使用原有规则 / invalid rule packs, the rules in use stay", "problems", len(probs))
			for _, p := range probs {
				log.Error("rule pack problem", "problem", p.Error())
			}
		case err != nil:
			log.Error("SIGHUP: 规则重新加载失败，仍使用原有规则 / rule reload failed, the rules in use stay", "err", err)
		default:
			rs := m.Rules()
			log.Info("SIGHUP: 规则已重新加载 / rules reloaded", "rules", len(rs.Rules), "packs", strings.Join(rs.Packs, ","))
		}
		if m.HasRegistrySource() {
			if _, _, err := m.ReloadRegistry(ctx); err != nil {
				log.Error("SIGHUP: 登记重新加载失败，仍使用原有登记 / registry reload failed, the registries in use stay", "err", err)
			}
		}
	}
}
