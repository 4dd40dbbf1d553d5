package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

// lintFinding is one problem lint reports.
type lintFinding struct {
	Line      int               `json:"line"`
	Column    int               `json:"column"` // 1-based, in characters
	Rule      string            `json:"rule"`
	Severity  qinglang.Severity `json:"severity"`
	Matched   string            `json:"matched"`
	Text      string            `json:"text"`
	Category  qinglang.Category `json:"category"`
	Message   string            `json:"message"`
	MessageEN string            `json:"message_en"`
	Basis     string            `json:"basis"`
	BasisEN   string            `json:"basis_en"`
	Rewrite   string            `json:"rewrite,omitempty"`
	RewriteEN string            `json:"rewrite_en,omitempty"`
}

// lintItem is one text to check: a script line or a product's title.
type lintItem struct {
	line     int
	text     string
	category qinglang.Category
	where    rules.Source
}

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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("需要一个文件名或 - / want one FILE or -")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError("未知输出格式 %q（text、json）/ unknown format %q (text, json)", format, format)
			}
			cat := qinglang.Category(category)
			if !cat.Known() {
				return usageError("未知品类 %q / unknown category %q", category, category)
			}
			set, err := loadRules(dirs)
			if err != nil {
				return err
			}
			m, err := claimmatch.Compile(set.Rules)
			if err != nil {
				return &exitError{code: exitBadInput, err: err}
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
			items, err := lintItems(args[0], data, cat)
			if err != nil {
				return &exitError{code: exitBadInput, err: err}
			}
			found := lint(set, m, items)
			if err := writeLint(c.OutOrStdout(), args[0], format, found); err != nil {
				return err
			}
			for _, f := range found {
				if f.Severity.Rank() >= qinglang.SeverityHigh.Rank() {
					return &exitError{code: exitFindings}
				}
			}
			return nil
		},
	}
	rulesDirs(c, &dirs)
	c.Flags().StringVar(&category, "category", string(qinglang.CatGeneral), "话术所述商品的品类（合同中的品类）/ product category of a script (the contract's list)")
	c.Flags().StringVar(&format, "format", "text", "输出格式 output format: text, json")
	return c
}

// lintItems reads a script or a product list. A product list is JSON (the
// data starts with '[') or CSV (a .csv name, or a first line naming title).
func lintItems(name string, data []byte, cat qinglang.Category) ([]lintItem, error) {
	trimmed := bytes.TrimSpace(data)
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("输入不是有效的 UTF-8 / the input is not valid UTF-8")
	}
	switch {
	case bytes.HasPrefix(trimmed, []byte("[")):
		return productsJSON(trimmed)
	case strings.HasSuffix(strings.ToLower(name), ".csv") || isProductHeader(trimmed):
		return productsCSV(data)
	}
	var items []lintItem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if t := sc.Text(); strings.TrimSpace(t) != "" {
			items = append(items, lintItem{line: n, text: t, category: cat, where: rules.SourceSpeech})
		}
	}
	return items, sc.Err()
}

func isProductHeader(data []byte) bool {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.Contains(bytes.ToLower(first), []byte("title"))
}

func productsJSON(data []byte) ([]lintItem, error) {
	var list []struct {
		Title    string            `json:"title"`
		Category qinglang.Category `json:"category"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("商品清单不是有效的 JSON 数组 / the product list is not a valid JSON array: %v", err)
	}
	var items []lintItem
	for i, p := range list {
		if p.Category != "" && !p.Category.Known() {
			return nil, fmt.Errorf("下标 %d 字段 category：未知品类 %q / index %d, field category: unknown category %q", i, p.Category, i, p.Category)
		}
		items = append(items, lintItem{line: i + 1, text: p.Title, category: orGeneral(p.Category), where: rules.SourceTitle})
	}
	return items, nil
}

func productsCSV(data []byte) ([]lintItem, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("无法读取 CSV 表头 / cannot read the CSV header: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	ti, ok := col["title"]
	if !ok {
		return nil, fmt.Errorf("CSV 表头缺少 title 列 / the CSV header has no title column")
	}
	ci, hasCat := col["category"]
	var items []lintItem
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("CSV 第 %d 行：%v / CSV line %d: %v", line, err, line, err)
		}
		if ti >= len(rec) {
			return nil, fmt.Errorf("CSV 第 %d 行缺少 title / CSV line %d has no title", line, line)
		}
		cat := qinglang.CatGeneral
		if hasCat && ci < len(rec) && rec[ci] != "" {
			cat = qinglang.Category(strings.TrimSpace(rec[ci]))
			if !cat.Known() {
				return nil, fmt.Errorf("CSV 第 %d 行字段 category：未知品类 %q / CSV line %d, field category: unknown category %q", line, cat, line, cat)
			}
		}
		items = append(items, lintItem{line: line, text: rec[ti], category: cat, where: rules.SourceTitle})
	}
	return items, nil
}

func orGeneral(c qinglang.Category) qinglang.Category {
	if c == "" {
		return qinglang.CatGeneral
	}
	return c
}

// lint matches every item and describes each match with its rule.
func lint(set *rules.Set, m *claimmatch.Matcher, items []lintItem) []lintFinding {
	var out []lintFinding
	for _, it := range items {
		for _, hit := range m.Scan(it.text, claimmatch.Context{Category: it.category, Where: it.where}) {
			r, ok := set.Rule(hit.RuleID)
			if !ok {
				continue
			}
			out = append(out, lintFinding{
				Line: it.line, Column: utf8.RuneCountInString(it.text[:hit.Start]) + 1,
				Rule: r.ID, Severity: r.Severity, Matched: hit.Text, Text: it.text, Category: it.category,
				Message: r.Message, MessageEN: r.MessageEN, Basis: r.Basis, BasisEN: r.BasisEN,
				Rewrite: r.Rewrite, RewriteEN: r.RewriteEN,
			})
		}
	}
	return out
}

func writeLint(w io.Writer, name, format string, found []lintFinding) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if found == nil {
			found = []lintFinding{}
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
