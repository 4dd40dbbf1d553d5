package brands

import (
	_ "embed"
	"strings"
)

//go:embed default.yaml
var defaultYAML string

// DefaultYAML returns the text of the default example registry.
func DefaultYAML() string { return defaultYAML }

// Default returns the default example registry: four fictitious brands
// (鹿野, 燃咔, 星澜, 云朵家居) with fictitious merchants, for demos and
// tests. It asserts nothing about real companies.
func Default() *Registry {
	r, err := LoadYAML("default.yaml", strings.NewReader(defaultYAML))
	if err != nil {
		panic("brands: default registry: " + err.Error()) // a test guards it
	}
	return r
}
