package engine_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNamespaceExportAcrossTwoFiles: `kubectl get deploy -o yaml > a.yaml`
// and `kubectl get rs,pods -o yaml > b.yaml` (two Lists, owners matched by
// uid across the files) report each problem once, on the Deployment.
func TestNamespaceExportAcrossTwoFiles(t *testing.T) {
	data, err := os.ReadFile("../testdata/cluster/deployment-export.yaml")
	require.NoError(t, err)
	lines := strings.SplitAfter(string(data), "\n")
	header := strings.Join(lines[2:7], "")    // apiVersion: v1 / kind: List / metadata / items:
	deploy := strings.Join(lines[7:41], "")   // the Deployment item
	rsAndPods := strings.Join(lines[41:], "") // the ReplicaSet and three Pods
	require.Contains(t, deploy, "kind: Deployment")
	require.Contains(t, rsAndPods, "kind: ReplicaSet")
	dir := t.TempDir()
	writeFile(t, dir, "a-deployments.yaml", header+deploy)
	writeFile(t, dir, "b-replicasets-pods.yaml", header+rsAndPods)

	res := bundled(t).Lint(context.Background(), []string{dir})
	require.Empty(t, res.Errors)
	assert.Equal(t, 1, res.Objects)
	assert.Equal(t, 4, res.Owned, "the ReplicaSet and its three Pods")
	priv := byRule(res, "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Equal(t, "Deployment", priv[0].Object.Kind)
}
