package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

// newRegistryCmd groups the commands on the actor registry: check, export,
// due and report work on files; import and reload on a running server.
func newRegistryCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "registry",
		Short: "主体登记：校验、导出、复核到期与身份信息报告 / actor registry: check, export, re-verification due list, identity report",
		Long: `主体登记（商家、许可证、直播间运营者、机构、主播及其关联）的命令；check、export、due、report 离线处理 DIR|FILE（CSV 目录，如 merchants.csv、licences.csv、hosts.csv …，或 JSON 文件），import、reload 作用于运行中的服务（--server）。
Commands on the actor registry (merchants, licences, room operators, agencies, hosts and their
links): check, export, due and report work offline on DIR|FILE (a directory of CSV files such
as merchants.csv, licences.csv, hosts.csv, …, or a JSON file); import and reload act on a
running server (--server).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newRegistryCheckCmd(), newRegistryExportCmd(), newRegistryDueCmd(), newRegistryReportCmd(),
		newRegistryImportCmd(), newRegistryReloadCmd())
	return c
}

// regOpts are the flags every registry subcommand shares.
type regOpts struct {
	salt string // --registry-salt
	on   string // --on, YYYY-MM-DD; "" today
}

func (o *regOpts) flags(c *cobra.Command, onDoc string) {
	c.Flags().StringVar(&o.salt, "registry-salt", "",
		"主播身份证号哈希的密钥（至少 16 字节）；默认取 QINGLANG_REGISTRY_SALT，缺省时每次随机 / secret key of host ID hashes (at least 16 bytes); default from QINGLANG_REGISTRY_SALT, random per process when absent")
	c.Flags().StringVar(&o.on, "on", "", onDoc)
}

// day returns --on as a UTC date, today when empty.
func (o *regOpts) day() (time.Time, error) {
	if o.on == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, o.on)
	if err != nil {
		return time.Time{}, usageError("--on %q 应为 YYYY-MM-DD / --on %q must be YYYY-MM-DD", o.on, o.on)
	}
	return t, nil
}

// salted returns the salt, logging to stderr when it is random.
func (o *regOpts) salted(c *cobra.Command) ([]byte, error) {
	errw := c.ErrOrStderr()
	return registrySalt(o.salt, func(zh, en string) { fmt.Fprintf(errw, "qinglang: %s / %s\n", zh, en) })
}

// load reads the registry at path, judging host ages on --on; issues go to
// stderr and errors are a bad-input error.
func (o *regOpts) load(c *cobra.Command, path string) (*registry.Registry, time.Time, error) {
	on, err := o.day()
	if err != nil {
		return nil, on, err
	}
	salt, err := o.salted(c)
	if err != nil {
		return nil, on, err
	}
	reg, err := loadActorRegistryOn(c.ErrOrStderr(), path, salt, on)
	return reg, on, err
}

// oneRegistry checks the one DIR|FILE argument.
func oneRegistry(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError("需要一个主体登记目录或 JSON 文件 / want one registry DIR or JSON FILE")
	}
	return nil
}

// parseEvery reads a re-verification period: whole days ("180d") or a Go
// duration ("4320h"); it must be at least one day.
func parseEvery(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		days, err = strconv.Atoi(n)
		d = time.Duration(days) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d < 24*time.Hour {
		return 0, usageError("--every %q 应为至少一天的天数或时长，如 180d 或 4320h / --every %q must be at least a day, such as 180d or 4320h", s, s)
	}
	return d, nil
}
