package rules

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qinglang/qinglang"
)

// rulePack returns a valid pack named name with one rule per id, each of
// the given severity.
func rulePack(name string, severity qinglang.Severity, ids ...string) string {
	var b strings.Builder
	b.WriteString("pack: " + name + "\nversion: 1\nrules:\n")
	for _, id := range ids {
		b.WriteString(`  - id: ` + id + `
    kind: claim
    claim_type: quality
    severity: ` + string(severity) + `
    terms: [最好]
    basis: 广告法第九条
    basis_en: Advertising Law, art. 9
    message: 绝对化用语
    message_en: absolute terms
    examples:
      match: [{text: 最好的}]
      no_match: [{text: 很好的}]
`)
	}
	return b.String()
}

// testDefault stands for the embedded default pack in tests that must not
// depend on what it holds.
var testDefault = fstest.MapFS{"d/00.yaml": {Data: []byte(rulePack("default", qinglang.SeverityHigh, "t.def"))}}

func loadTest(dirs ...string) (*Set, error) { return load(testDefault, "d", "d", dirs) }

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestLoadDefault(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatalf("the embedded default pack is invalid:\n%v", err)
	}
	if len(set.Packs) == 0 || len(set.Files) == 0 || len(set.Overridden) != 0 {
		t.Errorf("set = %+v", set)
	}
	for _, f := range set.Files {
		if !strings.HasPrefix(f, "rules/packs/default/") {
			t.Errorf("default file named %q", f)
		}
	}
	if !slices.IsSortedFunc(set.Rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("rules not sorted by id")
	}
	for _, r := range set.Rules {
		if got, ok := set.Rule(r.ID); !ok || got.ID != r.ID {
			t.Errorf("Rule(%q) = %v", r.ID, ok)
		}
	}
	alone, err := LoadFS(Default, DefaultDir)
	if err != nil || len(alone.Rules) != len(set.Rules) {
		t.Errorf("LoadFS(Default): %d rules, %v", len(alone.Rules), err)
	}
}

func TestLoadOverride(t *testing.T) {
	base, user := t.TempDir(), t.TempDir()
	writeFile(t, base, "10-a.yaml", rulePack("base", qinglang.SeverityHigh, "t.one", "t.two"))
	writeFile(t, base, "20-b.yml", rulePack("base", qinglang.SeverityHigh, "t.three"))
	writeFile(t, base, "notes.txt", "not a pack")
	writeFile(t, base, ".#10-a.yaml", "editor junk: [")
	if err := os.Mkdir(filepath.Join(base, "sub.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	userFile := writeFile(t, user, "x.yaml", rulePack("user", qinglang.SeverityLow, "t.two", "t.zero", "t.def"))

	set, err := loadTest(base, user)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(set.Overridden, []string{"t.def", "t.two"}) {
		t.Errorf("Overridden = %v", set.Overridden)
	}
	if !slices.Equal(set.Packs, []string{"default", "base", "user"}) {
		t.Errorf("Packs = %v", set.Packs)
	}
	if len(set.Files) != 4 || set.Files[0] != "d/00.yaml" || set.Files[3] != userFile {
		t.Errorf("Files = %v", set.Files)
	}
	r, ok := set.Rule("t.two")
	if !ok || r.Severity != qinglang.SeverityLow || set.File("t.two") != userFile || r.Line != 4 {
		t.Errorf("t.two = %+v from %s", r, set.File("t.two"))
	}
	for _, id := range []string{"t.zero", "t.one", "t.three", "t.def"} {
		if _, ok := set.Rule(id); !ok {
			t.Errorf("rule %s missing", id)
		}
	}
	if _, ok := set.Rule("t.nope"); ok {
		t.Error("Rule(t.nope) found")
	}
	var ids []string
	for _, r := range set.Rules {
		if strings.HasPrefix(r.ID, "t.") {
			ids = append(ids, r.ID)
		}
	}
	if !slices.Equal(ids, []string{"t.def", "t.one", "t.three", "t.two", "t.zero"}) {
		t.Errorf("ids = %v", ids)
	}
}

func TestLoadBrokenPack(t *testing.T) {
	good, bad := t.TempDir(), t.TempDir()
	writeFile(t, good, "a.yaml", rulePack("good", qinglang.SeverityHigh, "t.one"))
	text := strings.Replace(rulePack("bad", qinglang.SeverityHigh, "t.one"), "severity: high", "serverity: high", 1)
	badFile := writeFile(t, bad, "b.yaml", text)
	writeFile(t, bad, "c.yaml", "pack: c\nversion: 2\n")

	set, err := loadTest(good, bad)
	if set != nil {
		t.Errorf("a broken pack returned a set: %+v", set)
	}
	var probs Problems
	if !errors.As(err, &probs) {
		t.Fatalf("error %T, want Problems: %v", err, err)
	}
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("code = %q", qinglang.Code(err))
	}
	want := map[string]bool{badFile + ":7:serverity": false, badFile + ":4:severity": false,
		filepath.Join(bad, "c.yaml") + ":2:version": false}
	for _, p := range probs {
		key := p.File + ":" + strconv.Itoa(p.Line) + ":" + p.Field
		if _, ok := want[key]; ok {
			want[key] = true
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("no problem %s in:\n%v", k, err)
		}
	}
	if !strings.Contains(err.Error(), badFile+":7: 字段 serverity：") {
		t.Errorf("error text:\n%v", err)
	}
}

func TestLoadMissingDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	set, err := loadTest(dir)
	var probs Problems
	if set != nil || !errors.As(err, &probs) || len(probs) != 1 || probs[0].File != dir || !strings.Contains(probs[0].ReasonEN, dir) {
		t.Errorf("Load(missing) = %v, %v", set, err)
	}
}

func TestLoadFSDuplicateAcrossFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"p/1.yaml": {Data: []byte(rulePack("one", qinglang.SeverityHigh, "t.a"))},
		"p/2.yaml": {Data: []byte(rulePack("two", qinglang.SeverityLow, "t.a"))},
	}
	set, err := LoadFS(fsys, "p")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) != 1 || set.Rules[0].Severity != qinglang.SeverityLow || set.File("t.a") != "p/2.yaml" ||
		!slices.Equal(set.Overridden, []string{"t.a"}) {
		t.Errorf("set = %+v", set)
	}
	// The same id twice in one file is a problem, not an override.
	fsys["p/3.yaml"] = &fstest.MapFile{Data: []byte(rulePack("three", qinglang.SeverityLow, "t.b", "t.b"))}
	if _, err := LoadFS(fsys, "p"); err == nil || !strings.Contains(err.Error(), "p/3.yaml:16: 字段 id") {
		t.Errorf("duplicate in one file: %v", err)
	}
}
