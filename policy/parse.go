package policy

import (
	"fmt"
	"io"
	"math"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
)

// MaxFileBytes bounds a policy file.
const MaxFileBytes = 1 << 20

// Load reads a policy from YAML; name names the file in problems. The
// policy is validated: when anything is wrong Load returns no policy and an
// error of type qinglang.Problems listing every problem, each with its
// line and field.
func Load(name string, r io.Reader) (*Policy, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, qinglang.Problems{{File: name, Reason: "无法读取：" + err.Error(), ReasonEN: "cannot read: " + err.Error()}}
	}
	if len(data) > MaxFileBytes {
		return nil, qinglang.Problems{{File: name, Reason: fmt.Sprintf("文件超过 %d 字节", MaxFileBytes),
			ReasonEN: fmt.Sprintf("the file is over %d bytes", MaxFileBytes)}}
	}
	p, probs := parse(name, data)
	if len(probs) > 0 {
		return nil, probs
	}
	return p, nil
}

// parse reads and validates one policy file.
func parse(file string, data []byte) (*Policy, qinglang.Problems) {
	doc, probs := yamlnode.Document(file, data)
	ps := &parser{file: file, probs: probs, lines: map[string]int{}, bad: map[string]bool{}}
	if doc == nil && len(probs) > 0 { // the first document cannot be read
		return nil, ps.probs
	}
	p := ps.policy(doc)
	if p == nil {
		return nil, ps.probs
	}
	p.File, p.lines, p.bad = file, ps.lines, ps.bad
	probs = append(ps.probs, p.problems()...)
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	return p, nil
}

// parser reads a policy's node tree: it reports what cannot be read (YAML
// errors, unknown or duplicate keys, wrong types, bad numbers and
// durations) and records the line of every field for Validate, which
// checks what was read.
type parser struct {
	file  string
	probs qinglang.Problems
	lines map[string]int  // field → line
	bad   map[string]bool // fields that could not be read
}

// add records a problem whose two messages are formatted from the same args.
func (p *parser) add(line int, field, zh, en string, args ...any) {
	p.probs = append(p.probs, qinglang.Problem{File: p.file, Line: line, Field: field,
		Reason: fmt.Sprintf(zh, args...), ReasonEN: fmt.Sprintf(en, args...)})
}

// fail records a problem with field and marks the field unread.
func (p *parser) fail(n *yaml.Node, field, zh, en string, args ...any) {
	p.bad[field] = true
	p.add(n.Line, field, zh, en, args...)
}

// unknownKey reports a key that is not one of known, suggesting the
// closest known key when there is one.
func (p *parser) unknownKey(k *yaml.Node, field string, known []string) {
	zh, en := yamlnode.UnknownKey(k.Value, known)
	p.probs = append(p.probs, qinglang.Problem{File: p.file, Line: k.Line, Field: yamlnode.Join(field, k.Value),
		Reason: zh, ReasonEN: en})
}

// entries returns a mapping's entries (yamlnode.Entries), reporting
// duplicate keys; field prefixes their names.
func (p *parser) entries(m *yaml.Node, field string) []yamlnode.Entry {
	return yamlnode.Entries(m, field, func(line int, field string, first int) {
		p.add(line, field, "重复的键（第 %d 行已有）", "duplicate key (already on line %d)", first)
	})
}

// str reads a scalar as text; null reads as "".
func (p *parser) str(n *yaml.Node, field string) string {
	p.lines[field] = n.Line
	s, ok := yamlnode.String(n)
	if !ok {
		p.fail(n, field, "应为文本", "must be a string")
	}
	return s
}

// number reads a finite number.
func (p *parser) number(n *yaml.Node, field string) float64 {
	p.lines[field] = n.Line
	var f float64
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") && n.Decode(&f) == nil &&
		!math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	p.fail(n, field, "应为数字，而不是 %q", "must be a number, not %q", n.Value)
	return 0
}

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, field string) bool {
	p.lines[field] = n.Line
	if b, ok := yamlnode.Bool(n); ok {
		return b
	}
	p.fail(n, field, "应为 true 或 false，而不是 %q", "must be true or false, not %q", n.Value)
	return false
}

// duration reads a duration such as 7d or 12h (ParseDuration).
func (p *parser) duration(n *yaml.Node, field string) time.Duration {
	s := p.str(n, field)
	if p.bad[field] {
		return 0
	}
	d, err := ParseDuration(s)
	if err != nil {
		p.fail(n, field, "无效的时长 %q（应如 7d、12h、90m）", "invalid duration %q (use e.g. 7d, 12h, 90m)", s)
	}
	return d
}

// mapping reports whether n is a mapping, with a problem when it is not.
func (p *parser) mapping(n *yaml.Node, field, what, whatEN string) bool {
	p.lines[field] = n.Line
	if n.Kind == yaml.MappingNode {
		return true
	}
	p.fail(n, field, "应为%[1]s（键: 值）", "must be %[2]s (key: value)", what, whatEN)
	return false
}

// seq returns a sequence's items with aliases resolved; null is empty.
func (p *parser) seq(n *yaml.Node, field string) []*yaml.Node {
	p.lines[field] = n.Line
	items, ok := yamlnode.Seq(n)
	if !ok {
		p.fail(n, field, "应为列表（- 开头的各项）", "must be a list (items starting with -)")
	}
	return items
}

func index(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }

var (
	policyKeys = []string{"name", "version", "subjects", "points", "expiry", "ladder", "caps", "basis", "basis_en", "appeal"}
	pointsKeys = []string{"severity", "rules"}
	stepKeys   = []string{"at", "measure", "duration", "auto", "basis", "basis_en"}
	capsKeys   = []string{"overall", "measures"}
	appealKeys = []string{"channel", "channel_en", "within"}
)

