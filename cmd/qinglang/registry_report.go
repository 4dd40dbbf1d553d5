package main

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

func newRegistryReportCmd() *cobra.Command {
	var o regOpts
	var period, out string
	var anyMonth bool
	c := &cobra.Command{
		Use:   "report DIR|FILE --period 2026-07 [-o FILE]",
		Short: "生成半年度身份信息报告（CSV）/ write the twice-yearly identity report (CSV)",
		Long: `生成在 --period 月份报送的身份信息报告（CSV），覆盖此前六个月：2026-07 覆盖 2026-01-01 至 2026-06-30。
报告每年 1 月和 7 月报送（《网络交易监督管理办法》第二十五条，条款待核实），其他月份需加 --any-month。身份证号只以遮盖形式出现。
Writes the identity report due in the month --period (CSV), covering the six months before
it: 2026-07 covers 2026-01-01 to 2026-06-30. Reports are due every January and July (SAMR
Order 37 art. 25; article unverified); another month needs --any-month. Resident IDs appear
only masked.
退出码 / exit: 0 ok, 2 输入或用法错误 bad input or usage, 3 写出失败 write failure.`,
		Args: oneRegistry,
		RunE: func(c *cobra.Command, args []string) error {
			p, err := reportPeriod(period, anyMonth)
			if err != nil {
				return err
			}
			reg, _, err := o.load(c, args[0])
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := reg.IdentityReport(&buf, p); err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			if out == "" || out == "-" {
				_, err := c.OutOrStdout().Write(buf.Bytes())
				if err != nil {
					return writeFailure("-", err)
				}
				return nil
			}
			if err := writeFileAtomic(out, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "已写出 %s（%s 至 %s）/ wrote %s (%s to %s)\n", out,
				p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), out, p.From.Format(time.DateOnly), p.To.Format(time.DateOnly))
			return nil
		},
	}
	o.flags(c, "判断主播年龄的日期 YYYY-MM-DD，默认今天 / the day host ages are judged on, YYYY-MM-DD; default today")
	c.Flags().StringVar(&period, "period", "", "报送月份 YYYY-MM（1 月或 7 月）/ the month the report is due in, YYYY-MM (January or July)")
	c.Flags().BoolVar(&anyMonth, "any-month", false, "允许 1 月、7 月以外的月份（如补报）/ allow a month other than January or July (a late or extra report)")
	c.Flags().StringVarP(&out, "output", "o", "", "输出 CSV 文件，默认标准输出 / output CSV file; default standard output")
	return c
}

// reportPeriod returns the six months before the month s (YYYY-MM). A
// month not in registry.ReportMonths is a usage error unless anyMonth.
func reportPeriod(s string, anyMonth bool) (registry.ReportPeriod, error) {
	if s == "" {
		return registry.ReportPeriod{}, usageError("需要 --period YYYY-MM，如 2026-07 / --period YYYY-MM is required, such as 2026-07")
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return registry.ReportPeriod{}, usageError("--period %q 应为 YYYY-MM，如 2026-07 / --period %q must be YYYY-MM, such as 2026-07", s, s)
	}
	if !anyMonth && !slices.Contains(registry.ReportMonths, t.Month()) {
		return registry.ReportPeriod{}, usageError(
			"--period %s：身份信息报告在每年 1 月和 7 月报送（《网络交易监督管理办法》第二十五条），报告此前六个月；其他月份请加 --any-month / "+
				"--period %s: the identity report is due every January and July (SAMR Order 37 art. 25), covering the six months before; for another month add --any-month",
			s, s)
	}
	from := time.Date(t.Year(), t.Month()-6, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(t.Year(), t.Month(), 0, 0, 0, 0, 0, time.UTC)
	return registry.ReportPeriod{From: from, To: to}, nil
}
