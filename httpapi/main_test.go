package httpapi

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestMain runs the tests and then, when the whole suite ran (no -run or
// -skip filter), fails if a response the OpenAPI document promises (a path,
// method and status other than "default") was never produced by a handler
// and validated against the document: the document may not describe an
// answer nobody checked.
func TestMain(m *testing.M) {
	code := m.Run()
	whole := flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == ""
	if code == 0 && whole {
		if missing := unexercised(); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "documented answers no test validated:\n  %s\n", strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

// unexercised lists the documented answers that seen lacks.
func unexercised() []string {
	var root struct {
		Paths map[string]map[string]struct {
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &root); err != nil {
		return []string{"openapi.json: " + err.Error()}
	}
	var missing []string
	for path, ops := range root.Paths {
		for method, op := range ops {
			for status := range op.Responses {
				k := method + " " + path + " " + status
				if status != "default" && !seen.has(k) {
					missing = append(missing, k)
				}
			}
		}
	}
	slices.Sort(missing)
	return missing
}
