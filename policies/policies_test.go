package policies_test

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/policy"
)

// TestRego runs every _test.rego of the bundled library (as embedded in the
// binary) through OPA's test runner, each as a Go subtest.
func TestRego(t *testing.T) {
	files, err := policy.BundledFiles(true)
	require.NoError(t, err)
	lib, err := policy.Load(policy.Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	modules, err := lib.Modules()
	require.NoError(t, err)

	ctx := context.Background()
	store := inmem.NewFromObject(lib.Data)
	txn, err := store.NewTransaction(ctx)
	require.NoError(t, err)
	defer store.Abort(ctx, txn)

	runner := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(policy.Capabilities())).
		SetStore(store).
		SetModules(modules).
		RaiseBuiltinErrors(true)
	ch, err := runner.RunTests(ctx, txn)
	require.NoError(t, err)
	n := 0
	for r := range ch {
		n++
		r := r
		t.Run(r.Package+"."+r.Name, func(t *testing.T) {
			if r.Error != nil {
				t.Fatalf("%s:%d: error: %v", r.Location.File, r.Location.Row, r.Error)
			}
			if r.Fail {
				t.Fatalf("%s:%d: %s failed", r.Location.File, r.Location.Row, r.Name)
			}
		})
	}
	require.Positive(t, n, "no Rego test ran")
}
