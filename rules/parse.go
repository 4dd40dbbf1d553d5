package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
)

// Limits of a pack's texts.
const (
	MaxIDBytes   = 64 // a rule id, a pack name
	MaxTermRunes = 64 // a term or an exception
)

// PackVersion is the only pack format version.
const PackVersion = 1

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// Parse reads one pack from YAML bytes; file names it in problems (and in
// Pack.File). It reports every problem it can find, each with its line and
// field, not just the first. When there is any problem the pack is nil.
//
// The YAML is read through its node tree, so every key is checked: an
// unknown key (a typo such as "serverity") is a problem, as is a duplicate.
func Parse(file string, data []byte) (*Pack, Problems) {
	p := &parser{file: file}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.add(0, "", "文件为空，应包含 pack、version 与 rules", "the file is empty; it should hold pack, version and rules")
		} else {
			p.yamlErr(data, err)
		}
		return nil, p.probs
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		p.yamlErr(data, err)
	default:
		p.add(next.Line, "", "一个文件只能包含一个 YAML 文档（去掉 ---）", "a file holds one YAML document only (remove the ---)")
	}
	pack := p.pack(&doc)
	if len(p.probs) > 0 {
		p.probs.Sort()
		return nil, p.probs
	}
	pack.File = file
	return pack, nil
}

// parser collects the problems of one file.
type parser struct {
	file  string
	probs Problems
}

// add records a problem whose two messages are formatted from the same args.
func (p *parser) add(line int, field, zh, en string, args ...any) {
	p.put(line, field, fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...))
}

