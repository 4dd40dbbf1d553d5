package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
)

// ruleKeys are the keys of a rule, in the order of the Rule struct.
var ruleKeys = []string{"id", "kind", "claim_type", "severity", "categories", "except_categories",
	"where", "terms", "patterns", "exceptions", "guards", "not_after", "not_before", "within_before",
	"within_after", "unless", "basis", "basis_en", "message", "message_en", "rewrite", "rewrite_en", "examples"}

// requiredText are the rule's keys that must hold non-empty text.
var requiredText = []string{"id", "kind", "claim_type", "severity", "basis", "basis_en", "message", "message_en"}

// rule decodes and checks one rule mapping. Field names in problems are
// relative to the rule; the line tells which rule it is.
func (p *parser) rule(m *yaml.Node) Rule {
	r := Rule{Line: m.Line}
	seen := map[string]bool{}
	guardSeen := map[string]int{}
	for _, e := range p.entries(m, "") {
		k, v := e.Key, e.Value
		f := k.Value
		seen[f] = true
		switch f {
		case "id":
			r.ID = p.text(v, f)
			if r.ID != "" {
				p.checkID(v.Line, f, r.ID, "规则 id", "rule id")
			}
		case "kind":
			r.Kind = qinglang.Kind(p.text(v, f))
			if r.Kind != "" && !knownKind(r.Kind) {
				p.add(v.Line, f, "未知的类型 %q（可用：claim、listing、campaign、qualification）",
					"unknown kind %q (known: claim, listing, campaign, qualification)", r.Kind)
			}
		case "claim_type":
			r.ClaimType = ClaimType(p.text(v, f))
			if r.ClaimType != "" && !r.ClaimType.Known() {
				p.add(v.Line, f, "未知的宣称类型 %q（可用：%s）", "unknown claim type %q (known: %s)", r.ClaimType, listOf(ClaimTypes))
			}
		case "severity":
			r.Severity = qinglang.Severity(p.text(v, f))
			if r.Severity != "" && r.Severity.Rank() == 0 {
				p.add(v.Line, f, "未知的严重程度 %q（可用：low、medium、high、critical）",
					"unknown severity %q (known: low, medium, high, critical)", r.Severity)
			}
		case "categories", "except_categories":
			var cats []qinglang.Category
			for i, it := range p.seq(v, f) {
				s, ok := p.item(it, index(f, i))
				c := qinglang.Category(s)
				if ok && !c.Known() {
					p.add(it.Line, index(f, i), "未知的品类 %q（可用：%s）", "unknown category %q (known: %s)", c, listOf(qinglang.Categories))
				}
				cats = append(cats, c)
			}
			if f == "categories" {
				r.Categories = cats
			} else {
				r.ExceptCategories = cats
			}
		case "where":
			for i, it := range p.seq(v, f) {
				str, ok := p.item(it, index(f, i))
				s := Source(str)
				if ok && !s.Known() {
					p.add(it.Line, index(f, i), "未知的来源 %q（可用：%s）", "unknown source %q (known: %s)", s, listOf(Sources))
				}
				r.Where = append(r.Where, s)
			}
		case "terms":
			r.Terms = p.terms(v, f)
		case "exceptions":
			r.Exceptions = p.terms(v, f)
		case "patterns":
			for i, it := range p.seq(v, f) {
				s, ok := p.item(it, index(f, i))
				if ok && hasRefs(s) {
					p.refItem(it.Line, index(f, i), s, true)
				} else if _, err := ParsePattern(s); ok && err != nil {
					e := err.(*qinglang.Error)
					p.put(it.Line, index(f, i), fmt.Sprintf("模式 %q：%s", s, e.Message), fmt.Sprintf("pattern %q: %s", s, e.MessageEN))
				}
				r.Patterns = append(r.Patterns, s)
			}
		case "basis":
			r.Basis = p.text(v, f)
		case "basis_en":
			r.BasisEN = p.text(v, f)
		case "message":
			r.Message = p.text(v, f)
		case "message_en":
			r.MessageEN = p.text(v, f)
		case "rewrite":
			r.Rewrite = p.str(v, f)
		case "rewrite_en":
			r.RewriteEN = p.str(v, f)
		case "examples":
			r.Examples = p.examples(k, v)
		case "guards":
			r.Guards = p.ruleGuards(v, f)
		default:
			if !p.guardKey(&r.Guard, e, "", guardSeen) {
				p.unknownKey(k, "", ruleKeys)
			}
		}
	}
	p.checkGuard(m.Line, "", guardSeen, true)
	if guardSeen["unless"] > 0 && len(r.Guards) == 0 && r.Guard.empty() {
		p.add(guardSeen["unless"], "unless", "unless 只对规则的守卫起作用，这条规则没有 guards、not_after 或 not_before",
			"unless applies to the rule's guards, and the rule has no guards, not_after or not_before")
	}
	for _, f := range requiredText {
		if !seen[f] {
			p.add(m.Line, f, "缺少该字段", "missing")
		}
	}
	if !seen["examples"] {
		p.add(m.Line, "examples", "缺少示例（至少一个 match 与一个 no_match）", "missing: examples (at least one match and one no_match)")
	}
	if len(r.Terms) == 0 && len(r.Patterns) == 0 {
		p.add(m.Line, "terms", "至少需要一个 terms 或 patterns", "a rule needs at least one of terms or patterns")
	}
	return r
}

