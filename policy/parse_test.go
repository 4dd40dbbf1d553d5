package policy

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/yamlnode"
)

// A file with several problems reports all of them, each with its line and
// field, in line order.
func TestLoadReportsEveryProblem(t *testing.T) {
	text := edit(t,
		"name: test", "nme: test",
		"subjects: [host, merchant]", "subjects: [host, seller]",
		"    high: 3\n", "    high: three\n",
		"    ad.medical.*: 4", "    ad.medical.*: -4",
		"expiry: 30d", "expiry: 30 days",
		"    measure: limit_traffic", "    measure: limit_trafic",
		"    duration: 1d12h\n", "",
		"    duration: 90d", "    duration: 120d",
		"    auto: false", "    auto: nope",
		"  within: 7d", "  within: 7d\n  by: email",
	)
	probs := problemsOf(t, text)
	wantProblem(t, probs, 1, "nme", "did you mean name?")
	wantProblem(t, probs, 1, "name", "missing")
	wantProblem(t, probs, lineOf(t, text, "subjects:"), "subjects[1]", `unknown subject "seller"`)
	wantProblem(t, probs, lineOf(t, text, "high: three"), "points.severity.high", `must be a number, not "three"`)
	wantProblem(t, probs, lineOf(t, text, "ad.medical.*"), "points.rules[ad.medical.*]", "must not be negative")
	wantProblem(t, probs, lineOf(t, text, "expiry:"), "expiry", `invalid duration "30 days"`)
	wantProblem(t, probs, lineOf(t, text, "limit_trafic"), "ladder[2].measure", `unknown measure "limit_trafic"`)
	wantProblem(t, probs, lineOf(t, text, "  - at: 8"), "ladder[3].duration", "needs a positive duration")
	wantProblem(t, probs, lineOf(t, text, "120d"), "ladder[4].duration", "over the cap caps.measures.blacklist (90 days)")
	wantProblem(t, probs, lineOf(t, text, "nope"), "ladder[4].auto", `must be true or false, not "nope"`)
	wantProblem(t, probs, lineOf(t, text, "by: email"), "appeal.by", "unknown key (known: channel, channel_en, within)")
	if len(probs) != 11 {
		t.Errorf("%d problems, want 11:\n%v", len(probs), probs)
	}
	for i := 1; i < len(probs); i++ {
		if probs[i].Line < probs[i-1].Line {
			t.Errorf("problems not in line order:\n%v", probs)
		}
	}
	// The error's text names the file and line of each.
	if s := probs.Error(); !strings.Contains(s, "bad.yaml:1: 字段 nme：") || !strings.Contains(s, "field expiry: invalid duration") {
		t.Errorf("error text:\n%s", s)
	}
}

func TestLoadMissingSections(t *testing.T) {
	text := "name: bare\nversion: 1\n"
	probs := problemsOf(t, text)
	for _, f := range []string{"subjects", "points.severity.low", "points.severity.critical", "expiry", "caps.overall",
		"ladder", "basis", "basis_en", "appeal.channel", "appeal.channel_en", "appeal.within"} {
		found := false
		for _, p := range probs {
			found = found || (p.Field == f && p.Line == 1)
		}
		if !found {
			t.Errorf("no problem for missing %s on line 1:\n%v", f, probs)
		}
	}
}

func TestLoadWrongTypes(t *testing.T) {
	text := edit(t,
		"version: \"2\"", "version: [2]",
		"subjects: [host, merchant]", "subjects: host",
		"  rules:\n", "  rules: [ad.*]\n  extra:\n",
		"caps:\n  overall: 180d", "caps:\n  overall: {days: 180}",
		"  - at: 4\n", "  - at: four\n",
		"  - at: 12\n    measure: blacklist", "  - 12\n  - at: 12\n    measure: blacklist",
	)
	// The rules list leaves its items as an orphan list under extra; drop
	// them so that the file is valid YAML.
	text = strings.Replace(text, "    ad.*: 0.5\n    ad.medical.*: 4\n    ad.medical.cure: 6\n    qualification.unknown_host: 0\n", "", 1)
	probs := problemsOf(t, text)
	wantProblem(t, probs, 2, "version", "must be a string")
	wantProblem(t, probs, 3, "subjects", "must be a list")
	wantProblem(t, probs, lineOf(t, text, "rules: [ad.*]"), "points.rules", "must be a mapping of rule id")
	wantProblem(t, probs, lineOf(t, text, "extra:"), "points.extra", "unknown key (known: severity, rules)")
	wantProblem(t, probs, lineOf(t, text, "{days: 180}"), "caps.overall", "must be a string")
	wantProblem(t, probs, lineOf(t, text, "at: four"), "ladder[1].at", `must be a number, not "four"`)
	wantProblem(t, probs, lineOf(t, text, "  - 12"), "ladder[4]", "must be a step mapping")
	// A field that could not be read is not reported again as missing, nor
	// does it spoil the checks of the steps around it.
	for _, p := range probs {
		if p.Field == "version" && strings.Contains(p.ReasonEN, "missing") ||
			p.Field == "subjects" && strings.Contains(p.ReasonEN, "at least one") ||
			strings.HasPrefix(p.Field, "ladder[4].") || p.Field == "ladder[2].at" || p.Field == "ladder[5].at" {
			t.Errorf("reported twice or wrongly: %v", p)
		}
	}
	if len(probs) != 7 {
		t.Errorf("%d problems, want 7:\n%v", len(probs), probs)
	}
}

