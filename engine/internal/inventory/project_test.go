package inventory

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/load"
)

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  uid: 0b5c6a6e-2f5e-4a55-9d1e-2f6c1f0e9a11
  resourceVersion: "48213"
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: registry.example.com/web:1.4
        ports: [{containerPort: 8080, name: http}]
`

// A projection holds what cross-resource rules read, and no term of the
// object's scalars: those sit in one block per mapping (load), which would
// keep the rest of the mapping alive with them.
func TestProjectionKeepsNoScalarTermOfTheObject(t *testing.T) {
	objs, errs := load.Parse("deploy.yaml", []byte(deployment), load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	o := objs[0]
	p := Project(o)
	require.True(t, p.Partial)

	want := ast.MustParseTerm(`{"apiVersion": "apps/v1", "kind": "Deployment",
		"metadata": {"name": "web", "namespace": "shop"},
		"spec": {"replicas": 2, "template": {"metadata": {"labels": {"app": "web"}},
			"spec": {"containers": [{"name": "app", "ports": [{"containerPort": 8080, "name": "http"}]}]}}}}`)
	assert.Equal(t, 0, want.Value.Compare(p.Value), "projection: %v", p.Value)

	for _, path := range [][]string{{"apiVersion"}, {"metadata", "name"}, {"spec", "replicas"}} {
		assert.NotSame(t, termAt(t, o.Value, path), termAt(t, p.Value, path), "%v", path)
	}
	// Mappings kept whole are the object's own.
	assert.Same(t, termAt(t, o.Value, []string{"spec", "template", "metadata", "labels"}),
		termAt(t, p.Value, []string{"spec", "template", "metadata", "labels"}))
}

func termAt(t *testing.T, v ast.Value, path []string) *ast.Term {
	t.Helper()
	var term *ast.Term
	for _, k := range path {
		obj, ok := v.(ast.Object)
		require.True(t, ok, "%v", path)
		term = obj.Get(ast.StringTerm(k))
		require.NotNil(t, term, "%v", path)
		v = term.Value
	}
	return term
}
