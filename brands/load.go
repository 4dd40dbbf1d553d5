package brands

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"gopkg.in/yaml.v3"
)

// LoadYAML reads a registry in YAML:
//
//	brands:
//	  - id: luye
//	    names: [鹿野, LUYE, Luye]     # the first is the display name
//	    weak_names: []                 # names that are also common words
//	    category: apparel
//	    floor_fen: 19900               # reference floor for the brand
//	    lines:
//	      - {names: [飞羚跑鞋, FEILING], floor_fen: 39900}
//	    sellers:
//	      - {merchant: m-demo-001, from: 2025-01-01, until: 2025-12-31, note: 官方旗舰店}
//
// Unknown keys are errors. Every problem names the file (name), the line
// and the field; the error is Problems (qinglang.Code: EINVALID).
func LoadYAML(name string, r io.Reader) (*Registry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法读取品牌库 %s", "cannot read brand registry %s", name)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: "), "line %d:", &line)
		}
		return nil, Problems{{File: name, Line: line, Reason: "YAML 语法错误：" + err.Error(), ReasonEN: "YAML syntax error: " + err.Error()}}
	}
	y := &yamlReader{file: name}
	var bs []Brand
	var lines []int
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		y.fields(root, "", map[string]func(*yaml.Node, string){
			"brands": func(n *yaml.Node, f string) {
				y.seq(n, f, func(e *yaml.Node, f string) {
					bs = append(bs, y.brand(e, f))
					lines = append(lines, e.Line)
				})
			},
		})
	}
	if len(y.ps) > 0 {
		return nil, y.ps
	}
	reg, err := NewRegistry(bs...)
	if err != nil {
		ps := err.(Problems)
		for i := range ps {
			ps[i].File = name
			var k int
			if _, e := fmt.Sscanf(ps[i].Field, "brands[%d]", &k); e == nil && k < len(lines) {
				ps[i].Line = lines[k]
			}
		}
		return nil, ps
	}
	return reg, nil
}

// yamlReader walks a YAML tree, collecting problems with lines.
type yamlReader struct {
	file string
	ps   Problems
}

func (y *yamlReader) bad(n *yaml.Node, field, zh, en string) {
	y.ps = append(y.ps, Problem{File: y.file, Line: n.Line, Field: field, Reason: zh, ReasonEN: en})
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// fields calls the handler of each key of mapping n; unknown keys are
// problems.
func (y *yamlReader) fields(n *yaml.Node, at string, h map[string]func(*yaml.Node, string)) {
	if n.Kind != yaml.MappingNode {
		y.bad(n, at, "应为映射（键: 值）", "expected a mapping (key: value)")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := h[k.Value]
		if !ok {
			y.bad(k, join(at, k.Value), "未知字段", "unknown field")
			continue
		}
		f(v, join(at, k.Value))
	}
}

func (y *yamlReader) seq(n *yaml.Node, at string, each func(*yaml.Node, string)) {
	if n.Kind != yaml.SequenceNode {
		y.bad(n, at, "应为列表", "expected a list")
		return
	}
	for i, e := range n.Content {
		each(e, fmt.Sprintf("%s[%d]", at, i))
	}
}

func (y *yamlReader) str(n *yaml.Node, at string, dst *string) {
	if n.Kind != yaml.ScalarNode {
		y.bad(n, at, "应为字符串", "expected a string")
		return
	}
	*dst = n.Value
}

func (y *yamlReader) strs(n *yaml.Node, at string, dst *[]string) {
	y.seq(n, at, func(e *yaml.Node, f string) {
		var s string
		y.str(e, f, &s)
		*dst = append(*dst, s)
	})
}

func (y *yamlReader) fen(n *yaml.Node, at string, dst *int64) {
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		y.bad(n, at, "应为非负整数（分）", "expected a non-negative integer (fen)")
		return
	}
	*dst = v
}

func (y *yamlReader) date(n *yaml.Node, at string, dst *time.Time) {
	t, err := parseDate(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		y.bad(n, at, "应为日期 YYYY-MM-DD", "expected a date YYYY-MM-DD")
		return
	}
	*dst = t
}

func (y *yamlReader) category(n *yaml.Node, at string, dst *qinglang.Category) {
	c := qinglang.Category(n.Value)
	if !knownCategory(c) {
		y.bad(n, at, "未知品类 "+strconv.Quote(n.Value), "unknown category "+strconv.Quote(n.Value))
		return
	}
	*dst = c
}

