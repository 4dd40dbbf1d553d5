package policy

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The YAML node helpers below follow package rules (rules/parse.go), whose
// helpers are unexported: the same reading of yaml.v3 node trees, so that
// policy files and rule packs report problems alike.

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

// faultLine finds the line of a syntax error. yaml.v3 reports the line
// where the enclosing block starts, which can be many lines before the
// fault, so the line is refined to the first line, from the reported one
// on, whose prefix of the document fails with the same message. When that
// cannot be found, the reported line is kept.
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

// closest returns the known key nearest to key when it is near enough to
// be a typo (edit distance at most 2, and less than half its length).
func closest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(key, k); d < bestD && 2*d < len(k) {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes (keys are
// ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
