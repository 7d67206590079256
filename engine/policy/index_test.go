package policy

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var indexPath = filepath.Join("..", "..", "policies", IndexFile)

// TestIndexIsCurrent: policies/index.json must be the index of the bundled
// rules as they are. `make docs` regenerates it (UPDATE_INDEX=1).
func TestIndexIsCurrent(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	lib, err := Load(Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	want, err := BuildIndex(lib, files)
	require.NoError(t, err)
	if os.Getenv("UPDATE_INDEX") != "" {
		require.NoError(t, os.WriteFile(indexPath, want, 0o644))
	}
	got, err := os.ReadFile(indexPath)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "policies/index.json is stale: run make docs")
}

// The index gives the same rules as parsing the library, and a library loaded
// through it compiles and parses on demand.
func TestIndexedLoadMatchesParsedLoad(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	parsed, err := Load(Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	require.NotNil(t, bundledIndex(files), "the embedded index is stale: run make docs")
	indexed, err := Load(Options{})
	require.NoError(t, err)
	require.Equal(t, len(parsed.Rules), len(indexed.Rules))
	for i := range parsed.Rules {
		assert.Equal(t, *parsed.Rules[i], *indexed.Rules[i])
	}
	assert.True(t, indexed.HasModule("policies/lib/pods.rego"))
	_, err = indexed.CompileRules(indexed.Rules[:1])
	require.NoError(t, err)
}

func TestStaleIndexIsNotUsed(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	files[0].Content = append(append([]byte(nil), files[0].Content...), []byte("\n# edited\n")...)
	assert.Nil(t, bundledIndex(files))
}

// Every reference a bundled module makes to a helper package must be within
// the modules CompileRules compiles for it: a missing helper would not fail to
// compile, it would make the rule silently undefined.
func TestCompileClosureCoversEveryHelperReference(t *testing.T) {
	lib, err := Load(Options{})
	require.NoError(t, err)
	modules, err := lib.Modules()
	require.NoError(t, err)
	packages := map[string]bool{}
	for _, m := range modules {
		packages[m.Package.Path.String()] = true
	}
	libRoot := ast.MustParseRef("data.kubeward.lib")
	for name, m := range modules {
		names, err := lib.closure([]*Rule{{File: name}}, nil)
		require.NoError(t, err)
		inClosure := map[string]bool{}
		for _, n := range names {
			inClosure[modules[n].Package.Path.String()] = true
		}
		ast.WalkRefs(m, func(ref ast.Ref) bool {
			if !ref.HasPrefix(libRoot) {
				return false
			}
			for i := len(ref); i > len(libRoot); i-- {
				if pkg := ref[:i].String(); packages[pkg] {
					assert.True(t, inClosure[pkg], "%s refers to %s, which its imports do not bring in", name, pkg)
					break
				}
			}
			return false
		})
	}
}

func TestClosureIsSmallerThanTheLibrary(t *testing.T) {
	lib, err := Load(Options{})
	require.NoError(t, err)
	r := lib.Rule("KW-PSS-007")
	names, err := lib.closure([]*Rule{r}, nil)
	require.NoError(t, err)
	assert.Contains(t, names, "policies/lib/pods.rego")
	assert.NotContains(t, names, "policies/lib/controlplane.rego")
	assert.NotContains(t, names, "policies/lib/rbac.rego")
}
