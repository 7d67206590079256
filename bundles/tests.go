package bundles

import (
	"context"
	"fmt"
	"strings"

	"github.com/kubeward/kubeward/engine/harness"
	"github.com/kubeward/kubeward/engine/policy"
)

// TestFailure is a build stopped by failing Rego tests.
type TestFailure struct {
	Failed []string // "file:line: package.test_name" and why
}

func (e *TestFailure) Error() string {
	return fmt.Sprintf("%d Rego test(s) failed, bundle not built:\n  %s", len(e.Failed), strings.Join(e.Failed, "\n  "))
}

// RunTests runs the library's test_ rules as `kubeward test` does (engine/harness:
// lint's capabilities and data) and returns how many ran.
func RunTests(ctx context.Context, lib *policy.Library) (int, error) {
	results, err := harness.RegoTests(ctx, lib, harness.Options{})
	if err != nil {
		return 0, fmt.Errorf("running the Rego tests: %w", err)
	}
	var failed []string
	for _, r := range results {
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
		return len(results), &TestFailure{Failed: failed}
	}
	return len(results), nil
}
