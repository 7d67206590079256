package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/policies"
)

// kinds: [pod-kinds] in a rule's METADATA stands for the kind table's pod
// kinds, in its order; kinds named beside it are kept, once.
func TestPodKindsEntryExpandsFromTheKindTable(t *testing.T) {
	rule := File{Name: "r.rego", Content: []byte("# METADATA\n# title: t\n# custom:\n#   id: T-1\n#   severity: low\n" +
		"#   kinds: [Service, pod-kinds, Pod]\npackage kubeward.rules.t.r\n\ndeny contains \"x\" if false\n")}
	lib, err := Load(Options{NoBuiltin: true, Files: []File{rule}})
	require.NoError(t, err)
	r := lib.Rule("T-1")
	require.NotNil(t, r)
	assert.Equal(t, append([]string{"Service"}, policies.Kinds.PodKinds()...), r.Kinds)
	for _, k := range []string{"CronJob", "PodTemplate", "Pod", "Service"} {
		assert.True(t, r.AppliesTo(k), k)
	}
	assert.False(t, r.AppliesTo("ConfigMap"))
	assert.False(t, r.AppliesTo(policies.PodKindsEntry), "the entry is not a kind")
}

// The bundled rules that apply to every pod kind still do, from the table.
func TestBundledPodRulesApplyToEveryPodKind(t *testing.T) {
	lib, err := Load(Options{})
	require.NoError(t, err)
	r := lib.Rule("KW-PSS-007")
	require.NotNil(t, r)
	assert.Equal(t, policies.Kinds.PodKinds(), r.Kinds)
}

// A data file may not change the kind table: the engine reads the one
// compiled in, and the two would disagree.
func TestDataFilesCannotSetTheKindTable(t *testing.T) {
	_, err := Load(Options{NoBuiltin: true, Files: []File{{Name: "d.yaml", Content: []byte("kubeward:\n  kinds:\n    podTemplates: {Widget: [spec]}\n")}}})
	assert.ErrorContains(t, err, "d.yaml: data.kubeward.kinds is kubeward's own kind table")
	_, err = Load(Options{NoBuiltin: true, Files: []File{{Name: "d.yaml", Content: []byte("kubeward:\n  config:\n    x: 1\n")}}})
	assert.NoError(t, err)
	// The library's own file, read from disk (kubeward test policies/), is
	// the same table.
	same, err := policies.FS.ReadFile("kinds.yaml")
	require.NoError(t, err)
	_, err = Load(Options{Files: []File{{Name: "policies/kinds.yaml", Content: same}}})
	assert.NoError(t, err)
}
