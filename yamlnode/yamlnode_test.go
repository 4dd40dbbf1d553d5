package yamlnode

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// parse decodes text that must be valid YAML.
func parse(t *testing.T, text string) *yaml.Node {
	t.Helper()
	doc, probs := Document("t.yaml", []byte(text))
	if len(probs) > 0 || doc == nil {
		t.Fatalf("Document(%q) = %v, %v", text, doc, probs)
	}
	return doc
}

func TestDocument(t *testing.T) {
	tests := []struct {
		name, text string
		doc        bool   // whether a document is returned
		line       int    // of the one problem; -1 for none
		says       string // part of its English reason
	}{
		{"one document", "a: 1\n", true, -1, ""},
		{"empty", "", false, -1, ""},
		{"only a comment", "# nothing\n", false, -1, ""},
		{"two documents", "a: 1\n---\nb: 2\n", true, 2, "one YAML document only (remove the ---)"},
		{"bad indentation", "a: 1\nb:\n  - x\n c: 2\n", false, 4, "malformed YAML: "},
		{"unclosed list", "window: 7d\nsubjects: [host, room\nmin_severity: low\n", false, 2, "malformed YAML: did not find expected ',' or ']'"},
		{"tab", "a: 1\n\tb: 2\n", false, 2, "malformed YAML: found a tab character"},
		{"error in the second document", "a: 1\n---\nb: [\n", true, 3, "malformed YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, probs := Document("t.yaml", []byte(tt.text))
			if (doc != nil) != tt.doc {
				t.Errorf("document = %v, want one: %v", doc, tt.doc)
			}
			if tt.line < 0 {
				if len(probs) > 0 {
					t.Errorf("problems = %v, want none", probs)
				}
				return
			}
			if len(probs) != 1 {
				t.Fatalf("problems = %v, want one", probs)
			}
			p := probs[0]
			if p.File != "t.yaml" || p.Line != tt.line || p.Field != "" || !strings.Contains(p.ReasonEN, tt.says) {
				t.Errorf("problem = %+v, want line %d (%s)", p, tt.line, tt.says)
			}
			if strings.HasPrefix(p.ReasonEN, "malformed YAML: ") &&
				p.Reason != "YAML 格式错误："+strings.TrimPrefix(p.ReasonEN, "malformed YAML: ") {
				t.Errorf("Chinese reason %q does not match %q", p.Reason, p.ReasonEN)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	if r := Root(nil); r != nil {
		t.Errorf("Root(nil) = %v", r)
	}
	if r := Root(&yaml.Node{Kind: yaml.DocumentNode}); r != nil {
		t.Errorf("Root(empty document) = %v", r)
	}
	for _, text := range []string{"~\n", "null\n", "---\n", "# nothing\n---\n"} {
		if doc := parse(t, text); Root(doc) != nil {
			t.Errorf("Root(%q) = %v, want nil", text, Root(doc))
		}
	}
	r := Root(parse(t, "a: 1\n"))
	if r == nil || r.Kind != yaml.MappingNode || r.Line != 1 {
		t.Errorf("Root = %+v, want the mapping", r)
	}
	if r := Root(parse(t, "--- &top [1]\n")); r == nil || r.Kind != yaml.SequenceNode {
		t.Errorf("Root = %+v, want the sequence", r)
	}
}

func TestSplitError(t *testing.T) {
	msg, line := SplitError(errors.New("yaml: line 7: did not find expected key"))
	if msg != "did not find expected key" || line != 7 {
		t.Errorf("split = %q, %d", msg, line)
	}
	msg, line = SplitError(errors.New("yaml: control characters are not allowed"))
	if msg != "control characters are not allowed" || line != 0 {
		t.Errorf("split = %q, %d", msg, line)
	}
}

// FaultLine moves a syntax error from where yaml.v3 reports it to the line
// at fault.
func TestFaultLine(t *testing.T) {
	data := []byte("a:\n  b: 1\n  c: 2\n  d: [3\n  e: 4\n")
	var n yaml.Node
	msg, reported := SplitError(yaml.Unmarshal(data, &n))
	if got := FaultLine(data, reported, msg); got != 4 {
		t.Errorf("FaultLine(%d, %q) = %d, want 4", reported, msg, got)
	}
	if got := FaultLine([]byte("a: 1\n"), 9, "x"); got != 9 {
		t.Errorf("FaultLine kept %d, want the reported 9", got)
	}
	if got := FaultLine([]byte("a: 1\nb: 2"), 1, "x"); got != 1 {
		t.Errorf("FaultLine = %d, want the reported 1 (no prefix fails)", got)
	}
}

// entries lists the entries of the mapping at key in (the top mapping
// when key is "") as "key=value@line", and the duplicates reported as
// "field@line(first line)".
func entries(t *testing.T, text, key, field string) (got, dups []string) {
	t.Helper()
	m := Root(parse(t, text))
	if key != "" {
		for _, e := range Entries(m, "", nil) {
			if e.Key.Value == key {
				m = e.Value
			}
		}
	}
	for _, e := range Entries(m, field, func(line int, field string, first int) {
		dups = append(dups, fmt.Sprintf("%s@%d(%d)", field, line, first))
	}) {
		got = append(got, fmt.Sprintf("%s=%s@%d", e.Key.Value, e.Value.Value, e.Value.Line))
	}
	return got, dups
}

func TestEntries(t *testing.T) {
	tests := []struct {
		name, text, key, field string
		want, dups             []string
	}{
		{"plain", "a: 1\nb: 2\n", "", "", []string{"a=1@1", "b=2@2"}, nil},
		{"duplicate", "a: 1\nb: 2\na: 3\n", "", "", []string{"a=1@1", "b=2@2"}, []string{"a@3(1)"}},
		{"duplicate with a prefix", "a: 1\na: 2\n", "", "caps", []string{"a=1@1"}, []string{"caps.a@2(1)"}},
		{"alias", "a: &x 1\nb: *x\n", "", "", []string{"a=1@1", "b=1@1"}, nil},
		{"merged keys first, explicit ones win", "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "m", "m",
			[]string{"x=1@1", "y=3@4"}, nil},
		{"merge of a list", "p: &p {x: 1}\nq: &q {z: 2}\nm:\n  <<: [*p, *q]\n  w: 3\n", "m", "m",
			[]string{"x=1@1", "z=2@2", "w=3@5"}, nil},
		{"duplicate in a merged mapping", "base: &b {x: 1, x: 2}\nm:\n  <<: *b\n", "m", "m",
			[]string{"x=1@1"}, []string{"m.x@1(1)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dups := entries(t, tt.text, tt.key, tt.field)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries = %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(dups, tt.dups) {
				t.Errorf("duplicates = %v, want %v", dups, tt.dups)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	if got := Join("", "a"); got != "a" {
		t.Errorf("Join = %q", got)
	}
	if got := Join("ladder[1]", "at"); got != "ladder[1].at" {
		t.Errorf("Join = %q", got)
	}
}

func TestStringAndSeq(t *testing.T) {
	root := Root(parse(t, "s: text\nn:\nl: [a, &b b, *b]\nm: {k: v}\n"))
	nodes := map[string]*yaml.Node{}
	for _, e := range Entries(root, "", nil) {
		nodes[e.Key.Value] = e.Value
	}
	for _, tt := range []struct {
		key  string
		want string
		ok   bool
	}{{"s", "text", true}, {"n", "", true}, {"l", "", false}, {"m", "", false}} {
		if s, ok := String(nodes[tt.key]); s != tt.want || ok != tt.ok {
			t.Errorf("String(%s) = %q, %v; want %q, %v", tt.key, s, ok, tt.want, tt.ok)
		}
	}
	if items, ok := Seq(nodes["n"]); items != nil || !ok {
		t.Errorf("Seq(null) = %v, %v", items, ok)
	}
	if items, ok := Seq(nodes["s"]); items != nil || ok {
		t.Errorf("Seq(scalar) = %v, %v", items, ok)
	}
	items, ok := Seq(nodes["l"])
	if !ok || len(items) != 3 || items[2].Kind != yaml.ScalarNode || items[2].Value != "b" {
		t.Errorf("Seq(list) = %v, %v; want three scalars, the alias resolved", items, ok)
	}
	if !IsNull(nodes["n"]) || IsNull(nodes["s"]) {
		t.Errorf("IsNull is wrong")
	}
}

func TestUnknownKey(t *testing.T) {
	known := []string{"pack", "version", "rules"}
	zh, en := UnknownKey("verison", known)
	if zh != "未知的键，是否应为 version？" || en != "unknown key; did you mean version?" {
		t.Errorf("UnknownKey = %q, %q", zh, en)
	}
	zh, en = UnknownKey("colour", known)
	if zh != "未知的键（可用：pack, version, rules）" || en != "unknown key (known: pack, version, rules)" {
		t.Errorf("UnknownKey = %q, %q", zh, en)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"id", "kind", "severity", "terms", "examples"}
	tests := []struct{ key, want string }{
		{"serverity", "severity"}, // one edit
		{"term", "terms"},
		{"exampels", "examples"}, // two edits in eight letters
		{"kinds", "kind"},
		{"ids", ""}, // one edit in two letters is too far
		{"colour", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.key, known); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if d := distance("kitten", "sitting"); d != 3 {
		t.Errorf("distance = %d", d)
	}
}

func TestBool(t *testing.T) {
	for _, tt := range []struct {
		src   string
		b, ok bool
	}{{"true", true, true}, {"false", false, true}, {`"true"`, false, false}, {"yes", false, false}, {"1", false, false}, {"[true]", false, false}} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+tt.src), &doc); err != nil {
			t.Fatal(err)
		}
		b, ok := Bool(doc.Content[0].Content[1])
		if b != tt.b || ok != tt.ok {
			t.Errorf("%s: got %v %v, want %v %v", tt.src, b, ok, tt.b, tt.ok)
		}
	}
}
