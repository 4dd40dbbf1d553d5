package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

func newRegistryCheckCmd() *cobra.Command {
	var o regOpts
	c := &cobra.Command{
		Use:   "check DIR|FILE [--on DATE]",
		Short: "校验主体登记，逐条列出问题 / check a registry and list every issue",
		Long: `读入主体登记，逐条列出问题（文件:行: 字段: 严重程度：中文 / English）与汇总；主播年龄按 --on 当日判断。
退出码：0 无错误（可有警告与提示），2 有错误或用法错误。
Loads the registry and prints every issue as file:line: field: severity: message (zh / en),
then a summary; host ages are judged on --on. Exit 0 without errors (warnings and notes
allowed), 2 with errors or on bad usage.`,
		Args: oneRegistry,
		RunE: func(c *cobra.Command, args []string) error {
			on, err := o.day()
			if err != nil {
				return err
			}
			salt, err := o.salted(c)
			if err != nil {
				return err
			}
			reg, dir, issues, err := readActorRegistry(args[0], salt, on)
			if err != nil {
				return err
			}
			return writeCheck(c, reg, dir, issues)
		},
	}
	o.flags(c, "判断主播年龄的日期 YYYY-MM-DD，默认今天 / the day host ages are judged on, YYYY-MM-DD; default today")
	return c
}

// writeCheck prints the issues, the link problems and the summary.
func writeCheck(c *cobra.Command, reg *registry.Registry, dir string, issues registry.Issues) error {
	w := c.OutOrStdout()
	count := map[registry.Severity]int{}
	for _, is := range issues {
		fmt.Fprintln(w, formatIssue(dir, is))
		count[is.Severity]++
	}
	errs := count[registry.SevError]
	if err := reg.Validate(); err != nil {
		fmt.Fprintf(w, "关联错误 / link errors: %v\n", err)
		errs++
	}
	fmt.Fprintf(w, "记录 records: 平台 platforms %d, 商家 merchants %d, 运营者 operators %d, 机构 agencies %d, 主播 hosts %d, 直播间 rooms %d, 主播-机构 host_agencies %d, 直播间关联 room_links %d\n",
		len(reg.Platforms()), len(reg.Merchants()), len(reg.Operators()), len(reg.Agencies()), len(reg.Hosts()),
		len(reg.Rooms()), len(reg.HostAgencies()), len(reg.RoomLinks()))
	fmt.Fprintf(w, "错误 %d，警告 %d，提示 %d / errors %d, warnings %d, notes %d\n",
		errs, count[registry.SevWarning], count[registry.SevNote], errs, count[registry.SevWarning], count[registry.SevNote])
	if errs > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("主体登记有错误 / the registry has errors")}
	}
	return nil
}
