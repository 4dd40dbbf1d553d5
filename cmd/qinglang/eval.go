package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "在标注数据上评估检测器 / evaluate detectors on labelled data",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newEvalClaimsCmd(), newEvalCampaignsCmd())
	return c
}

// labelled is one line of a labelled claims file.
type labelled struct {
	ID       string            `json:"id"`
	Where    rules.Source      `json:"where"`
	Category qinglang.Category `json:"category"`
	Text     string            `json:"text"`
	Label    string            `json:"label"` // violation, lawful or needs_evidence
}

// evalResult is the score of a claims evaluation.
type evalResult struct {
	Violations, Lawful, NeedsEvidence int
	TruePositives, FalsePositives     int
	NeedsEvidenceFlagged              int
	Misses, FalseAlarms               []evalLine
	Precision, Recall, FalseAlarmRate float64
}

type evalLine struct {
	ID    string   `json:"id"`
	Text  string   `json:"text"`
	Rules []string `json:"rules,omitempty"`
}

func newEvalClaimsCmd() *cobra.Command {
	var dirs []string
	var asJSON bool
	c := &cobra.Command{
		Use:   "claims FILE|-",
		Short: "对标注的文本评估规则包：精确率、召回率、漏报与误报 / score the rule packs on labelled lines",
		Long: `读取 JSON Lines 标注文件（字段 id, where=speech|comment|title, category, text, label=violation|lawful|needs_evidence），
输出精确率、召回率、漏报与误报。needs_evidence 的行单独计数，不计入精确率与召回率。
Reads a labelled JSON Lines file (id, where, category, text, label) and prints precision, recall,
the misses and the false alarms. needs_evidence lines are counted apart.`,
		Args: oneInput,
		RunE: func(c *cobra.Command, args []string) error {
			set, m, err := loadMatcher(dirs)
			if err != nil {
				return err
			}
			in, closeIn, err := openInput(args[0])
			if err != nil {
				return err
			}
			defer closeIn()
			res, err := evalClaims(in, set, m)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(c.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(res)
			}
			printEval(c.OutOrStdout(), res)
			return nil
		},
	}
	rulesDirs(c, &dirs)
	c.Flags().BoolVar(&asJSON, "json", false, "以 JSON 输出 / print JSON")
	return c
}

// openInput opens a file, or standard input for "-".
func openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法打开 %s / cannot open %s: %w", name, name, err)}
	}
	return f, func() { f.Close() }, nil
}

// evalClaims scores every labelled line. A line is flagged when any rule of
// kind claim or listing matches it in its context.
func evalClaims(r io.Reader, set *rules.Set, m *claimmatch.Matcher) (evalResult, error) {
	var res evalResult
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l labelled
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return res, &exitError{code: exitBadInput, err: fmt.Errorf("第 %d 行不是有效的 JSON / line %d is not valid JSON: %v", n, n, err)}
		}
		if l.Where == "" {
			l.Where = rules.SourceSpeech
		}
		if l.Category == "" {
			l.Category = qinglang.CatGeneral
		}
		var hits []string
		for _, hit := range m.Scan(l.Text, claimmatch.Context{Category: l.Category, Where: l.Where}) {
			hits = append(hits, hit.RuleID)
		}
		flagged := len(hits) > 0
		el := evalLine{ID: l.ID, Text: l.Text, Rules: hits}
		switch l.Label {
		case "violation":
			res.Violations++
			if flagged {
				res.TruePositives++
			} else {
				res.Misses = append(res.Misses, el)
			}
		case "lawful":
			res.Lawful++
			if flagged {
				res.FalsePositives++
				res.FalseAlarms = append(res.FalseAlarms, el)
			}
		case "needs_evidence":
			res.NeedsEvidence++
			if flagged {
				res.NeedsEvidenceFlagged++
			}
		default:
			return res, &exitError{code: exitBadInput, err: fmt.Errorf("第 %d 行字段 label：未知的标签 %q（violation、lawful、needs_evidence）/ line %d, field label: unknown label %q", n, l.Label, n, l.Label)}
		}
	}
	if err := sc.Err(); err != nil {
		return res, &exitError{code: exitFailure, err: err}
	}
	if flagged := res.TruePositives + res.FalsePositives; flagged > 0 {
		res.Precision = float64(res.TruePositives) / float64(flagged)
	}
	if res.Violations > 0 {
		res.Recall = float64(res.TruePositives) / float64(res.Violations)
	}
	if res.Lawful > 0 {
		res.FalseAlarmRate = float64(res.FalsePositives) / float64(res.Lawful)
	}
	return res, nil
}

func printEval(w io.Writer, res evalResult) {
	fmt.Fprintf(w, "违规 violations: %d  合法 lawful: %d  待举证 needs_evidence: %d（命中 flagged %d）\n",
		res.Violations, res.Lawful, res.NeedsEvidence, res.NeedsEvidenceFlagged)
	fmt.Fprintf(w, "精确率 precision: %.3f  召回率 recall: %.3f  误报率 false alarms on lawful: %.3f (%d/%d)\n",
		res.Precision, res.Recall, res.FalseAlarmRate, res.FalsePositives, res.Lawful)
	if len(res.Misses) > 0 {
		fmt.Fprintln(w, "\n漏报 misses:")
		for _, l := range res.Misses {
			fmt.Fprintf(w, "  %s  %s\n", l.ID, l.Text)
		}
	}
	if len(res.FalseAlarms) > 0 {
		fmt.Fprintln(w, "\n误报 false alarms:")
		for _, l := range res.FalseAlarms {
			fmt.Fprintf(w, "  %s  %s  ← %s\n", l.ID, l.Text, strings.Join(l.Rules, ", "))
		}
	}
}
