package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ids(rules []*Rule) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.ID
	}
	return out
}

func TestSelectAppliesProfilesAndOverrides(t *testing.T) {
	rules := []*Rule{
		{ID: "B1", Profiles: []string{"pss-baseline"}},
		{ID: "B2", Profiles: []string{"pss-baseline", "pss-restricted"}},
		{ID: "R1", Profiles: []string{"pss-restricted"}, Overrides: []string{"B1"}},
		{ID: "X", Profiles: nil},
	}
	got, err := Select(rules, "pss-baseline")
	require.NoError(t, err)
	assert.Equal(t, []string{"B1", "B2"}, ids(got))
	got, err = Select(rules, "pss-restricted")
	require.NoError(t, err)
	assert.Equal(t, []string{"B2", "R1"}, ids(got))
	// Overrides hold under "all" too: one finding per problem.
	got, err = Select(rules, "all")
	require.NoError(t, err)
	assert.Equal(t, []string{"B2", "R1", "X"}, ids(got))
	_, err = Select(rules, "cis")
	assert.EqualError(t, err, `unknown profile "cis" (known: all, pss-baseline, pss-restricted)`)
}

func TestSeverities(t *testing.T) {
	assert.True(t, AtLeast("critical", "low"))
	assert.True(t, AtLeast("low", "low"))
	assert.False(t, AtLeast("info", "low"))
	assert.False(t, AtLeast("bogus", "low"))
	assert.Equal(t, -1, SeverityRank("none"))
}

func TestRuleHelpers(t *testing.T) {
	r := &Rule{Package: "kubeward.rules.pss.privileged", Kinds: []string{"Pod"}}
	assert.Equal(t, "pss", r.Group())
	assert.True(t, r.AppliesTo("Pod"))
	assert.False(t, r.AppliesTo("Service"))
	assert.True(t, (&Rule{}).AppliesTo("Anything"))
}

func TestBundledLibraryLoads(t *testing.T) {
	lib, err := Load(Options{})
	require.NoError(t, err)
	require.NotEmpty(t, lib.Rules)
	assert.NotNil(t, lib.Rule("kw-pss-007"), "ids are matched case-insensitively")
	assert.Contains(t, lib.Data, "kubeward")
	_, err = lib.Compile()
	require.NoError(t, err)
}

func TestDuplicateIDsAndUnknownOverrides(t *testing.T) {
	rule := func(pkg, id, extra string) File {
		return File{Name: pkg + ".rego", Content: []byte("# METADATA\n# title: t\n# custom:\n#   id: " + id + "\n#   severity: low\n" + extra +
			"package kubeward.rules.t." + pkg + "\n\ndeny contains \"x\" if false\n")}
	}
	_, err := Load(Options{NoBuiltin: true, Files: []File{rule("a", "T-1", ""), rule("b", "T-1", "")}})
	assert.ErrorContains(t, err, "b.rego:1: rule id T-1 is already used by a.rego:1")
	_, err = Load(Options{NoBuiltin: true, Files: []File{rule("a", "T-1", "#   overrides: [T-9]\n")}})
	assert.ErrorContains(t, err, "a.rego:1: rule T-1 overrides T-9, which does not exist")
	_, err = Load(Options{NoBuiltin: true, Files: []File{{Name: "x.rego", Content: []byte("package kubeward.rules.t.x\n\ndeny contains \"x\" if {\n")}}})
	assert.ErrorContains(t, err, "x.rego:4: unexpected eof token")
}