// text reads a required text: present, a string, not blank.
func (p *parser) text(n *yaml.Node, field string) string {
	s := p.str(n, field)
	if strings.TrimSpace(s) == "" && n.Kind == yaml.ScalarNode {
		p.add(n.Line, field, "不能为空", "must not be empty")
	}
	return s
}

// item reads one item of a list as text; ok is false when it is not text
// (and the problem is recorded).
func (p *parser) item(n *yaml.Node, field string) (s string, ok bool) {
	if n.Kind != yaml.ScalarNode {
		p.str(n, field)
		return "", false
	}
	return p.str(n, field), true
}

// terms reads a list of terms or exceptions: each non-blank, at most
// MaxTermRunes runes (once its lexicon references are expanded, when it
// holds some).
func (p *parser) terms(n *yaml.Node, field string) []string {
	var out []string
	for i, it := range p.seq(n, field) {
		f := index(field, i)
		s := p.str(it, f)
		switch {
		case strings.TrimSpace(s) == "":
			if it.Kind == yaml.ScalarNode {
				p.add(it.Line, f, "不能为空", "must not be empty")
			}
		case hasRefs(s):
			p.refItem(it.Line, f, s, false)
		case utf8.RuneCountInString(s) > MaxTermRunes:
			p.add(it.Line, f, "最长 %d 个字，此项有 %d 个", "at most %d runes; this one has %d", MaxTermRunes, utf8.RuneCountInString(s))
		}
		out = append(out, s)
	}
	return out
}

var exampleSetKeys = []string{"match", "no_match"}
var exampleKeys = []string{"text", "category", "where"}

// examples reads n, the value of the examples key at.
func (p *parser) examples(at, n *yaml.Node) Examples {
	var ex Examples
	if yamlnode.IsNull(n) || !p.mapping(n, "examples", "含 match 与 no_match 的映射", "a mapping with match and no_match") {
		if yamlnode.IsNull(n) {
			p.add(n.Line, "examples", "不能为空（至少一个 match 与一个 no_match）", "must not be empty (at least one match and one no_match)")
		}
		return ex
	}
	seen := map[string]bool{}
	for _, e := range p.entries(n, "examples") {
		k, v := e.Key, e.Value
		f := "examples." + k.Value
		switch k.Value {
		case "match", "no_match":
			seen[k.Value] = true
			var list []Example
			for i, it := range p.seq(v, f) {
				list = append(list, p.example(it, index(f, i)))
			}
			if len(list) == 0 {
				p.add(v.Line, f, "至少需要一个示例", "needs at least one example")
			}
			if k.Value == "match" {
				ex.Match = list
			} else {
				ex.NoMatch = list
			}
		default:
			p.unknownKey(k, "examples", exampleSetKeys)
		}
	}
	for _, key := range exampleSetKeys {
		if !seen[key] {
			p.add(at.Line, "examples."+key, "缺少该字段（至少一个示例）", "missing (at least one example)")
		}
	}
	return ex
}

func (p *parser) example(n *yaml.Node, field string) Example {
	var ex Example
	if !p.mapping(n, field, "示例映射，如 {text: …}", "an example mapping such as {text: ...}") {
		return ex
	}
	hasText := false
	for _, e := range p.entries(n, field) {
		k, v := e.Key, e.Value
		f := field + "." + k.Value
		switch k.Value {
		case "text":
			hasText = true
			ex.Text = p.text(v, f)
		case "category":
			ex.Category = qinglang.Category(p.str(v, f))
			if ex.Category != "" && !ex.Category.Known() {
				p.add(v.Line, f, "未知的品类 %q（可用：%s）", "unknown category %q (known: %s)", ex.Category, listOf(qinglang.Categories))
			}
		case "where":
			ex.Where = Source(p.str(v, f))
			if ex.Where != "" && !ex.Where.Known() {
				p.add(v.Line, f, "未知的来源 %q（可用：%s）", "unknown source %q (known: %s)", ex.Where, listOf(Sources))
			}
		default:
			p.unknownKey(k, field, exampleKeys)
		}
	}
	if !hasText {
		p.add(n.Line, field+".text", "缺少示例文本", "missing: the example's text")
	}
	return ex
}

func index(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }

func listOf[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
