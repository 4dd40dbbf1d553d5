package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
)

// validPack uses every field of a rule.
const validPack = `pack: test
version: 1
rules:
  - id: ad.absolute.best
    kind: claim
    claim_type: quality
    severity: high
    categories: [cosmetics, food]
    except_categories: [drug]
    where: [speech, title]
    terms: [最好, 第一]
    patterns: ["{N}天瘦{N}斤", "瘦{GAP:3}斤"]
    exceptions: [第一个链接]
    basis: 《广告法》第九条
    basis_en: Advertising Law, art. 9
    message: 使用绝对化用语
    message_en: uses absolute terms
    rewrite: 很受欢迎
    rewrite_en: very popular
    examples:
      match:
        - text: 这是全网最好的面霜
          category: cosmetics
          where: speech
      no_match:
        - text: 点第一个链接
  - id: price.fake-original_2
    kind: listing
    claim_type: price
    severity: low
    terms: [原价]
    basis: 价格法
    basis_en: Price Law
    message: 虚构原价
    message_en: a made-up original price
    examples:
      match: [{text: 原价999}]
      no_match: [{text: 现价99}]
`

// lineOf returns the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the test pack", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestParseValid(t *testing.T) {
	pack, probs := Parse("rules/test.yaml", []byte(validPack))
	if len(probs) > 0 {
		t.Fatalf("problems in a valid pack:\n%v", probs)
	}
	if pack.Name != "test" || pack.Version != 1 || pack.File != "rules/test.yaml" || len(pack.Rules) != 2 {
		t.Fatalf("pack = %+v", pack)
	}
	r := pack.Rules[0]
	if r.Line != 4 || r.ID != "ad.absolute.best" || r.Kind != qinglang.KindClaim || r.ClaimType != ClaimQuality ||
		r.Severity != qinglang.SeverityHigh || r.Examples.Match[0].Category != qinglang.CatCosmetics ||
		!reflect.DeepEqual(r.Where, []Source{SourceSpeech, SourceTitle}) || r.RewriteEN != "very popular" {
		t.Errorf("rule = %+v", r)
	}
	if got := pack.Rules[1].Line; got != lineOf(t, validPack, "- id: price") {
		t.Errorf("second rule on line %d", got)
	}
}

// TestParseRoundTrip checks that a pack written back by yaml.Marshal
// reads the same: every field of Rule is read by Parse.
func TestParseRoundTrip(t *testing.T) {
	pack, probs := Parse("a.yaml", []byte(validPack))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	out, err := yaml.Marshal(pack)
	if err != nil {
		t.Fatal(err)
	}
	again, probs := Parse("a.yaml", out)
	if len(probs) > 0 {
		t.Fatalf("%v\n%s", probs, out)
	}
	for i := range pack.Rules {
		pack.Rules[i].Line, again.Rules[i].Line = 0, 0
	}
	if !reflect.DeepEqual(pack, again) {
		t.Errorf("round trip:\n%+v\n%+v", pack, again)
	}
}

