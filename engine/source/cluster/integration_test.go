//go:build cluster

// Integration tests against a real API server (`make test-cluster` starts one
// with ../shared/tools/control-plane and sets KUBECONFIG). Run with
// `go test -tags cluster ./engine/source/cluster/`.
package cluster_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/source/cluster"
)

const itNamespace = "kw-it"

func realCluster(t *testing.T) *rest.Config {
	path := os.Getenv("KUBECONFIG")
	if path == "" {
		t.Skip("KUBECONFIG is not set: run `make test-cluster`")
	}
	cfg, err := clientcmd.BuildConfigFromFlags("", path)
	require.NoError(t, err)
	return cfg
}

func apply(t *testing.T, dyn dynamic.Interface, gvr schema.GroupVersionResource, ns, manifest string) {
	t.Helper()
	var obj map[string]any
	require.NoError(t, sigsyaml.Unmarshal([]byte(manifest), &obj))
	u := &unstructured.Unstructured{Object: obj}
	var err error
	if ns == "" {
		_, err = dyn.Resource(gvr).Create(context.Background(), u, metav1.CreateOptions{})
	} else {
		_, err = dyn.Resource(gvr).Namespace(ns).Create(context.Background(), u, metav1.CreateOptions{})
	}
	require.NoError(t, err, manifest)
}

var (
	gvrNamespace   = schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}
	gvrConfigMap   = schema.GroupVersionResource{Version: "v1", Resource: "configmaps"}
	gvrDeployment  = schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "deployments"}
	gvrRole        = schema.GroupVersionResource{Group: "rbac.authorization.k8s.io", Version: "v1", Resource: "roles"}
	gvrRoleBinding = schema.GroupVersionResource{Group: "rbac.authorization.k8s.io", Version: "v1", Resource: "rolebindings"}
)

// TestClusterScanOfARealAPIServer: 600 ConfigMaps (more than one page), a
// privileged Deployment whose ReplicaSet and Pods the controller manager
// makes, and a user who may not list Secrets.
func TestClusterScanOfARealAPIServer(t *testing.T) {
	admin := realCluster(t)
	dyn, err := dynamic.NewForConfig(admin)
	require.NoError(t, err)
	ctx := context.Background()
	_ = dyn.Resource(gvrNamespace).Delete(ctx, itNamespace, metav1.DeleteOptions{})
	apply(t, dyn, gvrNamespace, "", "apiVersion: v1\nkind: Namespace\nmetadata: {name: "+itNamespace+"}")
	t.Cleanup(func() { _ = dyn.Resource(gvrNamespace).Delete(ctx, itNamespace, metav1.DeleteOptions{}) })
	for i := 0; i < 600; i++ {
		apply(t, dyn, gvrConfigMap, itNamespace, fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-%03d}\ndata: {k: v}", i))
	}
	apply(t, dyn, gvrDeployment, itNamespace, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: registry.example.com/web:1, securityContext: {privileged: true}}]
`)
	apply(t, dyn, gvrRole, itNamespace, `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules:
- apiGroups: ["", "apps"]
  resources: [configmaps, deployments, replicasets, pods]
  verbs: [get, list]
`)
	apply(t, dyn, gvrRoleBinding, itNamespace, `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: kw-reader}]
`)
	// The controller manager makes the ReplicaSet and its Pods (they stay
	// Pending: there is no scheduler).
	pods := schema.GroupVersionResource{Version: "v1", Resource: "pods"}
	require.Eventually(t, func() bool {
		l, err := dyn.Resource(pods).Namespace(itNamespace).List(ctx, metav1.ListOptions{})
		return err == nil && len(l.Items) == 3
	}, 60*time.Second, 500*time.Millisecond)

	reader := rest.CopyConfig(admin)
	reader.Impersonate = rest.ImpersonationConfig{UserName: "kw-reader"}
	l, err := engine.New(engine.Options{Complete: true})
	require.NoError(t, err)
	res, err := l.LintReader(ctx, cluster.Source{Options: cluster.Options{
		Config: reader, Context: "it", Namespace: itNamespace,
		Kinds: []string{"ConfigMap", "Deployment", "ReplicaSet", "Pod", "Secret"},
	}})
	require.NoError(t, err)

	configMaps := 0
	for _, c := range res.Checked {
		if c.Object.Kind == "ConfigMap" {
			configMaps++
		}
	}
	assert.Equal(t, 601, configMaps, "600 and kube-root-ca.crt, over two pages")
	assert.Equal(t, 4, res.Owned, "the ReplicaSet and its three Pods")
	var priv []engine.Finding
	for _, f := range res.Findings {
		if f.Rule.ID == "KW-PSS-007" {
			priv = append(priv, f)
		}
	}
	require.Len(t, priv, 1)
	assert.Equal(t, "cluster://it/kw-it/deployments.apps/web", priv[0].Location.File)
	require.Len(t, res.Errors, 1, "%v", res.Errors)
	assert.Equal(t, "cluster://it/kw-it/secrets", res.Errors[0].File)
	assert.True(t, strings.HasPrefix(res.Errors[0].Message, "listing secrets (page 1): forbidden"), res.Errors[0].Message)
}
