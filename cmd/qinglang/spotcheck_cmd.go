package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// newSpotcheckCmd groups the file-based spot-check commands: plan and
// record. None needs a server.
func newSpotcheckCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "spotcheck",
		Short: "抽检：按风险抽样与处理检验结果 / spot checks: risk-weighted sampling and lab results",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newSpotcheckPlanCmd(), newSpotcheckRecordCmd())
	return c
}

// rowError is a bad row of an input CSV file: file, line and field.
type rowError struct {
	file   string
	line   int
	field  string
	zh, en string
}

func (e rowError) String() string {
	where := fmt.Sprintf("%s:%d", e.file, e.line)
	if e.field != "" {
		where += ": " + e.field
	}
	return fmt.Sprintf("%s: %s / %s", where, e.zh, e.en)
}

// csvTable is a CSV file read with its header: get returns a row's value
// of a column by name ("" when the column is absent).
type csvTable struct {
	col  map[string]int
	rows [][]string
	line []int
}

func (t *csvTable) get(i int, name string) string {
	if j, ok := t.col[name]; ok && j < len(t.rows[i]) {
		return strings.TrimSpace(t.rows[i][j])
	}
	return ""
}

// readTable reads a CSV file with a header row that must name the required
// columns. Malformed rows are returned as row errors; blank rows skipped.
func readTable(name string, required, known []string) (*csvTable, []rowError, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 %s / cannot read %s: %w", name, name, err)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, nil, &exitError{code: exitBadInput, err: fmt.Errorf("%s:1: 无法读取表头 / cannot read the header: %w", name, err)}
	}
	t := &csvTable{col: map[string]int{}}
	for i, h := range head {
		t.col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			return nil, nil, &exitError{code: exitBadInput, err: fmt.Errorf("%s:1: 表头缺少列 %q（列：%s）/ the header lacks column %q (columns: %s)",
				name, c, strings.Join(known, ","), c, strings.Join(known, ","))}
		}
	}
	var bad []rowError
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return t, bad, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			bad = append(bad, rowError{file: name, line: pe.Line, zh: "CSV 格式错误", en: "malformed CSV: " + pe.Err.Error()})
			continue
		}
		if err != nil {
			return nil, nil, &exitError{code: exitFailure, err: err}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		line, _ := cr.FieldPos(0)
		t.rows = append(t.rows, rec)
		t.line = append(t.line, line)
	}
}
