package policy

import (
	"os"
	"strings"

	"github.com/kubeward/kubeward/policies"
)

// ExamplePath is where a rule's example manifest lives: beside the rule, as
// <rule>.example.yaml. The examples are linted in the tests, so each one is
// known to trigger its rule.
func ExamplePath(r *Rule) string {
	return strings.TrimSuffix(r.File, ".rego") + ".example.yaml"
}

// Example returns the rule's example manifest, or "" when it has none.
func Example(r *Rule) string {
	p := ExamplePath(r)
	if r.Bundled {
		b, err := policies.FS.ReadFile(strings.TrimPrefix(p, "policies/"))
		if err != nil {
			return ""
		}
		return string(b)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	return string(b)
}
