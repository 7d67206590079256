package resultcache

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/policy"
)

// The result cache takes the bundled library as deterministic without
// walking it at run time (deterministic): this is what makes that true.
func TestBundledLibraryCallsNoNondeterministicBuiltin(t *testing.T) {
	lib, err := policy.Load(policy.Options{})
	require.NoError(t, err)
	modules, err := lib.Modules()
	require.NoError(t, err)
	require.NotEmpty(t, modules)
	assert.Empty(t, NondeterministicCalls(modules))

	// And the walk does see a call, nested or mocked.
	m := ast.MustParseModuleWithOpts(`package x
f(y) := [y, time.now_ns()]
g := 1 if { rand.intn("s", 10) > 1 }
h := 2 if { true with uuid.rfc4122 as "u" }
`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	assert.Equal(t, []string{"x.rego: rand.intn", "x.rego: time.now_ns", "x.rego: uuid.rfc4122"},
		NondeterministicCalls(map[string]*ast.Module{"x.rego": m}))
}
