package lint

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// MaxLineBytes is the longest script line Script reads.
const MaxLineBytes = 1 << 20

// Read reads a script or a product list, telling them apart by their look:
// a product list is a JSON array (the data starts with '[') or CSV (a name
// ending in .csv, or a first line naming title); anything else is a script
// whose lines are all of category cat. Errors are invalid-input
// *qinglang.Error values naming the line (or the JSON index) and the field.
func Read(name string, data []byte, cat qinglang.Category) ([]Item, error) {
	if !utf8.Valid(data) {
		return nil, qinglang.Errorf(qinglang.EINVALID, "输入不是有效的 UTF-8", "the input is not valid UTF-8")
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	case bytes.HasPrefix(trimmed, []byte("[")):
		return ProductsJSON(trimmed)
	case strings.HasSuffix(strings.ToLower(name), ".csv") || isProductHeader(trimmed):
		return ProductsCSV(data)
	}
	return Script(data, cat)
}

func isProductHeader(data []byte) bool {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.Contains(bytes.ToLower(first), []byte("title"))
}

// Script reads a script: each non-blank line is one item of category cat,
// said by the host; lines end with \n or \r\n.
func Script(data []byte, cat qinglang.Category) ([]Item, error) {
	if err := checkCategory(cat, "category"); err != nil {
		return nil, err
	}
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		if t := sc.Text(); strings.TrimSpace(t) != "" {
			items = append(items, Item{Line: n, Text: t, Category: orGeneral(cat), Where: rules.SourceSpeech})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "第 %d 行：%v", "line %d: %v", n+1, err)
	}
	return items, nil
}

// Product is one entry of a product list.
type Product struct {
	Title    string            `json:"title"`
	Category qinglang.Category `json:"category,omitempty"` // empty: general
}

// ProductsJSON reads a JSON array of products ({title, category}; other
// keys such as price are ignored). Items are numbered from 1 in list order;
// errors name the 0-based index and the field.
func ProductsJSON(data []byte) ([]Item, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "商品清单不是有效的 JSON 数组：%v", "the product list is not a valid JSON array: %v", err)
	}
	ps := make([]Product, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &ps[i]); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				return nil, qinglang.Errorf(qinglang.EINVALID, "下标 %d 字段 %s：应为 %s", "index %d, field %s: want %s", i, te.Field, te.Type.String())
			}
			return nil, qinglang.Errorf(qinglang.EINVALID, "下标 %d：应为对象 {title, category}", "index %d: want an object {title, category}", i)
		}
	}
	return Products(ps)
}

// Products turns a list of products into items, numbered from 1; errors
// name the 0-based index and the field.
func Products(ps []Product) ([]Item, error) {
	items := make([]Item, 0, len(ps))
	for i, p := range ps {
		if strings.TrimSpace(p.Title) == "" {
			return nil, qinglang.Errorf(qinglang.EINVALID, "下标 %d 字段 title：缺少商品标题", "index %d, field title: the title is missing", i)
		}
		if p.Category != "" && !p.Category.Known() {
			return nil, qinglang.Errorf(qinglang.EINVALID, "下标 %d 字段 category：未知品类 %q", "index %d, field category: unknown category %q", i, p.Category)
		}
		items = append(items, Item{Line: i + 1, Text: p.Title, Category: orGeneral(p.Category), Where: rules.SourceTitle})
	}
	return items, nil
}

// ProductsCSV reads a CSV product list whose header names a title column
// and, optionally, a category column (other columns are ignored). Items
// carry their CSV line; errors name it and the field.
func ProductsCSV(data []byte) ([]Item, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, qinglang.Errorf(qinglang.EINVALID, "无法读取 CSV 表头：%v", "cannot read the CSV header: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))] = i
	}
	ti, ok := col["title"]
	if !ok {
		return nil, qinglang.Errorf(qinglang.EINVALID, "CSV 第 1 行：表头缺少 title 列", "CSV line 1: the header has no title column")
	}
	ci, hasCat := col["category"]
	var items []Item
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err
			}
			return nil, qinglang.Errorf(qinglang.EINVALID, "CSV 第 %d 行：%v", "CSV line %d: %v", line, err)
		}
		line, _ := r.FieldPos(0)
		if ti >= len(rec) || strings.TrimSpace(rec[ti]) == "" {
			return nil, qinglang.Errorf(qinglang.EINVALID, "CSV 第 %d 行字段 title：缺少商品标题", "CSV line %d, field title: the title is missing", line)
		}
		cat := qinglang.CatGeneral
		if hasCat && ci < len(rec) && strings.TrimSpace(rec[ci]) != "" {
			cat = qinglang.Category(strings.TrimSpace(rec[ci]))
			if !cat.Known() {
				return nil, qinglang.Errorf(qinglang.EINVALID, "CSV 第 %d 行字段 category：未知品类 %q", "CSV line %d, field category: unknown category %q", line, cat)
			}
		}
		items = append(items, Item{Line: line, Text: rec[ti], Category: cat, Where: rules.SourceTitle})
	}
	return items, nil
}

// Request is what POST /v1/lint takes: a script (Text, lines separated by
// \n, all of Category) or a product list, not both.
type Request struct {
	Text     string            `json:"text,omitempty"`
	Category qinglang.Category `json:"category,omitempty"` // of Text; empty: general
	Products []Product         `json:"products,omitempty"`
}

// Items checks the request and turns it into items; errors are invalid
// input naming the field.
func (r Request) Items() ([]Item, error) {
	switch {
	case r.Text != "" && r.Products != nil:
		return nil, qinglang.Errorf(qinglang.EINVALID, "text 与 products 只能给一个", "give text or products, not both")
	case r.Products != nil:
		if r.Category != "" {
			return nil, qinglang.Errorf(qinglang.EINVALID, "字段 category 只用于 text；商品的品类写在每个商品中",
				"field category is for text only; give each product its own category")
		}
		return Products(r.Products)
	case r.Text == "":
		return nil, qinglang.Errorf(qinglang.EINVALID, "需要 text（话术）或 products（商品清单）", "want text (a script) or products (a product list)")
	}
	if !utf8.ValidString(r.Text) {
		return nil, qinglang.Errorf(qinglang.EINVALID, "字段 text：不是有效的 UTF-8", "field text: not valid UTF-8")
	}
	return Script([]byte(r.Text), r.Category)
}

func checkCategory(c qinglang.Category, field string) error {
	if c != "" && !c.Known() {
		return qinglang.Errorf(qinglang.EINVALID, "字段 %s：未知品类 %q", "field %s: unknown category %q", field, c)
	}
	return nil
}

func orGeneral(c qinglang.Category) qinglang.Category {
	if c == "" {
		return qinglang.CatGeneral
	}
	return c
}
