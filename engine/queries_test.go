package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// TestLongLivedLinterCompilesEachQueryOnce: a Linter used for many calls
// (a controller, a webhook) compiles the query of a kind once, not once per
// call, and each call still sees only its own objects.
func TestLongLivedLinterCompilesEachQueryOnce(t *testing.T) {
	l, err := engine.New(engine.Options{Workers: 1})
	require.NoError(t, err)
	objs, errs := load.Parse("d.yaml", []byte(privilegedDeployment), load.DefaultLimits())
	require.Empty(t, errs)
	ctx := context.Background()

	first := l.LintObjects(ctx, objs)
	require.NotEmpty(t, first.Findings)
	compiled := engine.QueriesCompiled(l)
	assert.Equal(t, 1, compiled, "one kind, one part: one query")
	for range 3 {
		again := l.LintObjects(ctx, objs)
		assert.Equal(t, len(first.Findings), len(again.Findings))
	}
	assert.Equal(t, compiled, engine.QueriesCompiled(l), "later calls reuse the compiled query")
}

// TestSharedQueriesSeeEachCallsObjects: the compiled queries are shared, the
// inventory is not. Calls with the same kinds use the same compiled query; a
// Service selects pods only in the call whose Deployment has its labels.
func TestSharedQueriesSeeEachCallsObjects(t *testing.T) {
	l, err := engine.New(engine.Options{Complete: true, Workers: 1})
	require.NoError(t, err)
	parse := func(doc string) []*load.Object {
		objs, errs := load.Parse("in.yaml", []byte(doc), load.DefaultLimits())
		require.Empty(t, errs)
		return objs
	}
	const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`
	const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "registry.example/web@sha256:0000000000000000000000000000000000000000000000000000000000000000", ports: [{containerPort: 8080}]}]
`
	selectsNoPods := func(res *engine.Result) bool {
		for _, f := range res.Findings {
			if f.Rule.ID == "KW-NET-012" {
				return true
			}
		}
		return false
	}
	other := strings.ReplaceAll(deployment, "app: web", "app: webapp")
	ctx := context.Background()
	assert.False(t, selectsNoPods(l.LintObjects(ctx, parse(service+"---\n"+deployment))), "with its Deployment")
	compiled := engine.QueriesCompiled(l)
	assert.True(t, selectsNoPods(l.LintObjects(ctx, parse(service+"---\n"+other))), "with another Deployment")
	assert.False(t, selectsNoPods(l.LintObjects(ctx, parse(service+"---\n"+deployment))), "with its Deployment again")
	assert.Equal(t, compiled, engine.QueriesCompiled(l), "the three calls used the same compiled queries")
}
