package bundles

import (
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/kubeward/kubeward/engine/policy"
)

// TestFailure is a build stopped by failing Rego tests.
type TestFailure struct {
	Failed []string // "file:line: package.test_name" and why
}

func (e *TestFailure) Error() string {
	return fmt.Sprintf("%d Rego test(s) failed, bundle not built:\n  %s", len(e.Failed), strings.Join(e.Failed, "\n  "))
}

// RunTests runs the library's test_ rules with OPA's test runner, with the
// capabilities and data lint uses, and returns how many ran.
func RunTests(ctx context.Context, lib *policy.Library) (int, error) {
	modules, err := lib.Modules()
	if err != nil {
		return 0, err
	}
	store := inmem.NewFromObject(lib.Data)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return 0, err
	}
	defer store.Abort(ctx, txn)
	runner := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(policy.Capabilities())).
		SetStore(store).
		SetModules(modules).
		RaiseBuiltinErrors(true)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return 0, fmt.Errorf("running the Rego tests: %w", err)
	}
	n := 0
	var failed []string
	for r := range ch {
		n++
		if r.Pass() || r.Skip {
			continue
		}
		where := ""
		if r.Location != nil {
			where = fmt.Sprintf("%s:%d: ", r.Location.File, r.Location.Row)
		}
		name := strings.TrimPrefix(r.Package, "data.") + "." + r.Name
		if r.Error != nil {
			failed = append(failed, fmt.Sprintf("%s%s: error: %v", where, name, r.Error))
		} else {
			failed = append(failed, where+name+": failed")
		}
	}
	if len(failed) > 0 {
		return n, &TestFailure{Failed: failed}
	}
	return n, nil
}
