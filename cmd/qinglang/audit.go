package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/audit"
)

func newAuditCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "audit",
		Short: "审计日志 / the audit log",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newAuditVerifyCmd())
	return c
}

func newAuditVerifyCmd() *cobra.Command {
	var o dbOpts
	var anchors []string
	var asJSON bool
	c := &cobra.Command{
		Use:   "verify [--anchor SEQ:HASH]...",
		Short: "校验审计日志的哈希链，指出第一处被改、删或调序的记录 / verify the audit log's hash chain and name the first entry edited, deleted or reordered",
		Long: `逐条重算 serve 数据库中审计日志的哈希链。被修改、删除、插入或调序的记录都会使链断开，命令指出第一处断点与原因。
整条链被重算改写时，只有对照此前另存的链头（--anchor，取自之前一次校验输出的 head）才能发现；请定期把 head 存到别处。
Recomputes the hash chain of the audit log in serve's database. An edited, deleted, inserted
or reordered entry breaks the chain; the command names the first break and why. A rewrite of
the whole chain with recomputed hashes is caught only against a head kept elsewhere before
(--anchor, the head printed by an earlier verify): keep the head somewhere else regularly.
退出码 / exit: 0 完好 intact, 1 断链 broken, 2 用法错误 usage, 3 失败 failure.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			var heads []audit.Head
			for _, a := range anchors {
				h, err := audit.ParseHead(a)
				if err != nil {
					return usageError("--anchor %q 应为 序号:哈希 / --anchor %q must be SEQ:HASH", a, a)
				}
				heads = append(heads, h)
			}
			svc, done, err := enforcementOn(c, &o, false)
			if err != nil {
				return err
			}
			defer done()
			rep, err := svc.VerifyAudit(c.Context(), heads...)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			out := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return writeFailure("-", err)
				}
			} else if rep.OK {
				fmt.Fprintf(out, "审计日志完好：%d 条 / audit log intact: %d entries\nhead %s\n", rep.Checked, rep.Checked, rep.Head)
			} else {
				b := rep.Break
				fmt.Fprintf(out, "审计日志在第 %d 条断开（%s）：%s\naudit log broken at entry %d (%s): %s\n", b.Seq, b.Kind, b.Reason, b.Seq, b.Kind, b.ReasonEN)
			}
			if !rep.OK {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	o.flags(c)
	c.Flags().StringArrayVar(&anchors, "anchor", nil, "此前另存的链头 SEQ:HASH（可多次）/ a head kept before, SEQ:HASH (repeatable)")
	c.Flags().BoolVar(&asJSON, "json", false, "以 JSON 输出 / print JSON")
	return c
}
