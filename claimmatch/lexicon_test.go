package claimmatch

import (
	"slices"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// lexiconPack writes a small grid with lexicons; handPack is the same rule
// spelt out by hand.
const lexiconPack = `pack: lex
version: 1
lexicons:
  disease: [高血压, 痛风, 失眠]
  cured: [就好了, 都好了, 不犯了]
  question: [就好了吗, 都好了吗]
  unit: [斤, 公斤]
rules:
  - id: grid
    kind: claim
    claim_type: function
    severity: critical
    except_categories: [drug]
    terms: ["{@disease}克星"]
    patterns: ["{@disease}{GAP:3}{@cured}", "瘦了{N}{@unit}"]
    exceptions: ["{@disease}{@question}"]
    basis: 广告法第十七条
    basis_en: Advertising Law, art. 17
    message: 疾病治疗宣称
    message_en: a disease claim
    examples:
      match: [{text: 吃了两盒痛风都好了}]
      no_match: [{text: 痛风都好了吗}]
`

func handRule() rules.Rule {
	var r rules.Rule
	r.ID = "grid"
	r.ExceptCategories = []qinglang.Category{qinglang.CatDrug}
	for _, d := range []string{"高血压", "痛风", "失眠"} {
		r.Terms = append(r.Terms, d+"克星")
		for _, o := range []string{"就好了", "都好了", "不犯了"} {
			r.Patterns = append(r.Patterns, d+"{GAP:3}"+o)
		}
		r.Exceptions = append(r.Exceptions, d+"就好了吗", d+"都好了吗")
	}
	r.Patterns = append(r.Patterns, "瘦了{N}斤", "瘦了{N}公斤")
	return r
}

// TestLexiconExpansionMatchesHandWritten checks that a rule written with
// lexicons reaches the matcher as plain strings and matches exactly the
// texts its hand-written cross product matches.
func TestLexiconExpansionMatchesHandWritten(t *testing.T) {
	pack, probs := rules.Parse("lex.yaml", []byte(lexiconPack))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	set, err := rules.Merge(pack)
	if err != nil {
		t.Fatal(err)
	}
	got := set.Rules[0]
	for _, s := range slices.Concat(got.Terms, got.Patterns, got.Exceptions) {
		if _, err := rules.ParsePattern(s); err != nil {
			t.Errorf("%q is not a plain pattern: %v", s, err)
		}
	}
	hand := handRule()
	for _, f := range [][2][]string{{got.Terms, hand.Terms}, {got.Patterns, hand.Patterns}, {got.Exceptions, hand.Exceptions}} {
		a, b := slices.Sorted(slices.Values(f[0])), slices.Sorted(slices.Values(f[1]))
		if !slices.Equal(a, b) {
			t.Errorf("expanded %q\nhand-written %q", a, b)
		}
	}
	lex, byHand := mustCompile(t, got), mustCompile(t, hand)
	texts := []string{
		"吃了两盒痛风都好了", "高血压 就好了", "失眠很久不犯了", "痛风都好了吗", "高血压就好了吗？",
		"这是痛风克星", "三天瘦了5斤", "瘦了2.5公斤", "痛风", "失眠的时候都好了吗", "高血压的家人注意少盐",
		"失眠就好了吗我也想知道，反正我的痛风都好了",
	}
	for _, ctx := range []Context{{}, {Category: qinglang.CatDrug}, {Category: qinglang.CatFood, Where: rules.SourceComment}} {
		for _, text := range texts {
			a, b := brief(t, text, lex.Scan(text, ctx)), brief(t, text, byHand.Scan(text, ctx))
			if !slices.Equal(a, b) {
				t.Errorf("%q in %+v: expanded rule %q, hand-written %q", text, ctx, a, b)
			}
		}
	}
	check(t, lex, "吃了两盒痛风都好了", general, "grid:痛风都好了")
	check(t, lex, "痛风都好了吗", general)
	check(t, lex, "三天瘦了5斤", general, "grid:瘦了5斤[5]")
}
