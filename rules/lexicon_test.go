package rules

import (
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
)

// lexPack defines lexicons and uses them in every kind of field.
const lexPack = `pack: lex
version: 1
lexicons:
  disease: [高血压, 痛风]
  cured: [就好了, 都好了]
  illness: ["@disease", 失眠, 痛风]
  unit: [斤, 公斤]
  question: [吗, 没有]
rules:
  - id: grid
    kind: claim
    claim_type: function
    severity: critical
    terms: ["{@illness}克星", 包治百病]
    patterns: ["{@disease}{GAP:3}{@cured}", "瘦了{N}{@unit}", "{N}天瘦{N}斤"]
    exceptions: ["{@illness}{@cured}{@question}"]
    basis: 广告法第十七条
    basis_en: Advertising Law, art. 17
    message: 疾病治疗宣称
    message_en: a disease claim
    examples:
      match: [{text: 痛风都好了}]
      no_match: [{text: 痛风都好了吗}]
  - id: plain
    kind: claim
    claim_type: quality
    severity: medium
    terms: [最好, 最好]
    basis: 广告法第九条
    basis_en: Advertising Law, art. 9
    message: 绝对化用语
    message_en: absolute terms
    examples:
      match: [{text: 最好的}]
      no_match: [{text: 很好的}]
`

func mustParse(t *testing.T, file, text string) *Pack {
	t.Helper()
	p, probs := Parse(file, []byte(text))
	if len(probs) > 0 {
		t.Fatalf("%s:\n%v", file, probs)
	}
	return p
}

func TestLexiconParse(t *testing.T) {
	p := mustParse(t, "lex.yaml", lexPack)
	if got := p.Lexicons["illness"]; !slices.Equal(got, []string{"@disease", "失眠", "痛风"}) {
		t.Errorf("illness as written = %q", got)
	}
	if got := p.Rules[0].Patterns[0]; got != "{@disease}{GAP:3}{@cured}" {
		t.Errorf("Parse expanded the pattern: %q", got)
	}
}

func TestMergeExpands(t *testing.T) {
	set, err := Merge(mustParse(t, "lex.yaml", lexPack))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Rule("grid")
	want := map[string][]string{
		"terms": {"高血压克星", "痛风克星", "失眠克星", "包治百病"}, // 痛风 once: includes are deduplicated
		"patterns": {"高血压{GAP:3}就好了", "高血压{GAP:3}都好了", "痛风{GAP:3}就好了", "痛风{GAP:3}都好了",
			"瘦了{N}斤", "瘦了{N}公斤", "{N}天瘦{N}斤"},
	}
	if !slices.Equal(r.Terms, want["terms"]) {
		t.Errorf("terms = %q", r.Terms)
	}
	if !slices.Equal(r.Patterns, want["patterns"]) {
		t.Errorf("patterns = %q", r.Patterns)
	}
	if len(r.Exceptions) != 3*2*2 || r.Exceptions[0] != "高血压就好了吗" || r.Exceptions[11] != "失眠都好了没有" {
		t.Errorf("exceptions = %q", r.Exceptions)
	}
	if plain, _ := set.Rule("plain"); !slices.Equal(plain.Terms, []string{"最好", "最好"}) {
		t.Errorf("a rule without references changed: %q", plain.Terms)
	}
	if got := set.Lexicons["illness"]; !slices.Equal(got, []string{"高血压", "痛风", "失眠"}) {
		t.Errorf("resolved illness = %q", got)
	}
	for _, r := range set.Rules {
		for _, s := range slices.Concat(r.Terms, r.Patterns, r.Exceptions) {
			if strings.Contains(s, "{@") {
				t.Errorf("%s: %q not expanded", r.ID, s)
			}
		}
	}
}

// TestParseRoundTripLexicons: lexicons written back by yaml.Marshal read
// the same.
func TestParseRoundTripLexicons(t *testing.T) {
	p := mustParse(t, "a.yaml", lexPack)
	out, err := yaml.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	again := mustParse(t, "a.yaml", string(out))
	if !reflect.DeepEqual(p.Lexicons, again.Lexicons) || !reflect.DeepEqual(p.Rules[0].Patterns, again.Rules[0].Patterns) {
		t.Errorf("round trip:\n%v\n%v", p.Lexicons, again.Lexicons)
	}
}

