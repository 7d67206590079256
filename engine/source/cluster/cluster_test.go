package cluster_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"k8s.io/client-go/rest"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/cluster"
	"github.com/kubeward/kubeward/engine/source/cluster/clustertest"
)

func pods(n int, ns string) []map[string]any {
	var out []map[string]any
	for i := 0; i < n; i++ {
		out = append(out, map[string]any{
			"metadata": map[string]any{"name": fmt.Sprintf("p%04d", i), "namespace": ns, "uid": fmt.Sprintf("u%d", i),
				"managedFields": []any{map[string]any{"manager": "kubectl"}}},
			"spec":   map[string]any{"containers": []any{map[string]any{"name": "c", "image": "x"}}},
			"status": map[string]any{"phase": "Running"},
		})
	}
	return out
}

func TestReadPagesForbiddenAndTimeouts(t *testing.T) {
	srv := clustertest.New(t,
		&clustertest.Resource{GroupVersion: "v1", Name: "pods", Kind: "Pod", Namespaced: true,
			Objects: append(pods(1203, "shop"), pods(3, "other")...)},
		&clustertest.Resource{GroupVersion: "v1", Name: "secrets", Kind: "Secret", Namespaced: true, Forbidden: true},
		&clustertest.Resource{GroupVersion: "v1", Name: "configmaps", Kind: "ConfigMap", Namespaced: true, Timeout: true},
		&clustertest.Resource{GroupVersion: "apps/v1", Name: "deployments", Kind: "Deployment", Namespaced: true, Hang: true},
		&clustertest.Resource{GroupVersion: "v1", Name: "namespaces", Kind: "Namespace"},
		&clustertest.Resource{GroupVersion: "v1", Name: "events", Kind: "Event", Namespaced: true},
	)
	var progress []string
	res, err := cluster.Read(context.Background(), cluster.Options{
		Config:         &rest.Config{Host: srv.URL},
		Context:        "fake",
		Namespace:      "shop",
		Kinds:          []string{"Pod", "Secret", "ConfigMap", "Deployment", "Namespace"},
		RequestTimeout: 200 * time.Millisecond, // only the hanging kind waits for it
		Progress: func(done, total int, resource string, objects int) {
			progress = append(progress, fmt.Sprintf("%d/%d %s %d", done, total, resource, objects))
		},
	}, load.Limits{})
	require.NoError(t, err)

	assert.Len(t, res.Objects, 1203, "every page of the namespace's pods, no other namespace")
	var pages []string
	for _, r := range srv.Requests {
		if strings.Contains(r, "/pods") {
			pages = append(pages, r)
		}
	}
	assert.Equal(t, []string{
		"GET /api/v1/namespaces/shop/pods?limit=500",
		"GET /api/v1/namespaces/shop/pods?continue=500&limit=500",
		"GET /api/v1/namespaces/shop/pods?continue=1000&limit=500",
	}, pages)
	for _, r := range srv.Requests {
		assert.NotContains(t, r, "/events", "a kind not asked for is not read")
		assert.NotContains(t, r, "/namespaces?", "cluster-scoped kinds are read only with all namespaces")
	}

	o := res.Objects[0]
	assert.Equal(t, "Pod", o.Kind, "list items get their kind")
	assert.Equal(t, "cluster://fake/shop/pods/p0000", o.Source.File)
	v := o.Value.(ast.Object)
	assert.Nil(t, v.Get(ast.StringTerm("status")), "status is dropped")
	meta := v.Get(ast.StringTerm("metadata")).Value.(ast.Object)
	assert.Nil(t, meta.Get(ast.StringTerm("managedFields")), "managedFields are dropped")

	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, e.File+": "+e.Message)
	}
	require.Len(t, errs, 3, "%v", errs)
	assert.Contains(t, errs[0], "cluster://fake/shop/configmaps: listing configmaps (page 1): timed out")
	assert.Contains(t, errs[1], "cluster://fake/shop/deployments.apps: listing deployments.apps (page 1): timed out (limit 200ms)")
	assert.Contains(t, errs[2], "cluster://fake/shop/secrets: listing secrets (page 1): forbidden")
	assert.Equal(t, []string{
		"1/4 configmaps 0", "2/4 deployments.apps 0", "3/4 pods 1203", "4/4 secrets 0",
	}, progress)
}
