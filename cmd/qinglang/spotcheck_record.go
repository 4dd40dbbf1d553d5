package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/spotcheck"
)

var listingColumns = []string{"platform", "room", "product", "batch", "merchant", "event_id"}

func newSpotcheckRecordCmd() *cobra.Command {
	var results, listings, format, out, srv string
	c := &cobra.Command{
		Use:   "record --results FILE.csv (--listings FILE.csv [-o DIR] | --server URL) [--format text|json]",
		Short: "处理抽检结果：受影响的商品、各平台下架通知与公示记录 / act on lab results: affected listings, delisting notices per platform, public record",
		Long: `读入检验结果与在售商品清单，对每个不合格结果列出所有平台上受影响商品的发现、每个平台一份下架通知（中英文文本或 JSON）与可公示记录（不含个人信息）。
结果 CSV 列：product、platform、lab、sampled_at、tested_at、pass（必填），batch、merchant、category、failed_items（名称|检测值|限值|单位，以 ; 分隔）。
商品 CSV 列：platform、product、merchant、event_id（必填），room、batch。批次未知的商品按受影响处理（batch_confirmed=false）。
-o DIR 时把通知（.txt 中英文与 .json）与公示记录（.json）写入目录。
Reads lab results and the listings on sale; for each failed result prints the findings of
the affected listings on every platform, one delisting notice per platform (zh/en text, or
JSON) and the public record (no personal data).
Results CSV: product, platform, lab, sampled_at, tested_at, pass (required), batch, merchant,
category, failed_items (name|measured|limit|unit, separated by ;).
Listings CSV: platform, product, merchant, event_id (required), room, batch. A listing whose
batch is unknown is treated as affected (batch_confirmed=false).
With -o DIR the notices (.txt in zh and en, and .json) and records (.json) are written there.
--server URL 时把结果记入运行中的服务：受影响的上架取自服务的存储，之后再上架同一商品也会被发现（spotcheck.relisted），公示见 URL/public/spotchecks。
With --server URL the results are recorded on a running server: the affected listings come
from its store, later listings of the product are found too (spotcheck.relisted), and the
public record is at URL/public/spotchecks.
退出码 / exit: 0 全部合格 all passed, 1 有不合格 a result failed, 2 有坏行或用法错误 bad rows or usage, 3 写出失败 write failure.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError("未知输出格式 %q（text、json）/ unknown format %q (text, json)", format, format)
			}
			if srv != "" {
				if results == "" || listings != "" || out != "" {
					return usageError("--server 时只需 --results（在售商品取自服务的存储）/ with --server give only --results (the listings come from the server's store)")
				}
				return recordOnServer(c, srv, results, format)
			}
			if results == "" || listings == "" {
				return usageError("需要 --results 与 --listings（或 --server）/ --results and --listings (or --server) are required")
			}
			res, bad, err := readResults(results)
			if err != nil {
				return err
			}
			ls, lbad, err := readListings(listings)
			if err != nil {
				return err
			}
			bad = append(bad, lbad...)
			var failed []failedResult
			for _, r := range res {
				if !r.Pass {
					failed = append(failed, failedResult{Result: r, Outcome: spotcheck.Effects(r, ls)})
				}
			}
			if err := writeRecord(c.OutOrStdout(), format, len(res), failed); err != nil {
				return writeFailure("-", err)
			}
			if out != "" {
				if err := writeRecordFiles(out, failed); err != nil {
					return err
				}
				fmt.Fprintf(c.ErrOrStderr(), "已写出通知与公示记录到 %s / wrote notices and records into %s\n", out, out)
			}
			for _, b := range bad {
				fmt.Fprintln(c.ErrOrStderr(), b)
			}
			switch {
			case len(bad) > 0:
				return &exitError{code: exitBadInput, err: fmt.Errorf("%d 个坏行已跳过 / %d bad rows skipped", len(bad), len(bad))}
			case len(failed) > 0:
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	c.Flags().StringVar(&results, "results", "", "检验结果 CSV 文件 / lab results, a CSV file")
	c.Flags().StringVar(&listings, "listings", "", "在售商品 CSV 文件 / listings on sale, a CSV file")
	c.Flags().StringVar(&format, "format", "text", "输出格式 output format: text, json")
	c.Flags().StringVarP(&out, "output", "o", "", "写出通知与公示记录的目录 / directory for the notices and records")
	serverFlag(c.Flags(), &srv, "把结果记入运行中的服务（qinglang serve 的地址）：不合格商品在各平台的上架取自其存储，发现进入实时流，公示见 /public/spotchecks / record the results on a running server (the URL of qinglang serve): the affected listings come from its store, findings go to its live feed, the public record to /public/spotchecks")
	return c
}

// recordOnServer posts the results file to POST /v1/spotchecks and prints
// what each result led to. Rows the server refuses are printed with their
// line; the exit code is as for files.
func recordOnServer(c *cobra.Command, srv, results, format string) error {
	data, err := os.ReadFile(results)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", results, results, err)}
	}
	var ans struct {
		Recorded []struct {
			ID        string   `json:"id"`
			Pass      bool     `json:"pass"`
			Added     bool     `json:"added"`
			Findings  int      `json:"findings"`
			Platforms []string `json:"platforms"`
		} `json:"recorded"`
		Problems []apiProblem `json:"problems"`
	}
	errw := c.ErrOrStderr()
	if err := callAPI(c.Context(), errw, "POST", srv, "/v1/spotchecks", "text/csv", data, &ans); err != nil {
		return err
	}
	w := c.OutOrStdout()
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ans); err != nil {
			return writeFailure("-", err)
		}
	}
	failed := 0
	for _, r := range ans.Recorded {
		verdict, note := "合格 passed", ""
		if !r.Pass {
			failed++
			verdict = "不合格 FAILED"
		}
		if !r.Added {
			note = "（已记录过，未重复处理 / recorded before, nothing done again）"
		}
		if format == "text" {
			fmt.Fprintf(w, "%s %s: 受影响上架 affected listings %d，通知平台 notified platforms [%s]%s\n",
				r.ID, verdict, r.Findings, strings.Join(r.Platforms, ", "), note)
		}
	}
	for _, p := range ans.Problems {
		if p.File == "" {
			p.File = results
		}
		fmt.Fprintln(errw, p)
	}
	if format == "text" {
		fmt.Fprintf(w, "已记录 %d 条，不合格 %d；公示 %s/public/spotchecks / recorded %d, failed %d; published at %s/public/spotchecks\n",
			len(ans.Recorded), failed, strings.TrimRight(srv, "/"), len(ans.Recorded), failed, strings.TrimRight(srv, "/"))
	}
	switch {
	case len(ans.Problems) > 0:
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d 个坏行已跳过 / %d bad rows skipped", len(ans.Problems), len(ans.Problems))}
	case failed > 0:
		return &exitError{code: exitFindings}
	}
	return nil
}

// failedResult is a failed result with its effects.
type failedResult struct {
	Result  spotcheck.Result  `json:"result"`
	Outcome spotcheck.Outcome `json:"outcome"`
}

func readResults(name string) ([]spotcheck.Result, []rowError, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", name, name, err)}
	}
	defer f.Close()
	res, fes, err := spotcheck.ReadCSV(f)
	if err != nil {
		return nil, nil, &exitError{code: exitCode(err), err: fmt.Errorf("%s: %w", name, err)}
	}
	var bad []rowError
	for _, fe := range fes {
		bad = append(bad, rowError{file: name, line: fe.Line, field: fe.Field, zh: fe.Err.Message, en: fe.Err.MessageEN})
	}
	return res, bad, nil
}

func readListings(name string) ([]spotcheck.Listing, []rowError, error) {
	t, bad, err := readTable(name, []string{"platform", "product", "merchant", "event_id"}, listingColumns)
	if err != nil {
		return nil, nil, err
	}
	var out []spotcheck.Listing
	for i := range t.rows {
		l := spotcheck.Listing{Platform: t.get(i, "platform"), Room: t.get(i, "room"), Product: t.get(i, "product"),
			Batch: t.get(i, "batch"), Merchant: t.get(i, "merchant"), EventID: t.get(i, "event_id")}
		missing := ""
		for _, f := range []struct{ name, v string }{{"platform", l.Platform}, {"product", l.Product}, {"merchant", l.Merchant}, {"event_id", l.EventID}} {
			if f.v == "" && missing == "" {
				missing = f.name
			}
		}
		if missing != "" {
			bad = append(bad, rowError{file: name, line: t.line[i], field: missing, zh: "缺少必填值", en: "missing"})
			continue
		}
		out = append(out, l)
	}
	return out, bad, nil
}

func writeRecord(w io.Writer, format string, total int, failed []failedResult) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if failed == nil {
			failed = []failedResult{}
		}
		return enc.Encode(struct {
			Results int            `json:"results"`
			Failed  []failedResult `json:"failed"`
		}{total, failed})
	}
	for _, f := range failed {
		r := f.Result
		fmt.Fprintf(w, "== 不合格 FAILED: %s", r.Product)
		if r.Batch != "" {
			fmt.Fprintf(w, " 批次 batch %s", r.Batch)
		}
		fmt.Fprintf(w, " @ %s，%s，检验 tested %s ==\n", r.Platform, r.Lab, r.TestedAt.Format(time.DateOnly))
		fmt.Fprintf(w, "发现 findings: %d\n", len(f.Outcome.Drafts))
		for _, d := range f.Outcome.Drafts {
			fmt.Fprintf(w, "  [%s] %s %s/%s %s %s: %s / %s\n", d.Severity, d.Rule, d.Platform, orDash(d.Room), d.Merchant, d.EventID, d.Summary, d.SummaryEN)
		}
		for _, n := range f.Outcome.Notices {
			fmt.Fprintf(w, "-- 下架通知 delisting notice: %s --\n%s\n%s\n", n.Platform, strings.TrimRight(n.Text(), "\n"), strings.TrimRight(n.TextEN(), "\n"))
		}
		if f.Outcome.Record != nil {
			b, err := json.MarshalIndent(f.Outcome.Record, "", "  ")
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "-- 公示记录 public record --\n%s\n", b)
		}
	}
	fmt.Fprintf(w, "结果 %d 条，不合格 %d / results %d, failed %d\n", total, len(failed), total, len(failed))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeRecordFiles writes, for the i-th failed result, result-i-notice-
// PLATFORM.txt and .json per notice and result-i-record.json.
func writeRecordFiles(dir string, failed []failedResult) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return writeFailure(dir, err)
	}
	for i, f := range failed {
		base := filepath.Join(dir, fmt.Sprintf("result-%02d", i+1))
		for _, n := range f.Outcome.Notices {
			name := base + "-notice-" + safeName(n.Platform)
			if err := writeFileAtomic(name+".txt", []byte(n.Text()+"\n\n"+n.TextEN()+"\n")); err != nil {
				return err
			}
			b, err := n.JSON()
			if err != nil {
				return writeFailure(name+".json", err)
			}
			if err := writeFileAtomic(name+".json", append(b, '\n')); err != nil {
				return err
			}
		}
		if f.Outcome.Record != nil {
			b, err := json.MarshalIndent(f.Outcome.Record, "", "  ")
			if err != nil {
				return writeFailure(base+"-record.json", err)
			}
			if err := writeFileAtomic(base+"-record.json", append(b, '\n')); err != nil {
				return err
			}
		}
	}
	return nil
}

// safeName keeps a platform name usable as part of a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' || r == '.' {
			return '_'
		}
		return r
	}, s)
}