func (p *parser) policy(doc *yaml.Node) *Policy {
	root := yamlnode.Root(doc)
	if root == nil {
		p.add(0, "", "文件为空，应包含 name、version、subjects、points、expiry、ladder、caps、basis 与 appeal",
			"the file is empty; it should hold name, version, subjects, points, expiry, ladder, caps, basis and appeal")
		return nil
	}
	if root.Kind != yaml.MappingNode {
		p.add(root.Line, "", "应为策略的映射（name、version、ladder 等键）", "must be a policy mapping (keys name, version, ladder, ...)")
		return nil
	}
	p.lines[""] = root.Line
	pol := &Policy{}
	for _, e := range p.entries(root, "") {
		k, v := e.Key, e.Value
		f := k.Value
		switch f {
		case "name":
			pol.Name = p.str(v, f)
		case "version":
			pol.Version = p.str(v, f)
		case "subjects":
			for i, it := range p.seq(v, f) {
				pol.Subjects = append(pol.Subjects, qinglang.SubjectKind(p.str(it, index(f, i))))
			}
		case "points":
			pol.Points = p.points(v)
		case "expiry":
			pol.Expiry = p.duration(v, f)
		case "ladder":
			for i, it := range p.seq(v, f) {
				pol.Ladder = append(pol.Ladder, p.step(it, index(f, i)))
			}
		case "caps":
			pol.Caps = p.caps(v)
		case "basis":
			pol.Basis = p.str(v, f)
		case "basis_en":
			pol.BasisEN = p.str(v, f)
		case "appeal":
			pol.Appeal = p.appeal(v)
		default:
			p.unknownKey(k, "", policyKeys)
		}
	}
	return pol
}

func (p *parser) points(n *yaml.Node) Points {
	var pts Points
	if !p.mapping(n, "points", "含 severity 与 rules 的映射", "a mapping with severity and rules") {
		return pts
	}
	for _, e := range p.entries(n, "points") {
		k, v := e.Key, e.Value
		f := "points." + k.Value
		switch k.Value {
		case "severity":
			if !p.mapping(v, f, "严重程度到分数的映射，如 high: 3", "a mapping of severity to points such as high: 3") {
				continue
			}
			pts.Severity = map[qinglang.Severity]float64{}
			for _, e := range p.entries(v, f) {
				pts.Severity[qinglang.Severity(e.Key.Value)] = p.number(e.Value, f+"."+e.Key.Value)
			}
		case "rules":
			if !p.mapping(v, f, "规则 id（或以 * 结尾的前缀）到分数的映射", "a mapping of rule id (or prefix ending in *) to points") {
				continue
			}
			pts.Rules = map[string]float64{}
			for _, e := range p.entries(v, f) {
				pts.Rules[e.Key.Value] = p.number(e.Value, ruleField(e.Key.Value))
			}
		default:
			p.unknownKey(k, "points", pointsKeys)
		}
	}
	return pts
}

// ruleField names the points entry of a rule or prefix; the brackets keep
// the dots of a rule id apart from the field path.
func ruleField(rule string) string { return "points.rules[" + rule + "]" }

func (p *parser) step(n *yaml.Node, field string) Step {
	var s Step
	if !p.mapping(n, field, "一级措施的映射（at、measure、duration、auto）", "a step mapping (at, measure, duration, auto)") {
		return s
	}
	for _, e := range p.entries(n, field) {
		k, v := e.Key, e.Value
		f := field + "." + k.Value
		switch k.Value {
		case "at":
			s.At = p.number(v, f)
		case "measure":
			s.Measure = qinglang.MeasureKind(p.str(v, f))
		case "duration":
			s.Duration = p.duration(v, f)
		case "auto":
			s.Auto = p.boolean(v, f)
		case "basis":
			s.Basis = p.str(v, f)
		case "basis_en":
			s.BasisEN = p.str(v, f)
		default:
			p.unknownKey(k, field, stepKeys)
		}
	}
	return s
}

func (p *parser) caps(n *yaml.Node) Caps {
	var c Caps
	if !p.mapping(n, "caps", "含 overall 与 measures 的映射", "a mapping with overall and measures") {
		return c
	}
	for _, e := range p.entries(n, "caps") {
		k, v := e.Key, e.Value
		f := "caps." + k.Value
		switch k.Value {
		case "overall":
			c.Overall = p.duration(v, f)
		case "measures":
			if !p.mapping(v, f, "措施到最长期限的映射，如 suspend_live: 30d", "a mapping of measure to longest duration such as suspend_live: 30d") {
				continue
			}
			c.Measures = map[qinglang.MeasureKind]time.Duration{}
			for _, e := range p.entries(v, f) {
				c.Measures[qinglang.MeasureKind(e.Key.Value)] = p.duration(e.Value, f+"."+e.Key.Value)
			}
		default:
			p.unknownKey(k, "caps", capsKeys)
		}
	}
	return c
}

func (p *parser) appeal(n *yaml.Node) Appeal {
	var a Appeal
	if !p.mapping(n, "appeal", "含 channel、channel_en 与 within 的映射", "a mapping with channel, channel_en and within") {
		return a
	}
	for _, e := range p.entries(n, "appeal") {
		k, v := e.Key, e.Value
		f := "appeal." + k.Value
		switch k.Value {
		case "channel":
			a.Channel = p.str(v, f)
		case "channel_en":
			a.ChannelEN = p.str(v, f)
		case "within":
			a.Within = p.duration(v, f)
		default:
			p.unknownKey(k, "appeal", appealKeys)
		}
	}
	return a
}
