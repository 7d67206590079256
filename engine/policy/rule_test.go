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

func TestOverridesSayWhatSelectLeavesOut(t *testing.T) {
	rules := []*Rule{
		{ID: "B1", Profiles: []string{"pss-baseline"}},
		{ID: "B2", Profiles: []string{"pss-baseline"}},
		{ID: "U1", Profiles: []string{"pss-baseline"}, Overrides: []string{"b2", "B1", "NOT-IN-PROFILE", "U1"}},
		{ID: "R1", Profiles: []string{"pss-restricted"}, Overrides: []string{"B1"}},
	}
	got := Overrides(rules, "pss-baseline")
	require.Len(t, got, 1)
	// Ids compare without case; a rule does not override itself; rules
	// outside the profile are neither overriding nor overridden.
	assert.Equal(t, "U1", got[0].By.ID)
	assert.Equal(t, []string{"B1", "B2"}, got[0].Rules)
	active, err := Select(rules, "pss-baseline")
	require.NoError(t, err)
	assert.Equal(t, []string{"U1"}, ids(active))
}

func TestBundleRootsAndTheBuiltinPackages(t *testing.T) {
	file := func(name, pkg string, roots ...string) File {
		return File{Name: name, Content: []byte("package " + pkg + "\n\nx := 1\n"), Roots: roots, RootsOf: "b.tar.gz/.manifest"}
	}
	_, err := Load(Options{NoBuiltin: true, Files: []File{file("b/x.rego", "kubeward.rules.other.x", "kubeward/rules/acme", "acme")}})
	assert.EqualError(t, err, "b/x.rego:1: package kubeward.rules.other.x is outside the roots b.tar.gz/.manifest declares (kubeward/rules/acme, acme): a bundle may only define what it owns")
	_, err = Load(Options{NoBuiltin: true, Files: []File{file("b/x.rego", "kubeward.rules.acme.x", "kubeward/rules/acme"), file("b/y.rego", "acme.helpers", "acme"), file("b/z.rego", "any.thing", "")}})
	assert.NoError(t, err, "at or under a root; \"\" owns everything")
	// Roots aside, nothing beside the built-in library adds to its packages.
	for _, pkg := range []string{"kubeward.lib.pods", "kubeward.rules.pss.privileged", "kubeward.rules.pss.privileged.extra", "kubeward", "kubeward.other"} {
		_, err = Load(Options{Files: []File{file("u.rego", pkg)}})
		assert.ErrorContains(t, err, "u.rego:1: package "+pkg+" belongs to the built-in library", pkg)
		_, err = Load(Options{NoBuiltin: true, Files: []File{file("u.rego", pkg)}})
		assert.NoError(t, err, "without the built-in library, %s is the user's", pkg)
	}
}
