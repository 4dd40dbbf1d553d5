package spotcheck

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Item is one tested item that failed: what was measured against what limit.
// Measured and Limit are kept as the laboratory wrote them ("0.8", "检出",
// "≤0.5", "不得检出"), since reports mix numbers and words.
type Item struct {
	Name     string `json:"name"`
	Measured string `json:"measured"`
	Limit    string `json:"limit"`
	Unit     string `json:"unit,omitempty"`
}

// Result is one laboratory result of a spot check.
type Result struct {
	Product  string `json:"product"`
	Batch    string `json:"batch,omitempty"` // empty: batch unknown, every batch is suspect
	Platform string `json:"platform"`        // where the sample was bought
	// Merchant sold the sample; optional. Category decides the severity of
	// a failure; optional (empty: high).
	Merchant    string            `json:"merchant,omitempty"`
	Category    qinglang.Category `json:"category,omitempty"`
	Lab         string            `json:"lab"`
	SampledAt   time.Time         `json:"sampled_at"`
	TestedAt    time.Time         `json:"tested_at"`
	Pass        bool              `json:"pass"`
	FailedItems []Item            `json:"failed_items,omitempty"`
}

// FieldError is a bad field of a Result: which field and why, in Chinese and
// in English. Line is the line of a CSV file (0 for a Result built in Go).
type FieldError struct {
	Line  int
	Field string
	Err   *qinglang.Error
}

func (e *FieldError) Error() string {
	if e.Line > 0 {
		return "第 " + strconv.Itoa(e.Line) + " 行 / line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Err.Error()
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, zh, en string, args ...any) *FieldError {
	return &FieldError{Field: field, Err: qinglang.Errorf(qinglang.EINVALID, "字段 %s："+zh, "field %s: "+en,
		append([]any{field}, args...)...)}
}

// Validate returns the first bad field of r, or nil. A passing result has no
// failed items; a failing one has at least one, each with a name and a
// measured value; the test is not before the sampling.
func (r *Result) Validate() *FieldError {
	for _, f := range []struct{ name, v string }{{"product", r.Product}, {"platform", r.Platform}, {"lab", r.Lab}} {
		if strings.TrimSpace(f.v) == "" {
			return fieldErr(f.name, "缺少必填值", "missing")
		}
	}
	for _, f := range []struct{ name, v string }{{"product", r.Product}, {"batch", r.Batch},
		{"platform", r.Platform}, {"merchant", r.Merchant}} {
		if len(f.v) > qinglang.MaxIDBytes {
			return fieldErr(f.name, "超过 %d 字节", "longer than %d bytes", qinglang.MaxIDBytes)
		}
	}
	if r.Category != "" && !r.Category.Known() {
		return fieldErr("category", "未知的商品类目 %q", "unknown category %q", r.Category)
	}
	if r.SampledAt.IsZero() {
		return fieldErr("sampled_at", "缺少抽样时间", "missing")
	}
	if r.TestedAt.IsZero() {
		return fieldErr("tested_at", "缺少检验时间", "missing")
	}
	if r.TestedAt.Before(r.SampledAt) {
		return fieldErr("tested_at", "检验时间早于抽样时间", "is before sampled_at")
	}
	if r.Pass && len(r.FailedItems) > 0 {
		return fieldErr("failed_items", "合格结果不应有不合格项目", "a passing result has no failed items")
	}
	if !r.Pass && len(r.FailedItems) == 0 {
		return fieldErr("failed_items", "不合格结果须列出至少一个不合格项目", "a failing result needs at least one failed item")
	}
	for i, it := range r.FailedItems {
		if strings.TrimSpace(it.Name) == "" {
			return fieldErr("failed_items", "第 %d 项缺少项目名称", "item %d has no name", i+1)
		}
		if strings.TrimSpace(it.Measured) == "" {
			return fieldErr("failed_items", "第 %d 项（%s）缺少检测值", "item %d (%s) has no measured value", i+1, it.Name)
		}
	}
	return nil
}

// CSV columns. The header row names them, in any order; product, platform,
// lab, sampled_at, tested_at and pass are required, the others optional,
// unknown columns are ignored.
//
//   - sampled_at, tested_at: RFC 3339 or a date 2006-01-02 (midnight
//     UTC+8, China Standard Time).
//   - pass: true/false, 1/0, 合格/不合格.
//   - failed_items: items separated by ";", each name|measured|limit|unit
//     (limit and unit may be left out), e.g. 铅|0.8|0.5|mg/kg;菌落总数|5000|1000|CFU/g.
var (
	csvColumns  = []string{"product", "batch", "platform", "merchant", "category", "lab", "sampled_at", "tested_at", "pass", "failed_items"}
	csvRequired = []string{"product", "platform", "lab", "sampled_at", "tested_at", "pass"}
)

var cst = time.FixedZone("CST", 8*3600)

// ReadCSV reads results from a CSV file with a header row. Good rows are
// returned in order; each bad row gives one FieldError naming its line and
// field, and reading goes on. The error is for the file as a whole: a
// missing or bad header, or a read failure.
func ReadCSV(r io.Reader) ([]Result, []*FieldError, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3) // a UTF-8 BOM from spreadsheet exports
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, nil, qinglang.Errorf(qinglang.EINVALID, "抽检结果文件为空（缺少表头）", "spot-check result file is empty (no header row)")
	}
	if err != nil {
		return nil, nil, qinglang.Wrap(qinglang.EINVALID, err, "抽检结果文件表头无法读取", "cannot read the header of the spot-check result file")
	}
	col := make(map[string]int, len(head))
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; dup && h != "" {
			return nil, nil, qinglang.Errorf(qinglang.EINVALID, "表头第 1 行：列 %q 重复", "header, line 1: column %q appears twice", h)
		}
		col[h] = i
	}
	for _, c := range csvRequired {
		if _, ok := col[c]; !ok {
			return nil, nil, qinglang.Errorf(qinglang.EINVALID, "表头第 1 行缺少列 %q（应有：%s）",
				"header, line 1, lacks column %q (expected: %s)", c, strings.Join(csvColumns, ","))
		}
	}
	var (
		out []Result
		bad []*FieldError
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, bad, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			bad = append(bad, &FieldError{Line: pe.Line, Field: "", Err: qinglang.Wrap(qinglang.EINVALID, pe.Err,
				"CSV 格式错误（第 %d 列）", "malformed CSV (column %d)", pe.Column)})
			continue
		}
		if err != nil {
			return out, bad, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "读取抽检结果文件失败", "reading the spot-check result file failed")
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line with spaces
		}
		res, fe := parseRow(rec, col)
		if fe == nil {
			fe = res.Validate()
		}
		if fe != nil {
			fe.Line = line
			bad = append(bad, fe)
			continue
		}
		out = append(out, res)
	}
}

