package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/claimmatch"
	"github.com/qinglang/qinglang/rules"
)

// rulesDirs binds --rules: folders of user packs loaded after the default
// pack (a rule with the same id overrides the default one).
func rulesDirs(c *cobra.Command, dirs *[]string) {
	var def []string
	if v := os.Getenv("QINGLANG_RULES"); v != "" {
		def = filepath.SplitList(v)
	}
	c.Flags().StringArrayVar(dirs, "rules", def, "规则包目录（可多次），在内置规则之后加载，同 id 覆盖 / folder of rule packs (repeatable), loaded after the built-in pack; the same id overrides [QINGLANG_RULES]")
}

// loadRules loads the packs or returns a bad-input error listing every
// problem with file, line and field.
func loadRules(dirs []string) (*rules.Set, error) {
	set, err := rules.Load(dirs...)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	return set, nil
}

// loadMatcher loads the packs and compiles them into one matcher; either
// failing is a bad-input error.
func loadMatcher(dirs []string) (*rules.Set, *claimmatch.Matcher, error) {
	set, err := loadRules(dirs)
	if err != nil {
		return nil, nil, err
	}
	m, err := claimmatch.Compile(set.Rules)
	if err != nil {
		return nil, nil, &exitError{code: exitBadInput, err: err}
	}
	return set, m, nil
}

// oneInput checks a command's one argument: a file name, or - for
// standard input.
func oneInput(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError("需要一个文件名或 - / want one FILE or -")
	}
	return nil
}

func newRulesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "rules",
		Short: "规则包：校验与运行示例 / rule packs: validate them and run their examples",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newRulesTestCmd(), newRulesLintCmd())
	return c
}

func newRulesLintCmd() *cobra.Command {
	var dirs []string
	c := &cobra.Command{
		Use:   "lint [--rules DIR]",
		Short: "校验规则包（错误给出文件、行与字段）/ validate rule packs (errors name file, line and field)",
		Long: `校验内置规则包与 --rules 目录中的规则包，退出码 0 为全部有效，2 为有问题（逐条列出）。
Validates the built-in pack and the packs in --rules folders; exit 0 when all are valid, 2 when
not (every problem listed with file, line and field).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			set, err := loadRules(dirs)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "规则包有效：%d 条规则，来自 %s / packs valid: %d rules from %s\n",
				len(set.Rules), strings.Join(set.Packs, ", "), len(set.Rules), strings.Join(set.Packs, ", "))
			for _, id := range set.Overridden {
				fmt.Fprintf(c.OutOrStdout(), "  覆盖 overridden: %s\n", id)
			}
			for _, name := range set.OverriddenLexicons {
				fmt.Fprintf(c.OutOrStdout(), "  覆盖词表 overridden lexicon: %s\n", name)
			}
			for _, name := range set.OverriddenGuards {
				fmt.Fprintf(c.OutOrStdout(), "  覆盖守卫集 overridden guard set: %s\n", name)
			}
			return nil
		},
	}
	rulesDirs(c, &dirs)
	return c
}

func newRulesTestCmd() *cobra.Command {
	var dirs []string
	var verbose bool
	c := &cobra.Command{
		Use:   "test [--rules DIR]",
		Short: "运行每条规则的正反示例 / run every rule's examples",
		Long: `对每条规则运行其示例：match 中的每句必须命中该规则，no_match 中的每句不得命中。退出码 0 全部通过，1 有失败，2 规则包无效。
Runs every rule's examples: each "match" text must be matched by the rule, each "no_match" text
must not. Exit 0 when all pass, 1 when some fail, 2 when a pack is invalid.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			set, m, err := loadMatcher(dirs)
			if err != nil {
				return err
			}
			failures := testExamples(set, m, func(line string) { fmt.Fprintln(c.OutOrStdout(), line) }, verbose)
			total := 0
			for _, r := range set.Rules {
				total += len(r.Examples.Match) + len(r.Examples.NoMatch)
			}
			fmt.Fprintf(c.OutOrStdout(), "%d 条规则，%d 个示例，%d 个失败 / %d rules, %d examples, %d failed\n",
				len(set.Rules), total, failures, len(set.Rules), total, failures)
			if failures > 0 {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	rulesDirs(c, &dirs)
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "列出通过的示例 / list the passing examples too")
	return c
}

// testExamples runs every example of every rule through the whole pack's
// matcher and reports each failure; it returns the number of failures.
func testExamples(set *rules.Set, m *claimmatch.Matcher, say func(string), verbose bool) int {
	failures := 0
	for _, r := range set.Rules {
		check := func(ex rules.Example, want bool) {
			got := false
			for _, hit := range m.Scan(ex.Text, exampleContext(ex)) {
				if hit.RuleID == r.ID {
					got = true
					break
				}
			}
			switch {
			case got != want:
				failures++
				verb := "应命中却未命中 / should match but did not"
				if !want {
					verb = "不应命中却命中 / should not match but did"
				}
				say(fmt.Sprintf("FAIL %s (%s:%d) %s: %q [%s, %s]", r.ID, set.File(r.ID), r.Line, verb, ex.Text, exampleContext(ex).Category, exampleContext(ex).Where))
			case verbose:
				say(fmt.Sprintf("ok   %s: %q", r.ID, ex.Text))
			}
		}
		for _, ex := range r.Examples.Match {
			check(ex, true)
		}
		for _, ex := range r.Examples.NoMatch {
			check(ex, false)
		}
	}
	return failures
}

func exampleContext(ex rules.Example) claimmatch.Context {
	ctx := claimmatch.Context{Category: ex.Category, Where: ex.Where}
	if ctx.Category == "" {
		ctx.Category = qinglang.CatGeneral
	}
	if ctx.Where == "" {
		ctx.Where = rules.SourceSpeech
	}
	return ctx
}
