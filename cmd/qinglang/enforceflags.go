package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/policy"
	"github.com/qinglang/qinglang/server"
)

// enforceOpts are serve's and demo's flags of the enforcement loop.
type enforceOpts struct {
	policy   string   // a policy YAML file; "" the built-in one
	grouping string   // a grouping YAML file; "" the default
	regions  []string // platform=code
}

func enforceFlags(c *cobra.Command, o *enforceOpts, cfg *server.Config) {
	f := c.Flags()
	f.BoolVar(&cfg.Auth, "auth", envBool("QINGLANG_AUTH", true),
		"要求 API 令牌（关闭则所有请求按管理员处理，只用于本机试用）/ require API tokens (off: every request acts as an admin, for a trial on one's own machine) [QINGLANG_AUTH]")
	f.StringVar(&o.policy, "policy", env("QINGLANG_POLICY", ""),
		"处置措施策略 YAML（扣分、阶梯、期限、上限、申诉渠道）；空为内置策略 / measures policy YAML (points, ladder, durations, caps, appeal channel); empty for the built-in one [QINGLANG_POLICY]")
	f.StringVar(&o.grouping, "case-grouping", "", "案件归并规则 YAML（哪些主体立案、时间窗、最低严重度）/ case grouping YAML (which subjects open cases, the window, the minimum severity)")
	f.StringArrayVar(&o.regions, "platform-region", nil,
		"平台所在地行政区划代码 PLATFORM=CODE（可多次），决定其案件的辖区 / a platform's seat as PLATFORM=CODE (repeatable): the jurisdiction of its cases")
	f.BoolVar(&cfg.Webhooks, "webhooks", true, "向平台登记的 webhook 推送发现、措施、通知与监管通知 / deliver findings, measures, notices and directives to the platforms' webhooks")
	f.IntVar(&cfg.RetentionYears, "retention-years", envInt("QINGLANG_RETENTION_YEARS", 0),
		"保存年限：0 为全部保留，否则至少 3 年，每天清理更早的事件、发现与已结案件（法律保全的除外）/ retention in years: 0 keeps everything, otherwise at least 3; older events, findings and closed cases are purged daily (legal holds excepted) [QINGLANG_RETENTION_YEARS]")
	f.BoolVar(&cfg.NoEnforcement, "no-enforcement", false, "不把发现归入案件（不立案、不提出措施）/ take no findings into cases (no cases, no measures)")
}

// apply loads the files the flags name into cfg. Problems are written to
// w with file, line and field, and make a bad-input error.
func (o *enforceOpts) apply(w io.Writer, cfg *server.Config) error {
	if o.policy != "" {
		p, err := loadYAMLFile(w, o.policy, policy.Load)
		if err != nil {
			return err
		}
		cfg.Policy = p
	}
	if o.grouping != "" {
		g, err := loadYAMLFile(w, o.grouping, casework.LoadGrouping)
		if err != nil {
			return err
		}
		cfg.Grouping = g
	}
	for _, r := range o.regions {
		platform, code, ok := strings.Cut(r, "=")
		if !ok || platform == "" || len(code) != 6 {
			return usageError("--platform-region %q 应为 平台=六位代码 / --platform-region %q must be PLATFORM=CODE (six digits)", r, r)
		}
		if cfg.Regions == nil {
			cfg.Regions = map[string]string{}
		}
		cfg.Regions[platform] = code
	}
	if y := cfg.RetentionYears; y != 0 && y < enforce.MinRetentionYears {
		return usageError("--retention-years 为 0 或至少 %d / --retention-years must be 0 or at least %d", enforce.MinRetentionYears, enforce.MinRetentionYears)
	}
	if key := os.Getenv("QINGLANG_AUDIT_KEY"); key != "" {
		cfg.AuditKey = []byte(key)
	}
	return nil
}

// loadYAMLFile opens name and loads it with load; qinglang.Problems are
// written to w one per line.
func loadYAMLFile[T any](w io.Writer, name string, load func(string, io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", name, name, err)}
	}
	defer f.Close()
	v, err := load(name, f)
	if err != nil {
		if probs, ok := err.(qinglang.Problems); ok {
			for _, p := range probs {
				fmt.Fprintln(w, p.Error())
			}
			return zero, &exitError{code: exitBadInput, err: fmt.Errorf("%s 有 %d 个问题 / %s has %d problems", name, len(probs), name, len(probs))}
		}
		return zero, &exitError{code: exitBadInput, err: err}
	}
	return v, nil
}

func envBool(key string, def bool) bool {
	switch strings.ToLower(os.Getenv(key)) {
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	return def
}