// problemAt reports whether probs hold a problem in file on the line of
// at (in text), about field, whose English reason holds reason.
func problemAt(t *testing.T, probs Problems, file, text, at, field, reason string) {
	t.Helper()
	want := lineOf(t, text, at)
	for _, p := range probs {
		if p.File == file && p.Line == want && p.Field == field && strings.Contains(p.ReasonEN, reason) && p.Reason != "" {
			return
		}
	}
	t.Errorf("want %s:%d field %s (%s); got:\n%v", file, want, field, reason, probs)
}

func TestLexiconParseProblems(t *testing.T) {
	tests := []struct {
		name, old, new, at, field, reason string
	}{
		{"name", "  unit: [斤, 公斤]", "  Unit: [斤, 公斤]", "Unit:", "lexicons.Unit", "may hold only a-z"},
		{"empty", "  unit: [斤, 公斤]", "  unit: []", "unit: []", "lexicons.unit", "is empty"},
		{"null", "  unit: [斤, 公斤]", "  unit:", "unit:", "lexicons.unit", "is empty"},
		{"not a list", "  unit: [斤, 公斤]", "  unit: 斤", "unit: 斤", "lexicons.unit", "must be a list of words"},
		{"not a mapping", "lexicons:\n", "lexicons: [a]\nx:\n", "lexicons:", "lexicons", "a mapping of lexicon names"},
		{"blank word", "[斤, 公斤]", "[斤, ' ']", "unit:", "lexicons.unit[1]", "must not be empty"},
		{"braces", "[斤, 公斤]", `[斤, "{N}斤"]`, "unit:", "lexicons.unit[1]", "may not hold { or }"},
		{"bad include", `"@disease", 失眠`, `"@Disease", 失眠`, "illness:", "lexicons.illness[0]", "not a lexicon reference"},
		{"word too long", "[斤, 公斤]", "[斤, " + strings.Repeat("斤", 65) + "]", "unit:", "lexicons.unit[1]", "at most 64 runes"},
		{"duplicate", "  question: [吗, 没有]", "  question: [吗, 没有]\n  unit: [两]", "unit: [两]", "lexicons.unit", "duplicate key"},
		{"unclosed reference", `"{@illness}克星"`, `"{@illness克星"`, "terms:", "terms[0]", "no closing }"},
		{"reference name", `"{@disease}{GAP:3}{@cured}"`, `"{@Disease}{GAP:3}{@cured}"`, "patterns:", "patterns[0]", "a lexicon name holds only"},
		{"pattern around references", `"{@disease}{GAP:3}{@cured}"`, `"{@disease}{GAP:3}"`, "patterns:", "patterns[0]", "cannot begin or end with {GAP:k}"},
		{"placeholders touch", `"瘦了{N}{@unit}"`, `"瘦了{N}{GAP:2}{@unit}"`, "patterns:", "patterns[1]", "follows another placeholder"},
		{"exception reference", `"{@illness}{@cured}{@question}"`, `"{@illness}{@cured}{@question"`, "exceptions:", "exceptions[0]", "no closing }"},
		{"top-level typo", "lexicons:\n", "lexicon:\n", "lexicon:", "lexicon", "did you mean lexicons?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(lexPack, tt.old) {
				t.Fatalf("%q not in the test pack", tt.old)
			}
			text := strings.Replace(lexPack, tt.old, tt.new, 1)
			pack, probs := Parse("rules/x.yaml", []byte(text))
			if pack != nil {
				t.Errorf("a pack with problems returned %+v", pack)
			}
			problemAt(t, probs, "rules/x.yaml", text, tt.at, tt.field, tt.reason)
		})
	}
}

