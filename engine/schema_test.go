package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
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
