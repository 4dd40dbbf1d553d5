package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/lint"
)

func newLintCmd() *cobra.Command {
	var dirs []string
	var category, format string
	c := &cobra.Command{
		Use:   "lint [--category CAT] [--format text|json] FILE|-",
		Short: "开播前自查话术或商品清单 / check a script or a product list before going live",
		Long: `开播前合规自查（《直播电商监督管理办法》第三十条）：话术文件每行一句或多句；商品清单为 CSV（表头含 title、category）或 JSON 数组（title、category、price、original_price）。
输出 行:列、规则、依据、问题与改写建议。退出码：0 无高危问题，1 有 high 或 critical，2 输入或用法错误。
Checks a script (one or more sentences per line) or a product list (CSV with a header naming
title and category, or a JSON array of {title, category, price, original_price}) before going
live: line:column, rule, basis, message and a suggested rewrite. Exit 0 when nothing of severity
high or above is found, 1 when something is, 2 on bad input or usage.`,
		Args: oneInput,
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError("未知输出格式 %q（text、json）/ unknown format %q (text, json)", format, format)
			}
			cat := qinglang.Category(category)
			if !cat.Known() {
				return usageError("未知品类 %q / unknown category %q", category, category)
			}
			set, m, err := loadMatcher(dirs)
			if err != nil {
				return err
			}
			in, closeIn, err := openInput(args[0])
			if err != nil {
				return err
			}
			defer closeIn()
			data, err := io.ReadAll(in)
			if err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			items, err := lint.Read(args[0], data, cat)
			if err != nil {
				return &exitError{code: exitBadInput, err: err}
			}
			found := lint.Check(set, m, items)
			if err := writeLint(c.OutOrStdout(), args[0], format, found); err != nil {
				return err
			}
			if lint.High(found) {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	rulesDirs(c, &dirs)
	c.Flags().StringVar(&category, "category", string(qinglang.CatGeneral), "话术所述商品的品类（合同中的品类）/ product category of a script (the contract's list)")
	c.Flags().StringVar(&format, "format", "text", "输出格式 output format: text, json")
	return c
}

func writeLint(w io.Writer, name, format string, found []lint.Finding) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if found == nil {
			found = []lint.Finding{}
		}
		return enc.Encode(found)
	}
	if len(found) == 0 {
		fmt.Fprintln(w, "没有发现问题 / no problems found")
		return nil
	}
	for _, f := range found {
		fmt.Fprintf(w, "%s:%d:%d: [%s] %s 「%s」 %s / %s\n", name, f.Line, f.Column, f.Severity, f.Rule, f.Matched, f.Message, f.MessageEN)
		fmt.Fprintf(w, "    依据 basis: %s / %s\n", f.Basis, f.BasisEN)
		if len(f.Also) > 0 {
			fmt.Fprintf(w, "    同一处另有规则 also matched here: %s\n", strings.Join(f.Also, ", "))
		}
		if f.Rewrite != "" {
			fmt.Fprintf(w, "    建议 rewrite: %s", f.Rewrite)
			if f.RewriteEN != "" {
				fmt.Fprintf(w, " / %s", f.RewriteEN)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