func TestParseProblems(t *testing.T) {
	long := strings.Repeat("a", MaxIDBytes+1)
	tests := []struct {
		name     string
		old, new string // replace old with new in validPack
		at       string // the line that holds this text
		field    string
		reason   string // part of ReasonEN
	}{
		{"pack missing", "pack: test\n", "", "version: 1", "pack", "missing"},
		{"pack empty", "pack: test", "pack: ''", "pack:", "pack", "must not be empty"},
		{"pack name", "pack: test", "pack: My Pack", "pack:", "pack", `"My Pack"`},
		{"version missing", "version: 1\n", "", "pack:", "version", "missing"},
		{"version 2", "version: 1", "version: 2", "version:", "version", "must be 1"},
		{"version text", "version: 1", "version: one", "version:", "version", "must be 1"},
		{"top-level key", "version: 1", "version: 1\nrule: []", "rule:", "rule", "did you mean rules?"},
		{"rules not a list", "rules:\n", "rules: 3\nx:\n", "rules:", "rules", "must be a list"},
		{"rule not a mapping", "rules:\n", "rules:\n  - just text\n", "just text", "rules[0]", "a rule mapping"},
		{"id missing", "- id: price.fake-original_2\n    kind", "- kind", "- kind: listing", "id", "missing"},
		{"id empty", "id: price.fake-original_2", "id: ''", "id: ''", "id", "must not be empty"},
		{"id charset", "id: price.fake-original_2", "id: Price.Fake", "Price.Fake", "id", `"Price.Fake"`},
		{"id leading dot", "id: price.fake-original_2", "id: .price", ".price", "id", "must start with"},
		{"id too long", "id: price.fake-original_2", "id: " + long, long, "id", "at most 64 bytes"},
		{"id twice", "id: price.fake-original_2", "id: ad.absolute.best", "- id: ad.absolute.best\n    kind: listing", "id", "first on line 4"},
		{"kind missing", "    kind: listing\n", "", "- id: price", "kind", "missing"},
		{"kind", "kind: listing", "kind: lsting", "lsting", "kind", `unknown kind "lsting"`},
		{"claim_type", "claim_type: price", "claim_type: prices", "prices", "claim_type", `unknown claim type "prices"`},
		{"claim_type missing", "    claim_type: price\n", "", "- id: price", "claim_type", "missing"},
		{"severity", "severity: low", "severity: hgh", "hgh", "severity", `unknown severity "hgh"`},
		{"severity missing", "    severity: low\n", "", "- id: price", "severity", "missing"},
		{"category", "[cosmetics, food]", "[cosmetic, food]", "cosmetic,", "categories[0]", `unknown category "cosmetic"`},
		{"except category", "[drug]", "[drugs]", "[drugs]", "except_categories[0]", `unknown category "drugs"`},
		{"where", "[speech, title]", "[speech, live]", "live", "where[1]", `unknown source "live"`},
		{"where not a list", "where: [speech, title]", "where: {a: b}", "where:", "where", "must be a list"},
		{"no terms or patterns", "    terms: [原价]\n", "", "- id: price", "terms", "at least one of terms or patterns"},
		{"term empty", "[最好, 第一]", "[最好, '  ']", "terms:", "terms[1]", "must not be empty"},
		{"term too long", "[最好, 第一]", "[最好, " + strings.Repeat("好", 65) + "]", "terms:", "terms[1]", "at most 64 runes"},
		{"term not text", "[最好, 第一]", "[最好, [a]]", "terms:", "terms[1]", "must be a string"},
		{"terms scalar", "terms: [原价]", "terms: 原价", "terms: 原价", "terms", "must be a list"},
		{"exception empty", "[第一个链接]", "['']", "exceptions:", "exceptions[0]", "must not be empty"},
		{"pattern placeholder", `"瘦{GAP:3}斤"`, `"瘦{X}斤"`, "patterns:", "patterns[1]", "unknown placeholder {X}"},
		{"pattern braces", `"瘦{GAP:3}斤"`, `"瘦{GAP:3斤"`, "patterns:", "patterns[1]", "unbalanced {"},
		{"pattern gap", `"瘦{GAP:3}斤"`, `"瘦{GAP:30}斤"`, "patterns:", "patterns[1]", "{GAP:30}"},
		{"pattern no letter", `"瘦{GAP:3}斤"`, `"{N}%"`, "patterns:", "patterns[1]", "at least one letter"},
		{"basis empty", "basis: 价格法", "basis: ''", "basis: ''", "basis", "must not be empty"},
		{"basis_en missing", "    basis_en: Price Law\n", "", "- id: price", "basis_en", "missing"},
		{"message missing", "    message: 虚构原价\n", "", "- id: price", "message", "missing"},
		{"message_en empty", "message_en: a made-up original price", "message_en:", "message_en:\n", "message_en", "must not be empty"},
		{"unknown key", "severity: high", "serverity: high", "serverity", "serverity", "did you mean severity?"},
		{"duplicate key", "severity: high", "severity: high\n    severity: low", "severity: low", "severity", "duplicate key"},
		{"examples missing", "    examples:\n      match: [{text: 原价999}]\n      no_match: [{text: 现价99}]\n", "", "- id: price", "examples", "missing"},
		{"no_match missing", "      no_match: [{text: 现价99}]\n", "", "examples:\n      match: [{", "examples.no_match", "missing"},
		{"match empty", "match: [{text: 原价999}]", "match: []", "match: []", "examples.match", "at least one example"},
		{"example text empty", "{text: 原价999}", "{text: ''}", "match: [{text: ''}]", "examples.match[0].text", "must not be empty"},
		{"example text missing", "{text: 现价99}", "{category: food}", "{category: food}", "examples.no_match[0].text", "missing"},
		{"example category", "category: cosmetics\n", "category: cosmetic\n", "category: cosmetic", "examples.match[0].category", `unknown category "cosmetic"`},
		{"example where", "where: speech\n", "where: stream\n", "where: stream", "examples.match[0].where", `unknown source "stream"`},
		{"example key", "{text: 现价99}", "{txt: 现价99}", "现价99", "examples.no_match[0].txt", "did you mean text?"},
		{"example not a mapping", "{text: 现价99}", "现价99", "现价99", "examples.no_match[0]", "an example mapping"},
		{"examples key", "no_match: [{text: 现价99}]", "nomatch: [{text: 现价99}]", "nomatch", "examples.nomatch", "did you mean no_match?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validPack, tt.old) {
				t.Fatalf("%q not in the test pack", tt.old)
			}
			text := strings.Replace(validPack, tt.old, tt.new, 1)
			want := lineOf(t, text, tt.at)
			pack, probs := Parse("rules/x.yaml", []byte(text))
			if pack != nil {
				t.Errorf("a pack with problems returned %+v", pack)
			}
			for _, p := range probs {
				if p.File == "rules/x.yaml" && p.Line == want && p.Field == tt.field && strings.Contains(p.ReasonEN, tt.reason) && p.Reason != "" {
					return
				}
			}
			t.Errorf("want rules/x.yaml:%d field %s (%s); got:\n%v", want, tt.field, tt.reason, probs)
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	text := strings.NewReplacer("severity: high", "severity: hgh", "kind: listing", "kind: lsting", "[drug]", "[drugs]").Replace(validPack)
	_, probs := Parse("x.yaml", []byte(text))
	if len(probs) != 3 {
		t.Fatalf("want 3 problems, got:\n%v", probs)
	}
	for i := 1; i < len(probs); i++ {
		if probs[i].Line < probs[i-1].Line {
			t.Errorf("problems out of line order:\n%v", probs)
		}
	}
}

func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		reason     string
	}{
		{"bad indentation", "pack: a\nversion: 1\nrules:\n  - id: x\n   kind: claim\n", 5, "malformed YAML"},
		{"text after a quoted string", strings.Replace(validPack, "message_en: a made-up original price", `message_en: "made up" or not`, 1),
			lineOf(t, validPack, "message_en: a made-up"), "did not find expected key"},
		{"unclosed flow mapping", "pack: a\nversion: 1\nrules:\n  - {id: x\n  - id: y\n", 4, "malformed YAML"},
		{"unclosed flow", "pack: a\nversion: 1\nrules: [\n", 3, "malformed YAML"},
		{"mapping in a value", "pack: a\nversion: 1\nrules: a: b\n", 3, "mapping values are not allowed"},
		{"tab", "pack: a\n\tversion: 1\n", 2, "malformed YAML"},
		{"empty", "", 0, "empty"},
		{"only a comment", "# nothing\n", 0, "empty"},
		{"not a mapping", "- a\n- b\n", 1, "must be a mapping"},
		{"two documents", "pack: a\nversion: 1\n---\npack: b\n", 3, "one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pack, probs := Parse("m.yaml", []byte(tt.text))
			if pack != nil || len(probs) != 1 {
				t.Fatalf("want one problem, got %+v:\n%v", pack, probs)
			}
			p := probs[0]
			if p.File != "m.yaml" || p.Line != tt.line || !strings.Contains(p.ReasonEN, tt.reason) {
				t.Errorf("got %v, want line %d (%s)", p, tt.line, tt.reason)
			}
		})
	}
}

