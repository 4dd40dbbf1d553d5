package policy

import (
	"errors"
	"testing"
)

func TestClosest(t *testing.T) {
	for key, want := range map[string]string{
		"nme":      "name",
		"ladders":  "ladder",
		"basis_zh": "basis_en",
		"colour":   "",
		"nmae":     "", // two edits in four letters is too far
	} {
		if got := closest(key, policyKeys); got != want {
			t.Errorf("closest(%q) = %q, want %q", key, got, want)
		}
	}
	if d := distance("kitten", "sitting"); d != 3 {
		t.Errorf("distance = %d", d)
	}
}

func TestSplitYAMLErr(t *testing.T) {
	msg, line := splitYAMLErr(errors.New("yaml: line 7: did not find expected key"))
	if msg != "did not find expected key" || line != 7 {
		t.Errorf("split = %q, %d", msg, line)
	}
	msg, line = splitYAMLErr(errors.New("yaml: control characters are not allowed"))
	if msg != "control characters are not allowed" || line != 0 {
		t.Errorf("split = %q, %d", msg, line)
	}
}

// faultLine moves a syntax error from where yaml.v3 reports it to the line
// at fault.
func TestFaultLine(t *testing.T) {
	text := "a:\n  b: 1\n  c: 2\n  d: [3\n  e: 4\n"
	probs := problemsOf(t, text)
	if len(probs) != 1 || probs[0].Line < 4 {
		t.Errorf("problems = %v; want one from line 4 on", probs)
	}
	if got := faultLine([]byte("a: 1\n"), 9, "x"); got != 9 {
		t.Errorf("faultLine kept %d, want the reported 9", got)
	}
}