func TestLoadDuplicateKeys(t *testing.T) {
	text := edit(t, "    medium: 1\n", "    medium: 1\n    medium: 2\n", "    duration: 3d\n", "    duration: 3d\n    duration: 4d\n")
	probs := problemsOf(t, text)
	wantProblem(t, probs, lineOf(t, text, "medium: 2"), "points.severity.medium", "duplicate key (already on line 7)")
	wantProblem(t, probs, lineOf(t, text, "duration: 4d"), "ladder[1].duration", "duplicate key")
	if len(probs) != 2 {
		t.Errorf("%d problems, want 2:\n%v", len(probs), probs)
	}
}

func TestLoadMergeKeys(t *testing.T) {
	text := edit(t,
		"ladder:\n  - at: 2\n    measure: warning\n    auto: true",
		"ladder:\n  - &mild\n    at: 2\n    measure: warning\n    auto: true",
		"  - at: 4\n    measure: limit_functions\n    duration: 3d\n    auto: true",
		"  - <<: *mild\n    at: 4\n    measure: limit_functions\n    duration: 3d")
	p := mustLoad(t, text)
	if s := p.Ladder[1]; s.At != 4 || s.Measure != qinglang.MeasureLimitFunctions || !s.Auto {
		t.Errorf("merged step = %+v", s)
	}
}

func TestLoadYAMLSyntax(t *testing.T) {
	text := edit(t, "    measure: suspend_live", "    measure: [suspend_live")
	probs := problemsOf(t, text)
	if len(probs) != 1 || probs[0].Field != "" || !strings.Contains(probs[0].ReasonEN, "malformed YAML") {
		t.Fatalf("problems = %v", probs)
	}
	if l := probs[0].Line; l < lineOf(t, text, "[suspend_live") {
		t.Errorf("syntax error on line %d, before the fault on line %d", l, lineOf(t, text, "[suspend_live"))
	}
}

func TestLoadFileShape(t *testing.T) {
	for _, c := range []struct{ name, text, reason string }{
		{"empty", "", "the file is empty"},
		{"comment only", "# nothing\n", "the file is empty"},
		{"a list", "- name: x\n", "must be a policy mapping"},
		{"two documents", validYAML + "---\nname: other\n", "one YAML document only"},
	} {
		probs := problemsOf(t, c.text)
		if len(probs) != 1 || !strings.Contains(probs[0].ReasonEN, c.reason) {
			t.Errorf("%s: problems = %v", c.name, probs)
		}
	}
}

func TestLoadReadErrors(t *testing.T) {
	_, err := Load("r.yaml", iotest.ErrReader(errors.New("disk gone")))
	var probs qinglang.Problems
	if !errors.As(err, &probs) || len(probs) != 1 || probs[0].File != "r.yaml" || !strings.Contains(probs[0].ReasonEN, "disk gone") {
		t.Errorf("read error = %v", err)
	}
	_, err = Load("big.yaml", strings.NewReader(strings.Repeat("#", MaxFileBytes+1)))
	if !errors.As(err, &probs) || len(probs) != 1 || !strings.Contains(probs[0].ReasonEN, "over") {
		t.Errorf("large file error = %v", err)
	}
}

// An unknown key near a known one suggests it.
func TestClosest(t *testing.T) {
	for key, want := range map[string]string{
		"nme":      "name",
		"ladders":  "ladder",
		"basis_zh": "basis_en",
		"colour":   "",
		"nmae":     "", // two edits in four letters is too far
	} {
		if got := yamlnode.Closest(key, policyKeys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", key, got, want)
		}
	}
}

// A syntax error is reported on the line at fault, not where yaml.v3
// reports it (the start of the enclosing block).
func TestLoadFaultLine(t *testing.T) {
	text := "a:\n  b: 1\n  c: 2\n  d: [3\n  e: 4\n"
	probs := problemsOf(t, text)
	if len(probs) != 1 || probs[0].Line < 4 {
		t.Errorf("problems = %v; want one from line 4 on", probs)
	}
}