// put records a problem with its messages as given.
func (p *parser) put(line int, field, zh, en string) {
	p.probs = append(p.probs, Problem{File: p.file, Line: line, Field: field, Reason: zh, ReasonEN: en})
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

// yamlErr turns a YAML syntax error in data into one problem on its line.
func (p *parser) yamlErr(data []byte, err error) {
	msg, line := splitYAMLErr(err)
	if line > 0 {
		line = faultLine(data, line, msg)
	}
	p.add(line, "", "YAML 格式错误：%s", "malformed YAML: %s", msg)
}

// faultLine finds the line of a syntax error. yaml.v3 reports the line
// where the enclosing block starts (for parser errors, counted from 0),
// which can be many lines before the fault, so the line is refined to the
// first line, from the reported one on, whose prefix of the document fails
// with the same message. When that cannot be found, the reported line is
// kept.
func faultLine(data []byte, reported int, msg string) int {
	var ends []int // ends[k-1] is the offset just past line k
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(k int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(data[:ends[k-1]], &n)
		if err == nil {
			return false
		}
		m, _ := splitYAMLErr(err)
		return m == msg
	}
	lo, hi := max(reported, 1), len(ends)
	if lo > hi || !fails(hi) {
		return reported
	}
	for lo < hi {
		if mid := (lo + hi) / 2; fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// keyValue is one entry of a mapping.
type keyValue struct{ key, value *yaml.Node }

// entries returns a mapping's entries with aliases resolved and merge keys
// ("<<: *base") expanded; explicit keys come after merged ones so that
// they win. It reports duplicate explicit keys; field prefixes their names.
func (p *parser) entries(m *yaml.Node, field string) []keyValue {
	var merged, own []keyValue
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		if k.Value == "<<" && k.Tag == "!!merge" {
			srcs := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, s := range srcs {
				if s = deref(s); s.Kind == yaml.MappingNode {
					merged = append(merged, p.entries(s, field)...)
				}
			}
			continue
		}
		if line, dup := seen[k.Value]; dup {
			p.add(k.Line, join(field, k.Value), "重复的键（第 %d 行已有）", "duplicate key (already on line %d)", line)
			continue
		}
		seen[k.Value] = k.Line
		own = append(own, keyValue{k, v})
	}
	out := merged[:0:0]
	for _, e := range merged {
		if _, ok := seen[e.key.Value]; !ok {
			out = append(out, e)
		}
	}
	return append(out, own...)
}

// deref follows aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// str reads a scalar as text; null reads as "".
func (p *parser) str(n *yaml.Node, field string) string {
	switch {
	case isNull(n):
		return ""
	case n.Kind == yaml.ScalarNode:
		return n.Value
	}
	p.add(n.Line, field, "应为文本", "must be a string")
	return ""
}

// seq returns a sequence's items with aliases resolved; null is empty.
func (p *parser) seq(n *yaml.Node, field string) []*yaml.Node {
	switch {
	case isNull(n):
		return nil
	case n.Kind == yaml.SequenceNode:
		items := make([]*yaml.Node, len(n.Content))
		for i, it := range n.Content {
			items[i] = deref(it)
		}
		return items
	}
	p.add(n.Line, field, "应为列表（- 开头的各项）", "must be a list (items starting with -)")
	return nil
}

// mapping reports whether n is a mapping, with a problem when it is not.
func (p *parser) mapping(n *yaml.Node, field, what, whatEN string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	p.put(n.Line, field, "应为"+what+"（键: 值）", "must be "+whatEN+" (key: value)")
	return false
}

// unknownKey reports a key that is not one of known, suggesting the
// closest known key when there is one.
func (p *parser) unknownKey(k *yaml.Node, field string, known []string) {
	if s := closest(k.Value, known); s != "" {
		p.put(k.Line, join(field, k.Value), "未知的键，是否应为 "+s+"？", "unknown key; did you mean "+s+"?")
		return
	}
	list := strings.Join(known, ", ")
	p.put(k.Line, join(field, k.Value), "未知的键（可用："+list+"）", "unknown key (known: "+list+")")
}

var packKeys = []string{"pack", "version", "rules"}

func (p *parser) pack(doc *yaml.Node) *Pack {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = deref(root.Content[0])
	}
	if isNull(root) || (root.Kind == yaml.DocumentNode && len(root.Content) == 0) {
		p.add(0, "", "文件为空，应包含 pack、version 与 rules", "the file is empty; it should hold pack, version and rules")
		return nil
	}
	if !p.mapping(root, "", "包含 pack、version 与 rules 的映射", "a mapping with pack, version and rules") {
		return nil
	}
	pack := &Pack{}
	var hasPack, hasVersion bool
	for _, e := range p.entries(root, "") {
		k, v := e.key, e.value
		switch k.Value {
		case "pack":
			hasPack = true
			pack.Name = p.str(v, "pack")
			p.checkID(v.Line, "pack", pack.Name, "规则包名", "pack name")
		case "version":
			hasVersion = true
			n, err := strconv.Atoi(p.str(v, "version"))
			if err != nil || n != PackVersion {
				p.add(v.Line, "version", "版本须为 %d，而不是 %q", "the version must be %d, not %q", PackVersion, v.Value)
			}
			pack.Version = n
		case "rules":
			pack.Rules = p.rules(v)
		default:
			p.unknownKey(k, "", packKeys)
		}
	}
	if !hasPack {
		p.add(root.Line, "pack", "缺少规则包名", "missing: the pack's name")
	}
	if !hasVersion {
		p.add(root.Line, "version", "缺少版本（应为 %d）", "missing: the format version (%d)", PackVersion)
	}
	return pack
}

// checkID checks a rule id or a pack name; what and whatEN name it.
func (p *parser) checkID(line int, field, id, what, whatEN string) {
	switch {
	case id == "":
		p.put(line, field, what+"不能为空", "the "+whatEN+" must not be empty")
	case len(id) > MaxIDBytes:
		p.put(line, field, fmt.Sprintf("%s最长 %d 字节，%q 有 %d 字节", what, MaxIDBytes, id, len(id)),
			fmt.Sprintf("the %s is at most %d bytes; %q has %d", whatEN, MaxIDBytes, id, len(id)))
	case !idRE.MatchString(id):
		p.put(line, field, fmt.Sprintf("%s %q 只能含小写字母、数字与 . _ -，且须以字母或数字开头", what, id),
			fmt.Sprintf("the %s %q may hold only a-z, 0-9, '.', '_' and '-', and must start with a letter or digit", whatEN, id))
	}
}

func (p *parser) rules(n *yaml.Node) []Rule {
	items := p.seq(n, "rules")
	out := make([]Rule, 0, len(items))
	first := map[string]int{} // id → line of its first rule
	for i, it := range items {
		field := fmt.Sprintf("rules[%d]", i)
		if !p.mapping(it, field, "一条规则的映射", "a rule mapping") {
			continue
		}
		r := p.rule(it)
		if r.ID != "" {
			if line, dup := first[r.ID]; dup {
				p.add(r.Line, "id", "规则 id %q 在本文件中重复（第 %d 行已有）", "rule id %q is repeated in this file (first on line %d)", r.ID, line)
			} else {
				first[r.ID] = r.Line
			}
		}
		out = append(out, r)
	}
	return out
}

// knownKind reports whether k is a finding kind a rule may have.
func knownKind(k qinglang.Kind) bool {
	switch k {
	case qinglang.KindClaim, qinglang.KindListing, qinglang.KindCampaign, qinglang.KindQualification:
		return true
	}
	return false
}
