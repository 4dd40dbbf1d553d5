package rules

import (
	"fmt"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
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
// The pack's rules are as written: their terms, patterns and exceptions
// may still hold lexicon references ({@name}), whose lexicons may be
// defined by another pack. Merge (and Load) expands them; a rule with
// references must go through Merge before it is compiled.
//
// The YAML is read through its node tree, so every key is checked: an
// unknown key (a typo such as "serverity") is a problem, as is a duplicate.
func Parse(file string, data []byte) (*Pack, Problems) {
	doc, probs := yamlnode.Document(file, data)
	p := &parser{file: file, probs: probs}
	if doc == nil && len(probs) > 0 { // the first document cannot be read
		return nil, p.probs
	}
	pack := p.pack(doc)
	if len(p.probs) > 0 {
		p.probs.Sort()
		return nil, p.probs
	}
	pack.File = file
	pack.refLines = p.refLines
	return pack, nil
}

// parser collects the problems of one file.
type parser struct {
	file  string
	probs Problems
	// ruleIndex is the index of the rule being read; refLines the lines
	// of the rule items that hold lexicon references (Pack.refLines).
	ruleIndex int
	refLines  map[string]int
}

// add records a problem whose two messages are formatted from the same args.
func (p *parser) add(line int, field, zh, en string, args ...any) {
	p.put(line, field, fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...))
}

// put records a problem with its messages as given.
func (p *parser) put(line int, field, zh, en string) {
	p.probs = append(p.probs, Problem{File: p.file, Line: line, Field: field, Reason: zh, ReasonEN: en})
}

// str reads a scalar as text; null reads as "".
func (p *parser) str(n *yaml.Node, field string) string {
	s, ok := yamlnode.String(n)
	if !ok {
		p.add(n.Line, field, "应为文本", "must be a string")
	}
	return s
}

// seq returns a sequence's items with aliases resolved; null is empty.
func (p *parser) seq(n *yaml.Node, field string) []*yaml.Node {
	items, ok := yamlnode.Seq(n)
	if !ok {
		p.add(n.Line, field, "应为列表（- 开头的各项）", "must be a list (items starting with -)")
	}
	return items
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
	zh, en := yamlnode.UnknownKey(k.Value, known)
	p.put(k.Line, yamlnode.Join(field, k.Value), zh, en)
}

// entries returns a mapping's entries (yamlnode.Entries), reporting
// duplicate keys; field prefixes their names.
func (p *parser) entries(m *yaml.Node, field string) []yamlnode.Entry {
	return yamlnode.Entries(m, field, func(line int, field string, first int) {
		p.add(line, field, "重复的键（第 %d 行已有）", "duplicate key (already on line %d)", first)
	})
}

var packKeys = []string{"pack", "version", "lexicons", "guards", "rules"}

func (p *parser) pack(doc *yaml.Node) *Pack {
	root := yamlnode.Root(doc)
	if root == nil {
		p.add(0, "", "文件为空，应包含 pack、version 与 rules", "the file is empty; it should hold pack, version and rules")
		return nil
	}
	if !p.mapping(root, "", "包含 pack、version 与 rules 的映射", "a mapping with pack, version and rules") {
		return nil
	}
	pack := &Pack{}
	var hasPack, hasVersion bool
	for _, e := range p.entries(root, "") {
		k, v := e.Key, e.Value
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
		case "lexicons":
			pack.Lexicons, pack.lexLines = p.lexicons(v)
		case "guards":
			pack.Guards = p.guardSets(v)
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
		p.ruleIndex = len(out)
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
