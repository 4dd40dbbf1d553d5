package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/spotcheck"
)

var candidateColumns = []string{"product", "platform", "merchant", "category", "findings", "complaints", "new_merchant", "past_failures"}

func newSpotcheckPlanCmd() *cobra.Command {
	var candidates, format string
	var n int
	var seed int64
	c := &cobra.Command{
		Use:   "plan --candidates FILE.csv --n N [--seed S] [--format text|json]",
		Short: "按风险加权抽取抽检商品并说明理由 / draw a risk-weighted spot-check sample and explain each pick",
		Long: `从候选商品 CSV 中按风险加权不放回抽取 N 个（同一种子得同一计划），并逐项说明权重。
CSV 表头（任意顺序）：product、platform（必填）、merchant、category（合同品类，空为未知/中风险）、
findings（近 30 天发现数）、complaints（投诉数）、new_merchant（true/false、1/0、是/否）、past_failures（既往抽检不合格次数）。
坏行按 行: 字段 报告并跳过，好行照常抽样；没有好行时退出码 2。未给 --seed 时随机取种子并打印，以便复现。
Draws N of the candidate products without replacement, weighted by risk (the same seed gives
the same plan), and explains each weight factor by factor.
CSV header (any order): product, platform (required), merchant, category (the contract's
category; empty: unknown, medium risk), findings (in the last 30 days), complaints,
new_merchant (true/false, 1/0, 是/否), past_failures (failed spot checks of the product).
Bad rows are reported by line and field and skipped; the good rows are sampled. Exit 2 when
no row is good. Without --seed a random seed is drawn and printed, so the plan can be redone.
退出码 / exit: 0 ok, 2 输入或用法错误 bad input or usage.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError("未知输出格式 %q（text、json）/ unknown format %q (text, json)", format, format)
			}
			if candidates == "" {
				return usageError("需要 --candidates FILE.csv / --candidates FILE.csv is required")
			}
			if n < 1 {
				return usageError("--n 应为正整数 / --n must be a positive number")
			}
			if !c.Flags().Changed("seed") {
				seed = time.Now().UnixNano()
			}
			cands, bad, err := readCandidates(candidates)
			if err != nil {
				return err
			}
			errw := c.ErrOrStderr()
			for _, b := range bad {
				fmt.Fprintln(errw, b)
			}
			if len(cands) == 0 {
				return usageError("%s 中没有可用的候选行 / no good candidate row in %s", candidates, candidates)
			}
			if n > len(cands) {
				fmt.Fprintf(errw, "qinglang: 只有 %d 个可用候选，全部抽取 / only %d good candidates, all are drawn\n", len(cands), len(cands))
				n = len(cands)
			}
			picks, err := spotcheck.Plan(cands, n, seed)
			if err != nil {
				return &exitError{code: exitBadInput, err: err}
			}
			return writePlan(c.OutOrStdout(), format, seed, len(cands), picks)
		},
	}
	c.Flags().StringVar(&candidates, "candidates", "", "候选商品 CSV 文件 / candidate products, a CSV file")
	c.Flags().IntVar(&n, "n", 0, "抽取数量 / how many to draw")
	c.Flags().Int64Var(&seed, "seed", 0, "随机种子；默认随机并打印 / random seed; default random, printed")
	c.Flags().StringVar(&format, "format", "text", "输出格式 output format: text, json")
	return c
}

// readCandidates reads the candidate CSV; each bad row gives one row error
// naming its first bad field, and is left out.
func readCandidates(name string) ([]spotcheck.Candidate, []rowError, error) {
	t, bad, err := readTable(name, []string{"product", "platform"}, candidateColumns)
	if err != nil {
		return nil, nil, err
	}
	var out []spotcheck.Candidate
	seen := map[[2]string]int{}
	for i := range t.rows {
		cand, field, zh, en := parseCandidate(t, i)
		if field == "" {
			key := [2]string{cand.Platform, cand.Product}
			if first, dup := seen[key]; dup {
				field, zh, en = "product", fmt.Sprintf("同一平台的商品重复（第 %d 行已有）", first),
					fmt.Sprintf("the product is listed twice on one platform (first on line %d)", first)
			} else {
				seen[key] = t.line[i]
			}
		}
		if field != "" {
			bad = append(bad, rowError{file: name, line: t.line[i], field: field, zh: zh, en: en})
			continue
		}
		out = append(out, cand)
	}
	return out, bad, nil
}

// parseCandidate returns row i as a candidate, or its first bad field.
func parseCandidate(t *csvTable, i int) (cand spotcheck.Candidate, field, zh, en string) {
	cand = spotcheck.Candidate{Product: t.get(i, "product"), Platform: t.get(i, "platform"),
		Merchant: t.get(i, "merchant"), Category: qinglang.Category(t.get(i, "category"))}
	for _, f := range []string{"product", "platform"} {
		if t.get(i, f) == "" {
			return cand, f, "缺少必填值", "missing"
		}
	}
	if cand.Category != "" && !cand.Category.Known() {
		return cand, "category", fmt.Sprintf("未知品类 %q", cand.Category), fmt.Sprintf("unknown category %q", cand.Category)
	}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"findings", &cand.Findings}, {"complaints", &cand.Complaints}, {"past_failures", &cand.PastFailures}} {
		s := t.get(i, f.name)
		if s == "" {
			continue
		}
		v, err := strconv.Atoi(s)
		if err != nil || v < 0 {
			return cand, f.name, fmt.Sprintf("应为非负整数，而非 %q", s), fmt.Sprintf("must be a whole number ≥ 0, not %q", s)
		}
		*f.dst = v
	}
	switch s := strings.ToLower(t.get(i, "new_merchant")); s {
	case "", "false", "0", "否", "no":
	case "true", "1", "是", "yes":
		cand.NewMerchant = true
	default:
		return cand, "new_merchant", fmt.Sprintf("无法识别 %q（true/false、1/0、是/否）", s), fmt.Sprintf("cannot read %q (true/false, 1/0, 是/否)", s)
	}
	return cand, "", "", ""
}

func writePlan(w io.Writer, format string, seed int64, from int, picks []spotcheck.Pick) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Seed       int64            `json:"seed"`
			Candidates int              `json:"candidates"`
			Picks      []spotcheck.Pick `json:"picks"`
		}{seed, from, picks})
	}
	fmt.Fprintf(w, "从 %d 个候选中抽取 %d 个，种子 %d / drew %d of %d candidates, seed %d\n",
		from, len(picks), seed, len(picks), from, seed)
	for _, p := range picks {
		cd := p.Candidate
		fmt.Fprintf(w, "%d. %s @ %s", p.Rank, cd.Product, cd.Platform)
		if cd.Merchant != "" {
			fmt.Fprintf(w, "（商家 merchant %s）", cd.Merchant)
		}
		fmt.Fprintf(w, " 权重 weight %.2f\n    %s\n    %s\n", p.Weight, p.Explain, p.ExplainEN)
	}
	return nil
}
