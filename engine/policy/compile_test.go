package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCompileRuleSetsParsesSharedModulesOnce: sets compiled side by side
// share no module value (each compiler rewrites its own), and each holds
// what CompileRules would give it alone.
func TestCompileRuleSetsParsesSharedModulesOnce(t *testing.T) {
	lib, err := Load(Options{})
	require.NoError(t, err)
	var a, b []*Rule
	for _, r := range lib.Rules {
		switch {
		case r.AppliesTo("Deployment") && len(a) < 20:
			a = append(a, r)
		case r.AppliesTo("Deployment") && len(b) < 20:
			b = append(b, r)
		}
	}
	require.NotEmpty(t, b)
	cs, err := lib.CompileRuleSets([][]*Rule{a, b})
	require.NoError(t, err)
	require.Len(t, cs, 2)
	shared := 0
	for name, m := range cs[0].Modules {
		if other, ok := cs[1].Modules[name]; ok {
			shared++
			require.NotSame(t, m, other, "module %s is given to both compilers", name)
		}
	}
	require.NotZero(t, shared, "the two sets import no helper in common")
	for i, set := range [][]*Rule{a, b} {
		alone, err := lib.CompileRules(set)
		require.NoError(t, err)
		require.Len(t, cs[i].Modules, len(alone.Modules), "set %d", i)
		for name := range alone.Modules {
			require.Contains(t, cs[i].Modules, name, "set %d", i)
		}
	}
}
