package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang/registry"
)

func newRegistryExportCmd() *cobra.Command {
	var o regOpts
	var format, out string
	c := &cobra.Command{
		Use:   "export DIR|FILE --format csv|json -o OUT",
		Short: "导出主体登记为 CSV 目录或 JSON 文件 / export a registry as a CSV directory or a JSON file",
		Long: `读入并校验主体登记后导出：csv 在目录 OUT 中按种类各写一个文件（merchants.csv、hosts.csv …）；json 写一个文件（-o - 或省略为标准输出）。
完整身份证号从不导出，只导出遮盖号、哈希与出生日期；哈希需同一密钥（--registry-salt）才能重新导入与核验。
Loads and checks the registry, then exports it: csv writes one file per kind into the
directory OUT (merchants.csv, hosts.csv, …); json writes one file (standard output with -o -
or without -o). A full resident ID is never exported, only its mask, hash and birth date;
the hash needs the same --registry-salt to be re-imported and verified.
退出码 / exit: 0 ok, 2 登记有错误或用法错误 registry errors or bad usage, 3 写出失败 write failure.`,
		Args: oneRegistry,
		RunE: func(c *cobra.Command, args []string) error {
			if format != "csv" && format != "json" {
				return usageError("未知导出格式 %q（csv、json）/ unknown format %q (csv, json)", format, format)
			}
			if format == "csv" && (out == "" || out == "-") {
				return usageError("csv 导出需要 -o 目录 / csv export needs -o DIR")
			}
			reg, _, err := o.load(c, args[0])
			if err != nil {
				return err
			}
			if format == "json" {
				return exportJSON(c, reg, out)
			}
			return exportCSV(c, reg, out)
		},
	}
	o.flags(c, "判断主播年龄的日期 YYYY-MM-DD，默认今天 / the day host ages are judged on, YYYY-MM-DD; default today")
	c.Flags().StringVar(&format, "format", "json", "导出格式 export format: csv, json")
	c.Flags().StringVarP(&out, "output", "o", "", "输出：csv 为目录，json 为文件（- 为标准输出）/ output: a directory for csv, a file for json (- for standard output)")
	return c
}

func exportJSON(c *cobra.Command, reg *registry.Registry, out string) error {
	if out == "" || out == "-" {
		if err := reg.WriteJSON(c.OutOrStdout()); err != nil {
			return writeFailure(out, err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := reg.WriteJSON(&buf); err != nil {
		return writeFailure(out, err)
	}
	if err := writeFileAtomic(out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(c.ErrOrStderr(), "已写出 / wrote %s\n", out)
	return nil
}

func exportCSV(c *cobra.Command, reg *registry.Registry, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return writeFailure(dir, err)
	}
	for _, k := range registry.Kinds {
		var buf bytes.Buffer
		if err := reg.WriteCSV(k, &buf); err != nil {
			return writeFailure(k.FileName(), err)
		}
		if err := writeFileAtomic(filepath.Join(dir, k.FileName()), buf.Bytes()); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.ErrOrStderr(), "已写出 %d 个文件到 %s / wrote %d files into %s\n", len(registry.Kinds), dir, len(registry.Kinds), dir)
	return nil
}

// writeFileAtomic writes data to name through a temporary file in the same
// directory, so that a failure leaves no half-written file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return writeFailure(name, err)
	}
	tmp := f.Name()
	_, err = io.Copy(f, bytes.NewReader(data))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return writeFailure(name, err)
	}
	return nil
}

// writeFailure is a runtime failure to write an output: exit 3.
func writeFailure(name string, err error) error {
	return &exitError{code: exitFailure, err: fmt.Errorf("无法写出 %s / cannot write %s: %w", name, name, err)}
}
