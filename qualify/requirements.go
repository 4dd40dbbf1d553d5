package qualify

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
)

// Need is one thing a seller must hold: any one of AnyOf.
type Need struct {
	AnyOf []LicenceKind
	// Conditional: the need applies only to some goods of the category
	// (the CCC certificate "where required"); a gap is still reported, for
	// a person to decide.
	Conditional bool
}

// Name names the need in Chinese and in English, e.g. "食品经营许可证或仅销售
// 预包装食品备案" and "food business licence or pre-packaged food sales filing".
func (n Need) Name() (zh, en string) {
	zhs, ens := make([]string, len(n.AnyOf)), make([]string, len(n.AnyOf))
	for i, k := range n.AnyOf {
		zhs[i], ens[i] = k.Name()
	}
	return strings.Join(zhs, "或"), strings.Join(ens, " or ")
}

// Requirements maps each category to its needs, every one of which must be
// met. A category that is absent, or has no needs, needs nothing.
type Requirements map[qinglang.Category][]Need

//go:embed requirements.yaml
var defaultYAML []byte

// defaultReqs is the default matrix; never handed out, only copies.
var defaultReqs = func() Requirements {
	r, err := ParseRequirements("requirements.yaml", defaultYAML)
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return r
}()

// DefaultRequirements returns a copy of the default matrix, from
// requirements.yaml (domain.md's table, [U]).
func DefaultRequirements() Requirements {
	r := make(Requirements, len(defaultReqs))
	for c, needs := range defaultReqs {
		cp := make([]Need, len(needs))
		for i, n := range needs {
			cp[i] = Need{AnyOf: slices.Clone(n.AnyOf), Conditional: n.Conditional}
		}
		r[c] = cp
	}
	return r
}

// GapReason says why a need is not met.
type GapReason string

// Gap reasons.
const (
	GapMissing     GapReason = "missing"       // no licence of the kinds held
	GapExpired     GapReason = "expired"       // the nearest one held has expired
	GapNotYetValid GapReason = "not_yet_valid" // the nearest one held is not valid yet
	GapObsolete    GapReason = "obsolete"      // only an obsolete format is held (QS)
)

// Gap is a need of a category that the licences held do not meet.
type Gap struct {
	Category           qinglang.Category
	Need               Need
	Reason             GapReason
	Number             string // the held licence that came nearest; "" when missing
	Item, ItemEN       string // the need's name
	Message, MessageEN string // a sentence for people
}

// Missing is Requirements.Missing with the default matrix.
func Missing(cat qinglang.Category, held []Licence, on time.Time) []Gap {
	return defaultReqs.Missing(cat, held, on)
}

// Missing returns the needs of cat that held does not meet on the day on,
// in the matrix's order. A licence meets a need when its kind is one of the
// need's, it is not obsolete, and its Validity is valid or expiring soon
// on that day (a zero Validity counts as valid). A category the matrix
// does not name needs nothing.
func (r Requirements) Missing(cat qinglang.Category, held []Licence, on time.Time) []Gap {
	var gaps []Gap
	for _, need := range r[cat] {
		g, met := r.check(need, held, on)
		if met {
			continue
		}
		g.Category, g.Need = cat, need
		g.Item, g.ItemEN = need.Name()
		switch g.Reason {
		case GapMissing:
			g.Message, g.MessageEN = "缺少"+g.Item, "missing: "+g.ItemEN
		case GapExpired:
			g.Message, g.MessageEN = g.Item+" "+g.Number+" 已过期", g.ItemEN+" "+g.Number+" has expired"
		case GapNotYetValid:
			g.Message, g.MessageEN = g.Item+" "+g.Number+" 尚未生效", g.ItemEN+" "+g.Number+" is not valid yet"
		case GapObsolete:
			g.Message, g.MessageEN = g.Item+" "+g.Number+" 为已停用的旧版编号", g.ItemEN+" "+g.Number+" is an obsolete number"
		}
		if need.Conditional {
			g.Message += "（仅部分商品需要，请人工确认）"
			g.MessageEN += " (needed for some goods only: check by hand)"
		}
		gaps = append(gaps, g)
	}
	return gaps
}

// check reports whether held meets need on the day on and, when not, the
// gap with its reason and the nearest licence's number: one not yet valid
// first, then the latest expired, then an obsolete one.
func (Requirements) check(need Need, held []Licence, on time.Time) (Gap, bool) {
	rank := map[GapReason]int{GapNotYetValid: 1, GapExpired: 2, GapObsolete: 3, GapMissing: 4}
	best, bestTo := Gap{Reason: GapMissing}, time.Time{}
	for _, l := range held {
		if !slices.Contains(need.AnyOf, l.Kind) {
			continue
		}
		st := l.Validity.Status(on)
		var why GapReason
		switch {
		case l.Obsolete:
			why = GapObsolete
		case st.Usable():
			return Gap{}, true
		case st == StatusNotYetValid:
			why = GapNotYetValid
		default:
			why = GapExpired
		}
		if rank[why] < rank[best.Reason] || (why == GapExpired && best.Reason == GapExpired && l.Validity.To.After(bestTo)) {
			best, bestTo = Gap{Reason: why, Number: l.Number}, l.Validity.To
		}
	}
	return best, false
}

