package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/enforce"
)

func newRetentionCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "retention",
		Short: "记录保存期限 / record retention",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newRetentionPurgeCmd())
	return c
}

func newRetentionPurgeCmd() *cobra.Command {
	var o dbOpts
	var years int
	c := &cobra.Command{
		Use:   "purge --years N",
		Short: "清理早于 N 年（至少 3 年）的事件、发现与已结案件，法律保全的直播间除外 / purge events, findings and closed cases older than N years (at least 3), legal holds excepted",
		Long: `在 serve 的数据库上清理早于保存期限的记录：事件及其订单、上架记录、发现，以及在此之前已结案且未被法律保全的案件。
被法律保全（legal_hold）的案件所涉直播间一概保留；审计日志永不删除。清理本身记入审计日志。
Purges what is older than the retention on serve's database: events with their orders and
listings, findings, and cases closed before then that are not on legal hold. The rooms of cases
on legal hold are kept whole; the audit log is never deleted. The purge is audited.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if years < enforce.MinRetentionYears {
				return usageError("--years 至少为 %d / --years must be at least %d", enforce.MinRetentionYears, enforce.MinRetentionYears)
			}
			svc, done, err := enforcementOn(c, &o, false)
			if err != nil {
				return err
			}
			defer done()
			rep, err := svc.Purge(c.Context(), years)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			fmt.Fprintf(c.OutOrStdout(), "早于 %s：删除事件 %d、发现 %d、案件 %d；保全直播间 %d / before %s: deleted %d events, %d findings, %d cases; %d rooms held\n",
				rep.Before.Format("2006-01-02"), rep.Events, rep.Findings, rep.Cases, rep.Held,
				rep.Before.Format("2006-01-02"), rep.Events, rep.Findings, rep.Cases, rep.Held)
			return nil
		},
	}
	o.flags(c)
	c.Flags().IntVar(&years, "years", 0, "保存年限（至少 3）/ the retention in years (at least 3)")
	return c
}
