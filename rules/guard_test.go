package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
)

// guardPack defines guard sets over lexicons and rules that use them and
// their own guards.
const guardPack = `pack: guard
version: 1
lexicons:
  deny: [不, 不能]
  bridge: [说, 是]
guards:
  denial:
    not_after: ["{@deny}", "{@deny}{@bridge}", 并非]
    within_before: 1
    unless: [再也不]
  question:
    not_before: [吗, ？]
rules:
  - id: cure
    kind: claim
    claim_type: function
    severity: critical
    terms: [治病, 降血压]
    guards: [denial, question]
    unless: [谁说不]
    basis: 广告法第十七条
    basis_en: Advertising Law, art. 17
    message: 疾病治疗宣称
    message_en: a disease claim
    examples:
      match: [{text: 能治病}]
      no_match: [{text: 不能治病}]
  - id: scarce
    kind: claim
    claim_type: sales
    severity: medium
    patterns: ["只剩{N}"]
    not_before: [天, 分钟]
    within_after: 1
    basis: 反不正当竞争法第九条
    basis_en: Anti-Unfair Competition Law, art. 9
    message: 虚构稀缺
    message_en: invented scarcity
    examples:
      match: [{text: 只剩3件}]
      no_match: [{text: 只剩3天}]
`

func TestGuardMerge(t *testing.T) {
	set, err := Merge(mustParse(t, "g.yaml", guardPack))
	if err != nil {
		t.Fatal(err)
	}
	denial := Guard{NotAfter: []string{"不", "不能", "不说", "不是", "不能说", "不能是", "并非"}, WithinBefore: 1, WithinAfter: DefaultWithinAfter, Unless: []string{"再也不"}}
	question := Guard{NotBefore: []string{"吗", "？"}, WithinBefore: DefaultWithinBefore, WithinAfter: DefaultWithinAfter}
	if !reflect.DeepEqual(set.Guards, map[string]Guard{"denial": denial, "question": question}) {
		t.Errorf("set guards = %+v", set.Guards)
	}
	cure, _ := set.Rule("cure")
	denial.Unless = []string{"再也不", "谁说不"}
	question.Unless = []string{"谁说不"}
	if want := []Guard{denial, question}; !reflect.DeepEqual(cure.InForce, want) {
		t.Errorf("cure in force:\n%+v\nwant\n%+v", cure.InForce, want)
	}
	if gs, err := cure.ContextGuards(); err != nil || len(gs) != 2 {
		t.Errorf("ContextGuards = %v, %v", gs, err)
	}
	scarce, _ := set.Rule("scarce")
	own := Guard{NotBefore: []string{"天", "分钟"}, WithinBefore: DefaultWithinBefore, WithinAfter: 1}
	if !reflect.DeepEqual(scarce.InForce, []Guard{own}) {
		t.Errorf("scarce in force: %+v", scarce.InForce)
	}
	// A rule built by hand: its own guard, defaulted; named sets need Merge.
	r := Rule{ID: "x", Guard: Guard{NotAfter: []string{"不"}}}
	if gs, err := r.ContextGuards(); err != nil || !reflect.DeepEqual(gs, []Guard{{NotAfter: []string{"不"}, WithinBefore: 4, WithinAfter: 6}}) {
		t.Errorf("own guard: %+v, %v", gs, err)
	}
	r.Guards = []string{"denial"}
	if _, err := r.ContextGuards(); qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.(*qinglang.Error).MessageEN, "rules.Merge") {
		t.Errorf("named sets without Merge: %v", err)
	}
}

// TestGuardRoundTrip: guard sets and rule guards written back by
// yaml.Marshal read the same.
func TestGuardRoundTrip(t *testing.T) {
	pack := mustParse(t, "g.yaml", guardPack)
	out, err := yaml.Marshal(pack)
	if err != nil {
		t.Fatal(err)
	}
	again := mustParse(t, "g.yaml", string(out))
	for _, p := range []*Pack{pack, again} {
		p.refLines, p.lexLines = nil, nil
		for i := range p.Rules {
			p.Rules[i].Line = 0
		}
	}
	if !reflect.DeepEqual(pack, again) {
		t.Errorf("round trip:\n%+v\n%+v\n%s", pack, again, out)
	}
}

