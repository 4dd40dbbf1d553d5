package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/evidence"
)

func newEvidenceCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "evidence",
		Short: "证据包 / evidence bundles",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(&cobra.Command{
		Use:   "verify FILE.zip",
		Short: "按清单逐一核对证据包中的文件（大小与 SHA-256）/ check every file of an evidence bundle against its manifest (size and SHA-256)",
		Long: `核对案件证据包（GET /v1/cases/{id}/evidence）：清单中的每个文件都在、未被改动，且没有多出的文件。
清单本身未签名：请另行核对整个证据包的 SHA-256（导出记录在审计日志中）。
Checks a case's evidence bundle (GET /v1/cases/{id}/evidence): every file of the manifest is
there and unchanged, and there is no other file. The manifest itself is not signed: compare the
bundle's SHA-256 with the one recorded in the audit log at export.
退出码 / exit: 0 完好 intact, 1 被改动 changed, 2 无法读取 unreadable.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", args[0], args[0], err)}
			}
			defer f.Close()
			fi, err := f.Stat()
			if err != nil {
				return &exitError{code: exitBadInput, err: err}
			}
			m, err := evidence.Verify(f, fi.Size())
			if err != nil {
				return &exitError{code: exitFindings, err: err}
			}
			fmt.Fprintf(c.OutOrStdout(), "证据包完好：案件 %s，%d 个文件，%s 由 %s 导出 / bundle intact: case %s, %d files, exported %s by %s\n",
				m.CaseID, len(m.Files), m.ExportedAt.Format("2006-01-02 15:04:05 -07:00"), m.ExportedBy,
				m.CaseID, len(m.Files), m.ExportedAt.Format("2006-01-02 15:04:05 -07:00"), m.ExportedBy)
			return nil
		},
	})
	return c
}
