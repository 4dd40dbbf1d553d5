package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

// registryAnswer is what POST /v1/registry/import and /reload answer.
type registryAnswer struct {
	Info struct {
		Source  string         `json:"source"`
		Counts  map[string]int `json:"counts"`
		Skipped int            `json:"skipped"`
	} `json:"info"`
	Issues []apiProblem `json:"issues"`
}

func newRegistryImportCmd() *cobra.Command {
	var srv, kind string
	c := &cobra.Command{
		Use:   "import --server URL [--kind KIND] FILE",
		Short: "把 CSV（一种记录）或 JSON（整个登记）导入运行中的服务 / import a CSV file (one kind) or a JSON document (the whole registry) into a running server",
		Long: `把文件导入运行中的服务（serve --registry）：CSV 替换一种记录（--kind，缺省按文件名，如 merchants.csv），JSON 替换整个登记。
坏行按行号列出并跳过，其余行导入；会破坏其他记录关联的导入整体拒绝。服务把结果写回其登记目录或文件并立即用于资质检查。
Imports a file into a running server (serve --registry): a CSV file replaces one kind of record
(--kind, by default from the file name, such as merchants.csv), a JSON document the whole
registry. Bad rows are listed by line and skipped, the others imported; an import that would
break the links of other records is refused whole. The server saves the result to its registry
directory or file and uses it for the qualification checks at once.
退出码 / exit: 0 已导入 imported, 2 有坏行或被拒绝 bad rows or refused, 3 失败 failure.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if srv == "" {
				return usageError("需要 --server / --server is required")
			}
			file := args[0]
			data, err := os.ReadFile(file)
			if err != nil {
				return &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", file, file, err)}
			}
			path, ctype := "/v1/registry/import", "application/json"
			if !strings.EqualFold(filepath.Ext(file), ".json") {
				if kind == "" {
					kind = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
				}
				if registry.Columns[registry.Kind(kind)] == nil {
					return usageError("未知的记录种类 %q（用 --kind 指定，如 merchants）/ unknown record kind %q (name it with --kind, such as merchants)", kind, kind)
				}
				path, ctype = path+"?kind="+kind, "text/csv"
			}
			var ans registryAnswer
			if err := callAPI(c.Context(), c.ErrOrStderr(), "POST", srv, path, ctype, data, &ans); err != nil {
				return err
			}
			return reportRegistry(c, ans, "已导入 / imported")
		},
	}
	serverFlag(c.Flags(), &srv, "运行中的服务地址 / URL of the running server")
	c.Flags().StringVar(&kind, "kind", "", "CSV 的记录种类（merchants、licences、hosts …）/ the kind of a CSV file (merchants, licences, hosts, …)")
	return c
}

func newRegistryReloadCmd() *cobra.Command {
	var srv string
	c := &cobra.Command{
		Use:   "reload --server URL",
		Short: "让运行中的服务重新读取主体登记与品牌登记 / make a running server read its actor and brand registries again",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if srv == "" {
				return usageError("需要 --server / --server is required")
			}
			var ans registryAnswer
			if err := callAPI(c.Context(), c.ErrOrStderr(), "POST", srv, "/v1/registry/reload", "", nil, &ans); err != nil {
				return err
			}
			return reportRegistry(c, ans, "已重新加载 / reloaded")
		},
	}
	serverFlag(c.Flags(), &srv, "运行中的服务地址 / URL of the running server")
	return c
}

// reportRegistry prints the issues and the counts of the registry now in
// use; skipped rows make a bad-input exit.
func reportRegistry(c *cobra.Command, ans registryAnswer, what string) error {
	errw := c.ErrOrStderr()
	bad := 0
	for _, is := range ans.Issues {
		fmt.Fprintln(errw, is)
		if is.Severity == string(registry.SevError) {
			bad++
		}
	}
	var parts []string
	for _, k := range registry.Kinds {
		if n := ans.Info.Counts[string(k)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
	}
	fmt.Fprintf(c.OutOrStdout(), "%s: %s (%s)\n", what, strings.Join(parts, ", "), ans.Info.Source)
	if bad > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d 个坏行已跳过 / %d bad rows skipped", bad, bad)}
	}
	return nil
}
