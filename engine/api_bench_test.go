package engine_test

import (
	"context"
	"testing"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// BenchmarkLintOneObject is what a library user pays per object with a
// prepared Linter (an admission webhook, an editor integration): one
// Deployment, already parsed, through the whole library.
func BenchmarkLintOneObject(b *testing.B) {
	l, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	objs, errs := load.Parse("d.yaml", []byte(privilegedDeployment), load.DefaultLimits())
	if len(errs) > 0 || len(objs) != 1 {
		b.Fatalf("parse: %v", errs)
	}
	ctx := context.Background()
	l.LintObjects(ctx, objs) // compile for the kind once, as a long-lived user would
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := l.LintObjects(ctx, objs); len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}
