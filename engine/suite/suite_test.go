package suite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/suite"
)

// TestSuites runs every fixture suite under testdata/e2e through the engine.
func TestSuites(t *testing.T) {
	dirs, err := suite.Find(filepath.Join("..", "..", "testdata", "e2e"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res := suite.Run(context.Background(), dir, policy.Options{})
			if !res.Passed() {
				t.Fatalf("%s:\n%s", dir, res.Diff())
			}
		})
	}
}

func TestFailingSuiteShowsTheDifference(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  hostPID: true\n  containers: [{name: c, image: x}]\n")
	write(suite.ExpectedFile, "rules: [KW-PSS-003, KW-PSS-007]\nfindings:\n  - {rule: KW-PSS-007, object: Pod a/p}\n")
	res := suite.Run(context.Background(), dir, policy.Options{})
	assert.False(t, res.Passed())
	assert.Equal(t, "  - missing:    KW-PSS-007 on Pod a/p\n  + unexpected: KW-PSS-003 on Pod a/p in pod.yaml at line 5\n", res.Diff())

	write(suite.ExpectedFile, "findings:\n  - {rule: KW-PSS-003, object: Pod a/p, line: 5, message: hostPID}\n")
	assert.True(t, suite.Run(context.Background(), dir, policy.Options{}).Passed())

	write(suite.ExpectedFile, "findngs: []\n")
	res = suite.Run(context.Background(), dir, policy.Options{})
	require.Len(t, res.Errors, 1)
	assert.Contains(t, res.Errors[0], `unknown field "findngs"`)
}
