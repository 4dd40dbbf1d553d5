// Command qinglang is Qinglang's one binary: the server, the offline
// scanner, the simulator, the demo and the load generator.
//
// Exit codes: 0 success (scan: no findings); 1 scan found findings
// (campaigns: campaigns found); 2 bad input or usage; 3 a runtime failure
// (store, log, network, I/O).
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitFindings = 1
	exitBadInput = 2
	exitFailure  = 3
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	root := newRoot()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(os.Stderr, "qinglang:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(os.Stderr, "qinglang:", err)
	return exitCode(err)
}

// exitCode maps an error to the exit code in one place.
func exitCode(err error) int {
	switch qinglang.Code(err) {
	case "":
		return exitOK
	case qinglang.EINVALID, qinglang.ETOOLARGE, qinglang.ENOTFOUND:
		return exitBadInput
	}
	return exitFailure
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "qinglang",
		Short: "清朗：直播电商诚信引擎 / Qinglang: integrity engine for live-streaming e-commerce",
		Long: `清朗 Qinglang 接收直播平台的事件（口播、弹幕、订单、商品），实时发现虚假宣传等违规并给出证据与依据。
Qinglang takes a live-commerce platform's events (speech, bullet comments, orders, listings),
finds violations as they happen, and explains each finding with evidence and legal basis.

退出码 / exit codes: 0 成功 success (scan: 无发现 no findings), 1 scan 有发现 findings（campaigns 有团伙 campaigns found）,
2 输入或用法错误 bad input or usage, 3 运行失败 runtime failure.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Runnable, so that an unknown command reaches Args (a usage
		// mistake, exit 2) instead of failing in cobra's lookup (exit 3).
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("未知命令 %q / unknown command %q for %q\n%s", args[0], args[0], c.CommandPath(), c.UsageString())
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%w\n%s", err, c.UsageString())}
	})
	root.AddCommand(newVersionCmd(), newScanCmd(), newServeCmd(), newSimCmd(), newDemoCmd(), newLoadCmd(),
		newLintCmd(), newRulesCmd(), newEvalCmd(), newCampaignsCmd(), newRegistryCmd(), newSpotcheckCmd(),
		newTokenCmd(), newAuditCmd(), newRetentionCmd(), newEvidenceCmd())
	for _, c := range root.Commands() {
		c.SilenceUsage = true
		// Wrong arguments are a usage mistake: exit 2, like a wrong flag.
		if check := c.Args; check != nil {
			c.Args = func(c *cobra.Command, args []string) error {
				err := check(c, args)
				var ee *exitError
				if err != nil && !errors.As(err, &ee) {
					err = &exitError{code: exitBadInput, err: err}
				}
				return err
			}
		}
	}
	return root
}

// usageError is a usage mistake: exit 2.
func usageError(format string, args ...any) error {
	return &exitError{code: exitBadInput, err: fmt.Errorf(format, args...)}
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本 / print the version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			fmt.Fprintln(c.OutOrStdout(), "qinglang", version)
			return nil
		},
	}
}