func TestGuardParseProblems(t *testing.T) {
	tests := []struct {
		name, old, new, at, field, reason string
	}{
		{"set name", "  denial:\n", "  Denial:\n", "Denial:", "guards.Denial", "may hold only a-z"},
		{"set empty", "  question:\n    not_before: [吗, ？]\n", "  question:\n", "question:", "guards.question", "needs not_after or not_before"},
		{"set without words", "    not_before: [吗, ？]\n", "    unless: [吗吗]\n", "question:", "guards.question", "needs not_after or not_before"},
		{"set no lists", "    not_before: [吗, ？]\n", "    within_after: 3\n", "within_after: 3", "guards.question.within_after", "there is none"},
		{"set key typo", "    not_before: [吗, ？]\n", "    not_befor: [吗, ？]\n", "not_befor:", "guards.question.not_befor", "did you mean not_before?"},
		{"guards not a mapping", "guards:\n  denial:", "guards: [denial]\nx:\n  denial:", "guards: [denial]", "guards", "a mapping of guard set names"},
		{"window zero", "    within_before: 1\n", "    within_before: 0\n", "within_before: 0", "guards.denial.within_before", "integer from 1 to 20"},
		{"window 21", "    within_before: 1\n", "    within_before: 21\n", "within_before: 21", "guards.denial.within_before", "integer from 1 to 20"},
		{"window text", "    within_before: 1\n", "    within_before: one\n", "within_before: one", "guards.denial.within_before", `not "one"`},
		{"a_not_a not a boolean", "    not_before: [吗, ？]\n", "    not_before: [吗, ？]\n    a_not_a: yes\n", "a_not_a: yes", "guards.question.a_not_a", `true or false, not "yes"`},
		{"a_not_a", "    not_before: [吗, ？]\n", "    not_before: [吗, ？]\n    a_not_a: true\n", "", "", ""},
		{"empty list", "    not_before: [吗, ？]\n", "    not_before: []\n", "not_before: []", "guards.question.not_before", "at least one word"},
		{"blank word", "[吗, ？]", "[吗, ' ']", "not_before:", "guards.question.not_before[1]", "must not be empty"},
		{"placeholder", "[吗, ？]", `[吗, "{N}天"]`, "not_before:", "guards.question.not_before[1]", "placeholders such as {N}"},
		{"placeholder beside a reference", `"{@deny}{@bridge}"`, `"{@deny}{N}"`, "not_after:", "guards.denial.not_after[1]", "placeholders such as {N}"},
		{"mark in not_after", `并非]`, `？]`, "not_after:", "guards.denial.not_after[2]", "only not_before may hold a clause punctuation mark"},
		{"two marks", "[吗, ？]", "[吗, ？？]", "not_before:", "guards.question.not_before[1]", "empty once normalised"},
		{"noise only", "[吗, ？]", "[吗, '😀']", "not_before:", "guards.question.not_before[1]", "empty once normalised"},
		{"unless mark", "    unless: [再也不]\n", "    unless: [？]\n", "unless: [？]", "guards.denial.unless[0]", "empty once normalised"},
		{"bad reference", `"{@deny}{@bridge}"`, `"{@deny}{@Bridge}"`, "not_after:", "guards.denial.not_after[1]", "a lexicon name holds only"},
		{"rule set name", "guards: [denial, question]", "guards: [denial, Question]", "guards: [denial, Question]", "guards[1]", "may hold only a-z"},
		{"rule set twice", "guards: [denial, question]", "guards: [denial, denial]", "guards: [denial, denial]", "guards[1]", "named twice"},
		{"rule window alone", "    unless: [谁说不]\n", "    unless: [谁说不]\n    within_before: 2\n", "within_before: 2", "within_before", "there is none"},
		{"rule unless alone", "    guards: [denial, question]\n", "", "unless: [谁说不]", "unless", "the rule has no guards"},
		{"rule key typo", "    not_before: [天, 分钟]\n", "    not_befor: [天, 分钟]\n", "not_befor:", "not_befor", "did you mean not_before?"},
		{"rule mark", "[天, 分钟]", "[天, 。]", "not_before: [天", "not_before[1]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(guardPack, tt.old) {
				t.Fatalf("%q not in the test pack", tt.old)
			}
			text := strings.Replace(guardPack, tt.old, tt.new, 1)
			pack, probs := Parse("rules/g.yaml", []byte(text))
			if tt.reason == "" { // valid
				if len(probs) > 0 {
					t.Fatalf("%v", probs)
				}
				return
			}
			if pack != nil {
				t.Errorf("a pack with problems returned %+v", pack)
			}
			problemAt(t, probs, "rules/g.yaml", text, tt.at, tt.field, tt.reason)
		})
	}
}

