package policies_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/policies"
)

// TestInventoryIndexesAreGroupedInOnePass: the indexes of lib/inventory.rego
// group rows by key with comprehensions of the form
// `xs := [r.x | some r in _rows; r.ns == ns; ...]`, which OPA evaluates once
// for every key at the same time only if its compiler indexes them. A change
// that makes one unindexable (a local variable read in the body, a nested
// comprehension) would silently make the index quadratic in the objects of
// a namespace again; the compiler's debug output says which it indexed.
func TestInventoryIndexesAreGroupedInOnePass(t *testing.T) {
	modules := map[string]*ast.Module{}
	var grouping []int
	err := fs.WalkDir(policies.FS, "lib", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(policies.FS, path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModule(path, string(b))
		if err != nil {
			return err
		}
		modules[path] = m
		if path == "lib/inventory.rego" {
			for i, line := range strings.Split(string(b), "\n") {
				if groupingLine.MatchString(line) {
					grouping = append(grouping, i+1)
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Len(t, grouping, 3, "the grouping comprehensions of lib/inventory.rego")

	var debug strings.Builder
	c := ast.NewCompiler().WithDebug(&debug)
	c.Compile(modules)
	require.False(t, c.Failed(), "%v", c.Errors)
	for _, line := range grouping {
		assert.Contains(t, debug.String(), fmt.Sprintf("lib/inventory.rego:%d: comprehension index: built with keys", line))
	}
}

// groupingLine matches a comprehension over one of the row rules.
var groupingLine = regexp.MustCompile(`:= [\[{]r\.[a-z]+ \| some r in _[a-z_]+_rows;`)
