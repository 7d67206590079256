package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requiresComplete follows from what a rule reads: a rule that tests the
// inventory's completeness (by import, alias or full ref) fires because
// something is absent, whether or not its METADATA says so.
func TestRequiresCompleteIsDerivedFromTheCode(t *testing.T) {
	rule := func(id, extra, imports, body string) File {
		return File{Name: id + ".rego", Content: []byte("# METADATA\n# title: t\n# custom:\n#   id: " + id + "\n#   severity: low\n" + extra +
			"package kubeward.rules.t.r" + id + "\n\n" + imports + "\ndeny contains \"x\" if {\n\t" + body + "\n}\n")}
	}
	files := []File{
		rule("A", "", "import data.kubeward.lib.inventory\n", "inventory.complete"),
		rule("B", "", "import data.kubeward.lib.inventory as inv\n", "inv.complete"),
		rule("C", "", "", "data.kubeward.run.assumeComplete == true"),
		rule("D", "", "import data.kubeward.lib.inventory.complete\n", "complete"),
		rule("E", "", "import data.kubeward.lib.inventory\n", "inventory.namespace_of(input) == \"x\""),
		rule("F", "#   requiresComplete: true\n", "", "input.kind == \"Pod\""),
		rule("G", "", "", "complete := true\n\tcomplete"),
	}
	lib, err := Load(Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	want := map[string]bool{"A": true, "B": true, "C": true, "D": true, "E": false, "F": true, "G": false}
	for id, w := range want {
		r := lib.Rule(id)
		require.NotNil(t, r, id)
		got, _ := r.Custom["requiresComplete"].(bool)
		assert.Equal(t, w, got, id)
	}
}