func TestGuardMergeProblems(t *testing.T) {
	tests := []struct {
		name, old, new, at, field, reason string
	}{
		{"unknown set", "guards: [denial, question]", "guards: [denial, questions]", "guards: [denial, questions]", "guards[1]", `unknown guard set "questions"; did you mean question?`},
		{"unknown set listed", "guards: [denial, question]", "guards: [denial, recipe]", "guards: [denial, recipe]", "guards[1]", "(defined: denial, question)"},
		{"unknown lexicon", `"{@deny}{@bridge}"`, `"{@deny}{@bridges}"`, "not_after:", "guards.denial.not_after[1]", "did you mean bridge?"},
		{"expansion is a mark", "  bridge: [说, 是]", "  bridge: [说, 是]\n  mark: [？]", "", "", ""},
		{"unless like a guard word", "    unless: [再也不]\n", "    unless: [不不]\n", "unless: [不不]", "guards.denial.unless", `unless word "不不" normalises like the guard word "不"`},
		{"rule unless like a guard word", "unless: [谁说不]", "unless: [吗吗]", "unless: [吗吗]", "unless", `"吗吗" normalises like the guard word "吗"`},
		{"rule own reference", "not_before: [天, 分钟]", `not_before: ["{@dey}"]`, `not_before: ["{@dey}"]`, "not_before[0]", "did you mean deny?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(guardPack, tt.old) {
				t.Fatalf("%q not in the test pack", tt.old)
			}
			text := strings.Replace(guardPack, tt.old, tt.new, 1)
			set, err := Merge(mustParse(t, "rules/g.yaml", text))
			if tt.reason == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if set != nil || qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("Merge = %v, %v", set, err)
			}
			problemAt(t, err.(Problems), "rules/g.yaml", text, tt.at, tt.field, tt.reason)
		})
	}
	// A lexicon word that makes a not_after entry a lone mark.
	text := strings.Replace(guardPack, "  bridge: [说, 是]", "  bridge: [说, 是]\n  mark: [？]", 1)
	text = strings.Replace(text, `并非]`, `"{@mark}"]`, 1)
	_, err := Merge(mustParse(t, "rules/g.yaml", text))
	probs, _ := err.(Problems)
	problemAt(t, probs, "rules/g.yaml", text, "not_after:", "guards.denial.not_after[2]", `"{@mark}" expands to "？"`)
}

// TestGuardOverride: a later pack's guard set replaces the earlier one for
// the earlier pack's rules too.
func TestGuardOverride(t *testing.T) {
	def := fstest.MapFS{"d/00.yaml": {Data: []byte(guardPack)}}
	dir := t.TempDir()
	writeFile(t, dir, "user.yaml", "pack: mine\nversion: 1\nguards:\n  question:\n    not_before: [吗, 么, 呢]\n    within_after: 2\nrules: []\n")
	set, err := load(def, "d", "d", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	cure, _ := set.Rule("cure")
	if len(cure.InForce) != 2 || !slices.Equal(cure.InForce[1].NotBefore, []string{"吗", "么", "呢"}) || cure.InForce[1].WithinAfter != 2 {
		t.Errorf("in force: %+v", cure.InForce)
	}
	if !slices.Equal(set.OverriddenGuards, []string{"question"}) {
		t.Errorf("overridden guards %q", set.OverriddenGuards)
	}
	// A user pack's broken set names its own file and line.
	writeFile(t, dir, "user.yaml", "pack: mine\nversion: 1\nguards:\n  question:\n    not_before: [吗, \"{@denyy}\"]\nrules: []\n")
	_, err = load(def, "d", "d", []string{dir})
	probs, _ := err.(Problems)
	if len(probs) != 1 || !strings.HasSuffix(probs[0].File, "user.yaml") || probs[0].Line != 5 || probs[0].Field != "guards.question.not_before[1]" ||
		!strings.Contains(probs[0].ReasonEN, "did you mean deny?") {
		t.Errorf("got %v", err)
	}
}

func TestClauseBreaks(t *testing.T) {
	for _, s := range []string{"，", ",", "。", ".", "、", "；", "！", "？", "?", "…", "\n", "﹐", "︒", "⁉"} {
		if !ClauseBreakIn(s, 0, len(s)) {
			t.Errorf("%q is a break", s)
		}
	}
	for _, s := range []string{" ", "\u3000", "*", "：", "—", "【", "😀", "~", "3.5", "1,000", "３．５"} {
		if ClauseBreakIn(s, 0, len(s)) {
			t.Errorf("%q is not a break", s)
		}
	}
	// The digits around a separator may lie outside the range.
	if ClauseBreakIn("3.5", 1, 2) || !ClauseBreakIn("3.a", 1, 2) || !ClauseBreakIn("3，5", 1, 4) {
		t.Error("separators between digits")
	}
	if r, ok := ClauseMark("？"); !ok || r != '?' {
		t.Errorf("ClauseMark(？) = %q, %v", r, ok)
	}
	for _, s := range []string{"\n", "？？", "吗", ""} {
		if _, ok := ClauseMark(s); ok {
			t.Errorf("ClauseMark(%q) is a mark", s)
		}
	}
}

// TestDefaultGuards: the default pack's guard sets are used, and each rule
// with a guard has its sets in force.
func TestDefaultGuards(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, r := range set.Rules {
		for _, name := range r.Guards {
			used[name] = true
		}
		if len(r.InForce) < len(r.Guards) {
			t.Errorf("%s: %d guards in force for %q", r.ID, len(r.InForce), r.Guards)
		}
	}
	for name := range set.Guards {
		if !used[name] {
			t.Errorf("guard set %q is defined but no rule uses it", name)
		}
	}
	if len(set.OverriddenGuards) > 0 {
		t.Errorf("the default pack defines %q twice", set.OverriddenGuards)
	}
}
