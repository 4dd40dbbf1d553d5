package casework

import (
	"bytes"
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

// LoadGrouping reads a Grouping from YAML; name names the file in
// problems. Every key is optional (an empty file is the default grouping):
//
//	subjects: [host, room]   # kinds of subject that cases are about
//	window: 30d              # days ("30d") or a Go duration ("720h")
//	min_severity: medium     # low, medium, high or critical
//
// Unknown and repeated keys are problems, as are empty values. Every
// problem found is reported with its line and field, as qinglang.Problems
// (qinglang.Code: EINVALID); a reader that fails gives EUNAVAILABLE.
func LoadGrouping(name string, r io.Reader) (Grouping, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Grouping{}, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法读取案件归并配置 %s", "cannot read the case grouping %s", name)
	}
	l := &loader{file: name, lines: map[string]int{}}
	g := l.parse(data)
	if err := g.Validate(); err != nil {
		reported := map[string]bool{}
		for _, p := range l.probs {
			reported[p.Field] = true
		}
		for _, p := range err.(qinglang.Problems) {
			if !reported[p.Field] {
				p.File, p.Line = name, l.lines[p.Field]
				l.probs = append(l.probs, p)
			}
		}
	}
	if len(l.probs) > 0 {
		l.probs.Sort()
		return Grouping{}, l.probs
	}
	return g, nil
}

// loader collects the problems of one file and the line of each field.
type loader struct {
	file  string
	probs qinglang.Problems
	lines map[string]int
}

func (l *loader) add(line int, field, zh, en string, args ...any) {
	l.probs = append(l.probs, qinglang.Problem{File: l.file, Line: line, Field: field,
		Reason: fmt.Sprintf(zh, args...), ReasonEN: fmt.Sprintf(en, args...)})
}

var groupingKeys = []string{"subjects", "window", "min_severity"}

// parse reads the grouping; the defaults stand for absent keys.
func (l *loader) parse(data []byte) Grouping {
	g := DefaultGrouping()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if !errors.Is(err, io.EOF) {
			l.yamlErr(data, err)
		}
		return g
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		l.yamlErr(data, err)
	default:
		l.add(next.Line, "", "一个文件只能包含一个 YAML 文档（去掉 ---）", "a file holds one YAML document only (remove the ---)")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = deref(root.Content[0])
	}
	if root.Kind == yaml.DocumentNode || isNull(root) {
		return g
	}
	if root.Kind != yaml.MappingNode {
		l.add(root.Line, "", "应为映射（键: 值），可含 %s", "must be a mapping (key: value) of %s", strings.Join(groupingKeys, ", "))
		return g
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		if line, dup := seen[k.Value]; dup {
			l.add(k.Line, k.Value, "重复的键（第 %d 行已有）", "duplicate key (already on line %d)", line)
			continue
		}
		seen[k.Value] = k.Line
		l.lines[k.Value] = v.Line
		if !slices.Contains(groupingKeys, k.Value) {
			l.add(k.Line, k.Value, "未知的键（可用：%s）", "unknown key (known: %s)", strings.Join(groupingKeys, ", "))
			continue
		}
		if isNull(v) {
			l.add(v.Line, k.Value, "值为空（删去该键即用默认值）", "empty value (remove the key to use the default)")
			continue
		}
		switch k.Value {
		case "subjects":
			g.Subjects = l.subjects(v)
		case "window":
			if s, ok := l.scalar(v, "window"); ok {
				w, err := ParseWindow(s)
				var e *qinglang.Error
				if errors.As(err, &e) {
					l.probs = append(l.probs, qinglang.Problem{File: l.file, Line: v.Line, Field: "window",
						Reason: e.Message, ReasonEN: e.MessageEN})
				}
				g.Window = w
			}
		case "min_severity":
			if s, ok := l.scalar(v, "min_severity"); ok {
				g.MinSeverity = qinglang.Severity(s)
			}
		}
	}
	return g
}

// subjects reads the list of subject kinds.
func (l *loader) subjects(n *yaml.Node) []qinglang.SubjectKind {
	if n.Kind != yaml.SequenceNode {
		l.add(n.Line, "subjects", "应为列表（如 [host, room]）", "must be a list (e.g. [host, room])")
		return nil
	}
	if len(n.Content) == 0 {
		l.add(n.Line, "subjects", "至少需要一种主体类型（可用：%s）", "needs at least one subject kind (known: %s)", kindList())
		return nil
	}
	out := make([]qinglang.SubjectKind, 0, len(n.Content))
	for i, it := range n.Content {
		field := fmt.Sprintf("subjects[%d]", i)
		it = deref(it)
		l.lines[field] = it.Line
		s, _ := l.scalar(it, field)
		out = append(out, qinglang.SubjectKind(s))
	}
	return out
}

// scalar reads a scalar as text.
func (l *loader) scalar(n *yaml.Node, field string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		l.add(n.Line, field, "应为单个值", "must be a single value")
		return "", false
	}
	return n.Value, true
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

// yamlErr turns a YAML syntax error in data into a problem on its line.
// yaml.v3 may name a line before the fault (the start of the enclosing
// block, or a line counted from 0), so the line is moved on to the first
// line, from the one named, whose prefix of the file fails with the same
// message (as package rules does).
func (l *loader) yamlErr(data []byte, err error) {
	msg, line := splitYAMLErr(err)
	var ends []int // ends[k-1] is the offset just past line k
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	ends = append(ends, len(data))
	for k := max(line, 1); line > 0 && k <= len(ends); k++ {
		var n yaml.Node
		if e := yaml.Unmarshal(data[:ends[k-1]], &n); e != nil {
			if m, _ := splitYAMLErr(e); m == msg {
				line = k
				break
			}
		}
	}
	l.add(line, "", "YAML 格式错误：%s", "malformed YAML: %s", msg)
}

// deref follows aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// ParseWindow reads a window: a whole number of days with the suffix d
// ("30d"), or a Go duration ("720h", "90m"). It must be positive.
func ParseWindow(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n > int(maxDays) {
			return 0, qinglang.Errorf(qinglang.EINVALID, "时间窗 %q 应为天数（如 30d）", "the window %q should be a number of days (e.g. 30d)", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, qinglang.Errorf(qinglang.EINVALID, "时间窗 %q 应为天数（如 30d）或时长（如 720h）",
				"the window %q should be days (e.g. 30d) or a duration (e.g. 720h)", s)
		}
	}
	if d <= 0 {
		return 0, qinglang.Errorf(qinglang.EINVALID, "时间窗 %q 须为正数", "the window %q must be positive", s)
	}
	return d, nil
}

// maxDays keeps a window in days within a time.Duration.
const maxDays = int64(1<<63-1) / int64(24*time.Hour)
