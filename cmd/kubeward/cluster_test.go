package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/source/cluster/clustertest"
)

// exportItems are the objects of testdata/cluster/deployment-export.yaml:
// a privileged Deployment, its ReplicaSet and three Pods.
func exportItems(t *testing.T) map[string][]map[string]any {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cluster", "deployment-export.yaml"))
	require.NoError(t, err)
	var list struct {
		Items []map[string]any `json:"items"`
	}
	require.NoError(t, sigsyaml.Unmarshal(data, &list))
	byKind := map[string][]map[string]any{}
	for _, o := range list.Items {
		k := o["kind"].(string)
		byKind[k] = append(byKind[k], o)
	}
	return byKind
}

func TestLiveClusterScan(t *testing.T) {
	items := exportItems(t)
	srv := clustertest.New(t,
		&clustertest.Resource{GroupVersion: "apps/v1", Name: "deployments", Kind: "Deployment", Namespaced: true, Objects: items["Deployment"]},
		&clustertest.Resource{GroupVersion: "apps/v1", Name: "replicasets", Kind: "ReplicaSet", Namespaced: true, Objects: items["ReplicaSet"]},
		&clustertest.Resource{GroupVersion: "v1", Name: "pods", Kind: "Pod", Namespaced: true, Objects: items["Pod"]},
		&clustertest.Resource{GroupVersion: "v1", Name: "secrets", Kind: "Secret", Namespaced: true, Forbidden: true},
		&clustertest.Resource{GroupVersion: "v1", Name: "configmaps", Kind: "ConfigMap", Namespaced: true, Timeout: true},
		&clustertest.Resource{GroupVersion: "v1", Name: "events", Kind: "Event", Namespaced: true},
	)
	r := kw(t, "lint", "--cluster", "--kubeconfig", srv.Kubeconfig(t, "shop"), "--format", "json")
	require.Equal(t, 2, r.code, "API errors are errors: %s%s", r.stdout, r.stderr)
	assert.Empty(t, r.stderr, "no progress when stderr is not a terminal")
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 1, rep.Summary.Objects, "the Deployment; its ReplicaSet and Pods are owned")
	priv := findingsOf(rep, "KW-PSS-007")
	require.Len(t, priv, 1, r.stdout)
	assert.Equal(t, "cluster://fake/shop/deployments.apps/web", priv[0].Location.File)
	require.Len(t, rep.Errors, 2, r.stdout)
	assert.True(t, strings.HasPrefix(rep.Errors[0].Message, "listing configmaps (page 1): timed out"), rep.Errors[0].Message)
	assert.True(t, strings.HasPrefix(rep.Errors[1].Message, "listing secrets (page 1): forbidden"), rep.Errors[1].Message)
	assert.NotContains(t, r.stdout, "skippedIncomplete", "a cluster scan is complete input")
	for _, req := range srv.Requests {
		assert.NotContains(t, req, "/events", "kinds no rule names are not read")
	}

	only := kw(t, "lint", "--cluster", "--kubeconfig", srv.Kubeconfig(t, "shop"), "--kinds", "Deployment", "-q", "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, only.code, only.stdout)
	assert.Equal(t, 1, decodeReport(t, only.stdout).Summary.Objects)
}

func TestClusterFlagsNeedCluster(t *testing.T) {
	r := kw(t, "lint", "--context", "x", "a.yaml")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "need --cluster")
	r = kw(t, "lint", "--cluster", "a.yaml")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "give no paths")
	r = kw(t, "lint", "--cluster", "-A", "-n", "x")
	assert.Equal(t, 2, r.code)
}