func TestLexiconMergeProblems(t *testing.T) {
	tests := []struct {
		name, old, new, at, field, reason string
	}{
		{"unknown in a pattern", `"{@disease}{GAP:3}{@cured}"`, `"{@diseases}{GAP:3}{@cured}"`, "patterns:", "patterns[0]", `unknown lexicon "diseases"; did you mean disease?`},
		{"unknown in a term", `"{@illness}克星"`, `"{@sickness}克星"`, "terms:", "terms[0]", `unknown lexicon "sickness" (defined: cured, disease, illness, question, unit)`},
		{"unknown include", `"@disease", 失眠`, `"@diseas", 失眠`, "illness:", "lexicons.illness[0]", "did you mean disease?"},
		{"cycle", "  disease: [高血压, 痛风]", `  disease: [高血压, "@illness"]`, "illness:", "lexicons.illness[0]", "cycle: @disease → @illness → @disease"},
		{"self", "  unit: [斤, 公斤]", `  unit: [斤, "@unit"]`, "unit:", "lexicons.unit[1]", "includes itself"},
		{"expansion too long", "  unit: [斤, 公斤]", "  unit: [斤, " + strings.Repeat("斤", 63) + "]", "terms:", "terms[0]", "at most 64 runes"},
		{"expansion not a pattern", "  unit: [斤, 公斤]", "  unit: [斤, '%']", "patterns:", "patterns[1]", `"{N}{@unit}" expands to "{N}%": a pattern needs at least one letter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(lexPack, tt.old) {
				t.Fatalf("%q not in the test pack", tt.old)
			}
			text := strings.Replace(lexPack, tt.old, tt.new, 1)
			if tt.name == "expansion not a pattern" {
				text = strings.Replace(text, `"瘦了{N}{@unit}"`, `"{N}{@unit}"`, 1)
			}
			if tt.name == "expansion too long" {
				text = strings.Replace(text, `"{@illness}克星"`, `"{@illness}{@unit}"`, 1)
			}
			set, err := Merge(mustParse(t, "rules/x.yaml", text))
			if set != nil || qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("Merge = %v, %v", set, err)
			}
			problemAt(t, err.(Problems), "rules/x.yaml", text, tt.at, tt.field, tt.reason)
		})
	}
}

func TestLexiconCycleAcrossPacks(t *testing.T) {
	a := "pack: a\nversion: 1\nlexicons:\n  x: [甲, \"@y\"]\nrules: []\n"
	b := "pack: b\nversion: 1\nlexicons:\n  y: [乙, \"@x\"]\nrules: []\n"
	_, err := Merge(mustParse(t, "a.yaml", a), mustParse(t, "b.yaml", b))
	probs, _ := err.(Problems)
	if len(probs) != 1 || !strings.Contains(probs[0].ReasonEN, "cycle: @x → @y → @x") || probs[0].File != "b.yaml" || probs[0].Line != 4 {
		t.Errorf("got %v", err)
	}
}

func TestLexiconExpansionCap(t *testing.T) {
	var words []string
	for i := range 150 {
		words = append(words, "词"+strings.Repeat("a", i%20)+string(rune('甲'+i)))
	}
	text := strings.Replace(lexPack, "  unit: [斤, 公斤]", "  unit: ["+strings.Join(words, ", ")+"]", 1)
	text = strings.Replace(text, `"{N}天瘦{N}斤"`, `"{@unit}{GAP:2}{@unit}"`, 1) // 150 × 150 = 22,500
	_, err := Merge(mustParse(t, "rules/x.yaml", text))
	probs, _ := err.(Problems)
	if len(probs) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	problemAt(t, probs, "rules/x.yaml", text, "patterns:", "patterns[2]", "limit of 20000 strings per rule (this item: 22500")
}

// TestLexiconOverride: a later pack's lexicon replaces the earlier one for
// the earlier pack's rules too, may extend it by naming itself, and a rule
// may use a lexicon another file defines.
func TestLexiconOverride(t *testing.T) {
	def := fstest.MapFS{
		"d/00-lex.yaml": {Data: []byte("pack: default\nversion: 1\nlexicons:\n  disease: [高血压, 痛风]\n  cured: [就好了]\nrules: []\n")},
		"d/10-rules.yaml": {Data: []byte(strings.Replace(rulePack("default", qinglang.SeverityHigh, "t.grid"),
			"terms: [最好]", `patterns: ["{@disease}{GAP:2}{@cured}"]`, 1))},
	}
	set, err := load(def, "d", "d", nil)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := set.Rule("t.grid"); len(r.Patterns) != 2 || len(set.OverriddenLexicons) != 0 {
		t.Errorf("default: %q, overridden %q", r.Patterns, set.OverriddenLexicons)
	}

	dir := t.TempDir()
	writeFile(t, dir, "user.yaml", "pack: mine\nversion: 1\nlexicons:\n  disease: [\"@disease\", 糖尿病]\n  cured: [都好了, 全好了]\nrules: []\n")
	set, err = load(def, "d", "d", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Rule("t.grid")
	want := []string{"高血压{GAP:2}都好了", "高血压{GAP:2}全好了", "痛风{GAP:2}都好了", "痛风{GAP:2}全好了", "糖尿病{GAP:2}都好了", "糖尿病{GAP:2}全好了"}
	if !slices.Equal(r.Patterns, want) {
		t.Errorf("patterns = %q", r.Patterns)
	}
	if !slices.Equal(set.OverriddenLexicons, []string{"cured", "disease"}) || set.File("t.grid") != "d/10-rules.yaml" {
		t.Errorf("overridden %q, file %q", set.OverriddenLexicons, set.File("t.grid"))
	}

	// A user pack's bad lexicon names its own file and line.
	writeFile(t, dir, "user.yaml", "pack: mine\nversion: 1\nlexicons:\n  cured: [都好了, \"@curd\"]\nrules: []\n")
	_, err = load(def, "d", "d", []string{dir})
	probs, _ := err.(Problems)
	if len(probs) != 1 || !strings.HasSuffix(probs[0].File, "user.yaml") || probs[0].Line != 4 || probs[0].Field != "lexicons.cured[1]" ||
		!strings.Contains(probs[0].ReasonEN, "did you mean cured?") {
		t.Errorf("got %v", err)
	}
}

func TestParsePatternRefusesReferences(t *testing.T) {
	_, err := ParsePattern("{@disease}{GAP:3}好了")
	if err == nil || !strings.Contains(err.(*qinglang.Error).MessageEN, "not expanded") {
		t.Errorf("err = %v", err)
	}
}

// TestDefaultLexicons: the default pack defines each lexicon once, uses
// every one, and leaves no reference unexpanded.
func TestDefaultLexicons(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.OverriddenLexicons) > 0 {
		t.Errorf("the default pack defines %q twice", set.OverriddenLexicons)
	}
	packs, probs := readFS(Default, DefaultDir, defaultName, path.Join)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	used := map[string]bool{}
	for _, p := range packs {
		for _, words := range p.Lexicons {
			for _, w := range words {
				if name, ok := strings.CutPrefix(w, "@"); ok {
					used[name] = true
				}
			}
		}
		var items [][]string
		for _, r := range p.Rules {
			items = append(items, r.Terms, r.Patterns, r.Exceptions, r.NotAfter, r.NotBefore, r.Unless)
		}
		for _, g := range p.Guards {
			items = append(items, g.NotAfter, g.NotBefore, g.Unless)
		}
		for _, s := range slices.Concat(items...) {
			parts, _ := splitRefs(s)
			for _, part := range parts {
				if part.ref {
					used[part.text] = true
				}
			}
		}
	}
	for name := range set.Lexicons {
		if !used[name] {
			t.Errorf("lexicon %q is defined but never used", name)
		}
	}
	for _, r := range set.Rules {
		var guards []string
		for _, g := range r.InForce {
			guards = slices.Concat(guards, g.NotAfter, g.NotBefore, g.Unless)
		}
		for _, s := range slices.Concat(r.Terms, r.Patterns, r.Exceptions, guards) {
			if hasRefs(s) {
				t.Errorf("%s: %q not expanded", r.ID, s)
			}
		}
	}
}
