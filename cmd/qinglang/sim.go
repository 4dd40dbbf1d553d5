package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/sim"
)

// simFlags binds the simulator's flags shared by sim and demo.
func simFlags(c *cobra.Command, cfg *sim.Config, start *string, platforms *string) {
	f := c.Flags()
	f.Int64Var(&cfg.Seed, "seed", 1, "随机种子，相同种子输出相同 / seed: the same seed gives the same output")
	f.IntVar(&cfg.Rooms, "rooms", cfg.Rooms, "每天同时开播的直播间数 / concurrent broadcasts per day")
	f.IntVar(&cfg.Days, "days", cfg.Days, "模拟天数（前几天积累价格历史）/ days to simulate (earlier days build the price history)")
	f.DurationVar(&cfg.Duration, "duration", cfg.Duration, "每场直播时长 / length of each broadcast")
	f.IntVar(&cfg.EventsPerRoom, "events-per-room", 0, "每场直播事件上限，0 为自然节奏 / cap on events per broadcast, 0 for the natural rhythm")
	f.Float64Var(&cfg.FakePriceShare, "fake-price-share", 0, "虚构划线价的比例（0 为默认 0.15，负数为无）/ share of fake crossed-out prices (0: default 0.15, negative: none)")
	f.Float64Var(&cfg.FalseClaimShare, "false-claim-share", 0, "主播虚假宣传话术的比例（0 为默认 0.03，负数为无）/ share of host speech segments that are false claims (0: default 0.03, negative: none)")
	f.StringVar(start, "start", "", "模拟开始时间 RFC 3339（默认 2025-06-12T20:00:00+08:00）/ simulated start, RFC 3339")
	f.StringVar(platforms, "platforms", "default", "平台名，逗号分隔 / platform names, comma separated")
}

// finishSimConfig applies the string flags.
func finishSimConfig(cfg *sim.Config, start, platforms string) error {
	if start != "" {
		t, err := time.Parse(time.RFC3339, start)
		if err != nil {
			return usageError("--start 须为带时区的 RFC 3339 时间 / --start must be an RFC 3339 time with offset: %v", err)
		}
		cfg.Start = t
	}
	cfg.Platforms = nil
	for _, p := range strings.Split(platforms, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.Platforms = append(cfg.Platforms, p)
		}
	}
	return nil
}

// crewFlags binds --crew and --hard (see sim.CrewHelp).
func crewFlags(c *cobra.Command, crews *[]string, hard *string) {
	f := c.Flags()
	f.StringArrayVar(crews, "crew", *crews, "加入水军团伙（预设或 key=value，可重复，见下文；none 为不加）/ add a paid comment crew (preset or key=value, repeatable, see below; none for no crew)")
	f.StringVar(hard, "hard", "", "加入疑难的正常场景：all 或 chant=N,nat=N,fans=N,families=N,families-across,reviews / add organic hard cases: all or chant=N,nat=N,fans=N,families=N,families-across,reviews")
}

// finishCrews applies --crew and --hard.
func finishCrews(cfg *sim.Config, crews []string, hard string) error {
	var err error
	crews = slices.DeleteFunc(slices.Clone(crews), func(s string) bool { return s == "none" })
	if cfg.Crews, err = sim.ParseCrews(crews); err != nil {
		return usageError("--crew: %v", err)
	}
	if hard != "" {
		if cfg.Hard, err = sim.ParseHardCases(hard); err != nil {
			return usageError("--hard: %v", err)
		}
	}
	return nil
}

func newSimCmd() *cobra.Command {
	cfg := sim.Config{Rooms: 1, Days: 1, Duration: sim.DefaultDuration}
	var start, platforms, out, labels, hard string
	var crews []string
	c := &cobra.Command{
		Use:   "sim [flags]",
		Short: "生成逼真的直播间事件（JSON Lines）/ generate realistic live-room events (JSON Lines)",
		Long: `按契约格式生成自然的直播间：主播话术（含一定比例的虚假宣传）、弹幕节奏（问候、提问、粉丝口号、扣1刷屏、抽奖口令）、订单、改价的商品、账号（含共用运营商 NAT 地址的观众）。--seed 相同则输出相同。
Generates organic live rooms in the contract's format: host speech (a share of it false claims), bullet comments with a real
rhythm (greetings, questions, fan chants, "扣1" floods, lottery phrases), orders, listings with
price changes, accounts (including many viewers behind one carrier NAT address). Deterministic
with --seed.

示例 example: qinglang sim --rooms 50 --days 8 --seed 7 -o day.jsonl --labels labels.jsonl
示例 example: qinglang sim --rooms 6 --crew jelly --crew lowrate --hard all -o crews.jsonl --labels labels.jsonl

` + sim.CrewHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := finishSimConfig(&cfg, start, platforms); err != nil {
				return err
			}
			if err := finishCrews(&cfg, crews, hard); err != nil {
				return err
			}
			var w io.Writer = c.OutOrStdout()
			var files []*os.File // closed at the end; a failed close is a failed write
			defer func() {
				for _, f := range files {
					f.Close()
				}
			}()
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return &exitError{code: exitFailure, err: err}
				}
				files = append(files, f)
				w = f
			}
			var lw *bufio.Writer
			var labelErr error // the first failed write of a label
			if labels != "" {
				lf, err := os.Create(labels)
				if err != nil {
					return &exitError{code: exitFailure, err: err}
				}
				files = append(files, lf)
				lw = bufio.NewWriter(lf)
				enc := json.NewEncoder(lw)
				enc.SetEscapeHTML(false)
				cfg.Labels = func(l sim.Label) {
					if labelErr == nil {
						labelErr = enc.Encode(l)
					}
				}
			}
			bw := bufio.NewWriterSize(w, 1<<20)
			n, err := sim.WriteJSONL(bw, cfg)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			err = errors.Join(bw.Flush(), labelErr)
			if lw != nil {
				err = errors.Join(err, lw.Flush())
			}
			for _, f := range files {
				err = errors.Join(err, f.Close())
			}
			files = nil
			if err != nil {
				return &exitError{code: exitFailure, err: fmt.Errorf("写出失败 / writing failed: %w", err)}
			}
			fmt.Fprintf(c.ErrOrStderr(), "已生成 %d 条事件 / wrote %d events\n", n, n)
			return nil
		},
	}
	simFlags(c, &cfg, &start, &platforms)
	crewFlags(c, &crews, &hard)
	c.Flags().StringVarP(&out, "out", "o", "-", "输出文件，- 为标准输出 / output file, - for stdout")
	c.Flags().StringVar(&labels, "labels", "", "把真值标签写入此文件（JSON Lines）/ write the ground-truth labels to this file (JSON Lines)")
	return c
}
