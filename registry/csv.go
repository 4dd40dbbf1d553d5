package registry

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// maxParseErrors stops reading a CSV file that is not CSV at all.
const maxParseErrors = 100

// ReadCSV imports the CSV file of kind k (file names it in issues) and
// judges host ages on the day on. The first row is the header (Columns,
// by name or alias, in any order). A row with an error is reported and
// left out; the rows around it are kept. Load the kinds in the order of
// Kinds, so that links find their targets (ReadCSVFiles does).
func (r *Registry) ReadCSV(k Kind, file string, src io.Reader, on time.Time) Issues {
	var is Issues
	fileErr := func(line int, field, zh, en string, args ...any) {
		c := &row{file: file, line: line}
		c.issue(SevError, field, zh, en, args...)
		is = append(is, c.issues...)
	}
	if Columns[k] == nil {
		fileErr(0, "", "未知的记录种类 %q", "unknown record kind %q", k)
		return is
	}
	cr := csv.NewReader(src)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			fileErr(0, "", "文件为空，缺少表头", "the file is empty: no header")
		} else {
			fileErr(1, "", "无法读取表头：%v", "cannot read the header: %v", err)
		}
		return is
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		cols[i] = columnFor(k, h)
		switch {
		case cols[i] == "":
			c := &row{file: file, line: 1}
			c.issue(SevWarning, "", "未知的列 %s，已忽略", "unknown column %s, ignored", safe(h))
			is = append(is, c.issues...)
		case seen[cols[i]]:
			fileErr(1, cols[i], "列重复", "the column is given twice")
		}
		seen[cols[i]] = true
	}
	for _, c := range Columns[k] {
		if c.Required && !seen[c.Name] {
			fileErr(1, c.Name, "缺少必需的列", "a required column is missing")
		}
	}
	if len(is.Errors()) > 0 {
		return is
	}
	for parseErrs := 0; parseErrs < maxParseErrors; {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			parseErrs++
			fileErr(pe.StartLine, "", "CSV 格式错误：%v", "malformed CSV: %v", pe.Err)
			continue
		} else if err != nil {
			fileErr(0, "", "读取失败：%v", "read failed: %v", err)
			break
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			fileErr(line, "", "列数应为 %d，实为 %d，整行未导入", "want %d fields, got %d: the row is not imported", len(header), len(rec))
			continue
		}
		c := &row{file: file, line: line, vals: map[string]string{}}
		for i, v := range rec {
			if cols[i] != "" {
				c.vals[cols[i]] = strings.TrimSpace(v)
			}
		}
		r.addRow(k, c, on)
		is = append(is, c.issues...)
	}
	return is
}

// ReadCSVFiles imports several kinds' files in the order of Kinds; a kind
// without a file is skipped. Issues name each file by Kind.FileName.
func (r *Registry) ReadCSVFiles(files map[Kind]io.Reader, on time.Time) Issues {
	var is Issues
	for _, k := range Kinds {
		if src, ok := files[k]; ok {
			is = append(is, r.ReadCSV(k, k.FileName(), src, on)...)
		}
	}
	return is
}

// WriteCSV exports the records of kind k with a header of column names
// (Columns, without the import-only resident_id): records in id order,
// licences by merchant, links in the order added.
func (r *Registry) WriteCSV(k Kind, w io.Writer) error {
	names := exportColumns(k)
	if names == nil {
		return qinglang.Errorf(qinglang.EINVALID, "未知的记录种类 %q", "unknown record kind %q", k)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(names); err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "写入 CSV 失败", "writing CSV failed")
	}
	rec := make([]string, len(names))
	for _, m := range r.rows(k) {
		for i, n := range names {
			rec[i] = m[n]
		}
		if err := cw.Write(rec); err != nil {
			return qinglang.Wrap(qinglang.EINTERNAL, err, "写入 CSV 失败", "writing CSV failed")
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "写入 CSV 失败", "writing CSV failed")
	}
	return nil
}