// ParseRequirements reads a matrix from YAML: a mapping from category to a
// list of needs, each either a kind ("- food_business") or a mapping with
// any_of (a list of kinds) and, optionally, conditional (a boolean); see
// requirements.yaml. file names the source in errors. Every problem is
// reported, each with its line and field, in one EINVALID error.
func ParseRequirements(file string, data []byte) (Requirements, error) {
	p := &reqParser{file: file}
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
	switch {
	case errors.Is(err, io.EOF):
		p.add(0, "", "文件为空", "the file is empty")
	case err != nil:
		msg, line := splitYAMLErr(err)
		p.add(line, "", "YAML 格式错误：%s", "malformed YAML: %s", msg)
	case len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode:
		p.add(doc.Line, "", "顶层应为从品类到所需许可的映射", "the top level should map categories to their needs")
	}
	if len(p.zh) > 0 {
		return nil, p.err()
	}
	r := Requirements{}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		cat := qinglang.Category(k.Value)
		switch {
		case !cat.Known():
			p.add(k.Line, k.Value, "未知的品类 %q（可用：%s）", "unknown category %q (known: %s)", k.Value, categoryList())
			continue
		case r[cat] != nil:
			p.add(k.Line, k.Value, "品类重复", "the category is given twice")
			continue
		}
		r[cat] = p.needs(k.Value, v)
	}
	if len(p.zh) > 0 {
		return nil, p.err()
	}
	return r, nil
}

// reqParser collects the problems of one file.
type reqParser struct {
	file   string
	zh, en []string
}

func (p *reqParser) add(line int, field, zh, en string, args ...any) {
	where, whereEN := p.file, p.file
	if line > 0 {
		where += fmt.Sprintf(" 第 %d 行", line)
		whereEN += fmt.Sprintf(", line %d", line)
	}
	if field != "" {
		where += " " + field
		whereEN += ", " + field
	}
	p.zh = append(p.zh, where+"："+fmt.Sprintf(zh, args...))
	p.en = append(p.en, whereEN+": "+fmt.Sprintf(en, args...))
}

func (p *reqParser) err() error {
	return &qinglang.Error{Code: qinglang.EINVALID, Message: strings.Join(p.zh, "；"), MessageEN: strings.Join(p.en, "; ")}
}

// needs reads the list of needs of one category; it never returns nil.
func (p *reqParser) needs(field string, v *yaml.Node) []Need {
	needs := []Need{}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return needs
	}
	if v.Kind != yaml.SequenceNode {
		p.add(v.Line, field, "应为所需许可的列表", "should be a list of needs")
		return needs
	}
	for i, item := range v.Content {
		f := fmt.Sprintf("%s[%d]", field, i)
		var n Need
		switch item.Kind {
		case yaml.ScalarNode:
			n.AnyOf = p.kinds(f, []*yaml.Node{item})
		case yaml.MappingNode:
			n = p.need(f, item)
		default:
			p.add(item.Line, f, "应为许可种类或含 any_of 的映射", "should be a licence kind or a mapping with any_of")
		}
		needs = append(needs, n)
	}
	return needs
}

func (p *reqParser) need(field string, m *yaml.Node) Need {
	var n Need
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		f := field + "." + k.Value
		if seen[k.Value] {
			p.add(k.Line, f, "键重复", "the key is given twice")
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "any_of":
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				p.add(v.Line, f, "应为非空的许可种类列表", "should be a non-empty list of licence kinds")
				continue
			}
			n.AnyOf = p.kinds(f, v.Content)
		case "conditional":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
				p.add(v.Line, f, "应为 true 或 false", "should be true or false")
				continue
			}
			n.Conditional = b
		default:
			p.add(k.Line, f, "未知的键（可用：any_of、conditional）", "unknown key (known: any_of, conditional)")
		}
	}
	if !seen["any_of"] {
		p.add(m.Line, field, "缺少 any_of", "any_of is missing")
	}
	return n
}

func (p *reqParser) kinds(field string, nodes []*yaml.Node) []LicenceKind {
	var ks []LicenceKind
	for i, v := range nodes {
		f := field
		if len(nodes) > 1 || strings.HasSuffix(field, "any_of") {
			f = fmt.Sprintf("%s[%d]", field, i)
		}
		k := LicenceKind(v.Value)
		if v.Kind != yaml.ScalarNode || !k.Known() {
			p.add(v.Line, f, "未知的许可种类 %q（可用：%s）", "unknown licence kind %q (known: %s)", v.Value, kindList())
			continue
		}
		ks = append(ks, k)
	}
	return ks
}

func categoryList() string {
	s := make([]string, len(qinglang.Categories))
	for i, c := range qinglang.Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// splitYAMLErr splits a yaml.v3 error into its message and line (0 when
// it names none).
func splitYAMLErr(err error) (msg string, line int) {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		return m[2], line
	}
	return strings.TrimPrefix(err.Error(), "yaml: "), 0
}
