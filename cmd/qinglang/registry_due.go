package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

func newRegistryDueCmd() *cobra.Command {
	var o regOpts
	var every, format string
	var overdue bool
	c := &cobra.Command{
		Use:   "due DIR|FILE [--on DATE] [--every 180d|4320h] [--overdue] [--format text|csv|json]",
		Short: "列出身份信息复核到期（或逾期）的主体 / list the actors whose identity re-verification is due (or overdue)",
		Long: fmt.Sprintf(`列出 --on 当日起 %d 天内到期、已逾期或从未核验的主体（平台、商家、运营者、机构、主播）；--overdue 只列逾期与从未核验的。
默认复核周期 180 天（《网络交易监督管理办法》第二十四条：至少每六个月核验更新一次，条款待核实）。
Lists the actors (platforms, merchants, operators, agencies, hosts) whose re-verification
deadline falls within %d days of --on, has passed, or who were never verified; --overdue
lists only the overdue and never verified. The default period is 180 days (SAMR Order 37
art. 24: at least every six months; article unverified).
退出码 / exit: 0 ok（列表可非空 even when the list is not empty）, 2 输入或用法错误 bad input or usage.`,
			int(registry.DueLead/(24*time.Hour)), int(registry.DueLead/(24*time.Hour))),
		Args: oneRegistry,
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "csv" && format != "json" {
				return usageError("未知输出格式 %q（text、csv、json）/ unknown format %q (text, csv, json)", format, format)
			}
			period, err := parseEvery(every)
			if err != nil {
				return err
			}
			reg, on, err := o.load(c, args[0])
			if err != nil {
				return err
			}
			items := reg.Due(on, period)
			if overdue {
				items = reg.Overdue(on, period)
			}
			return writeDue(c.OutOrStdout(), format, on, items)
		},
	}
	o.flags(c, "到期计算所依据的日期 YYYY-MM-DD，默认今天 / the day the list is for, YYYY-MM-DD; default today")
	c.Flags().StringVar(&every, "every", "180d", "复核周期：天数（180d）或时长（4320h）/ re-verification period: days (180d) or a duration (4320h)")
	c.Flags().BoolVar(&overdue, "overdue", false, "只列逾期与从未核验的 / only the overdue and never verified")
	c.Flags().StringVar(&format, "format", "text", "输出格式 output format: text, csv, json")
	return c
}

// dueRow is one due item as the csv and json outputs write it.
type dueRow struct {
	Kind         string `json:"kind"`
	ID           string `json:"id"`
	Name         string `json:"name"`
	LastVerified string `json:"last_verified"` // "" never
	Deadline     string `json:"deadline"`      // "" never verified
	Status       string `json:"status"`        // due, overdue or never
}

func dueRows(items []registry.DueItem) []dueRow {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	rows := make([]dueRow, 0, len(items))
	for _, it := range items {
		st := "due"
		switch {
		case it.LastVerified.IsZero():
			st = "never"
		case it.Overdue:
			st = "overdue"
		}
		rows = append(rows, dueRow{Kind: string(it.Kind), ID: it.ID, Name: it.Name,
			LastVerified: day(it.LastVerified), Deadline: day(it.Deadline), Status: st})
	}
	return rows
}

func writeDue(w io.Writer, format string, on time.Time, items []registry.DueItem) error {
	rows := dueRows(items)
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			On    string   `json:"on"`
			Items []dueRow `json:"items"`
		}{on.Format(time.DateOnly), rows})
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"kind", "id", "name", "last_verified", "deadline", "status"})
		for _, r := range rows {
			cw.Write([]string{r.Kind, r.ID, r.Name, r.LastVerified, r.Deadline, r.Status})
		}
		cw.Flush()
		return cw.Error()
	}
	if len(rows) == 0 {
		fmt.Fprintf(w, "%s：无到期复核 / nothing due for re-verification\n", on.Format(time.DateOnly))
		return nil
	}
	status := map[string]string{"due": "即将到期 due", "overdue": "已逾期 overdue", "never": "从未核验 never verified"}
	for _, r := range rows {
		zh, en := registry.Kind(r.Kind).Name()
		last, dl := r.LastVerified, r.Deadline
		if last == "" {
			last, dl = "-", "-"
		}
		fmt.Fprintf(w, "%s: %s/%s %s「%s」 上次核验 last verified %s, 截止 deadline %s\n",
			status[r.Status], zh, en, r.ID, r.Name, last, dl)
	}
	fmt.Fprintf(w, "共 %d 个 / %d in all (%s)\n", len(rows), len(rows), on.Format(time.DateOnly))
	return nil
}