func (y *yamlReader) brand(n *yaml.Node, at string) Brand {
	var b Brand
	y.fields(n, at, map[string]func(*yaml.Node, string){
		"id":         func(v *yaml.Node, f string) { y.str(v, f, &b.ID) },
		"names":      func(v *yaml.Node, f string) { y.strs(v, f, &b.Names) },
		"weak_names": func(v *yaml.Node, f string) { y.strs(v, f, &b.WeakNames) },
		"category":   func(v *yaml.Node, f string) { y.category(v, f, &b.Category) },
		"floor_fen":  func(v *yaml.Node, f string) { y.fen(v, f, &b.FloorFen) },
		"lines": func(v *yaml.Node, f string) {
			y.seq(v, f, func(e *yaml.Node, f string) {
				var l Line
				y.fields(e, f, map[string]func(*yaml.Node, string){
					"names":     func(v *yaml.Node, f string) { y.strs(v, f, &l.Names) },
					"floor_fen": func(v *yaml.Node, f string) { y.fen(v, f, &l.FloorFen) },
				})
				b.Lines = append(b.Lines, l)
			})
		},
		"sellers": func(v *yaml.Node, f string) {
			y.seq(v, f, func(e *yaml.Node, f string) {
				var s Seller
				y.fields(e, f, map[string]func(*yaml.Node, string){
					"merchant": func(v *yaml.Node, f string) { y.str(v, f, &s.Merchant) },
					"from":     func(v *yaml.Node, f string) { y.date(v, f, &s.From) },
					"until":    func(v *yaml.Node, f string) { y.date(v, f, &s.Until) },
					"note":     func(v *yaml.Node, f string) { y.str(v, f, &s.Note) },
				})
				b.Sellers = append(b.Sellers, s)
			})
		},
	})
	return b
}

func parseDate(s string) (time.Time, error) {
	return time.ParseInLocation(DateLayout, strings.TrimSpace(s), China)
}

func knownCategory(c qinglang.Category) bool {
	switch c {
	case "", qinglang.CatFood, qinglang.CatHealthFood, qinglang.CatCosmetics, qinglang.CatMedicalDevice,
		qinglang.CatDrug, qinglang.CatInfantFormula, qinglang.CatAgri, qinglang.CatApparel,
		qinglang.CatJewelry, qinglang.CatElectronics, qinglang.CatHousehold, qinglang.CatGeneral:
		return true
	}
	return false
}

// CSVHeader is the header LoadCSV expects, in any column order:
//
//	brand,names,category,floor_fen,line,merchant,from,until
//
// One row adds to the brand with id "brand" (rows of one brand merge):
// "names" are |-separated (the first row's first name is the display
// name); with "line" (|-separated names) the row's floor_fen is that
// line's floor, without it the brand's; with "merchant" the row is an
// authorisation from/until (YYYY-MM-DD, either may be empty).
var CSVHeader = []string{"brand", "names", "category", "floor_fen", "line", "merchant", "from", "until"}

