package casework

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
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
	doc, probs := yamlnode.Document(l.file, data)
	l.probs = append(l.probs, probs...)
	root := yamlnode.Root(doc)
	if root == nil {
		return g
	}
	if root.Kind != yaml.MappingNode {
		l.add(root.Line, "", "应为映射（键: 值），可含 %s", "must be a mapping (key: value) of %s", strings.Join(groupingKeys, ", "))
		return g
	}
	// The keys are read one by one rather than with yamlnode.Entries: a
	// grouping has no merge keys ("<<" is an unknown key).
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], yamlnode.Deref(root.Content[i+1])
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
		if yamlnode.IsNull(v) {
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
		it = yamlnode.Deref(it)
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
