// Package yamlnode reads YAML files through their yaml.v3 node trees, so
// that a loader can report every problem with its file, line and field
// rather than the first one only: the single document of a file and its
// syntax errors on the line at fault (Document, FaultLine), a mapping's
// entries with aliases resolved, merge keys expanded and duplicate keys
// reported (Entries), scalars and lists (String, Seq), and the messages
// for an unknown key with a suggestion when it looks like a typo
// (UnknownKey).
//
// Rule packs (package rules), policy files (package policy) and the case
// grouping (package casework) read their files with it, so they report
// problems alike.
package yamlnode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
)

// Document decodes data, which should hold one YAML document; file names
// it in problems. probs are the problems of the text itself: a syntax
// error, on the line at fault (FaultLine), or a second document. doc is
// nil when data holds no document or its first document cannot be read
// (probs then holds the syntax error); otherwise the caller reads doc,
// which Root opens, even when probs is not empty.
func Document(file string, data []byte) (doc *yaml.Node, probs qinglang.Problems) {
	add := func(line int, zh, en string) {
		probs = append(probs, qinglang.Problem{File: file, Line: line, Reason: zh, ReasonEN: en})
	}
	syntax := func(err error) {
		msg, line := SplitError(err)
		if line > 0 {
			line = FaultLine(data, line, msg)
		}
		add(line, "YAML 格式错误："+msg, "malformed YAML: "+msg)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if !errors.Is(err, io.EOF) {
			syntax(err)
		}
		return nil, probs
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		syntax(err)
	default:
		add(next.Line, "一个文件只能包含一个 YAML 文档（去掉 ---）", "a file holds one YAML document only (remove the ---)")
	}
	return doc, probs
}

// Root returns the top node of a document (as Document returns it) with
// aliases resolved, or nil when there is none: doc is nil, or the document
// is empty, holds only comments or is null.
func Root(doc *yaml.Node) *yaml.Node {
	root := doc
	if root == nil {
		return nil
	}
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil
		}
		root = Deref(root.Content[0])
	}
	if IsNull(root) {
		return nil
	}
	return root
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// SplitError splits a yaml.v3 error into its message and line (0 when it
// names none).
func SplitError(err error) (msg string, line int) {
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		return m[2], line
	}
	return strings.TrimPrefix(err.Error(), "yaml: "), 0
}

// FaultLine finds the line of a syntax error whose message is msg and
// which yaml.v3 reported on line reported. yaml.v3 reports the line where
// the enclosing block starts (for parser errors, counted from 0), which
// can be many lines before the fault, so the line is refined to the first
// line, from the reported one on, whose prefix of the document fails with
// the same message. When that cannot be found, the reported line is kept.
func FaultLine(data []byte, reported int, msg string) int {
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
		m, _ := SplitError(err)
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

// Entry is one entry of a mapping; Value has its aliases resolved.
type Entry struct{ Key, Value *yaml.Node }

// Entries returns the entries of mapping m with aliases resolved and merge
// keys ("<<: *base") expanded; explicit keys come after merged ones so
// that they win. A repeated explicit key is left out and reported to dup
// with its line, its field (field and the key, see Join) and the line of
// its first occurrence.
func Entries(m *yaml.Node, field string, dup func(line int, field string, firstLine int)) []Entry {
	var merged, own []Entry
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], Deref(m.Content[i+1])
		if k.Value == "<<" && k.Tag == "!!merge" {
			srcs := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, s := range srcs {
				if s = Deref(s); s.Kind == yaml.MappingNode {
					merged = append(merged, Entries(s, field, dup)...)
				}
			}
			continue
		}
		if line, ok := seen[k.Value]; ok {
			dup(k.Line, Join(field, k.Value), line)
			continue
		}
		seen[k.Value] = k.Line
		own = append(own, Entry{k, v})
	}
	out := merged[:0:0]
	for _, e := range merged {
		if _, ok := seen[e.Key.Value]; !ok {
			out = append(out, e)
		}
	}
	return append(out, own...)
}

// Deref follows aliases to the node they name.
func Deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// Join names field within prefix: "prefix.field", or field alone when
// prefix is "".
func Join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// IsNull reports whether n is a null scalar (an empty value, ~ or null).
func IsNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// String reads a scalar as text; null reads as "". ok is false when n is
// not a scalar.
func String(n *yaml.Node) (s string, ok bool) {
	switch {
	case IsNull(n):
		return "", true
	case n.Kind == yaml.ScalarNode:
		return n.Value, true
	}
	return "", false
}

// Bool reads a YAML boolean (true or false); ok is false for anything
// else, quoted "true" included.
func Bool(n *yaml.Node) (b bool, ok bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Decode(&b) == nil {
		return b, true
	}
	return false, false
}

// Seq returns the items of a sequence with aliases resolved; null is an
// empty sequence. ok is false when n is neither.
func Seq(n *yaml.Node) (items []*yaml.Node, ok bool) {
	switch {
	case IsNull(n):
		return nil, true
	case n.Kind == yaml.SequenceNode:
		items = make([]*yaml.Node, len(n.Content))
		for i, it := range n.Content {
			items[i] = Deref(it)
		}
		return items, true
	}
	return nil, false
}

// UnknownKey returns the messages, in Chinese and in English, for a key
// that is not one of known: the closest known key when key looks like a
// typo of it (Closest), else the list of known keys.
func UnknownKey(key string, known []string) (zh, en string) {
	if s := Closest(key, known); s != "" {
		return "未知的键，是否应为 " + s + "？", "unknown key; did you mean " + s + "?"
	}
	list := strings.Join(known, ", ")
	return "未知的键（可用：" + list + "）", "unknown key (known: " + list + ")"
}

// Closest returns the known key nearest to key when it is near enough to
// be a typo (edit distance at most 2, and less than half its length), or
// "".
func Closest(key string, known []string) string {
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