// LoadCSV reads a registry in CSV (see CSVHeader). A bad row is reported
// by its line in Problems and skipped; the good rows are kept. The error
// is for what spoils the whole file: unreadable, or a bad header.
func LoadCSV(name string, r io.Reader) (*Registry, Problems, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, nil, Problems{{File: name, Line: 1, Reason: "无法读取表头：" + err.Error(), ReasonEN: "cannot read the header: " + err.Error()}}
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, h := range []string{"brand", "names"} {
		if _, ok := col[h]; !ok {
			return nil, nil, Problems{{File: name, Line: 1, Field: h, Reason: "表头缺少该列", ReasonEN: "the header lacks this column"}}
		}
	}
	var ps Problems
	var order []string
	byID := map[string]*Brand{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, nil, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法读取品牌库 %s", "cannot read brand registry %s", name)
			}
			ps = append(ps, Problem{File: name, Line: pe.Line, Reason: "CSV 格式错误：" + pe.Err.Error(), ReasonEN: "malformed CSV: " + pe.Err.Error()})
			continue
		}
		line, _ := cr.FieldPos(0)
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		b, p := csvRow(get)
		if p != nil {
			p.File, p.Line = name, line
			ps = append(ps, *p)
			continue
		}
		// Check the row alone before merging it, so a bad name is
		// reported on its own line and the brand's good rows survive.
		have, ok := byID[b.ID]
		check := b
		if len(b.Names) == 0 {
			if !ok {
				ps = append(ps, Problem{File: name, Line: line, Field: "names", Reason: "品牌的第一行需要名称", ReasonEN: "the first row of a brand needs names"})
				continue
			}
			check.Names = have.Names
		}
		if _, err := NewRegistry(check); err != nil {
			for _, q := range err.(Problems) {
				q.File, q.Line, q.Field = name, line, csvField(q.Field)
				ps = append(ps, q)
			}
			continue
		}
		if !ok {
			order = append(order, b.ID)
			byID[b.ID] = &b
			continue
		}
		trial := *have
		trial.Names = appendNew(trial.Names, b.Names)
		trial.Lines = append(trial.Lines[:len(trial.Lines):len(trial.Lines)], b.Lines...)
		trial.Sellers = append(trial.Sellers[:len(trial.Sellers):len(trial.Sellers)], b.Sellers...)
		if trial.Category == "" {
			trial.Category = b.Category
		}
		if b.FloorFen > 0 && len(b.Lines) == 0 {
			trial.FloorFen = b.FloorFen
		}
		*have = trial
	}
	bs := make([]Brand, 0, len(order))
	for _, id := range order {
		bs = append(bs, *byID[id])
	}
	// Brands that clash with each other (a name of two brands) drop out
	// one by one until the rest is valid.
	for {
		reg, err := NewRegistry(bs...)
		if err == nil {
			return reg, ps, nil
		}
		q := err.(Problems)[0]
		var k int
		fmt.Sscanf(q.Field, "brands[%d]", &k)
		ps = append(ps, Problem{File: name, Field: "brand", Reason: "品牌 " + bs[k].ID + " 被丢弃：" + q.Reason, ReasonEN: "brand " + bs[k].ID + " dropped: " + q.ReasonEN})
		bs = append(bs[:k], bs[k+1:]...)
	}
}

// csvRow turns one record into a one-row brand, or a problem.
func csvRow(get func(string) string) (Brand, *Problem) {
	bad := func(field, zh, en string) (Brand, *Problem) {
		return Brand{}, &Problem{Field: field, Reason: zh, ReasonEN: en}
	}
	b := Brand{ID: get("brand"), Names: splitBar(get("names")), Category: qinglang.Category(get("category"))}
	if b.ID == "" {
		return bad("brand", "缺少品牌 id", "missing brand id")
	}
	if !knownCategory(b.Category) {
		return bad("category", "未知品类", "unknown category")
	}
	var floor int64
	if s := get("floor_fen"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return bad("floor_fen", "应为非负整数（分）", "expected a non-negative integer (fen)")
		}
		floor = v
	}
	if ln := splitBar(get("line")); len(ln) > 0 {
		b.Lines = []Line{{Names: ln, FloorFen: floor}}
	} else {
		b.FloorFen = floor
	}
	if m := get("merchant"); m != "" {
		s := Seller{Merchant: m}
		for _, f := range []struct {
			k   string
			dst *time.Time
		}{{"from", &s.From}, {"until", &s.Until}} {
			if v := get(f.k); v != "" {
				t, err := parseDate(v)
				if err != nil {
					return bad(f.k, "应为日期 YYYY-MM-DD", "expected a date YYYY-MM-DD")
				}
				*f.dst = t
			}
		}
		b.Sellers = []Seller{s}
	} else if get("from") != "" || get("until") != "" {
		return bad("merchant", "有授权日期但缺少商家", "authorisation dates without a merchant")
	}
	return b, nil // a continuation row may omit names
}

// csvField maps a NewRegistry field of a one-row brand to its CSV column.
func csvField(f string) string {
	switch {
	case strings.Contains(f, ".lines["):
		return "line"
	case strings.Contains(f, ".sellers["):
		return f[strings.LastIndex(f, ".")+1:]
	case strings.Contains(f, ".names["), strings.HasSuffix(f, ".names"):
		return "names"
	}
	return "brand"
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func appendNew(dst, src []string) []string {
	dst = dst[:len(dst):len(dst)]
	for _, s := range src {
		dup := false
		for _, d := range dst {
			dup = dup || d == s
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}