func parseRow(rec []string, col map[string]int) (Result, *FieldError) {
	get := func(name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	res := Result{
		Product:  get("product"),
		Batch:    get("batch"),
		Platform: get("platform"),
		Merchant: get("merchant"),
		Category: qinglang.Category(get("category")),
		Lab:      get("lab"),
	}
	var fe *FieldError
	if res.SampledAt, fe = parseTime("sampled_at", get("sampled_at")); fe != nil {
		return res, fe
	}
	if res.TestedAt, fe = parseTime("tested_at", get("tested_at")); fe != nil {
		return res, fe
	}
	switch p := strings.ToLower(get("pass")); p {
	case "true", "1", "合格", "pass":
		res.Pass = true
	case "false", "0", "不合格", "fail":
	case "":
		return res, fieldErr("pass", "缺少必填值", "missing")
	default:
		return res, fieldErr("pass", "无法识别 %q（应为 true/false、1/0 或 合格/不合格）",
			"cannot read %q (use true/false, 1/0 or 合格/不合格)", p)
	}
	items, fe := parseItems(get("failed_items"))
	res.FailedItems = items
	return res, fe
}

func parseTime(field, s string) (time.Time, *FieldError) {
	if s == "" {
		return time.Time{}, fieldErr(field, "缺少必填值", "missing")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, cst); err == nil {
		return t, nil
	}
	return time.Time{}, fieldErr(field, "无法识别时间 %q（应为 RFC 3339 或 2006-01-02）",
		"cannot read time %q (use RFC 3339 or 2006-01-02)", s)
}

func parseItems(s string) ([]Item, *FieldError) {
	if s == "" {
		return nil, nil
	}
	var items []Item
	for i, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		f := strings.Split(part, "|")
		if len(f) < 2 || len(f) > 4 {
			return nil, fieldErr("failed_items", "第 %d 项 %q 格式应为 名称|检测值|限值|单位",
				"item %d %q must be name|measured|limit|unit", i+1, part)
		}
		for len(f) < 4 {
			f = append(f, "")
		}
		items = append(items, Item{Name: strings.TrimSpace(f[0]), Measured: strings.TrimSpace(f[1]),
			Limit: strings.TrimSpace(f[2]), Unit: strings.TrimSpace(f[3])})
	}
	return items, nil
}