func TestParseAnchorsAndMerge(t *testing.T) {
	text := strings.Replace(validPack, "  - id: price.fake-original_2\n    kind: listing\n",
		"  - &base\n    id: price.fake-original_2\n    kind: listing\n", 1) +
		"  - <<: *base\n    id: price.other\n    severity: medium\n"
	pack, probs := Parse("a.yaml", []byte(text))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	r := pack.Rules[2]
	if r.ID != "price.other" || r.Severity != qinglang.SeverityMedium || r.Kind != qinglang.KindListing || r.Terms[0] != "原价" {
		t.Errorf("merged rule = %+v", r)
	}
}

func TestProblemsError(t *testing.T) {
	ps := Problems{
		{File: "rules/x.yaml", Line: 12, Field: "severity", Reason: "未知的严重程度", ReasonEN: "unknown severity"},
		{File: "rules/y.yaml", Reason: "无法读取", ReasonEN: "cannot read"},
	}
	want := "rules/x.yaml:12: 字段 severity：未知的严重程度 / field severity: unknown severity\n" +
		"rules/y.yaml: 无法读取 / cannot read"
	if got := ps.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var err error = ps
	if c := qinglang.Code(err); c != qinglang.EINVALID {
		t.Errorf("code %q, want invalid", c)
	}
	var back Problems
	if !errors.As(err, &back) || len(back) != 2 {
		t.Errorf("errors.As(Problems) failed")
	}
}

func TestClosest(t *testing.T) {
	for key, want := range map[string]string{"serverity": "severity", "term": "terms", "exampels": "examples", "colour": "", "kinds": "kind", "ids": ""} {
		if got := yamlnode.Closest(key, ruleKeys); got != want {
			t.Errorf("closest(%q) = %q, want %q", key, got, want)
		}
	}
}
