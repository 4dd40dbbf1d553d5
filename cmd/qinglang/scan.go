package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect"
	"github.com/qinglang/qinglang/scan"
)

func newScanCmd() *cobra.Command {
	var format string
	var dirs []string
	var reg registryOpts
	c := &cobra.Command{
		Use:   "scan [--format table|json|ndjson] [--registry DIR|FILE] [--brands FILE|default] FILE|-",
		Short: "离线扫描事件文件 / scan an events file offline",
		Long: `离线运行全部检测器（无需服务器），输入为 JSON Lines 或 JSON 数组，"-" 表示标准输入。
团伙检测（职业弹幕）按事件时间每 5 分钟研判一次、结束时再研判一次；每个团伙的发现在最后输出一次（结束时的状态）。
Runs every detector offline (no server) over JSON Lines or a JSON array; "-" reads standard input.
Campaigns of coordinated comments are judged every 5 minutes of event time and at the end; each
campaign's finding is printed once, last, as the campaign stood at the end.

退出码 / exit: 0 无发现 no findings, 1 有发现 findings, 2 输入有误或用法错误 bad input or usage, 3 失败 failure.
有问题的事件逐条报告到标准错误，其余事件照常检测。Bad events are reported on stderr; the good ones are still scanned.`,
		Args: oneInput,
		RunE: func(c *cobra.Command, args []string) error {
			switch format {
			case "table", "json", "ndjson":
			default:
				return usageError("未知输出格式 %q（table、json、ndjson）/ unknown format %q (table, json, ndjson)", format, format)
			}
			return runScan(c, args[0], format, dirs, reg)
		},
	}
	c.Flags().StringVar(&format, "format", "table", "输出格式 output format: table, json, ndjson")
	rulesDirs(c, &dirs)
	registryFlags(c, &reg)
	return c
}

func runScan(c *cobra.Command, name, format string, dirs []string, ro registryOpts) error {
	set, err := loadRules(dirs)
	if err != nil {
		return err
	}
	errw := c.ErrOrStderr()
	reg, br, badRegistry, err := loadRegistries(errw, ro, func(zh, en string) { fmt.Fprintf(errw, "qinglang: %s / %s\n", zh, en) })
	if err != nil {
		return err
	}
	detectors, err := detect.NewSet(set, detect.WithRegistry(reg), detect.WithBrands(br))
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	var in io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("无法打开 %s / cannot open %s: %w", name, name, err)}
		}
		defer f.Close()
		in = f
		if fi, err := f.Stat(); err == nil && isatty.IsTerminal(os.Stderr.Fd()) {
			bar := progressbar.DefaultBytes(fi.Size(), "扫描 scanning")
			defer bar.Close()
			in = io.TeeReader(f, bar)
		}
	}
	out := c.OutOrStdout()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var onFinding func(qinglang.Finding)
	var writeErr error // the first failed write of a finding (a closed pipe, a full disk)
	if format == "ndjson" {
		onFinding = func(f qinglang.Finding) {
			if writeErr == nil {
				writeErr = enc.Encode(f)
			}
		}
	}
	rep, err := scan.Run(c.Context(), in, scan.Options{OnFinding: onFinding, Detectors: detectors.Detectors(),
		Campaigns: newCampaignDetector(0, nil)})
	if err != nil {
		return &exitError{code: exitCode(err), err: err}
	}
	if writeErr != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("写出发现失败 / writing the findings failed: %w", writeErr)}
	}
	switch format {
	case "json":
		enc.SetIndent("", "  ")
		fs := rep.Findings
		if fs == nil {
			fs = []qinglang.Finding{}
		}
		if err := enc.Encode(fs); err != nil {
			return &exitError{code: exitFailure, err: fmt.Errorf("写出发现失败 / writing the findings failed: %w", err)}
		}
	case "table":
		writeTable(out, rep.Findings)
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(errw, p.Error())
	}
	fmt.Fprintf(errw, "事件 %d 条，重复 %d，拒绝 %d，发现 %d / events %d, duplicates %d, rejected %d, findings %d\n",
		rep.Events, rep.Duplicates, len(rep.Problems), len(rep.Findings),
		rep.Events, rep.Duplicates, len(rep.Problems), len(rep.Findings))
	if badRegistry > 0 {
		fmt.Fprintf(errw, "主体登记有 %d 个坏行已跳过 / %d bad registry rows skipped\n", badRegistry, badRegistry)
	}
	switch {
	case len(rep.Problems) > 0 || badRegistry > 0:
		return &exitError{code: exitBadInput}
	case len(rep.Findings) > 0:
		return &exitError{code: exitFindings}
	}
	return nil
}

func writeTable(w io.Writer, fs []qinglang.Finding) {
	if len(fs) == 0 {
		fmt.Fprintln(w, "没有发现 / no findings")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "严重度 SEVERITY\t规则 RULE\t平台 PLATFORM\t直播间 ROOM\t时间 TS\t摘要 SUMMARY")
	for _, f := range fs {
		room := f.Room
		if room == "" && f.Kind == qinglang.KindCampaign {
			room = "（多个 several）"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Severity, f.Rule, f.Platform, room,
			f.TS.Format(time.RFC3339), strings.ReplaceAll(f.Summary, "\t", " "))
	}
	tw.Flush()
}
