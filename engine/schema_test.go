package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/policy"
)

// A streamed run (past StreamAfter) validates objects as they are read:
// built-in kinds as in any run, custom resources against the CRDs of
// Options.CRDs, which are known before the input is read.
func TestSchemaValidationOfAStreamedRun(t *testing.T) {
	crd, err := os.ReadFile(filepath.Join("..", "testdata", "schema", "crd", "servicemonitor-crd.yaml"))
	require.NoError(t, err)
	cr, err := os.ReadFile(filepath.Join("..", "testdata", "schema", "crd", "servicemonitor.yaml"))
	require.NoError(t, err)
	typos, err := os.ReadFile(filepath.Join("..", "testdata", "schema", "typos.yaml"))
	require.NoError(t, err)
	dir := t.TempDir()
	crdFile := writeFile(t, t.TempDir(), "crd.yaml", string(crd))
	writeFile(t, dir, "a.yaml", string(typos))
	writeFile(t, dir, "b.yaml", string(cr))

	for _, streamAfter := range []int64{-1, 1} {
		l, err := engine.New(engine.Options{StreamAfter: streamAfter, CRDs: []string{crdFile}, KubeVersion: "1.35"})
		require.NoError(t, err)
		res := l.Lint(context.Background(), []string{dir})
		require.Empty(t, res.Errors)
		assert.Len(t, byRule(res, "KW-SCH-001"), 3, "stream after %d", streamAfter)
		assert.Len(t, byRule(res, "KW-SCH-002"), 1, "stream after %d", streamAfter)
		assert.Equal(t, []string{"example.com/v1/Widget"}, res.Unvalidated, "stream after %d", streamAfter)
	}
}

// The target set as a rule parameter (parameters: in .kubeward.yaml, or
// --data) is the schema's too.
func TestKubeVersionParameterSetsTheSchemaRelease(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "ing.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec: {}\n")
	params := writeFile(t, dir, "params.yaml", "kubeward:\n  config:\n    kubeVersion: \"1.21\"\n")
	l, err := engine.New(engine.Options{Policy: policy.Options{DataFiles: []string{params}}})
	require.NoError(t, err)
	assert.Empty(t, byRule(l.Lint(context.Background(), []string{p}), "KW-WRK-015"))

	// PodSpec.schedulingGroup is in the 1.37 schema, not in 1.34's (which
	// judges 1.21).
	pod := writeFile(t, dir, "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  schedulingGroup: {}\n  containers: [{name: a, image: x}]\n")
	got := byRule(l.Lint(context.Background(), []string{pod}), "KW-SCH-001")
	require.Len(t, got, 1)
	assert.Equal(t, "spec.schedulingGroup", got[0].Location.Path)
	assert.Empty(t, byRule(bundled(t).Lint(context.Background(), []string{pod}), "KW-SCH-001"))

	bad := writeFile(t, dir, "bad.yaml", "kubeward:\n  config:\n    kubeVersion: latest\n")
	_, err = engine.New(engine.Options{Policy: policy.Options{DataFiles: []string{bad}}})
	assert.ErrorContains(t, err, `kubernetes version "latest"`)
}
