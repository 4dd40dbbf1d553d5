package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/campaigneval"
)

func newEvalCampaignsCmd() *cobra.Command {
	var heldout, asJSON bool
	var set string
	c := &cobra.Command{
		Use:   "campaigns [--set matrix|heldout|fresh|blind|blind2|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|blind11|blind12|blind13|blind14|blind15|blind16|blind17|blind18|blind19|blind20|blind21|blind22|blind23|blind24|blind25|blind26|blind27] [--json]",
		Short: "在模拟直播间上评估团伙检测：账号级精确率、召回率与误指 / score campaign detection on simulated rooms",
		Long: `生成带已知水军团伙（攻击场景）或只有真实观众（自然场景：千人口号、刷“1”、抽奖口令、共用 NAT 的观众、铁粉、共用手机的家庭、买家评价）的模拟直播，
按事件时间每 5 分钟研判一次，对比团伙检测器与朴素基线（相同文本 5 个账号以上）：攻击场景的账号级精确率、召回率、F1，自然场景被误指的账号。
默认为开发用场景集（matrix）；--set heldout（或 --heldout）为留出集（其他随机种子与参数，不可据此调参）；
--set fresh、--set blind 与 --set blind2 至 --set blind27 为曾经的未见集（各盲测集在未看检测器的情况下编写，各已运行过一次，成绩见 docs/campaigns.md）；
下一次改动检测器需要新的盲测集；场景集见 docs/campaigns-eval.md。
Generates simulated broadcasts with known crews of paid commenters (attack scenarios) or only real
viewers (organic ones full of look-alikes: chants, floods of "1", lotteries, NAT crowds, loyal fans, families sharing phones, reviews), judges every 5 minutes of event time, and scores
package campaign's detector against a naive baseline: account-level precision, recall and F1 on
attack scenarios, falsely accused accounts on organic ones. The development set (matrix) by
default; --set heldout (or --heldout) runs the held-out set (other seeds and parameters; do not
tune on it); --set fresh, --set blind and --set blind2 to --set blind27 run the sets that were
unseen (the blind sets were written without sight of the detector and have each been run once;
their figures are in docs/campaigns.md). The next detector change needs a new blind set.
docs/campaigns-eval.md lists the sets.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if heldout {
				if c.Flags().Changed("set") && set != campaigneval.SetHeldout {
					return usageError("--heldout 与 --set %s 冲突 / --heldout conflicts with --set %s", set, set)
				}
				set = campaigneval.SetHeldout
			}
			scenarios, ok := campaigneval.Set(set)
			if !ok {
				names := strings.Join(campaigneval.SetNames(), ", ")
				return usageError("未知的场景集 %q（可选：%s）/ unknown scenario set %q (one of: %s)", set, names, set, names)
			}
			errw := c.ErrOrStderr()
			done := 0
			rep, err := campaigneval.Run(scenarios, campaigneval.Options{Progress: func(r campaigneval.Result) {
				done++
				fmt.Fprintf(errw, "[%d/%d] %s\n", done, len(scenarios), r.Scenario)
			}})
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			if asJSON {
				err = campaigneval.WriteJSON(c.OutOrStdout(), rep)
			} else {
				err = campaigneval.WriteText(c.OutOrStdout(), rep)
			}
			if err != nil {
				return &exitError{code: exitFailure, err: fmt.Errorf("写出评估结果失败 / writing the evaluation failed: %w", err)}
			}
			return nil
		},
	}
	c.Flags().StringVar(&set, "set", campaigneval.SetMatrix, "场景集 / scenario set")
	c.Flags().BoolVar(&heldout, "heldout", false, "使用留出场景集，即 --set heldout / run the held-out scenarios, i.e. --set heldout")
	c.Flags().BoolVar(&asJSON, "json", false, "以 JSON 输出 / print JSON")
	return c
}
